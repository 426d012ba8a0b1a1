//! The initial class of a block: from its own features and what the page's
//! structure says about it, before any neighbour is looked at.

use super::cues::{ad_label, code_line, last_sentence, lone_separator, markup};
use super::features::Features;
use super::{Class, Signals};
use crate::blocks::{Block, BlockKind};
use crate::reason::{Furniture, Reason};
use crate::tuning::ClassifyTuning;
use crate::util::text_len;

/// The class of a block from its own features alone.
pub(super) fn initial(
    block: &Block,
    f: &Features,
    s: &Signals,
    lang_known: bool,
    t: &ClassifyTuning,
) -> Class {
    // (Short lines of markup are code, an example in a tutorial.)
    if !s.content
        && block.kind == BlockKind::Paragraph
        && f.chars >= t.markup_chars
        && markup(&block.text)
    {
        return Class::Bad(Reason::Markup);
    }
    if !s.content && block.kind == BlockKind::Paragraph && code_line(&block.text) {
        return Class::Skip(Reason::CodeLine);
    }
    if f.words == 0 && block.kind != BlockKind::Figure {
        if lone_separator(&block.text) {
            return Class::Bad(Reason::Separator);
        }
        return Class::Skip(Reason::NoWords);
    }
    if f.copyright {
        return Class::Bad(Reason::Copyright);
    }
    if let Some(why) = &s.boilerplate {
        return Class::Bad(why.clone());
    }
    if ad_label(&block.text) {
        return Class::Skip(Reason::AdLabel);
    }
    if f.share_line {
        return Class::Bad(Reason::Furniture(Furniture::ShareButtons));
    }
    // (A quotation's attribution, such as an embedded post's, stays.)
    // (A quotation's attribution, such as an embedded post's, stays: in
    // copied text it is a line that opens with a dash.)
    let quoted = block.kind == BlockKind::Quote
        || (block.kind == BlockKind::Paragraph && block.text.starts_with(['—', '–']));
    if f.date_line && !quoted {
        return Class::Bad(Reason::DateLine);
    }
    if f.byline && !quoted {
        return Class::Bad(Reason::Byline);
    }
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
    if links_bad && (block.kind != BlockKind::Table || s.link_density > t.nearly_all_links) {
        return Class::Bad(Reason::MostlyLinks);
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
        return Class::Bad(Reason::Addresses);
    }
    if f.separators >= t.menu_separators && f.chars < t.menu_chars && f.sentence_ends == 0 {
        return Class::Bad(Reason::Menu);
    }
    if !f.furniture.is_empty() {
        // Inside the article's container only short lines that are not
        // sentences ("Advertisement", "Share this:"), or a few sentences full
        // of furniture words (a sign-up pitch), count as furniture.
        let furniture_line = if s.content {
            let many = f.furniture.len() >= t.furniture_words_many;
            (f.chars < t.content_furniture_line_chars && (f.sentence_ends == 0 || many))
                || (f.chars < t.content_furniture_pitch_chars && many)
        } else {
            f.chars < t.furniture_line_chars
                || (f.chars < t.furniture_pitch_chars
                    && f.furniture.len() >= t.furniture_words_many)
        };
        // (Two sentences with one furniture word in passing may be prose,
        // "… then log in to the router's page and …": their neighbours
        // decide.)
        // (Not when the word is in a short last sentence, a call to act:
        // "… Click to subscribe!")
        let call = last_sentence(&block.text);
        let passing = !s.content
            && f.furniture.len() == 1
            && f.sentence_ends >= t.passing_sentences
            && f.chars >= t.passing_chars
            && !(text_len(call) < t.call_to_act_chars
                && call.to_lowercase().contains(f.furniture[0]));
        if furniture_line && passing {
            return Class::Short;
        }
        if furniture_line {
            return Class::Bad(Reason::FurnitureWords(f.furniture.clone()));
        }
    }
    if s.content {
        // The page's structure already vouches for the block.
        return Class::Good;
    }
    if matches!(
        block.kind,
        BlockKind::Code | BlockKind::Table | BlockKind::Figure
    ) {
        return Class::Short;
    }
    if f.chars < t.short {
        return Class::Short;
    }
    let prose = if lang_known {
        f.stop_density
    } else {
        // Unknown language: sentence punctuation stands in for stop words.
        if f.sentence_ends > 0 {
            t.stop_high
        } else {
            t.stop_low
        }
    };
    let class = if prose >= t.stop_high {
        if f.chars >= t.long {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if prose >= t.stop_low {
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
    };
    if class == Class::Good && !f.furniture.is_empty() && !s.content {
        return Class::NearGood;
    }
    class
}
