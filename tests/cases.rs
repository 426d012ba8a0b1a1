//! Data-driven cases: `tests/data/cases/<case>.src.html` (or `.src.txt`) is
//! cleaned with the default options and compared with the files beside it:
//!
//! - `<case>.text`: the article's `text`, exactly (trailing newline ignored);
//! - `<case>.removed` (optional): one line per block that must be dropped,
//!   `reason | start of the block's text`; each must match a dropped block.
//!
//! Each case shows one behaviour on a small page written for it.

use std::fs;
use std::path::Path;

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

#[test]
fn cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases");
    let mut srcs: Vec<_> = fs::read_dir(&dir)
        .expect("tests/data/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_str().is_some_and(|s| s.contains(".src.")))
        .collect();
    srcs.sort();
    assert!(!srcs.is_empty(), "no cases in {}", dir.display());
    let failures: Vec<String> = srcs.iter().filter_map(|p| check(p).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        srcs.len(),
        failures.join("\n\n")
    );
}
