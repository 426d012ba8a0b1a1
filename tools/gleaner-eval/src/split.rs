//! The split discipline and the WCXB benchmark's word metric.
//!
//! Every dev set has two halves by the first hex digit of SHA-1 of the
//! page's id: even is half A (looked at and tuned on), odd is half B
//! (checked, never studied). The harness reports both, and lists the worst
//! pages of half A only.
//!
//! WCXB's metric: lower-cased `\w+` tokens as bags (multisets); precision is
//! the overlap over the predicted tokens, recall the overlap over the
//! reference's; F1 per page; precision, recall and F1 each averaged over
//! pages; an empty reference with an empty prediction scores 1.

use std::collections::HashMap;

use crate::metric;

/// Which half of a dev set a page is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Even first hex digit of SHA-1(id): studied and tuned on.
    A,
    /// Odd: checked, never studied.
    B,
}

/// The half of the page with this id.
pub fn half(id: &str) -> Half {
    let digest = sha1_smol::Sha1::from(id).digest().bytes();
    if (digest[0] >> 4) % 2 == 0 {
        Half::A
    } else {
        Half::B
    }
}

/// One page's word-level precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Words {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The WCXB word metric of one page.
pub fn words(truth: &str, prediction: &str) -> Words {
    let bag = |text: &str| {
        let mut bag: HashMap<String, usize> = HashMap::new();
        for t in metric::tokens(text) {
            *bag.entry(t.to_lowercase()).or_default() += 1;
        }
        bag
    };
    let (t, p) = (bag(truth), bag(prediction));
    let (nt, np): (usize, usize) = (t.values().sum(), p.values().sum());
    if nt == 0 && np == 0 {
        return Words {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    let overlap: usize = t
        .iter()
        .map(|(w, &c)| c.min(p.get(w).copied().unwrap_or(0)))
        .sum();
    let precision = if np == 0 {
        0.0
    } else {
        overlap as f64 / np as f64
    };
    let recall = if nt == 0 {
        0.0
    } else {
        overlap as f64 / nt as f64
    };
    Words {
        precision,
        recall,
        f1: metric::f1(precision, recall),
    }
}

/// One scored page, for the reports by half and by page type.
pub struct Row<'a> {
    pub id: &'a str,
    pub page_type: Option<&'a str>,
    pub half: Half,
    /// The shingle metric's per-page precision and recall.
    pub shingle: (f64, f64),
    pub words: Words,
}

/// Means of the word metric over rows, with their count.
fn means<'a>(rows: impl Iterator<Item = &'a Row<'a>>) -> (usize, f64, f64, f64) {
    let (mut n, mut p, mut r, mut f) = (0usize, 0.0, 0.0, 0.0);
    for row in rows {
        n += 1;
        p += row.words.precision;
        r += row.words.recall;
        f += row.words.f1;
    }
    let d = n.max(1) as f64;
    (n, p / d, r / d, f / d)
}

/// The shingle metric's F1 (from mean precision and recall) over rows.
pub fn shingle_f1<'a>(rows: impl Iterator<Item = &'a Row<'a>>) -> (usize, f64) {
    let (mut n, mut p, mut r) = (0usize, 0.0, 0.0);
    for row in rows {
        n += 1;
        p += row.shingle.0;
        r += row.shingle.1;
    }
    let d = n.max(1) as f64;
    (n, metric::f1(p / d, r / d))
}

/// The page types present, in a fixed order (`all` first).
fn types<'a>(rows: &[Row<'a>]) -> Vec<&'a str> {
    let mut types: Vec<&str> = rows.iter().filter_map(|r| r.page_type).collect();
    types.sort_unstable();
    types.dedup();
    types
}

/// Prints the shingle F1 of each half, and, when pages have types, the word
/// metric by page type and half. Returns the word F1 by half for `--json`.
pub fn report(rows: &[Row]) -> serde_json::Value {
    let (na, fa) = shingle_f1(rows.iter().filter(|r| r.half == Half::A));
    let (nb, fb) = shingle_f1(rows.iter().filter(|r| r.half == Half::B));
    println!(
        "halves by SHA-1 of the id: shingle F1 A {fa:.4} ({na} pages)  B {fb:.4} ({nb} pages)"
    );
    let types = types(rows);
    let mut json = serde_json::json!({ "shingle_f1_a": fa, "shingle_f1_b": fb });
    if types.is_empty() {
        return json;
    }
    println!("word F1 (WCXB metric), by page type:");
    println!(
        "  {:<14} {:>5} {:>6} {:>6} {:>6} | {:>6} {:>5} | {:>6} {:>5}",
        "type", "pages", "P", "R", "F1", "A F1", "n", "B F1", "n"
    );
    let all = std::iter::once(None).chain(types.iter().map(|t| Some(*t)));
    for t in all {
        let of = |r: &&Row| t.is_none() || r.page_type == t;
        let (n, p, r, f) = means(rows.iter().filter(of));
        let (na, _, _, fa) = means(rows.iter().filter(of).filter(|r| r.half == Half::A));
        let (nb, _, _, fb) = means(rows.iter().filter(of).filter(|r| r.half == Half::B));
        let name = t.unwrap_or("all");
        println!("  {name:<14} {n:>5} {p:>6.3} {r:>6.3} {f:>6.3} | {fa:>6.3} {na:>5} | {fb:>6.3} {nb:>5}");
        json[format!("word_f1_{name}_a")] = fa.into();
        json[format!("word_f1_{name}_b")] = fb.into();
        json[format!("word_f1_{name}")] = f.into();
    }
    json
}

/// Lists the `n` worst pages of half A by word F1 (by page type when pages
/// have types), or by shingle F1. Half B is never listed: it is not studied.
pub fn worst(rows: &[Row], n: usize) {
    let types = types(rows);
    let groups: Vec<Option<&str>> = if types.is_empty() {
        vec![None]
    } else {
        types.iter().map(|t| Some(*t)).collect()
    };
    for t in groups {
        let mut list: Vec<&Row> = rows
            .iter()
            .filter(|r| r.half == Half::A && (t.is_none() || r.page_type == t))
            .collect();
        let f = |r: &Row| {
            if t.is_some() {
                r.words.f1
            } else {
                metric::f1(r.shingle.0, r.shingle.1)
            }
        };
        list.sort_by(|a, b| f(a).total_cmp(&f(b)).then_with(|| a.id.cmp(b.id)));
        let label = t.map_or(String::new(), |t| format!(" {t}"));
        println!("worst {} of half A{label} by F1:", n.min(list.len()));
        println!("  {:<6} {:<6} {:<6} id", "P", "R", "F1");
        for r in list.iter().take(n) {
            let (p, rc) = if t.is_some() {
                (r.words.precision, r.words.recall)
            } else {
                r.shingle
            };
            println!("  {p:<6.3} {rc:<6.3} {:<6.3} {}", f(r), r.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_by_the_first_hex_digit() {
        // SHA-1("abc") = a9993e36…: 'a' is even; SHA-1("") = da39a3ee…: 'd' is odd.
        assert_eq!(half("abc"), Half::A);
        assert_eq!(half(""), Half::B);
    }

    #[test]
    fn word_metric_as_the_benchmark_defines_it() {
        let w = words("The cat sat on the mat", "the cat");
        assert!((w.precision - 1.0).abs() < 1e-9);
        assert!((w.recall - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(words("", "").f1, 1.0);
        assert_eq!(words("a b", "").f1, 0.0);
    }
}
