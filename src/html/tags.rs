//! Tag tables shared by the HTML stages: which elements start a block, and
//! heading levels.

use html5ever::{local_name, LocalName};

/// Whether `tag` is one of `names`.
pub(super) fn is_tag(tag: Option<&LocalName>, names: &[LocalName]) -> bool {
    tag.is_some_and(|t| names.contains(t))
}

/// Elements that start a block of their own.
pub(super) const BLOCK_TAGS: &[LocalName] = &[
    local_name!("p"),
    local_name!("div"),
    local_name!("section"),
    local_name!("article"),
    local_name!("main"),
    local_name!("header"),
    local_name!("footer"),
    local_name!("aside"),
    local_name!("nav"),
    local_name!("h1"),
    local_name!("h2"),
    local_name!("h3"),
    local_name!("h4"),
    local_name!("h5"),
    local_name!("h6"),
    local_name!("ul"),
    local_name!("ol"),
    local_name!("li"),
    local_name!("dl"),
    local_name!("dt"),
    local_name!("dd"),
    local_name!("blockquote"),
    local_name!("pre"),
    local_name!("table"),
    local_name!("tr"),
    local_name!("td"),
    local_name!("th"),
    local_name!("thead"),
    local_name!("tbody"),
    local_name!("tfoot"),
    local_name!("caption"),
    local_name!("figure"),
    local_name!("figcaption"),
    local_name!("form"),
    local_name!("fieldset"),
    local_name!("address"),
    local_name!("hr"),
    local_name!("details"),
    local_name!("summary"),
    local_name!("center"),
    local_name!("body"),
    local_name!("html"),
    local_name!("hgroup"),
    local_name!("legend"),
    local_name!("menu"),
];

pub(super) fn heading_level(tag: &LocalName) -> Option<u8> {
    Some(match *tag {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => return None,
    })
}

/// The tags of boxes that hold a page's repeated items: list items,
/// divisions, articles, sections, rows and definitions (never the
/// paragraphs of an article, which carry links of their own). A constant:
/// no list of names is made and dropped for each element.
pub(super) const ITEM_BOXES: &[LocalName] = &[
    local_name!("li"),
    local_name!("div"),
    local_name!("article"),
    local_name!("section"),
    local_name!("tr"),
    local_name!("dt"),
    local_name!("dd"),
];
