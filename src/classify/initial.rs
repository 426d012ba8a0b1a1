//! The initial class of a block: from its own features and what the page's
//! structure says about it, before any neighbour is looked at.

use super::cues::{ad_label, code_line, last_sentence, lone_separator, markup};
use super::features::Features;
use super::{Class, Signals};
use crate::blocks::BlockKind;
use crate::reason::{Furniture, Reason};
use crate::tuning::ClassifyTuning;
use crate::util::text_len;

/// What the classifier looks at to give a block its first class.
pub(super) struct Block<'a> {
    pub block: &'a crate::blocks::Block,
    pub f: &'a Features,
    pub s: &'a Signals,
    /// Whether the page's language has stop words to measure prose by.
    pub lang_known: bool,
}

/// The class of a block from its own features alone: the first test that
/// decides wins, from what the line is to how it reads.
pub(super) fn initial(b: &Block, t: &ClassifyTuning) -> Class {
    kind_of_line(b, t)
        .or_else(|| links_and_addresses(b, t))
        .or_else(|| furniture(b, t))
        .unwrap_or_else(|| prose(b, t))
}

/// Lines whose kind decides: markup, code, no words, a copyright, a
/// container of furniture, an advertisement's label, a share bar, a date
/// line or a byline.
fn kind_of_line(b: &Block, t: &ClassifyTuning) -> Option<Class> {
    let (block, f, s) = (b.block, b.f, b.s);
    let paragraph = block.kind == BlockKind::Paragraph;
    // (Short lines of markup are code, an example in a tutorial.)
    if !s.content && paragraph && f.chars >= t.markup_chars && markup(&block.text) {
        return Some(Class::Bad(Reason::Markup));
    }
    if !s.content && paragraph && code_line(&block.text) {
        return Some(Class::Skip(Reason::CodeLine));
    }
    if f.words == 0 && block.kind != BlockKind::Figure {
        if lone_separator(&block.text) {
            return Some(Class::Bad(Reason::Separator));
        }
        return Some(Class::Skip(Reason::NoWords));
    }
    if f.copyright {
        return Some(Class::Bad(Reason::Copyright));
    }
    if let Some(why) = &s.boilerplate {
        return Some(Class::Bad(why.clone()));
    }
    if ad_label(&block.text) {
        return Some(Class::Skip(Reason::AdLabel));
    }
    if f.share_line {
        return Some(Class::Bad(Reason::Furniture(Furniture::ShareButtons)));
    }
    // (A quotation's attribution, such as an embedded post's, stays: in
    // copied text it is a line that opens with a dash.)
    let quoted =
        block.kind == BlockKind::Quote || (paragraph && block.text.starts_with(['—', '–']));
    if f.date_line && !quoted {
        return Some(Class::Bad(Reason::DateLine));
    }
    if f.byline && !quoted {
        return Some(Class::Bad(Reason::Byline));
    }
    None
}

/// Lines of links, of addresses, and menus.
fn links_and_addresses(b: &Block, t: &ClassifyTuning) -> Option<Class> {
    let (block, f, s) = (b.block, b.f, b.s);
    // Never drop prose for a few inline links: inside the article's
    // container only blocks that are nearly all links, or short link lines, go
    // (a table goes only when nearly all of it is links).
    let links_bad = if s.content {
        s.link_density > t.nearly_all_links
            || (s.link_density > t.content_short_link_density
                && f.chars < t.content_short_link_chars)
    } else {
        s.link_density > t.max_link_density
    };
    // (In a listing an item's title is a linked heading: the item's own.)
    let item_title = t.items_are_content && (block.kind == BlockKind::Heading || s.item);
    if links_bad
        && !item_title
        && (block.kind != BlockKind::Table || s.link_density > t.nearly_all_links)
    {
        return Some(Class::Bad(Reason::MostlyLinks));
    }
    // Inside the article a sentence may cite an address; only lines that are
    // mostly addresses, or short ones with furniture words ("follow us"), go.
    let address_line = if s.content {
        f.addresses * t.words_per_address > f.words
            || (f.addresses > 0 && f.chars < t.address_line_chars && !f.furniture.is_empty())
    } else {
        // (A sentence that ends in a link, an embedded post's say, is prose.)
        let prose = f.addresses == 1
            && f.words >= t.address_prose_words
            && (f.stop_density >= t.stop_low || f.sentence_ends >= 2)
            && f.furniture.is_empty();
        f.addresses > 0
            && (f.chars < t.address_line_chars && !prose
                || f.addresses * t.words_per_address > f.words)
    };
    if address_line {
        return Some(Class::Bad(Reason::Addresses));
    }
    if f.separators >= t.menu_separators && f.chars < t.menu_chars && f.sentence_ends == 0 {
        return Some(Class::Bad(Reason::Menu));
    }
    None
}

/// Lines with furniture words: furniture when short (or a pitch full of
/// them), doubtful when the word is in passing.
fn furniture(b: &Block, t: &ClassifyTuning) -> Option<Class> {
    let (block, f, s) = (b.block, b.f, b.s);
    if f.furniture.is_empty() {
        return None;
    }
    // Inside the article's container only short lines that are not
    // sentences ("Advertisement", "Share this:"), or a few sentences full
    // of furniture words (a sign-up pitch), count as furniture.
    let many = f.furniture.len() >= t.furniture_words_many;
    let furniture_line = if s.content {
        (f.chars < t.content_furniture_line_chars && (f.sentence_ends == 0 || many))
            || (f.chars < t.content_furniture_pitch_chars && many)
    } else {
        f.chars < t.furniture_line_chars || (f.chars < t.furniture_pitch_chars && many)
    };
    if !furniture_line {
        return None;
    }
    // (Two sentences with one furniture word in passing may be prose,
    // "… then log in to the router's page and …": their neighbours
    // decide. Not when the word is in a short last sentence, a call to
    // act: "… Click to subscribe!")
    let call = last_sentence(&block.text);
    let passing = !s.content
        && f.furniture.len() == 1
        && f.sentence_ends >= t.passing_sentences
        && f.chars >= t.passing_chars
        && !(text_len(call) < t.call_to_act_chars
            && crate::lower::to_lower(call).contains(f.furniture[0]));
    Some(if passing {
        Class::Short
    } else {
        Class::Bad(Reason::FurnitureWords(f.furniture.clone()))
    })
}

/// The rest by how it reads: vouched for by the page's structure, short,
/// or prose by its density of function words.
fn prose(b: &Block, t: &ClassifyTuning) -> Class {
    let (block, f, s) = (b.block, b.f, b.s);
    if s.content {
        // The page's structure already vouches for the block.
        return Class::Good;
    }
    if matches!(
        block.kind,
        BlockKind::Code | BlockKind::Table | BlockKind::Figure
    ) || f.chars < t.short
    {
        return Class::Short;
    }
    let density = if b.lang_known {
        f.stop_density
    } else if f.sentence_ends > 0 {
        // Unknown language: sentence punctuation stands in for stop words.
        t.stop_high
    } else {
        t.stop_low
    };
    if density >= t.stop_high {
        // (Furniture words make even long prose doubtful.)
        if f.chars >= t.long && f.furniture.is_empty() {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if density >= t.stop_low {
        Class::NearGood
    } else if f.sentence_ends >= t.terse_sentences && f.words >= t.terse_words {
        // Sentences with few function words (terse prose, a language that
        // builds its grammar into the words): the neighbours decide.
        Class::NearGood
    } else if f.chars < t.caption_chars {
        // Captions, list lines, quotes: their neighbours decide.
        Class::Short
    } else {
        Class::Bad(Reason::NotProse)
    }
}
