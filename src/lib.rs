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
//! assert_eq!(article.metadata.title.as_deref(), Some("Rain expected"));
//! # Ok::<(), gleaner::Error>(())
//! ```
//!
//! Fetching URLs (`fetch` feature), batch processing ([`batch`], `batch` feature) and the
//! command-line tool (`cli` feature) are optional: `default-features = false` gives the pure
//! extractor.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod article;
mod blocks;
mod budget;
mod cleanup;
mod comments;
mod decode;
mod depth_limit;
mod dom;
mod error;
mod extract;
mod input;
mod lexicon;
mod metadata;
mod options;
mod page;
mod pipeline;
pub mod render;
mod shape;
mod text;

#[cfg(feature = "batch")]
pub mod batch;
#[cfg(feature = "fetch")]
#[doc(hidden)]
pub mod fetch;

pub use article::Article;
pub use blocks::{Block, BlockKind, Image, ListPosition, Span, SpanKind};
pub use comments::Comment;
pub use error::Error;
#[cfg(feature = "fetch")]
pub use fetch::{FetchError, NetworkReason};
pub use input::ReadError;
pub use options::{DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_NODES, DEFAULT_TIME_BUDGET, Hints, InputFormat, Options};
pub use page::{EncodingInfo, EncodingSource, Field, InputKind, PageMetadata, PageType, Source, Warning};

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
    pipeline::extract_text(html, hints, options)
}

/// Extracts the main content of a page given as raw bytes (possibly gzip-compressed, in any
/// charset), with hints about where it came from.
///
/// # Errors
/// [`Error::Empty`], [`Error::NotHtml`] for binary data, [`Error::TooLarge`],
/// [`Error::BadGzip`], [`Error::NoContent`].
pub fn extract_bytes(bytes: &[u8], hints: &Hints, options: &Options) -> Result<Article, Error> {
    pipeline::extract_bytes(bytes, hints, options)
}

/// Parts of the pipeline that gleaner's own benchmarks, fuzz targets, evaluation tool and
/// command-line tool reach into. Not a stable API: use the functions at the crate's root.
#[doc(hidden)]
pub mod internals {
    pub use crate::blocks::collect as collect_blocks;
    pub use crate::budget::{Clock, ExpiresAt};
    pub use crate::decode::{Decoded, binary_kind, decode, gunzip_if_needed};
    pub use crate::dom::{Dom, NodeData, NodeId, Tag, parse};
    pub use crate::input::{read_file, read_stdin};

    /// Runs the real stages on a page up to the content selection and prints how the content
    /// was chosen, then the chain of ancestors of the first text node containing `needle`.
    ///
    /// # Errors
    /// As [`crate::extract_bytes`], for the stages it runs.
    pub fn explain(bytes: &[u8], hints: &crate::Hints, options: &crate::Options, needle: &str) -> Result<String, crate::Error> {
        crate::pipeline::explain(bytes, hints, options, needle)
    }
}
