//! The plain-text side of the pipeline: text a person copied from a page.

use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::classify::{self, Page, Signals};
use crate::memory::Memory;
use crate::metadata::{find_date, parse_byline, parse_dateline};
use crate::util::{norm_key, text_len, words};
use crate::{lang, render, Article, InputKind, Options};

/// List markers that open a line of a list.
const BULLETS: &[char] = &['-', '•', '*', '·', '–', '»', '›', '▪', '◦', '‣', '→'];

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

/// Whether a line reads like a headline: a few words, no closing full stop.
fn headline_like(text: &str) -> bool {
    let n = text.chars().count();
    let w = words(text).count();
    let last = text.chars().last().unwrap_or('.');
    let first = text.chars().next().unwrap_or(' ');
    (10..=250).contains(&n)
        && (2..=40).contains(&w)
        && !matches!(last, '.' | ':' | ',' | ';')
        // (Scripts without case count as capitals.)
        && (first.is_uppercase()
            || first.is_numeric()
            || first.is_alphabetic() && !first.is_lowercase()
            || "\"„“«»'‘「『【".contains(first))
        && !timestamp(text)
        // (A table's row, its cells apart by tabs, is not one.)
        && !text.contains('\t')
}

/// A line that only says when ("2 days ago at 08:51 am", "Nov 19, 6:55 AM",
/// "March 5, 2024"): never a headline.
fn timestamp(text: &str) -> bool {
    crate::classify::relative_time(text)
        || crate::metadata::has_day_and_time(text)
        || (text.chars().count() < 40 && crate::metadata::find_date(text).is_some())
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
    counts
        .into_iter()
        .filter(|&(_, c)| c >= 2)
        // The text itself breaks ties, so the pick never depends on the map's order.
        .max_by_key(|&(t, c)| (c, t.len(), std::cmp::Reverse(t)))
        .map(|(t, _)| t.to_string())
}

/// Cleans copied plain text.
pub(crate) fn clean_text(input: &str, options: &Options, memory: Option<&mut Memory>) -> Article {
    let mut blocks = split_blocks(input);
    let language = options
        .lang
        .as_deref()
        .and_then(lang::by_code)
        .or_else(|| lang::detect(blocks.iter().map(|b| b.text.as_str())));
    let quoted = quoted_title(&blocks);
    let title_key = quoted.as_deref().map(norm_key);
    let mut signals = vec![Signals::default(); blocks.len()];

    // The page's fingerprint matters only to a memory: not computed without one.
    let page_id = memory.as_ref().map_or(0, |_| crate::util::page_id(input));
    let run = |blocks: &mut Vec<Block>, signals: &[Signals], memory: Option<&Memory>| {
        let seen = |key: &str| memory.is_some_and(|m| m.seen(key, title_key.as_deref(), page_id));
        let page = Page {
            lang: language,
            seen: memory.map(|_| &seen as &dyn Fn(&str) -> bool),
        };
        classify::classify(blocks, signals, &page);
    };
    run(&mut blocks, &signals, memory.as_deref());
    // A headline with a date or byline line under it, followed by prose, is
    // the article's head: when the page has one such head and the longest
    // run of prose lies elsewhere (comments, teasers), the article is the
    // prose under the head.
    // A lead that opens with an agency's dateline ("PLACE (AGENCY) –") is as
    // sure a sign.
    let mut head_line = None;
    if let Some(Head {
        headline: head,
        lead,
        dateline,
    }) = article_head(&blocks)
    {
        head_line = head.map(|h| blocks[h].text.clone());
        // (Also when the run starts above a dateline's head: teasers
        // before it.)
        let top = head.unwrap_or(lead);
        if !blocks[lead].kept || dateline && blocks[..top].iter().any(|b| b.kept) {
            let kept = |blocks: &[Block]| -> usize {
                blocks.iter().filter(|b| b.kept).map(|b| b.text.len()).sum()
            };
            let before = blocks.clone();
            if let Some(h) = head {
                blocks[h].kind = BlockKind::Title;
            }
            signals[lead].content = true;
            run(&mut blocks, &signals, memory.as_deref());
            if let Some(h) = head {
                blocks[h].kind = BlockKind::Paragraph;
            }
            // Under a headline that holds little, the longest run stays,
            // unless it lies past a counted section ("167 comments") after
            // the head: the comments.
            let longest = before.iter().position(|b| b.kept).unwrap_or(lead);
            let past_count = before[lead.min(longest)..longest].iter().any(|b| {
                b.reason
                    .as_deref()
                    .is_some_and(|r| classify::counted_section(r, &b.text))
            });
            if !dateline && !past_count && kept(&blocks) * 2 < kept(&before) {
                blocks = before;
                signals[lead].content = false;
                head_line = None;
            }
        }
    }
    if memory.is_some() && !blocks.iter().any(|b| b.kept) {
        // Everything was seen before: the same page again. Judge it on its own.
        run(&mut blocks, &signals, None);
    }
    if let Some(m) = memory {
        m.remember(
            blocks.iter().map(|b| b.text.as_str()),
            title_key.as_deref(),
            page_id,
        );
    }

    let title = find_title(&mut blocks, quoted.or(head_line));
    for &i in &options.restore {
        if let Some(b) = blocks.get_mut(i) {
            if !b.kept && b.kind != BlockKind::Title {
                b.kept = true;
                b.reason = Some("restored by the user".into());
            }
        }
    }

    let first_kept = blocks.iter().position(|b| b.kept);
    let dateline = first_kept.and_then(|i| parse_dateline(&blocks[i].text));
    let head_end = first_kept.map_or(0, |i| i + 1).min(blocks.len());
    let byline = blocks[..head_end]
        .iter()
        .rev()
        .take(6)
        .find_map(|b| parse_byline(&b.text).or_else(|| dated_byline(&b.text)));
    let published = blocks[..head_end]
        .iter()
        .rev()
        .take(6)
        .filter(|b| b.text.chars().count() < 120)
        .find_map(|b| find_date(&b.text));

    let mut article = Article {
        title,
        byline,
        site_name: dateline.as_ref().and_then(|d| d.agency.clone()),
        published,
        lang: language.map(|l| l.code.to_string()),
        dateline,
        input_kind: InputKind::Text,
        ..Article::default()
    };
    render::finish(&mut article, blocks, options);
    article
}

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
        b.reason
            .as_deref()
            .is_some_and(|r| r.starts_with("a date line") || r.starts_with("a byline"))
            && !b.text.starts_with(['—', '–', '-'])
            && !b.text.trim_end().ends_with(':')
    };
    let dated = |b: &Block| {
        text_len(&b.text) >= 40 && parse_dateline(&b.text).is_some_and(|d| d.agency.is_some())
    };
    let headline = |m: usize| {
        (m.saturating_sub(4)..m).rev().find(|&h| {
            headline_like(&blocks[h].text)
                    && (words(&blocks[h].text).count() >= 4
                        || blocks[h].text.chars().filter(|&c| crate::util::unspaced(c)).count() >= 8)
                    // (A menu's line of links is no headline.)
                    && !blocks[h]
                        .reason
                        .as_deref()
                        .is_some_and(|r| r.starts_with("a menu") || r.starts_with("site furniture"))
        })
    };
    let prose = |b: &Block| text_len(&b.text) >= 100;
    // (body length, head, end of the body)
    let mut heads: Vec<(usize, Head, usize)> = Vec::new();
    for m in 0..blocks.len() {
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
            let Some(lead) = (m + 1..(m + LEAD_REACH).min(blocks.len()))
                .find(|&p| text_len(&blocks[p].text) >= 100)
                .filter(|&p| {
                    blocks[p].text.contains(['.', '!', '?', '。', '！', '？'])
                        && !blocks[p]
                            .reason
                            .as_deref()
                            .is_some_and(|r| r.starts_with("markup"))
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

/// How many lines above the article its headline may stand.
const TITLE_REACH: usize = 8;

/// Finds the title: a headline the page quotes again or that heads the
/// article, else the headline just before the article. Marks the title's own
/// lines.
fn find_title(blocks: &mut [Block], quoted: Option<String>) -> Option<String> {
    let first_kept = blocks.iter().position(|b| b.kept)?;
    let title = match quoted {
        Some(t) => t,
        None => {
            // The nearest headline before the article (of four words or
            // more if there is one), or the article's first line when it is
            // a headline followed by prose. Not a byline, a name, a
            // timestamp, a photo credit ("Name/Agency") or furniture.
            let candidate = |b: &&Block| {
                headline_like(&b.text)
                    && parse_byline(&b.text).is_none()
                    && words(&b.text).count() >= 3
                    && !b.text.contains(['/', '©'])
                    && !b.reason.as_deref().is_some_and(|r| {
                        r.starts_with("site furniture")
                            || r.starts_with("a menu")
                            || r.starts_with("share")
                            || r.starts_with("a date line")
                    })
            };
            let near = || {
                blocks[..first_kept]
                    .iter()
                    .rev()
                    .take(TITLE_REACH)
                    .filter(candidate)
            };
            let before = near()
                .find(|b| words(&b.text).count() >= 4)
                .or_else(|| near().next())
                .map(|b| b.text.clone());
            let own = &blocks[first_kept];
            let own_headline = headline_like(&own.text)
                && own.text.chars().count() < 150
                && blocks[first_kept + 1..].iter().any(|b| b.kept);
            match before {
                Some(t) => t,
                None if own_headline => own.text.clone(),
                None => return None,
            }
        }
    };
    let mut first = true;
    for b in blocks.iter_mut() {
        let extra = b.text.len().saturating_sub(title.len());
        if b.text.starts_with(&title) && extra < 40 {
            b.kind = BlockKind::Title;
            b.drop_for(if first {
                "the title (kept in the metadata)"
            } else {
                "repeats the title"
            });
            first = false;
        }
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
