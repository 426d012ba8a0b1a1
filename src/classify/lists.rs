//! Passes that judge a list as one: records, lists the text marks, lists
//! numbered in order, a grid's or a list's items in copied text (by their
//! prices or their count), lists of links under a heading of furniture, and
//! addresses standing between the article's paragraphs.

use super::cues::{has_price, headline_like, record_shape, Shape};
use super::{Class, Sheet};
use crate::blocks::{Block, BlockKind};
use crate::reason::Reason;
use crate::tuning::ClassifyTuning;
use crate::util::SENTENCE_ENDS;
use std::collections::HashMap;

/// Lists of records: lines in a row of one shape (a table's rows, a list of
/// dates and places) are one list, judged as one. Right after the article's
/// text (with at most a line between, the list's own heading) the list goes
/// on with the article; a table's rows as long as a paragraph group are text
/// of their own. Menus are lists too, but of bare names: no shape.
pub(super) fn records(sheet: &mut Sheet) {
    let t = sheet.t;
    let (recs, blocks) = (&mut sheet.recs, sheet.blocks);
    let doubtful = |c: &Class| matches!(c, Class::Short | Class::NearGood);
    let mut i = 0;
    while i < recs.len() {
        let shape = |i: usize| {
            if recs[i].chars > t.record_chars || !doubtful(&recs[i].own) {
                return None;
            }
            record_shape(&blocks[i].text)
        };
        let Some(s) = shape(i) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < recs.len() && shape(i) == Some(s) {
            i += 1;
        }
        if i - start < t.record_run {
            continue;
        }
        // The article's text just before, or before the list's heading.
        let text = |j: usize| matches!(recs[j].own, Class::Good | Class::NearGood);
        let after_text = (start >= 1 && text(start - 1))
            || (start >= 2
                && text(start - 2)
                && recs[start - 1].chars < t.short
                && recs[start - 1].own == Class::Short);
        let table = matches!(s, Shape::Cells(_));
        let run_chars: usize = recs[start..i].iter().map(|r| r.chars).sum();
        if after_text || table && run_chars >= t.group_chars {
            for r in &mut recs[start..i] {
                r.own = Class::Good;
            }
        }
    }
}

/// A list the text marks as one (lines opened by the same bullet, or
/// numbered) is judged as one: when the article keeps at least half of its
/// items, it keeps the others that only their place dropped.
pub(super) fn whole_lists(sheet: &mut Sheet) {
    let (recs, blocks) = (&mut sheet.recs, sheet.blocks);
    // (Numbered items share a marker whatever their numbers.)
    let marker = |b: &Block| {
        b.text
            .chars()
            .next()
            .filter(|_| b.kind == BlockKind::ListItem)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
    };
    let mut i = 0;
    while i < blocks.len() {
        let Some(m) = marker(&blocks[i]) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < blocks.len() && (marker(&blocks[i]) == Some(m) || recs[i].class.skip()) {
            i += 1;
        }
        let items: Vec<usize> = (start..i)
            .filter(|&j| blocks[j].kind == BlockKind::ListItem)
            .collect();
        let kept = items
            .iter()
            .filter(|&&j| recs[j].class == Class::Good)
            .count();
        if items.len() >= sheet.t.list_items && kept * 2 >= items.len() {
            for j in items {
                if recs[j].class.for_place() {
                    recs[j].class = Class::Good;
                }
            }
        }
    }
}

/// The number that opens a list item ("1) …", "2. …").
fn item_number(blocks: &[Block], i: usize) -> Option<usize> {
    let b = blocks.get(i).filter(|b| b.kind == BlockKind::ListItem)?;
    let digits = b.text.len()
        - b.text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    b.text.get(..digits)?.parse().ok()
}

/// A list numbered in order from 1 ("1) …", "2. …"), at most one line
/// between its items (a link, a price), that starts right after the
/// article's text is the article's: a listicle's items are short lines that
/// their place alone would drop.
pub(super) fn numbered_list(sheet: &mut Sheet) {
    let (recs, blocks) = (&mut sheet.recs, sheet.blocks);
    let mut i = 0;
    while i < blocks.len() {
        if item_number(blocks, i) != Some(1) {
            i += 1;
            continue;
        }
        let after_text = (0..i)
            .rev()
            .find(|&j| !recs[j].class.skip())
            .is_some_and(|p| recs[p].class == Class::Good);
        let mut items = vec![i];
        while let Some(next) = [1, 2]
            .iter()
            .map(|d| items[items.len() - 1] + d)
            .find(|&j| item_number(blocks, j) == Some(items.len() + 1))
        {
            items.push(next);
        }
        if after_text && items.len() >= sheet.t.numbered_items {
            // The items, and the lines between them (each item's link);
            // when every item has such a line, the last one's too.
            let mut end = items[items.len() - 1];
            if items.windows(2).all(|w| w[1] == w[0] + 2) && end + 1 < blocks.len() {
                end += 1;
            }
            for r in &mut recs[items[0]..=end] {
                if r.class.for_place() || r.class.dropped_as(&Reason::Addresses) {
                    r.class = Class::Good;
                }
            }
        }
        i = items[items.len() - 1] + 1;
    }
}

/// A grid or a list where no markup groups an item's lines (copied text),
/// on a page whose items are its content: many prices close together, each
/// an item's (its name above it, a rating and a few specifications around
/// it), or entries counted in order ("1", "2", "[3]"). The short lines from
/// the first item's name to the last item's end are the items, not
/// boilerplate around them, when only their place dropped them.
pub(super) fn items_in_lines(sheet: &mut Sheet) {
    let t = sheet.t;
    if !t.items_in_lines {
        return;
    }
    let prices = anchors(sheet.blocks, t, |text| has_price(text).then_some(0));
    let counted = anchors(sheet.blocks, t, entry_number);
    for (lo, hi) in [prices, counted].into_iter().flatten() {
        for r in &mut sheet.recs[lo..hi] {
            if r.class.for_place() {
                r.class = Class::Good;
            }
        }
    }
}

/// The headings of an article's counted sections: the longest chain of
/// short lines numbered one more (or one less) each than the one before,
/// each with good text between it and the next, and no counted section of
/// furniture ("12 comments") among them. Other numbered lines between
/// (a weight, a year) do not break a chain. (Linear: each line extends
/// the one chain that waits for its number.)
pub(super) fn counted_headings(sheet: &Sheet) -> Option<Vec<usize>> {
    let (t, recs, blocks) = (sheet.t, &sheet.recs, sheet.blocks);
    // Good blocks before each block, to tell whether prose stands between.
    let mut good = Vec::with_capacity(recs.len() + 1);
    good.push(0usize);
    for r in recs.iter() {
        good.push(good[good.len() - 1] + usize::from(r.class == Class::Good));
    }
    // Every chain, and the open ones by the number each waits for next
    // and its direction. (A chain is extended in place and the longest
    // remembered by its index: no copies, so the search stays linear.)
    let mut chains: Vec<Vec<usize>> = Vec::new();
    let mut open: HashMap<(u32, bool), usize> = HashMap::new();
    let mut best: Option<usize> = None;
    for (i, b) in blocks.iter().enumerate() {
        if recs[i].wall {
            open.clear();
        }
        if b.text.len() > t.line_feature_chars {
            continue;
        }
        let Some(n) = entry_number(&b.text) else {
            continue;
        };
        let mut extended = false;
        for up in [true, false] {
            let Some(c) = open.remove(&(n, up)) else {
                continue;
            };
            let last = chains[c].last().copied().unwrap_or(i);
            if good[i] > good[last + 1] {
                chains[c].push(i);
                if best.is_none_or(|b| chains[c].len() > chains[b].len()) {
                    best = Some(c);
                }
                if let Some(next) = if up {
                    n.checked_add(1)
                } else {
                    n.checked_sub(1)
                } {
                    open.insert((next, up), c);
                }
                extended = true;
                break;
            }
        }
        if !extended {
            for (next, up) in [(n.checked_add(1), true), (n.checked_sub(1), false)] {
                chains.push(vec![i]);
                if let Some(next) = next {
                    open.insert((next, up), chains.len() - 1);
                }
            }
            best.get_or_insert(chains.len() - 1);
        }
    }
    best.map(|b| std::mem::take(&mut chains[b]))
}

/// The headings of the sections a table of contents names: short lines
/// listed next to each other, each named exactly once more on the page,
/// in the same order, each over prose of its own. The contents may stand
/// before the article or after it; section numbers ("3.1 ") are ignored.
/// The longest such chain of the page's lists. (Linear but for the
/// longest increasing run of each list, `n log n`.)
pub(super) fn contents_headings(sheet: &Sheet) -> Vec<usize> {
    let (t, recs, blocks) = (sheet.t, &sheet.recs, sheet.blocks);
    let keys: Vec<String> = blocks
        .iter()
        .map(|b| {
            if b.text.len() > t.line_feature_chars {
                return String::new();
            }
            crate::util::norm_key(section_title(&b.text))
        })
        .collect();
    // Each line's occurrences: how many, the first and the last.
    // (By the first occurrence's index: the count and the last; each
    // line's first occurrence is kept, so its key is hashed once.)
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
    let (mut count, mut last) = (vec![0usize; keys.len()], vec![0usize; keys.len()]);
    let mut first_of = vec![0usize; keys.len()];
    for (i, k) in keys.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
        let f = *first.entry(k.as_str()).or_insert(i);
        count[f] += 1;
        last[f] = i;
        first_of[i] = f;
    }
    // (Asked of lines with a key only.)
    let partner = |i: usize| {
        let f = first_of[i];
        (count[f] == 2).then_some(if f == i { last[f] } else { f })
    };
    // Blocks of prose (by their own features) before each block.
    let mut prose = Vec::with_capacity(recs.len() + 1);
    prose.push(0usize);
    for r in recs {
        let own = matches!(r.own, Class::Good | Class::NearGood);
        prose.push(prose[prose.len() - 1] + usize::from(own));
    }
    let over_prose = |a: usize, b: usize| prose[b.min(recs.len())] > prose[a + 1];
    let mut best: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        if keys[i].is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < keys.len() && !keys[i].is_empty() {
            i += 1;
        }
        for after in [true, false] {
            let named: Vec<usize> = (start..i)
                .filter_map(partner)
                .filter(|&p| if after { p >= i } else { p < start })
                .collect();
            let chain = increasing(&named);
            let limit = if after { recs.len() } else { start };
            let chain: Vec<usize> = chain
                .iter()
                .enumerate()
                .filter(|&(k, &h)| {
                    let next = chain.get(k + 1).copied();
                    over_prose(h, next.unwrap_or(limit))
                })
                .map(|(_, &h)| h)
                .collect();
            if chain.len() > best.len() {
                best = chain;
            }
        }
    }
    if best.len() >= t.contents_sections {
        best
    } else {
        Vec::new()
    }
}

/// A contents entry's or a heading's title without its section number:
/// "3.1 Using the tool" is "Using the tool".
fn section_title(text: &str) -> &str {
    let t = text.trim_start();
    let number = t.len()
        - t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    match t.get(number..) {
        Some(rest)
            if number > 0
                && t.as_bytes()[0].is_ascii_digit()
                && rest.starts_with(char::is_whitespace) =>
        {
            rest.trim_start()
        }
        _ => t,
    }
}

/// The longest strictly increasing subsequence of `xs` (patience sorting,
/// `n log n`).
fn increasing(xs: &[usize]) -> Vec<usize> {
    // The index in `xs` of the smallest tail of a run of each length, and
    // each element's predecessor in its run.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; xs.len()];
    for (k, &x) in xs.iter().enumerate() {
        let at = tails.partition_point(|&j| xs[j] < x);
        before[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied();
    while let Some(j) = k {
        out.push(xs[j]);
        k = before[j];
    }
    out.reverse();
    out
}

/// The number a counted entry's line starts with: "12", "12.", "[12] …",
/// "#12 …".
fn entry_number(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let t = t.strip_prefix(['[', '#']).unwrap_or(t);
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = t.get(..digits)?.parse().ok()?;
    let rest = t[digits..]
        .strip_prefix(['.', ')', ']'])
        .unwrap_or(&t[digits..]);
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(n)
}

/// The blocks of the longest chain of short lines that `anchor` numbers,
/// each within [`ClassifyTuning::grid_item_gap`] of the next (and, for
/// counted entries, numbered one more): from the first item's name to the
/// last item's end (as far past the last anchor as the items' usual
/// length). Prices are all numbered 0: any one follows another.
fn anchors(
    blocks: &[Block],
    t: &ClassifyTuning,
    anchor: impl Fn(&str) -> Option<u32>,
) -> Option<(usize, usize)> {
    let found: Vec<(usize, u32)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.text.len() <= t.line_feature_chars)
        .filter_map(|(i, b)| anchor(&b.text).map(|n| (i, n)))
        .collect();
    let follows = |a: (usize, u32), b: (usize, u32)| {
        b.0 - a.0 <= t.grid_item_gap && (b.1 == 0 && a.1 == 0 || b.1 == a.1 + 1)
    };
    let (mut best, mut start) = ((0, 0), 0);
    for k in 1..=found.len() {
        if k == found.len() || !follows(found[k - 1], found[k]) {
            if k - start > best.1 - best.0 {
                best = (start, k);
            }
            start = k;
        }
    }
    let chain = found.get(best.0..best.1)?;
    if chain.len() < t.grid_min_items {
        return None;
    }
    let period = crate::util::median(chain.windows(2).map(|w| w[1].0 - w[0].0).collect());
    let first = chain[0].0.saturating_sub(t.grid_name_blocks);
    let last = chain[chain.len() - 1].0 + period.saturating_sub(t.grid_name_blocks);
    Some((first, (last + 1).min(blocks.len())))
}

/// A short line of furniture words ("Related articles", "Read more")
/// heading three or more headlines (lines without a sentence's end): the
/// headlines are links to other pages. What the article keeps after the
/// list, when none of it is good on its own, is the rest of the sidebar the
/// list opened.
pub(super) fn furniture_headed_lists(sheet: &mut Sheet) {
    if sheet.t.items_are_content {
        return;
    }
    let (links, tail) = furniture_headed_links(sheet);
    for j in links {
        sheet.recs[j].class = Class::Bad(Reason::FurnitureHeadedLinks);
    }
    for j in tail {
        if !sheet.recs[j].class.skip() {
            sheet.recs[j].class = Class::Bad(Reason::AfterFurnitureLinks);
        }
    }
}

/// The headlines under headings of furniture words, and the blocks after
/// them that hold nothing good of their own.
fn furniture_headed_links(sheet: &Sheet) -> (Vec<usize>, Vec<usize>) {
    let (t, recs, blocks) = (sheet.t, &sheet.recs, sheet.blocks);
    // (Not inside a container the page's structure marks as the article.)
    let headline = |j: usize| {
        recs[j].class == Class::Good
            && !sheet.vouched(j)
            && headline_like(&blocks[j].text)
            && !blocks[j].text.trim_end().ends_with(SENTENCE_ENDS)
    };
    let (mut links, mut tail, mut scanned) = (Vec::new(), Vec::new(), 0);
    for i in 0..blocks.len() {
        let r = &recs[i];
        if r.furniture.is_empty() || r.chars >= t.furniture_heading_chars || r.class == Class::Good
        {
            continue;
        }
        // The headlines under it, past breaks, up to the first other line.
        let mut heads = Vec::new();
        for (j, rec) in recs.iter().enumerate().skip(i + 1) {
            if headline(j) {
                heads.push(j);
            } else if !rec.class.skip() {
                break;
            }
        }
        if heads.len() < t.link_headlines {
            continue;
        }
        let mut j = heads[heads.len() - 1] + 1;
        // (Each stretch is looked at once, so the scan stays linear.)
        if j <= scanned {
            links.extend(heads);
            continue;
        }
        let mut rest = Vec::new();
        while j < recs.len()
            && !matches!(recs[j].class, Class::Bad(_))
            && recs[j].own != Class::Good
        {
            rest.push(j);
            j += 1;
        }
        scanned = j;
        if j == recs.len() || matches!(recs[j].class, Class::Bad(_)) {
            tail.extend(rest);
        }
        links.extend(heads);
    }
    (links, tail)
}

/// Web addresses standing alone between the article's paragraphs (a
/// source, a link the author spells out) are the article's, unless they
/// come with furniture words ("Follow us: …").
pub(super) fn addresses_in_article(sheet: &mut Sheet) {
    let most = sheet.t.article_addresses;
    let recs = &mut sheet.recs;
    let address = |r: &super::Rec| r.class.dropped_as(&Reason::Addresses) && r.furniture.is_empty();
    let mut i = 0;
    while i < recs.len() {
        if !address(&recs[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut lines = 0;
        while i < recs.len() && (address(&recs[i]) || recs[i].class.skip()) {
            lines += usize::from(address(&recs[i]));
            i += 1;
        }
        let before = (0..start)
            .rev()
            .find(|&j| !recs[j].class.skip())
            .is_some_and(|j| recs[j].class.kept());
        if before && lines <= most && i < recs.len() && recs[i].class.kept() {
            for r in &mut recs[start..i] {
                if r.class.dropped_as(&Reason::Addresses) {
                    r.class = Class::Good;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_counted_by_the_number_it_opens_with() {
        assert_eq!(entry_number("12"), Some(12));
        assert_eq!(entry_number("3. The Long Path"), Some(3));
        assert_eq!(entry_number("[7] arXiv entry"), Some(7));
        assert_eq!(entry_number("#2 Pick"), Some(2));
        // A quantity or a year is no count: a unit or a word follows.
        assert_eq!(entry_number("12kg"), None);
        assert_eq!(entry_number("Over 12 miles"), None);
    }

    #[test]
    fn counted_entries_chain_only_in_order() {
        let lines = ["1", "a", "2", "b", "4", "c", "3", "d"];
        let blocks: Vec<Block> = lines
            .iter()
            .map(|l| Block::new(BlockKind::Paragraph, (*l).into()))
            .collect();
        let t = ClassifyTuning {
            grid_min_items: 2,
            ..ClassifyTuning::default()
        };
        // 1 and 2 follow each other, 4 breaks the count and 3 comes after
        // it: the items run from the first count to the second (their usual
        // length, two lines, less the two lines of a name above a count).
        assert_eq!(anchors(&blocks, &t, entry_number), Some((0, 3)));
    }

    #[test]
    fn a_sections_title_is_read_without_its_number() {
        assert_eq!(section_title("3.1 Using the tool"), "Using the tool");
        assert_eq!(section_title("12 Tips"), "Tips");
        assert_eq!(section_title("Tips"), "Tips");
        // A number that runs into a word is the title's own.
        assert_eq!(section_title("3D printing"), "3D printing");
        assert_eq!(section_title(".5 and more"), ".5 and more");
    }

    #[test]
    fn the_longest_increasing_run_is_kept_in_order() {
        assert_eq!(increasing(&[5, 1, 6, 2, 3, 9, 4]), vec![1, 2, 3, 4]);
        assert_eq!(increasing(&[3, 3, 3]), vec![3]);
        assert_eq!(increasing(&[]), Vec::<usize>::new());
    }
}
