//! The block classifier shared by HTML and plain text.
//!
//! In the spirit of jusText: every block first gets a class from its own
//! features (length, stop-word density, links, addresses, furniture words,
//! repetition); short and doubtful blocks then take their neighbours' class,
//! because good text clusters; finally the article is the main contiguous run
//! of good blocks.

use std::collections::HashMap;

use crate::blocks::{Block, BlockKind};
use crate::lang::{self, Language};
use crate::metadata::{find_date, has_day_and_time, is_month, parse_byline};
use crate::reason::{Furniture, Reason};
use crate::tuning::ClassifyTuning;
use crate::util::{char_len, data_lines, norm_key, prefix, text_len, words};

/// Blocks at least this long with a high stop-word density are good on their own.
const LONG: usize = 200;
/// Stop-word density above which a long block is prose.
const STOP_HIGH: f32 = 0.30;
/// Stop-word density below which a block is not prose.
const STOP_LOW: f32 = 0.22;
/// Doubtful blocks (short prose) this many, with this many characters, side
/// by side with only short lines between them, are article text.
const GROUP_BLOCKS: usize = 3;
const GROUP_CHARS: usize = 400;
/// Inside the article, a paragraph of a sentence or more that the page repeats
/// is part of its structure (recipes, schedules, prose written twice), not a
/// site's boilerplate.
const REPEATED_PROSE: usize = 40;
/// Link density above which a block is navigation.
const MAX_LINK_DENSITY: f32 = 0.4;

/// What the page around a block says about it (HTML); neutral for plain text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Signals {
    /// Share of the block's characters inside links.
    pub link_density: f32,
    /// The block sits in a container that is usually not content, and why.
    pub boilerplate: Option<Reason>,
    /// The block sits in a container known to hold the article.
    pub content: bool,
}

/// What the classifier knows about the page as a whole.
pub(crate) struct Context<'a> {
    pub lang: Option<&'static Language>,
    /// The thresholds.
    pub tuning: &'a ClassifyTuning,
    /// Fingerprints seen on earlier pages of the same site.
    pub seen: Option<&'a dyn Fn(&str) -> bool>,
}

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Good,
    NearGood,
    Short,
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
}

/// Features of one block.
#[derive(Debug, Default)]
struct Features {
    chars: usize,
    words: usize,
    stop_density: f32,
    sentence_ends: usize,
    addresses: usize,
    separators: usize,
    copyright: bool,
    furniture: Vec<&'static str>,
    /// A short line that is a date and little else ("Updated: March 5, 2024").
    date_line: bool,
    /// A short line that names the author ("By Jane Doe").
    byline: bool,
    /// A line of social network names: a share bar's labels.
    share_line: bool,
}

/// Names of social networks and sharing channels, as share bars label them.
const SHARE_LABELS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reddit",
    "telegram",
    "email",
    "print",
    "tumblr",
    "instagram",
    "youtube",
    "flipboard",
    "pocket",
    "google",
    "messenger",
    "xing",
    "vk",
    "mastodon",
    "threads",
    "bluesky",
    "share",
    "tweet",
    "pin",
];

fn features(text: &str, lang: Option<&'static Language>) -> Features {
    // (`chars` is counted in the pass over the characters below.)
    let mut f = Features::default();
    let mut stops = 0usize;
    let mut lower = String::new();
    // (Numbers are neither function words nor content words: figures in
    // financial or sports prose must not make it read as a table.)
    let mut numbers = 0usize;
    for w in words(text) {
        f.words += 1;
        if w.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
            continue;
        }
        if let Some(l) = lang {
            lang::lower_word(w, &mut lower);
            if l.is_stop(&lower) {
                stops += 1;
            }
        }
    }
    let lexical = f.words - numbers;
    f.stop_density = if lexical == 0 {
        0.0
    } else {
        stops as f32 / lexical as f32 * lang.map_or(1.0, |l| l.density_scale())
    };
    for token in text.split_whitespace() {
        if is_address(token) {
            f.addresses += 1;
        }
        if matches!(token, "|" | "·" | "•" | "/" | "»" | "›") {
            f.separators += 1;
        }
    }
    let mut prev_space = true;
    for c in text.chars() {
        f.chars += char_len(c);
        if matches!(
            c,
            '.' | '!' | '?' | '。' | '！' | '？' | '।' | '؟' | '۔' | ';'
        ) && !prev_space
        {
            f.sentence_ends += 1;
        }
        if c == '©' {
            f.copyright = true;
        }
        prev_space = c.is_whitespace();
    }
    if f.chars < 100 {
        let mut n = 0;
        f.share_line = words(text).all(|w| {
            n += 1;
            SHARE_LABELS.contains(&w.to_lowercase().as_str())
        }) && n >= 2;
        f.byline = parse_byline(text).is_some();
        f.date_line = (find_date(text).is_some() || has_day_and_time(text)) && {
            // Besides the date, at most a few words ("Updated", a weekday).
            let other = words(text)
                .filter(|w| w.chars().count() > 3 && w.chars().all(char::is_alphabetic))
                .filter(|w| !is_month(w))
                .count();
            other <= 3
        } || relative_time(text);
    }
    // Furniture words only matter for the start of a block: long prose that
    // mentions a comment or a newsletter is still prose.
    let head = lang::lower_text(prefix(text, 600));
    f.furniture = match lang {
        Some(l) => l.furniture_hits(&head),
        None => lang::furniture_hits_any(&head),
    };
    f
}

/// A token that is a web or mail address (`https://…`, `www.…`,
/// `name@host.tld`, `name [at] host`), in any case.
fn is_address(token: &str) -> bool {
    let t = token.as_bytes();
    let has = |needle: &[u8]| {
        t.windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    // Most tokens are words: none of the bytes that every test needs.
    if !t
        .iter()
        .any(|b| matches!(b, b':' | b'.' | b'[' | b'(' | b'@'))
    {
        return false;
    }
    has(b"://")
        || t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"www."))
        || has(b"[at]")
        || has(b"(at)")
        || (t.contains(&b'@') && t.contains(&b'.') && t.len() > 5)
}

/// Words that make a number a time ago ("2H ago", "vor 3 Stunden",
/// "il y a 5 min", "hace 2 días", "3 ore fa", "2 uur geleden", "há 2 dias",
/// "2 godziny temu", "před 2 hodinami", "2 saat önce", "πριν 2 ώρες", ...),
/// one or two for each supported language.
const TIME_AGO: &[&str] = &[
    "ago",
    "vor",
    "il y a",
    "hace",
    "fa",
    "geleden",
    "há",
    "temu",
    "sedan",
    "siden",
    "назад",
    "před",
    "lalu",
    "urmă",
    "ezelőtt",
    "sitten",
    "önce",
    "trước",
    "πριν",
    "منذ",
    "پیش",
    "לפני",
    "पहले",
    "prije",
    "преди",
    "전",
];

/// A short line that says only how long ago something was posted.
pub(crate) fn relative_time(text: &str) -> bool {
    if text.chars().count() > 40 || !text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // ("3時間前", "5小时前": Japanese and Chinese write it unspaced.)
    if text.trim_end().ends_with('前') && text.chars().count() <= 12 {
        return true;
    }
    let lower = text.to_lowercase();
    let ws: Vec<&str> = words(&lower).collect();
    TIME_AGO.iter().any(|marker| {
        let m: Vec<&str> = marker.split(' ').collect();
        ws.windows(m.len()).any(|w| w == m.as_slice())
    }) && ws.len() <= 6
}

/// The class of a block from its own features alone.
fn initial(
    block: &Block,
    f: &Features,
    s: &Signals,
    lang_known: bool,
    t: &ClassifyTuning,
) -> Class {
    // (Short lines of markup are code, an example in a tutorial.)
    if !s.content && block.kind == BlockKind::Paragraph && f.chars >= 200 && markup(&block.text) {
        return Class::Bad(Reason::Markup);
    }
    if !s.content && block.kind == BlockKind::Paragraph && code_line(&block.text) {
        return Class::Skip(Reason::CodeLine);
    }
    if f.words == 0 && block.kind != BlockKind::Figure {
        if lone_separator(&block.text) {
            return Class::Bad(Reason::Separator);
        }
        return Class::Skip(Reason::NoWords);
    }
    if f.copyright {
        return Class::Bad(Reason::Copyright);
    }
    if let Some(why) = &s.boilerplate {
        return Class::Bad(why.clone());
    }
    if ad_label(&block.text) {
        return Class::Skip(Reason::AdLabel);
    }
    if f.share_line {
        return Class::Bad(Reason::Furniture(Furniture::ShareButtons));
    }
    // (A quotation's attribution, such as an embedded post's, stays.)
    // (A quotation's attribution, such as an embedded post's, stays: in
    // copied text it is a line that opens with a dash.)
    let quoted = block.kind == BlockKind::Quote
        || (block.kind == BlockKind::Paragraph && block.text.starts_with(['—', '–']));
    if f.date_line && !quoted {
        return Class::Bad(Reason::DateLine);
    }
    if f.byline && !quoted {
        return Class::Bad(Reason::Byline);
    }
    // Never drop prose for a few inline links: inside the article's
    // container only blocks that are nearly all links, or short link lines, go
    // (a table goes only when nearly all of it is links).
    let links_bad = if s.content {
        s.link_density > 0.8 || (s.link_density > 0.5 && f.chars < 100)
    } else {
        s.link_density > MAX_LINK_DENSITY
    };
    if links_bad && (block.kind != BlockKind::Table || s.link_density > 0.8) {
        return Class::Bad(Reason::MostlyLinks);
    }
    // Inside the article a sentence may cite an address; only lines that are
    // mostly addresses, or short ones with furniture words ("follow us"), go.
    let address_line = if s.content {
        f.addresses * 8 > f.words || (f.addresses > 0 && f.chars < 300 && !f.furniture.is_empty())
    } else {
        // (A sentence that ends in a link, an embedded post's say, is prose.)
        let prose = f.addresses == 1
            && f.words >= 12
            && (f.stop_density >= STOP_LOW || f.sentence_ends >= 2)
            && f.furniture.is_empty();
        f.addresses > 0 && (f.chars < 300 && !prose || f.addresses * 8 > f.words)
    };
    if address_line {
        return Class::Bad(Reason::Addresses);
    }
    if f.separators >= 2 && f.chars < 200 && f.sentence_ends == 0 {
        return Class::Bad(Reason::Menu);
    }
    if !f.furniture.is_empty() {
        // Inside the article's container only short lines that are not
        // sentences ("Advertisement", "Share this:"), or a few sentences full
        // of furniture words (a sign-up pitch), count as furniture.
        let furniture_line = if s.content {
            (f.chars < 80 && (f.sentence_ends == 0 || f.furniture.len() >= 2))
                || (f.chars < 200 && f.furniture.len() >= 2)
        } else {
            f.chars < 200 || (f.chars < 600 && f.furniture.len() >= 2)
        };
        // (Two sentences with one furniture word in passing may be prose,
        // "… then log in to the router's page and …": their neighbours
        // decide.)
        // (Not when the word is in a short last sentence, a call to act:
        // "… Click to subscribe!")
        let call = last_sentence(&block.text);
        let passing = !s.content
            && f.furniture.len() == 1
            && f.sentence_ends >= 2
            && f.chars >= 100
            && !(text_len(call) < 40 && call.to_lowercase().contains(f.furniture[0]));
        if furniture_line && passing {
            return Class::Short;
        }
        if furniture_line {
            return Class::Bad(Reason::FurnitureWords(f.furniture.clone()));
        }
    }
    if s.content {
        // The page's structure already vouches for the block.
        return Class::Good;
    }
    if matches!(
        block.kind,
        BlockKind::Code | BlockKind::Table | BlockKind::Figure
    ) {
        return Class::Short;
    }
    if f.chars < t.short {
        return Class::Short;
    }
    let prose = if lang_known {
        f.stop_density
    } else {
        // Unknown language: sentence punctuation stands in for stop words.
        if f.sentence_ends > 0 {
            STOP_HIGH
        } else {
            STOP_LOW
        }
    };
    let class = if prose >= STOP_HIGH {
        if f.chars >= LONG {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if prose >= STOP_LOW {
        Class::NearGood
    } else if f.sentence_ends >= 3 && f.words >= 30 {
        // Sentences with few function words (terse prose, a language that
        // builds its grammar into the words): the neighbours decide.
        Class::NearGood
    } else if f.chars < 300 {
        // Captions, list lines, quotes: their neighbours decide.
        Class::Short
    } else {
        Class::Bad(Reason::NotProse)
    };
    if class == Class::Good && !f.furniture.is_empty() && !s.content {
        return Class::NearGood;
    }
    class
}

/// A text's last sentence (all of it when it has one).
fn last_sentence(text: &str) -> &str {
    let body = text.trim_end().trim_end_matches(crate::util::SENTENCE_ENDS);
    body.rfind(crate::util::SENTENCE_ENDS)
        .and_then(|i| body.get(i..))
        .map_or(body, |s| {
            s.trim_start_matches(crate::util::SENTENCE_ENDS)
                .trim_start()
        })
}

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

/// The article is the main contiguous run: the segment of blocks that
/// maximises good text minus boilerplate (Kadane's algorithm, linear).
fn main_run(classes: &[Class], chars: &[usize], walls: &[bool]) -> (usize, usize) {
    let weight = |i: usize, c: &Class| run_weight(c, chars[i]);
    let (mut best, mut best_range) = (0i64, (0usize, 0usize));
    let (mut run, mut start) = (0i64, 0usize);
    for (i, c) in classes.iter().enumerate() {
        // No run goes on across the head of a counted section ("12 comments").
        if walls[i] {
            run = 0;
        }
        if run <= 0 {
            run = 0;
            start = i;
        }
        run += weight(i, c);
        if run > best {
            best = run;
            best_range = (start, i + 1);
        }
    }
    best_range
}

/// The most a block that is not the article's costs the main run for its
/// length: one long block of something else (a widget's text run together)
/// between two parts of an article must not split it.
const LONG_BAD: i64 = 300;

/// The weight of a block for the main run: good text counts, anything else
/// costs its length (up to [`LONG_BAD`]) plus a fixed price.
fn run_weight(c: &Class, chars: usize) -> i64 {
    let n = chars as i64;
    match c {
        Class::Good => n,
        Class::Skip(_) => 0,
        _ => -(120 + n.min(LONG_BAD)),
    }
}

/// The weight of a block when the article's run grows out of the blocks the
/// page's structure vouches for: what lies between costs less, as the run
/// already holds the article (a box of a few links between two parts of an
/// article does not split it; a long stretch of them does).
fn extension_weight(c: &Class, chars: usize) -> i64 {
    let n = chars as i64;
    match c {
        Class::Good => n,
        Class::Skip(_) => 0,
        _ => -(60 + n / 2),
    }
}

/// The separator that gives a line of a list of records its shape: cells
/// apart by tabs (a table's row copied as text), or a field with a number
/// (a date, a rank, a stage), then a dash or a colon, then the rest
/// ("June 9 – Town, Hall", "Stage 3: May 2 – Town").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Cells(usize),
    Dash,
    Colon,
}

/// The shape of a line of a list of records, if it has one.
fn record_shape(text: &str) -> Option<Shape> {
    let tabs = text.matches('\t').count();
    if tabs > 0 {
        return Some(Shape::Cells(tabs));
    }
    let dash = [" – ", " — ", " -- ", " - "]
        .iter()
        .filter_map(|d| text.find(d))
        .min();
    let colon = text.find(": ");
    let shape = match (dash, colon) {
        (Some(d), Some(c)) if c < d => (c, Shape::Colon),
        (Some(d), _) => (d, Shape::Dash),
        (None, Some(c)) => (c, Shape::Colon),
        (None, None) => return None,
    };
    // A field with a number before the separator: a date, a rank, a stage.
    let field = text.get(..shape.0).unwrap_or_default();
    field.chars().any(char::is_numeric).then_some(shape.1)
}

/// Lines in a list of records: this many in a row, each at most this long.
const RECORD_RUN: usize = 3;
const RECORD_CHARS: usize = 200;

/// Lists of records: lines in a row of one shape (a table's rows, a list of
/// dates and places) are one list, judged as one. Right after the article's
/// text (with at most a line between, the list's own heading) the list goes
/// on with the article; a table's rows as long as a paragraph group are text
/// of their own. Menus are lists too, but of bare names: no shape.
fn records(classes: &mut [Class], chars: &[usize], blocks: &[Block], t: &ClassifyTuning) {
    let doubtful = |c: &Class| matches!(c, Class::Short | Class::NearGood);
    let mut i = 0;
    while i < classes.len() {
        let shape = |i: usize| {
            if chars[i] > RECORD_CHARS || !doubtful(&classes[i]) {
                return None;
            }
            record_shape(&blocks[i].text)
        };
        let Some(s) = shape(i) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < classes.len() && shape(i) == Some(s) {
            i += 1;
        }
        if i - start < RECORD_RUN {
            continue;
        }
        // The article's text just before, or before the list's heading.
        let text = |j: usize| matches!(classes[j], Class::Good | Class::NearGood);
        let after_text = (start >= 1 && text(start - 1))
            || (start >= 2
                && text(start - 2)
                && chars[start - 1] < t.short
                && classes[start - 1] == Class::Short);
        let table = matches!(s, Shape::Cells(_));
        let run_chars: usize = chars[start..i].iter().sum();
        if after_text || table && run_chars >= GROUP_CHARS {
            for c in &mut classes[start..i] {
                *c = Class::Good;
            }
        }
    }
}

/// How many lines (a title, a date, a byline) may stand before the first
/// paragraph of a text pasted without its page.
const CLEAN_START: usize = 3;
/// A line that reads as program code: it ends as statements and blocks end
/// (`;`, `{`, `}`), is a markup tag, or holds an operator prose never uses.
fn code_line(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 200 {
        return false;
    }
    t.ends_with([';', '{', '}'])
        || (t.starts_with('<') && t.ends_with('>'))
        || shell_command(t)
        || config_line(t)
        || ["=>", "==", "!=", "();", "()", "&&", "||", "::"]
            .iter()
            .any(|op| t.contains(op))
}

/// A command typed at a shell's prompt ("$ make install", "$ ./run").
fn shell_command(t: &str) -> bool {
    t.strip_prefix("$ ")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_lowercase() || matches!(c, '.' | '/' | '~'))
}

/// A line of a configuration file: a section head ("[extensions]") or a
/// setting ("publish = false", "evolve =").
fn config_line(t: &str) -> bool {
    let ident = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c))
    };
    if let Some(section) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return ident(section);
    }
    t.split_once(" =")
        .is_some_and(|(key, value)| ident(key) && (value.is_empty() || value.starts_with(' ')))
}

/// A line of HTML markup that leaked into copied text (a `<noscript>`'s
/// tracking pixel): mostly tags, which are no reading.
fn markup(text: &str) -> bool {
    let t = text.trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let (mut inside, mut tagged, mut total) = (false, 0usize, 0usize);
    for c in t.chars() {
        total += 1;
        match c {
            '<' => inside = true,
            '>' => {
                inside = false;
                tagged += 1;
            }
            _ if inside => tagged += 1,
            _ => {}
        }
    }
    tagged * 2 > total
}

/// A lone separator of a menu or a byline ("•", "|"), or an icon (icon
/// fonts draw with private-use characters): unlike other blocks without
/// words, a sign of page furniture.
fn lone_separator(text: &str) -> bool {
    let icon = |c: char| matches!(c, '\u{e000}'..='\u{f8ff}');
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| "•|·/»›".contains(c) || icon(c))
        && chars.all(icon)
}

/// How long a teaser's description is, and how many teasers in a row make a
/// list of them.
const TEASER_MIN: usize = 40;
const TEASER_CHARS: usize = 200;
const TEASER_RUN: usize = 3;

/// A short line of furniture words with a number: the head of a counted
/// section ("12 comments", "[ 167 Kommentare ]").
fn section_count(class: &Class, text: &str) -> bool {
    matches!(class, Class::Bad(why) if counted_section(why, text))
}

/// [`section_count`] for a block already classified, by its reason.
pub(crate) fn counted_section(reason: &Reason, text: &str) -> bool {
    reason.furniture_words()
        && text.chars().count() < 40
        && text.chars().any(|c| c.is_ascii_digit())
}

/// Words that label an advertisement's slot (`data/ad-labels.txt`).
const AD_LABELS: &str = include_str!("data/ad-labels.txt");

/// A short line that labels an advertisement's slot ("Advertisement",
/// "Story continues below advertisement"), without a sentence.
fn ad_label(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > 40 || text.ends_with(crate::util::SENTENCE_ENDS) {
        return false;
    }
    let lower = text.to_lowercase();
    data_lines(AD_LABELS).any(|label| {
        if label.chars().any(crate::util::unspaced) || label.contains(' ') {
            lower.contains(label)
        } else {
            words(&lower).any(|w| w == label)
        }
    })
}

/// Phrases that head a comment form (`data/comment-forms.txt`).
const COMMENT_FORMS: &str = include_str!("data/comment-forms.txt");

/// A short line that heads a comment form ("Leave a reply", "Your email
/// address will not be published"): the article is over.
pub(crate) fn comment_form(text: &str) -> bool {
    if text.len() > 200 || text.chars().count() > 100 {
        return false;
    }
    let lower = text.to_lowercase();
    data_lines(COMMENT_FORMS).any(|phrase| lower.contains(phrase))
}

/// The head of a page's comments that counts them and quotes the article's
/// title ("10 thoughts on “Title”", "3 Antworten auf „Titel“"): a number,
/// a word or two, and a quotation.
fn comment_count(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 400 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(rest) = t.find(|c: char| !c.is_ascii_digit()).map(|i| &t[i..]) else {
        return false;
    };
    // The words between the number and the quotation.
    let Some(open) = rest.find(['“', '„', '"', '«', '「', '‘']) else {
        return false;
    };
    let between = words(&rest[..open]).count();
    rest.starts_with(' ')
        && (1..=4).contains(&between)
        && rest[open..]
            .chars()
            .skip(1)
            .any(|c| matches!(c, '”' | '“' | '"' | '»' | '」' | '’'))
}

/// How many of the article's last lines may be taken as furniture, and how
/// long each may be.
const TAIL_LINES: usize = 3;
const TAIL_CHARS: usize = 200;

/// The article's run of blocks. When the page's structure vouches for some
/// blocks, the run spans them and grows outwards as far as good text
/// outweighs what lies between, but not back past the headline; otherwise
/// it is the main run.
fn article_run(
    classes: &[Class],
    chars: &[usize],
    counted: &[bool],
    walls: &[bool],
    signals: &[Signals],
    title: Option<usize>,
) -> (usize, usize) {
    let vouched = |i: usize| signals.get(i).is_some_and(|s| s.content) && classes[i] == Class::Good;
    let Some(first) = (0..classes.len()).find(|&i| vouched(i)) else {
        return main_run(classes, chars, walls);
    };
    let last = (0..classes.len())
        .rev()
        .find(|&i| vouched(i))
        .unwrap_or(first);
    // The best gain of extending step by step from `from` (exclusive) in one direction.
    let extend = |indices: &mut dyn Iterator<Item = usize>| -> Option<usize> {
        let (mut sum, mut best, mut at) = (0i64, 0i64, None);
        for i in indices {
            sum += extension_weight(&classes[i], chars[i]);
            if sum > best {
                best = sum;
                at = Some(i);
            }
        }
        at
    };
    // Nothing before the headline belongs to the article.
    let floor = title.filter(|&t| t < first).map_or(0, |t| t + 1);
    let start = extend(&mut (floor..first).rev()).unwrap_or(first);
    // A counted section of furniture ("12 comments") ends the article.
    let wall = (last + 1..classes.len())
        .find(|&i| counted[i])
        .unwrap_or(classes.len());
    let end = extend(&mut (last + 1..wall)).map_or(last + 1, |i| i + 1);
    (start, end)
}

/// How long a line that the page repeats may be and still head a part of the
/// article (an interview's recurring question, a recipe's "Ingredients").
const STRUCTURAL_REPEAT: usize = 200;

/// A short line the page repeats, each time right before prose of its own, is
/// part of the article's structure (an interview's recurring question, the
/// same subheading over each part), not boilerplate: it is judged as if it
/// were not repeated.
fn structural_repeats(
    classes: &mut [Class],
    repeats: &[(usize, usize)],
    own: Vec<Class>,
    chars: &[usize],
) {
    let prose_after = |i: usize, classes: &[Class]| {
        matches!(classes.get(i + 1), Some(Class::Good | Class::NearGood))
    };
    // Occurrences of each repeated line, grouped by the first one: (all,
    // before prose). Most must come before prose.
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for &(first, i) in repeats {
        let c = counts
            .entry(first)
            .or_insert((1, usize::from(prose_after(first, classes))));
        c.0 += 1;
        c.1 += usize::from(prose_after(i, classes));
    }
    for (&(first, i), class) in repeats.iter().zip(own) {
        let structural = counts
            .get(&first)
            .is_some_and(|&(all, prose)| prose * 4 >= all * 3);
        if structural && chars[i] < STRUCTURAL_REPEAT {
            classes[i] = class;
        }
    }
}

/// A teaser's line under its headline, and how many of them make a list.
const TAIL_TEASER: std::ops::RangeInclusive<usize> = 60..=230;
const TAIL_TEASERS: usize = 3;
const TAIL_HEADLINE: usize = 110;
/// How much of the article must come before a list of teasers.
const TAIL_TEASER_PROSE: usize = 400;

/// The blocks that are not breaks ([`Class::Skip`]), in order.
fn in_order(classes: &[Class]) -> Vec<usize> {
    (0..classes.len())
        .filter(|&i| !matches!(classes[i], Class::Skip(_)))
        .collect()
}

/// For each place in `order` (and one past its end), whether good text of
/// 100 characters or more follows it: worked out once, so that scans over
/// the page stay linear.
fn long_after(classes: &[Class], chars: &[usize], order: &[usize]) -> Vec<bool> {
    let mut after = vec![false; order.len() + 1];
    for (k, &i) in order.iter().enumerate().rev() {
        after[k] = after[k + 1] || classes[i] == Class::Good && chars[i] >= 100;
    }
    after
}

/// Other stories listed after the article, each a headline with one short
/// paragraph under it, and nothing longer after them: when the article's
/// text ends in three or more such pairs, they are teasers, not its end.
fn tail_teasers(classes: &mut [Class], blocks: &[Block], chars: &[usize]) {
    let order = in_order(classes);
    let pair = |k: usize| {
        let (h, t) = (order[k], order[k + 1]);
        classes[h] == Class::Good
            && classes[t] == Class::Good
            && crate::text::headline_like(&blocks[h].text)
            && chars[h] <= TAIL_HEADLINE
            && TAIL_TEASER.contains(&chars[t])
            && !crate::text::headline_like(&blocks[t].text)
    };
    // (Good text before each place, and whether longer text follows it:
    // worked out once, so the scan stays linear.)
    let good = |i: usize| {
        if classes[i] == Class::Good {
            chars[i]
        } else {
            0
        }
    };
    let mut before = vec![0usize; order.len() + 1];
    for (k, &i) in order.iter().enumerate() {
        before[k + 1] = before[k] + good(i);
    }
    let long_after = long_after(classes, chars, &order);
    let mut k = 0;
    while k + 1 < order.len() {
        let mut end = k;
        while end + 1 < order.len() && pair(end) {
            end += 2;
        }
        let pairs = (end - k) / 2;
        if pairs >= TAIL_TEASERS && !long_after[end] && before[k] >= TAIL_TEASER_PROSE {
            for &i in &order[k..end] {
                classes[i] = Class::Bad(Reason::TailTeasers);
            }
            return;
        }
        k = if pairs > 0 { end } else { k + 1 };
    }
}

/// How many items make a list that is judged as one.
const LIST_ITEMS: usize = 3;

/// A list the text marks as one (lines opened by the same bullet, or
/// numbered) is judged as one: when the article keeps at least half of its
/// items, it keeps the others that only their place dropped.
fn whole_lists(classes: &mut [Class], blocks: &[Block]) {
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
        while i < blocks.len()
            && (marker(&blocks[i]) == Some(m) || matches!(classes[i], Class::Skip(_)))
        {
            i += 1;
        }
        let items: Vec<usize> = (start..i)
            .filter(|&j| blocks[j].kind == BlockKind::ListItem)
            .collect();
        let kept = items.iter().filter(|&&j| classes[j] == Class::Good).count();
        if items.len() >= LIST_ITEMS && kept * 2 >= items.len() {
            for j in items {
                if dropped_for_place(&classes[j]) {
                    classes[j] = Class::Good;
                }
            }
        }
    }
}

/// How many headlines under a heading of furniture make a list of links.
const LINK_HEADLINES: usize = 3;

/// A short line of furniture words ("Related articles", "Read more")
/// heading three or more headlines (lines without a sentence's end): the
/// headlines are links to other pages.
fn furniture_headed_lists(
    classes: &mut [Class],
    own: &[Class],
    blocks: &[Block],
    furniture: &[Vec<&'static str>],
    chars: &[usize],
    signals: &[Signals],
) {
    // (Not inside a container the page's structure marks as the article.)
    let headline = |j: usize| {
        classes[j] == Class::Good
            && !signals.get(j).is_some_and(|s| s.content)
            && crate::text::headline_like(&blocks[j].text)
            && !blocks[j]
                .text
                .trim_end()
                .ends_with(crate::util::SENTENCE_ENDS)
    };
    let mut links = Vec::new();
    let mut tail = Vec::new();
    let mut scanned = 0;
    for i in 0..blocks.len() {
        if furniture[i].is_empty() || chars[i] >= 40 || classes[i] == Class::Good {
            continue;
        }
        // The headlines under it, past breaks, up to the first other line.
        let mut heads = Vec::new();
        for (j, class) in classes.iter().enumerate().skip(i + 1) {
            if headline(j) {
                heads.push(j);
            } else if !matches!(class, Class::Skip(_)) {
                break;
            }
        }
        if heads.len() < LINK_HEADLINES {
            continue;
        }
        // What the article keeps after the list, when none of it is good on
        // its own, is the rest of the sidebar the list opened.
        let mut rest = Vec::new();
        let mut j = heads[heads.len() - 1] + 1;
        // (Each stretch is looked at once, so the scan stays linear.)
        if j <= scanned {
            links.extend(heads);
            continue;
        }
        while j < classes.len() && !matches!(classes[j], Class::Bad(_)) && own[j] != Class::Good {
            rest.push(j);
            j += 1;
        }
        scanned = j;
        if j == classes.len() || matches!(classes[j], Class::Bad(_)) {
            tail.extend(rest);
        }
        links.extend(heads);
    }
    for j in links {
        classes[j] = Class::Bad(Reason::FurnitureHeadedLinks);
    }
    for j in tail {
        if !matches!(classes[j], Class::Skip(_)) {
            classes[j] = Class::Bad(Reason::AfterFurnitureLinks);
        }
    }
}

/// How many items, numbered in order, make a list the article goes on into.
const NUMBERED_ITEMS: usize = 5;

/// Whether a class was given for where the block stands, not for what it is.
fn dropped_for_place(c: &Class) -> bool {
    matches!(c, Class::Bad(why) if why.for_place())
}

/// A list numbered in order from 1 ("1) …", "2. …"), at most one line
/// between its items (a link, a price), that starts right after the
/// article's text is the article's: a listicle's items are short lines that
/// their place alone would drop.
fn numbered_list(classes: &mut [Class], blocks: &[Block]) {
    let number = |i: usize| -> Option<usize> {
        let b = blocks.get(i).filter(|b| b.kind == BlockKind::ListItem)?;
        let digits = b.text.len()
            - b.text
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        b.text.get(..digits)?.parse().ok()
    };
    let mut i = 0;
    while i < blocks.len() {
        if number(i) != Some(1) {
            i += 1;
            continue;
        }
        let after_text = (0..i)
            .rev()
            .find(|&j| !matches!(classes[j], Class::Skip(_)))
            .is_some_and(|p| classes[p] == Class::Good);
        let mut items = vec![i];
        while let Some(next) = [1, 2]
            .iter()
            .map(|d| items[items.len() - 1] + d)
            .find(|&j| number(j) == Some(items.len() + 1))
        {
            items.push(next);
        }
        if after_text && items.len() >= NUMBERED_ITEMS {
            // The items, and the lines between them (each item's link);
            // when every item has such a line, the last one's too.
            let mut end = items[items.len() - 1];
            if items.windows(2).all(|w| w[1] == w[0] + 2) && end + 1 < blocks.len() {
                end += 1;
            }
            for c in &mut classes[items[0]..=end] {
                if dropped_for_place(c) || c.dropped_as(&Reason::Addresses) {
                    *c = Class::Good;
                }
            }
        }
        i = items[items.len() - 1] + 1;
    }
}

/// How many address lines in a row the article may hold.
const ARTICLE_ADDRESSES: usize = 2;

/// Web addresses standing alone between the article's paragraphs (a
/// source, a link the author spells out) are the article's, unless they
/// come with furniture words ("Follow us: …").
fn addresses_in_article(classes: &mut [Class], furniture: &[Vec<&'static str>]) {
    let address =
        |c: &[Class], j: usize| c[j].dropped_as(&Reason::Addresses) && furniture[j].is_empty();
    let mut i = 0;
    while i < classes.len() {
        if !address(classes, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut lines = 0;
        while i < classes.len() && (address(classes, i) || matches!(classes[i], Class::Skip(_))) {
            lines += usize::from(address(classes, i));
            i += 1;
        }
        let before = (0..start)
            .rev()
            .find(|&j| !matches!(classes[j], Class::Skip(_)))
            .is_some_and(|j| classes[j].kept());
        if before && lines <= ARTICLE_ADDRESSES && i < classes.len() && classes[i].kept() {
            for c in &mut classes[start..i] {
                if c.dropped_as(&Reason::Addresses) {
                    *c = Class::Good;
                }
            }
        }
    }
}

/// Words that open an author's box (`data/about-words.txt`).
const ABOUT_WORDS: &str = include_str!("data/about-words.txt");

/// The name in a head of an author's box: "About Jo Smith" → "Jo Smith"
/// (two to four words, each with a capital).
fn about_name(text: &str) -> Option<&str> {
    let text = text.trim();
    if text.chars().count() > 60 {
        return None;
    }
    let name = data_lines(ABOUT_WORDS).find_map(|w| {
        let head = text.get(..w.len())?;
        let rest = text.get(w.len()..)?;
        (head.to_lowercase() == w && rest.starts_with(' ')).then(|| rest.trim())
    })?;
    let words: Vec<&str> = name.split_whitespace().collect();
    ((2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
    .then_some(name)
}

/// An author's box after the article: a head "About Jo Smith" and the
/// paragraph under it that names the person, with no longer text after.
fn author_box(classes: &mut [Class], blocks: &[Block], chars: &[usize]) {
    let order = in_order(classes);
    let long_after = long_after(classes, chars, &order);
    let mut prose_before = false;
    for k in 0..order.len().saturating_sub(1) {
        let (h, p) = (order[k], order[k + 1]);
        if classes[h].kept() && chars[h] >= 100 {
            prose_before = true;
        }
        let Some(name) = about_name(&blocks[h].text) else {
            continue;
        };
        let nothing_after = !long_after[k + 2];
        if prose_before
            && classes[p].kept()
            && chars[p] >= 100
            && blocks[p].text.contains(name)
            && nothing_after
        {
            classes[h] = Class::Bad(Reason::AuthorBoxHead);
            classes[p] = Class::Bad(Reason::AuthorBox);
            return;
        }
    }
}

/// Classifies the blocks in place: sets `kept` and `reason` on each.
pub(crate) fn classify(blocks: &mut [Block], signals: &[Signals], page: &Context) {
    let lang_known = page.lang.is_some_and(|l| l.has_stop_words());
    let mut seen_keys: HashMap<String, usize> = HashMap::new();
    // Repeats of an earlier block (first, repeat), with their own classes.
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut own: Vec<Class> = Vec::new();
    let mut classes: Vec<Class> = Vec::with_capacity(blocks.len());
    let mut chars: Vec<usize> = Vec::with_capacity(blocks.len());
    let mut furniture: Vec<Vec<&'static str>> = Vec::with_capacity(blocks.len());
    // Date lines that introduce a post ("Sam on May 2, 2024 at 4:47 pm said:").
    let mut signatures: Vec<bool> = Vec::with_capacity(blocks.len());
    let neutral = Signals::default();
    for (i, block) in blocks.iter().enumerate() {
        let s = signals.get(i).unwrap_or(&neutral);
        let f = features(&block.text, page.lang);
        chars.push(f.chars);
        let key = norm_key(prefix(&block.text, 4000));
        let class = if block.kind == BlockKind::Title {
            Class::Bad(block.reason.clone().unwrap_or(Reason::Headline))
        } else if !key.is_empty() && page.seen.is_some_and(|seen| seen(&key)) {
            Class::Bad(Reason::RepeatedAcrossPages)
        } else if let Some(&first) = seen_keys.get(&key).filter(|_| {
            f.chars >= 20
                && !(s.content && block.kind == BlockKind::Paragraph && f.chars >= REPEATED_PROSE)
                // Tables repeat their header rows (a row copied as text has
                // its cells apart by tabs).
                && block.text.matches('\t').count() < 2
        }) {
            repeats.push((first, i));
            own.push(initial(block, &f, s, lang_known, page.tuning));
            Class::Bad(Reason::Repeated(first + 1))
        } else {
            initial(block, &f, s, lang_known, page.tuning)
        };
        seen_keys.entry(key).or_insert(i);
        classes.push(class);
        signatures.push(f.date_line && block.text.trim_end().ends_with(':'));
        furniture.push(f.furniture);
    }
    structural_repeats(&mut classes, &repeats, own, &chars);

    // A page whose prose comes only in short paragraphs has no block that is
    // good on its own: its longest doubtful blocks anchor the article instead.
    let good_chars: usize = (0..classes.len())
        .filter(|&i| classes[i] == Class::Good)
        .map(|i| chars[i])
        .sum();
    if good_chars < 400 {
        for (i, c) in classes.iter_mut().enumerate() {
            if *c == Class::NearGood && chars[i] >= 100 {
                *c = Class::Good;
            }
        }
    }

    records(&mut classes, &chars, blocks, page.tuning);

    // Context: short blocks take the class of their neighbours.
    let revised: Vec<Class> = (0..classes.len())
        .map(|i| match classes[i] {
            Class::Short => {
                let prev = neighbour(&classes, i, -1, true);
                let next = neighbour(&classes, i, 1, true);
                if prev && next {
                    Class::Good
                } else if !prev && !next {
                    Class::Bad(Reason::ShortAmongBoilerplate)
                } else if neighbour(&classes, i, -1, false) && neighbour(&classes, i, 1, false) {
                    Class::Good
                } else {
                    Class::Bad(Reason::ShortAtEdge)
                }
            }
            ref c => c.clone(),
        })
        .collect();
    // Doubtful blocks that come in numbers vouch for each other: articles
    // written in short paragraphs have no long block to lean on.
    let mut revised = revised;
    let mut i = 0;
    while i < revised.len() {
        let is_member = |c: &Class| {
            matches!(c, Class::NearGood)
                || matches!(c, Class::Skip(_))
                || matches!(c, Class::Bad(why) if why.short())
        };
        if !is_member(&revised[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < revised.len() && is_member(&revised[i]) {
            i += 1;
        }
        let doubtful: Vec<usize> = (start..i)
            .filter(|&j| revised[j] == Class::NearGood)
            .collect();
        let doubtful_chars: usize = doubtful.iter().map(|&j| chars[j]).sum();
        if doubtful.len() >= GROUP_BLOCKS && doubtful_chars >= GROUP_CHARS {
            for j in doubtful {
                revised[j] = Class::Good;
            }
        }
    }
    let mut final_classes: Vec<Class> = (0..revised.len())
        .map(|i| match revised[i] {
            Class::NearGood => {
                if !neighbour(&revised, i, -1, true) && !neighbour(&revised, i, 1, true) {
                    Class::Bad(Reason::Doubtful)
                } else {
                    Class::Good
                }
            }
            ref c => c.clone(),
        })
        .collect();

    // Blocks inside a container the page's structure marks as the article
    // need no run to vouch for them.
    let title = blocks.iter().position(|b| b.kind == BlockKind::Title);
    // The head of the page's one counted section ("12 comments") ends the
    // article; a page with several (a front page of stories, each with its
    // count of comments) has no such wall.
    // Grown from vouched blocks, the article ends at the first counted
    // section after them, however many the page has.
    let counted: Vec<bool> = blocks
        .iter()
        .zip(&final_classes)
        .map(|(b, c)| section_count(c, &b.text))
        .collect();
    let mut walls = counted.clone();
    if walls.iter().filter(|&&w| w).count() > 1 {
        walls.iter_mut().for_each(|w| *w = false);
    }
    // The head of a comment form ends the article, however many there are,
    // and so does the first of several comments' signatures: what follows
    // is never the article when text before them is.
    let mut counted = counted;
    let mut comments = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        if comment_form(&b.text) || comment_count(&b.text) {
            walls[i] = true;
            counted[i] = true;
            comments = comments.min(i);
        }
    }
    if signatures.iter().filter(|&&s| s).count() >= 2 {
        if let Some(first) = signatures.iter().position(|&s| s) {
            walls[first] = true;
            counted[first] = true;
            comments = comments.min(first);
        }
    }
    // A short block has no weight of its own in the run: its class is its
    // neighbours' (a sidebar of many short links kept between two teasers
    // must not outweigh the article's prose).
    let run_chars: Vec<usize> = (0..chars.len())
        .map(|i| {
            if classes[i] == Class::Short {
                0
            } else {
                chars[i]
            }
        })
        .collect();
    let mut best_range = article_run(&final_classes, &run_chars, &counted, &walls, signals, title);
    if best_range.0 > comments {
        // Before the comments, doubtful prose is the article's when nothing
        // better is there.
        if !final_classes[..comments].contains(&Class::Good) {
            for i in 0..comments {
                if final_classes[i].dropped_as(&Reason::Doubtful) && chars[i] >= 100 {
                    final_classes[i] = Class::Good;
                }
            }
        }
        let before = article_run(
            &final_classes[..comments],
            &run_chars[..comments],
            &counted[..comments],
            &walls[..comments],
            signals.get(..comments).unwrap_or(signals),
            title.filter(|&t| t < comments),
        );
        if before.1 > before.0 {
            best_range = before;
        }
    }
    for (i, c) in final_classes.iter_mut().enumerate() {
        let vouched = signals.get(i).is_some_and(|s| s.content);
        if *c == Class::Good && !vouched && !(best_range.0..best_range.1).contains(&i) {
            *c = Class::Bad(Reason::OutsideArticle);
        }
    }
    // Inside the article's run, doubtful text that reads as whole sentences
    // is the article's, whatever stands beside it (an advertisement's label,
    // a repeated line).
    for i in best_range.0..best_range.1 {
        if final_classes[i].dropped_as(&Reason::Doubtful)
            && blocks[i]
                .text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '»', '“', '。', '…'])
        {
            final_classes[i] = Class::Good;
        }
    }

    // Whole sentences right after the article's last block, with nothing
    // between, are its last lines (short news items end that way).
    let sentence = |i: usize, classes: &[Class]| {
        classes[i].dropped_as(&Reason::ShortAtEdge)
            && furniture[i].is_empty()
            && words(&blocks[i].text).count() >= 8
            && blocks[i]
                .text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '。'])
    };
    if let Some(last) = (0..final_classes.len())
        .rev()
        .find(|&i| final_classes[i] == Class::Good)
    {
        let mut i = last + 1;
        while i < final_classes.len() && sentence(i, &final_classes) {
            final_classes[i] = Class::Good;
            i += 1;
        }
    }

    // Code between the article's blocks is the article's.
    if let (Some(first), Some(last)) = (
        (best_range.0..best_range.1).find(|&i| final_classes[i] == Class::Good),
        (best_range.0..best_range.1)
            .rev()
            .find(|&i| final_classes[i] == Class::Good),
    ) {
        for c in &mut final_classes[first..last] {
            if *c == Class::Skip(Reason::CodeLine) {
                *c = Class::Good;
            }
        }
    }

    // Nothing at all reads as article prose: rather than an empty result,
    // take the main run of the blocks that are merely doubtful.
    if !final_classes.contains(&Class::Good) {
        for (i, c) in final_classes.iter_mut().enumerate() {
            if chars[i] >= 50
                && (matches!(classes[i], Class::NearGood | Class::Good | Class::Short)
                    || c.dropped_as(&Reason::NotProse))
            {
                *c = Class::Good;
            }
        }
        let (start, end) = main_run(&final_classes, &chars, &walls);
        for (i, c) in final_classes.iter_mut().enumerate() {
            if *c == Class::Good && !(start..end).contains(&i) {
                *c = Class::Bad(Reason::OutsideArticle);
            }
        }
    }

    // A text without any page furniture (no menu, no share bar, no site
    // vocabulary, no copyright, no repeated lines) is already the article:
    // what context alone dropped from it comes back. (Only in a language
    // whose furniture words are known: elsewhere their absence says
    // nothing.)
    // (Anything dropped for what it is, not for where it stands, is
    // furniture, except the article's own title, date and byline.)
    let chrome = classes
        .iter()
        .filter(|c| match c {
            Class::Bad(why) => {
                !(why.short()
                    || *why == Reason::NotProse
                    || why.article_meta()
                    || matches!(why, Reason::Repeated(_)))
            }
            _ => false,
        })
        .count();
    // (And it starts with its article: a page's copy starts with a menu.)
    let starts_with_text = final_classes
        .iter()
        .position(|c| *c == Class::Good)
        .is_some_and(|first| first <= CLEAN_START);
    if chrome == 0 && page.lang.is_some() && starts_with_text {
        for c in final_classes.iter_mut() {
            if dropped_for_place(c)
                || matches!(c, Class::Bad(Reason::NotProse | Reason::Repeated(_)))
            {
                *c = Class::Good;
            }
        }
    }

    // Teaser cards: a short line between two lines of links (a card's
    // description between its headline and the next card's) is the card's.
    let snapshot = final_classes.clone();
    let links = |j: Option<usize>| j.is_some_and(|j| snapshot[j].dropped_as(&Reason::MostlyLinks));
    let text_block = |j: &usize| blocks[*j].kind != BlockKind::Figure;
    // Descriptions between links, in runs: (first, last, count).
    let mut run: Option<(usize, usize, usize)> = None;
    let mut teasers: Vec<(usize, usize, usize)> = Vec::new();
    for i in 0..final_classes.len() {
        if snapshot[i] != Class::Good || blocks[i].kind != BlockKind::Paragraph {
            continue;
        }
        let prev = (0..i).rev().find(text_block);
        let next = (i + 1..blocks.len()).find(text_block);
        // (The last card's description has no headline after it.)
        let ends = next.is_none_or(|j| links(Some(j)) || snapshot[j] != Class::Good);
        if (TEASER_MIN..TEASER_CHARS).contains(&chars[i]) && links(prev) && ends {
            // The same run when only the previous card's headline lies between.
            run = match run {
                Some((first, last, n))
                    if prev.and_then(|p| (0..p).rev().find(text_block)) == Some(last) =>
                {
                    Some((first, i, n + 1))
                }
                other => {
                    teasers.extend(other);
                    Some((i, i, 1))
                }
            };
        }
    }
    teasers.extend(run);
    for (first, last, n) in teasers {
        if n < TEASER_RUN {
            continue;
        }
        for i in first..=last {
            if snapshot[i] == Class::Good
                && blocks[i].kind == BlockKind::Paragraph
                && chars[i] < TEASER_CHARS
            {
                final_classes[i] = Class::Bad(Reason::Teaser);
            }
        }
        // The list's own heading, just before its first card's headline.
        let heading = (0..first)
            .rev()
            .filter(text_block)
            .nth(1)
            .filter(|&h| blocks[h].kind == BlockKind::Heading && snapshot[h] == Class::Good);
        if let Some(h) = heading {
            final_classes[h] = Class::Bad(Reason::TeaserHeading);
        }
    }

    whole_lists(&mut final_classes, blocks);
    numbered_list(&mut final_classes, blocks);
    furniture_headed_lists(
        &mut final_classes,
        &classes,
        blocks,
        &furniture,
        &chars,
        signals,
    );
    tail_teasers(&mut final_classes, blocks, &chars);
    author_box(&mut final_classes, blocks, &chars);
    addresses_in_article(&mut final_classes, &furniture);

    // The article's last lines: short ones with furniture words there are a
    // call to action (subscribe, share, join, follow), not the article's end.
    let mut tail = 0;
    for i in (0..final_classes.len()).rev() {
        if final_classes[i] != Class::Good {
            continue;
        }
        if tail == TAIL_LINES || furniture[i].is_empty() || chars[i] >= TAIL_CHARS {
            break;
        }
        final_classes[i] = Class::Bad(Reason::FurnitureAtEnd(furniture[i].clone()));
        tail += 1;
    }

    for (i, block) in blocks.iter_mut().enumerate() {
        match &final_classes[i] {
            Class::Bad(why) | Class::Skip(why) => block.drop_for(why.clone()),
            _ => {
                block.kept = true;
                block.reason = match &classes[i] {
                    Class::Short => Some(Reason::KeptShort),
                    Class::NearGood => Some(Reason::KeptDoubtful),
                    Class::Bad(why) => Some(Reason::KeptDespite(Box::new(why.clone()))),
                    _ => None,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_of_comments() {
        assert!(comment_count(
            "10 thoughts on “Business focus: why it matters”"
        ));
        assert!(comment_count("3 Antworten auf „Wie man Brot backt“"));
        assert!(comment_count("2 Responses to \"Counting words\""));
        // A number in a sentence that quotes someone is not one.
        assert!(!comment_count(
            "12 people were hurt, and the mayor said the city would “do what it takes” to help them."
        ));
        assert!(!comment_count("2024: the year in “review”"));
        assert!(comment_form("Leave a Reply"));
        assert!(comment_form("Deixe um comentário"));
        assert!(!comment_form("We reply to every letter within a week."));
    }

    #[test]
    fn author_box_heads() {
        assert_eq!(about_name("About Jo Smith"), Some("Jo Smith"));
        assert_eq!(about_name("Über Moritz Keller"), Some("Moritz Keller"));
        assert_eq!(about_name("À propos de Marie Dubois"), Some("Marie Dubois"));
        // Not a site's own page, nor a sentence, nor one word.
        assert_eq!(about_name("About us"), None);
        assert_eq!(about_name("About Us"), None);
        assert_eq!(about_name("About the new tax rules for small firms"), None);
    }

    #[test]
    fn ad_labels() {
        for line in [
            "Advertisement",
            "- Anzeige -",
            "Story continues below advertisement",
            "Реклама",
            "広告",
        ] {
            assert!(ad_label(line), "{line}");
        }
        // Not a sentence, nor a longer line, nor a word that only starts alike.
        assert!(!ad_label("Advertising pays for this site."));
        assert!(!ad_label(
            "Advertisers and the price of attention in the age of feeds"
        ));
        assert!(!ad_label("Advertise with us"));
        assert_eq!(last_sentence("One. Two three!"), "Two three");
    }

    #[test]
    fn times_ago() {
        for line in [
            "2 hours ago",
            "vor 3 Stunden",
            "před 2 hodinami",
            "2 saat önce",
            "πριν 2 ώρες",
            "3 timer siden",
            "5 минут назад",
            "3時間前",
            "2시간 전",
        ] {
            assert!(relative_time(line), "{line}");
        }
        for line in [
            "2 hours of talks",
            "Before 2020",
            "The 3 days before the vote began",
        ] {
            assert!(!relative_time(line), "{line}");
        }
        // Shell commands and configuration are code; prose is not.
        assert!(code_line("$ make install"));
        assert!(code_line("[extensions]"));
        assert!(code_line("publish = false"));
        assert!(!code_line("$5 million was raised = a record"));
        assert!(!code_line("[Updated at noon]"));
    }

    #[test]
    fn lines_that_are_not_prose() {
        assert!(code_line("counts.set(word, (counts.get(word) ?? 0) + 1);"));
        assert!(code_line("}"));
        assert!(code_line("<script src=\"app.js\"></script>"));
        assert!(!code_line(
            "The council met on Monday (as it does every week)."
        ));
        assert!(markup("<div style=\"position:absolute\"><img width=1 height=1 src=\"https://x.example/p.gif\"></div>"));
        assert!(!markup(
            "<The Palace> opened in May, and tickets sold out within a week of the first night."
        ));
        assert!(lone_separator("•"));
        assert!(lone_separator("\u{e001}"));
        assert!(!lone_separator("___"));
    }

    #[test]
    fn sentence_ends_of_other_scripts() {
        let ends = |text: &str| features(text, None).sentence_ends;
        assert_eq!(ends("Was it? Yes. No!"), 3);
        assert_eq!(ends("هل انتهى الاجتماع؟ نعم."), 2);
        assert_eq!(ends("اجلاس ختم ہو گیا۔ سب چلے گئے۔"), 2);
        assert_eq!(ends("बैठक खत्म हुई। सब चले गए।"), 2);
    }

    #[test]
    fn shapes_of_records() {
        assert_eq!(record_shape("1\tTeam\t30"), Some(Shape::Cells(2)));
        assert_eq!(
            record_shape("June 9 – Town Hall, Lakeside"),
            Some(Shape::Dash)
        );
        assert_eq!(record_shape("Stage 3: May 2 – Ridge"), Some(Shape::Colon));
        // No number before the separator: a label, not a record.
        assert_eq!(record_shape("Tag: gardening"), None);
        assert_eq!(record_shape("Opinion – Why we walk"), None);
        // A menu's bare names have no shape.
        assert_eq!(record_shape("Contact"), None);
    }
}
