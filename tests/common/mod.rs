//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder (`../shared` beside the repository, or `$GLEANER_SHARED`).
pub fn shared() -> PathBuf {
    let dir = std::env::var_os("GLEANER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    assert!(
        dir.join("seeds").is_dir(),
        "shared data not found at {} (set GLEANER_SHARED)",
        dir.display()
    );
    dir
}
