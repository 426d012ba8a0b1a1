//! The byline and date of copied text, found in the article's head once
//! its lines are classified.

use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::classify::cues::timestamp;
use crate::metadata::{find_date, parse_byline, parse_dateline, InBlocks};
use crate::reason::Reason;
use crate::tuning::TextTuning;
use crate::util::words;

/// What the classified lines say: the dateline of the first kept line,
/// and the byline and date in the article's head.
pub(crate) fn metadata_in_blocks(
    blocks: &[Block],
    title: Option<&str>,
    t: &TextTuning,
) -> InBlocks {
    let first_kept = blocks.iter().position(|b| b.kept);
    let labels = labels(blocks);
    let dateline = first_kept.and_then(|i| parse_dateline(&blocks[i].text));
    let head = first_kept.map(|i| head_lines(blocks, i, t));
    let in_head = || head.iter().flatten().map(|&i| &blocks[i]);
    let byline = head
        .iter()
        .flatten()
        .find_map(|&i| {
            let b = &blocks[i];
            parse_byline(&b.text)
                .or_else(|| dated_byline(&b.text, t))
                .or_else(|| labelled_name(blocks, i, &labels))
        })
        .or_else(|| {
            let vocabulary = t.names_beside_dates.then(|| vocabulary(blocks))?;
            head.iter()
                .flatten()
                .find_map(|&i| named_line(blocks, i, title, &vocabulary, t))
        })
        .or_else(|| first_kept.and_then(|i| byline_in_article(blocks, i, t)))
        .or_else(|| labelled_on_page(blocks, &labels));
    let published = date_in(in_head(), t)
        .or_else(|| first_kept.and_then(|i| date_line_above(blocks, i, t)))
        .or_else(|| first_kept.and_then(|i| labelled_date(blocks, i, t)))
        .or_else(|| {
            let line = byline_line_in_article(blocks, first_kept?, t)?;
            find_date(&line.text)
        });
    InBlocks {
        byline,
        site_name: dateline.as_ref().and_then(|d| d.agency.clone()),
        published,
        dateline,
    }
}

/// The last layer: a byline's label alone on a line anywhere above the
/// article's last line, the name on the next (see [`labelled_name`]).
fn labelled_on_page(blocks: &[Block], labels: &Labels) -> Option<String> {
    let last = blocks.iter().rposition(|b| b.kept)?;
    (0..last).find_map(|i| labelled_name(blocks, i, labels))
}

/// How often the page shows each of its lines that is a byline's label
/// alone ("By", "Written by:").
type Labels<'a> = HashMap<&'a str, usize>;

/// The page's [`Labels`], counted once for every search.
fn labels(blocks: &[Block]) -> Labels<'_> {
    let mut labels = Labels::new();
    for b in blocks {
        let text = b.text.trim();
        if crate::metadata::is_byline_label(text) {
            *labels.entry(text).or_default() += 1;
        }
    }
    labels
}

/// The name on the line after a byline's label alone ("Written by",
/// "Jo Writer"), when no words go on after it ("Jo Writer, PhD" is hers;
/// "Search Advanced search…" under a search form's "By:" is no one's).
fn labelled_name(blocks: &[Block], i: usize, labels: &Labels) -> Option<String> {
    let next = blocks.get(i + 1)?.text.trim();
    let ends = |name: &String| {
        next.split_once(name.as_str())
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with(char::is_alphanumeric))
    };
    // (A label the page shows more than once labels each of its items:
    // "by" over each product's maker.)
    (labels.get(blocks[i].text.trim()) == Some(&1))
        .then(|| parse_byline(&format!("by {next}")))
        .flatten()
        .filter(ends)
}

/// Failing a byline in the article's head: the nearest line dropped as a
/// byline ("By Jo Writer") above the article's first, within
/// [`TextTuning::date_line_reach`] lines as its date line; then the first
/// among the article's lines or in the [`TextTuning::head_below`] lines
/// under its last (an author's box at its end).
fn byline_in_article(blocks: &[Block], first_kept: usize, t: &TextTuning) -> Option<String> {
    byline_line_in_article(blocks, first_kept, t).and_then(|b| parse_byline(&b.text))
}

/// The line [`byline_in_article`] reads its byline from.
fn byline_line_in_article<'a>(
    blocks: &'a [Block],
    first_kept: usize,
    t: &TextTuning,
) -> Option<&'a Block> {
    let byline = |b: &'a Block| {
        (b.reason == Some(Reason::Byline) && parse_byline(&b.text).is_some()).then_some(b)
    };
    let above = blocks[first_kept.saturating_sub(t.date_line_reach)..first_kept]
        .iter()
        .rev()
        .find_map(byline);
    above.or_else(|| {
        article_and_below(blocks, first_kept, t)?
            .iter()
            .find_map(byline)
    })
}

/// The article's lines, from its first kept line to its last, and the
/// [`TextTuning::head_below`] lines under its last (an author's box, a
/// "Posted on …" line): where a byline or date missing from its head may
/// stand.
fn article_and_below<'a>(
    blocks: &'a [Block],
    first_kept: usize,
    t: &TextTuning,
) -> Option<&'a [Block]> {
    let last_kept = blocks.iter().rposition(|b| b.kept)?;
    let end = (last_kept + 1 + t.head_below).min(blocks.len());
    blocks.get(first_kept..end)
}

/// Failing a date in the article's head: the nearest line above the
/// article's first that says only when (a date line), within
/// [`TextTuning::date_line_reach`] lines: a head whose headline was not
/// found, or stands further up, still has its date over the article.
fn date_line_above(blocks: &[Block], first_kept: usize, t: &TextTuning) -> Option<String> {
    (first_kept.saturating_sub(t.date_line_reach)..first_kept)
        .rev()
        .filter(|&i| blocks[i].reason == Some(Reason::DateLine))
        .find_map(|i| find_date(&blocks[i].text))
}

/// Failing a date by the article's head: the first date line among the
/// article's lines and those under it ([`article_and_below`]) that labels
/// its date as the publication ("Posted on April 3, 2023" under the
/// article).
fn labelled_date(blocks: &[Block], first_kept: usize, t: &TextTuning) -> Option<String> {
    let lines = article_and_below(blocks, first_kept, t)?;
    date_in(
        lines
            .iter()
            .filter(|b| crate::metadata::labels_publication(&b.text)),
        t,
    )
}

/// The date of the first of `lines` (an article's head, nearest the
/// article first) short enough to be a date line that holds one.
pub(crate) fn date_in<'a>(
    lines: impl Iterator<Item = &'a Block>,
    t: &TextTuning,
) -> Option<String> {
    lines
        .filter(|b| b.text.chars().count() < t.date_line_chars)
        .find_map(|b| find_date(&b.text))
}

/// The lines of an article's head, where its byline and date stand, nearest
/// the article first: the first line of the article and the six lines above
/// it, up to the headline's when that stands further up (within twenty
/// lines) and two lines above the headline; then the dropped lines just
/// under the first line (a byline under a kept standfirst).
pub(crate) fn head_lines(blocks: &[Block], first_kept: usize, t: &TextTuning) -> Vec<usize> {
    let headline = blocks[..first_kept]
        .iter()
        .rposition(|b| b.kind == BlockKind::Title)
        .filter(|&h| first_kept - h <= t.head_to_headline);
    let lo = first_kept
        .saturating_sub(t.head_above)
        .min(headline.map_or(usize::MAX, |h| h.saturating_sub(t.head_over_headline)));
    let below = (first_kept + 1..blocks.len())
        .take(t.head_below)
        .take_while(|&i| !blocks[i].kept);
    // A headline further up (over a table of contents) still has its
    // byline and date right under it.
    let under_far_headline = blocks[..lo]
        .iter()
        .rposition(|b| b.kind == BlockKind::Title)
        .filter(|_| headline.is_none())
        .map(|h| h + 1..(h + 1 + t.head_below).min(lo))
        .into_iter()
        .flatten();
    (lo..=first_kept)
        .rev()
        .chain(below)
        .chain(under_far_headline)
        .collect()
}

/// The words a page writes in lower case, anywhere on it: common words,
/// never a name (a control's label, "Show Replies", is written in lower
/// case elsewhere on its page). A line with a web or mail address is left
/// out: an address writes names in lower case ("/jo-writer/").
fn vocabulary(blocks: &[Block]) -> std::collections::HashSet<String> {
    blocks
        .iter()
        .filter(|b| !b.text.contains(['/', '@']))
        .flat_map(|b| words(&b.text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

/// A line that says when: a date, a time of day ("1:39 PM ET"), how long
/// ago, a reading time under a date.
pub(super) fn when_line(text: &str, t: &TextTuning) -> bool {
    let clock = || {
        words(text).zip(words(text).skip(1)).any(|(h, m)| {
            h.len() <= 2
                && m.len() == 2
                && h.parse::<u32>().is_ok_and(|h| h < 24)
                && m.parse::<u32>().is_ok_and(|m| m < 60)
                && text.contains(&format!("{h}:{m}"))
        })
    };
    text.chars().count() < t.when_line_chars
        && (timestamp(text) || find_date(text).is_some() || clock())
}

/// The author named on a line of the head without a "By": a name followed
/// on its line by a date, a time or a handle ("Jo Writer - March 3, 2024",
/// "Jo Writer • 8h"), or a name alone on its line beside a line that says
/// when (over it or under it, or two lines away past a short line:
/// "Follow", a role). A name's words are capitalised and the page never
/// writes them in lower case (`vocabulary`), and the name is not the title.
fn named_line(
    blocks: &[Block],
    i: usize,
    title: Option<&str>,
    vocabulary: &std::collections::HashSet<String>,
    t: &TextTuning,
) -> Option<String> {
    let text = blocks[i].text.as_str();
    let (name, rest) = crate::metadata::leading_name(text)?;
    let common = words(name).any(|w| {
        let lower = crate::lower::to_lower(w);
        vocabulary.contains(&lower) && !NAME_WORDS.contains(&lower.as_str())
            || NOT_NAMES.contains(&lower.as_str())
    });
    if common || title.is_some_and(|title| title.contains(name)) {
        return None;
    }
    let dated = if rest.is_empty() {
        let near = |j: usize| blocks.get(j).is_some_and(|b| when_line(&b.text, t));
        let short = |j: usize| {
            blocks
                .get(j)
                .is_some_and(|b| words(&b.text).count() <= t.name_aside_words)
        };
        near(i + 1)
            || i.checked_sub(1).is_some_and(near)
            || short(i + 1) && near(i + 2)
            || i >= 2 && short(i - 1) && near(i - 2)
    } else {
        rest.starts_with('@')
            || when_line(rest, t)
            || rest.split_whitespace().next().is_some_and(|w| {
                w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.len() <= 4
            }) && rest.chars().count() < 40
    };
    dated.then(|| name.to_string())
}

/// Words of the lines beside a date that name no person: a section, a
/// role, an update.
const NOT_NAMES: &[&str] = &[
    "news",
    "updated",
    "update",
    "staff",
    "editor",
    "writer",
    "reporter",
    "contributor",
    "correspondent",
    "desk",
    "team",
    "online",
    "media",
    "home",
    "section",
    "opinion",
];

/// Words that join names: the page may write them in lower case.
const NAME_WORDS: &[&str] = &[
    "and", "und", "et", "y", "e", "i", "en", "de", "da", "di", "van", "von", "der", "la", "le",
];

/// The author of a date line that names one after the date ("March 3, 2024,
/// by Sam Reporter").
fn dated_byline(text: &str, t: &TextTuning) -> Option<String> {
    if text.chars().count() > t.date_line_chars || find_date(text).is_none() {
        return None;
    }
    // (Spaced as one: "May 3, 2024\u{a0}by Jo Writer".)
    let text = crate::util::norm_space(text);
    let at = text
        .as_bytes()
        .windows(4)
        .position(|w| w.eq_ignore_ascii_case(b" by "))?;
    parse_byline(text.get(at + 1..)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated_byline_(text: &str) -> Option<String> {
        dated_byline(text, &TextTuning::default())
    }

    #[test]
    fn author_after_a_date() {
        assert_eq!(
            dated_byline_("March 3, 2024, by Sam Reporter").as_deref(),
            Some("Sam Reporter")
        );
        assert_eq!(
            dated_byline_("Monday November 18, 2019 7:45 am PST by Jo Writer").as_deref(),
            Some("Jo Writer")
        );
        assert_eq!(
            dated_byline_("August 12, 2025 By\u{a0} Jo Writer").as_deref(),
            Some("Jo Writer")
        );
        // No date: not a date line's author.
        assert_eq!(dated_byline_("Stand by me, a song"), None);
        // A sentence is not a date line.
        assert_eq!(
            dated_byline_(&format!(
                "{} by the council on March 3, 2024.",
                "x".repeat(120)
            )),
            None
        );
    }

    #[test]
    fn names_beside_a_date() {
        let t = TextTuning::default();
        let blocks = super::super::split_blocks(
            "A Headline Over the Story\nJo Walker\nMarch 3, 2024\nSam Rivers - 2 hours ago\nKim Baxter | 3 March 2024\nGames Editor\nFollow\n1:39 PM ET",
            &t,
        );
        let vocabulary: std::collections::HashSet<String> =
            ["games".to_string(), "editor".to_string()].into();
        let name = |i: usize| {
            named_line(
                &blocks,
                i,
                Some("A Headline Over the Story"),
                &vocabulary,
                &t,
            )
        };
        // A name alone over a date line.
        assert_eq!(name(1).as_deref(), Some("Jo Walker"));
        // "Name - when", "Name | date".
        assert_eq!(name(3).as_deref(), Some("Sam Rivers"));
        assert_eq!(name(4).as_deref(), Some("Kim Baxter"));
        // Words the article writes in lower case are no name.
        assert_eq!(name(5), None);
        // Not beside a line that says when.
        let blocks = super::super::split_blocks(
            "Business News\nA Headline Over the Story\nMarch 3, 2024",
            &t,
        );
        assert_eq!(named_line(&blocks, 0, None, &vocabulary, &t), None);
        // The headline is no name.
        assert_eq!(name(0), None);
    }

    #[test]
    fn a_label_the_page_writes_in_lower_case_is_no_name() {
        let t = TextTuning::default();
        let blocks = super::super::split_blocks(
            "How do I cut glass?\nShow Replies\nPosted 3 years ago\nJo Walker\nMarch 3, 2024\nTap to show replies below.\nProfile: https://example.com/u/jo-walker/",
            &t,
        );
        let vocabulary = vocabulary(&blocks);
        // "show" and "replies" are the page's words: a control's label.
        assert_eq!(named_line(&blocks, 1, None, &vocabulary, &t), None);
        // A name the page writes in lower case only inside an address is
        // still a name.
        assert_eq!(
            named_line(&blocks, 3, None, &vocabulary, &t).as_deref(),
            Some("Jo Walker")
        );
    }
}
