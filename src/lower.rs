//! Lower case exactly as std's `str::to_lowercase` and `char::to_lowercase`
//! give it, from compact tables.
//!
//! std looks the lower case up in a table of 1,434 pairs of 32-bit code
//! points (11.5 KB raw). The same mapping is 184 runs of characters whose
//! lower case lies at a fixed distance (every character, or every other
//! one), and the Final_Sigma rule needs only where the class of a character
//! (case-ignorable, cased, neither) changes: the WebAssembly module is 5.5 KB
//! smaller gzipped. Both tables (`lower/tables.rs`) are generated from std by
//! the test `lower::tests::tables`; `every_character_as_std` compares every
//! character's lower case and class with std, `strings_as_std` the final
//! sigma in every context class. Use these functions, not std's, in the
//! library: one call of std's brings its table back.

#[rustfmt::skip]
mod tables;

use tables::{CLASSES, RUNS};

// How a run of `RUNS` is packed into its first `u32`: the first character
// in the low bits, a bit set when the run takes every other character, and
// the number of characters above it.
/// Bits of a run's first character (every code point fits in 21).
const FIRST_BITS: u32 = 21;
/// The mask of a run's first character.
const FIRST_MASK: u32 = (1 << FIRST_BITS) - 1;
/// The bit set when a run takes every other character.
const EVERY_OTHER_BIT: u32 = FIRST_BITS;
/// Where a run's count of characters starts.
const COUNT_SHIFT: u32 = FIRST_BITS + 1;
/// Bits of a character's class in `CLASSES` (below its code point).
const CLASS_BITS: u32 = 2;

/// The lower case of `c`, as `c.to_lowercase()`: one character, or two for
/// 'İ' (an i and a combining dot above), the only one that has two.
pub(crate) fn lower_char(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    if c == 'İ' {
        return ('i', Some('\u{307}'));
    }
    let u = u32::from(c);
    // The last run that starts at or before `c`; the runs do not overlap.
    let i = RUNS.partition_point(|&(w, _)| w & FIRST_MASK <= u);
    if let Some(&(w, delta)) = i.checked_sub(1).and_then(|i| RUNS.get(i)) {
        let step = 1 + (w >> EVERY_OTHER_BIT & 1);
        let off = u - (w & FIRST_MASK);
        if off % step == 0 && off / step < w >> COUNT_SHIFT {
            if let Some(l) = char::from_u32(u.wrapping_add_signed(delta)) {
                return (l, None);
            }
        }
    }
    (c, None)
}

/// Appends the lower case of `c` to `out`.
pub(crate) fn push_lower(c: char, out: &mut String) {
    let (a, b) = lower_char(c);
    out.push(a);
    if let Some(b) = b {
        out.push(b);
    }
}

/// `s` in lower case, as `s.to_lowercase()`: a capital sigma at the end of
/// a word becomes 'ς', elsewhere 'σ'.
pub(crate) fn to_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        rest = push_ascii_lower(rest, &mut out);
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return out;
        };
        if c == 'Σ' {
            let at = s.len() - rest.len();
            out.push(if final_sigma(s, at) { 'ς' } else { 'σ' });
        } else {
            push_lower(c, &mut out);
        }
        rest = chars.as_str();
    }
}

/// Appends the run of ASCII that `s` begins with to `out` in lower case,
/// in one piece; gives what follows it (empty, or a character that is not
/// ASCII first).
fn push_ascii_lower<'s>(s: &'s str, out: &mut String) -> &'s str {
    let ascii = s.bytes().take_while(u8::is_ascii).count();
    let (Some(run), Some(rest)) = (s.get(..ascii), s.get(ascii..)) else {
        return "";
    };
    let start = out.len();
    out.push_str(run);
    if let Some(pushed) = out.get_mut(start..) {
        pushed.make_ascii_lowercase();
    }
    rest
}

/// Whether `s` in lower case ([`to_lower`]) is `lower`, without building
/// the lower case: character by character, but for a capital sigma, whose
/// lower case depends on what surrounds it.
pub(crate) fn lower_is(s: &str, lower: &str) -> bool {
    if s.contains('Σ') {
        return to_lower(s) == lower;
    }
    let mut want = lower.chars();
    s.chars().all(|c| {
        let (a, b) = lower_char(c);
        want.next() == Some(a) && b.is_none_or(|b| want.next() == Some(b))
    }) && want.next().is_none()
}

/// A character's class for the Final_Sigma rule.
const OTHER: u32 = 0;
const IGNORABLE: u32 = 1;
const CASED: u32 = 2;

fn class(c: char) -> u32 {
    let key = u32::from(c) << CLASS_BITS | ((1 << CLASS_BITS) - 1);
    let i = CLASSES.partition_point(|&w| w <= key);
    i.checked_sub(1)
        .and_then(|i| CLASSES.get(i))
        .map_or(OTHER, |w| w & ((1 << CLASS_BITS) - 1))
}

/// Whether the capital sigma at byte `i` of `s` ends a word (Unicode's
/// Final_Sigma): a cased character before it and none after it, skipping
/// case-ignorable ones.
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s.get(..i).unwrap_or("");
    let after = s.get(i + 'Σ'.len_utf8()..).unwrap_or("");
    cased_first(&mut before.chars().rev()) && !cased_first(&mut after.chars())
}

/// Whether the first character that is not case-ignorable is cased.
fn cased_first(chars: &mut dyn Iterator<Item = char>) -> bool {
    chars.map(class).find(|&k| k != IGNORABLE) == Some(CASED)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // (std is the reference the tables are checked against)
mod tests {
    use super::*;

    const TABLES: &str = "src/lower/tables.rs";

    /// std's class of `c` for the Final_Sigma rule, read off its output: a
    /// capital sigma right after `c` is final when `c` is cased and not
    /// case-ignorable; after "A" and `c`, when `c` is either.
    fn std_class(c: char) -> u32 {
        if c == 'Σ' {
            return CASED;
        }
        if format!("{c}Σ").to_lowercase().ends_with('ς') {
            CASED
        } else if format!("A{c}Σ").to_lowercase().ends_with('ς') {
            IGNORABLE
        } else {
            OTHER
        }
    }

    fn generate() -> String {
        // (first, count, distance, step) for each run.
        let mut runs: Vec<(u32, u32, i64, u32)> = Vec::new();
        for c in ('\u{80}'..=char::MAX).filter(|&c| c != 'İ') {
            let l: Vec<char> = c.to_lowercase().collect();
            assert_eq!(l.len(), 1, "{c:?}: one character");
            if l[0] == c {
                continue;
            }
            let (u, d) = (
                u32::from(c),
                i64::from(u32::from(l[0])) - i64::from(u32::from(c)),
            );
            if let Some(r) = runs.last_mut() {
                let last = r.0 + (r.1 - 1) * r.3;
                if r.2 == d
                    && (r.1 == 1 && (u - last == 1 || u - last == 2) || r.1 > 1 && u - last == r.3)
                {
                    r.3 = u - last;
                    r.1 += 1;
                    continue;
                }
            }
            runs.push((u, 1, d, 1));
        }
        let mut out = String::from(
            "// Generated by the test `lower::tests::tables` from std's lower case\n\
             // (GLEANER_WRITE_LOWER=1 cargo test --release --lib lower): do not edit.\n\n\
             /// Runs of characters whose lower case is the character at a fixed\n\
             /// distance: (the first one | 1 << 21 if every other character is in the\n\
             /// run | the number of characters << 22, the distance), by first character.\n",
        );
        out += &format!("pub(super) static RUNS: [(u32, i32); {}] = [\n", runs.len());
        out += &wrapped(runs.iter().map(|&(u, n, d, step)| {
            assert!(u <= FIRST_MASK && n < 1 << (32 - COUNT_SHIFT) && (step == 1 || step == 2));
            format!(
                "(0x{:x}, {d}), ",
                u | (step - 1) << EVERY_OTHER_BIT | n << COUNT_SHIFT
            )
        }));
        out += "\n];\n\n";
        let mut changes = Vec::new();
        let mut prev = OTHER;
        for u in 0..=u32::from(char::MAX) {
            let k = char::from_u32(u).map_or(prev, std_class);
            if k != prev {
                changes.push(u << CLASS_BITS | k);
                prev = k;
            }
        }
        out += "/// Where a character's class for the Final_Sigma rule changes: the first\n\
                /// character << 2 | the class from it on (0 neither, 1 case-ignorable,\n\
                /// 2 cased and not case-ignorable).\n";
        out += &format!("pub(super) static CLASSES: [u32; {}] = [\n", changes.len());
        out += &wrapped(changes.iter().map(|w| format!("0x{w:x}, ")));
        out += "\n];\n";
        out
    }

    /// How long a line of the generated tables may be.
    const LINE_CHARS: usize = 96;

    /// The items in lines of at most [`LINE_CHARS`] characters, each
    /// indented by four spaces (as rustfmt leaves a table).
    fn wrapped(items: impl Iterator<Item = String>) -> String {
        let (mut out, mut line) = (String::new(), String::new());
        for item in items {
            if line.len() + item.len() > LINE_CHARS {
                out += line.trim_end();
                out.push('\n');
                line.clear();
            }
            if line.is_empty() {
                line.push_str("    ");
            }
            line += &item;
        }
        out += line.trim_end();
        out
    }

    #[test]
    fn tables() {
        let want = generate();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLES);
        if std::env::var_os("GLEANER_WRITE_LOWER").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap();
        assert!(
            have == want,
            "{TABLES} is not what std's lower case gives: GLEANER_WRITE_LOWER=1 cargo test --release --lib lower"
        );
    }

    #[test]
    fn every_character_as_std() {
        for c in '\0'..=char::MAX {
            let (a, b) = lower_char(c);
            let want: Vec<char> = c.to_lowercase().collect();
            let have: Vec<char> = [Some(a), b].into_iter().flatten().collect();
            assert_eq!(have, want, "{c:?}");
            assert_eq!(class(c), std_class(c), "{c:?}");
        }
    }

    #[test]
    fn strings_as_std() {
        let samples = [
            "",
            "Hello WORLD",
            "ΟΔΟΣ",
            "ΟΔΟΣ ΣΤΟ ΣΠΙΤΙ Σ",
            "Σ",
            "AΣ",
            "ΣA",
            "A'Σ'",
            "A'Σ'B",
            "ΑΣ\u{301}",
            "ΑΣ\u{301}Β",
            "\u{301}Σ",
            "ǅΣ.",
            "İstanbul İİ",
            "ÀÉÎÕÜ Ωmega ĲSSELMEER ﬃ",
            "Ꞵ Ⱥ ẞ 𐐀𐐁 𞤀",
            "abc ΣΑΣ ΣΑΣ. ΣΑΣ'Σ",
        ];
        for s in samples {
            assert_eq!(to_lower(s), s.to_lowercase(), "{s:?}");
            let mut chars = String::new();
            s.chars().for_each(|c| push_lower(c, &mut chars));
            assert_eq!(
                chars,
                s.chars().flat_map(char::to_lowercase).collect::<String>(),
                "{s:?}"
            );
            // `lower_is` answers as comparing with `to_lower` does, for
            // the lower case itself and for its near misses.
            let lower = to_lower(s);
            assert!(lower_is(s, &lower), "{s:?}");
            let mut longer = lower.clone();
            longer.push('x');
            assert!(!lower_is(s, &longer), "{s:?}");
            if let Some(c) = lower.chars().last() {
                let shorter = &lower[..lower.len() - c.len_utf8()];
                assert_eq!(lower_is(s, shorter), to_lower(s) == shorter, "{s:?}");
            }
        }
        // A sigma between every pair of characters from a sample of each class.
        let picks: Vec<char> = "aA1 .'\u{301}\u{300}ǅΣσ-İ\u{200d}ʰ".chars().collect();
        for &x in &picks {
            for &y in &picks {
                for &z in &picks {
                    let s: String = [x, 'Σ', y, z, 'Σ'].iter().collect();
                    assert_eq!(to_lower(&s), s.to_lowercase(), "{s:?}");
                }
            }
        }
    }
}
