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
    /// How long a headline-like line is at least to be taken for a
    /// standfirst when a shorter headline stands above it.
    pub standfirst: usize,
}

impl Default for TextTuning {
    fn default() -> Self {
        TextTuning { standfirst: 90 }
    }
}
