//! Small text helpers shared by the pipeline.

/// The marks that end a sentence, in Latin and in Chinese and Japanese
/// (full width).
pub(crate) const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', '。', '！', '？'];

/// The words of a text: maximal runs of letters and digits (see
/// [`word_char`]).
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !word_char(c))
        .filter(|w| !w.is_empty())
}

/// How many words a text has (`words(text).count()`), counted in one pass
/// over its bytes without splitting it: ASCII by a byte's class, other
/// characters decoded.
pub(crate) fn word_count(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut n, mut inside, mut i) = (0, false, 0);
    while i < b.len() {
        let (word, len) = if b[i].is_ascii() {
            (b[i].is_ascii_alphanumeric(), 1)
        } else {
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (word_char(c), c.len_utf8()),
                None => (false, 1),
            }
        };
        n += usize::from(word && !inside);
        inside = word;
        i += len;
    }
    n
}

/// Whether a character belongs to a word: a letter or digit, or any mark of
/// the Indic scripts (U+0900 to U+0DFF, Devanagari to Sinhala) but their
/// full stops. Unicode does not count the virama, which joins consonants,
/// or the nukta as letters, and splitting at them would cut most Hindi words
/// in pieces.
///
/// The blocks of Unicode most pages use beyond ASCII are answered here, by
/// ranges (the same answers, checked for every character by a test):
/// std's look-up of the alphabetic property searches a table for every
/// character that is not ASCII, typographic quotes and dashes included.
pub(crate) fn word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        // Latin-1's signs: the ordinals, micro, the superscript digits and
        // the fractions are letters or digits.
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾'),
        // Latin-1's letters and Latin Extended-A and B, but × and ÷.
        '\u{c0}'..='\u{24f}' => !matches!(c, '×' | '÷'),
        // Cyrillic, but its thousands sign and combining marks.
        '\u{400}'..='\u{4ff}' => !matches!(c, '\u{482}'..='\u{489}'),
        '\u{0900}'..='\u{0dff}' => !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}'),
        // General Punctuation: spaces, dashes, quotes, bullets.
        '\u{2000}'..='\u{206f}' => false,
        // CJK Unified Ideographs and Hangul syllables.
        '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// A Chinese character or Japanese kana: scripts written without spaces,
/// where every character may start a word.
pub(crate) fn unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// How many characters of scripts written without spaces a text holds
/// (eight of them stand for a few words).
pub(crate) fn unspaced_chars(text: &str) -> usize {
    text.chars().filter(|&c| unspaced(c)).count()
}

/// Whether a text has at least `n` words, or, in a script written without
/// spaces, at least eight characters of it.
pub(crate) fn has_words(text: &str, n: usize) -> bool {
    words(text).count() >= n || unspaced_chars(text) >= 8
}

/// The entries of a word list in `src/data/`: its lines, trimmed, without
/// blank lines and `#` comments.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// [`data_lines`] read once into `cell`, for a list asked about for every
/// block: not the file's lines split and trimmed again each time.
pub(crate) fn data_list(
    cell: &'static std::sync::OnceLock<Vec<&'static str>>,
    data: &'static str,
) -> &'static [&'static str] {
    cell.get_or_init(|| data_lines(data).collect())
}

/// The entries of a word list, indexed by their first byte, to find whether
/// any of them occurs in a text in one pass over the text
/// ([`Phrases::any_in`]) instead of one search per entry.
pub(crate) struct Phrases {
    /// The entries, grouped by their first byte.
    list: Vec<&'static str>,
    /// `list[starts[b]..starts[b + 1]]` are the entries beginning with byte `b`.
    starts: Vec<usize>,
}

impl Phrases {
    /// The entries of a word list in `src/data/` ([`data_lines`]).
    pub(crate) fn new(data: &'static str) -> Phrases {
        let entries: Vec<&'static str> = data_lines(data).collect();
        let first = |p: &str| p.as_bytes().first().map_or(0, |&b| usize::from(b));
        let mut starts = vec![0; 257];
        for p in &entries {
            starts[first(p) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        // Each entry in its first byte's bucket, in the list's order (a
        // counting sort: no comparison sort is compiled in for it).
        let mut next = starts.clone();
        let mut list = vec![""; entries.len()];
        for p in entries {
            let slot = &mut next[first(p)];
            list[*slot] = p;
            *slot += 1;
        }
        Phrases { list, starts }
    }

    /// Whether any entry occurs in `text`: the same answer as
    /// `data_lines(data).any(|p| text.contains(p))`.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        let t = text.as_bytes();
        (0..t.len()).any(|i| {
            let b = usize::from(t[i]);
            let (from, to) = (self.starts[b], self.starts[b + 1]);
            self.list
                .get(from..to)
                .unwrap_or_default()
                .iter()
                // (The first byte is the bucket's; the second is compared
                // before the whole.)
                .any(|p| {
                    let p = p.as_bytes();
                    p.get(1).is_none_or(|b| t.get(i + 1) == Some(b)) && t[i..].starts_with(p)
                })
        })
    }
}

/// Puts a short list in order, stably, by insertion (`after(a, b)`: `a`
/// goes after `b`): for lists of a few dozen entries built once, where a
/// library sort would add its code to the .wasm. (Quadratic: never for
/// lists that grow with the input.)
pub(crate) fn sort_small<T>(list: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && after(&list[j - 1], &list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The middle of some numbers in order (the upper middle of an even
/// count), 0 for none. A heap sorts them: the library's sorts add a few
/// KB of code each to the .wasm.
pub(crate) fn median(numbers: Vec<usize>) -> usize {
    let sorted = std::collections::BinaryHeap::from(numbers).into_sorted_vec();
    sorted.get(sorted.len() / 2).copied().unwrap_or(0)
}

/// A Hangul syllable.
pub(crate) fn hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7af}')
}

/// The length of a text for judging it, in characters: Chinese and Japanese
/// characters and Hangul syllables say about twice as much as a letter and
/// count double.
pub(crate) fn text_len(text: &str) -> usize {
    text.chars().map(char_len).sum()
}

/// Whether `text` has more than `n` characters (`chars().count() > n`):
/// counted only when its length in bytes leaves it open (a character
/// takes one to four bytes).
pub(crate) fn more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && (text.len() / 4 > n || text.chars().count() > n)
}

/// One character's share of [`text_len`].
pub(crate) fn char_len(c: char) -> usize {
    1 + usize::from(c > '\u{2fff}' && (unspaced(c) || hangul(c)))
}

/// The eight bytes of `b` from `i`, as a little-endian word; `None` when
/// fewer than eight are left.
///
/// Read as one array (`first_chunk`) rather than copied into one
/// (`copy_from_slice`): in the WebAssembly build, made for size, the copy
/// stays a call to a general copying function for every word, which cost
/// more than the word's test itself.
#[inline(always)]
pub(crate) fn le_word(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..)?
        .first_chunk::<8>()
        .map(|w| u64::from_le_bytes(*w))
}

/// How many characters of `text` are not white space
/// (`text.chars().filter(|c| !c.is_whitespace()).count()`), a byte at a
/// time: only characters that may be white space are decoded.
pub(crate) fn count_non_space(text: &str) -> usize {
    count_non_space_max(text, usize::MAX)
}

/// [`count_non_space`], counting no further than `max`.
pub(crate) fn count_non_space_max(text: &str, max: usize) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < max {
        // Eight bytes of ASCII at once, while they cannot pass `max`.
        if let Some(w) = le_word(b, i).filter(|_| n + 8 <= max) {
            if let Some(k) = ascii_non_space(w) {
                n += k;
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c < 0x80 {
            n += usize::from(!matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
            i += 1;
        } else if c < 0xc0 {
            // A continuation byte: counted with its lead byte.
            i += 1;
        } else if matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3) {
            // Lead bytes of the white space beyond ASCII (U+0085, U+00A0,
            // U+1680, U+2000 to U+205F, U+3000).
            let ch = text[i..].chars().next().unwrap_or(' ');
            n += usize::from(!ch.is_whitespace());
            i += ch.len_utf8();
        } else {
            n += 1;
            i += 1;
        }
    }
    n
}

/// How many of eight bytes (a little-endian word) are not ASCII white
/// space (space, tab, line feed, vertical tab, form feed, carriage
/// return), when all eight are ASCII; `None` when one is not.
fn ascii_non_space(w: u64) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    if w & HI != 0 {
        return None;
    }
    // With every byte below 0x80, adding at most 0x7f to each carries into
    // no other byte: a byte's high bit then says how large it was.
    let is_space = {
        let x = w ^ (LO * u64::from(b' '));
        // (A byte of `x` is zero exactly where `w` has a space.)
        !((x + LO * 0x7f) | x) & HI
    };
    // Tab to carriage return: 0x09 to 0x0d, at least 9 and below 14.
    let is_control = (w + LO * (0x80 - 0x09)) & !(w + LO * (0x80 - 0x0e)) & HI;
    Some(8 - (is_space | is_control).count_ones() as usize)
}

/// Collapses runs of white space to one space and trims the ends.
pub(crate) fn norm_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether a character is dropped from the outputs by [`hygiene`]: the
/// soft hyphen (U+00AD, a hyphenation hint the reader never sees), the zero
/// width space (U+200B), the word joiner (U+2060) and the byte order mark
/// or zero width no-break space (U+FEFF). The zero width non-joiner and
/// joiner (U+200C, U+200D) are kept: they change how Persian, Arabic and
/// the Indic scripts are written, and which emoji a sequence shows.
pub(crate) fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// The plain text a reader means by a text: the invisible characters
/// ([`invisible`]) dropped, and the no-break spaces (U+00A0, and the narrow
/// one, U+202F) made plain spaces. Applied once, to the article's outputs
/// (see `render::finish`); the blocks keep their text as the page gave it.
pub(crate) fn hygiene(text: String) -> String {
    let Some(first) = first_unclean(&text) else {
        return text;
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..first).unwrap_or_default());
    for c in text.get(first..).unwrap_or_default().chars() {
        if nbsp(c) {
            out.push(' ');
        } else if !invisible(c) {
            out.push(c);
        }
    }
    out
}

/// A no-break space that [`hygiene`] makes a plain one.
fn nbsp(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}')
}

/// Where the first character that [`hygiene`] changes starts: the text is
/// read eight bytes at a time while they are ASCII, and only characters
/// whose first byte is one of theirs (0xC2, 0xE2, 0xEF) are decoded.
fn first_unclean(text: &str) -> Option<usize> {
    const HI: u64 = 0x8080_8080_8080_8080;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if le_word(b, i).is_some_and(|w| w & HI == 0) {
            i += 8;
            continue;
        }
        if matches!(b[i], 0xc2 | 0xe2 | 0xef)
            && text
                .get(i..)
                .and_then(|t| t.chars().next())
                .is_some_and(|c| invisible(c) || nbsp(c))
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// ASCII letters and digits in lower case; 0 for every other byte.
const fn ascii_keys() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
}
static ASCII_KEYS: [u8; 256] = ascii_keys();

/// A key that ignores case, punctuation and spacing: for comparing blocks.
///
/// The words of `text` (see [`words`]) in lower case, joined by one space.
/// One pass over the bytes into a buffer sized up front; ASCII (most of any
/// page, and all of its markup) goes through a table, without Unicode
/// look-ups.
pub(crate) fn norm_key(text: &str) -> String {
    let bytes = text.as_bytes();
    // Lower case grows a character by half at most (U+0130), and a space
    // always stands for at least one byte of the input.
    let mut out = vec![0u8; bytes.len() + bytes.len() / 2 + 8];
    let mut o = 0;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters and digits.
        while i < bytes.len() {
            let k = ASCII_KEYS[usize::from(bytes[i])];
            if k == 0 {
                break;
            }
            out[o] = k;
            o += 1;
            i += 1;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if c.is_ascii() {
            // A run of ASCII separators.
            while i < bytes.len() && bytes[i].is_ascii() && ASCII_KEYS[usize::from(bytes[i])] == 0 {
                i += 1;
            }
        } else {
            i += c.len_utf8();
            if word_char(c) {
                if out.len() < o + 16 {
                    out.resize(o + 16, 0);
                }
                let (a, b) = crate::lower::lower_char(c);
                o += a.encode_utf8(&mut out[o..]).len();
                if let Some(b) = b {
                    o += b.encode_utf8(&mut out[o..]).len();
                }
                continue;
            }
        }
        // A separator: the next word, if any, follows one space.
        if o > 0 && out[o - 1] != b' ' {
            out[o] = b' ';
            o += 1;
        }
    }
    if o > 0 && out[o - 1] == b' ' {
        o -= 1;
    }
    out.truncate(o);
    // Only whole characters were copied: the bytes are UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// 64-bit FNV-1a hash: stable across platforms and versions, for fingerprints.
pub(crate) fn fnv64(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A page's fingerprint for a cross-page memory: its first megabyte,
/// normalised (so that the same page cleaned twice is recognised).
pub(crate) fn page_id(input: &str) -> u64 {
    fnv64(&norm_key(prefix(input, 1 << 20)))
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // (std is the reference here)
mod tests {
    use super::*;

    /// The median is the sorted numbers' middle, the upper one of two.
    #[test]
    fn median_of_gaps() {
        assert_eq!(median(vec![]), 0);
        assert_eq!(median(vec![7]), 7);
        assert_eq!(median(vec![4, 1]), 4);
        assert_eq!(median(vec![3, 9, 1, 3, 2]), 3);
    }

    #[test]
    fn phrases_match_as_contains() {
        let data = "# a comment\nleave a reply\n\nkommentar\nпост\nab\n";
        let p = Phrases::new(data);
        for text in [
            "",
            "a",
            "leave a repl",
            "please leave a reply",
            "kommentar",
            "xxab",
            "постить",
            "пос",
            "ÿab",
            "leave a reply!",
        ] {
            assert_eq!(
                p.any_in(text),
                data_lines(data).any(|w| text.contains(w)),
                "{text}"
            );
        }
    }

    /// Words, spaces and word counts.
    #[test]
    fn words_and_spaces() {
        assert_eq!(
            words("Hello, wörld! 42x").collect::<Vec<_>>(),
            ["Hello", "wörld", "42x"]
        );
        assert_eq!(norm_space("  a \n\t b  "), "a b");
        for t in [
            "",
            " ",
            "Hello, wörld! 42x",
            "a",
            "–a–",
            "क्या है",
            "東京 2024年",
            "x\u{2028}y ž",
        ] {
            assert_eq!(word_count(t), words(t).count(), "{t:?}");
        }
    }

    /// Output hygiene, and the same as a character-wise pass.
    #[test]
    fn hygiene_as_charwise() {
        assert_eq!(
            hygiene("in\u{ad}ter\u{200b}na\u{2060}tion\u{feff}al 5\u{a0}km 9\u{202f}h".into()),
            "international 5 km 9 h"
        );
        assert_eq!(hygiene("a\u{200c}b\u{200d}c".into()), "a\u{200c}b\u{200d}c");
        // The same as a character-wise pass, wherever the first change falls.
        let slow = |t: &str| -> String {
            t.chars()
                .filter(|&c| !invisible(c))
                .map(|c| if nbsp(c) { ' ' } else { c })
                .collect()
        };
        for pad in ["", "a", "abcdefgh", "é€abcdefghij", "ab\u{2028}cdefghijkl"] {
            for mark in [
                "\u{ad}", "\u{200b}", "\u{2060}", "\u{feff}", "\u{a0}", "\u{202f}", "\u{2010}", "",
            ] {
                let t = format!("{pad}{mark}{pad}x{mark}");
                assert_eq!(hygiene(t.clone()), slow(&t), "{t:?}");
            }
        }
    }

    /// Keys are the lower-case words, joined by single spaces.
    #[test]
    fn norm_key_as_words() {
        assert_eq!(norm_key("Hello,   WORLD!"), "hello world");
        for s in [
            "",
            " ",
            "ÄÖÜ straße, İstanbul — ΣΊΣΥΦΟΣ 42x",
            "a\u{0}b\u{a0}c",
            "a, —, b",
            "—a—",
            " ,x, ",
            "ÄB—,c",
            "İİ",
            "प्रधानमंत्री ने कहा। यह ठीक है॥ ॰ज़",
        ] {
            let slow = words(s)
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(norm_key(s), slow, "{s}");
        }
    }

    /// What a word's characters are, in every script.
    #[test]
    fn word_characters() {
        // The virama and the nukta stay inside a Hindi word; the dandas
        // end it.
        assert_eq!(
            words("प्रधानमंत्री ने कहा। यह ज़रूरी है॥").collect::<Vec<_>>(),
            ["प्रधानमंत्री", "ने", "कहा", "यह", "ज़रूरी", "है"]
        );
        assert_eq!(words("क्या").count(), 1);
        // Other scripts split as before: at every character that is not a
        // letter or digit.
        for c in ('\0'..='\u{2ffff}').filter(|c| !matches!(c, '\u{0900}'..='\u{0dff}')) {
            assert_eq!(word_char(c), c.is_alphanumeric(), "{c:?}");
        }
        // Every character, the Indic marks too, as the rule was first
        // written (before its ranges).
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let indic = matches!(c, '\u{0900}'..='\u{0dff}')
                && !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
            assert_eq!(word_char(c), c.is_alphanumeric() || indic, "{c:?}");
        }
    }

    /// Prefixes, counts of non-space characters, and the hash.
    #[test]
    fn prefixes_counts_and_hash() {
        assert_eq!(prefix("äbc", 1), "");
        assert_eq!(count_non_space_max("ab cd ef", 3), 3);
        for s in [
            "",
            " a\tb\n",
            "a\u{a0}b\u{85}c\u{2003}d\u{3000}e\u{1680}",
            "äö €✓ 漢字 \u{202f}x",
        ] {
            assert_eq!(
                count_non_space(s),
                s.chars().filter(|c| !c.is_whitespace()).count(),
                "{s:?}"
            );
        }
        // Eight ASCII bytes at once, as one at a time: every byte in every
        // place of a word, and every limit.
        for c in 0u8..=0xff {
            for at in 0..9 {
                let mut bytes = b"ab cd\tefghij k".to_vec();
                bytes.insert(at, c);
                let s = String::from_utf8_lossy(&bytes).into_owned();
                let slow = s.chars().filter(|c| !c.is_whitespace()).count();
                assert_eq!(count_non_space(&s), slow, "{s:?}");
                for max in 0..=slow + 1 {
                    assert_eq!(count_non_space_max(&s, max), slow.min(max), "{s:?} {max}");
                }
            }
        }
        assert_ne!(fnv64("a"), fnv64("b"));
    }
}
