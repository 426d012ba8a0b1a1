//! Blocks: the unit that is classified, reported and rendered, for HTML and
//! plain text alike.

use serde::Serialize;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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
    Link { href: String, children: Vec<Inline> },
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    Break,
}

/// One block of the input: its text, what it is, and whether the article keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// The block's text.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Whether the block is part of the article.
    pub kept: bool,
    /// Why the block was dropped, or why a doubtful block was kept.
    pub reason: Option<String>,
    /// Heading level (1–6) or list nesting depth (0 = top level).
    #[serde(skip)]
    pub(crate) level: u8,
    /// For list items: whether the list is numbered.
    #[serde(skip)]
    pub(crate) ordered: bool,
    /// Rich inline content; empty means the plain `text`.
    #[serde(skip)]
    pub(crate) inlines: Vec<Inline>,
    /// For tables: the `text` holds the table's cells (plain text, with
    /// white space made single spaces), apart by tabs, rows by newlines.
    #[serde(skip)]
    pub(crate) cells: bool,
    /// Image source and alternative text, for figures.
    #[serde(skip)]
    pub(crate) image: Option<Box<(String, String)>>,
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
        }
    }

    /// Marks the block dropped, with the reason in words.
    pub(crate) fn drop_for(&mut self, reason: impl Into<String>) {
        self.kept = false;
        self.reason = Some(reason.into());
    }
}
