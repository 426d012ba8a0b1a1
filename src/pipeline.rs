//! The pipeline behind [`crate::clean`] and [`crate::Cleaner::clean`]: one
//! straight line of named stages, the same for HTML and copied text.
//!
//! 1. [`detect`]: is the input HTML or text?
//! 2. [`front_end`]: the page as blocks, with signals and metadata
//!    ([`crate::html`] or [`crate::text`]).
//! 3. [`classify`]: every block kept or dropped with its reason, then the
//!    front end's named fallbacks ([`Fallback`]).
//! 4. [`assemble`]: memory, title, site name, restore, metadata found in
//!    the blocks, language: the [`Article`].
//! 5. [`render`]: text, Markdown and HTML.

use crate::article::Article;
use crate::blocks::{Block, BlockKind};
use crate::classify::{self, Context};
use crate::error::Error;
use crate::memory::Memory;
use crate::options::{InputKind, Options};
use crate::page::Page;
use crate::reason::Reason;
use crate::tuning::{ClassifyTuning, TextTuning, Tuning};
use crate::{detect, html, render, text, util};

/// Cleans one page, with the memory of earlier pages when there is one.
pub(crate) fn clean_with_memory(
    input: &str,
    options: &Options,
    memory: Option<&mut Memory>,
) -> Result<Article, Error> {
    let kind = detect(input, options)?;
    let tuning = Tuning::default();
    let mut page = front_end(input, kind, options, &tuning);
    let tuning = tuning.for_page(page.page_type, kind);
    // The page's fingerprint matters only to a memory: not computed without one.
    let page_id = memory.as_ref().map_or(0, |_| util::page_id(input));
    classify(&mut page, memory.as_deref(), page_id, &tuning);
    if let Some(m) = memory {
        let texts = page.blocks.iter().map(|b| b.text.as_str());
        m.remember(texts, page.title_key.as_deref(), page_id);
    }
    let (mut article, blocks) = assemble(page, options, &tuning);
    render::finish(&mut article, blocks, options);
    Ok(article)
}

/// Every line of a copied text's page scored as its title, with the
/// features the title's weights weigh (`text::title`): what
/// `gleaner-eval --title-features` writes for fitting them. Not part of
/// the API.
#[cfg(feature = "fitting")]
#[doc(hidden)]
pub fn title_candidates(input: &str, options: &Options) -> Result<Vec<(String, Vec<f32>)>, Error> {
    let kind = detect(input, options)?;
    let tuning = Tuning::default();
    let mut page = front_end(input, kind, options, &tuning);
    let tuning = tuning.for_page(page.page_type, kind);
    classify(&mut page, None, 0, &tuning);
    Ok(text::title_candidates(
        &page.blocks,
        page.quoted_title.as_deref(),
        page.head_line.as_deref(),
        &tuning.text,
    ))
}

/// A fast check whether a page (HTML or text) holds an article at all:
/// enough prose in long blocks. Never fails; junk is simply not readable.
pub fn is_probably_readable(input: &str) -> bool {
    const MIN_CHARS: usize = 140;
    const MIN_SCORE: f64 = 20.0;
    let opts = Options::default();
    let Ok(article) = clean_with_memory(input, &opts, None) else {
        return false;
    };
    // Readability's rule of thumb: the square roots of the lengths of long
    // blocks beyond a minimum add up to a threshold.
    let score: f64 = article
        .blocks
        .iter()
        .filter(|b| b.kept)
        .map(|b| b.text.chars().count())
        .filter(|&n| n >= MIN_CHARS)
        .map(|n| ((n - MIN_CHARS) as f64).sqrt())
        .sum();
    score > MIN_SCORE
}

/// Refuses input that is too large or not text.
pub(crate) fn check_size(size: usize, options: &Options) -> Result<(), Error> {
    if size > options.max_input_bytes {
        return Err(Error::TooLarge {
            size,
            limit: options.max_input_bytes,
        });
    }
    Ok(())
}

/// Stage 1: the kind of input, unless the options say it.
fn detect(input: &str, options: &Options) -> Result<InputKind, Error> {
    check_size(input.len(), options)?;
    if detect::looks_binary(input) {
        return Err(Error::Binary);
    }
    Ok(match options.input {
        InputKind::Auto => detect::input_kind(input),
        k => k,
    })
}

/// Stage 2: the page as blocks, by the front end of its kind.
fn front_end(input: &str, kind: InputKind, options: &Options, tuning: &Tuning) -> Page {
    match kind {
        InputKind::Html => html::front_end(input, options, &tuning.html),
        _ => text::front_end(input, options, &tuning.text),
    }
}

/// A second look the classifier takes when its first result fails a check:
/// named, and tried in the order the front end lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fallback {
    /// Copied text: when the page has one article head (a headline over a
    /// date or byline over prose) and the longest run of prose lies
    /// elsewhere, the article is the prose under the head.
    ArticleHead,
    /// When the memory dropped everything, the page was seen before:
    /// judge it on its own.
    WithoutMemory,
    /// When nothing is kept but the page has text, the main column's text
    /// is the article ([`Reason::MainColumn`]): the blocks of the container
    /// that scored best, else the longest run of blocks that are not the
    /// page's chrome (menus, banners, footers, forms, hidden text).
    MainColumn,
    /// HTML: when nothing is kept still, the description the page declares
    /// (structured data, Open Graph, `<meta name=description>`), if it is
    /// of [`ClassifyTuning::description_min_chars`] or more, is the article
    /// ([`Reason::Description`]): a page a script draws, saved before the
    /// script ran, shows nothing else of its content.
    Description,
}

/// The fallbacks of each kind of input, in order. (HTML's own fallback,
/// building the blocks again without class pruning, belongs to its front
/// end: [`crate::html::Pruning`].)
fn fallbacks(kind: InputKind) -> &'static [Fallback] {
    match kind {
        InputKind::Html => &[Fallback::MainColumn, Fallback::Description],
        _ => &[
            Fallback::ArticleHead,
            Fallback::WithoutMemory,
            Fallback::MainColumn,
        ],
    }
}

/// Stage 3: every block kept or dropped, then the fallbacks.
fn classify(page: &mut Page, memory: Option<&Memory>, page_id: u64, tuning: &Tuning) {
    let run = |page: &mut Page, memory: Option<&Memory>| {
        run_classifier(page, memory, page_id, &tuning.classify);
    };
    run(page, memory);
    if tuning.classify.sections_are_content {
        keep_sections(page, &tuning.text);
    }
    for fallback in fallbacks(page.kind) {
        match fallback {
            Fallback::ArticleHead => {
                text::prefer_article_head(page, &tuning.text, |p| run(p, memory));
            }
            Fallback::WithoutMemory => {
                if memory.is_some() && !page.blocks.iter().any(|b| b.kept) {
                    run(page, None);
                }
            }
            Fallback::MainColumn => main_column(page, &tuning.classify),
            Fallback::Description => description(page, &tuning.classify),
        }
    }
}

/// [`Fallback::Description`]: the page's declared description as its one
/// block, when no kept block has words.
fn description(page: &mut Page, tuning: &ClassifyTuning) {
    if page.blocks.iter().any(|b| b.kept && has_words(b)) {
        return;
    }
    let Some(text) = page
        .meta
        .excerpt
        .as_deref()
        .filter(|d| d.chars().nth(tuning.description_min_chars).is_some())
    else {
        return;
    };
    let mut block = Block::new(BlockKind::Paragraph, text.to_string());
    block.kept = true;
    block.reason = Some(Reason::Description);
    page.blocks.push(block);
    page.signals.push(classify::Signals::default());
}

/// Whether a block has words to read.
fn has_words(b: &Block) -> bool {
    util::words(&b.text).next().is_some()
}

/// Whether a dropped block is the page's chrome, or not text at all: never
/// taken back by [`Fallback::MainColumn`].
fn chrome(b: &Block) -> bool {
    use crate::reason::Furniture as F;
    b.kind == BlockKind::Title
        || !has_words(b)
        || matches!(
            b.reason,
            Some(
                Reason::Furniture(
                    F::Navigation
                        | F::SiteBanner
                        | F::Footer
                        | F::CookieBanner
                        | F::Hidden
                        | F::FormControl
                        | F::Dialog
                ) | Reason::Title
                    | Reason::Headline
                    | Reason::SiteName
                    | Reason::Copyright
                    | Reason::Markup
                    | Reason::RepeatedAcrossPages
            )
        )
}

/// [`Fallback::MainColumn`]: when no kept block has words but some block
/// does, the blocks of the best container that are not chrome; failing
/// those, the longest run (by characters) of blocks that are not chrome.
/// Less text than [`ClassifyTuning::main_column_min_chars`] is a page with
/// nothing to read (a script's empty shell): it stays empty.
fn main_column(page: &mut Page, tuning: &ClassifyTuning) {
    let blocks = &mut page.blocks;
    if blocks.iter().any(|b| b.kept && has_words(b)) || !blocks.iter().any(has_words) {
        return;
    }
    let mut take: Vec<usize> = (0..blocks.len())
        .filter(|&i| page.signals.get(i).is_some_and(|s| s.content) && !chrome(&blocks[i]))
        .collect();
    if take.is_empty() {
        // The longest run of blocks that are not chrome (blocks without
        // words neither end a run nor count).
        let (mut best, mut best_chars) = ((0, 0), 0usize);
        let (mut start, mut chars) = (0usize, 0usize);
        for (i, b) in blocks.iter().enumerate() {
            if chrome(b) {
                if has_words(b) || b.kind == BlockKind::Title {
                    start = i + 1;
                    chars = 0;
                }
                continue;
            }
            chars += b.text.len();
            if chars > best_chars {
                best_chars = chars;
                best = (start, i + 1);
            }
        }
        take = (best.0..best.1).filter(|&i| !chrome(&blocks[i])).collect();
    }
    let chars: usize = take.iter().map(|&i| blocks[i].text.chars().count()).sum();
    if chars < tuning.main_column_min_chars {
        return;
    }
    for i in take {
        blocks[i].kept = true;
        blocks[i].reason = Some(Reason::MainColumn);
    }
}

/// The sections of a service page, a listing or a page of no known type are
/// its content (the profile's [`ClassifyTuning::sections_are_content`], and
/// copied text not signed as an article): from the first kept block to the
/// last, every block with words is kept unless it is the page's chrome or
/// furniture by its markup, or repeats an earlier block. (Headings, short
/// claims, figures and buttons between the sections are how such a page
/// says what it offers.) In copied text, only the lines dropped for where
/// they stand are taken back, and none of a menu's
/// ([`text::menu_lines`]).
fn keep_sections(page: &mut Page, t: &TextTuning) {
    let html = page.kind == InputKind::Html;
    // (Copied text has no markup to tell chrome by: its lines dropped for
    // where they stand are taken back, but not those in a menu.)
    let menus = (!html).then(|| text::menu_lines(&page.blocks, t));
    let blocks = &mut page.blocks;
    let (Some(first), Some(last)) = (
        blocks.iter().position(|b| b.kept),
        blocks.iter().rposition(|b| b.kept),
    ) else {
        return;
    };
    for (i, b) in blocks.iter_mut().enumerate().take(last + 1).skip(first) {
        let takes = match &menus {
            None => {
                !matches!(b.reason, Some(Reason::Furniture(_) | Reason::Repeated(_))) && !chrome(b)
            }
            Some(menus) => {
                !menus[i]
                    && b.reason
                        .as_ref()
                        .is_some_and(|r| r.for_place() || *r == Reason::CodeLine)
            }
        };
        if !b.kept && takes {
            b.kept = true;
            b.reason = Some(Reason::Section);
        }
    }
}

/// One run of the shared classifier over the page's blocks.
fn run_classifier(page: &mut Page, memory: Option<&Memory>, page_id: u64, tuning: &ClassifyTuning) {
    let title_key = page.title_key.as_deref();
    let seen = |key: &str| memory.is_some_and(|m| m.seen(key, title_key, page_id));
    let context = Context {
        lang: page.language,
        tuning,
        seen: memory.map(|_| &seen as &dyn Fn(&str) -> bool),
    };
    classify::classify(&mut page.blocks, &page.signals, &context);
}

/// Stage 4: the article's title and metadata, and the caller's restored
/// blocks.
fn assemble(mut page: Page, options: &Options, tuning: &Tuning) -> (Article, Vec<Block>) {
    let title = match page.kind {
        InputKind::Html => page.meta.title.take(),
        _ => text::find_title(
            &mut page.blocks,
            page.quoted_title.take(),
            page.head_line.take(),
            &tuning.text,
        ),
    };
    drop_site_name(&mut page.blocks, page.meta.site_name.as_deref());
    restore(&mut page.blocks, &options.restore);
    let found = match page.kind {
        InputKind::Html => html::metadata_in_blocks(&page.blocks, &tuning.html, &tuning.text),
        _ => text::metadata_in_blocks(&page.blocks, title.as_deref(), &tuning.text),
    };
    // (An agency's dateline opening the lead signs a report as well.)
    let signed = [
        &page.meta.published,
        &found.published,
        &page.meta.byline,
        &found.byline,
    ]
    .iter()
    .any(|v| v.is_some())
        || found.dateline.is_some();
    if page.kind != InputKind::Html && !signed {
        text::keep_unsigned_prose(&mut page.blocks, &tuning.text);
        // Nor is it one run: what stands between its kept lines is its
        // sections, as a service page's are.
        keep_sections(&mut page, &tuning.text);
    }
    let meta = page.meta;
    let article = Article {
        title,
        byline: meta
            .byline
            .or(found.byline)
            .filter(|b| crate::metadata::names_someone(b)),
        site_name: meta.site_name.or(found.site_name),
        published: meta.published.or(found.published),
        modified: meta.modified,
        lang: meta
            .lang
            .or_else(|| page.language.map(|l| l.code.to_string())),
        dir: meta.dir,
        excerpt: meta.excerpt,
        dateline: found.dateline,
        canonical_url: meta.canonical_url,
        image: meta.image,
        tags: meta.tags,
        input_kind: page.kind,
        page_type: page.page_type,
        page_type_signals: page.type_signals,
        ..Article::default()
    };
    (article, page.blocks)
}

/// The site's name shown as a heading or line is not article text.
fn drop_site_name(blocks: &mut [Block], site_name: Option<&str>) {
    let Some(site) = site_name.map(util::norm_key) else {
        return;
    };
    for b in blocks.iter_mut() {
        if b.text.len() < 200 && util::norm_key(&b.text) == site {
            b.drop_for(Reason::SiteName);
        }
    }
}

/// Puts back the dropped blocks the caller asked for (never the title).
fn restore(blocks: &mut [Block], indices: &[usize]) {
    for &i in indices {
        if let Some(b) = blocks.get_mut(i) {
            if !b.kept && b.kind != BlockKind::Title {
                b.kept = true;
                b.reason = Some(Reason::Restored);
            }
        }
    }
}
