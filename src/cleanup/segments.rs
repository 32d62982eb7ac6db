//! Plain-text story segmentation: once repeated lines and datelines are gone, the remaining
//! lines fall into runs separated by the gaps those removals left. The page's own story is
//! the first substantial run; a later run behind a gap is another story glued below (infinite
//! scroll) or a teaser block, and labels at the edges of the run are clutter.

use crate::blocks::Block;
use crate::text::word_count;

use super::is_label;

/// A run with at least this share of the largest run's words can be the main story; the
/// earliest such run wins, because a page's own story comes before what is glued below it.
const MAIN_RUN_SHARE: f64 = 0.5;

/// Keeps the main run of a plain-text page. `gap_before[i]` is true when something was
/// removed right before block `i`.
#[must_use]
pub fn main_segment(blocks: Vec<(Block, bool)>) -> Vec<Block> {
    let mut runs: Vec<Vec<Block>> = Vec::new();
    for (block, gap_before) in blocks {
        if gap_before || runs.is_empty() {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(block);
        }
    }
    let runs: Vec<Vec<Block>> = runs.into_iter().map(trim_labels).filter(|r| !r.is_empty()).collect();
    let words: Vec<usize> = runs.iter().map(|r| r.iter().map(|b| word_count(&b.text)).sum()).collect();
    let largest = words.iter().copied().max().unwrap_or(0);
    let main = words.iter().position(|&w| w as f64 >= MAIN_RUN_SHARE * largest as f64);
    main.and_then(|i| runs.into_iter().nth(i)).unwrap_or_default()
}

/// Drops label-like lines (short, no sentence punctuation) from both ends of a run.
fn trim_labels(mut run: Vec<Block>) -> Vec<Block> {
    let start = run.iter().position(|b| !is_label(b)).unwrap_or(run.len());
    run.drain(..start);
    while run.last().is_some_and(is_label) {
        run.pop();
    }
    run
}
