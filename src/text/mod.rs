//! The plain-text side of the pipeline: text a person copied from a page.

//!
//! - [`head`]: the article's head, the classifier's fallback for text;
//! - [`title`]: the title;
//! - [`byline`]: the byline and date in the article's head.

mod byline;
mod head;
mod page_type;
mod title;

pub(crate) use byline::{date_in, head_lines, metadata_in_blocks};
pub(crate) use head::prefer_article_head;
pub(crate) use title::find_title;
#[cfg(feature = "fitting")]
pub(crate) use title::title_candidates;

use crate::blocks::{Block, BlockKind};
use crate::classify::Signals;
use crate::lang;
use crate::options::{InputKind, Options};
use crate::page::Page;
use crate::reason::Reason;
use crate::tuning::TextTuning;
use crate::util::norm_key;

/// List markers that open a line of a list.
const BULLETS: &[char] = &['-', '+', '•', '*', '·', '–', '»', '›', '▪', '◦', '‣', '→'];

fn list_marker(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && line.len() - rest.len() <= 3
        }
        _ => false,
    }
}

/// Whether a line was wrapped by hand and goes on in the next line: long,
/// without closing punctuation, followed by a line that starts in lower case.
fn continues(line: &str, next: &str, t: &TextTuning) -> bool {
    line.chars().count() >= t.wrapped_line_chars
        && !line.ends_with(['.', '!', '?', ':', ';', '"', '”', '»', ')'])
        && next.chars().next().is_some_and(char::is_lowercase)
}

/// Splits text into blocks: one block per non-empty line, with hard-wrapped
/// lines of one paragraph joined again.
pub(crate) fn split_blocks(input: &str, t: &TextTuning) -> Vec<Block> {
    let input = input.trim_start_matches('\u{feff}');
    let mut blocks: Vec<Block> = Vec::new();
    let mut joinable = false;
    for line in input.lines() {
        let line = line.trim();
        if line.is_empty() {
            joinable = false;
            continue;
        }
        let text = if line.chars().any(|c| c.is_control() && c != '\t') {
            line.chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect()
        } else {
            line.to_string()
        };
        if text.trim().is_empty() {
            continue;
        }
        if let Some(prev) = blocks
            .last_mut()
            .filter(|b| joinable && continues(&b.text, &text, t))
        {
            prev.text.push(' ');
            prev.text.push_str(&text);
            continue;
        }
        let kind = if list_marker(&text) {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block::new(kind, text));
        joinable = true;
    }
    blocks
}

/// The text front end: one block per line, the language, and a headline
/// the page quotes again.
pub(crate) fn front_end(input: &str, options: &Options, t: &TextTuning) -> Page {
    let blocks = split_blocks(input, t);
    let language = options
        .lang
        .as_deref()
        .and_then(lang::by_code)
        .or_else(|| lang::detect(blocks.iter().map(|b| b.text.as_str())));
    let quoted = title::quoted_title(&blocks, t);
    let signals = vec![Signals::default(); blocks.len()];
    let mut page = Page::new(InputKind::Text, blocks, signals);
    page.language = language;
    page.title_key = quoted.as_deref().map(norm_key);
    page.quoted_title = quoted;
    match options.page_type {
        Some(given) => page.page_type = given,
        None => {
            let evidence = page_type::evidence(&page.blocks, t);
            page.page_type = crate::page_type::decide(&evidence, t.type_min_points);
            page.type_signals = crate::page_type::explain(&evidence);
        }
    }
    page
}

/// Which lines stand in a menu: [`TextTuning::menu_run_lines`] or more
/// dropped lines in a row, each short (under
/// [`TextTuning::type_post_head_chars`], a post's head) and plain: not a
/// code line, no other mark of code (square or curly brackets, an
/// operator, a name's dot or underscore) and no sentence ended. A list of
/// contents or of related pages, not a section's lines. (A count in round
/// brackets, "(20 products)", is plain.)
pub(crate) fn menu_lines(blocks: &[Block], t: &TextTuning) -> Vec<bool> {
    let plain = |b: &Block| {
        !b.kept
            && b.text.chars().count() < t.type_post_head_chars
            && !crate::classify::cues::code_line(&b.text)
            && !b
                .text
                .contains(['[', ']', '{', '}', '=', '<', '>', '_', '#', '@', ';'])
            && !b.text.trim_end().ends_with(['.', '!', ':'])
            && !b
                .text
                .split_whitespace()
                .any(|w| w.trim_end_matches('.').contains('.'))
    };
    let mut menu = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let end = (i..blocks.len())
            .find(|&j| !plain(&blocks[j]))
            .unwrap_or(blocks.len());
        if end - i >= t.menu_run_lines {
            menu[i..end].fill(true);
        }
        i = end.max(i + 1);
    }
    menu
}

/// [`TextTuning::unsigned_outside_percent`]: in a text whose article shows
/// neither a date nor a byline, the text that reads as prose but was
/// dropped only for lying outside the article's run is kept, when there is
/// enough of it.
pub(crate) fn keep_unsigned_prose(blocks: &mut [Block], t: &TextTuning) {
    let outside = |b: &Block| !b.kept && b.reason == Some(Reason::OutsideArticle);
    let chars = |keep: &dyn Fn(&Block) -> bool| -> usize {
        blocks
            .iter()
            .filter(|b| keep(b))
            .map(|b| b.text.len())
            .sum()
    };
    let (kept, away) = (chars(&|b| b.kept), chars(&outside));
    if away == 0 || away * 100 < kept * t.unsigned_outside_percent {
        return;
    }
    for b in blocks.iter_mut().filter(|b| outside(b)) {
        b.kept = true;
        b.reason = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// A copied page: `head`'s lines over three paragraphs of prose.
    fn copied_page(head: &str) -> Article {
        let prose = "The council met on Monday to discuss the budget for the coming year, and the members agreed on most points after a long debate. ";
        let text = format!(
            "{head}\n{}\n{}\n{}",
            prose.repeat(2),
            prose.repeat(3),
            prose.repeat(2)
        );
        let options = Options {
            input: InputKind::Text,
            ..Options::default()
        };
        crate::clean(&text, &options).unwrap()
    }

    #[test]
    fn copied_text_metadata() {
        const TITLE: &str = "Council agrees on the budget for next year";
        // (The page's head; whether the byline and the date are in it.)
        for (head, dated) in [
            ("Home\nNews\nCouncil agrees on the budget for next year\nJo Walker\nMarch 3, 2024", true),
            // A breadcrumb trail is no title.
            ("Home\nSign in\nCouncil agrees on the budget for next year\nNews > Politics > Council agrees on the budget", false),
        ] {
            let a = copied_page(head);
            assert_eq!(a.title.as_deref(), Some(TITLE), "{head}");
            if dated {
                assert_eq!(a.byline.as_deref(), Some("Jo Walker"));
                assert_eq!(a.published.as_deref(), Some("2024-03-03"));
            }
        }
    }
}
