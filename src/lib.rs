//! # gleaner
//!
//! Takes a web page, as raw HTML or as the plain text a person gets by copying a
//! page, and returns the clean article with its metadata. Every block of the
//! input is reported, and every block that was dropped says why.
//!
//! ```
//! let page = "Breaking: a headline\n\n\
//!     The article starts here, and it is long enough to look like real prose that a person wrote for readers.\n\
//!     It goes on for another sentence, and then it ends with a full stop as articles do.\n\
//!     Subscribe to our newsletter!";
//! let article = gleaner::clean(page, &gleaner::Options::default()).unwrap();
//! assert!(article.text.contains("The article starts here"));
//! assert!(!article.text.contains("newsletter"));
//! ```
//!
//! The pipeline is one function for both kinds of input: detect the input kind,
//! build [`blocks`](crate::Block), classify them, assemble the article, render
//! it as text, Markdown and HTML.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod article;
mod blocks;
mod classify;
mod cleaner;
mod decode;
mod detect;
mod error;
mod html;
mod json;
mod lang;
mod lower;
mod memory;
mod metadata;
mod options;
mod page;
mod page_type;
mod pipeline;
mod reason;
mod render;
mod text;
mod tuning;
mod util;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use article::Article;
pub use blocks::{Block, BlockKind};
pub use cleaner::Cleaner;
#[cfg(feature = "encoding")]
pub use decode::decode;
pub use decode::sniff_encoding;
pub use error::Error;
pub use metadata::Dateline;
pub use options::{InputKind, Options, Outputs, TitleStyle};
pub use page_type::PageType;
pub use pipeline::is_probably_readable;
#[cfg(feature = "fitting")]
pub use pipeline::title_candidates;
pub use reason::{Furniture, Reason};

/// The number of a month named (or abbreviated) in any supported language,
/// as the date reader knows them: for `gleaner-eval`, not a stable API.
#[doc(hidden)]
pub fn month_number(word: &str) -> Option<u32> {
    metadata::month(word)
}

/// The tree html5ever builds and the tree our own parser builds for an HTML
/// document, each written out node by node, with the front end's pre-pass
/// or without: for the differential tests (tests/parse_diff.rs, the fuzz
/// target `parse_diff`), not a stable API.
#[cfg(feature = "own-parser")]
#[doc(hidden)]
pub fn parse_trees(html: &str, prepass: bool) -> [String; 2] {
    html::parse::both_trees(html, prepass)
}

/// Cleans one page: the one entry point of the library.
///
/// `input` may be HTML or copied plain text; see [`Options::input`].
///
/// # Errors
/// [`Error::TooLarge`] when the input exceeds [`Options::max_input_bytes`],
/// [`Error::Binary`] when the input is not text.
pub fn clean(input: &str, options: &Options) -> Result<Article, Error> {
    pipeline::clean_with_memory(input, options, None)
}

/// Cleans a page given as bytes, in whatever encoding it is in: a byte-order
/// mark, then a `<meta charset>`, then UTF-8 if the bytes are valid UTF-8,
/// else windows-1252 (see [`sniff_encoding`]). Malformed sequences become
/// U+FFFD; the text then goes through [`clean`].
///
/// The wasm package does the same with the browser's `TextDecoder`, so its
/// `.wasm` carries no encoding tables.
///
/// # Errors
/// As [`clean`]; the size limit applies to the bytes.
#[cfg(feature = "encoding")]
pub fn clean_bytes(input: &[u8], options: &Options) -> Result<Article, Error> {
    pipeline::check_size(input.len(), options)?;
    clean(&decode::decode(input), options)
}
