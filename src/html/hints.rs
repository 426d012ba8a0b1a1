//! What an element's class and id say: the words that mark page
//! furniture (and the article), looked up once per element when the page
//! is parsed, and the byte-level matching they share with the other rules
//! that read class words.

use html5ever::{local_name, Attribute};

use crate::reason::Furniture;
use crate::tuning::HtmlTuning;

/// Tokens of class and id that mark page furniture, with the reason in words;
/// a trailing `*` matches any token that begins with the word.
const FURNITURE: &[(Furniture, &[&str])] = &[
    (
        Furniture::Comments,
        &[
            "comment",
            "comments",
            "commentlist",
            "respond",
            "reply",
            "replies",
        ],
    ),
    (
        Furniture::CookieBanner,
        &["cookie*", "cookies", "consent", "gdpr"],
    ),
    (
        Furniture::ShareButtons,
        &[
            "share",
            "sharing",
            "shares",
            "social*",
            "socials",
            "sharebar",
            "byline-social",
        ],
    ),
    (
        Furniture::Related,
        &[
            "related*",
            "recommended",
            "recommendations",
            "recirc",
            "teaser",
            "teasers",
            "more-stories",
            "outbrain*",
            "taboola*",
        ],
    ),
    (
        Furniture::Newsletter,
        &[
            "newsletter*",
            "subscribe",
            "subscription",
            "signup",
            "login",
            "paywall",
        ],
    ),
    (
        Furniture::Advertisement,
        &[
            "advert*",
            "advertisement",
            "ad",
            "ads",
            "adslot",
            "sponsor",
            "sponsored",
            "promo",
            "promotion",
            "banner",
        ],
    ),
    (
        Furniture::Navigation,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "breadcrumb*",
            "breadcrumbs",
            "pagination",
            "pager",
            "skip",
        ],
    ),
    (Furniture::Sidebar, &["sidebar*", "widget", "toolbar"]),
    (Furniture::Footer, &["footer*"]),
    (
        Furniture::Other,
        &[
            "popup",
            "modal",
            "masthead",
            "tags",
            "tagcloud",
            "author-bio",
            "bio",
            "print",
            "rss",
        ],
    ),
];

/// Tokens of class and id that mark the article.
const POSITIVE: &[&str] = &[
    "article",
    "articlebody",
    "article-body",
    "article-content",
    "articlecontent",
    "body",
    "content",
    "entry",
    "entry-content",
    "main",
    "post",
    "post-content",
    "post-body",
    "postbody",
    "story",
    "story-body",
    "storybody",
    "text",
    "blog",
    "page-content",
    "prose",
    "markdown",
];

/// What an element's class and id say: the groups of `FURNITURE` that one
/// of their tokens matches (bit `i` for `FURNITURE[i]`), and whether one
/// marks the article (`POSITIVE`).
///
/// The tokens are the whitespace-separated words in lower case and, for a
/// word with other characters than ASCII letters and digits, its runs of
/// letters and digits; they are compared in place, without copies.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints {
    pub(super) furniture: u16,
    pub(super) positive: bool,
    /// Whether a word names reviews (pruned only where the profile says:
    /// [`HtmlTuning::prune_reviews`]).
    pub(super) reviews: bool,
}

/// `FURNITURE` and `POSITIVE` for look-ups: whole words sorted by their
/// key ([`key`]), with their groups' bits and whether they mark the
/// article; the stems of the words ending in `*`, as a key and a mask of
/// their length, their length, and their group's bit.
///
/// Every class and id token of the page is looked up (hundreds of
/// thousands on a corpus), nearly all of them matching nothing: the words
/// are also in a small hash table (`slots`), and the stems are grouped by
/// their first byte (`stems_by_first`), so a token is compared with the one
/// or two entries it could be rather than searched for among all.
struct HintTable {
    words: Vec<(Key, u16, bool)>,
    stems: Vec<(u128, u128, usize, u16)>,
    /// The words by [`slot`] of their key, open addressing (a taken slot
    /// sends a word to the next one): indices into `words`.
    slots: Vec<Option<usize>>,
    /// For each first byte, the stems (indices into `stems`) that begin
    /// with it; an empty stem (none is) would be in every list.
    stems_by_first: Vec<Vec<usize>>,
}

/// How far the key's high half is turned before it is folded onto its low
/// half (any turn that is not a multiple of 8 mixes bytes of the two
/// halves' same places).
const SLOT_FOLD: u32 = 29;

/// The multiplier that spreads the folded key over the product's high
/// bits: 2^64 divided by the golden ratio (Fibonacci hashing).
const SLOT_MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Slots per word at least (the table is at most a quarter full, so that
/// searches end soon), and the fewest slots.
const SLOTS_PER_WORD: usize = 4;
const MIN_SLOTS: usize = 64;

/// The home slot of a key in a table of `len` slots (a power of two).
fn slot(k: Key, len: usize) -> usize {
    let x = (k.1 as u64) ^ ((k.1 >> u64::BITS) as u64).rotate_left(SLOT_FOLD) ^ (k.0 as u64);
    let h = x.wrapping_mul(SLOT_MULTIPLIER);
    // The high bits of the product, which every bit of `x` reaches.
    (h >> (u64::BITS - len.trailing_zeros())) as usize & (len - 1)
}

impl HintTable {
    /// The groups' bits and whether it marks the article, of a whole word.
    fn word(&self, k: Key) -> Option<(u16, bool)> {
        let len = self.slots.len();
        let mut s = slot(k, len);
        // (The table is never full: an empty slot ends every search.)
        for _ in 0..len {
            let i = (*self.slots.get(s)?)?;
            let (w, furniture, positive) = *self.words.get(i)?;
            if w == k {
                return Some((furniture, positive));
            }
            s = (s + 1) & (len - 1);
        }
        None
    }

    /// The bits of the stems a token (its key `k`) begins with.
    fn stems_of(&self, k: Key) -> u16 {
        let mut bits = 0;
        let first = &self.stems_by_first[usize::from(k.1 as u8)];
        for &(m, stem, n, bit) in first.iter().filter_map(|&i| self.stems.get(i)) {
            if k.0 >= n && k.1 & m == stem {
                bits |= bit;
            }
        }
        bits
    }
}

/// A word of up to [`KEY_BYTES`] bytes as a number: its length and its
/// bytes, in ASCII lower case, little-endian (compared without `memcmp`).
type Key = (usize, u128);

/// Bytes of the longest word in `FURNITURE` and `POSITIVE` (checked by a
/// test): a longer token is none of them.
const KEY_BYTES: usize = 16;

/// The key of a token's first [`KEY_BYTES`] bytes, in ASCII lower case.
fn key(t: &[u8]) -> Key {
    // (The bytes lowered in one array, not shifted in one by one.)
    let mut bytes = [0u8; KEY_BYTES];
    let n = t.len().min(KEY_BYTES);
    if let (Some(to), Some(from)) = (bytes.get_mut(..n), t.get(..n)) {
        to.copy_from_slice(from);
    }
    bytes.make_ascii_lowercase();
    (t.len(), u128::from_le_bytes(bytes))
}

/// The mask of a key's first `n` bytes.
fn mask(n: usize) -> u128 {
    if n >= KEY_BYTES {
        u128::MAX
    } else {
        (1u128 << (8 * n)) - 1
    }
}

fn hint_table() -> &'static HintTable {
    static TABLE: std::sync::OnceLock<HintTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: Vec<(Key, u16, bool)> = Vec::new();
        let mut stems = Vec::new();
        for (i, (_, list)) in FURNITURE.iter().enumerate() {
            for w in list.iter() {
                match w.strip_suffix('*') {
                    Some(stem) => {
                        let n = stem.len().min(KEY_BYTES);
                        stems.push((mask(n), key(stem.as_bytes()).1, stem.len(), 1 << i));
                    }
                    None => words.push((key(w.as_bytes()), 1 << i, false)),
                }
            }
        }
        words.extend(POSITIVE.iter().map(|w| (key(w.as_bytes()), 0, true)));
        // (A hundred words, once per process.)
        crate::util::sort_small(&mut words, |a, b| a.0 > b.0);
        // One entry per word, with the bits of all its entries.
        let mut merged: Vec<(Key, u16, bool)> = Vec::with_capacity(words.len());
        for (w, f, p) in words {
            match merged.last_mut() {
                Some(last) if last.0 == w => {
                    last.1 |= f;
                    last.2 |= p;
                }
                _ => merged.push((w, f, p)),
            }
        }
        let len = (merged.len() * SLOTS_PER_WORD)
            .next_power_of_two()
            .max(MIN_SLOTS);
        let mut slots = vec![None; len];
        for (i, &(w, _, _)) in merged.iter().enumerate() {
            let mut s = slot(w, len);
            while slots[s].is_some() {
                s = (s + 1) & (len - 1);
            }
            slots[s] = Some(i);
        }
        let mut stems_by_first = vec![Vec::new(); 256];
        for (i, &(_, stem, n, _)) in stems.iter().enumerate() {
            if n == 0 {
                stems_by_first.iter_mut().for_each(|l| l.push(i));
            } else {
                stems_by_first[usize::from(stem as u8)].push(i);
            }
        }
        HintTable {
            words: merged,
            stems,
            slots,
            stems_by_first,
        }
    })
}

/// Calls `f` with each non-empty part of `s` between the bytes that `sep`
/// says are separators, in order. A separator must be an ASCII byte or
/// any byte of a character that is not ASCII (then every byte of that
/// character is one): the parts then hold whole characters.
fn for_each_part<'s>(s: &'s str, sep: impl Fn(u8) -> bool, mut f: impl FnMut(&'s str)) {
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if sep(b) {
            if let Some(part) = s.get(start..i).filter(|p| !p.is_empty()) {
                f(part);
            }
            start = i + 1;
        }
    }
    if let Some(part) = s.get(start..).filter(|p| !p.is_empty()) {
        f(part);
    }
}

impl Hints {
    /// What an element's attributes say by their class and id.
    pub(super) fn of(attrs: &[Attribute]) -> Hints {
        let mut h = Hints::default();
        for name in [&local_name!("class"), &local_name!("id")] {
            if let Some(v) = attrs.iter().find(|a| a.name.local == *name) {
                let word = |word: &str| {
                    if selects_inside(word) {
                        return;
                    }
                    h.add(word);
                    if word.bytes().any(|b| !b.is_ascii_alphanumeric()) {
                        for_each_part(word, |b| !b.is_ascii_alphanumeric(), |part| h.add(part));
                    }
                };
                // (ASCII, nearly every value, is split by its bytes; the
                // white space of ASCII is `\t` to `\r` and the space.)
                if v.value.is_ascii() {
                    for_each_part(&v.value, |b| matches!(b, b'\t'..=b'\r' | b' '), word);
                } else {
                    v.value.split_whitespace().for_each(word);
                }
            }
        }
        h
    }

    /// Adds one token (compared as if in ASCII lower case).
    fn add(&mut self, token: &str) {
        let table = hint_table();
        self.reviews |= ["review", "reviews"]
            .iter()
            .any(|w| token.eq_ignore_ascii_case(w));
        let k = key(token.as_bytes());
        // Whole words: no word is longer than a key.
        if k.0 <= KEY_BYTES {
            if let Some((furniture, positive)) = table.word(k) {
                self.furniture |= furniture;
                self.positive |= positive;
            }
        }
        // A word ending in `*` also matches the tokens it begins
        // ("related*": "relatedposts"), as class names are often run together.
        self.furniture |= table.stems_of(k);
    }

    /// A reason in words for a class/id that marks furniture: the first
    /// group of `FURNITURE` that matches.
    pub(super) fn furniture_reason(self) -> Option<Furniture> {
        (self.furniture != 0).then(|| FURNITURE[self.furniture.trailing_zeros() as usize].0)
    }

    /// Whether one of the words names this kind of furniture.
    pub(super) fn names(self, kind: Furniture) -> bool {
        FURNITURE
            .iter()
            .enumerate()
            .any(|(i, (f, _))| *f == kind && self.furniture & (1 << i) != 0)
    }

    /// The groups of `FURNITURE` its words match, one bit each.
    pub(super) fn furniture_bits(self) -> u16 {
        self.furniture
    }

    /// Class/id weight in the spirit of Readability: furniture negative,
    /// article positive, and none (0) when the words say both or neither.
    pub(super) fn weight(self, tuning: &HtmlTuning) -> f32 {
        match (self.furniture != 0, self.positive) {
            (true, false) => tuning.furniture_class_weight,
            (false, true) => tuning.article_class_weight,
            _ => 0.0,
        }
    }
}

/// Whether a class word is a utility class with brackets, which says
/// nothing of what its element is: an arbitrary value ("py-[14px]"), or a
/// selector for what is inside the element ("[&_figcaption]:mt-2" sets
/// the margin of the captions below it, "[&_h4]:text-lg" the size of its
/// headings' text).
pub(super) fn selects_inside(word: &str) -> bool {
    word.contains('[')
}

/// Whether a class or id value has `word` (ASCII, lower case) as one of
/// its words in any ASCII case. Words are split at marks and where a
/// capital follows a small letter: "post-author", "authorName" and
/// "PostAuthor" all have the word "author".
pub(super) fn has_word(value: &str, word: &str) -> bool {
    let b = value.as_bytes();
    let mut start = 0;
    for i in 0..=b.len() {
        let ends = i == b.len()
            || !b[i].is_ascii_alphanumeric()
            || (i > start && b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase());
        if ends {
            if b[start..i].eq_ignore_ascii_case(word.as_bytes()) {
                return true;
            }
            start = if i < b.len() && b[i].is_ascii_alphanumeric() {
                i
            } else {
                i + 1
            };
        }
    }
    false
}

/// Whether `needle` (ASCII, lower case) occurs in `hay` in any ASCII case.
pub(super) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    let mut i = 0;
    while i + n.len() <= h.len() {
        let Some(at) = first_candidate(h, i, first) else {
            return false;
        };
        if h.get(at..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return true;
        }
        i = at + 1;
    }
    false
}

/// The first position at or after `from` of a byte that may be `first` in
/// some ASCII case: every byte that is, and a few that are not (the bytes
/// equal to it once bit 0x20 is set in both), eight bytes at a time.
fn first_candidate(h: &[u8], from: usize, first: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let want = LO * u64::from(first | 0x20);
    let mut i = from;
    while let Some(w) = crate::util::le_word(h, i) {
        // (A zero byte where `w`, with bit 0x20 set, equals the wanted one.)
        let y = (w | (LO * 0x20)) ^ want;
        let m = y.wrapping_sub(LO) & !y & HI;
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    h.get(i..)?
        .iter()
        .position(|&c| c | 0x20 == first | 0x20)
        .map(|p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_class_split_at_marks_and_capitals() {
        for v in [
            "author",
            "post-author",
            "authorName",
            "PostAuthor",
            "x AUTHOR y",
            "a_author",
        ] {
            assert!(has_word(v, "author"), "{v}");
        }
        for v in [
            "",
            "authority",
            "coauthor",
            "authors",
            "AuthorityScore",
            "autho",
        ] {
            assert!(!has_word(v, "author"), "{v}");
        }
    }

    #[test]
    fn contains_in_any_case_as_by_lower_case() {
        let hays = [
            "",
            "p",
            "Price",
            "product-PRICE-tag",
            "xxxxxxxxprice",
            "pric",
            "a-price_b",
            "PpPpPprice!",
        ];
        for hay in hays {
            for needle in ["price", "p", "-pr", "e_b", "cart"] {
                let by_lower = hay.to_ascii_lowercase().contains(needle);
                assert_eq!(
                    contains_ignore_ascii_case(hay, needle),
                    by_lower,
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn parts_are_split_as_by_characters() {
        let not_alnum = |b: u8| !b.is_ascii_alphanumeric();
        for s in [
            "post-body__text",
            "a—b",
            "—x",
            "x—",
            "é",
            "",
            "--a--b--",
            "naïve_ok",
        ] {
            let mut parts = Vec::new();
            for_each_part(s, not_alnum, |p| parts.push(p));
            let by_chars: Vec<&str> = s
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|p| !p.is_empty())
                .collect();
            assert_eq!(parts, by_chars, "{s:?}");
        }
        let mut words = Vec::new();
        for_each_part(
            " a\tb\x0bc  ",
            |b| matches!(b, b'\t'..=b'\r' | b' '),
            |w| words.push(w),
        );
        assert_eq!(words, " a\tb\x0bc  ".split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn hint_words_fit_the_look_up() {
        let table = hint_table();
        let all = FURNITURE.iter().flat_map(|(_, l)| l.iter()).chain(POSITIVE);
        assert!(all.clone().all(|w| w.len() <= KEY_BYTES));
        assert!(all
            .clone()
            .all(|w| !w.bytes().any(|b| b.is_ascii_uppercase())));
        assert_eq!(
            table.words.len() + table.stems.len(),
            all.filter(|w| !w.ends_with('*'))
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                + FURNITURE
                    .iter()
                    .flat_map(|(_, l)| l.iter())
                    .filter(|w| w.ends_with('*'))
                    .count()
        );
        assert!(table.words.windows(2).all(|p| p[0].0 < p[1].0));
        // Every word is found through the hash table, and a near miss is not.
        for &(w, f, p) in &table.words {
            assert_eq!(table.word(w), Some((f, p)));
            assert_eq!(table.word((w.0 + 1, w.1)), None);
        }
        let hint = |token: &str| {
            let mut h = Hints::default();
            h.add(token);
            h
        };
        assert_eq!(
            hint("Related-Posts").furniture_reason(),
            Some(Furniture::Related)
        );
        assert_eq!(hint("NAV").furniture_reason(), Some(Furniture::Navigation));
        assert!(hint("Article-Body").positive);
        assert_eq!(hint("navigational").furniture, 0);
    }
}
