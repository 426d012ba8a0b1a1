//! The metadata model shared by HTML and plain text, and the parsers of
//! metadata written in the text itself: datelines, bylines and dates.

use serde::Serialize;

use crate::util::words;

/// What a page says about itself, whatever its kind: the metadata model
/// both front ends fill (copied text fills less of it).
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub canonical_url: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
    /// The document's `<base href>`.
    pub base: Option<String>,
    /// Whether the byline is one the page declares (JSON-LD, meta tags)
    /// rather than one found in its text.
    pub byline_declared: bool,
}

/// What the article's own blocks say about it, once they are classified:
/// a dateline, and for copied text the byline and date of its head.
#[derive(Debug, Default)]
pub(crate) struct InBlocks {
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub dateline: Option<Dateline>,
}

/// The dateline that opens a news article: `BERLIN / PARIS (AGENCY) – …`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The places, in order.
    pub places: Vec<String>,
    /// The news agency or publisher in parentheses, if any.
    pub agency: Option<String>,
}

const DASHES: &[&str] = &[" – ", " — ", " - ", " -- ", "—", " –", " —"];

/// Parses a dateline at the start of a paragraph.
pub(crate) fn parse_dateline(text: &str) -> Option<Dateline> {
    let head = crate::util::prefix(text, 240);
    let dash = DASHES.iter().filter_map(|d| head.find(d)).min()?;
    let mut lead = head[..dash].trim();
    let mut agency = None;
    if let Some(open) = lead.strip_suffix(')').and_then(|l| l.rfind('(')) {
        let inner = lead[open + 1..lead.len() - 1].trim();
        let n = words(inner).count();
        if n == 0 || n > 5 || inner.chars().count() > 40 {
            return None;
        }
        agency = Some(inner.to_string());
        lead = lead[..open].trim();
    }
    let mut places = Vec::new();
    for (i, part) in lead.split(['/', ',']).map(str::trim).enumerate() {
        if is_place(part, agency.is_some()) {
            places.push(part.to_string());
        } else if i > 0 && agency.is_some() && part.chars().any(|c| c.is_ascii_digit()) {
            // "PARIS, 3 March (AGENCY) –": a date after the place.
            continue;
        } else {
            return None;
        }
    }
    if places.is_empty() {
        return None;
    }
    Some(Dateline { places, agency })
}

/// A place of a dateline: one to four capitalised words; all in capitals
/// unless an agency follows.
fn is_place(part: &str, lenient: bool) -> bool {
    let ws: Vec<&str> = part.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 4 {
        return false;
    }
    ws.iter().all(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let Some(first) = letters.first() else {
            return false;
        };
        if !first.is_uppercase() || w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        lenient || (letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase()))
    })
}

/// The words that open a byline ("By Jane Doe", "Von Max Muster"), lower case.
const PREFIXES: &[&str] = &[
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "autor: ",
    "author: ",
    "autor ",
    "text: ",
    "written by ",
    "posted by ",
    "published by ",
    "publicado por ",
    "publié par ",
    "pubblicato da ",
    "geplaatst door ",
    "auteur : ",
    "auteur: ",
];

/// Finds a byline ("By Jane Doe", "Von Max Muster", "Autor: …") in a short line.
pub(crate) fn parse_byline(line: &str) -> Option<String> {
    let line = line.trim();
    // Most lines begin with a letter no prefix begins with: they need no
    // lower case, nor counting. (Beyond ASCII, the lower case of a
    // character is looked up: the Kelvin sign's is an ASCII k.)
    let first = line.chars().next()?;
    if first.is_ascii()
        && !PREFIXES
            .iter()
            .any(|p| p.starts_with(first.to_ascii_lowercase()))
    {
        return None;
    }
    // (Nor two ASCII letters no prefix begins with: every prefix, as a
    // label too, has two bytes before its space or colon.)
    if let [a, b, ..] = *line.as_bytes() {
        let head = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
        if a.is_ascii()
            && b.is_ascii()
            && !PREFIXES
                .iter()
                .any(|p| p.as_bytes().get(..2) == Some(&head[..]))
        {
            return None;
        }
    }
    // (Too long: counted only when the bytes leave it open.)
    if crate::util::more_chars_than(line, crate::tuning::CueTuning::DEFAULT.byline_line_chars) {
        return None;
    }
    // (A no-break space or a run of spaces after "By" is one space.)
    let spaced = (line.contains(['\u{a0}', '\u{202f}', '\t']) || line.contains("  "))
        .then(|| crate::util::norm_space(line));
    let line = spaced.as_deref().unwrap_or(line);
    let lower = crate::lower::to_lower(line);
    // A prefix as a label too: "By: Jo Writer".
    let labelled = |p: &str| {
        let word = p.trim_end();
        (word.len() < p.len()
            && lower.starts_with(word)
            && lower.get(word.len()..)?.starts_with(": "))
        .then_some(word.len() + 2)
    };
    let rest = PREFIXES
        .iter()
        .find_map(|p| {
            lower
                .starts_with(*p)
                .then_some(p.len())
                .or_else(|| labelled(p))
        })
        .and_then(|n| line.get(n..))?;
    // Cut at a separator that starts a date or a role.
    let name = rest
        .split(|c: char| FIELD_MARKS.contains(&c) || matches!(c, '\u{2013}' | '\u{2014}' | ','))
        .next()?
        .trim();
    let name = cut_at_when(name);
    let ws: Vec<&str> = name.split_whitespace().collect();
    let capitalised = ws
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if (2..=8).contains(&ws.len()) && capitalised * 2 > ws.len() {
        Some(name.to_string())
    } else {
        None
    }
}

/// A byline's names without what follows them on the line: a date ("Jo
/// Writer March 3, 2024"), a time, a handle ("Jo Writer @jowriter", "Jo
/// Writer@jowriter"), an update ("Jo Writer Updated …"), and the small
/// words before those ("on", "am").
fn cut_at_when(name: &str) -> &str {
    let tokens: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - name.as_ptr() as usize, t))
        .collect();
    let mut end = name.len();
    for (i, &(at, t)) in tokens.iter().enumerate() {
        let next_digit = tokens
            .get(i + 1)
            .is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit()));
        const AFTER: &[&str] = &[
            "Updated",
            "Published",
            "Posted",
            "Follow",
            "Aktualisiert",
            "Actualizado",
            "Mis",
        ];
        if t.starts_with('@')
            || t.contains(|c: char| c.is_ascii_digit())
            || is_month(t) && next_digit
            || AFTER.contains(&t)
        {
            end = at;
            break;
        }
        if let Some(h) = t.find('@') {
            end = at + h;
            break;
        }
    }
    let mut name = name[..end].trim_end();
    // (The small words that led to the date: "on", "le", "am".)
    while let Some((head, last)) = name.rsplit_once(char::is_whitespace) {
        if last.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        name = head.trim_end();
    }
    name
}

/// Words that label a date as the page's publication ("Published: …",
/// "Posted on …"), in the supported languages, lower case.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "publié",
    "publicado",
    "pubblicato",
    "veröffentlicht",
    "gepubliceerd",
];

/// Whether a text opens with a word that labels a date as the page's
/// publication ("Posted on April 3, 2023").
pub(crate) fn labels_publication(text: &str) -> bool {
    // (Only as many characters as the longest label are put in lower
    // case: this is asked of every short text of a page without a date.)
    let head: String = text.trim_start().chars().take(LABEL_CHARS_MAX).collect();
    let lower = crate::lower::to_lower(&head);
    PUBLISHED_LABELS.iter().any(|l| lower.starts_with(l))
}

/// Characters of the longest of [`PUBLISHED_LABELS`] (checked by a test).
const LABEL_CHARS_MAX: usize = 14;

/// Whether a byline names someone: a byline that holds a date but no word
/// of a name ("August 28, 2025 • 5 min read", "Sat, 20 Dec, 2025 - 06:36")
/// is a date line taken for one.
///
/// A byline that ends with its label ("Mar 14 Written By") names no one
/// either: the name was a link without text. And with a date, a byline
/// names someone only with two name words together ("May 4, 2024 |
/// Garden & Home" is a date and a category).
pub(crate) fn names_someone(byline: &str) -> bool {
    !ends_with_prefix(byline)
        && (find_date(byline).is_none()
            || has_name_run(byline)
            || byline.split(FIELD_MARKS).any(is_name_field)
            || named_after_prefix(byline))
}

/// Whether a byline's opening words ("by", "von") stand before a word
/// that is no date: a name, or a handle ("Posted by jowriter, 5 Mar 2024").
fn named_after_prefix(text: &str) -> bool {
    let lower = crate::lower::to_lower(text);
    let mut words = lower.split_whitespace();
    while let Some(w) = words.next() {
        if by_words().any(|p| p == w) {
            return words
                .next()
                .is_some_and(|n| !n.starts_with(|c: char| c.is_ascii_digit()) && !is_month(n));
        }
    }
    false
}

/// The one-word openings of a byline ("by", "von"), not its labels
/// ("Autor:"), which are words like any other without their colon.
fn by_words() -> impl Iterator<Item = &'static str> {
    PREFIXES
        .iter()
        .filter(|p| {
            !p.contains(':') && !p.starts_with("aut") && p.trim_end().split(' ').count() == 1
        })
        .map(|p| p.trim_end())
}

/// Whether a byline's field, between its separators, is a name and
/// nothing else ("Amanda" in "Amanda | March 3, 2024").
fn is_name_field(field: &str) -> bool {
    let mut words = field.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| name_word(w) || NAME_JOINS.contains(&w))
}

/// Whether a line is a byline's opening words alone, its name on the
/// next line ("By", "Written by", "Author:").
pub(crate) fn is_byline_label(text: &str) -> bool {
    let text = text.trim().trim_end_matches(':').trim_end();
    // (No longer than the longest prefix: most lines are put in lower
    // case not at all.)
    let longest = PREFIXES.iter().map(|p| p.len()).max().unwrap_or(0);
    text.len() <= longest && {
        let lower = crate::lower::to_lower(text);
        PREFIXES
            .iter()
            .any(|p| p.trim_end_matches([' ', ':']).trim_end() == lower)
    }
}

/// Whether a text ends with a byline's opening word and nothing after
/// it ("Written By", "Von:").
fn ends_with_prefix(text: &str) -> bool {
    let lower =
        crate::lower::to_lower(text.trim_end_matches(|c: char| c == ':' || c.is_whitespace()));
    let last = lower.split_whitespace().next_back();
    by_words().any(|w| last == Some(w))
}

/// Whether a text holds two name words together, or joined by a small
/// word ("Jo Writer", "Ludwig van Beethoven"), outside its dates.
fn has_name_run(text: &str) -> bool {
    let mut run = 0;
    let mut joined = false;
    for t in text.split_whitespace() {
        let word = t.trim_end_matches([',', ';', ':']);
        if name_word(word) {
            run += 1;
            joined = false;
            if run >= 2 {
                return true;
            }
        } else if run > 0 && !joined && NAME_JOINS.contains(&word) && word.len() == t.len() {
            joined = true;
        } else {
            run = 0;
            joined = false;
        }
        if word.len() != t.len() {
            run = 0;
        }
    }
    false
}

/// Words that join names in a byline ("Jo Writer and Sam Reporter") or
/// stand inside one ("Ludwig van Beethoven").
const NAME_JOINS: &[&str] = &[
    "and", "und", "et", "y", "e", "i", "en", "og", "och", "de", "da", "di", "del", "der", "den",
    "van", "von", "la", "le", "du", "dos", "das", "bin", "al", "ter", "zu",
];

/// A word of a person's name: capitalised ("Jane", "O’Neil", "Roberts-Grey",
/// "C.", "JOHN"), letters only besides inner marks.
fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_alphabetic)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        && !is_month(w)
}

/// The person's name that opens a line ("Jo Writer", "Jo Writer - March 3,
/// 2024", "Jo Writer | 2 hours ago", "Jo Writer, @jowriter"), and the rest
/// of the line after its separators. Two to five name words, with the
/// small words that join names between them.
pub(crate) fn leading_name(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    if text.chars().count() > 120 {
        return None;
    }
    let mut end = 0;
    let mut names = 0;
    let mut joined = false;
    for t in text.split_whitespace() {
        let at = t.as_ptr() as usize - text.as_ptr() as usize;
        // A handle or a separator glued to the name ends it.
        let (word, stop) =
            match t.find(|c: char| FIELD_MARKS.contains(&c) || matches!(c, '@' | ',')) {
                Some(0) => break,
                Some(i) => (&t[..i], true),
                None => (t, false),
            };
        if name_word(word) {
            names += 1;
            end = at + word.len();
            joined = false;
        } else if NAME_JOINS.contains(&word) && names > 0 && !joined && !stop {
            joined = true;
        } else {
            break;
        }
        if stop {
            break;
        }
    }
    let name = text[..end].trim();
    if !(2..=5).contains(&names) || name.chars().count() > 60 {
        return None;
    }
    let rest = text[end..].trim_start_matches(|c: char| {
        c.is_whitespace()
            || FIELD_MARKS.contains(&c)
            || matches!(c, ',' | '-' | '–' | '—' | '/' | ':')
    });
    Some((name, rest))
}

/// Month names of the supported languages and their abbreviations
/// ("21.dez.2018", "5 févr. 2024"), each with its number: sorted by their
/// bytes, for a binary search (`months_are_sorted` checks the order).
const MONTHS: &[(&str, u32)] = &[
    ("abr", 4),
    ("abril", 4),
    ("ago", 8),
    ("agosto", 8),
    ("août", 8),
    ("apr", 4),
    ("april", 4),
    ("aprile", 4),
    ("aug", 8),
    ("august", 8),
    ("augustus", 8),
    ("avr", 4),
    ("avril", 4),
    ("czerwca", 6),
    ("dec", 12),
    ("december", 12),
    ("dez", 12),
    ("dezember", 12),
    ("dezembro", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("diciembre", 12),
    ("déc", 12),
    ("décembre", 12),
    ("ene", 1),
    ("enero", 1),
    ("feb", 2),
    ("febbraio", 2),
    ("febrero", 2),
    ("februar", 2),
    ("februari", 2),
    ("february", 2),
    ("fev", 2),
    ("fevereiro", 2),
    ("févr", 2),
    ("février", 2),
    ("gen", 1),
    ("gennaio", 1),
    ("giu", 6),
    ("giugno", 6),
    ("grudnia", 12),
    ("jan", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("januari", 1),
    ("january", 1),
    ("janv", 1),
    ("janvier", 1),
    ("juil", 7),
    ("juillet", 7),
    ("juin", 6),
    ("jul", 7),
    ("julho", 7),
    ("juli", 7),
    ("julio", 7),
    ("july", 7),
    ("jun", 6),
    ("june", 6),
    ("junho", 6),
    ("juni", 6),
    ("junio", 6),
    ("jänner", 1),
    ("kwietnia", 4),
    ("lipca", 7),
    ("listopada", 11),
    ("lug", 7),
    ("luglio", 7),
    ("lutego", 2),
    ("maart", 3),
    ("mag", 5),
    ("maggio", 5),
    ("mai", 5),
    ("maio", 5),
    ("maja", 5),
    ("mar", 3),
    ("marca", 3),
    ("march", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("may", 5),
    ("mayo", 5),
    ("mei", 5),
    ("mrt", 3),
    ("mär", 3),
    ("märz", 3),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("novembro", 11),
    ("noviembre", 11),
    ("oct", 10),
    ("october", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("ott", 10),
    ("ottobre", 10),
    ("out", 10),
    ("outubro", 10),
    ("października", 10),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("sierpnia", 8),
    ("stycznia", 1),
    ("września", 9),
];

/// Whether a word is a month name (or its abbreviation) in a supported language.
pub(crate) fn is_month(word: &str) -> bool {
    month(word).is_some()
}

pub(crate) fn month(word: &str) -> Option<u32> {
    // Most words are no month: those that cannot be are turned away
    // before any lower-casing (this runs on every word of every block).
    // The longest name is 13 bytes; lower case shrinks a word to a third at most.
    const LONGEST: usize = 40;
    let w = word.trim_end_matches('.');
    if w.len() > LONGEST || !w.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    if w.is_ascii() {
        // In lower case on the stack; longer than any name is none.
        let mut buf = [0u8; 16];
        let lower = buf.get_mut(..w.len())?;
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        return month_lookup(lower);
    }
    month_lookup(crate::lower::to_lower(w).as_bytes())
}

/// A lower-case month name's number: a binary search in `MONTHS`.
fn month_lookup(lower: &[u8]) -> Option<u32> {
    MONTHS
        .binary_search_by(|(name, _)| name.as_bytes().cmp(lower))
        .ok()
        .and_then(|i| MONTHS.get(i))
        .map(|&(_, m)| m)
}

/// The number of a date's day (`YYYY-MM-DD…`), counted from 1 March of
/// year 0, so that two dates can be told apart by days.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<i64>().ok());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    // Months from March, so that February's varying length comes last.
    let (y, m) = if m < 3 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

fn ymd(y: i64, m: u32, d: u32) -> Option<String> {
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A date written the Chinese, Japanese or Korean way: "2024年3月9日" in one
/// token, or "2024년 3월 9일" over three.
fn east_asian(token: &str, next: &[&str]) -> Option<String> {
    // The number before `unit` at the start of `s`, and the rest after it.
    fn part<'a>(s: &'a str, units: &[char]) -> Option<(i64, &'a str)> {
        let digits = s.find(|c: char| !c.is_ascii_digit())?;
        let rest = &s[digits..];
        let unit = rest.chars().next().filter(|c| units.contains(c))?;
        Some((s[..digits].parse().ok()?, &rest[unit.len_utf8()..]))
    }
    // (After a label such as "更新：".)
    let token = token.trim_start_matches(|c: char| !c.is_ascii_digit());
    let (y, rest) = part(token, &['年', '년'])?;
    let (m, day) = match part(rest, &['月', '월']) {
        Some((m, rest)) => (m, rest),
        None => {
            let (m, _) = part(next.first()?, &['月', '월'])?;
            (m, *next.get(1)?)
        }
    };
    let (d, _) = part(day, &['日', '일'])?;
    ymd(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// A date written with slashes ("2/26/2015", "26/2/15"), as (first, second,
/// year): the day and the month come in either order.
fn slashed(token: &str) -> Option<(u32, u32, i64)> {
    let mut parts = token.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || ![2, 4].contains(&y.len()) || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let y: i64 = y.parse().ok()?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    ((1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12)).then_some((
        a,
        b,
        if y < 100 { 2000 + y } else { y },
    ))
}

/// Whether a line gives a day of a month and a time of day without a year
/// ("Nov 19, 6:55 AM"), or with one written with slashes ("2/26/2015 7:11
/// AM"): a timestamp, though not always a full date.
pub(crate) fn has_day_and_time(text: &str) -> bool {
    // A time of day has a colon (most lines have none).
    if !text.contains(':') {
        return false;
    }
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|'))
        .filter(|t| !t.is_empty())
        .take(40)
        .collect();
    let day = |t: &str| {
        t.trim_end_matches('.')
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
    };
    let time = |t: &str| {
        t.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && h.bytes().all(|b| b.is_ascii_digit())
                && m.len() >= 2
                && m.bytes().take(2).all(|b| b.is_ascii_digit())
        })
    };
    // (The time first: most lines with a colon have none, and need no
    // month looked up.)
    tokens.iter().any(|t| time(t))
        && tokens.iter().enumerate().any(|(i, t)| {
            slashed(t).is_some()
                || month(t).is_some()
                    && (i.checked_sub(1).is_some_and(|j| day(tokens[j]))
                        || tokens.get(i + 1).is_some_and(|n| day(n)))
        })
}

/// Marks that part a line's fields ("Jo Writer | May 2, 2024 • 5 min"),
/// with or without spaces around them (a page's inline elements joined).
pub(crate) const FIELD_MARKS: &[char] = &['|', '•', '·'];

/// Finds a calendar date written in a text and returns it as `YYYY-MM-DD`.
///
/// Understands `2024-03-05`, `05.03.2024`, `2/26/2024` and `26/2/2024` (but
/// `5/3/2024` is ambiguous and skipped), `5. März 2024`, `5 March 2024`,
/// `March 5, 2024` and the month names of the supported languages.
///
/// A date a page's inline elements joined to the words around it ("Jo
/// WriterMarch 3, 2024", "March 3, 2024Updated") is found in the text
/// spaced apart where such words meet ([`unglued`]).
pub(crate) fn find_date(text: &str) -> Option<String> {
    // Every form has a number in it (most short lines have none).
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || FIELD_MARKS.contains(&c))
        .filter(|t| !t.is_empty())
        .take(200)
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        let num = |s: &str| s.trim_end_matches('.').parse::<i64>().ok();
        // ISO and dotted numeric dates.
        let mut split = t.split(['-', '.', 'T']);
        let parts = [split.next(), split.next(), split.next()];
        if let [Some(p0), Some(p1), Some(p2)] = parts {
            let parts = [p0, p1, p2];
            if let (Some(a), Some(b), Some(c)) = (num(parts[0]), num(parts[1]), num(parts[2])) {
                if parts[0].len() == 4 {
                    if let Some(d) = ymd(a, b as u32, c as u32) {
                        return Some(d);
                    }
                } else if parts[2].len() == 4 && t.contains('.') {
                    if let Some(d) = ymd(c, b as u32, a as u32) {
                        return Some(d);
                    }
                }
            }
            // "21.dez.2018", "5-Mar-2024".
            if let (Some(a), Some(m), Some(c)) = (num(parts[0]), month(parts[1]), num(parts[2])) {
                if parts[2].len() == 4 {
                    if let Some(d) = ymd(c, m, a as u32) {
                        return Some(d);
                    }
                }
            }
        }
        if let Some(d) = east_asian(t, tokens.get(i + 1..i + 3).unwrap_or(&[])) {
            return Some(d);
        }
        if let Some((a, b, y)) = slashed(t) {
            // Only when one of the two cannot be a month.
            let dm = match (a > 12, b > 12) {
                (true, false) => Some((a, b)),
                (false, true) => Some((b, a)),
                _ => None,
            };
            if let Some(d) = dm.and_then(|(d, m)| ymd(y, m, d)) {
                return Some(d);
            }
        }
        // "5 March 2024", "5. März 2024", "5 de marzo de 2024", "March 5th,
        // 2024", "5th of March 2024".
        if let Some(m) = month(t) {
            let prev = i.checked_sub(1).and_then(|j| ordinal_day(tokens[j]));
            let prev2 = i.checked_sub(2).and_then(|j| ordinal_day(tokens[j]));
            let mut rest = tokens[i + 1..]
                .iter()
                .filter(|w| !matches!(**w, "de" | "del"));
            let next = rest.next().copied();
            let next2 = rest.next().and_then(|w| num(w));
            let day_before = prev.or(match tokens.get(i.wrapping_sub(1)) {
                Some(&"de" | &"of") => prev2,
                _ => None,
            });
            if let (Some(d), Some(y)) = (day_before, next.and_then(num)) {
                if let Some(s) = ymd(y, m, d as u32) {
                    return Some(s);
                }
            }
            if let (Some(d), Some(y)) = (next.and_then(ordinal_day), next2) {
                if let Some(s) = ymd(y, m, d as u32) {
                    return Some(s);
                }
            }
        }
    }
    // (Spaced apart, the text has no joined words left: no deeper.)
    unglued(text).and_then(|t| find_date(&t))
}

/// The text spaced apart where joined words meet, in ASCII: a lower-case
/// letter before a capital ("WriterMarch"), and a year's four digits before
/// a letter ("2024Updated", "2024in"); `None` when nothing was joined.
fn unglued(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 8);
    let (mut prev, mut digits, mut changed) = (' ', 0usize, false);
    for c in text.chars() {
        if prev.is_ascii_lowercase() && c.is_ascii_uppercase()
            || digits == 4 && c.is_ascii_alphabetic()
        {
            out.push(' ');
            changed = true;
        }
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        out.push(c);
        prev = c;
    }
    changed.then_some(out)
}

/// A day of the month written as a number, bare or as an ordinal ("5",
/// "5.", "5th", "1st", "1er").
fn ordinal_day(word: &str) -> Option<i64> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = word.get(digits..)?;
    let suffix = matches!(rest, "" | "." | "st" | "nd" | "rd" | "th" | "er");
    let day: i64 = word.get(..digits)?.parse().ok()?;
    (suffix && (1..=31).contains(&day)).then_some(day)
}

/// Normalises a date given in metadata (ISO 8601 or free text) to ISO 8601.
#[allow(dead_code)]
pub(crate) fn normalize_date(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[5..7].iter().chain(&b[8..10]).all(u8::is_ascii_digit)
        && ymd(
            v[..4].parse().ok()?,
            v[5..7].parse().ok()?,
            v[8..10].parse().ok()?,
        )
        .is_some()
    {
        return Some(v.split_whitespace().collect::<Vec<_>>().join("T"));
    }
    find_date(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_labels_are_read_in_any_case_at_the_start() {
        assert!(PUBLISHED_LABELS
            .iter()
            .all(|l| l.chars().count() <= LABEL_CHARS_MAX));
        assert!(labels_publication("  Posted on April 3, 2023"));
        assert!(labels_publication("VERÖFFENTLICHT: 3. April 2023"));
        assert!(!labels_publication("Reposted from the archive"));
    }

    /// `MONTHS` is sorted by its names' bytes, each name once, as
    /// `month_lookup`'s binary search needs.
    #[test]
    fn months_are_sorted() {
        for w in MONTHS.windows(2) {
            assert!(w[0].0.as_bytes() < w[1].0.as_bytes(), "{w:?}");
        }
        assert_eq!(month("Oktober"), Some(10));
        assert_eq!(month("déc."), Some(12));
    }

    #[test]
    fn a_bylines_label_alone() {
        for l in ["By", "by:", "Written by", "POSTED BY", "Author:", "Von"] {
            assert!(is_byline_label(l), "{l}");
        }
        for l in ["By Jo Writer", "Bye", "Written", "Authors", ""] {
            assert!(!is_byline_label(l), "{l}");
        }
    }

    #[test]
    fn a_date_alone_names_no_one() {
        assert!(!names_someone("August 28, 2025 • 5 min read"));
        assert!(!names_someone("Sat, 20 Dec, 2025 - 06:36"));
        assert!(names_someone("By Jo Writer, March 3, 2024"));
        assert!(names_someone("Amanda | March 3, 2024"));
        assert!(names_someone("Posted by jowriter, 5 Mar 2024"));
        // A date and a category; a label whose name was an empty link.
        assert!(!names_someone("March 20, 2023 | Garden & Home"));
        assert!(!names_someone("Garden care May 4, 2024"));
        assert!(!names_someone("Mar 14 Written By"));
        // A byline without a date is left as it is (a handle, a name in a
        // script without capitals).
        assert!(names_someone("jowriter"));
        assert!(names_someone("山田太郎"));
    }

    #[test]
    fn datelines() {
        let d = parse_dateline("BRÜSSEL / WASHINGTON (NEWS AGENCY) – The text.").unwrap();
        assert_eq!(d.places, ["BRÜSSEL", "WASHINGTON"]);
        assert_eq!(d.agency.as_deref(), Some("NEWS AGENCY"));
        let d = parse_dateline("Berlin (dpa) - Der Text beginnt.").unwrap();
        assert_eq!(d.places, ["Berlin"]);
        let d = parse_dateline("NEW YORK — The text").unwrap();
        assert_eq!((d.places, d.agency), (vec!["NEW YORK".to_string()], None));
        assert!(parse_dateline("The minister – who spoke first – said").is_none());
        assert!(parse_dateline("Berlin - the city").is_none());
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("By Jane Doe | 5 March 2024", Some("Jane Doe")),
            ("Von Max Mustermann", Some("Max Mustermann")),
            ("by the way, this is not a name at all", None),
            // What follows the name on the line is cut off: a date, a handle.
            ("by Jo Writer July 10, 2015", Some("Jo Writer")),
            (
                "By Jo Writer @jowriter February 1, 2016: 12:41 PM ET",
                Some("Jo Writer"),
            ),
            (
                "By Jo Writer@jowriter Updated Jul 24, 2018",
                Some("Jo Writer"),
            ),
            (
                "By Jo Writer March 18 at 3:57 PM Follow @jowriter",
                Some("Jo Writer"),
            ),
            ("By Jo Writer Updated Nov 20, 2019", Some("Jo Writer")),
            ("Posted by Jo Writer on March 10, 2015", Some("Jo Writer")),
            // Other languages.
            (
                "Par Jeanne Auteur — 24 novembre 2017 à 18:42",
                Some("Jeanne Auteur"),
            ),
            ("Por Juana Autora", Some("Juana Autora")),
            ("Di Gianna Autrice", Some("Gianna Autrice")),
            ("Door Jan de Schrijver", Some("Jan de Schrijver")),
            ("Autor: Max Muster", Some("Max Muster")),
            ("Written by Jo Writer", Some("Jo Writer")),
            // A no-break space or a run of spaces is one space.
            ("By\u{a0}Jo Writer", Some("Jo Writer")),
            ("Written\u{a0}by\u{a0}Jo Writer", Some("Jo Writer")),
            ("By \u{a0} Jo Writer", Some("Jo Writer")),
            // The prefix as a label.
            ("By: Jo Writer, May 2, 2024", Some("Jo Writer")),
            ("Written by: Jo Writer", Some("Jo Writer")),
            ("Bye: not a byline at all", None),
        ];
        for &(line, name) in cases {
            assert_eq!(parse_byline(line).as_deref(), name, "{line}");
        }
    }

    #[test]
    fn names_that_open_a_line() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Jo Writer", Some(("Jo Writer", ""))),
            (
                "Jo Writer - Apr 16, 2015 8:02 pm UTC",
                Some(("Jo Writer", "Apr 16, 2015 8:02 pm UTC")),
            ),
            (
                "Jo Q. Writer | 3 March 2024",
                Some(("Jo Q. Writer", "3 March 2024")),
            ),
            ("Jo Writer, @jowriter", Some(("Jo Writer", "@jowriter"))),
            ("Jo Writer • 8h", Some(("Jo Writer", "8h"))),
            ("Jo Writer 1 day ago", Some(("Jo Writer", "1 day ago"))),
            (
                "Jo Writer and Sam Reporter",
                Some(("Jo Writer and Sam Reporter", "")),
            ),
            ("Jo", None),
            ("March 3, 2024", None),
            ("the river rose", None),
        ];
        for &(line, name) in cases {
            assert_eq!(leading_name(line), name, "{line}");
        }
    }

    #[test]
    fn days_are_numbered_across_months_and_years() {
        let n = |d: &str| day_number(d).unwrap_or_default();
        assert_eq!(n("2024-03-01") - n("2024-02-28"), 2);
        assert_eq!(n("2023-03-01") - n("2023-02-28"), 1);
        assert_eq!(n("2025-01-01") - n("2024-12-31"), 1);
        assert_eq!(n("2000-03-01") - n("1999-03-01"), 366);
        assert_eq!(day_number("March"), None);
    }

    #[test]
    fn dates_with_a_multi_byte_character_in_the_digits() {
        assert_eq!(normalize_date("2019-11-\u{fffd}0"), None);
        assert_eq!(normalize_date("2019-1\u{e9}-20"), None);
    }

    #[test]
    fn dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Published 2024-03-05T10:00", Some("2024-03-05")),
            ("am 05.03.2024 um 10 Uhr", Some("2024-03-05")),
            ("5. März 2024", Some("2024-03-05")),
            ("March 5, 2024", Some("2024-03-05")),
            ("5 de marzo de 2024", Some("2024-03-05")),
            ("no date here 12 34", None),
            // Slashes: only when the day cannot be a month.
            ("2/26/2015 7:11 AM", Some("2015-02-26")),
            ("le 26/02/15", Some("2015-02-26")),
            ("5/3/2024", None),
            ("1/2/3/2024", None),
            ("and/or 12/40/2024", None),
            ("2024年3月9日 18:45", Some("2024-03-09")),
            ("更新：2024年12月1日", Some("2024-12-01")),
            ("2024년 3월 9일 오후", Some("2024-03-09")),
            ("2024年13月9日", None),
            ("21.dez.2018 às 12h55", Some("2018-12-21")),
            ("5-Mar-2024", Some("2024-03-05")),
            // Days as ordinals.
            ("December 19th, 2025", Some("2025-12-19")),
            ("the 1st of March 2024", Some("2024-03-01")),
            ("1er mars 2024", Some("2024-03-01")),
            ("March 5x, 2024", None),
            ("March 123rd, 2024", None),
            // Fields parted by marks with no space around them (a page's
            // inline elements joined).
            ("August 28, 2025•5 min read", Some("2025-08-28")),
            ("Jo Writer|May 2, 2024", Some("2024-05-02")),
            // Words joined with no mark at all.
            ("By Jo WriterMarch 3, 2024", Some("2024-03-03")),
            ("June 29, 2020November 12, 2021", Some("2020-06-29")),
            ("December 13, 2025in Home & Garden", Some("2025-12-13")),
            ("Dec 17, 2025Jo Writer", Some("2025-12-17")),
            ("March 3rd, 2024", Some("2024-03-03")),
            ("iPhone 15Pro Max 2024Edition", None),
        ];
        for &(text, date) in cases {
            assert_eq!(find_date(text).as_deref(), date, "{text}");
        }
        assert!(has_day_and_time("2/26/2015 7:11 AM PST BY STAFF"));
        assert!(has_day_and_time("5/3/2024 10:30"));
        assert!(!has_day_and_time("5/3/2024"));
        assert_eq!(
            normalize_date("2024-03-05 10:00:00").as_deref(),
            Some("2024-03-05T10:00:00")
        );
    }
}
