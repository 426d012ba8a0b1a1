//! Passes that revise classes by context: short and doubtful blocks by
//! their neighbours, then the article's run of blocks and what it takes in.

use super::cues::{comment_count, comment_form, counted_section};
use super::{Class, Rec, Sheet};
use crate::blocks::BlockKind;
use crate::reason::Reason;
use crate::util::words;

/// The nearest neighbour's class in one direction; the page edge counts as bad.
fn neighbour(classes: &[Class], i: usize, step: isize, skip_near_good: bool) -> bool {
    let mut j = i as isize + step;
    while j >= 0 && (j as usize) < classes.len() {
        match &classes[j as usize] {
            Class::Skip(_) => {}
            Class::Good => return true,
            Class::Bad(_) => return false,
            Class::NearGood if !skip_near_good => return true,
            _ => {}
        }
        j += step;
    }
    false
}

/// Short blocks take the class of their neighbours: good between good
/// text, dropped among boilerplate or at the article's edge.
pub(super) fn short_by_neighbours(sheet: &mut Sheet) {
    let own: Vec<Class> = sheet.recs.iter().map(|r| r.own.clone()).collect();
    for (i, rec) in sheet.recs.iter_mut().enumerate() {
        rec.class = match own[i] {
            Class::Short => {
                let prev = neighbour(&own, i, -1, true);
                let next = neighbour(&own, i, 1, true);
                if prev && next {
                    Class::Good
                } else if !prev && !next {
                    Class::Bad(Reason::ShortAmongBoilerplate)
                } else if neighbour(&own, i, -1, false) && neighbour(&own, i, 1, false) {
                    Class::Good
                } else {
                    Class::Bad(Reason::ShortAtEdge)
                }
            }
            ref c => c.clone(),
        };
    }
}

/// A table or a code block that follows the article's text goes on with
/// it, even at the article's end: what the text introduces ("the
/// providers listed below") is set out, not told. It then weighs in the
/// article's run as text does.
pub(super) fn set_out_after_text(sheet: &mut Sheet) {
    let mut own: Vec<Class> = sheet.recs.iter().map(|r| r.own.clone()).collect();
    for (i, b) in sheet.blocks.iter().enumerate() {
        let set_out = matches!(b.kind, BlockKind::Table | BlockKind::Code);
        if set_out && own[i] == Class::Short && neighbour(&own, i, -1, true) {
            own[i] = Class::Good;
            sheet.recs[i].own = Class::Good;
        }
    }
}

/// Doubtful blocks that come in numbers vouch for each other: articles
/// written in short paragraphs have no long block to lean on.
pub(super) fn doubtful_groups(sheet: &mut Sheet) {
    let t = sheet.t;
    let recs = &mut sheet.recs;
    let member = |c: &Class| {
        matches!(c, Class::NearGood | Class::Skip(_)) || matches!(c, Class::Bad(why) if why.short())
    };
    let mut i = 0;
    while i < recs.len() {
        if !member(&recs[i].class) {
            i += 1;
            continue;
        }
        let start = i;
        while i < recs.len() && member(&recs[i].class) {
            i += 1;
        }
        let doubtful: Vec<usize> = (start..i)
            .filter(|&j| recs[j].class == Class::NearGood)
            .collect();
        let chars: usize = doubtful.iter().map(|&j| recs[j].chars).sum();
        if doubtful.len() >= t.group_blocks && chars >= t.group_chars {
            for j in doubtful {
                recs[j].class = Class::Good;
            }
        }
    }
}

/// A doubtful block beside good text is good; among boilerplate it goes.
pub(super) fn doubtful_by_neighbours(sheet: &mut Sheet) {
    let revised = sheet.classes();
    for (i, rec) in sheet.recs.iter_mut().enumerate() {
        if rec.class == Class::NearGood {
            let alone = !neighbour(&revised, i, -1, true) && !neighbour(&revised, i, 1, true);
            rec.class = if alone {
                Class::Bad(Reason::Doubtful)
            } else {
                Class::Good
            };
        }
    }
}

/// Where the article must end: the head of the page's one counted section
/// ("12 comments"; a page with several, a front page of stories each with
/// its count, has no such wall), a comment form's head, the head of the
/// comments, and the first of several comments' signatures. Grown from
/// vouched blocks, the article ends at the first counted section after
/// them, however many the page has.
pub(super) fn walls(sheet: &mut Sheet) {
    for (rec, b) in sheet.recs.iter_mut().zip(sheet.blocks) {
        rec.counted = matches!(&rec.class, Class::Bad(why) if counted_section(why, &b.text));
        rec.wall = rec.counted;
    }
    if sheet.recs.iter().filter(|r| r.wall).count() > 1 {
        sheet.recs.iter_mut().for_each(|r| r.wall = false);
    }
    let mut comments = sheet.blocks.len();
    if sheet.t.posts_are_content {
        sheet.comments = comments;
        return;
    }
    for (i, b) in sheet.blocks.iter().enumerate() {
        if comment_form(&b.text) || comment_count(&b.text) {
            sheet.recs[i].wall = true;
            sheet.recs[i].counted = true;
            comments = comments.min(i);
        }
    }
    if sheet.recs.iter().filter(|r| r.signature).count() >= 2 {
        if let Some(first) = sheet.recs.iter().position(|r| r.signature) {
            sheet.recs[first].wall = true;
            sheet.recs[first].counted = true;
            comments = comments.min(first);
        }
    }
    sheet.comments = comments;
}

/// The article is the main contiguous run: the segment of blocks that
/// maximises good text minus boilerplate (Kadane's algorithm, linear), by
/// each block's length as `len` gives it.
fn main_run(
    recs: &[Rec],
    len: fn(&Rec) -> usize,
    t: &crate::tuning::ClassifyTuning,
) -> (usize, usize) {
    let (mut best, mut best_range) = (0i64, (0usize, 0usize));
    let (mut run, mut start) = (0i64, 0usize);
    for (i, r) in recs.iter().enumerate() {
        // No run goes on across the head of a counted section ("12 comments").
        if r.wall {
            run = 0;
        }
        if run <= 0 {
            run = 0;
            start = i;
        }
        let n = len(r) as i64;
        run += match r.class {
            Class::Good => n,
            Class::Skip(_) => 0,
            _ => -(t.bad_price + n.min(t.long_bad)),
        };
        if run > best {
            best = run;
            best_range = (start, i + 1);
        }
    }
    best_range
}

/// The farthest block that extending a run step by step in one direction
/// gains most by: good text adds its length, anything else costs
/// [`ClassifyTuning::extension_price`] and a share of its length.
///
/// [`ClassifyTuning::extension_price`]: crate::tuning::ClassifyTuning::extension_price
fn extension(
    recs: &[Rec],
    indices: &mut dyn Iterator<Item = usize>,
    t: &crate::tuning::ClassifyTuning,
) -> Option<usize> {
    let (mut sum, mut best, mut at) = (0i64, 0i64, None);
    for i in indices {
        let n = recs[i].run_chars() as i64;
        sum += match recs[i].class {
            Class::Good => n,
            Class::Skip(_) => 0,
            _ => -(t.extension_price + n / t.extension_share),
        };
        if sum > best {
            best = sum;
            at = Some(i);
        }
    }
    at
}

/// The article's run of blocks. When the page's structure vouches for some
/// blocks, the run spans them and grows outwards as far as good text
/// outweighs what lies between (which costs less than in the main run, as
/// the run already holds the article), but not back past the headline;
/// otherwise it is the main run.
fn run_of(sheet: &Sheet, recs: &[Rec], title: Option<usize>) -> (usize, usize) {
    let t = sheet.t;
    let vouched = |i: usize| sheet.vouched(i) && recs[i].class == Class::Good;
    let Some(first) = (0..recs.len()).find(|&i| vouched(i)) else {
        return main_run(recs, Rec::run_chars, t);
    };
    let last = (0..recs.len()).rev().find(|&i| vouched(i)).unwrap_or(first);
    let extend = |indices: &mut dyn Iterator<Item = usize>| extension(recs, indices, t);
    // Nothing before the headline belongs to the article.
    let floor = title.filter(|&h| h < first).map_or(0, |h| h + 1);
    let start = extend(&mut (floor..first).rev()).unwrap_or(first);
    // A counted section of furniture ("12 comments") ends the article.
    let wall = (last + 1..recs.len())
        .find(|&i| recs[i].counted)
        .unwrap_or(recs.len());
    let end = extend(&mut (last + 1..wall)).map_or(last + 1, |i| i + 1);
    (start, end)
}

/// The article's run; good text outside it goes, unless the page's
/// structure vouches for it. When the run lies past the comments' start,
/// the article is what comes before them, if anything does.
pub(super) fn article_run(sheet: &mut Sheet) {
    let t = sheet.t;
    if t.whole_page {
        sheet.run = (0, sheet.recs.len());
        return;
    }
    let comments = sheet.comments;
    let mut range = run_of(sheet, &sheet.recs, sheet.title);
    if range.0 > comments {
        // Before the comments, doubtful prose is the article's when nothing
        // better is there.
        if !sheet.recs[..comments]
            .iter()
            .any(|r| r.class == Class::Good)
        {
            for r in &mut sheet.recs[..comments] {
                if r.class.dropped_as(&Reason::Doubtful) && r.chars >= t.anchor_chars {
                    r.class = Class::Good;
                }
            }
        }
        let title = sheet.title.filter(|&h| h < comments);
        let before = run_of(sheet, &sheet.recs[..comments], title);
        if before.1 > before.0 {
            range = before;
        }
    }
    let range = grown_over_sections(sheet, range, sections_span(sheet));
    let range = grown_over_sections(sheet, range, contents_span(sheet));
    for i in 0..sheet.recs.len() {
        if sheet.recs[i].class == Class::Good
            && !sheet.vouched(i)
            && !(range.0..range.1).contains(&i)
        {
            sheet.recs[i].class = Class::Bad(Reason::OutsideArticle);
        }
    }
    sheet.run = range;
}

/// The run grown over an article's sections, given as their first and
/// last headings and their usual length: headings numbered in order
/// ("1. …", "2. …", or counting down) or named by a table of contents,
/// each over prose of its own, are one article's parts (a guide's reviewed
/// products, a top-ten list, a manual's chapters), however much lies
/// between them (a product's specifications, a rating, a picture's credit,
/// a listing of code), when the run holds one of them or starts within a
/// section's usual length after the last. The sections' lines that only
/// their place dropped are the article's, and so is its opening before the
/// first section, back to its headline at most.
fn grown_over_sections(
    sheet: &mut Sheet,
    range: (usize, usize),
    span: Option<(usize, usize, usize)>,
) -> (usize, usize) {
    let Some((first, last, period)) = span else {
        return range;
    };
    if range.1 <= first || range.0 > last + period {
        return range;
    }
    // The last section runs to its prose.
    let end = (last + 1..sheet.recs.len())
        .take(period * sheet.t.counted_section_spread)
        .take_while(|&j| !sheet.recs[j].wall)
        .find(|&j| sheet.recs[j].class == Class::Good)
        .unwrap_or(last);
    for r in &mut sheet.recs[first..=end] {
        if r.class.for_place() {
            r.class = Class::Good;
        }
    }
    let floor = sheet.title.filter(|&h| h < first).map_or(0, |h| h + 1);
    let start = extension(&sheet.recs, &mut (floor..first).rev(), sheet.t).unwrap_or(first);
    (range.0.min(start), range.1.max(end + 1))
}

/// The counted sections' first and last headings and their usual length
/// (in blocks), if there are [`ClassifyTuning::counted_sections`] or more.
/// A heading farther from its neighbour than
/// [`ClassifyTuning::counted_section_spread`] usual lengths is another
/// list's (a link to "11 more tips" after the tenth) and ends the chain.
///
/// [`ClassifyTuning::counted_sections`]: crate::tuning::ClassifyTuning::counted_sections
/// [`ClassifyTuning::counted_section_spread`]: crate::tuning::ClassifyTuning::counted_section_spread
fn sections_span(sheet: &Sheet) -> Option<(usize, usize, usize)> {
    let t = sheet.t;
    let chain = super::lists::counted_headings(sheet)?;
    let period = usual_gap(&chain);
    let spread = period * t.counted_section_spread;
    let mut chain = &chain[..];
    while let [a, b, ..] = chain {
        if b - a <= spread {
            break;
        }
        chain = &chain[1..];
    }
    while let [.., a, b] = chain {
        if b - a <= spread {
            break;
        }
        chain = &chain[..chain.len() - 1];
    }
    let (&first, &last) = (chain.first()?, chain.last()?);
    (chain.len() >= t.counted_sections).then_some((first, last, period))
}

/// The first and last headings of the sections a table of contents
/// names, and their usual length (in blocks).
fn contents_span(sheet: &Sheet) -> Option<(usize, usize, usize)> {
    let chain = super::lists::contents_headings(sheet);
    Some((*chain.first()?, *chain.last()?, usual_gap(&chain)))
}

/// The median distance (in blocks) between one heading and the next.
fn usual_gap(chain: &[usize]) -> usize {
    crate::util::median(chain.windows(2).map(|w| w[1] - w[0]).collect())
}

/// Whether a text ends as a sentence does.
fn ends_sentence(text: &str, marks: &[char]) -> bool {
    text.trim_end().ends_with(marks)
}

/// Inside the article's run, doubtful text that reads as whole sentences is
/// the article's, whatever stands beside it (an advertisement's label, a
/// repeated line).
pub(super) fn sentences_in_run(sheet: &mut Sheet) {
    const MARKS: [char; 9] = ['.', '!', '?', '"', '”', '»', '“', '。', '…'];
    for i in sheet.run.0..sheet.run.1 {
        if sheet.recs[i].class.dropped_as(&Reason::Doubtful)
            && ends_sentence(&sheet.blocks[i].text, &MARKS)
        {
            sheet.recs[i].class = Class::Good;
        }
    }
}

/// Whole sentences right after the article's last block, with nothing
/// between, are its last lines (short news items end that way).
pub(super) fn last_sentences(sheet: &mut Sheet) {
    const MARKS: [char; 6] = ['.', '!', '?', '"', '”', '。'];
    let t = sheet.t;
    let Some(last) = sheet.recs.iter().rposition(|r| r.class == Class::Good) else {
        return;
    };
    for i in last + 1..sheet.recs.len() {
        let text = &sheet.blocks[i].text;
        let sentence = sheet.recs[i].class.dropped_as(&Reason::ShortAtEdge)
            && sheet.recs[i].furniture.is_empty()
            && words(text).count() >= t.last_sentence_words
            && ends_sentence(text, &MARKS);
        if !sentence {
            break;
        }
        sheet.recs[i].class = Class::Good;
    }
}

/// Code between the article's blocks is the article's.
pub(super) fn code_in_article(sheet: &mut Sheet) {
    let (start, end) = sheet.run;
    let good = |i: &usize| sheet.recs[*i].class == Class::Good;
    let (Some(first), Some(last)) = ((start..end).find(good), (start..end).rev().find(good)) else {
        return;
    };
    for r in &mut sheet.recs[first..last] {
        if r.class == Class::Skip(Reason::CodeLine) {
            r.class = Class::Good;
        }
    }
}

/// Nothing at all reads as article prose: rather than an empty result,
/// take the main run of the blocks that are merely doubtful.
pub(super) fn doubtful_run(sheet: &mut Sheet) {
    let t = sheet.t;
    if sheet.recs.iter().any(|r| r.class == Class::Good) {
        return;
    }
    for r in &mut sheet.recs {
        if r.chars >= t.fallback_chars
            && (matches!(r.own, Class::NearGood | Class::Good | Class::Short)
                || r.class.dropped_as(&Reason::NotProse))
        {
            r.class = Class::Good;
        }
    }
    let (start, end) = main_run(&sheet.recs, |r| r.chars, t);
    for (i, r) in sheet.recs.iter_mut().enumerate() {
        if r.class == Class::Good && !(start..end).contains(&i) {
            r.class = Class::Bad(Reason::OutsideArticle);
        }
    }
}

/// A text without any page furniture (no menu, no share bar, no site
/// vocabulary, no copyright, no repeated lines) that starts with its
/// article is already the article: what context alone dropped from it
/// comes back. (Only in a language whose furniture words are known:
/// elsewhere their absence says nothing.) Anything dropped for what it is,
/// not for where it stands, is furniture, except the article's own title,
/// date and byline.
pub(super) fn clean_paste(sheet: &mut Sheet) {
    let chrome = sheet
        .recs
        .iter()
        .filter(|r| match &r.own {
            Class::Bad(why) => {
                !(why.short()
                    || *why == Reason::NotProse
                    || why.article_meta()
                    || matches!(why, Reason::Repeated(_)))
            }
            _ => false,
        })
        .count();
    // (A page's copy starts with a menu.)
    let starts_with_text = sheet
        .recs
        .iter()
        .position(|r| r.class == Class::Good)
        .is_some_and(|first| first <= sheet.t.clean_start);
    if chrome > 0 || sheet.context.lang.is_none() || !starts_with_text {
        return;
    }
    for r in &mut sheet.recs {
        if r.class.for_place()
            || matches!(r.class, Class::Bad(Reason::NotProse | Reason::Repeated(_)))
        {
            r.class = Class::Good;
        }
    }
}
