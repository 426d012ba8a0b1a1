//! The result of cleaning one page.

use crate::blocks::Block;
use crate::metadata::Dateline;
use crate::options::InputKind;
use crate::page_type::PageType;

use serde::Serialize;

/// The result of cleaning one page.
///
/// Fields that could not be found are `None` (`null` in JSON); nothing is
/// invented.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[non_exhaustive]
pub struct Article {
    /// The article's headline.
    pub title: Option<String>,
    /// The author(s), as written on the page.
    pub byline: Option<String>,
    /// The site or publisher (for copied text: the agency of the dateline when nothing better exists).
    pub site_name: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Last modification date, ISO 8601.
    pub modified: Option<String>,
    /// Language code (ISO 639-1), declared or detected.
    pub lang: Option<String>,
    /// Text direction (`ltr`/`rtl`) when the page declares one.
    pub dir: Option<String>,
    /// A short summary: the page's description or the lead paragraph.
    pub excerpt: Option<String>,
    /// The dateline that opens the article (`BERLIN / PARIS (AGENCY) –`).
    pub dateline: Option<Dateline>,
    /// The canonical URL of the page.
    pub canonical_url: Option<String>,
    /// The lead image URL.
    pub image: Option<String>,
    /// Keywords and tags.
    pub tags: Vec<String>,
    /// Words in the article text.
    pub word_count: usize,
    /// Reading time in whole minutes (at least 1 for a non-empty article).
    pub reading_minutes: u32,
    /// The kind of input that was cleaned.
    pub input_kind: InputKind,
    /// What kind of page it is (detected, or as [`crate::Options::page_type`] says).
    pub page_type: PageType,
    /// The signals that decided [`Article::page_type`], for people
    /// (`"forum +2: 12 dated posts"`); empty when the options set it.
    pub page_type_signals: Vec<String>,
    /// The article's prose as plain text, one block per paragraph, separated by
    /// one blank line; figure captions are left to `markdown` and `html`.
    /// Empty when [`crate::Options::outputs`] does not ask for it.
    pub text: String,
    /// The article as Markdown; empty when [`crate::Options::outputs`] does
    /// not ask for it.
    pub markdown: String,
    /// The article as HTML that is safe to insert into a page; empty when
    /// [`crate::Options::outputs`] does not ask for it.
    pub html: String,
    /// Every block of the input in order, kept or not, with the reason.
    pub blocks: Vec<Block>,
}
