//! The orchestrator: the one place that runs the stages, in order, each a function of the
//! previous one's output.
//!
//! ```text
//! bytes ─decode→ Decoded ─parse→ Parsed (Dom + warnings) ─repair→ Dom
//!   Dom ─declared metadata→ Metadata ─select→ Selection (roots + skips + trace)
//!   Selection ─blocks→ Vec<Block> ─refine→ Vec<Block> ─cleanup→ Vec<Block> ─render→ text
//!   text ─inferred metadata→ PageMetadata ─→ Article
//! ```
//!
//! Plain text (a WET record, a naive extraction) skips the tree: its lines are the blocks.
//! The time budget is checked between the stages (and inside the parser).

use crate::article::Article;
use crate::blocks::{self, Block};
use crate::budget::Budget;
use crate::cleanup::{self, Mode};
use crate::comments;
use crate::decode::{self, Decoded, EncodingInfo, mojibake};
use crate::dom::{self, Dom};
use crate::extract::{self, Evidence, Selection};
use crate::metadata::{self, ContentSpan, Metadata};
use crate::page::{InputKind, Warning};
use crate::{Error, Hints, InputFormat, Options, render, text};

/// Extracts a page given as raw bytes (gzip or not, any charset).
pub(crate) fn extract_bytes(bytes: &[u8], hints: &Hints, options: &Options) -> Result<Article, Error> {
    let budget = options.start_budget();
    let decoded = decode_bytes(bytes, hints, options)?;
    budget.check("decode")?;
    extract_decoded(&decoded.text, Some(decoded.encoding), hints, options, &budget)
}

/// Extracts a page given as text.
pub(crate) fn extract_text(source: &str, hints: &Hints, options: &Options) -> Result<Article, Error> {
    if source.trim().is_empty() {
        return Err(Error::Empty);
    }
    if source.len() > options.max_input_bytes {
        return Err(Error::TooLarge { limit: options.max_input_bytes });
    }
    extract_decoded(source, None, hints, options, &options.start_budget())
}

/// Stage "decode": gunzip under the size cap, refuse empty and binary input, decode the
/// charset.
fn decode_bytes(bytes: &[u8], hints: &Hints, options: &Options) -> Result<Decoded, Error> {
    let bytes = decode::gunzip_if_needed(bytes, options.max_input_bytes)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    if let Some(what) = decode::binary_kind(&bytes) {
        return Err(Error::NotHtml { what });
    }
    let decoded = decode::decode(&bytes, hints.content_type.as_deref(), hints.url.as_deref());
    if decoded.text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(decoded)
}

/// Sends decoded input down the HTML or the plain-text path.
fn extract_decoded(source: &str, encoding: Option<EncodingInfo>, hints: &Hints, options: &Options, budget: &Budget) -> Result<Article, Error> {
    let treat_as_text = match options.input_format {
        InputFormat::Text => true,
        InputFormat::Html => false,
        InputFormat::Auto => !text::looks_like_html(source),
    };
    if treat_as_text { extract_plain_text(source, encoding, hints, options) } else { extract_html(source, encoding, hints, options, budget) }
}

/// A parsed page and the content chosen in it: the stages up to the selection, shared by
/// extraction and [`explain`].
struct Selected {
    dom: Dom,
    warnings: Vec<Warning>,
    metadata: Metadata,
    threads: comments::Threads,
    selection: Selection,
}

/// Stages parse → repair → declared metadata → selection.
fn select_html(source: &str, hints: &Hints, options: &Options, budget: &Budget) -> Result<Selected, Error> {
    let dom::Parsed { mut dom, warnings } = dom::parse_limited(source, options, budget)?;
    repair_double_encoding(&mut dom);
    let metadata = metadata::declared(&dom, hints);
    budget.check("metadata")?;
    let threads = comments::find(&dom);
    let evidence = Evidence {
        article_body: metadata.article_body.as_deref(),
        product: metadata.declares_product(),
        threads: Some(&threads),
        discussion: metadata.declares_discussion(),
        title: metadata.page.title.as_deref(),
    };
    let selection = extract::select(&dom, &evidence);
    Ok(Selected { dom, warnings, metadata, threads, selection })
}

/// The HTML path, from the decoded page to the article.
fn extract_html(source: &str, encoding: Option<EncodingInfo>, hints: &Hints, options: &Options, budget: &Budget) -> Result<Article, Error> {
    let Selected { dom, warnings, mut metadata, threads, selection } = select_html(source, hints, options, budget)?;
    let blocks = blocks::collect(&dom, selection.roots(), &|id| selection.skips(&dom, id));
    let blocks = selection.refine(&dom, blocks);
    budget.check("content")?;
    let span = ContentSpan::of(&blocks);
    let blocks = if options.text_cleanup {
        let cleaned = cleanup::clean_blocks(blocks, metadata.page.title.as_deref(), Mode::Html);
        budget.check("cleanup")?;
        cleaned
    } else {
        blocks
    };
    if let Some(span) = span {
        metadata.complete(&dom, span);
    }
    let blocks = if options.headline && !blocks.is_empty() { cleanup::lead_with_headline(blocks, metadata.page.title.as_deref()) } else { blocks };
    // A page with no main content but a headline gives the headline, and says so.
    let mut warnings = warnings;
    let blocks = if blocks.is_empty() { headline_only(&dom, &selection, metadata.page.title.as_deref(), &mut warnings) } else { blocks };
    let text = render::text(&blocks);
    metadata.finish(&blocks, &text);
    let page = metadata.into_page(encoding, InputKind::Html, warnings);
    if blocks.is_empty() {
        // The page still says what it is: its title, dates and type go with the error.
        return Err(Error::NoContent { page: Some(Box::new(page)) });
    }
    // Stage "comments", on request: the threads kept out of the text, read apart.
    let comments = options
        .comments
        .then(|| if selection.comments_left_out() { comments::read(&dom, &threads, &|id| selection.outside_comment_text(&dom, id)) } else { Vec::new() });
    Ok(Article { text, metadata: page, comments, blocks })
}

/// The blocks of a page without main content: its headline and what stands with it (see
/// [`Selection::headline_box`]). Adds the warning.
fn headline_only(dom: &Dom, selection: &Selection, title: Option<&str>, warnings: &mut Vec<Warning>) -> Vec<Block> {
    let Some((_, headline_box)) = selection.headline_box(dom, title) else { return Vec::new() };
    warnings.push(Warning::HeadlineOnly);
    // The box may be a boilerplate-named `<header>`; what it holds is read without its share
    // bars and menus.
    blocks::collect(dom, &[headline_box], &|id| id != headline_box && selection.marked_out(id))
}

/// The plain-text path: lines → blocks → clean-up → metadata read from the text.
fn extract_plain_text(source: &str, encoding: Option<EncodingInfo>, hints: &Hints, options: &Options) -> Result<Article, Error> {
    // As on a tree: without a clear run nothing is repaired, so such text is scanned once.
    let repaired = if mojibake::has_clear_run(source) { mojibake::repair(source, true) } else { None };
    let blocks = Block::from_lines(repaired.as_deref().unwrap_or(source));
    let mut metadata = Metadata::for_url(hints.url.clone());
    metadata.dates_from_text(&blocks);
    let blocks = if options.text_cleanup { cleanup::clean_blocks(blocks, None, Mode::Text) } else { blocks };
    if blocks.is_empty() {
        return Err(Error::no_content());
    }
    let text = render::text(&blocks);
    metadata.finish(&blocks, &text);
    // Plain text carries no markup to tell comments by.
    let comments = options.comments.then(Vec::new);
    Ok(Article { text, metadata: metadata.into_page(encoding, InputKind::Text, Vec::new()), comments, blocks })
}

/// Stage "repair": double-encoded text (mojibake) turned back into the characters meant, in
/// every text and attribute; the ambiguous two-character runs only on a page that holds a
/// clear one (see [`mojibake`]).
fn repair_double_encoding(dom: &mut Dom) {
    // Only a clear run is ever repaired on a page without one, and there is none: a page with
    // no clear run (nearly all) is scanned once and left as it is.
    if dom.any_text_or_attribute(mojibake::has_clear_run) {
        dom.rewrite_texts_and_attributes(|text| mojibake::repair(text, true));
    }
}

/// Developer aid: runs the real stages on a page up to the selection and prints the
/// selection's trace, then the chain of ancestors of the first text node containing
/// `needle` with each one's marks and measures.
///
/// # Errors
/// As [`crate::extract_bytes`], for the stages it runs.
pub(crate) fn explain(bytes: &[u8], hints: &Hints, options: &Options, needle: &str) -> Result<String, Error> {
    let budget = options.start_budget();
    let decoded = decode_bytes(bytes, hints, options)?;
    let Selected { dom, selection, .. } = select_html(&decoded.text, hints, options, &budget)?;
    Ok(selection.explain(&dom, needle))
}
