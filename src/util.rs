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
pub(crate) fn norm_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
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
        assert_eq!(prefix("äbc", 1), "");
        assert_ne!(fnv64("a"), fnv64("b"));
    }
}
