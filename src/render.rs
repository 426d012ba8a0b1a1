//! Renderers: the kept blocks as plain text, Markdown and safe HTML.

use std::collections::HashSet;

use crate::article::Article;
use crate::blocks::{Block, BlockKind, Callout, Inline};
use crate::options::Options;
use crate::util::{hygiene, word_count};

/// Fills the article's text, Markdown, HTML, counts and excerpt from its blocks.
///
/// The one place where the outputs' text is made clean ([`hygiene`]): the
/// text, the Markdown, the excerpt, the title, the byline and the site's
/// name lose soft hyphens and zero-width characters, and their no-break
/// spaces become plain spaces, whether the page was HTML or copied text.
/// The HTML output keeps them (there they are the page's hints for
/// hyphenation and line breaks, and escaped text), and so do the blocks,
/// which are the page's text as classified.
pub(crate) fn finish(article: &mut Article, blocks: Vec<Block>, options: &Options) {
    let kept: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kept && b.kind != BlockKind::Title)
        .collect();
    // The text is the article's prose: figures (images and their captions)
    // appear in the Markdown and HTML only. (Written in any case: the word
    // count is its words.)
    let outputs = options.outputs;
    article.text = hygiene(
        kept.iter()
            .filter(|b| b.kind != BlockKind::Figure)
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"),
    );
    if outputs.markdown {
        article.markdown = hygiene(markdown(&kept));
    }
    if outputs.html {
        article.html = html(&kept, options.remote_images);
    }
    article.word_count = word_count(&article.text);
    if !outputs.text {
        article.text = String::new();
    }
    let wpm = options.words_per_minute.max(1) as usize;
    article.reading_minutes = if article.word_count == 0 {
        0
    } else {
        article.word_count.div_ceil(wpm).max(1) as u32
    };
    if article.excerpt.is_none() {
        article.excerpt = kept
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph && b.text.chars().count() >= 40)
            .map(|b| b.text.clone());
    }
    for field in [
        &mut article.excerpt,
        &mut article.title,
        &mut article.byline,
        &mut article.site_name,
    ] {
        *field = field.take().map(hygiene);
    }
    article.blocks = blocks;
}

/// The text of a list item without its bullet or number.
fn strip_marker(text: &str) -> &str {
    let t = text.trim_start();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() != t.len() && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return rest[2..].trim_start();
    }
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if !c.is_alphanumeric() && chars.next().is_some_and(char::is_whitespace) => {
            t[c.len_utf8()..].trim_start()
        }
        _ => t,
    }
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_md_escaped(&mut out, text);
    out
}

/// Appends [`md_escape`]'s text to `out`.
fn push_md_escaped(out: &mut String, text: &str) {
    push_escaped(out, text, |b| match b {
        b'\\' => Some("\\\\"),
        b'`' => Some("\\`"),
        b'*' => Some("\\*"),
        b'_' => Some("\\_"),
        b'[' => Some("\\["),
        b']' => Some("\\]"),
        b'<' => Some("\\<"),
        b'>' => Some("\\>"),
        b'|' => Some("\\|"),
        _ => None,
    });
}

/// Appends `text` to `out` with each byte that `escape` has a text for
/// replaced by it: the text between escapes is copied in runs, not a
/// character at a time. (Every byte escaped is ASCII: a run always ends on
/// a character's boundary.)
fn push_escaped(out: &mut String, text: &str, escape: impl Fn(u8) -> Option<&'static str>) {
    let mut from = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if let Some(e) = escape(b) {
            out.push_str(text.get(from..i).unwrap_or_default());
            out.push_str(e);
            from = i + 1;
        }
    }
    out.push_str(text.get(from..).unwrap_or_default());
}

fn md_inlines(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => push_md_escaped(out, t),
            // (A link whose URL the HTML would drop is written as its text.)
            Inline::Link { href, children } if !safe_url(href) => md_inlines(children, out),
            Inline::Link { href, children } => {
                out.push('[');
                md_inlines(children, out);
                out.push_str("](");
                out.push_str(&md_url(href));
                out.push(')');
            }
            Inline::Emphasis(c) => {
                out.push('*');
                md_inlines(c, out);
                out.push('*');
            }
            Inline::Strong(c) => {
                out.push_str("**");
                md_inlines(c, out);
                out.push_str("**");
            }
            Inline::Code(c) => {
                let fence = if c.contains('`') { "`` " } else { "`" };
                out.push_str(fence);
                out.push_str(c);
                out.push_str(&fence.chars().rev().collect::<String>());
            }
            Inline::Break => out.push_str("  \n"),
            Inline::Math { tex, display, .. } => {
                let d = if *display { "$$" } else { "$" };
                out.push_str(d);
                out.push_str(tex.trim());
                out.push_str(d);
            }
            Inline::Note(label, _) => {
                out.push_str("[^");
                out.push_str(label);
                out.push(']');
            }
        }
    }
}

/// A URL as a Markdown link destination: spaces and parentheses encoded.
fn md_url(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

fn md_block_text(b: &Block, text: &str) -> String {
    let mut out = String::new();
    if b.inlines.is_empty() {
        push_md_escaped(&mut out, text);
    } else {
        md_inlines(&b.inlines, &mut out);
    }
    out
}

/// The kept blocks as Markdown (GitHub flavour for tables; a callout as
/// `> [!type] title` with its body quoted).
pub(crate) fn markdown(blocks: &[&Block]) -> String {
    let body = body_blocks(blocks);
    let mut parts: Vec<String> = Vec::new();
    for run in callout_runs(&body) {
        match callout_of(run) {
            Some(c) => parts.push(md_callout(c, run)),
            None => parts.extend(md_parts(run)),
        }
    }
    md_notes(blocks, &mut parts);
    let mut out = parts.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The blocks written in the body: not footnotes' definitions (written
/// at the end), nor a figure without a caption whose image is written
/// already (a lazy image and its fallback, a picture repeated).
fn body_blocks<'a>(blocks: &[&'a Block]) -> Vec<&'a Block> {
    let mut seen: HashSet<&str> = HashSet::new();
    blocks
        .iter()
        .copied()
        .filter(|b| b.note.is_none())
        .filter(|b| match b.image.as_deref() {
            Some((src, _)) => seen.insert(src.as_str()) || !b.text.is_empty(),
            None => true,
        })
        .collect()
}

/// The blocks in runs: each callout's blocks, and the blocks between.
fn callout_runs<'a, 'b>(blocks: &'a [&'b Block]) -> impl Iterator<Item = &'a [&'b Block]> {
    blocks.chunk_by(|a, b| a.callout.as_ref().map(|c| c.id) == b.callout.as_ref().map(|c| c.id))
}

/// The callout of a run of blocks, unless the run has no body (only its
/// title row kept): that is written as plain blocks.
fn callout_of<'a>(run: &[&'a Block]) -> Option<&'a Callout> {
    let c = run.first()?.callout.as_deref()?;
    (!split_title(run).1.is_empty()).then_some(c)
}

/// A callout's title (its first block, when that is the title row) and
/// its body.
fn split_title<'a, 'b>(run: &'a [&'b Block]) -> (Option<&'b Block>, &'a [&'b Block]) {
    match run.split_first() {
        Some((t, rest)) if t.callout.as_ref().is_some_and(|c| c.title) => (Some(*t), rest),
        _ => (None, run),
    }
}

/// A callout in Markdown: `> [!type] title`, then its body quoted.
fn md_callout(c: &Callout, run: &[&Block]) -> String {
    let (title, body) = split_title(run);
    let mut s = format!("> [!{}]", c.kind);
    if let Some(t) = title {
        s.push(' ');
        s.push_str(&md_block_text(t, &t.text).replace('\n', " "));
    }
    for line in md_parts(body).join("\n\n").lines() {
        s.push_str(if line.is_empty() { "\n>" } else { "\n> " });
        s.push_str(line);
    }
    s
}

/// Blocks (not footnotes' definitions) as Markdown, one part each (a list
/// is one part).
fn md_parts(blocks: &[&Block]) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut prev_list = false;
    for b in blocks {
        let is_list = b.kind == BlockKind::ListItem;
        let s = match b.kind {
            BlockKind::Heading => format!(
                "{} {}",
                "#".repeat(usize::from(b.level.clamp(1, 6))),
                md_block_text(b, &b.text)
            ),
            BlockKind::ListItem => {
                let indent = "  ".repeat(usize::from(b.level));
                let marker = if b.ordered { "1." } else { "-" };
                format!(
                    "{indent}{marker} {}",
                    md_block_text(b, strip_marker(&b.text))
                )
            }
            BlockKind::Quote => md_block_text(b, &b.text)
                .lines()
                .map(|l| format!("> {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            BlockKind::Code => md_code(b),
            BlockKind::Table => md_table(b),
            BlockKind::Figure => {
                // (The same images as the HTML: none with an unsafe URL.)
                let mut s = match b.image.as_deref().filter(|(src, _)| safe_url(src)) {
                    Some((src, alt)) => format!("![{}]({})\n\n", md_escape(alt), md_url(src)),
                    None => String::new(),
                };
                if !b.text.is_empty() {
                    s.push('*');
                    s.push_str(&md_block_text(b, &b.text));
                    s.push('*');
                }
                s.truncate(s.trim_end().len());
                s
            }
            BlockKind::Paragraph | BlockKind::Title => md_block_text(b, &b.text),
        };
        if is_list && prev_list {
            if let Some(last) = parts.last_mut() {
                last.push('\n');
                last.push_str(&s);
            }
        } else {
            parts.push(s);
        }
        prev_list = is_list;
    }
    parts
}

/// A code block as a fence longer than any run of backticks in it, with
/// its language.
fn md_code(b: &Block) -> String {
    let mut run = 0;
    let mut longest = 0;
    for c in b.text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    let lang = b.lang.as_deref().unwrap_or("");
    format!("{fence}{lang}\n{}\n{fence}", b.text)
}

/// Footnotes' definitions, at the end: `[^label]: text`, a note's further
/// paragraphs indented below it.
fn md_notes(blocks: &[&Block], parts: &mut Vec<String>) {
    let mut prev: Option<&str> = None;
    for b in blocks {
        let Some(label) = b.note.as_deref() else {
            continue;
        };
        let text = md_block_text(b, strip_marker(&b.text));
        match parts.last_mut().filter(|_| prev == Some(label)) {
            Some(last) => {
                last.push_str("\n\n    ");
                last.push_str(&text.replace('\n', "\n    "));
            }
            None => parts.push(format!("[^{label}]: {text}")),
        }
        prev = Some(label);
    }
}

fn md_table(b: &Block) -> String {
    if !b.cells {
        return md_escape(&b.text);
    }
    let rows = b.text.split('\n');
    let width = rows
        .clone()
        .map(|r| r.split('\t').count())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = String::new();
    for (r, row) in rows.enumerate() {
        if r > 0 {
            out.push('\n');
        }
        out.push('|');
        let mut cells = 0;
        for cell in row.split('\t') {
            out.push(' ');
            push_md_escaped(&mut out, cell);
            out.push_str(" |");
            cells += 1;
        }
        for _ in cells..width {
            out.push_str("  |");
        }
        if r == 0 {
            out.push_str("\n|");
            out.push_str(&" --- |".repeat(width));
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped_html(&mut out, text);
    out
}

/// Appends [`escape_html`]'s text to `out`.
pub(crate) fn push_escaped_html(out: &mut String, text: &str) {
    push_escaped(out, text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    });
}

/// The schemes a link of the output may have.
const SAFE_SCHEMES: [&[u8]; 3] = [b"http", b"https", b"mailto"];

/// The longest of [`SAFE_SCHEMES`]: the bytes of a scheme worth keeping.
const LONGEST_SAFE_SCHEME: usize = b"mailto".len();

/// Whether a URL is safe in an `href` or `src` of the output: http(s),
/// mailto, or relative; never `javascript:`, `data:` or other schemes.
///
/// White space and control characters are ignored (browsers drop them from
/// a scheme), and the scheme is read in place, up to its colon.
pub(crate) fn safe_url(url: &str) -> bool {
    // The scheme's first bytes in ASCII lower case; `len` counts them all,
    // and a character beyond ASCII makes it no scheme of the three.
    let mut scheme = [0u8; LONGEST_SAFE_SCHEME];
    let (mut len, mut ascii) = (0usize, true);
    for c in url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        match c {
            ':' => {
                let s = scheme.get(..len).filter(|_| ascii);
                return s.is_some_and(|s| SAFE_SCHEMES.contains(&s));
            }
            // A colon after a path, query or fragment start is not a scheme.
            '/' | '?' | '#' => return true,
            _ => {
                match (scheme.get_mut(len), u8::try_from(c)) {
                    (Some(slot), Ok(b)) if c.is_ascii() => *slot = b.to_ascii_lowercase(),
                    _ => ascii = false,
                }
                len += 1;
            }
        }
    }
    true
}

fn html_inlines(inlines: &[Inline], out: &mut String) {
    html_inlines_in(inlines, false, out);
}

/// A link inside a link is written as its text: a parser would split nested
/// `<a>` elements, so the output would not be what it says.
fn html_inlines_in(inlines: &[Inline], in_link: bool, out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => push_escaped_html(out, t),
            Inline::Link { href, children } => {
                if !in_link && safe_url(href) {
                    out.push_str("<a href=\"");
                    push_escaped_html(out, href);
                    out.push_str("\" rel=\"noopener noreferrer nofollow\">");
                    html_inlines_in(children, true, out);
                    out.push_str("</a>");
                } else {
                    html_inlines_in(children, in_link, out);
                }
            }
            Inline::Emphasis(c) => {
                out.push_str("<em>");
                html_inlines_in(c, in_link, out);
                out.push_str("</em>");
            }
            Inline::Strong(c) => {
                out.push_str("<strong>");
                html_inlines_in(c, in_link, out);
                out.push_str("</strong>");
            }
            Inline::Code(c) => {
                out.push_str("<code>");
                push_escaped_html(out, c);
                out.push_str("</code>");
            }
            Inline::Break => out.push_str("<br>"),
            Inline::Math { tex, display, .. } => {
                out.push_str(if *display {
                    "<code class=\"math display\">"
                } else {
                    "<code class=\"math\">"
                });
                push_escaped_html(out, tex.trim());
                out.push_str("</code>");
            }
            Inline::Note(label, _) if !in_link => {
                let l = escape_html(label);
                out.push_str(&format!(
                    "<sup id=\"fnref-{l}\"><a href=\"#fn-{l}\">{l}</a></sup>"
                ));
            }
            Inline::Note(_, c) => html_inlines_in(c, in_link, out),
        }
    }
}

fn html_block_text(b: &Block, text: &str, out: &mut String) {
    if b.inlines.is_empty() {
        push_escaped_html(out, text);
    } else {
        html_inlines(&b.inlines, out);
    }
}

/// The kept blocks as HTML built only from an allowlist of tags, with every
/// text escaped and every URL checked: safe to insert into a page.
/// A URL that loads from another origin: absolute http(s) or protocol-relative.
fn is_remote(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//")
}

pub(crate) fn html(blocks: &[&Block], remote_images: bool) -> String {
    let body = body_blocks(blocks);
    let mut out = String::new();
    for run in callout_runs(&body) {
        match callout_of(run) {
            Some(c) => {
                // (The type is a word of a fixed table: nothing to escape.)
                out.push_str(&format!("<blockquote data-callout=\"{}\">", c.kind));
                let (title, body) = split_title(run);
                if let Some(t) = title {
                    out.push_str("<p><strong>");
                    html_block_text(t, &t.text, &mut out);
                    out.push_str("</strong></p>\n");
                }
                html_run(body, remote_images, &mut out);
                out.push_str("</blockquote>\n");
            }
            None => html_run(run, remote_images, &mut out),
        }
    }
    html_notes(blocks, &mut out);
    out
}

/// Blocks (not footnotes' definitions) as HTML.
fn html_run(blocks: &[&Block], remote_images: bool, out: &mut String) {
    let mut lists = OpenLists::default();
    for b in blocks {
        if b.kind == BlockKind::ListItem {
            lists.item(b, out);
            continue;
        }
        lists.close_to(0, out);
        html_block(b, remote_images, out);
        out.push('\n');
    }
    lists.close_to(0, out);
}

/// Footnotes' definitions, at the end: a `<section>` with a list of notes,
/// each with a link back to its reference.
fn html_notes(blocks: &[&Block], out: &mut String) {
    let mut prev: Option<&str> = None;
    for b in blocks {
        let Some(label) = b.note.as_deref() else {
            continue;
        };
        let l = escape_html(label);
        if prev == Some(label) {
            out.push_str("<br>");
        } else {
            if let Some(p) = prev {
                out.push_str(&format!(
                    " <a href=\"#fnref-{}\">↩</a></li>",
                    escape_html(p)
                ));
            } else {
                out.push_str("<section class=\"footnotes\"><ol>");
            }
            out.push_str(&format!("<li id=\"fn-{l}\">"));
        }
        html_block_text(b, strip_marker(&b.text), out);
        prev = Some(label);
    }
    if let Some(p) = prev {
        out.push_str(&format!(
            " <a href=\"#fnref-{}\">↩</a></li></ol></section>\n",
            escape_html(p)
        ));
    }
}

/// The lists open while HTML is written, as a stack of (ordered, an item
/// is open). A list that starts deeper than one level below its parent has
/// no open item at the levels it skips, so no `</li>` is written for them.
#[derive(Default)]
struct OpenLists(Vec<(bool, bool)>);

impl OpenLists {
    /// Closes lists down to `depth` open ones.
    fn close_to(&mut self, depth: usize, out: &mut String) {
        while self.0.len() > depth {
            if let Some((ordered, item)) = self.0.pop() {
                if item {
                    out.push_str("</li>");
                }
                out.push_str(if ordered { "</ol>" } else { "</ul>" });
            }
        }
    }

    /// Writes a list item, opening and closing lists for its level.
    fn item(&mut self, b: &Block, out: &mut String) {
        let depth = usize::from(b.level) + 1;
        self.close_to(depth, out);
        if self.0.len() == depth && self.0.last().is_some_and(|&(_, item)| item) {
            out.push_str("</li>");
        }
        while self.0.len() < depth {
            out.push_str(if b.ordered { "<ol>" } else { "<ul>" });
            self.0.push((b.ordered, false));
        }
        out.push_str("<li>");
        if let Some(top) = self.0.last_mut() {
            top.1 = true;
        }
        html_block_text(b, strip_marker(&b.text), out);
    }
}

/// One block that is not a list item, as HTML.
fn html_block(b: &Block, remote_images: bool, out: &mut String) {
    match b.kind {
        BlockKind::Heading => {
            let l = b.level.clamp(1, 6);
            out.push_str(&format!("<h{l}>"));
            html_block_text(b, &b.text, out);
            out.push_str(&format!("</h{l}>"));
        }
        BlockKind::Quote => {
            out.push_str("<blockquote><p>");
            html_block_text(b, &b.text, out);
            out.push_str("</p></blockquote>");
        }
        BlockKind::Code => {
            out.push_str("<pre><code");
            if let Some(lang) = b.lang.as_deref() {
                out.push_str(&format!(" class=\"language-{}\"", escape_html(lang)));
            }
            out.push('>');
            push_escaped_html(out, &b.text);
            out.push_str("</code></pre>");
        }
        BlockKind::Table if b.cells => html_table(&b.text, out),
        BlockKind::Figure => html_figure(b, remote_images, out),
        _ => {
            out.push_str("<p>");
            html_block_text(b, &b.text, out);
            out.push_str("</p>");
        }
    }
}

/// A table whose cells are apart by tabs, its rows by newlines.
fn html_table(cells: &str, out: &mut String) {
    out.push_str("<table><tbody>");
    for row in cells.split('\n') {
        out.push_str("<tr>");
        for cell in row.split('\t') {
            out.push_str("<td>");
            push_escaped_html(out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// A figure: its image when its URL is safe (a remote image waits in
/// `data-src` unless the caller allows it), and its caption.
fn html_figure(b: &Block, remote_images: bool, out: &mut String) {
    out.push_str("<figure>");
    if let Some((src, alt)) = b.image.as_deref().filter(|(s, _)| safe_url(s)) {
        let attr = if remote_images || !is_remote(src) {
            "src"
        } else {
            "data-src"
        };
        out.push_str(&format!(
            "<img {attr}=\"{}\" alt=\"{}\" loading=\"lazy\" referrerpolicy=\"no-referrer\">",
            escape_html(src),
            escape_html(alt)
        ));
    }
    if !b.text.is_empty() {
        out.push_str("<figcaption>");
        html_block_text(b, &b.text, out);
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Outputs;

    #[test]
    fn only_the_outputs_asked_for_are_written() {
        let prose = "The ferry left the harbour an hour late, and the passengers watched \
                     the fog lift off the water as it went. ";
        let page = format!(
            "<html><head><title>The late ferry</title></head><body><article>\
             <h1>The late ferry</h1><p>{}</p><p>{}</p></article></body></html>",
            prose.repeat(3),
            prose.repeat(2)
        );
        let all = crate::clean(&page, &Options::default()).unwrap();
        assert!(!all.text.is_empty() && !all.markdown.is_empty() && !all.html.is_empty());
        let mut options = Options {
            outputs: Outputs {
                text: true,
                markdown: false,
                html: false,
            },
            ..Options::default()
        };
        let text = crate::clean(&page, &options).unwrap();
        assert_eq!(text.text, all.text);
        assert_eq!((text.markdown.as_str(), text.html.as_str()), ("", ""));
        assert_eq!(text.word_count, all.word_count);
        assert_eq!(text.blocks, all.blocks);
        options.outputs = Outputs {
            html: true,
            ..Outputs::NONE
        };
        let html = crate::clean(&page, &options).unwrap();
        assert_eq!((html.text.as_str(), html.markdown.as_str()), ("", ""));
        assert_eq!(html.html, all.html);
        // The counts do not depend on the text being written.
        assert_eq!(html.word_count, all.word_count);
        assert_eq!(html.reading_minutes, all.reading_minutes);
    }

    fn block(kind: BlockKind, text: &str) -> Block {
        let mut b = Block::new(kind, text.into());
        b.kept = true;
        b
    }

    #[test]
    fn renders_lists_and_escapes() {
        let bs = [
            block(BlockKind::Paragraph, "a <b> & c"),
            block(BlockKind::ListItem, "- one"),
            block(BlockKind::ListItem, "- two"),
            block(BlockKind::Paragraph, "end"),
        ];
        let refs: Vec<&Block> = bs.iter().collect();
        assert_eq!(
            html(&refs, false),
            "<p>a &lt;b&gt; &amp; c</p>\n<ul><li>one</li><li>two</li></ul><p>end</p>\n"
        );
        assert_eq!(markdown(&refs), "a \\<b\\> & c\n\n- one\n- two\n\nend\n");
    }

    #[test]
    fn remote_images_wait_in_data_src_unless_allowed() {
        let mut fig = block(BlockKind::Figure, "A caption");
        fig.image = Some(Box::new(("https://example.org/a.jpg".into(), "alt".into())));
        let mut local = block(BlockKind::Figure, "");
        local.image = Some(Box::new(("/images/b.jpg".into(), String::new())));
        let refs: Vec<&Block> = [&fig, &local].into_iter().collect();
        let off = html(&refs, false);
        assert!(
            off.contains("<img data-src=\"https://example.org/a.jpg\""),
            "{off}"
        );
        assert!(!off.contains(" src=\"https:"), "{off}");
        assert!(off.contains("<img src=\"/images/b.jpg\""), "{off}");
        assert!(html(&refs, true).contains("<img src=\"https://example.org/a.jpg\""));
    }

    #[test]
    fn a_list_that_skips_a_level_closes_only_open_items() {
        let mut deep = block(BlockKind::ListItem, "- deep");
        deep.level = 1;
        let bs = [deep, block(BlockKind::ListItem, "- top")];
        let refs: Vec<&Block> = bs.iter().collect();
        assert_eq!(
            html(&refs, false),
            "<ul><ul><li>deep</li></ul><li>top</li></ul>"
        );
    }

    #[test]
    fn a_link_inside_a_link_is_written_as_text() {
        let inner = Inline::Link {
            href: "/b".into(),
            children: vec![Inline::Text("inner".into())],
        };
        let outer = Inline::Link {
            href: "/a".into(),
            children: vec![Inline::Strong(vec![inner])],
        };
        let mut out = String::new();
        html_inlines(&[outer], &mut out);
        assert_eq!(
            out,
            "<a href=\"/a\" rel=\"noopener noreferrer nofollow\"><strong>inner</strong></a>"
        );
    }

    #[test]
    fn unsafe_urls_are_refused() {
        assert!(safe_url("https://example.org/a"));
        assert!(safe_url("/relative/path?x=a:b"));
        assert!(!safe_url("javascript:alert(1)"));
        assert!(!safe_url(" JaVa\tScRiPt:alert(1)"));
        assert!(!safe_url("data:text/html,x"));
        assert!(safe_url("HTTPS://example.org"));
        assert!(safe_url("Mail\nto:a@example.org"));
        assert!(safe_url("no-scheme"));
        assert!(!safe_url("httpss:x"));
        assert!(!safe_url("htt\u{fc}:x"));
        assert!(!safe_url(":x"));
        assert!(!safe_url("mailtoo:x"));
    }

    #[test]
    fn markdown_and_html_keep_the_same_links_and_images() {
        let mut figure = block(BlockKind::Figure, "");
        figure.image = Some(Box::new(("javascript:alert(1)".into(), "x".into())));
        let mut photo = block(BlockKind::Figure, "");
        photo.image = Some(Box::new(("/a (1).jpg".into(), "A photo".into())));
        let mut para = block(BlockKind::Paragraph, "Go here or there");
        para.inlines = vec![
            Inline::Link {
                href: "javascript:void(0)".into(),
                children: vec![Inline::Text("Go here".into())],
            },
            Inline::Text(" or ".into()),
            Inline::Link {
                href: "/wiki/Page_(film)".into(),
                children: vec![Inline::Text("there".into())],
            },
        ];
        let md = markdown(&[&figure, &photo, &para]);
        assert!(!md.contains("javascript"), "{md}");
        assert!(md.contains("![A photo](/a%20%281%29.jpg)"), "{md}");
        assert!(
            md.contains("Go here or [there](/wiki/Page_%28film%29)"),
            "{md}"
        );
        let html = html(&[&figure, &photo, &para], false);
        assert!(!html.contains("javascript"), "{html}");
        assert_eq!(html.matches("<img").count(), 1, "{html}");
    }
}
