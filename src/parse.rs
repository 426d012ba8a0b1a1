//! HTML parsing into a compact arena DOM of our own.
//!
//! The tokenizer (`parse/tokenizer.rs`) and the tree builder
//! (`parse/tree.rs`) follow the HTML standard's parsing algorithm, as
//! browsers and html5ever do: implied end tags, the adoption agency for
//! misnested formatting, foster parenting in tables, raw text elements,
//! foreign content (SVG, MathML), every named character reference. They
//! work on the bytes of the input in one pass, keep attribute names and
//! values in one buffer, and build straight into the arena.
//!
//! Nodes live in one `Vec` and point at each other by index, so walking the
//! tree needs no reference counting and no recursion (deeply nested input
//! cannot overflow the stack).

mod entities;
mod tokenizer;
mod tree;

use html5ever::{local_name, LocalName};

/// Index of a node in the arena.
pub(crate) type NodeId = usize;

/// "No node" in the compact links between nodes.
const NONE: u32 = u32::MAX;

/// The namespace of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    Html,
    Svg,
    MathMl,
}

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element {
        name: LocalName,
        ns: Ns,
        /// The element's attributes: `Dom::attrs[start..end]`.
        attrs: (u32, u32),
        /// The contents of a `<template>` (kept apart, never rendered), or `NONE`.
        template: u32,
    },
    Text(Box<str>),
    /// Comments and processing instructions.
    Other,
}

/// One attribute: byte ranges of its name and value in `Dom::strings`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    name: (u32, u32),
    value: (u32, u32),
}

/// One node of the arena.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    pub data: NodeData,
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    attrs: Vec<Attr>,
    /// Attribute names and values, one after the other.
    strings: String,
}

/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;

fn link(id: u32) -> Option<NodeId> {
    (id != NONE).then_some(id as NodeId)
}

impl Dom {
    fn new(capacity: usize) -> Dom {
        let mut dom = Dom {
            nodes: Vec::with_capacity(capacity),
            attrs: Vec::new(),
            strings: String::new(),
        };
        dom.push(NodeData::Document);
        dom
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        self.nodes.push(Node {
            parent: None,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        });
        self.nodes.len() - 1
    }

    fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id];
            (n.parent, n.prev, n.next)
        };
        if prev != NONE {
            self.nodes[prev as usize].next = next;
        } else if let Some(par) = parent {
            self.nodes[par].first_child = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev = prev;
        } else if let Some(par) = parent {
            self.nodes[par].last_child = prev;
        }
        let n = &mut self.nodes[id];
        n.parent = None;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = last;
        if last != NONE {
            self.nodes[last as usize].next = child as u32;
        } else {
            self.nodes[parent].first_child = child as u32;
        }
        self.nodes[parent].last_child = child as u32;
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling].parent else {
            return;
        };
        let prev = self.nodes[sibling].prev;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = prev;
        self.nodes[child].next = sibling as u32;
        self.nodes[sibling].prev = child as u32;
        if prev != NONE {
            self.nodes[prev as usize].next = child as u32;
        } else {
            self.nodes[parent].first_child = child as u32;
        }
    }

    /// Appends text to a node, merging with a text node just before it.
    fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = link(self.nodes[parent].last_child) {
            if let NodeData::Text(t) = &mut self.nodes[last].data {
                *t = [&**t, text].concat().into_boxed_str();
                return;
            }
        }
        let id = self.push(NodeData::Text(text.into()));
        self.append(parent, id);
    }

    /// Inserts text before a node, merging with a text node just before it.
    fn text_before(&mut self, sibling: NodeId, text: &str) {
        if let Some(prev) = link(self.nodes[sibling].prev) {
            if let NodeData::Text(t) = &mut self.nodes[prev].data {
                *t = [&**t, text].concat().into_boxed_str();
                return;
            }
        }
        let id = self.push(NodeData::Text(text.into()));
        self.insert_before(sibling, id);
    }

    /// The element's local name (`div`, `p`), or `None` for other nodes.
    pub(crate) fn tag(&self, id: NodeId) -> Option<&LocalName> {
        match &self.nodes[id].data {
            NodeData::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// Whether the element is in the HTML namespace (not SVG or MathML).
    pub(crate) fn is_html(&self, id: NodeId) -> bool {
        matches!(&self.nodes[id].data, NodeData::Element { ns: Ns::Html, .. })
    }

    fn str_at(&self, (start, end): (u32, u32)) -> &str {
        &self.strings[start as usize..end as usize]
    }

    fn attr_list(&self, id: NodeId) -> &[Attr] {
        match &self.nodes[id].data {
            NodeData::Element {
                attrs: (start, end),
                ..
            } => &self.attrs[*start as usize..*end as usize],
            _ => &[],
        }
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attr_list(id)
            .iter()
            .find(|a| self.str_at(a.name) == name)
            .map(|a| self.str_at(a.value))
    }

    /// The children of a node, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: link(self.nodes[id].first_child),
        }
    }

    /// All nodes below `root` (not `root` itself) in document order; iterative.
    pub(crate) fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root,
            next: link(self.nodes[root].first_child),
        }
    }

    /// The next node in document order after `id`'s whole subtree, within `root`.
    pub(crate) fn skip_subtree(&self, root: NodeId, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == root {
                return None;
            }
            if let Some(n) = link(self.nodes[id].next) {
                return Some(n);
            }
            id = self.nodes[id].parent?;
        }
    }

    /// The first element with this tag name below `root`.
    pub(crate) fn find(&self, root: NodeId, tag: &LocalName) -> Option<NodeId> {
        self.descendants(root)
            .find(|&n| self.tag(n) == Some(tag) && self.is_html(n))
    }

    /// The text of a subtree, concatenated (no separators added).
    pub(crate) fn text(&self, root: NodeId) -> String {
        let mut out = String::new();
        if let NodeData::Text(t) = &self.nodes[root].data {
            out.push_str(t);
        }
        for n in self.descendants(root) {
            if let NodeData::Text(t) = &self.nodes[n].data {
                out.push_str(t);
            }
        }
        out
    }

    /// The `<body>` element, or the document when there is none.
    pub(crate) fn body(&self) -> NodeId {
        self.find(DOCUMENT, &local_name!("body"))
            .unwrap_or(DOCUMENT)
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = link(self.dom.nodes[id].next);
        Some(id)
    }
}

/// Iterator over a subtree in document order.
pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = match link(self.dom.nodes[id].first_child) {
            Some(c) => Some(c),
            None => self.dom.skip_subtree(self.root, id),
        };
        Some(id)
    }
}

/// How deep elements may nest; deeper start tags are dropped. Browsers cap
/// the tree too (Chromium at 512), and the tree builder's scope checks walk
/// the stack of open elements.
const MAX_DEPTH: usize = 1024;

/// How many attributes of one tag are kept; the others are read and dropped.
const MAX_ATTRS: usize = 256;

/// Parses an HTML document (fragments are wrapped in `html`/`body` as browsers do).
pub(crate) fn parse(html: &str) -> Dom {
    // A byte order mark is not content (html5ever and browsers drop it).
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    tree::Builder::new(html).run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_keeps_its_first_attributes() {
        let many: String = (0..300).map(|i| format!(" a{i}='x>y'")).collect();
        let html = format!("<p{many}>text</p><p b=1>more</p>");
        let dom = parse(&html);
        let p = dom.find(dom.body(), &local_name!("p")).expect("p");
        assert_eq!(dom.attr(p, "a0"), Some("x>y"));
        assert!(dom.attr(p, "a255").is_some());
        assert!(dom.attr(p, "a256").is_none());
        assert_eq!(dom.text(dom.body()), "textmore");
        // Repeated names: the first value counts.
        let dom = parse("<p a=1 A=2 b c=\"2 > 3\" d>x</p>");
        let p = dom.find(dom.body(), &local_name!("p")).expect("p");
        assert_eq!(dom.attr(p, "a"), Some("1"));
        assert_eq!(dom.attr(p, "b"), Some(""));
        assert_eq!(dom.attr(p, "c"), Some("2 > 3"));
        assert_eq!(dom.text(p), "x");
    }

    #[test]
    fn parses_and_walks() {
        let dom = parse("<title>T</title><p class=x>Hello <b>big</b> world<p>Two &amp; three");
        let body = dom.body();
        let ps: Vec<NodeId> = dom
            .descendants(body)
            .filter(|&n| dom.tag(n) == Some(&local_name!("p")))
            .collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text(ps[0]), "Hello big world");
        assert_eq!(dom.attr(ps[0], "class"), Some("x"));
        assert_eq!(dom.text(ps[1]), "Two & three");
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = "<div>".repeat(200_000) + "x" + &"</div>".repeat(200_000);
        let dom = parse(&html);
        assert_eq!(dom.text(dom.body()), "x");
        let divs = dom
            .descendants(DOCUMENT)
            .filter(|&n| dom.tag(n) == Some(&local_name!("div")))
            .count();
        assert_eq!(divs, MAX_DEPTH);
    }
}
