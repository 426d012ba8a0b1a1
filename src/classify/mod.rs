//! The block classifier shared by HTML and plain text.
//!
//! In the spirit of jusText: every block first gets a class from its own
//! features (length, stop-word density, links, addresses, furniture words,
//! repetition); short and doubtful blocks then take their neighbours' class,
//! because good text clusters; finally the article is the main contiguous run
//! of good blocks.
//!
//! The work is a [`Sheet`] of one [`Rec`] per block, and an ordered list of
//! named passes ([`PASSES`]) that each revise it.
//!
//! - [`cues`]: what a line's words and shape say on their own;
//! - [`features`]: what a block's text measures;
//! - [`initial`]: the class from the block alone;
//! - [`context`]: classes revised by neighbours and by the article's run;
//! - [`lists`]: lists, records and addresses judged as wholes;
//! - [`tail`]: what follows the article (teasers, author boxes, calls to act).

mod context;
pub(crate) mod cues;
mod features;
mod initial;
mod lists;
mod tail;

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::lang::Language;
use crate::reason::Reason;
use crate::tuning::ClassifyTuning;
use crate::util::{norm_key, prefix};

/// What the page around a block says about it (HTML); neutral for plain text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Signals {
    /// Share of the block's characters inside links.
    pub link_density: f32,
    /// The block sits in a container that is usually not content, and why.
    pub boilerplate: Option<Reason>,
    /// The block sits in a container known to hold the article.
    pub content: bool,
    /// The block sits in one of a group of repeated items that are the
    /// page's content (a listing's entries): its links are its title.
    pub item: bool,
}

/// What the classifier knows about the page as a whole.
pub(crate) struct Context<'a> {
    pub lang: Option<&'static Language>,
    /// The thresholds.
    pub tuning: &'a ClassifyTuning,
    /// Fingerprints seen on earlier pages of the same site.
    pub seen: Option<&'a dyn Fn(&str) -> bool>,
}

/// A block's class.
#[derive(Debug, Clone, PartialEq)]
enum Class {
    /// Article text.
    Good,
    /// Doubtful: prose-like, but not enough on its own.
    NearGood,
    /// Too short to tell: the neighbours decide.
    Short,
    /// Dropped, with the reason.
    Bad(Reason),
    /// Dropped, but neither separates its neighbours nor joins them to
    /// anything: a rule between sections, a code line of brackets.
    Skip(Reason),
}

impl Class {
    /// Whether the block stays (with the article).
    fn kept(&self) -> bool {
        !matches!(self, Class::Bad(_) | Class::Skip(_))
    }

    /// Whether the block is dropped for this reason.
    fn dropped_as(&self, reason: &Reason) -> bool {
        matches!(self, Class::Bad(why) if why == reason)
    }

    /// Whether the block is a break ([`Class::Skip`]).
    fn skip(&self) -> bool {
        matches!(self, Class::Skip(_))
    }

    /// Whether the class was given for where the block stands, not for
    /// what it is.
    fn for_place(&self) -> bool {
        matches!(self, Class::Bad(why) if why.for_place())
    }
}

/// What the classifier knows of one block, revised pass by pass.
#[derive(Debug, Clone)]
struct Rec {
    /// The class from the block's own features, refined by the passes that
    /// look at the block's kind of line (repeats, anchors, records).
    own: Class,
    /// The class as the passes that look at neighbours and at the
    /// article's run revise it: the final class.
    class: Class,
    /// The block's length in characters (unspaced scripts count double).
    chars: usize,
    /// The furniture words at the block's start.
    furniture: Vec<&'static str>,
    /// A date line that introduces a post ("Sam on May 2, 2024 said:").
    signature: bool,
    /// The head of a counted section, a comment form or the comments: the
    /// article ends before it.
    counted: bool,
    /// No run of the article goes on across it.
    wall: bool,
}

impl Rec {
    /// The block's weight in the article's run: a short block has none of
    /// its own (a sidebar of short links kept between two teasers must not
    /// outweigh the article's prose).
    fn run_chars(&self) -> usize {
        if self.own == Class::Short {
            0
        } else {
            self.chars
        }
    }
}

/// The page as the passes see it.
struct Sheet<'a> {
    blocks: &'a [Block],
    signals: &'a [Signals],
    context: &'a Context<'a>,
    t: &'a ClassifyTuning,
    /// One record per block.
    recs: Vec<Rec>,
    /// Repeats of an earlier block: (first, repeat, the repeat's own class).
    repeats: Vec<(usize, usize, Class)>,
    /// The block that is the page's title.
    title: Option<usize>,
    /// Where the comments start (the number of blocks when they don't).
    comments: usize,
    /// The article's run of blocks, `start..end`.
    run: (usize, usize),
}

impl Sheet<'_> {
    /// Whether the page's structure vouches for block `i`.
    fn vouched(&self, i: usize) -> bool {
        self.signals.get(i).is_some_and(|s| s.content)
    }

    /// The blocks' final classes, in order (a snapshot).
    fn classes(&self) -> Vec<Class> {
        self.recs.iter().map(|r| r.class.clone()).collect()
    }
}

/// A pass: a name for people, and what it does to the sheet.
type Pass = (&'static str, fn(&mut Sheet));

/// The passes, in order. Each one's doc comment says what it decides.
const PASSES: &[Pass] = &[
    ("structural repeats", initial_passes::structural_repeats),
    ("anchors of short prose", initial_passes::anchors),
    ("records", lists::records),
    ("tables and code after text", context::set_out_after_text),
    ("short blocks by neighbours", context::short_by_neighbours),
    ("doubtful groups", context::doubtful_groups),
    (
        "doubtful blocks by neighbours",
        context::doubtful_by_neighbours,
    ),
    ("walls", context::walls),
    ("article run", context::article_run),
    ("sentences in the run", context::sentences_in_run),
    ("last sentences", context::last_sentences),
    ("code in the article", context::code_in_article),
    ("doubtful run when nothing is good", context::doubtful_run),
    ("clean paste", context::clean_paste),
    ("items in lines", lists::items_in_lines),
    ("teaser cards", tail::teaser_cards),
    ("whole lists", lists::whole_lists),
    ("numbered list", lists::numbered_list),
    (
        "lists under furniture headings",
        lists::furniture_headed_lists,
    ),
    ("tail teasers", tail::tail_teasers),
    ("author box", tail::author_box),
    ("addresses in the article", lists::addresses_in_article),
    ("calls to act at the end", tail::calls_to_act),
    ("posts' controls", tail::post_controls),
];

/// Classifies the blocks in place: sets `kept` and `reason` on each.
pub(crate) fn classify(blocks: &mut [Block], signals: &[Signals], context: &Context) {
    let mut sheet = Sheet::new(blocks, signals, context);
    for (_, pass) in PASSES {
        pass(&mut sheet);
    }
    let recs = sheet.recs;
    for (block, rec) in blocks.iter_mut().zip(recs) {
        write_back(block, rec);
    }
}

/// A block's `kept` and `reason` from its record.
fn write_back(block: &mut Block, rec: Rec) {
    match rec.class {
        Class::Bad(why) | Class::Skip(why) => block.drop_for(why),
        _ => {
            block.kept = true;
            block.reason = match rec.own {
                Class::Short => Some(Reason::KeptShort),
                Class::NearGood => Some(Reason::KeptDoubtful),
                Class::Bad(why) => Some(Reason::KeptDespite(Box::new(why))),
                _ => None,
            };
        }
    }
}

impl<'a> Sheet<'a> {
    /// The sheet with each block's initial class: the title, what earlier
    /// pages showed, what the page repeats, else its own features.
    fn new(blocks: &'a [Block], signals: &'a [Signals], context: &'a Context<'a>) -> Sheet<'a> {
        let t = context.tuning;
        let lang_known = context.lang.is_some_and(|l| l.has_stop_words());
        // (Sized for every block up front: never grown and rehashed.)
        let mut seen_keys: HashMap<String, usize> = HashMap::with_capacity(blocks.len());
        let mut repeats = Vec::new();
        let mut recs = Vec::with_capacity(blocks.len());
        let neutral = Signals::default();
        for (i, block) in blocks.iter().enumerate() {
            let s = signals.get(i).unwrap_or(&neutral);
            let f = features::features(&block.text, context.lang, t);
            let own = || {
                let b = initial::Block {
                    block,
                    f: &f,
                    s,
                    lang_known,
                };
                initial::initial(&b, t)
            };
            // (The key is hashed once: its entry is read, then filled.)
            let entry = seen_keys.entry(norm_key(prefix(&block.text, t.repeat_key_chars)));
            let earlier = match &entry {
                Entry::Occupied(e) => Some(*e.get()),
                Entry::Vacant(_) => None,
            };
            let key = entry.key();
            let class = if block.kind == BlockKind::Title {
                Class::Bad(block.reason.clone().unwrap_or(Reason::Headline))
            } else if !key.is_empty() && context.seen.is_some_and(|seen| seen(key)) {
                Class::Bad(Reason::RepeatedAcrossPages)
            } else if let Some(first) = earlier.filter(|&first| {
                // (A heading in the article that a table of contents or a
                // menu named first repeats nothing the reader keeps.)
                let first_is_chrome = s.content
                    && recs
                        .get(first)
                        .is_some_and(|r: &Rec| matches!(r.class, Class::Bad(Reason::Furniture(_))));
                !first_is_chrome
                    && f.chars >= t.repeat_min_chars
                    && !(s.content
                        && matches!(block.kind, BlockKind::Paragraph | BlockKind::Code)
                        && f.chars >= t.repeated_prose)
                    // Tables repeat their header rows (a row copied as text has
                    // its cells apart by tabs).
                    && block.text.matches('\t').count() < 2
            }) {
                repeats.push((first, i, own()));
                // (The same line again right after itself, a gallery's
                // credit under each picture, costs the run once.)
                let again = f.chars < t.structural_repeat
                    && i.checked_sub(1).is_some_and(|p| {
                        norm_key(prefix(&blocks[p].text, t.repeat_key_chars)) == *key
                    });
                if again {
                    Class::Skip(Reason::Repeated(first + 1))
                } else {
                    Class::Bad(Reason::Repeated(first + 1))
                }
            } else {
                own()
            };
            entry.or_insert(i);
            recs.push(Rec {
                own: class.clone(),
                class,
                chars: f.chars,
                signature: f.date_line && block.text.trim_end().ends_with(':'),
                furniture: f.furniture,
                counted: false,
                wall: false,
            });
        }
        Sheet {
            blocks,
            signals,
            context,
            t,
            recs,
            repeats,
            title: blocks.iter().position(|b| b.kind == BlockKind::Title),
            comments: blocks.len(),
            run: (0, 0),
        }
    }
}

/// The passes that refine a block's own class by what kind of line it is.
mod initial_passes {
    use super::{Class, Sheet};

    /// A short line the page repeats, each time right before prose of its
    /// own, is part of the article's structure (an interview's recurring
    /// question, the same subheading over each part), not boilerplate: it
    /// is judged as if it were not repeated.
    pub(super) fn structural_repeats(sheet: &mut Sheet) {
        let t = sheet.t;
        let prose_after = |recs: &[super::Rec], i: usize| {
            matches!(
                recs.get(i + 1).map(|r| &r.own),
                Some(Class::Good | Class::NearGood)
            )
        };
        // Occurrences of each repeated line, by the first one's index:
        // (all, before prose); (0, 0) for a line repeated by none.
        let mut counts = vec![(0usize, 0usize); sheet.recs.len()];
        for &(first, i, _) in &sheet.repeats {
            if let Some(c) = counts.get_mut(first) {
                if c.0 == 0 {
                    *c = (1, usize::from(prose_after(&sheet.recs, first)));
                }
                c.0 += 1;
                c.1 += usize::from(prose_after(&sheet.recs, i));
            }
        }
        // Lines first named together in a list of short lines (a table of
        // contents: its entries stand next to each other) and each later
        // over prose of its own head those parts.
        let listed = |recs: &[super::Rec], first: usize| {
            let prose = |j: Option<usize>| {
                j.and_then(|j| recs.get(j))
                    .is_some_and(|r| matches!(r.own, Class::Good | Class::NearGood))
            };
            !prose(first.checked_sub(1)) && !prose(Some(first + 1))
        };
        // Those lines, by their first one's index.
        let mut entries = vec![false; sheet.recs.len()];
        for &(first, i, _) in &sheet.repeats {
            if prose_after(&sheet.recs, i) && listed(&sheet.recs, first) {
                if let Some(e) = entries.get_mut(first) {
                    *e = true;
                }
            }
        }
        let entry = |j: usize| entries.get(j).copied().unwrap_or(false);
        let contents = |first: usize| {
            entry(first)
                && (first.saturating_sub(t.contents_gap)..=first + t.contents_gap)
                    .any(|j| j != first && entry(j))
        };
        for (first, i, class) in std::mem::take(&mut sheet.repeats) {
            let structural = counts.get(first).is_some_and(|&(all, prose)| {
                all > 0 && prose as f32 >= all as f32 * t.structural_share
            }) || (prose_after(&sheet.recs, i) && contents(first));
            if structural && sheet.recs[i].chars < t.structural_repeat {
                sheet.recs[i].own = class;
            }
        }
    }

    /// A page whose prose comes only in short paragraphs has no block that
    /// is good on its own: its longest doubtful blocks anchor the article.
    pub(super) fn anchors(sheet: &mut Sheet) {
        let t = sheet.t;
        let good_chars: usize = sheet
            .recs
            .iter()
            .filter(|r| r.own == Class::Good)
            .map(|r| r.chars)
            .sum();
        if good_chars < t.anchor_good_chars {
            for r in &mut sheet.recs {
                if r.own == Class::NearGood && r.chars >= t.anchor_chars {
                    r.own = Class::Good;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! One example per pass, in pulldown-cmark's spirit: a few lines of a
    //! page, and what the classifier makes of one of them. Each example
    //! holds with every pass, and fails without its own pass.
    use super::*;
    use crate::tuning::Tuning;

    /// Paragraphs of plain English prose, over 200 characters each.
    const PROSE: [&str; 2] = [
        "The council met on Monday to talk about the budget for the coming year, and the members agreed on most of the points after a long debate that went on well into the evening hours of the day, as it often does in the last week of the year.",
        "Work on the new school will start in the spring, and the builders say that it should be ready for the first pupils by the end of the next year if the weather is kind to them and to the town, as the people who live there hope it will be.",
    ];

    /// Cleans `lines` (`P0` and `P1` stand for [`PROSE`]) with every pass
    /// but `skip`; in `vouched` pages the structure vouches for every
    /// block. The outcome of line `at`: its reason's code when dropped,
    /// else "kept" and the code of why a doubtful block was kept.
    fn outcome(lines: &[&str], vouched: bool, at: usize, skip: Option<&str>) -> String {
        let mut blocks: Vec<Block> = lines
            .iter()
            .map(|l| match *l {
                "P0" => PROSE[0],
                "P1" => PROSE[1],
                other => other,
            })
            .map(|text| {
                let item = text.starts_with("- ") || text.get(1..3) == Some(". ");
                let kind = if item {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                Block::new(kind, text.to_string())
            })
            .collect();
        let signals = vec![
            Signals {
                content: vouched,
                ..Signals::default()
            };
            blocks.len()
        ];
        let tuning = Tuning::default();
        let context = Context {
            lang: crate::lang::by_code("en"),
            tuning: &tuning.classify,
            seen: None,
        };
        let mut sheet = Sheet::new(&blocks, &signals, &context);
        for (name, pass) in PASSES {
            if Some(*name) != skip {
                pass(&mut sheet);
            }
        }
        let recs = sheet.recs;
        for (block, rec) in blocks.iter_mut().zip(recs) {
            write_back(block, rec);
        }
        let code = blocks[at].reason.as_ref().map_or("", Reason::code);
        if blocks[at].kept {
            format!("kept {code}").trim_end().to_string()
        } else {
            code.to_string()
        }
    }

    /// (pass, lines, vouched, the line looked at, its outcome with every pass)
    type Example = (
        &'static str,
        &'static [&'static str],
        bool,
        usize,
        &'static str,
    );

    const EXAMPLES: &[Example] = &[
        (
            "structural repeats",
            &["Question from the audience today", "P0", "Question from the audience today", "P1"],
            false,
            2,
            "kept kept-short",
        ),
        (
            "anchors of short prose",
            &[
                "Home | News | Sport",
                "The mayor opened the new bridge on a grey morning, and a small crowd of people came to watch her do it.",
                "© 2024 Example",
            ],
            false,
            1,
            "kept",
        ),
        (
            "records",
            &["P0", "Tour dates", "June 9 – Town Hall", "June 12 – City Park", "June 15 – Old Mill"],
            false,
            3,
            "kept",
        ),
        (
            "short blocks by neighbours",
            &["Home | News | Sport", "Weather today", "Contact | Jobs | Press"],
            false,
            1,
            "short-among-boilerplate",
        ),
        (
            "doubtful groups",
            &[
                "P0",
                "P1",
                "Home | News | Sport",
                "The mayor opened the bridge on a grey morning, and a crowd came out in the rain to see.",
                "She said that it was the work of many people, and she thanked each of them in turn.",
                "It will carry cars and bikes from the spring, when the work on the road is done at last.",
                "The old bridge will stay open for people on foot, and then it will close for good.",
                "The town will hold a fair on the new bridge in the summer, with music and food for all.",
                "Contact | Jobs | Press",
            ],
            false,
            4,
            "kept kept-doubtful",
        ),
        (
            "article run",
            &["P0", "Home | News | Sport", "Contact | Jobs | Press", "Terms | Privacy | Help", "Shop | Store | Cart", "P1"],
            false,
            5,
            "outside-article",
        ),
        (
            "calls to act at the end",
            &["P0", "P1", "Thanks for reading. Follow us for more stories like this one from our small team."],
            true,
            2,
            "furniture-at-end",
        ),
        (
            "walls",
            &["P0", "12 comments", "P1"],
            false,
            2,
            "outside-article",
        ),
        (
            "doubtful blocks by neighbours",
            &["P0", "P1", "Home | News | Sport", "The new bridge will be open to all of the people in the town from the first day of the spring.", "Contact | Jobs | Press"],
            false,
            3,
            "doubtful",
        ),
        (
            "last sentences",
            &["P0", "P1", "It was the last meeting of the year for them.", "© 2024 Example"],
            false,
            2,
            "kept kept-short",
        ),
        (
            "code in the article",
            &["P0", "let total = sum(values);", "P1"],
            false,
            1,
            "kept",
        ),
        (
            "doubtful run when nothing is good",
            &["Home | News | Sport", "The new bridge will be open to all of the people in the town from the first day of the spring.", "© 2024 Example"],
            false,
            1,
            "kept kept-doubtful",
        ),
        (
            "clean paste",
            &["P0", "P1", "Cloudy skies later"],
            false,
            2,
            "kept kept-short",
        ),
        (
            "numbered list",
            &["P0", "1. Bread", "2. Milk", "3. Eggs", "4. Salt", "5. Flour", "Home | News | Sport"],
            false,
            2,
            "kept kept-short",
        ),
        (
            "author box",
            &["P0", "P1", "About Jo Smith", "Jo Smith writes about the town and its people, and has done so for the paper for more than ten years."],
            false,
            3,
            "author-box",
        ),
        (
            "addresses in the article",
            &["P0", "https://example.org/report", "P1"],
            false,
            1,
            "kept kept-with-article",
        ),
        (
            "tail teasers",
            &[
                "P0",
                "P1",
                "Council Votes On New Budget Plan",
                "The members agreed on most of the points after a long debate that went on into the night.",
                "School Opens Its Doors In Spring",
                "Work on the new school is done, and the first pupils will come in the spring of next year.",
                "Bridge Opens After Two Years",
                "The mayor opened the bridge on a grey morning, and a crowd came out in the rain to see it.",
            ],
            false,
            3,
            "tail-teasers",
        ),
    ];

    #[test]
    fn each_pass_decides_its_example() {
        for &(pass, lines, vouched, at, expected) in EXAMPLES {
            assert!(
                PASSES.iter().any(|(name, _)| *name == pass),
                "no pass {pass}"
            );
            let with = outcome(lines, vouched, at, None);
            assert_eq!(with, expected, "{pass}: with every pass");
            let without = outcome(lines, vouched, at, Some(pass));
            assert_ne!(without, expected, "{pass}: without it");
        }
    }
}
