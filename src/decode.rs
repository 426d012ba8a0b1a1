//! Bytes to text: which character encoding a page's bytes are in.
//!
//! [`sniff_encoding`] looks, in order, for a byte-order mark; bytes that are
//! valid UTF-8; a `<meta charset>` (or `http-equiv="Content-Type"`) near the
//! start of the document; and else takes windows-1252 (the web's default for
//! unlabelled legacy pages). Valid UTF-8 comes before the declaration, unlike
//! in a browser: text in a legacy encoding is almost never valid UTF-8 by
//! chance, while pages re-saved as UTF-8 often keep their old declaration.
//! It returns a WHATWG encoding label, so the decoding itself can be done by
//! `encoding_rs` natively ([`crate::clean_bytes`]) or by the browser's own
//! `TextDecoder` (the wasm package), which keeps the encoding tables out of
//! the `.wasm`.

/// How far into the document a `<meta charset>` is looked for. The HTML
/// standard's prescan reads 1024 bytes; pages with long heads put it later,
/// so a little more is read.
const PRESCAN: usize = 4096;

/// The WHATWG label of the encoding of `bytes`, lowercase (`"utf-8"`,
/// `"utf-16le"`, `"windows-1252"`, `"shift_jis"`, …): BOM, valid UTF-8,
/// `<meta charset>`, windows-1252.
///
/// A label declared by the page is returned as written (trimmed and
/// lowercased); the decoder decides whether it knows it, and falls back to
/// UTF-8 when it does not.
pub fn sniff_encoding(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return "utf-8".into();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return "utf-16le".into();
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return "utf-16be".into();
    }
    if valid_utf8_but_cut(bytes) {
        return "utf-8".into();
    }
    if let Some(label) = meta_charset(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page that says it is UTF-16 but has no BOM is read as UTF-8,
        // as the standard says (the declaration came through as ASCII).
        if label.starts_with("utf-16") || label == "unicode" || label == "ucs-2" {
            return "utf-8".into();
        }
        return label;
    }
    "windows-1252".into()
}

/// Valid UTF-8, perhaps with a sequence cut off at the very end.
fn valid_utf8_but_cut(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len(),
    }
}

/// The charset declared by a `<meta>` element in `head`, lowercased.
fn meta_charset(head: &[u8]) -> Option<String> {
    let mut i = 0;
    while let Some(found) = find_ci(&head[i..], b"<meta") {
        let start = i + found + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |p| start + p);
        let tag = &head[start..end];
        if let Some(label) = attr_value(tag, b"charset") {
            return Some(label);
        }
        if attr_value(tag, b"http-equiv").is_some_and(|v| v == "content-type") {
            if let Some(content) = attr_value(tag, b"content") {
                if let Some(label) = charset_in_content(&content) {
                    return Some(label);
                }
            }
        }
        i = end;
    }
    None
}

/// `text/html; charset=iso-8859-1` → `iso-8859-1`.
fn charset_in_content(content: &str) -> Option<String> {
    let at = content.find("charset")?;
    let rest = content[at + 7..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| !matches!(c, ';' | '"' | '\'') && !c.is_whitespace())
        .collect();
    (!label.is_empty()).then_some(label)
}

/// The value of attribute `name` in the inside of a tag, lowercased: the
/// attributes are read in turn as `name[=value]`, values quoted or not.
fn attr_value(tag: &[u8], name: &[u8]) -> Option<String> {
    let mut i = 0;
    let skip_space = |mut i: usize| {
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'/') {
            i += 1;
        }
        i
    };
    loop {
        i = skip_space(i);
        if i >= tag.len() {
            return None;
        }
        let name_start = i;
        while i < tag.len() && !tag[i].is_ascii_whitespace() && !matches!(tag[i], b'=' | b'/') {
            i += 1;
        }
        let this = &tag[name_start..i];
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if tag.get(i) == Some(&b'=') {
            i += 1;
            while i < tag.len() && tag[i].is_ascii_whitespace() {
                i += 1;
            }
            let begin;
            match tag.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    begin = i + 1;
                    i = begin;
                    while i < tag.len() && tag[i] != q {
                        i += 1;
                    }
                    value = Some(&tag[begin..i]);
                    i += 1;
                }
                _ => {
                    begin = i;
                    while i < tag.len() && !tag[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    let mut end = i;
                    while end > begin && tag[end - 1] == b'/' {
                        end -= 1;
                    }
                    value = Some(&tag[begin..end]);
                }
            }
        }
        if this.eq_ignore_ascii_case(name) {
            let value = String::from_utf8_lossy(value?).trim().to_ascii_lowercase();
            return (!value.is_empty()).then_some(value);
        }
    }
}

/// The first position of `needle` in `hay`, ASCII case-insensitively.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Decodes `bytes` in the encoding [`sniff_encoding`] finds (unknown labels
/// fall back to UTF-8); malformed sequences become U+FFFD.
#[cfg(feature = "encoding")]
pub fn decode(bytes: &[u8]) -> String {
    let label = sniff_encoding(bytes);
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    // `decode` honours a BOM, which overrides the label, and strips it.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        assert_eq!(
            sniff_encoding(b"\xEF\xBB\xBF<meta charset=latin1>"),
            "utf-8"
        );
        assert_eq!(sniff_encoding(b"\xFF\xFEa\0"), "utf-16le");
        assert_eq!(sniff_encoding(b"\xFE\xFF\0a"), "utf-16be");
    }

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            sniff_encoding(b"<html><head><META CharSet=\"ISO-8859-2\">\xb1"),
            "iso-8859-2"
        );
        assert_eq!(
            sniff_encoding(b"<meta charset='shift_jis'/>\x82\xa0"),
            "shift_jis"
        );
        assert_eq!(sniff_encoding(b"<meta charset=euc-jp/>\xa4"), "euc-jp");
        assert_eq!(
            sniff_encoding(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf!"
            ),
            "windows-1251"
        );
        assert_eq!(
            sniff_encoding(
                b"<meta content='text/html;charset=koi8-r' http-equiv=content-type>\xf0!"
            ),
            "koi8-r"
        );
        assert_eq!(sniff_encoding(b"<meta charset=utf-16>\xff"), "utf-8");
        // Valid UTF-8 wins over a stale declaration.
        assert_eq!(
            sniff_encoding("<meta charset=iso-8859-1>é".as_bytes()),
            "utf-8"
        );
        // A data-charset attribute is not a charset.
        assert_eq!(
            sniff_encoding(b"<meta data-charset=big5>\xa4"),
            "windows-1252"
        );
    }

    #[test]
    fn fallbacks() {
        assert_eq!(sniff_encoding("<p>Grüße</p>".as_bytes()), "utf-8");
        assert_eq!(sniff_encoding(b"<p>Gr\xfc\xdfe</p>"), "windows-1252");
        // A multi-byte character cut at the end is still UTF-8.
        assert_eq!(sniff_encoding(&"<p>Grü".as_bytes()[..6]), "utf-8");
        assert_eq!(sniff_encoding(b""), "utf-8");
    }

    #[cfg(feature = "encoding")]
    #[test]
    fn decodes_legacy_pages() {
        assert_eq!(
            decode(b"<meta charset=iso-8859-1><p>Gr\xfc\xdfe"),
            "<meta charset=iso-8859-1><p>Grüße"
        );
        assert_eq!(decode(b"<p>caf\xe9</p>"), "<p>café</p>");
        assert_eq!(decode(b"\xFF\xFEh\0i\0"), "hi");
        assert_eq!(decode(b"\xEF\xBB\xBFhi"), "hi");
        assert_eq!(
            decode(b"<meta charset=no-such-thing>\xc3\xa9"),
            "<meta charset=no-such-thing>é"
        );
        assert_eq!(
            decode(b"<meta charset=windows-1251>\xcf\xf0\xe8"),
            "<meta charset=windows-1251>При"
        );
    }
}
