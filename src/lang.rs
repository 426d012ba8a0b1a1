//! Languages: stop words, language detection and page-furniture vocabulary.
//!
//! The word lists are data (`src/data/`), one file per language.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::util::words;

/// One supported language: its code, stop words and furniture phrases.
pub(crate) struct Language {
    pub code: &'static str,
    /// This language's bit in the stop-word index.
    bit: u32,
    stop: Vec<&'static str>,
    furniture: Vec<Phrase>,
}

/// A furniture phrase: matched at a word start; `prefix` phrases may continue.
struct Phrase {
    text: &'static str,
    prefix: bool,
}

macro_rules! lang_data {
    ($($code:literal),*) => {
        &[$(($code,
            include_str!(concat!("data/stopwords/", $code, ".txt")),
            include_str!(concat!("data/furniture/", $code, ".txt")))),*]
    };
}

/// (code, stop words, furniture) for every language with furniture data.
const DATA: &[(&str, &str, &str)] = lang_data!("en", "de", "fr", "es", "it", "nl", "pt", "pl");
/// Languages with stop words only (detection and density, no furniture list).
const STOP_ONLY: &[(&str, &str)] = &[
    ("sv", include_str!("data/stopwords/sv.txt")),
    ("da", include_str!("data/stopwords/da.txt")),
    ("ru", include_str!("data/stopwords/ru.txt")),
];

struct Registry {
    langs: Vec<Language>,
    /// word -> bit set of the languages whose stop list has it.
    index: HashMap<&'static str, u32>,
}

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| {
        let mut langs = Vec::new();
        for (code, stop, furniture) in DATA {
            langs.push(Language {
                code,
                bit: 1 << langs.len(),
                stop: stop.split_whitespace().collect(),
                furniture: parse_phrases(furniture),
            });
        }
        for (code, stop) in STOP_ONLY {
            langs.push(Language {
                code,
                bit: 1 << langs.len(),
                stop: stop.split_whitespace().collect(),
                furniture: Vec::new(),
            });
        }
        let mut index: HashMap<&'static str, u32> = HashMap::new();
        for (i, l) in langs.iter().enumerate() {
            for w in &l.stop {
                *index.entry(w).or_default() |= 1 << i;
            }
        }
        Registry { langs, index }
    })
}

fn parse_phrases(data: &'static str) -> Vec<Phrase> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_suffix('*') {
            Some(text) => Phrase { text, prefix: true },
            None => Phrase {
                text: l,
                prefix: false,
            },
        })
        .collect()
}

/// The language with this code, if supported.
pub(crate) fn by_code(code: &str) -> Option<&'static Language> {
    let code = code.get(..2).unwrap_or(code).to_ascii_lowercase();
    registry().langs.iter().find(|l| l.code == code)
}

/// English: its furniture list applies to pages in every language.
fn english() -> &'static Language {
    &registry().langs[0]
}

/// Detects the language of a text from its stop words.
///
/// Returns `None` when the text is too short or in none of the supported
/// languages.
pub(crate) fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Option<&'static Language> {
    let reg = registry();
    let mut hits = vec![0usize; reg.langs.len()];
    let mut total = 0usize;
    let mut lower = String::new();
    'outer: for text in texts {
        for w in words(text) {
            total += 1;
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            if let Some(&mask) = reg.index.get(lower.as_str()) {
                for (i, h) in hits.iter_mut().enumerate() {
                    if mask & (1 << i) != 0 {
                        *h += 1;
                    }
                }
            }
            if total >= 20_000 {
                break 'outer;
            }
        }
    }
    let (best, &count) = hits.iter().enumerate().max_by_key(|(_, &h)| h)?;
    if count >= 3 && count * 10 >= total {
        Some(&reg.langs[best])
    } else {
        None
    }
}

impl Language {
    /// Whether a lower-case word is one of this language's stop words.
    pub(crate) fn is_stop(&self, lower_word: &str) -> bool {
        registry()
            .index
            .get(lower_word)
            .is_some_and(|mask| mask & self.bit != 0)
    }

    /// The furniture phrases found in a lower-case text (this language and English).
    pub(crate) fn furniture_hits(&'static self, lower: &str) -> Vec<&'static str> {
        let mut found = Vec::new();
        let mut langs = vec![self];
        if self.code != "en" {
            langs.push(english());
        }
        for lang in langs {
            for p in &lang.furniture {
                if phrase_in(lower, p) && !found.contains(&p.text) {
                    found.push(p.text);
                }
            }
        }
        found
    }
}

/// Furniture phrases of English alone, for text whose language is unknown.
pub(crate) fn furniture_hits_any(lower: &str) -> Vec<&'static str> {
    english().furniture_hits(lower)
}

fn phrase_in(lower: &str, p: &Phrase) -> bool {
    for (at, _) in lower.match_indices(p.text) {
        let before_ok = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let end = at + p.text.len();
        let after_ok = p.prefix
            || lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages() {
        let cases = [
            ("en", "The minister said that the talks would go on for another week and that he was hopeful."),
            ("de", "Der Minister sagte, dass die Gespräche noch eine Woche weitergehen und er sei zuversichtlich."),
            ("fr", "Le ministre a déclaré que les discussions se poursuivraient pendant une semaine et qu'il était confiant."),
            ("es", "El ministro dijo que las conversaciones continuarán durante otra semana y que él estaba esperanzado."),
            ("it", "Il ministro ha detto che i colloqui andranno avanti per un'altra settimana e che lui è fiducioso."),
            ("nl", "De minister zei dat de gesprekken nog een week doorgaan en dat hij er vertrouwen in heeft."),
            ("pt", "O ministro disse que as conversações vão continuar por mais uma semana e que ele está confiante."),
            ("pl", "Minister powiedział, że rozmowy będą trwały jeszcze tydzień i że jest pełen nadziei, a to już coś."),
        ];
        for (code, text) in cases {
            assert_eq!(
                detect(std::iter::once(text)).map(|l| l.code),
                Some(code),
                "{text}"
            );
        }
        assert!(detect(std::iter::once("12345 67890")).is_none());
    }

    #[test]
    fn furniture_matches_whole_words_and_prefixes() {
        let de = by_code("de").unwrap();
        assert!(de
            .furniture_hits("jetzt den newsletter abonnieren")
            .contains(&"abonn"));
        assert!(de.furniture_hits("subscribe now").contains(&"subscribe"));
        assert!(de.furniture_hits("die anzeigetafel").is_empty());
    }
}
