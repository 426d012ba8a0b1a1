//! Metadata of an HTML page, in layers: JSON-LD, then OpenGraph, Twitter and
//! `<meta>`, then the page itself (headings, `<time>`, bylines).

use std::collections::HashMap;

use html5ever::local_name;

use super::furniture::in_card;
use super::parse::{Dom, NodeData, NodeId, DOCUMENT};
use super::url::resolve;
use crate::json::{Map, Value};
use crate::metadata::{normalize_date, Meta};
use crate::options::TitleStyle;
use crate::tuning::{CueTuning, HtmlTuning};
use crate::util::{norm_key, norm_space, words};

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "socialmediaposting",
    "liveblogposting",
    "discussionforumposting",
    "question",
    "report",
    "webpage",
    "creativework",
];

#[derive(Default)]
struct JsonLd {
    title: Option<String>,
    /// The object's `name` when it differs from its `headline`.
    name: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    description: Option<String>,
    publisher: Option<String>,
    image: Option<String>,
    keywords: Vec<String>,
    lang: Option<String>,
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(norm_space(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(str_of),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("url"))
            .or_else(|| o.get("@value"))
            .and_then(str_of),
        _ => None,
    }
}

fn types_of(o: &Map) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_ascii_lowercase))
            .collect(),
        _ => vec![],
    }
}

/// Most JSON-LD objects read from one page (a bound on work and memory).
const MAX_JSONLD_OBJECTS: usize = 200;

/// How many of the last `ARTICLE_TYPES` describe a page, not an article.
const PAGE_TYPES: usize = 2;

/// The JSON of a JSON-LD script, without the CDATA or comment markers some
/// pages wrap it in.
fn unwrap_json(text: &str) -> &str {
    let mut json = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let t = json
            .trim_start_matches("//")
            .trim_start_matches("/*")
            .trim_start();
        if let Some(rest) = t.strip_prefix(open) {
            json = rest
                .trim_end()
                .trim_end_matches("*/")
                .trim_end_matches("//");
            json = json.trim_end().strip_suffix(close).unwrap_or(json);
            json = json
                .trim_end()
                .trim_end_matches("//")
                .trim_end_matches("/*");
        }
    }
    json.trim().trim_end_matches(';')
}

/// Every object of the page's JSON-LD scripts, with arrays and `@graph`s
/// flattened (iteratively), in the order read.
fn jsonld_objects(dom: &Dom) -> Vec<Map> {
    let mut objects: Vec<Map> = Vec::new();
    for n in dom.descendants(DOCUMENT) {
        if dom.tag(n) != Some(&local_name!("script"))
            || !dom
                .attr_named(n, &local_name!("type"))
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let text = dom.text(n);
        let Some(v) = crate::json::parse_as_written(unwrap_json(&text)) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a),
                Value::Object(mut o) => {
                    // Taken in place (`@graph` is read nowhere else):
                    // `Map::remove` would add B-tree rebalancing code.
                    if let Some(g) = o.get_mut("@graph").map(Value::take) {
                        stack.push(g);
                    }
                    // A question page's question is an object of its own
                    // (not an FAQ's questions: those are the page's parts).
                    if types_of(&o).iter().any(|t| t == "qapage") {
                        if let Some(e) = o.get_mut("mainEntity").map(Value::take) {
                            stack.push(e);
                        }
                    }
                    if objects.len() < MAX_JSONLD_OBJECTS {
                        objects.push(o);
                    }
                }
                _ => {}
            }
        }
    }
    objects
}

/// Finds the best article object in JSON-LD (plain, arrays, `@graph`).
fn jsonld(dom: &Dom) -> JsonLd {
    let objects = jsonld_objects(dom);
    let rank = |o: &Map| -> Option<usize> {
        types_of(o)
            .iter()
            .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
            .min()
    };
    let Some(best) = objects
        .iter()
        .filter(|o| rank(o).is_some())
        .min_by_key(|o| {
            // Prefer article types over pages, and objects that have a headline.
            (
                rank(o).unwrap_or(usize::MAX),
                o.get("headline").is_none() as usize,
            )
        })
    else {
        return JsonLd::default();
    };
    let is_page = rank(best).is_some_and(|r| r >= ARTICLE_TYPES.len() - PAGE_TYPES);
    let mut out = article_fields(best, is_page);
    if out.authors.is_empty() {
        // Authors given as references (`{"@id": …}`) to objects of the graph.
        out.authors = best
            .get("author")
            .map(|a| match a {
                Value::Array(a) => a.iter().collect(),
                v => vec![v],
            })
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| match a {
                Value::Object(o) => o.get("@id").and_then(Value::as_str),
                _ => None,
            })
            .filter_map(|id| {
                objects
                    .iter()
                    .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
                    .and_then(|o| o.get("name"))
                    .and_then(str_of)
            })
            .collect();
    }
    if out.publisher.is_none() {
        out.publisher = objects
            .iter()
            .find(|o| {
                types_of(o)
                    .iter()
                    .any(|t| t == "website" || t == "organization" || t == "newsmediaorganization")
            })
            .and_then(|o| o.get("name"))
            .and_then(str_of);
    }
    out
}

/// The fields of the chosen article object; of a page (`is_page`), only
/// a headline is a title.
fn article_fields(best: &Map, is_page: bool) -> JsonLd {
    let mut out = JsonLd {
        title: best
            .get("headline")
            .or_else(|| best.get("name"))
            .and_then(str_of),
        published: best
            .get("datePublished")
            .or_else(|| best.get("dateCreated"))
            .and_then(str_of),
        modified: best.get("dateModified").and_then(str_of),
        description: best.get("description").and_then(str_of),
        publisher: best.get("publisher").and_then(str_of),
        image: best
            .get("image")
            .or_else(|| best.get("thumbnailUrl"))
            .and_then(str_of),
        lang: best.get("inLanguage").and_then(str_of),
        ..JsonLd::default()
    };
    let name = best.get("name").and_then(str_of);
    if name != out.title {
        out.name = name;
    }
    if is_page {
        // A WebPage's name is often the site's; trust only its headline.
        out.title = best.get("headline").and_then(str_of);
    }
    match best.get("author").or_else(|| best.get("creator")) {
        Some(Value::Array(a)) => out.authors = a.iter().filter_map(str_of).collect(),
        Some(v) => out.authors = str_of(v).into_iter().collect(),
        None => {}
    }
    out.authors.retain(|a| !a.contains("://"));
    match best.get("keywords") {
        Some(Value::Array(a)) => out.keywords = a.iter().filter_map(str_of).collect(),
        Some(Value::String(s)) => {
            out.keywords = s
                .split(',')
                .map(norm_space)
                .filter(|s| !s.is_empty())
                .collect()
        }
        _ => {}
    }
    out
}

/// `<meta>` values by lower-case name/property/itemprop (first wins).
fn meta_values(dom: &Dom) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for n in dom.descendants(DOCUMENT) {
        if dom.tag(n) != Some(&local_name!("meta")) {
            continue;
        }
        let Some(content) = dom
            .attr_named(n, &local_name!("content"))
            .map(norm_space)
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        for attr in [
            local_name!("property"),
            local_name!("name"),
            local_name!("itemprop"),
        ] {
            if let Some(keys) = dom.attr_named(n, &attr) {
                // `property` may hold several space-separated names.
                for key in keys.split_whitespace() {
                    out.entry(key.to_ascii_lowercase())
                        .or_insert_with(|| content.clone());
                }
            }
        }
    }
    out
}

fn first<'a>(m: &'a HashMap<String, String>, keys: &[&str]) -> Option<&'a String> {
    keys.iter().find_map(|k| m.get(*k))
}

/// Separators of a hierarchical title ("Headline | Site", "Site » Section").
const SEPARATORS: &[char] = &['|', '-', '–', '\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(1)
}

/// Byte ranges of " X " where X is a separator.
fn separator_positions(title: &str) -> Vec<(usize, usize)> {
    let b = title.as_bytes();
    let mut out = Vec::new();
    for (i, c) in title.char_indices() {
        if SEPARATORS.contains(&c)
            && i > 0
            && b[i - 1] == b' '
            && title[i + c.len_utf8()..].starts_with(' ')
        {
            out.push((i - 1, i + c.len_utf8() + 1));
        }
    }
    out
}

/// The headline from the document's `<title>`: the site's part of a
/// hierarchical title is cut, unless too little would be left; a title that
/// is only a section name falls back to the page's single `<h1>`.
fn title_from_document(
    orig: &str,
    headings: &[String],
    h1s: &[String],
    tuning: &HtmlTuning,
) -> String {
    let orig = norm_space(orig);
    let mut cur = orig.clone();
    let seps = separator_positions(&orig);
    let mut hierarchical = false;
    if let (Some(&(last, _)), Some(&(_, first_end))) = (seps.last(), seps.first()) {
        hierarchical = seps
            .iter()
            .any(|&(i, _)| orig[i + 1..].starts_with(['\\', '/', '>', '»']));
        cur = orig[..last].to_string();
        if word_count(&cur) < tuning.title_min_words {
            cur = orig[first_end..].to_string();
        }
    } else if orig.contains(": ") {
        if !headings.iter().any(|h| h == &orig) {
            let after_last = orig[orig.rfind(':').map_or(0, |i| i + 1)..].to_string();
            let before_first = &orig[..orig.find(':').unwrap_or(0)];
            cur = if word_count(&after_last) < tuning.title_min_words {
                orig[orig.find(':').map_or(0, |i| i + 1)..].to_string()
            } else if word_count(before_first) > tuning.title_max_prefix_words {
                orig.clone()
            } else {
                after_last
            };
        }
    } else if (orig.chars().count() > tuning.title_max_chars
        || orig.chars().count() < tuning.title_min_chars)
        && h1s.len() == 1
    {
        cur = h1s[0].clone();
    }
    let cur = norm_space(&cur);
    let n = word_count(&cur);
    let without_seps: String = orig.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    // A hierarchical title cut to all its words but one (the site's) is cut right.
    if n <= tuning.title_short_words && (!hierarchical || n + 1 != word_count(&without_seps)) {
        return orig;
    }
    cur
}

/// Reads the page's metadata, layer by layer: JSON-LD first, then
/// `<meta>` tags, then the page itself.
pub(crate) fn extract(
    dom: &Dom,
    base_url: Option<&str>,
    style: TitleStyle,
    tuning: &HtmlTuning,
) -> Meta {
    let m = meta_values(dom);
    let ld = jsonld(dom);
    let base = dom
        .find(DOCUMENT, &local_name!("base"))
        .and_then(|b| dom.attr_named(b, &local_name!("href")))
        .map(|h| resolve(base_url, h));
    let urls = base_url.or(base.as_deref());
    let modified = modified_of(&m, &ld);
    let canonical_url = canonical_of(dom, &m, urls);
    let page_url = base_url.map(str::to_string).or(canonical_url.clone());
    let declared_site = declared_site_names(&m, &ld);
    let (byline, byline_declared) = byline_of(dom, &m, &ld, &declared_site, tuning);
    let site = (style == TitleStyle::Headline).then(|| {
        [
            declared_site,
            domain_name(page_url.as_deref(), tuning)
                .into_iter()
                .collect(),
        ]
        .concat()
    });
    Meta {
        lang: lang_of(dom, &m, &ld),
        dir: dir_of(dom),
        site_name: first(
            &m,
            &["og:site_name", "application-name", "al:android:app_name"],
        )
        .cloned()
        .or(ld.publisher.clone()),
        title: title_of(dom, &m, &ld, site.as_deref(), tuning),
        byline,
        byline_declared,
        published: published_of(
            dom,
            &m,
            &ld,
            page_url.as_deref(),
            modified.as_deref(),
            tuning,
        ),
        modified,
        excerpt: excerpt_of(&m, &ld),
        canonical_url,
        image: image_of(&m, &ld, urls),
        tags: tags_of(&m, &ld, tuning),
        base,
    }
}

/// The page's language: `<html lang>`, a `<meta>` tag, or JSON-LD.
fn lang_of(dom: &Dom, m: &HashMap<String, String>, ld: &JsonLd) -> Option<String> {
    dom.find(DOCUMENT, &local_name!("html"))
        .and_then(|h| {
            dom.attr_named(h, &local_name!("lang"))
                .or_else(|| dom.attr_named(h, &local_name!("xml:lang")))
        })
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .or_else(|| first(m, &["content-language", "dc.language", "og:locale"]).cloned())
        .or(ld.lang.clone())
}

/// The writing direction of `<html>` or `<body>`, when it is a valid one.
fn dir_of(dom: &Dom) -> Option<String> {
    dom.find(DOCUMENT, &local_name!("html"))
        .and_then(|h| dom.attr_named(h, &local_name!("dir")))
        .or_else(|| dom.attr_named(dom.body(), &local_name!("dir")))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto"))
}

/// The normalised texts of the body's `<h1>` elements (all of them) and of
/// its first `h2_limit` `<h2>` elements, in one pass over the body.
fn h1_h2_texts(dom: &Dom, h2_limit: usize) -> (Vec<String>, Vec<String>) {
    let (mut h1s, mut h2s) = (Vec::new(), Vec::new());
    for n in dom.descendants(dom.body()) {
        match dom.tag(n) {
            Some(&local_name!("h1")) => h1s.push(norm_space(&dom.text(n))),
            Some(&local_name!("h2")) if h2s.len() < h2_limit => {
                h2s.push(norm_space(&dom.text(n)));
            }
            _ => {}
        }
    }
    (h1s, h2s)
}

/// The headline: JSON-LD's (of its headline and name, the one closer to
/// the document's title), a `<meta>` title, the document's `<title>`, or
/// the first heading.
fn title_of(
    dom: &Dom,
    m: &HashMap<String, String>,
    ld: &JsonLd,
    site: Option<&[String]>,
    tuning: &HtmlTuning,
) -> Option<String> {
    let (h1s, h2s) = h1_h2_texts(dom, tuning.meta_headings);
    // The first few of each, `<h1>` before `<h2>`.
    let headings: Vec<String> = h1s
        .iter()
        .take(tuning.meta_headings)
        .chain(&h2s)
        .filter(|t| !t.is_empty())
        .cloned()
        .collect();
    let doc_title = dom
        .find(DOCUMENT, &local_name!("title"))
        .map(|t| norm_space(&dom.text(t)))
        .filter(|t| !t.is_empty());
    let similarity = |a: &str, b: &str| -> usize {
        let bk = norm_key(b);
        let bw: Vec<&str> = bk.split(' ').collect();
        norm_key(a).split(' ').filter(|w| bw.contains(w)).count()
    };
    let ld_title = match (&ld.title, &ld.name, &doc_title) {
        (Some(h), Some(n), Some(d)) if similarity(n, d) > similarity(h, d) => Some(n.clone()),
        (t, n, _) => t.clone().or(n.clone()),
    };
    ld_title
        .or_else(|| {
            first(
                m,
                &[
                    "dc:title",
                    "dc.title",
                    "dcterm:title",
                    "dcterms.title",
                    "og:title",
                    "weibo:article:title",
                    "weibo:webpage:title",
                    "title",
                    "twitter:title",
                    "parsely-title",
                ],
            )
            .cloned()
        })
        .map(|t| {
            let t = decode_refs(&t);
            match site {
                Some(site) => headline_of(t, &h1s, site, tuning),
                None => t,
            }
        })
        .or_else(|| {
            doc_title.map(|t| {
                let t = decode_refs(&t);
                let cut = site.map(|site| headline_of(t.clone(), &h1s, site, tuning));
                match cut {
                    Some(cut) if cut != t => cut,
                    _ => title_from_document(&t, &headings, &h1s, tuning),
                }
            })
        })
        .or_else(|| headings.first().cloned())
}

/// Marks between a headline and the site's name in a title, besides the
/// `<title>` cutter's own separators.
const TITLE_PART_MARKS: &[char] = &['—', '·', '•', '~', ':'];

/// What names the site in its metadata: `og:site_name` and its kin, and
/// the JSON-LD publisher.
fn declared_site_names(m: &HashMap<String, String>, ld: &JsonLd) -> Vec<String> {
    let keys = [
        "og:site_name",
        "application-name",
        "apple-mobile-web-app-title",
    ];
    keys.iter()
        .filter_map(|k| m.get(*k).cloned())
        .chain(ld.publisher.clone())
        .collect()
}

/// The main label of the page's domain, which names the site too: the
/// longest before the top level ("example" of `news.example.com`).
fn domain_name(url: Option<&str>, tuning: &HtmlTuning) -> Option<String> {
    let host = url
        .and_then(|u| u.split_once("://"))
        .and_then(|(_, rest)| rest.split(['/', '?', '#', ':']).next())?;
    let labels: Vec<&str> = host.split('.').collect();
    labels[..labels.len().saturating_sub(1)]
        .iter()
        .filter(|l| l.len() >= tuning.site_label_min_chars)
        .max_by_key(|l| l.len())
        .map(|l| (*l).to_string())
}

/// Letters and digits only, in lower case.
fn compact(s: &str) -> String {
    norm_key(s).replace(' ', "")
}

/// Whether a part of a title names the site: it is one of the site's
/// names, or holds or is held by one (at least a domain label long).
fn names_site(part: &str, site: &[String], tuning: &HtmlTuning) -> bool {
    let p = compact(part);
    let min = tuning.site_label_min_chars;
    !p.is_empty()
        && site.iter().map(|s| compact(s)).any(|s| {
            !s.is_empty()
                && (s == p || s.len() >= min && p.contains(&s) || p.len() >= min && s.contains(&p))
        })
}

/// Byte ranges of " X " where X separates a title's parts.
fn title_parts(title: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in title.char_indices() {
        let end = i + c.len_utf8();
        let spaced_before = title[..i].ends_with(' ');
        let mark = SEPARATORS.contains(&c) || TITLE_PART_MARKS.contains(&c);
        // A colon ends a word ("Site: Headline"); the others stand alone.
        if mark && title[end..].starts_with(' ') && (spaced_before || c == ':') && i > 0 {
            out.push((if spaced_before { i - 1 } else { i }, end + 1));
        }
    }
    out
}

/// The page's headline from a title by evidence: the part of the title that
/// one of the page's `<h1>`s is; failing that, the title without a last
/// (or first) part that names the site. The title itself without evidence.
fn headline_of(title: String, h1s: &[String], site: &[String], tuning: &HtmlTuning) -> String {
    let parts = title_parts(&title);
    let h1_keys: Vec<String> = h1s
        .iter()
        .map(|h| norm_key(h))
        .filter(|h| !h.is_empty())
        .collect();
    if h1_keys.iter().any(|h| *h == norm_key(&title)) {
        return title;
    }
    let pieces = parts
        .iter()
        .flat_map(|&(start, end)| [&title[..start], &title[end..]]);
    for piece in pieces {
        if h1_keys.iter().any(|h| *h == norm_key(piece)) {
            return piece.trim().to_string();
        }
    }
    let (Some(&(last, last_end)), Some(&(first, first_end))) = (parts.last(), parts.first()) else {
        return title;
    };
    if names_site(&title[last_end..], site, tuning) {
        title[..last].trim().to_string()
    } else if names_site(&title[..first], site, tuning) {
        title[first_end..].trim().to_string()
    } else {
        title
    }
}

/// The longest character reference [`decode_refs`] reads, `;` included
/// (`&#x10FFFF;`): a bound on work, not a threshold.
const MAX_REF_BYTES: usize = 10;

/// Decodes the character references of a value its page escaped twice
/// (`&amp;#8217;` reads as `&#8217;`).
fn decode_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // (Looked for within a reference's length only: a value of many
        // `&` without `;` is read in linear time.)
        let end = rest.bytes().take(MAX_REF_BYTES + 1).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name.strip_prefix('#') {
                Some(num) => char::from_u32(match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse().ok()?,
                })?,
                None => match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    "nbsp" => ' ',
                    _ => return None,
                },
            };
            Some((c, e + 1))
        });
        let (c, len) = decoded.unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    norm_space(&out)
}

/// The authors. Authors from structured data are names; a byline found in
/// the page is kept as the page writes it ("By Jane Doe"), as Readability
/// reports it.
/// The byline, and whether the page declares it.
fn byline_of(
    dom: &Dom,
    m: &HashMap<String, String>,
    ld: &JsonLd,
    site: &[String],
    tuning: &HtmlTuning,
) -> (Option<String>, bool) {
    let seen = declared_authors(m, ld);
    let shown = || {
        dom_byline(dom, dom.body(), tuning)
            .or_else(|| shown_byline(dom, tuning))
            .or_else(|| author_link(dom, tuning))
            .or_else(|| written_by(dom, tuning))
    };
    if seen.is_empty() {
        return (shown(), false);
    }
    // The site declared as its own pages' author (its name, or its
    // publisher's) yields to a byline the page shows.
    if seen
        .iter()
        .all(|a| site.iter().any(|s| compact(s) == compact(a)))
    {
        if let Some(found) = shown() {
            return (Some(found), false);
        }
    }
    (Some(seen.join(", ")), true)
}

/// The authors the page declares: JSON-LD's, a `<meta>` tag's, or a
/// labelled pair of Twitter's tags; names, without "By".
fn declared_authors(m: &HashMap<String, String>, ld: &JsonLd) -> Vec<String> {
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        // (A profile's address is no name: the next tag may give one.)
        if let Some(a) = [
            "dc:creator",
            "dc.creator",
            "dcterm:creator",
            "dcterms.creator",
            "author",
            "parsely-author",
            "article:author",
            "sailthru.author",
            "byl",
        ]
        .iter()
        .filter_map(|k| m.get(*k))
        .find(|a| !a.contains("://"))
        {
            authors.push(a.clone());
        }
    }
    // A labelled pair ("Written by", "Jo Writer") read as one byline.
    for i in 1..=2 {
        let (label, data) = (format!("twitter:label{i}"), format!("twitter:data{i}"));
        if let (Some(l), Some(d), true) = (m.get(&label), m.get(&data), authors.is_empty()) {
            authors.extend(crate::metadata::parse_byline(&format!("{l} {d}")));
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for a in authors {
        // Names, not bylines: "By Jane Doe" in a meta tag is "Jane Doe".
        let a = decode_refs(&a);
        let a = crate::metadata::parse_byline(&a).unwrap_or(a);
        if !a.is_empty() && !seen.contains(&a) {
            seen.push(a);
        }
    }
    seen
}

/// A thread's author is its first post's. On a forum page a byline found
/// in the page is as likely a reply's or a comment's as the first post's,
/// so, when the page declares no author, the first author the posts'
/// markup names after the headline is taken.
/// Its date is its first post's: without one declared or shown by the
/// headline, the first text after the headline that is only a date.
pub(crate) fn thread_starter(dom: &Dom, meta: &mut Meta, tuning: &HtmlTuning) {
    if meta.published.is_none() {
        meta.published = post_date(dom);
    }
    if meta.byline_declared {
        return;
    }
    if let Some(name) = post_author(dom, tuning) {
        meta.byline = Some(name);
    }
}

/// The first text after the first `<h1>` (or from the start, without one)
/// that says only when: a post's date, not a label's ("Joined: …").
fn post_date(dom: &Dom) -> Option<String> {
    let body = dom.body();
    let start = dom.find(body, &local_name!("h1"));
    dom.descendants(body)
        .skip_while(|&n| start.is_some_and(|h| n != h))
        .find_map(|n| match dom.data(n) {
            NodeData::Text(t)
                if crate::classify::cues::timestamp(t.trim()) && !t.contains(": ") =>
            {
                crate::metadata::find_date(t)
            }
            _ => None,
        })
}

/// The first name after the first `<h1>` (or from the start, without one)
/// that the markup gives as a post's author: a `data-author…` attribute's
/// value, or the short text of an element whose class names its author
/// ([`POST_AUTHOR_CLASSES`]) or whose `itemprop` is `author`.
fn post_author(dom: &Dom, tuning: &HtmlTuning) -> Option<String> {
    let body = dom.body();
    let start = dom.find(body, &local_name!("h1"));
    let name = |t: &str| {
        let t = norm_space(t);
        (byline_sized(&t, tuning)
            && !t.ends_with([':', '*'])
            && !t.contains("://")
            && crate::metadata::find_date(&t).is_none())
        .then_some(t)
    };
    let after = dom
        .descendants(body)
        .skip_while(|&n| start.is_some_and(|h| n != h));
    for n in after {
        let attrs = dom.attrs(n);
        let data = attrs.iter().find(|a| {
            let k = &*a.name.local;
            k.starts_with("data-author") && !k.ends_with("id")
        });
        if let Some(v) = data.and_then(|a| name(&a.value)) {
            return Some(v);
        }
        let marked = dom.attr_named(n, &local_name!("itemprop")) == Some("author")
            || dom.attr_named(n, &local_name!("class")).is_some_and(|c| {
                POST_AUTHOR_CLASSES
                    .iter()
                    .any(|w| super::hints::has_word(c, w))
            });
        if !marked {
            continue;
        }
        let named = dom
            .descendants(n)
            .find(|&c| dom.attr_named(c, &local_name!("itemprop")) == Some("name"))
            .map(|c| {
                dom.attr_named(c, &local_name!("content"))
                    .map_or_else(|| dom.text(c), str::to_string)
            });
        if let Some(v) = name(&named.unwrap_or_else(|| dom.text(n))) {
            return Some(v);
        }
    }
    None
}

/// A byline by the headline: a short text after the first `<h1>` that
/// reads as one ("By Jo Writer"), or a bare "By" and the name that
/// follows it.
fn shown_byline(dom: &Dom, tuning: &HtmlTuning) -> Option<String> {
    let h1 = dom.find(dom.body(), &local_name!("h1"))?;
    let mut prev: Option<String> = None;
    let texts = dom
        .descendants(dom.body())
        .skip_while(|&n| n != h1)
        .filter_map(|n| match dom.data(n) {
            NodeData::Text(t) if !t.trim().is_empty() => Some((n, t)),
            _ => None,
        })
        .take(tuning.shown_date_after);
    for (n, t) in texts {
        let t = norm_space(t);
        if t.chars().count() > tuning.byline_max_chars || !in_text(dom, n, tuning) {
            prev = None;
            continue;
        }
        let joined = prev.take().map(|p| format!("{p} {t}"));
        if let Some(name) = joined
            .as_deref()
            .and_then(crate::metadata::parse_byline)
            .or_else(|| crate::metadata::parse_byline(&t))
        {
            return Some(name);
        }
        prev = Some(t);
    }
    None
}

/// The publication date, from the most trusted layer that gives a
/// plausible one: JSON-LD, `<meta>` tags, microdata (`itemprop` naming a
/// publication, as `content`, `datetime` or text), the first `<time>`
/// elements, the date shown by the headline, then the URL's.
fn published_of(
    dom: &Dom,
    m: &HashMap<String, String>,
    ld: &JsonLd,
    url: Option<&str>,
    modified: Option<&str>,
    tuning: &HtmlTuning,
) -> Option<String> {
    let ok = |d: &String| plausible(d, modified, tuning);
    let structured = ld
        .published
        .clone()
        .or_else(|| {
            first(
                m,
                &[
                    "article:published_time",
                    "datepublished",
                    "og:published_time",
                    "publishdate",
                    "pubdate",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "sailthru.date",
                    "parsely-pub-date",
                    "publication_date",
                    "release_date",
                    "published",
                    "publish-date",
                    "publish_date",
                ],
            )
            .cloned()
        })
        .and_then(|d| normalize_date(&d))
        // A page's metadata may say it changed before it appeared: the
        // later layers only are held to its date of change.
        .filter(|d| plausible(d, None, tuning));
    let shown = shown_date(dom, tuning).filter(ok);
    let structured = match (structured, &shown) {
        (Some(d), Some(s)) if unshown_declared(dom, &d, s, tuning) => Some(s.clone()),
        (d, _) => d,
    };
    structured
        .or_else(|| {
            dom.descendants(dom.body())
                .filter(|&n| {
                    dom.attr_named(n, &local_name!("itemprop"))
                        .is_some_and(|p| {
                            p.to_ascii_lowercase().contains("published")
                                || p.eq_ignore_ascii_case("dateCreated")
                        })
                })
                .find_map(|n| {
                    let v = dom
                        .attr_named(n, &local_name!("content"))
                        .or_else(|| dom.attr_named(n, &local_name!("datetime")))
                        .map_or_else(|| dom.text(n), str::to_string);
                    normalize_date(&v).filter(ok)
                })
        })
        .or_else(|| {
            dom.descendants(dom.body())
                .filter(|&n| dom.tag(n) == Some(&local_name!("time")) && !in_card(dom, n, tuning))
                .take(tuning.time_elements)
                .find_map(|n| {
                    let v = dom
                        .attr_named(n, &local_name!("datetime"))
                        .map_or_else(|| dom.text(n), str::to_string);
                    normalize_date(&v).filter(ok)
                })
        })
        .or(shown)
        .or_else(|| url.and_then(url_date).filter(ok))
        .or_else(|| labelled_date(dom, tuning).filter(ok))
}

/// The first date the page labels as its publication, wherever it stands
/// (an article's footer: "Posted on April 3, 2023"), in a short text the
/// reader sees or in the one after a label alone ("Published", "Feb 2,
/// 2023"). The last layer: a page's own words, not its markup.
fn labelled_date(dom: &Dom, tuning: &HtmlTuning) -> Option<String> {
    let mut after_label = false;
    for (n, t) in body_texts(dom) {
        if t.len() > tuning.shown_date_max_chars || !in_text(dom, n, tuning) {
            after_label = false;
            continue;
        }
        let labelled = crate::metadata::labels_publication(t);
        if labelled || after_label {
            if let Some(d) = crate::metadata::find_date(t) {
                return Some(d);
            }
        }
        after_label = labelled;
    }
    None
}

/// The body's text nodes that hold more than white space, trimmed.
fn body_texts(dom: &Dom) -> impl Iterator<Item = (NodeId, &str)> {
    dom.descendants(dom.body())
        .filter_map(|n| match dom.data(n) {
            NodeData::Text(t) if !t.trim().is_empty() => Some((n, t.trim())),
            _ => None,
        })
}

/// The name a short text anywhere on the page gives with a writer's
/// label of two words ("Written by Jo Writer", "Publié par …"), or the
/// text after such a label alone, outside cards: an article's footer
/// names its writer. The last layer.
fn written_by(dom: &Dom, tuning: &HtmlTuning) -> Option<String> {
    let mut label: Option<&str> = None;
    for (n, t) in body_texts(dom) {
        // (A longer text is no byline: `parse_byline` refuses it.)
        let short = t.len() <= tuning.byline_max_chars && in_text(dom, n, tuning);
        if let Some(l) = label.take().filter(|_| short) {
            if let Some(name) = crate::metadata::parse_byline(&format!("{l} {t}")) {
                return Some(name);
            }
        }
        let mut words = t.split_whitespace();
        let long_label = words.nth(1).is_some_and(|w| {
            matches!(
                crate::lower::to_lower(w).as_str(),
                "by" | "por" | "par" | "da" | "door"
            )
        });
        if !long_label || !short {
            continue;
        }
        if words.next().is_none() {
            label = Some(t);
        } else if let Some(name) = crate::metadata::parse_byline(t) {
            return Some(name);
        }
    }
    None
}

/// Whether a declared publication date yields to the one the page shows by
/// its headline: the shown one is earlier, by more than time zones can
/// make it ([`HtmlTuning::date_zone_days`]), and the page never shows the
/// declared one. A page moved or imported again gets a new date in its
/// metadata and keeps its own in view. (A later shown date is most often
/// the page's update, which is not its publication.)
fn unshown_declared(dom: &Dom, declared: &str, shown: &str, tuning: &HtmlTuning) -> bool {
    use crate::metadata::day_number;
    let earlier = day_number(shown)
        .zip(day_number(declared))
        .is_some_and(|(s, d)| s + tuning.date_zone_days < d);
    earlier
        && declared
            .get(..10)
            .is_some_and(|d| !shows_day(dom, d, tuning))
}

/// Whether a short text the reader sees (outside scripts and cards) holds
/// this day (`YYYY-MM-DD`), in any of its fields.
fn shows_day(dom: &Dom, day: &str, tuning: &HtmlTuning) -> bool {
    dom.descendants(dom.body()).any(|n| {
        let NodeData::Text(t) = dom.data(n) else {
            return false;
        };
        t.len() <= tuning.shown_date_max_chars
            && t.split(crate::metadata::FIELD_MARKS)
                .any(|f| crate::metadata::find_date(f).is_some_and(|f| f.get(..10) == Some(day)))
            && in_text(dom, n, tuning)
    })
}

/// Whether a publication date is plausible: not before
/// [`HtmlTuning::min_year`], and not after the page's last change.
fn plausible(date: &str, modified: Option<&str>, tuning: &HtmlTuning) -> bool {
    let day = |d: &str| d.get(..10).map(str::to_string);
    date.get(..4)
        .and_then(|y| y.parse::<i64>().ok())
        .is_some_and(|y| y >= tuning.min_year)
        && modified.is_none_or(|m| day(date) <= day(m))
}

/// The date the page shows by its headline: the first short text that
/// holds one among the text nodes after an `<h1>`, or failing that the
/// nearest before the first `<h1>`. Never the text of a script or a card.
fn shown_date(dom: &Dom, tuning: &HtmlTuning) -> Option<String> {
    let mut count = 0usize;
    // Where the latest `<h1>` was, while its window is open, and the first.
    let (mut h1_at, mut first_h1): (Option<usize>, Option<usize>) = (None, None);
    let mut before: Option<(usize, String)> = None;
    for n in dom.descendants(dom.body()) {
        if dom.tag(n) == Some(&local_name!("h1")) {
            h1_at = Some(count);
            first_h1.get_or_insert(count);
            continue;
        }
        let NodeData::Text(t) = dom.data(n) else {
            continue;
        };
        if t.trim().is_empty() {
            continue;
        }
        count += 1;
        if h1_at.is_some_and(|h| count - h > tuning.shown_date_after) {
            h1_at = None;
        }
        if (h1_at.is_none() && first_h1.is_some())
            || t.len() > tuning.shown_date_max_chars
            || !in_text(dom, n, tuning)
        {
            continue;
        }
        if let Some(d) = crate::metadata::find_date(t) {
            if h1_at.is_some() {
                return Some(d);
            }
            before = Some((count, d));
        }
    }
    let h1 = first_h1?;
    before
        .filter(|(at, _)| h1 - at < tuning.shown_date_before)
        .map(|(_, d)| d)
}

/// Whether a text node is text the reader sees, outside scripts and cards.
fn in_text(dom: &Dom, n: NodeId, tuning: &HtmlTuning) -> bool {
    let mut up = dom.parent(n);
    for _ in 0..tuning.card_depth {
        let Some(p) = up else { break };
        if matches!(
            dom.tag(p),
            Some(t) if *t == local_name!("script")
                || *t == local_name!("style") || *t == local_name!("noscript")
                || *t == local_name!("title") || *t == local_name!("option")
        ) {
            return false;
        }
        up = dom.parent(p);
    }
    !in_card(dom, n, tuning)
}

/// A date in a URL's path: `/2024/03/05/` or a segment that begins with
/// `2024-03-05`.
fn url_date(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let segments: Vec<&str> = path.split('/').collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    for w in segments.windows(3) {
        if digits(w[0], 4..=4) && digits(w[1], 1..=2) && digits(w[2], 1..=2) {
            return normalize_date(&format!("{}-{:0>2}-{:0>2}", w[0], w[1], w[2]));
        }
    }
    segments
        .iter()
        .find_map(|s| s.get(..10).filter(|d| d.as_bytes().get(4) == Some(&b'-')))
        .and_then(normalize_date)
}

/// The date of the last change: JSON-LD's or a `<meta>` tag's.
fn modified_of(m: &HashMap<String, String>, ld: &JsonLd) -> Option<String> {
    ld.modified
        .clone()
        .or_else(|| {
            first(
                m,
                &[
                    "article:modified_time",
                    "og:updated_time",
                    "datemodified",
                    "dcterms.modified",
                    "last-modified",
                ],
            )
            .cloned()
        })
        .and_then(|d| normalize_date(&d))
}

/// The summary: JSON-LD's description or a `<meta>` description.
fn excerpt_of(m: &HashMap<String, String>, ld: &JsonLd) -> Option<String> {
    ld.description.clone().or_else(|| {
        first(
            m,
            &[
                "og:description",
                "twitter:description",
                "description",
                "dc.description",
            ],
        )
        .cloned()
    })
}

/// The canonical URL (`<link rel=canonical>` or `og:url`), resolved
/// against `base`.
fn canonical_of(dom: &Dom, m: &HashMap<String, String>, base: Option<&str>) -> Option<String> {
    dom.descendants(DOCUMENT)
        .find(|&n| {
            dom.tag(n) == Some(&local_name!("link"))
                && dom.attr_named(n, &local_name!("rel")).is_some_and(|r| {
                    r.split_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                })
        })
        .and_then(|n| dom.attr_named(n, &local_name!("href")))
        .or_else(|| first(m, &["og:url"]).map(String::as_str))
        .map(|u| resolve(base, u))
        // Callers put these in href/src: never a `javascript:` or `data:` URL.
        .filter(|u| crate::render::safe_url(u))
}

/// The lead image: JSON-LD's or a `<meta>` tag's, resolved against `base`.
fn image_of(m: &HashMap<String, String>, ld: &JsonLd, base: Option<&str>) -> Option<String> {
    ld.image
        .clone()
        .or_else(|| {
            first(
                m,
                &[
                    "og:image",
                    "og:image:url",
                    "twitter:image",
                    "twitter:image:src",
                ],
            )
            .cloned()
        })
        .map(|u| resolve(base, &u))
        .filter(|u| crate::render::safe_url(u))
}

/// The tags: JSON-LD's keywords, or the first `<meta>` tag that gives some.
fn tags_of(m: &HashMap<String, String>, ld: &JsonLd, tuning: &HtmlTuning) -> Vec<String> {
    let mut tags = ld.keywords.clone();
    // The first of these names that gives tags, in this order (not the
    // map's, which changes from run to run).
    for k in ["article:tag", "news_keywords", "keywords"] {
        if let Some(v) = m.get(k).filter(|_| tags.is_empty()) {
            tags.extend(v.split(',').map(norm_space).filter(|s| !s.is_empty()));
        }
    }
    tags.dedup();
    tags.truncate(tuning.max_tags);
    tags
}

/// The class or id word of a byline, matched anywhere in the value.
const BYLINE: &[u8] = b"byline";

/// The word an author's element or box is marked or labelled with.
const AUTHOR: &[u8] = b"author";

/// Whether a text is the size of a byline: a few words, a short line.
fn byline_sized(text: &str, tuning: &HtmlTuning) -> bool {
    (1..=tuning.byline_max_words).contains(&words(text).count())
        && text.chars().count() < tuning.byline_max_chars
}

/// Class words that mark a post's author in forum software's markup.
const POST_AUTHOR_CLASSES: &[&str] = &["author", "username", "poster", "postauthor"];

/// A byline from the page: `rel=author`, `itemprop=author`, or an element
/// whose class or id says byline or author.
fn dom_byline(dom: &Dom, body: NodeId, tuning: &HtmlTuning) -> Option<String> {
    // The end of a byline that named no one: inside it, only an element
    // marked as the author's is read (below).
    let mut past: Option<Option<NodeId>> = None;
    for n in dom.descendants(body) {
        let inside = match past {
            Some(end) if end != Some(n) => true,
            _ => {
                past = None;
                false
            }
        };
        if dom.tag(n).is_none() {
            continue;
        }
        let marks = author_marks(dom, n);
        if !(marks.author() || marks.byline && !inside) {
            continue;
        }
        let text = if marks.itemprop {
            dom.descendants(n)
                .find(|&c| dom.attr_named(c, &local_name!("itemprop")) == Some("name"))
                .map(|c| dom.text(c))
                .unwrap_or_else(|| dom.text(n))
        } else {
            dom.text(n)
        };
        let text = norm_space(&text);
        // Not a label: "Author", the element's own class word, or one
        // that introduces what follows ("Jo says:").
        let label = text.ends_with(':')
            || [BYLINE, AUTHOR]
                .iter()
                .any(|w| text.as_bytes().eq_ignore_ascii_case(w));
        if label || in_form(dom, n) {
            continue;
        }
        // (A date line in an author's slot names no one: look further.
        // Its parts are the date and what stands beside it, a category
        // or a label: "byline__topic" is no name.)
        let sized = byline_sized(&text, tuning);
        // A box whose class says author or byline, and which marks its
        // author inside (`rel`, `itemprop`): that mark is read next, unless
        // the box is a byline alone, without a date ("By Jo Writer").
        let plain = sized && crate::metadata::find_date(&text).is_none();
        if !marks.attribute && !plain && dom.descendants(n).any(|d| author_marks(dom, d).attribute)
        {
            continue;
        }
        if sized && crate::metadata::names_someone(&text) {
            return Some(text);
        }
        // An author's box: the name as its heading, a biography below; or
        // the name as its picture's description, which its text repeats.
        if let Some(name) =
            boxed_name(dom, n, tuning).or_else(|| boxed_portrait(dom, n, &text, tuning))
        {
            return Some(name);
        }
        if sized && !inside {
            past = Some(dom.skip_subtree(body, n));
        }
    }
    None
}

/// How an element is marked as a byline or its author's name.
struct AuthorMarks {
    /// A class or id with the word "byline" in it.
    byline: bool,
    /// A class or id word "author" ("post-author", "authorName").
    class: bool,
    /// `rel=author` or `itemprop=author`.
    attribute: bool,
    /// `itemprop=author`: the name is its `itemprop=name` child's.
    itemprop: bool,
}

impl AuthorMarks {
    /// Whether the element is marked as the author's.
    fn author(&self) -> bool {
        self.class || self.attribute
    }
}

/// How an element is marked (see [`AuthorMarks`]).
fn author_marks(dom: &Dom, n: NodeId) -> AuthorMarks {
    // By interned names: a comparison of two words per attribute.
    let rel_author = dom
        .attr_named(n, &local_name!("rel"))
        .is_some_and(|r| r.contains("author"));
    let itemprop = dom
        .attr_named(n, &local_name!("itemprop"))
        .is_some_and(|r| r.contains("author"));
    let mut marks = AuthorMarks {
        byline: false,
        class: false,
        attribute: rel_author || itemprop,
        itemprop,
    };
    for a in [local_name!("class"), local_name!("id")] {
        // ASCII case-insensitive, without a lower-case copy per element.
        if let Some(v) = dom.attr_named(n, &a) {
            marks.byline |= v
                .as_bytes()
                .windows(BYLINE.len())
                .any(|w| w.eq_ignore_ascii_case(BYLINE));
            marks.class |= super::hints::has_word(v, "author");
        }
    }
    marks
}

/// A link to the author's own page, when nothing else names one: its
/// address has an `author` or `authors` folder, and its text is the name
/// the address spells ("/authors/jo-writer", "Jo Writer"), as sites give
/// each writer a page.
fn author_link(dom: &Dom, tuning: &HtmlTuning) -> Option<String> {
    dom.descendants(dom.body()).find_map(|n| {
        let href = dom.attr_named(n, &local_name!("href"))?;
        let path = href.split(['?', '#']).next().unwrap_or_default();
        let mut parts = path.split('/');
        parts.find(|p| {
            p.len() >= AUTHOR.len()
                && p.as_bytes()[..AUTHOR.len()].eq_ignore_ascii_case(AUTHOR)
                && matches!(&p[AUTHOR.len()..], "" | "s")
        })?;
        let slug = parts.next().filter(|p| !p.is_empty())?;
        let text = norm_space(&dom.text(n));
        (byline_sized(&text, tuning) && compact(&text) == compact(slug)).then_some(text)
    })
}

/// Whether a node lies inside a form (a comment form's "Your name").
fn in_form(dom: &Dom, id: NodeId) -> bool {
    let mut at = dom.parent(id);
    while let Some(p) = at {
        if dom.tag(p) == Some(&local_name!("form")) {
            return true;
        }
        at = dom.parent(p);
    }
    false
}

/// The name an author's box gives as its heading: a short heading whose
/// words all start with a capital (not the box's label, "About the
/// Author").
fn boxed_name(dom: &Dom, id: NodeId, tuning: &HtmlTuning) -> Option<String> {
    let h = dom
        .descendants(id)
        .take(tuning.shown_date_after)
        // (A heading below the page's headline, `<h1>`.)
        .find(|&d| {
            dom.tag(d) != Some(&local_name!("h1"))
                && dom.tag(d).and_then(super::tags::heading_level).is_some()
        })?;
    let name = norm_space(&dom.text(h));
    let named = byline_sized(&name, tuning)
        && name.split_whitespace().count() >= CueTuning::DEFAULT.name_words_min
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !name.bytes().any(|b| b.is_ascii_digit())
        && !name
            .as_bytes()
            .windows(AUTHOR.len())
            .any(|w| w.eq_ignore_ascii_case(AUTHOR));
    named.then_some(name)
}

/// The name an author's box gives as its portrait's description (`alt`),
/// when the box's own text names the same person ("Jo Writer" under a
/// picture described "Jo Writer", over "This post was written by Jo
/// Writer, …").
fn boxed_portrait(dom: &Dom, id: NodeId, text: &str, tuning: &HtmlTuning) -> Option<String> {
    let img = dom
        .descendants(id)
        .take(tuning.shown_date_after)
        .find(|&d| dom.tag(d) == Some(&local_name!("img")))?;
    let alt = norm_space(dom.attr_named(img, &local_name!("alt"))?);
    let named = byline_sized(&alt, tuning)
        && alt.split_whitespace().count() >= CueTuning::DEFAULT.name_words_min
        && text.contains(&alt);
    named.then_some(alt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn meta(html: &str) -> Meta {
        extract(
            &parse(html),
            None,
            TitleStyle::Declared,
            &HtmlTuning::default(),
        )
    }

    #[test]
    fn json_ld_article() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph": [
                {"@type": "WebSite", "name": "The Site"},
                {"@type": "NewsArticle", "headline": "The headline",
                 "datePublished": "2024-03-05T10:00:00Z",
                 "author": [{"@type": "Person", "name": "Jane Doe"}, "http://x"],
                 "keywords": "one, two"}]}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The headline"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05T10:00:00Z"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.site_name.as_deref(), Some("The Site"));
        assert_eq!(m.tags, ["one", "two"]);
    }

    #[test]
    fn a_date_in_a_bylines_slot_is_passed_over_for_the_name() {
        let m = meta(
            "<body><h1>Headline</h1><div class=byline-date>August 28, 2025<span>•</span>\
             <span>5 min read</span></div><p class=post-author>Jo Writer</p></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Jo Writer"));
    }

    #[test]
    fn a_byline_that_names_no_one_is_read_only_where_it_marks_the_author() {
        // Its parts beside the date are no name: a category.
        let m = meta(
            "<body><h1>Headline</h1><div class=byline><span class=byline__date>March 3, \
             2024</span> | <span class=byline__topic>Garden care</span></div></body>",
        );
        assert_eq!(m.byline, None);
        // Its part marked as the author's is.
        let m = meta(
            "<body><h1>Headline</h1><div class=byline><time>March 3, 2024</time> \
             <a class=author-link href=/jo>Jo</a></div></body>",
        );
        assert_eq!(m.byline.as_deref(), Some("Jo"));
    }

    #[test]
    fn open_graph_and_meta_tags() {
        let m = meta(
            "<html lang=de dir=RTL><meta property=og:site_name content='Site Name'>\
             <meta property=og:title content='OG title'>\
             <meta name=description content='  A   summary '>\
             <link rel=canonical href=https://example.com/a>",
        );
        assert_eq!(m.site_name.as_deref(), Some("Site Name"));
        assert_eq!(m.title.as_deref(), Some("OG title"));
        assert_eq!(m.excerpt.as_deref(), Some("A summary"));
        assert_eq!(m.lang.as_deref(), Some("de"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn byline_and_time_from_the_page() {
        let m = meta(
            "<p class=byline>By Jane Doe</p><time datetime=2023-01-02>Jan 2</time>\
             <div class=author>Not a byline: far too many words for one, so many more words \
             than any byline has in it</div>",
        );
        assert_eq!(m.byline.as_deref(), Some("By Jane Doe"));
        assert_eq!(m.published.as_deref(), Some("2023-01-02"));
    }

    fn published(html: &str) -> Option<String> {
        meta(html).published
    }

    #[test]
    fn dates_given_as_text() {
        // Microdata as text, not `content`.
        assert_eq!(
            published("<h1>A headline</h1><span itemprop=datePublished>October 17, 2018</span>")
                .as_deref(),
            Some("2018-10-17")
        );
        // A `<time>` without `datetime`.
        assert_eq!(
            published("<p>Text</p><time>12 Nov 2025</time>").as_deref(),
            Some("2025-11-12")
        );
        // The date shown by the headline, in a link or not.
        assert_eq!(
            published(
                "<p>Menu</p><h1>A headline</h1><div><span>Jo Writer</span> \
                 <a href=/p/1>12 Nov 2025</a></div><p>The article.</p>"
            )
            .as_deref(),
            Some("2025-11-12")
        );
        // Or shortly before it.
        assert_eq!(
            published("<p>March 3, 2024</p><h1>A headline</h1><p>Text</p>").as_deref(),
            Some("2024-03-03")
        );
    }

    #[test]
    fn dates_from_the_url_come_last() {
        let dom = parse("<h1>A headline</h1><p>No date here.</p>");
        let t = HtmlTuning::default();
        let at = |u: &str| extract(&dom, Some(u), TitleStyle::Declared, &t).published;
        assert_eq!(
            at("https://example.com/2024/03/05/a-story").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            at("https://example.com/blog/2024-03-05-a-story").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(at("https://example.com/2024/03/a-story"), None);
        let dated = parse("<meta property=article:published_time content=2020-01-02>");
        assert_eq!(
            extract(
                &dated,
                Some("https://example.com/2024/03/05/a"),
                TitleStyle::Declared,
                &t
            )
            .published
            .as_deref(),
            Some("2020-01-02")
        );
    }

    #[test]
    fn a_declared_date_never_shown_yields_to_an_earlier_shown_one() {
        let page = |foot: &str| {
            format!(
                "<meta property=article:published_time content=2024-06-10T09:00:00Z>\
                 <h1>A headline</h1><p>Jo Writer | March 3, 2019</p><p>Text.</p>{foot}"
            )
        };
        assert_eq!(published(&page("")).as_deref(), Some("2019-03-03"));
        // The page shows the declared date too: it stands.
        assert_eq!(
            published(&page("<p>Moved here on 10 June 2024</p>")).as_deref(),
            Some("2024-06-10T09:00:00Z")
        );
        // A day apart is a time zone, not another date.
        let near = "<meta property=article:published_time content=2021-12-10T02:17:00Z>\
                    <h1>A headline</h1><p>December 9, 2021</p>";
        assert_eq!(published(near).as_deref(), Some("2021-12-10T02:17:00Z"));
    }

    #[test]
    fn implausible_dates_are_not_taken() {
        // Before 1995, unless the metadata says so.
        assert_eq!(published("<h1>A headline</h1><p>May 4, 1992</p>"), None);
        // After the page's last change.
        assert_eq!(
            published(
                "<meta property=article:modified_time content=2020-05-01>\
                 <h1>A headline</h1><p>June 3, 2021</p>"
            ),
            None
        );
        // Structured dates stand even when the change is dated before them.
        assert_eq!(
            published(
                "<meta property=article:published_time content=2020-05-02>\
                 <meta property=article:modified_time content=2020-05-01>"
            )
            .as_deref(),
            Some("2020-05-02")
        );
        // Published and modified stay apart.
        let m = meta(
            "<meta property=article:published_time content=2020-05-01>\
             <meta property=article:modified_time content=2021-01-01>\
             <h1>A headline</h1><p>Updated January 1, 2021</p>",
        );
        assert_eq!(m.published.as_deref(), Some("2020-05-01"));
        assert_eq!(m.modified.as_deref(), Some("2021-01-01"));
    }

    #[test]
    fn dates_in_cards_are_not_taken() {
        assert_eq!(
            published(
                "<h1>A headline</h1><div><h3>Another story</h3><span>5 March 2024</span>\
                 <a href=/other></a></div><p>The article.</p>"
            ),
            None
        );
        // (Without the link laid over it, the same box is the article's.)
        assert_eq!(
            published(
                "<h1>A headline</h1><div><h3>Another story</h3><span>5 March 2024</span>\
                 </div><p>The article.</p>"
            )
            .as_deref(),
            Some("2024-03-05")
        );
    }

    fn tuning_window() -> usize {
        HtmlTuning::default().shown_date_after
    }

    #[test]
    fn a_threads_date_is_its_first_posts() {
        // (The post's date lies past the headline's window, under the
        // poster's profile; the profile's date has a label.)
        let profile = "<dd>Posts 12</dd>".repeat(tuning_window());
        let html = format!("<h1>Slugs on lettuce</h1><div class=post><dl class=user><dt>wren_b</dt>{profile}<dd>Joined: Mar 2, 2021</dd></dl><div class=when>Mar 3, 2024</div><p>Any tips?</p></div><div class=post><div class=when>Mar 4, 2024</div><p>Beer traps.</p></div>");
        let dom = parse(&html);
        let mut m = extract(&dom, None, TitleStyle::Declared, &HtmlTuning::default());
        assert_eq!(m.published, None);
        thread_starter(&dom, &mut m, &HtmlTuning::default());
        assert_eq!(m.published.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn an_authors_box_names_its_author() {
        let bio = "Jo has written about gardens and the people who keep them for twenty years, from allotments to the glasshouses of old estates.";
        let page = |heading: &str| {
            format!("<h1>Slugs</h1><p>Text.</p><div class=post-author><img src=a.jpg><h4>{heading}</h4><p>{bio}</p></div>")
        };
        assert_eq!(
            meta(&page("Jo Writer")).byline.as_deref(),
            Some("Jo Writer")
        );
        assert_eq!(meta(&page("About the Author")).byline, None);
    }

    #[test]
    fn a_forms_author_field_is_no_byline() {
        let page = "<h1>Slugs</h1><p>Text.</p><form><p class=comment-form-author><label>Your name *</label><input></p></form>";
        assert_eq!(meta(page).byline, None);
        let page = "<h1>Slugs</h1><p class=author>Jo Writer</p><form><p class=comment-form-author><label>Your name *</label></p></form>";
        assert_eq!(meta(page).byline.as_deref(), Some("Jo Writer"));
    }

    #[test]
    fn authors_by_reference_pair_and_headline() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph": [
                {"@type": "Article", "headline": "H", "author": {"@id": "/#jo"}},
                {"@type": "Person", "@id": "/#jo", "name": "Jo Writer"}]}</script>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Jo Writer"));
        let m = meta(
            "<meta name=twitter:label1 content='Written by'>\
             <meta name=twitter:data1 content='Jo Writer'>",
        );
        assert_eq!(m.byline.as_deref(), Some("Jo Writer"));
        let m = meta("<h1>A headline</h1><div><p>Written by</p><p>Jo Writer</p></div>");
        assert_eq!(m.byline.as_deref(), Some("Jo Writer"));
        let m = meta("<meta name=author content='Jo &amp; Sam'>");
        assert_eq!(m.byline.as_deref(), Some("Jo & Sam"));
        // A profile's address is passed over for the next tag's name.
        let m = meta(
            "<meta property=article:author content='https://social.example/jo'>\
             <meta name=sailthru.author content='Jo Writer'>",
        );
        assert_eq!(m.byline.as_deref(), Some("Jo Writer"));
        // A label is no byline.
        let m = meta("<span class=author>Author</span><span class=author>Jo Writer</span>");
        assert_eq!(m.byline.as_deref(), Some("Jo Writer"));
    }

    #[test]
    fn headlines_by_evidence() {
        let title = |html: &str, url: Option<&str>| {
            extract(
                &parse(html),
                url,
                TitleStyle::Headline,
                &HtmlTuning::default(),
            )
            .title
        };
        // The part an `<h1>` holds, after the site's part or before it.
        let h1 = "<meta property=og:title content='A headline here | Some Words'>\
                  <h1>A headline here</h1>";
        assert_eq!(title(h1, None).as_deref(), Some("A headline here"));
        let h1_last = "<title>Some Words — A headline here</title><h1>A headline here</h1>";
        assert_eq!(title(h1_last, None).as_deref(), Some("A headline here"));
        // The part that names the site: its domain or its declared name.
        let domain = "<title>A headline here - Example News</title><h1>Other</h1>";
        let url = Some("https://www.examplenews.com/a");
        assert_eq!(title(domain, url).as_deref(), Some("A headline here"));
        let named = "<meta property=og:site_name content='The Site'>\
                     <title>The Site | A headline here</title>";
        assert_eq!(title(named, None).as_deref(), Some("A headline here"));
        // Without evidence, the title stays.
        let none = "<meta property=og:title content='A headline - Part two'>";
        assert_eq!(title(none, None).as_deref(), Some("A headline - Part two"));
        // Declared titles keep the site's part.
        let declared = extract(
            &parse(h1),
            None,
            TitleStyle::Declared,
            &HtmlTuning::default(),
        );
        assert_eq!(
            declared.title.as_deref(),
            Some("A headline here | Some Words")
        );
    }

    #[test]
    fn titles_twice_escaped() {
        let m = meta("<meta property=og:title content='One &#8211; Two'>");
        assert_eq!(m.title.as_deref(), Some("One – Two"));
    }

    #[test]
    fn document_titles() {
        let tuning = HtmlTuning::default();
        let t = |s: &str| title_from_document(s, &[], &[], &tuning);
        assert_eq!(
            t("A long enough headline here | Site"),
            "A long enough headline here"
        );
        assert_eq!(
            t("Bugs – A Cannon Entertainment Group Ltd"),
            "A Cannon Entertainment Group Ltd"
        );
        assert_eq!(
            t("Bugs – Cannon Entertainment"),
            "Bugs – Cannon Entertainment"
        );
        assert_eq!(t("Short – Site"), "Short – Site");
        assert_eq!(t("Ünïcödé – ä – ö"), "Ünïcödé – ä – ö");
    }
}
