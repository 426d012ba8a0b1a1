//! Character references (`&amp;`, `&#233;`, `&eacute;`), decoded as the
//! HTML standard says: the longest named reference that matches, legacy
//! names without their `;`, numeric references with the windows-1252
//! replacements for C1 controls.

// The entity names and code points, packed: a copy of the table in
// gleaner's html5ever (vendor/html5ever/src/tokenizer/char_ref/), so that
// this parser builds with html5ever's release too; tests/named_entities.rs
// checks that the two files are the same.
mod named_entities;

/// The longest legacy name (a name that matches without its `;`).
const LONGEST_LEGACY: usize = 6;

/// The longest entity name, `;` included.
const LONGEST_NAME: usize = 33;

/// The code points of a named reference (`amp;`, or a legacy `amp`);
/// `None` when the name is none (or only begins one).
fn lookup(name: &[u8]) -> Option<(u32, u32)> {
    use named_entities::{CODES, FIRST, HIGH, LENS, NAMES, SECOND, STARTS};
    let at = |i: usize| -> Option<&[u8]> {
        let from = i / 16 * 16;
        let start = usize::from(*STARTS.get(i / 16)?)
            + LENS
                .get(from..i)?
                .iter()
                .map(|&l| usize::from(l))
                .sum::<usize>();
        NAMES.get(start..start + usize::from(*LENS.get(i)?))
    };
    let first = usize::from(*name.first()?);
    // The names that begin with the first byte, sorted: a binary search.
    let (mut lo, mut hi) = (
        usize::from(*FIRST.get(first)?),
        usize::from(*FIRST.get(first + 1)?),
    );
    while lo < hi {
        let mid = (lo + hi) / 2;
        match at(mid)?.cmp(name) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let high = u32::from(HIGH[mid]);
                let second = *SECOND.get((high >> 1) as usize)?;
                return Some((u32::from(CODES[mid]) | (high & 1) << 16, second));
            }
        }
    }
    None
}

/// Windows-1252's characters for the C1 controls 0x80–0x9F, as numeric
/// references to them are read (0 = none, the control stays).
const C1: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
    0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

fn push_code(out: &mut String, n: u32) {
    if n != 0 {
        out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
    }
}

/// Decodes the character reference at the start of `rest` (just after an
/// `&`), appending the characters to `out`. Returns how many bytes of `rest`
/// it used; 0 means it is no reference and the `&` stands for itself.
///
/// In an attribute value a named reference without its `;` followed by `=`
/// or a letter or digit is left as written, as the standard says.
pub(super) fn decode(rest: &[u8], in_attribute: bool, out: &mut String) -> usize {
    match rest.first() {
        Some(b'#') => numeric(rest, out),
        Some(c) if c.is_ascii_alphanumeric() => named(rest, in_attribute, out),
        _ => 0,
    }
}

fn numeric(rest: &[u8], out: &mut String) -> usize {
    let hex = matches!(rest.get(1), Some(b'x' | b'X'));
    let start = if hex { 2 } else { 1 };
    let mut i = start;
    let mut n: u32 = 0;
    while let Some(&c) = rest.get(i) {
        let d = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'a'..=b'f' if hex => u32::from(c - b'a' + 10),
            b'A'..=b'F' if hex => u32::from(c - b'A' + 10),
            _ => break,
        };
        // Saturates above the last code point: the value is an error then.
        n = n
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(d)
            .min(0x11_0000);
        i += 1;
    }
    if i == start {
        return 0;
    }
    if rest.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match n {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => 0xFFFD,
        0x80..=0x9F => match C1[(n - 0x80) as usize] {
            0 => n,
            r => u32::from(r),
        },
        n => n,
    };
    push_code(out, c);
    i
}

fn named(rest: &[u8], in_attribute: bool, out: &mut String) -> usize {
    // The longest name is 32 characters and a `;`: a longer run of letters
    // and digits can only match as a legacy prefix.
    let run = rest
        .iter()
        .take(LONGEST_NAME + 1)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if run < LONGEST_NAME && rest.get(run) == Some(&b';') {
        if let Some((a, b)) = lookup(&rest[..=run]) {
            push_code(out, a);
            push_code(out, b);
            return run + 1;
        }
    }
    for len in (2..=run.min(LONGEST_LEGACY)).rev() {
        if let Some((a, b)) = lookup(&rest[..len]) {
            let next = rest.get(len).copied();
            if in_attribute && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
                return 0;
            }
            push_code(out, a);
            push_code(out, b);
            return len;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str, attr: bool) -> (String, usize) {
        let mut out = String::new();
        let n = decode(s.as_bytes(), attr, &mut out);
        (out, n)
    }

    /// The same answers as html5ever's table for every name and prefix.
    #[test]
    fn the_table_answers_as_html5ever() {
        let names = std::str::from_utf8(named_entities::NAMES).unwrap_or("");
        let mut count = 0;
        for i in 0..names.len() {
            for j in i + 1..=(i + 40).min(names.len()) {
                let name = &names[i..j];
                let theirs = html5ever::tokenizer::named_entity(name).filter(|&(a, _)| a != 0);
                assert_eq!(lookup(name.as_bytes()), theirs, "{name}");
                count += usize::from(theirs.is_some());
            }
        }
        assert!(count >= 2231, "{count}");
    }

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(d("amp;x", false), ("&".into(), 4));
        assert_eq!(d("amp x", false), ("&".into(), 3));
        assert_eq!(d("notin;", false), ("∉".into(), 6));
        assert_eq!(d("notit;", false), ("¬".into(), 3));
        assert_eq!(d("copyright", false), ("©".into(), 4));
        assert_eq!(d("copyright", true), ("".into(), 0));
        assert_eq!(d("copy=", true), ("".into(), 0));
        assert_eq!(d("copy ", true), ("©".into(), 4));
        assert_eq!(d("nGt;", false), ("\u{226b}\u{20d2}".into(), 4));
        assert_eq!(d("unknown;", false), ("".into(), 0));
        assert_eq!(
            d("CounterClockwiseContourIntegral;", false),
            ("∳".into(), 32)
        );
        assert_eq!(d("#233;", false), ("é".into(), 5));
        assert_eq!(d("#xE9", false), ("é".into(), 4));
        assert_eq!(d("#x80;", false), ("€".into(), 5));
        assert_eq!(d("#x81;", false), ("\u{81}".into(), 5));
        assert_eq!(d("#0;", false), ("\u{fffd}".into(), 3));
        assert_eq!(d("#99999999;", false), ("\u{fffd}".into(), 10));
        assert_eq!(d("#xD800;", false), ("\u{fffd}".into(), 7));
        assert_eq!(d("#xZZ;", false), ("".into(), 0));
        assert_eq!(d("#;", false), ("".into(), 0));
    }
}
