//! One `gleaner::clean` of a synthetic input, for a heap profiler:
//!
//! ```text
//! valgrind --tool=massif target/release/examples/memprof deep|wide|table [BYTES]
//! ```

use std::hint::black_box;

use gleaner_bench::fill;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "wide".into());
    let size: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    const PROSE: &str = "A paragraph of the article with a few words in it, and a comma.";
    let html = match kind.as_str() {
        "deep" => fill(
            &(format!("<div class=level><p>{PROSE}</p>").repeat(500) + &"</div>".repeat(500)),
            size,
        ),
        "table" => format!(
            "<table>{}</table>",
            fill(
                "<tr><td>Cell text one</td><td>Cell text two</td><td>3.14</td></tr>\n",
                size.saturating_sub(15)
            )
        ),
        _ => fill(&format!("<p>{PROSE}</p>\n"), size),
    };
    let a = gleaner::clean(black_box(&html), &gleaner::Options::default());
    println!("{}", a.map(|a| a.blocks.len()).unwrap_or(0));
}
