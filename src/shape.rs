//! The shape of text — what reads as prose, how much of it is link text, when content is an
//! article — defined once for every stage that asks: the clean-up (which trims the clutter
//! around a story), the page typing (which calls prose an article), the blocks and the score
//! stage (which measure link density).

use crate::blocks::{Block, BlockKind};

/// A block whose link text is this share of its characters or more is not prose: running text
/// with a few links stays well below it, a list of links or a teaser's linked title above.
pub(crate) const PROSE_MAX_LINK_DENSITY: f64 = 0.3;
/// A prose paragraph has at least this many words: shorter ones are labels, captions, bylines
/// and calls to action as often as text.
pub(crate) const PROSE_MIN_WORDS: usize = 20;
/// Content is article-like when prose paragraphs hold at least this share of its words: an
/// article, a post, a story, not a product page, a listing or a form.
pub(crate) const ARTICLE_PROSE_SHARE: f64 = 0.6;

/// Link density, defined once in [`crate::text`] (a leaf module, so that `Block`, which this
/// module reads, can use it too without an import cycle).
pub(crate) use crate::text::link_density;

/// True for a paragraph (or quote) of running text with at least `min_words` words, little of
/// it linked.
pub(crate) fn is_prose(block: &Block, min_words: usize) -> bool {
    matches!(block.kind, BlockKind::Paragraph | BlockKind::Quote) && block.link_density() < PROSE_MAX_LINK_DENSITY && block.word_count() >= min_words
}

/// True when prose paragraphs hold most of the words: the content is an article, a post, a
/// story — not a product page, a listing or a form.
pub(crate) fn is_article_like(blocks: &[Block]) -> bool {
    let total: usize = blocks.iter().map(|b| b.word_count()).sum();
    let prose: usize = blocks.iter().filter(|b| is_prose(b, PROSE_MIN_WORDS)).map(|b| b.word_count()).sum();
    total > 0 && (prose as f64) >= ARTICLE_PROSE_SHARE * total as f64
}

/// How many of the blocks' words are link text: each block's words weighted by its link
/// density.
pub(crate) fn linked_words(blocks: &[Block]) -> f64 {
    blocks.iter().map(|b| b.link_density() * b.word_count() as f64).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_long_unlinked_running_text() {
        let sentence = "A long sentence of running text that goes on and on, as articles do, with more words. ";
        let prose = Block::paragraph(sentence.repeat(2));
        let linked = Block { link_chars: prose.text.chars().count() / 2, ..prose.clone() };
        let label = Block::paragraph("Read more".into());
        assert!(is_prose(&prose, PROSE_MIN_WORDS) && !is_prose(&linked, PROSE_MIN_WORDS) && !is_prose(&label, PROSE_MIN_WORDS));
        assert!(is_article_like(&[prose.clone(), label.clone()]));
        assert!(!is_article_like(&[linked.clone(), label]) && !is_article_like(&[]));
        assert_eq!(link_density(0, 0), 0.0);
        assert!((linked_words(&[linked]) - prose.text.split_whitespace().count() as f64 / 2.0).abs() < 1.0);
    }
}
