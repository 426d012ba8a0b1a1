//! Structure kept: how many of the code blocks, tables and headings the
//! expected article has, gleaner's Markdown has too.
//!
//! On a readability-style folder the expected structures are counted in
//! each case's `expected.html` (`<pre>`, `<table>`, `<h2>`…`<h6>`); on a
//! WCXB-style set, whose reference is text, in the documentation pages'
//! source: a `<pre>` whose text the reference holds is a code block it
//! keeps. Gleaner's are counted in its Markdown (fences, table separator
//! rows, `##`… headings). A page keeps at most as many as it should.

use crate::split::Half;

/// The structures measured.
pub const KINDS: [&str; 3] = ["code blocks", "tables", "headings"];

/// Counts of each structure, in the order of [`KINDS`].
pub type Counts = [usize; 3];

/// How often `tag` opens in lower-cased HTML (`<pre` but not `<prefix`).
fn opens(html: &str, tag: &str) -> usize {
    let open = format!("<{tag}");
    html.match_indices(&open)
        .filter(|(i, _)| {
            html[i + open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c.is_whitespace())
        })
        .count()
}

/// The structures of an expected article in HTML.
pub fn in_html(html: &str) -> Counts {
    let h = html.to_ascii_lowercase();
    let headings = ["h2", "h3", "h4", "h5", "h6"]
        .iter()
        .map(|t| opens(&h, t))
        .sum();
    [opens(&h, "pre"), opens(&h, "table"), headings]
}

/// The structures of gleaner's Markdown.
pub fn in_markdown(md: &str) -> Counts {
    let (mut fences, mut tables, mut headings) = (0, 0, 0);
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fences += 1;
        } else if t.starts_with('|') && t.contains("---") && t.chars().all(|c| "|-: ".contains(c)) {
            tables += 1;
        } else if t.starts_with("##") {
            headings += 1;
        }
    }
    [fences / 2, tables, headings]
}

/// The code blocks of a page's source that its reference text holds: a
/// `<pre>` whose first words (up to eight) are in the reference, in order.
pub fn kept_code_blocks(source: &str, reference: &str, text_of: fn(&str) -> String) -> usize {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let reference = format!(" {} ", words(reference).join(" "));
    let lower = source.to_ascii_lowercase();
    let mut kept = 0;
    let mut at = 0;
    while let Some(i) = lower[at..].find("<pre") {
        let start = at + i;
        let Some(len) = lower[start..].find("</pre>") else {
            break;
        };
        let block: Vec<String> = words(&text_of(&source[start..start + len]));
        let head = block.iter().take(8).cloned().collect::<Vec<_>>().join(" ");
        if !head.is_empty() && reference.contains(&format!(" {head} ")) {
            kept += 1;
        }
        at = start + len;
    }
    kept
}

/// The tally of one half: expected and kept, by structure.
#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub expected: Counts,
    pub kept: Counts,
}

impl Tally {
    /// Adds a page: its expected counts and gleaner's.
    pub fn add(&mut self, expected: Counts, ours: Counts) {
        for k in 0..KINDS.len() {
            self.expected[k] += expected[k];
            self.kept[k] += expected[k].min(ours[k]);
        }
    }

    /// The share kept of one structure (1 when none was expected).
    pub fn share(&self, k: usize) -> f64 {
        if self.expected[k] == 0 {
            1.0
        } else {
            self.kept[k] as f64 / self.expected[k] as f64
        }
    }
}

/// Prints the tallies of both halves and returns them as JSON fields.
pub fn report(a: &Tally, b: &Tally) -> serde_json::Value {
    println!("  half   structure        expected   kept   share");
    let mut json = serde_json::Map::new();
    for (half, t) in [(Half::A, a), (Half::B, b)] {
        let name = if half == Half::A { "A" } else { "B" };
        let mut fields = serde_json::Map::new();
        for (k, kind) in KINDS.iter().enumerate() {
            println!(
                "  {name}      {kind:<15} {:>8} {:>6}   {:.3}",
                t.expected[k],
                t.kept[k],
                t.share(k)
            );
            fields.insert((*kind).to_string(), serde_json::json!(t.share(k)));
        }
        json.insert(name.to_string(), serde_json::Value::Object(fields));
    }
    serde_json::Value::Object(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_structures() {
        let html =
            "<h2>A</h2><pre>x</pre><prefix></prefix><table><tr><td>1</td></tr></table><h3>B</h3>";
        assert_eq!(in_html(html), [1, 1, 2]);
        let md = "## A\n\n```rust\nx\n```\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n### B\n";
        assert_eq!(in_markdown(md), [1, 1, 2]);
        let mut t = Tally::default();
        t.add([2, 0, 4], [1, 3, 4]);
        assert_eq!(t.kept, [1, 0, 4]);
        assert!((t.share(0) - 0.5).abs() < 1e-9 && (t.share(1) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn code_blocks_the_reference_holds() {
        let strip = |s: &str| s.replace("<pre>", " ").replace("</pre>", " ");
        let source = "<pre>let x = 1;</pre><pre>not here</pre>";
        assert_eq!(
            kept_code_blocks(source, "Set it: let x = 1; done", strip),
            1
        );
    }
}
