//! `gleaner-eval`: the accuracy harness.
//!
//! ```text
//! gleaner-eval [--input auto|html|text] [--out predictions.json] [--worst N] [--json] DATASET_DIR
//! gleaner-eval [--input ...] [--out ...] [--worst N] [--json] --readability DIR
//! gleaner-eval [--input ...] [--worst N] [--json] --metadata DIR
//! gleaner-eval --input text [--texts DIR] [--worst N] [--json] --metadata DIR
//! ```
//!
//! The text metric is the ScrapingHub article-extraction benchmark's, computed
//! exactly as its `evaluate.py` does: `\w+` tokens (Python's definition of a
//! word character), 4-token shingles, per-document TP/FP/FN on the shingle
//! multisets normalised to sum to 1, precision and recall as the means of the
//! per-document scores, and F1 from those two means.
// (The harness is no part of the .wasm: std's lowercasing is fine here.)
#![allow(clippy::disallowed_methods)]

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

mod fit;
mod split;
mod structure;

use gleaner::{Article, InputKind, Options, TitleStyle};
use serde_json::{json, Map, Value};

const USAGE: &str = "\
usage: gleaner-eval [OPTIONS] DATASET_DIR
       gleaner-eval [OPTIONS] --readability DIR
       gleaner-eval [OPTIONS] --metadata DIR

Measures how well gleaner extracts articles, with the ScrapingHub
article-extraction benchmark's metric (4-token shingles; precision and
recall are means over documents; F1 from the two means).

DATASET_DIR holds ground-truth.json or ground-truth.json.gz (id ->
{\"articleBody\": ...}) and the pages as html/<id>.html[.gz] or
text/<id>.txt[.gz].

options:
  --input auto|html|text   kind of input given to gleaner (default: auto); with
                           text, text/<id>.txt[.gz] is preferred over html/
  --out FILE               write the predictions as JSON (id -> {\"articleBody\": ...})
  --worst N                list the N worst documents (default: 10)
  --baseline               score the unchanged input as the prediction (no cleaning)
  --oracle-type            give gleaner each page's type from the ground truth
                           (page_type), to measure the profiles alone
  --page-type TYPE         give gleaner this type for every page (article,
                           forum, product, collection, listing, documentation,
                           service or other), to compare the profiles page by page
  --predictions FILE       score the texts in FILE (id -> {\"articleBody\": ...}, as
                           written by --out or by another extractor) instead of
                           running gleaner
  --title headline|declared
                           the title style gleaner gives (default: headline);
                           Readability's expected titles are declared ones
  --structure              with --readability DIR or a WCXB-style DATASET_DIR:
                           the share of the expected code blocks, tables and
                           headings that the Markdown keeps, by half (WCXB:
                           the documentation pages' code blocks)
  --json                   print {\"precision\",\"recall\",\"f1\",\"errors\",...} as the last line
  --readability DIR        score text against a readability-style folder
                           (DIR/<case>/source.html; truth: the text of expected.html)
  --metadata DIR           score title, byline, lang, site name, published date and
                           excerpt against DIR/<case>/expected-metadata.json, or
                           title, author and publish_date against a WCXB-style
                           DIR/ground-truth.json[.gz] by half (A, B) (with
                           --input text, of the copied texts DIR/text/); with
                           --input text and a readability-style DIR, the
                           copied text's title, byline and published date, on
                           the pages whose copy shows them
  --title-features FILE    with --input text and a WCXB-style DATASET_DIR of
                           copied texts: write the lines scored as each half-A
                           page's title, with their features and whether each
                           is the expected title, for fit_title.py
  --texts DIR              the copied texts for --input text --metadata, as
                           DIR/<case>.txt (default: tests/data/copied/<name of
                           the --metadata folder>/text)
  -h, --help               show this help";

/// What to measure.
enum Mode {
    /// A dataset folder with `ground-truth.json` and pages under `html/` or `text/`.
    Dataset(PathBuf),
    /// A readability-style folder, scored on text.
    Readability(PathBuf),
    /// A readability-style folder, scored on metadata.
    Metadata(PathBuf),
}

struct Args {
    options: Options,
    out: Option<PathBuf>,
    worst: usize,
    json: bool,
    baseline: bool,
    /// Give gleaner each page's type from the ground truth (to measure the
    /// profiles apart from the type's detection).
    oracle_type: bool,
    /// Score the structures kept instead of the text.
    structure: bool,
    /// Texts to score instead of gleaner's (id -> articleBody).
    predictions: Option<Map<String, Value>>,
    /// The copied texts of a metadata folder's cases (`<case>.txt`).
    texts: Option<PathBuf>,
    /// Where `--title-features` writes the scored title lines.
    title_features: Option<PathBuf>,
    mode: Mode,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut options = Options::default();
    let mut out = None;
    let mut worst = 10;
    let mut json = false;
    let mut baseline = false;
    let mut oracle_type = false;
    let mut structure = false;
    let mut predictions = None;
    let mut texts = None;
    let mut title_features = None;
    let mut modes = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "--input" => {
                options.input = match value("--input")?.as_str() {
                    "auto" => InputKind::Auto,
                    "html" => InputKind::Html,
                    "text" => InputKind::Text,
                    v => return Err(format!("unknown input kind '{v}'")),
                }
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--worst" => {
                let v = value("--worst")?;
                worst = v
                    .parse()
                    .map_err(|_| format!("--worst needs a number, not '{v}'"))?;
            }
            "--json" => json = true,
            "--title" => {
                options.title = match value("--title")?.as_str() {
                    "headline" => TitleStyle::Headline,
                    "declared" => TitleStyle::Declared,
                    v => return Err(format!("unknown title style '{v}'")),
                }
            }
            "--baseline" => baseline = true,
            "--oracle-type" => oracle_type = true,
            "--page-type" => {
                let v = value("--page-type")?;
                options.page_type = Some(
                    gleaner::PageType::from_name(&v)
                        .ok_or_else(|| format!("--page-type: no type '{v}'"))?,
                );
            }
            "--structure" => structure = true,
            "--predictions" => {
                let path = PathBuf::from(value("--predictions")?);
                let Value::Object(m) = read_json(&path)? else {
                    return Err(format!("{}: not a JSON object", path.display()));
                };
                predictions = Some(m);
            }
            "--readability" => {
                modes.push(Mode::Readability(PathBuf::from(value("--readability")?)))
            }
            "--metadata" => modes.push(Mode::Metadata(PathBuf::from(value("--metadata")?))),
            "--texts" => texts = Some(PathBuf::from(value("--texts")?)),
            "--title-features" => title_features = Some(PathBuf::from(value("--title-features")?)),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option '{s}'")),
            _ => modes.push(Mode::Dataset(PathBuf::from(a))),
        }
    }
    if modes.len() != 1 {
        return Err("give exactly one of DATASET_DIR, --readability DIR, --metadata DIR".into());
    }
    let mode = modes.pop().ok_or("no dataset given")?;
    if (out.is_some() || baseline || predictions.is_some()) && matches!(mode, Mode::Metadata(_)) {
        return Err(
            "--out, --baseline and --predictions apply to text scores, not to --metadata".into(),
        );
    }
    if texts.is_some() && !(matches!(mode, Mode::Metadata(_)) && options.input == InputKind::Text) {
        return Err("--texts applies to --input text --metadata only".into());
    }
    if baseline && predictions.is_some() {
        return Err("give --baseline or --predictions, not both".into());
    }
    Ok(Some(Args {
        options,
        out,
        worst,
        json,
        baseline,
        oracle_type,
        structure,
        predictions,
        texts,
        title_features,
        mode,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gleaner-eval: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match &args.mode {
        Mode::Dataset(dir) if args.title_features.is_some() => {
            let out = args.title_features.as_deref().unwrap_or(Path::new("-"));
            fit::write_title_features(dir, out, &args.options)
        }
        Mode::Readability(dir) | Mode::Dataset(dir) if args.structure => {
            score_structure(dir, matches!(args.mode, Mode::Readability(_)), &args)
        }
        Mode::Dataset(dir) => {
            load_dataset(dir, args.options.input).and_then(|docs| score_text(&docs, &args))
        }
        Mode::Readability(dir) => load_readability(dir).and_then(|docs| score_text(&docs, &args)),
        Mode::Metadata(dir)
            if args.options.input == InputKind::Text && truth_file(dir).is_none() =>
        {
            score_text_metadata(dir, &args)
        }
        Mode::Metadata(dir) => score_metadata(dir, &args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gleaner-eval: {e}");
            ExitCode::from(1)
        }
    }
}

// ---------------------------------------------------------------------------
// Loading documents

/// One document to clean and score.
struct Doc {
    id: String,
    /// The page; `Err` says why it could not be read.
    page: Result<String, String>,
    truth: String,
    /// The page's type, when the ground truth gives one (WCXB).
    page_type: Option<String>,
}

fn read_file(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        out
    } else {
        bytes
    };
    Ok(gleaner::decode(&bytes))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = read_file(path)?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A dataset folder's ground truth: `ground-truth.json`, or, gzipped,
/// `ground-truth.json.gz`; `None` when it has neither.
fn truth_file(dir: &Path) -> Option<PathBuf> {
    ["ground-truth.json", "ground-truth.json.gz"]
        .into_iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// A page of a dataset folder, in the order the input kind prefers:
/// `html/<id>.html[.gz]` or `text/<id>.txt[.gz]`.
fn page_file(dir: &Path, id: &str, input: InputKind) -> Option<PathBuf> {
    let html = [
        dir.join("html").join(format!("{id}.html")),
        dir.join("html").join(format!("{id}.html.gz")),
    ];
    let text = [
        dir.join("text").join(format!("{id}.txt")),
        dir.join("text").join(format!("{id}.txt.gz")),
    ];
    let candidates: Vec<PathBuf> = if input == InputKind::Text {
        text.into_iter().chain(html).collect()
    } else {
        html.into_iter().chain(text).collect()
    };
    candidates.into_iter().find(|p| p.is_file())
}

/// `ground-truth.json` as (id, articleBody, page_type) sorted by id.
fn read_truth(path: &Path) -> Result<Vec<(String, String, Option<String>)>, String> {
    let Value::Object(map) = read_json(path)? else {
        return Err(format!("{}: not a JSON object", path.display()));
    };
    let mut truth: Vec<(String, String, Option<String>)> = map
        .into_iter()
        .map(|(id, v)| {
            let body = v
                .get("articleBody")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let page_type = v
                .get("page_type")
                .and_then(Value::as_str)
                .map(str::to_string);
            (id, body, page_type)
        })
        .collect();
    truth.sort();
    Ok(truth)
}

fn load_dataset(dir: &Path, input: InputKind) -> Result<Vec<Doc>, String> {
    let truth_path = truth_file(dir).unwrap_or_else(|| dir.join("ground-truth.json"));
    let truth = read_truth(&truth_path)?;
    Ok(truth
        .into_iter()
        .map(|(id, truth, page_type)| {
            let page = match page_file(dir, &id, input) {
                Some(path) => read_file(&path),
                None => Err("no page (html/<id>.html[.gz] or text/<id>.txt[.gz])".to_string()),
            };
            Doc {
                id,
                page,
                truth,
                page_type,
            }
        })
        .collect())
}

/// The case folders of a readability-style folder, sorted.
fn cases(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut cases: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), p)))
        .collect();
    cases.sort();
    if cases.is_empty() {
        return Err(format!("{}: no <case>/source.html found", dir.display()));
    }
    Ok(cases)
}

fn load_readability(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    for (id, path) in cases(dir)? {
        let expected = path.join("expected.html");
        if !expected.is_file() {
            continue;
        }
        let truth = html_to_text(&read_file(&expected)?);
        let page = read_file(&path.join("source.html"));
        docs.push(Doc {
            id,
            page,
            truth,
            page_type: None,
        });
    }
    Ok(docs)
}

/// The structures kept (see `structure`): a readability-style folder's
/// expected articles, or a WCXB-style set's documentation pages.
fn score_structure(dir: &Path, readability: bool, args: &Args) -> Result<(), String> {
    let (mut a, mut b) = (structure::Tally::default(), structure::Tally::default());
    let mut errors = 0usize;
    let pages: Vec<(String, String, structure::Counts)> = if readability {
        cases(dir)?
            .into_iter()
            .filter_map(|(id, path)| {
                let expected = read_file(&path.join("expected.html")).ok()?;
                let page = read_file(&path.join("source.html")).ok()?;
                Some((id, page, structure::in_html(&expected)))
            })
            .collect()
    } else {
        load_dataset(dir, InputKind::Html)?
            .into_iter()
            .filter(|d| d.page_type.as_deref() == Some("documentation"))
            .filter_map(|d| {
                let page = d.page.ok()?;
                let code = structure::kept_code_blocks(&page, &d.truth, html_to_text);
                Some((d.id, page, [code, 0, 0]))
            })
            .collect()
    };
    for (id, page, expected) in &pages {
        let (result, _) = run_clean(page, &args.options);
        let ours = match result {
            Ok(article) => structure::in_markdown(&article.markdown),
            Err(_) => {
                errors += 1;
                [0; 3]
            }
        };
        match split::half(id) {
            split::Half::A => a.add(*expected, ours),
            split::Half::B => b.add(*expected, ours),
        }
    }
    println!("pages: {}  errors: {errors}", pages.len());
    let mut json = structure::report(&a, &b);
    if let Value::Object(m) = &mut json {
        m.insert("errors".into(), json!(errors));
    }
    if args.json {
        println!("{json}");
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Cleaning

/// Runs `gleaner::clean`, turning a panic into an error.
fn run_clean(page: &str, options: &Options) -> (Result<Article, String>, Duration) {
    let start = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| gleaner::clean(page, options)));
    let took = start.elapsed();
    let result = match result {
        Ok(Ok(article)) => Ok(article),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(format!(
            "panicked: {}",
            panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default()
        )),
    };
    (result, took)
}

/// Keeps the slowest page seen.
#[derive(Default)]
struct Timing {
    total: Duration,
    slowest: Duration,
    slowest_id: String,
}

impl Timing {
    fn add(&mut self, id: &str, took: Duration) {
        self.total += took;
        if took >= self.slowest {
            self.slowest = took;
            self.slowest_id = id.to_string();
        }
    }

    fn report(&self) -> String {
        format!(
            "slowest page: {:.1} ms ({}); all pages: {:.1} ms",
            self.slowest.as_secs_f64() * 1e3,
            self.slowest_id,
            self.total.as_secs_f64() * 1e3
        )
    }
}

// ---------------------------------------------------------------------------
// Text scoring

fn score_text(docs: &[Doc], args: &Args) -> Result<(), String> {
    let mut timing = Timing::default();
    let mut errors = Vec::new();
    let mut predictions = Map::new();
    let mut rows = Vec::new();
    let mut split_rows = Vec::new();
    let mut empty = 0;
    // Empty predictions for pages whose truth has text, by half.
    let (mut lost_a, mut lost_b) = (0usize, 0usize);
    for doc in docs {
        let prediction = match &doc.page {
            _ if args.predictions.is_some() => args
                .predictions
                .as_ref()
                .and_then(|m| m.get(&doc.id))
                .map(|v| {
                    v.get("articleBody")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                })
                .ok_or_else(|| "no prediction for this id".to_string()),
            Ok(page) if args.baseline => Ok(page.clone()),
            Ok(page) => {
                let mut options = args.options.clone();
                if args.oracle_type {
                    options.page_type = doc
                        .page_type
                        .as_deref()
                        .and_then(gleaner::PageType::from_name);
                }
                let (result, took) = run_clean(page, &options);
                timing.add(&doc.id, took);
                result.map(|a| a.text)
            }
            Err(e) => Err(e.clone()),
        };
        let prediction = prediction.unwrap_or_else(|e| {
            errors.push(format!("{}: {e}", doc.id));
            String::new()
        });
        if metric::tokens(&prediction).is_empty() {
            empty += 1;
            if !metric::tokens(&doc.truth).is_empty() {
                match split::half(&doc.id) {
                    split::Half::A => lost_a += 1,
                    split::Half::B => lost_b += 1,
                }
            }
        }
        let counts = metric::shingle_matching(&doc.truth, &prediction);
        rows.push((doc.id.as_str(), counts));
        split_rows.push(split::Row {
            id: &doc.id,
            page_type: doc.page_type.as_deref(),
            half: split::half(&doc.id),
            shingle: (counts.precision(), counts.recall()),
            words: split::words(&doc.truth, &prediction),
        });
        predictions.insert(doc.id.clone(), json!({ "articleBody": prediction }));
    }

    if let Some(out) = &args.out {
        let text = serde_json::to_string_pretty(&Value::Object(predictions))
            .map_err(|e| format!("{}: {e}", out.display()))?;
        std::fs::write(out, text + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    }
    for e in &errors {
        eprintln!("error: {e}");
    }

    let counts: Vec<metric::Counts> = rows.iter().map(|(_, c)| *c).collect();
    let scores = metric::scores(&counts);
    let pooled = metric::pooled_scores(&counts);
    println!(
        "documents: {}  errors: {}  empty predictions: {empty}{}",
        docs.len(),
        errors.len(),
        if args.baseline {
            "  (baseline: input unchanged)"
        } else if args.predictions.is_some() {
            "  (predictions from a file)"
        } else {
            ""
        }
    );
    println!("empty where the truth has text: A {lost_a}  B {lost_b}");
    println!(
        "precision {:.4}  recall {:.4}  F1 {:.4}",
        scores.precision, scores.recall, scores.f1
    );
    println!(
        "(pooled normalised counts: precision {:.4}  recall {:.4}  F1 {:.4})",
        pooled.precision, pooled.recall, pooled.f1
    );
    if !args.baseline && args.predictions.is_none() {
        println!("{}", timing.report());
    }
    let by_half = split::report(&split_rows);
    if args.worst > 0 && !rows.is_empty() {
        split::worst(&split_rows, args.worst);
    }
    if args.json {
        let mut out = json!({
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": scores.f1,
            "errors": errors.len(),
            "documents": docs.len(),
            "empty": empty,
            "empty_with_truth": { "A": lost_a, "B": lost_b },
        });
        if let (Some(out), Value::Object(halves)) = (out.as_object_mut(), by_half) {
            out.extend(halves);
        }
        println!("{out}");
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Metadata scoring

/// How a metadata field is compared.
#[derive(Clone, Copy)]
enum Compare {
    /// Equal after whitespace normalisation.
    Text,
    /// Equal primary language subtag, case-insensitive.
    Lang,
    /// Equal date part (YYYY-MM-DD).
    Date,
}

/// (name in expected-metadata.json, name in the Article JSON, comparison).
const FIELDS: [(&str, &str, Compare); 6] = [
    ("title", "title", Compare::Text),
    ("byline", "byline", Compare::Text),
    ("lang", "lang", Compare::Lang),
    ("siteName", "site_name", Compare::Text),
    ("publishedTime", "published", Compare::Date),
    ("excerpt", "excerpt", Compare::Text),
];

fn normalise_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `YYYY-MM-DD` in `s`, or all of it (whitespace-normalised) when there is none.
fn date_part(s: &str) -> String {
    let b = s.as_bytes();
    let is_date = |w: &[u8]| {
        w.len() == 10
            && w.iter().enumerate().all(|(i, &c)| match i {
                4 | 7 => c == b'-',
                _ => c.is_ascii_digit(),
            })
    };
    match b.windows(10).position(is_date) {
        Some(i) => s[i..i + 10].to_string(),
        None => normalise_space(s),
    }
}

fn primary_subtag(s: &str) -> String {
    s.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn field_matches(how: Compare, expected: &str, got: &str) -> bool {
    match how {
        Compare::Text => normalise_space(expected) == normalise_space(got),
        Compare::Lang => primary_subtag(expected) == primary_subtag(got),
        Compare::Date => date_part(expected) == date_part(got),
    }
}

fn score_metadata(dir: &Path, args: &Args) -> Result<(), String> {
    if truth_file(dir).is_some() {
        return score_wcxb_metadata(dir, args);
    }
    let mut timing = Timing::default();
    let mut errors = Vec::new();
    let mut matches = [0usize; FIELDS.len()];
    let mut counted = [0usize; FIELDS.len()];
    let mut misses: Vec<Vec<(String, String, String)>> = vec![Vec::new(); FIELDS.len()];
    let cases = cases(dir)?;
    let mut scored = 0;
    for (id, path) in &cases {
        let meta_path = path.join("expected-metadata.json");
        if !meta_path.is_file() {
            continue;
        }
        let expected = read_json(&meta_path)?;
        scored += 1;
        let article = match read_file(&path.join("source.html")) {
            Ok(page) => {
                let (result, took) = run_clean(&page, &args.options);
                timing.add(id, took);
                result
            }
            Err(e) => Err(e),
        };
        let article = match article {
            Ok(a) => serde_json::to_value(&a).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        let article = article.unwrap_or_else(|e| {
            errors.push(format!("{id}: {e}"));
            Value::Null
        });
        for (i, (want_name, got_name, how)) in FIELDS.iter().enumerate() {
            let Some(want) = expected.get(want_name).and_then(Value::as_str) else {
                continue;
            };
            counted[i] += 1;
            let got = article.get(got_name).and_then(Value::as_str);
            let hit = field_matches(*how, want, got.unwrap_or_default());
            tally(hit, &mut matches[i], &mut misses[i], id, want, got);
        }
    }
    for e in &errors {
        eprintln!("error: {e}");
    }
    println!("cases: {scored}  errors: {}", errors.len());
    report_fields(
        &FIELDS.map(|(name, _, _)| name),
        &Scores {
            matches: &matches,
            counted: &counted,
            valued: None,
            misses: &misses,
        },
        &timing,
        args,
        (errors.len(), scored),
    );
    Ok(())
}

/// WCXB's metadata fields: (name in ground-truth.json, name in the Article
/// JSON).
const WCXB_FIELDS: [(&str, &str); 3] = [
    ("title", "title"),
    ("author", "byline"),
    ("publish_date", "published"),
];

/// A title as WCXB compares it: typographic variants of quotes, dashes,
/// spaces and ellipses folded, white space collapsed, lower case.
fn wcxb_title_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    normalise_space(&out)
}

/// Whether gleaner's value of a WCXB field matches the expected one: titles
/// equal after [`wcxb_title_key`]; authors when one name is contained in the
/// other (case-insensitive); dates by `YYYY-MM-DD`.
fn wcxb_matches(field: &str, want: &str, got: &str) -> bool {
    match field {
        "title" => wcxb_title_key(want) == wcxb_title_key(got),
        "author" => {
            let (w, g) = (wcxb_title_key(want), wcxb_title_key(got));
            !w.is_empty() && !g.is_empty() && (w.contains(&g) || g.contains(&w))
        }
        _ => date_part(want) == date_part(got),
    }
}

/// One field's counts over one half.
#[derive(Default, Clone, Copy)]
struct FieldCounts {
    /// Pages whose ground truth has a value.
    valued: usize,
    correct: usize,
    /// A value given, not the expected one.
    wrong: usize,
    /// No value given where one was expected.
    missing: usize,
    /// A value given where the ground truth has none.
    unexpected: usize,
}

impl FieldCounts {
    fn json(&self) -> Value {
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        json!({
            "valued": self.valued,
            "correct": self.correct,
            "wrong": self.wrong,
            "missing": self.missing,
            "unexpected": self.unexpected,
            "rate": ratio(self.correct, self.valued),
            "precision": ratio(self.correct, self.correct + self.wrong),
        })
    }
}

/// Scores title, author and date against a WCXB-style `ground-truth.json`
/// (id -> {url, title, author, publish_date}), for halves A and B; the
/// page's URL is given as `base_url`. The pages are `html/<id>.html[.gz]`,
/// or, with `--input text`, the copied texts `text/<id>.txt[.gz]` (every
/// page with a value counts, whether its copy shows it or not). Mismatches
/// are listed for half A only.
fn score_wcxb_metadata(dir: &Path, args: &Args) -> Result<(), String> {
    let truth_path = truth_file(dir).unwrap_or_else(|| dir.join("ground-truth.json"));
    let Value::Object(truth) = read_json(&truth_path)? else {
        return Err("ground-truth.json: not a JSON object".into());
    };
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut timing = Timing::default();
    let mut errors = Vec::new();
    // [half][field]
    let mut counts = [[FieldCounts::default(); WCXB_FIELDS.len()]; 2];
    let mut misses: Vec<Vec<(String, String, String)>> = vec![Vec::new(); WCXB_FIELDS.len()];
    for id in ids {
        let t = &truth[id];
        let half = split::half(id);
        let mut options = args.options.clone();
        options.base_url = t.get("url").and_then(Value::as_str).map(str::to_string);
        let page = page_file(dir, id, args.options.input)
            .ok_or_else(|| "no page (html/<id>.html[.gz] or text/<id>.txt[.gz])".to_string());
        let article = page.and_then(|path| read_file(&path)).and_then(|page| {
            let (result, took) = run_clean(&page, &options);
            timing.add(id, took);
            result.and_then(|a| serde_json::to_value(&a).map_err(|e| e.to_string()))
        });
        let article = article.unwrap_or_else(|e| {
            errors.push(format!("{id}: {e}"));
            Value::Null
        });
        for (i, (want_name, got_name)) in WCXB_FIELDS.iter().enumerate() {
            let c = &mut counts[(half == split::Half::B) as usize][i];
            let want = t
                .get(want_name)
                .and_then(Value::as_str)
                .filter(|w| !w.trim().is_empty());
            let got = article
                .get(got_name)
                .and_then(Value::as_str)
                .filter(|g| !g.trim().is_empty());
            match (want, got) {
                (None, None) => {}
                (None, Some(_)) => c.unexpected += 1,
                (Some(w), g) => {
                    c.valued += 1;
                    match g {
                        Some(g) if wcxb_matches(want_name, w, g) => c.correct += 1,
                        Some(_) => c.wrong += 1,
                        None => c.missing += 1,
                    }
                    let hit = g.is_some_and(|g| wcxb_matches(want_name, w, g));
                    if !hit && half == split::Half::A {
                        let got = g.map_or("(none)".to_string(), |g| format!("{g:?}"));
                        misses[i].push((id.clone(), format!("{w:?}"), got));
                    }
                }
            }
        }
    }
    for e in &errors {
        eprintln!("error: {e}");
    }
    println!("pages: {}  errors: {}", truth.len(), errors.len());
    println!(
        "  {:<6} {:<13} {:>6} {:>7} {:>6} {:>7} {:>6} {:>9} {:>10}",
        "half", "field", "valued", "correct", "wrong", "missing", "rate", "precision", "unexpected"
    );
    let mut summary = Map::new();
    for (h, name) in ["A", "B"].iter().enumerate() {
        let mut fields = Map::new();
        for (i, (field, _)) in WCXB_FIELDS.iter().enumerate() {
            let c = counts[h][i];
            let j = c.json();
            println!(
                "  {name:<6} {field:<13} {:>6} {:>7} {:>6} {:>7} {:>6.3} {:>9.3} {:>10}",
                c.valued,
                c.correct,
                c.wrong,
                c.missing,
                j["rate"].as_f64().unwrap_or_default(),
                j["precision"].as_f64().unwrap_or_default(),
                c.unexpected
            );
            fields.insert((*field).to_string(), j);
        }
        summary.insert((*name).to_string(), Value::Object(fields));
    }
    println!("{}", timing.report());
    if args.worst > 0 {
        for ((field, _), misses) in WCXB_FIELDS.iter().zip(&misses) {
            println!(
                "{field}: {} mismatches in half A (first {}):",
                misses.len(),
                args.worst.min(misses.len())
            );
            for (id, want, got) in misses.iter().take(args.worst) {
                println!("  {id}: expected {want}, got {got}");
            }
        }
    }
    if args.json {
        summary.insert("errors".into(), json!(errors.len()));
        summary.insert("cases".into(), json!(truth.len()));
        println!("{}", Value::Object(summary));
    }
    Ok(())
}

/// Counts a field's match, or keeps the mismatch to show.
fn tally(
    hit: bool,
    matches: &mut usize,
    misses: &mut Vec<(String, String, String)>,
    id: &str,
    want: &str,
    got: Option<&str>,
) {
    if hit {
        *matches += 1;
    } else {
        let got = got.map_or("(none)".to_string(), |g| format!("{g:?}"));
        misses.push((id.to_string(), format!("{want:?}"), got));
    }
}

/// What a metadata score counted, field by field.
struct Scores<'a> {
    matches: &'a [usize],
    counted: &'a [usize],
    /// Pages with an expected value, when only some of them are counted.
    valued: Option<&'a [usize]>,
    misses: &'a [Vec<(String, String, String)>],
}

/// Prints a metadata score: each field's rate, the timing, the first
/// mismatches (`--worst`) and, with `--json`, a summary line.
fn report_fields(
    names: &[&str],
    scores: &Scores,
    timing: &Timing,
    args: &Args,
    (errors, scored): (usize, usize),
) {
    let mut summary = Map::new();
    for (i, name) in names.iter().enumerate() {
        let (matches, counted) = (scores.matches[i], scores.counted[i]);
        let rate = if counted > 0 {
            matches as f64 / counted as f64
        } else {
            0.0
        };
        let valued = scores.valued.map_or(String::new(), |v| {
            format!(
                "  ({} with a value, {} not in the copy)",
                v[i],
                v[i] - counted
            )
        });
        println!(
            "  {name:<14} {matches:>4}/{counted:<4} {:>6.1}%{valued}",
            rate * 100.0
        );
        summary.insert(
            (*name).to_string(),
            json!({ "matches": matches, "cases": counted, "rate": rate }),
        );
    }
    println!("{}", timing.report());
    if args.worst > 0 {
        for (name, misses) in names.iter().zip(scores.misses) {
            if misses.is_empty() {
                continue;
            }
            println!(
                "{name}: {} mismatches (first {}):",
                misses.len(),
                args.worst.min(misses.len())
            );
            for (id, want, got) in misses.iter().take(args.worst) {
                println!("  {id}: expected {want}, got {got}");
            }
        }
    }
    if args.json {
        summary.insert("errors".into(), json!(errors));
        summary.insert("cases".into(), json!(scored));
        println!("{}", Value::Object(summary));
    }
}

// ---------------------------------------------------------------------------
// Metadata of copied text

/// The fields a copied text can show, scored with the same comparisons as
/// the HTML side's: (name in expected-metadata.json, name in the Article
/// JSON, comparison).
const TEXT_FIELDS: [(&str, &str, Compare); 3] = [
    ("title", "title", Compare::Text),
    ("byline", "byline", Compare::Text),
    ("publishedTime", "published", Compare::Date),
];

/// Lower-case runs of letters and digits: the words a copy is compared in.
fn norm_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `needle` (non-empty) occurs as a contiguous run in `hay`.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The main part of a page's title: of the parts between the separators a
/// site name is set off by ("Title | Site", "Site - Title"), the longest.
fn title_main_part(title: &str) -> &str {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
    let mut parts = vec![title];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or(title)
}

/// The name part of an expected byline: its first line, without a leading
/// "By" (Readability keeps the byline element's text as it stands: "By\n
/// Name\n March 25, 2015").
fn byline_name_part(byline: &str) -> String {
    let first = byline
        .lines()
        .map(normalise_space)
        .find(|l| !l.is_empty() && !l.eq_ignore_ascii_case("by"))
        .unwrap_or_default();
    for by in ["by ", "par ", "von ", "written by "] {
        if first.len() > by.len()
            && first.is_char_boundary(by.len())
            && first[..by.len()].eq_ignore_ascii_case(by)
        {
            return first[by.len()..].to_string();
        }
    }
    first
}

/// Whether a copy writes the date `YYYY-MM-DD` of `iso` in some form: the
/// year as a word, and within four words of it the day (a number, "5th" too)
/// and the month (a number, as another word than the day, or a month's name).
/// "2024-03-05", "05.03.2024", "3/5/2024", "March 5th, 2024" and "5. März
/// 2024" all do; "3 days ago" and a date without its year do not.
fn shows_date(words: &[String], iso: &str) -> bool {
    let num = |s: &str| s.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (
        iso.get(..4),
        iso.get(5..7).and_then(num),
        iso.get(8..10).and_then(num),
    ) else {
        return false;
    };
    // (An ISO time runs into the day: "05t10".)
    let day = |w: &str| {
        let digits = &w[..w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len())];
        let rest = &w[digits.len()..];
        num(digits) == Some(d)
            && (matches!(rest, "" | "st" | "nd" | "rd" | "th")
                || rest.starts_with('t') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    };
    let month_word = |w: &str| gleaner::month_number(w) == Some(m);
    words.iter().enumerate().any(|(i, w)| {
        if w != y {
            return false;
        }
        let near = i.saturating_sub(4)..(i + 5).min(words.len());
        near.clone().filter(|&j| j != i).any(|j| {
            day(&words[j])
                && near.clone().filter(|&k| k != i && k != j).any(|k| {
                    num(&words[k]) == Some(m) && words[k].len() <= 2 || month_word(&words[k])
                })
        })
    })
}

/// Whether a copy shows a field's expected value: the words of the
/// title's main part (`title_main_part`), of the byline's name part
/// (`byline_name_part`), in a row, letters and digits only and in lower
/// case; the
/// published date written in some form (`shows_date`). Titles that live
/// only in `<title>`, authors only in a `<meta>`, dates only in markup are
/// out of a copy's reach and not counted.
fn copy_shows(field: &str, words: &[String], expected: &str) -> bool {
    match field {
        "title" => contains_run(words, &norm_words(title_main_part(expected))),
        "publishedTime" => shows_date(words, &date_part(expected)),
        _ => contains_run(words, &norm_words(&byline_name_part(expected))),
    }
}

/// Scores the metadata gleaner finds in the copied texts of a metadata
/// folder's cases, on the pages whose copy shows the expected value. A
/// value matches as the HTML side's does (the same `field_matches`), or, a
/// title, as its main part (a copy shows the headline, seldom the site's
/// name after it), a byline, as its name part (`byline_name_part`: the
/// Article's byline is the name, without "By").
fn score_text_metadata(dir: &Path, args: &Args) -> Result<(), String> {
    let texts = match &args.texts {
        Some(t) => t.clone(),
        None => {
            let name = dir
                .file_name()
                .ok_or_else(|| format!("{}: no folder name", dir.display()))?;
            Path::new("tests/data/copied").join(name).join("text")
        }
    };
    if !texts.is_dir() {
        return Err(format!(
            "{}: no copied texts (give --texts DIR)",
            texts.display()
        ));
    }
    let mut timing = Timing::default();
    let mut errors = Vec::new();
    let n = TEXT_FIELDS.len();
    let (mut matches, mut counted, mut valued) =
        (vec![0usize; n], vec![0usize; n], vec![0usize; n]);
    let mut misses: Vec<Vec<(String, String, String)>> = vec![Vec::new(); n];
    let mut scored = 0;
    for (id, path) in &cases(dir)? {
        let meta_path = path.join("expected-metadata.json");
        let text_path = texts.join(format!("{id}.txt"));
        if !meta_path.is_file() || !text_path.is_file() {
            continue;
        }
        let expected = read_json(&meta_path)?;
        scored += 1;
        let copy = read_file(&text_path);
        let words = copy.as_deref().map(norm_words).unwrap_or_default();
        let article = copy.and_then(|page| {
            let (result, took) = run_clean(&page, &args.options);
            timing.add(id, took);
            result.and_then(|a| serde_json::to_value(&a).map_err(|e| e.to_string()))
        });
        let article = article.unwrap_or_else(|e| {
            errors.push(format!("{id}: {e}"));
            Value::Null
        });
        for (i, (want_name, got_name, how)) in TEXT_FIELDS.iter().enumerate() {
            let Some(want) = expected
                .get(want_name)
                .and_then(Value::as_str)
                .filter(|w| !w.trim().is_empty())
            else {
                continue;
            };
            valued[i] += 1;
            if !copy_shows(want_name, &words, want) {
                continue;
            }
            counted[i] += 1;
            let got = article.get(got_name).and_then(Value::as_str);
            let g = got.unwrap_or_default();
            let hit = field_matches(*how, want, g)
                || match *want_name {
                    "title" => field_matches(*how, title_main_part(want), g),
                    "byline" => field_matches(*how, &byline_name_part(want), g),
                    _ => false,
                };
            tally(hit, &mut matches[i], &mut misses[i], id, want, got);
        }
    }
    for e in &errors {
        eprintln!("error: {e}");
    }
    println!(
        "cases: {scored}  errors: {}  (copied text; only values the copy shows)",
        errors.len()
    );
    report_fields(
        &TEXT_FIELDS.map(|(name, _, _)| name),
        &Scores {
            matches: &matches,
            counted: &counted,
            valued: Some(&valued),
            misses: &misses,
        },
        &timing,
        args,
        (errors.len(), scored),
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// The text of an HTML fragment (readability's expected.html)

/// Tags after or before which a line ends.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Tags whose content is not text.
const SKIP_TAGS: &[&str] = &["script", "style", "template", "noscript"];

/// Decodes `&amp; &lt; &gt; &quot; &#39; &apos; &nbsp;` and numeric references; leaves others.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    Some(char::from_u32(code).unwrap_or('\u{fffd}'))
                }
            }?;
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The visible text of an HTML fragment: tags stripped, entities decoded,
/// block-level tags turned into line breaks, whitespace collapsed.
fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        raw.push_str(&decode_entities(&rest[..i]));
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |j| &after[j + 3..]);
            continue;
        }
        let after = &rest[1..];
        let closing = after.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = after[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() && !after.starts_with('!') && !after.starts_with('?') {
            // A lone '<' is text.
            raw.push('<');
            rest = after;
            continue;
        }
        // The end of the tag, skipping quoted attribute values (a quote opens
        // a value only right after `=`, as in the HTML tokenizer).
        let mut quote = None;
        let mut after_equals = false;
        let mut end = after.len();
        for (j, c) in after.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if (c == '"' || c == '\'') && after_equals => quote = Some(c),
                None if c == '>' => {
                    end = j;
                    break;
                }
                None => {}
            }
            if !c.is_whitespace() {
                after_equals = quote.is_none() && c == '=';
            }
        }
        rest = after.get(end + 1..).unwrap_or("");
        if BLOCK_TAGS.contains(&name.as_str()) {
            raw.push('\n');
        } else if !closing && SKIP_TAGS.contains(&name.as_str()) {
            let lower = rest.to_ascii_lowercase();
            let close = format!("</{name}");
            rest = lower.find(&close).map_or("", |j| &rest[j..]);
        }
    }
    raw.push_str(&decode_entities(rest));
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = normalise_space(line);
        if !line.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&line);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The metric

/// The ScrapingHub article-extraction benchmark's metric, as in its `evaluate.py`.
mod metric {
    use std::collections::HashMap;

    /// Shingle size.
    const N: usize = 4;

    /// Characters that Unicode counts as alphabetic (so `char::is_alphanumeric`
    /// is true) but Python's `\w` does not: combining marks and other symbols
    /// with the Other_Alphabetic property. Python's `\w` is exactly
    /// `is_alphanumeric() || '_'` minus these ranges (checked against Python
    /// 3.11, Unicode 14, for every code point). Gaps between ranges that hold
    /// no alphanumeric character are merged.
    const NOT_WORD: &[(u32, u32)] = &[
        (0x0345, 0x036F),
        (0x05B0, 0x05C7),
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06E4),
        (0x06E7, 0x06ED),
        (0x0711, 0x0711),
        (0x0730, 0x073F),
        (0x07A6, 0x07B0),
        (0x0816, 0x0817),
        (0x081B, 0x0823),
        (0x0825, 0x0827),
        (0x0829, 0x082C),
        (0x08D4, 0x0903),
        (0x093A, 0x093B),
        (0x093E, 0x094F),
        (0x0955, 0x0957),
        (0x0962, 0x0963),
        (0x0981, 0x0983),
        (0x09BE, 0x09CC),
        (0x09D7, 0x09D7),
        (0x09E2, 0x09E3),
        (0x0A01, 0x0A03),
        (0x0A3E, 0x0A51),
        (0x0A70, 0x0A71),
        (0x0A75, 0x0A83),
        (0x0ABE, 0x0ACC),
        (0x0AE2, 0x0AE3),
        (0x0AFA, 0x0B03),
        (0x0B3E, 0x0B57),
        (0x0B62, 0x0B63),
        (0x0B82, 0x0B82),
        (0x0BBE, 0x0BCC),
        (0x0BD7, 0x0BD7),
        (0x0C00, 0x0C04),
        (0x0C3E, 0x0C56),
        (0x0C62, 0x0C63),
        (0x0C81, 0x0C83),
        (0x0CBE, 0x0CD6),
        (0x0CE2, 0x0CE3),
        (0x0D00, 0x0D03),
        (0x0D3E, 0x0D4C),
        (0x0D57, 0x0D57),
        (0x0D62, 0x0D63),
        (0x0D81, 0x0D83),
        (0x0DCF, 0x0DDF),
        (0x0DF2, 0x0DF3),
        (0x0E31, 0x0E31),
        (0x0E34, 0x0E3A),
        (0x0E4D, 0x0E4D),
        (0x0EB1, 0x0EB1),
        (0x0EB4, 0x0EBC),
        (0x0ECD, 0x0ECD),
        (0x0F71, 0x0F83),
        (0x0F8D, 0x0FBC),
        (0x102B, 0x103E),
        (0x1056, 0x1059),
        (0x105E, 0x1060),
        (0x1062, 0x1064),
        (0x1067, 0x106D),
        (0x1071, 0x1074),
        (0x1082, 0x108D),
        (0x108F, 0x108F),
        (0x109A, 0x109D),
        (0x1712, 0x1713),
        (0x1732, 0x1733),
        (0x1752, 0x1753),
        (0x1772, 0x1773),
        (0x17B6, 0x17C8),
        (0x1885, 0x1886),
        (0x18A9, 0x18A9),
        (0x1920, 0x1938),
        (0x1A17, 0x1A1B),
        (0x1A55, 0x1A74),
        (0x1ABF, 0x1B04),
        (0x1B35, 0x1B43),
        (0x1B80, 0x1B82),
        (0x1BA1, 0x1BAD),
        (0x1BE7, 0x1BF1),
        (0x1C24, 0x1C36),
        (0x1DD3, 0x1DF4),
        (0x24B6, 0x24E9),
        (0x2DE0, 0x2DFF),
        (0xA674, 0xA67B),
        (0xA69E, 0xA69F),
        (0xA802, 0xA802),
        (0xA80B, 0xA80B),
        (0xA823, 0xA827),
        (0xA880, 0xA881),
        (0xA8B4, 0xA8C5),
        (0xA8FF, 0xA8FF),
        (0xA926, 0xA92A),
        (0xA947, 0xA952),
        (0xA980, 0xA983),
        (0xA9B4, 0xA9BF),
        (0xA9E5, 0xA9E5),
        (0xAA29, 0xAA36),
        (0xAA43, 0xAA43),
        (0xAA4C, 0xAA4D),
        (0xAA7B, 0xAA7D),
        (0xAAB0, 0xAAB0),
        (0xAAB2, 0xAAB4),
        (0xAAB7, 0xAAB8),
        (0xAABE, 0xAABE),
        (0xAAEB, 0xAAEF),
        (0xAAF5, 0xAAF5),
        (0xABE3, 0xABEA),
        (0xFB1E, 0xFB1E),
        (0x10376, 0x1037A),
        (0x10A01, 0x10A0F),
        (0x10D24, 0x10D27),
        (0x10EAB, 0x10EAC),
        (0x11000, 0x11002),
        (0x11038, 0x11045),
        (0x11073, 0x11074),
        (0x11080, 0x11082),
        (0x110B0, 0x110C2),
        (0x11100, 0x11102),
        (0x11127, 0x11132),
        (0x11145, 0x11146),
        (0x11180, 0x11182),
        (0x111B3, 0x111BF),
        (0x111CE, 0x111CF),
        (0x1122C, 0x1123E),
        (0x112DF, 0x112E8),
        (0x11300, 0x11303),
        (0x1133E, 0x1134C),
        (0x11357, 0x11357),
        (0x11362, 0x11363),
        (0x11435, 0x11445),
        (0x114B0, 0x114C1),
        (0x115AF, 0x115BE),
        (0x115DC, 0x115DD),
        (0x11630, 0x11640),
        (0x116AB, 0x116B5),
        (0x1171D, 0x1172A),
        (0x1182C, 0x11838),
        (0x11930, 0x1193C),
        (0x11940, 0x11940),
        (0x11942, 0x11942),
        (0x119D1, 0x119DF),
        (0x119E4, 0x119E4),
        (0x11A01, 0x11A0A),
        (0x11A35, 0x11A39),
        (0x11A3B, 0x11A3E),
        (0x11A51, 0x11A5B),
        (0x11A8A, 0x11A97),
        (0x11C2F, 0x11C3E),
        (0x11C92, 0x11CB6),
        (0x11D31, 0x11D43),
        (0x11D47, 0x11D47),
        (0x11D8A, 0x11D96),
        (0x11EF3, 0x11EF6),
        (0x16F4F, 0x16F4F),
        (0x16F51, 0x16F92),
        (0x16FF0, 0x16FF1),
        (0x1BC9E, 0x1BC9E),
        (0x1E000, 0x1E02A),
        (0x1E947, 0x1E947),
        (0x1F130, 0x1F189),
    ];

    /// Whether `c` matches Python's `\w` (Unicode mode).
    pub fn is_word_char(c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_alphanumeric() || c == '_';
        }
        if !c.is_alphanumeric() {
            return false;
        }
        let c = u32::from(c);
        NOT_WORD
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_err()
    }

    /// The `\w+` tokens of `text`, case kept.
    pub fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(&text[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push(&text[s..]);
        }
        out
    }

    /// The multiset of `N`-token shingles; a text with fewer tokens is one
    /// shingle of all of them, and a text without tokens has none.
    pub fn shingles<'a, 't>(tokens: &'a [&'t str]) -> HashMap<&'a [&'t str], usize> {
        let mut out = HashMap::new();
        if tokens.is_empty() {
            return out;
        }
        for w in tokens.windows(N.min(tokens.len())) {
            *out.entry(w).or_insert(0) += 1;
        }
        out
    }

    /// One document's true positives, false positives and false negatives,
    /// normalised to sum to 1 (all zero when both texts have no shingles).
    #[derive(Debug, Clone, Copy, PartialEq, Default)]
    pub struct Counts {
        pub tp: f64,
        pub fp: f64,
        pub fn_: f64,
    }

    impl Counts {
        /// `precision_score` of the benchmark.
        pub fn precision(&self) -> f64 {
            if self.fp == 0.0 && self.fn_ == 0.0 {
                1.0
            } else if self.tp == 0.0 && self.fp == 0.0 {
                0.0
            } else {
                self.tp / (self.tp + self.fp)
            }
        }

        /// `recall_score` of the benchmark.
        pub fn recall(&self) -> f64 {
            if self.fp == 0.0 && self.fn_ == 0.0 {
                1.0
            } else if self.tp == 0.0 && self.fn_ == 0.0 {
                0.0
            } else {
                self.tp / (self.tp + self.fn_)
            }
        }
    }

    /// `string_shingle_matching` of the benchmark.
    pub fn shingle_matching(truth: &str, prediction: &str) -> Counts {
        let (t, p) = (tokens(truth), tokens(prediction));
        let (t, p) = (shingles(&t), shingles(&p));
        let mut c = Counts::default();
        for (key, &tc) in &t {
            let pc = p.get(key).copied().unwrap_or(0);
            c.tp += tc.min(pc) as f64;
            c.fn_ += tc.saturating_sub(pc) as f64;
        }
        for (key, &pc) in &p {
            let tc = t.get(key).copied().unwrap_or(0);
            c.fp += pc.saturating_sub(tc) as f64;
        }
        let sum = c.tp + c.fp + c.fn_;
        if sum > 0.0 {
            c.tp /= sum;
            c.fp /= sum;
            c.fn_ /= sum;
        }
        c
    }

    /// Precision, recall and F1 over a set of documents.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Scores {
        pub precision: f64,
        pub recall: f64,
        pub f1: f64,
    }

    /// The harmonic mean, 0 when both are 0.
    pub fn f1(precision: f64, recall: f64) -> f64 {
        if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        }
    }

    fn mean(values: impl Iterator<Item = f64>) -> f64 {
        let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
        if n > 0 {
            sum / n as f64
        } else {
            0.0
        }
    }

    /// `metrics_from_tp_fp_fns` of the benchmark: precision is the mean of the
    /// per-document precisions over documents with `tp + fp > 0`, recall the
    /// mean of the recalls over documents with `tp + fn > 0`, and F1 comes from
    /// the two means.
    pub fn scores(docs: &[Counts]) -> Scores {
        let precision = mean(
            docs.iter()
                .filter(|c| c.tp + c.fp > 0.0)
                .map(Counts::precision),
        );
        let recall = mean(
            docs.iter()
                .filter(|c| c.tp + c.fn_ > 0.0)
                .map(Counts::recall),
        );
        Scores {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }

    /// The normalised counts summed over all documents, then
    /// `TP / (TP + FP)` and `TP / (TP + FN)`: shown beside the benchmark's numbers.
    pub fn pooled_scores(docs: &[Counts]) -> Scores {
        let tp: f64 = docs.iter().map(|c| c.tp).sum();
        let fp: f64 = docs.iter().map(|c| c.fp).sum();
        let fn_: f64 = docs.iter().map(|c| c.fn_).sum();
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        Scores {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::metric::{pooled_scores, scores, shingle_matching, shingles, tokens, Counts};
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    fn counts(tp: f64, fp: f64, fn_: f64) -> Counts {
        Counts { tp, fp, fn_ }
    }

    #[test]
    fn tokens_are_python_word_runs() {
        assert_eq!(tokens("Hello, wörld_1 x-y"), ["Hello", "wörld_1", "x", "y"]);
        // Python's \w: combining marks and circled letters split words, other
        // numbers (½) join them, connector punctuation other than '_' does not.
        assert_eq!(
            tokens("cafe\u{301} \u{bd}2 \u{24b6}b \u{203f}z 日本語"),
            ["cafe", "\u{bd}2", "b", "z", "日本語"]
        );
        assert!(tokens(" -- … ").is_empty());
        assert_eq!(tokens("The the"), ["The", "the"]);
    }

    #[test]
    fn shingles_of_short_and_long_texts() {
        let t = tokens("a b c d e");
        let s = shingles(&t);
        assert_eq!(s.len(), 2);
        assert_eq!(s.get(&["a", "b", "c", "d"][..]), Some(&1));
        assert_eq!(s.get(&["b", "c", "d", "e"][..]), Some(&1));
        let t = tokens("a b");
        let s = shingles(&t);
        assert_eq!(s.len(), 1);
        assert_eq!(s.get(&["a", "b"][..]), Some(&1));
        assert!(shingles(&tokens("")).is_empty());
        let t = tokens("x x x x x x");
        assert_eq!(shingles(&t).get(&["x", "x", "x", "x"][..]), Some(&3));
    }

    #[test]
    fn matching_is_normalised_per_document() {
        // truth {abcd, bcde}, prediction {abcd}: tp 1, fn 1.
        assert_eq!(
            shingle_matching("a b c d e", "a b c d"),
            counts(0.5, 0.0, 0.5)
        );
        // truth {abcd}, prediction {abcd, bcde, cdef}: tp 1, fp 2.
        let c = shingle_matching("a b c d", "a b c d e f");
        assert!(close(c.tp, 1.0 / 3.0) && close(c.fp, 2.0 / 3.0) && c.fn_ == 0.0);
        assert_eq!(shingle_matching("a b c", "a b c"), counts(1.0, 0.0, 0.0));
        // Case matters.
        assert_eq!(shingle_matching("A b c", "a b c"), counts(0.0, 0.5, 0.5));
        // Multisets: 3 × xxxx against 1 × xxxx.
        let c = shingle_matching("x x x x x x", "x x x x");
        assert!(close(c.tp, 1.0 / 3.0) && close(c.fn_, 2.0 / 3.0) && c.fp == 0.0);
        assert_eq!(shingle_matching("some words", ""), counts(0.0, 0.0, 1.0));
        assert_eq!(shingle_matching("", ""), counts(0.0, 0.0, 0.0));
    }

    #[test]
    fn per_document_scores_follow_the_benchmark() {
        assert_eq!(counts(1.0, 0.0, 0.0).precision(), 1.0);
        assert_eq!(counts(0.0, 0.0, 0.0).precision(), 1.0);
        assert_eq!(counts(0.0, 0.0, 1.0).precision(), 0.0);
        assert_eq!(counts(0.0, 1.0, 0.0).recall(), 0.0);
        assert_eq!(counts(0.25, 0.5, 0.25).precision(), 0.25 / 0.75);
        assert_eq!(counts(0.25, 0.5, 0.25).recall(), 0.5);
    }

    #[test]
    fn scores_are_means_over_documents() {
        let docs = [
            counts(0.5, 0.5, 0.0),   // P 0.5, R 1
            counts(0.25, 0.0, 0.75), // P 1, R 0.25
            counts(0.0, 0.0, 1.0),   // nothing predicted: no precision, R 0
            counts(0.0, 0.0, 0.0),   // both empty: in neither mean
        ];
        let s = scores(&docs);
        assert!(close(s.precision, 0.75));
        assert!(close(s.recall, 1.25 / 3.0));
        let f1 = 2.0 * 0.75 * (1.25 / 3.0) / (0.75 + 1.25 / 3.0);
        assert!(close(s.f1, f1));
        // Pooled: TP 0.75, FP 0.5, FN 1.75.
        let p = pooled_scores(&docs);
        assert!(close(p.precision, 0.6));
        assert!(close(p.recall, 0.3));
        assert!(close(p.f1, 0.4));
        assert_eq!(scores(&[]).f1, 0.0);
    }

    #[test]
    fn html_text_strips_tags_and_decodes_entities() {
        assert_eq!(
            html_to_text("<div><p>Fish &amp; chips</p><p>a<b>b</b>c&nbsp;d</p></div>"),
            "Fish & chips\nabc d"
        );
        assert_eq!(
            html_to_text("<p>&lt;x&gt; &quot;q&quot; &#39;s&#39; &#233;&#xE9; &bogus; a & b</p>"),
            "<x> \"q\" 's' éé &bogus; a & b"
        );
        assert_eq!(html_to_text("one<br>two<br/>three"), "one\ntwo\nthree");
        assert_eq!(
            html_to_text(
                "<div title=\"a > b\">x</div><!-- <p>no</p> --><script>var a = '<p>';</script>y"
            ),
            "x\ny"
        );
        assert_eq!(html_to_text("<div \"=\"\"><p>kept</p></div>"), "kept");
        assert_eq!(html_to_text("1 < 2"), "1 < 2");
    }

    #[test]
    fn metadata_comparisons() {
        assert!(field_matches(Compare::Text, " A  title\n", "A title"));
        assert!(!field_matches(Compare::Text, "A title", "A Title"));
        assert!(field_matches(Compare::Lang, "en-US", "EN"));
        assert!(field_matches(Compare::Lang, "pt_BR", "pt"));
        assert!(!field_matches(Compare::Lang, "en", "de"));
        assert!(field_matches(
            Compare::Date,
            "2015-07-24T05:36:09+01:00",
            "2015-07-24"
        ));
        assert!(field_matches(
            Compare::Date,
            "2019-04-28 06:01:07",
            "2019-04-28T06:01:07Z"
        ));
        assert!(!field_matches(Compare::Date, "2019-04-28", "2019-04-29"));
        assert!(field_matches(Compare::Text, "", ""));
    }

    #[test]
    fn what_a_copy_shows() {
        assert_eq!(
            title_main_part("A long headline here | Site"),
            "A long headline here"
        );
        assert_eq!(
            title_main_part("Site - A long headline here"),
            "A long headline here"
        );
        assert_eq!(byline_name_part("By\n\t\tJo Writer"), "Jo Writer");
        assert_eq!(
            byline_name_part("By Jo Writer\n  March 25, 2015"),
            "Jo Writer"
        );
        assert_eq!(byline_name_part("Jo Writer"), "Jo Writer");
        let copy = |s: &str| norm_words(s);
        assert!(shows_date(
            &copy("Posted March 5th, 2024 by Jo"),
            "2024-03-05"
        ));
        assert!(shows_date(&copy("am 05.03.2024"), "2024-03-05"));
        assert!(shows_date(&copy("5. März 2024"), "2024-03-05"));
        assert!(shows_date(&copy("2024-03-05T10:00"), "2024-03-05"));
        assert!(!shows_date(&copy("March 5 and 3 days ago"), "2024-03-05"));
        assert!(!shows_date(&copy("May 3, 2024"), "2024-03-05"));
        assert!(copy_shows(
            "title",
            &copy("x A LONG headline, here y"),
            "A long headline here | Site"
        ));
        assert!(!copy_shows(
            "byline",
            &copy("Jo and Writer"),
            "By Jo Writer"
        ));
    }
}
