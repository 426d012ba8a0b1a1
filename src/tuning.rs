//! Every threshold and weight of the pipeline, in one table.
//!
//! A number that decides what is kept is a named field here, with a doc
//! comment saying what it measures, never a bare literal inside a function.
//! [`Tuning::default`] is the one set of values gleaner ships with; later
//! profiles (per page type) start from it and change fields, so a stage
//! never special-cases a kind of page.

use crate::options::InputKind;
use crate::page_type::PageType;

/// The whole table: one part per stage that has numbers of its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tuning {
    /// The shared block classifier.
    pub classify: ClassifyTuning,
    /// The HTML front end: pruning, container scoring, blocks.
    pub html: HtmlTuning,
    /// The text front end: lines, heads, titles.
    pub text: TextTuning,
}

impl Tuning {
    /// The profile of a page type: the table with what that kind of page
    /// needs changed. Stages read the fields; none tests the type itself.
    ///
    /// A thread found in HTML (posts in repeated, dated markup) is read as a
    /// whole page; a thread found in copied text keeps its posts but stays
    /// one run, since the text's signal (dated heads over long lines) also
    /// fits an article over its comments, which a reader copies too.
    pub(crate) fn for_page(&self, page_type: PageType, kind: InputKind) -> Tuning {
        let mut t = self.clone();
        t.html = t.html.for_page(page_type);
        let html = kind == InputKind::Html;
        match page_type {
            PageType::Forum => {
                t.classify.posts_are_content = true;
                t.classify.whole_page = true;
                t.text.names_beside_dates = false;
            }
            // A listing's entries are often bare links in its main column; a
            // collection's grid sits among more of the shop.
            PageType::Listing | PageType::Collection => {
                t.classify.whole_page = true;
                t.classify.items_are_content = true;
                t.classify.items_in_lines = !html;
                t.classify.sections_are_content = html && page_type == PageType::Listing;
            }
            // A product's description, specifications and buy box stand
            // apart in its markup (tabs, panels, columns): no one run holds
            // them all.
            PageType::Product => t.classify.whole_page = html,
            PageType::Service => {
                t.classify.whole_page = true;
                t.classify.sections_are_content = html;
            }
            // A page of no known type declares no date and no author: no
            // article. Documentation's reference pages are sections, tables
            // and lists of entries (parameters, methods, a guide's pages)
            // more than one run of prose. In HTML both are read as a
            // listing is: sections and entries; copied text of a page of no
            // known type as a service page. Copied documentation's runs are
            // cut by code lines, tabs and contents: what lies between its
            // first kept line and its last is read as its sections, but for
            // runs of plain short lines (its contents, related pages).
            PageType::Other | PageType::Documentation if html => {
                t.classify.whole_page = true;
                t.classify.items_are_content = true;
                t.classify.sections_are_content = true;
            }
            PageType::Other => t.classify.whole_page = true,
            PageType::Documentation => {
                t.classify.whole_page = true;
                t.classify.sections_are_content = true;
            }
            _ => {}
        }
        t
    }
}

impl HtmlTuning {
    /// The HTML front end's part of a page type's profile.
    pub(crate) fn for_page(&self, page_type: PageType) -> HtmlTuning {
        let mut t = self.clone();
        // A product's or a service's tabs and accordions (details,
        // specifications, questions and answers) hold part of what the page
        // offers; on a page of no known type, a shop's grid or a list, only
        // the panels a control declares it opens (an item's "More").
        t.reveal = match page_type {
            PageType::Product | PageType::Service => Reveal::Toggled,
            PageType::Other | PageType::Collection | PageType::Listing => Reveal::Controlled,
            _ => Reveal::Nothing,
        };
        t.meta_in_head = matches!(
            page_type,
            PageType::Article | PageType::Forum | PageType::Other
        );
        match page_type {
            PageType::Forum => t.prune_comments = false,
            PageType::Listing
            | PageType::Collection
            | PageType::Documentation
            | PageType::Other => t.items_are_content = true,
            PageType::Product => {
                t.prune_reviews = true;
                t.priced_items_are_furniture = true;
            }
            _ => {}
        }
        t
    }
}

// ---------------------------------------------------------------------------
// The lexical cues
// ---------------------------------------------------------------------------

/// The shapes of the lexical cues (`src/classify/cues.rs`): how long a line
/// that only says when, or heads a comment form, may be. A line's shape does
/// not depend on the kind of page, so every profile shares
/// [`CueTuning::DEFAULT`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CueTuning {
    /// How long a line that says only how long ago ("2 hours ago") may be.
    pub time_ago_chars: usize,
    /// How long such a line may be in an unspaced script ("3時間前").
    pub time_ago_unspaced_chars: usize,
    /// How many words such a line has at most.
    pub time_ago_words: usize,
    /// How long a line of program code may be.
    pub code_line_chars: usize,
    /// How many words a line ending in `;` may have and still be a
    /// statement without brackets or an assignment (`return total;`);
    /// longer ones are the items of a list in prose.
    pub statement_words: usize,
    /// How long the head of a counted section ("12 comments") may be.
    pub counted_section_chars: usize,
    /// How long an advertisement's label may be.
    pub ad_label_chars: usize,
    /// How long the head of a comment form may be, in bytes ...
    pub comment_form_bytes: usize,
    /// ... and in characters.
    pub comment_form_chars: usize,
    /// How long the head of the comments that counts them may be.
    pub comment_count_bytes: usize,
    /// How many words may stand between its number and its quotation.
    pub comment_count_words: usize,
    /// How long the head of an author's box may be.
    pub about_chars: usize,
    /// How long a line may be to be read as a byline ("By Jo Writer").
    pub byline_line_chars: usize,
    /// A price is looked for in a line's first this many characters (it
    /// shows early in an item's line; a long paragraph may name one in
    /// passing).
    pub price_line_chars: usize,
    /// How many words a person's name has at least ...
    pub name_words_min: usize,
    /// ... and at most.
    pub name_words_max: usize,
    /// How long a headline is at least ...
    pub headline_chars_min: usize,
    /// ... and at most.
    pub headline_chars_max: usize,
    /// How many words a headline has at least ...
    pub headline_words_min: usize,
    /// ... and at most.
    pub headline_words_max: usize,
    /// How many characters a headline of one word in an unspaced script has at
    /// least.
    pub headline_unspaced_chars: usize,
    /// How long a line that is only a date may be.
    pub timestamp_chars: usize,
}

impl CueTuning {
    /// The values gleaner ships with.
    pub(crate) const DEFAULT: CueTuning = CueTuning {
        time_ago_chars: 40,
        time_ago_unspaced_chars: 12,
        time_ago_words: 6,
        code_line_chars: 200,
        statement_words: 3,
        counted_section_chars: 40,
        ad_label_chars: 40,
        comment_form_bytes: 200,
        comment_form_chars: 100,
        comment_count_bytes: 400,
        comment_count_words: 4,
        about_chars: 60,
        byline_line_chars: 100,
        price_line_chars: 400,
        name_words_min: 2,
        name_words_max: 4,
        headline_chars_min: 10,
        headline_chars_max: 250,
        headline_words_min: 2,
        headline_words_max: 40,
        headline_unspaced_chars: 8,
        timestamp_chars: 40,
    };
}

impl Default for CueTuning {
    fn default() -> Self {
        CueTuning::DEFAULT
    }
}

// ---------------------------------------------------------------------------
// The classifier
// ---------------------------------------------------------------------------

/// Thresholds of the shared block classifier (`src/classify/`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClassifyTuning {
    /// Whether the article is every good block of the page (listings,
    /// collections, service pages: content in many places), not one run.
    pub whole_page: bool,
    /// Whether teaser cards and lists of headlines are the content (the
    /// items of a listing or a collection), not links to other stories.
    pub items_are_content: bool,
    /// Whether posts are the content (a forum): comment forms, counts and
    /// signatures do not end the article.
    pub posts_are_content: bool,
    /// Whether every section of the main column is content, from the first
    /// kept block to the last (in HTML: service pages, listings,
    /// documentation and pages of no known type).
    pub sections_are_content: bool,
    /// Blocks shorter than this (in characters) are "short": their neighbours
    /// decide.
    pub short: usize,
    /// Blocks at least this long with a high stop-word density are good on
    /// their own.
    pub long: usize,
    /// Stop-word density above which a long block is prose.
    pub stop_high: f32,
    /// Stop-word density below which a block is not prose.
    pub stop_low: f32,
    /// Below this length a block with few function words is short (a caption, a
    /// list line, a quote), not "not prose".
    pub caption_chars: usize,
    /// Sentences (with [`Self::terse_words`] words) that make text with few
    /// function words doubtful rather than not prose: terse prose, or a
    /// language that builds its grammar into its words.
    pub terse_sentences: usize,
    /// Words that make terse prose, with [`Self::terse_sentences`].
    pub terse_words: usize,
    /// Link density above which a block outside the article's container is
    /// navigation.
    pub max_link_density: f32,
    /// Link density at which a block inside the article's container (or a table
    /// anywhere) is links, not text.
    pub nearly_all_links: f32,
    /// Link density at which a short block (under
    /// [`Self::content_short_link_chars`]) inside the article's container is
    /// links.
    pub content_short_link_density: f32,
    /// How short a block inside the container is for
    /// [`Self::content_short_link_density`].
    pub content_short_link_chars: usize,
    /// How long a line of leaked markup is at least to go as markup (shorter
    /// ones are code examples).
    pub markup_chars: usize,
    /// A block with an address for every this many words (or fewer) is a line
    /// of addresses.
    pub words_per_address: usize,
    /// Blocks shorter than this with an address are contact details, unless
    /// they read as prose.
    pub address_line_chars: usize,
    /// Words a sentence that ends in its one address has at least, to be prose.
    pub address_prose_words: usize,
    /// Separators (`|`, `·`, `•`) that make a short line without a sentence a
    /// menu.
    pub menu_separators: usize,
    /// How long a menu line of [`Self::menu_separators`] separators may be.
    pub menu_chars: usize,
    /// Furniture words that make a block a sign-up pitch rather than prose in
    /// passing.
    pub furniture_words_many: usize,
    /// Outside the article's container, a block with furniture words shorter
    /// than this is furniture.
    pub furniture_line_chars: usize,
    /// Outside the container, a block with [`Self::furniture_words_many`]
    /// furniture words shorter than this is furniture.
    pub furniture_pitch_chars: usize,
    /// Inside the container, a line with furniture words shorter than this and
    /// no sentence is furniture ("Share this:").
    pub content_furniture_line_chars: usize,
    /// Inside the container, a block with several furniture words shorter than
    /// this is a pitch.
    pub content_furniture_pitch_chars: usize,
    /// Sentences a block with one furniture word in passing has at least, to be
    /// judged by its neighbours.
    pub passing_sentences: usize,
    /// How long such a block is at least.
    pub passing_chars: usize,
    /// A last sentence shorter than this that holds the furniture word is a
    /// call to act ("Click to subscribe!").
    pub call_to_act_chars: usize,
    /// Blocks shorter than this are tested for the shapes of short lines: share
    /// bars, bylines, date lines.
    pub line_feature_chars: usize,
    /// A date line has at most this many other words of four letters or more
    /// ("Updated", a weekday).
    pub date_line_other_words: usize,
    /// Whether a grid's or a list's items are found by their lines alone
    /// (the classifier's "items in lines" pass: many prices close together,
    /// or entries counted in order): in copied text, where no markup groups
    /// an item's lines, on the profiles whose items are the content.
    pub items_in_lines: bool,
    /// Such items: at least this many prices or counted entries, each
    /// within `grid_item_gap` blocks of the next ...
    pub grid_min_items: usize,
    /// ... (an item's name, price, rating and a few specifications) ...
    pub grid_item_gap: usize,
    /// ... and the items start this many blocks above the first price or
    /// count (the first item's name).
    pub grid_name_blocks: usize,
    /// Furniture words count only in a block's first this many characters: long
    /// prose that mentions a comment is still prose.
    pub furniture_head_chars: usize,
    /// Blocks shorter than this are never "repeated" (short labels recur by
    /// nature).
    /// In a thread, how many times a short line recurs, at least, to be
    /// the posts' controls ("Reply", "Share").
    pub post_control_repeats: usize,
    pub repeat_min_chars: usize,
    /// How much of a block's start its key (for repeats and memory) covers.
    pub repeat_key_chars: usize,
    /// Inside the article, a paragraph of this many characters or more that the
    /// page repeats is part of its structure (recipes, schedules), not
    /// boilerplate.
    pub repeated_prose: usize,
    /// How long a line that the page repeats may be and still head a part of
    /// the article (an interview's question).
    pub structural_repeat: usize,
    /// Share of a repeated line's occurrences that must come right before prose
    /// for it to be structure.
    pub structural_share: f32,
    /// How many lines apart two entries of a table of contents may stand
    /// (lines the page repeats later, each over prose of its own): the
    /// later ones are the parts' headings, not repeats.
    pub contents_gap: usize,
    /// A page with less good text than this is one of short paragraphs: its
    /// longest doubtful blocks anchor the article.
    pub anchor_good_chars: usize,
    /// How long a doubtful block is at least to anchor such a page; also the
    /// length of doubtful prose taken before the comments when nothing better
    /// is there.
    pub anchor_chars: usize,
    /// Lines of one shape in a row that make a list of records.
    pub record_run: usize,
    /// How long a line of a list of records may be.
    pub record_chars: usize,
    /// Doubtful blocks that, this many side by side with only short lines
    /// between them ...
    pub group_blocks: usize,
    /// ... and this many characters together, are article text.
    pub group_chars: usize,
    /// What a block that is not good text costs the main run, besides its
    /// length.
    pub bad_price: i64,
    /// The most a block that is not good text costs the main run for its
    /// length: one long widget between two parts of an article must not split
    /// it.
    pub long_bad: i64,
    /// What a block that is not good text costs the article's run as it grows
    /// out of the blocks the page vouches for, besides a share of its length.
    pub extension_price: i64,
    /// That share: the length divided by this.
    pub extension_share: i64,
    /// When nothing reads as prose, doubtful blocks this long or longer make
    /// the article.
    pub fallback_chars: usize,
    /// Words a whole sentence right after the article's last block has at
    /// least, to be its last line.
    pub last_sentence_words: usize,
    /// How many lines (a title, a date, a byline) may stand before the first
    /// paragraph of a text pasted without its page.
    pub clean_start: usize,
    /// How long a teaser card's description is at least ...
    pub teaser_min: usize,
    /// ... and less than this.
    pub teaser_chars: usize,
    /// Teaser cards in a row that make a list of them.
    pub teaser_run: usize,
    /// Items that make a list judged as one.
    pub list_items: usize,
    /// Items numbered in order that make a list the article goes on into.
    pub numbered_items: usize,
    /// Headings numbered in order, each over prose of its own, that make an
    /// article's counted sections, at least (the article's run grows over
    /// them all).
    pub counted_sections: usize,
    /// A counted section longer than this many times the usual one (in
    /// blocks) ends the chain: its heading is another list's.
    pub counted_section_spread: usize,
    /// Sections a table of contents names, at least, each named once more
    /// (its heading) over prose of its own, in the contents' order: the
    /// article's run grows over them all.
    pub contents_sections: usize,
    /// Headlines under a heading of furniture words that make a list of links.
    pub link_headlines: usize,
    /// How short a heading of furniture words ("Related articles") is.
    pub furniture_heading_chars: usize,
    /// How long a teaser's line under its headline after the article is at
    /// least ...
    pub tail_teaser_min: usize,
    /// ... and at most.
    pub tail_teaser_max: usize,
    /// Such headline and teaser pairs that make a list of other stories.
    pub tail_teasers: usize,
    /// How long such a teaser's headline may be.
    pub tail_headline: usize,
    /// How much of the article must come before a list of teasers.
    pub tail_teaser_prose: usize,
    /// Good text at least this long after a place means the article goes on
    /// (tail teasers, author boxes); also how long an author's box's paragraph
    /// is.
    pub long_text: usize,
    /// How many address lines in a row the article may hold.
    pub article_addresses: usize,
    /// Characters the main column's text holds at least to be taken when
    /// nothing else is kept (`Fallback::MainColumn`); less is a page with
    /// nothing to read (a script's empty shell, a notice).
    pub main_column_min_chars: usize,
    /// A page's declared description is its article when nothing else is
    /// kept, if it has this many characters or more: a summary written for
    /// search results is about 160 at most, so one of twice that is the
    /// page's own text, cut (forum software describes a thread by its first
    /// post), not a summary of a page that has nothing to read.
    pub description_min_chars: usize,
    /// How many of the article's last lines may be taken as a call to act ...
    pub tail_lines: usize,
    /// ... each shorter than this.
    pub tail_chars: usize,
}

impl Default for ClassifyTuning {
    fn default() -> Self {
        ClassifyTuning {
            whole_page: false,
            items_are_content: false,
            items_in_lines: false,
            grid_min_items: 6,
            grid_item_gap: 25,
            grid_name_blocks: 2,
            posts_are_content: false,
            sections_are_content: false,
            short: 70,
            long: 200,
            stop_high: 0.30,
            stop_low: 0.22,
            caption_chars: 300,
            terse_sentences: 3,
            terse_words: 30,
            max_link_density: 0.4,
            nearly_all_links: 0.8,
            content_short_link_density: 0.5,
            content_short_link_chars: 100,
            markup_chars: 200,
            words_per_address: 8,
            address_line_chars: 300,
            address_prose_words: 12,
            menu_separators: 2,
            menu_chars: 200,
            furniture_words_many: 2,
            furniture_line_chars: 200,
            furniture_pitch_chars: 600,
            content_furniture_line_chars: 80,
            content_furniture_pitch_chars: 200,
            passing_sentences: 2,
            passing_chars: 100,
            call_to_act_chars: 40,
            line_feature_chars: 100,
            date_line_other_words: 3,
            furniture_head_chars: 600,
            repeat_min_chars: 20,
            post_control_repeats: 3,
            repeat_key_chars: 4000,
            repeated_prose: 40,
            structural_repeat: 200,
            structural_share: 0.75,
            contents_gap: 2,
            anchor_good_chars: 400,
            anchor_chars: 100,
            record_run: 3,
            record_chars: 200,
            group_blocks: 3,
            group_chars: 400,
            bad_price: 120,
            long_bad: 300,
            extension_price: 60,
            extension_share: 2,
            fallback_chars: 50,
            last_sentence_words: 8,
            clean_start: 3,
            teaser_min: 40,
            teaser_chars: 200,
            teaser_run: 3,
            list_items: 3,
            numbered_items: 5,
            counted_sections: 4,
            counted_section_spread: 3,
            contents_sections: 4,
            link_headlines: 3,
            furniture_heading_chars: 40,
            tail_teaser_min: 60,
            tail_teaser_max: 230,
            tail_teasers: 3,
            tail_headline: 110,
            tail_teaser_prose: 400,
            long_text: 100,
            article_addresses: 2,
            main_column_min_chars: 200,
            description_min_chars: 300,
            tail_lines: 3,
            tail_chars: 200,
        }
    }
}

// ---------------------------------------------------------------------------
// The HTML front end
// ---------------------------------------------------------------------------

/// Which hidden elements right after a visible toggle are shown, as the
/// panel of a tab or an accordion the reader opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reveal {
    /// None: hidden is hidden.
    Nothing,
    /// Those after a button or an element with `role=button`,
    /// `aria-expanded` or `aria-controls` (a control that says it opens a
    /// panel), or after a box whose last element is one; and wherever it
    /// stands, one whose id a control names in its `aria-controls`.
    Controlled,
    /// Those too after a heading (`h2`–`h4`), which a script makes a toggle.
    Toggled,
    /// Every hidden element: the HTML front end's last fallback, for a page
    /// whose content a script shows once it has run (see
    /// [`HtmlTuning::min_content`]).
    Everything,
}

/// Thresholds of the HTML front end (`src/html/`).
///
/// Shares of a count are written as whole numbers (a percentage, or "one
/// character in N") where the code compares counts, so that no rounding
/// enters a comparison of whole numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HtmlTuning {
    /// Share of the page's text, in percent, inside elements named by one
    /// group of furniture words that makes those words the layout's (a
    /// page builder names every part a "widget"), not furniture.
    pub layout_word_percent: usize,
    /// Share of the page's text, in percent, that makes a hidden element
    /// the page itself (shown by a script), not hidden furniture.
    pub hidden_page_percent: usize,
    /// Whether class and id words of comments prune their subtrees (not on
    /// a forum, whose posts are the content).
    pub prune_comments: bool,
    /// Whether repeated items (`src/html/items.rs`) are the content (a
    /// listing, a collection): class words do not prune them, and their
    /// blocks are vouched for wherever they stand in the page.
    pub items_are_content: bool,
    /// Whether class and id words of reviews ("review", "reviews") prune
    /// their subtrees as comments: on a product's page they are other
    /// people's words about it, not its description.
    pub prune_reviews: bool,
    /// Whether repeated items that show a price (an element whose class,
    /// id or itemprop names one) are furniture: on a product's page they
    /// are other products (what others bought, what goes with it).
    pub priced_items_are_furniture: bool,
    /// Which hidden panels of tabs and accordions are shown (see
    /// [`Reveal`]): on a product's page they hold its description and
    /// specifications.
    pub reveal: Reveal,
    /// How deep inside the box before a hidden panel its toggle may stand
    /// (the box's last element, that one's last, and so on).
    pub toggle_depth: usize,
    /// Whether the lines at the head of the article (its first line and
    /// those above it) are searched for the date it was written and its
    /// byline when its markup gives none (no structured, meta, microdata,
    /// `<time>`, headline or address date; no declared or marked author).
    /// Articles, threads and pages of no known type tell when they were
    /// written and by whom; a product's, a shop's, a list's, a service's or
    /// a reference page's dates and names are of other things (reviews,
    /// entries, changes).
    pub meta_in_head: bool,

    // --- Repeated items ---
    /// Siblings of one shape (tag and class) that make a group of items.
    pub item_min_count: usize,
    /// Share of those siblings, in percent, that must read as items.
    pub item_like_percent: usize,
    /// Characters (not white space) an item holds at least ...
    pub item_min_chars: usize,
    /// ... and at most (more is a post or a section, not an entry).
    pub item_max_chars: usize,
    /// Characters of an item's title (its heading, else its longest link)
    /// at least.
    pub item_title_chars: usize,
    /// Characters an item holds besides its title at least: a line of
    /// description, a price with a name (a facet's count or a pager's
    /// number is less).
    pub item_text_chars: usize,
    /// Links an item holds at most (a menu's branch holds many).
    pub item_max_links: usize,
    /// Share of the page's text, in percent, below which a `<form>` holds
    /// controls (a buy box, filters), not items; a bigger one wraps the
    /// page.
    pub item_form_max_percent: usize,
    /// Characters from which a paragraph of the article's container (not
    /// in an item) is prose of the page's own ...
    pub item_prose_chars: usize,
    /// ... and the items are the content only when they hold more than
    /// this many times that prose.
    pub item_prose_ratio: usize,
    /// Points a page type needs to be chosen over "article".
    pub type_min_points: u32,
    /// Prices (or cart controls) that make a page a collection of products
    /// rather than one.
    pub type_many_prices: usize,
    /// Products declared in schema.org data (JSON-LD or microdata) that
    /// make a page a shop's grid of them, not one product's page (which
    /// may declare a few related ones too).
    pub type_many_products: usize,
    /// Share of the text, in percent, in `<pre>` blocks that makes a page
    /// documentation ...
    pub type_code_percent: usize,
    /// ... in this many blocks at least.
    pub type_code_blocks: usize,
    /// Sibling items of one shape, each with a link, that make a page a
    /// listing, a collection or a thread of posts.
    pub type_min_items: usize,
    /// How long an item is at least to be a post (not a teaser).
    pub type_post_chars: usize,
    /// How much text most items have at least (a title and a line), so
    /// that a menu's links are no items.
    pub type_item_chars: usize,
    /// Share of the page's text, in percent, that the items hold at least.
    pub type_items_percent: usize,
    /// Share of an item's text, in percent, inside links from which it is
    /// a teaser of another page (an entry, however long), not a section.
    pub type_linked_percent: usize,
    /// Words a linked heading has at least to be a title of another page
    /// (a teaser's), not a name (a post's author).
    pub type_title_words: usize,
    /// Characters of prose paragraphs outside a run of long teasers, or of
    /// dated posts, from which the page is an article and the run its
    /// related stories, or its comments.
    pub type_article_chars: usize,
    /// The lowest rank of heading (3: `<h3>`) that heads a page's section;
    /// long items with such headings are sections, not entries.
    pub type_section_heading_level: usize,
    /// Share of the page's text, in percent, that repeated items
    /// (`src/html/items.rs`) hold at least to make the page a listing,
    /// when they hold more than [`Self::item_prose_ratio`] times its prose.
    pub type_item_text_percent: usize,
    /// Characters from which a paragraph counts as prose against the
    /// items, for the page's type.
    pub type_prose_chars: usize,
    /// Sections with headings of their own that make a service page.
    pub type_min_sections: usize,
    /// Characters of text that make a `<noscript>` the page as served to
    /// readers without scripts (a forum's posts, a listing's items): it is
    /// read as markup, not dropped. A notice or a tracking pixel holds far
    /// less.
    pub noscript_page_chars: usize,
    /// The most characters (not white space) of what a `<figure>` says
    /// besides its image and caption that is kept as its credit ("Photo:
    /// A. Name"); more is not a credit (a product's card written as a
    /// figure), and is left out.
    pub figure_credit_max_chars: usize,
    /// Characters in the article's container below which the blocks are
    /// built again without pruning by class and id (`Pruning::TagsOnly`),
    /// then, if that is short too, with every hidden element shown
    /// ([`Reveal::Everything`]).
    pub min_content: usize,

    // --- Furniture: class and id words, cards ---
    /// Score added to a container whose class or id names page furniture
    /// (negative), as Readability weighs class names.
    pub furniture_class_weight: f32,
    /// Score added to a container whose class or id names the article.
    pub article_class_weight: f32,
    /// How many elements, from a block's own up, are looked at for a card
    /// made clickable by an empty link laid over it.
    pub card_depth: usize,
    /// Characters (not white space) at which an element is too long to be
    /// such a card: an article may hold an empty icon link.
    pub card_max_chars: usize,
    /// Links an inline element holds at least (with an image) to be a card
    /// that pops up over running text.
    pub popup_min_links: usize,

    // --- Pruning by class and id ---
    /// Characters an `<article>`, `<main>` or `articleBody` holds at least
    /// to count as the article: class words never prune what holds one.
    pub semantic_min_chars: usize,
    /// Share of the page's characters (in percent) below which a subtree
    /// may be pruned by its class and id words; a bigger one is the page.
    pub class_prune_max_percent: usize,
    /// Characters from which a subtree marked furniture by its class words
    /// is kept when it reads as prose (see `prose_link_ratio`).
    pub prose_min_chars: usize,
    /// Such a subtree is prose when less than one character in this many
    /// is link text.
    pub prose_link_ratio: usize,

    // --- Container scoring: blocks ---
    /// Characters a block has at least to score its containers.
    pub score_min_chars: usize,
    /// Link density above which a block scores nothing.
    pub score_max_link_density: f32,
    /// Score of a scoring block before its commas and length count.
    pub block_base_score: f32,
    /// Characters of a block worth one point of score.
    pub chars_per_point: f32,
    /// Most points a block's length gives.
    pub max_length_points: f32,
    /// How many elements, from a block's container up, its score reaches.
    pub score_ancestors: usize,
    /// What a block's score is divided by for its container's parent.
    pub parent_divisor: f32,
    /// Above the parent, the divisor is the number of levels up times this.
    pub level_divisor: f32,

    // --- Container scoring: initial scores by tag ---
    /// Initial score of a `<div>`, `<article>`, `<section>` or `<main>`.
    pub container_tag_score: f32,
    /// Initial score of a `<pre>`, `<td>` or `<blockquote>`.
    pub cell_tag_score: f32,
    /// Initial score of a list, list item, `<address>` or `<form>`.
    pub list_tag_score: f32,
    /// Initial score of a heading or a `<th>`.
    pub heading_tag_score: f32,
    /// Initial score added to the page's own `articleBody`.
    pub article_body_score: f32,
    /// Initial score added to an `<article>`.
    pub article_tag_score: f32,

    // --- Container scoring: choosing the article ---
    /// How many of the best-scored containers are weighed.
    pub candidates: usize,
    /// Characters the page's own `articleBody` holds at least to win.
    pub article_body_min_chars: usize,
    /// The page's own `articleBody` wins when less than one character in
    /// this many is link text.
    pub article_body_link_ratio: usize,
    /// Share of the best score from which another candidate is close to it.
    pub close_score_ratio: f32,
    /// Close candidates from which the article is taken to be split in parts:
    /// their nearest container holding this many of them is the article.
    pub split_parts: usize,
    /// Share of the best score a parent keeps at least for the article to
    /// climb to it.
    pub climb_score_ratio: f32,
    /// The article climbs to a parent with fewer than this many times its
    /// characters.
    pub climb_max_growth: usize,
    /// How many elements above the chosen container's parent are looked at
    /// for a semantic container (`<article>`, `<main>`, `articleBody`) that
    /// is the article itself.
    pub semantic_hops: usize,
    /// A semantic container is the article when it holds at most this many
    /// times the chosen one's characters.
    pub semantic_max_growth: usize,
    /// Share of the best score from which a sibling of the article joins it.
    pub sibling_score_ratio: f32,
    /// Least score with which a sibling joins the article.
    pub sibling_min_score: f32,
    /// Characters from which a sibling `<p>` joins the article as prose.
    pub sibling_prose_min_chars: usize,
    /// Link density below which a sibling `<p>` is prose.
    pub sibling_prose_max_link_density: f32,

    // --- The walk: blocks ---
    /// A class or id that says caption makes a block a figure caption on
    /// the block's element or an ancestor fewer than this many elements up
    /// (the block's own counted as one).
    pub caption_depth: usize,
    /// Columns a data table (not a layout table) has at least.
    pub data_table_min_cols: usize,
    /// Rows a data table without header cells has at least.
    pub data_table_min_rows: usize,

    // --- The title in the blocks ---
    /// Characters of the first prose paragraph, before which a paragraph
    /// that says just the title is the headline.
    pub title_prose_min_chars: usize,
    /// Words a title has at least to be found as a paragraph.
    pub styled_title_min_words: usize,
    /// Words a heading has at least to be found in a title that carries the
    /// site's name around it.
    pub framed_heading_min_words: usize,
    /// Most words of the site's name around a heading in the title.
    pub framing_max_words: usize,

    // --- Metadata ---
    /// How many `<h1>` and how many `<h2>` elements are read as headings
    /// that the document's title may equal.
    pub meta_headings: usize,
    /// Words a part of a hierarchical `<title>` has at least to be the
    /// headline.
    pub title_min_words: usize,
    /// Words before a title's first colon above which the colon is part of
    /// the headline.
    pub title_max_prefix_words: usize,
    /// Characters above which a `<title>` is too long to be the headline
    /// (the page's single `<h1>` is taken).
    pub title_max_chars: usize,
    /// Characters below which a `<title>` is too short to be the headline.
    pub title_min_chars: usize,
    /// Words at or below which a cut title is not trusted: the whole
    /// `<title>` is kept.
    pub title_short_words: usize,
    /// How many `<time>` elements are read for a publication date.
    pub time_elements: usize,
    /// Most tags kept.
    pub max_tags: usize,
    /// Most words of a byline found in the page.
    pub byline_max_words: usize,
    /// Characters below which a byline found in the page is one.
    pub byline_max_chars: usize,
    /// Text nodes after the page's first `<h1>` searched for the date the
    /// page shows under its headline.
    pub shown_date_after: usize,
    /// Text nodes before the first `<h1>` searched for that date, when none
    /// follows it.
    pub shown_date_before: usize,
    /// Characters of a text node above which it is prose, not a date line.
    pub shown_date_max_chars: usize,
    /// Years before this are implausible for a publication date.
    pub min_year: i64,
    /// Days by which a date in the metadata may differ from the one shown
    /// and still be the same, written in another time zone.
    pub date_zone_days: i64,
    /// Characters of a part of the title with which it can be matched to a
    /// label of the site's domain ("example" in news.example.com).
    pub site_label_min_chars: usize,
}

impl HtmlTuning {
    /// The values gleaner ships with ([`HtmlTuning::default`]).
    pub(crate) const DEFAULT: HtmlTuning = HtmlTuning {
        layout_word_percent: 50,
        hidden_page_percent: 70,
        prune_comments: true,
        items_are_content: false,
        prune_reviews: false,
        priced_items_are_furniture: false,
        reveal: Reveal::Nothing,
        toggle_depth: 3,
        meta_in_head: true,
        item_min_count: 4,
        item_like_percent: 60,
        item_min_chars: 20,
        item_max_chars: 800,
        item_title_chars: 5,
        item_text_chars: 10,
        item_max_links: 8,
        item_form_max_percent: 50,
        item_prose_chars: 150,
        item_prose_ratio: 3,
        type_min_points: 2,
        type_many_prices: 6,
        type_many_products: 10,
        type_code_percent: 5,
        type_code_blocks: 2,
        type_min_items: 6,
        type_post_chars: 200,
        type_item_chars: 50,
        type_items_percent: 30,
        type_linked_percent: 50,
        type_title_words: 3,
        type_article_chars: 1000,
        type_section_heading_level: 3,
        type_item_text_percent: 20,
        type_prose_chars: 80,
        type_min_sections: 4,
        noscript_page_chars: 1000,
        figure_credit_max_chars: 80,
        min_content: 200,
        furniture_class_weight: -25.0,
        article_class_weight: 25.0,
        card_depth: 3,
        card_max_chars: 300,
        popup_min_links: 3,
        semantic_min_chars: 400,
        class_prune_max_percent: 40,
        prose_min_chars: 500,
        prose_link_ratio: 4,
        score_min_chars: 25,
        score_max_link_density: 0.6,
        block_base_score: 1.0,
        chars_per_point: 100.0,
        max_length_points: 3.0,
        score_ancestors: 5,
        parent_divisor: 2.0,
        level_divisor: 3.0,
        container_tag_score: 5.0,
        cell_tag_score: 3.0,
        list_tag_score: -3.0,
        heading_tag_score: -5.0,
        article_body_score: 40.0,
        article_tag_score: 10.0,
        candidates: 5,
        article_body_min_chars: 400,
        article_body_link_ratio: 3,
        close_score_ratio: 0.75,
        split_parts: 3,
        climb_score_ratio: 0.9,
        climb_max_growth: 3,
        semantic_hops: 3,
        semantic_max_growth: 2,
        sibling_score_ratio: 0.2,
        sibling_min_score: 10.0,
        sibling_prose_min_chars: 80,
        sibling_prose_max_link_density: 0.25,
        caption_depth: 3,
        data_table_min_cols: 2,
        data_table_min_rows: 2,
        title_prose_min_chars: 200,
        styled_title_min_words: 4,
        framed_heading_min_words: 3,
        framing_max_words: 4,
        meta_headings: 5,
        title_min_words: 3,
        title_max_prefix_words: 5,
        title_max_chars: 150,
        title_min_chars: 15,
        title_short_words: 4,
        time_elements: 3,
        max_tags: 50,
        byline_max_words: 12,
        byline_max_chars: 100,
        shown_date_after: 20,
        shown_date_before: 10,
        shown_date_max_chars: 80,
        min_year: 1995,
        date_zone_days: 1,
        site_label_min_chars: 4,
    };
}

impl Default for HtmlTuning {
    fn default() -> Self {
        HtmlTuning::DEFAULT
    }
}

// ---------------------------------------------------------------------------
// The text front end
// ---------------------------------------------------------------------------

/// Thresholds of the text front end (`src/text.rs`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextTuning {
    /// A line at least this long, without closing punctuation and followed by a
    /// line in lower case, was wrapped by hand: the two are one paragraph.
    pub wrapped_line_chars: usize,
    /// How much of each line is searched for a quoted title.
    pub quote_scan_chars: usize,
    /// How often a quoted headline appears (quoted, or as a line of its own) to
    /// be the title.
    pub quoted_title_count: usize,
    /// Words that make a headline long enough to be the title wherever it
    /// stands (shorter ones only right above the article).
    pub title_words: usize,
    /// Words a title has at least.
    pub title_min_words: usize,
    /// A line the page shows more often than this (a share bar under every
    /// item) is no title.
    pub title_max_repeats: usize,
    /// How many lines above the article its headline may stand.
    pub title_reach: usize,
    /// How many lines above the article's first the title is looked for
    /// by score (see `text::title::TITLE_WEIGHTS`).
    pub title_window_above: usize,
    /// How many lines into the article the title is looked for by score.
    pub title_window_below: usize,
    /// The shortest line, in characters, scored as the title.
    pub title_line_min_chars: usize,
    /// The longest line, in characters, scored as the title.
    pub title_line_chars: usize,
    /// The scored title's features read a line this long or longer as
    /// prose (under the title, over it, how far on the next is).
    pub title_prose_chars: usize,
    /// ... and a line shorter than this as a menu's (the lines over the
    /// title, as many as [`TextTuning::title_beside_lines`]).
    pub title_menu_chars: usize,
    /// ... and a title line longer than this as long.
    pub title_long_chars: usize,
    /// ... and this many lines under a line, or over it, as beside it (a
    /// date or byline, prose, a menu).
    pub title_beside_lines: usize,
    /// ... and a word of this many letters or more as one that says what a
    /// line is about (the article's repeating it counts).
    pub title_word_chars: usize,
    /// The scales the features are measured against (a feature is its
    /// value over the scale, at most 1): a line's words, its characters,
    /// and lines (the headlines between it and the article, how far the
    /// next prose is). The fitted weights were fitted with these.
    pub title_scale_words: usize,
    /// See [`TextTuning::title_scale_words`].
    pub title_scale_chars: usize,
    /// See [`TextTuning::title_scale_words`].
    pub title_scale_lines: usize,
    /// How long a headline-like line is at least to be taken for a standfirst
    /// when a shorter headline stands above it.
    pub standfirst: usize,
    /// How long a line between a headline and its standfirst (a caption) may
    /// be.
    pub caption_chars: usize,
    /// How long the article's first line may be to be its own headline.
    pub own_headline_chars: usize,
    /// A line that starts with the title and has fewer characters than this
    /// after it repeats the title.
    pub title_repeat_extra: usize,
    /// Under a headline, the article kept after the fallback to its head must
    /// hold at least one part in this many of what the longest run held.
    pub head_share: usize,
    /// Lines above the article's first line searched for its byline and date.
    pub head_above: usize,
    /// How far above the article its headline may stand for the lines between
    /// to be searched too.
    pub head_to_headline: usize,
    /// Lines above the headline searched too.
    pub head_over_headline: usize,
    /// Dropped lines under the article's first line searched (a byline under a
    /// kept standfirst).
    pub head_below: usize,
    /// Whether a capitalised name beside a date in the article's head is
    /// its author without a "By". Not on a thread: its posters go by
    /// handles, and the capitalised lines beside its dates are its
    /// sections and labels ("Garden Chat", "New Member").
    pub names_beside_dates: bool,
    /// Lines above the article's first within which, failing a date in
    /// its head, the nearest line that says only when is its date.
    pub date_line_reach: usize,
    /// A text whose article shows neither a date, a byline nor an agency's
    /// dateline is not known to be one article (a service's, a product's
    /// or a manual's page, a thread): the text that reads as prose outside
    /// the article's run is kept too, when it holds at least this share (in
    /// percent) of what the run holds (an article's comments or teasers
    /// weigh less).
    pub unsigned_outside_percent: usize,
    /// Lines in a row, each short and plain (no code's marks, no sentence
    /// ended), that make a menu or a list of contents inside copied text's
    /// sections, not a part of them.
    pub menu_run_lines: usize,
    /// How long a line that gives the article's date (or a date and its author)
    /// may be.
    pub date_line_chars: usize,
    /// How long a line that only says when may be.
    pub when_line_chars: usize,
    /// A line of this many words or fewer ("Follow", a role) may stand between
    /// a name and its date.
    pub name_aside_words: usize,
    /// How long a lead that opens with an agency's dateline is at least.
    pub dateline_lead_chars: usize,
    /// How many lines above a date or byline line its headline may stand.
    pub headline_reach: usize,
    /// How long a block of the article's prose is at least (a lead, the body
    /// under a head).
    pub lead_chars: usize,
    /// How many lines under a date or byline line the lead may start.
    pub lead_reach: usize,
    /// How many short blocks in a row the body under a head may hold.
    pub head_gap: usize,
    /// The head with the most prose under it wins when it has this many times
    /// the next one's.
    pub head_margin: usize,
    /// Points a page type needs to be chosen over "article" (as for HTML).
    pub type_min_points: u32,
    /// How long a post's head (a name and a date, "Sam March 5, 2024,
    /// 11:15pm") may be.
    pub type_post_head_chars: usize,
    /// How much text under a dated head makes it a post (not an item's date).
    pub type_post_chars: usize,
    /// How many lines under the last dated head are its post.
    pub type_last_post_lines: usize,
    /// Lines from a dated line to the next within which the first, over
    /// short lines only, is part of the next post's head (a join date).
    pub type_post_head_lines: usize,
    /// Posts under heads with profiles or numbers that make a thread, at
    /// least (with [`Self::type_posts_percent`] of the text).
    pub type_min_profiled_posts: usize,
    /// Posts that make a thread.
    pub type_min_posts: usize,
    /// Posts numbered in order ("#1", "#2", …) under dated heads that make
    /// a thread, however short each post is.
    pub type_numbered_posts: usize,
    /// Share of the page's text, in percent, that the posts hold at least
    /// (a few comments under an article are no thread).
    pub type_posts_percent: usize,
    /// Share of the posts' text, in percent, that the longest post holds at
    /// most (an article over its comments outweighs them).
    pub type_top_post_percent: usize,
    /// How many times a short line recurs, at least, to separate posts (the
    /// same controls under each: "Share", "Reply").
    pub type_separator_repeats: usize,
    /// How many words a post's separator has at most (a control's label).
    pub type_separator_words: usize,
    /// How many of the most repeated short lines are tried as separators.
    pub type_separator_candidates: usize,
    /// How many short lines in a row a post's separator stands among (a
    /// post's controls and head: "Share", "Follow", a name, a date), at
    /// least, in most of its places; a section's label stands alone.
    pub type_separator_cluster: usize,
    /// Lines with a price that make a page a collection of products rather
    /// than one.
    pub type_many_prices: usize,
    /// How long an item's title line may be ...
    pub type_item_title_chars: usize,
    /// ... and how long the short line under it is at least ...
    pub type_item_line_min: usize,
    /// ... and at most.
    pub type_item_line_max: usize,
    /// How many short lines an item's head (a title, a name, a date, a
    /// price) has at most ...
    pub type_item_head_lines: usize,
    /// ... over how many lines of body at most ...
    pub type_item_body_lines: usize,
    /// ... and how long an item is at most, in characters.
    pub type_item_chars: usize,
    /// Items (a title over a short line) that make a listing.
    pub type_min_items: usize,
    /// Share of the page's text, in percent, that the items hold at least.
    pub type_items_percent: usize,
    /// Lines of code that make a page documentation ...
    pub type_code_lines: usize,
    /// ... when they hold this share of its text, in percent.
    pub type_code_percent: usize,
}

impl Default for TextTuning {
    fn default() -> Self {
        TextTuning {
            wrapped_line_chars: 55,
            quote_scan_chars: 2000,
            quoted_title_count: 2,
            title_words: 4,
            title_min_words: 3,
            title_max_repeats: 3,
            title_reach: 8,
            title_window_above: 40,
            title_window_below: 10,
            title_line_min_chars: 3,
            title_line_chars: 200,
            title_prose_chars: 150,
            title_menu_chars: 40,
            title_long_chars: 120,
            title_beside_lines: 3,
            title_word_chars: 4,
            title_scale_words: 20,
            title_scale_chars: 80,
            title_scale_lines: 10,
            standfirst: 90,
            caption_chars: 150,
            own_headline_chars: 150,
            title_repeat_extra: 40,
            head_share: 2,
            head_above: 6,
            head_to_headline: 20,
            head_over_headline: 2,
            head_below: 4,
            names_beside_dates: true,
            date_line_reach: 40,
            unsigned_outside_percent: 75,
            menu_run_lines: 3,
            date_line_chars: 120,
            when_line_chars: 60,
            name_aside_words: 3,
            dateline_lead_chars: 40,
            headline_reach: 4,
            lead_chars: 100,
            lead_reach: 40,
            head_gap: 1,
            head_margin: 2,
            type_min_points: 2,
            type_post_head_chars: 100,
            type_post_chars: 150,
            type_last_post_lines: 10,
            type_post_head_lines: 6,
            type_min_profiled_posts: 3,
            type_min_posts: 8,
            type_numbered_posts: 5,
            type_posts_percent: 50,
            type_top_post_percent: 40,
            type_separator_repeats: 3,
            type_separator_candidates: 8,
            type_separator_words: 3,
            type_separator_cluster: 3,
            type_many_prices: 20,
            type_item_title_chars: 120,
            type_item_line_min: 30,
            type_item_line_max: 300,
            type_item_head_lines: 4,
            type_item_body_lines: 2,
            type_item_chars: 600,
            type_min_items: 10,
            type_items_percent: 30,
            type_code_lines: 5,
            type_code_percent: 5,
        }
    }
}
