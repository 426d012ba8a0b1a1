//! Bytes entry point: `clean_bytes` (BOM, `<meta charset>`, UTF-8 or a
//! legacy encoding, malformed sequences replaced), then every invariant on
//! the decoded text, and the same article as `clean` on `decode`'s output.
#![no_main]

use std::sync::OnceLock;

use gleaner::InputKind;
use gleaner_fuzz::{invariants, options_for};
use libfuzzer_sys::fuzz_target;

static AMMONIA: OnceLock<ammonia::Builder<'static>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let kind = match data.len() % 3 {
        0 => InputKind::Auto,
        1 => InputKind::Html,
        _ => InputKind::Text,
    };
    let options = options_for(data.len(), kind);
    let _ = gleaner::sniff_encoding(data);
    let result = gleaner::clean_bytes(data, &options);
    let decoded = gleaner::decode(data);
    let ammonia = AMMONIA.get_or_init(invariants::ammonia_builder);
    invariants::check(Some(&decoded), data.len(), &options, &result, ammonia);
    if data.len().is_multiple_of(4) {
        assert_eq!(
            result,
            gleaner::clean(&decoded, &options),
            "clean_bytes and clean(decode) disagree"
        );
    }
});
