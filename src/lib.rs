//! # gleaner — main-content extraction for web pages
//!
//! gleaner turns a raw web page into its clean main content: the article body without
//! navigation, share bars, cookie banners, related-links tails and repeated headlines, plus
//! the page's metadata.
//!
//! A page flows through a pipeline of small stages, each in its own module:
//!
//! ```text
//! bytes ─decode→ text ─parse→ Dom ─metadata→ Metadata
//!                              └─clean→ marks ─score→ stats ─select→ content ─blocks→ Vec<Block>
//!                                                      ─cleanup→ Vec<Block> ─render→ text | Markdown
//! ```
//!
//! ```
//! let html = r#"<html><head><title>Rain expected - Daily News</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Rain expected</h1>
//!     <p>Forecasters expect heavy rain across the region on Thursday, with up to 40 mm falling in
//!        the hills before the front moves east late in the evening.</p>
//!     <p>Residents are advised to avoid low-lying roads, to keep drains clear of leaves and to
//!        check the flood warnings before travelling anywhere on Thursday night.</p>
//!   </article>
//!   <footer>© Daily News</footer></body></html>"#;
//! let article = gleaner::extract(html, &gleaner::Options::default())?;
//! assert!(article.text.starts_with("Forecasters expect heavy rain"));
//! assert!(!article.text.contains("Home"));
//! assert_eq!(article.title.as_deref(), Some("Rain expected"));
//! # Ok::<(), gleaner::Error>(())
//! ```
//!
//! Fetching URLs (`fetch` feature), batch processing ([`batch`], `batch` feature) and the
//! command-line tool (`cli` feature) are optional: `default-features = false` gives the pure
//! extractor.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod article;
pub mod blocks;
pub mod budget;
pub mod cleanup;
pub mod decode;
pub mod depth_limit;
pub mod dom;
mod error;
pub mod extract;
pub mod input;
pub mod metadata;
mod options;
pub mod render;
mod text;

#[cfg(feature = "batch")]
pub mod batch;
#[cfg(feature = "fetch")]
pub mod fetch;

pub use article::Article;
pub use blocks::{Block, BlockKind};
use budget::Budget;
pub use decode::{EncodingInfo, EncodingSource};
pub use error::{Error, NetworkReason};
pub use options::{DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES, DEFAULT_TIME_BUDGET, Hints, InputFormat, Options};

/// Extracts the main content of an HTML page given as text.
///
/// # Errors
/// [`Error::Empty`] for blank input, [`Error::NoContent`] when nothing worth keeping is found.
pub fn extract(html: &str, options: &Options) -> Result<Article, Error> {
    extract_with_hints(html, &Hints::default(), options)
}

/// Extracts the main content of a page given as text, with hints (its URL…).
///
/// # Errors
/// As [`extract()`].
pub fn extract_with_hints(html: &str, hints: &Hints, options: &Options) -> Result<Article, Error> {
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    if html.len() > options.max_input_bytes {
        return Err(Error::TooLarge { limit: options.max_input_bytes });
    }
    run_pipeline(html, None, hints, options, &Budget::for_options(options))
}

/// Extracts the main content of a page given as raw bytes (possibly gzip-compressed, in any
/// charset), with hints about where it came from.
///
/// # Errors
/// [`Error::Empty`], [`Error::NotHtml`] for binary data, [`Error::TooLarge`],
/// [`Error::BadGzip`], [`Error::NoContent`].
pub fn extract_bytes(bytes: &[u8], hints: &Hints, options: &Options) -> Result<Article, Error> {
    let budget = Budget::for_options(options);
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
    budget.check("decode")?;
    run_pipeline(&decoded.text, Some(decoded.encoding), hints, options, &budget)
}

/// Runs the stages after decoding: plain-text clean-up or the HTML pipeline.
fn run_pipeline(source: &str, encoding: Option<EncodingInfo>, hints: &Hints, options: &Options, budget: &Budget) -> Result<Article, Error> {
    let treat_as_text = match options.input_format {
        InputFormat::Text => true,
        InputFormat::Html => false,
        InputFormat::Auto => !text::looks_like_html(source),
    };
    if treat_as_text {
        return cleanup::plain_text::extract(source, encoding, hints, options);
    }
    extract::html_article(source, encoding, hints, options, budget)
}
