//! `--title-features FILE`: the lines of each half-A page's copied text
//! that gleaner scores as its title, with their features and whether each
//! is the expected title, one line each: what `fit_title.py` fits the
//! title's weights on. Half B is never written.

use std::io::Write;
use std::path::Path;

use gleaner::Options;
use serde_json::Value;

use crate::{page_file, read_file, read_json, split, truth_file, wcxb_matches};

/// Writes `id \t label \t features \t line` for every scored line of every
/// half-A page of a WCXB-style folder of copied texts.
pub fn write_title_features(dir: &Path, out: &Path, options: &Options) -> Result<(), String> {
    let truth_path = truth_file(dir).unwrap_or_else(|| dir.join("ground-truth.json"));
    let Value::Object(truth) = read_json(&truth_path)? else {
        return Err("ground-truth.json: not a JSON object".into());
    };
    let mut file = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let (mut pages, mut rows) = (0, 0);
    for id in ids
        .into_iter()
        .filter(|id| split::half(id) == split::Half::A)
    {
        let Some(want) = truth[id].get("title").and_then(Value::as_str) else {
            continue;
        };
        let Some(path) = page_file(dir, id, options.input) else {
            continue;
        };
        let page = read_file(&path)?;
        let lines = gleaner::title_candidates(&page, options).map_err(|e| format!("{id}: {e}"))?;
        for (text, features) in lines {
            let label = u8::from(wcxb_matches("title", want, &text));
            let f: Vec<String> = features.iter().map(|x| format!("{x:.4}")).collect();
            let line = text.replace(['\t', '\n'], " ");
            writeln!(file, "{id}\t{label}\t{}\t{line}", f.join(","))
                .map_err(|e| format!("{}: {e}", out.display()))?;
            rows += 1;
        }
        pages += 1;
    }
    println!(
        "{pages} half-A pages, {rows} scored lines: {}",
        out.display()
    );
    Ok(())
}
