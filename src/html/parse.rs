//! HTML parsing with html5ever into a compact arena DOM of our own.
//!
//! Nodes live in one `Vec` and point at each other by index, so walking the
//! tree needs no reference counting and no recursion (deeply nested input
//! cannot overflow the stack). A node is 32 bytes: its links, an element's
//! local name, and the index of its text or attributes in a side table.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;
use std::num::NonZeroU32;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::QualName;
use html5ever::{local_name, ns, parse_document, Attribute, LocalName, Namespace, ParseOpts};

use super::hints::Hints;
use crate::util::{count_non_space, le_word};

// Our own tokenizer and tree builder (the `own-parser` feature): the same
// tree as html5ever's, checked against it (tests/parse_diff.rs, the fuzz
// target `parse_diff`).
#[cfg(feature = "own-parser")]
mod entities;
#[cfg(feature = "own-parser")]
mod tokenizer;
#[cfg(feature = "own-parser")]
mod tree;

/// Index of a node in the arena.
pub(crate) type NodeId = usize;

/// A link between nodes, in 4 bytes: the document (node 0) is never a
/// child or a sibling, so 0 means none.
type Link = Option<NonZeroU32>;

fn link(id: NodeId) -> Link {
    u32::try_from(id).ok().and_then(NonZeroU32::new)
}

fn node(l: NonZeroU32) -> NodeId {
    l.get() as NodeId
}

/// No parent (the document, and nodes not yet or no longer in the tree).
const NO_PARENT: u32 = u32::MAX;

/// What a node is, in the low bits of `Node::data`; the bits above
/// `INDEX_SHIFT` index the node's entry in `Dom::texts` (text) or
/// `Dom::attrs` (an element's attributes; 0 for none).
const KIND: u32 = 0b11;
const DOCUMENT_KIND: u32 = 0;
const ELEMENT: u32 = 1;
const TEXT: u32 = 2;
/// Comments, doctypes and processing instructions.
const OTHER: u32 = 3;
/// An element's namespace, in the two bits above the kind: html5ever
/// makes elements in these three only.
const NS: u32 = 0b1100;
const HTML: u32 = 0;
const SVG: u32 = 0b0100;
const MATHML: u32 = 0b1000;
const OTHER_NS: u32 = 0b1100;
const INDEX_SHIFT: u32 = 4;

/// The namespaces by their bits (`NS`), for `elem_name` to hand out.
static NAMESPACES: [Namespace; 4] = [ns!(html), ns!(svg), ns!(mathml), ns!()];
/// Entries of `Dom::texts` and `Dom::attrs` past this many cannot be
/// indexed: a text node past it is dropped, an element keeps no attributes
/// (an input of over a gigabyte of markup).
const MAX_INDEX: usize = (u32::MAX >> INDEX_SHIFT) as usize;

/// What a node is, as the rest of the crate reads it.
pub(crate) enum NodeData<'a> {
    Document,
    Element,
    Text(&'a StrTendril),
    Other,
}

/// One node of the arena: 32 bytes.
#[derive(Debug)]
struct Node {
    /// The element's local name (the empty name for other nodes).
    local: LocalName,
    parent: u32,
    first_child: Link,
    last_child: Link,
    prev: Link,
    next: Link,
    /// Kind, namespace and index (see `KIND`).
    data: u32,
}

impl Node {
    fn new(local: LocalName, data: u32) -> Node {
        Node {
            local,
            parent: NO_PARENT,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            data,
        }
    }

    fn parent(&self) -> Option<NodeId> {
        (self.parent != NO_PARENT).then_some(self.parent as NodeId)
    }

    fn index(&self) -> usize {
        (self.data >> INDEX_SHIFT) as usize
    }
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    nodes: Vec<Node>,
    /// Elements' attributes (the first entry, empty, is for elements without).
    attrs: Vec<Vec<Attribute>>,
    texts: Vec<StrTendril>,
    /// `<template>` elements and the document fragments of their contents
    /// (kept apart, never rendered), in the order of their ids.
    templates: Vec<(NodeId, NodeId)>,
    /// What the class and id of each entry of `attrs` say, read once when
    /// the parse is done (see [`Dom::hints`]).
    hints: Vec<Hints>,
    /// The characters (not white space) of each entry of `texts`, counted
    /// once when the parse is done (see [`Dom::text_chars`]).
    text_chars: Vec<usize>,
    /// The `<body>` element (see [`Dom::body`]), found once when the parse
    /// is done: asked for by every pass, each search walked the whole
    /// `<head>` first.
    body: NodeId,
}

/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;

impl Dom {
    fn new() -> Dom {
        Dom {
            nodes: vec![Node::new(local_name!(""), DOCUMENT_KIND)],
            attrs: vec![Vec::new()],
            texts: Vec::new(),
            templates: Vec::new(),
            hints: Vec::new(),
            text_chars: Vec::new(),
            body: DOCUMENT,
        }
    }

    /// How many nodes there are (ids are below this).
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    fn push(&mut self, local: LocalName, data: u32) -> NodeId {
        self.nodes.push(Node::new(local, data));
        self.nodes.len() - 1
    }

    fn push_text_node(&mut self, text: StrTendril) -> NodeId {
        let at = self.texts.len();
        if at > MAX_INDEX {
            return self.push(local_name!(""), OTHER);
        }
        self.texts.push(text);
        self.push(local_name!(""), (at as u32) << INDEX_SHIFT | TEXT)
    }

    /// What a node is.
    pub(crate) fn data(&self, id: NodeId) -> NodeData<'_> {
        let n = &self.nodes[id];
        match n.data & KIND {
            DOCUMENT_KIND => NodeData::Document,
            ELEMENT => NodeData::Element,
            TEXT => NodeData::Text(&self.texts[n.index()]),
            _ => NodeData::Other,
        }
    }

    /// The element's attributes (none for other nodes).
    pub(crate) fn attrs(&self, id: NodeId) -> &[Attribute] {
        let n = &self.nodes[id];
        match n.data & KIND {
            ELEMENT => &self.attrs[n.index()],
            _ => &[],
        }
    }

    fn text_mut(&mut self, id: NodeId) -> Option<&mut StrTendril> {
        let n = &self.nodes[id];
        match n.data & KIND {
            TEXT => Some(&mut self.texts[n.index()]),
            _ => None,
        }
    }

    /// What an element's class and id say ([`super::furniture::hints`]);
    /// the default for other nodes.
    pub(super) fn hints(&self, id: NodeId) -> Hints {
        let n = &self.nodes[id];
        match n.data & KIND {
            ELEMENT => self.hints.get(n.index()).copied().unwrap_or_default(),
            _ => Hints::default(),
        }
    }

    /// The characters of a text node that are not white space
    /// ([`crate::util::count_non_space`] of its text); 0 for other nodes.
    pub(crate) fn text_chars(&self, id: NodeId) -> usize {
        let n = &self.nodes[id];
        match n.data & KIND {
            TEXT => self.text_chars.get(n.index()).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// The characters of a subtree's text that are not white space:
    /// `count_non_space(&self.text(root))`, without building the text.
    pub(crate) fn subtree_chars(&self, root: NodeId) -> usize {
        self.text_chars(root)
            + self
                .descendants(root)
                .map(|n| self.text_chars(n))
                .sum::<usize>()
    }

    /// A node's parent.
    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent()
    }

    /// Takes an attribute off an element.
    fn remove_attr(&mut self, id: NodeId, name: &LocalName) {
        let n = &self.nodes[id];
        if n.data & KIND == ELEMENT {
            let i = n.index();
            self.attrs[i].retain(|a| a.name.local != *name);
        }
    }

    fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id];
            (n.parent(), n.prev, n.next)
        };
        if let Some(p) = prev {
            self.nodes[node(p)].next = next;
        } else if let Some(par) = parent {
            self.nodes[par].first_child = next;
        }
        if let Some(n) = next {
            self.nodes[node(n)].prev = prev;
        } else if let Some(par) = parent {
            self.nodes[par].last_child = prev;
        }
        let n = &mut self.nodes[id];
        n.parent = NO_PARENT;
        n.prev = None;
        n.next = None;
    }

    fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent].last_child;
        self.nodes[child].parent = parent as u32;
        self.nodes[child].prev = last;
        match last {
            Some(l) => self.nodes[node(l)].next = link(child),
            None => self.nodes[parent].first_child = link(child),
        }
        self.nodes[parent].last_child = link(child);
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling].parent() else {
            return;
        };
        let prev = self.nodes[sibling].prev;
        self.nodes[child].parent = parent as u32;
        self.nodes[child].prev = prev;
        self.nodes[child].next = link(sibling);
        self.nodes[sibling].prev = link(child);
        match prev {
            Some(p) => self.nodes[node(p)].next = link(child),
            None => self.nodes[parent].first_child = link(child),
        }
    }

    /// Appends text, merging with a text node just before it.
    fn append_text(&mut self, parent: NodeId, text: &StrTendril) {
        if let Some(last) = self.nodes[parent].last_child {
            if let Some(t) = self.text_mut(node(last)) {
                t.push_tendril(text);
                return;
            }
        }
        let id = self.push_text_node(text.clone());
        self.append(parent, id);
    }

    fn text_before(&mut self, sibling: NodeId, text: &StrTendril) {
        if let Some(prev) = self.nodes[sibling].prev {
            if let Some(t) = self.text_mut(node(prev)) {
                t.push_tendril(text);
                return;
            }
        }
        let id = self.push_text_node(text.clone());
        self.insert_before(sibling, id);
    }

    /// Appends text given as a string (the own parser's), merging as
    /// [`Dom::append_text`] does.
    #[cfg(feature = "own-parser")]
    fn append_str(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.nodes[parent].last_child {
            if let Some(t) = self.text_mut(node(last)) {
                t.push_slice(text);
                return;
            }
        }
        let id = self.push_text_node(StrTendril::from_slice(text));
        self.append(parent, id);
    }

    /// Inserts text given as a string before a node, merging as
    /// [`Dom::text_before`] does.
    #[cfg(feature = "own-parser")]
    fn str_before(&mut self, sibling: NodeId, text: &str) {
        if let Some(prev) = self.nodes[sibling].prev {
            if let Some(t) = self.text_mut(node(prev)) {
                t.push_slice(text);
                return;
            }
        }
        let id = self.push_text_node(StrTendril::from_slice(text));
        self.insert_before(sibling, id);
    }

    /// A comment (or a processing instruction): a node of its own, its
    /// text not kept.
    fn push_other(&mut self) -> NodeId {
        self.push(local_name!(""), OTHER)
    }

    /// An element, as either parser makes it: its attributes in an entry
    /// of `attrs` (none: entry 0), its namespace in `ns` (`HTML`, `SVG`,
    /// `MATHML`, `OTHER_NS`), and a `<template>`'s contents as a document
    /// node of its own right after it.
    fn create_element(
        &mut self,
        local: LocalName,
        ns: u32,
        attrs: Vec<Attribute>,
        template: bool,
    ) -> NodeId {
        let at = self.attrs.len();
        let index = if attrs.is_empty() || at > MAX_INDEX {
            0
        } else {
            self.attrs.push(attrs);
            at as u32
        };
        let id = self.push(local, index << INDEX_SHIFT | ns | ELEMENT);
        if template {
            let contents = self.push(local_name!(""), DOCUMENT_KIND);
            self.templates.push((id, contents));
        }
        id
    }

    /// Where a `<template>`'s children go (its contents); the node itself
    /// for any other.
    fn template_contents(&self, target: NodeId) -> NodeId {
        // Pushed as they are made, so in the order of their ids.
        match self.templates.binary_search_by_key(&target, |&(t, _)| t) {
            Ok(i) => self.templates[i].1,
            Err(_) => target,
        }
    }

    /// Adds the attributes an element does not have yet (a second `<html>`
    /// or `<body>` tag's), up to `MAX_ATTRS`.
    fn add_attrs_if_missing(&mut self, target: NodeId, new: Vec<Attribute>) {
        let n = &self.nodes[target];
        if n.data & KIND != ELEMENT {
            return;
        }
        let mut index = n.index();
        if index == 0 {
            // An element without attributes gets its entry.
            index = self.attrs.len();
            if index > MAX_INDEX {
                return;
            }
            self.attrs.push(Vec::new());
            self.nodes[target].data |= (index as u32) << INDEX_SHIFT;
        }
        let attrs = &mut self.attrs[index];
        for a in new {
            if attrs.len() >= MAX_ATTRS {
                break;
            }
            if !attrs.iter().any(|b| b.name == a.name) {
                attrs.push(a);
            }
        }
    }

    /// The element's local name (`div`, `p`), or `None` for other nodes.
    pub(crate) fn tag(&self, id: NodeId) -> Option<&LocalName> {
        let n = &self.nodes[id];
        (n.data & KIND == ELEMENT).then_some(&n.local)
    }

    /// Whether the element is in the HTML namespace (not SVG or MathML).
    pub(crate) fn is_html(&self, id: NodeId) -> bool {
        self.nodes[id].data & (KIND | NS) == ELEMENT | HTML
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs(id)
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// An attribute's value, by its interned name (no string comparison).
    pub(crate) fn attr_named(&self, id: NodeId, name: &LocalName) -> Option<&str> {
        self.attrs(id)
            .iter()
            .find(|a| a.name.local == *name)
            .map(|a| &*a.value)
    }

    /// A node's first child.
    pub(crate) fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].first_child.map(node)
    }

    /// The node after this one among its parent's children.
    pub(crate) fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].next.map(node)
    }

    pub(crate) fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].prev.map(node)
    }

    /// The children of a node, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id].first_child.map(node),
        }
    }

    /// All nodes below `root` (not `root` itself) in document order; iterative.
    pub(crate) fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root,
            next: self.nodes[root].first_child.map(node),
        }
    }

    /// All nodes of `root`'s subtree, `root` last, in reverse document
    /// order (children before their parent): for bottom-up passes, without
    /// a list of the nodes.
    pub(crate) fn subtree_rev(&self, root: NodeId) -> SubtreeRev<'_> {
        SubtreeRev {
            dom: self,
            root,
            next: Some(self.last_leaf(root)),
        }
    }

    /// The last node in document order of `id`'s subtree.
    fn last_leaf(&self, mut id: NodeId) -> NodeId {
        while let Some(c) = self.nodes[id].last_child {
            id = node(c);
        }
        id
    }

    /// The next node in document order after `id`'s whole subtree, within `root`.
    pub(crate) fn skip_subtree(&self, root: NodeId, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == root {
                return None;
            }
            if let Some(n) = self.nodes[id].next {
                return Some(node(n));
            }
            id = self.nodes[id].parent()?;
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
        self.push_text(root, &mut out);
        out
    }

    /// Appends the text of a subtree to `out`.
    pub(crate) fn push_text(&self, root: NodeId, out: &mut String) {
        if let NodeData::Text(t) = self.data(root) {
            out.push_str(t);
        }
        for n in self.descendants(root) {
            if let NodeData::Text(t) = self.data(n) {
                out.push_str(t);
            }
        }
    }

    /// The `<body>` element, or the document when there is none (as found
    /// when the parse was done: the tree does not change after it).
    pub(crate) fn body(&self) -> NodeId {
        self.body
    }

    /// The first `<body>` element in document order, or the document.
    fn find_body(&self) -> NodeId {
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
        self.next = self.dom.nodes[id].next.map(node);
        Some(id)
    }
}

/// Iterator over a subtree in reverse document order.
pub(crate) struct SubtreeRev<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for SubtreeRev<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = if id == self.root {
            None
        } else {
            match self.dom.nodes[id].prev {
                Some(p) => Some(self.dom.last_leaf(node(p))),
                None => self.dom.nodes[id].parent(),
            }
        };
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
            Some(c) => Some(node(c)),
            None => self.dom.skip_subtree(self.root, id),
        };
        Some(id)
    }
}

/// An element's name as html5ever asks for it.
#[derive(Debug)]
struct ElemRef<'a>(Ref<'a, Node>);

impl ElemName for ElemRef<'_> {
    fn ns(&self) -> &Namespace {
        &NAMESPACES[((self.0.data & NS) >> 2) as usize]
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

/// The tree sink html5ever builds into.
struct Sink {
    dom: RefCell<Dom>,
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = ElemRef<'a>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> ElemRef<'a> {
        ElemRef(Ref::map(self.dom.borrow(), |d| &d.nodes[*target]))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let ns = match name.ns {
            ns!(html) => HTML,
            ns!(svg) => SVG,
            ns!(mathml) => MATHML,
            _ => OTHER_NS,
        };
        self.dom
            .borrow_mut()
            .create_element(name.local, ns, attrs, flags.template)
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.dom.borrow_mut().push_other()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.dom.borrow_mut().push_other()
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
        let has_parent = self.dom.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.dom.borrow().template_contents(*target)
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
        self.dom.borrow_mut().add_attrs_if_missing(*target, new);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        while let Some(c) = dom.nodes[*node].first_child {
            dom.append(*new_parent, self::node(c));
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

/// Elements that have no end tag, or whose end tag is implied by the next
/// one: they do not count towards `MAX_DEPTH`.
fn flat(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The first position at or after `from` of an ASCII byte, eight bytes at a time.
fn find_byte(h: &[u8], from: usize, b: u8) -> Option<usize> {
    let mut i = from;
    while let Some(w) = le_word(h, i) {
        let y = w ^ (LO * u64::from(b));
        let m = y.wrapping_sub(LO) & !y & HI;
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    h[i..].iter().position(|&c| c == b).map(|p| i + p)
}

/// The first position at or after `from` where `needle` starts.
fn find(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while i + needle.len() <= h.len() {
        i = find_byte(h, i, needle[0])?;
        if h[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Byte classes for reading tags: white space, and the bytes that end a name.
const SPACE: u8 = 1;
const NAME_END: u8 = 2;
const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 5 {
        t[[b'\t', b'\n', 0x0C, b'\r', b' '][i] as usize] = SPACE | NAME_END;
        i += 1;
    }
    t[b'/' as usize] = NAME_END;
    t[b'>' as usize] = NAME_END;
    t
}
static CLASSES: [u8; 256] = byte_classes();

fn is_space(b: u8) -> bool {
    CLASSES[usize::from(b)] & SPACE != 0
}

/// From `i`, the end of a name: white space, `/`, `>` (or `=` when `eq`).
fn name_end(b: &[u8], mut i: usize, eq: bool) -> usize {
    while i < b.len() && CLASSES[usize::from(b[i])] & NAME_END == 0 && !(eq && b[i] == b'=') {
        i += 1;
    }
    i
}

/// Whether `</name` followed by white space, `/` or `>` is at `at`
/// (html5ever's "appropriate end tag"), ASCII case-insensitively.
fn end_tag_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    let n = name.len();
    b.len() > at + 2 + n
        && b[at + 1] == b'/'
        && b[at + 2..at + 2 + n].eq_ignore_ascii_case(name)
        && (is_space(b[at + 2 + n]) || matches!(b[at + 2 + n], b'/' | b'>'))
}

/// A tag name in lower case, for the few names looked for (longer names
/// are cut: they are none of them).
struct Name {
    bytes: [u8; 16],
    len: usize,
}

impl Name {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

fn lower_name(raw: &[u8]) -> Name {
    let mut bytes = [0u8; 16];
    let len = if raw.len() > bytes.len() {
        0
    } else {
        raw.len()
    };
    for (d, s) in bytes.iter_mut().zip(&raw[..len]) {
        *d = s.to_ascii_lowercase();
    }
    Name { bytes, len }
}

/// A start or end tag as the tokenizer reads it.
struct TagScan {
    /// The byte after the tag's `>`.
    end: usize,
    /// Where to cut the tag when it has more than `MAX_ATTRS` attributes.
    cut: Option<usize>,
    self_closing: bool,
    /// Whether its `type` attribute names JSON (`application/ld+json`) or
    /// TeX (`math/tex`): a script whose text is kept.
    json: bool,
}

/// Reads a tag whose name ends at `i`, attributes with their quotes;
/// `None` when the input ends inside it.
fn scan_tag(b: &[u8], mut i: usize) -> Option<TagScan> {
    let mut count = 0;
    let mut cut = None;
    let mut json = false;
    let mut typed = false;
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => {
                return Some(TagScan {
                    end: i + 1,
                    cut,
                    self_closing: false,
                    json,
                })
            }
            b'/' => {
                if b.get(i + 1) == Some(&b'>') {
                    return Some(TagScan {
                        end: i + 2,
                        cut,
                        self_closing: true,
                        json,
                    });
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        count += 1;
        if count == MAX_ATTRS + 1 {
            cut = Some(i);
        }
        // The name (its first character may be `=`).
        let name_start = i;
        i = name_end(b, i + 1, true);
        let is_type = b[name_start..i].eq_ignore_ascii_case(b"type");
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            typed |= is_type && count <= MAX_ATTRS;
            continue;
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let (v0, v1) = match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                let close = find_byte(b, i + 1, q)?;
                let v = (i + 1, close);
                i = close + 1;
                v
            }
            b'>' => continue,
            _ => {
                let start = i;
                while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                (start, i)
            }
        };
        // The first `type` counts, as the first of repeated attributes does.
        if is_type && !typed && count <= MAX_ATTRS {
            typed = true;
            let v = &b[v0..v1];
            json = v.windows(4).any(|w| w.eq_ignore_ascii_case(b"json"))
                || v.windows(9).any(|w| w.eq_ignore_ascii_case(b"math/tex;"))
                || v.eq_ignore_ascii_case(b"math/tex");
        }
    }
}

/// HTML start tags that end foreign content (SVG, MathML) in html5ever.
fn breaks_out(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// The end of a script's text (html5ever's script data states, with the
/// `<!--` and `<script>` escapes): where its end tag starts, or the end.
fn script_end(b: &[u8], mut i: usize) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Esc {
        No,
        Escaped,
        Dash,
        DashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    let script_at = |i: usize| {
        b.len() > i + 6
            && b[i..i + 6].eq_ignore_ascii_case(b"script")
            && (is_space(b[i + 6]) || matches!(b[i + 6], b'/' | b'>'))
    };
    let mut st = Esc::No;
    while i < b.len() {
        match st {
            Esc::No => {
                let Some(at) = find_byte(b, i, b'<') else {
                    return b.len();
                };
                i = at;
                if end_tag_at(b, i, b"script") {
                    return i;
                }
                if b[i..].starts_with(b"<!--") {
                    st = Esc::DashDash;
                    i += 4;
                } else {
                    i += 1;
                }
            }
            Esc::Escaped | Esc::Dash | Esc::DashDash => match b[i] {
                b'-' => {
                    st = if st == Esc::Escaped {
                        Esc::Dash
                    } else {
                        Esc::DashDash
                    };
                    i += 1;
                }
                b'<' => {
                    if end_tag_at(b, i, b"script") {
                        return i;
                    }
                    if script_at(i + 1) {
                        st = Esc::Double;
                        i += 7;
                    } else {
                        st = Esc::Escaped;
                        i += 1;
                    }
                }
                b'>' if st == Esc::DashDash => {
                    st = Esc::No;
                    i += 1;
                }
                _ => {
                    st = Esc::Escaped;
                    i += 1;
                }
            },
            Esc::Double | Esc::DoubleDash | Esc::DoubleDashDash => match b[i] {
                b'-' => {
                    st = if st == Esc::Double {
                        Esc::DoubleDash
                    } else {
                        Esc::DoubleDashDash
                    };
                    i += 1;
                }
                b'<' if b.get(i + 1) == Some(&b'/') && script_at(i + 2) => {
                    st = Esc::Escaped;
                    i += 8;
                }
                b'>' if st == Esc::DoubleDashDash => {
                    st = Esc::No;
                    i += 1;
                }
                _ => {
                    st = Esc::Double;
                    i += 1;
                }
            },
        }
    }
    b.len()
}

/// The end of raw text or RCDATA: where `</name` starts, or the end.
fn raw_end(b: &[u8], mut i: usize, name: &[u8]) -> usize {
    while let Some(at) = find_byte(b, i, b'<') {
        if end_tag_at(b, at, name) {
            return at;
        }
        i = at + 1;
    }
    b.len()
}

/// What html5ever is given to parse: the input in one linear pass that
/// reads it as html5ever's tokenizer does (tags with quoted attributes,
/// comments, raw text elements, script's escapes), keeping only what the
/// tree we read needs:
///
/// - the text of `<script>` (other than JSON), `<style>` and `<noscript>`
///   is dropped: never shown, never read, and about half the bytes of a
///   page (the elements stay);
/// - but a `<noscript>` with `noscript_page` characters of text or more is
///   the page as it is served to readers without scripts (a forum's
///   posts, a listing's items): it is read as a `<div>`, and its contents
///   as the markup they are;
/// - a comment keeps its place but not its text;
/// - start tags that would nest deeper than `MAX_DEPTH` are dropped;
/// - a tag keeps its first `MAX_ATTRS` attributes.
///
/// Inside SVG and MathML (where `<script>` and `<style>` are markup), inside
/// `<template>` and after a `<frameset>` (where they may be ignored),
/// nothing is dropped.
fn skeleton(html: &str, noscript_page: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut sk = Skeleton {
        html,
        out: None,
        copied: 0,
        depth: 0,
        svg: 0,
        math: 0,
        template: 0,
        integration: 0,
        keep_rest: false,
        noscript_page,
        noscript_divs: 0,
        raw_noscript: false,
    };
    let mut i = 0usize;
    while let Some(at) = find_byte(b, i, b'<') {
        i = at + 1;
        match b.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => match sk.start_tag(at) {
                Some(next) => i = next,
                None => break,
            },
            Some(b'/') if b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                match sk.end_tag(at) {
                    Some(next) => i = next,
                    None => break,
                }
            }
            Some(b'!') if b[at + 2..].starts_with(b"--") => i = sk.comment(at),
            Some(b'!') if sk.foreign() && b[at + 2..].starts_with(b"[CDATA[") => {
                i = find(b, at + 9, b"]]>").map_or(b.len(), |e| e + 3);
            }
            Some(b'!' | b'?' | b'/') => {
                // A doctype or a bogus comment: as it is, up to its `>`.
                i = find_byte(b, at + 1, b'>').map_or(b.len(), |e| e + 1);
            }
            _ => {}
        }
    }
    sk.finish()
}

/// Characters of text in markup (outside tags and comments), not counting
/// white space: a rough measure, to tell a page from a pixel or a notice.
fn markup_text(b: &[u8]) -> usize {
    let (mut inside, mut n) = (false, 0usize);
    for &c in b {
        match c {
            b'<' => inside = true,
            b'>' => inside = false,
            // (A character's first byte only.)
            _ if inside || c.is_ascii_whitespace() || c & 0xC0 == 0x80 => {}
            _ => n += 1,
        }
    }
    n
}

/// The attribute of a `<noscript>` that holds its markup when that is an
/// image's fallback (see [`holds_image`]).
pub(crate) const FALLBACK_IMAGE: &str = "data-gleaner-fallback";

/// The longest `<noscript>` kept for the image it holds (a lazy-loaded
/// image's fallback: one tag or a few).
const MAX_NOSCRIPT_IMAGE: usize = 2048;

/// Whether a `<noscript>`'s text is an image's fallback: short, with an
/// `<img` tag.
fn holds_image(text: &[u8]) -> bool {
    text.len() <= MAX_NOSCRIPT_IMAGE
        && text
            .windows(4)
            .any(|w| w[0] == b'<' && w[1..].eq_ignore_ascii_case(b"img"))
}

/// Elements whose text is raw text or RCDATA: no tags inside.
fn is_raw(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "title"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "plaintext"
    )
}

/// A comment kept in place without its text.
const EMPTY_COMMENT: &str = "<!---->";

/// The state of [`skeleton`]'s pass: the copy being made, and the elements
/// open at the point read.
struct Skeleton<'a> {
    html: &'a str,
    /// The copy, made only once something is dropped.
    out: Option<String>,
    /// How much of the input is in the copy.
    copied: usize,
    depth: usize,
    /// Open <svg> and <math> elements, roughly (html5ever may close them
    /// sooner, never later).
    svg: usize,
    math: usize,
    /// Open <template> elements: their contents follow other rules and are
    /// never shown; they stay as they are.
    template: usize,
    integration: usize,
    /// After a <frameset> (where <script> and <style> are ignored, not raw
    /// text) or a <plaintext> in foreign content, everything stays as it is.
    keep_rest: bool,
    /// Characters of text that make a `<noscript>` the page itself.
    noscript_page: usize,
    /// `<noscript>` elements open that are read as `<div>`.
    noscript_divs: usize,
    /// A `<noscript>` read as raw text is open: its end tag stays.
    raw_noscript: bool,
}

impl<'a> Skeleton<'a> {
    /// Copies the input up to `to`, then `with`; continues at `from`.
    fn splice(&mut self, to: usize, with: &str, from: usize) {
        let html = self.html;
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len() / 2));
        o.push_str(&html[self.copied..to]);
        o.push_str(with);
        self.copied = from;
    }

    /// Whether SVG or MathML is open.
    fn foreign(&self) -> bool {
        self.svg + self.math > 0
    }

    /// A start tag at `at`: where reading goes on, or `None` when the rest
    /// of the input stays as it is.
    fn start_tag(&mut self, at: usize) -> Option<usize> {
        let b = self.html.as_bytes();
        let name_end = name_end(b, at + 1, false);
        let name = lower_name(&b[at + 1..name_end]);
        let name = name.as_str();
        let Some(tag) = scan_tag(b, name_end) else {
            // The input ends inside the tag: html5ever drops it, and
            // so is it dropped here (its attributes may be many).
            self.splice(at, "", b.len());
            return None;
        };
        let raw = is_raw(name);
        if !flat(name) && !tag.self_closing {
            if self.depth >= MAX_DEPTH && !raw {
                self.splice(at, "", tag.end);
                return Some(tag.end);
            }
            self.depth += 1;
        }
        if let Some(cut) = tag.cut {
            self.splice(cut, ">", tag.end);
        }
        self.open_foreign(name, tag.self_closing);
        self.keep_rest |= name == "frameset";
        if !raw {
            return Some(tag.end);
        }
        self.raw_text(at, name, &tag)
    }

    /// SVG, MathML and their integration points opened (or ended) by a
    /// start tag.
    fn open_foreign(&mut self, name: &str, self_closing: bool) {
        match name {
            "svg" if !self_closing => self.svg += 1,
            "math" if !self_closing => self.math += 1,
            "template" => self.template += 1,
            // Integration points: HTML inside SVG and MathML.
            "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext"
                if self.foreign() && !self_closing =>
            {
                self.integration += 1
            }
            // HTML that ends SVG and MathML (outside integration points).
            _ if self.foreign() && self.integration == 0 && breaks_out(name) => {
                self.svg = 0;
                self.math = 0;
            }
            _ => {}
        }
    }

    /// The text of a raw text element whose start tag is `tag`: dropped for
    /// scripts (other than JSON), styles and noscript. Where reading goes on,
    /// or `None` at a `<plaintext>`, which takes the rest.
    fn raw_text(&mut self, at: usize, name: &str, tag: &TagScan) -> Option<usize> {
        let b = self.html.as_bytes();
        let i = tag.end;
        if self.foreign() {
            // Markup inside SVG and MathML (html5ever reads HTML
            // rules only at integration points, rarely used); a
            // <plaintext> may take the rest, so the rest stays.
            self.keep_rest |= name == "plaintext";
            return Some(i);
        }
        let text_end = match name {
            "plaintext" => return None,
            "script" => script_end(b, i),
            _ => raw_end(b, i, name.as_bytes()),
        };
        if name == "noscript" {
            let page = self.template == 0
                && tag.cut.is_none()
                && !self.keep_rest
                && markup_text(&b[i..text_end]) >= self.noscript_page;
            if page {
                // The page for readers without scripts: its tag becomes a
                // <div> (attributes kept) and its contents are read as markup.
                self.splice(at, "<div", at + "<noscript".len());
                self.noscript_divs += 1;
                return Some(i);
            }
            self.raw_noscript = true;
        }
        let drop = !self.keep_rest
            && self.template == 0
            && match name {
                "script" => !tag.json,
                "style" | "noscript" => true,
                _ => false,
            };
        // A lazy-loaded image's fallback: its markup is kept in an
        // attribute (not as text, which nothing else reads), for the walk
        // to read the image's URL.
        if drop
            && name == "noscript"
            && tag.cut.is_none()
            && !tag.self_closing
            && b.get(tag.end.wrapping_sub(1)) == Some(&b'>')
            && holds_image(&b[i..text_end])
        {
            let markup = &self.html[i..text_end];
            let attr = format!(
                " {FALLBACK_IMAGE}=\"{}\"",
                markup.replace('&', "&amp;").replace('"', "&quot;")
            );
            self.splice(tag.end - 1, &attr, tag.end - 1);
        }
        if drop && text_end > i {
            self.splice(i, "", text_end);
        }
        Some(text_end)
    }

    /// An end tag at `at`: where reading goes on, or `None` when the input
    /// ends inside it.
    fn end_tag(&mut self, at: usize) -> Option<usize> {
        let b = self.html.as_bytes();
        let name_end = name_end(b, at + 2, false);
        let name = lower_name(&b[at + 2..name_end]);
        let name = name.as_str();
        let Some(tag) = scan_tag(b, name_end) else {
            self.splice(at, "", b.len());
            return None;
        };
        if !flat(name) {
            self.depth = self.depth.saturating_sub(1);
        }
        if name == "noscript" {
            if self.raw_noscript {
                self.raw_noscript = false;
            } else if self.noscript_divs > 0 {
                self.noscript_divs -= 1;
                self.splice(at, "</div", at + "</noscript".len());
            }
        }
        match name {
            "svg" => self.svg = self.svg.saturating_sub(1),
            "math" => self.math = self.math.saturating_sub(1),
            "template" => self.template = self.template.saturating_sub(1),
            "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" => {
                self.integration = self.integration.saturating_sub(1)
            }
            _ => {}
        }
        // `</br>` and `</p>` end foreign content as <br> and <p> do.
        if self.integration == 0 && matches!(name, "br" | "p") {
            self.svg = 0;
            self.math = 0;
        }
        if !self.foreign() {
            self.integration = 0;
        }
        Some(tag.end)
    }

    /// A comment at `at` (`<!--`): kept in place without its text, outside
    /// SVG, MathML and templates. Where reading goes on.
    fn comment(&mut self, at: usize) -> usize {
        let b = self.html.as_bytes();
        let start = at + 4;
        let end = if b[start..].starts_with(b">") {
            start + 1
        } else if b[start..].starts_with(b"->") {
            start + 2
        } else {
            let mut j = start;
            loop {
                match find(b, j, b"--") {
                    None => break b.len(),
                    Some(k) if b.get(k + 2) == Some(&b'>') => break k + 3,
                    Some(k) if b[k + 2..].starts_with(b"!>") => break k + 4,
                    Some(k) => j = k + 1,
                }
            }
        };
        if end - at > EMPTY_COMMENT.len()
            && !self.foreign()
            && self.template == 0
            && !self.keep_rest
        {
            self.splice(at, EMPTY_COMMENT, end);
        }
        end
    }

    /// The input with what was dropped taken out.
    fn finish(self) -> Cow<'a, str> {
        match self.out {
            Some(mut o) => {
                o.push_str(&self.html[self.copied..]);
                Cow::Owned(o)
            }
            None => Cow::Borrowed(self.html),
        }
    }
}

/// The most nodes of a streamed part's fallback that are taken out (a
/// spinner, a skeleton of the layout: a few elements).
const MAX_FALLBACK: usize = 64;

/// The most streamed parts, one inside another's placeholder, followed up
/// to where the outermost goes: parts placed in each other's placeholders
/// are never followed round, and each part's search stays bounded.
const MAX_PART_NESTING: usize = 16;

/// Content streamed after the page's shell, put where its script would
/// put it. A server that streams a page (React's) writes the late parts at
/// the end, hidden (`<div hidden id="S:0">`), with a placeholder where
/// each belongs; a script then moves each part into place. A boundary's
/// placeholder (`<template id="B:0">`) is followed by a fallback, such as
/// a spinner, up to the end of its boundary (a comment), which the part
/// replaces; a segment's placeholder (`<template id="P:1">`, often inside
/// another part) has none. Here each hidden part whose placeholder is, or
/// will be once the parts around it are placed, in the page's `<main>` or
/// `<article>` takes the placeholder's place, shown. (A hidden element with
/// no placeholder, a cookie banner, stays as it is; parts streamed into the
/// page's other regions, a shop's cart and menus, stay hidden.)
fn place_streamed(dom: &mut Dom) {
    let mut holes: HashMap<&str, (NodeId, bool)> = HashMap::new();
    let mut parts: Vec<(NodeId, &str)> = Vec::new();
    for id in 0..dom.len() {
        if dom.tag(id).is_none() {
            continue;
        }
        let Some(key) = dom.attr_named(id, &local_name!("id")) else {
            continue;
        };
        let is_template = dom.tag(id) == Some(&local_name!("template"));
        if let Some(k) = key.strip_prefix("B:").filter(|_| is_template) {
            holes.entry(k).or_insert((id, true));
        } else if let Some(k) = key.strip_prefix("P:").filter(|_| is_template) {
            holes.entry(k).or_insert((id, false));
        } else if let Some(k) = key.strip_prefix("S:") {
            if dom.attr_named(id, &local_name!("hidden")).is_some() {
                parts.push((id, k));
            }
        }
    }
    if parts.is_empty() || holes.is_empty() {
        return;
    }
    // Each part's placeholder, while the part waits to be placed.
    let mut pending: HashMap<NodeId, (NodeId, bool)> = parts
        .iter()
        .filter_map(|&(part, k)| Some((part, *holes.get(k)?)))
        .collect();
    let moves: Vec<NodeId> = parts.iter().map(|&(part, _)| part).collect();
    for part in moves {
        let Some((hole, boundary)) = pending.remove(&part) else {
            continue;
        };
        if dom.parent(hole).is_none() || !lands_in_main(dom, part, hole, &pending) {
            continue;
        }
        if boundary {
            drop_fallback(dom, hole);
        }
        dom.insert_before(hole, part);
        dom.detach(hole);
        dom.remove_attr(part, &local_name!("hidden"));
    }
}

/// Whether a streamed part put at `hole` is in the page's `<main>` or
/// `<article>`: never into the part itself, and from inside a part still
/// waiting, on to where that part will go.
fn lands_in_main(
    dom: &Dom,
    part: NodeId,
    hole: NodeId,
    pending: &HashMap<NodeId, (NodeId, bool)>,
) -> bool {
    let (mut up, mut in_main, mut jumps) = (Some(hole), false, 0);
    while let Some(u) = up {
        if u == part {
            return false;
        }
        in_main |= matches!(
            dom.tag(u),
            Some(&local_name!("main") | &local_name!("article"))
        );
        up = match pending.get(&u) {
            Some(&(h, _)) if jumps < MAX_PART_NESTING => {
                jumps += 1;
                Some(h)
            }
            _ => dom.parent(u),
        };
    }
    in_main
}

/// Takes out a boundary's fallback: what follows its placeholder up to
/// the comment that ends the boundary (nothing without that comment).
fn drop_fallback(dom: &mut Dom, hole: NodeId) {
    let mut fallback = Vec::new();
    let mut next = dom.next_sibling(hole);
    while let Some(n) = next.filter(|_| fallback.len() < MAX_FALLBACK) {
        if matches!(dom.data(n), NodeData::Other) {
            for n in fallback {
                dom.detach(n);
            }
            return;
        }
        fallback.push(n);
        next = dom.next_sibling(n);
    }
}

/// Parses an HTML document (fragments are wrapped in `html`/`body` as browsers do).
pub(crate) fn parse(html: &str) -> Dom {
    parse_page(html, &crate::tuning::HtmlTuning::default())
}

/// Parses a page with the front end's tuning (see [`skeleton`] for what
/// is read differently from html5ever: a `<noscript>` that holds a page).
pub(crate) fn parse_page(html: &str, tuning: &crate::tuning::HtmlTuning) -> Dom {
    let html = skeleton(html, tuning.noscript_page_chars);
    #[cfg(feature = "own-parser")]
    let mut dom = own_build(&html);
    #[cfg(not(feature = "own-parser"))]
    let mut dom = html5ever_build(&html);
    place_streamed(&mut dom);
    dom.hints = dom.attrs.iter().map(|a| Hints::of(a)).collect();
    dom.text_chars = dom.texts.iter().map(|t| count_non_space(t)).collect();
    dom.body = dom.find_body();
    // The arena grew by doubling: what is left over is given back before
    // the rest of the pipeline adds its own tables beside it.
    dom.nodes.shrink_to_fit();
    dom.attrs.shrink_to_fit();
    dom.texts.shrink_to_fit();
    dom
}

/// The tree html5ever builds.
fn html5ever_build(html: &str) -> Dom {
    let sink = Sink {
        dom: RefCell::new(Dom::new()),
    };
    parse_document(sink, ParseOpts::default()).one(html)
}

/// The tree our own tokenizer and tree builder build: the same.
#[cfg(feature = "own-parser")]
fn own_build(html: &str) -> Dom {
    // A byte order mark is not content (html5ever drops it).
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    tree::Builder::new(html).run()
}

/// The tree built by html5ever and by our own parser, each written out in
/// full (see [`dump`]), with the front end's pre-pass ([`skeleton`]) or
/// without: equal, or a bug.
#[cfg(feature = "own-parser")]
pub(crate) fn both_trees(html: &str, prepass: bool) -> [String; 2] {
    let html = if prepass {
        skeleton(
            html,
            crate::tuning::HtmlTuning::default().noscript_page_chars,
        )
    } else {
        Cow::Borrowed(html)
    };
    [dump(&html5ever_build(&html)), dump(&own_build(&html))]
}

/// Every node of the arena in the order of its ids, detached ones too: its
/// links, kind, namespace and name, attributes (prefix, namespace, name,
/// value) and text; then the templates and their contents.
#[cfg(feature = "own-parser")]
fn dump(dom: &Dom) -> String {
    use std::fmt::Write;
    let l = |x: Link| x.map_or(0, |x| x.get());
    let mut out = String::new();
    for (id, n) in dom.nodes.iter().enumerate() {
        let p = n.parent().map_or(-1, |p| p as i64);
        let _ = write!(
            out,
            "{id} ^{p} v{} {} <{} >{} ",
            l(n.first_child),
            l(n.last_child),
            l(n.prev),
            l(n.next)
        );
        match n.data & KIND {
            DOCUMENT_KIND => out.push_str("#document"),
            ELEMENT => {
                let _ = write!(out, "<{}:{}", (n.data & NS) >> 2, &*n.local);
                for a in dom.attrs(id) {
                    let prefix = a.name.prefix.as_ref().map_or("", |p| &**p);
                    let _ = write!(
                        out,
                        " {prefix}|{}|{}={:?}",
                        &*a.name.ns, &*a.name.local, &*a.value
                    );
                }
                out.push('>');
            }
            TEXT => {
                let _ = write!(out, "{:?}", &*dom.texts[n.index()]);
            }
            _ => out.push_str("#other"),
        }
        out.push('\n');
    }
    for (t, c) in &dom.templates {
        let _ = writeln!(out, "template {t} {c}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_noscript_that_holds_a_page_is_read() {
        let page = "<p>Text of a post that goes on. </p>".repeat(4);
        let html =
            format!("<noscript><p>Turn on scripts</p></noscript><noscript id=n>{page}</noscript>");
        // Below the threshold both are dropped; above it the page is read.
        let dom = parse_page(
            &html,
            &crate::tuning::HtmlTuning {
                noscript_page_chars: 1000,
                ..Default::default()
            },
        );
        assert_eq!(dom.text(dom.body()), "");
        let dom = parse_page(
            &html,
            &crate::tuning::HtmlTuning {
                noscript_page_chars: 50,
                ..Default::default()
            },
        );
        let text = dom.text(dom.body());
        assert!(text.starts_with("Text of a post"), "{text}");
        assert!(!text.contains("Turn on scripts"), "{text}");
        let div = dom.find(dom.body(), &local_name!("div")).expect("div");
        assert_eq!(dom.attr_named(div, &local_name!("id")), Some("n"));
    }

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
    fn subtree_rev_is_document_order_reversed() {
        let dom = parse("<p>a<b>b<i>c</i></b>d</p><ul><li>e<li>f</ul><div></div>");
        let body = dom.body();
        let mut order: Vec<NodeId> = std::iter::once(body).chain(dom.descendants(body)).collect();
        order.reverse();
        assert_eq!(dom.subtree_rev(body).collect::<Vec<_>>(), order);
        let leaf = dom.find(body, &local_name!("div")).expect("div");
        assert_eq!(dom.subtree_rev(leaf).collect::<Vec<_>>(), vec![leaf]);
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
        // Ordinary markup passes through untouched.
        let page = "<p>a<p>b<ul><li>c<li>d</ul><img src=x><br><!---->";
        assert!(matches!(skeleton(page, usize::MAX), Cow::Borrowed(_)));
    }

    #[test]
    fn streamed_parts_in_each_others_placeholders_stay_hidden() {
        // Two parts, each placed in the other's placeholder: neither is
        // ever in the page, and placing them ends.
        let html = "<main><p>shell</p></main>\
            <div hidden id=\"S:1\"><p>one</p><template id=\"P:2\"></template></div>\
            <div hidden id=\"S:2\"><p>two</p><template id=\"P:1\"></template></div>";
        let dom = parse(html);
        let shown: Vec<NodeId> = dom
            .descendants(DOCUMENT)
            .filter(|&n| dom.tag(n) == Some(&local_name!("div")))
            .filter(|&n| dom.attr(n, "hidden").is_none())
            .collect();
        assert!(shown.is_empty(), "{shown:?}");
        // A chain of parts, each in the one before's placeholder, the
        // first's in the page's main, written last first: placed as far as
        // the nesting limit reaches.
        let mut html = String::from("<main><template id=\"P:0\"></template></main>");
        for k in (0..3 * MAX_PART_NESTING).rev() {
            let next = k + 1;
            html += &format!(
                "<div hidden id=\"S:{k}\">{k} <template id=\"P:{next}\"></template></div>"
            );
        }
        let dom = parse(&html);
        let main = dom.find(DOCUMENT, &local_name!("main")).unwrap_or(DOCUMENT);
        let placed: Vec<String> = (0..=MAX_PART_NESTING).map(|k| k.to_string()).collect();
        assert_eq!(dom.text(main).trim_end(), placed.join(" "));
    }
}
