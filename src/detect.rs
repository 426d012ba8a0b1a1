//! Input detection: HTML or plain text, and binary junk.

use crate::options::InputKind;
#[cfg(any(test, target_arch = "wasm32"))]
use crate::util::le_word;

/// How many bytes at the start of the input the checks look at.
const SNIFF: usize = 64 * 1024;

fn head(input: &str) -> &str {
    let mut end = input.len().min(SNIFF);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    &input[..end]
}

/// True when the input looks like binary data rather than text: NUL bytes or
/// many control characters near the start.
pub(crate) fn looks_binary(input: &str) -> bool {
    let head = head(input);
    if head.is_empty() {
        return false;
    }
    // Characters are counted by their first bytes, and control characters
    // by their bytes: C0 controls and DEL are single bytes, C1 controls
    // (U+0080 to U+009F) are 0xC2 followed by 0x80 to 0x9F. No decoding.
    let b = head.as_bytes();
    #[cfg(not(target_arch = "wasm32"))]
    let (control, continuation) = counts_bytewise(b);
    #[cfg(target_arch = "wasm32")]
    let (control, continuation) = counts_by_words(b);
    let total = b.len() - continuation;
    control * 10 > total
}

/// The control characters and the continuation bytes (0x80 to 0xBF) of
/// `b`, a byte at a time in a loop without branches, which the compiler
/// turns into vector code on native targets: each byte is paired with the
/// one after it (a C1 control's second byte), and counted in byte-wide
/// counters over rounds short enough not to overflow them.
#[cfg(any(test, not(target_arch = "wasm32")))]
fn counts_bytewise(b: &[u8]) -> (usize, usize) {
    let (mut control, mut continuation) = (0usize, 0usize);
    let next = b.get(1..).unwrap_or_default();
    for (xs, ys) in b.chunks(240).zip(next.chunks(240)) {
        let (mut c, mut k) = (0u8, 0u8);
        for (&x, &y) in xs.iter().zip(ys) {
            c += u8::from(control_pair(x, y));
            k += u8::from(x & 0xc0 == 0x80);
        }
        control += usize::from(c);
        continuation += usize::from(k);
    }
    // The last byte has none after it.
    if let Some(&x) = b.last() {
        control += usize::from(control_pair(x, 0));
        continuation += usize::from(x & 0xc0 == 0x80);
    }
    (control, continuation)
}

/// Whether a control character other than \t, \n, \x0c and \r starts at
/// byte `x`, followed by `y`: C0 controls and DEL are single bytes, C1
/// controls (U+0080 to U+009F) are 0xC2 followed by 0x80 to 0x9F. (Without
/// branches: `&` and `|`, not `&&` and `||`.)
#[cfg(any(test, not(target_arch = "wasm32")))]
fn control_pair(x: u8, y: u8) -> bool {
    let c0 = (x < 0x20) & (x != b'\t') & (x != b'\n') & (x != 0x0c) & (x != b'\r');
    c0 | (x == 0x7f) | ((x == 0xc2) & (y & 0xe0 == 0x80))
}

/// The control characters and the continuation bytes (0x80 to 0xBF) of
/// `b`, eight bytes at a time (the WebAssembly build, whose loops are not
/// made vector code): continuation bytes counted in eight byte-wide
/// counters; the bytes of a word that holds a byte below 0x20, DEL or 0xC2
/// (a C1 control's first byte) looked at one by one.
#[cfg(any(test, target_arch = "wasm32"))]
fn counts_by_words(b: &[u8]) -> (usize, usize) {
    let (mut control, mut continuation) = (0usize, 0usize);
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(LO) & !x & HI != 0;
    // The sum of the eight byte counters (up to 8 * 255): in 16-bit lanes first.
    let sum_bytes = |x: u64| {
        const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
        let pairs = (x & EVEN) + ((x >> 8) & EVEN);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    };
    let words = b.len() / 8;
    for chunk in 0..words.div_ceil(255) {
        // At most 255 words per round: the byte counters cannot overflow.
        let mut counters = 0u64;
        for k in chunk * 255..((chunk + 1) * 255).min(words) {
            let i = k * 8;
            let w = le_word(b, i).unwrap_or(0);
            counters += (w & !(w << 1) & HI) >> 7;
            let below_space = w.wrapping_sub(LO * 0x20) & !w & HI != 0;
            if below_space || has_zero(w ^ (LO * 0x7f)) || has_zero(w ^ (LO * 0xc2)) {
                control += (i..i + 8).filter(|&j| is_control_at(b, j)).count();
            }
        }
        continuation += sum_bytes(counters);
    }
    for j in words * 8..b.len() {
        continuation += usize::from(b[j] & 0xc0 == 0x80);
        control += usize::from(is_control_at(b, j));
    }
    (control, continuation)
}

/// Whether a control character other than \t, \n, \x0c and \r starts at
/// byte `i`: C0 controls and DEL are single bytes, C1 controls (U+0080 to
/// U+009F) are 0xC2 followed by 0x80 to 0x9F.
#[cfg(any(test, target_arch = "wasm32"))]
fn is_control_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\t' | b'\n' | 0x0c | b'\r' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    }
}

/// Decides whether the input is HTML or plain text.
///
/// HTML when it opens with a doctype, a comment or a document-level tag, or when
/// markup makes up a clear share of its start.
pub(crate) fn input_kind(input: &str) -> InputKind {
    let head = head(input).trim_start_matches('\u{feff}').trim_start();
    let lower: String = head
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype", "<html", "<head", "<body", "<?xml", "<!--"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return InputKind::Html;
    }
    let bytes = head.as_bytes();
    let mut tags = 0usize;
    let mut closing = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'<' {
            match bytes.get(i + 1) {
                Some(c) if c.is_ascii_alphabetic() => tags += 1,
                Some(b'/') if bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) => closing += 1,
                _ => {}
            }
        }
    }
    let starts_with_tag = head.starts_with('<') && tags > 0;
    if (starts_with_tag && closing > 0) || (closing >= 3 && tags >= 5 && tags * 200 > head.len()) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_documents_fragments_and_text() {
        assert_eq!(input_kind("<!DOCTYPE html><p>x</p>"), InputKind::Html);
        assert_eq!(input_kind("  <div><p>Hello</p></div>"), InputKind::Html);
        assert_eq!(input_kind("Hello world.\nA second line."), InputKind::Text);
        assert_eq!(input_kind("a < b and c > d, said x"), InputKind::Text);
    }

    #[test]
    fn both_counts_agree_on_mixed_controls() {
        // Every kind of byte the counts tell apart, in a fixed pseudo-random
        // order, across the rounds of either count.
        let pieces = [
            "\t", "\n", "\u{c}", "\r", "\u{1}", "\u{b}", "\u{7f}", "\u{85}", "\u{9f}", "\u{a0}",
            "é", "a", "€", "\0",
        ];
        let mut state = 12345u32;
        for len in [1, 7, 8, 9, 239, 240, 241, 600, 2100] {
            let mut s = String::new();
            for _ in 0..len {
                // (A linear congruential generator; its high half is the
                // better-mixed one.)
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let high = state >> 16;
                s.push_str(pieces[high as usize % pieces.len()]);
            }
            for cut in 0..4 {
                let b = &s.as_bytes()[..s.len().saturating_sub(cut)];
                assert_eq!(counts_bytewise(b), counts_by_words(b), "{len} {cut}");
            }
        }
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary("\0\0\0\u{1}\u{2}PNG"));
        assert!(!looks_binary("plain text\nwith lines\t and tabs"));
        assert!(!looks_binary(""));
        // C1 controls count, other characters beyond ASCII do not.
        assert!(looks_binary("\u{85}\u{9f}\u{80}ab"));
        assert!(!looks_binary("\u{a0}\u{100}\u{2028}ab"));
        // The same as counting characters one by one, at the threshold too.
        let slow = |s: &str| {
            let head = head(s);
            let total = head.chars().count();
            let control = head
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            !head.is_empty() && control * 10 > total
        };
        for n in [0, 1, 7, 8, 9, 300, 2100, 70_000] {
            for unit in ["é", "€", "𝄞", "a", "\u{85}"] {
                let text: String = unit.repeat(n);
                for controls in [n / 10, n / 10 + 1, n / 9 + 2] {
                    let s = format!("{}{text}", "\u{1}".repeat(controls));
                    assert_eq!(looks_binary(&s), slow(&s), "{n} {unit:?} {controls}");
                    // The native build's count and the WebAssembly build's agree.
                    let b = head(&s).as_bytes();
                    assert_eq!(counts_bytewise(b), counts_by_words(b), "{n} {unit:?}");
                }
            }
        }
    }
}
