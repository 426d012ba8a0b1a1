//! WebAssembly bindings (built only for `wasm32`).
//!
//! A thin layer: it converts JavaScript options into [`Options`], calls the
//! library, and converts the [`Article`] into a plain JavaScript object with
//! camelCase names plus the names Mozilla's Readability uses (`content`,
//! `textContent`, `length`, `publishedTime`). Every error becomes a thrown
//! JavaScript `Error` carrying the library's message.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Article, Block, Dateline, InputKind, Options};

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
    if let Some(v) = field(value, "input")? {
        options.input = v;
    }
    if let Some(v) = field(value, "baseUrl")? {
        options.base_url = Some(v);
    }
    if let Some(v) = field(value, "maxInputBytes")? {
        options.max_input_bytes = v;
    }
    if let Some(v) = field(value, "restore")? {
        options.restore = v;
    }
    if let Some(v) = field(value, "lang")? {
        options.lang = Some(v);
    }
    if let Some(v) = field(value, "remoteImages")? {
        options.remote_images = v;
    }
    if let Some(v) = field(value, "wordsPerMinute")? {
        options.words_per_minute = v;
    }
    Ok(options)
}

/// One key of the options object; `None` when it is absent, `undefined` or `null`.
fn field<T: serde::de::DeserializeOwned>(obj: &JsValue, key: &str) -> Result<Option<T>, JsError> {
    let v = js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .map_err(|_| JsError::new(&format!("invalid options: cannot read {key}")))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value(v).map(Some).map_err(|e| {
        let e = e.to_string();
        let e = e.strip_prefix("Error: ").unwrap_or(&e);
        JsError::new(&format!("invalid options: {key}: {e}"))
    })
}

/// The article as JavaScript sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsArticle<'a> {
    title: &'a Option<String>,
    byline: &'a Option<String>,
    site_name: &'a Option<String>,
    published: &'a Option<String>,
    modified: &'a Option<String>,
    lang: &'a Option<String>,
    dir: &'a Option<String>,
    excerpt: &'a Option<String>,
    dateline: &'a Option<Dateline>,
    canonical_url: &'a Option<String>,
    image: &'a Option<String>,
    tags: &'a [String],
    word_count: usize,
    reading_minutes: u32,
    input_kind: InputKind,
    text: &'a str,
    markdown: &'a str,
    html: &'a str,
    blocks: &'a [Block],
    // Mozilla Readability's names for the same things.
    published_time: &'a Option<String>,
    content: &'a str,
    text_content: &'a str,
    length: usize,
}

fn article_to_js(a: &Article) -> Result<JsValue, JsError> {
    let view = JsArticle {
        title: &a.title,
        byline: &a.byline,
        site_name: &a.site_name,
        published: &a.published,
        modified: &a.modified,
        lang: &a.lang,
        dir: &a.dir,
        excerpt: &a.excerpt,
        dateline: &a.dateline,
        canonical_url: &a.canonical_url,
        image: &a.image,
        tags: &a.tags,
        word_count: a.word_count,
        reading_minutes: a.reading_minutes,
        input_kind: a.input_kind,
        text: &a.text,
        markdown: &a.markdown,
        html: &a.html,
        blocks: &a.blocks,
        published_time: &a.published,
        content: &a.html,
        text_content: &a.text,
        length: a.text.chars().count(),
    };
    view.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the article: {e}")))
}

/// Traps on purpose, so the JavaScript wrapper's recovery can be tested.
#[doc(hidden)]
#[wasm_bindgen(js_name = __gleanerTrap)]
pub fn trap() {
    core::arch::wasm32::unreachable()
}
