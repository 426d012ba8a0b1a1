//! Rich content read from the DOM: a code block's language, line-number
//! gutters, formulas as TeX (from MathML, KaTeX and MathJax), and
//! footnotes' references and definitions.

use html5ever::{local_name, LocalName};

use super::parse::{Dom, NodeData, NodeId};

/// How many ancestors of a `<pre>` may name its language (a highlighter's
/// wrappers: `<div class="highlight-python"><div class="highlight"><pre>`).
const LANG_ANCESTORS: usize = 3;

/// The longest language name kept.
const MAX_LANG: usize = 24;

/// How many nodes and digits of a gutter are read to see that it holds
/// only numbers (a longer one is not a gutter).
const GUTTER_SCAN: usize = 4096;

/// How deep a formula is converted; deeper parts are written as their text.
const MAX_MATH_DEPTH: usize = 64;

/// The language of the code block `pre`: from the `<pre>`, its `<code>`
/// child, or a near ancestor (`language-x`, `lang-x`, `highlight-x`,
/// `highlight-source-x`, `brush: x`, `sourceCode x`, `data-lang`).
pub(super) fn code_lang(dom: &Dom, pre: NodeId) -> Option<Box<str>> {
    let code = dom
        .children(pre)
        .find(|&c| dom.tag(c).is_some())
        .filter(|&c| dom.tag(c) == Some(&local_name!("code")));
    let mut up = Vec::with_capacity(LANG_ANCESTORS);
    let mut a = dom.parent(pre);
    while let Some(p) = a.filter(|_| up.len() < LANG_ANCESTORS) {
        up.push(p);
        a = dom.parent(p);
    }
    code.into_iter()
        .chain([pre])
        .chain(up)
        .find_map(|n| lang_of(dom, n))
}

/// The language an element names, by attribute or class.
fn lang_of(dom: &Dom, id: NodeId) -> Option<Box<str>> {
    for attr in ["data-lang", "data-language"] {
        if let Some(l) = dom.attr(id, attr).and_then(clean_lang) {
            return Some(l);
        }
    }
    let class = dom.attr_named(id, &local_name!("class"))?;
    let mut words = class.split_ascii_whitespace();
    while let Some(w) = words.next() {
        let lower = w.to_ascii_lowercase();
        let name = ["language-", "lang-", "highlight-source-", "highlight-"]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .or_else(|| {
                // `brush: js` (SyntaxHighlighter), `sourceCode rust` (Pandoc).
                matches!(lower.as_str(), "brush:" | "sourcecode")
                    .then(|| words.clone().next())
                    .flatten()
            });
        if let Some(l) = name.and_then(clean_lang) {
            return Some(l);
        }
    }
    None
}

/// A language name as written in the output: letters, digits and `-+#_.`,
/// lower case; `None` for anything else or a name that says "no language".
fn clean_lang(name: &str) -> Option<Box<str>> {
    let n = name.trim().trim_end_matches(';').to_ascii_lowercase();
    let ok = !n.is_empty()
        && n.len() <= MAX_LANG
        && n.starts_with(|c: char| c.is_ascii_alphanumeric())
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_' | '.'));
    (ok && !matches!(
        n.as_str(),
        "none" | "nohighlight" | "plain" | "text" | "wrap"
    ))
    .then(|| n.into())
}

/// Whether an element is a line-number gutter: a word of its class says
/// so (`lineno`, `line-number`, `rouge-gutter`…) and its text is a few
/// numbers.
pub(super) fn is_gutter(dom: &Dom, id: NodeId) -> bool {
    let Some(class) = dom.attr_named(id, &local_name!("class")) else {
        return false;
    };
    // (In any ASCII case, compared in place. The words of line numbers all
    // hold "line": a class without it is not searched word by word for them.)
    let lined = super::hints::contains_ignore_ascii_case(class, "line");
    let named = class.split_ascii_whitespace().any(|w| {
        w.len()
            .checked_sub("gutter".len())
            .and_then(|i| w.get(i..))
            .is_some_and(|end| end.eq_ignore_ascii_case("gutter"))
            || lined
                && ["lineno", "line-num", "linenum"]
                    .iter()
                    .any(|p| super::hints::contains_ignore_ascii_case(w, p))
    });
    if !named {
        return false;
    }
    let mut digits = 0usize;
    for (i, n) in dom.descendants(id).enumerate() {
        if i > GUTTER_SCAN {
            return false;
        }
        if let NodeData::Text(t) = dom.data(n) {
            for c in t.chars().filter(|c| !c.is_whitespace()) {
                if !c.is_ascii_digit() || digits > GUTTER_SCAN {
                    return false;
                }
                digits += 1;
            }
        }
    }
    digits > 0
}

/// Whether an element only draws a formula whose source is read elsewhere
/// (KaTeX's HTML, MathJax 2's preview and rendered frame): skipped.
pub(super) fn is_math_drawing(dom: &Dom, id: NodeId) -> bool {
    let Some(class) = dom.attr_named(id, &local_name!("class")) else {
        return false;
    };
    class.split_ascii_whitespace().any(|w| {
        matches!(w, "katex-html" | "MathJax_Preview" | "MathJax_Display")
            || (w.starts_with("MathJax")
                && dom
                    .attr_named(id, &local_name!("id"))
                    .is_some_and(|i| i.ends_with("-Frame")))
    })
}

/// A formula's TeX source, whether it is displayed, and its plain text
/// (MathML's own text, or else the TeX), for an element that carries one: `<math>`, `<script type="math/tex">`, or an element with
/// `data-tex` or `data-latex`.
pub(super) fn formula(dom: &Dom, id: NodeId) -> Option<(String, bool, String)> {
    let tag = dom.tag(id)?;
    if !dom.is_html(id) {
        if *tag != local_name!("math") {
            return None;
        }
        let display = dom.attr_named(id, &local_name!("display")) == Some("block");
        return Some((mathml_tex(dom, id), display, mathml_text(dom, id)));
    }
    if *tag == local_name!("script") {
        let ty = dom
            .attr_named(id, &local_name!("type"))?
            .to_ascii_lowercase();
        if !ty.starts_with("math/tex") {
            return None;
        }
        let tex = dom.text(id).trim().to_string();
        return Some((tex.clone(), ty.contains("display"), tex));
    }
    let tex = dom
        .attr(id, "data-tex")
        .or_else(|| dom.attr(id, "data-latex"))?;
    let display = matches!(*tag, local_name!("div") | local_name!("p"))
        || dom
            .attr_named(id, &local_name!("class"))
            .is_some_and(|c| c.contains("display"));
    Some((tex.trim().to_string(), display, tex.trim().to_string()))
}

/// The text a browser shows for MathML: its tokens' text, without the
/// annotations.
fn mathml_text(dom: &Dom, math: NodeId) -> String {
    let mut out = String::new();
    for n in dom.descendants(math) {
        let annotation = dom
            .parent(n)
            .and_then(|p| dom.tag(p))
            .is_some_and(|t| t.starts_with("annotation"));
        if let (NodeData::Text(t), false) = (dom.data(n), annotation) {
            out.push_str(t.trim());
        }
    }
    out
}

/// The TeX of a `<math>` element: its TeX annotation when it has one, or
/// its MathML converted.
fn mathml_tex(dom: &Dom, math: NodeId) -> String {
    let annotation = dom.descendants(math).find(|&n| {
        dom.tag(n) == Some(&local_name!("annotation"))
            && dom
                .attr_named(n, &local_name!("encoding"))
                .is_some_and(|e| e.eq_ignore_ascii_case("application/x-tex"))
    });
    if let Some(a) = annotation {
        return unwrap_style(dom.text(a).trim()).to_string();
    }
    if let Some(alt) = dom
        .attr_named(math, &local_name!("alttext"))
        .filter(|a| !a.trim().is_empty())
    {
        return unwrap_style(alt.trim()).to_string();
    }
    let mut out = String::new();
    tex_children(dom, math, 0, &mut out);
    out.trim().to_string()
}

/// TeX without the `{\displaystyle …}` around it that some sites add.
fn unwrap_style(tex: &str) -> &str {
    ["{\\displaystyle", "{\\textstyle"]
        .iter()
        .find_map(|p| tex.strip_prefix(p)?.strip_suffix('}'))
        .map_or(tex, str::trim)
}

/// Appends `s` to TeX, with a space where a control word would run into a letter.
fn push_tex(out: &mut String, s: &str) {
    let word = out
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .map_or(0, str::len);
    let control = word > 0 && out[..out.len() - word].ends_with('\\');
    if control && s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.push(' ');
    }
    out.push_str(s);
}

/// The TeX of each element child of `id`, in order.
fn tex_children(dom: &Dom, id: NodeId, depth: usize, out: &mut String) {
    for c in dom.children(id) {
        tex_node(dom, c, depth + 1, out);
    }
}

/// The TeX of one MathML node.
fn tex_node(dom: &Dom, id: NodeId, depth: usize, out: &mut String) {
    let Some(tag) = dom.tag(id) else {
        if let NodeData::Text(t) = dom.data(id) {
            push_tex(out, &tex_text(t.trim()));
        }
        return;
    };
    if depth > MAX_MATH_DEPTH {
        push_tex(out, &tex_text(dom.text(id).trim()));
        return;
    }
    let args: Vec<NodeId> = dom.children(id).filter(|&c| dom.tag(c).is_some()).collect();
    let arg = |i: usize| {
        let mut s = String::new();
        if let Some(&a) = args.get(i) {
            tex_node(dom, a, depth + 1, &mut s);
        }
        s
    };
    let s = match &**tag {
        "mi" => tex_identifier(dom.text(id).trim()),
        "mn" | "mo" | "ms" => tex_text(dom.text(id).trim()),
        "mtext" => format!("\\text{{{}}}", dom.text(id).trim()),
        "mspace" => " ".to_string(),
        "msup" | "mover" => format!("{}^{{{}}}", group(arg(0)), arg(1)),
        "msub" | "munder" => format!("{}_{{{}}}", group(arg(0)), arg(1)),
        "msubsup" | "munderover" => {
            format!("{}_{{{}}}^{{{}}}", group(arg(0)), arg(1), arg(2))
        }
        "mfrac" => format!("\\frac{{{}}}{{{}}}", arg(0), arg(1)),
        "mroot" => format!("\\sqrt[{}]{{{}}}", arg(1), arg(0)),
        "msqrt" => {
            let mut s = String::from("\\sqrt{");
            tex_children(dom, id, depth, &mut s);
            s.push('}');
            s
        }
        "semantics" => arg(0),
        "annotation" | "annotation-xml" | "mphantom" | "none" | "mprescripts" => String::new(),
        "mfenced" => {
            let open = dom.attr_named(id, &local_name!("open")).unwrap_or("(");
            let close = dom.attr_named(id, &local_name!("close")).unwrap_or(")");
            let parts: Vec<String> = (0..args.len()).map(arg).collect();
            format!("{open}{}{close}", parts.join(", "))
        }
        "mtable" => {
            let rows: Vec<String> = args
                .iter()
                .map(|&r| {
                    let cells: Vec<String> = dom
                        .children(r)
                        .filter(|&c| dom.tag(c).is_some())
                        .map(|c| {
                            let mut s = String::new();
                            tex_node(dom, c, depth + 2, &mut s);
                            s
                        })
                        .collect();
                    cells.join(" & ")
                })
                .collect();
            format!("\\begin{{matrix}}{}\\end{{matrix}}", rows.join(" \\\\ "))
        }
        _ => {
            let mut s = String::new();
            tex_children(dom, id, depth, &mut s);
            s
        }
    };
    push_tex(out, &s);
}

/// A sub- or superscript's base, in braces unless it is one symbol.
fn group(s: String) -> String {
    if s.chars().count() <= 1 || (s.starts_with('\\') && s[1..].chars().all(char::is_alphabetic)) {
        s
    } else {
        format!("{{{s}}}")
    }
}

/// Symbols written as TeX commands (the common ones; others stay as they are).
const SYMBOLS: &[(char, &str)] = &[
    ('α', "\\alpha"),
    ('β', "\\beta"),
    ('γ', "\\gamma"),
    ('δ', "\\delta"),
    ('ε', "\\epsilon"),
    ('θ', "\\theta"),
    ('λ', "\\lambda"),
    ('μ', "\\mu"),
    ('π', "\\pi"),
    ('σ', "\\sigma"),
    ('φ', "\\phi"),
    ('ω', "\\omega"),
    ('Σ', "\\Sigma"),
    ('∑', "\\sum"),
    ('∏', "\\prod"),
    ('∫', "\\int"),
    ('∞', "\\infty"),
    ('≤', "\\leq"),
    ('≥', "\\geq"),
    ('≠', "\\neq"),
    ('≈', "\\approx"),
    ('×', "\\times"),
    ('·', "\\cdot"),
    ('⋅', "\\cdot"),
    ('→', "\\to"),
    ('∈', "\\in"),
    ('±', "\\pm"),
    ('∂', "\\partial"),
    ('∇', "\\nabla"),
    ('−', "-"),
    ('\u{2061}', ""),
    ('\u{2062}', ""),
];

/// An identifier in TeX: a function's name as its command (`\\log`),
/// another name of several letters upright.
fn tex_identifier(t: &str) -> String {
    const FUNCTIONS: &[&str] = &[
        "log", "ln", "exp", "sin", "cos", "tan", "max", "min", "lim", "det", "gcd",
    ];
    if FUNCTIONS.contains(&t) {
        format!("\\{t}")
    } else if t.chars().count() > 1 && t.chars().all(char::is_alphabetic) {
        format!("\\mathrm{{{t}}}")
    } else {
        tex_text(t)
    }
}

/// A token's text in TeX: known symbols as commands.
fn tex_text(t: &str) -> String {
    let mut out = String::new();
    for c in t.chars() {
        match SYMBOLS.iter().find(|(s, _)| *s == c) {
            Some((_, cmd)) => push_tex(&mut out, cmd),
            None => push_tex(&mut out, c.encode_utf8(&mut [0; 4])),
        }
    }
    out
}

/// Id prefixes of footnotes and their references, longest first.
const NOTE_PREFIXES: &[&str] = &["footnote", "cite_note", "endnote", "fn", "note"];

/// The label a footnote's id or fragment names (`fn1`, `fn:1`,
/// `footnote-2`, `cite_note-3`): what follows the prefix, when that starts
/// with a digit after an optional separator.
pub(super) fn note_label(id: &str) -> Option<String> {
    let lower = id.to_ascii_lowercase();
    let rest = NOTE_PREFIXES
        .iter()
        .find_map(|p| lower.strip_prefix(p))?
        .trim_start_matches([':', '-', '_', '.']);
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then(|| safe_label(&id[id.len() - rest.len()..]))
}

/// A label as written in Markdown and in HTML ids: letters, digits, `-`, `_`.
pub(super) fn safe_label(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Whether a link is a footnote reference; its target's id when it is.
pub(super) fn note_ref(dom: &Dom, a: NodeId) -> Option<&str> {
    let target = dom
        .attr_named(a, &local_name!("href"))?
        .trim()
        .strip_prefix('#')?;
    let attr_has =
        |name: &LocalName, word: &str| dom.attr_named(a, name).is_some_and(|v| v.contains(word));
    let in_sup = dom
        .parent(a)
        .is_some_and(|p| dom.tag(p) == Some(&local_name!("sup")))
        || dom
            .children(a)
            .any(|c| dom.tag(c) == Some(&local_name!("sup")));
    let marked = attr_has(&local_name!("role"), "doc-noteref")
        || attr_has(&local_name!("class"), "footnote-ref")
        || dom
            .attr_named(a, &local_name!("id"))
            .is_some_and(|i| i.starts_with("fnref"));
    (marked || (in_sup && note_label(target).is_some())).then_some(target)
}

/// Whether a link leads back from a footnote to its reference (`↩`).
pub(super) fn is_back_link(dom: &Dom, a: NodeId) -> bool {
    let href = dom.attr_named(a, &local_name!("href")).unwrap_or("");
    let target = href.trim().strip_prefix('#').unwrap_or("");
    ["fnref", "cite_ref", "footnote-ref"]
        .iter()
        .any(|p| target.starts_with(p))
        || dom
            .attr_named(a, &local_name!("role"))
            .is_some_and(|r| r.contains("doc-backlink"))
        || dom
            .attr_named(a, &local_name!("class"))
            .is_some_and(|c| c.contains("footnote-back") || c.contains("reversefootnote"))
}

/// Whether a list is a footnotes list by its own or a near ancestor's
/// class, id or role (`<section class="footnotes">`, `role="doc-endnotes"`).
pub(super) fn is_notes_list(dom: &Dom, list: NodeId) -> bool {
    let mut a = Some(list);
    for _ in 0..3 {
        let Some(n) = a else { break };
        let says = |name: &LocalName| {
            dom.attr_named(n, name).is_some_and(|v| {
                ["footnotes", "endnotes", "doc-footnote"]
                    .iter()
                    .any(|w| super::hints::contains_ignore_ascii_case(v, w))
            })
        };
        if says(&local_name!("class")) || says(&local_name!("id")) || says(&local_name!("role")) {
            return true;
        }
        a = dom.parent(n);
    }
    false
}

/// How many ancestors of an element are looked at to see that it is in a
/// heading (for a wiki's edit link).
const HEADING_ANCESTORS: usize = 6;

/// The longest text of a bracketed edit link (`[edit]`, `[edit source]`).
const MAX_EDIT_TEXT: usize = 40;

/// How many nodes of a bracketed edit link are read (a larger element is
/// not one).
const EDIT_SCAN: usize = 16;

/// Whether an element in a heading is the page's editing link, not part of
/// the heading's text: an `<a>` whose href is an edit action
/// (`action=edit`), or a link or a small element around one whose whole
/// text is in brackets (`[edit]`, MediaWiki's `mw-editsection`).
pub(super) fn is_edit_link(dom: &Dom, id: NodeId) -> bool {
    let Some(tag) = dom.tag(id) else {
        return false;
    };
    let anchor = *tag == local_name!("a");
    if !anchor
        && !matches!(
            *tag,
            local_name!("span") | local_name!("small") | local_name!("sup")
        )
    {
        return false;
    }
    let mut up = dom.parent(id);
    let mut in_heading = false;
    for _ in 0..HEADING_ANCESTORS {
        let Some(p) = up else { break };
        if dom
            .tag(p)
            .is_some_and(|t| super::tags::heading_level(t).is_some())
        {
            in_heading = true;
            break;
        }
        up = dom.parent(p);
    }
    if !in_heading {
        return false;
    }
    let edit_href = |a: NodeId| {
        dom.attr_named(a, &local_name!("href")).is_some_and(|h| {
            h.split(['?', '&', '#', ';']).any(|p| {
                p.eq_ignore_ascii_case("action=edit") || p.eq_ignore_ascii_case("veaction=edit")
            })
        })
    };
    if anchor && edit_href(id) {
        return true;
    }
    // A bracketed link: the brackets and the link inside one element.
    let mut has_link = anchor;
    let mut text = String::new();
    for (i, n) in dom.descendants(id).enumerate() {
        if i > EDIT_SCAN {
            return false;
        }
        has_link |= dom.tag(n) == Some(&local_name!("a"));
        if let NodeData::Text(t) = dom.data(n) {
            text.push_str(t);
            if text.len() > MAX_EDIT_TEXT {
                return false;
            }
        }
    }
    let t = text.trim();
    has_link && t.len() > 2 && t.starts_with('[') && t.ends_with(']')
}

/// Class words that name a family of callouts (admonitions): GitHub's
/// `markdown-alert`, Bootstrap's `alert`, Docusaurus's `theme-admonition`,
/// MkDocs's `admonition`, and `callout` and `notice` of many themes. An
/// element is a callout when a word of its class is one of these and
/// another is a type of [`CALLOUT_TYPES`], alone or after a family word
/// and `-`, `--` or `_` (`alert alert-warning`, `admonition note`,
/// `markdown-alert markdown-alert-tip`, `alert alert--success`).
const CALLOUT_FAMILIES: &[&str] = &[
    "admonition",
    "theme-admonition",
    "markdown-alert",
    "alert",
    "callout",
    "notice",
];

/// The types of callout, written as they are in the output (`> [!tip]`).
const CALLOUT_TYPES: &[&str] = &[
    "note",
    "tip",
    "hint",
    "info",
    "important",
    "warning",
    "caution",
    "danger",
    "error",
    "success",
    "question",
    "example",
    "quote",
    "abstract",
    "summary",
    "bug",
    "failure",
    "todo",
    "attention",
];

/// Whether an element is a callout (a note, a tip, a warning set apart
/// from the text): by its class (see [`CALLOUT_FAMILIES`]), or as an
/// `<aside>`, `<div>` or `<section>` with `role="note"` (a note) or
/// `role="alert"` (a warning). Its type, and its title row: a first child
/// that is a heading or whose class says title or heading.
pub(super) fn callout(dom: &Dom, id: NodeId) -> Option<(&'static str, Option<NodeId>)> {
    let kind = callout_kind(dom, id)?;
    let first = dom.children(id).find(|&c| match dom.data(c) {
        NodeData::Text(t) => !t.trim().is_empty(),
        NodeData::Element => true,
        _ => false,
    });
    let title = first.filter(|&c| {
        dom.tag(c)
            .is_some_and(|t| super::tags::heading_level(t).is_some())
            || dom.attr_named(c, &local_name!("class")).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("title") || v.contains("heading")
            })
    });
    Some((kind, title))
}

/// A callout's type, by class or role.
pub(super) fn callout_kind(dom: &Dom, id: NodeId) -> Option<&'static str> {
    // (The class's words are compared in any ASCII case, in place: most
    // elements have a class, and few are callouts.)
    if let Some(class) = dom.attr_named(id, &local_name!("class")) {
        let words = || class.split_ascii_whitespace();
        let family = |w: &str| CALLOUT_FAMILIES.iter().any(|f| w.eq_ignore_ascii_case(f));
        if words().any(family) {
            let kind = words().find_map(|w| {
                let bare = CALLOUT_FAMILIES
                    .iter()
                    .find_map(|f| {
                        strip_prefix_ignore_ascii_case(w, f).filter(|r| r.starts_with(['-', '_']))
                    })
                    .map_or(w, |r| r.trim_start_matches(['-', '_']));
                CALLOUT_TYPES
                    .iter()
                    .find(|&&t| t.eq_ignore_ascii_case(bare))
                    .copied()
            });
            if kind.is_some() {
                return kind;
            }
        }
    }
    let tag = dom.tag(id)?;
    if !matches!(
        *tag,
        local_name!("aside") | local_name!("div") | local_name!("section")
    ) {
        return None;
    }
    match dom
        .attr_named(id, &local_name!("role"))?
        .trim()
        .to_ascii_lowercase()
        .as_str()
    {
        "note" => Some("note"),
        "alert" => Some("warning"),
        _ => None,
    }
}

/// `w` without `prefix` (ASCII, lower case) when it begins with it in any
/// ASCII case.
fn strip_prefix_ignore_ascii_case<'w>(w: &'w str, prefix: &str) -> Option<&'w str> {
    let head = w.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| w.get(prefix.len()..))
        .flatten()
}

/// An embedded player or post: an `<iframe>` whose source is a web page
/// (http, https or protocol-relative), that is no pixel (a width or
/// height of 0 or 1), and that is made to be seen (a `title`,
/// `allowfullscreen` or `allow`). Its source, and its title: the
/// `title`, or the source's host.
pub(super) fn embed(dom: &Dom, id: NodeId) -> Option<(String, String)> {
    if dom.tag(id) != Some(&local_name!("iframe")) {
        return None;
    }
    let src = dom.attr_named(id, &local_name!("src"))?.trim();
    let lower = src.get(..8).unwrap_or(src).to_ascii_lowercase();
    let rest = ["https://", "http://", "//"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &src[p.len()..]))?;
    let pixel = ["width", "height"].iter().any(|a| {
        dom.attr(id, a)
            .is_some_and(|v| matches!(v.trim(), "0" | "1" | "0px" | "1px"))
    });
    let title = dom
        .attr_named(id, &local_name!("title"))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let shown = title.is_some()
        || dom
            .attr_named(id, &local_name!("allowfullscreen"))
            .is_some()
        || dom.attr_named(id, &local_name!("allow")).is_some();
    if pixel || !shown {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let title = title.unwrap_or(host);
    (!title.is_empty()).then(|| (src.to_string(), title.to_string()))
}
