//! A small JSON reader for JSON-LD metadata.
//!
//! It accepts and rejects exactly what `serde_json::from_str::<Value>` does
//! (strict JSON: no comments or trailing commas, paired `\u` surrogates, no
//! raw control characters in strings, nesting below 128 levels, numbers whose
//! magnitude overflows an `f64` refused the way serde_json computes it), so
//! the metadata is the same, but it is a few kilobytes of WebAssembly instead
//! of serde's generic deserializer. Numbers are checked, not kept: nothing
//! reads them.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number,
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

impl Value {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Takes the value out, leaving `Null`.
    pub(crate) fn take(&mut self) -> Value {
        std::mem::replace(self, Value::Null)
    }
}

/// A JSON object's members in document order; a repeated key means its last
/// value, as in a map that overwrites.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Map(Vec<(String, Value)>);

impl Map {
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0
            .iter_mut()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
}

/// Parses one JSON text (whitespace around it allowed); `None` where
/// serde_json would return an error.
pub(crate) fn parse(text: &str) -> Option<Value> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
        depth: 128,
    };
    let v = p.value()?;
    p.ws();
    (p.i == p.b.len()).then_some(v)
}

/// Parses JSON as pages write it in their metadata: strict JSON, else
/// the same text with the raw control characters inside its strings (a
/// description's line breaks, which strict JSON forbids) read as spaces.
pub(crate) fn parse_as_written(text: &str) -> Option<Value> {
    parse(text).or_else(|| parse(&controls_in_strings_spaced(text)))
}

/// `text` with every raw control character inside a string made a space
/// (outside strings they are white space or errors either way).
fn controls_in_strings_spaced(text: &str) -> String {
    let (mut in_string, mut escaped) = (false, false);
    text.chars()
        .map(|c| {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                } else if c < ' ' {
                    return ' ';
                }
            } else if c == '"' {
                in_string = true;
            }
            c
        })
        .collect()
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// serde_json's recursion limit: an array or object at this depth fails.
    depth: u32,
}

/// `a * 10 + d` would exceed `max` (serde_json's `overflow!`).
fn overflows(a: u64, d: u64, max: u64) -> bool {
    a >= max / 10 && (a > max / 10 || d > max % 10)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn digit(&self) -> Option<u64> {
        self.peek()
            .filter(u8::is_ascii_digit)
            .map(|c| u64::from(c - b'0'))
    }

    fn value(&mut self) -> Option<Value> {
        match self.ws()? {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.i += 1;
                self.number()
            }
            b'0'..=b'9' => self.number(),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' => {
                self.nest()?;
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    match self.ws()? {
                        b']' => break,
                        _ if items.is_empty() => {}
                        b',' => {
                            self.i += 1;
                            if matches!(self.ws()?, b']') {
                                return None;
                            }
                        }
                        _ => return None,
                    }
                    items.push(self.value()?);
                }
                self.i += 1;
                self.depth += 1;
                Some(Value::Array(items))
            }
            b'{' => {
                self.nest()?;
                self.i += 1;
                let mut members = Vec::new();
                loop {
                    match self.ws()? {
                        b'}' => break,
                        b'"' if members.is_empty() => {}
                        b',' if !members.is_empty() => {
                            self.i += 1;
                            if self.ws()? != b'"' {
                                return None;
                            }
                        }
                        _ => return None,
                    }
                    self.i += 1;
                    let key = self.string()?;
                    if self.ws()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    members.push((key, self.value()?));
                }
                self.i += 1;
                self.depth += 1;
                Some(Value::Object(Map(members)))
            }
            _ => None,
        }
    }

    fn nest(&mut self) -> Option<()> {
        self.depth -= 1;
        (self.depth > 0).then_some(())
    }

    fn ident(&mut self, word: &[u8], v: Value) -> Option<Value> {
        let end = self.i + word.len();
        (self.b.get(self.i..end) == Some(word)).then(|| {
            self.i = end;
            v
        })
    }

    /// A string's contents after the opening quote, through the closing one.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        let mut start = self.i;
        loop {
            match self.next()? {
                b'"' => {
                    // Cut at ASCII bytes: always character boundaries.
                    out.push_str(self.s.get(start..self.i - 1)?);
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(self.s.get(start..self.i - 1)?);
                    let c = match self.next()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    out.push(c);
                    start = self.i;
                }
                0..=0x1f => return None,
                _ => {}
            }
        }
    }

    /// The character of a `\u` escape (after `\u`); a surrogate must be a
    /// leading one followed by `\u` and a trailing one.
    fn unicode_escape(&mut self) -> Option<char> {
        let n = self.hex4()?;
        if !(0xD800..=0xDFFF).contains(&n) {
            return char::from_u32(n);
        }
        if n >= 0xDC00 || self.next()? != b'\\' || self.next()? != b'u' {
            return None;
        }
        let n2 = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&n2) {
            return None;
        }
        char::from_u32((((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000)
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n * 16 + char::from(self.next()?).to_digit(16)?;
        }
        Some(n)
    }

    /// A number after its optional minus sign, checked as serde_json parses
    /// it (without its `float_roundtrip` feature).
    fn number(&mut self) -> Option<Value> {
        let mut significand = match self.next()? {
            b'0' => {
                if self.digit().is_some() {
                    return None;
                }
                0
            }
            c @ b'1'..=b'9' => u64::from(c - b'0'),
            _ => return None,
        };
        let mut exponent: i32 = 0;
        // The integer part: digits past u64 only raise the exponent.
        let mut overflowed = false;
        while let Some(d) = self.digit() {
            self.i += 1;
            if overflowed || overflows(significand, d, u64::MAX) {
                overflowed = true;
                exponent += 1;
            } else {
                significand = significand * 10 + d;
            }
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            let mut any = false;
            let mut ignoring = false;
            while let Some(d) = self.digit() {
                self.i += 1;
                any = true;
                if ignoring || overflows(significand, d, u64::MAX) {
                    ignoring = true;
                } else {
                    significand = significand * 10 + d;
                    exponent -= 1;
                }
            }
            if !any {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            let positive = match self.peek() {
                Some(b'+') => {
                    self.i += 1;
                    true
                }
                Some(b'-') => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            let mut exp = i32::try_from(self.digit()?).ok()?;
            self.i += 1;
            while let Some(d) = self.digit() {
                self.i += 1;
                if overflows(exp as u64, d, i32::MAX as u64) {
                    // serde_json: out of range unless the result is zero.
                    while self.digit().is_some() {
                        self.i += 1;
                    }
                    return (significand == 0 || !positive).then_some(Value::Number);
                }
                exp = exp * 10 + d as i32;
            }
            exponent = if positive {
                exponent.saturating_add(exp)
            } else {
                exponent.saturating_sub(exp)
            };
        }
        finite(significand, exponent).then_some(Value::Number)
    }
}

/// Whether serde_json's `significand × 10^exponent` is finite: it multiplies
/// the significand, rounded to an `f64`, by the `f64` nearest to `10^exponent`
/// (up to 1e308), and fails when that is infinite. Only exponents from 289 up
/// can overflow a 64-bit significand; smaller and negative ones never fail.
fn finite(significand: u64, exponent: i32) -> bool {
    const POW10_FROM_289: [f64; 20] = [
        1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301,
        1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
    ];
    if exponent < 289 || significand == 0 {
        return true;
    }
    match POW10_FROM_289.get((exponent - 289) as usize) {
        Some(&pow) => (significand as f64 * pow).is_finite(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepted exactly when serde_json accepts, with the same strings,
    /// arrays and object members.
    fn same(text: &str) {
        let ours = parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
        assert_eq!(ours.is_some(), theirs.is_some(), "{text:?}");
        if let (Some(a), Some(b)) = (ours, theirs) {
            assert!(equal(&a, &b), "{text:?}");
        }
    }

    fn equal(a: &Value, b: &serde_json::Value) -> bool {
        match (a, b) {
            (Value::Null, serde_json::Value::Null)
            | (Value::Number, serde_json::Value::Number(_)) => true,
            (Value::Bool(x), serde_json::Value::Bool(y)) => x == y,
            (Value::String(x), serde_json::Value::String(y)) => x == y,
            (Value::Array(x), serde_json::Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b))
            }
            (Value::Object(x), serde_json::Value::Object(y)) => {
                y.iter().all(|(k, v)| x.get(k).is_some_and(|a| equal(a, v)))
                    && x.0.iter().all(|(k, _)| y.contains_key(k))
            }
            _ => false,
        }
    }

    /// Texts on which the reader and serde_json must agree.
    const TEXTS: &[&str] = &[
        "",
        " ",
        "null",
        "nul",
        "nullx",
        "true",
        "false",
        " [1, 2 ,3] ",
        "[1,]",
        "[,1]",
        "[]",
        "[ ]",
        "{}",
        "{ }",
        "{\"a\":1,}",
        "{,}",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "{1:2}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":{\"b\":[true,null,\"x\"]}}",
        "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
        "\"\\u00e9\\u20AC\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ud83dx\"",
        "\"\\ud83d\\n\"",
        "\"\\ude00\"",
        "\"\\ud83d\\u0041\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\x\"",
        "\"a\nb\"",
        "\"a\u{7f}b\"",
        "\"é😀\"",
        "\"unterminated",
        "\"\t\"",
        "0",
        "-0",
        "01",
        "-01",
        "-",
        "--1",
        "1.",
        "1.5",
        "1.e5",
        ".5",
        "1e",
        "1e+",
        "1e-",
        "1e5",
        "1E+5",
        "1e-5",
        "-1.5e-300",
        "1e308",
        "1e309",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "17976931348623157e292",
        "17976931348623159e292",
        "0e999999",
        "1e999999",
        "1e-999999",
        "0.0e99999999999",
        "1e99999999999",
        "-1e99999999999",
        "1e-99999999999",
        "18446744073709551615",
        "18446744073709551616",
        "184467440737095516150",
        "18446744073709551616.5",
        "18446744073709551615.99e289",
        "1844674407370955161500000000000e279",
        "0.0000000000000000000000000000001e330",
        "123456789012345678901234567890e280",
        "[1 2]",
        "[1,2",
        "{\"a\":1",
        "{\"a\"",
        "{\"a\":",
        "1 2",
        "[\"a\",{\"@graph\":[{}]}]",
        "\u{feff}{}",
        "{\"a\":\"b\"}\u{a0}",
        "[\"\\u0000\"]",
        "[\"\\uDBFF\\uDFFF\"]",
        "tru",
        "[true false]",
    ];

    #[test]
    fn metadata_is_read_as_pages_write_it() {
        let text = "{\"@type\":\"Article\",\"description\":\"Two\nlines\",\"a\":\"\\\"\tb\"}";
        assert_eq!(parse(text), None);
        let Some(Value::Object(o)) = parse_as_written(text) else {
            panic!("not read: {text:?}");
        };
        assert_eq!(
            o.get("description").and_then(Value::as_str),
            Some("Two lines")
        );
        assert_eq!(o.get("a").and_then(Value::as_str), Some("\" b"));
        // What is broken otherwise stays unread.
        assert_eq!(parse_as_written("{\"a\":\"b\n\",}"), None);
    }

    #[test]
    fn agrees_with_serde_json() {
        let texts = TEXTS;
        for t in texts {
            same(t);
        }
        for n in [126, 127, 128, 129] {
            same(&format!("{}{}", "[".repeat(n), "]".repeat(n)));
            same(&format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n)));
        }
        let mut p = 288;
        while p <= 310 {
            for m in [
                "1",
                "9",
                "17976931348623157",
                "18446744073709551615",
                "0.5",
                "99999999999999999999",
            ] {
                same(&format!("{m}e{p}"));
                same(&format!("-{m}e{p}"));
            }
            p += 1;
        }
    }
}
