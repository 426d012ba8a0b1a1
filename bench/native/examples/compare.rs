//! gleaner and dom_smoothie side by side, in one run, on every page of a
//! dataset: per page the median of several passes after a warm-up, the two
//! extractors interleaved page by page (alternating which goes first).
//!
//! ```text
//! cargo run --release --example compare -- [DATASET_DIR...] [--passes N] [--out-dir DIR]
//!     [--only gleaner|dom_smoothie] [--smoothie-text raw|formatted|markdown]
//! ```
//!
//! Without a dataset, ScrapingHub's pages and then WCXB's development split
//! (`gleaner_bench::default_datasets`), each with its own summary.
//!
//! With `--out-dir`, the extracted texts are written as `gleaner.json` and
//! `dom_smoothie.json` (id -> {"articleBody": ...}), the shape that
//! `gleaner-eval --predictions FILE DATASET_DIR` scores: in DIR for one
//! dataset, in `DIR/<dataset>/` for several.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use gleaner_bench::{default_datasets, load_pages, median, number_arg, quantile};
use serde_json::{json, Map, Value};

#[derive(Clone, Copy, PartialEq)]
enum Which {
    Gleaner,
    DomSmoothie,
}

const NAMES: [&str; 2] = ["gleaner", "dom_smoothie"];

/// dom_smoothie's configuration: its defaults, with the text mode asked for.
fn dom_smoothie_config(text_mode: dom_smoothie::TextMode) -> dom_smoothie::Config {
    dom_smoothie::Config {
        text_mode,
        ..dom_smoothie::Config::default()
    }
}

/// Runs one extractor on one page; returns the article text.
fn run(which: Which, html: &str, text_mode: dom_smoothie::TextMode) -> String {
    match which {
        Which::Gleaner => match gleaner::clean(html, &gleaner::Options::default()) {
            Ok(a) => a.text,
            Err(_) => String::new(),
        },
        Which::DomSmoothie => {
            match dom_smoothie::Readability::new(html, None, Some(dom_smoothie_config(text_mode)))
                .and_then(|mut r| r.parse())
            {
                Ok(a) => a.text_content.to_string(),
                Err(_) => String::new(),
            }
        }
    }
}

fn main() {
    let mut passes = 5usize;
    let mut out_dir: Option<PathBuf> = None;
    let mut only: Option<Which> = None;
    let mut dirs: Vec<PathBuf> = Vec::new();
    // Text with paragraph breaks by default: the raw mode (dom_smoothie's
    // default) runs the words of adjacent blocks together.
    let mut text_mode = dom_smoothie::TextMode::Formatted;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--passes" => passes = number_arg(&mut args, "--passes N"),
            "--out-dir" => out_dir = args.next().map(PathBuf::from),
            "--only" => {
                only = match args.next().as_deref() {
                    Some("gleaner") => Some(Which::Gleaner),
                    Some("dom_smoothie") => Some(Which::DomSmoothie),
                    v => panic!("--only gleaner|dom_smoothie, not {v:?}"),
                }
            }
            "--smoothie-text" => {
                text_mode = match args.next().as_deref() {
                    Some("raw") => dom_smoothie::TextMode::Raw,
                    Some("formatted") => dom_smoothie::TextMode::Formatted,
                    Some("markdown") => dom_smoothie::TextMode::Markdown,
                    v => panic!("--smoothie-text raw|formatted|markdown, not {v:?}"),
                }
            }
            "--bench" => {} // passed by `cargo bench`
            s if s.starts_with("--") => panic!("unknown option {s}"),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        dirs = default_datasets();
    }
    let several = dirs.len() > 1;
    for dir in &dirs {
        let out = out_dir.as_ref().map(|o| match dir.file_name() {
            Some(name) if several => o.join(name),
            _ => o.clone(),
        });
        compare(dir, passes, out, only, text_mode);
        println!();
    }
}

/// The comparison on one dataset.
fn compare(
    dir: &std::path::Path,
    passes: usize,
    out_dir: Option<PathBuf>,
    only: Option<Which>,
    text_mode: dom_smoothie::TextMode,
) {
    let pages = load_pages(dir);
    let which: Vec<Which> = match only {
        Some(w) => vec![w],
        None => vec![Which::Gleaner, Which::DomSmoothie],
    };
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    println!(
        "{} pages ({:.1} MB) from {}; 1 warm-up pass + {passes} timed passes, interleaved",
        pages.len(),
        bytes as f64 / 1e6,
        dir.display()
    );

    // times[extractor][page] = one duration (ms) per pass
    let mut times = vec![vec![Vec::with_capacity(passes); pages.len()]; 2];
    let mut texts: Vec<Vec<String>> = vec![Vec::new(); 2];
    for pass in 0..=passes {
        for (i, page) in pages.iter().enumerate() {
            let mut order = which.clone();
            if (i + pass) % 2 == 1 {
                order.reverse();
            }
            for &w in &order {
                let start = Instant::now();
                let text = black_box(run(w, black_box(&page.html), text_mode));
                let took = start.elapsed().as_secs_f64() * 1e3;
                if pass == 0 {
                    texts[w as usize].push(text);
                } else {
                    times[w as usize][i].push(took);
                }
            }
        }
    }

    let per_page: Vec<Vec<f64>> = times
        .iter()
        .map(|pages| pages.iter().map(|t| median(t)).collect())
        .collect();
    println!(
        "\n{:<14} {:>12} {:>12} {:>12} {:>12}",
        "per page", "median ms", "p95 ms", "max ms", "total ms"
    );
    for &w in &which {
        let t = &per_page[w as usize];
        println!(
            "{:<14} {:>12.3} {:>12.3} {:>12.3} {:>12.1}",
            NAMES[w as usize],
            median(t),
            quantile(t, 0.95),
            quantile(t, 1.0),
            t.iter().sum::<f64>()
        );
    }
    if which.len() == 2 {
        let (g, d) = (&per_page[0], &per_page[1]);
        let ratios: Vec<f64> = g.iter().zip(d).map(|(a, b)| a / b).collect();
        println!(
            "\ngleaner / dom_smoothie: median {:.3}, total {:.3}; per page ratio median {:.3}, p95 {:.3}; gleaner faster on {} of {} pages",
            median(g) / median(d),
            g.iter().sum::<f64>() / d.iter().sum::<f64>(),
            median(&ratios),
            quantile(&ratios, 0.95),
            ratios.iter().filter(|&&r| r < 1.0).count(),
            ratios.len()
        );
    }

    if let Some(out) = out_dir {
        std::fs::create_dir_all(&out).expect("create --out-dir");
        for &w in &which {
            let mut m = Map::new();
            for (page, text) in pages.iter().zip(&texts[w as usize]) {
                m.insert(page.id.clone(), json!({ "articleBody": text }));
            }
            let path = out.join(format!("{}.json", NAMES[w as usize]));
            let text = serde_json::to_string(&Value::Object(m)).expect("json");
            std::fs::write(&path, text).expect("write predictions");
            println!("wrote {}", path.display());
        }
    }
}
