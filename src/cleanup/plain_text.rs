//! Plain-text input (e.g. a Common Crawl WET record, or any naive extraction): split into
//! lines, then the text-level clean-up finds the story in them.

use crate::article::Article;
use crate::blocks::Block;
use crate::decode::EncodingInfo;
use crate::metadata::Metadata;
use crate::{Error, Hints, Options, render};

use super::{Mode, clean_blocks};

/// Cleans already-extracted text into an [`Article`] (metadata: the URL hint, the dates of a
/// dateline, the language and page type read from the text).
///
/// # Errors
/// [`Error::NoContent`] when no prose is left.
pub fn extract(text: &str, encoding: Option<EncodingInfo>, hints: &Hints, options: &Options) -> Result<Article, Error> {
    let double_encoded = crate::decode::mojibake::has_clear_run(text);
    let repaired = crate::decode::mojibake::repair(text, double_encoded);
    let blocks: Vec<Block> = repaired
        .as_deref()
        .unwrap_or(text)
        .lines()
        .map(crate::text::collapse)
        .filter(|line| !line.is_empty())
        .map(|line| Block::paragraph(crate::text::nfc(line)))
        .collect();
    let mut meta = Metadata::for_url(hints.url.clone());
    meta.dates_from_text(&blocks);
    let blocks = if options.text_cleanup { clean_blocks(blocks, None, Mode::Text) } else { blocks };
    if blocks.is_empty() {
        return Err(Error::no_content());
    }
    let text = render::text(&blocks);
    meta.finish(&blocks, &text);
    Ok(meta.into_article(text, blocks, encoding, "text"))
}
