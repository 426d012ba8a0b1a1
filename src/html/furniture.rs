//! Page furniture: the class and id words that mark it (and the article),
//! and the prune rules that decide, element by element, what is never
//! content.

use html5ever::{local_name, LocalName};

use super::hints::{contains_ignore_ascii_case, selects_inside, Hints};
use super::parse::{Dom, NodeData, NodeId};
use super::tags::{is_tag, BLOCK_TAGS};
use crate::reason::Furniture;
use crate::tuning::HtmlTuning;

/// Why a subtree is not content, decided before scoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Prune {
    /// Rendered as nothing (scripts, styles, templates): no blocks at all.
    Invisible,
    /// Visible page furniture: its blocks are reported as dropped.
    Furniture(Furniture),
}

/// What an element's class and id say: read once per element when the page
/// is parsed ([`Hints::of`]).
pub(super) fn hints(dom: &Dom, id: NodeId) -> Hints {
    dom.hints(id)
}

/// Children of an element looked at for the empty link of a card: a card
/// has few, and scanning a parent of thousands for every block would be
/// quadratic. (A bound on work, not a threshold.)
const CARD_CHILDREN: usize = 64;

/// Nodes of an inline element looked at for a pop-up card (a bound on work).
const POPUP_NODES: usize = 64;

/// Children of a section looked at for the heading it is named after (a
/// bound on work).
const HEADING_CHILDREN: usize = 4;

/// Children of an embed wrapper looked at for its quotation (a bound on work).
const EMBED_CHILDREN: usize = 8;

/// Whether a block sits in a card made clickable by an empty link laid over
/// it (a "stretched" link: `<div><h3>…</h3><p>…</p><a href=…></a></div>`):
/// its text is a link's text though no `<a>` holds it.
pub(super) fn in_card(dom: &Dom, node: NodeId, tuning: &HtmlTuning) -> bool {
    let mut n = Some(node);
    for _ in 0..tuning.card_depth {
        let Some(id) = n else { return false };
        // A card has few children: a parent of thousands is not one, and
        // scanning all of them for every block would be quadratic.
        // (Whether the link is empty is asked before its address: most
        // links hold their text.)
        let overlay = dom.children(id).take(CARD_CHILDREN).any(|c| {
            dom.tag(c) == Some(&local_name!("a"))
                && dom.children(c).next().is_none()
                && dom
                    .attr_named(c, &local_name!("href"))
                    .is_some_and(|h| !h.trim().is_empty())
        });
        // A card is small; an article may hold an empty icon link. (Counted
        // up to the limit only, for the same reason.)
        if overlay {
            let mut chars = 0usize;
            for d in dom.descendants(id) {
                if let NodeData::Text(_) = dom.data(d) {
                    chars += dom.text_chars(d).min(tuning.card_max_chars);
                    if chars >= tuning.card_max_chars {
                        return false;
                    }
                }
            }
            return true;
        }
        n = dom.parent(id);
    }
    false
}

/// An element the page marks as the article's body (schema.org microdata).
pub(super) fn is_article_body(dom: &Dom, id: NodeId) -> bool {
    dom.attr_named(id, &local_name!("itemprop"))
        .is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
}

/// An element whose class or id names it a caption (of a photo or gallery).
pub(super) fn is_caption(dom: &Dom, id: NodeId) -> bool {
    [&local_name!("class"), &local_name!("id")].iter().any(|a| {
        dom.attr_named(id, a).is_some_and(|v| {
            contains_ignore_ascii_case(v, "caption")
                && v.split_ascii_whitespace()
                    .any(|w| !selects_inside(w) && contains_ignore_ascii_case(w, "caption"))
        })
    })
}

/// Whether a class attribute hides its element: the class of CSS frameworks
/// for `display: none`, as a word of its own ("hidden", not "hidden-xs" or
/// "overflow-hidden"), unless a variant for wider screens shows it again
/// ("hidden lg:flex": the desktop's copy of a part the page also has for
/// phones).
fn class_hides(class: &str) -> bool {
    let words = || class.split_ascii_whitespace();
    // (A class without "hidden" anywhere is not split into words.)
    contains_ignore_ascii_case(class, "hidden")
        && words().any(|w| w.eq_ignore_ascii_case("hidden"))
        && !words().any(|w| {
            w.rsplit_once(':')
                .is_some_and(|(_, shown)| DISPLAYED.iter().any(|d| shown.eq_ignore_ascii_case(d)))
        })
}

/// The display utilities that show an element (`display` values), in a
/// variant's last part ("md:block").
const DISPLAYED: &[&str] = &[
    "block",
    "flex",
    "grid",
    "inline",
    "inline-block",
    "inline-flex",
    "inline-grid",
    "table",
    "contents",
];

/// Whether an element is hidden: by the `hidden` attribute,
/// `aria-hidden="true"`, a class that hides it or an inline style. (Its
/// attributes are read in one pass: an element has each name once.)
pub(super) fn hidden(dom: &Dom, id: NodeId) -> bool {
    dom.attrs(id).iter().any(|a| match a.name.local {
        local_name!("hidden") => true,
        local_name!("aria-hidden") => &*a.value == "true",
        local_name!("class") => class_hides(&a.value),
        local_name!("style") => {
            let squeezed = squeezed_lower(&a.value);
            squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// `text` without its white space, in ASCII lower case: an ASCII needle
/// found in it occurs in `text` once the white space is taken out, in any
/// ASCII case. (Made once for both needles and searched as bytes, rather
/// than squeezing the text again through iterators at every position.)
fn squeezed_lower(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether an inline element is a card that pops up over running text (a
/// person's photo and links to their stories): it holds an image and several
/// links, none of them its own child (that is the text it hangs on), and no
/// block of text.
fn popup_card(dom: &Dom, id: NodeId, tuning: &HtmlTuning) -> bool {
    let is = |n: NodeId, tag: &LocalName| dom.tag(n) == Some(tag);
    if dom.children(id).any(|c| is(c, &local_name!("a"))) {
        return false;
    }
    let (mut images, mut links) = (0, 0);
    for n in dom.descendants(id).take(POPUP_NODES) {
        // Spans that wrap paragraphs or figures are not inline cards.
        if is_tag(dom.tag(n), BLOCK_TAGS) || is(n, &local_name!("figure")) {
            return false;
        }
        if is(n, &local_name!("img")) {
            images += 1;
        } else if is(n, &local_name!("a")) {
            links += 1;
        }
    }
    images > 0 && links >= tuning.popup_min_links
}

/// Decides whether an element's subtree is pruned, and why.
pub(super) fn prune(
    dom: &Dom,
    id: NodeId,
    classy: bool,
    hidden: bool,
    tuning: &HtmlTuning,
) -> Option<Prune> {
    let tag = dom.tag(id)?;
    if !dom.is_html(id) {
        // SVG and MathML content is not article text.
        return Some(Prune::Invisible);
    }
    let t = Some(tag);
    if is_tag(
        t,
        &[
            local_name!("script"),
            local_name!("style"),
            local_name!("template"),
            local_name!("noscript"),
            local_name!("head"),
            local_name!("title"),
            local_name!("meta"),
            local_name!("link"),
            local_name!("iframe"),
            local_name!("object"),
            local_name!("embed"),
            local_name!("canvas"),
            local_name!("select"),
            local_name!("option"),
            local_name!("datalist"),
            local_name!("dialog"),
        ],
    ) {
        return Some(Prune::Invisible);
    }
    if hidden {
        return Some(Prune::Furniture(Furniture::Hidden));
    }
    if is_tag(t, &[local_name!("nav")]) {
        return Some(Prune::Furniture(Furniture::Navigation));
    }
    // A pop-up card shows only on hover: the page as rendered does not have it.
    if is_tag(t, &[local_name!("span")]) && popup_card(dom, id, tuning) {
        return Some(Prune::Invisible);
    }
    // (Constant lists: none is made and dropped for each element.)
    const CONTROLS: &[LocalName] = &[
        local_name!("button"),
        local_name!("input"),
        local_name!("textarea"),
        local_name!("label"),
    ];
    const NEVER_CLASSED: &[LocalName] = &[
        local_name!("body"),
        local_name!("html"),
        local_name!("article"),
        local_name!("main"),
    ];
    if is_tag(t, CONTROLS) {
        return Some(Prune::Furniture(Furniture::FormControl));
    }
    // (A note set apart from the text is part of it.)
    if is_tag(t, &[local_name!("aside")]) && super::rich::callout_kind(dom, id).is_none() {
        return Some(Prune::Furniture(Furniture::Sidebar));
    }
    if is_tag(t, &[local_name!("footer")]) {
        return Some(Prune::Furniture(Furniture::Footer));
    }
    if let Some(p) = by_role(dom, id) {
        return Some(p);
    }
    if classy && !is_tag(t, NEVER_CLASSED) && !is_article_body(dom, id) {
        let h = hints(dom, id);
        if h.reviews && tuning.prune_reviews {
            return Some(Prune::Furniture(Furniture::Comments));
        }
        if h.weight(tuning) < 0.0 && !embedded_post(dom, id) && !named_after_heading(dom, id) {
            // (A forum's posts carry the comment classes: its profile keeps them.)
            return h
                .furniture_reason()
                .filter(|&f| f != Furniture::Comments || tuning.prune_comments)
                .map(Prune::Furniture);
        }
    }
    None
}

/// Whether an element's id is its first heading's text ("comments" in
/// `<section id="replying-to-comments"><h2>Replying to comments</h2>`, a
/// section of a guide) as its neighbour's is, and its class names no
/// furniture: a page that names its sections after their headings says
/// nothing of what they are by those names.
fn named_after_heading(dom: &Dom, id: NodeId) -> bool {
    let attrs = dom.attrs(id);
    let class = attrs.iter().find(|a| a.name.local == local_name!("class"));
    if class.is_some_and(|c| Hints::of(std::slice::from_ref(c)).furniture_bits() != 0) {
        return false;
    }
    let element = |n: &NodeId| dom.tag(*n).is_some();
    let before =
        std::iter::successors(dom.prev_sibling(id), |&n| dom.prev_sibling(n)).find(element);
    let after = std::iter::successors(dom.next_sibling(id), |&n| dom.next_sibling(n)).find(element);
    id_is_heading(dom, id)
        && (before.is_some_and(|n| id_is_heading(dom, n))
            || after.is_some_and(|n| id_is_heading(dom, n)))
}

/// Whether an element's id is the text of the heading it opens with
/// (after empty anchors), in the same words.
fn id_is_heading(dom: &Dom, id: NodeId) -> bool {
    let Some(name) = dom.attr_named(id, &local_name!("id")) else {
        return false;
    };
    let heading = dom
        .children(id)
        .filter(|&c| dom.tag(c).is_some())
        .take(HEADING_CHILDREN)
        .find(|&c| dom.first_child(c).is_some())
        .filter(|&c| dom.tag(c).and_then(super::tags::heading_level).is_some());
    heading.is_some_and(|h| {
        let key = crate::util::norm_key(name);
        !key.is_empty() && crate::util::norm_key(&dom.text(h)) == key
    })
}

/// Furniture by ARIA role: navigation, a banner, the page's footer, a
/// sidebar or a dialog.
fn by_role(dom: &Dom, id: NodeId) -> Option<Prune> {
    let role = dom.attr_named(id, &local_name!("role"))?;
    let is = |names: &[&str]| names.iter().any(|n| role.eq_ignore_ascii_case(n));
    let furniture = if is(&["navigation", "menu", "menubar", "search"]) {
        Furniture::Navigation
    } else if is(&["banner"]) {
        Furniture::SiteBanner
    } else if is(&["contentinfo"]) {
        Furniture::Footer
    } else if is(&["complementary"]) {
        Furniture::Sidebar
    } else if is(&["dialog", "alertdialog"]) {
        Furniture::Dialog
    } else {
        return None;
    };
    Some(Prune::Furniture(furniture))
}

/// Whether an element is an embedded post (a tweet, a social-network post):
/// a wrapper that calls itself an embed and holds the post as a quotation
/// (`<div class="social-embed"><blockquote>…`). It is part of the article,
/// whatever network its class names.
fn embedded_post(dom: &Dom, id: NodeId) -> bool {
    let quote = |n: NodeId| dom.tag(n) == Some(&local_name!("blockquote"));
    const EMBED: &[u8] = b"embed";
    let embed = |w: &str| {
        let w = w.as_bytes();
        let at = |i: usize| {
            w.get(i..i + EMBED.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(EMBED))
        };
        at(0) || w.len() >= EMBED.len() && at(w.len() - EMBED.len())
    };
    let named = dom
        .attr_named(id, &local_name!("class"))
        .is_some_and(|c| c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(embed));
    named && (quote(id) || dom.children(id).take(EMBED_CHILDREN).any(quote))
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    /// The prune decision for the first `tag` element of `html`, with
    /// pruning by class on or off.
    fn prune_first(html: &str, tag: &LocalName, classy: bool) -> Option<Prune> {
        let dom = parse(html);
        let id = dom.find(dom.body(), tag).expect("element");
        prune(&dom, id, classy, hidden(&dom, id), &HtmlTuning::default())
    }

    #[test]
    fn nav_is_navigation() {
        assert_eq!(
            prune_first("<nav><a href=/>Home</a></nav>", &local_name!("nav"), false),
            Some(Prune::Furniture(Furniture::Navigation))
        );
        assert_eq!(
            prune_first("<div role=navigation>x</div>", &local_name!("div"), false),
            Some(Prune::Furniture(Furniture::Navigation))
        );
    }

    #[test]
    fn scripts_are_invisible_and_paragraphs_stay() {
        assert_eq!(
            prune_first(
                "<div><script>x()</script></div>",
                &local_name!("script"),
                true
            ),
            Some(Prune::Invisible)
        );
        assert_eq!(
            prune_first("<p class=intro>Text</p>", &local_name!("p"), true),
            None
        );
    }

    #[test]
    fn cookie_banner_by_class_only_when_pruning_by_class() {
        let html = "<div class='cookie-notice'>We use cookies.</div>";
        assert_eq!(
            prune_first(html, &local_name!("div"), true),
            Some(Prune::Furniture(Furniture::CookieBanner))
        );
        assert_eq!(prune_first(html, &local_name!("div"), false), None);
    }

    #[test]
    fn hidden_elements() {
        for html in [
            "<div hidden>x</div>",
            "<div aria-hidden=true>x</div>",
            "<div class='a Hidden'>x</div>",
            "<div class='hidden hover:underline'>x</div>",
            "<div style='DISPLAY : none'>x</div>",
        ] {
            assert_eq!(
                prune_first(html, &local_name!("div"), false),
                Some(Prune::Furniture(Furniture::Hidden)),
                "{html}"
            );
        }
        // Not hidden: another class that merely ends in "hidden", or a copy
        // that wider screens show.
        for html in [
            "<div class=hidden-xs>x</div>",
            "<div class='card overflow-hidden'>x</div>",
            "<div class='hidden flex-col lg:flex'>x</div>",
            "<div class='hidden md:inline-flex'>x</div>",
        ] {
            assert_eq!(prune_first(html, &local_name!("div"), true), None, "{html}");
        }
    }

    #[test]
    fn an_embedded_post_is_not_share_buttons() {
        let embed = "<div class='social-embed'><blockquote>A post</blockquote></div>";
        assert_eq!(prune_first(embed, &local_name!("div"), true), None);
        let share = "<div class='social-links'><a href=/x>X</a></div>";
        assert_eq!(
            prune_first(share, &local_name!("div"), true),
            Some(Prune::Furniture(Furniture::ShareButtons))
        );
    }

    #[test]
    fn class_weights() {
        let tuning = HtmlTuning::default();
        let dom =
            parse("<div class=sidebar></div><div class=entry-content></div><div class=x></div>");
        let divs: Vec<NodeId> = dom
            .descendants(dom.body())
            .filter(|&n| dom.tag(n) == Some(&local_name!("div")))
            .collect();
        let w: Vec<f32> = divs
            .iter()
            .map(|&d| hints(&dom, d).weight(&tuning))
            .collect();
        assert_eq!(w, [-25.0, 25.0, 0.0]);
    }

    #[test]
    fn utility_classes_with_brackets_say_nothing_of_their_element() {
        let tuning = HtmlTuning::default();
        let dom = parse(
            "<div class='[&_h4]:text-lg [&_.sidebar]:p-4'></div>\
             <div class='mt-[5px] entry-content'></div>\
             <div class='[&_figcaption]:mt-2'></div><div class='wp-caption'></div>",
        );
        let divs: Vec<NodeId> = dom
            .descendants(dom.body())
            .filter(|&n| dom.tag(n) == Some(&local_name!("div")))
            .collect();
        let w: Vec<f32> = divs[..2]
            .iter()
            .map(|&d| hints(&dom, d).weight(&tuning))
            .collect();
        assert_eq!(w, [0.0, 25.0]);
        assert!(!is_caption(&dom, divs[2]));
        assert!(is_caption(&dom, divs[3]));
    }

    #[test]
    fn a_stretched_link_makes_a_card() {
        let tuning = HtmlTuning::default();
        let dom = parse("<div><h3>Story</h3><p>Teaser</p><a href=/story></a></div><p>Prose</p>");
        let ps: Vec<NodeId> = dom
            .descendants(dom.body())
            .filter(|&n| dom.tag(n) == Some(&local_name!("p")))
            .collect();
        assert!(in_card(&dom, ps[0], &tuning));
        assert!(!in_card(&dom, ps[1], &tuning));
    }
}
