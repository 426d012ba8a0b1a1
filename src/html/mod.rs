//! The HTML side of the pipeline: prune what is never content, find the
//! article's container, turn the page into blocks, and let the shared
//! classifier decide block by block.

use html5ever::{local_name, LocalName};

use crate::blocks::{Block, BlockKind, Inline};
use crate::classify::Signals;
use crate::metadata::InBlocks;
use crate::options::{InputKind, Options};
use crate::page::Page;
use crate::tuning::HtmlTuning;
mod meta;
pub(crate) mod parse;
mod url;

use crate::lang;
use crate::reason::{Furniture, Reason};
use crate::util::count_non_space;
use parse::{Dom, NodeData, NodeId};
use url::resolve;

/// Why a subtree is not content, decided before scoring.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Prune {
    /// Rendered as nothing (scripts, styles, templates): no blocks at all.
    Invisible,
    /// Visible page furniture: its blocks are reported as dropped.
    Furniture(Furniture),
}

fn is_tag(tag: Option<&LocalName>, names: &[LocalName]) -> bool {
    tag.is_some_and(|t| names.contains(t))
}

/// Tokens of class and id that mark page furniture, with the reason in words;
/// a trailing `*` matches any token that begins with the word.
const FURNITURE: &[(Furniture, &[&str])] = &[
    (
        Furniture::Comments,
        &[
            "comment",
            "comments",
            "commentlist",
            "respond",
            "reply",
            "replies",
        ],
    ),
    (
        Furniture::CookieBanner,
        &["cookie*", "cookies", "consent", "gdpr"],
    ),
    (
        Furniture::ShareButtons,
        &[
            "share",
            "sharing",
            "shares",
            "social*",
            "socials",
            "sharebar",
            "byline-social",
        ],
    ),
    (
        Furniture::Related,
        &[
            "related*",
            "recommended",
            "recommendations",
            "recirc",
            "teaser",
            "teasers",
            "more-stories",
            "outbrain*",
            "taboola*",
        ],
    ),
    (
        Furniture::Newsletter,
        &[
            "newsletter*",
            "subscribe",
            "subscription",
            "signup",
            "login",
            "paywall",
        ],
    ),
    (
        Furniture::Advertisement,
        &[
            "advert*",
            "advertisement",
            "ad",
            "ads",
            "adslot",
            "sponsor",
            "sponsored",
            "promo",
            "promotion",
            "banner",
        ],
    ),
    (
        Furniture::Navigation,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "breadcrumb*",
            "breadcrumbs",
            "pagination",
            "pager",
            "skip",
        ],
    ),
    (Furniture::Sidebar, &["sidebar*", "widget", "toolbar"]),
    (Furniture::Footer, &["footer*"]),
    (
        Furniture::Other,
        &[
            "popup",
            "modal",
            "masthead",
            "tags",
            "tagcloud",
            "author-bio",
            "bio",
            "hidden",
            "print",
            "rss",
        ],
    ),
];
/// Whether `title` (normalised) is `heading` (normalised) with a few words
/// of the site's name before or after it.
fn title_framing(title: &str, heading: &str) -> bool {
    let words = |s: &str| s.split(' ').filter(|w| !w.is_empty()).count();
    if words(heading) < 3 || heading.len() >= title.len() {
        return false;
    }
    let rest = if let Some(r) = title.strip_prefix(heading) {
        r
    } else if let Some(r) = title.strip_suffix(heading) {
        r
    } else {
        return false;
    };
    // The heading must end (or begin) on a word boundary of the title.
    (rest.starts_with(' ') || rest.ends_with(' ')) && words(rest) <= 4
}

/// Tokens of class and id that mark the article.
const POSITIVE: &[&str] = &[
    "article",
    "articlebody",
    "article-body",
    "article-content",
    "articlecontent",
    "body",
    "content",
    "entry",
    "entry-content",
    "main",
    "post",
    "post-content",
    "post-body",
    "postbody",
    "story",
    "story-body",
    "storybody",
    "text",
    "blog",
    "page-content",
    "prose",
    "markdown",
];

/// What an element's class and id say: the groups of `FURNITURE` that one
/// of their tokens matches (bit `i` for `FURNITURE[i]`), and whether one
/// marks the article (`POSITIVE`).
///
/// The tokens are the whitespace-separated words in lower case and, for a
/// word with other characters than ASCII letters and digits, its runs of
/// letters and digits; they are compared in place, without copies.
#[derive(Clone, Copy, Default)]
struct Hints {
    furniture: u16,
    positive: bool,
}

/// `FURNITURE` and `POSITIVE` for look-ups: whole words sorted, with their
/// groups' bits and whether they mark the article; the stems of the words
/// ending in `*` with their group's bit.
struct HintTable {
    words: Vec<(&'static [u8], u16, bool)>,
    stems: Vec<(&'static [u8], u16)>,
}

fn hint_table() -> &'static HintTable {
    static TABLE: std::sync::OnceLock<HintTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: Vec<(&'static [u8], u16, bool)> = Vec::new();
        let mut stems = Vec::new();
        for (i, (_, list)) in FURNITURE.iter().enumerate() {
            for w in list.iter() {
                match w.strip_suffix('*') {
                    Some(stem) => stems.push((stem.as_bytes(), 1 << i)),
                    None => words.push((w.as_bytes(), 1 << i, false)),
                }
            }
        }
        words.extend(POSITIVE.iter().map(|w| (w.as_bytes(), 0, true)));
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        // One entry per word, with the bits of all its entries.
        let mut merged: Vec<(&'static [u8], u16, bool)> = Vec::with_capacity(words.len());
        for (w, f, p) in words {
            match merged.last_mut() {
                Some(last) if last.0 == w => {
                    last.1 |= f;
                    last.2 |= p;
                }
                _ => merged.push((w, f, p)),
            }
        }
        HintTable {
            words: merged,
            stems,
        }
    })
}

fn hints(dom: &Dom, id: NodeId) -> Hints {
    let mut h = Hints::default();
    for attr in [&local_name!("class"), &local_name!("id")] {
        if let Some(v) = dom.attr_named(id, attr) {
            for word in v.split_whitespace() {
                h.add(word);
                if word.bytes().any(|b| !b.is_ascii_alphanumeric()) {
                    for part in word.split(|c: char| !c.is_ascii_alphanumeric()) {
                        if !part.is_empty() {
                            h.add(part);
                        }
                    }
                }
            }
        }
    }
    h
}

impl Hints {
    /// Adds one token (compared as if in ASCII lower case).
    fn add(&mut self, token: &str) {
        let table = hint_table();
        let t = token.as_bytes();
        // Whole words: looked up in lower case (no word is longer than 32 bytes).
        let mut buf = [0u8; 32];
        if let Some(lower) = buf.get_mut(..t.len()) {
            lower.copy_from_slice(t);
            lower.make_ascii_lowercase();
            if let Ok(i) = table.words.binary_search_by(|(w, _, _)| w.cmp(&&*lower)) {
                let (_, furniture, positive) = table.words[i];
                self.furniture |= furniture;
                self.positive |= positive;
            }
        }
        // A word ending in `*` also matches the tokens it begins
        // ("related*": "relatedposts"), as class names are often run together.
        for &(stem, bit) in &table.stems {
            if t.get(..stem.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(stem))
            {
                self.furniture |= bit;
            }
        }
    }

    /// A reason in words for a class/id that marks furniture: the first
    /// group of `FURNITURE` that matches.
    fn furniture_reason(self) -> Option<Furniture> {
        (self.furniture != 0).then(|| FURNITURE[self.furniture.trailing_zeros() as usize].0)
    }

    /// Class/id weight in the spirit of Readability: furniture negative,
    /// article positive.
    fn weight(self) -> f32 {
        match (self.furniture != 0, self.positive) {
            (true, false) => -25.0,
            (false, true) => 25.0,
            _ => 0.0,
        }
    }
}

/// Whether a block sits in a card made clickable by an empty link laid over
/// it (a "stretched" link: `<div><h3>…</h3><p>…</p><a href=…></a></div>`):
/// its text is a link's text though no `<a>` holds it.
fn in_card(dom: &Dom, node: NodeId) -> bool {
    let mut n = Some(node);
    for _ in 0..3 {
        let Some(id) = n else { return false };
        // A card has few children: a parent of thousands is not one, and
        // scanning all of them for every block would be quadratic.
        let overlay = dom.children(id).take(64).any(|c| {
            dom.tag(c) == Some(&local_name!("a"))
                && dom.attr(c, "href").is_some_and(|h| !h.trim().is_empty())
                && dom.children(c).next().is_none()
        });
        // A card is small; an article may hold an empty icon link. (Counted
        // up to the limit only, for the same reason.)
        if overlay {
            let mut chars = 0usize;
            for d in dom.descendants(id) {
                if let NodeData::Text(t) = dom.data(d) {
                    chars += crate::util::count_non_space_max(t, 300);
                    if chars >= 300 {
                        return false;
                    }
                }
            }
            return true;
        }
        n = dom.parent(id);
    }
    false
}

/// An element the page marks as the article's body (schema.org microdata).
fn is_article_body(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "itemprop")
        .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
}

/// Whether `a` is `b` or one of its ancestors.
fn is_ancestor(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    let mut n = Some(b);
    while let Some(x) = n {
        if x == a {
            return true;
        }
        n = dom.parent(x);
    }
    false
}

/// An element whose class or id names it a caption (of a photo or gallery).
fn is_caption(dom: &Dom, id: NodeId) -> bool {
    [&local_name!("class"), &local_name!("id")].iter().any(|a| {
        dom.attr_named(id, a)
            .is_some_and(|v| contains_ignore_ascii_case(v, "caption"))
    })
}

/// Whether `needle` (ASCII, lower case) occurs in `hay` in any ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr_named(id, &local_name!("hidden")).is_some()
        || dom.attr_named(id, &local_name!("aria-hidden")) == Some("true")
    {
        return true;
    }
    // The class of CSS frameworks for `display: none`, as a word of its own
    // ("hidden", not "hidden-xs").
    if dom.attr_named(id, &local_name!("class")).is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("hidden"))
    }) {
        return true;
    }
    dom.attr_named(id, &local_name!("style")).is_some_and(|s| {
        squeezed_contains(s, "display:none") || squeezed_contains(s, "visibility:hidden")
    })
}

/// Whether `needle` (ASCII, lower case) occurs in `text` once its white
/// space is taken out, in any ASCII case; without a copy.
fn squeezed_contains(text: &str, needle: &str) -> bool {
    let mut at = text.chars().filter(|c| !c.is_whitespace());
    loop {
        let mut probe = at.clone();
        let mut all = true;
        for b in needle.chars() {
            match probe.next() {
                Some(c) if c.to_ascii_lowercase() == b => {}
                Some(_) => {
                    all = false;
                    break;
                }
                None => return false,
            }
        }
        if all {
            return true;
        }
        if at.next().is_none() {
            return false;
        }
    }
}

/// Whether an inline element is a card that pops up over running text (a
/// person's photo and links to their stories): it holds an image and several
/// links, none of them its own child (that is the text it hangs on), and no
/// block of text.
fn popup_card(dom: &Dom, id: NodeId) -> bool {
    let is = |n: NodeId, tag: &LocalName| dom.tag(n) == Some(tag);
    if dom.children(id).any(|c| is(c, &local_name!("a"))) {
        return false;
    }
    let (mut images, mut links) = (0, 0);
    for n in dom.descendants(id).take(64) {
        // Spans that wrap paragraphs or figures are not inline cards.
        if is_tag(dom.tag(n), BLOCK_TAGS) || is(n, &local_name!("figure")) {
            return false;
        }
        if is(n, &local_name!("img")) {
            images += 1;
        } else if is(n, &local_name!("a")) {
            links += 1;
        }
    }
    images > 0 && links >= 3
}

/// Decides whether an element's subtree is pruned, and why.
fn prune(dom: &Dom, id: NodeId, classy: bool, hidden: bool) -> Option<Prune> {
    let tag = dom.tag(id)?;
    if !dom.is_html(id) {
        // SVG and MathML content is not article text.
        return Some(Prune::Invisible);
    }
    let t = Some(tag);
    if is_tag(
        t,
        &[
            local_name!("script"),
            local_name!("style"),
            local_name!("template"),
            local_name!("noscript"),
            local_name!("head"),
            local_name!("title"),
            local_name!("meta"),
            local_name!("link"),
            local_name!("iframe"),
            local_name!("object"),
            local_name!("embed"),
            local_name!("canvas"),
            local_name!("select"),
            local_name!("option"),
            local_name!("datalist"),
            local_name!("dialog"),
        ],
    ) {
        return Some(Prune::Invisible);
    }
    if hidden {
        return Some(Prune::Furniture(Furniture::Hidden));
    }
    if is_tag(t, &[local_name!("nav")]) {
        return Some(Prune::Furniture(Furniture::Navigation));
    }
    // A pop-up card shows only on hover: the page as rendered does not have it.
    if is_tag(t, &[local_name!("span")]) && popup_card(dom, id) {
        return Some(Prune::Invisible);
    }
    if is_tag(
        t,
        &[
            local_name!("button"),
            local_name!("input"),
            local_name!("textarea"),
            local_name!("label"),
        ],
    ) {
        return Some(Prune::Furniture(Furniture::FormControl));
    }
    if is_tag(t, &[local_name!("aside")]) {
        return Some(Prune::Furniture(Furniture::Sidebar));
    }
    if is_tag(t, &[local_name!("footer")]) {
        return Some(Prune::Furniture(Furniture::Footer));
    }
    if let Some(role) = dom.attr_named(id, &local_name!("role")) {
        let is = |names: &[&str]| names.iter().any(|n| role.eq_ignore_ascii_case(n));
        if is(&["navigation", "menu", "menubar", "search"]) {
            return Some(Prune::Furniture(Furniture::Navigation));
        } else if is(&["banner"]) {
            return Some(Prune::Furniture(Furniture::SiteBanner));
        } else if is(&["contentinfo"]) {
            return Some(Prune::Furniture(Furniture::Footer));
        } else if is(&["complementary"]) {
            return Some(Prune::Furniture(Furniture::Sidebar));
        } else if is(&["dialog", "alertdialog"]) {
            return Some(Prune::Furniture(Furniture::Dialog));
        }
    }
    if classy
        && !is_tag(
            t,
            &[
                local_name!("body"),
                local_name!("html"),
                local_name!("article"),
                local_name!("main"),
            ],
        )
        && !is_article_body(dom, id)
    {
        let h = hints(dom, id);
        if h.weight() < 0.0 && !embedded_post(dom, id) {
            return h.furniture_reason().map(Prune::Furniture);
        }
    }
    None
}

/// Whether an element is an embedded post (a tweet, a social-network post):
/// a wrapper that calls itself an embed and holds the post as a quotation
/// (`<div class="social-embed"><blockquote>…`). It is part of the article,
/// whatever network its class names.
fn embedded_post(dom: &Dom, id: NodeId) -> bool {
    let quote = |n: NodeId| dom.tag(n) == Some(&local_name!("blockquote"));
    let embed = |w: &str| {
        let w = w.as_bytes();
        let at = |i: usize| {
            w.get(i..i + 5)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"embed"))
        };
        at(0) || w.len() >= 5 && at(w.len() - 5)
    };
    let named = dom
        .attr_named(id, &local_name!("class"))
        .is_some_and(|c| c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(embed));
    named && (quote(id) || dom.children(id).take(8).any(quote))
}

const BLOCK_TAGS: &[LocalName] = &[
    local_name!("p"),
    local_name!("div"),
    local_name!("section"),
    local_name!("article"),
    local_name!("main"),
    local_name!("header"),
    local_name!("footer"),
    local_name!("aside"),
    local_name!("nav"),
    local_name!("h1"),
    local_name!("h2"),
    local_name!("h3"),
    local_name!("h4"),
    local_name!("h5"),
    local_name!("h6"),
    local_name!("ul"),
    local_name!("ol"),
    local_name!("li"),
    local_name!("dl"),
    local_name!("dt"),
    local_name!("dd"),
    local_name!("blockquote"),
    local_name!("pre"),
    local_name!("table"),
    local_name!("tr"),
    local_name!("td"),
    local_name!("th"),
    local_name!("thead"),
    local_name!("tbody"),
    local_name!("tfoot"),
    local_name!("caption"),
    local_name!("figure"),
    local_name!("figcaption"),
    local_name!("form"),
    local_name!("fieldset"),
    local_name!("address"),
    local_name!("hr"),
    local_name!("details"),
    local_name!("summary"),
    local_name!("center"),
    local_name!("body"),
    local_name!("html"),
    local_name!("hgroup"),
    local_name!("legend"),
    local_name!("menu"),
];

fn heading_level(tag: &LocalName) -> Option<u8> {
    Some(match *tag {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => return None,
    })
}

/// Per-element statistics for scoring, from one bottom-up pass.
#[derive(Clone)]
struct Stats {
    chars: u32,
    link_chars: u32,
    /// NaN until the element is scored (12 bytes a node, not 16).
    score: f32,
}

impl Stats {
    const NEW: Stats = Stats {
        chars: 0,
        link_chars: 0,
        score: f32::NAN,
    };

    fn scored(&self) -> bool {
        !self.score.is_nan()
    }
}

/// The extractor's view of one page.
struct Extractor<'a> {
    dom: &'a Dom,
    /// Prune decision per node (None = keep).
    pruned: Vec<Option<Prune>>,
    /// Visible characters (not white space) below each node of the body;
    /// a text node's own (saturating at `u32::MAX`).
    chars: Vec<u32>,
    /// `CAPTION`, `BLOCK` and `HIDDEN` per node, read once from its markup.
    flags: Vec<u8>,
    base: Option<&'a str>,
}

/// An element whose class or id names it a caption.
const CAPTION: u8 = 1;
/// An element that starts a block: a block tag or a caption.
const BLOCK: u8 = 2;
/// An element hidden on the page (attributes or inline style).
const HIDDEN: u8 = 4;

/// A count in the per-node tables (four bytes a node, not eight).
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The flags of every node (see `CAPTION`).
fn node_flags(dom: &Dom) -> Vec<u8> {
    (0..dom.len())
        .map(|id| {
            let Some(tag) = dom.tag(id) else {
                return 0;
            };
            let mut f = 0;
            if !dom.attrs(id).is_empty() {
                if is_caption(dom, id) {
                    f |= CAPTION | BLOCK;
                }
                if hidden(dom, id) {
                    f |= HIDDEN;
                }
            }
            if BLOCK_TAGS.contains(tag) {
                f |= BLOCK;
            }
            f
        })
        .collect()
}

impl<'a> Extractor<'a> {
    fn new(dom: &'a Dom, base: Option<&'a str>, classy: bool) -> Extractor<'a> {
        let flags = node_flags(dom);
        let hidden = |id: NodeId| flags[id] & HIDDEN != 0;
        let mut pruned = vec![None; dom.len()];
        let body = dom.body();
        // Visible text below each node, to keep class hints from pruning the
        // bulk of the page.
        let mut chars = vec![0u32; dom.len()];
        // Whether the subtree holds an `<article>`, `<main>` or articleBody:
        // class hints never prune those.
        let mut semantic = vec![false; dom.len()];
        let mut links = vec![0u32; dom.len()];
        for id in dom.subtree_rev(body) {
            if let NodeData::Text(t) = dom.data(id) {
                chars[id] = saturate(count_non_space(t));
            } else if is_tag(
                dom.tag(id),
                &[
                    local_name!("script"),
                    local_name!("style"),
                    local_name!("noscript"),
                    local_name!("template"),
                ],
            ) || hidden(id)
            {
                chars[id] = 0;
            }
            // Semantic article containers with real text, counted by the
            // characters they hold (kept apart from the ones they sit in).
            if chars[id] as usize >= 400
                && (is_tag(dom.tag(id), &[local_name!("article"), local_name!("main")])
                    || is_article_body(dom, id))
            {
                semantic[id] = true;
            }
            if dom.tag(id) == Some(&local_name!("a")) {
                links[id] = chars[id];
            }
            if id != body {
                if let Some(p) = dom.parent(id) {
                    chars[p] = chars[p].saturating_add(chars[id]);
                    links[p] = links[p].saturating_add(links[id]);
                    semantic[p] |= semantic[id];
                }
            }
        }
        let total = (chars[body] as usize).max(1);
        // Walk in document order; a pruned element's subtree inherits its mark.
        // Per parent: the reason and rank of a furniture heading among its
        // children, which marks the siblings that follow it.
        let mut section: Vec<Option<(Furniture, u8)>> = vec![None; dom.len()];
        for id in dom.descendants(body) {
            let parent = dom.parent(id);
            let parent_mark = parent.and_then(|p| pruned[p]);
            let mark = match parent_mark {
                Some(Prune::Invisible) => Some(Prune::Invisible),
                Some(m) => Some(prune(dom, id, false, hidden(id)).unwrap_or(m)),
                None => {
                    let classy = classy && (chars[id] as usize) * 10 < total * 4 && !semantic[id];
                    match prune(dom, id, classy, hidden(id)) {
                        // Share bars, menus, ads and sign-up boxes are short
                        // or all links: a class word on a subtree of plain
                        // prose (a section id made from its heading) is not one.
                        Some(Prune::Furniture(why))
                            if classy
                                && chars[id] as usize >= 500
                                && (links[id] as usize) * 4 < chars[id] as usize
                                && !why.holds_prose()
                                && prune(dom, id, false, hidden(id)).is_none() =>
                        {
                            None
                        }
                        m => m,
                    }
                }
            };
            // A heading marked as related stories or comments heads the
            // siblings after it, up to the next heading of its rank or above
            // (`<h3 class="related-title">` and the cards that follow it).
            let rank = dom.tag(id).and_then(heading_level);
            let mark = match (parent, mark, rank) {
                (Some(p), None, _) if parent_mark.is_none() => match section[p] {
                    Some((_, top)) if rank.is_some_and(|r| r <= top) => {
                        section[p] = None;
                        None
                    }
                    Some((why, _)) => Some(Prune::Furniture(why)),
                    None => None,
                },
                (Some(p), Some(Prune::Furniture(why)), Some(r))
                    if parent_mark.is_none() && why.heads_section() =>
                {
                    section[p] = Some((why, r));
                    mark
                }
                _ => mark,
            };
            pruned[id] = mark;
        }
        Extractor {
            dom,
            pruned,
            chars,
            flags,
            base,
        }
    }

    /// Scores candidate containers; returns the set of nodes forming the article.
    fn content_roots(&self, blocks: &[Block], infos: &[Info]) -> Vec<NodeId> {
        let dom = self.dom;
        let body = dom.body();
        let mut stats = vec![Stats::NEW; dom.len()];
        // Bottom-up: text and link characters.
        let pruned = |id: NodeId| self.pruned[id].is_some();
        for id in dom.subtree_rev(body) {
            if pruned(id) {
                continue;
            }
            let (chars, links) = match dom.data(id) {
                NodeData::Text(_) => (self.chars[id], 0),
                _ => (stats[id].chars, stats[id].link_chars),
            };
            let links = if dom.tag(id) == Some(&local_name!("a")) {
                chars
            } else {
                links
            };
            stats[id].chars = chars;
            stats[id].link_chars = links;
            if let Some(p) = dom.parent(id) {
                stats[p].chars = stats[p].chars.saturating_add(chars);
                stats[p].link_chars = stats[p].link_chars.saturating_add(links);
            }
        }
        // Every text block scores its container and, decaying, the ancestors.
        for (block, info) in blocks.iter().zip(infos) {
            if self.pruned[info.node].is_some() {
                continue;
            }
            let text_len = block.text.chars().count();
            if text_len < 25 || block.kind == BlockKind::Heading {
                continue;
            }
            let commas = block
                .text
                .chars()
                .filter(|c| matches!(c, ',' | '،' | '、' | '，'))
                .count();
            let density = info.link_chars as f32 / text_len.max(1) as f32;
            if density > 0.6 {
                continue;
            }
            let score = 1.0 + commas as f32 + (text_len as f32 / 100.0).min(3.0);
            // A paragraph element passes its score up; loose text scores its own container.
            let start = if is_tag(
                dom.tag(info.node),
                &[
                    local_name!("p"),
                    local_name!("li"),
                    local_name!("dd"),
                    local_name!("dt"),
                    local_name!("blockquote"),
                    local_name!("pre"),
                    local_name!("figcaption"),
                ],
            ) {
                dom.parent(info.node)
            } else {
                Some(info.node)
            };
            let mut anc = start;
            let mut level = 0;
            while let Some(a) = anc {
                if level >= 5 || dom.tag(a).is_none() {
                    break;
                }
                if !stats[a].scored() {
                    stats[a].score = 0.0 + self.initial_score(a);
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                stats[a].score += score / div;
                anc = dom.parent(a);
                level += 1;
            }
        }
        // The five best candidates, best first; and, in the same walk, the
        // page's own markup of the article body (schema.org `articleBody`).
        let mut candidates: Vec<(NodeId, f32)> = Vec::with_capacity(6);
        let mut marked = None;
        let mut next = Some(body);
        while let Some(id) = next {
            if pruned(id) {
                next = dom.skip_subtree(body, id);
                continue;
            }
            next = dom.first_child(id).or_else(|| dom.skip_subtree(body, id));
            if marked.is_none()
                && (stats[id].chars as usize) >= 400
                && (stats[id].link_chars as usize) * 3 < (stats[id].chars as usize)
                && is_article_body(dom, id)
            {
                marked = Some(id);
            }
            if !stats[id].scored() {
                continue;
            }
            let density =
                (stats[id].link_chars as usize) as f32 / (stats[id].chars as usize).max(1) as f32;
            let s = stats[id].score * (1.0 - density);
            let at = candidates.partition_point(|&(_, b)| b >= s);
            if at < 5 {
                candidates.insert(at, (id, s));
                candidates.truncate(5);
            }
        }
        let Some(&(top, top_score)) = candidates.first() else {
            return vec![body];
        };
        // An article split into parts (steps, sections) gives several close
        // candidates: their nearest common container is the article.
        let close: Vec<NodeId> = candidates[1..]
            .iter()
            .filter(|&&(_, s)| s >= top_score * 0.75)
            .map(|&(id, _)| id)
            .collect();
        let top = if close.len() >= 3 {
            let mut a = dom.parent(top);
            let mut found = top;
            while let Some(p) = a {
                if p == body || dom.tag(p).is_none() {
                    break;
                }
                if close.iter().filter(|&&c| is_ancestor(dom, p, c)).count() >= 3 {
                    found = p;
                    break;
                }
                a = dom.parent(p);
            }
            found
        } else {
            top
        };
        // The page's own markup of the article body wins over a container
        // elsewhere or inside it that only scored higher.
        let top = match marked {
            Some(m) if !is_ancestor(dom, top, m) => m,
            _ => top,
        };
        // Climb while the parent holds clearly more article text of the same kind.
        let mut top = top;
        while let Some(p) = dom.parent(top) {
            if p == body || dom.tag(p).is_none() || self.pruned[p].is_some() {
                break;
            }
            let ps = stats[p].score
                * (1.0
                    - (stats[p].link_chars as usize) as f32
                        / (stats[p].chars as usize).max(1) as f32);
            if stats[p].scored()
                && ps >= top_score * 0.9
                && (stats[p].chars as usize) < (stats[top].chars as usize) * 3
            {
                top = p;
            } else {
                break;
            }
        }
        // A semantic container just above the winner is the article itself.
        let mut a = dom.parent(top);
        let mut hops = 0;
        while let Some(p) = a {
            if hops > 3 || p == body {
                break;
            }
            let is_article = is_tag(dom.tag(p), &[local_name!("article"), local_name!("main")])
                || is_article_body(dom, p);
            if is_article
                && self.pruned[p].is_none()
                && (stats[p].chars as usize) <= (stats[top].chars as usize) * 2
            {
                top = p;
                break;
            }
            a = dom.parent(p);
            hops += 1;
        }
        // Siblings that read like the article join it.
        let mut roots = vec![];
        let threshold = (top_score * 0.2).max(10.0);
        if let Some(parent) = dom.parent(top) {
            for sib in dom.children(parent) {
                if sib == top {
                    roots.push(sib);
                    continue;
                }
                if self.pruned[sib].is_some() || dom.tag(sib).is_none() {
                    continue;
                }
                let density = (stats[sib].link_chars as usize) as f32
                    / (stats[sib].chars as usize).max(1) as f32;
                let s = stats[sib].score * (1.0 - density);
                let prose_p = dom.tag(sib) == Some(&local_name!("p"))
                    && (stats[sib].chars as usize) > 80
                    && density < 0.25;
                if (stats[sib].scored() && s >= threshold && hints(dom, sib).weight() >= 0.0)
                    || prose_p
                {
                    roots.push(sib);
                }
            }
        } else {
            roots.push(top);
        }
        roots
    }

    fn initial_score(&self, id: NodeId) -> f32 {
        let tag = self.dom.tag(id);
        let by_tag = if is_tag(
            tag,
            &[
                local_name!("div"),
                local_name!("article"),
                local_name!("section"),
                local_name!("main"),
            ],
        ) {
            5.0
        } else if is_tag(
            tag,
            &[
                local_name!("pre"),
                local_name!("td"),
                local_name!("blockquote"),
            ],
        ) {
            3.0
        } else if is_tag(
            tag,
            &[
                local_name!("address"),
                local_name!("ol"),
                local_name!("ul"),
                local_name!("dl"),
                local_name!("dd"),
                local_name!("dt"),
                local_name!("li"),
                local_name!("form"),
            ],
        ) {
            -3.0
        } else if is_tag(
            tag,
            &[
                local_name!("h1"),
                local_name!("h2"),
                local_name!("h3"),
                local_name!("h4"),
                local_name!("h5"),
                local_name!("h6"),
                local_name!("th"),
            ],
        ) {
            -5.0
        } else {
            0.0
        };
        let semantic = if is_article_body(self.dom, id) {
            40.0
        } else if is_tag(tag, &[local_name!("article")]) {
            10.0
        } else {
            0.0
        };
        by_tag + semantic + hints(self.dom, id).weight()
    }
}

/// Where a block came from, for scoring and signals.
struct Info {
    /// The block-level element that holds the block.
    node: NodeId,
    link_chars: usize,
    prune: Option<Prune>,
}

/// Per-block context collected while walking.
struct Ctx {
    node: NodeId,
    prune: Option<Prune>,
    kind: BlockKind,
    level: u8,
    ordered: bool,
}

/// Inline elements still open at the end of a block that are opened again
/// for the next block (the innermost ones).
const MAX_REOPEN: usize = 8;

/// How many ancestors decide a block's kind (heading, list item, quote…).
const MAX_CONTEXT_DEPTH: usize = 64;

/// Builds blocks from the page in document order.
struct Builder<'a> {
    ex: &'a Extractor<'a>,
    blocks: Vec<Block>,
    infos: Vec<Info>,
    /// Stack of inline frames: (wrapper, children).
    frames: Vec<(Frame, Vec<Inline>)>,
    link_chars: usize,
    ctx: Option<Ctx>,
    pre: usize,
    /// Text set aside while inline furniture inside it is read as a block of
    /// its own: (the furniture element, frames, link characters, context).
    aside: Vec<Aside>,
}

/// Text set aside: (the hidden element, frames, link characters, context).
type Aside = (NodeId, Vec<(Frame, Vec<Inline>)>, usize, Option<Ctx>);

#[derive(Clone)]
enum Frame {
    Root,
    Link(String),
    Emphasis,
    Strong,
    Code,
}

impl<'a> Builder<'a> {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        // An anchor that goes nowhere (no href, `javascript:`) is not navigation.
        let in_link = self.frames.iter().any(|(f, _)| {
            matches!(f, Frame::Link(href) if !href.is_empty()
                && !href.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("javascript:")))
        });
        let collapsed: String = if self.pre > 0 {
            text.to_string()
        } else {
            let mut s = String::with_capacity(text.len());
            let mut space = false;
            for c in text.chars() {
                if c.is_whitespace() {
                    space = true;
                } else {
                    if space {
                        s.push(' ');
                    }
                    space = false;
                    s.push(c);
                }
            }
            if space {
                s.push(' ');
            }
            s
        };
        if in_link {
            self.link_chars += count_non_space(&collapsed);
        }
        if let Some((_, children)) = self.frames.last_mut() {
            if let Some(Inline::Text(t)) = children.last_mut() {
                t.push_str(&collapsed);
            } else {
                children.push(Inline::Text(collapsed));
            }
        }
    }

    /// Ends the current block (if it has text) and starts a new one.
    /// Inline elements still open (a link around several blocks) are closed
    /// here and opened again for the next block, so their text stays link text.
    fn flush(&mut self) {
        // At most the innermost few: markup that leaves hundreds of inline
        // elements open would otherwise wrap every later block in all of them.
        let skip = self.frames.len().saturating_sub(MAX_REOPEN).max(1);
        let open: Vec<Frame> = self
            .frames
            .iter()
            .skip(skip)
            .map(|(f, _)| f.clone())
            .collect();
        while self.frames.len() > 1 {
            self.close_frame();
        }
        self.frames
            .extend(open.into_iter().map(|f| (f, Vec::new())));
        let Some(root) = self.frames.first_mut() else {
            return;
        };
        let inlines = std::mem::take(&mut root.1);
        let link_chars = std::mem::take(&mut self.link_chars);
        let Some(ctx) = &self.ctx else { return };
        let inlines = trim_inlines(inlines);
        let text = if ctx.kind == BlockKind::Code {
            plain(&inlines).trim_matches('\n').to_string()
        } else {
            plain(&inlines).trim().to_string()
        };
        if text.is_empty() {
            return;
        }
        let mut b = Block::new(ctx.kind, text);
        b.level = ctx.level;
        b.ordered = ctx.ordered;
        if inlines.iter().any(|i| !matches!(i, Inline::Text(_))) {
            b.inlines = inlines;
        }
        self.push_block(b, (ctx.node, ctx.prune), link_chars);
    }

    /// Adds a finished block with where it came from.
    fn push_block(&mut self, block: Block, ctx: (NodeId, Option<Prune>), link_chars: usize) {
        self.infos.push(Info {
            node: ctx.0,
            link_chars,
            prune: ctx.1,
        });
        self.blocks.push(block);
    }

    fn close_frame(&mut self) {
        let Some((frame, children)) = self.frames.pop() else {
            return;
        };
        let inline = match frame {
            Frame::Root => {
                self.frames.push((Frame::Root, children));
                return;
            }
            _ if children.is_empty() => return,
            Frame::Link(href) => Inline::Link { href, children },
            Frame::Emphasis => Inline::Emphasis(children),
            Frame::Strong => Inline::Strong(children),
            Frame::Code => Inline::Code(plain(&children)),
        };
        if let Some((_, parent)) = self.frames.last_mut() {
            parent.push(inline);
        }
    }

    fn context_for(&self, id: NodeId) -> Ctx {
        let dom = self.ex.dom;
        let mut kind = BlockKind::Paragraph;
        let mut level = 0u8;
        let mut ordered = false;
        let mut list_depth = 0u8;
        let mut found_kind = false;
        let mut a = Some(id);
        let mut depth = 0usize;
        while let Some(n) = a {
            depth += 1;
            // A bounded walk: the block kind comes from a near ancestor, and
            // a walk to the root for every block is quadratic in deep markup.
            if depth > MAX_CONTEXT_DEPTH {
                break;
            }
            if let Some(tag) = dom.tag(n) {
                if !found_kind {
                    if let Some(l) = heading_level(tag) {
                        kind = BlockKind::Heading;
                        level = l;
                        found_kind = true;
                    } else if *tag == local_name!("li") {
                        kind = BlockKind::ListItem;
                        ordered = dom
                            .parent(n)
                            .is_some_and(|p| dom.tag(p) == Some(&local_name!("ol")));
                        found_kind = true;
                    } else if *tag == local_name!("pre") {
                        kind = BlockKind::Code;
                        found_kind = true;
                    } else if *tag == local_name!("blockquote") {
                        kind = BlockKind::Quote;
                        found_kind = true;
                    } else if *tag == local_name!("figcaption")
                        || (depth < 3 && self.ex.flags[n] & CAPTION != 0)
                    {
                        kind = BlockKind::Figure;
                        found_kind = true;
                    }
                } else if kind == BlockKind::ListItem {
                    if *tag == local_name!("li") {
                        list_depth = list_depth.saturating_add(1);
                    }
                } else {
                    // The kind is known, and only a list item looks further.
                    break;
                }
            }
            a = dom.parent(n);
        }
        if kind == BlockKind::ListItem {
            level = list_depth.min(8);
        }
        Ctx {
            node: id,
            prune: self.ex.pruned[id],
            kind,
            level,
            ordered,
        }
    }

    fn start_block(&mut self, id: NodeId) {
        self.flush();
        self.ctx = Some(self.context_for(id));
    }

    fn image_block(&mut self, img: NodeId, caption: Option<NodeId>, ctx_node: NodeId) {
        let dom = self.ex.dom;
        let src = image_src(dom, img);
        let Some(src) = src.map(|s| resolve(self.ex.base, &s)) else {
            return;
        };
        let alt = dom.attr(img, "alt").unwrap_or("").trim().to_string();
        self.flush();
        let caption_text = caption
            .map(|c| crate::util::norm_space(&dom.text(c)))
            .unwrap_or_default();
        let mut b = Block::new(BlockKind::Figure, caption_text);
        b.image = Some(Box::new((src, alt)));
        let ctx = self.context_for(ctx_node);
        self.push_block(b, (ctx.node, ctx.prune), 0);
    }

    /// Walks the body in document order, iteratively, without a stack: by
    /// the tree's own links.
    fn walk(&mut self, root: NodeId) {
        let dom = self.ex.dom;
        self.frames.push((Frame::Root, Vec::new()));
        self.ctx = Some(self.context_for(root));
        let mut id = root;
        'walk: loop {
            if self.enter(id) {
                if let Some(c) = dom.first_child(id) {
                    id = c;
                    continue;
                }
                self.leave(id, dom.tag(id));
            }
            // On to the next sibling, leaving the elements whose last child
            // this was.
            loop {
                if id == root {
                    break 'walk;
                }
                if let Some(n) = dom.next_sibling(id) {
                    id = n;
                    continue 'walk;
                }
                let Some(p) = dom.parent(id) else {
                    break 'walk;
                };
                id = p;
                self.leave(id, dom.tag(id));
            }
        }
        self.flush();
    }

    /// Takes in a node on the way down; true when its children are walked
    /// (and it is left after them).
    fn enter(&mut self, id: NodeId) -> bool {
        let dom = self.ex.dom;
        let tag = dom.tag(id);
        match dom.data(id) {
            NodeData::Text(t) => {
                if self.ex.pruned[id] != Some(Prune::Invisible) {
                    self.push_text(t);
                }
                return false;
            }
            NodeData::Element => {}
            _ => return false,
        }
        if self.ex.pruned[id] == Some(Prune::Invisible) {
            return false;
        }
        let Some(tag) = tag else { return false };
        // (Elements read in one go, such as images, figures and tables, are
        // never left: they are not set aside.)
        if self.splits(id)
            && self.ex.flags[id] & BLOCK == 0
            && !matches!(
                *tag,
                local_name!("img")
                    | local_name!("br")
                    | local_name!("figure")
                    | local_name!("table")
            )
        {
            // Set the surrounding text aside while the hidden element is read
            // into a block of its own; the text goes on after it.
            let frames = std::mem::replace(&mut self.frames, vec![(Frame::Root, Vec::new())]);
            let link_chars = std::mem::take(&mut self.link_chars);
            let ctx = self.ctx.replace(self.context_for(id));
            self.aside.push((id, frames, link_chars, ctx));
        }
        match *tag {
            local_name!("br") => {
                // Two line breaks in a row end a paragraph, as in a browser's rendering.
                let double = self.frames.len() == 1
                    && self.frames.last().is_some_and(|(_, c)| {
                        matches!(c.last(), Some(Inline::Break))
                            || matches!(c.as_slice(), [.., Inline::Break, Inline::Text(t)] if t.trim().is_empty())
                    });
                if double {
                    let ctx = self.ctx.take();
                    if let Some(c) = &ctx {
                        let node = c.node;
                        self.ctx = ctx;
                        self.flush();
                        self.ctx = Some(self.context_for(node));
                    }
                } else if let Some((_, c)) = self.frames.last_mut() {
                    c.push(Inline::Break);
                }
                return false;
            }
            local_name!("img") => {
                // An image on its own line becomes a figure; inside text it is skipped.
                if !self.frames.iter().any(|(_, c)| has_text(c)) {
                    self.image_block(id, None, id);
                    self.ctx = Some(self.context_for(id));
                }
                return false;
            }
            local_name!("figure") => {
                if let Some(img) = dom.find(id, &local_name!("img")) {
                    let caption = dom.find(id, &local_name!("figcaption"));
                    self.image_block(img, caption, id);
                    self.ctx = Some(self.context_for(id));
                    return false;
                }
            }
            local_name!("table") if is_data_table(dom, id) => {
                self.table_block(id);
                return false;
            }
            local_name!("a") => {
                let href = dom
                    .attr(id, "href")
                    .map(|h| resolve(self.ex.base, h.trim()))
                    .unwrap_or_default();
                self.frames.push((Frame::Link(href), Vec::new()));
            }
            local_name!("em") | local_name!("i") | local_name!("cite") => {
                self.frames.push((Frame::Emphasis, Vec::new()))
            }
            local_name!("strong") | local_name!("b") => {
                self.frames.push((Frame::Strong, Vec::new()))
            }
            local_name!("code") | local_name!("kbd") | local_name!("samp") if self.pre == 0 => {
                self.frames.push((Frame::Code, Vec::new()))
            }
            _ => {}
        }
        if *tag == local_name!("pre") {
            self.start_block(id);
            self.pre += 1;
        } else if self.ex.flags[id] & BLOCK != 0 {
            self.start_block(id);
        }
        true
    }

    fn leave(&mut self, id: NodeId, tag: Option<&LocalName>) {
        let Some(tag) = tag else { return };
        match *tag {
            local_name!("a")
            | local_name!("em")
            | local_name!("i")
            | local_name!("cite")
            | local_name!("strong")
            | local_name!("b") => self.close_frame(),
            local_name!("code") | local_name!("kbd") | local_name!("samp") if self.pre == 0 => {
                self.close_frame()
            }
            local_name!("pre") => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
                self.reset_ctx(id);
            }
            _ if self.ex.flags[id] & BLOCK != 0 => {
                self.flush();
                self.reset_ctx(id);
            }
            _ => {}
        }
        if self.aside.last().is_some_and(|(n, ..)| *n == id) {
            self.flush();
            if let Some((_, frames, link_chars, ctx)) = self.aside.pop() {
                self.frames = frames;
                self.link_chars = link_chars;
                self.ctx = ctx;
            }
        }
    }

    /// Whether an inline element is hidden inside text that is not (a hidden
    /// span in a paragraph): it is read as a block of its own, dropped with
    /// its reason, and the paragraph goes on around it. (Inline elements
    /// that are furniture by their class alone stay in the text: links in
    /// prose often carry such classes.)
    fn splits(&self, id: NodeId) -> bool {
        let pruned = &self.ex.pruned;
        pruned[id] == Some(Prune::Furniture(Furniture::Hidden))
            && self
                .ex
                .dom
                .parent(id)
                .is_some_and(|p| pruned[p] != pruned[id])
    }

    /// After a block element closes, text that follows belongs to its parent.
    fn reset_ctx(&mut self, id: NodeId) {
        if let Some(p) = self.ex.dom.parent(id) {
            self.ctx = Some(self.context_for(p));
        }
    }

    fn table_block(&mut self, table: NodeId) {
        let dom = self.ex.dom;
        self.flush();
        // The cells' text, apart by tabs, rows by newlines (rows without
        // cells left out): what the renderers read the cells from.
        let mut text = String::new();
        let mut scratch = String::new();
        let mut rows = 0usize;
        let mut link_chars = 0usize;
        for tr in dom
            .descendants(table)
            .filter(|&n| dom.tag(n) == Some(&local_name!("tr")))
        {
            let mut cells = 0usize;
            for cell in dom
                .children(tr)
                .filter(|&c| is_tag(dom.tag(c), &[local_name!("td"), local_name!("th")]))
            {
                text.push_str(match (cells, rows) {
                    (0, 0) => "",
                    (0, _) => "\n",
                    _ => "\t",
                });
                cells += 1;
                scratch.clear();
                dom.push_text(cell, &mut scratch);
                for (i, w) in scratch.split_whitespace().enumerate() {
                    if i > 0 {
                        text.push(' ');
                    }
                    text.push_str(w);
                }
                link_chars += dom
                    .descendants(cell)
                    .filter(|&n| dom.tag(n) == Some(&local_name!("a")))
                    .map(|n| count_non_space(&dom.text(n)))
                    .sum::<usize>();
            }
            rows += usize::from(cells > 0);
        }
        if text.trim().is_empty() {
            return;
        }
        // The text grew by doubling: what is left over is given back (a
        // long table's text is held until the page is rendered).
        text.shrink_to_fit();
        let ctx = self.context_for(table);
        let mut b = Block::new(BlockKind::Table, text);
        b.cells = true;
        self.push_block(b, (ctx.node, ctx.prune), link_chars);
        self.ctx = Some(ctx);
    }
}

/// A table of data (cells of text), not a table used for layout.
fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    let mut rows = 0;
    let mut max_cols = 0;
    let mut has_th = false;
    for n in dom.descendants(table) {
        match dom.tag(n) {
            Some(&local_name!("table")) => return false,
            Some(&local_name!("tr")) => {
                rows += 1;
                let cols = dom
                    .children(n)
                    .filter(|&c| is_tag(dom.tag(c), &[local_name!("td"), local_name!("th")]))
                    .count();
                max_cols = max_cols.max(cols);
            }
            Some(&local_name!("th")) => has_th = true,
            Some(t)
                if is_tag(
                    Some(t),
                    &[
                        local_name!("p"),
                        local_name!("div"),
                        local_name!("ul"),
                        local_name!("ol"),
                        local_name!("blockquote"),
                        local_name!("h1"),
                        local_name!("h2"),
                        local_name!("h3"),
                    ],
                ) =>
            {
                return false
            }
            _ => {}
        }
    }
    rows >= 1 && max_cols >= 2 && (has_th || rows >= 2)
}

/// The best source of an image, including lazy-loading attributes.
fn image_src(dom: &Dom, img: NodeId) -> Option<String> {
    for attr in ["data-src", "data-original", "data-lazy-src", "src"] {
        if let Some(v) = dom
            .attr(img, attr)
            .map(str::trim)
            .filter(|v| !v.is_empty() && !v.starts_with("data:"))
        {
            return Some(v.to_string());
        }
    }
    for attr in ["data-srcset", "srcset"] {
        if let Some(first) = dom
            .attr(img, attr)
            .and_then(|v| v.split(',').next())
            .and_then(|c| c.split_whitespace().next())
        {
            return Some(first.to_string());
        }
    }
    None
}

/// Plain text of inline content.
pub(crate) fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    fn go(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match i {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Link { children, .. }
                | Inline::Emphasis(children)
                | Inline::Strong(children) => go(children, out),
                Inline::Break => {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\n')
                }
            }
        }
    }
    go(inlines, &mut out);
    out
}

/// Whether inline content has any text other than white space (as
/// `plain(inlines).trim()` would), without building it.
fn has_text(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text(t) | Inline::Code(t) => !t.trim().is_empty(),
        Inline::Link { children, .. } | Inline::Emphasis(children) | Inline::Strong(children) => {
            has_text(children)
        }
        Inline::Break => false,
    })
}

/// Trims white space at the ends of inline content.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    while matches!(inlines.last(), Some(Inline::Break)) {
        inlines.pop();
    }
    while matches!(inlines.first(), Some(Inline::Break)) {
        inlines.remove(0);
    }
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_string();
    }
    inlines
}

/// How the blocks are built: with class and id pruning, or without it when
/// that pruning took the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pruning {
    /// Class and id words of page furniture prune their subtrees.
    ByClass,
    /// Only tags, roles and hidden elements prune: the fallback when
    /// pruning by class leaves less than [`HtmlTuning::min_content`]
    /// characters in the article's container.
    TagsOnly,
}

/// The HTML front end: the page as blocks, with signals and metadata.
pub(crate) fn front_end(input: &str, options: &Options, tuning: &HtmlTuning) -> Page {
    let dom = parse::parse(input);
    let mut meta = meta::extract(&dom, options.base_url.as_deref());
    let base = options.base_url.as_deref().or(meta.base.as_deref());
    let (mut blocks, signals) = blocks_with_fallback(&dom, base, tuning);
    // The blocks hold all that is still needed of the page: the tree goes
    // before classifying and rendering, which would otherwise add to it.
    drop(dom);
    let language = options
        .lang
        .as_deref()
        .and_then(lang::by_code)
        .or_else(|| meta.lang.as_deref().and_then(lang::by_code))
        .or_else(|| {
            lang::detect(
                blocks
                    .iter()
                    .zip(&signals)
                    .filter(|(_, s)| s.content)
                    .map(|(b, _)| b.text.as_str()),
            )
        });
    if let Some(t) = &meta.title {
        mark_title(&mut blocks, &signals, t);
    }
    let title_key = meta.title.as_deref().map(crate::util::norm_key);
    meta.base = None;
    let mut page = Page::new(InputKind::Html, blocks, signals);
    page.meta = meta;
    page.language = language;
    page.title_key = title_key;
    page
}

/// The blocks built with [`Pruning::ByClass`], or with
/// [`Pruning::TagsOnly`] when that keeps more of the article.
fn blocks_with_fallback(
    dom: &Dom,
    base: Option<&str>,
    tuning: &HtmlTuning,
) -> (Vec<Block>, Vec<Signals>) {
    let content_chars = |bs: &[Block], ss: &[Signals]| -> usize {
        bs.iter()
            .zip(ss)
            .filter(|(_, s)| s.content)
            .map(|(b, _)| b.text.len())
            .sum()
    };
    let (blocks, signals) = build_blocks(dom, base, Pruning::ByClass);
    if content_chars(&blocks, &signals) >= tuning.min_content {
        return (blocks, signals);
    }
    let (plain, plain_signals) = build_blocks(dom, base, Pruning::TagsOnly);
    if content_chars(&plain, &plain_signals) > content_chars(&blocks, &signals) {
        (plain, plain_signals)
    } else {
        (blocks, signals)
    }
}

/// The headline inside the article is the title, not body text; the
/// article does not begin before it.
fn mark_title(blocks: &mut [Block], signals: &[Signals], title: &str) {
    let key = crate::util::norm_key(title);
    let exact = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading && crate::util::norm_key(&b.text) == key);
    // Failing an exact match, a heading that the title carries with the
    // site's name around it ("Headline | Site", "Site: Headline").
    let framed = || {
        blocks.iter().position(|b| {
            b.kind == BlockKind::Heading && title_framing(&key, &crate::util::norm_key(&b.text))
        })
    };
    // Failing a heading, a paragraph that says just the title before the
    // article's prose starts (a headline styled by class, not by tag).
    let styled = || {
        let prose = blocks
            .iter()
            .zip(signals)
            .position(|(b, s)| s.content && b.kind == BlockKind::Paragraph && b.text.len() >= 200)
            .unwrap_or(blocks.len());
        blocks[..prose].iter().position(|b| {
            b.kind == BlockKind::Paragraph
                && key.split(' ').count() >= 4
                && crate::util::norm_key(&b.text) == key
        })
    };
    if let Some(i) = exact.or_else(framed).or_else(styled) {
        blocks[i].kind = BlockKind::Title;
        blocks[i].drop_for(Reason::Title);
    }
}

/// What the classified blocks say: the dateline of the first kept paragraph.
pub(crate) fn metadata_in_blocks(blocks: &[Block]) -> InBlocks {
    InBlocks {
        dateline: blocks
            .iter()
            .find(|b| b.kept && b.kind == BlockKind::Paragraph)
            .and_then(|b| crate::metadata::parse_dateline(&b.text)),
        ..InBlocks::default()
    }
}

fn build_blocks(dom: &Dom, base: Option<&str>, pruning: Pruning) -> (Vec<Block>, Vec<Signals>) {
    let ex = Extractor::new(dom, base, pruning == Pruning::ByClass);
    let mut b = Builder {
        ex: &ex,
        blocks: Vec::new(),
        infos: Vec::new(),
        frames: Vec::new(),
        aside: Vec::new(),
        link_chars: 0,
        ctx: None,
        pre: 0,
    };
    b.walk(dom.body());
    let (mut blocks, mut infos) = (b.blocks, b.infos);
    // Grown by doubling: what is left over is given back before scoring.
    blocks.shrink_to_fit();
    infos.shrink_to_fit();
    let roots = ex.content_roots(&blocks, &infos);
    let mut in_content = vec![false; dom.len()];
    for &r in &roots {
        in_content[r] = true;
        for n in dom.descendants(r) {
            in_content[n] = true;
        }
    }
    let signals = blocks
        .iter()
        .zip(&infos)
        .map(|(b, info)| {
            let chars = count_non_space(&b.text).max(1);
            let content = in_content[info.node];
            let link_density = if in_card(dom, info.node) {
                1.0
            } else {
                info.link_chars as f32 / chars as f32
            };
            Signals {
                link_density,
                boilerplate: match info.prune {
                    Some(Prune::Furniture(why)) => Some(Reason::Furniture(why)),
                    _ => None,
                },
                content,
            }
        })
        .collect::<Vec<Signals>>();
    (blocks, signals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_words_fit_the_look_up() {
        let table = hint_table();
        assert!(table.words.iter().all(|(w, _, _)| w.len() <= 32));
        assert!(table.words.windows(2).all(|p| p[0].0 < p[1].0));
        let hint = |token: &str| {
            let mut h = Hints::default();
            h.add(token);
            h
        };
        assert_eq!(
            hint("Related-Posts").furniture_reason(),
            Some(Furniture::Related)
        );
        assert_eq!(hint("NAV").furniture_reason(), Some(Furniture::Navigation));
        assert!(hint("Article-Body").positive);
        assert_eq!(hint("navigational").furniture, 0);
    }
}
