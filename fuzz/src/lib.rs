//! The invariants every fuzz target checks, shared with the regression tests
//! (`tests/fuzz_regressions.rs` includes `invariants.rs` by path).

pub mod invariants;

use gleaner::{InputKind, Options};

/// Options derived from the input's length, so one corpus covers several
/// option sets without a header byte that would break the seed pages.
pub fn options_for(len: usize, input: InputKind) -> Options {
    let mut o = Options::default();
    o.input = input;
    if len % 2 == 1 {
        o.base_url = Some("https://example.org/dir/page.html?q=1#top".into());
    }
    if len % 3 == 1 {
        o.restore = vec![0, 1, 2, 7];
    }
    o
}
