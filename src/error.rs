//! The library's error type: every way turning an input into an [`crate::Article`] can fail.

use std::path::PathBuf;

use crate::page::PageMetadata;

/// Why an input could not be turned into an article.
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
    /// A file could not be found.
    #[error("no such file: {}", path.display())]
    NotFound {
        /// The path that was asked for.
        path: PathBuf,
    },
    /// A file or stream could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path (or `-` for stdin).
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The server answered with an HTTP error status.
    #[error("HTTP status {status} from {url}")]
    HttpStatus {
        /// The URL that was fetched (after redirects).
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The server did not send an HTML (or text) page.
    #[error("{url} sent content type {content_type:?}, not HTML")]
    NotHtmlContentType {
        /// The URL that was fetched.
        url: String,
        /// The Content-Type header as sent.
        content_type: String,
    },
    /// The URL could not be fetched: DNS, connection, TLS, timeout or a broken body.
    #[error("cannot fetch {url}: {reason}")]
    Network {
        /// The URL that was asked for.
        url: String,
        /// What went wrong, as reported by the HTTP client.
        reason: NetworkReason,
    },
    /// robots.txt of the URL's host does not allow gleaner to fetch it (batch fetching obeys
    /// robots.txt unless told not to).
    #[error("robots.txt of the host disallows {url}")]
    RobotsDenied {
        /// The URL that was not fetched.
        url: String,
    },
    /// The argument is not a valid URL.
    #[error("invalid URL {url:?}: {source}")]
    BadUrl {
        /// The text that was given.
        url: String,
        /// Why it does not parse.
        #[source]
        source: url::ParseError,
    },
}

/// The class of a network failure, see [`Error::Network`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NetworkReason {
    /// The request took longer than the timeout.
    Timeout,
    /// The connection could not be made (refused, DNS failure, TLS error…).
    Connect(String),
    /// Too many redirects or a redirect loop.
    Redirects,
    /// The response body was larger than the size cap.
    TooLarge(usize),
    /// Anything else the HTTP client reported.
    Other(String),
}

impl std::fmt::Display for NetworkReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Timeout => f.write_str("timed out"),
            Self::Connect(why) => write!(f, "connection failed ({why})"),
            Self::Redirects => f.write_str("too many redirects"),
            Self::TooLarge(limit) => write!(f, "body larger than {limit} bytes"),
            Self::Other(why) => f.write_str(why),
        }
    }
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
    /// `empty`, `not_html`, `too_large`, `bad_gzip`, `no_content`, `not_found`, `io`,
    /// `http_status`, `network`, `timeout`, `robots_denied`, `bad_url`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NotHtml { .. } | Self::NotHtmlContentType { .. } => "not_html",
            Self::TooLarge { .. } => "too_large",
            Self::BadGzip { .. } => "bad_gzip",
            Self::NoContent { .. } => "no_content",
            Self::TimeBudget { .. } => "timeout",
            Self::NotFound { .. } => "not_found",
            Self::Io { .. } => "io",
            Self::HttpStatus { .. } => "http_status",
            Self::Network { reason: NetworkReason::Timeout, .. } => "timeout",
            Self::Network { reason: NetworkReason::TooLarge(_), .. } => "too_large",
            Self::Network { .. } => "network",
            Self::RobotsDenied { .. } => "robots_denied",
            Self::BadUrl { .. } => "bad_url",
        }
    }
}
