//! The reader-comment metrics, on datasets that record each page's comments
//! (`ground_truth.comments`, dragnet-train): how well `--comments` reads them, and whether
//! they stay out of the article's text.

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::metrics::{Prf, word_prf, word_tokens};

/// A page's text leaks its comments when more than this share of its words are comment
/// words it should not hold.
pub const LEAK_SHARE: f64 = 0.2;

/// The comment scores of one run.
#[derive(Debug, Clone, Default)]
pub struct CommentScores {
    /// Pages whose truth has comments.
    pub pages: usize,
    /// Mean word P/R/F1 of the comments read (`--comments`) against the true comments, over
    /// the pages that have them.
    pub word: Prf,
    /// Pages whose article text holds more than [`LEAK_SHARE`] comment words: words of the
    /// page's comments beyond those its main content has.
    pub leaking_pages: usize,
}

/// Scores the comments read (`comments`, one text per page) and the texts (`texts`) against
/// the dataset's comment truth; `None` when the dataset records no comments.
#[must_use]
pub fn score(dataset: &Dataset, texts: &[String], comments: &[String]) -> Option<CommentScores> {
    if !dataset.pages.iter().any(|p| p.comments.as_deref().is_some_and(|c| !c.trim().is_empty())) {
        return None;
    }
    let mut scores = Vec::new();
    let mut leaking_pages = 0;
    for ((page, text), read) in dataset.pages.iter().zip(texts).zip(comments) {
        let Some(truth) = page.comments.as_deref().filter(|c| !word_tokens(c).is_empty()) else { continue };
        scores.push(word_prf(read, truth));
        if leaked_share(text, page.text.as_deref().unwrap_or(""), truth) > LEAK_SHARE {
            leaking_pages += 1;
        }
    }
    Some(CommentScores { pages: scores.len(), word: Prf::mean_of(&scores), leaking_pages })
}

/// The share of `text`'s words that are comment words it should not hold: the words beyond
/// the main content's (`truth`) that the comments have, as token bags.
fn leaked_share(text: &str, truth: &str, comments: &str) -> f64 {
    let (text, truth, comments) = (word_tokens(text), word_tokens(truth), word_tokens(comments));
    let (text, truth, comments) = (bag(&text), bag(&truth), bag(&comments));
    let total: usize = text.values().sum();
    if total == 0 {
        return 0.0;
    }
    let leaked: usize = text
        .iter()
        .map(|(word, &count)| {
            let extra = count.saturating_sub(truth.get(word).copied().unwrap_or(0));
            extra.min(comments.get(word).copied().unwrap_or(0))
        })
        .sum();
    leaked as f64 / total as f64
}

/// Token counts.
fn bag(tokens: &[String]) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for t in tokens {
        *out.entry(t.as_str()).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaked_words_are_comment_words_beyond_the_content() {
        // "great" is in the content once and in the comments: the second one leaks; "post" too.
        let share = leaked_share("a great story great post", "a great story", "great post indeed");
        assert!((share - 0.4).abs() < 1e-9, "{share}");
        assert_eq!(leaked_share("a great story", "a great story", "great post"), 0.0);
        assert_eq!(leaked_share("", "a", "b"), 0.0);
    }
}
