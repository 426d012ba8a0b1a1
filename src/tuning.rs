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
    /// Blocks shorter than this (in characters) are "short": their
    /// neighbours decide.
    pub short: usize,
}

impl Default for ClassifyTuning {
    fn default() -> Self {
        ClassifyTuning { short: 70 }
    }
}

// ---------------------------------------------------------------------------
// The HTML front end
// ---------------------------------------------------------------------------

/// Thresholds of the HTML front end (`src/html/`).
///
/// Shares of a count are written as whole numbers (a percentage, or "one
/// character in N") where the code compares counts, so that no rounding
/// enters a comparison of whole numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HtmlTuning {
    /// Characters in the article's container below which the blocks are
    /// built again without pruning by class and id (`Pruning::TagsOnly`).
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
}

impl Default for HtmlTuning {
    fn default() -> Self {
        HtmlTuning {
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
        }
    }
}

// ---------------------------------------------------------------------------
// The text front end
// ---------------------------------------------------------------------------

/// Thresholds of the text front end (`src/text.rs`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextTuning {
    /// How long a headline-like line is at least to be taken for a
    /// standfirst when a shorter headline stands above it.
    pub standfirst: usize,
}

impl Default for TextTuning {
    fn default() -> Self {
        TextTuning { standfirst: 90 }
    }
}
