//! Container scoring: every node's text and link characters, the prune
//! mark of every node, and the element that holds the article.

use html5ever::local_name;

use super::furniture::{hidden, hints, is_article_body, is_caption, prune, Prune};
use super::parse::{Dom, NodeData, NodeId};
use super::tags::{heading_level, is_tag, BLOCK_TAGS};
use crate::blocks::{Block, BlockKind};
use crate::reason::Furniture;
use crate::util::count_non_space;

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
}

/// The extractor's view of one page.
pub(super) struct Containers<'a> {
    pub(super) dom: &'a Dom,
    /// Prune decision per node (None = keep).
    pub(super) pruned: Vec<Option<Prune>>,
    /// Visible characters (not white space) below each node of the body;
    /// a text node's own (saturating at `u32::MAX`).
    chars: Vec<u32>,
    /// `CAPTION`, `BLOCK` and `HIDDEN` per node, read once from its markup.
    pub(super) flags: Vec<u8>,
    pub(super) base: Option<&'a str>,
}

/// An element whose class or id names it a caption.
pub(super) const CAPTION: u8 = 1;
/// An element that starts a block: a block tag or a caption.
pub(super) const BLOCK: u8 = 2;
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

impl<'a> Containers<'a> {
    pub(super) fn new(dom: &'a Dom, base: Option<&'a str>, classy: bool) -> Containers<'a> {
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
        Containers {
            dom,
            pruned,
            chars,
            flags,
            base,
        }
    }

    /// Scores candidate containers; returns the set of nodes forming the article.
    pub(super) fn content_roots(&self, blocks: &[Block], infos: &[Info]) -> Vec<NodeId> {
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
pub(super) struct Info {
    /// The block-level element that holds the block.
    pub(super) node: NodeId,
    pub(super) link_chars: usize,
    pub(super) prune: Option<Prune>,
}
