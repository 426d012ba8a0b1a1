//! Writes gleaner's whole result for every page of some datasets as JSON
//! lines (`{"id": ..., "article": ...}`), to check that a change meant for
//! speed leaves every output as it was:
//!
//! ```text
//! cargo run --release --example dump -- OUT.jsonl DIR...
//! ```
//!
//! A DIR with `html/` is a dataset; otherwise its `<case>/source.html` pages.

use std::io::Write;
use std::path::Path;

use gleaner_bench::{load_cases, load_pages};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: dump OUT.jsonl DIR...");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out).expect("create OUT"));
    for dir in args {
        let dir = Path::new(&dir);
        let pages = if dir.join("html").is_dir() {
            load_pages(dir)
        } else {
            load_cases(dir)
        };
        for p in pages {
            let article = gleaner::clean(&p.html, &gleaner::Options::default())
                .map(|a| serde_json::to_value(a).expect("json"))
                .unwrap_or_else(|e| serde_json::Value::String(e.to_string()));
            let line = serde_json::json!({ "id": format!("{}/{}", dir.display(), p.id), "article": article });
            writeln!(w, "{line}").expect("write");
        }
    }
}
