//! Metadata scores: how often the predicted title, publish date and authors agree with the
//! ground truth (WCXB), under the rules of [`crate::metanorm`].
//!
//! - `title_match`: share of pages with a true title whose predicted title matches it;
//! - `date_match`: share of pages with a true date whose predicted `date_published` falls on
//!   that day; `date_false_rate`: share of pages without a true date that got one anyway
//!   (lower is better);
//! - `author_match`: share of pages with a true author for which a predicted author names one
//!   of the true people;
//! - `page_type_match`: share of pages with a labelled type whose predicted `page_type` is that
//!   type (a diagnostic: the type gates which dates are taken).

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::dataset::Dataset;
use crate::metanorm;

/// The metadata predicted for one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaPred {
    /// The predicted title.
    pub title: Option<String>,
    /// The predicted authors.
    pub authors: Vec<String>,
    /// The predicted publish date, ISO 8601.
    pub date: Option<String>,
    /// The predicted page type (`article`, `forum`…), when the predictor gives one.
    pub page_type: Option<String>,
}

impl MetaPred {
    /// The metadata gleaner returned for a page (with its article, or with a `no_content`
    /// error).
    #[must_use]
    pub fn of(page: &gleaner::PageMetadata) -> Self {
        let page_type = serde_json::to_value(page.page_type).ok().and_then(|v| v.as_str().map(str::to_owned));
        Self { title: page.title.clone(), authors: page.authors.clone(), date: page.date_published.clone(), page_type }
    }

    /// The predicted date, when it is not blank.
    fn date(&self) -> Option<&str> {
        self.date.as_deref().filter(|d| !d.trim().is_empty())
    }
}

/// A share of pages: `hits` of the `n` pages it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rate {
    /// Pages the rate applies to.
    pub n: usize,
    /// Pages counted.
    pub hits: usize,
}

impl Rate {
    /// `hits / n`, or `None` when no page applies.
    #[must_use]
    pub fn value(self) -> Option<f64> {
        (self.n > 0).then(|| self.hits as f64 / self.n as f64)
    }

    /// Counts one more page, a hit or not.
    fn add(&mut self, hit: bool) {
        self.n += 1;
        self.hits += usize::from(hit);
    }
}

/// The metadata scores of one dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MetaScores {
    /// Titles matched, among pages with a true title.
    pub title: Rate,
    /// Dates on the true day, among pages with a true date.
    pub date: Rate,
    /// Dates given, among pages without a true date (lower is better).
    pub date_false: Rate,
    /// Authors matched, among pages with a true author.
    pub author: Rate,
    /// Page types matched, among pages with a labelled type.
    pub page_type: Rate,
}

impl MetaScores {
    /// Each rate under its metric key (`title_match`, `date_match`, `date_false_rate`,
    /// `author_match`, `page_type_match`), in that order.
    #[must_use]
    pub fn rates(&self) -> [(&'static str, Rate); 5] {
        [
            ("title_match", self.title),
            ("date_match", self.date),
            ("date_false_rate", self.date_false),
            ("author_match", self.author),
            ("page_type_match", self.page_type),
        ]
    }
}

/// A metadata field, for listing mismatches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The publish date (a mismatch is a wrong day or a date where there is none).
    Date,
    /// The authors.
    Author,
    /// The page type.
    PageType,
}

impl Field {
    /// The field named `name` (`title`, `date`, `author`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "title" => Some(Self::Title),
            "date" => Some(Self::Date),
            "author" | "authors" => Some(Self::Author),
            "type" | "page_type" => Some(Self::PageType),
            _ => None,
        }
    }

    /// The field's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Date => "date",
            Self::Author => "author",
            Self::PageType => "page_type",
        }
    }
}

/// One page where a field's prediction does not match the truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The page id.
    pub id: String,
    /// The true value (`""` when there is none).
    pub truth: String,
    /// The predicted value (`""` when there is none; several authors joined by `; `).
    pub pred: String,
}

/// Scores `preds` (one per page, in `dataset.pages` order), or `None` when the dataset has
/// no metadata ground truth.
#[must_use]
pub fn score(dataset: &Dataset, preds: &[MetaPred]) -> Option<MetaScores> {
    if !dataset.has_meta() {
        return None;
    }
    let mut scores = MetaScores::default();
    for (page, pred) in dataset.pages.iter().zip(preds) {
        if let Some(page_type) = &page.page_type {
            scores.page_type.add(pred.page_type.as_ref() == Some(page_type));
        }
        let Some(truth) = &page.meta else { continue };
        if let Some(title) = present(&truth.title) {
            scores.title.add(pred.title.as_deref().is_some_and(|t| metanorm::titles_match(title, t)));
        }
        match present(&truth.date) {
            Some(date) => scores.date.add(pred.date().is_some_and(|d| metanorm::dates_match(date, d))),
            None => scores.date_false.add(pred.date().is_some()),
        }
        if let Some(author) = present(&truth.author) {
            scores.author.add(metanorm::authors_match(author, &pred.authors));
        }
    }
    Some(scores)
}

/// The pages of `dataset` where `field` is predicted wrongly, in page order: a true value not
/// matched, or (for the date) a date given where there is none.
#[must_use]
pub fn mismatches(dataset: &Dataset, preds: &[MetaPred], field: Field) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for (page, pred) in dataset.pages.iter().zip(preds) {
        let Some(truth) = &page.meta else { continue };
        let (truth, predicted, wrong) = match field {
            Field::Title => {
                let Some(title) = present(&truth.title) else { continue };
                let p = pred.title.clone().unwrap_or_default();
                (title, p.clone(), !metanorm::titles_match(title, &p))
            }
            Field::Date => {
                let p = pred.date().unwrap_or_default().to_owned();
                match present(&truth.date) {
                    Some(date) => (date, p.clone(), !metanorm::dates_match(date, &p)),
                    None => ("", p.clone(), !p.is_empty()),
                }
            }
            Field::Author => {
                let Some(author) = present(&truth.author) else { continue };
                (author, pred.authors.join("; "), !metanorm::authors_match(author, &pred.authors))
            }
            Field::PageType => {
                let Some(page_type) = page.page_type.as_deref() else { continue };
                let p = pred.page_type.clone().unwrap_or_default();
                (page_type, p.clone(), p != page_type)
            }
        };
        if wrong {
            out.push(Mismatch { id: page.id.clone(), truth: truth.to_owned(), pred: predicted });
        }
    }
    out
}

/// One page's entry in an external predictions file; `author` may be a string or a list.
#[derive(Deserialize)]
struct ExternalPred {
    title: Option<String>,
    author: Option<Authors>,
    date: Option<String>,
}

/// The `author` of an external prediction.
#[derive(Deserialize)]
#[serde(untagged)]
enum Authors {
    /// One string, possibly naming several people (split when compared).
    One(String),
    /// A list of names.
    Many(Vec<String>),
}

/// Reads external metadata predictions, `{ID: {"title", "author", "date"}}` (each may be
/// null; `author` a string or a list), as one [`MetaPred`] per page of `dataset`; pages
/// missing from the file get none.
///
/// # Errors
/// When the file cannot be read or parsed.
pub fn load_external(path: &Path, dataset: &Dataset) -> Result<Vec<MetaPred>> {
    let json = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut preds: HashMap<String, ExternalPred> = serde_json::from_str(&json).with_context(|| format!("cannot parse {}", path.display()))?;
    Ok(dataset
        .pages
        .iter()
        .map(|page| {
            preds.remove(&page.id).map_or_else(MetaPred::default, |p| MetaPred {
                title: p.title,
                authors: match p.author {
                    None => Vec::new(),
                    Some(Authors::One(a)) => vec![a],
                    Some(Authors::Many(a)) => a,
                },
                date: p.date,
                page_type: None,
            })
        })
        .collect())
}

/// A truth value when it is there and not blank.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Kind, MetaTruth, Page};

    fn page(id: &str, meta: MetaTruth) -> Page {
        Page {
            id: id.to_owned(),
            html_path: format!("{id}.html.gz").into(),
            is_text: false,
            url: None,
            text: Some(String::new()),
            with: Vec::new(),
            without: Vec::new(),
            page_type: Some("article".to_owned()),
            meta: Some(meta),
            comments: None,
        }
    }

    fn truth(title: Option<&str>, author: Option<&str>, date: Option<&str>) -> MetaTruth {
        MetaTruth { title: title.map(str::to_owned), author: author.map(str::to_owned), date: date.map(str::to_owned) }
    }

    fn pred(title: Option<&str>, authors: &[&str], date: Option<&str>) -> MetaPred {
        MetaPred {
            title: title.map(str::to_owned),
            authors: authors.iter().map(|a| (*a).to_owned()).collect(),
            date: date.map(str::to_owned),
            page_type: Some("article".to_owned()),
        }
    }

    fn dataset() -> Dataset {
        Dataset {
            name: "t".to_owned(),
            dir: ".".into(),
            kind: Kind::Wcxb,
            pages: vec![
                page("1", truth(Some("A Title"), Some("Jane Doe, PhD"), Some("2024-01-02"))),
                page("2", truth(Some("Other"), None, None)),
                page("3", truth(Some("Third"), Some("X Y and Z W"), Some("2020-05-05"))),
                page("4", truth(None, None, None)),
            ],
        }
    }

    fn preds() -> Vec<MetaPred> {
        vec![
            pred(Some("a title!"), &["Dr. Jane Doe"], Some("2024-01-02T08:00:00+01:00")),
            pred(Some("Other | Site"), &[], Some("2019-01-01")),
            pred(None, &["Z W"], Some("2020-05-06")),
            pred(Some("anything"), &["Someone"], Some(" ")),
        ]
    }

    #[test]
    fn rates_count_the_pages_they_apply_to() {
        let s = score(&dataset(), &preds()).unwrap();
        assert_eq!(s.title, Rate { n: 3, hits: 1 });
        assert_eq!(s.date, Rate { n: 2, hits: 1 });
        assert_eq!(s.date_false, Rate { n: 2, hits: 1 }, "a blank date is no date");
        assert_eq!(s.author, Rate { n: 2, hits: 2 });
        assert_eq!(s.page_type, Rate { n: 4, hits: 4 });
        assert_eq!(s.title.value(), Some(1.0 / 3.0));
        assert_eq!(Rate::default().value(), None);
    }

    #[test]
    fn mismatches_list_wrong_and_missing_values() {
        let ds = dataset();
        let ids = |f| mismatches(&ds, &preds(), f).into_iter().map(|m| m.id).collect::<Vec<_>>();
        assert_eq!(ids(Field::Title), ["2", "3"]);
        assert_eq!(ids(Field::Date), ["2", "3"]);
        assert!(ids(Field::Author).is_empty());
        let false_date = &mismatches(&ds, &preds(), Field::Date)[0];
        assert_eq!((false_date.truth.as_str(), false_date.pred.as_str()), ("", "2019-01-01"));
    }

    #[test]
    fn datasets_without_metadata_have_no_scores() {
        let mut ds = dataset();
        ds.kind = Kind::Trafilatura;
        for p in &mut ds.pages {
            p.meta = None;
        }
        assert_eq!(score(&ds, &preds()), None);
    }

    #[test]
    fn fields_parse_by_name() {
        assert_eq!(Field::parse("date"), Some(Field::Date));
        assert_eq!(Field::parse("authors").map(Field::name), Some("author"));
        assert_eq!(Field::parse("type"), Some(Field::PageType));
        assert_eq!(Field::parse("x"), None);
    }
}
