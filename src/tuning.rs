//! Every threshold and weight of the pipeline, in one table.
//!
//! A number that decides what is kept is a named field here, with a doc
//! comment saying what it measures, never a bare literal inside a function.
//! [`Tuning::default`] is the one set of values gleaner ships with; later
//! profiles (per page type) start from it and change fields, so a stage
//! never special-cases a kind of page.

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

// ---------------------------------------------------------------------------
// The classifier
// ---------------------------------------------------------------------------

/// Thresholds of the shared block classifier (`src/classify/`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClassifyTuning {
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
    /// Furniture words count only in a block's first this many characters: long
    /// prose that mentions a comment is still prose.
    pub furniture_head_chars: usize,
    /// Blocks shorter than this are never "repeated" (short labels recur by
    /// nature).
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
    /// How many of the article's last lines may be taken as a call to act ...
    pub tail_lines: usize,
    /// ... each shorter than this.
    pub tail_chars: usize,
}

impl Default for ClassifyTuning {
    fn default() -> Self {
        ClassifyTuning {
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
            repeat_key_chars: 4000,
            repeated_prose: 40,
            structural_repeat: 200,
            structural_share: 0.75,
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
            link_headlines: 3,
            furniture_heading_chars: 40,
            tail_teaser_min: 60,
            tail_teaser_max: 230,
            tail_teasers: 3,
            tail_headline: 110,
            tail_teaser_prose: 400,
            long_text: 100,
            article_addresses: 2,
            tail_lines: 3,
            tail_chars: 200,
        }
    }
}

// ---------------------------------------------------------------------------
// The HTML front end
// ---------------------------------------------------------------------------

/// Thresholds of the HTML front end (`src/html/`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HtmlTuning {
    /// Characters in the article's container below which the blocks are
    /// built again without pruning by class and id (`Pruning::TagsOnly`).
    pub min_content: usize,
}

impl Default for HtmlTuning {
    fn default() -> Self {
        HtmlTuning { min_content: 200 }
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
            standfirst: 90,
            caption_chars: 150,
            own_headline_chars: 150,
            title_repeat_extra: 40,
            head_share: 2,
            head_above: 6,
            head_to_headline: 20,
            head_over_headline: 2,
            head_below: 4,
            date_line_chars: 120,
            when_line_chars: 60,
            name_aside_words: 3,
            dateline_lead_chars: 40,
            headline_reach: 4,
            lead_chars: 100,
            lead_reach: 40,
            head_gap: 1,
            head_margin: 2,
        }
    }
}
