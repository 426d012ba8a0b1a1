//! Small text helpers shared by the pipeline.

/// The words of a text: maximal runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Collapses runs of white space to one space and trims the ends.
pub(crate) fn norm_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A key that ignores case, punctuation and spacing: for comparing blocks.
///
/// The words of `text` (see [`words`]) in lower case, joined by one space.
/// One pass over the bytes; ASCII (most of any page, and all of its markup)
/// takes no Unicode table look-ups.
pub(crate) fn norm_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            // A run of ASCII letters and digits, copied in one piece.
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| i + n);
            let start = out.len();
            out.push_str(&text[i..run]);
            out[start..].make_ascii_lowercase();
            i = run;
            continue;
        }
        if b.is_ascii() {
            in_word = false;
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            out.extend(c.to_lowercase());
        } else {
            in_word = false;
        }
        i += c.len_utf8();
    }
    out
}

/// 64-bit FNV-1a hash: stable across platforms and versions, for fingerprints.
pub(crate) fn fnv64(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(
            words("Hello, wörld! 42x").collect::<Vec<_>>(),
            ["Hello", "wörld", "42x"]
        );
        assert_eq!(norm_space("  a \n\t b  "), "a b");
        assert_eq!(norm_key("Hello,   WORLD!"), "hello world");
        for s in [
            "",
            " ",
            "ÄÖÜ straße, İstanbul — ΣΊΣΥΦΟΣ 42x",
            "a\u{0}b\u{a0}c",
        ] {
            let slow = words(s)
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(norm_key(s), slow, "{s}");
        }
        assert_eq!(prefix("äbc", 1), "");
        assert_ne!(fnv64("a"), fnv64("b"));
    }
}
