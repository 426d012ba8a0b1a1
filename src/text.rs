//! The plain-text side of the pipeline: text a person copied from a page.

use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::classify::cues::{comment_form, counted_section, headline_like, timestamp};
use crate::classify::Signals;
use crate::lang;
use crate::metadata::{find_date, parse_byline, parse_dateline, InBlocks};
use crate::options::{InputKind, Options};
use crate::page::Page;
use crate::reason::{Furniture, Reason};
use crate::tuning::TextTuning;
use crate::util::{has_words, norm_key, text_len, words};

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
fn continues(line: &str, next: &str) -> bool {
    line.chars().count() >= 55
        && !line.ends_with(['.', '!', '?', ':', ';', '"', '”', '»', ')'])
        && next.chars().next().is_some_and(char::is_lowercase)
}

/// Splits text into blocks: one block per non-empty line, with hard-wrapped
/// lines of one paragraph joined again.
pub(crate) fn split_blocks(input: &str) -> Vec<Block> {
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
            .filter(|b| joinable && continues(&b.text, &text))
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
fn quoted_title(blocks: &[Block]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for b in blocks {
        let text = crate::util::prefix(&b.text, 2000);
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
        .filter(|&(t, c)| c >= 2 && (shown.contains(t) || has_words(t, 4)))
        // The text itself breaks ties, so the pick never depends on the map's order.
        .max_by_key(|&(t, c)| (c, t.len(), std::cmp::Reverse(t)))
        .map(|(t, _)| t.to_string())
}

/// The text front end: one block per line, the language, and a headline
/// the page quotes again.
pub(crate) fn front_end(input: &str, options: &Options) -> Page {
    let blocks = split_blocks(input);
    let language = options
        .lang
        .as_deref()
        .and_then(lang::by_code)
        .or_else(|| lang::detect(blocks.iter().map(|b| b.text.as_str())));
    let quoted = quoted_title(&blocks);
    let signals = vec![Signals::default(); blocks.len()];
    let mut page = Page::new(InputKind::Text, blocks, signals);
    page.language = language;
    page.title_key = quoted.as_deref().map(norm_key);
    page.quoted_title = quoted;
    page
}

/// The fallback [`crate::pipeline::Fallback::ArticleHead`]: a headline with
/// a date or byline line under it, followed by prose, is the article's
/// head. When the page has one such head and the longest run of prose lies
/// elsewhere (comments, teasers), the article is the prose under the head.
/// A lead that opens with an agency's dateline ("PLACE (AGENCY) –") is as
/// sure a sign. `reclassify` runs the classifier again.
pub(crate) fn prefer_article_head(page: &mut Page, reclassify: impl Fn(&mut Page)) {
    let Some(Head {
        headline: head,
        lead,
        dateline,
    }) = article_head(&page.blocks)
    else {
        return;
    };
    page.head_line = head.map(|h| page.blocks[h].text.clone());
    // (Also when the run starts above a dateline's head: teasers before it.)
    let top = head.unwrap_or(lead);
    let blocks = &page.blocks;
    if blocks[lead].kept && !(dateline && blocks[..top].iter().any(|b| b.kept)) {
        return;
    }
    let kept = |blocks: &[Block]| -> usize {
        blocks.iter().filter(|b| b.kept).map(|b| b.text.len()).sum()
    };
    let before = page.blocks.clone();
    if let Some(h) = head {
        page.blocks[h].kind = BlockKind::Title;
    }
    page.signals[lead].content = true;
    reclassify(page);
    if let Some(h) = head {
        page.blocks[h].kind = BlockKind::Paragraph;
    }
    // Under a headline that holds little, the longest run stays, unless it
    // lies past a counted section ("167 comments") after the head: the
    // comments.
    let longest = before.iter().position(|b| b.kept).unwrap_or(lead);
    let past_count = before[lead.min(longest)..longest].iter().any(|b| {
        b.reason
            .as_ref()
            .is_some_and(|r| counted_section(r, &b.text))
    });
    if !dateline && !past_count && kept(&page.blocks) * 2 < kept(&before) {
        page.blocks = before;
        page.signals[lead].content = false;
        page.head_line = None;
    }
}

/// What the classified lines say: the dateline of the first kept line,
/// and the byline and date in the article's head.
pub(crate) fn metadata_in_blocks(blocks: &[Block], title: Option<&str>) -> InBlocks {
    let first_kept = blocks.iter().position(|b| b.kept);
    let dateline = first_kept.and_then(|i| parse_dateline(&blocks[i].text));
    let head = first_kept.map(|i| head_lines(blocks, i));
    let in_head = || head.iter().flatten().map(|&i| &blocks[i]);
    let byline = in_head()
        .find_map(|b| parse_byline(&b.text).or_else(|| dated_byline(&b.text)))
        .or_else(|| {
            let vocabulary = vocabulary(blocks);
            head.iter()
                .flatten()
                .find_map(|&i| named_line(blocks, i, title, &vocabulary))
        });
    let published = in_head()
        .filter(|b| b.text.chars().count() < 120)
        .find_map(|b| find_date(&b.text));
    InBlocks {
        byline,
        site_name: dateline.as_ref().and_then(|d| d.agency.clone()),
        published,
        dateline,
    }
}

/// The lines of an article's head, where its byline and date stand, nearest
/// the article first: the first line of the article and the six lines above
/// it, up to the headline's when that stands further up (within twenty
/// lines) and two lines above the headline; then the dropped lines just
/// under the first line (a byline under a kept standfirst).
fn head_lines(blocks: &[Block], first_kept: usize) -> Vec<usize> {
    const ABOVE: usize = 6;
    const TO_HEADLINE: usize = 20;
    let headline = blocks[..first_kept]
        .iter()
        .rposition(|b| b.kind == BlockKind::Title)
        .filter(|&t| first_kept - t <= TO_HEADLINE);
    let lo = first_kept
        .saturating_sub(ABOVE)
        .min(headline.map_or(usize::MAX, |t| t.saturating_sub(2)));
    let below = (first_kept + 1..blocks.len())
        .take(4)
        .take_while(|&i| !blocks[i].kept);
    (lo..=first_kept).rev().chain(below).collect()
}

/// The words a page writes in lower case, in its article: common words, never
/// a name.
fn vocabulary(blocks: &[Block]) -> std::collections::HashSet<String> {
    blocks
        .iter()
        .filter(|b| b.kept)
        .flat_map(|b| words(&b.text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

/// A line that says when: a date, a time of day ("1:39 PM ET"), how long
/// ago, a reading time under a date.
fn when_line(text: &str) -> bool {
    let clock = || {
        words(text).zip(words(text).skip(1)).any(|(h, m)| {
            h.len() <= 2
                && m.len() == 2
                && h.parse::<u32>().is_ok_and(|h| h < 24)
                && m.parse::<u32>().is_ok_and(|m| m < 60)
                && text.contains(&format!("{h}:{m}"))
        })
    };
    text.chars().count() < 60 && (timestamp(text) || find_date(text).is_some() || clock())
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
) -> Option<String> {
    let text = blocks[i].text.as_str();
    let (name, rest) = crate::metadata::leading_name(text)?;
    let common = words(name).any(|w| {
        let lower = w.to_lowercase();
        vocabulary.contains(&lower) && !NAME_WORDS.contains(&lower.as_str())
            || NOT_NAMES.contains(&lower.as_str())
    });
    if common || title.is_some_and(|t| t.contains(name)) {
        return None;
    }
    let dated = if rest.is_empty() {
        let near = |j: usize| blocks.get(j).is_some_and(|b| when_line(&b.text));
        let short = |j: usize| blocks.get(j).is_some_and(|b| words(&b.text).count() <= 3);
        near(i + 1)
            || i.checked_sub(1).is_some_and(near)
            || short(i + 1) && near(i + 2)
            || i >= 2 && short(i - 1) && near(i - 2)
    } else {
        rest.starts_with('@')
            || when_line(rest)
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
fn dated_byline(text: &str) -> Option<String> {
    if text.chars().count() > 120 || find_date(text).is_none() {
        return None;
    }
    let at = text
        .as_bytes()
        .windows(4)
        .position(|w| w.eq_ignore_ascii_case(b" by "))?;
    parse_byline(text.get(at + 1..)?)
}

/// How many lines under a date or byline line the lead may start.
const LEAD_REACH: usize = 40;

/// The article's head: a headline over a date or byline line over prose, or
/// a paragraph that opens with an agency's dateline. Of several heads (a
/// story and the teasers beside it, each with its headline and time), the
/// one with the most prose under it, when it has clearly the most.
fn article_head(blocks: &[Block]) -> Option<Head> {
    // (A line that opens with a dash attributes a quotation, an embedded
    // post say, and one that ends with a colon introduces a comment ("Sam
    // on May 2, 2024 said:"): not the article's own date or author.)
    let meta = |b: &Block| {
        matches!(b.reason, Some(Reason::DateLine | Reason::Byline))
            && !b.text.starts_with(['—', '–', '-'])
            && !b.text.trim_end().ends_with(':')
    };
    let dated = |b: &Block| {
        text_len(&b.text) >= 40 && parse_dateline(&b.text).is_some_and(|d| d.agency.is_some())
    };
    let headline = |m: usize| {
        (m.saturating_sub(4)..m).rev().find(|&h| {
            headline_like(&blocks[h].text)
                    && has_words(&blocks[h].text, 4)
                    // (A menu's line of links is no headline.)
                    && !blocks[h]
                        .reason
                        .as_ref()
                        .is_some_and(|r| *r == Reason::Menu || r.furniture_words())
        })
    };
    let prose = |b: &Block| text_len(&b.text) >= 100;
    // (A comment form ends the article: no head of it lies past the last
    // one, nor does its lead. The first may be a link beside the byline,
    // and one above all prose a prompt to sign in.)
    let first_prose = blocks.iter().position(prose).unwrap_or(blocks.len());
    let form = blocks
        .iter()
        .rposition(|b| comment_form(&b.text))
        .filter(|&f| f > first_prose)
        .unwrap_or(blocks.len());
    // (body length, head, end of the body)
    let mut heads: Vec<(usize, Head, usize)> = Vec::new();
    for m in 0..form {
        let head = if dated(&blocks[m]) {
            Head {
                headline: headline(m),
                lead: m,
                dateline: true,
            }
        } else if meta(&blocks[m]) {
            let Some(h) = headline(m) else { continue };
            // The lead: the first long block, past short lines only (a share
            // bar, a caption's credit).
            let Some(lead) = (m + 1..(m + LEAD_REACH).min(form))
                .find(|&p| text_len(&blocks[p].text) >= 100)
                .filter(|&p| {
                    blocks[p].text.contains(crate::util::SENTENCE_ENDS)
                        && blocks[p].reason != Some(Reason::Markup)
                })
            else {
                continue;
            };
            Head {
                headline: Some(h),
                lead,
                dateline: false,
            }
        } else {
            continue;
        };
        // A lead inside the prose of the head before is that head's.
        if let Some(last) = heads.last_mut() {
            if head.lead < last.2 {
                last.1.dateline |= head.dateline && head.lead == last.1.lead;
                continue;
            }
        }
        // The prose under the head: long blocks, with at most one short
        // block at a time between them.
        let (mut body, mut gap, mut end) = (0usize, 0usize, head.lead);
        for (i, b) in blocks.iter().enumerate().skip(head.lead) {
            if meta(b) && i > head.lead {
                break;
            }
            if prose(b) {
                body += b.text.len();
                gap = 0;
                end = i + 1;
            } else {
                gap += 1;
                if gap > 1 {
                    break;
                }
            }
        }
        heads.push((body, head, end));
    }
    let (mut best, mut second) = (None::<(usize, Head)>, 0usize);
    for (body, head, _) in heads {
        match best {
            Some((b, _)) if body <= b => second = second.max(body),
            _ => {
                second = second.max(best.map_or(0, |(b, _)| b));
                best = Some((body, head));
            }
        }
    }
    best.filter(|(b, _)| *b >= 2 * second).map(|(_, head)| head)
}

/// The head of an article in copied text.
#[derive(Debug, Clone, Copy)]
struct Head {
    /// The headline above it, if any.
    headline: Option<usize>,
    /// The first paragraph of its prose.
    lead: usize,
    /// Whether the lead opens with an agency's dateline.
    dateline: bool,
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

/// How many lines above the article its headline may stand.
const TITLE_REACH: usize = 8;

/// Finds the title: a headline the page quotes again, the article's first
/// line when it is a headline, the headline of the article's head, else
/// the headline just before the article. Marks the title's own lines.
pub(crate) fn find_title(
    blocks: &mut [Block],
    quoted: Option<String>,
    head_line: Option<String>,
    t: &TextTuning,
) -> Option<String> {
    let first_kept = blocks.iter().position(|b| b.kept)?;
    let mut shown: HashMap<&str, usize> = HashMap::new();
    for b in blocks.iter() {
        *shown.entry(b.text.as_str()).or_default() += 1;
    }
    // A headline: not a byline, a name, a timestamp, a photo credit
    // ("Name/Agency") or furniture, nor a line the page shows more than
    // three times (a share bar under every item of a list).
    let candidate = |b: &Block| {
        headline_like(&b.text)
            && shown.get(b.text.as_str()).is_some_and(|&n| n <= 3)
            && parse_byline(&b.text).is_none()
            && has_words(&b.text, 3)
            && !b.text.contains(['/', '©'])
            // (Nor a breadcrumb trail: "News > 2015 > Title".)
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
    };
    let long = |b: &Block| has_words(&b.text, 4);
    // A quoted headline of a few words only when it stands as a line just
    // above the article.
    let quoted = quoted.filter(|q| {
        has_words(q, 4)
            || blocks[first_kept.saturating_sub(TITLE_REACH)..=first_kept]
                .iter()
                .any(|b| &b.text == q)
    });
    // The headline over a standfirst: when a long headline-like line (a
    // standfirst reads like one, without its full stop) has a shorter
    // headline above it (past a caption), that one is the title.
    let over_standfirst = |c: usize| -> usize {
        if blocks[c].text.chars().count() < t.standfirst {
            return c;
        }
        let above = |i: usize| i.checked_sub(1);
        let headline = |i: usize| candidate(&blocks[i]) && !two_sentences(&blocks[i].text);
        let p = above(c).and_then(|p| {
            if headline(p) {
                Some(p)
            } else {
                above(p).filter(|_| text_len(&blocks[p].text) < 150)
            }
        });
        match p {
            Some(p)
                if headline(p)
                    && long(&blocks[p])
                    && !blocks[p].kept
                    && blocks[p].text.chars().count() < blocks[c].text.chars().count() =>
            {
                p
            }
            _ => c,
        }
    };
    let own = &blocks[first_kept];
    let own_headline = candidate(own)
        && own.text.chars().count() < 150
        && blocks[first_kept + 1..].iter().any(|b| b.kept);
    // (Over a headline of three words, only when it is no sentence.)
    let own_first =
        own_headline && long(own) && !two_sentences(&own.text) && !own.text.ends_with('。');
    let head = head_line.and_then(|h| {
        blocks[..first_kept]
            .iter()
            .rposition(|b| b.text == h)
            .filter(|&i| candidate(&blocks[i]))
    });
    let title = if let Some(q) = quoted {
        q
    } else if let Some(h) = head {
        blocks[over_standfirst(h)].text.clone()
    } else {
        // The nearest headline before the article of four words or more,
        // else the article's first line when it is one, else the nearest
        // headline of three words.
        let near = || {
            (first_kept.saturating_sub(TITLE_REACH)..first_kept)
                .rev()
                .filter(|&i| candidate(&blocks[i]))
        };
        let before = near().find(|&i| long(&blocks[i]));
        match before.or_else(|| near().next()) {
            Some(i) if before.is_some() || !own_first => blocks[over_standfirst(i)].text.clone(),
            _ if own_headline => own.text.clone(),
            _ => return None,
        }
    };
    let mut first = true;
    for b in blocks.iter_mut() {
        let extra = b.text.len().saturating_sub(title.len());
        if b.text.starts_with(&title) && extra < 40 {
            b.kind = BlockKind::Title;
            b.drop_for(if first {
                Reason::Title
            } else {
                Reason::RepeatsTitle
            });
            first = false;
        }
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn author_after_a_date() {
        assert_eq!(
            dated_byline("March 3, 2024, by Sam Reporter").as_deref(),
            Some("Sam Reporter")
        );
        assert_eq!(
            dated_byline("Monday November 18, 2019 7:45 am PST by Jo Writer").as_deref(),
            Some("Jo Writer")
        );
        // No date: not a date line's author.
        assert_eq!(dated_byline("Stand by me, a song"), None);
        // A sentence is not a date line.
        assert_eq!(
            dated_byline(&format!(
                "{} by the council on March 3, 2024.",
                "x".repeat(120)
            )),
            None
        );
    }

    #[test]
    fn names_beside_a_date() {
        let blocks = split_blocks(
            "A Headline Over the Story\nJo Walker\nMarch 3, 2024\nSam Rivers - 2 hours ago\nKim Baxter | 3 March 2024\nGames Editor\nFollow\n1:39 PM ET",
        );
        let vocabulary: std::collections::HashSet<String> =
            ["games".to_string(), "editor".to_string()].into();
        let name =
            |i: usize| named_line(&blocks, i, Some("A Headline Over the Story"), &vocabulary);
        // A name alone over a date line.
        assert_eq!(name(1).as_deref(), Some("Jo Walker"));
        // "Name - when", "Name | date".
        assert_eq!(name(3).as_deref(), Some("Sam Rivers"));
        assert_eq!(name(4).as_deref(), Some("Kim Baxter"));
        // Words the article writes in lower case are no name.
        assert_eq!(name(5), None);
        // Not beside a line that says when.
        let blocks = split_blocks("Business News\nA Headline Over the Story\nMarch 3, 2024");
        assert_eq!(named_line(&blocks, 0, None, &vocabulary), None);
        // The headline is no name.
        assert_eq!(name(0), None);
    }

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
