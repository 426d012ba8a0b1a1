//! Container scoring: every node's text and link characters, the prune
//! mark of every node, and the element that holds the article.

use html5ever::{local_name, LocalName};

use super::furniture::{hidden, hints, is_article_body, is_caption, prune, Prune};
use super::parse::{Dom, NodeData, NodeId};
use super::tags::{heading_level, is_tag, BLOCK_TAGS};
use crate::blocks::{Block, BlockKind};
use crate::reason::Furniture;
use crate::tuning::{HtmlTuning, Reveal};

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

    /// The share of the element's characters that is link text.
    fn link_density(&self) -> f32 {
        (self.link_chars as usize) as f32 / (self.chars as usize).max(1) as f32
    }

    /// The score, less the share that is link text.
    fn weighted(&self) -> f32 {
        self.score * (1.0 - self.link_density())
    }
}

/// One page as the scorer sees it: every node's prune mark, text and flags.
pub(super) struct Containers<'a> {
    pub(super) dom: &'a Dom,
    /// Prune decision per node (None = keep).
    pub(super) pruned: Vec<Option<Prune>>,
    /// Whether each node is in a repeated item, when items are the content
    /// (empty otherwise).
    items: Vec<bool>,
    /// Visible characters (not white space) below each node of the body;
    /// a text node's own (saturating at `u32::MAX`).
    chars: Vec<u32>,
    /// `CAPTION`, `BLOCK`, `HIDDEN` and `KIND` per node, read once from
    /// its markup.
    pub(super) flags: Vec<u8>,
    pub(super) base: Option<&'a str>,
    pub(super) tuning: &'a HtmlTuning,
}

/// An element whose class or id names it a caption.
pub(super) const CAPTION: u8 = 1;
/// An element that starts a block: a block tag or a caption.
pub(super) const BLOCK: u8 = 2;
/// An element hidden on the page (attributes or inline style).
const HIDDEN: u8 = 4;
/// An element whose tag gives a block its kind (a heading, a list item,
/// `<pre>`, `<blockquote>`, `<figcaption>`): a block tag too.
pub(super) const KIND: u8 = 8;

/// A count in the per-node tables (four bytes a node, not eight).
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The flags of every node (see `CAPTION`).
fn node_flags(dom: &Dom, tuning: &HtmlTuning) -> Vec<u8> {
    let controlled = controlled_ids(dom, tuning.reveal);
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
                if tuning.reveal != Reveal::Everything
                    && hidden(dom, id)
                    && !toggled(dom, id, tuning)
                    && !dom
                        .attr_named(id, &local_name!("id"))
                        .is_some_and(|i| controlled.contains(i))
                {
                    f |= HIDDEN;
                }
            }
            if BLOCK_TAGS.contains(tag) {
                f |= BLOCK;
                if super::tags::heading_level(tag).is_some()
                    || matches!(
                        *tag,
                        local_name!("li")
                            | local_name!("pre")
                            | local_name!("blockquote")
                            | local_name!("figcaption")
                    )
                {
                    f |= KIND;
                }
            }
            f
        })
        .collect()
}

/// The ids that the page's controls name as what they open
/// (`aria-controls`), when the policy reads such panels: a hidden element
/// with one of them is a panel, wherever it stands.
fn controlled_ids(dom: &Dom, reveal: Reveal) -> std::collections::HashSet<&str> {
    if reveal == Reveal::Nothing || reveal == Reveal::Everything {
        return Default::default();
    }
    (0..dom.len())
        .filter(|&id| !dom.attrs(id).is_empty())
        .filter_map(|id| dom.attr_named(id, &local_name!("aria-controls")))
        .flat_map(str::split_ascii_whitespace)
        .collect()
}

/// Whether a hidden element is the panel of a visible toggle just before
/// it (a tab's or an accordion's), shown when the reader opens it: which
/// toggles count is `reveal`'s.
fn toggled(dom: &Dom, id: NodeId, tuning: &HtmlTuning) -> bool {
    let reveal = tuning.reveal;
    if reveal == Reveal::Nothing {
        return false;
    }
    let headed = reveal == Reveal::Toggled;
    let mut p = dom.prev_sibling(id);
    while let Some(q) = p.filter(|&q| dom.tag(q).is_none()) {
        p = dom.prev_sibling(q);
    }
    p.is_some_and(|q| {
        !hidden(dom, q)
            && (control(dom, q)
                || headed
                    && is_tag(
                        dom.tag(q),
                        &[local_name!("h2"), local_name!("h3"), local_name!("h4")],
                    )
                || last_elements(dom, q, tuning.toggle_depth).any(|c| control(dom, c)))
    })
}

/// Whether an element is a control that opens something: a button, or an
/// element with `role=button`, `aria-expanded` or `aria-controls`.
fn control(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id) == Some(&local_name!("button"))
        || dom.attr_named(id, &local_name!("role")) == Some("button")
        || dom.attr_named(id, &local_name!("aria-expanded")).is_some()
        || dom.attr_named(id, &local_name!("aria-controls")).is_some()
}

/// An element's last element child, that one's, and so on (`depth`
/// levels): where a panel's toggle stands inside the box before the panel.
fn last_elements(dom: &Dom, id: NodeId, depth: usize) -> impl Iterator<Item = NodeId> + '_ {
    std::iter::successors(Some(id), move |&n| {
        dom.children(n).filter(|&c| dom.tag(c).is_some()).last()
    })
    .skip(1)
    .take(depth)
}

/// A hidden element that holds most of the page's text is the page, shown
/// by a script or a layout the markup does not say (a shop's grid of
/// products, a page's main column): it is not hidden.
fn reveal_the_page(dom: &Dom, flags: &mut [u8], tuning: &HtmlTuning) {
    if !flags.iter().any(|f| f & HIDDEN != 0) {
        return;
    }
    let body = dom.body();
    let mut chars = vec![0u32; dom.len()];
    for id in dom.subtree_rev(body) {
        if let NodeData::Text(_) = dom.data(id) {
            chars[id] = saturate(dom.text_chars(id));
        } else if never_shown(dom, id) {
            chars[id] = 0;
        }
        if id != body {
            if let Some(p) = dom.parent(id) {
                chars[p] = chars[p].saturating_add(chars[id]);
            }
        }
    }
    let total = u64::from(chars[body]).max(1);
    for id in dom.descendants(body) {
        let share = u64::from(chars[id]) * 100;
        if flags[id] & HIDDEN != 0 && share >= total * tuning.hidden_page_percent as u64 {
            flags[id] &= !HIDDEN;
        }
    }
}

/// Groups of furniture words (one bit each) that are the layout's words
/// on this page, not signs of furniture.
struct Layout {
    /// Words of the whole page's layout.
    page: u16,
    /// Words of the layout of the element the page marks as its article's
    /// body, which say nothing below it.
    body: u16,
    /// The nodes below that element (empty when `body` is none).
    in_body: Vec<bool>,
}

impl Layout {
    /// The groups that are the layout's at a node.
    fn at(&self, id: NodeId) -> u16 {
        let in_body = self.in_body.get(id).copied().unwrap_or(false);
        self.page | if in_body { self.body } else { 0 }
    }
}

/// The groups of furniture words whose elements hold most of the page's
/// text between them (counted once, at the outermost element of each
/// group) and also wrap the page's main heading: words of the layout,
/// repeated on every part of the page (a page builder's "widget"), and no
/// sign of furniture on this page. (Comments that outweigh their article
/// hold much of the text too, but never its heading.) Below the element
/// the page marks as its article's body, so are the groups that hold most
/// of it (a heading above the body, outside the builder's parts).
fn layout_words(dom: &Dom, counts: &Counts, total: usize, tuning: &HtmlTuning) -> Layout {
    let body = dom.body();
    let most = |s: u64, total: usize| s * 100 >= total as u64 * tuning.layout_word_percent as u64;
    let mut layout = Layout {
        page: 0,
        body: 0,
        in_body: Vec::new(),
    };
    let heading = dom
        .find(body, &local_name!("h1"))
        .or_else(|| dom.find(body, &local_name!("h2")));
    if let Some(heading) = heading {
        let (share, inherited) = group_shares(dom, body, counts);
        let around_heading = inherited[heading];
        for (g, &s) in share.iter().enumerate() {
            if around_heading & (1 << g) != 0 && most(s, total) {
                layout.page |= 1 << g;
            }
        }
    }
    if let Some(main) = dom.descendants(body).find(|&n| is_article_body(dom, n)) {
        let (share, _) = group_shares(dom, main, counts);
        let total = (counts.chars[main] as usize).max(1);
        for (g, &s) in share.iter().enumerate() {
            if most(s, total) {
                layout.body |= 1 << g;
            }
        }
        if layout.body != 0 {
            layout.in_body = vec![false; dom.len()];
            dom.descendants(main).for_each(|n| layout.in_body[n] = true);
        }
    }
    layout
}

/// The characters each group of furniture words holds below `root`
/// (counted at the outermost element of the group; the root's own words
/// are not counted), and the groups each node below it is inside of.
fn group_shares(dom: &Dom, root: NodeId, counts: &Counts) -> ([u64; 16], Vec<u16>) {
    let mut inherited = vec![0u16; dom.len()];
    let mut share = [0u64; 16];
    for id in dom.descendants(root) {
        let from_parent = dom.parent(id).map_or(0, |p| inherited[p]);
        let bits = if dom.attrs(id).is_empty() {
            0
        } else {
            hints(dom, id).furniture_bits()
        };
        // (The groups newly named here, one bit at a time: most elements
        // name none.)
        let mut fresh = bits & !from_parent;
        while fresh != 0 {
            let g = fresh.trailing_zeros() as usize;
            if let Some(s) = share.get_mut(g) {
                *s += u64::from(counts.chars[id]);
            }
            fresh &= fresh - 1;
        }
        inherited[id] = from_parent | bits;
    }
    (share, inherited)
}

/// Whether an element's text is never shown as the page's: a script's, a
/// style's, a `<noscript>`'s or a template's.
fn never_shown(dom: &Dom, id: NodeId) -> bool {
    // (A constant: no list of names is made and dropped for each element.)
    const NEVER_SHOWN: &[LocalName] = &[
        local_name!("script"),
        local_name!("style"),
        local_name!("noscript"),
        local_name!("template"),
    ];
    is_tag(dom.tag(id), NEVER_SHOWN)
}

/// What one bottom-up pass over the body counts, before pruning.
struct Counts {
    /// Visible text below each node, to keep class hints from pruning the
    /// bulk of the page.
    chars: Vec<u32>,
    /// Link text below each node.
    links: Vec<u32>,
    /// Whether the subtree holds an `<article>`, `<main>` or articleBody
    /// with real text: class hints never prune those.
    semantic: Vec<bool>,
}

/// Counts the visible and link characters below every node of the body
/// (scripts, styles and hidden elements hold none), and marks the subtrees
/// that hold a semantic article container.
fn count_text(dom: &Dom, flags: &[u8], tuning: &HtmlTuning) -> Counts {
    let body = dom.body();
    let mut chars = vec![0u32; dom.len()];
    let mut semantic = vec![false; dom.len()];
    let mut links = vec![0u32; dom.len()];
    for id in dom.subtree_rev(body) {
        if let NodeData::Text(_) = dom.data(id) {
            chars[id] = saturate(dom.text_chars(id));
        } else if never_shown(dom, id) || flags[id] & HIDDEN != 0 {
            chars[id] = 0;
        }
        // Semantic article containers with real text, counted by the
        // characters they hold (kept apart from the ones they sit in).
        if chars[id] as usize >= tuning.semantic_min_chars
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
    Counts {
        chars,
        links,
        semantic,
    }
}

/// The prune rules applied to a whole page, in document order.
struct Marker<'a> {
    dom: &'a Dom,
    flags: &'a [u8],
    counts: &'a Counts,
    /// Visible characters of the body (at least 1).
    total: usize,
    /// Groups of furniture words the page's layout uses on most of its
    /// text, or of its article's body (a page builder's "widget" on every
    /// element): no sign there.
    layout: Layout,
    /// Whether class and id words prune ([`super::Pruning::ByClass`]).
    classy: bool,
    /// The nodes in repeated items, when they are the content (else empty):
    /// class words do not prune them.
    items: &'a [bool],
    /// The nodes in repeated items, when priced ones are furniture (else
    /// empty): [`HtmlTuning::priced_items_are_furniture`].
    priced: &'a [bool],
    tuning: &'a HtmlTuning,
}

impl Marker<'_> {
    fn hidden(&self, id: NodeId) -> bool {
        self.flags[id] & HIDDEN != 0
    }

    /// The prune mark of every node of the body: a pruned element's subtree
    /// inherits its mark, and a furniture heading marks the siblings after it.
    fn marks(&self) -> Vec<Option<Prune>> {
        let dom = self.dom;
        let mut pruned = vec![None; dom.len()];
        // Per parent: the reason and rank of a furniture heading among its
        // children, which marks the siblings that follow it.
        let mut section: Vec<Option<(Furniture, u8)>> = vec![None; dom.len()];
        for id in dom.descendants(dom.body()) {
            let parent = dom.parent(id);
            let parent_mark = parent.and_then(|p| pruned[p]);
            let mark = self.own_mark(id, parent_mark);
            pruned[id] = match parent {
                Some(p) if parent_mark.is_none() => section_mark(dom, id, mark, &mut section[p]),
                _ => mark,
            };
        }
        pruned
    }

    /// A node's mark from its own markup, given its parent's.
    fn own_mark(&self, id: NodeId, parent_mark: Option<Prune>) -> Option<Prune> {
        let (dom, tuning) = (self.dom, self.tuning);
        let hidden = self.hidden(id);
        match parent_mark {
            Some(Prune::Invisible) => Some(Prune::Invisible),
            Some(m) => Some(prune(dom, id, false, hidden, tuning).unwrap_or(m)),
            // An item (the outermost node of one) with a price: another product.
            None if self.priced.get(id).copied().unwrap_or(false)
                && !dom.parent(id).is_some_and(|p| self.priced[p])
                && super::page_type::item_priced(dom, id) =>
            {
                Some(Prune::Furniture(Furniture::Related))
            }
            None => {
                let chars = self.counts.chars[id] as usize;
                let classy = self.classy
                    && !self.items.get(id).copied().unwrap_or(false)
                    && (chars as u64) * 100
                        < (self.total as u64) * tuning.class_prune_max_percent as u64
                    && !self.counts.semantic[id]
                    && {
                        let layout = self.layout.at(id);
                        layout == 0 || hints(dom, id).furniture_bits() & !layout != 0
                    };
                match prune(dom, id, classy, hidden, tuning) {
                    // Share bars, menus, ads and sign-up boxes are short
                    // or all links: a class word on a subtree of plain
                    // prose (a section id made from its heading) is not one.
                    Some(Prune::Furniture(why))
                        if classy
                            && chars >= tuning.prose_min_chars
                            && (self.counts.links[id] as usize) * tuning.prose_link_ratio
                                < chars
                            && !why.holds_prose()
                            && prune(dom, id, false, hidden, tuning).is_none() =>
                    {
                        None
                    }
                    m => m,
                }
            }
        }
    }
}

/// A heading marked as related stories or comments heads the siblings
/// after it, up to the next heading of its rank or above (`<h3
/// class="related-title">` and the cards that follow it). `section` is the
/// open section among the node's siblings; the node's parent is not pruned.
fn section_mark(
    dom: &Dom,
    id: NodeId,
    mark: Option<Prune>,
    section: &mut Option<(Furniture, u8)>,
) -> Option<Prune> {
    let rank = dom.tag(id).and_then(heading_level);
    match (mark, rank) {
        (None, _) => match *section {
            Some((_, top)) if rank.is_some_and(|r| r <= top) => {
                *section = None;
                None
            }
            Some((why, _)) => Some(Prune::Furniture(why)),
            None => None,
        },
        (Some(Prune::Furniture(why)), Some(r)) if why.heads_section() => {
            *section = Some((why, r));
            mark
        }
        _ => mark,
    }
}

impl<'a> Containers<'a> {
    /// Reads the page: flags, counts and prune marks of every node.
    pub(super) fn new(
        dom: &'a Dom,
        base: Option<&'a str>,
        classy: bool,
        tuning: &'a HtmlTuning,
    ) -> Containers<'a> {
        let mut flags = node_flags(dom, tuning);
        reveal_the_page(dom, &mut flags, tuning);
        let counts = count_text(dom, &flags, tuning);
        let total = (counts.chars[dom.body()] as usize).max(1);
        let mut items = if tuning.items_are_content || tuning.priced_items_are_furniture {
            super::items::items(dom, &counts.chars, tuning)
        } else {
            Vec::new()
        };
        let priced = if tuning.items_are_content {
            Vec::new()
        } else {
            std::mem::take(&mut items)
        };
        let marker = Marker {
            dom,
            flags: &flags,
            counts: &counts,
            total,
            classy,
            layout: layout_words(dom, &counts, total, tuning),
            items: &items,
            priced: &priced,
            tuning,
        };
        let pruned = marker.marks();
        Containers {
            dom,
            pruned,
            items,
            chars: counts.chars,
            flags,
            base,
            tuning,
        }
    }

    /// Whether a node is in a repeated item that is the content.
    pub(super) fn in_item(&self, id: NodeId) -> bool {
        self.items.get(id).copied().unwrap_or(false)
    }

    /// Scores candidate containers; returns the set of nodes forming the article.
    pub(super) fn content_roots(&self, blocks: &[Block], infos: &[Info]) -> Vec<NodeId> {
        let mut stats = self.stats();
        self.score_blocks(&mut stats, blocks, infos);
        let (candidates, marked) = self.candidates(&stats);
        let Some(&(top, top_score)) = candidates.first() else {
            return vec![self.dom.body()];
        };
        let top = self.split_article(&candidates, top, top_score);
        // The page's own markup of the article body wins over a container
        // elsewhere or inside it that only scored higher.
        let top = match marked {
            Some(m) if !is_ancestor(self.dom, top, m) => m,
            _ => top,
        };
        let top = self.climb(&stats, top, top_score);
        let top = self.semantic_parent(&stats, top);
        self.with_siblings(&stats, top, top_score)
    }

    /// Bottom-up: the text and link characters of every element that is
    /// not pruned (scores not yet set).
    fn stats(&self) -> Vec<Stats> {
        let dom = self.dom;
        let mut stats = vec![Stats::NEW; dom.len()];
        for id in dom.subtree_rev(dom.body()) {
            if self.pruned[id].is_some() {
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
        stats
    }

    /// Every text block scores its container and, decaying, the ancestors.
    fn score_blocks(&self, stats: &mut [Stats], blocks: &[Block], infos: &[Info]) {
        let (dom, tuning) = (self.dom, self.tuning);
        for (block, info) in blocks.iter().zip(infos) {
            let Some(score) = self.block_score(block, info) else {
                continue;
            };
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
                if level >= tuning.score_ancestors || dom.tag(a).is_none() {
                    break;
                }
                if !stats[a].scored() {
                    stats[a].score = 0.0 + self.initial_score(a);
                }
                let div = match level {
                    0 => 1.0,
                    1 => tuning.parent_divisor,
                    l => l as f32 * tuning.level_divisor,
                };
                stats[a].score += score / div;
                anc = dom.parent(a);
                level += 1;
            }
        }
    }

    /// What a block adds to its container: a point, one per comma, and
    /// some for its length; `None` for a pruned block, a heading, a short
    /// one, or one mostly of links.
    fn block_score(&self, block: &Block, info: &Info) -> Option<f32> {
        let tuning = self.tuning;
        if self.pruned[info.node].is_some() {
            return None;
        }
        let text_len = block.text.chars().count();
        if text_len < tuning.score_min_chars || block.kind == BlockKind::Heading {
            return None;
        }
        // (ASCII commas by their byte; the others only in a text beyond
        // ASCII.)
        let text = &block.text;
        let commas = text.bytes().filter(|&b| b == b',').count()
            + if text.is_ascii() {
                0
            } else {
                text.chars()
                    .filter(|c| matches!(c, '،' | '、' | '，'))
                    .count()
            };
        let density = info.link_chars as f32 / text_len.max(1) as f32;
        if density > tuning.score_max_link_density {
            return None;
        }
        Some(
            tuning.block_base_score
                + commas as f32
                + (text_len as f32 / tuning.chars_per_point).min(tuning.max_length_points),
        )
    }

    /// The best candidates, best first; and, in the same walk, the page's
    /// own markup of the article body (schema.org `articleBody`).
    fn candidates(&self, stats: &[Stats]) -> (Vec<(NodeId, f32)>, Option<NodeId>) {
        let (dom, tuning) = (self.dom, self.tuning);
        let body = dom.body();
        let mut candidates: Vec<(NodeId, f32)> = Vec::with_capacity(tuning.candidates + 1);
        let mut marked = None;
        let mut next = Some(body);
        while let Some(id) = next {
            if self.pruned[id].is_some() {
                next = dom.skip_subtree(body, id);
                continue;
            }
            next = dom.first_child(id).or_else(|| dom.skip_subtree(body, id));
            if marked.is_none()
                && (stats[id].chars as usize) >= tuning.article_body_min_chars
                && (stats[id].link_chars as usize) * tuning.article_body_link_ratio
                    < (stats[id].chars as usize)
                && is_article_body(dom, id)
            {
                marked = Some(id);
            }
            if !stats[id].scored() {
                continue;
            }
            let s = stats[id].weighted();
            let at = candidates.partition_point(|&(_, b)| b >= s);
            if at < tuning.candidates {
                candidates.insert(at, (id, s));
                candidates.truncate(tuning.candidates);
            }
        }
        (candidates, marked)
    }

    /// An article split into parts (steps, sections) gives several close
    /// candidates: their nearest common container is the article.
    fn split_article(&self, candidates: &[(NodeId, f32)], top: NodeId, top_score: f32) -> NodeId {
        let (dom, tuning) = (self.dom, self.tuning);
        let body = dom.body();
        let close: Vec<NodeId> = candidates[1..]
            .iter()
            .filter(|&&(_, s)| s >= top_score * tuning.close_score_ratio)
            .map(|&(id, _)| id)
            .collect();
        if close.len() < tuning.split_parts {
            return top;
        }
        let mut a = dom.parent(top);
        while let Some(p) = a {
            if p == body || dom.tag(p).is_none() {
                break;
            }
            if close.iter().filter(|&&c| is_ancestor(dom, p, c)).count() >= tuning.split_parts {
                return p;
            }
            a = dom.parent(p);
        }
        top
    }

    /// Climbs while the parent holds clearly more article text of the same kind.
    fn climb(&self, stats: &[Stats], mut top: NodeId, top_score: f32) -> NodeId {
        let (dom, tuning) = (self.dom, self.tuning);
        let body = dom.body();
        while let Some(p) = dom.parent(top) {
            if p == body || dom.tag(p).is_none() || self.pruned[p].is_some() {
                break;
            }
            let ps = stats[p].weighted();
            if stats[p].scored()
                && ps >= top_score * tuning.climb_score_ratio
                && (stats[p].chars as usize) < (stats[top].chars as usize) * tuning.climb_max_growth
            {
                top = p;
            } else {
                break;
            }
        }
        top
    }

    /// A semantic container just above the winner is the article itself.
    fn semantic_parent(&self, stats: &[Stats], top: NodeId) -> NodeId {
        let (dom, tuning) = (self.dom, self.tuning);
        let body = dom.body();
        let mut a = dom.parent(top);
        let mut hops = 0;
        while let Some(p) = a {
            if hops > tuning.semantic_hops || p == body {
                break;
            }
            let is_article = is_tag(dom.tag(p), &[local_name!("article"), local_name!("main")])
                || is_article_body(dom, p);
            if is_article
                && self.pruned[p].is_none()
                && (stats[p].chars as usize)
                    <= (stats[top].chars as usize) * tuning.semantic_max_growth
            {
                return p;
            }
            a = dom.parent(p);
            hops += 1;
        }
        top
    }

    /// The article and the siblings that read like it.
    fn with_siblings(&self, stats: &[Stats], top: NodeId, top_score: f32) -> Vec<NodeId> {
        let (dom, tuning) = (self.dom, self.tuning);
        let Some(parent) = dom.parent(top) else {
            return vec![top];
        };
        let mut roots = vec![];
        let threshold = (top_score * tuning.sibling_score_ratio).max(tuning.sibling_min_score);
        for sib in dom.children(parent) {
            if sib == top {
                roots.push(sib);
                continue;
            }
            if self.pruned[sib].is_some() || dom.tag(sib).is_none() {
                continue;
            }
            let density = stats[sib].link_density();
            let s = stats[sib].weighted();
            let prose_p = dom.tag(sib) == Some(&local_name!("p"))
                && (stats[sib].chars as usize) > tuning.sibling_prose_min_chars
                && density < tuning.sibling_prose_max_link_density;
            if (stats[sib].scored() && s >= threshold && hints(dom, sib).weight(tuning) >= 0.0)
                || prose_p
            {
                roots.push(sib);
            }
        }
        roots
    }

    /// A container's score before its blocks count: by its tag, its
    /// semantic markup, and its class and id words.
    fn initial_score(&self, id: NodeId) -> f32 {
        let tuning = self.tuning;
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
            tuning.container_tag_score
        } else if is_tag(
            tag,
            &[
                local_name!("pre"),
                local_name!("td"),
                local_name!("blockquote"),
            ],
        ) {
            tuning.cell_tag_score
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
            tuning.list_tag_score
        } else if tag.and_then(heading_level).is_some() || is_tag(tag, &[local_name!("th")]) {
            tuning.heading_tag_score
        } else {
            0.0
        };
        let semantic = if is_article_body(self.dom, id) {
            tuning.article_body_score
        } else if is_tag(tag, &[local_name!("article")]) {
            tuning.article_tag_score
        } else {
            0.0
        };
        by_tag + semantic + hints(self.dom, id).weight(tuning)
    }
}

/// Where a block came from, for scoring and signals.
pub(super) struct Info {
    /// The block-level element that holds the block.
    pub(super) node: NodeId,
    pub(super) link_chars: usize,
    pub(super) prune: Option<Prune>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    fn first(dom: &Dom, tag: &html5ever::LocalName) -> NodeId {
        dom.find(dom.body(), tag).expect("element")
    }

    #[test]
    fn a_furniture_heading_marks_the_siblings_after_it() {
        let tuning = HtmlTuning::default();
        let prose = "Words of the article, long enough to be the bulk of it. ".repeat(20);
        let html = format!(
            "<div><p>{prose}</p><h3 class=related-title>Related</h3><ul><li>Card</li></ul>\
             <h3>Next section</h3><blockquote>More</blockquote></div>"
        );
        let dom = parse(&html);
        let page = Containers::new(&dom, None, true, &tuning);
        let related = Some(Prune::Furniture(Furniture::Related));
        assert_eq!(page.pruned[first(&dom, &local_name!("p"))], None);
        assert_eq!(page.pruned[first(&dom, &local_name!("ul"))], related);
        assert_eq!(page.pruned[first(&dom, &local_name!("blockquote"))], None);
    }

    #[test]
    fn class_words_do_not_prune_the_bulk_of_the_page() {
        let tuning = HtmlTuning::default();
        let dom = parse("<div class=sidebar><p>All the page's text is here.</p></div><p>x</p>");
        let page = Containers::new(&dom, None, true, &tuning);
        assert_eq!(page.pruned[first(&dom, &local_name!("div"))], None);
        let dom = parse("<div class=sidebar><p>Links</p></div><p>The article's text, longer.</p>");
        let page = Containers::new(&dom, None, true, &tuning);
        assert_eq!(
            page.pruned[first(&dom, &local_name!("div"))],
            Some(Prune::Furniture(Furniture::Sidebar))
        );
    }

    #[test]
    fn initial_scores_by_tag_and_class() {
        let tuning = HtmlTuning::default();
        let dom =
            parse("<article itemprop=articleBody><ul class=content><li>x</li></ul></article>");
        let page = Containers::new(&dom, None, true, &tuning);
        // div-like container 5, articleBody 40.
        assert_eq!(
            page.initial_score(first(&dom, &local_name!("article"))),
            45.0
        );
        // A list -3, a class that names the article 25.
        assert_eq!(page.initial_score(first(&dom, &local_name!("ul"))), 22.0);
    }
}
