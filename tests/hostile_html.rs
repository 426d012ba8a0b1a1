//! Hostile and broken HTML: every input ends with a result, never a panic.

mod common;

use gleaner::{clean, InputKind, Options};

fn html(input: &str) -> gleaner::Article {
    let mut opts = Options::default();
    opts.input = InputKind::Html;
    clean(input, &opts).expect("HTML always gives a result")
}

#[test]
fn deep_and_wide_trees() {
    let deep = "<div>".repeat(1_000_000)
        + "<p>Deep text that is long enough to be an article paragraph, with words.</p>";
    assert!(html(&deep).text.contains("Deep text"));
    let deep_inline = "<p>".to_string()
        + &"<em>".repeat(1_000_000)
        + "Deep inline text that is long enough to be an article paragraph, with words.";
    assert!(html(&deep_inline).text.contains("Deep inline text"));
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

const PROSE: &str = "A sibling paragraph with a few words in it, and a comma.";

/// Cases that were quadratic (found while writing this set): each would
/// take minutes again if they were.
#[test]
fn formatting_left_open_across_many_paragraphs() {
    // Distinct attributes defeat the parser's limit of three identical
    // formatting elements, so every paragraph sits inside all of them.
    let page = (0..40_000)
        .map(|i| format!("<b id=b{i}>"))
        .collect::<String>()
        + &format!("<p>{PROSE}</p>").repeat(40_000);
    let a = html(&page);
    assert_eq!(a.blocks.len(), 40_000);
    assert!(
        a.html.len() < 20 * page.len(),
        "html output {} bytes",
        a.html.len()
    );
    let same = "<b><i><a href=/x>".repeat(40_000) + &format!("<p>{PROSE}</p>").repeat(40_000);
    assert_eq!(html(&same).blocks.len(), 40_000);
}

#[test]
fn deep_tables_lists_and_definition_lists() {
    let tables = "<table><tr><td>".repeat(100_000) + "cell";
    assert!(html(&tables).blocks.iter().any(|b| b.text.contains("cell")));
    let dl = "<dl><dt><dd>".repeat(40_000) + "term";
    assert!(html(&dl).blocks.iter().any(|b| b.text.contains("term")));
    let lists = "<ol><li>".repeat(100_000) + "item";
    assert!(html(&lists).blocks.iter().any(|b| b.text.contains("item")));
    let quotes = "<blockquote><p>".repeat(100_000) + "quoted";
    assert!(html(&quotes)
        .blocks
        .iter()
        .any(|b| b.text.contains("quoted")));
    let mixed = "<ul><li><blockquote><ol><li><table><tr><td><div>".repeat(30_000) + "end";
    let _ = html(&mixed);
}

#[test]
fn huge_tables() {
    let rows = format!(
        "<table>{}</table>",
        "<tr><td>a</td><td>b</td><td>c</td></tr>".repeat(200_000)
    );
    assert!(!html(&rows).blocks.is_empty());
    let wide = format!(
        "<table><tr>{}</tr></table>",
        "<td>cell</td>".repeat(200_000)
    );
    assert!(!html(&wide).blocks.is_empty());
    let data = format!(
        "<table><thead><tr><th>h1</th><th>h2</th></tr></thead>{}</table><p>{PROSE}</p>",
        "<tr><td>1</td><td>2</td></tr>".repeat(100_000)
    );
    assert!(html(&data).text.contains("sibling paragraph"));
}

#[test]
fn many_attributes() {
    // 5 MB of distinct attributes on one tag, and after a quoted '>'.
    let attrs: String = (0..600_000).map(|i| format!(" a{i}=1")).collect();
    assert!(attrs.len() > 5_000_000);
    let page = format!("<p{attrs}>Text after many attributes, in a paragraph.</p>");
    assert!(html(&page).text.contains("many attributes"));
    let quoted = format!("<p title='>'{attrs}>Text after a quoted bracket.</p>");
    assert!(html(&quoted).text.contains("quoted bracket"));
    // No closing '>' at all: the tag is cut to its first attributes.
    let _ = html(&format!("<p{attrs}"));
    // Attributes added to <html> and <body> by later tags.
    let body: String = (0..100_000)
        .map(|i| format!("<body b{i}=1><html h{i}=1>"))
        .collect();
    let a = html(&format!("{body}<p>{PROSE}</p>"));
    assert!(a.text.contains("sibling paragraph"));
    // A huge class list and a huge style.
    let class = format!(
        "<div class=\"{}\"><p>{PROSE}</p></div>",
        "comments share ad ".repeat(300_000)
    );
    let _ = html(&class);
}

#[test]
fn huge_text_and_markup_runs() {
    // A 50 MB single line of text in one paragraph.
    let sentence = "The committee said that the plan would be ready by the end of the year. ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    let a = html(&format!("<p>{line}</p>"));
    assert_eq!(a.text.len(), line.trim().len());
    // A 10 MB word without a space, a 10 MB unterminated comment, 1,000,000 <br>.
    assert_eq!(html(&"x".repeat(10 << 20)).text.len(), 10 << 20);
    assert_eq!(html(&format!("<!--{}", "x".repeat(10 << 20))).text, "");
    let brs = format!("<p>{}</p>", "word<br>".repeat(1_000_000));
    assert!(html(&brs).text.starts_with("word"));
    // 100,000 links in one paragraph, 100,000 images, 200,000 stray end tags.
    let links = format!("<p>{}</p>", "<a href=/x>word</a> ".repeat(100_000));
    assert!(!html(&links).blocks.is_empty());
    let imgs = "<img src=/a.png alt=x>".repeat(100_000);
    let _ = html(&imgs);
    assert_eq!(html(&"</p></div></b>".repeat(200_000)).text, "");
    // Bare '<' everywhere.
    let _ = html(&"<".repeat(5_000_000));
    let _ = html(&("<".repeat(5_000_000) + ">"));
    let _ = html(&"<a <b <c =".repeat(500_000));
}

#[test]
fn thousands_of_unclosed_tags_of_every_kind() {
    let tags = [
        "div",
        "span",
        "b",
        "i",
        "a href=/x",
        "p",
        "li",
        "td",
        "table",
        "ul",
        "form",
        "select",
        "option",
        "textarea",
        "title",
        "script",
        "style",
        "iframe",
        "noscript",
        "object",
        "svg",
        "math",
        "template",
        "xmp",
        "plaintext",
    ];
    for tag in tags {
        let page = format!("<p>{PROSE}</p>") + &format!("<{tag}>text ").repeat(20_000);
        let a = html(&page);
        assert!(!a.blocks.is_empty() || tag == "plaintext", "{tag}");
    }
}

#[test]
fn foreign_content_deep_and_wide() {
    for (open, n) in [
        ("<template>", 200_000),
        ("<svg><g>", 200_000),
        ("<math><mrow>", 200_000),
        ("<svg><foreignObject><div>", 100_000),
        ("<math><mtext><table><mglyph><style>", 50_000),
        ("<select><option>", 100_000),
        ("<frameset>", 100_000),
        ("<noscript><p>", 100_000),
    ] {
        let page = open.repeat(n) + "text at the end of the page";
        let _ = html(&page);
    }
    let plaintext = format!(
        "<p>{PROSE}</p><plaintext>{}",
        "<p>not a tag</p>".repeat(200_000)
    );
    let a = html(&plaintext);
    assert!(a.blocks.iter().any(|b| b.text.contains("not a tag")));
}

#[test]
fn broken_entities_in_bulk() {
    for junk in [
        "&#",
        "&amp",
        "&#x",
        "&#99999999;",
        "&#xD800;",
        "&unknown;",
        "&",
        "&#0;",
        "&lt",
    ] {
        let page = format!("<p>{}</p>", junk.repeat(1_000_000 / junk.len()));
        let a = html(&page);
        assert!(a.blocks.len() <= 1, "{junk}");
    }
    let long_name = format!("<p>&{}; and more words</p>", "a".repeat(5_000_000));
    assert!(html(&long_name).text.ends_with("and more words"));
    let attr = format!("<a href=\"{}\">link text</a>", "&amp;".repeat(1_000_000));
    let _ = html(&attr);
    // A title of ampersands without a semicolon (decoded again as a value
    // escaped twice: each `&` looks ahead a reference's length only).
    let title = format!(
        "<meta property=og:title content=\"{}\"><p>Body text.</p>",
        "&amp;".repeat(1_000_000)
    );
    assert!(html(&title).title.is_some_and(|t| t.starts_with("&&&")));
}

#[test]
fn blank_and_empty_html() {
    for input in [
        "",
        " ",
        "<p></p>",
        "<p> \n\t </p>",
        "<html><head></head><body></body></html>",
        "<!doctype html>",
        "<!---->",
        "<p>&nbsp;&#160;&#x20;</p>",
    ] {
        let a = html(input);
        assert_eq!(a.text.trim(), "", "{input:?}");
        assert_eq!(a.word_count, 0, "{input:?}");
    }
}

#[test]
fn the_size_limit_is_a_clear_error() {
    let mut opts = Options::default();
    opts.input = InputKind::Html;
    opts.max_input_bytes = 1000;
    let err = clean(&format!("<p>{}</p>", "x".repeat(2000)), &opts).unwrap_err();
    assert_eq!(
        err,
        gleaner::Error::TooLarge {
            size: 2007,
            limit: 1000
        }
    );
    assert!(err.to_string().contains("too large"));
    // The default limit is 64 MiB.
    let big = "x".repeat(64 * 1024 * 1024 + 1);
    assert!(matches!(
        clean(&big, &Options::default()),
        Err(gleaner::Error::TooLarge { .. })
    ));
}
