//! The tokenizer: the HTML standard's tokenization stage, over the bytes of
//! the input. Text runs are found with a byte scan and copied in one piece;
//! tag and attribute names are lower-cased only when they need it; attribute
//! values go straight into the document's string buffer.

use html5ever::tendril::StrTendril;
use std::cell::RefCell;

use html5ever::{local_name, ns, Attribute, LocalName, QualName};

use super::entities;
use super::tree::{Builder, Raw, Tag, Token};
use super::{find_byte, script_end, Dom};
use crate::util::le_word;

fn is_ws(b: u8) -> bool {
    CLASS[usize::from(b)] & WS != 0
}

/// Byte classes for scanning tags.
const WS: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQ: u8 = 8;
/// Needs changing in a name: an ASCII capital or NUL.
const FIX: u8 = 16;

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    t[b'\t' as usize] = WS;
    t[b'\n' as usize] = WS;
    t[0x0C] = WS;
    t[b'\r' as usize] = WS;
    t[b' ' as usize] = WS;
    t[b'/' as usize] = SLASH;
    t[b'>' as usize] = GT;
    t[b'=' as usize] = EQ;
    t[0] = FIX;
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = FIX;
        c += 1;
    }
    t
}
static CLASS: [u8; 256] = classes();

/// From `i`, the end of a run of bytes none of which is in `stop`, and
/// whether the run has a byte to fix.
#[inline(always)]
fn scan(b: &[u8], mut i: usize, stop: u8) -> (usize, bool) {
    let mut fix = 0;
    while i < b.len() {
        let c = CLASS[usize::from(b[i])];
        if c & stop != 0 {
            break;
        }
        fix |= c;
        i += 1;
    }
    (i, fix & FIX != 0)
}

/// A name (tag or attribute) in lower case, with NUL replaced.
fn fixed_name(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\0' => out.push('\u{fffd}'),
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that equals `b` (exact for the lowest one).
#[inline(always)]
fn bytes_equal(x: u64, b: u8) -> u64 {
    let y = x ^ (LO * u64::from(b));
    y.wrapping_sub(LO) & !y & HI
}

/// The first position at or after `from` of a byte in `set` (up to four
/// bytes; repeat one to use fewer), eight bytes at a time.
#[inline(always)]
fn find_any(h: &[u8], from: usize, set: [u8; 4]) -> Option<usize> {
    let mut i = from;
    while let Some(x) = le_word(h, i) {
        let m = bytes_equal(x, set[0])
            | bytes_equal(x, set[1])
            | bytes_equal(x, set[2])
            | bytes_equal(x, set[3]);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    h[i..].iter().position(|c| set.contains(c)).map(|p| i + p)
}

/// The atom for a lower-case tag name; the commonest without a hash look-up.
fn atom(name: &str) -> LocalName {
    match name {
        "a" => local_name!("a"),
        "b" => local_name!("b"),
        "i" => local_name!("i"),
        "p" => local_name!("p"),
        "br" => local_name!("br"),
        "em" => local_name!("em"),
        "li" => local_name!("li"),
        "td" => local_name!("td"),
        "tr" => local_name!("tr"),
        "ul" => local_name!("ul"),
        "h2" => local_name!("h2"),
        "h3" => local_name!("h3"),
        "div" => local_name!("div"),
        "img" => local_name!("img"),
        "nav" => local_name!("nav"),
        "svg" => local_name!("svg"),
        "use" => local_name!("use"),
        "path" => local_name!("path"),
        "span" => local_name!("span"),
        "meta" => local_name!("meta"),
        "link" => local_name!("link"),
        "time" => local_name!("time"),
        "form" => local_name!("form"),
        "input" => local_name!("input"),
        "label" => local_name!("label"),
        "style" => local_name!("style"),
        "small" => local_name!("small"),
        "button" => local_name!("button"),
        "script" => local_name!("script"),
        "strong" => local_name!("strong"),
        "source" => local_name!("source"),
        "option" => local_name!("option"),
        "iframe" => local_name!("iframe"),
        "figure" => local_name!("figure"),
        "header" => local_name!("header"),
        "footer" => local_name!("footer"),
        "section" => local_name!("section"),
        "article" => local_name!("article"),
        "picture" => local_name!("picture"),
        "noscript" => local_name!("noscript"),
        "figcaption" => local_name!("figcaption"),
        _ => LocalName::from(name),
    }
}

/// Whether the bytes at `at` are `</name` followed by white space, `/` or
/// `>` (an "appropriate end tag"), ASCII case-insensitively.
fn end_tag_at(b: &[u8], at: usize, name: &str) -> bool {
    let n = name.len();
    b.len() > at + 2 + n
        && b[at] == b'<'
        && b[at + 1] == b'/'
        && b[at + 2..at + 2 + n].eq_ignore_ascii_case(name.as_bytes())
        && matches!(
            b[at + 2 + n],
            b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>'
        )
}

/// Whether a doctype (its bytes up to its `>`, `closed` when there is
/// one) puts the document in quirks mode, as the standard's doctype states
/// read it: a missing name or identifier, a stray character or the end of
/// the input inside it force quirks; so do the legacy names and identifiers.
fn doctype_quirks(b: &[u8], closed: bool) -> bool {
    let n = b.len();
    let skip_ws = |mut i: usize| {
        while i < n && is_ws(b[i]) {
            i += 1;
        }
        i
    };
    // A quoted identifier from `i` (at its quote): its bytes and the
    // position after the closing quote; `None` when it is cut short by the
    // `>` or the end (quirks).
    let quoted = |i: usize| -> Option<(&[u8], usize)> {
        let q = *b.get(i).filter(|&&c| c == b'"' || c == b'\'')?;
        let close = b[i + 1..].iter().position(|&c| c == q)? + i + 1;
        Some((&b[i + 1..close], close + 1))
    };
    let mut i = skip_ws(0);
    if i == n {
        return true;
    }
    let name_start = i;
    while i < n && !is_ws(b[i]) {
        i += 1;
    }
    let name = &b[name_start..i];
    let html = name.eq_ignore_ascii_case(b"html");
    i = skip_ws(i);
    if i == n {
        return !closed || !html;
    }
    let keyword = |k: &[u8]| b.len() >= i + 6 && b[i..i + 6].eq_ignore_ascii_case(k);
    let (mut public, mut system): (Option<&[u8]>, Option<&[u8]>) = (None, None);
    if keyword(b"public") {
        let Some((p, after)) = quoted(skip_ws(i + 6)) else {
            return true;
        };
        public = Some(p);
        i = after;
        // After the public identifier: the end, or a system one (after
        // white space or not); anything else is bogus and forces quirks.
        let j = skip_ws(i);
        if j == n {
            if !closed {
                return true;
            }
        } else {
            let Some((s, after)) = quoted(j) else {
                return true;
            };
            system = Some(s);
            i = after;
        }
    } else if keyword(b"system") {
        let Some((s, after)) = quoted(skip_ws(i + 6)) else {
            return true;
        };
        system = Some(s);
        i = after;
    } else {
        return true;
    }
    // After the system identifier, the end of the input forces quirks;
    // anything else makes a bogus doctype, which does not.
    if system.is_some() && skip_ws(i) == n && !closed {
        return true;
    }
    quirky(html, public, system)
}

/// The document type's quirks mode, from its name and identifiers.
fn quirky(html: bool, public: Option<&[u8]>, system: Option<&[u8]>) -> bool {
    const PREFIXES: &str = "-//advasoft ltd//dtd html 3.0 aswedit + extensions//\n\
        -//as//dtd html 3.0 aswedit + extensions//\n\
        -//ietf//dtd html 2.0 level 1//\n-//ietf//dtd html 2.0 level 2//\n\
        -//ietf//dtd html 2.0 strict level 1//\n-//ietf//dtd html 2.0 strict level 2//\n\
        -//ietf//dtd html 2.0 strict//\n-//ietf//dtd html 2.0//\n-//ietf//dtd html 2.1e//\n\
        -//ietf//dtd html 3.0//\n-//ietf//dtd html 3.2 final//\n-//ietf//dtd html 3.2//\n\
        -//ietf//dtd html 3//\n-//ietf//dtd html level 0//\n-//ietf//dtd html level 1//\n\
        -//ietf//dtd html level 2//\n-//ietf//dtd html level 3//\n\
        -//ietf//dtd html strict level 0//\n-//ietf//dtd html strict level 1//\n\
        -//ietf//dtd html strict level 2//\n-//ietf//dtd html strict level 3//\n\
        -//ietf//dtd html strict//\n-//ietf//dtd html//\n\
        -//metrius//dtd metrius presentational//\n\
        -//microsoft//dtd internet explorer 2.0 html strict//\n\
        -//microsoft//dtd internet explorer 2.0 html//\n\
        -//microsoft//dtd internet explorer 2.0 tables//\n\
        -//microsoft//dtd internet explorer 3.0 html strict//\n\
        -//microsoft//dtd internet explorer 3.0 html//\n\
        -//microsoft//dtd internet explorer 3.0 tables//\n\
        -//netscape comm. corp.//dtd html//\n-//netscape comm. corp.//dtd strict html//\n\
        -//o'reilly and associates//dtd html 2.0//\n\
        -//o'reilly and associates//dtd html extended 1.0//\n\
        -//o'reilly and associates//dtd html extended relaxed 1.0//\n\
        -//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//\n\
        -//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//\n\
        -//spyglass//dtd html 2.0 extended//\n-//sq//dtd html 2.0 hotmetal + extensions//\n\
        -//sun microsystems corp.//dtd hotjava html//\n\
        -//sun microsystems corp.//dtd hotjava strict html//\n\
        -//w3c//dtd html 3 1995-03-24//\n-//w3c//dtd html 3.2 draft//\n\
        -//w3c//dtd html 3.2 final//\n-//w3c//dtd html 3.2//\n-//w3c//dtd html 3.2s draft//\n\
        -//w3c//dtd html 4.0 frameset//\n-//w3c//dtd html 4.0 transitional//\n\
        -//w3c//dtd html experimental 19960712//\n-//w3c//dtd html experimental 970421//\n\
        -//w3c//dtd w3 html//\n-//w3o//dtd w3 html 3.0//\n-//webtechs//dtd mozilla html 2.0//\n\
        -//webtechs//dtd mozilla html//";
    if !html {
        return true;
    }
    let lower = |v: &[u8]| String::from_utf8_lossy(v).to_ascii_lowercase();
    let public = public.map(lower);
    let system = system.map(lower);
    if let Some(p) = &public {
        if matches!(
            p.as_str(),
            "-//w3o//dtd w3 html strict 3.0//en//" | "-/w3c/dtd html 4.0 transitional/en" | "html"
        ) || PREFIXES.lines().any(|x| p.starts_with(x))
        {
            return true;
        }
    }
    if system.as_deref() == Some("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd") {
        return true;
    }
    public.as_deref().is_some_and(|p| {
        system.is_none()
            && (p.starts_with("-//w3c//dtd html 4.01 frameset//")
                || p.starts_with("-//w3c//dtd html 4.01 transitional//"))
    })
}

impl<'a> Builder<'a> {
    /// Tokenizes the whole input into the tree; returns the document.
    pub(super) fn run(mut self) -> Dom {
        let len = self.input.len();
        while self.pos < len {
            match self.raw {
                Raw::Markup => self.data(),
                Raw::Rcdata | Raw::Rawtext => self.raw_text(),
                Raw::Script => self.script_data(),
                Raw::Plaintext => {
                    let input = self.input;
                    self.text_normalized(&input[self.pos..], false);
                    self.pos = len;
                }
            }
        }
        self.finish()
    }

    /// Appends text for the tree, dropping the newline right after `<pre>`.
    fn text_in(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.ignore_lf {
            self.ignore_lf = false;
            self.text.push_str(s.strip_prefix('\n').unwrap_or(s));
        } else {
            self.text.push_str(s);
        }
    }

    /// Appends text with carriage returns normalised and NUL replaced, and
    /// character references decoded when `refs` is set.
    fn text_normalized(&mut self, s: &str, refs: bool) {
        let b = s.as_bytes();
        let set = [b'\r', 0, if refs { b'&' } else { 0 }, 0];
        let mut start = 0;
        let mut i = 0;
        while let Some(at) = find_any(b, i, set) {
            i = at;
            match b[i] {
                b'\r' => {
                    self.text_in(&s[start..i]);
                    self.text_in("\n");
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    start = i;
                }
                0 => {
                    self.text_in(&s[start..i]);
                    self.text_in("\u{fffd}");
                    i += 1;
                    start = i;
                }
                b'&' if refs => {
                    self.text_in(&s[start..i]);
                    let mut out = String::new();
                    let used = entities::decode(&b[i + 1..], false, &mut out);
                    if used == 0 {
                        self.text_in("&");
                    } else {
                        self.text_in(&out);
                    }
                    i += 1 + used;
                    start = i;
                }
                _ => i += 1,
            }
        }
        self.text_in(&s[start..]);
    }

    /// The data state: text up to the next markup, then that markup.
    fn data(&mut self) {
        let input = self.input;
        let b = input.as_bytes();
        while self.pos < b.len() {
            let start = self.pos;
            let i = find_any(b, start, [b'<', b'&', b'\r', 0]).unwrap_or(b.len());
            self.text_in(&input[start..i]);
            self.pos = i;
            if i >= b.len() {
                return;
            }
            match b[i] {
                b'<' => {
                    self.markup();
                    if self.raw != Raw::Markup {
                        return;
                    }
                }
                b'&' => {
                    let mut out = String::new();
                    let used = entities::decode(&b[i + 1..], false, &mut out);
                    if used == 0 {
                        self.text_in("&");
                    } else {
                        self.text_in(&out);
                    }
                    self.pos = i + 1 + used;
                }
                b'\r' => {
                    self.text_in("\n");
                    self.pos = i + if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                _ => {
                    // NUL
                    self.pos = i + 1;
                    self.ignore_lf = false;
                    self.null_char();
                }
            }
        }
    }

    /// At a `<` in the data state.
    fn markup(&mut self) {
        let input = self.input;
        let b = input.as_bytes();
        let i = self.pos;
        match b.get(i + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(false),
            Some(b'/') => match b.get(i + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(true),
                Some(b'>') => {
                    // Nothing, but html5ever's parse error here ends the
                    // dropping of a newline after `<pre>`.
                    self.pos = i + 3;
                    self.ignore_lf = false;
                }
                None => {
                    self.text_in("</");
                    self.pos = i + 2;
                }
                Some(_) => self.bogus_comment(i + 2),
            },
            Some(b'!') => {
                let rest = &b[i + 2..];
                if rest.starts_with(b"--") {
                    self.comment(i + 4);
                } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
                    self.doctype_at(i + 9);
                } else if rest.starts_with(b"[CDATA[") && {
                    // html5ever's tree has seen the text before by now (it
                    // may reopen formatting elements, the current node).
                    self.flush_text();
                    self.in_foreign_node()
                } {
                    let start = i + 9;
                    let end = find(b, start, b"]]>");
                    // A NUL is a token of its own, as in the data state.
                    let text = &input[start..end.unwrap_or(b.len())];
                    for (k, piece) in text.split('\0').enumerate() {
                        if k > 0 {
                            self.ignore_lf = false;
                            self.null_char();
                        }
                        self.text_normalized(piece, false);
                    }
                    self.pos = end.map_or(b.len(), |e| e + 3);
                } else {
                    self.bogus_comment(i + 2);
                }
            }
            Some(b'?') => self.bogus_comment(i + 1),
            _ => {
                self.text_in("<");
                self.pos = i + 1;
            }
        }
    }

    fn comment(&mut self, start: usize) {
        let b = self.input.as_bytes();
        let end = if b[start..].starts_with(b">") {
            start + 1
        } else if b[start..].starts_with(b"->") {
            start + 2
        } else {
            let mut j = start;
            loop {
                match find(b, j, b"--") {
                    None => break b.len(),
                    Some(k) => {
                        if b.get(k + 2) == Some(&b'>') {
                            break k + 3;
                        }
                        if b[k + 2..].starts_with(b"!>") {
                            break k + 4;
                        }
                        j = k + 1;
                    }
                }
            }
        };
        self.pos = end;
        self.token(Token::Comment);
    }

    fn bogus_comment(&mut self, start: usize) {
        let b = self.input.as_bytes();
        self.pos = find_byte(b, start, b'>').map_or(b.len(), |e| e + 1);
        self.token(Token::Comment);
    }

    /// A doctype from `start` (after `<!DOCTYPE`): it ends at the first
    /// `>` in every state of the standard's tokenizer; only the quirks mode
    /// it sets is kept.
    fn doctype_at(&mut self, start: usize) {
        let b = self.input.as_bytes();
        let (end, closed) = match find_byte(b, start, b'>') {
            Some(e) => (e, true),
            None => (b.len(), false),
        };
        self.pos = if closed { end + 1 } else { end };
        let quirks = doctype_quirks(&b[start..end], closed);
        self.doctype(quirks);
    }

    fn in_foreign_node(&self) -> bool {
        self.current_ns_is_foreign()
    }

    /// A start or end tag at `self.pos` (`<x` or `</x`).
    fn tag(&mut self, end: bool) {
        let input = self.input;
        let b = input.as_bytes();
        let name_start = self.pos + if end { 2 } else { 1 };
        let (i, fix) = scan(b, name_start, WS | SLASH | GT);
        if i >= b.len() {
            // The input ends inside the tag: it is dropped.
            self.pos = b.len();
            return;
        }
        let raw_name = &input[name_start..i];
        let name = if fix {
            atom(&fixed_name(raw_name))
        } else {
            atom(raw_name)
        };
        let Some((after, self_closing, attrs)) = self.attributes(i) else {
            self.pos = b.len();
            return;
        };
        self.pos = after;
        self.token(Token::Tag(Tag {
            end,
            name,
            attrs: RefCell::new(attrs),
            self_closing,
        }));
    }

    /// Reads attributes from `i` to the end of the tag; returns the
    /// position after `>`, whether the tag closes itself (`/>`) and the
    /// attributes (a repeated name keeps its first value), or `None` when
    /// the input ends first.
    fn attributes(&mut self, mut i: usize) -> Option<(usize, bool, Vec<Attribute>)> {
        let input = self.input;
        let b = input.as_bytes();
        let mut attrs: Vec<Attribute> = Vec::new();
        loop {
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                b'>' => return Some((i + 1, false, attrs)),
                b'/' => {
                    if b.get(i + 1) == Some(&b'>') {
                        return Some((i + 2, true, attrs));
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // The attribute's name (its first character may be `=`).
            let name_start = i;
            let (end, fix) = scan(b, i + 1, WS | SLASH | GT | EQ);
            i = end;
            let fix = fix || CLASS[usize::from(b[name_start])] & FIX != 0;
            let raw_name = &input[name_start..i];
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            let mut value: Option<(usize, usize)> = None;
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
                match b.get(i)? {
                    &q @ (b'"' | b'\'') => {
                        let close = find_byte(b, i + 1, q)?;
                        value = Some((i + 1, close));
                        i = close + 1;
                    }
                    b'>' => {}
                    _ => {
                        let start = i;
                        i = scan(b, i, WS | GT).0;
                        value = Some((start, i));
                    }
                }
            }
            let name = if fix {
                LocalName::from(fixed_name(raw_name))
            } else {
                LocalName::from(raw_name)
            };
            // A repeated attribute is dropped (the first one counts).
            if attrs.iter().any(|a| a.name.local == name) {
                continue;
            }
            let value = match value {
                Some((v0, v1)) => self.attribute_value(v0, v1),
                None => StrTendril::new(),
            };
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), name),
                value,
            });
        }
    }

    /// RCDATA and RAWTEXT: text up to the element's end tag.
    fn raw_text(&mut self) {
        let input = self.input;
        let b = input.as_bytes();
        let name = self.raw_end.clone();
        let start = self.pos;
        let mut i = start;
        let end = loop {
            match find_byte(b, i, b'<') {
                None => break b.len(),
                Some(at) => {
                    i = at;
                    if end_tag_at(b, i, &name) {
                        break i;
                    }
                    i += 1;
                }
            }
        };
        let refs = self.raw == Raw::Rcdata;
        self.text_normalized(&input[start..end], refs);
        self.pos = end;
        if end < b.len() {
            self.raw = Raw::Markup;
            self.tag(true);
        }
    }

    /// Script data, with the standard's escapes (`<!--`, `<script` inside it).
    fn script_data(&mut self) {
        let input = self.input;
        let b = input.as_bytes();
        let start = self.pos;
        // (The pre-pass reads script data by the same states.)
        let end = script_end(b, start);
        self.text_normalized(&input[start..end], false);
        self.pos = end;
        if end < b.len() {
            self.raw = Raw::Markup;
            self.tag(true);
            // html5ever drops a byte order mark where it resumes after a script.
            if input[self.pos..].starts_with('\u{feff}') {
                self.pos += 3;
            }
        }
    }
}

/// The bytes an attribute value is changed at (see [`decoded_value`]).
const VALUE_CHANGES: [u8; 4] = [b'&', b'\r', 0, 0];

/// The longest value a tendril holds inline, without a buffer.
const INLINE_VALUE: usize = 8;

impl Builder<'_> {
    /// An attribute's value: `input[v0..v1]` with character references
    /// decoded, carriage returns normalised and NUL replaced.
    ///
    /// Most values have none of these. One too long to be held inline
    /// shares the buffer of one copy of the input, made for the first such
    /// value, instead of getting a buffer of its own (an allocation, and a
    /// free when the tree goes).
    fn attribute_value(&mut self, v0: usize, v1: usize) -> StrTendril {
        let input = self.input;
        let Some(v) = input.get(v0..v1) else {
            return StrTendril::new();
        };
        if let Some(first) = find_any(v.as_bytes(), 0, VALUE_CHANGES) {
            return decoded_value(v, first);
        }
        if v.len() <= INLINE_VALUE {
            return StrTendril::from_slice(v);
        }
        let (Ok(offset), Ok(len)) = (u32::try_from(v0), u32::try_from(v.len())) else {
            return StrTendril::from_slice(v);
        };
        self.source
            .get_or_insert_with(|| StrTendril::from_slice(input))
            .try_subtendril(offset, len)
            .unwrap_or_else(|_| StrTendril::from_slice(v))
    }
}

/// [`Builder::attribute_value`] for a value `v` with something to change,
/// the first at `first`.
fn decoded_value(v: &str, first: usize) -> StrTendril {
    let b = v.as_bytes();
    let mut out = String::with_capacity(v.len());
    let mut start = 0;
    let mut i = first;
    loop {
        match b[i] {
            b'&' => {
                out.push_str(&v[start..i]);
                let used = entities::decode(&b[i + 1..], true, &mut out);
                if used == 0 {
                    out.push('&');
                }
                i += 1 + used;
                start = i;
            }
            b'\r' => {
                out.push_str(&v[start..i]);
                out.push('\n');
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            0 => {
                out.push_str(&v[start..i]);
                out.push('\u{fffd}');
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
        match find_any(b, i, VALUE_CHANGES) {
            Some(at) => i = at,
            None => break,
        }
    }
    out.push_str(&v[start..]);
    StrTendril::from_slice(&out)
}

/// The first position at or after `from` where `needle` starts.
fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while i + needle.len() <= haystack.len() {
        i = find_byte(haystack, i, needle[0])?;
        if haystack[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}
