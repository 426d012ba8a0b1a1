//! Inputs found by fuzzing (tests/data/fuzz/), run through every entry
//! point with the fuzz targets' invariants (fuzz/src/invariants.rs), each a
//! test of its own (`fuzz::<file>`), and the same invariants over the corpus
//! pages.

mod common;
#[path = "../fuzz/src/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use gleaner::{clean, InputKind, Options};
use libtest_mimic::{Arguments, Trial};

fn check_all(name: &str, data: &[u8]) {
    let ammonia = invariants::ammonia_builder();
    let input = String::from_utf8_lossy(data);
    for kind in [InputKind::Auto, InputKind::Html, InputKind::Text] {
        for base in [None, Some("https://example.org/dir/page.html?q=1#top")] {
            let mut options = Options::default();
            options.input = kind;
            options.base_url = base.map(String::from);
            options.restore = vec![0, 1, 2, 7];
            let result = clean(&input, &options);
            // The same input gives the same article (hash maps must not decide).
            for _ in 0..8 {
                assert!(
                    clean(&input, &options) == result,
                    "{name}: a different article on another run ({kind:?})"
                );
            }
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                invariants::check(Some(&input), input.len(), &options, &result, &ammonia)
            }));
            assert!(
                r.is_ok(),
                "{name}: an invariant broke ({kind:?}, base {base:?})"
            );
            let result = gleaner::clean_bytes(data, &options);
            let decoded = gleaner::decode(data);
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                invariants::check(Some(&decoded), data.len(), &options, &result, &ammonia)
            }));
            assert!(
                r.is_ok(),
                "{name}: an invariant broke in clean_bytes ({kind:?})"
            );
        }
    }
}

/// One test per fuzz finding: it keeps its fix.
fn fuzz_findings() -> Vec<Trial> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_none_or(|e| e != "md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fuzz findings in {}", dir.display());
    paths
        .into_iter()
        .map(|path| {
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            Trial::test(format!("fuzz::{file}"), move || {
                let data = std::fs::read(&path).expect("read");
                check_all(&path.display().to_string(), &data);
                Ok(())
            })
        })
        .collect()
}

fn corpus_pages_keep_the_invariants() {
    let shared = common::shared();
    let mut n = 0;
    for entry in std::fs::read_dir(shared.join("corpus/readability")).expect("corpus") {
        let path = entry.expect("entry").path().join("source.html");
        let Ok(page) = std::fs::read_to_string(&path) else {
            continue;
        };
        let ammonia = invariants::ammonia_builder();
        for kind in [InputKind::Html, InputKind::Text] {
            let mut options = Options::default();
            options.input = kind;
            let result = clean(&page, &options);
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                invariants::check(Some(&page), page.len(), &options, &result, &ammonia)
            }));
            assert!(
                r.is_ok(),
                "{}: an invariant broke ({kind:?})",
                path.display()
            );
        }
        n += 1;
    }
    for entry in std::fs::read_dir(shared.join("seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        let Ok(page) = std::fs::read_to_string(&path) else {
            continue;
        };
        let ammonia = invariants::ammonia_builder();
        let options = Options::default();
        let result = clean(&page, &options);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            invariants::check(Some(&page), page.len(), &options, &result, &ammonia)
        }));
        assert!(r.is_ok(), "{}: an invariant broke", path.display());
        n += 1;
    }
    assert!(n >= 100, "pages read: {n}");
}

/// Triage of fuzz findings against the current code:
/// `GLEANER_FUZZ_ARTIFACTS=fuzz/artifacts/html cargo test --release --test fuzz_regressions -- --ignored`
/// lists every file that still breaks an invariant.
fn triage_fuzz_artifacts() {
    let Some(dir) = std::env::var_os("GLEANER_FUZZ_ARTIFACTS") else {
        return;
    };
    let mut broken = Vec::new();
    for entry in std::fs::read_dir(dir).expect("artifacts") {
        let path = entry.expect("entry").path();
        let data = std::fs::read(&path).expect("read");
        if std::panic::catch_unwind(|| check_all(&path.display().to_string(), &data)).is_err() {
            broken.push(path.display().to_string());
        }
    }
    assert!(broken.is_empty(), "still broken: {broken:#?}");
}

fn main() -> std::process::ExitCode {
    let mut trials = fuzz_findings();
    trials.push(Trial::test("corpus_pages_keep_the_invariants", || {
        corpus_pages_keep_the_invariants();
        Ok(())
    }));
    // A triage tool, not a test: run with --ignored (or --include-ignored).
    trials.push(
        Trial::test("triage_fuzz_artifacts", || {
            triage_fuzz_artifacts();
            Ok(())
        })
        .with_ignored_flag(true),
    );
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}
