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

impl<'a> Lines<'a> {
    /// The page's lines, with how often it shows each.
    fn new(blocks: &'a [Block], t: &'a TextTuning) -> Lines<'a> {
        let mut shown: HashMap<&str, usize> = HashMap::new();
        for b in blocks {
            *shown.entry(b.text.as_str()).or_default() += 1;
        }
        Lines { blocks, shown, t }
    }

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

/// Finds the title and marks the headline's own lines.
///
/// Two questions, two answers. Which lines are the article's headline, to
/// leave out of its text, is a matter of place: a headline the page quotes
/// again, the headline of the article's head, else the nearest headline
/// (see [`Lines::nearest`]). Which line names the page is weighed, unless
/// the page quotes its headline again: every line near the article's
/// start is scored by [`TITLE_WEIGHTS`], and the best is the title. When
/// the two differ, the headline's lines are marked
/// as a headline, and the title's line, when it lies outside the article,
/// as the title.
pub(crate) fn find_title(
    blocks: &mut [Block],
    quoted: Option<String>,
    head_line: Option<String>,
    t: &TextTuning,
) -> Option<String> {
    let first_kept = blocks.iter().position(|b| b.kept)?;
    let lines = Lines::new(blocks, t);
    let scored = best_scored(&lines, first_kept, quoted.as_deref(), head_line.as_deref());
    let (headline, quoted_again) = match headline(&lines, first_kept, quoted, head_line) {
        Some((h, q)) => (Some(h), q),
        None => (None, false),
    };
    // A headline the page quotes again names it: no line is weighed.
    let scored = scored.filter(|_| !quoted_again);
    let title = scored
        .map(|i| blocks[i].text.clone())
        .or_else(|| headline.clone());
    if let Some(h) = &headline {
        mark_title(blocks, h, t);
    }
    if let (Some(i), Some(h)) = (scored, &headline) {
        if &blocks[i].text != h {
            for b in blocks.iter_mut() {
                if b.reason == Some(Reason::Title) {
                    b.reason = Some(Reason::Headline);
                }
            }
            if !blocks[i].kept {
                blocks[i].drop_for(Reason::Title);
            }
        }
    }
    title
}

/// The article's headline by its place: a headline the page quotes again,
/// the headline of the article's head, else the nearest headline; and
/// whether the page quotes it again.
fn headline(
    lines: &Lines,
    first_kept: usize,
    quoted: Option<String>,
    head_line: Option<String>,
) -> Option<(String, bool)> {
    let (blocks, t) = (lines.blocks, lines.t);
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
        (Some(q), _) => Some((q, true)),
        (None, Some(h)) => Some((blocks[lines.over_standfirst(h)].text.clone(), false)),
        (None, None) => lines.nearest(first_kept).map(|h| (h, false)),
    }
}

/// The line near the article's start that [`TITLE_WEIGHTS`] score best.
fn best_scored(
    lines: &Lines,
    first_kept: usize,
    quoted: Option<&str>,
    head: Option<&str>,
) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (i, f) in scored_lines(lines, first_kept, quoted, head) {
        let score: f32 = f.iter().zip(TITLE_WEIGHTS.iter()).map(|(a, b)| a * b).sum();
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The lines scored as the title, with their features: from
/// [`TextTuning::title_window_above`] lines above the article's first to
/// [`TextTuning::title_window_below`] lines into it, of
/// [`TextTuning::title_line_chars`] at most.
fn scored_lines(
    lines: &Lines,
    first_kept: usize,
    quoted: Option<&str>,
    head: Option<&str>,
) -> Vec<(usize, [f32; TITLE_FEATURES])> {
    let (blocks, t) = (lines.blocks, lines.t);
    // How often the article uses each word.
    let mut kept_words: HashMap<String, usize> = HashMap::new();
    for w in blocks
        .iter()
        .filter(|b| b.kept)
        .flat_map(|b| content_words(&b.text, t))
    {
        *kept_words.entry(w).or_default() += 1;
    }
    let window = first_kept.saturating_sub(t.title_window_above)
        ..(first_kept + t.title_window_below + 1).min(blocks.len());
    // Whether each line is headline-like, from the one over the window to
    // the one under it: asked once a line, not once a scored line.
    let from = window.start.saturating_sub(1);
    let headline: Vec<bool> = blocks[from..(window.end + 1).min(blocks.len())]
        .iter()
        .map(|b| headline_like(&b.text))
        .collect();
    // Each line in lower case, from the first a scored line looks back to
    // the one under the window: made once a line, not once for each
    // scored line that compares it.
    let lower_from = window.start.saturating_sub(t.title_beside_lines);
    let lower: Vec<String> = blocks[lower_from..(window.end + 1).min(blocks.len())]
        .iter()
        .map(|b| crate::lower::to_lower(b.text.trim()))
        .collect();
    let near = Near {
        kept_words: &kept_words,
        headline: &headline,
        from,
        lower: &lower,
        lower_from,
    };
    window
        .filter(|&i| {
            let n = blocks[i].text.chars().count();
            (t.title_line_min_chars..=t.title_line_chars).contains(&n)
        })
        .map(|i| (i, title_features(lines, i, first_kept, quoted, head, &near)))
        .collect()
}

/// What the features of the lines near the article share.
struct Near<'a> {
    /// How often the article uses each word.
    kept_words: &'a HashMap<String, usize>,
    /// Whether each line from `from` on is headline-like.
    headline: &'a [bool],
    from: usize,
    /// Each line from `lower_from` on, trimmed, in lower case.
    lower: &'a [String],
    lower_from: usize,
}

impl Near<'_> {
    /// Whether line `i` is headline-like (a line outside the window's
    /// edges is not).
    fn headline(&self, i: usize) -> bool {
        i.checked_sub(self.from)
            .and_then(|k| self.headline.get(k))
            .copied()
            .unwrap_or(false)
    }

    /// Line `i` trimmed, in lower case (none outside the lines made).
    fn lower(&self, i: usize) -> Option<&str> {
        i.checked_sub(self.lower_from)
            .and_then(|k| self.lower.get(k))
            .map(String::as_str)
    }
}

/// Every line scored as the title of classified copied text, with its
/// features in [`TITLE_WEIGHTS`]' order: what the weights are fitted on.
#[cfg(feature = "fitting")]
pub(crate) fn title_candidates(
    blocks: &[Block],
    quoted: Option<&str>,
    head: Option<&str>,
    t: &TextTuning,
) -> Vec<(String, Vec<f32>)> {
    let Some(first_kept) = blocks.iter().position(|b| b.kept) else {
        return Vec::new();
    };
    let lines = Lines::new(blocks, t);
    scored_lines(&lines, first_kept, quoted, head)
        .into_iter()
        .map(|(i, f)| (blocks[i].text.clone(), f.to_vec()))
        .collect()
}

/// A line's words of [`TextTuning::title_word_chars`] letters or more, in
/// lower case: the words that say what it is about.
fn content_words(text: &str, t: &TextTuning) -> Vec<String> {
    crate::util::words(text)
        .filter(|w| w.chars().count() >= t.title_word_chars)
        .map(crate::lower::to_lower)
        .collect()
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

/// The features of line `i` as the page's title, beside the article that
/// starts at line `first_kept` (see [`TITLE_WEIGHTS`]).
fn title_features(
    lines: &Lines,
    i: usize,
    first_kept: usize,
    quoted: Option<&str>,
    head: Option<&str>,
    near: &Near,
) -> [f32; TITLE_FEATURES] {
    let kept_words = near.kept_words;
    let blocks = lines.blocks;
    let b = &blocks[i];
    let text = b.text.as_str();
    let t = lines.t;
    let flag = |x: bool| if x { 1.0 } else { 0.0 };
    let ws: Vec<&str> = text.split_whitespace().collect();
    let n = ws.len().max(1) as f32;
    let capitals = ws
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count() as f32;
    let last = text.trim_end().chars().last().unwrap_or(' ');
    let chars = text.chars().count();
    let above = i < first_kept;
    let next =
        |f: &dyn Fn(&Block) -> bool| blocks[i + 1..].iter().take(t.title_beside_lines).any(f);
    let prose = |b: &Block| b.text.chars().count() >= t.title_prose_chars;
    let scaled = |n: usize, scale: usize| (n as f32 / scale.max(1) as f32).min(1.0);
    let when = |b: &Block| {
        b.text.chars().count() < t.date_line_chars
            && (crate::metadata::find_date(&b.text).is_some() || parse_byline(&b.text).is_some())
    };
    // (A kept line's own words are no repeat of them.)
    let content = content_words(text, t);
    let own = |w: &String| {
        if b.kept {
            content.iter().filter(|v| *v == w).count()
        } else {
            0
        }
    };
    let shared = content
        .iter()
        .filter(|w| kept_words.get(*w).is_some_and(|&n| n > own(w)))
        .count() as f32
        / content.len().max(1) as f32;
    let nearer_headlines = (i + 1..first_kept).filter(|&j| near.headline(j)).count();
    // The same line right under it (a head that shows its title twice),
    // and a longer line just above that ends with it (a trail of links
    // whose last is the page; copying often loses their separators).
    let lower = near.lower(i);
    let repeated_below = lower.is_some() && near.lower(i + 1) == lower;
    let trail_above = lower.is_some_and(|me| {
        (i.saturating_sub(t.title_beside_lines)..i)
            .filter_map(|j| near.lower(j))
            .any(|above| above.len() > me.len() && above.ends_with(me))
    });
    [
        // Where it stands: above the article, how far above, how far in,
        // and within the old reach of the nearest headline.
        flag(above),
        if above {
            scaled(first_kept - i, t.title_window_above)
        } else {
            0.0
        },
        if above {
            0.0
        } else {
            scaled(i - first_kept, t.title_window_below)
        },
        flag(above && first_kept - i <= t.title_reach),
        // Its shape: words, capitals, end marks, a date, digits, a colon.
        scaled(ws.len(), t.title_scale_words),
        capitals / n,
        flag(last == '.'),
        flag(matches!(last, '?' | '!')),
        flag(last == ':'),
        flag(crate::metadata::find_date(text).is_some()),
        flag(text.chars().any(|c| c.is_ascii_digit())),
        flag(text.contains(':')),
        // A headline by the rules of place, a headline's shape, shown twice.
        flag(lines.candidate(b)),
        flag(near.headline(i)),
        flag(lines.shown.get(text).is_some_and(|&k| k >= 2)),
        // A date or byline under it; prose under it.
        flag(next(&when)),
        flag(next(&prose)),
        // Furniture, kept, the article's words, prose over it, separators,
        // quoted again, the head's headline, long, headlines nearer the
        // article, a byline, a path or copyright.
        flag(b.reason.as_ref().is_some_and(|r| {
            r.furniture_words() || matches!(r, Reason::Menu | Reason::Furniture(_))
        })),
        flag(b.kept),
        shared,
        flag(i > 0 && prose(&blocks[i - 1])),
        flag(
            text.contains(" | ")
                || text.contains(" - ")
                || text.contains(" – ")
                || text.contains(" — "),
        ),
        flag(quoted == Some(text)),
        flag(head == Some(text)),
        flag(chars > t.title_long_chars),
        scaled(nearer_headlines, t.title_scale_lines),
        flag(parse_byline(text).is_some()),
        flag(text.contains(['/', '©'])),
        // It says when; a headline under it, over it; short lines over it
        // (a menu's); its length; all capitals; its place on the page; how
        // far the next prose is.
        flag(super::byline::when_line(text, t)),
        flag(near.headline(i + 1)),
        flag(i > 0 && near.headline(i - 1)),
        flag(
            blocks[i.saturating_sub(t.title_beside_lines)..i]
                .iter()
                .all(|b| b.text.chars().count() < t.title_menu_chars),
        ),
        scaled(chars, t.title_scale_chars),
        flag(text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)),
        i as f32 / blocks.len().max(1) as f32,
        blocks[i + 1..]
            .iter()
            .position(prose)
            .map_or(1.0, |j| scaled(j, t.title_scale_lines)),
        // An item of a list.
        flag(b.kind == BlockKind::ListItem || text.starts_with(['-', '•', '*', '·'])),
        // Shown again right under it; the last of a trail above it.
        flag(repeated_below),
        flag(trail_above),
    ]
}

/// How many features a title's line has.
const TITLE_FEATURES: usize = 39;

/// The weight of each of [`title_features`], fitted on the copied text of
/// WCXB's half A (`tools/gleaner-eval/fit_title.py`, which says how), and
/// checked on half B: position (above the article, how far, how far in),
/// shape (words, capitals, end marks, dates, digits, colons, length),
/// what the classifier said of the line, what stands beside it (a date or
/// byline under it, prose under it, a headline over or under it, the same
/// line under it, a trail of links above it that ends with it), and how
/// much of its wording the article repeats.
const TITLE_WEIGHTS: [f32; TITLE_FEATURES] = [
    1.02, -0.971, -2.56, -0.714, 0.691, 0.811, -1.05, 0.149, -0.442, -0.522, 0.864, 0.454, 0.856,
    0.825, 0.261, 1.56, 0.274, -0.568, -1.77, 3.99, -0.55, -0.887, 0.372, 1.13, -1.97, -0.463,
    -0.614, -0.799, -0.193, -0.249, -0.0544, 0.349, 2.67, -0.445, -0.431, -1.38, -0.406, 0.978,
    2.66,
];
