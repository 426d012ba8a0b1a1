//! The tree builder: the HTML standard's tree construction stage (insertion
//! modes, the stack of open elements, the list of active formatting
//! elements), building straight into the arena.
//!
//! It follows the standard as html5ever implements it (scripting enabled,
//! `<select>` parsed in body as the standard now says), so pages get the
//! tree a browser would give them. Not kept: parse errors, the frameset-ok
//! flag (`<frameset>` after body content is ignored), encoding changes.

use std::cell::{Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::{local_name, namespace_prefix, ns, Attribute, LocalName, QualName};

use super::{Dom, NodeId, DOCUMENT, HTML, MATHML, NS, SVG};

/// The namespace of an element (html5ever makes elements in these three).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// The insertion modes of the standard ("in table text" is handled when
/// text is flushed).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
    Text,
    InTable,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
    InTemplate,
    AfterBody,
    InFrameset,
    AfterFrameset,
    AfterAfterBody,
    AfterAfterFrameset,
}

/// How the tokenizer reads the contents of the element just started.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Raw {
    /// As markup.
    Markup,
    /// Text with character references, up to the end tag (`title`, `textarea`).
    Rcdata,
    /// Text as it is, up to the end tag (`style`, `iframe`, `noscript`…).
    Rawtext,
    /// Script data, with its escapes.
    Script,
    /// Everything up to the end of the input.
    Plaintext,
}

/// A start or end tag from the tokenizer.
#[derive(Clone, Debug)]
pub(super) struct Tag {
    pub end: bool,
    pub name: LocalName,
    /// Read with [`Tag::attrs`]; the element made for the tag takes them
    /// ([`Tag::take_attrs`]): a tag makes at most one element, so they are
    /// moved there rather than copied.
    pub attrs: RefCell<Vec<Attribute>>,
    pub self_closing: bool,
}

impl Tag {
    /// The tag's attributes (none once an element has taken them).
    fn attrs(&self) -> Ref<'_, Vec<Attribute>> {
        self.attrs.borrow()
    }

    /// The attributes, for the one element made for this tag.
    fn take_attrs(&self) -> Vec<Attribute> {
        self.attrs.take()
    }
}

/// A token other than text (text is collected and flushed before these).
pub(super) enum Token {
    Tag(Tag),
    Comment,
    Eof,
}

enum Step {
    Done,
    Reprocess(Mode),
}

/// Scopes for "has an element in scope".
#[derive(Clone, Copy)]
enum Scope {
    Default,
    ListItem,
    Button,
    Table,
}

/// An entry of the list of active formatting elements. (The token's
/// attributes are the element's, read from the tree: an element made
/// again for an entry is made with them.)
#[derive(Clone)]
enum Fmt {
    Marker,
    Elem { node: NodeId, name: LocalName },
}

/// Element names whose open count is tracked, so that most scope checks
/// need no walk of the stack.
fn counted(name: &LocalName) -> Option<usize> {
    Some(match *name {
        local_name!("p") => 0,
        local_name!("li") => 1,
        local_name!("dd") => 2,
        local_name!("dt") => 3,
        local_name!("button") => 4,
        local_name!("select") => 5,
        local_name!("template") => 6,
        local_name!("ruby") => 7,
        local_name!("nobr") => 8,
        local_name!("option") => 9,
        local_name!("optgroup") => 10,
        local_name!("table") => 11,
        local_name!("tr") => 12,
        local_name!("td") => 13,
        local_name!("th") => 14,
        local_name!("caption") => 15,
        local_name!("tbody") => 16,
        local_name!("thead") => 17,
        local_name!("tfoot") => 18,
        local_name!("body") => 19,
        local_name!("form") => 20,
        local_name!("h1") => 21,
        local_name!("h2") => 22,
        local_name!("h3") => 23,
        local_name!("h4") => 24,
        local_name!("h5") => 25,
        local_name!("h6") => 26,
        local_name!("applet") => 27,
        local_name!("marquee") => 28,
        local_name!("object") => 29,
        _ => return None,
    })
}
const COUNTED: usize = 30;

fn is_heading(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

/// The start tags that several insertion modes process "using the rules
/// for the in head insertion mode" (HTML standard): the head's elements.
fn head_element(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("noframes")
            | local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("title")
    )
}

/// The standard's "special" elements (HTML namespace).
fn special_html(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("applet")
            | local_name!("area")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("br")
            | local_name!("button")
            | local_name!("caption")
            | local_name!("center")
            | local_name!("col")
            | local_name!("colgroup")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("embed")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("frame")
            | local_name!("frameset")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("head")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("html")
            | local_name!("iframe")
            | local_name!("img")
            | local_name!("input")
            | local_name!("isindex")
            | local_name!("li")
            | local_name!("link")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("marquee")
            | local_name!("menu")
            | local_name!("meta")
            | local_name!("nav")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("object")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("param")
            | local_name!("plaintext")
            | local_name!("pre")
            | local_name!("script")
            | local_name!("section")
            | local_name!("select")
            | local_name!("source")
            | local_name!("style")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("template")
            | local_name!("textarea")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("title")
            | local_name!("tr")
            | local_name!("track")
            | local_name!("ul")
            | local_name!("wbr")
            | local_name!("xmp")
    )
}

fn mathml_text_integration_point(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("mi")
            | local_name!("mo")
            | local_name!("mn")
            | local_name!("ms")
            | local_name!("mtext")
    )
}

fn svg_html_integration_point(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("foreignObject") | local_name!("desc") | local_name!("title")
    )
}

/// Special elements; as in html5ever, only HTML ones (the standard adds
/// MathML and SVG integration points).
fn special(name: &LocalName, ns: Ns) -> bool {
    ns == Ns::Html && special_html(name)
}

/// Elements whose end tag may be implied ("generate implied end tags").
fn cursory_implied_end(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("dd")
            | local_name!("dt")
            | local_name!("li")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("p")
            | local_name!("rb")
            | local_name!("rp")
            | local_name!("rt")
            | local_name!("rtc")
    )
}

fn thorough_implied_end(name: &LocalName) -> bool {
    cursory_implied_end(name)
        || matches!(
            *name,
            local_name!("caption")
                | local_name!("colgroup")
                | local_name!("tbody")
                | local_name!("td")
                | local_name!("tfoot")
                | local_name!("th")
                | local_name!("thead")
                | local_name!("tr")
        )
}

fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

fn is_ascii_ws(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' ')
}

/// SVG element names in the standard's camel case (the tokenizer lowers
/// every name).
fn adjust_svg_name(name: LocalName) -> LocalName {
    match name {
        local_name!("altglyph") => local_name!("altGlyph"),
        local_name!("altglyphdef") => local_name!("altGlyphDef"),
        local_name!("altglyphitem") => local_name!("altGlyphItem"),
        local_name!("animatecolor") => local_name!("animateColor"),
        local_name!("animatemotion") => local_name!("animateMotion"),
        local_name!("animatetransform") => local_name!("animateTransform"),
        local_name!("clippath") => local_name!("clipPath"),
        local_name!("feblend") => local_name!("feBlend"),
        local_name!("fecolormatrix") => local_name!("feColorMatrix"),
        local_name!("fecomponenttransfer") => local_name!("feComponentTransfer"),
        local_name!("fecomposite") => local_name!("feComposite"),
        local_name!("feconvolvematrix") => local_name!("feConvolveMatrix"),
        local_name!("fediffuselighting") => local_name!("feDiffuseLighting"),
        local_name!("fedisplacementmap") => local_name!("feDisplacementMap"),
        local_name!("fedistantlight") => local_name!("feDistantLight"),
        local_name!("fedropshadow") => local_name!("feDropShadow"),
        local_name!("feflood") => local_name!("feFlood"),
        local_name!("fefunca") => local_name!("feFuncA"),
        local_name!("fefuncb") => local_name!("feFuncB"),
        local_name!("fefuncg") => local_name!("feFuncG"),
        local_name!("fefuncr") => local_name!("feFuncR"),
        local_name!("fegaussianblur") => local_name!("feGaussianBlur"),
        local_name!("feimage") => local_name!("feImage"),
        local_name!("femerge") => local_name!("feMerge"),
        local_name!("femergenode") => local_name!("feMergeNode"),
        local_name!("femorphology") => local_name!("feMorphology"),
        local_name!("feoffset") => local_name!("feOffset"),
        local_name!("fepointlight") => local_name!("fePointLight"),
        local_name!("fespecularlighting") => local_name!("feSpecularLighting"),
        local_name!("fespotlight") => local_name!("feSpotLight"),
        local_name!("fetile") => local_name!("feTile"),
        local_name!("feturbulence") => local_name!("feTurbulence"),
        local_name!("foreignobject") => local_name!("foreignObject"),
        local_name!("glyphref") => local_name!("glyphRef"),
        local_name!("lineargradient") => local_name!("linearGradient"),
        local_name!("radialgradient") => local_name!("radialGradient"),
        local_name!("textpath") => local_name!("textPath"),
        _ => name,
    }
}

/// SVG attribute names in camel case.
fn svg_attr(name: &LocalName) -> Option<LocalName> {
    Some(match *name {
        local_name!("attributename") => local_name!("attributeName"),
        local_name!("attributetype") => local_name!("attributeType"),
        local_name!("basefrequency") => local_name!("baseFrequency"),
        local_name!("baseprofile") => local_name!("baseProfile"),
        local_name!("calcmode") => local_name!("calcMode"),
        local_name!("clippathunits") => local_name!("clipPathUnits"),
        local_name!("diffuseconstant") => local_name!("diffuseConstant"),
        local_name!("edgemode") => local_name!("edgeMode"),
        local_name!("filterunits") => local_name!("filterUnits"),
        local_name!("glyphref") => local_name!("glyphRef"),
        local_name!("gradienttransform") => local_name!("gradientTransform"),
        local_name!("gradientunits") => local_name!("gradientUnits"),
        local_name!("kernelmatrix") => local_name!("kernelMatrix"),
        local_name!("kernelunitlength") => local_name!("kernelUnitLength"),
        local_name!("keypoints") => local_name!("keyPoints"),
        local_name!("keysplines") => local_name!("keySplines"),
        local_name!("keytimes") => local_name!("keyTimes"),
        local_name!("lengthadjust") => local_name!("lengthAdjust"),
        local_name!("limitingconeangle") => local_name!("limitingConeAngle"),
        local_name!("markerheight") => local_name!("markerHeight"),
        local_name!("markerunits") => local_name!("markerUnits"),
        local_name!("markerwidth") => local_name!("markerWidth"),
        local_name!("maskcontentunits") => local_name!("maskContentUnits"),
        local_name!("maskunits") => local_name!("maskUnits"),
        local_name!("numoctaves") => local_name!("numOctaves"),
        local_name!("pathlength") => local_name!("pathLength"),
        local_name!("patterncontentunits") => local_name!("patternContentUnits"),
        local_name!("patterntransform") => local_name!("patternTransform"),
        local_name!("patternunits") => local_name!("patternUnits"),
        local_name!("pointsatx") => local_name!("pointsAtX"),
        local_name!("pointsaty") => local_name!("pointsAtY"),
        local_name!("pointsatz") => local_name!("pointsAtZ"),
        local_name!("preservealpha") => local_name!("preserveAlpha"),
        local_name!("preserveaspectratio") => local_name!("preserveAspectRatio"),
        local_name!("primitiveunits") => local_name!("primitiveUnits"),
        local_name!("refx") => local_name!("refX"),
        local_name!("refy") => local_name!("refY"),
        local_name!("repeatcount") => local_name!("repeatCount"),
        local_name!("repeatdur") => local_name!("repeatDur"),
        local_name!("requiredextensions") => local_name!("requiredExtensions"),
        local_name!("requiredfeatures") => local_name!("requiredFeatures"),
        local_name!("specularconstant") => local_name!("specularConstant"),
        local_name!("specularexponent") => local_name!("specularExponent"),
        local_name!("spreadmethod") => local_name!("spreadMethod"),
        local_name!("startoffset") => local_name!("startOffset"),
        local_name!("stddeviation") => local_name!("stdDeviation"),
        local_name!("stitchtiles") => local_name!("stitchTiles"),
        local_name!("surfacescale") => local_name!("surfaceScale"),
        local_name!("systemlanguage") => local_name!("systemLanguage"),
        local_name!("tablevalues") => local_name!("tableValues"),
        local_name!("targetx") => local_name!("targetX"),
        local_name!("targety") => local_name!("targetY"),
        local_name!("textlength") => local_name!("textLength"),
        local_name!("viewbox") => local_name!("viewBox"),
        local_name!("viewtarget") => local_name!("viewTarget"),
        local_name!("xchannelselector") => local_name!("xChannelSelector"),
        local_name!("ychannelselector") => local_name!("yChannelSelector"),
        local_name!("zoomandpan") => local_name!("zoomAndPan"),
        _ => return None,
    })
}

/// The attributes of a foreign element as html5ever names them: SVG's and
/// MathML's in camel case, `xlink:`, `xml:` and `xmlns` in their namespaces.
fn foreign_attrs(attrs: &[Attribute], ns: Ns) -> Vec<Attribute> {
    attrs
        .iter()
        .map(|a| {
            let local = &a.name.local;
            let adjusted = match ns {
                Ns::Svg => svg_attr(local).map(|l| QualName::new(None, ns!(), l)),
                Ns::MathMl if *local == local_name!("definitionurl") => {
                    Some(QualName::new(None, ns!(), local_name!("definitionURL")))
                }
                _ => None,
            }
            .or_else(|| foreign_attr(local));
            Attribute {
                name: adjusted.unwrap_or_else(|| a.name.clone()),
                value: a.value.clone(),
            }
        })
        .collect()
}

/// `xlink:href` and the others in a namespace of their own.
fn foreign_attr(name: &LocalName) -> Option<QualName> {
    let (prefix, ns, local) = match *name {
        local_name!("xlink:actuate") => ("xlink", ns!(xlink), local_name!("actuate")),
        local_name!("xlink:arcrole") => ("xlink", ns!(xlink), local_name!("arcrole")),
        local_name!("xlink:href") => ("xlink", ns!(xlink), local_name!("href")),
        local_name!("xlink:role") => ("xlink", ns!(xlink), local_name!("role")),
        local_name!("xlink:show") => ("xlink", ns!(xlink), local_name!("show")),
        local_name!("xlink:title") => ("xlink", ns!(xlink), local_name!("title")),
        local_name!("xlink:type") => ("xlink", ns!(xlink), local_name!("type")),
        local_name!("xml:lang") => ("xml", ns!(xml), local_name!("lang")),
        local_name!("xml:space") => ("xml", ns!(xml), local_name!("space")),
        local_name!("xmlns") => ("", ns!(xmlns), local_name!("xmlns")),
        local_name!("xmlns:xlink") => ("xmlns", ns!(xmlns), local_name!("xlink")),
        _ => return None,
    };
    let prefix = match prefix {
        "xlink" => Some(namespace_prefix!("xlink")),
        "xml" => Some(namespace_prefix!("xml")),
        "xmlns" => Some(namespace_prefix!("xmlns")),
        _ => Some(namespace_prefix!("")),
    };
    Some(QualName::new(prefix, ns, local))
}

/// The HTML start tags that end foreign content (HTML standard, "in
/// foreign content": "b", "big", "blockquote", …, and `font` with a
/// `color`, `face` or `size` attribute).
fn breaks_out_of_foreign(tag: &Tag) -> bool {
    matches!(
        tag.name,
        local_name!("b")
            | local_name!("big")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("br")
            | local_name!("center")
            | local_name!("code")
            | local_name!("dd")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("em")
            | local_name!("embed")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("head")
            | local_name!("hr")
            | local_name!("i")
            | local_name!("img")
            | local_name!("li")
            | local_name!("listing")
            | local_name!("menu")
            | local_name!("meta")
            | local_name!("nobr")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("ruby")
            | local_name!("s")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strong")
            | local_name!("strike")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("table")
            | local_name!("tt")
            | local_name!("u")
            | local_name!("ul")
            | local_name!("var")
    ) || (tag.name == local_name!("font")
        && ["color", "face", "size"]
            .iter()
            .any(|a| Builder::attr_value(&tag.attrs(), a).is_some()))
}

/// The start tags "in body" ignores: parts of tables and framesets, and
/// `head` (HTML standard, "in body").
fn body_start_ignored(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("caption")
            | local_name!("col")
            | local_name!("colgroup")
            | local_name!("frame")
            | local_name!("head")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr")
    )
}

/// The tree builder, with the tokenizer's state (`tokenizer.rs`).
pub(super) struct Builder<'a> {
    pub(super) dom: Dom,
    pub(super) input: &'a str,
    pub(super) pos: usize,
    /// How the tokenizer reads the next input, and the element that ends it.
    pub(super) raw: Raw,
    pub(super) raw_end: LocalName,
    /// Text waiting for the next token.
    pub(super) text: String,
    /// A copy of the input whose buffer long attribute values share
    /// (made for the first one).
    pub(super) source: Option<StrTendril>,
    /// Drop one newline at the start of the next text (after `<pre>`).
    pub(super) ignore_lf: bool,
    pub(super) quirks: bool,

    mode: Mode,
    orig_mode: Mode,
    template_modes: Vec<Mode>,
    open: Vec<NodeId>,
    in_stack: Vec<bool>,
    counts: [u32; COUNTED],
    fmt: Vec<Fmt>,
    head: Option<NodeId>,
    form: Option<NodeId>,
    foster: bool,
    /// Whether a `<frameset>` may still replace the body.
    frameset_ok: bool,
    /// U+FFFD in the text that stand for NUL characters in foreign content.
    nul_replacements: usize,
}

impl<'a> Builder<'a> {
    pub(super) fn new(input: &'a str) -> Builder<'a> {
        Builder {
            dom: Dom::new(),
            input,
            pos: 0,
            raw: Raw::Markup,
            raw_end: local_name!(""),
            text: String::new(),
            source: None,
            ignore_lf: false,
            quirks: false,
            mode: Mode::Initial,
            orig_mode: Mode::InBody,
            template_modes: Vec::new(),
            open: Vec::new(),
            in_stack: Vec::new(),
            counts: [0; COUNTED],
            fmt: Vec::new(),
            head: None,
            form: None,
            foster: false,
            frameset_ok: true,
            nul_replacements: 0,
        }
    }

    // ----------------------------------------------------------------------
    // Nodes and the stack of open elements

    fn name(&self, id: NodeId) -> (&LocalName, Ns) {
        let n = &self.dom.nodes[id];
        let ns = match n.data & NS {
            SVG => Ns::Svg,
            MATHML => Ns::MathMl,
            _ => Ns::Html,
        };
        (&n.local, ns)
    }

    fn html_named(&self, id: NodeId, name: &LocalName) -> bool {
        let (n, ns) = self.name(id);
        ns == Ns::Html && n == name
    }

    fn current(&self) -> Option<NodeId> {
        self.open.last().copied()
    }

    /// Whether the current node is an SVG or MathML element.
    pub(super) fn current_ns_is_foreign(&self) -> bool {
        self.current().is_some_and(|c| self.name(c).1 != Ns::Html)
    }

    fn current_named(&self, name: &LocalName) -> bool {
        self.current().is_some_and(|c| self.html_named(c, name))
    }

    fn current_in(&self, set: impl Fn(&LocalName) -> bool) -> bool {
        self.current().is_some_and(|c| {
            let (n, ns) = self.name(c);
            ns == Ns::Html && set(n)
        })
    }

    fn count(&self, name: &LocalName) -> Option<u32> {
        counted(name).map(|i| self.counts[i])
    }

    fn push(&mut self, id: NodeId) {
        if self.in_stack.len() <= id {
            self.in_stack
                .resize(self.dom.nodes.len().max(id + 1), false);
        }
        self.in_stack[id] = true;
        if let (n, Ns::Html) = self.name(id) {
            if let Some(i) = counted(n) {
                self.counts[i] += 1;
            }
        }
        self.open.push(id);
    }

    fn forget(&mut self, id: NodeId) {
        self.in_stack[id] = false;
        if let (n, Ns::Html) = self.name(id) {
            if let Some(i) = counted(n) {
                self.counts[i] -= 1;
            }
        }
    }

    fn pop(&mut self) -> Option<NodeId> {
        let id = self.open.pop()?;
        self.forget(id);
        Some(id)
    }

    fn truncate(&mut self, len: usize) {
        while self.open.len() > len {
            self.pop();
        }
    }

    fn remove_from_stack(&mut self, id: NodeId) {
        if let Some(i) = self.open.iter().rposition(|&n| n == id) {
            self.open.remove(i);
            self.forget(id);
        }
    }

    fn is_open(&self, id: NodeId) -> bool {
        self.in_stack.get(id).copied().unwrap_or(false)
    }

    fn in_scope(&self, scope: Scope, target: impl Fn(NodeId) -> bool) -> bool {
        for &node in self.open.iter().rev() {
            if target(node) {
                return true;
            }
            let (n, ns) = self.name(node);
            let boundary = match ns {
                Ns::Html => match scope {
                    Scope::Table => matches!(
                        *n,
                        local_name!("html") | local_name!("table") | local_name!("template")
                    ),
                    _ => {
                        matches!(
                            *n,
                            local_name!("applet")
                                | local_name!("caption")
                                | local_name!("html")
                                | local_name!("table")
                                | local_name!("td")
                                | local_name!("th")
                                | local_name!("marquee")
                                | local_name!("object")
                                | local_name!("select")
                                | local_name!("template")
                        ) || match scope {
                            Scope::ListItem => {
                                matches!(*n, local_name!("ol") | local_name!("ul"))
                            }
                            Scope::Button => *n == local_name!("button"),
                            _ => false,
                        }
                    }
                },
                Ns::MathMl => !matches!(scope, Scope::Table) && mathml_text_integration_point(n),
                Ns::Svg => !matches!(scope, Scope::Table) && svg_html_integration_point(n),
            };
            if boundary {
                return false;
            }
        }
        false
    }

    fn in_scope_named(&self, scope: Scope, name: &LocalName) -> bool {
        if self.count(name) == Some(0) {
            return false;
        }
        self.in_scope(scope, |n| self.html_named(n, name))
    }

    fn in_stack_named(&self, name: &LocalName) -> bool {
        match self.count(name) {
            Some(c) => c > 0,
            None => self.open.iter().any(|&n| self.html_named(n, name)),
        }
    }

    fn generate_implied_end(&mut self, set: impl Fn(&LocalName) -> bool) {
        while self.current_in(&set) {
            self.pop();
        }
    }

    fn generate_implied_end_except(&mut self, except: &LocalName) {
        self.generate_implied_end(|n| n != except && cursory_implied_end(n));
    }

    /// Pops elements until one named `name` has been popped.
    fn pop_until_named(&mut self, name: &LocalName) {
        while let Some(id) = self.pop() {
            if self.html_named(id, name) {
                break;
            }
        }
    }

    fn pop_until(&mut self, set: impl Fn(&LocalName) -> bool) {
        while let Some(id) = self.pop() {
            let (n, ns) = self.name(id);
            if ns == Ns::Html && set(n) {
                break;
            }
        }
    }

    /// Pops elements until the current node is in the set.
    fn pop_until_current(&mut self, set: impl Fn(&LocalName) -> bool) {
        while !self.current_in(&set) && self.open.len() > 1 {
            self.pop();
        }
    }

    fn close_p(&mut self) {
        self.generate_implied_end(|n| *n != local_name!("p") && cursory_implied_end(n));
        self.pop_until_named(&local_name!("p"));
    }

    fn close_p_in_button_scope(&mut self) {
        if self.in_scope_named(Scope::Button, &local_name!("p")) {
            self.close_p();
        }
    }

    // ----------------------------------------------------------------------
    // Inserting nodes

    fn create(&mut self, name: LocalName, ns: Ns, attrs: Vec<Attribute>) -> NodeId {
        let template = ns == Ns::Html && name == local_name!("template");
        let bits = match ns {
            Ns::Html => HTML,
            Ns::Svg => SVG,
            Ns::MathMl => MATHML,
        };
        self.dom.create_element(name, bits, attrs, template)
    }

    /// The appropriate place for inserting a node: (parent, before this sibling).
    fn insertion_place(&self, override_target: Option<NodeId>) -> (NodeId, Option<NodeId>) {
        let Some(target) = override_target.or_else(|| self.current()) else {
            return (DOCUMENT, None);
        };
        let fosters = self.foster && {
            let (n, ns) = self.name(target);
            ns == Ns::Html
                && matches!(
                    *n,
                    local_name!("table")
                        | local_name!("tbody")
                        | local_name!("tfoot")
                        | local_name!("thead")
                        | local_name!("tr")
                )
        };
        if !fosters {
            return (self.contents(target), None);
        }
        for (i, &elem) in self.open.iter().enumerate().rev() {
            if self.html_named(elem, &local_name!("template")) {
                return (self.contents(elem), None);
            }
            if self.html_named(elem, &local_name!("table")) {
                return match self.dom.parent(elem) {
                    Some(parent) => (parent, Some(elem)),
                    None => (self.open[i.saturating_sub(1)], None),
                };
            }
        }
        (self.open.first().copied().unwrap_or(DOCUMENT), None)
    }

    /// Where the children of a node go: a template's are kept apart.
    fn contents(&self, id: NodeId) -> NodeId {
        self.dom.template_contents(id)
    }

    fn insert_node(&mut self, place: (NodeId, Option<NodeId>), id: NodeId) {
        match place {
            (_, Some(sibling)) => self.dom.insert_before(sibling, id),
            (parent, None) => self.dom.append(parent, id),
        }
    }

    fn insert_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.insertion_place(None) {
            (_, Some(sibling)) => self.dom.str_before(sibling, text),
            (parent, None) => self.dom.append_str(parent, text),
        }
    }

    fn insert_comment(&mut self) {
        let place = self.insertion_place(None);
        let id = self.dom.push_other();
        self.insert_node(place, id);
    }

    fn insert_element(
        &mut self,
        name: LocalName,
        ns: Ns,
        attrs: Vec<Attribute>,
        push: bool,
    ) -> NodeId {
        let place = self.insertion_place(None);
        let id = self.create(name, ns, attrs);
        self.insert_node(place, id);
        if push {
            self.push(id);
        }
        id
    }

    fn insert_html(&mut self, tag: &Tag) -> NodeId {
        self.insert_element(tag.name.clone(), Ns::Html, tag.take_attrs(), true)
    }

    fn insert_void(&mut self, tag: &Tag) -> NodeId {
        self.insert_element(tag.name.clone(), Ns::Html, tag.take_attrs(), false)
    }

    fn insert_phantom(&mut self, name: LocalName) -> NodeId {
        self.insert_element(name, Ns::Html, Vec::new(), true)
    }

    /// Inserts a raw text element (its text follows until its end tag).
    fn insert_raw(&mut self, tag: &Tag, raw: Raw) {
        self.insert_html(tag);
        self.raw = raw;
        self.raw_end = tag.name.clone();
        self.orig_mode = self.mode;
        self.mode = Mode::Text;
    }

    /// Adds missing attributes to an element (`<html>`, `<body>` again).
    fn add_attrs(&mut self, id: NodeId, attrs: Vec<Attribute>) {
        // As html5ever: nothing to add leaves the element as it is.
        if attrs.is_empty() {
            return;
        }
        self.dom.add_attrs_if_missing(id, attrs);
    }

    fn attr_value<'t>(attrs: &'t [Attribute], name: &str) -> Option<&'t str> {
        attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// Same attributes, in any order (for the "Noah's Ark" clause).
    fn same_attrs(a: &[Attribute], b: &[Attribute]) -> bool {
        a.len() == b.len()
            && a.iter()
                .all(|x| b.iter().any(|y| y.name == x.name && y.value == x.value))
    }

    // ----------------------------------------------------------------------
    // Active formatting elements

    fn fmt_position(&self, id: NodeId) -> Option<usize> {
        self.fmt
            .iter()
            .rposition(|f| matches!(f, Fmt::Elem { node, .. } if *node == id))
    }

    fn push_formatting(&mut self, tag: &Tag) {
        // At most three equal entries after the last marker.
        let mut first = None;
        let mut matches = 0;
        for (i, f) in self.fmt.iter().enumerate().rev() {
            match f {
                Fmt::Marker => break,
                Fmt::Elem { node, name } => {
                    if *name == tag.name && Self::same_attrs(self.dom.attrs(*node), &tag.attrs()) {
                        first = Some(i);
                        matches += 1;
                    }
                }
            }
        }
        if matches >= 3 {
            if let Some(i) = first {
                self.fmt.remove(i);
            }
        }
        let node = self.insert_html(tag);
        self.fmt.push(Fmt::Elem {
            node,
            name: tag.name.clone(),
        });
    }

    fn clear_fmt_to_marker(&mut self) {
        while let Some(f) = self.fmt.pop() {
            if matches!(f, Fmt::Marker) {
                break;
            }
        }
    }

    fn marker_or_open(&self, f: &Fmt) -> bool {
        match f {
            Fmt::Marker => true,
            Fmt::Elem { node, .. } => self.is_open(*node),
        }
    }

    fn reconstruct_formatting(&mut self) {
        let Some(last) = self.fmt.last() else {
            return;
        };
        if self.marker_or_open(last) {
            return;
        }
        let mut i = self.fmt.len() - 1;
        while i > 0 {
            i -= 1;
            if self.marker_or_open(&self.fmt[i]) {
                i += 1;
                break;
            }
        }
        loop {
            let Fmt::Elem { node, name } = &self.fmt[i] else {
                return;
            };
            let (name, attrs) = (name.clone(), self.dom.attrs(*node).to_vec());
            let new = self.insert_element(name, Ns::Html, attrs, true);
            if let Fmt::Elem { node, .. } = &mut self.fmt[i] {
                *node = new;
            }
            if i == self.fmt.len() - 1 {
                break;
            }
            i += 1;
        }
    }

    /// The adoption agency algorithm, for the end tag of a formatting
    /// element (HTML standard, "in body"): at most eight rounds of the
    /// outer loop.
    fn adoption_agency(&mut self, subject: &LocalName) {
        if self.current_named(subject) {
            if let Some(c) = self.current() {
                if self.fmt_position(c).is_none() {
                    self.pop();
                    return;
                }
            }
        }
        for _ in 0..8 {
            if !self.adoption_round(subject) {
                return;
            }
        }
    }

    /// The last formatting element named `subject` after the last marker:
    /// its index in the list and its node.
    fn last_formatting_named(&self, subject: &LocalName) -> Option<(usize, NodeId)> {
        for (i, f) in self.fmt.iter().enumerate().rev() {
            match f {
                Fmt::Marker => break,
                Fmt::Elem { node, name } if name == subject => {
                    return Some((i, *node));
                }
                _ => {}
            }
        }
        None
    }

    /// One round of the adoption agency's outer loop (HTML standard, "in
    /// body", steps 4.3 to 4.20); false when the algorithm ends.
    fn adoption_round(&mut self, subject: &LocalName) -> bool {
        let Some((fmt_index, fmt_elem)) = self.last_formatting_named(subject) else {
            let tag = Tag {
                end: true,
                name: subject.clone(),
                attrs: RefCell::default(),
                self_closing: false,
            };
            self.end_tag_in_body(&tag);
            return false;
        };
        let Some(fmt_stack) = self.open.iter().rposition(|&n| n == fmt_elem) else {
            self.fmt.remove(fmt_index);
            return false;
        };
        if !self.in_scope(Scope::Default, |n| n == fmt_elem) {
            return false;
        }
        let furthest = self.open[fmt_stack..]
            .iter()
            .position(|&n| {
                let (name, ns) = self.name(n);
                special(name, ns)
            })
            .map(|i| i + fmt_stack);
        let Some(furthest_index) = furthest else {
            self.truncate(fmt_stack);
            self.fmt.remove(fmt_index);
            return false;
        };
        let furthest_block = self.open[furthest_index];
        // (The root is never a formatting element: there is one below.)
        let Some(&common_ancestor) = fmt_stack.checked_sub(1).and_then(|i| self.open.get(i)) else {
            return false;
        };
        let Some((last_node, bookmark_after)) =
            self.adoption_inner_loop(fmt_elem, furthest_index, furthest_block)
        else {
            return false;
        };
        self.dom.detach(last_node);
        let place = self.insertion_place(Some(common_ancestor));
        self.insert_node(place, last_node);
        self.adoption_new_element(subject, fmt_elem, furthest_block, bookmark_after);
        true
    }

    /// The adoption agency's inner loop (HTML standard, "in body", step
    /// 4.14): walks down the stack from the furthest block to the
    /// formatting element, replacing each formatting element on the way by
    /// a new one that takes the last node as its child, and dropping the
    /// other elements. Gives the last node and the bookmark (`None`: at
    /// the formatting element's entry; else after this node's entry), or
    /// `None` when the algorithm ends.
    fn adoption_inner_loop(
        &mut self,
        fmt_elem: NodeId,
        furthest_index: usize,
        furthest_block: NodeId,
    ) -> Option<(NodeId, Option<NodeId>)> {
        let mut bookmark_after: Option<NodeId> = None;
        let mut node_index = furthest_index;
        let mut last_node = furthest_block;
        let mut inner = 0;
        loop {
            inner += 1;
            // (The formatting element is below: the walk stops there.)
            node_index = node_index.checked_sub(1)?;
            let node = self.open[node_index];
            if node == fmt_elem {
                return Some((last_node, bookmark_after));
            }
            if inner > 3 {
                if let Some(p) = self.fmt_position(node) {
                    self.fmt.remove(p);
                }
                self.open.remove(node_index);
                self.forget(node);
                continue;
            }
            let Some(node_fmt) = self.fmt_position(node) else {
                self.open.remove(node_index);
                self.forget(node);
                continue;
            };
            let Fmt::Elem { node: old, name } = &self.fmt[node_fmt] else {
                return None;
            };
            let (name, attrs) = (name.clone(), self.dom.attrs(*old).to_vec());
            let new = self.create(name.clone(), Ns::Html, attrs);
            self.forget(node);
            self.open[node_index] = new;
            self.mark_open(new, &name);
            if let Fmt::Elem { node, .. } = &mut self.fmt[node_fmt] {
                *node = new;
            }
            if last_node == furthest_block {
                bookmark_after = Some(new);
            }
            self.dom.detach(last_node);
            self.dom.append(new, last_node);
            last_node = new;
        }
    }

    /// The end of an adoption agency round (HTML standard, "in body",
    /// steps 4.15 to 4.20): a new element like the formatting element
    /// (`fmt_elem`, named `subject`) takes the furthest block's children
    /// and goes in it; it replaces the formatting element in the list (at
    /// the bookmark) and on the stack (just after the furthest block).
    fn adoption_new_element(
        &mut self,
        subject: &LocalName,
        fmt_elem: NodeId,
        furthest_block: NodeId,
        bookmark_after: Option<NodeId>,
    ) {
        let attrs = self.dom.attrs(fmt_elem).to_vec();
        let new = self.create(subject.clone(), Ns::Html, attrs);
        while let Some(c) = self.dom.first_child(furthest_block) {
            self.dom.append(new, c);
        }
        self.dom.append(furthest_block, new);
        let entry = Fmt::Elem {
            node: new,
            name: subject.clone(),
        };
        match bookmark_after {
            None => {
                if let Some(i) = self.fmt_position(fmt_elem) {
                    self.fmt[i] = entry;
                }
            }
            Some(prev) => {
                if let Some(i) = self.fmt_position(prev) {
                    self.fmt.insert(i + 1, entry);
                }
                if let Some(i) = self.fmt_position(fmt_elem) {
                    self.fmt.remove(i);
                }
            }
        }
        self.remove_from_stack(fmt_elem);
        if let Some(i) = self.open.iter().position(|&n| n == furthest_block) {
            self.open.insert(i + 1, new);
            self.mark_open(new, subject);
        }
    }

    /// Marks a new HTML element named `name` as open, when it is put on
    /// the stack in place (the adoption agency) rather than pushed.
    fn mark_open(&mut self, id: NodeId, name: &LocalName) {
        if self.in_stack.len() <= id {
            self.in_stack.resize(self.dom.nodes.len(), false);
        }
        self.in_stack[id] = true;
        if let Some(i) = counted(name) {
            self.counts[i] += 1;
        }
    }

    // ----------------------------------------------------------------------
    // Text

    /// Hands the collected text to the tree, as the current insertion mode says.
    pub(super) fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        self.process_text(&text);
        self.text = text;
        self.text.clear();
        self.nul_replacements = 0;
    }

    /// Text, as the current insertion mode says (HTML standard: the
    /// character tokens of each mode, and "in table text").
    fn process_text(&mut self, text: &str) {
        if self.is_foreign_text() {
            self.foreign_text(text);
            return;
        }
        match self.mode {
            Mode::Initial
            | Mode::BeforeHtml
            | Mode::BeforeHead
            | Mode::InHead
            | Mode::AfterHead => self.text_before_body(text),
            Mode::InBody | Mode::InCaption | Mode::InCell | Mode::InTemplate => {
                self.reconstruct_formatting();
                if self.frameset_ok && !text.chars().all(is_ascii_ws) {
                    self.frameset_ok = false;
                }
                self.insert_text(text);
            }
            Mode::Text => self.insert_text(text),
            Mode::InTable | Mode::InTableBody | Mode::InRow => self.table_text(text),
            Mode::InColumnGroup => {
                if let Some(rest) = self.column_group_text(text) {
                    self.process_text(rest);
                }
            }
            Mode::AfterBody | Mode::AfterAfterBody => {
                if !text.chars().all(is_ascii_ws) {
                    self.mode = Mode::InBody;
                    self.frameset_ok = false;
                }
                self.reconstruct_formatting();
                self.insert_text(text);
            }
            Mode::InFrameset | Mode::AfterFrameset => {
                // Only white space goes in.
                let ws: String = text.chars().filter(|&c| is_ascii_ws(c)).collect();
                self.insert_text(&ws);
            }
            Mode::AfterAfterFrameset => {
                let ws: String = text.chars().filter(|&c| is_ascii_ws(c)).collect();
                if !ws.is_empty() {
                    self.reconstruct_formatting();
                    self.insert_text(&ws);
                }
            }
        }
    }

    /// Text in foreign content (HTML standard, "in foreign content"): it
    /// goes in; NULs (now U+FFFD) do not count as text for the
    /// frameset-ok flag.
    fn foreign_text(&mut self, text: &str) {
        let nuls = std::mem::take(&mut self.nul_replacements);
        let fffd = text.chars().filter(|&c| c == '\u{fffd}').count();
        if fffd > nuls || !text.chars().all(|c| is_ascii_ws(c) || c == '\u{fffd}') {
            self.frameset_ok = false;
        }
        self.insert_text(text);
    }

    /// Text before the body (HTML standard: "initial" to "after head"):
    /// leading white space goes in the head (or nowhere before it); the
    /// rest makes what is missing up to the body and goes there.
    fn text_before_body(&mut self, text: &str) {
        let rest = text.trim_start_matches(is_ascii_ws);
        let ws = &text[..text.len() - rest.len()];
        if matches!(self.mode, Mode::InHead | Mode::AfterHead) {
            self.insert_text(ws);
        }
        if !rest.is_empty() {
            self.before_body_anything_else();
            self.process_text(rest);
        }
    }

    /// Text in a table, a table body or a row (HTML standard, "in table
    /// text"): white space in the table's own elements goes in; other text
    /// is fostered out, as in body.
    fn table_text(&mut self, text: &str) {
        let table_outer = self.current_in(|n| {
            matches!(
                *n,
                local_name!("table")
                    | local_name!("tbody")
                    | local_name!("tfoot")
                    | local_name!("thead")
                    | local_name!("tr")
            )
        });
        if table_outer && text.chars().all(is_ascii_ws) {
            self.insert_text(text);
        } else {
            self.foster = true;
            self.reconstruct_formatting();
            if self.frameset_ok && !text.chars().all(is_ascii_ws) {
                self.frameset_ok = false;
            }
            self.insert_text(text);
            self.foster = false;
        }
    }

    /// Text in a column group: runs of white space go in; other text
    /// closes the column group (what is left of the text is returned, for
    /// the table), or is dropped when there is none.
    fn column_group_text<'t>(&mut self, text: &'t str) -> Option<&'t str> {
        let mut rest = text;
        while !rest.is_empty() {
            let after_ws = rest.trim_start_matches(is_ascii_ws);
            self.insert_text(&rest[..rest.len() - after_ws.len()]);
            if after_ws.is_empty() {
                break;
            }
            if self.current_named(&local_name!("colgroup")) {
                self.pop();
                self.mode = Mode::InTable;
                return Some(after_ws);
            }
            rest = after_ws.trim_start_matches(|c| !is_ascii_ws(c));
        }
        None
    }

    /// A NUL character in the data state.
    pub(super) fn null_char(&mut self) {
        if self.is_foreign_text() {
            self.text.push('\u{fffd}');
            self.nul_replacements += 1;
        } else if self.mode == Mode::InColumnGroup {
            // The text before it goes in (or closes the column group: what
            // follows is the table's, and stays pending across the NUL as
            // html5ever's table text does); then, as any other token, it
            // closes the column group.
            let text = std::mem::take(&mut self.text);
            match self.column_group_text(&text) {
                Some(rest) => self.text.push_str(rest),
                None => {
                    if self.current_named(&local_name!("colgroup")) {
                        self.pop();
                        self.mode = Mode::InTable;
                    }
                }
            }
        } else if matches!(
            self.mode,
            Mode::Initial | Mode::BeforeHtml | Mode::BeforeHead | Mode::InHead | Mode::AfterHead
        ) {
            self.flush_text();
            self.before_body_anything_else();
        } else if matches!(self.mode, Mode::AfterBody | Mode::AfterAfterBody) {
            self.flush_text();
            self.mode = Mode::InBody;
        }
        // Elsewhere the tree builder ignores it.
    }

    /// Creates what is missing up to `<body>` ("anything else" before body).
    fn before_body_anything_else(&mut self) {
        loop {
            match self.mode {
                Mode::Initial => {
                    self.quirks = true;
                    self.mode = Mode::BeforeHtml;
                }
                Mode::BeforeHtml => {
                    self.create_root(Vec::new());
                    self.mode = Mode::BeforeHead;
                }
                Mode::BeforeHead => {
                    let head = self.insert_phantom(local_name!("head"));
                    self.head = Some(head);
                    self.mode = Mode::InHead;
                }
                Mode::InHead => {
                    self.pop();
                    self.mode = Mode::AfterHead;
                }
                Mode::AfterHead => {
                    self.insert_phantom(local_name!("body"));
                    self.mode = Mode::InBody;
                }
                _ => return,
            }
        }
    }

    fn create_root(&mut self, attrs: Vec<Attribute>) {
        let html = self.create(local_name!("html"), Ns::Html, attrs);
        self.dom.append(DOCUMENT, html);
        self.push(html);
    }

    // ----------------------------------------------------------------------
    // Tokens

    /// A doctype: sets quirks mode at the start of the document.
    pub(super) fn doctype(&mut self, quirks: bool) {
        self.ignore_lf = false;
        if self.mode == Mode::Initial {
            self.flush_text();
        }
        // Elsewhere a doctype is dropped, and the text around it stays one.
        if self.mode == Mode::Initial {
            self.quirks = quirks;
            self.mode = Mode::BeforeHtml;
        }
    }

    /// Processes a token (after the text before it).
    pub(super) fn token(&mut self, token: Token) {
        self.flush_text();
        self.ignore_lf = false;
        self.dispatch(&token);
    }

    /// Tree construction dispatch (HTML standard): the rules for foreign
    /// content or those of the insertion mode, until a token is done.
    fn dispatch(&mut self, token: &Token) {
        loop {
            let step = if self.is_foreign(token) {
                self.foreign(token)
            } else {
                self.step(self.mode, token)
            };
            match step {
                Step::Done => return,
                Step::Reprocess(mode) => self.mode = mode,
            }
        }
    }

    /// The adjusted current node is not HTML: the token follows the rules
    /// for foreign content.
    fn is_foreign(&self, token: &Token) -> bool {
        let Some(current) = self.current() else {
            return false;
        };
        let (name, ns) = self.name(current);
        let start = match token {
            Token::Eof => return false,
            Token::Tag(t) if !t.end => Some(&t.name),
            _ => None,
        };
        match ns {
            Ns::Html => false,
            Ns::MathMl if mathml_text_integration_point(name) => match start {
                Some(n) => matches!(*n, local_name!("mglyph") | local_name!("malignmark")),
                None => true,
            },
            Ns::MathMl if *name == local_name!("annotation-xml") => {
                !matches!(start, Some(n) if *n == local_name!("svg"))
            }
            Ns::Svg if svg_html_integration_point(name) => start.is_none(),
            _ => true,
        }
    }

    /// Whether text now goes in as foreign content.
    fn is_foreign_text(&self) -> bool {
        let Some(current) = self.current() else {
            return false;
        };
        let (name, ns) = self.name(current);
        match ns {
            Ns::Html => false,
            Ns::MathMl => !mathml_text_integration_point(name),
            Ns::Svg => !svg_html_integration_point(name),
        }
    }

    /// The rules for parsing tokens in foreign content (HTML standard,
    /// "in foreign content"): start tags of foreign elements, the HTML
    /// tags that break out, end tags.
    fn foreign(&mut self, token: &Token) -> Step {
        let tag = match token {
            Token::Comment => {
                self.insert_comment();
                return Step::Done;
            }
            Token::Tag(t) => t,
            Token::Eof => return Step::Done,
        };
        if !tag.end {
            if breaks_out_of_foreign(tag) {
                return self.break_out_of_foreign(tag);
            }
            let Some(current) = self.current() else {
                return Step::Done;
            };
            let ns = self.name(current).1;
            let name = if ns == Ns::Svg {
                adjust_svg_name(tag.name.clone())
            } else {
                tag.name.clone()
            };
            let attrs = foreign_attrs(&tag.take_attrs(), ns);
            self.insert_element(name, ns, attrs, !tag.self_closing);
            return Step::Done;
        }
        if matches!(tag.name, local_name!("br") | local_name!("p")) {
            return self.break_out_of_foreign(tag);
        }
        self.foreign_end_tag(tag, token)
    }

    /// An end tag in foreign content (HTML standard, "in foreign
    /// content", "any other end tag"): closes the foreign element of that
    /// name, or lets the HTML rules handle it once an HTML element is
    /// reached.
    fn foreign_end_tag(&mut self, tag: &Tag, token: &Token) -> Step {
        let mut i = self.open.len().saturating_sub(1);
        let mut first = true;
        loop {
            if i == 0 {
                return Step::Done;
            }
            let node = self.open[i];
            let (name, ns) = self.name(node);
            if !first && ns == Ns::Html {
                return self.step(self.mode, token);
            }
            if name.eq_ignore_ascii_case(&tag.name) {
                self.truncate(i);
                return Step::Done;
            }
            first = false;
            i -= 1;
        }
    }

    /// An HTML start tag in foreign content (HTML standard, "in foreign
    /// content"): pops to an HTML element or an integration point, then
    /// the insertion mode handles the tag.
    fn break_out_of_foreign(&mut self, tag: &Tag) -> Step {
        while let Some(c) = self.current() {
            let (name, ns) = self.name(c);
            let stop = match ns {
                Ns::Html => true,
                Ns::MathMl => mathml_text_integration_point(name),
                Ns::Svg => svg_html_integration_point(name),
            };
            if stop {
                break;
            }
            self.pop();
        }
        self.step(self.mode, &Token::Tag(tag.clone()))
    }

    /// Tree construction for a token in HTML content: the insertion mode
    /// `mode` decides (HTML standard, 13.2.6.4).
    fn step(&mut self, mode: Mode, token: &Token) -> Step {
        match mode {
            Mode::Initial => self.initial(token),
            Mode::BeforeHtml => self.before_html(token),
            Mode::BeforeHead => self.before_head(token),
            Mode::InHead => self.in_head(token),
            Mode::AfterHead => self.after_head(token),
            Mode::InBody => self.in_body(token),
            Mode::Text => self.in_text(token),
            Mode::InTable => self.in_table(token),
            Mode::InCaption => self.in_caption(token),
            Mode::InColumnGroup => self.in_column_group(token),
            Mode::InTableBody => self.in_table_body(token),
            Mode::InRow => self.in_row(token),
            Mode::InCell => self.in_cell(token),
            Mode::InTemplate => self.in_template(token),
            Mode::AfterBody => self.after_body(token),
            Mode::InFrameset | Mode::AfterFrameset => self.in_frameset(mode, token),
            Mode::AfterAfterBody => self.after_after_body(token),
            Mode::AfterAfterFrameset => self.after_after_frameset(token),
        }
    }

    /// A comment as a child of the document.
    fn document_comment(&mut self) -> Step {
        let id = self.dom.push_other();
        self.dom.append(DOCUMENT, id);
        Step::Done
    }

    /// The "initial" insertion mode (HTML standard, 13.2.6.4.1; the
    /// doctype is handled by `doctype`): anything else means quirks mode.
    fn initial(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => self.document_comment(),
            _ => {
                self.quirks = true;
                Step::Reprocess(Mode::BeforeHtml)
            }
        }
    }

    /// An end tag that the modes before `<body>` ignore: all but `head`,
    /// `body`, `html` and `br` (HTML standard, 13.2.6.4.2 and 13.2.6.4.3).
    fn ignored_end_before_body(t: &Tag) -> bool {
        t.end
            && !matches!(
                t.name,
                local_name!("head") | local_name!("body") | local_name!("html") | local_name!("br")
            )
    }

    /// The "before html" insertion mode (HTML standard, 13.2.6.4.2): the
    /// root element, made for `<html>` or anything else.
    fn before_html(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => self.document_comment(),
            Token::Tag(t) if !t.end && t.name == local_name!("html") => {
                self.create_root(t.take_attrs());
                self.mode = Mode::BeforeHead;
                Step::Done
            }
            Token::Tag(t) if Self::ignored_end_before_body(t) => Step::Done,
            _ => {
                self.create_root(Vec::new());
                Step::Reprocess(Mode::BeforeHead)
            }
        }
    }

    /// The "before head" insertion mode (HTML standard, 13.2.6.4.3): the
    /// head element, made for `<head>` or anything else.
    fn before_head(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => {
                self.insert_comment();
                Step::Done
            }
            Token::Tag(t) if !t.end && t.name == local_name!("html") => {
                self.step(Mode::InBody, token)
            }
            Token::Tag(t) if !t.end && t.name == local_name!("head") => {
                self.head = Some(self.insert_html(t));
                self.mode = Mode::InHead;
                Step::Done
            }
            Token::Tag(t) if Self::ignored_end_before_body(t) => Step::Done,
            _ => {
                self.head = Some(self.insert_phantom(local_name!("head")));
                Step::Reprocess(Mode::InHead)
            }
        }
    }

    /// The "after head" insertion mode (HTML standard, 13.2.6.4.6): the
    /// body (or frameset), made for its tag or anything else; the head's
    /// elements still go in the head.
    fn after_head(&mut self, token: &Token) -> Step {
        let anything_else = |b: &mut Self| {
            b.insert_phantom(local_name!("body"));
            Step::Reprocess(Mode::InBody)
        };
        let t = match token {
            Token::Comment => {
                self.insert_comment();
                return Step::Done;
            }
            Token::Eof => return anything_else(self),
            Token::Tag(t) => t,
        };
        if t.end {
            return match t.name {
                local_name!("template") => self.in_head(token),
                local_name!("body") | local_name!("html") | local_name!("br") => {
                    anything_else(self)
                }
                _ => Step::Done,
            };
        }
        match t.name {
            local_name!("html") => self.step(Mode::InBody, token),
            local_name!("body") => {
                self.insert_html(t);
                self.frameset_ok = false;
                self.mode = Mode::InBody;
                Step::Done
            }
            local_name!("frameset") => {
                self.insert_html(t);
                self.mode = Mode::InFrameset;
                Step::Done
            }
            ref name if head_element(name) => {
                let Some(head) = self.head else {
                    return Step::Done;
                };
                self.push(head);
                let step = self.in_head(token);
                self.remove_from_stack(head);
                step
            }
            local_name!("head") => Step::Done,
            _ => anything_else(self),
        }
    }

    /// The "text" insertion mode (HTML standard, 13.2.6.4.8): the element
    /// read as text ends at its end tag or at the end of the input.
    fn in_text(&mut self, token: &Token) -> Step {
        match token {
            Token::Eof => {
                self.pop();
                Step::Reprocess(self.orig_mode)
            }
            Token::Tag(t) if t.end => {
                self.pop();
                self.mode = self.orig_mode;
                Step::Done
            }
            _ => Step::Done,
        }
    }

    /// The "after body" insertion mode (HTML standard, 13.2.6.4.19):
    /// comments go in the root element; anything else but `</html>`
    /// returns to the body.
    fn after_body(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => {
                let id = self.dom.push_other();
                let html = self.open.first().copied().unwrap_or(DOCUMENT);
                self.dom.append(html, id);
                Step::Done
            }
            Token::Tag(t) if !t.end && t.name == local_name!("html") => {
                self.step(Mode::InBody, token)
            }
            Token::Tag(t) if t.end && t.name == local_name!("html") => {
                self.mode = Mode::AfterAfterBody;
                Step::Done
            }
            Token::Eof => Step::Done,
            _ => Step::Reprocess(Mode::InBody),
        }
    }

    /// The "in frameset" and "after frameset" insertion modes (HTML
    /// standard, 13.2.6.4.20 and 13.2.6.4.21): frames and framesets, the
    /// rest ignored.
    fn in_frameset(&mut self, mode: Mode, token: &Token) -> Step {
        match token {
            Token::Comment => {
                self.insert_comment();
                Step::Done
            }
            Token::Tag(t) if !t.end && t.name == local_name!("html") => {
                self.step(Mode::InBody, token)
            }
            Token::Tag(t) if mode == Mode::InFrameset && !t.end => match t.name {
                local_name!("frameset") => {
                    self.insert_html(t);
                    Step::Done
                }
                local_name!("frame") => {
                    self.insert_void(t);
                    Step::Done
                }
                local_name!("noframes") => self.in_head(token),
                _ => Step::Done,
            },
            Token::Tag(t) if mode == Mode::InFrameset && t.name == local_name!("frameset") => {
                if self.open.len() > 1 {
                    self.pop();
                    if !self.current_named(&local_name!("frameset")) {
                        self.mode = Mode::AfterFrameset;
                    }
                }
                Step::Done
            }
            Token::Tag(t)
                if mode == Mode::AfterFrameset && t.end && t.name == local_name!("html") =>
            {
                self.mode = Mode::AfterAfterFrameset;
                Step::Done
            }
            Token::Tag(t) if !t.end && t.name == local_name!("noframes") => self.in_head(token),
            _ => Step::Done,
        }
    }

    /// The "after after body" insertion mode (HTML standard, 13.2.6.4.22):
    /// comments go in the document; anything else returns to the body.
    fn after_after_body(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => self.document_comment(),
            Token::Tag(t) if !t.end && t.name == local_name!("html") => {
                self.step(Mode::InBody, token)
            }
            Token::Eof => Step::Done,
            _ => Step::Reprocess(Mode::InBody),
        }
    }

    /// The "after after frameset" insertion mode (HTML standard,
    /// 13.2.6.4.23): comments go in the document, the rest is ignored.
    fn after_after_frameset(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => self.document_comment(),
            Token::Tag(t) if !t.end && t.name == local_name!("html") => {
                self.step(Mode::InBody, token)
            }
            Token::Tag(t) if !t.end && t.name == local_name!("noframes") => self.in_head(token),
            _ => Step::Done,
        }
    }

    /// The "in head" insertion mode (HTML standard): the head's elements;
    /// anything else closes the head.
    fn in_head(&mut self, token: &Token) -> Step {
        let anything_else = |b: &mut Self| {
            b.pop();
            Step::Reprocess(Mode::AfterHead)
        };
        let t = match token {
            Token::Comment => {
                self.insert_comment();
                return Step::Done;
            }
            Token::Eof => return anything_else(self),
            Token::Tag(t) => t,
        };
        if !t.end {
            return match t.name {
                local_name!("html") => self.step(Mode::InBody, token),
                local_name!("template") => {
                    self.start_template(t);
                    Step::Done
                }
                local_name!("head") => Step::Done,
                _ if self.head_start_tag(t) => Step::Done,
                _ => anything_else(self),
            };
        }
        match t.name {
            local_name!("head") => {
                self.pop();
                self.mode = Mode::AfterHead;
                Step::Done
            }
            local_name!("body") | local_name!("html") | local_name!("br") => anything_else(self),
            local_name!("template") => {
                if self.in_stack_named(&local_name!("template")) {
                    self.generate_implied_end(thorough_implied_end);
                    self.pop_until_named(&local_name!("template"));
                    self.clear_fmt_to_marker();
                    self.template_modes.pop();
                    self.mode = self.reset_mode();
                }
                Step::Done
            }
            _ => Step::Done,
        }
    }

    /// In head, the start tags of the head's void elements and of the
    /// elements read as text (`title`, `style`, `script`…; HTML standard,
    /// "in head", scripting enabled). False for other tags.
    fn head_start_tag(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("link")
            | local_name!("meta") => {
                self.insert_void(t);
            }
            local_name!("title") => self.insert_raw(t, Raw::Rcdata),
            local_name!("noframes") | local_name!("style") | local_name!("noscript") => {
                self.insert_raw(t, Raw::Rawtext);
            }
            local_name!("script") => self.insert_raw(t, Raw::Script),
            _ => return false,
        }
        true
    }

    /// In head, a start tag `template` (HTML standard, "in head"): a
    /// marker, the "in template" mode, and the element.
    fn start_template(&mut self, t: &Tag) {
        self.fmt.push(Fmt::Marker);
        self.frameset_ok = false;
        self.mode = Mode::InTemplate;
        self.template_modes.push(Mode::InTemplate);
        // A declarative shadow root: html5ever makes a template for it,
        // fails to attach it (the sink keeps no shadow roots) and makes
        // another, in the tree; the first stays in the arena, detached.
        let shadow = t.attrs().iter().any(|a| {
            a.name.local == local_name!("shadowrootmode") && matches!(&*a.value, "open" | "closed")
        });
        if shadow && self.open.len() > 1 {
            let attrs = t.attrs().clone();
            self.create(t.name.clone(), Ns::Html, attrs);
        }
        self.insert_html(t);
    }

    /// The "in body" insertion mode (HTML standard, 13.2.6.4.7): comments,
    /// the end of the file, then start tags by group and end tags.
    fn in_body(&mut self, token: &Token) -> Step {
        let t = match token {
            Token::Comment => {
                self.insert_comment();
                return Step::Done;
            }
            Token::Eof => {
                if !self.template_modes.is_empty() {
                    return self.in_template(token);
                }
                return Step::Done;
            }
            Token::Tag(t) => t,
        };
        if t.end {
            return self.end_tag_in_body_rules(t, token);
        }
        if let Some(step) = self.body_start_document(t, token) {
            return step;
        }
        if self.body_start_block(t) || self.body_start_grouping(t) {
            return Step::Done;
        }
        if self.body_start_formatting(t) {
            return Step::Done;
        }
        if let Some(step) = self.body_start_void(t) {
            return step;
        }
        if self.body_start_raw(t) || self.body_start_select_ruby_foreign(t) {
            return Step::Done;
        }
        if !body_start_ignored(&t.name) {
            // "Any other start tag".
            self.reconstruct_formatting();
            self.insert_html(t);
        }
        Step::Done
    }

    /// In body, start tags about the document (HTML standard, 13.2.6.4.7):
    /// `html` and `body` lend their attributes, `frameset` replaces the
    /// body while it may, the head's elements follow the rules "in head".
    /// `None` for other tags.
    fn body_start_document(&mut self, t: &Tag, token: &Token) -> Option<Step> {
        match t.name {
            local_name!("html") => {
                if !self.in_stack_named(&local_name!("template")) {
                    if let Some(&html) = self.open.first() {
                        self.add_attrs(html, t.take_attrs());
                    }
                }
            }
            ref name if head_element(name) => return Some(self.in_head(token)),
            local_name!("body") => {
                if self.open.len() > 1
                    && self.html_named(self.open[1], &local_name!("body"))
                    && !self.in_stack_named(&local_name!("template"))
                {
                    self.frameset_ok = false;
                    let body = self.open[1];
                    self.add_attrs(body, t.take_attrs());
                }
            }
            local_name!("frameset") => {
                if self.frameset_ok
                    && self.open.len() > 1
                    && self.html_named(self.open[1], &local_name!("body"))
                {
                    let body = self.open[1];
                    self.dom.detach(body);
                    self.truncate(1);
                    self.insert_html(t);
                    self.mode = Mode::InFrameset;
                }
            }
            _ => return None,
        }
        Some(Step::Done)
    }

    /// In body, the start tags of blocks that close an open `p`
    /// (HTML standard, 13.2.6.4.7: "address", "article", … and the
    /// headings, which also close an open heading). False for other tags.
    fn body_start_block(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("main")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("search")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("ul")
            | local_name!("menu") => {
                self.close_p_in_button_scope();
                self.insert_html(t);
            }
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => {
                self.close_p_in_button_scope();
                if self.current_in(is_heading) {
                    self.pop();
                }
                self.insert_html(t);
            }
            _ => return false,
        }
        true
    }

    /// In body, the other start tags that close an open `p` (HTML
    /// standard, 13.2.6.4.7): `pre` and `listing` (a newline right after
    /// is dropped), `form` (one at a time outside templates), list items,
    /// `plaintext`. False for other tags.
    fn body_start_grouping(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("pre") | local_name!("listing") => {
                self.close_p_in_button_scope();
                self.insert_html(t);
                self.ignore_lf = true;
                self.frameset_ok = false;
            }
            local_name!("form") => {
                let in_template = self.in_stack_named(&local_name!("template"));
                if self.form.is_none() || in_template {
                    self.close_p_in_button_scope();
                    let form = self.insert_html(t);
                    if !in_template {
                        self.form = Some(form);
                    }
                }
            }
            local_name!("li") | local_name!("dd") | local_name!("dt") => self.start_list_item(t),
            local_name!("plaintext") => {
                self.close_p_in_button_scope();
                self.insert_html(t);
                self.raw = Raw::Plaintext;
            }
            _ => return false,
        }
        true
    }

    /// In body, a start tag `li`, `dd` or `dt` (HTML standard, 13.2.6.4.7):
    /// closes the open item of its kind unless a special element other
    /// than `address`, `div` or `p` stands between, then an open `p`.
    fn start_list_item(&mut self, t: &Tag) {
        self.frameset_ok = false;
        let list = t.name == local_name!("li");
        let any_open = if list {
            self.counts[1] > 0
        } else {
            self.counts[2] + self.counts[3] > 0
        };
        if any_open {
            let mut to_close = None;
            for &node in self.open.iter().rev() {
                let (n, ns) = self.name(node);
                let can_close = ns == Ns::Html
                    && if list {
                        *n == local_name!("li")
                    } else {
                        matches!(*n, local_name!("dd") | local_name!("dt"))
                    };
                if can_close {
                    to_close = Some(n.clone());
                    break;
                }
                if special(n, ns)
                    && !(ns == Ns::Html
                        && matches!(
                            *n,
                            local_name!("address") | local_name!("div") | local_name!("p")
                        ))
                {
                    break;
                }
            }
            if let Some(name) = to_close {
                self.generate_implied_end_except(&name);
                self.pop_until_named(&name);
            }
        }
        self.close_p_in_button_scope();
        self.insert_html(t);
    }

    /// In body, `button`, the formatting elements (with `a` and `nobr`,
    /// which first close an open one through the adoption agency), the
    /// elements that put a marker in the list of active formatting
    /// elements, and `table` (HTML standard, 13.2.6.4.7). False for other
    /// tags.
    fn body_start_formatting(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("button") => {
                if self.in_scope_named(Scope::Default, &local_name!("button")) {
                    self.generate_implied_end(cursory_implied_end);
                    self.pop_until_named(&local_name!("button"));
                }
                self.reconstruct_formatting();
                self.insert_html(t);
                self.frameset_ok = false;
            }
            local_name!("a") => self.start_a(t),
            local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u") => {
                self.reconstruct_formatting();
                self.push_formatting(t);
            }
            local_name!("nobr") => {
                self.reconstruct_formatting();
                if self.in_scope_named(Scope::Default, &local_name!("nobr")) {
                    self.adoption_agency(&local_name!("nobr"));
                    self.reconstruct_formatting();
                }
                self.push_formatting(t);
            }
            local_name!("applet") | local_name!("marquee") | local_name!("object") => {
                self.reconstruct_formatting();
                self.insert_html(t);
                self.fmt.push(Fmt::Marker);
                self.frameset_ok = false;
            }
            local_name!("table") => {
                if !self.quirks {
                    self.close_p_in_button_scope();
                }
                self.insert_html(t);
                self.frameset_ok = false;
                self.mode = Mode::InTable;
            }
            _ => return false,
        }
        true
    }

    /// In body, a start tag `a` (HTML standard, 13.2.6.4.7): an `a` still
    /// in the list of active formatting elements (after the last marker)
    /// is closed by the adoption agency and forgotten first.
    fn start_a(&mut self, t: &Tag) {
        let open_a = self.fmt.iter().rev().find_map(|f| match f {
            Fmt::Marker => Some(None),
            Fmt::Elem { node, name, .. } if *name == local_name!("a") => Some(Some(*node)),
            _ => None,
        });
        if let Some(Some(node)) = open_a {
            self.adoption_agency(&local_name!("a"));
            if let Some(i) = self.fmt_position(node) {
                self.fmt.remove(i);
            }
            self.remove_from_stack(node);
        }
        self.reconstruct_formatting();
        self.push_formatting(t);
    }

    /// In body, the void elements (`area`, `br`, `img`, `input`, `hr`…)
    /// and `image`, read as `img` (HTML standard, 13.2.6.4.7). `None` for
    /// other tags.
    fn body_start_void(&mut self, t: &Tag) -> Option<Step> {
        match t.name {
            local_name!("area")
            | local_name!("br")
            | local_name!("embed")
            | local_name!("img")
            | local_name!("keygen")
            | local_name!("wbr") => {
                self.reconstruct_formatting();
                self.insert_void(t);
                self.frameset_ok = false;
            }
            local_name!("input") => {
                if self.in_scope_named(Scope::Default, &local_name!("select")) {
                    self.pop_until_named(&local_name!("select"));
                }
                let hidden = Self::attr_value(&t.attrs(), "type")
                    .is_some_and(|v| v.eq_ignore_ascii_case("hidden"));
                self.reconstruct_formatting();
                self.insert_void(t);
                if !hidden {
                    self.frameset_ok = false;
                }
            }
            local_name!("param") | local_name!("source") | local_name!("track") => {
                self.insert_void(t);
            }
            local_name!("hr") => {
                self.close_p_in_button_scope();
                if self.in_scope_named(Scope::Default, &local_name!("select")) {
                    self.generate_implied_end(cursory_implied_end);
                }
                self.insert_void(t);
                self.frameset_ok = false;
            }
            local_name!("image") => {
                let mut img = t.clone();
                img.name = local_name!("img");
                return Some(self.in_body(&Token::Tag(img)));
            }
            _ => return None,
        }
        Some(Step::Done)
    }

    /// In body, the elements whose contents the tokenizer reads as text
    /// (`textarea`, `xmp`, `iframe`, `noembed`, `noscript`; HTML standard,
    /// 13.2.6.4.7). False for other tags.
    fn body_start_raw(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("textarea") => {
                self.insert_raw(t, Raw::Rcdata);
                self.ignore_lf = true;
                self.frameset_ok = false;
            }
            local_name!("xmp") => {
                self.close_p_in_button_scope();
                self.reconstruct_formatting();
                self.frameset_ok = false;
                self.insert_raw(t, Raw::Rawtext);
            }
            local_name!("iframe") | local_name!("noembed") | local_name!("noscript") => {
                if t.name == local_name!("iframe") {
                    self.frameset_ok = false;
                }
                self.insert_raw(t, Raw::Rawtext);
            }
            _ => return false,
        }
        true
    }

    /// In body, `select` and its options (as the standard now parses
    /// `<select>` in body), the ruby elements, and `math` and `svg`, which
    /// start foreign content (HTML standard, 13.2.6.4.7). False for other
    /// tags.
    fn body_start_select_ruby_foreign(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("select") => {
                if self.in_scope_named(Scope::Default, &local_name!("select")) {
                    self.pop_until_named(&local_name!("select"));
                } else {
                    self.reconstruct_formatting();
                    self.insert_html(t);
                    self.frameset_ok = false;
                }
            }
            local_name!("option") | local_name!("optgroup") => {
                if self.in_scope_named(Scope::Default, &local_name!("select")) {
                    if t.name == local_name!("option") {
                        self.generate_implied_end_except(&local_name!("optgroup"));
                    } else {
                        self.generate_implied_end(cursory_implied_end);
                    }
                } else if self.current_named(&local_name!("option")) {
                    self.pop();
                }
                self.reconstruct_formatting();
                self.insert_html(t);
            }
            local_name!("rb") | local_name!("rtc") => {
                if self.in_scope_named(Scope::Default, &local_name!("ruby")) {
                    self.generate_implied_end(cursory_implied_end);
                }
                self.insert_html(t);
            }
            local_name!("rp") | local_name!("rt") => {
                if self.in_scope_named(Scope::Default, &local_name!("ruby")) {
                    self.generate_implied_end_except(&local_name!("rtc"));
                }
                self.insert_html(t);
            }
            local_name!("math") | local_name!("svg") => {
                self.reconstruct_formatting();
                let ns = if t.name == local_name!("svg") {
                    Ns::Svg
                } else {
                    Ns::MathMl
                };
                let attrs = foreign_attrs(&t.take_attrs(), ns);
                self.insert_element(t.name.clone(), ns, attrs, !t.self_closing);
            }
            _ => return false,
        }
        true
    }

    /// The end tags of the "in body" insertion mode (HTML standard,
    /// 13.2.6.4.7), by group; "any other end tag" last.
    fn end_tag_in_body_rules(&mut self, t: &Tag, token: &Token) -> Step {
        match t.name {
            local_name!("template") => return self.in_head(token),
            local_name!("body") => {
                if self.in_scope_named(Scope::Default, &local_name!("body")) {
                    self.mode = Mode::AfterBody;
                }
            }
            local_name!("html") => {
                if self.in_scope_named(Scope::Default, &local_name!("body")) {
                    return Step::Reprocess(Mode::AfterBody);
                }
            }
            local_name!("br") => {
                let br = Tag {
                    end: false,
                    name: local_name!("br"),
                    attrs: RefCell::default(),
                    self_closing: false,
                };
                return self.in_body(&Token::Tag(br));
            }
            ref n if is_formatting(n) => self.adoption_agency(n),
            _ => {
                if !self.body_end_block(t) && !self.body_end_item(t) {
                    self.end_tag_in_body(t);
                }
            }
        }
        Step::Done
    }

    /// In body, the end tag of a block (HTML standard, 13.2.6.4.7:
    /// "address", "article", …, and `applet`, `marquee`, `object`, which
    /// also clear the list of active formatting elements to the last
    /// marker): closes it if it is in scope. False for other tags.
    fn body_end_block(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("button")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("pre")
            | local_name!("search")
            | local_name!("section")
            | local_name!("select")
            | local_name!("summary")
            | local_name!("ul") => {
                if self.in_scope_named(Scope::Default, &t.name) {
                    self.generate_implied_end(cursory_implied_end);
                    self.pop_until_named(&t.name);
                }
            }
            local_name!("applet") | local_name!("marquee") | local_name!("object") => {
                if self.in_scope_named(Scope::Default, &t.name) {
                    self.generate_implied_end(cursory_implied_end);
                    self.pop_until_named(&t.name);
                    self.clear_fmt_to_marker();
                }
            }
            _ => return false,
        }
        true
    }

    /// In body, the end tags `form`, `p` (an empty `p` when none is open),
    /// `li`, `dd`, `dt` and the headings (HTML standard, 13.2.6.4.7).
    /// False for other tags.
    fn body_end_item(&mut self, t: &Tag) -> bool {
        match t.name {
            local_name!("form") => self.end_form(),
            local_name!("p") => {
                if !self.in_scope_named(Scope::Button, &local_name!("p")) {
                    self.insert_phantom(local_name!("p"));
                }
                self.close_p();
            }
            local_name!("li") | local_name!("dd") | local_name!("dt") => {
                let scope = if t.name == local_name!("li") {
                    Scope::ListItem
                } else {
                    Scope::Default
                };
                if self.in_scope_named(scope, &t.name) {
                    self.generate_implied_end_except(&t.name);
                    self.pop_until_named(&t.name);
                }
            }
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => {
                let any = self.counts[21..27].iter().any(|&c| c > 0);
                if any
                    && self.in_scope(Scope::Default, |n| {
                        let (name, ns) = self.name(n);
                        ns == Ns::Html && is_heading(name)
                    })
                {
                    self.generate_implied_end(cursory_implied_end);
                    self.pop_until(is_heading);
                }
            }
            _ => return false,
        }
        true
    }

    /// In body, an end tag `form` (HTML standard, 13.2.6.4.7): outside
    /// templates it closes the form element pointer's element, wherever it
    /// is on the stack; in a template, the form in scope.
    fn end_form(&mut self) {
        if !self.in_stack_named(&local_name!("template")) {
            let Some(node) = self.form.take() else {
                return;
            };
            if !self.in_scope(Scope::Default, |n| n == node) {
                return;
            }
            self.generate_implied_end(cursory_implied_end);
            self.remove_from_stack(node);
        } else if self.in_scope_named(Scope::Default, &local_name!("form")) {
            self.generate_implied_end(cursory_implied_end);
            self.pop_until_named(&local_name!("form"));
        }
    }

    /// "Any other end tag" in body.
    fn end_tag_in_body(&mut self, t: &Tag) {
        let mut found = None;
        for (i, &node) in self.open.iter().enumerate().rev() {
            if self.html_named(node, &t.name) {
                found = Some(i);
                break;
            }
            let (n, ns) = self.name(node);
            if special(n, ns) {
                return;
            }
        }
        let Some(i) = found else {
            return;
        };
        self.generate_implied_end_except(&t.name);
        self.truncate(i);
    }

    /// In a table, a token handled as "in body" with foster parenting on
    /// (HTML standard, "in table", "anything else").
    fn foster_in_body(&mut self, token: &Token) -> Step {
        self.foster = true;
        let step = self.in_body(token);
        self.foster = false;
        step
    }

    fn clear_to_table_context(&mut self) {
        self.pop_until_current(|n| {
            matches!(
                *n,
                local_name!("table") | local_name!("template") | local_name!("html")
            )
        });
    }

    /// The "in table" insertion mode (HTML standard): start and end tags
    /// apart; what a table may not hold is fostered out in body.
    fn in_table(&mut self, token: &Token) -> Step {
        let t = match token {
            Token::Comment => {
                self.insert_comment();
                return Step::Done;
            }
            Token::Eof => return self.in_body(token),
            Token::Tag(t) => t,
        };
        if !t.end {
            return self.in_table_start(t, token);
        }
        match t.name {
            local_name!("table") => {
                if self.in_scope_named(Scope::Table, &local_name!("table")) {
                    self.pop_until_named(&local_name!("table"));
                    self.mode = self.reset_mode();
                }
                Step::Done
            }
            local_name!("body")
            | local_name!("caption")
            | local_name!("col")
            | local_name!("colgroup")
            | local_name!("html")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr") => Step::Done,
            local_name!("template") => self.in_head(token),
            _ => self.foster_in_body(token),
        }
    }

    /// A start tag in the "in table" insertion mode (HTML standard): the
    /// table's parts (made when missing), a nested table closing this one,
    /// hidden inputs and forms kept in the table.
    fn in_table_start(&mut self, t: &Tag, token: &Token) -> Step {
        match t.name {
            local_name!("caption") => {
                self.clear_to_table_context();
                self.fmt.push(Fmt::Marker);
                self.insert_html(t);
                self.mode = Mode::InCaption;
                Step::Done
            }
            local_name!("colgroup") => {
                self.clear_to_table_context();
                self.insert_html(t);
                self.mode = Mode::InColumnGroup;
                Step::Done
            }
            local_name!("col") => {
                self.clear_to_table_context();
                self.insert_phantom(local_name!("colgroup"));
                Step::Reprocess(Mode::InColumnGroup)
            }
            local_name!("tbody") | local_name!("tfoot") | local_name!("thead") => {
                self.clear_to_table_context();
                self.insert_html(t);
                self.mode = Mode::InTableBody;
                Step::Done
            }
            local_name!("td") | local_name!("th") | local_name!("tr") => {
                self.clear_to_table_context();
                self.insert_phantom(local_name!("tbody"));
                Step::Reprocess(Mode::InTableBody)
            }
            local_name!("table") => {
                if self.in_scope_named(Scope::Table, &local_name!("table")) {
                    self.pop_until_named(&local_name!("table"));
                    Step::Reprocess(self.reset_mode())
                } else {
                    Step::Done
                }
            }
            local_name!("style") | local_name!("script") | local_name!("template") => {
                self.in_head(token)
            }
            local_name!("input") => {
                let hidden = Self::attr_value(&t.attrs(), "type")
                    .is_some_and(|v| v.eq_ignore_ascii_case("hidden"));
                if hidden {
                    self.insert_void(t);
                    Step::Done
                } else {
                    self.foster_in_body(token)
                }
            }
            local_name!("form") => {
                if !self.in_stack_named(&local_name!("template")) && self.form.is_none() {
                    self.form = Some(self.insert_void(t));
                }
                Step::Done
            }
            _ => self.foster_in_body(token),
        }
    }

    /// The "in caption" insertion mode (HTML standard).
    fn in_caption(&mut self, token: &Token) -> Step {
        if let Token::Tag(t) = token {
            let closes = if t.end {
                matches!(t.name, local_name!("table") | local_name!("caption"))
            } else {
                matches!(
                    t.name,
                    local_name!("caption")
                        | local_name!("col")
                        | local_name!("colgroup")
                        | local_name!("tbody")
                        | local_name!("td")
                        | local_name!("tfoot")
                        | local_name!("th")
                        | local_name!("thead")
                        | local_name!("tr")
                )
            };
            if closes {
                if !self.in_scope_named(Scope::Table, &local_name!("caption")) {
                    return Step::Done;
                }
                self.generate_implied_end(cursory_implied_end);
                self.pop_until_named(&local_name!("caption"));
                self.clear_fmt_to_marker();
                if t.end && t.name == local_name!("caption") {
                    self.mode = Mode::InTable;
                    return Step::Done;
                }
                return Step::Reprocess(Mode::InTable);
            }
            if t.end
                && matches!(
                    t.name,
                    local_name!("body")
                        | local_name!("col")
                        | local_name!("colgroup")
                        | local_name!("html")
                        | local_name!("tbody")
                        | local_name!("td")
                        | local_name!("tfoot")
                        | local_name!("th")
                        | local_name!("thead")
                        | local_name!("tr")
                )
            {
                return Step::Done;
            }
        }
        self.in_body(token)
    }

    /// The "in column group" insertion mode (HTML standard).
    fn in_column_group(&mut self, token: &Token) -> Step {
        match token {
            Token::Comment => {
                self.insert_comment();
                Step::Done
            }
            Token::Tag(t) if !t.end && t.name == local_name!("html") => self.in_body(token),
            Token::Tag(t) if !t.end && t.name == local_name!("col") => {
                self.insert_void(t);
                Step::Done
            }
            Token::Tag(t) if t.end && t.name == local_name!("colgroup") => {
                if self.current_named(&local_name!("colgroup")) {
                    self.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            Token::Tag(t) if t.end && t.name == local_name!("col") => Step::Done,
            Token::Tag(t) if t.name == local_name!("template") => self.in_head(token),
            Token::Eof => self.in_body(token),
            _ => {
                if self.current_named(&local_name!("colgroup")) {
                    self.pop();
                    Step::Reprocess(Mode::InTable)
                } else {
                    Step::Done
                }
            }
        }
    }

    fn clear_to_table_body_context(&mut self) {
        self.pop_until_current(|n| {
            matches!(
                *n,
                local_name!("tbody")
                    | local_name!("tfoot")
                    | local_name!("thead")
                    | local_name!("template")
                    | local_name!("html")
            )
        });
    }

    fn clear_to_table_row_context(&mut self) {
        self.pop_until_current(|n| {
            matches!(
                *n,
                local_name!("tr") | local_name!("template") | local_name!("html")
            )
        });
    }

    /// The "in table body" insertion mode (HTML standard).
    fn in_table_body(&mut self, token: &Token) -> Step {
        let Token::Tag(t) = token else {
            return self.in_table(token);
        };
        match (t.end, &t.name) {
            (false, &local_name!("tr")) => {
                self.clear_to_table_body_context();
                self.insert_html(t);
                self.mode = Mode::InRow;
                Step::Done
            }
            (false, &local_name!("th") | &local_name!("td")) => {
                self.clear_to_table_body_context();
                self.insert_phantom(local_name!("tr"));
                Step::Reprocess(Mode::InRow)
            }
            (true, &local_name!("tbody") | &local_name!("tfoot") | &local_name!("thead")) => {
                if self.in_scope_named(Scope::Table, &t.name) {
                    self.clear_to_table_body_context();
                    self.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            (
                false,
                &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead"),
            )
            | (true, &local_name!("table")) => {
                // As html5ever: table, tbody or tfoot in table scope.
                let any = self.in_scope(Scope::Table, |n| {
                    let (name, ns) = self.name(n);
                    ns == Ns::Html
                        && matches!(
                            *name,
                            local_name!("table") | local_name!("tbody") | local_name!("tfoot")
                        )
                });
                if any {
                    self.clear_to_table_body_context();
                    self.pop();
                    Step::Reprocess(Mode::InTable)
                } else {
                    Step::Done
                }
            }
            (
                true,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html")
                | &local_name!("td")
                | &local_name!("th")
                | &local_name!("tr"),
            ) => Step::Done,
            _ => self.in_table(token),
        }
    }

    fn close_row(&mut self) -> bool {
        if !self.in_scope_named(Scope::Table, &local_name!("tr")) {
            return false;
        }
        self.clear_to_table_row_context();
        self.pop();
        true
    }

    /// The "in row" insertion mode (HTML standard).
    fn in_row(&mut self, token: &Token) -> Step {
        let Token::Tag(t) = token else {
            return self.in_table(token);
        };
        match (t.end, &t.name) {
            (false, &local_name!("th") | &local_name!("td")) => {
                self.clear_to_table_row_context();
                self.insert_html(t);
                self.mode = Mode::InCell;
                self.fmt.push(Fmt::Marker);
                Step::Done
            }
            (true, &local_name!("tr")) => {
                if self.close_row() {
                    self.mode = Mode::InTableBody;
                }
                Step::Done
            }
            (
                false,
                &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead")
                | &local_name!("tr"),
            )
            | (true, &local_name!("table")) => {
                if self.close_row() {
                    Step::Reprocess(Mode::InTableBody)
                } else {
                    Step::Done
                }
            }
            (true, &local_name!("tbody") | &local_name!("tfoot") | &local_name!("thead")) => {
                if !self.in_scope_named(Scope::Table, &t.name) {
                    return Step::Done;
                }
                if self.close_row() {
                    Step::Reprocess(Mode::InTableBody)
                } else {
                    Step::Done
                }
            }
            (
                true,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html")
                | &local_name!("td")
                | &local_name!("th"),
            ) => Step::Done,
            _ => self.in_table(token),
        }
    }

    fn close_cell(&mut self) {
        self.generate_implied_end(cursory_implied_end);
        self.pop_until(|n| matches!(*n, local_name!("td") | local_name!("th")));
        self.clear_fmt_to_marker();
    }

    /// The "in cell" insertion mode (HTML standard).
    fn in_cell(&mut self, token: &Token) -> Step {
        let Token::Tag(t) = token else {
            return self.in_body(token);
        };
        match (t.end, &t.name) {
            (true, &local_name!("td") | &local_name!("th")) => {
                if self.in_scope_named(Scope::Table, &t.name) {
                    self.generate_implied_end(cursory_implied_end);
                    self.pop_until_named(&t.name);
                    self.clear_fmt_to_marker();
                    self.mode = Mode::InRow;
                }
                Step::Done
            }
            (
                false,
                &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("tbody")
                | &local_name!("td")
                | &local_name!("tfoot")
                | &local_name!("th")
                | &local_name!("thead")
                | &local_name!("tr"),
            ) => {
                let any = self.in_scope(Scope::Table, |n| {
                    let (name, ns) = self.name(n);
                    ns == Ns::Html && matches!(*name, local_name!("td") | local_name!("th"))
                });
                if any {
                    self.close_cell();
                    Step::Reprocess(Mode::InRow)
                } else {
                    Step::Done
                }
            }
            (
                true,
                &local_name!("body")
                | &local_name!("caption")
                | &local_name!("col")
                | &local_name!("colgroup")
                | &local_name!("html"),
            ) => Step::Done,
            (
                true,
                &local_name!("table")
                | &local_name!("tbody")
                | &local_name!("tfoot")
                | &local_name!("thead")
                | &local_name!("tr"),
            ) => {
                if self.in_scope_named(Scope::Table, &t.name) {
                    self.close_cell();
                    Step::Reprocess(Mode::InRow)
                } else {
                    Step::Done
                }
            }
            _ => self.in_body(token),
        }
    }

    /// The "in template" insertion mode (HTML standard).
    fn in_template(&mut self, token: &Token) -> Step {
        let t = match token {
            Token::Comment => return self.in_body(token),
            Token::Eof => {
                if !self.in_stack_named(&local_name!("template")) {
                    return Step::Done;
                }
                self.pop_until_named(&local_name!("template"));
                self.clear_fmt_to_marker();
                self.template_modes.pop();
                self.mode = self.reset_mode();
                return Step::Reprocess(self.mode);
            }
            Token::Tag(t) => t,
        };
        if t.end {
            if t.name == local_name!("template") {
                return self.in_head(token);
            }
            return Step::Done;
        }
        let mode = match t.name {
            ref name if head_element(name) => return self.in_head(token),
            local_name!("caption")
            | local_name!("colgroup")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("thead") => Mode::InTable,
            local_name!("col") => Mode::InColumnGroup,
            local_name!("tr") => Mode::InTableBody,
            local_name!("td") | local_name!("th") => Mode::InRow,
            _ => Mode::InBody,
        };
        self.template_modes.pop();
        self.template_modes.push(mode);
        Step::Reprocess(mode)
    }

    /// "Reset the insertion mode appropriately".
    fn reset_mode(&self) -> Mode {
        for (i, &node) in self.open.iter().enumerate().rev() {
            let last = i == 0;
            let (name, ns) = self.name(node);
            if ns != Ns::Html {
                continue;
            }
            match *name {
                local_name!("td") | local_name!("th") if !last => return Mode::InCell,
                local_name!("tr") => return Mode::InRow,
                local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => {
                    return Mode::InTableBody
                }
                local_name!("caption") => return Mode::InCaption,
                local_name!("colgroup") => return Mode::InColumnGroup,
                local_name!("table") => return Mode::InTable,
                local_name!("template") => {
                    return self.template_modes.last().copied().unwrap_or(Mode::InBody)
                }
                local_name!("head") if !last => return Mode::InHead,
                local_name!("body") => return Mode::InBody,
                local_name!("frameset") => return Mode::InFrameset,
                local_name!("html") => {
                    return if self.head.is_none() {
                        Mode::BeforeHead
                    } else {
                        Mode::AfterHead
                    }
                }
                _ => {}
            }
        }
        Mode::InBody
    }

    /// Ends parsing: what is still missing (`html`, `head`, `body`) is created.
    pub(super) fn finish(mut self) -> Dom {
        self.token(Token::Eof);
        self.dom
    }
}
