//! Input detection: HTML or plain text, and binary junk.

use crate::InputKind;

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
    let mut control = 0usize;
    let mut total = 0usize;
    for c in head.chars() {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            control += 1;
        }
    }
    control * 10 > total
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
    fn binary_is_recognised() {
        assert!(looks_binary("\0\0\0\u{1}\u{2}PNG"));
        assert!(!looks_binary("plain text\nwith lines\t and tabs"));
        assert!(!looks_binary(""));
    }
}
