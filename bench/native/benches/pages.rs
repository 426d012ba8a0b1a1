//! Criterion benchmarks over real pages of the corpus, gleaner and
//! dom_smoothie in the same run:
//!
//! - `<dataset>/corpus/*`: every page of the dataset once per iteration;
//! - `<dataset>/page/*/<size>`: the smallest, the median and the largest page.
//!
//! `cargo bench --bench pages [-- FILTER]` (`-- scrapinghub/` for one
//! dataset); the datasets are ScrapingHub's pages and WCXB's development
//! split, in `$GLEANER_SHARED/corpus/` or `../shared/corpus/`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gleaner_bench::{default_datasets, load_pages};

fn gleaner(html: &str) -> usize {
    gleaner::clean(html, &gleaner::Options::default()).map_or(0, |a| a.text.len())
}

fn dom_smoothie(html: &str) -> usize {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    dom_smoothie::Readability::new(html, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .map_or(0, |a| a.text_content.len())
}

fn benches(c: &mut Criterion) {
    for dir in default_datasets() {
        let name = dir
            .file_name()
            .map_or_else(|| "pages".to_string(), |n| n.to_string_lossy().into_owned());
        dataset(c, &name, load_pages(&dir));
    }
}

/// The benchmarks of one dataset, named `<name>/...`.
fn dataset(c: &mut Criterion, name: &str, mut pages: Vec<gleaner_bench::Page>) {
    let bytes: u64 = pages.iter().map(|p| p.html.len() as u64).sum();

    let mut g = c.benchmark_group(format!("{name}/corpus"));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Bytes(bytes));
    g.bench_function("gleaner", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| gleaner(black_box(&p.html)))
                .sum::<usize>()
        })
    });
    g.bench_function("dom_smoothie", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| dom_smoothie(black_box(&p.html)))
                .sum::<usize>()
        })
    });
    g.finish();

    pages.sort_by_key(|p| p.html.len());
    let picks = [0, pages.len() / 2, pages.len() - 1];
    let mut g = c.benchmark_group(format!("{name}/page"));
    g.sample_size(20);
    for &i in &picks {
        let p = &pages[i];
        let size = format!("{}KB", p.html.len() / 1000);
        g.throughput(Throughput::Bytes(p.html.len() as u64));
        g.bench_with_input(BenchmarkId::new("gleaner", &size), &p.html, |b, h| {
            b.iter(|| gleaner(black_box(h)))
        });
        g.bench_with_input(BenchmarkId::new("dom_smoothie", &size), &p.html, |b, h| {
            b.iter(|| dom_smoothie(black_box(h)))
        });
    }
    g.finish();
}

criterion_group!(pages_bench, benches);
criterion_main!(pages_bench);
