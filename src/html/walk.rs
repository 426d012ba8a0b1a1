//! The walk from the DOM to blocks: block elements start blocks, inline
//! elements become inline content, and tables and images are read whole.

use std::cell::Cell;
use std::collections::HashMap;

use html5ever::{local_name, LocalName};

use super::containers::{Containers, Info, BLOCK, CAPTION, KIND};
use super::furniture::Prune;
use super::parse::{Dom, NodeData, NodeId};
use super::rich;
use super::tags::{heading_level, is_tag};
use super::url::{is_script, resolve};
use crate::blocks::{Block, BlockKind, Callout, Inline};
use crate::reason::Furniture;
use crate::render::safe_url;
use crate::tuning::HtmlTuning;
use crate::util::count_non_space;

/// Per-block context collected while walking.
struct Ctx {
    node: NodeId,
    prune: Option<Prune>,
    kind: BlockKind,
    level: u8,
    ordered: bool,
    /// For a footnote's definition: its label.
    note: Option<Box<str>>,
}

/// Inline elements still open at the end of a block that are opened again
/// for the next block (the innermost ones).
const MAX_REOPEN: usize = 8;

/// How many ancestors decide a block's kind (heading, list item, quote…).
const MAX_CONTEXT_DEPTH: usize = 64;

/// The deepest level of a nested list item that blocks record (the
/// renderers' limit, not a threshold).
const MAX_LIST_LEVEL: u8 = 8;

/// How many earlier items of a footnotes list are counted to number an
/// item without an id.
const MAX_NOTE_INDEX: usize = 999;

/// The most columns a table's row is given (spanned cells included): the
/// renderers' limit, so that spans cannot make a small table huge.
const MAX_TABLE_COLS: usize = 64;

/// The longest footnote reference text used as the note's label (`1`, `a`, `12`).
const MAX_NOTE_TEXT: usize = 6;

/// Builds blocks from the page in document order.
pub(super) struct Walker<'a> {
    page: &'a Containers<'a>,
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
    /// The language of the code block being read.
    lang: Option<Box<str>>,
    /// Footnotes referenced so far: the target's id, and the note's label.
    notes: HashMap<String, String>,
    /// The callouts open, innermost last: (element, type, title row).
    callouts: Vec<(NodeId, &'static str, Option<NodeId>)>,
    /// The lists asked whether they are footnotes lists, and the answers,
    /// by node ([`NOT_ASKED`], else [`NOTES`] or [`NOT_NOTES`]; empty until
    /// the first list asks): their items ask, each for every block in it
    /// (nested lists in turn).
    notes_lists: Cell<Vec<u8>>,
}

/// [`Walker::notes_lists`]' answers: a list not asked yet, a footnotes
/// list, another list.
const NOT_ASKED: u8 = 0;
const NOTES: u8 = 1;
const NOT_NOTES: u8 = 2;

/// Text set aside: (the hidden element, frames, link characters, context).
type Aside = (NodeId, Vec<(Frame, Vec<Inline>)>, usize, Option<Ctx>);

#[derive(Clone)]
enum Frame {
    Root,
    Link(String),
    Emphasis,
    Strong,
    Code,
    /// A footnote reference, with the note's label.
    Note(String),
}

impl<'a> Walker<'a> {
    /// A walk over the page that `page` scored and pruned.
    pub(super) fn new(page: &'a Containers<'a>) -> Walker<'a> {
        Walker {
            page,
            blocks: Vec::new(),
            infos: Vec::new(),
            frames: Vec::new(),
            aside: Vec::new(),
            link_chars: 0,
            ctx: None,
            pre: 0,
            lang: None,
            notes: HashMap::new(),
            callouts: Vec::new(),
            notes_lists: Cell::new(Vec::new()),
        }
    }

    /// The blocks of the subtree at `root` in document order, with where
    /// each came from.
    pub(super) fn blocks(mut self, root: NodeId) -> (Vec<Block>, Vec<Info>) {
        self.walk(root);
        (self.blocks, self.infos)
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        // An anchor that goes nowhere (no href, `javascript:`) is not navigation.
        let in_link = self.frames.iter().any(|(f, _)| match f {
            Frame::Link(href) => !href.is_empty() && !is_script(href),
            Frame::Note(_) => true,
            _ => false,
        });
        if in_link {
            // (Collapsing white space leaves the other characters as they are.)
            self.link_chars += count_non_space(text);
        }
        let pre = self.pre > 0;
        if let Some((_, children)) = self.frames.last_mut() {
            // The text joins the text before it, else starts a new run.
            if !matches!(children.last(), Some(Inline::Text(_))) {
                children.push(Inline::Text(String::with_capacity(text.len())));
            }
            if let Some(Inline::Text(t)) = children.last_mut() {
                if pre {
                    t.push_str(text);
                } else {
                    push_collapsed(t, text);
                }
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
        let mut inlines = trim_inlines(inlines);
        // Text alone (most blocks) is the block's text as it is.
        let text = match inlines.as_mut_slice() {
            [Inline::Text(t)] => std::mem::take(t),
            _ => plain(&inlines),
        };
        let text = if ctx.kind == BlockKind::Code {
            trim_owned(
                text,
                |s| s.trim_start_matches('\n'),
                |s| s.trim_end_matches('\n'),
            )
        } else {
            trim_owned(text, str::trim_start, str::trim_end)
        };
        if text.is_empty() {
            return;
        }
        let mut b = Block::new(ctx.kind, text);
        b.level = ctx.level;
        b.ordered = ctx.ordered;
        b.note = ctx.note.clone();
        if ctx.kind == BlockKind::Code {
            b.lang = self.lang.clone();
        }
        if inlines.iter().any(|i| !matches!(i, Inline::Text(_))) {
            b.inlines = inlines;
        }
        self.push_block(b, (ctx.node, ctx.prune), link_chars);
    }

    /// Adds a finished block with where it came from.
    fn push_block(&mut self, mut block: Block, ctx: (NodeId, Option<Prune>), link_chars: usize) {
        if let Some(&(id, kind, title)) = self.callouts.last() {
            block.callout = Some(Box::new(Callout {
                id: u32::try_from(id).unwrap_or(u32::MAX),
                kind,
                title: title == Some(ctx.0),
            }));
        }
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
            // An anchor without a target, or whose target runs code, is
            // its text: never a link in the output.
            Frame::Link(href) if href.is_empty() || !safe_url(&href) => {
                if let Some((_, parent)) = self.frames.last_mut() {
                    for c in children {
                        match (parent.last_mut(), c) {
                            (Some(Inline::Text(t)), Inline::Text(s)) => t.push_str(&s),
                            (_, c) => parent.push(c),
                        }
                    }
                }
                return;
            }
            Frame::Link(href) => Inline::Link { href, children },
            Frame::Emphasis => Inline::Emphasis(children),
            Frame::Strong => Inline::Strong(children),
            Frame::Code => Inline::Code(plain(&children)),
            Frame::Note(label) => Inline::Note(label, children),
        };
        if let Some((_, parent)) = self.frames.last_mut() {
            parent.push(inline);
        }
    }

    fn context_for(&self, id: NodeId) -> Ctx {
        let dom = self.page.dom;
        let mut kind = BlockKind::Paragraph;
        let mut level = 0u8;
        let mut ordered = false;
        let mut list_depth = 0u8;
        let mut found_kind = false;
        let mut note = None;
        let mut a = Some(id);
        let mut depth = 0usize;
        while let Some(n) = a {
            depth += 1;
            // A bounded walk: the block kind comes from a near ancestor, and
            // a walk to the root for every block is quadratic in deep markup.
            if depth > MAX_CONTEXT_DEPTH {
                break;
            }
            // (A node whose tag gives no kind, and no caption, has none of
            // the kinds below and is no list item: passed over unless a
            // kind other than a list item's is found.)
            let plain = self
                .page
                .flags
                .get(n)
                .is_some_and(|f| f & (KIND | CAPTION) == 0);
            if plain && (!found_kind || kind == BlockKind::ListItem) {
                a = dom.parent(n);
                continue;
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
                        note = self.note_def(n);
                        found_kind = true;
                    } else if *tag == local_name!("pre") {
                        kind = BlockKind::Code;
                        found_kind = true;
                    } else if *tag == local_name!("blockquote") {
                        kind = BlockKind::Quote;
                        found_kind = true;
                    } else if *tag == local_name!("figcaption")
                        || (depth < self.page.tuning.caption_depth
                            && self.page.flags[n] & CAPTION != 0)
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
            level = list_depth.min(MAX_LIST_LEVEL);
        }
        Ctx {
            node: id,
            prune: self.page.pruned[id],
            kind,
            level,
            ordered,
            note: note.map(Into::into),
        }
    }

    /// The label of a footnote's definition, for a list item: by its id
    /// (as referenced, or as `fn1`), or by its place in a footnotes list.
    fn note_def(&self, li: NodeId) -> Option<String> {
        let dom = self.page.dom;
        if let Some(id) = dom.attr_named(li, &local_name!("id")) {
            if let Some(label) = self.notes.get(id).cloned().or_else(|| rich::note_label(id)) {
                return Some(label);
            }
        }
        let list = dom.parent(li)?;
        if !self.is_notes_list(list) {
            return None;
        }
        let before = dom
            .children(list)
            .take(MAX_NOTE_INDEX)
            .take_while(|&c| c != li)
            .filter(|&c| dom.tag(c) == Some(&local_name!("li")))
            .count();
        Some((before + 1).to_string())
    }

    /// [`rich::is_notes_list`], remembered for each list asked.
    fn is_notes_list(&self, list: NodeId) -> bool {
        // (Taken out and put back: no borrow to fail.)
        let mut lists = self.notes_lists.take();
        if lists.is_empty() {
            lists = vec![NOT_ASKED; self.page.dom.len()];
        }
        let answer = match lists.get(list) {
            Some(&NOTES) => true,
            Some(&NOT_NOTES) => false,
            _ => {
                let answer = rich::is_notes_list(self.page.dom, list);
                if let Some(slot) = lists.get_mut(list) {
                    *slot = if answer { NOTES } else { NOT_NOTES };
                }
                answer
            }
        };
        self.notes_lists.set(lists);
        answer
    }

    /// The label of a footnote reference to `target`: its text when short
    /// (`1`, `[2]`), or the target's number; remembered for the definition.
    fn note_ref_label(&mut self, a: NodeId, target: &str) -> String {
        let text = self.page.dom.text(a);
        let text = text.trim().trim_start_matches('[').trim_end_matches(']');
        let label = if !text.is_empty()
            && text.len() <= MAX_NOTE_TEXT
            && text.chars().all(char::is_alphanumeric)
        {
            text.to_string()
        } else {
            rich::note_label(target).unwrap_or_else(|| rich::safe_label(target))
        };
        self.notes
            .entry(target.to_string())
            .or_insert(label)
            .clone()
    }

    fn start_block(&mut self, id: NodeId) {
        self.flush();
        self.ctx = Some(self.context_for(id));
    }

    /// A figure's block: the image's URL (resolved) and alternative text,
    /// and its caption.
    fn image_block(&mut self, image: Option<(String, String)>, caption: String, ctx_node: NodeId) {
        let Some((src, alt)) = image else {
            return;
        };
        let src = resolve(self.page.base, &src);
        self.flush();
        let mut b = Block::new(BlockKind::Figure, caption);
        b.image = Some(Box::new((src, alt)));
        let ctx = self.context_for(ctx_node);
        self.push_block(b, (ctx.node, ctx.prune), 0);
    }

    /// An embedded player or post (an `<iframe>`): a figure without an
    /// image whose caption links to what it shows, pruned as the element
    /// around it is.
    fn embed_block(&mut self, iframe: NodeId, src: String, title: String) {
        let Some(parent) = self.page.dom.parent(iframe) else {
            return;
        };
        self.flush();
        let mut b = Block::new(BlockKind::Figure, title.clone());
        b.inlines = vec![Inline::Link {
            href: src,
            children: vec![Inline::Text(title)],
        }];
        let ctx = self.context_for(parent);
        self.push_block(b, (ctx.node, ctx.prune), 0);
        self.ctx = Some(ctx);
    }

    /// A `<figure>`: its image (or the one in its `<noscript>`), its
    /// caption and what else it says (a credit). Whether it had an image.
    fn figure_block(&mut self, figure: NodeId) -> bool {
        let dom = self.page.dom;
        let img = dom.find(figure, &local_name!("img"));
        let image = img.and_then(|i| image_of(dom, i)).or_else(|| {
            dom.find(figure, &local_name!("noscript"))
                .and_then(|n| noscript_image(dom, n))
        });
        if img.is_none() && image.is_none() {
            return false;
        }
        let caption = dom.find(figure, &local_name!("figcaption"));
        let mut text = caption
            .map(|c| crate::util::norm_space(&dom.text(c)))
            .unwrap_or_default();
        // (A credit is read beside a caption: a figure without one is
        // often a card of another kind.)
        let credit = caption
            .map(|c| figure_credit(dom, figure, c))
            .unwrap_or_default();
        if !credit.is_empty()
            && count_non_space(&credit) <= self.page.tuning.figure_credit_max_chars
        {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&credit);
        }
        self.image_block(image, text, figure);
        true
    }

    /// Walks the body in document order, iteratively, without a stack: by
    /// the tree's own links.
    fn walk(&mut self, root: NodeId) {
        let dom = self.page.dom;
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

    /// Sets the surrounding text aside while the hidden element `id` is
    /// read into a block of its own; the text goes on after it.
    fn set_aside(&mut self, id: NodeId) {
        let frames = std::mem::replace(&mut self.frames, vec![(Frame::Root, Vec::new())]);
        let link_chars = std::mem::take(&mut self.link_chars);
        let ctx = self.ctx.replace(self.context_for(id));
        self.aside.push((id, frames, link_chars, ctx));
    }

    /// A `<br>`: a line break in the text, or, as the second in a row, the
    /// end of a paragraph.
    fn line_break(&mut self) {
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
    }

    /// A formula (MathML, TeX in a script, a `data-tex`): one inline of
    /// math, read in one go. Whether `id` was one.
    fn formula(&mut self, id: NodeId) -> bool {
        let dom = self.page.dom;
        let Some((tex, display, text)) = rich::formula(dom, id) else {
            return false;
        };
        let hidden = dom.parent(id).is_some_and(|p| self.hides_formula(p));
        if let Some((_, c)) = self.frames.last_mut() {
            c.push(Inline::Math {
                text: if hidden { String::new() } else { text },
                tex,
                display,
            });
        }
        true
    }

    /// What an element's tag starts: a line break, an image, a figure, a
    /// data table (each read in one go: `Some(false)`), or a frame of
    /// inline content (a link, a note's reference, emphasis, code).
    fn enter_tag(&mut self, id: NodeId, tag: &LocalName) -> Option<bool> {
        let dom = self.page.dom;
        match *tag {
            local_name!("br") if self.pre > 0 => {
                self.push_text("\n");
                return Some(false);
            }
            local_name!("br") => {
                self.line_break();
                return Some(false);
            }
            local_name!("img") => {
                // An image on its own line becomes a figure; inside text it is skipped.
                if !self.frames.iter().any(|(_, c)| has_text(c)) {
                    self.image_block(image_of(dom, id), String::new(), id);
                    self.ctx = Some(self.context_for(id));
                }
                return Some(false);
            }
            local_name!("figure") => {
                if self.figure_block(id) {
                    self.ctx = Some(self.context_for(id));
                    return Some(false);
                }
            }
            local_name!("table") if is_data_table(dom, id, self.page.tuning) => {
                self.table_block(id);
                return Some(false);
            }
            local_name!("a") if rich::is_back_link(dom, id) => return Some(false),
            local_name!("a") if rich::note_ref(dom, id).is_some() => {
                let target = rich::note_ref(dom, id).unwrap_or_default();
                let label = self.note_ref_label(id, target);
                self.frames.push((Frame::Note(label), Vec::new()));
            }
            local_name!("a") => {
                let href = dom
                    .attr_named(id, &local_name!("href"))
                    .map(|h| resolve(self.page.base, h.trim()))
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
        None
    }

    /// Takes in a node on the way down; true when its children are walked
    /// (and it is left after them).
    fn enter(&mut self, id: NodeId) -> bool {
        let dom = self.page.dom;
        let tag = dom.tag(id);
        match dom.data(id) {
            NodeData::Text(t) => {
                if self.page.pruned[id] != Some(Prune::Invisible) {
                    self.push_text(t);
                }
                return false;
            }
            NodeData::Element => {}
            _ => return false,
        }
        if self.formula(id) {
            return false;
        }
        // An embedded player or post: a link to it, nothing loaded.
        if let Some((src, title)) = rich::embed(dom, id) {
            self.embed_block(id, resolve(self.page.base, &src), title);
            return false;
        }
        // A lazy-loaded image's fallback, right after the image it stands
        // for when that has no source of its own yet (a placeholder).
        if dom.tag(id) == Some(&local_name!("noscript"))
            && !self.frames.iter().any(|(_, c)| has_text(c))
            && placeholder_before(dom, id)
        {
            if let Some(image) = noscript_image(dom, id) {
                self.image_block(Some(image), String::new(), id);
                self.ctx = Some(self.context_for(id));
            }
            return false;
        }
        if self.page.pruned[id] == Some(Prune::Invisible)
            || rich::is_math_drawing(dom, id)
            || rich::is_gutter(dom, id)
            || rich::is_edit_link(dom, id)
        {
            return false;
        }
        let Some(tag) = tag else { return false };
        // (Elements read in one go, such as images, figures and tables, are
        // never left: they are not set aside.)
        if self.splits(id)
            && !self.hides_formula(id)
            && self.page.flags[id] & BLOCK == 0
            && !matches!(
                *tag,
                local_name!("img")
                    | local_name!("br")
                    | local_name!("figure")
                    | local_name!("table")
            )
        {
            self.set_aside(id);
        }
        if let Some(walk_children) = self.enter_tag(id, tag) {
            return walk_children;
        }
        if *tag == local_name!("pre") {
            if self.pre == 0 {
                self.start_block(id);
                self.lang = rich::code_lang(dom, id);
            }
            self.pre += 1;
        } else if self.pre > 0 {
            // Lines of code as elements: one block still.
        } else if self.page.flags[id] & BLOCK != 0 {
            self.start_block(id);
            if let Some((kind, title)) = rich::callout(dom, id) {
                self.callouts.push((id, kind, title));
            }
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
                self.pre = self.pre.saturating_sub(1);
                if self.pre == 0 {
                    self.flush();
                    self.lang = None;
                    self.reset_ctx(id);
                }
            }
            _ if self.pre > 0 && self.page.flags[id] & BLOCK != 0 => self.end_line(),
            _ if self.page.flags[id] & BLOCK != 0 => {
                self.flush();
                self.reset_ctx(id);
            }
            _ => {}
        }
        if self.callouts.last().is_some_and(|c| c.0 == id) {
            self.callouts.pop();
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
        let pruned = &self.page.pruned;
        pruned[id] == Some(Prune::Furniture(Furniture::Hidden))
            && self
                .page
                .dom
                .parent(id)
                .is_some_and(|p| pruned[p] != pruned[id])
    }

    /// Ends a line of code written as an element (`<div class="line">`),
    /// unless the text already ends one.
    fn end_line(&mut self) {
        let ends = |c: &[Inline]| match c.last() {
            Some(Inline::Text(t)) => t.ends_with('\n'),
            Some(_) => false,
            None => true,
        };
        if self.frames.last().is_some_and(|(_, c)| !ends(c)) {
            self.push_text("\n");
        }
    }

    /// Whether a hidden element only carries a formula (Wikipedia's MathML
    /// beside its image): it is read, not set aside, and the formula, shown
    /// as an image, is left out of the plain text.
    fn hides_formula(&self, id: NodeId) -> bool {
        let dom = self.page.dom;
        self.page.pruned[id] == Some(Prune::Furniture(Furniture::Hidden))
            && dom
                .children(id)
                .find(|&c| dom.tag(c).is_some())
                .is_some_and(|c| dom.tag(c) == Some(&local_name!("math")))
    }

    /// After a block element closes, text that follows belongs to its parent.
    fn reset_ctx(&mut self, id: NodeId) {
        if let Some(p) = self.page.dom.parent(id) {
            self.ctx = Some(self.context_for(p));
        }
    }

    fn table_block(&mut self, table: NodeId) {
        let dom = self.page.dom;
        self.flush();
        // The cells' text, apart by tabs, rows by newlines (rows without
        // cells left out): what the renderers read the cells from. A cell
        // that spans columns is followed by empty cells, one that spans
        // rows is repeated in the rows below, so that every row has as
        // many cells as the widest.
        let mut grid: Vec<Vec<String>> = Vec::new();
        // Per column: the rows still spanned from above, and their text.
        let mut carry: Vec<(usize, String)> = Vec::new();
        let mut link_chars = 0usize;
        let mut scratch = String::new();
        for tr in dom
            .descendants(table)
            .filter(|&n| dom.tag(n) == Some(&local_name!("tr")))
        {
            let mut row: Vec<String> = Vec::new();
            let mut cells = dom
                .children(tr)
                .filter(|&c| is_tag(dom.tag(c), &[local_name!("td"), local_name!("th")]));
            let mut own = 0usize;
            loop {
                // Cells spanned from the rows above come first.
                while let Some((left, t)) = carry.get_mut(row.len()).filter(|(l, _)| *l > 0) {
                    *left -= 1;
                    row.push(t.clone());
                }
                let Some(cell) = cells.next() else { break };
                own += 1;
                scratch.clear();
                dom.push_text(cell, &mut scratch);
                let text = scratch.split_whitespace().collect::<Vec<_>>().join(" ");
                link_chars += dom
                    .descendants(cell)
                    .filter(|&n| dom.tag(n) == Some(&local_name!("a")))
                    .map(|n| dom.subtree_chars(n))
                    .sum::<usize>();
                let cols = span(dom, cell, "colspan");
                let rows = span(dom, cell, "rowspan");
                for k in 0..cols {
                    if row.len() >= MAX_TABLE_COLS {
                        break;
                    }
                    let t = if k == 0 { text.clone() } else { String::new() };
                    if carry.len() <= row.len() {
                        carry.resize(row.len() + 1, (0, String::new()));
                    }
                    if let Some(c) = carry.get_mut(row.len()) {
                        *c = (rows - 1, t.clone());
                    }
                    row.push(t);
                }
            }
            // Cells spanned from above after the row's own.
            while let Some(last) = carry.iter().rposition(|(l, _)| *l > 0) {
                if last < row.len() {
                    break;
                }
                match carry.get_mut(row.len()) {
                    Some((left, t)) if *left > 0 => {
                        *left -= 1;
                        row.push(t.clone());
                    }
                    _ => row.push(String::new()),
                }
            }
            if own > 0 {
                grid.push(row);
            }
        }
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        let mut text = String::new();
        for (r, row) in grid.iter().enumerate() {
            if r > 0 {
                text.push('\n');
            }
            for c in 0..width {
                if c > 0 {
                    text.push('\t');
                }
                text.push_str(row.get(c).map_or("", String::as_str));
            }
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

/// How many columns or rows a table's cell spans (`colspan`, `rowspan`):
/// 1 unless the attribute says a number from 2 to [`MAX_TABLE_COLS`].
fn span(dom: &Dom, cell: NodeId, attr: &str) -> usize {
    dom.attr(cell, attr)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, MAX_TABLE_COLS))
}

/// A table of data (cells of text), not a table used for layout.
fn is_data_table(dom: &Dom, table: NodeId, tuning: &HtmlTuning) -> bool {
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
                        local_name!("pre"),
                    ],
                ) =>
            {
                return false
            }
            _ => {}
        }
    }
    rows >= 1
        && max_cols >= tuning.data_table_min_cols
        && (has_th || rows >= tuning.data_table_min_rows)
}

/// An image's best source (see [`image_src`]) and its alternative text.
fn image_of(dom: &Dom, img: NodeId) -> Option<(String, String)> {
    let src = image_src(dom, img)?;
    let alt = dom
        .attr_named(img, &local_name!("alt"))
        .unwrap_or("")
        .trim()
        .to_string();
    Some((src, alt))
}

/// The best source of an image: the largest candidate of its `srcset`s
/// (lazy-loading `data-srcset` first), else its lazy-loading attributes
/// (`data-src`…), else its `src`, else the largest candidate of its
/// `<picture>`'s `<source>`s; never a `data:` placeholder.
fn image_src(dom: &Dom, img: NodeId) -> Option<String> {
    let largest = |n: NodeId| {
        ["data-srcset", "srcset"]
            .iter()
            .filter_map(|a| dom.attr(n, a).and_then(largest_candidate))
            .fold(None, |best: Option<((bool, u32), &str)>, c| {
                if best.is_none_or(|(size, _)| c.0 > size) {
                    Some(c)
                } else {
                    best
                }
            })
    };
    if let Some((_, url)) = largest(img) {
        return Some(url.to_string());
    }
    for attr in ["data-src", "data-original", "data-lazy-src", "src"] {
        if let Some(v) = dom
            .attr(img, attr)
            .map(str::trim)
            .filter(|v| !v.is_empty() && !v.starts_with("data:"))
        {
            return Some(v.to_string());
        }
    }
    let picture = dom
        .parent(img)
        .filter(|&p| dom.tag(p) == Some(&local_name!("picture")))?;
    dom.children(picture)
        .filter(|&c| dom.tag(c) == Some(&local_name!("source")))
        .find_map(largest)
        .map(|(_, url)| url.to_string())
}

/// A descriptor's number in hundredths (`1.5` is 150, `800` is 80000),
/// read without float parsing (which would weigh on the module); 0 when it
/// is no number.
fn hundredths(n: &str) -> u32 {
    let (whole, frac) = n.trim().split_once('.').unwrap_or((n.trim(), ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) {
        return 0;
    }
    let mut v: u32 = 0;
    for b in whole.bytes() {
        v = v.saturating_mul(10).saturating_add(u32::from(b - b'0'));
    }
    let mut f = frac.bytes().chain(std::iter::repeat(b'0')).take(2);
    for _ in 0..2 {
        let d = f.next().map_or(0, |b| u32::from(b - b'0'));
        v = v.saturating_mul(10).saturating_add(d);
    }
    v
}

/// The largest candidate of a `srcset` (`a.jpg 400w, b.jpg 800w`; `1x`,
/// `2x`; a width beats a density): its size (is a width, the number) and
/// its URL. A URL may hold commas; one that ends in a comma has no size.
fn largest_candidate(srcset: &str) -> Option<((bool, u32), &str)> {
    let mut best: Option<((bool, u32), &str)> = None;
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            return best;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (mut url, after) = rest.split_at(end);
        let mut size = (false, 100u32);
        if let Some(u) = url.strip_suffix(',') {
            url = u;
            rest = after;
        } else {
            let stop = after.find(',').unwrap_or(after.len());
            let desc = after[..stop].trim();
            rest = &after[stop..];
            if let Some(w) = desc.strip_suffix(['w', 'W']) {
                size = (true, hundredths(w));
            } else if let Some(x) = desc.strip_suffix(['x', 'X']) {
                size.1 = hundredths(x);
            }
        }
        if url.is_empty()
            || url
                .get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("data:"))
        {
            continue;
        }
        if best.is_none_or(|(s, _)| size > s) {
            best = Some((size, url));
        }
    }
}

/// Whether the element before `id` is an image without a source of its
/// own (a lazy image's placeholder, `src="data:…"`), alone or in a
/// `<picture>`.
fn placeholder_before(dom: &Dom, id: NodeId) -> bool {
    // (White space and comments between, a few at most.)
    let Some(p) = std::iter::successors(dom.prev_sibling(id), |&p| dom.prev_sibling(p))
        .take(4)
        .find(|&p| {
            dom.tag(p).is_some() || matches!(dom.data(p), NodeData::Text(t) if !t.trim().is_empty())
        })
    else {
        return false;
    };
    let img = match dom.tag(p) {
        Some(&local_name!("img")) => Some(p),
        Some(&local_name!("picture")) => dom
            .children(p)
            .find(|&c| dom.tag(c) == Some(&local_name!("img"))),
        _ => None,
    };
    img.is_some_and(|i| image_src(dom, i).is_none())
}

/// The image a `<noscript>` holds for readers without scripts (a lazy
/// image's fallback, kept in an attribute by the parser).
fn noscript_image(dom: &Dom, noscript: NodeId) -> Option<(String, String)> {
    let markup = dom.attr(noscript, super::parse::FALLBACK_IMAGE)?;
    let inner = super::parse::parse(markup);
    let img = inner.find(inner.body(), &local_name!("img"))?;
    // (A tracking pixel is no image.)
    if ["width", "height"].iter().any(|a| {
        inner
            .attr(img, a)
            .is_some_and(|v| matches!(v.trim(), "0" | "1"))
    }) {
        return None;
    }
    image_of(&inner, img)
}

/// What a figure says besides its image and caption (a credit in an
/// element of its own): the text of its children other than the image,
/// the caption (and what holds it), scripts' fallbacks and children with
/// links, white space made single spaces.
fn figure_credit(dom: &Dom, figure: NodeId, caption: NodeId) -> String {
    // The caption and its ancestors up to the figure.
    let mut holds_caption = Vec::new();
    let mut a = Some(caption);
    while let Some(n) = a.filter(|&n| n != figure) {
        holds_caption.push(n);
        a = dom.parent(n);
    }
    let mut out = String::new();
    for c in dom.children(figure) {
        if holds_caption.contains(&c)
            || is_tag(
                dom.tag(c),
                &[
                    local_name!("img"),
                    local_name!("picture"),
                    local_name!("noscript"),
                    local_name!("script"),
                    local_name!("style"),
                    local_name!("button"),
                ],
            )
        {
            continue;
        }
        // (A credit is a line of text; a child with links is more: a
        // product's card written as a figure.)
        if std::iter::once(c)
            .chain(dom.descendants(c))
            .any(|n| dom.tag(n) == Some(&local_name!("a")))
        {
            continue;
        }
        for n in std::iter::once(c).chain(dom.descendants(c)) {
            let raw = dom.parent(n).is_some_and(|p| {
                is_tag(
                    dom.tag(p),
                    &[
                        local_name!("noscript"),
                        local_name!("script"),
                        local_name!("style"),
                    ],
                )
            });
            if let (NodeData::Text(t), false) = (dom.data(n), raw) {
                for w in t.split_whitespace() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
            }
        }
    }
    out
}

/// Plain text of inline content.
pub(super) fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    fn go(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match i {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Math { text, .. } => out.push_str(text),
                Inline::Link { children, .. }
                | Inline::Emphasis(children)
                | Inline::Strong(children)
                | Inline::Note(_, children) => go(children, out),
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
        Inline::Math { tex, .. } => !tex.trim().is_empty(),
        Inline::Link { children, .. }
        | Inline::Emphasis(children)
        | Inline::Strong(children)
        | Inline::Note(_, children) => has_text(children),
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
        let start = t.len() - t.trim_start().len();
        t.drain(..start);
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        t.truncate(t.trim_end().len());
    }
    inlines
}

/// `text` with the ends `trim_start` and `trim_end` cut off, in place (no
/// copy when there is nothing to cut).
fn trim_owned(
    mut text: String,
    trim_start: impl Fn(&str) -> &str,
    trim_end: impl Fn(&str) -> &str,
) -> String {
    let end = trim_end(&text).len();
    text.truncate(end);
    let start = text.len() - trim_start(&text).len();
    text.drain(..start);
    text
}

/// Appends `text` with each run of white space as one space (a run at
/// either end too).
fn push_collapsed(out: &mut String, text: &str) {
    if collapsed_already(text) {
        out.push_str(text);
        return;
    }
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
}

/// Whether `text`'s white space is collapsed already: single ASCII spaces
/// only (most text between tags), so it is copied as it is.
fn collapsed_already(text: &str) -> bool {
    let b = text.as_bytes();
    let mut prev_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if prev_space => return false,
            b' ' => prev_space = true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            // Lead bytes of the white space beyond ASCII (U+0085, U+00A0,
            // U+1680, U+2000 to U+205F, U+3000): the character decides.
            0xc2 | 0xe1 | 0xe2 | 0xe3 => {
                if text
                    .get(i..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_whitespace)
                {
                    return false;
                }
                prev_space = false;
            }
            _ => prev_space = false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    /// The blocks of `html` as (kind, text), pruning by class.
    fn blocks(html: &str) -> Vec<Block> {
        let tuning = HtmlTuning::default();
        let dom = parse(html);
        let page = Containers::new(&dom, None, true, &tuning);
        Walker::new(&page).blocks(dom.body()).0
    }

    fn kinds(html: &str) -> Vec<(BlockKind, String)> {
        blocks(html).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn list_items_are_blocks() {
        let bs = blocks("<ol><li>One</li><li>Two <ul><li>Inner</li></ul></li></ol>");
        let got: Vec<(BlockKind, &str, u8, bool)> = bs
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.level, b.ordered))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::ListItem, "One", 0, true),
                (BlockKind::ListItem, "Two", 0, true),
                (BlockKind::ListItem, "Inner", 1, false),
            ]
        );
    }

    #[test]
    fn two_line_breaks_end_a_paragraph() {
        assert_eq!(
            kinds("<div>First line<br>same paragraph<br><br>Second</div>"),
            [
                (
                    BlockKind::Paragraph,
                    "First line\nsame paragraph".to_string()
                ),
                (BlockKind::Paragraph, "Second".to_string()),
            ]
        );
    }

    #[test]
    fn headings_quotes_and_code() {
        let bs = blocks("<h2>Title</h2><blockquote><p>Said</p></blockquote><pre>a  b</pre>");
        let got: Vec<(BlockKind, &str, u8)> = bs
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.level))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Title", 2),
                (BlockKind::Quote, "Said", 0),
                (BlockKind::Code, "a  b", 0),
            ]
        );
    }

    #[test]
    fn inline_markup_is_kept() {
        let bs = blocks("<p>See <a href=/x>the <em>docs</em></a> now</p>");
        assert_eq!(bs.len(), 1);
        assert_eq!(bs[0].text, "See the docs now");
        assert!(matches!(
            bs[0].inlines.as_slice(),
            [Inline::Text(_), Inline::Link { .. }, Inline::Text(_)]
        ));
    }

    #[test]
    fn data_tables_and_figures() {
        let bs = blocks(
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\
             <figure><img src=/i.png alt=Alt><figcaption>A caption</figcaption></figure>",
        );
        assert_eq!(bs[0].kind, BlockKind::Table);
        assert_eq!(bs[0].text, "A\tB\n1\t2");
        assert_eq!(bs[1].kind, BlockKind::Figure);
        assert_eq!(bs[1].text, "A caption");
        assert_eq!(
            bs[1].image.as_deref(),
            Some(&("/i.png".to_string(), "Alt".to_string()))
        );
    }

    #[test]
    fn a_layout_table_is_read_as_blocks() {
        let one_column = "<table><tr><td>Only</td></tr><tr><td>cells</td></tr></table>";
        assert!(blocks(one_column)
            .iter()
            .all(|b| b.kind != BlockKind::Table));
    }
}
