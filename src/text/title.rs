//! The title of copied text: a headline the page quotes again, the
//! headline of the article's head, or the headline just above the article.

use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::classify::cues::headline_like;
use crate::metadata::parse_byline;
use crate::reason::{Furniture, Reason};
use crate::tuning::TextTuning;
use crate::util::{has_words, text_len};

const QUOTES: &[(char, char)] = &[
    ('"', '"'),
    ('„', '“'),
    ('“', '”'),
    ('»', '«'),
    ('«', '»'),
    ('‚', '‘'),
];

/// Headline-like spans in quotes, with how often the page repeats each one
/// (quoted or as a line of its own). Pages often quote their own title again
/// in the footer ("Comment on “TITLE”").
pub(super) fn quoted_title(blocks: &[Block], t: &TextTuning) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for b in blocks {
        let text = crate::util::prefix(&b.text, t.quote_scan_chars);
        for &(open, close) in QUOTES {
            let mut rest = text;
            while let Some(start) = rest.find(open) {
                let after = &rest[start + open.len_utf8()..];
                let Some(end) = after.find(close) else { break };
                let inner = after[..end].trim();
                if headline_like(inner) {
                    *counts.entry(inner).or_default() += 1;
                }
                rest = &after[end + close.len_utf8()..];
            }
        }
    }
    if counts.is_empty() {
        return None;
    }
    for b in blocks {
        if let Some(c) = counts.get_mut(b.text.as_str()) {
            *c += 1;
        }
    }
    // (A quoted span of three words or fewer only when the page also
    // shows it as a line of its own: a name the page quotes often, a
    // game's or a film's, is no title.)
    let shown: std::collections::HashSet<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    counts
        .into_iter()
        .filter(|&(q, c)| {
            c >= t.quoted_title_count && (shown.contains(q) || has_words(q, t.title_words))
        })
        // The text itself breaks ties, so the pick never depends on the map's order.
        .max_by_key(|&(q, c)| (c, q.len(), std::cmp::Reverse(q)))
        .map(|(q, _)| q.to_string())
}

/// Whether a line holds two sentences ("Jo Writer at work. Photograph:
/// Agency"): a full stop after three small letters, then a capital. A
/// caption, not a headline.
fn two_sentences(text: &str) -> bool {
    text.match_indices(". ").any(|(i, _)| {
        let before: Vec<char> = text[..i].chars().rev().take(3).collect();
        before.len() == 3
            && before.iter().all(|c| c.is_lowercase())
            && text[i + 2..].chars().next().is_some_and(char::is_uppercase)
    })
}

/// The page's lines, as the title is looked for among them.
struct Lines<'a> {
    blocks: &'a [Block],
    /// How often the page shows each line.
    shown: HashMap<&'a str, usize>,
    t: &'a TextTuning,
}

impl Lines<'_> {
    /// A headline: not a byline, a name, a timestamp, a photo credit
    /// ("Name/Agency") or furniture, nor a line the page shows more than
    /// a few times (a share bar under every item of a list), nor a
    /// breadcrumb trail ("News > 2015 > Title").
    fn candidate(&self, b: &Block) -> bool {
        headline_like(&b.text)
            && self
                .shown
                .get(b.text.as_str())
                .is_some_and(|&n| n <= self.t.title_max_repeats)
            && parse_byline(&b.text).is_none()
            && has_words(&b.text, self.t.title_min_words)
            && !b.text.contains(['/', '©'])
            && b.text
                .split_whitespace()
                .filter(|t| matches!(*t, ">" | "›" | "»" | "→" | "|"))
                .count()
                < 2
            && !b.reason.as_ref().is_some_and(|r| {
                r.furniture_words()
                    || matches!(
                        r,
                        Reason::Menu
                            | Reason::Furniture(Furniture::ShareButtons)
                            | Reason::DateLine
                    )
            })
    }

    /// A headline long enough to be the title wherever it stands.
    fn long(&self, b: &Block) -> bool {
        has_words(&b.text, self.t.title_words)
    }

    /// The headline over a standfirst: when a long headline-like line at
    /// `c` (a standfirst reads like one, without its full stop) has a
    /// shorter headline above it (past a caption), that one is the title.
    fn over_standfirst(&self, c: usize) -> usize {
        let blocks = self.blocks;
        if blocks[c].text.chars().count() < self.t.standfirst {
            return c;
        }
        let above = |i: usize| i.checked_sub(1);
        let headline = |i: usize| self.candidate(&blocks[i]) && !two_sentences(&blocks[i].text);
        let p = above(c).and_then(|p| {
            if headline(p) {
                Some(p)
            } else {
                above(p).filter(|_| text_len(&blocks[p].text) < self.t.caption_chars)
            }
        });
        match p {
            Some(p)
                if headline(p)
                    && self.long(&blocks[p])
                    && !blocks[p].kept
                    && blocks[p].text.chars().count() < blocks[c].text.chars().count() =>
            {
                p
            }
            _ => c,
        }
    }

    /// The nearest headline before the article of four words or more, else
    /// the article's first line when it is one, else the nearest headline
    /// of three words.
    fn nearest(&self, first_kept: usize) -> Option<String> {
        let blocks = self.blocks;
        let own = &blocks[first_kept];
        let own_headline = self.candidate(own)
            && own.text.chars().count() < self.t.own_headline_chars
            && blocks[first_kept + 1..].iter().any(|b| b.kept);
        // (Over a headline of three words, only when it is no sentence.)
        let own_first = own_headline
            && self.long(own)
            && !two_sentences(&own.text)
            && !own.text.ends_with('。');
        let near = || {
            (first_kept.saturating_sub(self.t.title_reach)..first_kept)
                .rev()
                .filter(|&i| self.candidate(&blocks[i]))
        };
        let before = near().find(|&i| self.long(&blocks[i]));
        match before.or_else(|| near().next()) {
            Some(i) if before.is_some() || !own_first => {
                Some(blocks[self.over_standfirst(i)].text.clone())
            }
            _ if own_headline => Some(own.text.clone()),
            _ => None,
        }
    }
}

/// Finds the title: a headline the page quotes again, the headline of the
/// article's head, else the nearest headline (see [`Lines::nearest`]).
/// Marks the title's own lines.
pub(crate) fn find_title(
    blocks: &mut [Block],
    quoted: Option<String>,
    head_line: Option<String>,
    t: &TextTuning,
) -> Option<String> {
    let first_kept = blocks.iter().position(|b| b.kept)?;
    let title = {
        let mut shown: HashMap<&str, usize> = HashMap::new();
        for b in blocks.iter() {
            *shown.entry(b.text.as_str()).or_default() += 1;
        }
        let lines = Lines { blocks, shown, t };
        // A quoted headline of a few words only when it stands as a line
        // just above the article.
        let quoted = quoted.filter(|q| {
            has_words(q, t.title_words)
                || blocks[first_kept.saturating_sub(t.title_reach)..=first_kept]
                    .iter()
                    .any(|b| &b.text == q)
        });
        let head = head_line.and_then(|h| {
            blocks[..first_kept]
                .iter()
                .rposition(|b| b.text == h)
                .filter(|&i| lines.candidate(&blocks[i]))
        });
        match (quoted, head) {
            (Some(q), _) => q,
            (None, Some(h)) => blocks[lines.over_standfirst(h)].text.clone(),
            (None, None) => lines.nearest(first_kept)?,
        }
    };
    mark_title(blocks, &title, t);
    Some(title)
}

/// The title's own lines: the first is the title, the others repeat it.
fn mark_title(blocks: &mut [Block], title: &str, t: &TextTuning) {
    let mut first = true;
    for b in blocks.iter_mut() {
        let extra = b.text.len().saturating_sub(title.len());
        if b.text.starts_with(title) && extra < t.title_repeat_extra {
            b.kind = BlockKind::Title;
            b.drop_for(if first {
                Reason::Title
            } else {
                Reason::RepeatsTitle
            });
            first = false;
        }
    }
}
