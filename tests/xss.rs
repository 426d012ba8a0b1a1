//! XSS: every vector of tests/data/xss/vectors.txt, alone and inside an
//! article, as HTML (with and without a base URL), detected, and as text:
//! the `html` output keeps only the allowlist, no handler, no script URL, no
//! style, and ammonia with the same allowlist changes nothing of substance.
//! (tests/browser/xss.test.mjs inserts the same outputs into a page in
//! Chromium and proves that nothing runs and nothing is requested.)

#[path = "../fuzz/src/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use gleaner::{clean, InputKind, Options};
use invariants::Event;

/// The vectors by family, placeholders replaced.
fn vectors() -> Vec<(String, String)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/xss/vectors.txt");
    let text = std::fs::read_to_string(path).expect("vectors.txt");
    let mut family = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(f) = line.strip_prefix("## ") {
            family = f.trim().to_string();
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            let v = line
                .replace("{TAB}", "\t")
                .replace("{LF}", "\n")
                .replace("{CR}", "\r")
                .replace("{FF}", "\u{c}")
                .replace("{NUL}", "\0");
            out.push((family.clone(), v));
        }
    }
    out
}

/// A plain article around a vector, so the vector sits among kept blocks.
pub fn in_article(vector: &str) -> String {
    let para = "The council met on Tuesday evening and voted on the new budget, which \
        sets aside money for schools, roads and the library, after a long debate.";
    format!(
        "<!doctype html><html><head><title>Council passes the budget</title></head><body>\
         <article><h1>Council passes the budget</h1><p>{para}</p>{vector}<p>{para} \
         Members said the plan would be reviewed next year.</p><ul><li>{vector}</li></ul>\
         <blockquote>{vector}</blockquote><p>{para} The mayor thanked the staff.</p>\
         </article></body></html>"
    )
}

const FORBIDDEN_TAGS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
    "input", "button", "select", "textarea", "meta", "link", "svg", "math", "template", "noscript",
    "portal", "video", "audio", "source", "picture", "body", "html", "head",
];

/// The checks on one `html` output, each with its own message.
fn assert_safe(html: &str, what: &str) {
    let evs = invariants::events(html)
        .unwrap_or_else(|e| panic!("{what}: html not well-formed: {e}\n{html}"));
    for e in &evs {
        let Event::Start(tag, attrs) = e else {
            continue;
        };
        assert!(
            !FORBIDDEN_TAGS.contains(&tag.as_str()),
            "{what}: <{tag}> in html\n{html}"
        );
        for (name, value) in attrs {
            assert!(
                !name.starts_with("on"),
                "{what}: handler {name} in html\n{html}"
            );
            assert!(
                !matches!(
                    name.as_str(),
                    "style"
                        | "srcdoc"
                        | "srcset"
                        | "action"
                        | "formaction"
                        | "xlink:href"
                        | "background"
                        | "ping"
                        | "poster"
                        | "data"
                ),
                "{what}: attribute {name} in html\n{html}"
            );
            let squashed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            for scheme in ["javascript:", "vbscript:", "livescript:", "data:"] {
                assert!(
                    !squashed.starts_with(scheme),
                    "{what}: {name}={value:?} in html\n{html}"
                );
            }
        }
    }
    invariants::check_html_allowlist(html);
    invariants::check_ammonia(html, &invariants::ammonia_builder());
}

#[test]
fn there_are_at_least_a_hundred_vectors_in_every_family() {
    let v = vectors();
    assert!(v.len() >= 100, "{} vectors", v.len());
    let families: std::collections::BTreeSet<&str> = v.iter().map(|(f, _)| f.as_str()).collect();
    for f in [
        "script",
        "event-handlers",
        "javascript-urls",
        "data-urls",
        "svg",
        "mathml",
        "srcdoc-and-frames",
        "base-and-meta",
        "forms",
        "css",
        "mutation-xss",
        "entities-and-encodings",
        "remote-resources",
    ] {
        assert!(families.contains(f), "family {f} missing");
    }
}

#[test]
fn no_vector_survives_into_the_html_output() {
    let mut outputs = 0;
    for (family, vector) in vectors() {
        let page = in_article(&vector);
        for (input, kind, base) in [
            (vector.as_str(), InputKind::Html, None),
            (vector.as_str(), InputKind::Auto, None),
            (vector.as_str(), InputKind::Text, None),
            (page.as_str(), InputKind::Html, None),
            (
                page.as_str(),
                InputKind::Html,
                Some("https://news.example/city/budget.html"),
            ),
            (page.as_str(), InputKind::Text, None),
        ] {
            let mut options = Options::default();
            options.input = kind;
            options.base_url = base.map(String::from);
            let what = format!("[{family}] {vector:?} ({kind:?}, base {base:?})");
            let a = clean(input, &options).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_safe(&a.html, &what);
            outputs += 1;
        }
    }
    assert!(outputs >= 600);
}

#[test]
fn the_article_around_a_vector_is_still_found() {
    // Vectors that swallow the rest of the page by the parsing rules
    // (<plaintext>, an unclosed <textarea>, …) are exempt.
    let mut found = 0;
    let mut total = 0;
    for (_, vector) in vectors() {
        let a = clean(&in_article(&vector), &Options::default()).expect("a result");
        total += 1;
        if a.text.contains("The council met on Tuesday evening") {
            found += 1;
        }
    }
    assert!(
        found * 10 >= total * 9,
        "article found around {found} of {total} vectors"
    );
}

#[test]
fn a_base_url_with_a_script_scheme_makes_no_script_link() {
    for base in [
        "javascript:top.__pwned=1//",
        "javascript://x/%0Atop.__pwned=1",
        "data:text/html,x/",
        " JAVASCRIPT://a/b",
    ] {
        let mut options = Options::default();
        options.base_url = Some(base.to_string());
        let page = in_article("<p><a href=\"/x\">root</a> <a href=\"y\">relative</a> <a href=\"//h/z\">scheme-relative</a> and more words in this paragraph of text.</p><figure><img src=\"pic.png\" alt=\"p\"></figure>");
        let a = clean(&page, &options).expect("a result");
        assert_safe(&a.html, &format!("base {base:?}"));
    }
}

#[test]
fn the_checks_catch_what_they_look_for() {
    for bad in [
        "<p onclick=\"x\">a</p>",
        "<a href=\"javascript:x\" rel=\"noopener noreferrer nofollow\">a</a>",
        "<a href=\" java\tscript:x\" rel=\"noopener noreferrer nofollow\">a</a>",
        "<img src=\"data:image/svg+xml,x\" alt=\"\">",
        "<p style=\"x\">a</p>",
        "<script>x</script>",
        "<svg></svg>",
        "<p>a < b</p>",
        "<a href=\"/a\" rel=\"noopener noreferrer nofollow\"><a href=\"/b\" rel=\"noopener noreferrer nofollow\">x</a></a>",
        "<ul><li>a</li></li></ul>",
    ] {
        let r = std::panic::catch_unwind(|| assert_safe(bad, "negative"));
        assert!(r.is_err(), "not caught: {bad}");
    }
}

#[test]
fn metadata_urls_are_never_script_urls() {
    for url in [
        "javascript:top.__pwned=1",
        " JaVa\tScRiPt:x",
        "data:text/html,x",
        "vbscript:x",
    ] {
        let page = in_article("").replace(
            "<title>",
            &format!("<link rel=\"canonical\" href=\"{url}\"><meta property=\"og:image\" content=\"{url}\"><meta property=\"og:url\" content=\"{url}\"><title>"),
        );
        let a = clean(&page, &Options::default()).expect("a result");
        assert_eq!(a.canonical_url, None, "{url}");
        assert_eq!(a.image, None, "{url}");
    }
}
