//! The reader-comment metrics, on datasets that record each page's comments
//! (`ground_truth.comments`, dragnet-train): how well `--comments` reads them, and whether
//! they stay out of the article's text.

use crate::dataset::Dataset;
use crate::metrics::{Prf, shingle_tokens, shingles, word_prf, word_tokens};

/// A page's text leaks its comments when more than this share of its 4-word shingles are
/// comment text it should not hold.
pub const LEAK_SHARE: f64 = 0.2;

/// The comment scores of one run.
#[derive(Debug, Clone, Default)]
pub struct CommentScores {
    /// Pages whose truth has comments.
    pub pages: usize,
    /// Mean word P/R/F1 of the comments read (`--comments`) against the true comments, over
    /// the pages that have them.
    pub word: Prf,
    /// Pages whose article text holds more than [`LEAK_SHARE`] comment text: 4-word shingles
    /// of the page's comments beyond those its main content has.
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

/// The share of `text`'s 4-word shingles that are comment text it should not hold: the
/// shingles beyond the main content's (`truth`) that the comments have. Shingles, not single
/// words: a leaked sidebar shares the comments' common words ("the", "and"), not their
/// sentences.
fn leaked_share(text: &str, truth: &str, comments: &str) -> f64 {
    let lower = |s: &str| s.to_lowercase();
    let (text, truth, comments) = (lower(text), lower(truth), lower(comments));
    let (text, truth, comments) = (shingle_tokens(&text), shingle_tokens(&truth), shingle_tokens(&comments));
    let (text, truth, comments) = (shingles(&text), shingles(&truth), shingles(&comments));
    let total: usize = text.values().sum();
    if total == 0 {
        return 0.0;
    }
    let leaked: usize = text
        .iter()
        .map(|(shingle, &count)| {
            let extra = count.saturating_sub(truth.get(shingle).copied().unwrap_or(0));
            extra.min(comments.get(shingle).copied().unwrap_or(0))
        })
        .sum();
    leaked as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaked_text_is_comment_text_beyond_the_content() {
        let story = "the harbour bridge opened on monday after two years";
        let comment = "what a great day for the town";
        // 6 shingles of the story, 3 across the seam, 4 of the comment: 4 of 13 leak.
        let share = leaked_share(&format!("{story} {comment}"), story, comment);
        assert!((share - 4.0 / 13.0).abs() < 1e-9, "{share}");
        // A sidebar sharing the comment's words, not its sentences, leaks nothing.
        assert_eq!(leaked_share(&format!("{story} the town day great"), story, comment), 0.0);
        assert_eq!(leaked_share("", "a", "b"), 0.0);
    }
}
