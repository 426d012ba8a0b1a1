//! Lexical cues: what a line's words and shape say on their own, whatever
//! stands around it (a line of code, a date line, a comment form's head, an
//! advertisement's label, a headline). The classifier and the text front end
//! read them; they read nothing but the text.

use crate::reason::Reason;
use crate::tuning::CueTuning;
use std::sync::OnceLock;

use crate::util::{data_list, words, Phrases};

/// The cues' shapes, from the tuning table.
const CUES: CueTuning = CueTuning::DEFAULT;

/// Names of social networks and sharing channels, as share bars label them.
pub(crate) const SHARE_LABELS: &[&str] = &[
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

/// A token that is a web or mail address (`https://…`, `www.…`,
/// `name@host.tld`, `name [at] host`), in any case.
pub(crate) fn is_address(token: &str) -> bool {
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
pub(crate) const TIME_AGO: &[&str] = &[
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
    // (Asked of every block: a long one is told by its bytes, without
    // counting, and the markers are compared in place, without copies.)
    if crate::util::more_chars_than(text, CUES.time_ago_chars)
        || !text.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    // ("3時間前", "5小时前": Japanese and Chinese write it unspaced.)
    if text.trim_end().ends_with('前') && text.chars().count() <= CUES.time_ago_unspaced_chars {
        return true;
    }
    let lower = crate::lower::to_lower(text);
    let ws: Vec<&str> = words(&lower).collect();
    // (A word is compared with every marker; only a marker of several
    // words with the runs of as many words.)
    ws.len() <= CUES.time_ago_words
        && (ws.iter().any(|w| TIME_AGO.contains(w))
            || TIME_AGO
                .iter()
                .filter(|marker| marker.contains(' '))
                .any(|marker| {
                    let n = marker.split(' ').count();
                    ws.windows(n)
                        .any(|w| w.iter().copied().eq(marker.split(' ')))
                }))
}

/// A text's last sentence (all of it when it has one).
pub(crate) fn last_sentence(text: &str) -> &str {
    let body = text.trim_end().trim_end_matches(crate::util::SENTENCE_ENDS);
    body.rfind(crate::util::SENTENCE_ENDS)
        .and_then(|i| body.get(i..))
        .map_or(body, |s| {
            s.trim_start_matches(crate::util::SENTENCE_ENDS)
                .trim_start()
        })
}

/// The separator that gives a line of a list of records its shape: cells
/// apart by tabs (a table's row copied as text), or a field with a number
/// (a date, a rank, a stage), then a dash or a colon, then the rest
/// ("June 9 – Town, Hall", "Stage 3: May 2 – Town").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shape {
    Cells(usize),
    Dash,
    Colon,
}

/// The shape of a line of a list of records, if it has one.
pub(crate) fn record_shape(text: &str) -> Option<Shape> {
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

/// A line that reads as program code: it ends as statements do (`;`, with
/// brackets, an assignment or a few words) and blocks do (`{`, `}`), is a
/// markup tag, or holds an operator prose never uses. (The items of a list
/// in prose end in `;` too.)
pub(crate) fn code_line(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > CUES.code_line_chars {
        return false;
    }
    let statement = t.ends_with(';')
        && (t.contains(['(', '[', '=']) || t.split_whitespace().count() <= CUES.statement_words);
    statement
        || call_line(t)
        || t.ends_with(['{', '}'])
        || (t.starts_with('<') && t.ends_with('>'))
        || shell_command(t)
        || config_line(t)
        // (An operator of code, looked for in one pass over the bytes: a
        // line with "();" has "()".)
        || t.as_bytes().windows(2).any(|w| {
            matches!(
                w,
                b"=>" | b"==" | b"!=" | b"()" | b"&&" | b"||" | b"::"
            )
        })
}

/// A call or a definition standing alone on its line: a name right
/// before its brackets, and the line ends with them or with the colon that
/// opens a block ("print(user.name)", "class Model(Base):"), in one
/// sentence at most, with a mark of code besides: an assignment, an
/// underscore, a double quote or a dotted name. (Prose puts a space before
/// its brackets; inline words joined to a bracket, "list(4 saved)", have
/// none of those marks.)
fn call_line(t: &str) -> bool {
    let b = t.as_bytes();
    let name = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let called = b.windows(2).any(|w| name(w[0]) && w[1] == b'(');
    let dotted = b
        .windows(3)
        .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'.' && w[2].is_ascii_alphabetic());
    let marked = t.ends_with("):") || t.contains(['=', '_', '"']) || dotted;
    called && marked && (t.ends_with(')') || t.ends_with("):")) && !t.contains(". ")
}

/// A command typed at a shell's prompt ("$ make install", "$ ./run").
pub(crate) fn shell_command(t: &str) -> bool {
    t.strip_prefix("$ ")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_lowercase() || matches!(c, '.' | '/' | '~'))
}

/// A line of a configuration file: a section head ("[extensions]") or a
/// setting ("publish = false", "evolve =").
pub(crate) fn config_line(t: &str) -> bool {
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
pub(crate) fn markup(text: &str) -> bool {
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
pub(crate) fn lone_separator(text: &str) -> bool {
    let icon = |c: char| matches!(c, '\u{e000}'..='\u{f8ff}');
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| "•|·/»›".contains(c) || icon(c))
        && chars.all(icon)
}

/// [`section_count`] for a block already classified, by its reason.
pub(crate) fn counted_section(reason: &Reason, text: &str) -> bool {
    reason.furniture_words()
        && text.chars().count() < CUES.counted_section_chars
        && text.chars().any(|c| c.is_ascii_digit())
}

/// Words that label an advertisement's slot (`data/ad-labels.txt`).
pub(crate) const AD_LABELS: &str = include_str!("../data/ad-labels.txt");

/// A short line that labels an advertisement's slot ("Advertisement",
/// "Story continues below advertisement"), without a sentence.
pub(crate) fn ad_label(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > CUES.ad_label_chars || text.ends_with(crate::util::SENTENCE_ENDS) {
        return false;
    }
    let lower = crate::lower::to_lower(text);
    static LABELS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let labels = data_list(&LABELS, AD_LABELS);
    // A label of a script written without spaces, or of two words, is
    // looked for anywhere in the line (those labels are picked out once);
    // another is one of the line's words. (ASCII has no character of
    // those scripts.)
    let anywhere = |label: &str| {
        label.bytes().any(|b| b == b' ')
            || (!label.is_ascii() && label.chars().any(crate::util::unspaced))
    };
    static ANYWHERE: OnceLock<Vec<&'static str>> = OnceLock::new();
    ANYWHERE
        .get_or_init(|| labels.iter().copied().filter(|l| anywhere(l)).collect())
        .iter()
        .any(|&label| lower.contains(label))
        || words(&lower).any(|w| labels.contains(&w) && !anywhere(w))
}

/// Phrases that head a comment form (`data/comment-forms.txt`).
pub(crate) const COMMENT_FORMS: &str = include_str!("../data/comment-forms.txt");

/// A short line that heads a comment form ("Leave a reply", "Your email
/// address will not be published"): the article is over.
pub(crate) fn comment_form(text: &str) -> bool {
    // (No more characters than bytes: a short text is not counted.)
    if text.len() > CUES.comment_form_bytes
        || (text.len() > CUES.comment_form_chars && text.chars().count() > CUES.comment_form_chars)
    {
        return false;
    }
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES
        .get_or_init(|| Phrases::new(COMMENT_FORMS))
        .any_in(&crate::lower::to_lower(text))
}

/// The head of a page's comments that counts them and quotes the article's
/// title ("10 thoughts on “Title”", "3 Antworten auf „Titel“"): a number,
/// a word or two, and a quotation.
pub(crate) fn comment_count(text: &str) -> bool {
    let t = text.trim();
    if t.len() > CUES.comment_count_bytes || !t.starts_with(|c: char| c.is_ascii_digit()) {
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
        && (1..=CUES.comment_count_words).contains(&between)
        && rest[open..]
            .chars()
            .skip(1)
            .any(|c| matches!(c, '”' | '“' | '"' | '»' | '」' | '’'))
}

/// Words that open an author's box (`data/about-words.txt`).
pub(crate) const ABOUT_WORDS: &str = include_str!("../data/about-words.txt");

/// The name in a head of an author's box: "About Jo Smith" → "Jo Smith"
/// (two to four words, each with a capital).
pub(crate) fn about_name(text: &str) -> Option<&str> {
    let text = text.trim();
    // (More than `about_chars` characters, counted only when the bytes
    // leave it open.)
    if crate::util::more_chars_than(text, CUES.about_chars) {
        return None;
    }
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let name = data_list(&WORDS, ABOUT_WORDS).iter().find_map(|&w| {
        let head = text.get(..w.len())?;
        let rest = text.get(w.len()..)?;
        (rest.starts_with(' ') && crate::lower::lower_is(head, w)).then(|| rest.trim())
    })?;
    let words: Vec<&str> = name.split_whitespace().collect();
    ((CUES.name_words_min..=CUES.name_words_max).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
    .then_some(name)
}

/// Whether a line reads like a headline: a few words, no closing full stop.
pub(crate) fn headline_like(text: &str) -> bool {
    // (Longer texts are counted no further than one past the longest
    // headline, and their words not at all: a page's every paragraph is
    // asked.)
    let n = text.chars().take(CUES.headline_chars_max + 1).count();
    if !(CUES.headline_chars_min..=CUES.headline_chars_max).contains(&n) {
        return false;
    }
    let w = crate::util::word_count(text);
    // (A sentence may end inside its closing quotes: `… “as he said.”`.)
    let last = text
        .trim_end_matches(['"', '”', '’', '»', '\'', ')'])
        .chars()
        .last()
        .unwrap_or('.');
    let first = text.chars().next().unwrap_or(' ');
    // (Unspaced scripts run a headline's words together.)
    ((CUES.headline_words_min..=CUES.headline_words_max).contains(&w)
            || w == 1 && crate::util::unspaced_chars(text) >= CUES.headline_unspaced_chars)
        && !matches!(last, '.' | ':' | ',' | ';' | '。' | '．' | '：' | '，' | '；' | '、' | '।' | '۔')
        // (Scripts without case count as capitals.)
        && (first.is_uppercase()
            || first.is_numeric()
            || first.is_alphabetic() && !first.is_lowercase()
            || "\"„“«»'‘「『【".contains(first))
        && !timestamp(text)
        // (A table's row, its cells apart by tabs, is not one.)
        && !text.contains('\t')
}

/// A line that only says when ("2 days ago at 08:51 am", "Nov 19, 6:55 AM",
/// "March 5, 2024"): never a headline.
pub(crate) fn timestamp(text: &str) -> bool {
    relative_time(text)
        || crate::metadata::has_day_and_time(text)
        || (text.chars().count() < CUES.timestamp_chars
            && crate::metadata::find_date(text).is_some())
}

/// Currency signs a price is written with.
const CURRENCY: &[char] = &[
    '$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '฿', '₫', '₴', '₱',
];

/// Whether a line holds a price: a currency sign next to a number.
pub(crate) fn has_price(text: &str) -> bool {
    let chars: Vec<char> = text.chars().take(CUES.price_line_chars).collect();
    chars.iter().enumerate().any(|(i, c)| {
        CURRENCY.contains(c)
            && (chars.get(i + 1).is_some_and(char::is_ascii_digit)
                || (chars.get(i + 1) == Some(&' ')
                    && chars.get(i + 2).is_some_and(char::is_ascii_digit))
                || i.checked_sub(1)
                    .and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
                || i.checked_sub(2)
                    .and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
                    && chars.get(i - 1) == Some(&' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ending_inside_quotes_is_no_headline() {
        assert!(!headline_like(
            "That leaves a third of the readers waiting for “the next one.”"
        ));
        assert!(!headline_like("She said it would be \"over by spring.\""));
        assert!(headline_like("Why Every Gardener Says “Mulch”"));
        assert!(headline_like("Is This the End of the “Open Web”?"));
    }

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
        // A call or a definition alone on its line is code; prose puts a
        // space before its brackets, or goes on after them.
        assert!(code_line("print(user.name)"));
        assert!(code_line("class Model(BaseModel):"));
        assert!(!code_line("The tool (see below)"));
        assert!(!code_line("Add to list(Saved by 4 people)"));
        assert!(!code_line(
            "Call open(path). It returns a handle (or an error)"
        ));
    }

    #[test]
    fn lines_that_are_not_prose() {
        assert!(code_line("counts.set(word, (counts.get(word) ?? 0) + 1);"));
        assert!(code_line("}"));
        assert!(code_line("return total;"));
        assert!(code_line("let x = y;"));
        assert!(!code_line(
            "contains links to harmful software or to pages that copy it;"
        ));
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
