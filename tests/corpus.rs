//! Accuracy floors on the copied-text dev sets (`tests/data/copied/`, built by
//! `tools/devset/build.mjs`): runs the `gleaner-eval` binary and checks F1 with
//! the ScrapingHub benchmark's metric.
#![cfg(feature = "cli")]

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

// F1 floors, each the value measured when it was set, rounded down to 2
// decimals. Floors only go up: raise one when accuracy improves, never lower it.
/// Copied text of the 181 ScrapingHub benchmark pages.
const SCRAPINGHUB_TEXT_F1: f64 = 0.83;
/// Copied text of the 130 Mozilla Readability test pages.
const READABILITY_TEXT_F1: f64 = 0.79;

/// Runs `gleaner-eval --json --input text` on a dev set and returns its last line, parsed.
fn eval(set: &str) -> (Value, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/copied")
        .join(set);
    assert!(
        dir.join("ground-truth.json").is_file(),
        "dev set missing: {}",
        dir.display()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_gleaner-eval"))
        .args(["--json", "--input", "text", "--worst", "10"])
        .arg(&dir)
        .output()
        .expect("gleaner-eval runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let report = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "gleaner-eval failed:\n{report}");
    let last = stdout.lines().last().unwrap_or_default();
    let json = serde_json::from_str(last)
        .unwrap_or_else(|e| panic!("last line is not JSON ({e}):\n{report}"));
    (json, report)
}

fn check(set: &str, documents: u64, floor: f64) {
    let (json, report) = eval(set);
    println!("{report}");
    assert_eq!(json["documents"].as_u64(), Some(documents), "{report}");
    assert_eq!(json["errors"].as_u64(), Some(0), "{report}");
    let f1 = json["f1"].as_f64().unwrap_or(0.0);
    assert!(
        f1 >= floor,
        "{set}: F1 {f1:.4} fell below the floor {floor:.2}\n{report}"
    );
}

#[test]
fn scrapinghub_copied_text_f1_floor() {
    check("scrapinghub", 181, SCRAPINGHUB_TEXT_F1);
}

#[test]
fn readability_copied_text_f1_floor() {
    check("readability", 130, READABILITY_TEXT_F1);
}
