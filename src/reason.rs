//! Why a block was dropped, or why a doubtful block was kept: a type with a
//! stable machine code and a sentence for people.
//!
//! Code decides on the variant, never on the sentence: rewording a sentence
//! changes no behaviour. The codes are part of the API (`reason_code` in
//! JSON, `reasonCode` in JavaScript) and never change once published.

use std::fmt;

/// Page furniture recognised by the page's markup (a container's tag,
/// role, class or id) rather than by its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Furniture {
    /// Comments and replies under the article.
    Comments,
    /// A cookie or consent banner.
    CookieBanner,
    /// Share buttons (by class, or a line of social networks' names).
    ShareButtons,
    /// Links to related stories.
    Related,
    /// A newsletter, sign-up or log-in box.
    Newsletter,
    /// An advertisement.
    Advertisement,
    /// Navigation: menus, breadcrumbs, pagination.
    Navigation,
    /// A sidebar or widget.
    Sidebar,
    /// A page's or a section's footer.
    Footer,
    /// Other furniture named by its class or id (pop-ups, tags, a bio).
    Other,
    /// An element hidden on the page.
    Hidden,
    /// A form control.
    FormControl,
    /// The site's banner (header).
    SiteBanner,
    /// A dialog.
    Dialog,
}

impl Furniture {
    /// Every kind.
    #[cfg(test)]
    pub(crate) const ALL: [Furniture; 14] = [
        Furniture::Comments,
        Furniture::CookieBanner,
        Furniture::ShareButtons,
        Furniture::Related,
        Furniture::Newsletter,
        Furniture::Advertisement,
        Furniture::Navigation,
        Furniture::Sidebar,
        Furniture::Footer,
        Furniture::Other,
        Furniture::Hidden,
        Furniture::FormControl,
        Furniture::SiteBanner,
        Furniture::Dialog,
    ];

    /// The stable machine code.
    pub fn code(self) -> &'static str {
        match self {
            Furniture::Comments => "comments",
            Furniture::CookieBanner => "cookie-banner",
            Furniture::ShareButtons => "share-buttons",
            Furniture::Related => "related",
            Furniture::Newsletter => "newsletter",
            Furniture::Advertisement => "advertisement",
            Furniture::Navigation => "navigation",
            Furniture::Sidebar => "sidebar",
            Furniture::Footer => "footer",
            Furniture::Other => "furniture-class",
            Furniture::Hidden => "hidden",
            Furniture::FormControl => "form-control",
            Furniture::SiteBanner => "site-banner",
            Furniture::Dialog => "dialog",
        }
    }

    /// The sentence for people.
    pub fn sentence(self) -> &'static str {
        match self {
            Furniture::Comments => "comments",
            Furniture::CookieBanner => "a cookie or consent banner",
            Furniture::ShareButtons => "share buttons",
            Furniture::Related => "related stories",
            Furniture::Newsletter => "a newsletter or sign-up box",
            Furniture::Advertisement => "an advertisement",
            Furniture::Navigation => "navigation",
            Furniture::Sidebar => "an aside (sidebar)",
            Furniture::Footer => "a page or section footer",
            Furniture::Other => "page furniture (by its class or id)",
            Furniture::Hidden => "hidden on the page",
            Furniture::FormControl => "a form control",
            Furniture::SiteBanner => "the site banner",
            Furniture::Dialog => "a dialog",
        }
    }

    /// Furniture that may hold long prose with few links (comments,
    /// teasers, sidebars, footers): its class words prune it whatever its
    /// text.
    pub(crate) fn holds_prose(self) -> bool {
        matches!(
            self,
            Furniture::Comments | Furniture::Related | Furniture::Sidebar | Furniture::Footer
        )
    }

    /// Furniture whose heading stands for the section after it.
    pub(crate) fn heads_section(self) -> bool {
        matches!(self, Furniture::Comments | Furniture::Related)
    }
}

/// Why a block was dropped, or why a doubtful block was kept.
///
/// [`Reason::code`] is stable; the sentence ([`fmt::Display`]) is for
/// people and may carry details (the furniture words found, the block a
/// repeat repeats).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// Page furniture by the page's markup.
    Furniture(Furniture),
    /// Page-furniture words on a short line ("Subscribe", "Share this").
    FurnitureWords(Vec<&'static str>),
    /// Furniture words on one of the article's last lines: a call to act.
    FurnitureAtEnd(Vec<&'static str>),
    /// A line of HTML markup leaked into text.
    Markup,
    /// A line of program code outside the article. Code copied as text is
    /// a run of short lines; inside the article's run it is the article's,
    /// and it never splits the run.
    CodeLine,
    /// A lone separator of a menu or an icon.
    Separator,
    /// No words at all: a rule of underscores, a row of stars, a code line
    /// of brackets, an invisible space; a break inside whatever surrounds it.
    NoWords,
    /// A copyright line.
    Copyright,
    /// The label of an advertisement's slot.
    AdLabel,
    /// A line that is a date (dates go to the metadata).
    DateLine,
    /// A line that names the author (authors go to the metadata).
    Byline,
    /// Mostly the text of links.
    MostlyLinks,
    /// Contact details or web addresses.
    Addresses,
    /// Names apart by separators: a menu.
    Menu,
    /// Text with few function words.
    NotProse,
    /// The page's title (kept in the metadata).
    Title,
    /// A headline over the article, not its text: taken as the title while
    /// the article is looked for, or, in copied text, the article's
    /// headline by its place when another line names the page.
    Headline,
    /// A line that repeats the title.
    RepeatsTitle,
    /// The site's name (kept in the metadata).
    SiteName,
    /// Seen on earlier pages of the site (a [`crate::Cleaner`]'s memory).
    RepeatedAcrossPages,
    /// Repeats an earlier block of the page (its number, from 1).
    Repeated(usize),
    /// A short block among boilerplate.
    ShortAmongBoilerplate,
    /// A short block at the edge of the article.
    ShortAtEdge,
    /// Doubtful text among boilerplate.
    Doubtful,
    /// Good text outside the article's run.
    OutsideArticle,
    /// Teasers listed after the article.
    TailTeasers,
    /// A teaser's description between links to other pages.
    Teaser,
    /// The heading of a list of teasers.
    TeaserHeading,
    /// Headlines under a heading of furniture words ("Related").
    FurnitureHeadedLinks,
    /// What follows such a list with nothing good of its own.
    AfterFurnitureLinks,
    /// The head of an author's box after the article.
    AuthorBoxHead,
    /// An author's box after the article.
    AuthorBox,
    /// Kept: a short block between article text.
    KeptShort,
    /// Kept: a doubtful block beside article text.
    KeptDoubtful,
    /// Kept with the article around it, though alone it would go for this.
    KeptDespite(Box<Reason>),
    /// Put back by the caller ([`crate::Options::restore`]).
    Restored,
    /// Kept because nothing else was: the main column's text, rather than
    /// an empty article.
    MainColumn,
    /// Kept: a section of the main column of a page of sections (a service
    /// page, a listing, a page of no known type).
    Section,
    /// Kept: the description the page declares, as it shows no text of its
    /// own (a page a script draws, saved before the script ran).
    Description,
}

impl Reason {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Furniture(f) => f.code(),
            Reason::FurnitureWords(_) => "furniture-words",
            Reason::FurnitureAtEnd(_) => "furniture-at-end",
            Reason::Markup => "markup",
            Reason::CodeLine => "code-line",
            Reason::Separator => "separator",
            Reason::NoWords => "no-words",
            Reason::Copyright => "copyright",
            Reason::AdLabel => "ad-label",
            Reason::DateLine => "date-line",
            Reason::Byline => "byline",
            Reason::MostlyLinks => "link-farm",
            Reason::Addresses => "addresses",
            Reason::Menu => "menu",
            Reason::NotProse => "not-prose",
            Reason::Title => "title",
            Reason::Headline => "headline",
            Reason::RepeatsTitle => "repeats-title",
            Reason::SiteName => "site-name",
            Reason::RepeatedAcrossPages => "repeated-across-pages",
            Reason::Repeated(_) => "repeated",
            Reason::ShortAmongBoilerplate => "short-among-boilerplate",
            Reason::ShortAtEdge => "short-at-edge",
            Reason::Doubtful => "doubtful",
            Reason::OutsideArticle => "outside-article",
            Reason::TailTeasers => "tail-teasers",
            Reason::Teaser => "teaser",
            Reason::TeaserHeading => "teaser-heading",
            Reason::FurnitureHeadedLinks => "furniture-headed-links",
            Reason::AfterFurnitureLinks => "after-furniture-links",
            Reason::AuthorBoxHead => "author-box-head",
            Reason::AuthorBox => "author-box",
            Reason::KeptShort => "kept-short",
            Reason::KeptDoubtful => "kept-doubtful",
            Reason::KeptDespite(_) => "kept-with-article",
            Reason::Restored => "restored",
            Reason::MainColumn => "main-column",
            Reason::Section => "section",
            Reason::Description => "description",
        }
    }

    /// Whether the block was dropped for where it stands, not for what it is.
    pub(crate) fn for_place(&self) -> bool {
        matches!(
            self,
            Reason::ShortAmongBoilerplate
                | Reason::ShortAtEdge
                | Reason::Doubtful
                | Reason::OutsideArticle
        )
    }

    /// Whether the block is short, dropped for its neighbours.
    pub(crate) fn short(&self) -> bool {
        matches!(self, Reason::ShortAmongBoilerplate | Reason::ShortAtEdge)
    }

    /// Whether furniture words dropped the block (anywhere on the page).
    pub(crate) fn furniture_words(&self) -> bool {
        matches!(self, Reason::FurnitureWords(_) | Reason::FurnitureAtEnd(_))
    }

    /// Whether the block is the article's own title, date or byline.
    pub(crate) fn article_meta(&self) -> bool {
        matches!(
            self,
            Reason::Title
                | Reason::Headline
                | Reason::RepeatsTitle
                | Reason::DateLine
                | Reason::Byline
        )
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted =
            |f: &mut fmt::Formatter<'_>, words: &[&str]| write!(f, "“{}”", words.join("”, “"));
        match self {
            Reason::Furniture(k) => f.write_str(k.sentence()),
            Reason::FurnitureWords(w) => {
                f.write_str("site furniture (")?;
                quoted(f, w)?;
                f.write_str(")")
            }
            Reason::FurnitureAtEnd(w) => {
                f.write_str("site furniture at the end of the article (")?;
                quoted(f, w)?;
                f.write_str(")")
            }
            Reason::Repeated(n) => write!(f, "repeats block {n} of the page"),
            Reason::KeptDespite(why) => write!(f, "kept with the article around it; alone: {why}"),
            other => f.write_str(other.fixed_sentence()),
        }
    }
}

impl Reason {
    /// The sentence of a reason without details.
    fn fixed_sentence(&self) -> &'static str {
        match self {
            Reason::Markup => "markup, not text",
            Reason::CodeLine => "a line of code",
            Reason::Separator => "a separator between links",
            Reason::NoWords => "no words",
            Reason::Copyright => "copyright line",
            Reason::AdLabel => "an advertisement's label",
            Reason::DateLine => "a date line (dates go to the metadata)",
            Reason::Byline => "a byline (authors go to the metadata)",
            Reason::MostlyLinks => "mostly links",
            Reason::Addresses => "contact details or web addresses",
            Reason::Menu => "a menu of links",
            Reason::NotProse => "not prose (few function words)",
            Reason::Title => "the title (kept in the metadata)",
            Reason::Headline => "a headline over the article",
            Reason::RepeatsTitle => "repeats the title",
            Reason::SiteName => "the site's name (kept in the metadata)",
            Reason::RepeatedAcrossPages => "repeated on earlier pages",
            Reason::ShortAmongBoilerplate => "short, among boilerplate",
            Reason::ShortAtEdge => "short, at the edge of the article",
            Reason::Doubtful => "doubtful text among boilerplate",
            Reason::OutsideArticle => "outside the main article text",
            Reason::TailTeasers => "a list of other stories after the article",
            Reason::Teaser => "a teaser between links to other pages",
            Reason::TeaserHeading => "the heading of a list of teasers",
            Reason::FurnitureHeadedLinks => "a list of links under a heading of furniture",
            Reason::AfterFurnitureLinks => "after a list of links, with nothing good of its own",
            Reason::AuthorBoxHead => "the head of an author's box",
            Reason::AuthorBox => "an author's box (about the person named above it)",
            Reason::KeptShort => "short, kept between article text",
            Reason::KeptDoubtful => "doubtful, kept beside article text",
            Reason::Restored => "restored by the user",
            Reason::MainColumn => "the main column's text, kept as nothing else was",
            Reason::Section => "a section of the page's main column (a page of sections)",
            Reason::Description => {
                "the page's declared description, as it shows no text of its own"
            }
            // (The others carry details: written by `Display`.)
            Reason::Furniture(_)
            | Reason::FurnitureWords(_)
            | Reason::FurnitureAtEnd(_)
            | Reason::Repeated(_)
            | Reason::KeptDespite(_) => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One reason of every kind but furniture.
    fn every_reason() -> Vec<Reason> {
        use Reason::*;
        let mut all = vec![
            FurnitureWords(vec!["subscribe"]),
            FurnitureAtEnd(vec!["share"]),
            Repeated(3),
            KeptDespite(Box::new(Addresses)),
        ];
        all.extend([
            Markup,
            CodeLine,
            Separator,
            NoWords,
            Copyright,
            AdLabel,
            DateLine,
            Byline,
            MostlyLinks,
            Addresses,
            Menu,
            NotProse,
            Title,
            Headline,
            RepeatsTitle,
            SiteName,
            RepeatedAcrossPages,
            ShortAmongBoilerplate,
            ShortAtEdge,
            Doubtful,
            OutsideArticle,
            TailTeasers,
            Teaser,
            TeaserHeading,
            FurnitureHeadedLinks,
            AfterFurnitureLinks,
            AuthorBoxHead,
            AuthorBox,
            KeptShort,
            KeptDoubtful,
            Restored,
            MainColumn,
            Section,
            Description,
        ]);
        all.extend(super::Furniture::ALL.map(Reason::Furniture));
        all
    }

    #[test]
    fn codes_are_unique_and_typed_for_javascript() {
        let codes: Vec<&str> = every_reason().iter().map(Reason::code).collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        assert_eq!(Reason::MostlyLinks.code(), "link-farm");
        // init.d.ts (the package's types) lists exactly these codes in `ReasonCode`.
        let types = include_str!("../init.d.ts");
        let union = types
            .split("export type ReasonCode =")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .unwrap_or_default();
        let mut typed: Vec<&str> = union.split('\'').skip(1).step_by(2).collect();
        typed.sort_unstable();
        assert_eq!(typed, unique);
    }

    #[test]
    fn every_reason_has_a_sentence() {
        for r in every_reason() {
            assert!(!r.to_string().is_empty(), "{r:?}");
        }
    }

    #[test]
    fn sentences_carry_their_details() {
        let words = Reason::FurnitureWords(vec!["newsletter", "subscribe"]);
        assert_eq!(
            words.to_string(),
            "site furniture (“newsletter”, “subscribe”)"
        );
        assert_eq!(
            Reason::Repeated(4).to_string(),
            "repeats block 4 of the page"
        );
        let kept = Reason::KeptDespite(Box::new(Reason::Addresses));
        assert_eq!(
            kept.to_string(),
            "kept with the article around it; alone: contact details or web addresses"
        );
        assert_eq!(
            Reason::Furniture(Furniture::Hidden).to_string(),
            "hidden on the page"
        );
    }
}
