//! Hostile and broken HTML: every input ends with a result, never a panic.

mod common;

use gleaner::{clean, InputKind, Options};

fn html(input: &str) -> gleaner::Article {
    let opts = Options {
        input: InputKind::Html,
        ..Options::default()
    };
    clean(input, &opts).expect("HTML always gives a result")
}

#[test]
fn deep_and_wide_trees() {
    let deep = "<div>".repeat(300_000)
        + "<p>Deep text that is long enough to be an article paragraph, with words.</p>";
    assert!(html(&deep).text.contains("Deep text"));
    let wide = "<p>A sibling paragraph with a few words in it, and a comma.</p>".repeat(100_000);
    let a = html(&wide);
    assert!(!a.blocks.is_empty());
    let lists = "<ul><li>".repeat(20_000) + "item";
    let _ = html(&lists);
    let quotes = "<blockquote>".repeat(20_000) + "quoted";
    let _ = html(&quotes);
}

#[test]
fn huge_attributes_and_unclosed_tags() {
    let attr = format!(
        "<p title=\"{}\">Text after a huge attribute.</p>",
        "x".repeat(5 * 1024 * 1024)
    );
    assert!(html(&attr)
        .blocks
        .iter()
        .any(|b| b.text.contains("huge attribute")));
    let unclosed = "<b><i><span><a href=x>".repeat(5_000) + "text";
    let _ = html(&unclosed);
    let table = format!(
        "<table>{}</table>",
        "<tr><td>a</td><td>b</td></tr>".repeat(20_000)
    );
    let _ = html(&table);
}

#[test]
fn foreign_content_and_odd_parsing_modes() {
    for input in [
        "<template><p>never shown</p></template><p>Shown text of the page, long enough.</p>",
        "<svg><foreignObject><p>inside svg</p></foreignObject></svg><math><mi>x</mi></math>",
        "<plaintext><p>not a tag</p>",
        "<p>&amp &#xZZ; &#99999999; &unknown; &lt</p>",
        "<!-- unterminated comment <p>text",
        "<script>document.write('<p>x</p>')</script><style>p{}</style>",
        "<p>–—“”‚‘ Title – Site</p><title>Ünïcödé – ä – ö</title>",
    ] {
        let a = html(input);
        assert!(!a.text.contains("never shown"), "{input}");
    }
    // Mostly NUL bytes: a clear error rather than a guess.
    let nul = clean("\u{0}<p>\u{0}nul\u{0}</p>", &Options::default());
    assert_eq!(nul.unwrap_err(), gleaner::Error::Binary);
    // A few NULs in a real page are dropped by the parser.
    let page = format!(
        "<p>{}\u{0}</p>",
        "Real words in a real paragraph. ".repeat(10)
    );
    assert!(html(&page).text.starts_with("Real words"));
}

#[test]
fn every_corpus_page_cut_anywhere_still_cleans() {
    let dir = common::shared().join("corpus/readability");
    let mut pages = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus") {
        let path = entry.expect("entry").path().join("source.html");
        let Ok(page) = std::fs::read_to_string(&path) else {
            continue;
        };
        pages += 1;
        for cut in [1, 3, 7] {
            let mut at = page.len() * cut / 8;
            while !page.is_char_boundary(at) {
                at -= 1;
            }
            let _ = html(&page[..at]);
            let _ = html(&page[at..]);
        }
    }
    assert!(pages >= 100, "corpus pages read: {pages}");
}
