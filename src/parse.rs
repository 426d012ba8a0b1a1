//! HTML parsing with html5ever into a compact arena DOM of our own.
//!
//! Nodes live in one `Vec` and point at each other by index, so walking the
//! tree needs no reference counting and no recursion (deeply nested input
//! cannot overflow the stack).

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, Attribute, LocalName, ParseOpts, QualName};

/// Index of a node in the arena.
pub(crate) type NodeId = usize;

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        /// The contents of a `<template>` (kept apart, never rendered).
        template: Option<NodeId>,
    },
    Text(StrTendril),
    /// Comments, doctypes and processing instructions.
    Other,
}

/// One node of the arena.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev: Option<NodeId>,
    pub next: Option<NodeId>,
    pub data: NodeData,
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// Returned by the sink's `elem_name` for a non-element (never asked for).
    none: QualName,
}

/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;

impl Dom {
    fn new() -> Dom {
        Dom {
            nodes: vec![Node {
                parent: None,
                first_child: None,
                last_child: None,
                prev: None,
                next: None,
                data: NodeData::Document,
            }],
            none: QualName::new(None, ns!(), local_name!("")),
        }
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        self.nodes.push(Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            data,
        });
        self.nodes.len() - 1
    }

    fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id];
            (n.parent, n.prev, n.next)
        };
        if let Some(p) = prev {
            self.nodes[p].next = next;
        } else if let Some(par) = parent {
            self.nodes[par].first_child = next;
        }
        if let Some(n) = next {
            self.nodes[n].prev = prev;
        } else if let Some(par) = parent {
            self.nodes[par].last_child = prev;
        }
        let n = &mut self.nodes[id];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = last;
        match last {
            Some(l) => self.nodes[l].next = Some(child),
            None => self.nodes[parent].first_child = Some(child),
        }
        self.nodes[parent].last_child = Some(child);
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling].parent else {
            return;
        };
        let prev = self.nodes[sibling].prev;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = prev;
        self.nodes[child].next = Some(sibling);
        self.nodes[sibling].prev = Some(child);
        match prev {
            Some(p) => self.nodes[p].next = Some(child),
            None => self.nodes[parent].first_child = Some(child),
        }
    }

    /// Appends text, merging with a text node just before it.
    fn append_text(&mut self, parent: NodeId, text: &StrTendril) {
        if let Some(last) = self.nodes[parent].last_child {
            if let NodeData::Text(t) = &mut self.nodes[last].data {
                t.push_tendril(text);
                return;
            }
        }
        let id = self.push(NodeData::Text(text.clone()));
        self.append(parent, id);
    }

    fn text_before(&mut self, sibling: NodeId, text: &StrTendril) {
        if let Some(prev) = self.nodes[sibling].prev {
            if let NodeData::Text(t) = &mut self.nodes[prev].data {
                t.push_tendril(text);
                return;
            }
        }
        let id = self.push(NodeData::Text(text.clone()));
        self.insert_before(sibling, id);
    }

    /// The element's local name (`div`, `p`), or `None` for other nodes.
    pub(crate) fn tag(&self, id: NodeId) -> Option<&LocalName> {
        match &self.nodes[id].data {
            NodeData::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// Whether the element is in the HTML namespace (not SVG or MathML).
    pub(crate) fn is_html(&self, id: NodeId) -> bool {
        matches!(&self.nodes[id].data, NodeData::Element { name, .. } if name.ns == ns!(html))
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    /// The children of a node, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id].first_child,
        }
    }

    /// All nodes below `root` (not `root` itself) in document order; iterative.
    pub(crate) fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root,
            next: self.nodes[root].first_child,
        }
    }

    /// The next node in document order after `id`'s whole subtree, within `root`.
    pub(crate) fn skip_subtree(&self, root: NodeId, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == root {
                return None;
            }
            if let Some(n) = self.nodes[id].next {
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
        self.next = self.dom.nodes[id].next;
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
        self.next = match self.dom.nodes[id].first_child {
            Some(c) => Some(c),
            None => self.dom.skip_subtree(self.root, id),
        };
        Some(id)
    }
}

/// The tree sink html5ever builds into.
struct Sink {
    dom: RefCell<Dom>,
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.dom.borrow(), |d| match &d.nodes[*target].data {
            NodeData::Element { name, .. } => name,
            _ => &d.none,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut dom = self.dom.borrow_mut();
        let template = flags.template.then(|| dom.push(NodeData::Document));
        dom.push(NodeData::Element {
            name,
            attrs,
            template,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => dom.append(*parent, n),
            NodeOrText::AppendText(t) => dom.append_text(*parent, &t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.dom.borrow().nodes[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.dom.borrow().nodes[*target].data {
            NodeData::Element {
                template: Some(t), ..
            } => *t,
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(n) => dom.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => dom.text_before(*sibling, &t),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, new: Vec<Attribute>) {
        if let NodeData::Element { attrs, .. } = &mut self.dom.borrow_mut().nodes[*target].data {
            for a in new {
                if attrs.len() >= MAX_ATTRS {
                    break;
                }
                if !attrs.iter().any(|b| b.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        while let Some(c) = dom.nodes[*node].first_child {
            dom.append(*new_parent, c);
        }
    }
}

/// How deep elements may nest; deeper start tags are dropped before parsing.
/// Browsers cap the tree too (Chromium at 512), and html5ever's work grows
/// with the square of the depth.
const MAX_DEPTH: usize = 1024;

/// How many attributes of one tag are kept: html5ever compares each new
/// attribute with those before it, so a tag with 500,000 attributes takes
/// minutes.
const MAX_ATTRS: usize = 256;

/// Elements that have no end tag, or whose end tag is implied by the next one.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
];

/// Drops start tags that would nest deeper than `max` (an approximate,
/// linear scan); returns the input unchanged when nothing is that deep.
fn limit_depth(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        let end = match rest.iter().position(|&b| b == b'>') {
            Some(e) => at + 1 + e,
            None => break,
        };
        i = end + 1;
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { 1 } else { 0 };
        let name: String = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
        if name.is_empty() || FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if bytes[end - 1] != b'/' {
            depth += 1;
            if depth > max {
                let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
                o.push_str(&html[copied..at]);
                copied = end + 1;
            }
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

/// Cuts start tags to their first `max` attributes (one linear pass that
/// reads tags and quoted values as a tokenizer does, not raw text);
/// returns the input unchanged when no tag has more.
fn limit_attrs(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let n = b.len();
    let space = |c: u8| c.is_ascii_whitespace() || c == b'/';
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr_lt(&b[i..]) {
        let at = i + off;
        i = at + 1;
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        while i < n && !space(b[i]) && b[i] != b'>' {
            i += 1;
        }
        let mut count = 0usize;
        let mut cut = None;
        loop {
            while i < n && space(b[i]) {
                i += 1;
            }
            if i >= n || b[i] == b'>' {
                break;
            }
            count += 1;
            if count == max + 1 {
                cut = Some(i);
            }
            if b[i] != b'=' {
                while i < n && !space(b[i]) && b[i] != b'=' && b[i] != b'>' {
                    i += 1;
                }
                while i < n && b[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
            if i < n && b[i] == b'=' {
                i += 1;
                while i < n && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        i += 1;
                        while i < n && b[i] != q {
                            i += 1;
                        }
                        i += 1;
                    }
                    _ => {
                        while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
        let end = i.min(n);
        if let Some(cut) = cut {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..cut]);
            o.push('>');
            copied = (end + 1).min(n);
        }
        i = (end + 1).min(n);
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Parses an HTML document (fragments are wrapped in `html`/`body` as browsers do).
pub(crate) fn parse(html: &str) -> Dom {
    let sink = Sink {
        dom: RefCell::new(Dom::new()),
    };
    let html = limit_attrs(html, MAX_ATTRS);
    let html = limit_depth(&html, MAX_DEPTH);
    parse_document(sink, ParseOpts::default()).one(&*html)
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
        let few = "<p a=1 b c=\"2 > 3\" d>x</p>";
        assert_eq!(limit_attrs(few, 3), "<p a=1 b c=\"2 > 3\" >x</p>");
        assert!(matches!(limit_attrs(few, 4), Cow::Borrowed(_)));
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
        // Ordinary pages pass through untouched.
        let page = "<p>a<p>b<ul><li>c<li>d</ul><img src=x><br>";
        assert!(matches!(limit_depth(page, 2), Cow::Borrowed(_)));
    }
}
