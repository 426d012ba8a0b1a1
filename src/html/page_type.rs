//! What an HTML page shows of its type: structured data, prices and carts,
//! repeated items, posts, code, sections, and the URL's shape.

use html5ever::{local_name, LocalName};

use super::parse::{Dom, NodeData, NodeId, DOCUMENT};
use super::tags::{heading_level, is_tag, ITEM_BOXES};
use crate::json::{self, Value};
use crate::metadata::Meta;
use crate::page_type::{Evidence, PageType};
use crate::reason::Furniture;
use crate::tuning::HtmlTuning;

/// Schema.org types (JSON-LD `@type`, microdata `itemtype`) and the page
/// type each stands for, with its points.
const SCHEMA_TYPES: &[(&str, PageType, u32)] = &[
    ("product", PageType::Product, 3),
    ("productgroup", PageType::Product, 3),
    ("discussionforumposting", PageType::Forum, 3),
    ("qapage", PageType::Forum, 3),
    ("collectionpage", PageType::Collection, 2),
    ("offercatalog", PageType::Collection, 2),
    ("itemlist", PageType::Collection, 1),
    ("searchresultspage", PageType::Listing, 3),
    ("techarticle", PageType::Documentation, 3),
    ("apireference", PageType::Documentation, 3),
    ("softwaresourcecode", PageType::Documentation, 2),
    ("service", PageType::Service, 2),
    ("professionalservice", PageType::Service, 2),
    ("newsarticle", PageType::Article, 2),
    ("blogposting", PageType::Article, 2),
    ("article", PageType::Article, 1),
    ("reportagenewsarticle", PageType::Article, 2),
];

/// Path segments of the page's URL, the type each suggests and its points.
/// The paths forum software gives a thread (`/threads/…`, Discourse's
/// `/t/…`, `/forum/…`), a company's pages of what it offers
/// (`/services/…`) and a product's documentation (`/docs/…`) are enough
/// alone; the others only add to what the page shows (a company's
/// `/community/` page, a news site's `/topic/` index).
const URL_WORDS: &[(&str, PageType, u32)] = &[
    ("forum", PageType::Forum, 2),
    ("forums", PageType::Forum, 2),
    ("thread", PageType::Forum, 2),
    ("threads", PageType::Forum, 2),
    ("topic", PageType::Forum, 1),
    ("t", PageType::Forum, 2),
    ("community", PageType::Forum, 1),
    ("questions", PageType::Forum, 1),
    ("product", PageType::Product, 1),
    ("products", PageType::Product, 1),
    ("dp", PageType::Product, 1),
    ("p", PageType::Product, 1),
    ("category", PageType::Collection, 1),
    ("categories", PageType::Collection, 1),
    ("collections", PageType::Collection, 1),
    ("shop", PageType::Collection, 1),
    ("search", PageType::Listing, 1),
    ("jobs", PageType::Listing, 1),
    ("listings", PageType::Listing, 1),
    ("directory", PageType::Listing, 1),
    ("docs", PageType::Documentation, 2),
    ("doc", PageType::Documentation, 1),
    ("documentation", PageType::Documentation, 1),
    ("reference", PageType::Documentation, 1),
    ("api", PageType::Documentation, 1),
    ("manual", PageType::Documentation, 1),
    ("services", PageType::Service, 2),
    ("service", PageType::Service, 2),
    ("solutions", PageType::Service, 1),
    ("blog", PageType::Article, 1),
    ("news", PageType::Article, 1),
    ("article", PageType::Article, 1),
    ("articles", PageType::Article, 1),
];

/// The page's evidence of its type.
pub(super) fn evidence(dom: &Dom, url: Option<&str>, t: &HtmlTuning) -> Evidence {
    let mut e = Evidence::default();
    let scan = Scan::of(dom, t);
    schema_types(&scan.schema, t, &mut e);
    commerce(scan.prices, scan.carts, t, &mut e);
    code(scan.code, scan.all, t, &mut e);
    repeated_items(dom, &scan.main_column, scan.all, t, &mut e);
    sections(scan.sections, t, &mut e);
    items_and_prose(scan.items, scan.prose, scan.all, t, &mut e);
    if let Some(url) = url {
        url_shape(url, &mut e);
    }
    e
}

/// Elements whose text is never shown.
const UNSEEN: &[LocalName] = &[
    local_name!("script"),
    local_name!("style"),
    local_name!("noscript"),
    local_name!("template"),
];

/// What the page's tree shows of its type, read in two passes over the
/// body (one bottom-up, one top-down) and one over the rest of the
/// document.
struct Scan {
    /// The body's shown text characters (not a script's JSON; at least 1),
    /// for the shares.
    all: usize,
    /// The schema.org types declared (lower case, in no particular order).
    schema: Vec<String>,
    /// Elements that name a price and hold a digit; cart controls.
    prices: usize,
    carts: usize,
    /// `<pre>` blocks and their characters.
    code: (usize, usize),
    /// The elements of the page's main column, in document order.
    main_column: Vec<NodeId>,
    /// Sections with headings of their own.
    sections: usize,
    /// The characters of repeated items outside the page's chrome, and of
    /// prose paragraphs.
    items: usize,
    prose: usize,
}

impl Scan {
    fn of(dom: &Dom, t: &HtmlTuning) -> Scan {
        let body = dom.body();
        // Bottom-up: each node's shown characters (a script's, a style's,
        // a template's and a `<noscript>`'s count as none), and what the
        // item tests need of it.
        let mut chars = vec![0u32; dom.len()];
        let mut parts = super::items::Parts::new(dom.len());
        for id in dom.subtree_rev(body) {
            if let NodeData::Text(_) = dom.data(id) {
                chars[id] = u32::try_from(dom.text_chars(id)).unwrap_or(u32::MAX);
            }
            if is_tag(dom.tag(id), UNSEEN) {
                chars[id] = 0;
            }
            parts.visit(dom, id, body, &chars);
            if id != body {
                if let Some(p) = dom.parent(id) {
                    chars[p] = chars[p].saturating_add(chars[id]);
                }
            }
        }
        let mut scan = Scan {
            all: (chars[body] as usize).max(1),
            schema: Vec::new(),
            prices: 0,
            carts: 0,
            code: (0, 0),
            main_column: Vec::new(),
            sections: 0,
            items: 0,
            prose: 0,
        };
        if body != DOCUMENT {
            scan.schema_outside(dom, body);
        }
        scan.top_down(dom, &chars, parts, t);
        scan
    }

    /// The schema.org types declared outside the body's descendants (in
    /// the head, on the body itself).
    fn schema_outside(&mut self, dom: &Dom, body: NodeId) {
        let mut next = dom.first_child(DOCUMENT);
        while let Some(id) = next {
            schema_of(dom, id, &mut self.schema);
            next = if id == body {
                dom.skip_subtree(DOCUMENT, id)
            } else {
                dom.first_child(id)
                    .or_else(|| dom.skip_subtree(DOCUMENT, id))
            };
        }
    }

    /// The top-down pass over the body's descendants.
    fn top_down(&mut self, dom: &Dom, chars: &[u32], parts: super::items::Parts, t: &HtmlTuning) {
        let body = dom.body();
        let mut members = super::items::Members::new(dom, parts, t);
        members.visit_body(body, chars);
        // Nodes in the page's chrome: for the items (menus, headers,
        // footers, sidebars, and what class words name furniture), and
        // for the main column (where menus repeat their items too).
        const CHROME: &[LocalName] = &[
            local_name!("nav"),
            local_name!("header"),
            local_name!("footer"),
            local_name!("aside"),
            local_name!("form"),
        ];
        const COLUMN_CHROME: &[LocalName] = &[
            local_name!("nav"),
            local_name!("header"),
            local_name!("footer"),
            local_name!("aside"),
            local_name!("select"),
        ];
        let mut chrome = vec![false; dom.len()];
        let mut off_column = vec![false; dom.len()];
        for id in dom.descendants(body) {
            members.visit(id, body, chars);
            let parent = dom.parent(id);
            let tag = dom.tag(id);
            chrome[id] = parent.is_some_and(|p| chrome[p])
                || is_tag(tag, CHROME)
                || (!dom.attrs(id).is_empty()
                    && super::furniture::hints(dom, id).furniture_bits() != 0);
            let member = &members.member;
            if member[id] && !chrome[id] && !parent.is_some_and(|p| member[p]) {
                self.items += chars[id] as usize;
            }
            if tag == Some(&local_name!("p")) && chars[id] as usize >= t.type_prose_chars {
                self.prose += chars[id] as usize;
            }
            // (A form that wraps the page, [`super::items::wraps_page`],
            // is its layout: a thread whose posts can be selected.)
            off_column[id] = parent.is_some_and(|p| off_column[p])
                || is_tag(tag, COLUMN_CHROME)
                || (tag == Some(&local_name!("form"))
                    && !super::items::wraps_page(dom.subtree_chars(id), self.all, t));
            if tag.is_some() {
                if !off_column[id] {
                    self.main_column.push(id);
                }
                self.element(dom, id);
            }
            schema_of(dom, id, &mut self.schema);
        }
    }

    /// What an element of the body shows: a price, a cart control, code,
    /// a section with a heading.
    fn element(&mut self, dom: &Dom, id: NodeId) {
        if names(dom, id, "price") && item_text(dom, id).1 {
            self.prices += 1;
        }
        const CONTROLS: &[LocalName] = &[
            local_name!("button"),
            local_name!("form"),
            local_name!("input"),
        ];
        if is_tag(dom.tag(id), CONTROLS) && names(dom, id, "cart") {
            self.carts += 1;
        }
        match dom.tag(id) {
            Some(&local_name!("pre")) => {
                self.code.0 += 1;
                self.code.1 += dom.subtree_chars(id);
            }
            Some(&local_name!("section")) if headed_section(dom, id) => self.sections += 1,
            _ => {}
        }
    }
}

/// An article says when it was written or by whom. A page that declares
/// neither, shows nothing of an article (no article's structured data, no
/// year in its URL) and not enough of any other type is of no type known
/// (`other`); its profile reads it as a page of sections, as a service
/// page's ([`crate::tuning::ClassifyTuning::sections_are_content`]).
pub(super) fn undeclared(e: &mut Evidence, meta: &Meta, min_points: u32) {
    let article = e.signals.iter().any(|(t, _, _)| *t == PageType::Article);
    let other = PageType::ALL.iter().any(|&t| e.points(t) >= min_points);
    if meta.published.is_none() && meta.byline.is_none() && !article && !other {
        e.add(
            PageType::Other,
            min_points,
            "no date, no author and nothing of an article declared",
        );
    }
}

/// The schema.org types an element declares: its microdata `itemtype`,
/// or, for a JSON-LD script, the `@type`s in it.
fn schema_of(dom: &Dom, id: NodeId, found: &mut Vec<String>) {
    if let Some(t) = dom.attr_named(id, &local_name!("itemtype")) {
        found.extend(
            t.split_whitespace()
                .filter_map(|u| u.rsplit('/').next())
                .map(crate::lower::to_lower),
        );
    }
    let json = dom.tag(id) == Some(&local_name!("script"))
        && dom
            .attr_named(id, &local_name!("type"))
            .is_some_and(|t| t.contains("ld+json"));
    if json {
        if let Some(v) = json::parse_as_written(&dom.text(id)) {
            json_types(&v, 0, found);
        }
    }
}

/// Schema.org types in JSON-LD and microdata (`found`, in any order). Many
/// products declared ([`HtmlTuning::type_many_products`]) are a shop's
/// grid, each card with its own: a collection, not one product.
fn schema_types(found: &[String], t: &HtmlTuning, e: &mut Evidence) {
    let products = found.iter().filter(|n| *n == "product").count();
    let many = products >= t.type_many_products;
    if many {
        e.add(
            PageType::Collection,
            t.type_min_points,
            format!("{products} products declared"),
        );
    }
    // The known names, each once, in order: at most `SCHEMA_TYPES.len()`,
    // so sorting them stays linear however many types a page declares.
    let mut known: Vec<&String> = Vec::new();
    for name in found {
        if (many && name == "product")
            || !SCHEMA_TYPES.iter().any(|(n, _, _)| n == name)
            || known.contains(&name)
        {
            continue;
        }
        known.push(name);
    }
    crate::util::sort_small(&mut known, |a, b| a > b);
    for name in known {
        if let Some(&(_, pt, points)) = SCHEMA_TYPES.iter().find(|(n, _, _)| n == name) {
            e.add(pt, points, format!("schema.org {name}"));
        }
    }
}

/// How deep into JSON-LD the types are looked for (a bound on the work:
/// `@graph`, `mainEntity` and lists sit a few levels down).
const JSON_DEPTH: usize = 6;

/// The `@type` values anywhere in a JSON-LD value (a few levels deep).
fn json_types(v: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > JSON_DEPTH {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| json_types(i, depth + 1, out)),
        Value::Object(map) => {
            match map.get("@type") {
                Some(Value::String(s)) => out.push(crate::lower::to_lower(s)),
                Some(Value::Array(a)) => out.extend(
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(crate::lower::to_lower),
                ),
                _ => {}
            }
            for key in ["@graph", "mainEntity", "itemListElement"] {
                if let Some(inner) = map.get(key) {
                    json_types(inner, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Whether an element's class, id or itemprop names `word` as a token or
/// part of one (`product-price`, `addToCart`).
/// (`word` in ASCII lower case; compared in place, without a lower-case
/// copy of each value. The attributes are read in one pass: an element has
/// each name once.)
fn names(dom: &Dom, id: NodeId, word: &str) -> bool {
    dom.attrs(id).iter().any(|a| {
        matches!(
            a.name.local,
            local_name!("class")
                | local_name!("id")
                | local_name!("itemprop")
                | local_name!("name")
        ) && super::hints::contains_ignore_ascii_case(&a.value, word)
    })
}

/// How many nodes of an item's subtree the tests below look at: items are
/// small, and the scans stay linear on hostile pages.
const ITEM_NODES: usize = 400;

/// The text characters (not spaces) in the first [`ITEM_NODES`] nodes of a
/// subtree, and whether they hold a digit.
fn item_text(dom: &Dom, id: NodeId) -> (usize, bool) {
    let (mut chars, mut digit) = (0, false);
    for d in dom.descendants(id).take(ITEM_NODES) {
        if let NodeData::Text(t) = dom.data(d) {
            chars += dom.text_chars(d);
            digit |= t.bytes().any(|b| b.is_ascii_digit());
        }
    }
    (chars, digit)
}

/// Whether most of an item's text (in its first [`ITEM_NODES`] nodes)
/// lies inside links: a teaser that leads elsewhere, not a section of the
/// page's own text.
fn item_linked(dom: &Dom, id: NodeId, t: &HtmlTuning) -> bool {
    let (mut all, mut linked) = (0, 0);
    let mut link_end: Option<NodeId> = None;
    for d in dom.descendants(id).take(ITEM_NODES) {
        if link_end.is_some_and(|end| d == end) {
            link_end = None;
        }
        if link_end.is_none() && dom.tag(d) == Some(&local_name!("a")) {
            link_end = dom.skip_subtree(id, d).or(Some(usize::MAX));
        }
        if let NodeData::Text(_) = dom.data(d) {
            let n = dom.text_chars(d);
            all += n;
            if link_end.is_some() {
                linked += n;
            }
        }
    }
    all > 0 && linked * 100 >= all * t.type_linked_percent || item_headlinked(dom, id, t)
}

/// Whether an item's heading (in its first [`ITEM_NODES`] nodes) is a
/// title that links to another page: the item is a teaser of that page.
/// (A post's heading that links to its author's profile is a name, shorter
/// than a title.)
fn item_headlinked(dom: &Dom, id: NodeId, t: &HtmlTuning) -> bool {
    dom.descendants(id)
        .take(ITEM_NODES)
        .filter(|&d| dom.tag(d).and_then(heading_level).is_some())
        .any(|h| {
            dom.descendants(h).take(ITEM_NODES).any(|a| {
                dom.tag(a) == Some(&local_name!("a"))
                    && dom
                        .attr_named(a, &local_name!("href"))
                        .is_some_and(|u| !u.starts_with('#'))
                    && dom.text(a).split_whitespace().count() >= t.type_title_words
            })
        })
}

/// The characters of an item's paragraphs of prose (of
/// [`HtmlTuning::type_prose_chars`] or more, in its first [`ITEM_NODES`]
/// nodes): a section of an article is mostly prose; an entry's lines are
/// shorter.
fn item_prose(dom: &Dom, id: NodeId, t: &HtmlTuning) -> usize {
    dom.descendants(id)
        .take(ITEM_NODES)
        .filter(|&d| dom.tag(d) == Some(&local_name!("p")))
        .map(|d| dom.subtree_chars(d))
        .filter(|&c| c >= t.type_prose_chars)
        .sum()
}

/// Whether an item (its first [`ITEM_NODES`] nodes) has a section's
/// heading (`<h1>` to [`HtmlTuning::type_section_heading_level`]), as a
/// page's sections do.
fn item_headed(dom: &Dom, id: NodeId, t: &HtmlTuning) -> bool {
    dom.descendants(id).take(ITEM_NODES).any(|d| {
        dom.tag(d)
            .and_then(heading_level)
            .is_some_and(|l| usize::from(l) <= t.type_section_heading_level)
    })
}

/// Whether an item's subtree (its first [`ITEM_NODES`] nodes) has a `tag`.
fn item_has(dom: &Dom, id: NodeId, tag: &html5ever::LocalName) -> bool {
    dom.descendants(id)
        .take(ITEM_NODES)
        .any(|d| dom.tag(d) == Some(tag))
}

/// Whether an item (its first [`ITEM_NODES`] nodes) says when it was
/// written: a `<time>`, or a text of its own that is only a date or a time
/// ("May 11, 2024", "3 hours ago").
fn item_dated(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id)
        .take(ITEM_NODES)
        .any(|d| match dom.data(d) {
            NodeData::Text(t) => crate::classify::cues::timestamp(t.trim()),
            _ => dom.tag(d) == Some(&local_name!("time")),
        })
}

/// Whether an item's subtree (its first [`ITEM_NODES`] nodes) shows a
/// price: an element whose class, id or itemprop names one.
pub(super) fn item_priced(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id)
        .take(ITEM_NODES)
        .any(|d| dom.tag(d).is_some() && names(dom, d, "price"))
}

/// Prices and carts: one product has one or a few; a shop's category many.
fn commerce(prices: usize, carts: usize, t: &HtmlTuning, e: &mut Evidence) {
    if prices >= t.type_many_prices || carts >= t.type_many_prices {
        e.add(
            PageType::Collection,
            2,
            format!("{prices} prices, {carts} cart controls"),
        );
    } else if carts > 0 {
        e.add(PageType::Product, 2, "a cart control");
    } else if prices > 0 {
        e.add(PageType::Product, 1, "a price");
    }
}

/// Code: documentation holds a good share of its text in `<pre>`
/// (`code`: the blocks and their characters).
fn code(code: (usize, usize), all: usize, t: &HtmlTuning, e: &mut Evidence) {
    let (blocks, chars) = code;
    if blocks >= t.type_code_blocks && chars * 100 >= all * t.type_code_percent {
        e.add(
            PageType::Documentation,
            2,
            format!("{blocks} code blocks, {}% of the text", chars * 100 / all),
        );
    }
}

/// Sibling items of one shape (same tag and class) under `parent`.
fn item_groups(dom: &Dom, parent: NodeId) -> Vec<Vec<NodeId>> {
    type Key<'a> = (Option<&'a html5ever::LocalName>, Option<&'a str>);
    let mut groups: Vec<(Key, Vec<NodeId>)> = Vec::new();
    for child in dom.children(parent) {
        if !is_tag(dom.tag(child), ITEM_BOXES) {
            continue;
        }
        // (The class's first word names the kind of box; the words after it
        // are its variants: a thread's first post, a reply not yet read.)
        let key = (
            dom.tag(child),
            dom.attr_named(child, &local_name!("class"))
                .and_then(|c| c.split_ascii_whitespace().next()),
        );
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(child),
            None => groups.push((key, vec![child])),
        }
    }
    groups.into_iter().map(|(_, m)| m).collect()
}

/// Whether an item is a comment or a part of the page's furniture that
/// lists things (a sidebar's widgets, a menu, share buttons): its class or
/// id, or a wrapper's just inside it, says so. Such items are a thread's
/// posts or an article's comments, or nobody's entries; never a
/// collection's or a listing's. (Related stories and promotions may be a
/// listing's entries: they count.)
fn not_an_entry(dom: &Dom, item: NodeId) -> bool {
    const NOT_ENTRIES: [Furniture; 7] = [
        Furniture::Comments,
        Furniture::Sidebar,
        Furniture::Navigation,
        Furniture::ShareButtons,
        Furniture::Newsletter,
        Furniture::CookieBanner,
        Furniture::Footer,
    ];
    let says = |n: NodeId| {
        let h = super::furniture::hints(dom, n);
        NOT_ENTRIES.iter().any(|&f| h.names(f))
    };
    says(item)
        || dom
            .children(item)
            .any(|c| says(c) || dom.children(c).any(says))
}

/// What the largest run of sibling items of one shape shows: how many
/// items, and how many of them carry a `<time>`, say when in any way (a
/// `<time>` or a date in their text), are long or have images; and whether
/// most are comments or furniture ([`not_an_entry`]).
#[derive(Clone, Copy)]
struct Run {
    items: usize,
    timed: usize,
    dated: usize,
    long: usize,
    images: usize,
    linked: usize,
    not_entries: bool,
    /// The items' text characters, and those of it in prose paragraphs.
    text: usize,
    prose: usize,
    /// Items with a heading of a section (`<h1>` to `<h3>`).
    headed: usize,
}

/// The largest run of sibling items of one shape in the main column, each
/// with a link and some text of its own: posts when they are long and
/// dated, items otherwise (with images: a collection).
/// (`main_column`: the elements of the page's main column, outside
/// navigation, headers, footers, sidebars and small forms.)
fn repeated_items(dom: &Dom, main_column: &[NodeId], all: usize, t: &HtmlTuning, e: &mut Evidence) {
    let mut best: Option<Run> = None;
    let mut best_members = Vec::new();
    for &parent in main_column {
        // No group of its children can be larger than all its boxes: a
        // parent with too few is passed over before its groups are made.
        let boxes = dom
            .children(parent)
            .filter(|&c| is_tag(dom.tag(c), ITEM_BOXES))
            .count();
        if boxes < t.type_min_items || boxes <= best.map_or(0, |b| b.items) {
            continue;
        }
        for members in item_groups(dom, parent) {
            if members.len() < t.type_min_items || members.len() <= best.map_or(0, |b| b.items) {
                continue;
            }
            let texts: Vec<usize> = members.iter().map(|&m| item_text(dom, m).0).collect();
            let linked = members
                .iter()
                .filter(|&&m| item_has(dom, m, &local_name!("a")))
                .count();
            let worded = texts.iter().filter(|&&c| c >= t.type_item_chars).count();
            // (The items are most of the page: not a box of links beside prose.)
            let share = texts.iter().sum::<usize>() * 100 / all;
            if linked * 2 < members.len()
                || worded * 2 < members.len()
                || share < t.type_items_percent
            {
                continue;
            }
            let count =
                |test: &dyn Fn(NodeId) -> bool| members.iter().filter(|&&m| test(m)).count();
            best = Some(Run {
                items: members.len(),
                timed: count(&|m| item_has(dom, m, &local_name!("time"))),
                dated: count(&|m| item_dated(dom, m)),
                long: texts.iter().filter(|&&c| c >= t.type_post_chars).count(),
                images: count(&|m| item_has(dom, m, &local_name!("img"))),
                linked: count(&|m| item_linked(dom, m, t)),
                // Comments are a thread's posts or an article's comments,
                // never the entries of a collection or a listing.
                not_entries: count(&|m| not_an_entry(dom, m)) * 2 >= members.len(),
                text: texts.iter().sum(),
                prose: members.iter().map(|&m| item_prose(dom, m, t)).sum(),
                headed: count(&|m| item_headed(dom, m, t)),
            });
            best_members = members;
        }
    }
    let Some(run) = best else {
        return;
    };
    let half = |n: usize| n * 2 >= run.items;
    // A `<time>` on each item is markup made for posts. A date in the text
    // is printed under an article's comments too: items named comments that
    // say when only in their text are those.
    let dated = half(run.timed) || (half(run.dated) && !run.not_entries);
    // Items whose text is mostly links are teasers of other pages, however
    // long: never posts, never sections.
    let own = half(run.long) && !half(run.linked);
    // Dated posts beside an article's worth of prose outside them are the
    // article's comments: a thread's first post is one of its posts.
    if dated && own && prose_outside(dom, &best_members, t) < t.type_article_chars {
        e.add(PageType::Forum, 2, format!("{} dated posts", run.items));
    } else if (own && (run.prose * 2 >= run.text || half(run.headed))) || run.not_entries {
        // Long items of prose without dates: sections of an article, not
        // entries.
    } else if half(run.long) && prose_outside(dom, &best_members, t) >= t.type_article_chars {
        // An article's worth of prose beside long items (teasers, cards):
        // an article and its related stories.
    } else if half(run.images) {
        e.add(
            PageType::Collection,
            2,
            format!("{} items with images", run.items),
        );
    } else {
        e.add(PageType::Listing, 2, format!("{} items", run.items));
    }
}

/// The characters of the body's prose paragraphs (of
/// [`HtmlTuning::type_prose_chars`] or more) outside `members`.
fn prose_outside(dom: &Dom, members: &[NodeId], t: &HtmlTuning) -> usize {
    let body = dom.body();
    let (mut prose, mut next) = (0, dom.first_child(body));
    while let Some(id) = next {
        let p = dom.tag(id) == Some(&local_name!("p"));
        if p || members.contains(&id) {
            let chars = if p { dom.subtree_chars(id) } else { 0 };
            if chars >= t.type_prose_chars {
                prose += chars;
            }
            next = dom.skip_subtree(body, id);
        } else {
            next = dom.first_child(id).or_else(|| dom.skip_subtree(body, id));
        }
    }
    prose
}

/// Repeated items (`super::items`) outside the page's chrome that hold a
/// good share of the page's text, several times what its paragraphs hold:
/// the page lists things (a shop's grid, search results, an index of posts).
/// (`items`: the characters of the items outside the chrome; `prose`: of
/// the prose paragraphs; `all`: of the body.)
fn items_and_prose(items: usize, prose: usize, all: usize, t: &HtmlTuning, e: &mut Evidence) {
    if items * 100 >= all * t.type_item_text_percent && items > prose * t.item_prose_ratio {
        e.add(
            PageType::Listing,
            2,
            format!(
                "repeated items hold {}% of the text, prose {}%",
                items * 100 / all,
                prose * 100 / all
            ),
        );
    }
}

/// Whether a `<section>` has a heading of its own (`<h1>` to `<h3>`) among
/// its children or theirs.
fn headed_section(dom: &Dom, id: NodeId) -> bool {
    dom.children(id)
        .chain(dom.children(id).flat_map(|c| dom.children(c)))
        .any(|c| {
            const HEADINGS: &[LocalName] =
                &[local_name!("h1"), local_name!("h2"), local_name!("h3")];
            is_tag(dom.tag(c), HEADINGS)
        })
}

/// Sections with headings of their own (`headed`): a service page's layout.
fn sections(headed: usize, t: &HtmlTuning, e: &mut Evidence) {
    if headed >= t.type_min_sections {
        e.add(
            PageType::Service,
            2,
            format!("{headed} sections with headings"),
        );
    }
}

/// The URL's path: its words, and a date in it.
fn url_shape(url: &str, e: &mut Evidence) {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<String> = path.split('/').map(str::to_ascii_lowercase).collect();
    for s in &segments {
        if let Some(&(_, pt, points)) = URL_WORDS.iter().find(|(w, _, _)| w == s) {
            e.add(pt, points, format!("the URL's /{s}/"));
            return;
        }
    }
    let year = |s: &String| {
        s.len() == 4 && s.starts_with(['1', '2']) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if segments.iter().any(year) {
        e.add(PageType::Article, 1, "a year in the URL");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;
    use crate::page_type::decide;

    fn type_of(html: &str, url: Option<&str>) -> PageType {
        let t = HtmlTuning::default();
        decide(&evidence(&parse(html), url, &t), t.type_min_points)
    }

    const PROSE: &str = "The council met on Monday to talk about the budget for the coming year, and the members agreed on most of the points after a long debate that went on well into the evening.";

    #[test]
    fn structured_data_names_the_type() {
        let product = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Kettle"}</script><h1>Kettle</h1>"#;
        assert_eq!(type_of(product, None), PageType::Product);
        let thread = r#"<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><p>Hi</p></div>"#;
        assert_eq!(type_of(thread, None), PageType::Forum);
    }

    #[test]
    fn long_items_are_sections_when_they_read_as_sections() {
        // Parts of one article: mostly prose, each with a link.
        let part =
            format!("<div class=part><p>{PROSE}</p><p>{PROSE} <a href=/more>More</a></p></div>");
        let article = format!("<main><h1>Budget</h1>{}</main>", part.repeat(6));
        assert_ne!(type_of(&article, None), PageType::Listing);
        // A service page's sections: a heading each, short lines, a link.
        let line = "<div>Plans for teams of every size, billed monthly.</div>";
        let section = format!(
            "<div class=feature><h2>Feature</h2><img src=f.png>{}<a href=/buy>Start now</a></div>",
            line.repeat(5)
        );
        let service = format!("<main>{}</main>", section.repeat(6));
        assert_ne!(type_of(&service, None), PageType::Collection);
    }

    #[test]
    fn dated_posts_make_a_thread_and_short_items_a_listing() {
        let post = format!("<div class=post><a href=/u/jo>Jo</a> <time datetime=2024-03-05>March 5</time><p>{PROSE}</p><p>{PROSE}</p></div>");
        let thread = format!("<main>{}</main>", post.repeat(6));
        assert_eq!(type_of(&thread, None), PageType::Forum);
        let item = "<li class=job><a href=/jobs/1>Gardener wanted in the north of town</a> Full time, from the first of April, with a van</li>";
        let listing = format!("<main><h1>Jobs</h1><ul>{}</ul></main>", item.repeat(8));
        assert_eq!(type_of(&listing, None), PageType::Listing);
        // A menu's items are short: no listing.
        let menu = "<li class=m><a href=/a>Home</a></li>".repeat(12);
        let article = format!(
            "<ul>{menu}</ul><article><h1>Budget</h1><p>{PROSE}</p><p>{PROSE}</p></article>"
        );
        assert_eq!(type_of(&article, None), PageType::Article);
    }

    #[test]
    fn code_and_the_url_speak_too() {
        let code = "<pre>let total = values.iter().sum::<u32>();\nprintln!(\"{total}\");</pre>";
        let docs = format!("<main><p>Sum the values:</p>{code}<p>Then print.</p>{code}</main>");
        assert_eq!(type_of(&docs, None), PageType::Documentation);
        let page = format!("<p>{PROSE}</p>");
        // The path forum software gives a thread is enough alone; a path
        // word that other sites use too only adds to what the page shows.
        assert_eq!(
            type_of(&page, Some("https://example.org/forum/thread/12")),
            PageType::Forum
        );
        assert_eq!(
            type_of(&page, Some("https://example.org/topic/energy")),
            PageType::Article
        );
        let price = "<span class=price>$19.99</span><button class=add-to-cart>Add</button>";
        assert_eq!(
            type_of(
                &format!("{page}{price}"),
                Some("https://example.org/p/kettle")
            ),
            PageType::Product
        );
    }

    #[test]
    fn a_page_that_declares_no_date_or_author_is_of_no_known_type() {
        let t = HtmlTuning::default();
        let page = parse(&format!("<main><h2>Prices</h2><p>{PROSE}</p></main>"));
        let type_with = |meta: &Meta, url: Option<&str>| {
            let mut e = evidence(&page, url, &t);
            undeclared(&mut e, meta, t.type_min_points);
            decide(&e, t.type_min_points)
        };
        let mut meta = Meta::default();
        assert_eq!(type_with(&meta, None), PageType::Other);
        // An article's marks: a year in its address, a date, an author.
        let dated = Some("https://example.org/2024/03/budget");
        assert_eq!(type_with(&meta, dated), PageType::Article);
        meta.published = Some("2024-03-05".into());
        assert_eq!(type_with(&meta, None), PageType::Article);
        meta.published = None;
        meta.byline = Some("Jo Smith".into());
        assert_eq!(type_with(&meta, None), PageType::Article);
    }
}
