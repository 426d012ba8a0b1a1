//! What copied text shows of its page's type: the shapes that survive
//! copying. Posts under a short dated head each, prices, items of one shape
//! (a title over a short line) many times, and code lines. The signals are shapes and repetitions,
//! never words.

use crate::blocks::Block;
use crate::classify::cues::{code_line, has_price, headline_like, relative_time};
use crate::metadata::{find_date, has_day_and_time};
use crate::page_type::{Evidence, PageType};
use crate::tuning::TextTuning;
use crate::util::text_len;

/// The page's evidence of its type, from its lines.
pub(super) fn evidence(blocks: &[Block], t: &TextTuning) -> Evidence {
    let mut e = Evidence::default();
    let lens: Vec<usize> = blocks.iter().map(|b| text_len(&b.text)).collect();
    let all = lens.iter().sum::<usize>().max(1);
    // The posts' heads, found once for both kinds of thread.
    let heads: Vec<usize> = (0..blocks.len())
        .filter(|&i| dated_head(&blocks[i].text, lens[i], t))
        .collect();
    posts(blocks, &lens, &heads, all, t, &mut e);
    numbered_posts(blocks, &heads, t, &mut e);
    separated_posts(blocks, &lens, all, t, &mut e);
    prices(blocks, t, &mut e);
    items(blocks, &lens, all, t, &mut e);
    code(blocks, &lens, all, t, &mut e);
    e
}

/// A short line that says when: a post's head ("Sam September 5, 2024,
/// 11:15pm 1"), an item's date.
fn dated_head(text: &str, chars: usize, t: &TextTuning) -> bool {
    chars <= t.type_post_head_chars
        && text.bytes().any(|b| b.is_ascii_digit())
        && (has_day_and_time(text) || relative_time(text) || find_date(text).is_some())
}

/// Posts: short dated heads, each over a body of its own, that hold most of
/// the page's text (a thread), not a few comments under an article.
fn posts(
    blocks: &[Block],
    lens: &[usize],
    heads: &[usize],
    all: usize,
    t: &TextTuning,
    e: &mut Evidence,
) {
    if heads.len() < t.type_min_posts {
        return;
    }
    // Each head's body: the lines up to the next head (the last one's: the
    // next few lines).
    let (mut posts, mut post_chars, mut short, mut top) = (0usize, 0usize, 0usize, 0usize);
    // Posts whose head gives more than one date (a profile: when the
    // author joined) or the post's number in the thread, as forum software
    // prints them.
    let (mut profiled, mut joined, mut number) = (0usize, false, None);
    for (k, &h) in heads.iter().enumerate() {
        let end = heads
            .get(k + 1)
            .copied()
            .unwrap_or(blocks.len().min(h + 1 + t.type_last_post_lines));
        let body: usize = lens.get(h + 1..end).map_or(0, |l| l.iter().sum());
        // (A head over a headline heads a teaser: the next story's title
        // and its summary, not a post.)
        let teaser = blocks.get(h + 1).is_some_and(|b| headline_like(&b.text));
        // (A date a few short lines above the next head is a line of that
        // post's head: when its author joined, their last visit.)
        let in_head =
            k + 1 < heads.len() && end - h <= t.type_post_head_lines && body < t.type_post_chars;
        if in_head {
            joined = true;
            continue;
        }
        if body >= t.type_post_chars && !teaser {
            let n = post_number(blocks, h);
            let numbered = n.is_some() && n == number.map(|k: u32| k + 1);
            number = n;
            profiled += usize::from(std::mem::take(&mut joined) || numbered);
            posts += 1;
            post_chars += body;
            top = top.max(body);
        } else {
            joined = false;
            short += 1;
        }
    }
    // (An article's comments are dated too, but the article outweighs
    // each of them.)
    // Heads with profiles or numbers are forum software's: a few such
    // posts, most of the page, make a thread.
    let no_top = top * 100 <= post_chars * t.type_top_post_percent;
    if profiled * 2 >= posts
        && profiled >= t.type_min_profiled_posts
        && no_top
        && post_chars * 100 >= all * t.type_posts_percent
    {
        e.add(
            PageType::Forum,
            2,
            format!("{posts} posts under heads with profiles"),
        );
    } else if posts >= t.type_min_posts
        && posts >= short
        && no_top
        && post_chars * 100 >= all * t.type_posts_percent
    {
        // Dated heads of a name and a date: comments, read as an
        // article's.
        e.add(
            PageType::Article,
            2,
            format!("{posts} comments under dated heads"),
        );
    }
}

/// Posts that forum software numbers in order under their dated heads
/// ("#1", "#2", …), however short each is (a thread of one-line replies):
/// [`TextTuning::type_numbered_posts`] or more in a row make a thread. An
/// article's list is numbered too, but not each item by a date.
fn numbered_posts(blocks: &[Block], heads: &[usize], t: &TextTuning, e: &mut Evidence) {
    let (mut run, mut best, mut last) = (0usize, 0usize, None);
    for &h in heads {
        let Some(n) = post_number(blocks, h) else {
            continue;
        };
        // (Other dated lines between, a poster's join date, do not break
        // the count; a count that starts again does.)
        if last.is_some_and(|m: u32| m.checked_add(1) == Some(n)) {
            run += 1;
        } else if run == 0 || n <= 1 {
            run = 1;
        } else {
            continue;
        }
        last = Some(n);
        best = best.max(run);
    }
    if best >= t.type_numbered_posts {
        e.add(
            PageType::Forum,
            2,
            format!("{best} posts numbered in order under dated heads"),
        );
    }
}

/// Posts between the same short line, repeated under each of them (a
/// post's controls: "Share", "Reply", "Quote"): the line cuts the page into
/// parts, and most of the parts hold a post of their own, none of which
/// outweighs the others (an article over its comments does), together
/// most of the page's text. Posts whose controls stand by a date (when
/// each was written) make a thread; undated parts of one shape, entries of
/// a list (a guide's reviewed products, each with the same buttons).
fn separated_posts(blocks: &[Block], lens: &[usize], all: usize, t: &TextTuning, e: &mut Evidence) {
    let short = |n: usize| n <= t.type_post_head_chars;
    let clusters = short_runs(lens, t);
    for line in separators(blocks, lens, t) {
        // The prose of each part: its lines longer than a post's head.
        let mut parts = vec![0usize];
        let (mut places, mut clustered, mut dated) = (0usize, 0usize, 0usize);
        for (k, (b, &n)) in blocks.iter().zip(lens).enumerate() {
            if b.text.trim() == line {
                parts.push(0);
                places += 1;
                let (start, end) = clusters[k];
                clustered += usize::from(end - start >= t.type_separator_cluster);
                dated += usize::from((start..end).any(|j| dated_head(&blocks[j].text, lens[j], t)));
            } else if let Some(p) = parts.last_mut().filter(|_| !short(n)) {
                *p += n;
            }
        }
        let all_parts = parts.len();
        parts.retain(|&p| p >= t.type_post_chars);
        let post_chars: usize = parts.iter().sum();
        let top = parts.iter().copied().max().unwrap_or(0);
        if parts.len() >= t.type_separator_repeats
            && clustered * 2 > places
            && parts.len() * 2 > all_parts
            && top * 100 <= post_chars * t.type_top_post_percent
            && post_chars * 100 >= all * t.type_posts_percent
        {
            let (kind, what) = if dated * 2 > places {
                (PageType::Forum, "dated posts")
            } else {
                (PageType::Listing, "entries")
            };
            e.add(
                kind,
                2,
                format!("{} {what} between repeated lines", parts.len()),
            );
            return;
        }
    }
}

/// The short lines tried as posts' separators, the most repeated first: a
/// control's label of a few words, repeated, without a date or a count
/// (dates head teasers and comments alike) and not code.
fn separators<'a>(blocks: &'a [Block], lens: &[usize], t: &TextTuning) -> Vec<&'a str> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for (b, &n) in blocks.iter().zip(lens) {
        let label = b.text.split_whitespace().count() <= t.type_separator_words
            && b.text.chars().any(char::is_alphabetic)
            && !b.text.bytes().any(|c| c.is_ascii_digit())
            && !code_line(&b.text);
        if n > 0 && n <= t.type_post_head_chars && label {
            *counts.entry(b.text.trim()).or_default() += 1;
        }
    }
    let mut lines: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|&(_, c)| c >= t.type_separator_repeats)
        .collect();
    // The most repeated first, equal counts in the order of their text (the
    // lines are distinct: the order is total); the candidates are few, so
    // each is picked from the rest rather than all sorted.
    let mut picked = Vec::new();
    while picked.len() < t.type_separator_candidates {
        let best = lines
            .iter()
            .enumerate()
            .max_by_key(|&(_, &(l, c))| (c, std::cmp::Reverse(l)))
            .map(|(i, _)| i);
        let Some(i) = best else { break };
        picked.push(lines.swap_remove(i).0);
    }
    picked
}

/// For each line, the run of short lines around it, `start..end` (empty
/// for a long line).
fn short_runs(lens: &[usize], t: &TextTuning) -> Vec<(usize, usize)> {
    let mut runs = vec![(0, 0); lens.len()];
    let mut i = 0;
    while i < lens.len() {
        let end = (i..lens.len())
            .find(|&j| lens[j] > t.type_post_head_chars)
            .unwrap_or(lens.len());
        runs[i..end].fill((i, end));
        i = end.max(i + 1);
    }
    runs
}

/// The number a post's head gives it ("… 11:15pm 3", "#3 Sam, May 2,
/// 2025", or "#3" on the line below or above the head).
fn post_number(blocks: &[Block], head: usize) -> Option<u32> {
    let last = |text: &str| {
        let word = text.split_whitespace().last()?;
        word.strip_prefix('#').unwrap_or(word).parse::<u32>().ok()
    };
    let hashed = |text: &str| {
        let word = text.split_whitespace().next()?.strip_prefix('#')?;
        word.trim_end_matches([',', ':']).parse::<u32>().ok()
    };
    let below = blocks
        .get(head + 1)
        .filter(|b| b.text.trim().starts_with('#'))
        .and_then(|b| last(&b.text));
    let above = || {
        head.checked_sub(1)
            .and_then(|i| blocks.get(i))
            .and_then(|b| hashed(&b.text).filter(|_| b.text.split_whitespace().count() == 1))
    };
    let own = || {
        blocks
            .get(head)
            .and_then(|b| hashed(&b.text).or_else(|| last(&b.text)))
    };
    below.or_else(above).or_else(own)
}

/// Prices: one product shows one or a few, a shop's category many.
fn prices(blocks: &[Block], t: &TextTuning, e: &mut Evidence) {
    let prices = blocks.iter().filter(|b| has_price(&b.text)).count();
    if prices >= t.type_many_prices {
        e.add(PageType::Collection, 2, format!("{prices} prices"));
    } else if prices > 0 {
        e.add(PageType::Product, 1, format!("{prices} prices"));
    }
}

/// A line's shape, for the items' repetition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A title: a few words, no closing stop.
    Title,
    /// A short line (a label, a count, a name).
    Short,
    /// A line of some length: a teaser, a description.
    Line,
    /// A paragraph of prose.
    Long,
    /// A price.
    Price,
    /// A date.
    Date,
}

/// The shape of a line `chars` long.
fn shape(text: &str, chars: usize, t: &TextTuning) -> Shape {
    if chars <= t.type_post_head_chars && has_price(text) {
        Shape::Price
    } else if dated_head(text, chars, t) {
        Shape::Date
    } else if chars > t.type_item_line_max {
        Shape::Long
    } else if chars <= t.type_item_title_chars && headline_like(text) {
        Shape::Title
    } else if chars < t.type_item_line_min {
        Shape::Short
    } else {
        Shape::Line
    }
}

/// Items: the longest run of items back to back, each a head of a few short
/// lines (a title, a name, a date, a price) over a line or two of body,
/// many of them, holding a good share of the page's text (a listing; with
/// prices, a collection). A menu's lines have no body, an article's
/// sections too much of it.
fn items(blocks: &[Block], lens: &[usize], all: usize, t: &TextTuning, e: &mut Evidence) {
    let shapes: Vec<Shape> = blocks
        .iter()
        .zip(lens)
        .map(|(b, &n)| shape(&b.text, n, t))
        .collect();
    let body = |s: Shape| matches!(s, Shape::Line | Shape::Long);
    let (mut best, mut best_chars, mut best_priced) = (0usize, 0usize, 0usize);
    let (mut run, mut run_chars, mut run_priced) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < shapes.len() {
        let head_end = (i..shapes.len())
            .find(|&j| body(shapes[j]))
            .unwrap_or(shapes.len());
        let body_end = (head_end..shapes.len())
            .find(|&j| !body(shapes[j]))
            .unwrap_or(shapes.len());
        let heads = head_end - i;
        let chars: usize = lens.get(i..body_end).map_or(0, |l| l.iter().sum());
        let item = (1..=t.type_item_head_lines).contains(&heads)
            && (1..=t.type_item_body_lines).contains(&(body_end - head_end))
            && chars <= t.type_item_chars;
        if item {
            run += 1;
            run_chars += chars;
            run_priced += usize::from(
                shapes
                    .get(i..head_end)
                    .is_some_and(|h| h.contains(&Shape::Price)),
            );
            if run > best {
                (best, best_chars, best_priced) = (run, run_chars, run_priced);
            }
        } else {
            (run, run_chars, run_priced) = (0, 0, 0);
        }
        // (A head too long for an item may end in the next item's head.)
        i = if heads > t.type_item_head_lines {
            head_end - t.type_item_head_lines
        } else {
            body_end.max(i + 1)
        };
    }
    let (items, chars, priced) = (best, best_chars, best_priced);
    if items >= t.type_min_items && chars * 100 >= all * t.type_items_percent {
        if priced * 2 >= items {
            e.add(
                PageType::Collection,
                2,
                format!("{items} items with prices"),
            );
        } else {
            e.add(PageType::Listing, 2, format!("{items} items"));
        }
    }
}

/// Code: documentation holds a good share of its lines in code.
fn code(blocks: &[Block], lens: &[usize], all: usize, t: &TextTuning, e: &mut Evidence) {
    let (mut lines, mut chars) = (0usize, 0usize);
    for (b, &n) in blocks.iter().zip(lens) {
        if code_line(&b.text) {
            lines += 1;
            chars += n;
        }
    }
    if lines >= t.type_code_lines && chars * 100 >= all * t.type_code_percent {
        e.add(
            PageType::Documentation,
            2,
            format!("{lines} code lines, {}% of the text", chars * 100 / all),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_type::decide;
    use crate::text::split_blocks;

    fn type_of(text: &str) -> PageType {
        let t = TextTuning::default();
        decide(&evidence(&split_blocks(text, &t), &t), t.type_min_points)
    }

    const PROSE: &str = "The council met on Monday to talk about the budget for the coming year, and the members agreed on most of the points after a long debate.";

    #[test]
    fn shapes_that_survive_copying() {
        // Posts under heads with the author's profile (a join date) make a
        // thread; under one line each, comments.
        let thread: String = (1..=9)
            .map(|i| format!("member{i}\nJoined May {i}, 2019\nMarch {i}, 2024, 10:1{i}pm\n{PROSE} {PROSE}\n"))
            .collect();
        assert_eq!(type_of(&thread), PageType::Forum);
        let comments: String = (1..=9)
            .map(|i| format!("member{i} March {i}, 2024, 10:1{i}pm\n{PROSE} {PROSE}\n"))
            .collect();
        assert_eq!(type_of(&comments), PageType::Article);
        // One article over its comments is no thread.
        let article = format!("{}\n{thread}", PROSE.repeat(30));
        assert_eq!(type_of(&article), PageType::Article);
        let shop: String = (1..=20)
            .map(|i| format!("Garden chair model {i}\nA chair of oak for the garden, in {i} colours\n$1{i}.99\n"))
            .collect();
        assert_eq!(type_of(&shop), PageType::Collection);
        let jobs: String = (1..=12)
            .map(|i| format!("Gardener wanted in town {i}\nFull time from the first of April, with a van and a team of three.\n"))
            .collect();
        assert_eq!(type_of(&jobs), PageType::Listing);
        let docs = format!("{PROSE}\nlet total = values.iter().sum();\nif total > 3 {{\nprint(total);\n}}\nlet x = f();\n{PROSE}");
        assert_eq!(type_of(&docs), PageType::Documentation);
        assert_eq!(type_of(&PROSE.repeat(5)), PageType::Article);
        assert!(has_price("Now 19,99 €") && has_price("$ 5") && !has_price("US$"));
    }
}
