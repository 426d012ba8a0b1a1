//! The kind of page: an article, a forum thread, a product, a collection or
//! listing of items, documentation or a service page. A front end gathers
//! [`Evidence`] from the page itself (structured data, repeated structures,
//! code, prices, sections, the URL's shape); [`decide`] weighs it. The type
//! picks a profile of the tuning table ([`crate::tuning::Tuning::for_page`]).

use serde::{Deserialize, Serialize};

/// What kind of page it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PageType {
    /// A news story, a blog post, an essay: prose under a headline.
    #[default]
    Article,
    /// A discussion: a thread of posts and replies.
    Forum,
    /// One product for sale.
    Product,
    /// A shop's category or a gallery: items, each a title and a little text.
    Collection,
    /// A list of entries: search results, an index of posts, job ads.
    Listing,
    /// Technical documentation: prose with code, beside navigation.
    Documentation,
    /// A company's page about what it offers: sections of short text.
    Service,
    /// None of these.
    Other,
}

impl PageType {
    /// Every type, in a fixed order.
    pub const ALL: [PageType; 8] = [
        PageType::Article,
        PageType::Forum,
        PageType::Product,
        PageType::Collection,
        PageType::Listing,
        PageType::Documentation,
        PageType::Service,
        PageType::Other,
    ];

    /// The type's name, as in JSON (`"article"`, `"forum"`, …).
    pub fn name(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Listing => "listing",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
            PageType::Other => "other",
        }
    }

    /// The type with this name.
    pub fn from_name(name: &str) -> Option<PageType> {
        PageType::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// What the page shows of its type: points for a type, and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Evidence {
    /// (type, points, what was seen), in the order found.
    pub signals: Vec<(PageType, u32, String)>,
}

impl Evidence {
    /// Adds `points` for `page_type`, saying why.
    pub(crate) fn add(&mut self, page_type: PageType, points: u32, why: impl Into<String>) {
        if points > 0 {
            self.signals.push((page_type, points, why.into()));
        }
    }

    /// The points for one type.
    pub(crate) fn points(&self, page_type: PageType) -> u32 {
        self.signals
            .iter()
            .filter(|(t, _, _)| *t == page_type)
            .map(|(_, p, _)| p)
            .sum()
    }
}

/// The page's type: the one with the most points, when it has at least
/// `min_points`; an article otherwise (ties go to the earlier type of
/// [`PageType::ALL`]).
pub(crate) fn decide(evidence: &Evidence, min_points: u32) -> PageType {
    let mut best = (PageType::Article, 0);
    for t in PageType::ALL {
        let p = evidence.points(t);
        if p > best.1 {
            best = (t, p);
        }
    }
    if best.1 >= min_points {
        best.0
    } else {
        PageType::Article
    }
}

/// The page type's signals as lines for people (`--explain`).
pub(crate) fn explain(evidence: &Evidence) -> Vec<String> {
    evidence
        .signals
        .iter()
        .map(|(t, p, why)| format!("{} +{p}: {why}", t.name()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in PageType::ALL {
            assert_eq!(PageType::from_name(t.name()), Some(t));
        }
        assert_eq!(PageType::from_name("blog"), None);
    }

    #[test]
    fn the_most_points_win_above_the_minimum() {
        let mut e = Evidence::default();
        e.add(PageType::Forum, 2, "posts");
        e.add(PageType::Product, 1, "a price");
        assert_eq!(decide(&e, 2), PageType::Forum);
        assert_eq!(decide(&e, 3), PageType::Article);
        e.add(PageType::Product, 2, "add to cart");
        assert_eq!(decide(&e, 2), PageType::Product);
        assert_eq!(explain(&e)[0], "forum +2: posts");
    }
}
