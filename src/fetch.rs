//! Fetching pages over HTTP(S) (feature `fetch`): the errors, the defaults and the checks the
//! fetcher shares with its callers. The one fetcher is `gleaner::batch::fetch::Fetcher`
//! (feature `batch`), used by `gleaner batch` and, as a batch of one, by `gleaner` itself:
//! redirects followed one by one, gzip/brotli/deflate transfer decoding, timeouts, a cap on the
//! body size, and the transport charset kept as a hint for decoding.

use std::time::Duration;

/// Why a URL could not be fetched.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
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

impl FetchError {
    /// The stable `error.kind`: `http_status`, `not_html`, `network`, `timeout`, `too_large`,
    /// `robots_denied` or `bad_url`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::HttpStatus { .. } => "http_status",
            Self::NotHtmlContentType { .. } => "not_html",
            Self::Network { reason: NetworkReason::Timeout, .. } => "timeout",
            Self::Network { reason: NetworkReason::TooLarge(_), .. } => "too_large",
            Self::Network { .. } => "network",
            Self::RobotsDenied { .. } => "robots_denied",
            Self::BadUrl { .. } => "bad_url",
        }
    }
}

/// The class of a network failure, see [`FetchError::Network`].
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

/// The default total time allowed for one fetch: 30 s.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default number of redirects followed.
pub const DEFAULT_MAX_REDIRECTS: usize = 10;
/// The user agent sent by default.
pub const DEFAULT_USER_AGENT: &str = concat!("gleaner/", env!("CARGO_PKG_VERSION"), " (+content extraction)");

/// HTML, XHTML, XML and plain text are accepted; images, PDFs, JSON and the like are not.
pub(crate) fn is_textual(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime.is_empty() || mime.starts_with("text/") || mime.contains("html") || mime.contains("xml")
}

pub(crate) fn network_error(url: &str, err: &reqwest::Error) -> FetchError {
    let reason = if err.is_timeout() {
        NetworkReason::Timeout
    } else if err.is_redirect() {
        NetworkReason::Redirects
    } else if err.is_connect() {
        NetworkReason::Connect(root_cause(err))
    } else {
        NetworkReason::Other(root_cause(err))
    };
    FetchError::Network { url: url.to_string(), reason }
}

/// The innermost error message, which names the actual cause (e.g. "Connection refused").
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut current = err;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}
