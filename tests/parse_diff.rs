//! Our own HTML parser (the `own-parser` feature, on by default) against
//! html5ever: the same tree, node for node (ids, links, names, namespaces,
//! attributes, text), on every page of every dev set (ScrapingHub,
//! Readability, WCXB dev, read from `../shared/corpus`), each page also cut
//! at four points (a truncated document), with the front end's pre-pass
//! and without it; and on the hand-written regressions below (differences
//! found by the fuzz target `parse_diff`, or made up to pin a rule).
//!
//! `cargo test --release --test parse_diff`
//!
//! A difference is reported by the page's id and the first line of the two
//! dumps that differ, its number only: pages of the held-out halves are
//! never printed.
#![cfg(feature = "own-parser")]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The first line where the two trees differ, if any.
fn first_difference(html: &str, prepass: bool) -> Option<usize> {
    let [theirs, ours] = gleaner::parse_trees(html, prepass);
    if theirs == ours {
        return None;
    }
    let line = theirs
        .lines()
        .zip(ours.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| theirs.lines().count().min(ours.lines().count()));
    Some(line + 1)
}

/// Asserts the same tree, printing both on a difference (hand-written input only).
fn same(html: &str) {
    for prepass in [false, true] {
        let [theirs, ours] = gleaner::parse_trees(html, prepass);
        assert!(
            theirs == ours,
            "{html:?} (pre-pass {prepass}):\nhtml5ever:\n{theirs}\nown:\n{ours}"
        );
    }
}

/// Every page of the three HTML dev sets: (set/id, path).
fn pages() -> Vec<(String, PathBuf)> {
    let corpus = common::shared().join("corpus");
    let mut pages = Vec::new();
    for set in ["scrapinghub", "wcxb-dev"] {
        let dir = corpus.join(set).join("html");
        for entry in std::fs::read_dir(&dir).expect("corpus") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if let Some(id) = name.strip_suffix(".html.gz") {
                pages.push((format!("{set}/{id}"), path.clone()));
            }
        }
    }
    for entry in std::fs::read_dir(corpus.join("readability")).expect("corpus") {
        let dir = entry.expect("entry").path();
        let source = dir.join("source.html");
        if source.is_file() {
            let id = dir.file_name().unwrap_or_default().to_string_lossy();
            pages.push((format!("readability/{id}"), source));
        }
    }
    pages.sort();
    pages
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("page");
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .expect("gzip");
        out
    } else {
        bytes
    };
    gleaner::decode(&bytes)
}

/// The largest character boundary at or below `at`.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[test]
fn every_dev_page_gives_the_same_tree() {
    let pages = pages();
    assert!(pages.len() > 1500, "{} pages", pages.len());
    let next = AtomicUsize::new(0);
    let documents = AtomicUsize::new(0);
    let differences = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((id, path)) = pages.get(i) else {
                    break;
                };
                let html = read(path);
                let check = |doc: &str, what: &str, prepass: bool| {
                    documents.fetch_add(1, Ordering::Relaxed);
                    if let Some(line) = first_difference(doc, prepass) {
                        let mut d = differences.lock().unwrap_or_else(|e| e.into_inner());
                        d.push(format!("{id} ({what}, pre-pass {prepass}): line {line}"));
                    }
                };
                check(&html, "whole", true);
                check(&html, "whole", false);
                // Cut at four points: the input ends inside a tag, a
                // comment, a script, a character reference.
                for k in 1..=4 {
                    let at = floor_boundary(&html, html.len() * k / 5);
                    check(&html[..at], &format!("cut {k}/5"), true);
                }
            });
        }
    });
    let differences = differences.into_inner().unwrap_or_else(|e| e.into_inner());
    let documents = documents.into_inner();
    eprintln!(
        "{} pages, {documents} documents, {} differences",
        pages.len(),
        differences.len()
    );
    assert!(
        differences.is_empty(),
        "{} of {documents} documents differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn hand_written_documents_give_the_same_tree() {
    for html in [
        "",
        "x",
        "<!DOCTYPE html><p>a<table><tr><td>b</table>",
        "<p>a<b>b<i>c</b>d</i>e",
        "<svg viewbox='0 0 1 1'><clippath><foreignobject><p>x</svg>",
        "<math definitionurl=x><mi xlink:href=y>z</math>",
        // Found by the random documents: definitionURL is MathML's only.
        "<svg definitionurl=u>",
        "<svg><foreignObject><![CDATA[a\0b]]><desc><![CDATA[\0]]>",
        "<svg><desc><b></desc>x<![CDATA[ a ]]>",
        // Found by the fuzz target: table text runs on across a NUL.
        "<table><col>\x08\0\n",
        "<table><col> x\0y<td>",
        "<template><col>x\0y",
        "<template><td>a</template><p>b",
        "<pre>\nx</pre><textarea>\r\ny</textarea>",
        "<table>a<tr>b</table>",
        "&amp &notin &notit; &frac123 <a href='?a&amp=1&copy2'>",
    ] {
        same(html);
    }
    // The fuzz findings (tests/data/fuzz/), of every target: the old own
    // parser's panic on a doctype cut inside a character among them.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    for entry in std::fs::read_dir(dir).expect("tests/data/fuzz") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        same(&String::from_utf8_lossy(&bytes));
    }
    // Multi-byte characters wherever the tokenizer slices.
    for html in [
        "<!DOCTYPE \u{e9}",
        "<!DOCTYPE html PUBLIC \"\u{e9}",
        "<!DOCTYPE html \u{4e2d}\u{4e2d}\u{4e2d}\u{4e2d}",
        "<\u{e9}>",
        "</\u{e9}>",
        "<a\u{e9}=\u{e9}\u{e9} \u{e9}>",
        "&\u{e9};&#\u{e9};&amp\u{e9}",
        "<svg><![CDATA[\u{e9}",
        "<!--\u{e9}-\u{e9}--\u{e9}",
        "<script><!--\u{e9}<script>\u{e9}</script>\u{e9}",
    ] {
        same(html);
    }
    // Doctypes: quirks mode decides whether <table> closes a <p>.
    for doctype in [
        "<!DOCTYPE html>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"x\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Frameset//EN\">",
        "<!DOCTYPE html PUBLIC '-//W3O//DTD W3 HTML Strict 3.0//EN//'>",
        "<!DOCTYPE html PUBLIC \"a\"\"b\">",
        "<!DOCTYPE html PUBLIC \"a\" x>",
        "<!DOCTYPE html PUBLIC\"a\">",
        "<!DOCTYPE html PUBLIC \"a>",
        "<!DOCTYPE html SYSTEM \"x\" junk>",
        "<!DOCTYPE html SYSTEM 'http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd'>",
        "<!DOCTYPE html SYSTEMx\"a\">",
        "<!DOCTYPE html SYSTEM>",
        "<!DOCTYPE html junk>",
        "<!DOCTYPE htmlx>",
        "<!DOCTYPE HTML>",
        "<!DOCTYPE>",
        "<!DOCTYPE >",
        "<!DOCTYPEhtml>",
        "<!doctype html\u{e9}>",
    ] {
        same(&format!("{doctype}<p><table>"));
    }
    // (Which the trees show: in quirks mode the table is inside the <p>.)
    let standard = gleaner::parse_trees("<!DOCTYPE html><p><table>", false);
    let quirks = gleaner::parse_trees("<!DOCTYPE html5><p><table>", false);
    assert_ne!(standard[0], quirks[0]);
}

/// `GLEANER_PARSE_DIFF_DUMP=file.html[:cut]` writes both trees of one
/// document (`file.html.html5ever`, `file.html.own` in /tmp) for
/// debugging; does nothing without it.
#[test]
fn dump_one_document() {
    let Ok(spec) = std::env::var("GLEANER_PARSE_DIFF_DUMP") else {
        return;
    };
    let (file, cut) = match spec.rsplit_once(':') {
        Some((f, c)) => (f.to_string(), c.parse::<usize>().ok()),
        None => (spec.clone(), None),
    };
    let html = read(Path::new(&file));
    let html = match cut {
        Some(k) => &html[..floor_boundary(&html, html.len() * k / 5)],
        None => &html[..],
    };
    let prepass = std::env::var("GLEANER_PARSE_DIFF_RAW").is_err();
    let [theirs, ours] = gleaner::parse_trees(html, prepass);
    let base = Path::new(&file)
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    std::fs::write(format!("/tmp/{base}.html5ever"), theirs).expect("write");
    std::fs::write(format!("/tmp/{base}.own"), ours).expect("write");
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Tag names the tree builder treats specially, and a few it does not.
const NAMES: &[&str] = &[
    "a",
    "b",
    "i",
    "p",
    "div",
    "span",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "col",
    "colgroup",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "form",
    "input",
    "select",
    "option",
    "optgroup",
    "button",
    "textarea",
    "title",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "mi",
    "mo",
    "mtext",
    "annotation-xml",
    "foreignObject",
    "desc",
    "path",
    "font",
    "nobr",
    "pre",
    "listing",
    "plaintext",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "frameset",
    "frame",
    "head",
    "body",
    "html",
    "base",
    "link",
    "meta",
    "img",
    "image",
    "br",
    "hr",
    "applet",
    "marquee",
    "object",
    "ruby",
    "rb",
    "rt",
    "rp",
    "rtc",
    "em",
    "strong",
    "code",
    "s",
    "u",
    "small",
    "big",
    "tt",
    "strike",
    "main",
    "section",
    "article",
    "figure",
    "summary",
    "details",
    "dialog",
    "menu",
    "center",
    "address",
    "search",
    "hgroup",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "fieldset",
    "figcaption",
    "wbr",
    "area",
    "embed",
    "keygen",
    "param",
    "source",
    "track",
    "clippath",
    "lineargradient",
    "mglyph",
    "malignmark",
    "isindex",
    "X-Y",
    "DIV",
    "Svg",
    "TaBlE",
];

const ATTRS: &[&str] = &[
    " class=x",
    " id='a b'",
    " type=hidden",
    " TYPE=\"Hidden\"",
    " color=red",
    " href=\"?a=1&amp;b=2&copy=3&notin;\"",
    " viewbox='0 0 1 1'",
    " xlink:href=#x",
    " xml:lang=en",
    " xmlns=http://www.w3.org/2000/svg",
    " definitionurl=u",
    " encoding=text/html",
    " shadowrootmode=open",
    " a=1 a=2",
    " =x",
    " b",
    " c = 'd'",
    " e=\"f",
    " \u{e9}=\u{e9}",
    "/",
    " g=h\r\ni",
    " z=\0",
    " face=f",
    " size=2",
    " encoding=application/xhtml+xml",
    " value='&lt&gt;&nbsp&Aacute&#x41;&#65'",
];

const TEXT: &[&str] = &[
    "text",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "&amp;",
    "&amp",
    "&notit;",
    "&#0;",
    "&#x80;",
    "&#xD800;",
    "&#99999999;",
    "&#;",
    "&frac12x",
    "&",
    "<",
    "< x",
    "</>",
    "</ x>",
    "<!---->",
    "<!-- c -->",
    "<!-->",
    "<!--->",
    "<!-- --!>",
    "<!-- ",
    "<!x>",
    "<?pi?>",
    "<![CDATA[ a ]]>",
    "<![CDATA[ \0 ",
    "<!DOCTYPE html>",
    "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
    "<!DOCTYPE html SYSTEM 'about:legacy-compat' x>",
    "<!DOCTYPE>",
    "\u{feff}",
    "\u{e9}\u{4e2d}\u{1f600}",
    "-->",
    "<script>",
    "</script>",
    "<!--<script>",
    "&lt&LT;&nbsp&Aacute;&#x41;&#65",
    "</p>",
    "</br>",
    "<br/>",
    "<p/>",
    "\u{c}",
];

/// A document of random markup: tags (start, end, self-closing, with
/// attributes), text, references, comments, doctypes, cut anywhere.
fn random_document(rng: &mut Rng) -> String {
    let mut doc = String::new();
    // Mostly short documents, some long (misnested formatting needs depth).
    let pieces = if rng.below(4) == 0 {
        rng.below(200)
    } else {
        rng.below(40)
    };
    for _ in 0..pieces {
        match rng.below(10) {
            0..=3 => {
                doc.push('<');
                doc.push_str(rng.pick(NAMES));
                for _ in 0..rng.below(3) {
                    doc.push_str(rng.pick(ATTRS));
                }
                if rng.below(8) == 0 {
                    doc.push('/');
                }
                doc.push('>');
            }
            4..=5 => {
                doc.push_str("</");
                doc.push_str(rng.pick(NAMES));
                doc.push('>');
            }
            _ => doc.push_str(rng.pick(TEXT)),
        }
    }
    if rng.below(4) == 0 && !doc.is_empty() {
        let at = floor_boundary(&doc, rng.below(doc.len()));
        doc.truncate(at);
    }
    doc
}

/// Random messy markup (`GLEANER_PARSE_DIFF_RANDOM=N` documents, 20,000 by
/// default; `GLEANER_PARSE_DIFF_SEED` picks another sequence): the same
/// tree every time. A difference prints the document (it is made up).
#[test]
fn random_markup_gives_the_same_tree() {
    let n: usize = std::env::var("GLEANER_PARSE_DIFF_RANDOM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let seed: u64 = std::env::var("GLEANER_PARSE_DIFF_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED);
    let mut rng = Rng(seed | 1);
    for _ in 0..n {
        let doc = random_document(&mut rng);
        same(&doc);
    }
}
