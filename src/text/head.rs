//! The article's head in copied text: a headline over a date or byline line
//! over prose, or a lead that opens with an agency's dateline. It is the
//! text front end's fallback when the longest run of prose lies elsewhere.

use crate::blocks::{Block, BlockKind};
use crate::classify::cues::{comment_form, counted_section, headline_like};
use crate::metadata::parse_dateline;
use crate::page::Page;
use crate::reason::Reason;
use crate::tuning::TextTuning;
use crate::util::{has_words, text_len, SENTENCE_ENDS};

/// The fallback [`crate::pipeline::Fallback::ArticleHead`]: when the page
/// has one article head and the longest run of prose lies elsewhere
/// (comments, teasers), the article is the prose under the head. A lead
/// that opens with an agency's dateline ("PLACE (AGENCY) –") is as sure a
/// sign. `reclassify` runs the classifier again.
pub(crate) fn prefer_article_head(page: &mut Page, t: &TextTuning, reclassify: impl Fn(&mut Page)) {
    let Some(Head {
        headline: head,
        lead,
        dateline,
    }) = article_head(&page.blocks, t)
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
    if !dateline && !past_count && kept(&page.blocks) * t.head_share < kept(&before) {
        page.blocks = before;
        page.signals[lead].content = false;
        page.head_line = None;
    }
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

/// The page's lines, as heads are looked for among them.
struct Heads<'a> {
    blocks: &'a [Block],
    t: &'a TextTuning,
}

impl Heads<'_> {
    /// A date or byline line of the article (not one that opens with a
    /// dash, which attributes a quotation, nor one that ends with a colon,
    /// which introduces a comment: "Sam on May 2, 2024 said:").
    fn meta(&self, b: &Block) -> bool {
        matches!(b.reason, Some(Reason::DateLine | Reason::Byline))
            && !b.text.starts_with(['—', '–', '-'])
            && !b.text.trim_end().ends_with(':')
    }

    /// A lead that opens with an agency's dateline: prose, with a sentence
    /// after it (a link's line, "Name (ABBR) - Publisher", is no lead).
    fn dated(&self, b: &Block) -> bool {
        text_len(&b.text) >= self.t.dateline_lead_chars
            && b.text.contains(SENTENCE_ENDS)
            && parse_dateline(&b.text).is_some_and(|d| d.agency.is_some())
    }

    /// A block of the article's prose.
    fn prose(&self, b: &Block) -> bool {
        text_len(&b.text) >= self.t.lead_chars
    }

    /// The headline just above line `m` (not a menu's line of links).
    fn headline(&self, m: usize) -> Option<usize> {
        (m.saturating_sub(self.t.headline_reach)..m)
            .rev()
            .find(|&h| {
                let b = &self.blocks[h];
                headline_like(&b.text)
                    && has_words(&b.text, self.t.title_words)
                    && !b
                        .reason
                        .as_ref()
                        .is_some_and(|r| *r == Reason::Menu || r.furniture_words())
            })
    }

    /// The head whose date, byline or dateline is line `m`, before `form`.
    fn head_at(&self, m: usize, form: usize) -> Option<Head> {
        let blocks = self.blocks;
        if self.dated(&blocks[m]) {
            return Some(Head {
                headline: self.headline(m),
                lead: m,
                dateline: true,
            });
        }
        if !self.meta(&blocks[m]) {
            return None;
        }
        let h = self.headline(m)?;
        // The lead: the first long block, past short lines only (a share
        // bar, a caption's credit).
        let lead = (m + 1..(m + self.t.lead_reach).min(form))
            .find(|&p| self.prose(&blocks[p]))
            .filter(|&p| {
                blocks[p].text.contains(SENTENCE_ENDS) && blocks[p].reason != Some(Reason::Markup)
            })?;
        Some(Head {
            headline: Some(h),
            lead,
            dateline: false,
        })
    }

    /// The prose under a head: long blocks, with at most a few short blocks
    /// at a time between them, up to the next date or byline line. Its
    /// length and its end.
    fn body(&self, head: &Head) -> (usize, usize) {
        let (mut body, mut gap, mut end) = (0usize, 0usize, head.lead);
        for (i, b) in self.blocks.iter().enumerate().skip(head.lead) {
            if self.meta(b) && i > head.lead {
                break;
            }
            if self.prose(b) {
                body += b.text.len();
                gap = 0;
                end = i + 1;
            } else {
                gap += 1;
                if gap > self.t.head_gap {
                    break;
                }
            }
        }
        (body, end)
    }
}

/// The article's head. Of several heads (a story and the teasers beside
/// it, each with its headline and time), the one with the most prose under
/// it, when it has clearly the most.
fn article_head(blocks: &[Block], t: &TextTuning) -> Option<Head> {
    let heads = Heads { blocks, t };
    // (A comment form ends the article: no head of it lies past the last
    // one, nor does its lead. The first may be a link beside the byline,
    // and one above all prose a prompt to sign in.)
    let first_prose = blocks
        .iter()
        .position(|b| heads.prose(b))
        .unwrap_or(blocks.len());
    let form = blocks
        .iter()
        .rposition(|b| comment_form(&b.text))
        .filter(|&f| f > first_prose)
        .unwrap_or(blocks.len());
    // (body length, head, end of the body)
    let mut found: Vec<(usize, Head, usize)> = Vec::new();
    for m in 0..form {
        let Some(head) = heads.head_at(m, form) else {
            continue;
        };
        // A lead inside the prose of the head before is that head's.
        if let Some(last) = found.last_mut() {
            if head.lead < last.2 {
                last.1.dateline |= head.dateline && head.lead == last.1.lead;
                continue;
            }
        }
        let (body, end) = heads.body(&head);
        found.push((body, head, end));
    }
    let (mut best, mut second) = (None::<(usize, Head)>, 0usize);
    for (body, head, _) in found {
        match best {
            Some((b, _)) if body <= b => second = second.max(body),
            _ => {
                second = second.max(best.map_or(0, |(b, _)| b));
                best = Some((body, head));
            }
        }
    }
    best.filter(|(b, _)| *b >= t.head_margin * second)
        .map(|(_, head)| head)
}
