//! Languages: stop words, language detection and page-furniture vocabulary.
//!
//! The word lists are data (`src/data/`), one file per language.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::util::{hangul, le_word, unspaced, word_char, words};

/// One supported language: its code, stop words and furniture phrases.
pub(crate) struct Language {
    pub code: &'static str,
    /// This language's bit in the stop-word index.
    bit: u32,
    stop: Vec<&'static str>,
    /// [`Language::density_scale`], worked out once.
    density_scale: f32,
    furniture: Vec<Phrase>,
    /// Indices into `furniture` grouped by the phrase's first byte:
    /// `by_first[starts[b]..starts[b + 1]]` are the phrases starting with `b`.
    by_first: Vec<u16>,
    starts: Vec<u16>,
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

/// (code, stop words, furniture) for every language. The order matters only
/// for a tie in detection, which the earlier language wins.
const DATA: &[(&str, &str, &str)] = lang_data!(
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "ru", "cs", "id", "ro", "hu", "fi",
    "nb", "uk", "tr", "vi", "el", "ar", "fa", "he", "hi", "ca", "hr", "bg", "ja", "zh", "ko"
);
// Each language is one bit of a `u32` in the stop-word index.
const _: () = assert!(
    DATA.len() <= u32::BITS as usize,
    "at most 32 languages: the stop-word index keeps a u32 bit set"
);
/// How much of a language's running text its stop list covers: the sum of
/// the listed words' frequencies in general text (wordfreq 3.1.1). Lists of
/// languages without articles, or with rich inflection, cover less, so their
/// prose has a lower stop-word density; the classifier's thresholds are set
/// for English and scale by this.
const COVERAGE: &[(&str, f32)] = &[
    ("en", 0.469),
    ("de", 0.480),
    ("fr", 0.525),
    ("es", 0.493),
    ("it", 0.438),
    ("nl", 0.502),
    ("pt", 0.449),
    ("pl", 0.358),
    ("sv", 0.478),
    ("da", 0.466),
    ("ru", 0.344),
    ("cs", 0.344),
    ("id", 0.342),
    ("ro", 0.460),
    ("hu", 0.352),
    ("fi", 0.290),
    ("nb", 0.503),
    ("uk", 0.339),
    ("tr", 0.209),
    ("vi", 0.324),
    ("el", 0.457),
    ("ar", 0.254),
    ("fa", 0.351),
    ("he", 0.226),
    ("hi", 0.433),
    ("ca", 0.486),
    ("hr", 0.362),
    ("bg", 0.459),
];

struct Registry {
    langs: Vec<Language>,
    /// word -> bit set of the languages whose stop list has it.
    index: HashMap<&'static str, u32, BuildHasherDefault<WordHasher>>,
    /// The longest stop word, in bytes.
    longest: usize,
}

/// A fast hash for short words (FxHash's mixing): the stop-word index is
/// looked up once for every word of a page, and the keys are fixed data,
/// so a keyed hash buys nothing here.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            if let Some(w) = le_word(c, 0) {
                self.add(w);
            }
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| {
        let mut langs = Vec::new();
        for (code, stop, furniture) in DATA {
            langs.push(Language::new(
                code,
                1 << langs.len(),
                stop,
                parse_phrases(furniture),
            ));
        }
        let mut index: HashMap<&'static str, u32, _> = HashMap::default();
        let mut longest = 0;
        for (i, l) in langs.iter().enumerate() {
            for w in &l.stop {
                *index.entry(w).or_default() |= 1 << i;
                longest = longest.max(w.len());
            }
        }
        Registry {
            langs,
            index,
            longest,
        }
    })
}

fn parse_phrases(data: &'static str) -> Vec<Phrase> {
    crate::util::data_lines(data)
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
    let lower = code.to_ascii_lowercase();
    let code = match lower.get(..2).unwrap_or(&lower) {
        // Hebrew's old code; Bosnian, Serbo-Croatian and Serbian in Latin
        // script share the Croatian lists.
        "iw" => "he",
        "bs" | "sh" => "hr",
        "sr" if lower.starts_with("sr-latn") => "hr",
        two => two,
    };
    registry().langs.iter().find(|l| l.code == code)
}

/// English: its furniture list applies to pages in every language.
fn english() -> &'static Language {
    &registry().langs[0]
}

/// Detects the language of a text: Japanese, Chinese and Korean from their
/// scripts, the others from their stop words.
///
/// Returns `None` when the text is too short or in none of the supported
/// languages.
pub(crate) fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Option<&'static Language> {
    let reg = registry();
    let mut hits = vec![0usize; reg.langs.len()];
    let mut total = 0usize;
    let mut lower = String::new();
    // Letters seen, and of them kana, Chinese characters and Hangul.
    let (mut letters, mut kana, mut han, mut korean) = (0usize, 0usize, 0usize, 0usize);
    'outer: for text in texts {
        for c in crate::util::prefix(text, 4000).chars() {
            // (ASCII, most letters of most pages, is of none of the
            // scripts counted: asked about them, it cost every letter
            // the look at each script's ranges.)
            if c.is_ascii() {
                letters += usize::from(c.is_ascii_alphabetic());
                continue;
            }
            if c.is_alphabetic() {
                letters += 1;
                if matches!(c, '\u{3040}'..='\u{30ff}') {
                    kana += 1;
                } else if unspaced(c) {
                    han += 1;
                } else if hangul(c) {
                    korean += 1;
                }
            }
        }
        for w in words(text) {
            total += 1;
            // Lower case shrinks a word to a third at most (KELVIN SIGN -> k).
            if w.len() > reg.longest * 3 {
                continue;
            }
            // (A word in lower-case ASCII is looked up as it is.)
            let key = if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                w
            } else {
                lower_word(w, &mut lower);
                lower.as_str()
            };
            if let Some(&mask) = reg.index.get(key) {
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
    // A page mostly in one of the scripts written without stop-word lists.
    let script = |code: &str| reg.langs.iter().find(|l| l.code == code);
    if (kana + han + korean) * 3 >= letters && letters >= 20 {
        return if korean >= kana + han {
            script("ko")
        } else if kana * 10 >= kana + han {
            script("ja")
        } else {
            script("zh")
        };
    }
    // On a tie the earlier language wins (English first).
    let (best, &count) = hits.iter().enumerate().rev().max_by_key(|(_, &h)| h)?;
    if count >= 3 && count * 10 >= total {
        Some(&reg.langs[best])
    } else {
        None
    }
}

/// A word in lower case, into `out` (cleared first): ASCII without
/// Unicode look-ups. The Turkish capital İ becomes a plain i (Unicode's
/// lower case adds a combining dot above, which no list has).
pub(crate) fn lower_word(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        for c in w.chars() {
            if c == 'İ' {
                out.push('i');
            } else {
                crate::lower::push_lower(c, out);
            }
        }
    }
}

/// A text in lower case for [`Language::furniture_hits`]: the Turkish
/// capital İ becomes a plain i, as in [`lower_word`].
pub(crate) fn lower_text(text: &str) -> String {
    if text.contains('İ') {
        crate::lower::to_lower(&text.replace('İ', "i"))
    } else {
        crate::lower::to_lower(text)
    }
}

impl Language {
    fn new(code: &'static str, bit: u32, stop: &'static str, furniture: Vec<Phrase>) -> Language {
        let mut starts = vec![0u16; 257];
        for p in &furniture {
            starts[usize::from(first_byte(p)) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        // The phrases' indices ordered by first byte, then index: a counting
        // sort over the buckets just counted (no sort code in the `.wasm`).
        let mut next = starts.clone();
        let mut by_first = vec![0u16; furniture.len()];
        for (i, p) in furniture.iter().enumerate() {
            let slot = &mut next[usize::from(first_byte(p))];
            by_first[usize::from(*slot)] = i as u16;
            *slot += 1;
        }
        let coverage = |code: &str| {
            COVERAGE
                .iter()
                .find(|(c, _)| *c == code)
                .map_or(COVERAGE[0].1, |&(_, v)| v)
        };
        Language {
            code,
            bit,
            density_scale: coverage("en") / coverage(code),
            stop: stop.split_whitespace().collect(),
            furniture,
            by_first,
            starts,
        }
    }

    /// The factor that puts this language's stop-word density on the
    /// English scale ([`COVERAGE`]).
    pub(crate) fn density_scale(&self) -> f32 {
        self.density_scale
    }

    /// Whether the language has a stop-word list (Japanese, Chinese and
    /// Korean have none: sentence punctuation stands in for it).
    pub(crate) fn has_stop_words(&self) -> bool {
        !self.stop.is_empty()
    }

    /// Whether a word, in any case, is one of this language's stop words
    /// (`scratch`: room for its lower case). A word already in lower-case
    /// ASCII, as most are, is looked up as it is, not copied.
    pub(crate) fn is_stop_any_case(&self, w: &str, scratch: &mut String) -> bool {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return self.is_stop(w);
        }
        lower_word(w, scratch);
        self.is_stop(scratch)
    }

    /// Whether a lower-case word is one of this language's stop words.
    pub(crate) fn is_stop(&self, lower_word: &str) -> bool {
        registry()
            .index
            .get(lower_word)
            .is_some_and(|mask| mask & self.bit != 0)
    }

    /// The furniture phrases found in a lower-case text (this language and
    /// English), in the order of the lists.
    ///
    /// One pass over the text: at every word start only the phrases that
    /// begin with that byte are tried.
    pub(crate) fn furniture_hits(&'static self, lower: &str) -> Vec<&'static str> {
        let en = english();
        let langs: &[&Language] = if self.code == "en" {
            &[self]
        } else {
            &[self, en]
        };
        // The phrases found, by their place in the lists (one after the
        // other), kept in order and each once: few or none per text, where
        // a flag for every phrase of the lists was set and then read back
        // for every text.
        let mut hits: Vec<usize> = Vec::new();
        let bytes = lower.as_bytes();
        let mut prev_alnum = false;
        for (at, c) in lower.char_indices() {
            if !prev_alnum {
                let mut offset = 0;
                for lang in langs {
                    let b = usize::from(bytes[at]);
                    let range = usize::from(lang.starts[b])..usize::from(lang.starts[b + 1]);
                    for &i in &lang.by_first[range] {
                        let p = &lang.furniture[usize::from(i)];
                        if phrase_at(lower, at, p) {
                            let hit = offset + usize::from(i);
                            if let Err(k) = hits.binary_search(&hit) {
                                hits.insert(k, hit);
                            }
                        }
                    }
                    offset += lang.furniture.len();
                }
            }
            prev_alnum = word_char(c) && (c.is_ascii() || !unspaced(c));
        }
        let mut found = Vec::new();
        if hits.is_empty() {
            return found;
        }
        let mut offset = 0;
        for lang in langs {
            let end = offset + lang.furniture.len();
            for &h in hits.iter().filter(|&&h| (offset..end).contains(&h)) {
                let p = &lang.furniture[h - offset];
                if !found.contains(&p.text) {
                    found.push(p.text);
                }
            }
            offset = end;
        }
        found
    }
}

fn first_byte(p: &Phrase) -> u8 {
    p.text.as_bytes().first().copied().unwrap_or(0)
}

/// Furniture phrases of English alone, for text whose language is unknown.
pub(crate) fn furniture_hits_any(lower: &str) -> Vec<&'static str> {
    english().furniture_hits(lower)
}

/// Whether the phrase is at byte `at` (a word start) of `lower`, ending at a
/// word end unless it is a prefix.
fn phrase_at(lower: &str, at: usize, p: &Phrase) -> bool {
    let (rest, text) = (&lower.as_bytes()[at..], p.text.as_bytes());
    // (The first byte is the bucket's; the second, compared here, turns
    // most phrases away before a comparison of the whole.)
    if text.is_empty() || text.get(1).is_some_and(|b| rest.get(1) != Some(b)) {
        return false;
    }
    if !rest.starts_with(text) {
        return false;
    }
    let end = at + p.text.len();
    p.prefix
        || lower[end..]
            .chars()
            .next()
            .is_none_or(|c| !word_char(c) || unspaced(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts_without_stop_words() {
        let code = |text: &str| detect(std::iter::once(text)).map(|l| l.code);
        assert_eq!(
            code("大臣は、協議があと一週間続く見通しで、結果には期待していると述べた。"),
            Some("ja")
        );
        assert_eq!(
            code("部长表示，会谈将再持续一周，他对结果充满希望。"),
            Some("zh")
        );
        assert_eq!(
            code("장관은 회담이 일주일 더 계속될 것이며 결과를 기대한다고 말했다."),
            Some("ko")
        );
        // A few Chinese characters in English text do not make it Chinese.
        assert_eq!(
            code("The minister said the talks (会谈) would go on for another week."),
            Some("en")
        );
        // No stop words: sentence punctuation stands in for them.
        assert!(!by_code("ja").is_some_and(|l| l.has_stop_words()));
    }

    #[test]
    fn furniture_inside_unspaced_text() {
        let ja = by_code("ja").unwrap();
        assert!(ja.furniture_hits("【関連記事】").contains(&"関連記事"));
        assert!(ja
            .furniture_hits("※コメントは個人の見解です")
            .contains(&"コメント"));
        let zh = by_code("zh").unwrap();
        assert!(zh.furniture_hits("责任编辑：王明").contains(&"责任编辑"));
        let ko = by_code("ko").unwrap();
        assert!(ko
            .furniture_hits("관련기사를 더 보기")
            .contains(&"관련기사"));
        // Prose without furniture words.
        assert!(ja.furniture_hits("大臣は協議が続くと述べた。").is_empty());
    }

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
            ("sv", "Ministern sade att samtalen skulle fortsätta i en vecka till och att han var hoppfull om det."),
            ("da", "Ministeren sagde, at forhandlingerne ville fortsætte en uge mere, og at han havde håb for det."),
            ("ru", "Министр сказал, что переговоры продлятся ещё неделю и что он надеется на их успех."),
            ("cs", "Ministr řekl, že jednání budou pokračovat ještě týden a že je plný naděje, což je už něco."),
            ("id", "Menteri mengatakan bahwa perundingan akan berlangsung satu minggu lagi dan dia sangat berharap."),
            ("ro", "Ministrul a spus că discuțiile vor continua încă o săptămână și că este plin de speranță."),
            ("hu", "A miniszter azt mondta, hogy a tárgyalások még egy hétig folytatódnak, és hogy ő nagyon bizakodó."),
            ("fi", "Ministeri sanoi, että neuvottelut jatkuvat vielä viikon ja että hän on niistä hyvin toiveikas."),
            ("nb", "Ministeren sa at forhandlingene skulle fortsette etter helgen, og at han ikke hadde gitt opp håpet."),
            ("uk", "Міністр сказав, що переговори триватимуть ще тиждень і що він сповнений надії на це."),
            ("tr", "Bakan, görüşmelerin bir hafta daha süreceğini ve sonuç için çok umutlu olduğunu söyledi."),
            ("vi", "Bộ trưởng cho biết các cuộc đàm phán sẽ kéo dài thêm một tuần nữa và ông rất hy vọng vào kết quả."),
            ("el", "Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν για μία ακόμη εβδομάδα και ότι είναι αισιόδοξος."),
            ("ar", "قال الوزير إن المحادثات ستستمر لمدة أسبوع آخر، وإنه متفائل بشأن النتائج التي يمكن أن تتحقق في هذه المرحلة."),
            ("fa", "وزیر گفت که مذاکرات یک هفته دیگر ادامه خواهد داشت و او به نتیجه آن امیدوار است."),
            ("he", "השר אמר כי השיחות יימשכו עוד שבוע וכי הוא אופטימי לגבי התוצאות, אבל לא פירט מה יהיה בהסכם."),
            ("hi", "मंत्री ने कहा कि बातचीत एक और सप्ताह तक चलेगी और उन्हें इसके नतीजों से बहुत उम्मीद है।"),
            ("ca", "El ministre va dir que les converses continuaran una setmana més i que està esperançat amb el resultat."),
            ("hr", "Ministar je rekao da će se pregovori nastaviti još tjedan dana i da se nada da će biti uspješni."),
            ("bg", "Министърът заяви, че преговорите ще продължат още една седмица и че той се надява на успех."),
        ];
        for (code, text) in cases {
            assert_eq!(
                detect(std::iter::once(text)).map(|l| l.code),
                Some(code),
                "{text}"
            );
        }
        assert!(detect(std::iter::once("12345 67890")).is_none());
        // A Turkish İ in lower case is a plain i.
        let mut lower = String::new();
        lower_word("İLE", &mut lower);
        assert_eq!(lower, "ile");
        assert_eq!(lower_text("İlgili Haberler"), "ilgili haberler");
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

    #[test]
    fn every_language_has_furniture() {
        let cases = [
            ("de", "zum inhalt springen", "zum inhalt springen"),
            ("fr", "vous aimerez aussi", "vous aimerez aussi"),
            ("es", "noticias relacionadas", "noticias relacionadas"),
            ("it", "lascia un commento", "lascia un commento"),
            ("nl", "terug naar boven", "terug naar boven"),
            ("pt", "deixe seu comentário", "deixe seu comentário"),
            ("pl", "przeczytaj także", "przeczytaj także"),
            ("sv", "läs också", "läs också"),
            ("da", "tilmeld dig vores nyhedsbrev", "nyhedsbrev"),
            ("ru", "читайте также", "читайте также"),
            ("cs", "všechna práva vyhrazena", "všechna práva vyhrazena"),
            ("id", "baca juga", "baca juga"),
            ("ro", "cele mai citite", "cele mai citite"),
            ("hu", "kapcsolódó cikkek", "kapcsolódó cikkek"),
            ("fi", "lue myös", "lue myös"),
            ("nb", "les også", "les også"),
            ("uk", "читайте також", "читайте також"),
            ("tr", "ilgili haberler", "ilgili haberler"),
            ("vi", "tin liên quan", "tin liên quan"),
            ("el", "διαβάστε επίσης", "διαβάστε επίσης"),
            ("ar", "اقرأ أيضاً", "اقرأ أيضا"),
            ("fa", "ادامه مطلب", "ادامه مطلب"),
            ("he", "כל הזכויות שמורות", "כל הזכויות שמורות"),
            ("hi", "यह भी पढ़ें", "यह भी पढ़ें"),
            ("ca", "notícies relacionades", "notícies relacionades"),
            ("hr", "pročitajte još", "pročitajte još"),
            ("bg", "прочетете още", "прочетете още"),
        ];
        for (code, text, phrase) in cases {
            let lang = by_code(code).unwrap();
            assert!(
                lang.furniture_hits(text).contains(&phrase),
                "{code}: {text}"
            );
            // English furniture applies on every page as well.
            assert!(lang.furniture_hits("read more").contains(&"read more"));
        }
        // Prefix phrases take any ending; the others end at a word end.
        let hu = by_code("hu").unwrap();
        assert!(hu.furniture_hits("iratkozz fel a hírlevelünkre").is_empty());
        assert!(hu
            .furniture_hits("hírlevél feliratkozás")
            .contains(&"hírlevél"));
        assert!(by_code("fi").unwrap().furniture_hits("tilaaja").is_empty());
        // A Hindi phrase ends at a word end: a virama does not end a word.
        let hi = by_code("hi").unwrap();
        assert!(hi.furniture_hits("विज्ञापन").contains(&"विज्ञापन"));
        assert!(hi.furniture_hits("विज्ञापन्न").is_empty());
    }

    #[test]
    fn new_languages_are_not_confused_with_their_neighbours() {
        let code = |text: &str| detect(std::iter::once(text)).map(|l| l.code);
        // Spanish is not Catalan, Russian not Bulgarian, Czech and Polish
        // not Croatian, Arabic not Persian.
        let cases = [
            ("es", "La alcaldesa dijo que las obras del puente terminarán en mayo y que el tráfico volverá a la normalidad."),
            ("ca", "L'alcaldessa va dir que les obres del pont acabaran al maig i que el trànsit tornarà a la normalitat."),
            ("ru", "Мэр сказал, что ремонт моста закончится в мае и что движение снова станет обычным."),
            ("bg", "Кметът каза, че ремонтът на моста ще приключи през май и че движението ще бъде нормално."),
            ("cs", "Starosta řekl, že oprava mostu skončí v květnu a že doprava se pak vrátí do normálu."),
            ("pl", "Burmistrz powiedział, że remont mostu zakończy się w maju i że ruch wróci wtedy do normy."),
            ("hr", "Gradonačelnik je rekao da će radovi na mostu biti gotovi u svibnju i da će se promet vratiti u normalu."),
            ("ar", "وقال رئيس البلدية إن أعمال إصلاح الجسر ستنتهي في شهر مايو وإن حركة المرور ستعود إلى طبيعتها بعد ذلك."),
            ("fa", "شهردار گفت که تعمیر پل در اردیبهشت تمام می شود و پس از آن رفت و آمد به حالت عادی برمی گردد."),
        ];
        for (want, text) in cases {
            assert_eq!(code(text), Some(want), "{text}");
        }
    }

    #[test]
    fn every_language_with_stop_words_has_its_coverage() {
        for l in &registry().langs {
            assert_eq!(
                l.has_stop_words(),
                COVERAGE.iter().any(|(c, _)| *c == l.code),
                "{}",
                l.code
            );
        }
    }

    #[test]
    fn codes_of_the_same_lists() {
        let code = |c: &str| by_code(c).map(|l| l.code);
        assert_eq!(code("he-IL"), Some("he"));
        assert_eq!(code("iw"), Some("he"));
        assert_eq!(code("bs"), Some("hr"));
        assert_eq!(code("sr-Latn-RS"), Some("hr"));
        // Serbian in Cyrillic, or not said, has no list of its own.
        assert_eq!(code("sr"), None);
        assert_eq!(code("sr-Cyrl"), None);
        assert_eq!(code("CA"), Some("ca"));
    }
}
