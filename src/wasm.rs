//! WebAssembly bindings (built only for `wasm32`).
//!
//! A thin layer: it converts JavaScript options into [`Options`], calls the
//! library, and converts the [`Article`] into a plain JavaScript object with
//! camelCase names plus the names Mozilla's Readability uses (`content`,
//! `textContent`, `length`, `publishedTime`). Every error becomes a thrown
//! JavaScript `Error` carrying the library's message.

use wasm_bindgen::prelude::*;

use crate::{Article, Block, BlockKind, Dateline, InputKind, Options};

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Cleans one page (HTML or copied text) and returns the article object.
#[wasm_bindgen]
pub fn clean(input: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(&options)?;
    let article = crate::clean(input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    article_to_js(&article)
}

/// The WHATWG label of the encoding of a page's bytes (BOM, `<meta charset>`,
/// UTF-8, else windows-1252); the JavaScript wrapper decodes with it.
#[wasm_bindgen(js_name = sniffEncoding)]
pub fn sniff_encoding(bytes: &[u8]) -> String {
    crate::sniff_encoding(bytes)
}

/// Whether a page (HTML or text) holds an article at all.
#[wasm_bindgen(js_name = isProbablyReadable)]
pub fn is_probably_readable(input: &str) -> bool {
    crate::is_probably_readable(input)
}

/// Cleans pages one after another, remembering blocks seen on earlier pages.
#[wasm_bindgen(js_name = Cleaner)]
pub struct JsCleaner {
    inner: crate::Cleaner,
}

#[wasm_bindgen(js_class = Cleaner)]
impl JsCleaner {
    /// A cleaner with these options (or the defaults) and an empty memory.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsCleaner, JsError> {
        Ok(JsCleaner {
            inner: crate::Cleaner::with_options(options_from_js(&options)?),
        })
    }

    /// Cleans a page, using and then extending the memory.
    pub fn clean(&mut self, input: &str) -> Result<JsValue, JsError> {
        let article = self
            .inner
            .clean(input)
            .map_err(|e| JsError::new(&e.to_string()))?;
        article_to_js(&article)
    }

    /// The memory as a compact string.
    pub fn export(&self) -> String {
        self.inner.export()
    }

    /// Restores a memory written by `export()`, with these options (or the defaults).
    #[wasm_bindgen(js_name = import)]
    pub fn import_memory(saved: &str, options: JsValue) -> Result<JsCleaner, JsError> {
        let options = options_from_js(&options)?;
        let mut inner = crate::Cleaner::import(saved).map_err(|e| JsError::new(&e.to_string()))?;
        inner.set_options(options);
        Ok(JsCleaner { inner })
    }

    /// Forgets every page.
    pub fn forget(&mut self) {
        self.inner.forget();
    }

    /// Replaces the options used for the next pages.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: JsValue) -> Result<(), JsError> {
        self.inner.set_options(options_from_js(&options)?);
        Ok(())
    }

    /// How many block fingerprints are remembered.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }
}

/// Reads the camelCase options object; `undefined` and `null` mean the
/// defaults, unknown keys are ignored, a key of the wrong type is an error
/// that names the key.
///
/// Written by hand rather than with a serde deserializer: the checks and
/// messages are serde's (`invalid type: string "x", expected u32`), without
/// the generic deserializer and the float formatting its messages pull into
/// the `.wasm`.
fn options_from_js(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(JsError::new(
            "invalid options: expected an object such as { input: 'text' }",
        ));
    }
    // Each key: absent, `undefined` and `null` keep the default; a value of
    // the wrong kind is an error that names the key.
    let read = |key: &str, o: &mut Options| -> Result<(), String> {
        let v = js_sys::Reflect::get(value, &JsValue::from_str(key))
            .map_err(|_| format!("cannot read {key}"))?;
        if v.is_undefined() || v.is_null() {
            return Ok(());
        }
        let within = |e: String| format!("{key}: {e}");
        match key {
            "input" => o.input = input_kind(&v).map_err(within)?,
            "baseUrl" => o.base_url = Some(string(&v).map_err(within)?),
            "maxInputBytes" => {
                let n = unsigned(&v, usize::MAX as u64, "usize", true).map_err(within)?;
                o.max_input_bytes = n as usize;
            }
            "restore" => o.restore = indices(&v).map_err(within)?,
            "lang" => o.lang = Some(string(&v).map_err(within)?),
            "remoteImages" => {
                o.remote_images = v
                    .as_bool()
                    .ok_or_else(|| within(invalid_type(&v, "a boolean")))?
            }
            _ => {
                let n = unsigned(&v, u64::from(u32::MAX), "u32", false).map_err(within)?;
                o.words_per_minute = n as u32;
            }
        }
        Ok(())
    };
    for key in [
        "input",
        "baseUrl",
        "maxInputBytes",
        "restore",
        "lang",
        "remoteImages",
        "wordsPerMinute",
    ] {
        read(key, &mut options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    }
    Ok(options)
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `String(value)`.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

fn string(v: &JsValue) -> Result<String, String> {
    v.as_string().ok_or_else(|| invalid_type(v, "a string"))
}

fn input_kind(v: &JsValue) -> Result<InputKind, String> {
    let Some(s) = v.as_string() else {
        return Err(invalid_type(v, "enum InputKind"));
    };
    match s.as_str() {
        "auto" => Ok(InputKind::Auto),
        "html" => Ok(InputKind::Html),
        "text" => Ok(InputKind::Text),
        _ => Err(format!(
            "unknown variant `{s}`, expected one of `auto`, `html`, `text`"
        )),
    }
}

/// A non-negative safe integer (or, with `bigint`, a BigInt) up to `max`.
fn unsigned(v: &JsValue, max: u64, name: &str, bigint: bool) -> Result<u64, String> {
    let n = if bigint && v.is_bigint() {
        u64::try_from(v.clone()).map_err(|_| {
            "Couldn't deserialize u64 from a BigInt outside u64::MIN..u64::MAX bounds".to_string()
        })?
    } else {
        match v.as_f64() {
            Some(f) if js_sys::Number::is_safe_integer(v) && f >= 0.0 => f as u64,
            _ => return Err(invalid_type(v, name)),
        }
    };
    if n > max {
        return Err(format!("invalid value: integer `{n}`, expected {name}"));
    }
    Ok(n)
}

/// Block indices: an array or any other iterable of them.
fn indices(v: &JsValue) -> Result<Vec<usize>, String> {
    let item = |x: JsValue| unsigned(&x, usize::MAX as u64, "usize", true).map(|n| n as usize);
    if let Some(a) = v.dyn_ref::<js_sys::Array>() {
        return a.iter().map(item).collect();
    }
    match js_sys::try_iter(v) {
        Ok(Some(it)) => it
            .map(|x| x.map_err(|e| js_string(&e)).and_then(item))
            .collect(),
        Ok(None) => Err(invalid_type(v, "a sequence")),
        Err(e) => Err(js_string(&e)),
    }
}

/// serde's `invalid type: …, expected …` message for a JavaScript value.
fn invalid_type(v: &JsValue, expected: &str) -> String {
    let mut out = String::from("invalid type: ");
    if v.is_undefined() || v.is_null() {
        out.push_str("unit value");
    } else if let Some(b) = v.as_bool() {
        out.push_str(if b {
            "boolean `true`"
        } else {
            "boolean `false`"
        });
    } else if let Some(f) = v.as_f64() {
        out.push_str("floating point `");
        float(f, &mut out);
        out.push('`');
    } else if let Some(s) = v.as_string() {
        out.push_str("string ");
        out.push_str(&format!("{s:?}"));
    } else if v.is_instance_of::<js_sys::Uint8Array>() || v.is_instance_of::<js_sys::ArrayBuffer>()
    {
        out.push_str("byte array");
    } else {
        out.push_str(&format!("{v:?}"));
    }
    out.push_str(", expected ");
    out.push_str(expected);
    out
}

/// Writes a number as Rust's `{}` writes an `f64`, with `.0` added to whole
/// numbers as serde does: JavaScript's shortest round-trip digits, laid out
/// without an exponent (`1e21` is `1000000000000000000000.0`).
fn float(f: f64, out: &mut String) {
    if f.is_nan() {
        out.push_str("NaN");
        return;
    }
    if f.is_sign_negative() {
        out.push('-');
    }
    if f.is_infinite() {
        out.push_str("inf");
        return;
    }
    let js = js_string(&JsValue::from_f64(f.abs()));
    let start = out.len();
    match js.split_once('e') {
        None => out.push_str(&js),
        Some((mantissa, exp)) => {
            let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
            // The decimal point sits after this many digits.
            let point = exp.parse::<i32>().unwrap_or(0) + 1;
            let n = digits.len() as i32;
            if point <= 0 {
                out.push_str("0.");
                out.push_str(&"0".repeat((-point) as usize));
                out.push_str(&digits);
            } else if point >= n {
                out.push_str(&digits);
                out.push_str(&"0".repeat((point - n) as usize));
            } else {
                let (int, frac) = digits.split_at(point as usize);
                out.push_str(int);
                out.push('.');
                out.push_str(frac);
            }
        }
    }
    if !out[start..].contains('.') {
        out.push_str(".0");
    }
}

/// The article as JavaScript sees it: the `Article` fields in camelCase, then
/// Mozilla Readability's names for the same things (`publishedTime`,
/// `content`, `textContent`, `length`).
///
/// Built as a JSON string and parsed by the engine's `JSON.parse`: one string
/// crosses the boundary instead of one per field and block, and the `.wasm`
/// carries no generic serializer.
fn article_to_js(a: &Article) -> Result<JsValue, JsError> {
    let big = 2 * a.text.len() + a.markdown.len() + 2 * a.html.len();
    let blocks: usize = a.blocks.iter().map(|b| b.text.len() + 64).sum();
    let mut j = Json(String::with_capacity(big + blocks + 1024));
    j.0.push('{');
    j.opt("title", &a.title);
    j.opt("byline", &a.byline);
    j.opt("siteName", &a.site_name);
    j.opt("published", &a.published);
    j.opt("modified", &a.modified);
    j.opt("lang", &a.lang);
    j.opt("dir", &a.dir);
    j.opt("excerpt", &a.excerpt);
    j.key("dateline");
    match &a.dateline {
        Some(d) => dateline(&mut j, d),
        None => j.0.push_str("null"),
    }
    j.opt("canonicalUrl", &a.canonical_url);
    j.opt("image", &a.image);
    j.key("tags");
    j.strings(&a.tags);
    j.num("wordCount", a.word_count);
    j.num("readingMinutes", a.reading_minutes as usize);
    j.key("inputKind");
    j.0.push_str(match a.input_kind {
        InputKind::Auto => "\"auto\"",
        InputKind::Html => "\"html\"",
        InputKind::Text => "\"text\"",
    });
    j.string("text", &a.text);
    j.string("markdown", &a.markdown);
    j.string("html", &a.html);
    j.key("blocks");
    j.0.push('[');
    for (i, b) in a.blocks.iter().enumerate() {
        if i > 0 {
            j.0.push(',');
        }
        block(&mut j, b);
    }
    j.0.push(']');
    j.opt("publishedTime", &a.published);
    j.string("content", &a.html);
    j.string("textContent", &a.text);
    j.num("length", a.text.chars().count());
    j.0.push('}');
    js_sys::JSON::parse(&j.0)
        .map_err(|e| JsError::new(&format!("cannot convert the article: {}", js_string(&e))))
}

fn block(j: &mut Json, b: &Block) {
    j.0.push('{');
    j.string("text", &b.text);
    j.key("kind");
    j.0.push_str(match b.kind {
        BlockKind::Title => "\"title\"",
        BlockKind::Heading => "\"heading\"",
        BlockKind::Paragraph => "\"paragraph\"",
        BlockKind::ListItem => "\"list_item\"",
        BlockKind::Quote => "\"quote\"",
        BlockKind::Code => "\"code\"",
        BlockKind::Table => "\"table\"",
        BlockKind::Figure => "\"figure\"",
    });
    j.key("kept");
    j.0.push_str(if b.kept { "true" } else { "false" });
    j.opt("reason", &b.reason);
    j.0.push('}');
}

fn dateline(j: &mut Json, d: &Dateline) {
    j.0.push('{');
    j.key("places");
    j.strings(&d.places);
    j.opt("agency", &d.agency);
    j.0.push('}');
}

/// A JSON text being written; keys are written with the comma before them
/// unless they open an object.
struct Json(String);

impl Json {
    fn key(&mut self, key: &str) {
        if !self.0.ends_with('{') {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(key);
        self.0.push_str("\":");
    }

    fn string(&mut self, key: &str, s: &str) {
        self.key(key);
        self.str(s);
    }

    fn opt(&mut self, key: &str, s: &Option<String>) {
        self.key(key);
        match s {
            Some(s) => self.str(s),
            None => self.0.push_str("null"),
        }
    }

    fn num(&mut self, key: &str, n: usize) {
        self.key(key);
        self.0.push_str(&n.to_string());
    }

    fn strings(&mut self, items: &[String]) {
        self.0.push('[');
        for (i, s) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.str(s);
        }
        self.0.push(']');
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\u00XX`
    /// (or `\n`, `\r`, `\t`); everything else as is.
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let out = &mut self.0;
        out.push('"');
        let mut start = 0;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            let esc = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            // `b` is ASCII, so `i` is a character boundary.
            out.push_str(s.get(start..i).unwrap_or_default());
            if esc.is_empty() {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                out.push_str(esc);
            }
            start = i + 1;
        }
        out.push_str(s.get(start..).unwrap_or_default());
        out.push('"');
    }
}

/// Traps on purpose, so the JavaScript wrapper's recovery can be tested.
#[doc(hidden)]
#[wasm_bindgen(js_name = __gleanerTrap)]
pub fn trap() {
    core::arch::wasm32::unreachable()
}
