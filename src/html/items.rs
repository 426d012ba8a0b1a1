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

/// What one bottom-up pass gives of each node for the item tests.
struct Parts {
    /// Characters of the longest link below the node.
    link: Vec<u32>,
    /// Characters of the longest heading below the node.
    heading: Vec<u32>,
    /// Links below the node (saturating).
    links: Vec<u16>,
    /// Whether a picture (`<img>`, `<picture>`) lies below the node.
    picture: Vec<bool>,
}

fn parts(dom: &Dom, chars: &[u32]) -> Parts {
    let n = dom.len();
    let mut p = Parts {
        link: vec![0; n],
        heading: vec![0; n],
        links: vec![0; n],
        picture: vec![false; n],
    };
    let body = dom.body();
    for id in dom.subtree_rev(body) {
        // (An anchor that goes nowhere is a control, a rating's star say.)
        if dom.tag(id) == Some(&local_name!("a"))
            && dom
                .attr_named(id, &local_name!("href"))
                .is_some_and(|h| !goes_nowhere(h))
        {
            p.link[id] = p.link[id].max(chars[id]);
            p.links[id] = p.links[id].saturating_add(1);
        }
        if dom.tag(id).and_then(heading_level).is_some() {
            p.heading[id] = p.heading[id].max(chars[id]);
        }
        if is_tag(dom.tag(id), &[local_name!("img"), local_name!("picture")]) {
            p.picture[id] = true;
        }
        if id == body {
            continue;
        }
        if let Some(parent) = dom.parent(id) {
            p.link[parent] = p.link[parent].max(p.link[id]);
            p.heading[parent] = p.heading[parent].max(p.heading[id]);
            p.links[parent] = p.links[parent].saturating_add(p.links[id]);
            p.picture[parent] |= p.picture[id];
        }
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
    let title = if p.heading[id] > 0 {
        p.heading[id]
    } else {
        p.link[id]
    } as usize;
    (t.item_min_chars..=t.item_max_chars).contains(&all)
        && title >= t.item_title_chars
        // (Text of its own beside the title, or a picture: a card.)
        && (all.saturating_sub(title) >= t.item_text_chars || p.picture[id])
        && (p.links[id] as usize) <= t.item_max_links
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
    let p = parts(dom, chars);
    let mut member = vec![false; dom.len()];
    let body = dom.body();
    // A form's rows (a shop's buy box, a filter panel) are controls, not
    // items; a form that wraps most of the page is the page's layout.
    let mut in_form = vec![false; dom.len()];
    for id in dom.descendants(body) {
        let form = dom.tag(id) == Some(&local_name!("form"))
            && !wraps_page(chars[id] as usize, chars[body] as usize, t);
        in_form[id] = form || dom.parent(id).is_some_and(|q| in_form[q]);
    }
    for parent in std::iter::once(body).chain(dom.descendants(body)) {
        if dom.tag(parent).is_none() || chars[parent] == 0 || in_form[parent] {
            continue;
        }
        // (tag, class) of the children, with (members, item-like members).
        type Shape<'a> = (Option<&'a html5ever::LocalName>, Option<&'a str>);
        let mut shapes: Vec<(Shape, usize, usize)> = Vec::new();
        for c in dom.children(parent) {
            if !is_box(dom, c) || chars[c] == 0 {
                continue;
            }
            let key = (dom.tag(c), dom.attr_named(c, &local_name!("class")));
            let like = usize::from(item_like(c, chars, &p, t));
            if let Some(s) = shapes.iter_mut().find(|(k, _, _)| *k == key) {
                s.1 += 1;
                s.2 += like;
            } else if shapes.len() < MAX_SHAPES {
                shapes.push((key, 1, like));
            }
        }
        for (key, n, like) in shapes {
            if n < t.item_min_count || like * 100 < n * t.item_like_percent {
                continue;
            }
            for c in dom.children(parent) {
                if (dom.tag(c), dom.attr_named(c, &local_name!("class"))) == key && chars[c] > 0 {
                    member[c] = true;
                }
            }
        }
    }
    // Inside an item is in it.
    for id in dom.descendants(body) {
        if let Some(parent) = dom.parent(id) {
            if member[parent] {
                member[id] = true;
            }
        }
    }
    member
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
