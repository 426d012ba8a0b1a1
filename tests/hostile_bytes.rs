//! Hostile bytes through `clean_bytes`: invalid UTF-8, odd byte-order marks
//! and declarations, binary junk. Each ends with a result or a clear error.

use gleaner::{clean_bytes, decode, sniff_encoding, Error, InputKind, Options};

const PROSE: &str =
    "The committee said that the plan would be ready by the end of the year, and more.";

fn html(bytes: &[u8]) -> gleaner::Article {
    let mut opts = Options::default();
    opts.input = InputKind::Html;
    clean_bytes(bytes, &opts).expect("a result")
}

fn page(head: &str, body: &[u8]) -> Vec<u8> {
    let mut v = format!("<html><head>{head}</head><body><p>{PROSE} ").into_bytes();
    v.extend_from_slice(body);
    v.extend_from_slice(b"</p></body></html>");
    v
}

#[test]
fn invalid_utf8_is_replaced_not_refused() {
    // Valid UTF-8 around invalid sequences: lone continuation bytes,
    // overlong forms, encoded surrogates, a sequence cut short, 0xFF.
    for junk in [
        &b"\x80\x81\xbf"[..],
        b"\xc0\xaf\xe0\x80\xaf",
        b"\xed\xa0\x80\xed\xbf\xbf",
        b"\xf4\x90\x80\x80",
        b"\xe2\x82",
        b"\xff\xfe\xfd",
    ] {
        let bytes = page("<meta charset=\"utf-8\">", junk);
        let a = html(&bytes);
        assert!(a.text.contains("committee"), "{junk:?}");
        assert!(a.text.contains('\u{fffd}'), "{junk:?}");
    }
    // Without a declaration, invalid UTF-8 is read as windows-1252.
    let a = html(&page("", b"caf\xe9 \x93quoted\x94"));
    assert!(a.text.contains("café “quoted”"), "{}", a.text);
    // A multi-byte sequence cut at the very end is still UTF-8.
    assert_eq!(
        sniff_encoding("é".as_bytes().split_last().unwrap().1),
        "utf-8"
    );
}

#[test]
fn byte_order_marks_and_declarations() {
    // UTF-16 with a BOM, an odd number of bytes, a BOM alone.
    let mut le = vec![0xff, 0xfe];
    for u in format!("<p>{PROSE}</p>").encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    assert!(html(&le).text.contains("committee"));
    le.push(0x41);
    let _ = html(&le);
    for bom in [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff"] {
        let a = clean_bytes(bom, &Options::default()).expect("a result");
        assert_eq!(a.text, "");
    }
    // Declarations: UTF-16 without a BOM (read as UTF-8), an unknown label,
    // the replacement encoding, x-user-defined, a declaration after 64 KB.
    for head in [
        "<meta charset=\"utf-16\">",
        "<meta charset=\"no-such-encoding\">",
        "<meta charset=\"iso-2022-kr\">",
        "<meta charset=\"x-user-defined\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
        "<meta charset=\"",
    ] {
        let _ = html(&page(head, b"\x82\xa0 \xb1"));
    }
    let late = page(
        &format!("<!--{}--><meta charset=\"utf-8\">", "x".repeat(65536)),
        b"\xe9",
    );
    let _ = html(&late);
    assert_eq!(
        sniff_encoding(&page("<meta charset=\"utf-16le\">", b"\xe9")),
        "utf-8"
    );
}

#[test]
fn binary_and_huge_byte_inputs() {
    // Random-looking binary: a clear error.
    let junk: Vec<u8> = (0u32..100_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        clean_bytes(&junk, &Options::default()).unwrap_err(),
        Error::Binary
    );
    assert_eq!(
        clean_bytes(&vec![0u8; 10_000], &Options::default()).unwrap_err(),
        Error::Binary
    );
    // 20 MB of 0xFF: windows-1252 "ÿ", one long word.
    let ff = vec![0xffu8; 20 << 20];
    let a = clean_bytes(&ff, &Options::default()).expect("a result");
    assert_eq!(a.text.chars().count(), 20 << 20);
    // Empty input.
    assert_eq!(
        clean_bytes(b"", &Options::default())
            .expect("a result")
            .text,
        ""
    );
    // The limit applies to the bytes.
    let mut opts = Options::default();
    opts.max_input_bytes = 100;
    assert_eq!(
        clean_bytes(&[b'a'; 101], &opts).unwrap_err(),
        Error::TooLarge {
            size: 101,
            limit: 100
        }
    );
}

#[test]
fn decode_and_clean_bytes_agree() {
    for bytes in [
        page(
            "<meta charset=\"windows-1251\">",
            b"\xcf\xf0\xe8\xe2\xe5\xf2",
        ),
        page("", "plain UTF-8 – “quotes”".as_bytes()),
        page("<meta charset=\"utf-8\">", b"\xff"),
    ] {
        let opts = Options::default();
        assert_eq!(
            clean_bytes(&bytes, &opts),
            gleaner::clean(&decode(&bytes), &opts)
        );
    }
}
