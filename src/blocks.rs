//! Blocks: the unit that is classified, reported and rendered, for HTML and
//! plain text alike.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::reason::Reason;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The page's headline (reported, never part of the article body).
    Title,
    /// A heading inside the article.
    Heading,
    /// A paragraph of prose (or any other line of text).
    Paragraph,
    /// An item of a list.
    ListItem,
    /// A quotation.
    Quote,
    /// Preformatted code.
    Code,
    /// A table.
    Table,
    /// An image with its caption.
    Figure,
}

/// Inline content of a block, for Markdown and HTML output.
#[derive(Debug, Clone, PartialEq)]
#[allow(dead_code)] // built by the HTML side
pub(crate) enum Inline {
    Text(String),
    Link {
        href: String,
        children: Vec<Inline>,
    },
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    Break,
    /// A formula as TeX source.
    Math {
        tex: String,
        /// Displayed on a line of its own.
        display: bool,
        /// Its plain text: MathML's own text, or the TeX; empty for a
        /// formula the page shows only as an image (MathML hidden beside it).
        text: String,
    },
    /// A footnote reference: its label and its text as shown.
    Note(String, Vec<Inline>),
}

/// One block of the input: its text, what it is, and whether the article keeps it.
///
/// In JSON: `{text, kind, kept, reason, reason_code}`, the reason as its
/// sentence and its stable code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Block {
    /// The block's text.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Whether the block is part of the article.
    pub kept: bool,
    /// Why the block was dropped, or why a doubtful block was kept.
    pub reason: Option<Reason>,
    /// Heading level (1–6) or list nesting depth (0 = top level).
    pub(crate) level: u8,
    /// For list items: whether the list is numbered.
    pub(crate) ordered: bool,
    /// Rich inline content; empty means the plain `text`.
    pub(crate) inlines: Vec<Inline>,
    /// For tables: the `text` holds the table's cells (plain text, with
    /// white space made single spaces), apart by tabs, rows by newlines.
    pub(crate) cells: bool,
    /// Image source and alternative text, for figures.
    pub(crate) image: Option<Box<(String, String)>>,
    /// For code: the language (letters, digits and `-+#_.` only).
    pub(crate) lang: Option<Box<str>>,
    /// For a footnote's definition (a list item): the note's label.
    pub(crate) note: Option<Box<str>>,
    /// The callout (admonition) the block is part of.
    pub(crate) callout: Option<Box<Callout>>,
}

/// A callout (a note, a tip, a warning set apart from the text) that a
/// block is part of.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Callout {
    /// Which callout: the blocks of one share it (its element's place in
    /// the page).
    pub(crate) id: u32,
    /// Its type: a word of a fixed table (`note`, `tip`, `warning`…).
    pub(crate) kind: &'static str,
    /// Whether the block is the callout's title row.
    pub(crate) title: bool,
}

impl Block {
    /// A new block of plain text, not yet classified.
    pub(crate) fn new(kind: BlockKind, text: String) -> Block {
        Block {
            text,
            kind,
            kept: false,
            reason: None,
            level: 0,
            ordered: false,
            inlines: Vec::new(),
            cells: false,
            image: None,
            lang: None,
            note: None,
            callout: None,
        }
    }

    /// Marks the block dropped, with the reason.
    pub(crate) fn drop_for(&mut self, reason: Reason) {
        self.kept = false;
        self.reason = Some(reason);
    }
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Block", 5)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("kept", &self.kept)?;
        s.serialize_field("reason", &self.reason.as_ref().map(Reason::to_string))?;
        s.serialize_field("reason_code", &self.reason.as_ref().map(Reason::code))?;
        s.end()
    }
}
