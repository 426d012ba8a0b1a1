//! Shared helpers of the native benchmarks: the corpus pages and statistics.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One page of a dataset.
pub struct Page {
    /// The page's id (its file name without `.html[.gz]`).
    pub id: String,
    /// The page's HTML.
    pub html: String,
}

/// The dataset folder: the first command-line argument that is not an
/// option, else `$GLEANER_SHARED/corpus/scrapinghub`, else
/// `../shared/corpus/scrapinghub` beside the repository.
pub fn dataset_dir(arg: Option<&str>) -> PathBuf {
    if let Some(a) = arg {
        return PathBuf::from(a);
    }
    let shared = std::env::var_os("GLEANER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    shared.join("corpus/scrapinghub")
}

/// A dataset of the shared corpus by name (`scrapinghub`, `wcxb-dev`):
/// `$GLEANER_SHARED/corpus/NAME`, else `../shared/corpus/NAME` beside the
/// repository.
pub fn dataset_named(name: &str) -> PathBuf {
    dataset_dir(None)
        .parent()
        .map_or_else(|| PathBuf::from(name), |corpus| corpus.join(name))
}

/// The datasets the benchmarks report when none is given: ScrapingHub's
/// 181 pages and the 1,497 of the WCXB development split.
pub fn default_datasets() -> Vec<PathBuf> {
    vec![dataset_named("scrapinghub"), dataset_named("wcxb-dev")]
}

/// The pages of a dataset (`DIR/html/<id>.html` or `.html.gz`), sorted by id.
/// Bytes that are not UTF-8 are replaced, as a browser's `TextDecoder` would.
pub fn load_pages(dir: &Path) -> Vec<Page> {
    let html_dir = dir.join("html");
    let entries =
        std::fs::read_dir(&html_dir).unwrap_or_else(|e| panic!("{}: {e}", html_dir.display()));
    let mut pages: Vec<Page> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_string();
            let id = name
                .strip_suffix(".html.gz")
                .or_else(|| name.strip_suffix(".html"))?
                .to_string();
            let bytes = std::fs::read(&path).ok()?;
            let bytes = if name.ends_with(".gz") {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut out)
                    .ok()?;
                out
            } else {
                bytes
            };
            let html = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            Some(Page { id, html })
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    assert!(!pages.is_empty(), "{}: no pages", html_dir.display());
    pages
}

/// The pages of a Readability-style folder (`DIR/<case>/source.html`), sorted.
pub fn load_cases(dir: &Path) -> Vec<Page> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut pages: Vec<Page> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let bytes = std::fs::read(e.path().join("source.html")).ok()?;
            Some(Page {
                id: e.file_name().to_string_lossy().into_owned(),
                html: String::from_utf8_lossy(&bytes).into_owned(),
            })
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    pages
}

/// The `q`-quantile (0..=1) of some values, by the nearest-rank method.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// The median of some values (the mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Repeats `unit` to at least `size` bytes and cuts at `size` (on a char boundary).
pub fn fill(unit: &str, size: usize) -> String {
    let mut s = unit.repeat(size / unit.len().max(1) + 1);
    let mut end = size.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// The number after an option such as `--passes`, taken from `args`; panics
/// with the option's usage when it is missing or not a number.
pub fn number_arg(args: &mut impl Iterator<Item = String>, usage: &str) -> usize {
    args.next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{usage}"))
}
