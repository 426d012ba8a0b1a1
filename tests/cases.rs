//! Data-driven cases, one named test each: `tests/data/cases/<case>.src.html`
//! (or `.src.txt`) is cleaned with the default options and compared with the
//! files beside it:
//!
//! - `<case>.text`: the article's `text`, exactly (trailing newline ignored);
//! - `<case>.removed` (optional): one line per block that must be dropped,
//!   `reason | start of the block's text`; each must match a dropped block.
//!
//! - `<case>.md` (optional): the article's `markdown`, exactly;
//! - `<case>.frags` (optional): one line per fragment the `html` must hold,
//!   or, after `!`, must not hold;
//! - `<case>.meta` (optional): one `field: value` line per metadata field
//!   to check (`title`, `byline`, `published`, `site_name`, `page_type`);
//!   `-` for a value that must be absent.
//!
//! Each case shows one behaviour on a small page written for it.
//! `tests/data/regression/` holds cases of the same form, one for every bug
//! fixed; `tests/data/rich/` one for each shape of rich content (code,
//! math, footnotes…). The tests are named `cases::<case>` and `regression::<case>`:
//! `cargo test --release --test cases -- <case>` runs one.

use std::fs;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};

/// The folders of cases, each a test-name prefix.
const FOLDERS: &[&str] = &["cases", "regression", "rich"];

fn check(src: &Path) -> Result<(), String> {
    let name = src.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let stem = name.split(".src.").next().unwrap_or(name);
    let dir = src.parent().ok_or("no parent")?;
    let input = fs::read_to_string(src).map_err(|e| format!("{name}: {e}"))?;
    let article = gleaner::clean(&input, &gleaner::Options::default())
        .map_err(|e| format!("{stem}: clean failed: {e}"))?;
    let expected = fs::read_to_string(dir.join(format!("{stem}.text")))
        .map_err(|e| format!("{stem}.text: {e}"))?;
    if article.text.trim_end() != expected.trim_end() {
        return Err(format!(
            "{stem}: text differs\n--- expected\n{}\n--- got\n{}\n--- blocks\n{}",
            expected.trim_end(),
            article.text,
            article
                .blocks
                .iter()
                .map(|b| format!(
                    "{} [{}] {}",
                    if b.kept { '+' } else { '-' },
                    b.reason
                        .as_ref()
                        .map(ToString::to_string)
                        .as_deref()
                        .unwrap_or(""),
                    b.text
                ))
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    check_rich(stem, dir, &article)?;
    check_meta(stem, dir, &article)?;
    if let Ok(removed) = fs::read_to_string(dir.join(format!("{stem}.removed"))) {
        for line in removed.lines().filter(|l| !l.trim().is_empty()) {
            let (reason, start) = line
                .split_once(" | ")
                .ok_or(format!("{stem}.removed: bad line {line:?}"))?;
            let found = article.blocks.iter().any(|b| {
                !b.kept
                    && b.reason.as_ref().map(ToString::to_string).as_deref() == Some(reason.trim())
                    && b.text.starts_with(start.trim())
            });
            if !found {
                return Err(format!("{stem}: no block {start:?} dropped as {reason:?}"));
            }
        }
    }
    Ok(())
}

/// The metadata fields a case names in its `.meta` file.
fn check_meta(stem: &str, dir: &Path, article: &gleaner::Article) -> Result<(), String> {
    let meta = fs::read_to_string(dir.join(format!("{stem}.meta"))).unwrap_or_default();
    for line in meta.lines().filter(|l| !l.trim().is_empty()) {
        let (field, want) = line
            .split_once(':')
            .ok_or_else(|| format!("{stem}.meta: no 'field: value' in {line:?}"))?;
        let got = match field.trim() {
            "title" => article.title.clone(),
            "byline" => article.byline.clone(),
            "published" => article.published.clone(),
            "site_name" => article.site_name.clone(),
            "page_type" => Some(article.page_type.name().to_string()),
            f => return Err(format!("{stem}.meta: unknown field {f:?}")),
        };
        let want = Some(want.trim()).filter(|w| *w != "-");
        if got.as_deref() != want {
            return Err(format!("{stem}: {} is {got:?}, not {want:?}", field.trim()));
        }
    }
    Ok(())
}

/// The Markdown (exactly) and the HTML fragments of a case, where it has them.
fn check_rich(stem: &str, dir: &Path, article: &gleaner::Article) -> Result<(), String> {
    if let Ok(md) = fs::read_to_string(dir.join(format!("{stem}.md"))) {
        if article.markdown.trim_end() != md.trim_end() {
            return Err(format!(
                "{stem}: markdown differs\n--- expected\n{}\n--- got\n{}",
                md.trim_end(),
                article.markdown.trim_end()
            ));
        }
    }
    let frags = fs::read_to_string(dir.join(format!("{stem}.frags"))).unwrap_or_default();
    for line in frags.lines().filter(|l| !l.trim().is_empty()) {
        let (want, frag) = match line.strip_prefix('!') {
            Some(f) => (false, f),
            None => (true, line),
        };
        if article.html.contains(frag) != want {
            let how = if want { "lacks" } else { "holds" };
            return Err(format!("{stem}: html {how} {frag:?}\n{}", article.html));
        }
    }
    Ok(())
}

/// The case a fixture file belongs to: `x.src.html`, `x.text` and
/// `x.removed` all belong to `x`; `None` for anything else.
fn case_of(file: &str) -> Option<&str> {
    file.split_once(".src.")
        .map(|(stem, _)| stem)
        .or_else(|| file.strip_suffix(".text"))
        .or_else(|| file.strip_suffix(".removed"))
        .or_else(|| file.strip_suffix(".md"))
        .or_else(|| file.strip_suffix(".frags"))
        .or_else(|| file.strip_suffix(".meta"))
}

/// Fails when a folder holds a file that is not part of a case with an
/// input (a `.text` or `.removed` left behind by a renamed case would
/// otherwise never run), or a case without its `.text`.
fn check_folder(dir: &Path, files: &[String]) -> Result<(), String> {
    let inputs: Vec<&str> = files
        .iter()
        .filter(|f| f.contains(".src."))
        .filter_map(|f| case_of(f))
        .collect();
    let mut wrong = Vec::new();
    for f in files.iter().filter(|f| *f != "README.md") {
        match case_of(f) {
            Some(case) if inputs.contains(&case) => {}
            Some(_) => wrong.push(format!("{f}: no <case>.src.* input beside it")),
            None => wrong.push(format!("{f}: not a case file")),
        }
    }
    for case in &inputs {
        if !files.iter().any(|f| *f == format!("{case}.text")) {
            wrong.push(format!("{case}: no {case}.text"));
        }
    }
    if inputs.is_empty() {
        wrong.push("no cases".to_string());
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n{}", dir.display(), wrong.join("\n")))
    }
}

fn trials() -> Vec<Trial> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut trials = Vec::new();
    for folder in FOLDERS {
        let dir = root.join(folder);
        let mut files: Vec<String> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        files.sort();
        let layout = {
            let (dir, files) = (dir.clone(), files.clone());
            move || check_folder(&dir, &files).map_err(Failed::from)
        };
        trials.push(Trial::test(format!("{folder}::files_form_cases"), layout));
        for file in files.iter().filter(|f| f.contains(".src.")) {
            let src: PathBuf = dir.join(file);
            let case = case_of(file).unwrap_or(file);
            trials.push(Trial::test(format!("{folder}::{case}"), move || {
                check(&src).map_err(Failed::from)
            }));
        }
    }
    trials
}

fn main() -> std::process::ExitCode {
    libtest_mimic::run(&Arguments::from_args(), trials()).exit_code()
}
