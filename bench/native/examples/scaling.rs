//! Time and peak memory of `gleaner::clean` from 10 KB to 20 MB:
//!
//! - `pages`: the dataset's pages one after another, cut at the size;
//! - `page`: one page of median size, repeated (cut at the size below it);
//! - `deep`: nested `<div>`s 500 deep with a paragraph at every level, repeated;
//! - `wide`: one flat run of sibling paragraphs;
//! - `table`: one table of many rows.
//!
//! Peak memory is counted by a global allocator that keeps the bytes in use
//! and their high-water mark; the figure is the peak during the call above
//! what was in use before it, next to the input's size.
//!
//! ```text
//! cargo run --release --example scaling -- [DATASET_DIR] [--sizes 10K,100K,1M,5M,20M]
//!     [--inputs pages,page,deep,wide,table] [--json FILE]
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use gleaner_bench::{dataset_dir, fill, load_pages, median};

struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only
// the byte counts are kept on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn parse_size(s: &str) -> usize {
    let s = s.trim().to_ascii_uppercase();
    let (num, mult) = match s.strip_suffix('M') {
        Some(n) => (n, 1_000_000),
        None => match s.strip_suffix('K') {
            Some(n) => (n, 1_000),
            None => (s.as_str(), 1),
        },
    };
    let n: f64 = num.parse().expect("a size such as 10K or 20M");
    (n * mult as f64) as usize
}

struct Row {
    input: &'static str,
    bytes: usize,
    runs: usize,
    ms: f64,
    ms_per_mb: f64,
    peak: usize,
}

fn measure(input: &'static str, html: &str) -> Row {
    let options = gleaner::Options::default();
    // Enough runs for a stable median on small inputs, a few on large ones.
    let runs = (20_000_000 / html.len().max(1)).clamp(3, 50);
    let _ = black_box(gleaner::clean(black_box(html), &options));
    let mut times = Vec::with_capacity(runs);
    let mut peak = 0;
    for _ in 0..runs {
        let before = IN_USE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t0 = Instant::now();
        let article = black_box(gleaner::clean(black_box(html), &options));
        let took = t0.elapsed().as_secs_f64() * 1e3;
        peak = peak.max(PEAK.load(Ordering::Relaxed) - before);
        drop(article);
        times.push(took);
    }
    let ms = median(&times);
    Row {
        input,
        bytes: html.len(),
        runs,
        ms,
        ms_per_mb: ms / (html.len() as f64 / 1e6),
        peak,
    }
}

fn main() {
    let mut sizes: Vec<usize> = ["10K", "100K", "1M", "5M", "20M"]
        .iter()
        .map(|s| parse_size(s))
        .collect();
    let mut json_out: Option<String> = None;
    let mut inputs: Vec<String> = ["pages", "page", "deep", "wide", "table"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut dir_arg: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .expect("--sizes 10K,1M")
                    .split(',')
                    .map(parse_size)
                    .collect()
            }
            "--json" => json_out = args.next(),
            "--inputs" => {
                inputs = args
                    .next()
                    .expect("--inputs pages,deep")
                    .split(',')
                    .map(str::to_string)
                    .collect()
            }
            "--bench" => {}
            s if s.starts_with("--") => panic!("unknown option {s}"),
            _ => dir_arg = Some(a),
        }
    }
    let mut loaded = load_pages(&dataset_dir(dir_arg.as_deref()));
    let pages: String = loaded.iter().map(|p| p.html.as_str()).collect();
    loaded.sort_by_key(|p| p.html.len());
    let page = loaded[loaded.len() / 2].html.clone();
    const PROSE: &str = "A paragraph of the article with a few words in it, and a comma.";
    let deep = format!("<div class=level><p>{PROSE}</p>").repeat(500) + &"</div>".repeat(500);
    let wide = format!("<p>{PROSE}</p>\n");
    let table_row = "<tr><td>Cell text one</td><td>Cell text two</td><td>3.14</td></tr>\n";

    let want = |name: &str| inputs.iter().any(|i| i == name);
    let mut rows = Vec::new();
    for &size in &sizes {
        if want("pages") {
            rows.push(measure("pages", &fill(&pages, size)));
        }
        if want("page") {
            rows.push(measure("page", &fill(&page, size)));
        }
        if want("deep") {
            rows.push(measure("deep", &fill(&deep, size)));
        }
        if want("wide") {
            rows.push(measure("wide", &fill(&wide, size)));
        }
        if want("table") {
            let table = format!(
                "<table>{}</table>",
                fill(table_row, size.saturating_sub(15))
            );
            rows.push(measure("table", &table));
        }
    }

    println!(
        "{:<6} {:>11} {:>5} {:>10} {:>9} {:>12} {:>10}",
        "input", "bytes", "runs", "ms", "ms/MB", "peak MB", "peak/input"
    );
    for r in &rows {
        println!(
            "{:<6} {:>11} {:>5} {:>10.2} {:>9.1} {:>12.2} {:>10.1}",
            r.input,
            r.bytes,
            r.runs,
            r.ms,
            r.ms_per_mb,
            r.peak as f64 / 1e6,
            r.peak as f64 / r.bytes as f64
        );
    }
    for input in ["pages", "page", "deep", "wide", "table"] {
        if !want(input) {
            continue;
        }
        let per_mb: Vec<f64> = rows
            .iter()
            .filter(|r| r.input == input)
            .map(|r| r.ms_per_mb)
            .collect();
        let (lo, hi) = per_mb
            .iter()
            .fold((f64::MAX, 0f64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        let mem = rows
            .iter()
            .filter(|r| r.input == input)
            .map(|r| r.peak as f64 / r.bytes as f64)
            .fold(0f64, f64::max);
        println!("{input}: time per MB from {lo:.1} to {hi:.1} ms ({:.2}x); peak memory at most {mem:.1}x the input", hi / lo);
    }
    if let Some(path) = json_out {
        let rows: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "input": r.input, "bytes": r.bytes, "runs": r.runs, "ms": r.ms,
                    "ms_per_mb": r.ms_per_mb, "peak_bytes": r.peak,
                    "peak_per_input_byte": r.peak as f64 / r.bytes as f64,
                })
            })
            .collect();
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&rows).expect("json") + "\n",
        )
        .expect("write --json");
        println!("wrote {path}");
    }
}
