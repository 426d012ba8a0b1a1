//! What a front end (HTML or text) makes of its input, for the stages after
//! it: the page as blocks, what the page says about each block, and what it
//! says about itself.

use crate::blocks::Block;
use crate::classify::Signals;
use crate::lang::Language;
use crate::metadata::Meta;
use crate::options::InputKind;
use crate::page_type::PageType;

/// A page as blocks, ready to classify.
pub(crate) struct Page {
    /// HTML or text.
    pub kind: InputKind,
    /// Every block of the input, in order.
    pub blocks: Vec<Block>,
    /// What the page's structure says about each block (neutral for text).
    pub signals: Vec<Signals>,
    /// What the page says about itself.
    pub meta: Meta,
    /// The language the classifier reads the page in.
    pub language: Option<&'static Language>,
    /// The title's key (normalised), for the cross-page memory.
    pub title_key: Option<String>,
    /// Text: a headline the page quotes again (a title candidate).
    pub quoted_title: Option<String>,
    /// Text: the headline of the article's head, when the classifier's
    /// fallback chose the article by it.
    pub head_line: Option<String>,
    /// What kind of page it is.
    pub page_type: PageType,
    /// The signals that decided the type, for people.
    pub type_signals: Vec<String>,
}

impl Page {
    /// A page of these blocks, with neutral signals and no metadata.
    pub(crate) fn new(kind: InputKind, blocks: Vec<Block>, signals: Vec<Signals>) -> Page {
        Page {
            kind,
            blocks,
            signals,
            meta: Meta::default(),
            language: None,
            title_key: None,
            quoted_title: None,
            head_line: None,
            page_type: PageType::Article,
            type_signals: Vec::new(),
        }
    }
}
