//! Text entry point: `clean` with `InputKind::Text` (and `Auto`), plus
//! `is_probably_readable` and a `Cleaner` that sees the page twice, then every invariant.
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
        InputKind::Text
    };
    let options = options_for(data.len(), kind);
    let result = gleaner::clean(&input, &options);
    let ammonia = AMMONIA.get_or_init(invariants::ammonia_builder);
    invariants::check(Some(&input), input.len(), &options, &result, ammonia);
    if data.len().is_multiple_of(7) {
        let _ = gleaner::is_probably_readable(&input);
        let mut cleaner = gleaner::Cleaner::with_options(options.clone());
        let _ = cleaner.clean(&input);
        let second = cleaner.clean(&input);
        invariants::check(Some(&input), input.len(), &options, &second, ammonia);
        let saved = cleaner.export();
        let back = gleaner::Cleaner::import(&saved).expect("an exported memory imports");
        assert_eq!(back.export(), saved, "export/import round trip");
    }
});
