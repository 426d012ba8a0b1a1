//! Passes about what stands around and after the article: teaser cards,
//! lists of other stories, an author's box, and calls to act.

use super::cues::{about_name, headline_like};
use super::{Class, Rec, Sheet};
use crate::blocks::BlockKind;
use crate::reason::Reason;
use crate::util::norm_key;

/// Teaser cards: a short line between two lines of links (a card's
/// description between its headline and the next card's) is the card's,
/// when several such cards come in a row; so is the list's own heading.
pub(super) fn teaser_cards(sheet: &mut Sheet) {
    let t = sheet.t;
    if t.items_are_content {
        return;
    }
    let snapshot = sheet.classes();
    let blocks = sheet.blocks;
    let text_block = |j: &usize| blocks[*j].kind != BlockKind::Figure;
    for (first, last, n) in card_runs(sheet, &snapshot) {
        if n < t.teaser_run {
            continue;
        }
        for i in first..=last {
            if snapshot[i] == Class::Good
                && blocks[i].kind == BlockKind::Paragraph
                && sheet.recs[i].chars < t.teaser_chars
            {
                sheet.recs[i].class = Class::Bad(Reason::Teaser);
            }
        }
        // The list's own heading, just before its first card's headline.
        let heading = (0..first)
            .rev()
            .filter(text_block)
            .nth(1)
            .filter(|&h| blocks[h].kind == BlockKind::Heading && snapshot[h] == Class::Good);
        if let Some(h) = heading {
            sheet.recs[h].class = Class::Bad(Reason::TeaserHeading);
        }
    }
}

/// Descriptions between lines of links, in runs: (first, last, count).
fn card_runs(sheet: &Sheet, snapshot: &[Class]) -> Vec<(usize, usize, usize)> {
    let t = sheet.t;
    let blocks = sheet.blocks;
    let links = |j: Option<usize>| j.is_some_and(|j| snapshot[j].dropped_as(&Reason::MostlyLinks));
    let text_block = |j: &usize| blocks[*j].kind != BlockKind::Figure;
    let mut run: Option<(usize, usize, usize)> = None;
    let mut runs = Vec::new();
    for i in 0..snapshot.len() {
        if snapshot[i] != Class::Good || blocks[i].kind != BlockKind::Paragraph {
            continue;
        }
        let prev = (0..i).rev().find(text_block);
        let next = (i + 1..blocks.len()).find(text_block);
        // (The last card's description has no headline after it.)
        let ends = next.is_none_or(|j| links(Some(j)) || snapshot[j] != Class::Good);
        if (t.teaser_min..t.teaser_chars).contains(&sheet.recs[i].chars) && links(prev) && ends {
            // The same run when only the previous card's headline lies between.
            run = match run {
                Some((first, last, n))
                    if prev.and_then(|p| (0..p).rev().find(text_block)) == Some(last) =>
                {
                    Some((first, i, n + 1))
                }
                other => {
                    runs.extend(other);
                    Some((i, i, 1))
                }
            };
        }
    }
    runs.extend(run);
    runs
}

/// The blocks that are not breaks ([`Class::Skip`]), in order.
fn in_order(recs: &[Rec]) -> Vec<usize> {
    (0..recs.len()).filter(|&i| !recs[i].class.skip()).collect()
}

/// For each place in `order` (and one past its end), whether good text of
/// [`crate::tuning::ClassifyTuning::long_text`] characters or more follows
/// it: worked out once, so that scans over the page stay linear.
fn long_after(recs: &[Rec], order: &[usize], long: usize) -> Vec<bool> {
    let mut after = vec![false; order.len() + 1];
    for (k, &i) in order.iter().enumerate().rev() {
        after[k] = after[k + 1] || recs[i].class == Class::Good && recs[i].chars >= long;
    }
    after
}

/// Other stories listed after the article, each a headline with one short
/// paragraph under it, and nothing longer after them: when the article's
/// text ends in three or more such pairs, they are teasers, not its end.
pub(super) fn tail_teasers(sheet: &mut Sheet) {
    let t = sheet.t;
    if t.items_are_content {
        return;
    }
    let (recs, blocks) = (&sheet.recs, sheet.blocks);
    let order = in_order(recs);
    let pair = |k: usize| {
        let (h, p) = (order[k], order[k + 1]);
        recs[h].class == Class::Good
            && recs[p].class == Class::Good
            && headline_like(&blocks[h].text)
            && recs[h].chars <= t.tail_headline
            && (t.tail_teaser_min..=t.tail_teaser_max).contains(&recs[p].chars)
            && !headline_like(&blocks[p].text)
    };
    // (Good text before each place, and whether longer text follows it:
    // worked out once, so the scan stays linear.)
    let mut before = vec![0usize; order.len() + 1];
    for (k, &i) in order.iter().enumerate() {
        let good = if recs[i].class == Class::Good {
            recs[i].chars
        } else {
            0
        };
        before[k + 1] = before[k] + good;
    }
    let long_after = long_after(recs, &order, t.long_text);
    let mut k = 0;
    while k + 1 < order.len() {
        let mut end = k;
        while end + 1 < order.len() && pair(end) {
            end += 2;
        }
        let pairs = (end - k) / 2;
        if pairs >= t.tail_teasers && !long_after[end] && before[k] >= t.tail_teaser_prose {
            for &i in &order[k..end] {
                sheet.recs[i].class = Class::Bad(Reason::TailTeasers);
            }
            return;
        }
        k = if pairs > 0 { end } else { k + 1 };
    }
}

/// An author's box after the article: a head "About Jo Smith" and the
/// paragraph under it that names the person, with no longer text after.
pub(super) fn author_box(sheet: &mut Sheet) {
    let long = sheet.t.long_text;
    let (recs, blocks) = (&sheet.recs, sheet.blocks);
    let order = in_order(recs);
    let long_after = long_after(recs, &order, long);
    let mut prose_before = false;
    for k in 0..order.len().saturating_sub(1) {
        let (h, p) = (order[k], order[k + 1]);
        if recs[h].class.kept() && recs[h].chars >= long {
            prose_before = true;
        }
        let Some(name) = about_name(&blocks[h].text) else {
            continue;
        };
        if prose_before
            && recs[p].class.kept()
            && recs[p].chars >= long
            && blocks[p].text.contains(name)
            && !long_after[k + 2]
        {
            sheet.recs[h].class = Class::Bad(Reason::AuthorBoxHead);
            sheet.recs[p].class = Class::Bad(Reason::AuthorBox);
            return;
        }
    }
}

/// The article's last lines: short ones with furniture words there are a
/// call to act (subscribe, share, join, follow), not the article's end.
pub(super) fn calls_to_act(sheet: &mut Sheet) {
    let t = sheet.t;
    let mut tail = 0;
    for r in sheet.recs.iter_mut().rev() {
        if r.class != Class::Good {
            continue;
        }
        if tail == t.tail_lines || r.furniture.is_empty() || r.chars >= t.tail_chars {
            break;
        }
        r.class = Class::Bad(Reason::FurnitureAtEnd(r.furniture.clone()));
        tail += 1;
    }
}

/// In a thread, the short lines that every post repeats (its controls:
/// "Reply", "Share", "Quote") are the forum software's, not the posts':
/// from their second time on they go as repeats.
pub(super) fn post_controls(sheet: &mut Sheet) {
    let t = sheet.t;
    if !t.posts_are_content {
        return;
    }
    let keys: Vec<Option<String>> = sheet
        .blocks
        .iter()
        .zip(&sheet.recs)
        .map(|(b, r)| (r.chars < t.repeat_min_chars).then(|| norm_key(&b.text)))
        .collect();
    // Each key's first block, and by the first block how often its key
    // comes.
    let mut first_of: std::collections::HashMap<&str, usize> = Default::default();
    let mut count = vec![0usize; keys.len()];
    for (i, key) in keys.iter().enumerate() {
        if let Some(k) = key.as_deref().filter(|k| !k.is_empty()) {
            let first = *first_of.entry(k).or_insert(i);
            if let Some(n) = count.get_mut(first) {
                *n += 1;
            }
        }
    }
    for (i, key) in keys.iter().enumerate() {
        let Some(&first) = key.as_deref().and_then(|k| first_of.get(k)) else {
            continue;
        };
        let n = count.get(first).copied().unwrap_or(0);
        if n >= t.post_control_repeats && i != first && sheet.recs[i].class == Class::Good {
            sheet.recs[i].class = Class::Bad(Reason::Repeated(first + 1));
        }
    }
}
