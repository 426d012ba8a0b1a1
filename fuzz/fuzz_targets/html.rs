//! HTML entry point: `clean` with `InputKind::Html` (and `Auto`), then every invariant.
#![no_main]

use std::sync::OnceLock;

use gleaner::InputKind;
use gleaner_fuzz::{invariants, options_for};
use libfuzzer_sys::fuzz_target;

static AMMONIA: OnceLock<ammonia::Builder<'static>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let kind = if data.len() % 5 == 4 {
        InputKind::Auto
    } else {
        InputKind::Html
    };
    let options = options_for(data.len(), kind);
    let result = gleaner::clean(&input, &options);
    let ammonia = AMMONIA.get_or_init(invariants::ammonia_builder);
    invariants::check(Some(&input), input.len(), &options, &result, ammonia);
});
