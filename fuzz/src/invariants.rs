//! Invariants of one `clean` call, checked by the fuzz targets and by the
//! regression tests (`tests/fuzz_regressions.rs`, `tests/xss.rs`):
//!
//! - the call ends with an article or with one of the documented errors;
//! - `html` is made only of the renderer's allowlist (tags, attributes, safe
//!   URL schemes, escaped text);
//! - ammonia, configured with the same allowlist, removes nothing of
//!   substance from `html` (same elements, attributes and text);
//! - every character of `text` comes from the input (literally or through an
//!   HTML character reference).
//!
//! Every check panics with a message that names the broken invariant.

use std::collections::{BTreeSet, HashSet};

use gleaner::{Article, Error, InputKind, Options};

/// The tags the renderer may write.
pub const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "table",
    "tbody",
    "tr",
    "td",
    "figure",
    "figcaption",
    "img",
    "a",
    "em",
    "strong",
    "br",
    "sup",
    "section",
];

/// The attributes the renderer may write, by tag.
pub fn allowed_attr(tag: &str, attr: &str) -> bool {
    matches!(
        (tag, attr),
        ("a", "href" | "rel")
            | ("code" | "section", "class")
            | ("sup" | "li", "id")
            | ("blockquote", "data-callout")
            | (
                "img",
                "src" | "data-src" | "alt" | "loading" | "referrerpolicy"
            )
    )
}

/// One piece of serialised HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A start tag with its attributes (sorted by name, values decoded).
    Start(String, Vec<(String, String)>),
    /// An end tag.
    End(String),
    /// Text, decoded.
    Text(String),
}

/// Decodes the character references a serialiser writes.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let known = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&nbsp;", '\u{a0}'),
        ];
        match known.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => panic!(
                "html: a bare or unknown character reference: {:?}",
                &rest[..rest.len().min(20)]
            ),
        }
    }
    out.push_str(rest);
    out
}

/// Reads HTML as written by a serialiser (gleaner's renderer or
/// html5ever's): tags `<name a="v">`, `</name>`, escaped text. Anything else,
/// such as a `<` that does not start such a tag, is an error.
pub fn events(html: &str) -> Result<Vec<Event>, String> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    let flush = |out: &mut Vec<Event>, from: usize, to: usize| {
        if to > from {
            out.push(Event::Text(decode(&html[from..to])));
        }
    };
    while i < b.len() {
        if b[i] != b'<' {
            if b[i] == b'>' {
                return Err(format!("a raw '>' in text at {i}"));
            }
            i += 1;
            continue;
        }
        flush(&mut out, text_start, i);
        i += 1;
        let end = b.get(i) == Some(&b'/');
        if end {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == name_start {
            return Err(format!("a '<' that starts no tag at {}", name_start - 1));
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            match b.get(i) {
                Some(b'>') => {
                    i += 1;
                    break;
                }
                None => return Err(format!("an unterminated tag <{name}")),
                _ if end => return Err(format!("attributes on the end tag </{name}>")),
                _ => {}
            }
            let a_start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
                i += 1;
            }
            if i == a_start {
                return Err(format!("a malformed attribute in <{name}> at {i}"));
            }
            let attr = html[a_start..i].to_ascii_lowercase();
            if !html[i..].starts_with("=\"") {
                return Err(format!(
                    "attribute {attr} of <{name}> is not written as {attr}=\"…\""
                ));
            }
            i += 2;
            let v_start = i;
            while i < b.len() && b[i] != b'"' {
                i += 1;
            }
            if i == b.len() {
                return Err(format!("an unterminated value of {attr} in <{name}>"));
            }
            attrs.push((attr, decode(&html[v_start..i])));
            i += 1;
        }
        attrs.sort();
        out.push(if end {
            Event::End(name)
        } else {
            Event::Start(name, attrs)
        });
        text_start = i;
    }
    flush(&mut out, text_start, b.len());
    Ok(out)
}

/// Whether a URL (as a browser reads the attribute) is http(s), mailto or
/// relative. Browsers drop tabs and newlines anywhere and C0 controls and
/// spaces at the ends; this check removes every whitespace and control
/// character, which is stricter.
pub fn url_is_safe(url: &str) -> bool {
    let u: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    // A scheme as the URL standard reads one: a letter, then letters,
    // digits, '+', '-', '.', then ':'.
    let mut chars = u.char_indices();
    match chars.next() {
        Some((_, c)) if c.is_ascii_alphabetic() => {}
        _ => return true,
    }
    for (i, c) in chars {
        if c == ':' {
            return matches!(&u[..i], "http" | "https" | "mailto");
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return true;
        }
    }
    true
}

/// A class or id the renderer writes: a code language (`language-rust`),
/// `math`, `math display`, `footnotes`, or a note's `fn-…`/`fnref-…`, made
/// of letters, digits and `-+#_.` only.
fn safe_name(v: &str) -> bool {
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '#' | '_' | '.'))
    };
    matches!(v, "math" | "math display" | "footnotes")
        || ["language-", "fn-", "fnref-"]
            .iter()
            .any(|p| v.strip_prefix(p).is_some_and(word))
}

/// The `html` output uses only the allowlist, with safe URLs.
pub fn check_html_allowlist(html: &str) {
    let evs = events(html).unwrap_or_else(|e| panic!("html is not well-formed: {e}\n{html}"));
    for e in &evs {
        let (Event::Start(tag, _) | Event::End(tag)) = e else {
            continue;
        };
        assert!(
            TAGS.contains(&tag.as_str()),
            "html has a tag outside the allowlist: <{tag}>"
        );
        if let Event::Start(tag, attrs) = e {
            for (a, v) in attrs {
                assert!(
                    allowed_attr(tag, a),
                    "html has <{tag} {a}>, outside the allowlist"
                );
                if matches!(a.as_str(), "href" | "src" | "data-src") {
                    assert!(url_is_safe(v), "html has an unsafe URL <{tag} {a}={v:?}>");
                }
                if a == "class" || a == "id" {
                    assert!(
                        safe_name(v),
                        "html has <{tag} {a}={v:?}>, outside the allowlist"
                    );
                }
                if a == "rel" {
                    assert_eq!(v, "noopener noreferrer nofollow");
                }
            }
        }
    }
}

/// Ammonia with the renderer's allowlist: what it keeps is what a
/// sanitizer would let through.
pub fn ammonia_builder() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.add_tags(TAGS.iter().copied())
        .add_tag_attributes("a", ["href", "rel"])
        .add_tag_attributes("code", ["class"])
        .add_tag_attributes("section", ["class"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("blockquote", ["data-callout"])
        .add_tag_attributes(
            "img",
            ["src", "data-src", "alt", "loading", "referrerpolicy"],
        )
        .add_url_schemes(["http", "https", "mailto"])
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true);
    b
}

/// Elements, attributes and text, with whitespace and the characters a
/// parser drops (NUL) or rewrites (CR) left out of the text.
fn substance(evs: &[Event]) -> (Vec<Event>, String) {
    let mut tags = Vec::new();
    let mut text = String::new();
    for e in evs {
        match e {
            Event::Text(t) => text.extend(t.chars().filter(|c| !c.is_whitespace() && *c != '\0')),
            other => tags.push(other.clone()),
        }
    }
    (tags, text)
}

/// Ammonia, with the same allowlist, leaves the `html` output unchanged in
/// substance. The one accepted difference: ammonia drops an `http(s)` URL
/// that its URL parser cannot read (an invalid host), which is not a risk.
pub fn check_ammonia(html: &str, builder: &ammonia::Builder<'_>) {
    let cleaned = builder.clean(html).to_string();
    let ours = events(html).unwrap_or_else(|e| panic!("html is not well-formed: {e}"));
    let theirs = events(&cleaned).unwrap_or_else(|e| panic!("ammonia's output unreadable: {e}"));
    let (mut t1, x1) = substance(&ours);
    let (t2, x2) = substance(&theirs);
    if t1.len() == t2.len() {
        for (a, b) in t1.iter_mut().zip(&t2) {
            if let (Event::Start(n1, a1), Event::Start(n2, a2)) = (&*a, b) {
                if n1 == n2 && a1.len() == a2.len() + 1 {
                    // Drop from ours the URL ammonia refused, if it is an absolute http(s) URL.
                    let removed: Vec<_> = a1.iter().filter(|x| !a2.contains(x)).cloned().collect();
                    if let [(name, v)] = removed.as_slice() {
                        let lower = v.trim().to_ascii_lowercase();
                        if matches!(name.as_str(), "href" | "src")
                            && (lower.starts_with("http:")
                                || lower.starts_with("https:")
                                || lower.starts_with("mailto:"))
                        {
                            *a = b.clone();
                        }
                    }
                }
            }
        }
    }
    if t1 != t2 {
        let at = t1.iter().zip(&t2).take_while(|(a, b)| a == b).count();
        let from = at.saturating_sub(3);
        panic!(
            "ammonia changed the elements or attributes of html at tag {at}\nours:    {:?}\nammonia: {:?}\nhtml: {}",
            &t1[from..(at + 3).min(t1.len())],
            &t2[from..(at + 3).min(t2.len())],
            html.chars().take(4000).collect::<String>()
        );
    }
    assert!(
        x1 == x2,
        "ammonia changed the text of html\nours:    {html}\nammonia: {cleaned}"
    );
}

struct Chars(std::cell::RefCell<HashSet<char>>);

impl html5ever::tokenizer::TokenSink for Chars {
    type Handle = ();
    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::Token;
        let mut set = self.0.borrow_mut();
        match token {
            Token::CharacterTokens(t) => set.extend(t.chars()),
            Token::TagToken(tag) => {
                for a in tag.attrs {
                    set.extend(a.value.chars());
                }
            }
            _ => {}
        }
        html5ever::tokenizer::TokenSinkResult::Continue
    }
}

/// The characters of the input, literally and as decoded by an HTML
/// tokenizer. Every `<` becomes a space first: a tokenizer alone does not
/// know the states a tree builder switches it to (script, raw text), so it
/// reads the whole input as text and decodes every character reference.
pub fn input_chars(input: &str, html: bool) -> HashSet<char> {
    let mut set: HashSet<char> = input.chars().collect();
    if html && input.contains('&') {
        use html5ever::tendril::StrTendril;
        use html5ever::tokenizer::{BufferQueue, Tokenizer};
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(&input.replace('<', " ")));
        let tok = Tokenizer::new(Chars(Default::default()), Default::default());
        let _ = tok.feed(&queue);
        tok.end();
        set.extend(tok.sink.0.borrow().iter());
    }
    set
}

/// Every character of the article's text was in the input.
pub fn check_text_from_input(input: &str, html: bool, article: &Article) {
    let chars = input_chars(input, html);
    let foreign: BTreeSet<char> = article
        .text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{fffd}' && !chars.contains(c))
        .collect();
    assert!(
        foreign.is_empty(),
        "text holds characters that are not in the input: {foreign:?}"
    );
}

/// Every invariant of one `clean` call. `text_from` is the input as text
/// (None for bytes, whose decoding the check does not repeat).
pub fn check(
    text_from: Option<&str>,
    len: usize,
    options: &Options,
    result: &Result<Article, Error>,
    ammonia: &ammonia::Builder<'_>,
) {
    let article = match result {
        Ok(a) => a,
        Err(Error::TooLarge { size, limit }) => {
            assert!(size > limit && *limit == options.max_input_bytes && *size >= len.min(*size));
            return;
        }
        Err(Error::Binary) => return,
        Err(e) => panic!("an error clean should not give: {e}"),
    };
    check_html_allowlist(&article.html);
    check_ammonia(&article.html, ammonia);
    if let Some(input) = text_from {
        let html = article.input_kind == InputKind::Html;
        check_text_from_input(input, html, article);
    }
    let kept = article.blocks.iter().filter(|b| b.kept).count();
    assert!(kept <= article.blocks.len());
    if article.text.trim().is_empty() {
        assert_eq!(article.word_count, 0, "words counted in an empty text");
    }
}
