//! Accuracy floors: the copied-text dev sets (`tests/data/copied/`: three
//! built from the corpora by `tools/devset/build.mjs`, one of synthetic pages
//! in twelve languages) and the HTML corpora in `../shared/corpus/`.
//! Runs the `gleaner-eval` binary and checks F1 with the ScrapingHub
//! benchmark's metric, and the metadata scores on the Readability and
//! WCXB dev pages.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

// F1 floors, each the value measured when it was set, rounded down to 2
// decimals. Floors only go up: raise one when accuracy improves, never lower it.
/// Copied text of the 181 ScrapingHub benchmark pages.
const SCRAPINGHUB_TEXT_F1: f64 = 0.94;
/// Copied text of the 130 Mozilla Readability test pages.
const READABILITY_TEXT_F1: f64 = 0.88;
/// Copied text of 48 pages in 12 languages (`tests/data/copied/multilingual`).
const MULTILINGUAL_TEXT_F1: f64 = 0.98;
/// The 181 ScrapingHub benchmark pages as HTML.
const SCRAPINGHUB_HTML_F1: f64 = 0.975;
/// The 130 Readability test pages as HTML, against the text of `expected.html`.
const READABILITY_HTML_F1: f64 = 0.96;

/// The repository's root (this test lives in `tools/gleaner-eval/`).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared corpora beside the repository (or `$GLEANER_SHARED`).
fn shared() -> PathBuf {
    std::env::var_os("GLEANER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"))
}

/// Runs `gleaner-eval --json --input text` on a dev set and returns its last line, parsed.
fn eval(set: &str) -> (Value, String) {
    let dir = root().join("tests/data/copied").join(set);
    assert!(
        dir.join("ground-truth.json").is_file(),
        "dev set missing: {}",
        dir.display()
    );
    run_eval(&["--input", "text"], &dir)
}

/// Runs `gleaner-eval --json ARGS DIR` and returns its last line, parsed.
fn run_eval(args: &[&str], dir: &std::path::Path) -> (Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gleaner-eval"))
        .args(["--json", "--worst", "10"])
        .args(args)
        .arg(dir)
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
    check_f1(set, &json, &report, Some(documents), floor);
}

/// Asserts a run's document count (when known), no errors and F1 at or above the floor.
fn check_f1(set: &str, json: &Value, report: &str, documents: Option<u64>, floor: f64) {
    println!("{report}");
    if let Some(n) = documents {
        assert_eq!(json["documents"].as_u64(), Some(n), "{report}");
    }
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

#[test]
fn multilingual_copied_text_f1_floor() {
    check("multilingual", 48, MULTILINGUAL_TEXT_F1);
}

/// The ScrapingHub pages' own article text, pasted as the input: what a
/// person who copied only the article gets back.
const PASTED_ARTICLE_F1: f64 = 0.97;

#[test]
fn pasted_article_comes_back() {
    let src = root().join("tests/data/copied/scrapinghub");
    let truth = std::fs::read_to_string(src.join("ground-truth.json")).expect("ground truth");
    let pages: Value = serde_json::from_str(&truth).expect("ground truth is JSON");
    let dir = std::env::temp_dir().join(format!("gleaner-pasted-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("text")).expect("temporary folder");
    std::fs::write(dir.join("ground-truth.json"), &truth).expect("ground truth copied");
    for (id, page) in pages.as_object().expect("an object of pages") {
        let body = page["articleBody"].as_str().unwrap_or_default();
        std::fs::write(dir.join("text").join(format!("{id}.txt")), body).expect("page written");
    }
    let (json, report) = run_eval(&["--input", "text"], &dir);
    let _ = std::fs::remove_dir_all(&dir);
    check_f1(
        "pasted article",
        &json,
        &report,
        Some(181),
        PASTED_ARTICLE_F1,
    );
}

#[test]
fn scrapinghub_html_f1_floor() {
    let (json, report) = run_eval(&["--input", "html"], &shared().join("corpus/scrapinghub"));
    check_f1(
        "scrapinghub html",
        &json,
        &report,
        Some(181),
        SCRAPINGHUB_HTML_F1,
    );
}

#[test]
fn readability_html_f1_floor() {
    let (json, report) = run_eval(&["--readability"], &shared().join("corpus/readability"));
    check_f1(
        "readability html",
        &json,
        &report,
        None,
        READABILITY_HTML_F1,
    );
}

/// WCXB dev (7 page types), the benchmark's word F1 by half and by page
/// type: each floor the value measured when it was set, rounded down to 2
/// places. Half B is checked, never studied.
const WCXB_WORD_F1: &[(&str, f64)] = &[
    ("all_a", 0.86),
    ("all_b", 0.84),
    ("all", 0.85),
    ("article", 0.94),
    ("collection", 0.69),
    ("documentation", 0.92),
    ("forum", 0.76),
    ("listing", 0.65),
    // (Listing: lowered once, from 0.61 to 0.60, when a listing's repeated
    // items became its content; 0.62 since teasers and definition lists
    // are entries.)
    ("product", 0.67),
    ("service", 0.82),
];

#[test]
fn wcxb_word_f1_floors() {
    let dir = shared().join("corpus/wcxb-dev");
    if !dir.join("ground-truth.json").is_file() {
        panic!("the WCXB dev set is missing: {}", dir.display());
    }
    let (json, report) = run_eval(&[], &dir);
    check_word_floors(&json, &report, WCXB_WORD_F1, "WCXB");
}

/// The WCXB dev pages as copied text (`tests/data/copied/wcxb`), the same
/// word F1 by half and by page type: each floor about 0.01 below the value
/// measured when it was set, rounded down to 2 places. Half B is checked,
/// never studied.
const WCXB_TEXT_WORD_F1: &[(&str, f64)] = &[
    ("all_a", 0.78),
    ("all_b", 0.78),
    ("all", 0.78),
    ("article", 0.89),
    ("collection", 0.57),
    ("documentation", 0.87),
    ("forum", 0.71),
    ("listing", 0.53),
    ("product", 0.49),
    ("service", 0.75),
];

#[test]
fn wcxb_copied_text_word_f1_floors() {
    let dir = root().join("tests/data/copied/wcxb");
    assert!(
        dir.join("ground-truth.json.gz").is_file(),
        "dev set missing: {}",
        dir.display()
    );
    let (json, report) = run_eval(&["--input", "text"], &dir);
    check_word_floors(&json, &report, WCXB_TEXT_WORD_F1, "WCXB copied text");
}

/// Fails when a WCXB run did not score all 1,497 pages without errors, or
/// when a word F1 (`all`, `all_a`, `all_b` or a page type) fell below its
/// floor.
fn check_word_floors(json: &Value, report: &str, floors: &[(&str, f64)], label: &str) {
    println!("{report}");
    assert_eq!(json["documents"].as_u64(), Some(1497), "{report}");
    assert_eq!(json["errors"].as_u64(), Some(0), "{report}");
    for &(key, floor) in floors {
        let name = match key.rsplit_once('_') {
            Some((t, half)) => format!("word_f1_{t}_{half}"),
            None => format!("word_f1_{key}"),
        };
        let f1 = json[name.as_str()].as_f64().unwrap_or(0.0);
        assert!(
            f1 >= floor,
            "{label} {key}: word F1 {f1:.4} fell below the floor {floor:.2}\n{report}"
        );
    }
}

/// Metadata floors on the Readability pages: share of cases matching the
/// expected value (title exact after white-space folding, lang by primary
/// subtag, publishedTime by date). Floors only go up.
const METADATA_FLOORS: &[(&str, f64)] = &[
    ("title", 0.99),
    ("byline", 0.86),
    ("lang", 1.0),
    ("publishedTime", 0.96),
    ("siteName", 0.93),
];

/// Readability's expected titles are the titles as the pages declare them
/// (what Readability.js reports), so they are checked with `--title
/// declared`; the default title, the page's headline, cuts the site's name
/// those titles keep, and has its own floor.
#[test]
fn readability_metadata_floors() {
    let (json, report) = run_eval(
        &["--title", "declared", "--metadata"],
        &shared().join("corpus/readability"),
    );
    check_metadata_floors(&json, &report, METADATA_FLOORS, "");
}

/// The default (headline) titles on the Readability pages. Floors only go up.
const HEADLINE_TITLE_FLOORS: &[(&str, f64)] = &[("title", 0.86)];

#[test]
fn readability_headline_title_floor() {
    let (json, report) = run_eval(&["--metadata"], &shared().join("corpus/readability"));
    check_metadata_floors(&json, &report, HEADLINE_TITLE_FLOORS, "headline ");
}

/// Fails when a metadata field's rate in a `gleaner-eval --json` summary
/// fell below its floor, or when a page failed.
fn check_metadata_floors(json: &Value, report: &str, floors: &[(&str, f64)], label: &str) {
    println!("{report}");
    assert_eq!(json["errors"].as_u64(), Some(0), "{report}");
    for (field, floor) in floors {
        let rate = json[field]["rate"].as_f64().unwrap_or(0.0);
        assert!(
            rate >= *floor,
            "{label}{field}: {rate:.3} fell below {floor}\n{report}"
        );
    }
}

/// Metadata floors on the copied text of the Readability pages, over the
/// pages whose copy shows the expected value (see `gleaner-eval --input text
/// --metadata`). Floors only go up.
const TEXT_METADATA_FLOORS: &[(&str, f64)] =
    &[("title", 0.65), ("byline", 0.52), ("publishedTime", 0.82)];

#[test]
fn readability_copied_text_metadata_floors() {
    let texts = root().join("tests/data/copied/readability/text");
    let texts = texts.to_string_lossy();
    let (json, report) = run_eval(
        &["--input", "text", "--texts", &texts, "--metadata"],
        &shared().join("corpus/readability"),
    );
    check_metadata_floors(&json, &report, TEXT_METADATA_FLOORS, "copied text ");
}

/// Metadata floors on the WCXB dev pages, by half (B is never studied):
/// (half, field, share of pages with a value that got it, share of the
/// values given that are right). Title exact after normalisation and lower
/// case, author by one name containing the other, date by `YYYY-MM-DD`.
/// Floors only go up.
const WCXB_METADATA_FLOORS: &[(&str, &str, f64, f64)] = &[
    ("A", "title", 0.73, 0.73),
    ("A", "author", 0.86, 0.94),
    ("A", "publish_date", 0.85, 0.89),
    ("B", "title", 0.70, 0.70),
    ("B", "author", 0.84, 0.91),
    ("B", "publish_date", 0.85, 0.90),
];

#[test]
fn wcxb_metadata_floors() {
    let (json, report) = run_eval(&["--metadata"], &shared().join("corpus/wcxb-dev"));
    check_wcxb_metadata(&json, &report, WCXB_METADATA_FLOORS, "WCXB");
}

/// Metadata floors on the WCXB dev pages as copied text, counted as on the
/// HTML pages (every page whose ground truth has a value, whether its copy
/// shows it or not): each about 0.01 below the value measured when it was
/// set. Floors only go up.
const WCXB_TEXT_METADATA_FLOORS: &[(&str, &str, f64, f64)] = &[
    ("A", "title", 0.45, 0.45),
    ("A", "author", 0.43, 0.90),
    ("A", "publish_date", 0.59, 0.86),
    ("B", "title", 0.41, 0.41),
    ("B", "author", 0.40, 0.91),
    ("B", "publish_date", 0.56, 0.85),
];

#[test]
fn wcxb_copied_text_metadata_floors() {
    let dir = root().join("tests/data/copied/wcxb");
    let (json, report) = run_eval(&["--input", "text", "--metadata"], &dir);
    check_wcxb_metadata(
        &json,
        &report,
        WCXB_TEXT_METADATA_FLOORS,
        "WCXB copied text",
    );
}

/// Fails when a page failed, or when a field's rate or precision in a half
/// fell below its floor.
fn check_wcxb_metadata(json: &Value, report: &str, floors: &[(&str, &str, f64, f64)], label: &str) {
    println!("{report}");
    assert_eq!(json["errors"].as_u64(), Some(0), "{report}");
    for (half, field, rate_floor, precision_floor) in floors {
        let got = &json[half][field];
        for (what, floor) in [("rate", rate_floor), ("precision", precision_floor)] {
            let v = got[what].as_f64().unwrap_or(0.0);
            assert!(
                v >= *floor,
                "{label} half {half} {field} {what}: {v:.3} fell below {floor}\n{report}"
            );
        }
    }
}

/// Structures kept by half (see `gleaner-eval --structure`): the share of
/// the expected code blocks, tables and headings that the Markdown keeps,
/// on the Readability pages (against `expected.html`) and on WCXB's
/// documentation pages (code blocks the reference holds). Half B is
/// checked, never studied. Floors only go up.
const STRUCTURE_FLOORS: &[(&str, &str, &str, f64)] = &[
    ("readability", "A", "code blocks", 0.99),
    ("readability", "B", "code blocks", 0.99),
    ("readability", "A", "tables", 0.14),
    ("readability", "B", "tables", 0.29),
    ("readability", "A", "headings", 0.73),
    ("readability", "B", "headings", 0.78),
    ("wcxb-dev", "A", "code blocks", 0.94),
    ("wcxb-dev", "B", "code blocks", 0.82),
];

#[test]
fn structure_floors() {
    let readability = run_eval(
        &["--structure", "--readability"],
        &shared().join("corpus/readability"),
    );
    let wcxb = run_eval(&["--structure"], &shared().join("corpus/wcxb-dev"));
    for (set, half, kind, floor) in STRUCTURE_FLOORS {
        let (json, report) = if *set == "readability" {
            &readability
        } else {
            &wcxb
        };
        assert_eq!(json["errors"].as_u64(), Some(0), "{report}");
        let share = json[half][kind].as_f64().unwrap_or(0.0);
        assert!(
            share >= *floor,
            "{set} half {half} {kind}: {share:.3} fell below {floor}\n{report}"
        );
    }
}
