//! Runs `gleaner::clean` once on every page of a dataset, for a profiler:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='gleaner::clean*' \
//!     target/release/examples/profile [DATASET_DIR] [--passes N]
//! ```

use std::hint::black_box;

use gleaner_bench::{dataset_dir, load_pages, number_arg};

fn main() {
    let mut passes = 1usize;
    let mut dir_arg = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--passes" => passes = number_arg(&mut args, "--passes N"),
            _ => dir_arg = Some(a),
        }
    }
    let pages = load_pages(&dataset_dir(dir_arg.as_deref()));
    let opts = gleaner::Options::default();
    let mut words = 0usize;
    for _ in 0..passes {
        for p in &pages {
            if let Ok(a) = gleaner::clean(black_box(&p.html), &opts) {
                words += a.word_count;
            }
        }
    }
    println!("{} pages, {words} words", pages.len());
}
