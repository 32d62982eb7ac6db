//! The extractor's error type: every way turning bytes or text into an [`crate::Article`] can
//! fail. Reading files ([`crate::input::ReadError`]), fetching URLs (`fetch::FetchError`,
//! feature `fetch`) and batch runs (`batch::BatchError`, feature `batch`) have errors of their
//! own, layered on this one.

use crate::page::PageMetadata;

/// Why a page could not be turned into an article.
///
/// Each variant has a stable machine-readable [`Error::kind`] used in JSON output.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input had no bytes (or only whitespace).
    #[error("the input is empty")]
    Empty,
    /// The input is binary data of a recognised non-HTML type (image, PDF, archive…)
    /// or undecodable bytes.
    #[error("not an HTML page: looks like {what}")]
    NotHtml {
        /// A short description of what the bytes look like, e.g. `"a PNG image"`.
        what: &'static str,
    },
    /// The input is larger than [`crate::Options::max_input_bytes`] (after decompression).
    #[error("the input is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The input starts like gzip but could not be decompressed.
    #[error("invalid gzip data: {source}")]
    BadGzip {
        /// The decompressor's error.
        #[source]
        source: std::io::Error,
    },
    /// Extraction ran past [`crate::Options::time_budget`].
    #[error("extraction ran past its time budget of {} s (stopped in {stage})", limit.as_secs_f64())]
    TimeBudget {
        /// The budget.
        limit: std::time::Duration,
        /// The stage that found the budget spent.
        stage: &'static str,
    },
    /// The page was parsed but no main content was found in it.
    #[error("no main content found")]
    NoContent {
        /// What the page says about itself (title, dates, authors, page type…) when it was
        /// read as HTML. `None` for plain text input.
        page: Option<Box<PageMetadata>>,
    },
}

impl Error {
    /// A [`Error::NoContent`] without metadata (plain text with no prose in it).
    #[must_use]
    pub const fn no_content() -> Self {
        Self::NoContent { page: None }
    }

    /// The metadata of a page in which no content was found (see [`Error::NoContent`]).
    #[must_use]
    pub fn page_metadata(&self) -> Option<&PageMetadata> {
        match self {
            Self::NoContent { page } => page.as_deref(),
            _ => None,
        }
    }

    /// A stable, snake_case name for the kind of failure, used as `error.kind` in JSON output:
    /// `empty`, `not_html`, `too_large`, `bad_gzip`, `no_content`, `timeout`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NotHtml { .. } => "not_html",
            Self::TooLarge { .. } => "too_large",
            Self::BadGzip { .. } => "bad_gzip",
            Self::NoContent { .. } => "no_content",
            Self::TimeBudget { .. } => "timeout",
        }
    }
}
