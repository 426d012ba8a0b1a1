//! Repeated items: sibling elements of one shape (the same tag and class)
//! under one parent, each a title (a heading, or a link) with a little text
//! of its own beside it, or with a picture (a card). A listing's entries and
//! a shop's products look so; a menu, a list of facets or a pager does not
//! (bare links, or a link and a count).

use html5ever::local_name;

use super::parse::{Dom, NodeId};
use super::tags::{heading_level, is_tag, ITEM_BOXES};
use super::url::goes_nowhere;
use crate::tuning::HtmlTuning;

/// Shapes of children looked at per parent (a bound on work: a parent whose
/// children have hundreds of classes is not a list of items).
const MAX_SHAPES: usize = 16;

/// What one bottom-up pass gives of a node for the item tests.
#[derive(Clone, Copy, Default)]
struct Part {
    /// Characters of the longest link below the node.
    link: u32,
    /// Characters of the longest heading below the node.
    heading: u32,
    /// Links below the node (saturating).
    links: u16,
    /// Whether a picture (`<img>`, `<picture>`) lies below the node.
    picture: bool,
}

/// What one bottom-up pass gives of each node for the item tests.
pub(super) struct Parts(Vec<Part>);

impl Parts {
    /// Nothing seen yet, for a tree of `n` nodes.
    pub(super) fn new(n: usize) -> Parts {
        Parts(vec![Part::default(); n])
    }

    /// One step of the bottom-up pass over `body`'s subtree: node `id`,
    /// whose subtree has been seen and whose `chars` are final, passed up
    /// to its parent (never above `body`).
    pub(super) fn visit(&mut self, dom: &Dom, id: NodeId, body: NodeId, chars: &[u32]) {
        let mut p = self.0[id];
        match dom.tag(id) {
            // (An anchor that goes nowhere is a control, a rating's star say.)
            Some(&local_name!("a"))
                if dom
                    .attr_named(id, &local_name!("href"))
                    .is_some_and(|h| !goes_nowhere(h)) =>
            {
                p.link = p.link.max(chars[id]);
                p.links = p.links.saturating_add(1);
            }
            Some(&local_name!("img") | &local_name!("picture")) => p.picture = true,
            Some(tag) if heading_level(tag).is_some() => p.heading = p.heading.max(chars[id]),
            _ => {}
        }
        self.0[id] = p;
        if id == body {
            return;
        }
        if let Some(q) = dom.parent(id).and_then(|q| self.0.get_mut(q)) {
            q.link = q.link.max(p.link);
            q.heading = q.heading.max(p.heading);
            q.links = q.links.saturating_add(p.links);
            q.picture |= p.picture;
        }
    }
}

fn parts(dom: &Dom, chars: &[u32]) -> Parts {
    let mut p = Parts::new(dom.len());
    let body = dom.body();
    for id in dom.subtree_rev(body) {
        p.visit(dom, id, body, chars);
    }
    p
}

/// The tags of boxes that hold items ([`ITEM_BOXES`]), and links made
/// cards.
fn is_box(dom: &Dom, id: NodeId) -> bool {
    is_tag(dom.tag(id), ITEM_BOXES) || dom.tag(id) == Some(&local_name!("a"))
}

/// Whether one element reads as an item: a title and some text beside it,
/// short, with few links.
fn item_like(id: NodeId, chars: &[u32], p: &Parts, t: &HtmlTuning) -> bool {
    let all = chars[id] as usize;
    // The title: the item's heading, else its longest link.
    let p = p.0[id];
    let title = if p.heading > 0 { p.heading } else { p.link } as usize;
    (t.item_min_chars..=t.item_max_chars).contains(&all)
        && title >= t.item_title_chars
        // (Text of its own beside the title, or a picture: a card.)
        && (all.saturating_sub(title) >= t.item_text_chars || p.picture)
        && (p.links as usize) <= t.item_max_links
}

/// Whether a `<form>` of `chars` characters wraps the page (it holds
/// [`HtmlTuning::item_form_max_percent`] of the page's `all` or more): the
/// page's layout, not controls (a buy box, filters).
pub(super) fn wraps_page(chars: usize, all: usize, t: &HtmlTuning) -> bool {
    chars * 100 >= all * t.item_form_max_percent
}

/// Every node that is, or lies inside, an item of a group of repeated
/// items (see the module's doc).
pub(super) fn items(dom: &Dom, chars: &[u32], t: &HtmlTuning) -> Vec<bool> {
    let mut m = Members::new(dom, parts(dom, chars), t);
    let body = dom.body();
    m.visit_body(body, chars);
    for id in dom.descendants(body) {
        m.visit(id, body, chars);
    }
    m.member
}

/// (tag, class) of an element.
type Shape<'a> = (Option<&'a html5ever::LocalName>, Option<&'a str>);

/// The top-down pass of [`items`]: `body`, then its descendants in
/// document order, each after its parent.
pub(super) struct Members<'a> {
    dom: &'a Dom,
    parts: Parts,
    /// Every node that is, or lies inside, an item (final for a node once
    /// it has been visited).
    pub(super) member: Vec<bool>,
    /// Nodes inside a form that does not wrap the page.
    in_form: Vec<bool>,
    /// The shapes of one parent's children, with (members, item-like
    /// members): one list, cleared for each parent.
    shapes: Vec<(Shape<'a>, usize, usize)>,
    t: &'a HtmlTuning,
}

impl<'a> Members<'a> {
    /// No node visited yet; `parts` of the whole body.
    pub(super) fn new(dom: &'a Dom, parts: Parts, t: &'a HtmlTuning) -> Members<'a> {
        Members {
            dom,
            parts,
            member: vec![false; dom.len()],
            in_form: vec![false; dom.len()],
            shapes: Vec::new(),
            t,
        }
    }

    /// The first step: the body's children.
    pub(super) fn visit_body(&mut self, body: NodeId, chars: &[u32]) {
        self.mark_children(body, chars);
    }

    /// One step for a descendant of `body`: whether it lies in a form,
    /// which of its children are items, and whether it lies inside an item.
    pub(super) fn visit(&mut self, id: NodeId, body: NodeId, chars: &[u32]) {
        let dom = self.dom;
        // A form's rows (a shop's buy box, a filter panel) are controls, not
        // items; a form that wraps most of the page is the page's layout.
        let form = dom.tag(id) == Some(&local_name!("form"))
            && !wraps_page(chars[id] as usize, chars[body] as usize, self.t);
        let parent = dom.parent(id);
        self.in_form[id] = form || parent.is_some_and(|q| self.in_form[q]);
        self.mark_children(id, chars);
        // Inside an item is in it.
        if parent.is_some_and(|q| self.member[q]) {
            self.member[id] = true;
        }
    }

    /// Marks the children of `parent` that are items of a group.
    fn mark_children(&mut self, parent: NodeId, chars: &[u32]) {
        let (dom, t) = (self.dom, self.t);
        if dom.tag(parent).is_none() || chars[parent] == 0 || self.in_form[parent] {
            return;
        }
        let shapes = &mut self.shapes;
        shapes.clear();
        for c in dom.children(parent) {
            if !is_box(dom, c) || chars[c] == 0 {
                continue;
            }
            let key = (dom.tag(c), dom.attr_named(c, &local_name!("class")));
            let like = usize::from(item_like(c, chars, &self.parts, t));
            if let Some(s) = shapes.iter_mut().find(|(k, _, _)| *k == key) {
                s.1 += 1;
                s.2 += like;
            } else if shapes.len() < MAX_SHAPES {
                shapes.push((key, 1, like));
            }
        }
        for &(key, n, like) in shapes.iter() {
            if n < t.item_min_count || like * 100 < n * t.item_like_percent {
                continue;
            }
            for c in dom.children(parent) {
                if (dom.tag(c), dom.attr_named(c, &local_name!("class"))) == key && chars[c] > 0 {
                    self.member[c] = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::{parse, NodeData};

    fn chars(dom: &Dom) -> Vec<u32> {
        let mut c = vec![0u32; dom.len()];
        for id in dom.subtree_rev(dom.body()) {
            if let NodeData::Text(t) = dom.data(id) {
                c[id] = crate::util::count_non_space(t) as u32;
            }
            if let Some(p) = dom.parent(id) {
                c[p] += c[id];
            }
        }
        c
    }

    fn items_of(html: &str) -> usize {
        members(html, &local_name!("li"))
    }

    fn members(html: &str, tag: &html5ever::LocalName) -> usize {
        let dom = parse(html);
        let c = chars(&dom);
        let m = items(&dom, &c, &HtmlTuning::default());
        dom.descendants(dom.body())
            .filter(|&id| dom.tag(id) == Some(tag) && m[id])
            .count()
    }

    #[test]
    fn entries_are_items_and_menus_are_not() {
        let form = "<li class=e><a href=/x>A title of an entry</a><p>What the entry is about, in short.</p></li>";
        let page = format!(
            "<form><ul>{}</ul></form><p>{}</p>",
            form.repeat(5),
            "Prose. ".repeat(80)
        );
        assert_eq!(items_of(&page), 0);
        let entry = "<li class=e><a href=/x>A title of an entry</a><p>What the entry is about, in short.</p></li>";
        assert_eq!(items_of(&format!("<ul>{}</ul>", entry.repeat(5))), 5);
        let menu = "<li class=m><a href=/x>Section</a></li>";
        assert_eq!(items_of(&format!("<ul>{}</ul>", menu.repeat(8))), 0);
        let facet = "<li class=f><a href=/x>A brand name</a> (12)</li>";
        assert_eq!(items_of(&format!("<ul>{}</ul>", facet.repeat(8))), 0);
    }

    #[test]
    fn a_card_is_a_picture_and_its_linked_title() {
        let card = "<li class=c><a href=/r><img src=r.jpg alt=''><span>A slow cooked tomato sauce for pasta</span></a></li>";
        assert_eq!(items_of(&format!("<ul>{}</ul>", card.repeat(6))), 6);
        // The same links without pictures are a menu's.
        let link =
            "<li class=c><a href=/r><span>A slow cooked tomato sauce for pasta</span></a></li>";
        assert_eq!(items_of(&format!("<ul>{}</ul>", link.repeat(6))), 0);
    }

    #[test]
    fn anchors_that_go_nowhere_are_controls_not_links() {
        // A rating's stars are anchors to `#`: an entry with many of them is
        // still an entry, one with as many real links is a block of links.
        let stars = "<a href=#>1 star</a>".repeat(9);
        let entry = format!(
            "<li class=e><a href=/x>A title of an entry</a><p>What it is about.</p>{stars}</li>"
        );
        assert_eq!(items_of(&format!("<ul>{}</ul>", entry.repeat(5))), 5);
        let links = "<a href=/y>1 star</a>".repeat(9);
        let block = format!(
            "<li class=e><a href=/x>A title of an entry</a><p>What it is about.</p>{links}</li>"
        );
        assert_eq!(items_of(&format!("<ul>{}</ul>", block.repeat(5))), 0);
    }

    #[test]
    fn a_definition_list_holds_entries() {
        let entry = "<dt>[1]</dt><dd><a href=/x>A title of an entry</a><div>What the entry is about, in short.</div></dd>";
        assert_eq!(
            members(&format!("<dl>{}</dl>", entry.repeat(5)), &local_name!("dd")),
            5
        );
    }
}
