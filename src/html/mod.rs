//! The HTML side of the pipeline: prune what is never content, find the
//! article's container, turn the page into blocks, and let the shared
//! classifier decide block by block.

use crate::blocks::{Block, BlockKind};
use crate::classify::Signals;
use crate::lang;
use crate::metadata::InBlocks;
use crate::options::{InputKind, Options};
use crate::page::Page;
use crate::reason::Reason;
use crate::tuning::{HtmlTuning, Reveal, TextTuning};
use crate::util::count_non_space;

mod containers;
mod furniture;
mod hints;
mod items;
mod meta;
mod page_type;
pub(crate) mod parse;
mod rich;
mod tags;
mod url;
mod walk;

use containers::Containers;
use furniture::{in_card, Prune};
use parse::Dom;
use walk::Walker;

/// How the blocks are built: with class and id pruning, or without it when
/// that pruning took the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pruning {
    /// Class and id words of page furniture prune their subtrees.
    ByClass,
    /// Only tags, roles and hidden elements prune: the fallback when
    /// pruning by class leaves less than [`HtmlTuning::min_content`]
    /// characters in the article's container.
    TagsOnly,
}

/// The HTML front end: the page as blocks, with signals and metadata.
pub(crate) fn front_end(input: &str, options: &Options, base_tuning: &HtmlTuning) -> Page {
    let tuning = base_tuning;
    let dom = parse::parse_page(input, tuning);
    let mut meta = meta::extract(&dom, options.base_url.as_deref(), options.title, tuning);
    let (page_type, type_signals) = match options.page_type {
        Some(t) => (t, Vec::new()),
        None => {
            let base = options.base_url.as_deref().or(meta.base.as_deref());
            let url = meta.canonical_url.as_deref().or(base);
            let mut evidence = page_type::evidence(&dom, url, tuning);
            page_type::undeclared(&mut evidence, &meta, tuning.type_min_points);
            let t = crate::page_type::decide(&evidence, tuning.type_min_points);
            (t, crate::page_type::explain(&evidence))
        }
    };
    if page_type == crate::page_type::PageType::Forum {
        meta::thread_starter(&dom, &mut meta, tuning);
    }
    let profile = base_tuning.for_page(page_type);
    let tuning = &profile;
    let base = options.base_url.as_deref().or(meta.base.as_deref());
    let (mut blocks, signals) = blocks_with_fallback(&dom, base, tuning);
    // The blocks hold all that is still needed of the page: the tree goes
    // before classifying and rendering, which would otherwise add to it.
    drop(dom);
    let language = options
        .lang
        .as_deref()
        .and_then(lang::by_code)
        .or_else(|| meta.lang.as_deref().and_then(lang::by_code))
        .or_else(|| {
            lang::detect(
                blocks
                    .iter()
                    .zip(&signals)
                    .filter(|(_, s)| s.content)
                    .map(|(b, _)| b.text.as_str()),
            )
        });
    if let Some(t) = &meta.title {
        mark_title(&mut blocks, &signals, t, tuning);
    }
    let title_key = meta.title.as_deref().map(crate::util::norm_key);
    meta.base = None;
    let mut page = Page::new(InputKind::Html, blocks, signals);
    page.meta = meta;
    page.language = language;
    page.title_key = title_key;
    page.page_type = page_type;
    page.type_signals = type_signals;
    page
}

/// The blocks built with [`Pruning::ByClass`], or with
/// [`Pruning::TagsOnly`] when that keeps more of the article; failing
/// both, with every hidden element shown ([`Reveal::Everything`]) when the
/// page shows too little that is not furniture and what it hides is a
/// page's worth.
fn blocks_with_fallback(
    dom: &Dom,
    base: Option<&str>,
    tuning: &HtmlTuning,
) -> (Vec<Block>, Vec<Signals>) {
    type Built = (Vec<Block>, Vec<Signals>);
    let chars = |(bs, ss): &Built, counts: fn(&Signals) -> bool| -> usize {
        bs.iter()
            .zip(ss)
            .filter(|(_, s)| counts(s))
            .map(|(b, _)| b.text.len())
            .sum()
    };
    let in_content = |b: &Built| chars(b, |s| s.content);
    let readable = |b: &Built| chars(b, |s| s.boilerplate.is_none());
    let short = |b: &Built| in_content(b).min(readable(b)) < tuning.min_content;
    let by_class = build_blocks(dom, base, Pruning::ByClass, tuning);
    let best = if in_content(&by_class) >= tuning.min_content {
        by_class
    } else {
        let plain = build_blocks(dom, base, Pruning::TagsOnly, tuning);
        if in_content(&plain) > in_content(&by_class) {
            plain
        } else {
            by_class
        }
    };
    if !short(&best) {
        return best;
    }
    // A page whose content a script shows once it has run: all of it read.
    let shown = HtmlTuning {
        reveal: Reveal::Everything,
        ..tuning.clone()
    };
    let all = build_blocks(dom, base, Pruning::ByClass, &shown);
    if readable(&all) >= tuning.min_content && readable(&all) > readable(&best) {
        all
    } else {
        best
    }
}

/// The headline inside the article is the title, not body text; the
/// article does not begin before it.
fn mark_title(blocks: &mut [Block], signals: &[Signals], title: &str, tuning: &HtmlTuning) {
    let key = crate::util::norm_key(title);
    let exact = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading && crate::util::norm_key(&b.text) == key);
    // Failing an exact match, a heading that the title carries with the
    // site's name around it ("Headline | Site", "Site: Headline").
    let framed = || {
        blocks.iter().position(|b| {
            b.kind == BlockKind::Heading
                && title_framing(&key, &crate::util::norm_key(&b.text), tuning)
        })
    };
    // Failing a heading, a paragraph that says just the title before the
    // article's prose starts (a headline styled by class, not by tag).
    let styled = || {
        let prose = blocks
            .iter()
            .zip(signals)
            .position(|(b, s)| {
                s.content
                    && b.kind == BlockKind::Paragraph
                    && b.text.len() >= tuning.title_prose_min_chars
            })
            .unwrap_or(blocks.len());
        blocks[..prose].iter().position(|b| {
            b.kind == BlockKind::Paragraph
                && key.split(' ').count() >= tuning.styled_title_min_words
                && crate::util::norm_key(&b.text) == key
        })
    };
    if let Some(i) = exact.or_else(framed).or_else(styled) {
        blocks[i].kind = BlockKind::Title;
        blocks[i].drop_for(Reason::Title);
    }
}

/// What the classified blocks say: the dateline of the first kept
/// paragraph, and the date and the byline in the article's head (its first
/// kept line that is not a figure's, and the lines above it, as copied
/// text's head is found) when the profile reads dates there
/// ([`HtmlTuning::meta_in_head`]). Each is used only when the markup
/// gave none.
pub(crate) fn metadata_in_blocks(blocks: &[Block], html: &HtmlTuning, t: &TextTuning) -> InBlocks {
    let head = blocks
        .iter()
        .position(|b| b.kept && b.kind != BlockKind::Figure)
        .filter(|_| html.meta_in_head)
        .map(|i| crate::text::head_lines(blocks, i, t))
        .unwrap_or_default();
    let in_head = || head.iter().map(|&i| &blocks[i]);
    let published = crate::text::date_in(in_head(), t);
    let byline = in_head().find_map(|b| crate::metadata::parse_byline(&b.text));
    InBlocks {
        byline,
        dateline: blocks
            .iter()
            .find(|b| b.kept && b.kind == BlockKind::Paragraph)
            .and_then(|b| crate::metadata::parse_dateline(&b.text)),
        published,
        ..InBlocks::default()
    }
}

fn build_blocks(
    dom: &Dom,
    base: Option<&str>,
    pruning: Pruning,
    tuning: &HtmlTuning,
) -> (Vec<Block>, Vec<Signals>) {
    let ex = Containers::new(dom, base, pruning == Pruning::ByClass, tuning);
    let (mut blocks, mut infos) = Walker::new(&ex).blocks(dom.body());
    // Grown by doubling: what is left over is given back before scoring.
    blocks.shrink_to_fit();
    infos.shrink_to_fit();
    let roots = ex.content_roots(&blocks, &infos);
    let mut in_content = vec![false; dom.len()];
    for &r in &roots {
        in_content[r] = true;
        for n in dom.descendants(r) {
            in_content[n] = true;
        }
    }
    // Each block's characters (not spaces), counted once for both uses.
    let chars: Vec<usize> = blocks.iter().map(|b| count_non_space(&b.text)).collect();
    let items_lead = items_lead(&ex, &blocks, &chars, &infos, &in_content, tuning);
    let signals = blocks
        .iter()
        .zip(&infos)
        .zip(&chars)
        .map(|((_, info), &chars)| {
            let chars = chars.max(1);
            let item = items_lead && ex.in_item(info.node);
            let content = in_content[info.node] || item;
            let link_density = if in_card(dom, info.node, tuning) {
                1.0
            } else {
                info.link_chars as f32 / chars as f32
            };
            Signals {
                link_density,
                boilerplate: match info.prune {
                    Some(Prune::Furniture(why)) => Some(Reason::Furniture(why)),
                    _ => None,
                },
                content,
                item,
            }
        })
        .collect::<Vec<Signals>>();
    (blocks, signals)
}

/// Whether the page's repeated items are its content: they hold more text
/// than [`HtmlTuning::item_prose_ratio`] times the prose of the article's
/// container beside them. A page with prose of its own (a category's guide
/// above a shop's grid) is about that prose.
/// (`chars`: each block's characters that are not spaces.)
fn items_lead(
    ex: &Containers,
    blocks: &[Block],
    chars: &[usize],
    infos: &[containers::Info],
    in_content: &[bool],
    tuning: &HtmlTuning,
) -> bool {
    let (mut prose, mut items) = (0usize, 0usize);
    for ((b, info), &n) in blocks.iter().zip(infos).zip(chars) {
        if info.prune.is_some() {
            continue;
        }
        if ex.in_item(info.node) {
            items += n;
        } else if in_content[info.node]
            && b.kind == BlockKind::Paragraph
            && n >= tuning.item_prose_chars
            && info.link_chars * tuning.prose_link_ratio < n
        {
            prose += n;
        }
    }
    items > prose * tuning.item_prose_ratio
}

/// Whether `title` (normalised) is `heading` (normalised) with a few words
/// of the site's name before or after it.
fn title_framing(title: &str, heading: &str, tuning: &HtmlTuning) -> bool {
    let words = |s: &str| s.split(' ').filter(|w| !w.is_empty()).count();
    if words(heading) < tuning.framed_heading_min_words || heading.len() >= title.len() {
        return false;
    }
    let rest = if let Some(r) = title.strip_prefix(heading) {
        r
    } else if let Some(r) = title.strip_suffix(heading) {
        r
    } else {
        return false;
    };
    // The heading must end (or begin) on a word boundary of the title.
    (rest.starts_with(' ') || rest.ends_with(' ')) && words(rest) <= tuning.framing_max_words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        front_end(html, &Options::default(), &HtmlTuning::default())
    }

    #[test]
    fn the_h1_that_matches_the_title_is_the_title() {
        let p = page(
            "<title>A headline of some words | The Site</title>\
             <h1>A headline of some words</h1><p>Body text.</p>",
        );
        assert_eq!(p.blocks[0].kind, BlockKind::Title);
        assert_eq!(p.blocks[0].reason, Some(Reason::Title));
        assert_eq!(p.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_heading_that_is_not_the_title_stays() {
        let p = page("<title>Something else entirely</title><h1>A headline</h1><p>Body.</p>");
        assert_eq!(p.blocks[0].kind, BlockKind::Heading);
    }

    #[test]
    fn title_framing_allows_a_few_words_of_the_site() {
        let t = HtmlTuning::default();
        assert!(title_framing(
            "the headline here the site",
            "the headline here",
            &t
        ));
        assert!(title_framing(
            "site: the headline here",
            "the headline here",
            &t
        ));
        assert!(!title_framing(
            "the headline hereby",
            "the headline here",
            &t
        ));
        assert!(!title_framing("short one site", "short one", &t));
    }

    #[test]
    fn container_scoring_picks_the_article_over_a_sidebar() {
        let para = "<p>This is a sentence of the article, with commas, clauses, and words \
                    enough to score its container well.</p>";
        let html = format!(
            "<div id=side><p><a href=/a>One link</a></p><p><a href=/b>Two link</a></p>\
             <p>Short aside.</p></div><article>{}</article>",
            para.repeat(4)
        );
        let dom = parse::parse(&html);
        let (blocks, signals) = build_blocks(&dom, None, Pruning::ByClass, &HtmlTuning::default());
        let content: Vec<(&str, bool)> = blocks
            .iter()
            .zip(&signals)
            .map(|(b, s)| (b.text.as_str(), s.content))
            .collect();
        assert_eq!(content.len(), 7);
        assert!(content[..3].iter().all(|(_, c)| !c), "{content:?}");
        assert!(content[3..].iter().all(|(_, c)| *c), "{content:?}");
        assert_eq!(signals[0].link_density, 1.0);
    }

    #[test]
    fn furniture_blocks_carry_their_reason() {
        let dom =
            parse::parse("<article><p>Text of the article.</p></article><footer>(c)</footer>");
        let (blocks, signals) = build_blocks(&dom, None, Pruning::ByClass, &HtmlTuning::default());
        assert_eq!(blocks[1].text, "(c)");
        assert_eq!(
            signals[1].boilerplate,
            Some(Reason::Furniture(crate::reason::Furniture::Footer))
        );
    }

    #[test]
    fn the_article_heads_date_and_byline_are_read_where_its_profile_says() {
        use crate::page_type::PageType;
        let mut date = Block::new(BlockKind::Paragraph, "5 March 2024, 10:15".into());
        date.kept = false;
        let mut picture = Block::new(BlockKind::Figure, "The harbour at dawn.".into());
        picture.kept = true;
        let mut byline = Block::new(BlockKind::Paragraph, "By Ann Smith".into());
        byline.kept = false;
        let mut body = Block::new(BlockKind::Paragraph, "The article's first line.".into());
        body.kept = true;
        let blocks = [date, picture, byline, body];
        let text = TextTuning::default();
        let found = |t: &HtmlTuning| {
            let found = metadata_in_blocks(&blocks, t, &text);
            (found.published, found.byline)
        };
        let tuning = HtmlTuning::default();
        assert_eq!(
            found(&tuning.for_page(PageType::Article)),
            (Some("2024-03-05".into()), Some("Ann Smith".into()))
        );
        assert_eq!(found(&tuning.for_page(PageType::Product)), (None, None));
        assert_eq!(
            found(&tuning.for_page(PageType::Documentation)),
            (None, None)
        );
    }
}
