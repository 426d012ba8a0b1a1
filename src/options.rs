//! Options of [`crate::clean`], with their defaults in one place.

use serde::{Deserialize, Serialize};

/// What kind of input is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputKind {
    /// Decide from the input itself (the default).
    #[default]
    Auto,
    /// An HTML document or fragment.
    Html,
    /// Plain text, as copied from a rendered page.
    Text,
}

/// Which title [`crate::Article::title`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TitleStyle {
    /// The page's own headline (the default): a title that is the page's
    /// `<h1>` and something else ("Headline | Site") is that `<h1>`, and a
    /// first or last part that names the site (its name in the metadata,
    /// or its domain) is cut.
    #[default]
    Headline,
    /// The title as the page declares it: JSON-LD or `og:title` as given,
    /// the `<title>` cut only by word counts. This is what Readability.js
    /// reports.
    Declared,
}

/// Which renderings of the article [`crate::clean`] writes
/// ([`Options::outputs`]): all three by default. One not asked for is left
/// an empty string, and its rendering is not done; the word count and the
/// reading time are counted in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outputs {
    /// [`crate::Article::text`].
    pub text: bool,
    /// [`crate::Article::markdown`].
    pub markdown: bool,
    /// [`crate::Article::html`].
    pub html: bool,
}

impl Outputs {
    /// All three renderings (the default).
    pub const ALL: Outputs = Outputs {
        text: true,
        markdown: true,
        html: true,
    };
    /// None of them: the blocks and the metadata only.
    pub const NONE: Outputs = Outputs {
        text: false,
        markdown: false,
        html: false,
    };
}

impl Default for Outputs {
    fn default() -> Self {
        Outputs::ALL
    }
}

/// How to clean a page. Build one with [`Options::default`] and change fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "snake_case")]
#[non_exhaustive]
pub struct Options {
    /// The kind of input; `Auto` detects it.
    pub input: InputKind,
    /// The page's URL, used to resolve relative links and images (HTML input).
    pub base_url: Option<String>,
    /// Inputs larger than this many bytes are refused with [`crate::Error::TooLarge`].
    pub max_input_bytes: usize,
    /// Indices (into [`crate::Article::blocks`]) of dropped blocks to put back.
    pub restore: Vec<usize>,
    /// Language to assume instead of detecting it (ISO 639-1 code).
    pub lang: Option<String>,
    /// Words per minute used for [`crate::Article::reading_minutes`].
    pub words_per_minute: u32,
    /// Whether [`crate::Article::html`] may load remote images. Off by
    /// default: an image on another origin (`http:`, `https:`, `//`) is
    /// written as `<img data-src=…>`, so inserting the HTML makes no request
    /// until the caller copies `data-src` to `src`.
    pub remote_images: bool,
    /// The page's type, to use instead of detecting it
    /// ([`crate::Article::page_type`]).
    pub page_type: Option<crate::page_type::PageType>,
    /// Which title to give: the page's headline, or the title as declared.
    pub title: TitleStyle,
    /// Which renderings to write: text, Markdown, HTML (all by default).
    /// One not asked for is an empty string in the [`crate::Article`].
    pub outputs: Outputs,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            input: InputKind::Auto,
            base_url: None,
            max_input_bytes: 64 * 1024 * 1024,
            restore: Vec::new(),
            lang: None,
            words_per_minute: 230,
            remote_images: false,
            page_type: None,
            title: TitleStyle::Headline,
            outputs: Outputs::ALL,
        }
    }
}
