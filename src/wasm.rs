//! WebAssembly bindings (built only for `wasm32`).
//!
//! A thin layer: it converts JavaScript options into [`Options`], calls the
//! library, and converts the [`Article`] into a plain JavaScript object with
//! camelCase names (js/init.js adds the names Mozilla's Readability uses:
//! `content`, `textContent`, `length`, `publishedTime`). Every error becomes
//! a thrown JavaScript `Error` carrying the library's message.

use wasm_bindgen::prelude::*;

use crate::article::Article;
use crate::blocks::{Block, BlockKind};
use crate::cleaner::Cleaner;
use crate::options::{InputKind, Options, Outputs, TitleStyle};
use crate::page_type::PageType;
use crate::pipeline;

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Cleans one page (HTML or copied text) and returns the article object.
#[wasm_bindgen]
pub fn clean(input: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(&options)?;
    let article = pipeline::clean_with_memory(input, &options, None)
        .map_err(|e| JsError::new(&e.to_string()))?;
    article_to_js(&article)
}

/// The WHATWG label of the encoding of a page's bytes (BOM, `<meta charset>`,
/// UTF-8, else windows-1252); the JavaScript wrapper decodes with it.
#[wasm_bindgen(js_name = sniffEncoding)]
pub fn sniff_encoding(bytes: &[u8]) -> String {
    crate::decode::sniff_encoding(bytes)
}

/// Whether a page (HTML or text) holds an article at all.
#[wasm_bindgen(js_name = isProbablyReadable)]
pub fn is_probably_readable(input: &str) -> bool {
    pipeline::is_probably_readable(input)
}

/// Cleans pages one after another, remembering blocks seen on earlier pages.
#[wasm_bindgen(js_name = Cleaner)]
pub struct JsCleaner {
    inner: Cleaner,
}

#[wasm_bindgen(js_class = Cleaner)]
impl JsCleaner {
    /// A cleaner with these options (or the defaults) and an empty memory.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsCleaner, JsError> {
        Ok(JsCleaner {
            inner: Cleaner::with_options(options_from_js(&options)?),
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
        let mut inner = Cleaner::import(saved).map_err(|e| JsError::new(&e.to_string()))?;
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
            "pageType" => {
                let s = string(&v).map_err(within)?;
                let t = PageType::from_name(&s)
                    .ok_or_else(|| within(format!("unknown page type `{s}`")))?;
                o.page_type = Some(t);
            }
            "title" => {
                o.title = match string(&v).map_err(within)?.as_str() {
                    "headline" => TitleStyle::Headline,
                    "declared" => TitleStyle::Declared,
                    s => return Err(within(format!("unknown title style `{s}`"))),
                }
            }
            "outputs" => o.outputs = outputs(&v).map_err(within)?,
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
        "pageType",
        "title",
        "outputs",
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

/// The renderings asked for: a sequence of `'text'`, `'markdown'` and
/// `'html'` (those not named are left empty).
fn outputs(v: &JsValue) -> Result<Outputs, String> {
    let mut o = Outputs::NONE;
    let item = |x: JsValue, o: &mut Outputs| -> Result<(), String> {
        match string(&x)?.as_str() {
            "text" => o.text = true,
            "markdown" => o.markdown = true,
            "html" => o.html = true,
            s => return Err(format!("unknown output `{s}`")),
        }
        Ok(())
    };
    if let Some(a) = v.dyn_ref::<js_sys::Array>() {
        for x in a.iter() {
            item(x, &mut o)?;
        }
        return Ok(o);
    }
    match js_sys::try_iter(v) {
        Ok(Some(it)) => {
            for x in it {
                item(x.map_err(|e| js_string(&e))?, &mut o)?;
            }
            Ok(o)
        }
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

/// The article as JavaScript sees it: the `Article` fields in camelCase.
/// Mozilla Readability's names for the same things (`publishedTime`,
/// `content`, `textContent`, `length`) are added by the JavaScript wrapper
/// (js/init.js), so the JSON carries the text and the HTML once each.
#[derive(miniserde::Serialize)]
struct JsArticle<'a> {
    title: &'a Option<String>,
    byline: &'a Option<String>,
    #[serde(rename = "siteName")]
    site_name: &'a Option<String>,
    published: &'a Option<String>,
    modified: &'a Option<String>,
    lang: &'a Option<String>,
    dir: &'a Option<String>,
    excerpt: &'a Option<String>,
    dateline: Option<JsDateline<'a>>,
    #[serde(rename = "canonicalUrl")]
    canonical_url: &'a Option<String>,
    image: &'a Option<String>,
    tags: &'a [String],
    #[serde(rename = "wordCount")]
    word_count: usize,
    #[serde(rename = "readingMinutes")]
    reading_minutes: u32,
    #[serde(rename = "inputKind")]
    input_kind: &'static str,
    #[serde(rename = "pageType")]
    page_type: &'static str,
    #[serde(rename = "pageTypeSignals")]
    page_type_signals: &'a [String],
    text: &'a str,
    markdown: &'a str,
    html: &'a str,
    blocks: Vec<JsBlock<'a>>,
}

#[derive(miniserde::Serialize)]
struct JsDateline<'a> {
    places: &'a [String],
    agency: &'a Option<String>,
}

#[derive(miniserde::Serialize)]
struct JsBlock<'a> {
    text: &'a str,
    kind: &'static str,
    kept: bool,
    reason: Option<String>,
    #[serde(rename = "reasonCode")]
    reason_code: Option<&'static str>,
}

/// The article as a JavaScript object: written as JSON by miniserde and
/// parsed by the engine's `JSON.parse`, so one string crosses the boundary
/// instead of one per field and block.
fn article_to_js(a: &Article) -> Result<JsValue, JsError> {
    let article = JsArticle {
        title: &a.title,
        byline: &a.byline,
        site_name: &a.site_name,
        published: &a.published,
        modified: &a.modified,
        lang: &a.lang,
        dir: &a.dir,
        excerpt: &a.excerpt,
        dateline: a.dateline.as_ref().map(|d| JsDateline {
            places: &d.places,
            agency: &d.agency,
        }),
        canonical_url: &a.canonical_url,
        image: &a.image,
        tags: &a.tags,
        word_count: a.word_count,
        reading_minutes: a.reading_minutes,
        page_type: a.page_type.name(),
        page_type_signals: &a.page_type_signals,
        input_kind: match a.input_kind {
            InputKind::Auto => "auto",
            InputKind::Html => "html",
            InputKind::Text => "text",
        },
        text: &a.text,
        markdown: &a.markdown,
        html: &a.html,
        blocks: a.blocks.iter().map(block).collect(),
    };
    js_sys::JSON::parse(&miniserde::json::to_string(&article))
        .map_err(|e| JsError::new(&format!("cannot convert the article: {}", js_string(&e))))
}

fn block(b: &Block) -> JsBlock<'_> {
    JsBlock {
        text: &b.text,
        kind: match b.kind {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
            BlockKind::Code => "code",
            BlockKind::Table => "table",
            BlockKind::Figure => "figure",
        },
        kept: b.kept,
        reason: b.reason.as_ref().map(|r| r.to_string()),
        reason_code: b.reason.as_ref().map(|r| r.code()),
    }
}

/// Traps on purpose, so the JavaScript wrapper's recovery can be tested.
#[doc(hidden)]
#[wasm_bindgen(js_name = __gleanerTrap)]
pub fn trap() {
    core::arch::wasm32::unreachable()
}
