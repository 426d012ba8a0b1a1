//! The features of one block: what its own text measures.

use super::cues::{is_address, relative_time, SHARE_LABELS};
use crate::lang::{self, Language};
use crate::metadata::{find_date, has_day_and_time, is_month, parse_byline};
use crate::tuning::ClassifyTuning;
use crate::util::{char_len, prefix, words};

/// Features of one block.
#[derive(Debug, Default)]
pub(crate) struct Features {
    pub chars: usize,
    pub words: usize,
    pub stop_density: f32,
    pub sentence_ends: usize,
    pub addresses: usize,
    pub separators: usize,
    pub copyright: bool,
    pub furniture: Vec<&'static str>,
    /// A short line that is a date and little else ("Updated: March 5, 2024").
    pub date_line: bool,
    /// A short line that names the author ("By Jane Doe").
    pub byline: bool,
    /// A line of social network names: a share bar's labels.
    pub share_line: bool,
}

/// Measures a block's text in the page's language.
pub(crate) fn features(
    text: &str,
    lang: Option<&'static Language>,
    t: &ClassifyTuning,
) -> Features {
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
        if lang.is_some_and(|l| l.is_stop_any_case(w, &mut lower)) {
            stops += 1;
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
    if f.chars < t.line_feature_chars {
        let mut n = 0;
        f.share_line = words(text).all(|w| {
            n += 1;
            // (An ASCII word is compared in place; another is lowered first.)
            if w.is_ascii() {
                SHARE_LABELS.iter().any(|l| w.eq_ignore_ascii_case(l))
            } else {
                SHARE_LABELS.contains(&crate::lower::to_lower(w).as_str())
            }
        }) && n >= 2;
        f.byline = parse_byline(text).is_some();
        f.date_line = (find_date(text).is_some() || has_day_and_time(text)) && {
            // Besides the date, at most a few words ("Updated", a weekday).
            let other = words(text)
                .filter(|w| w.chars().count() > 3 && w.chars().all(char::is_alphabetic))
                .filter(|w| !is_month(w))
                .count();
            other <= t.date_line_other_words
        } || relative_time(text);
    }
    // Furniture words only matter for the start of a block: long prose that
    // mentions a comment or a newsletter is still prose.
    let head = lang::lower_text(prefix(text, t.furniture_head_chars));
    f.furniture = match lang {
        Some(l) => l.furniture_hits(&head),
        None => lang::furniture_hits_any(&head),
    };
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_of_other_scripts() {
        let ends = |text: &str| features(text, None, &ClassifyTuning::default()).sentence_ends;
        assert_eq!(ends("Was it? Yes. No!"), 3);
        assert_eq!(ends("هل انتهى الاجتماع؟ نعم."), 2);
        assert_eq!(ends("اجلاس ختم ہو گیا۔ سب چلے گئے۔"), 2);
        assert_eq!(ends("बैठक खत्म हुई। सब चले गए।"), 2);
    }
}
