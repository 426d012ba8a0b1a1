//! Runs `gleaner::clean` on every page of a dataset, for a profiler:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='profile::clean_page' \
//!     target/release/examples/profile [DATASET_DIR] [--passes N] [--outputs LIST]
//! ```
//!
//! `--outputs text,markdown,html` asks for some renderings only
//! (`gleaner::Options::outputs`; all three by default). `--per-page` prints
//! each page's id, size and time (the median of the passes, in ms), the
//! lines `instructions.sh` puts beside each page's instruction count.

use std::hint::black_box;
use std::time::Instant;

use gleaner_bench::{dataset_dir, load_pages, median, number_arg};

/// One page cleaned: the one function the profiler counts (`--toggle-collect`).
#[inline(never)]
fn clean_page(html: &str, opts: &gleaner::Options) -> usize {
    gleaner::clean(black_box(html), opts).map_or(0, |a| a.word_count)
}

fn main() {
    let mut passes = 1usize;
    let mut dir_arg = None;
    let mut per_page = false;
    let mut opts = gleaner::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--passes" => passes = number_arg(&mut args, "--passes N"),
            "--per-page" => per_page = true,
            "--outputs" => {
                let list = args.next().unwrap_or_default();
                opts.outputs = gleaner::Outputs::NONE;
                for o in list.split(',') {
                    match o {
                        "text" => opts.outputs.text = true,
                        "markdown" => opts.outputs.markdown = true,
                        "html" => opts.outputs.html = true,
                        "all" => opts.outputs = gleaner::Outputs::ALL,
                        _ => panic!("--outputs text,markdown,html|all, not {o:?}"),
                    }
                }
            }
            s if s.starts_with("--") => panic!("unknown option {s}"),
            _ => dir_arg = Some(a),
        }
    }
    let pages = load_pages(&dataset_dir(dir_arg.as_deref()));
    let mut words = 0usize;
    let mut times = vec![Vec::with_capacity(passes); pages.len()];
    for _ in 0..passes {
        for (p, t) in pages.iter().zip(&mut times) {
            let start = Instant::now();
            words += clean_page(&p.html, &opts);
            t.push(start.elapsed().as_secs_f64() * 1e3);
        }
    }
    if per_page {
        for (p, t) in pages.iter().zip(&times) {
            println!("{}\t{}\t{:.3}", p.id, p.html.len(), median(t));
        }
    }
    let total: f64 = times.iter().map(|t| median(t)).sum();
    eprintln!(
        "{} pages, {words} words, {total:.1} ms (sum of the pages' medians over {passes} passes)",
        pages.len()
    );
}
