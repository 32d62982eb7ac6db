//! One dataset's evaluation: its pages, the run that produced predictions, and their scores,
//! with the named metrics that the JSON output and the quality gate use.

use crate::comments::CommentScores;
use crate::dataset::Dataset;
use crate::meta::MetaScores;
use crate::metrics::{Prf, Scores};
use crate::run::Run;

/// A dataset, gleaner's predictions on it, and their scores.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The dataset evaluated.
    pub dataset: Dataset,
    /// How the predictions were made.
    pub run: Run,
    /// Their scores.
    pub scores: Scores,
    /// The metadata scores, where the dataset has a metadata ground truth.
    pub meta: Option<MetaScores>,
    /// The reader-comment scores, where the dataset records comments.
    pub comments: Option<CommentScores>,
}

/// Which way a metric improves, for the quality gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A score: must not fall below its floor (less the tolerance).
    HigherIsBetter,
    /// A share of boilerplate found: must not rise above its pin (plus the tolerance).
    LowerIsBetter,
    /// A count of failures: must not rise at all.
    CountMustNotRise,
}

impl Direction {
    /// The direction of the metric named `key` (as accepted by [`Evaluation::metric`]).
    #[must_use]
    pub fn of(key: &str) -> Self {
        match key {
            "without_share" | "date_false_rate" => Self::LowerIsBetter,
            "errors" | "empty" | "comment_leak_pages" => Self::CountMustNotRise,
            _ => Self::HigherIsBetter,
        }
    }
}

impl Evaluation {
    /// The value of the metric named `key`, or `None` when this dataset does not have it.
    ///
    /// Keys: `word_f1`, `word_precision`, `word_recall` (each also as `KEY.TYPE` for one page
    /// type, e.g. `word_f1.article`), `shingle_precision`, `shingle_recall`, `shingle_f1`,
    /// `accuracy`, `with_share`, `without_share`, `seg_precision`, `seg_recall`,
    /// `seg_accuracy`, `seg_f1`, `title_match`, `date_match`, `date_false_rate`,
    /// `author_match`, `page_type_match`, `comments_word_f1`, `comment_leak_pages`, `errors`,
    /// `empty`. Speed is deliberately not among them.
    #[must_use]
    pub fn metric(&self, key: &str) -> Option<f64> {
        let text = self.scores.text.as_ref();
        let snippets = self.scores.snippets.as_ref();
        if let Some((base, page_type)) = key.split_once('.') {
            let by_type = text?.by_type.iter().find(|t| t.name == page_type)?;
            return word_field(&by_type.word, base);
        }
        match key {
            "word_precision" | "word_recall" | "word_f1" => word_field(&text?.word, key),
            "shingle_precision" => text.map(|t| t.shingle.precision),
            "shingle_recall" => text.map(|t| t.shingle.recall),
            "shingle_f1" => text.map(|t| t.shingle.f1),
            "accuracy" => text.map(|t| t.accuracy),
            "with_share" => snippets?.with_share,
            "without_share" => snippets?.without_share,
            "seg_precision" => snippets.map(|s| s.seg.precision),
            "seg_recall" => snippets.map(|s| s.seg.recall),
            "seg_accuracy" => snippets.map(|s| s.seg_accuracy),
            "seg_f1" => snippets.map(|s| s.seg.f1),
            // Every metadata rate, under the key it is reported with (so no list to keep in step).
            _ if MetaScores::default().rates().iter().any(|(k, _)| *k == key) => self.meta?.rates().iter().find(|(k, _)| *k == key)?.1.value(),
            "comments_word_f1" => self.comments.as_ref().map(|c| c.word.f1),
            "comment_leak_pages" => self.comments.as_ref().map(|c| c.leaking_pages as f64),
            "errors" => Some(self.run.errors() as f64),
            "empty" => Some(self.scores.empty as f64),
            _ => None,
        }
    }

    /// The metrics pinned by default in a floors file for this dataset: the word F1 (overall
    /// and per page type) and shingle scores where there is full text, the segment scores
    /// where there are only snippets, the snippet shares, and the metadata rates where there
    /// is a metadata ground truth.
    #[must_use]
    pub fn default_pinned_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        if let Some(text) = &self.scores.text {
            keys.push("word_f1".to_owned());
            keys.extend(text.by_type.iter().map(|t| format!("word_f1.{}", t.name)));
            keys.extend(["shingle_precision", "shingle_recall", "shingle_f1"].map(str::to_owned));
        }
        if self.scores.snippets.is_some() {
            if self.scores.text.is_none() {
                keys.extend(["seg_precision", "seg_recall", "seg_accuracy", "seg_f1"].map(str::to_owned));
            }
            keys.extend(["with_share", "without_share"].map(str::to_owned));
        }
        if self.comments.is_some() {
            keys.extend(["comments_word_f1", "comment_leak_pages"].map(str::to_owned));
        }
        if let Some(meta) = &self.meta {
            keys.extend(meta.rates().iter().filter(|(_, r)| r.n > 0).map(|(k, _)| (*k).to_owned()));
        }
        keys
    }
}

/// The word score named `word_precision`, `word_recall` or `word_f1` from `prf`.
fn word_field(prf: &Prf, name: &str) -> Option<f64> {
    match name {
        "word_precision" => Some(prf.precision),
        "word_recall" => Some(prf.recall),
        "word_f1" => Some(prf.f1),
        _ => None,
    }
}
