//! Fetching a page over HTTP(S) (feature `fetch`): redirects followed, gzip/brotli/deflate
//! transfer decoding, a timeout, a cap on the body size, and the transport charset kept as a
//! hint for decoding.

use std::io::Read;
use std::time::Duration;

use crate::Hints;

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

/// A fetched page: its bytes and what the server said about them.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The body, decompressed from its transfer encoding, at most the size cap.
    pub body: Vec<u8>,
    /// The URL after redirects.
    pub final_url: String,
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
}

impl Fetched {
    /// Hints for extraction: the final URL and the content type.
    #[must_use]
    pub fn hints(&self) -> Hints {
        Hints { url: Some(self.final_url.clone()), content_type: self.content_type.clone() }
    }
}

/// A blocking HTTP client with gleaner's settings.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::blocking::Client,
    max_bytes: usize,
}

impl Fetcher {
    /// A client with the given total timeout and body cap (bytes, after decompression).
    ///
    /// # Errors
    /// [`FetchError::Network`] when the TLS backend cannot be initialised.
    pub fn new(timeout: Duration, max_bytes: usize) -> Result<Self, FetchError> {
        let client = reqwest::blocking::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(DEFAULT_MAX_REDIRECTS))
            .user_agent(DEFAULT_USER_AGENT)
            .build()
            .map_err(|err| FetchError::Network { url: String::new(), reason: NetworkReason::Other(err.to_string()) })?;
        Ok(Self { client, max_bytes })
    }

    /// Fetches `url`. HTTP error statuses and non-HTML content types are errors.
    ///
    /// # Errors
    /// [`FetchError::BadUrl`], [`FetchError::Network`], [`FetchError::HttpStatus`],
    /// [`FetchError::NotHtmlContentType`].
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let parsed = url::Url::parse(url).map_err(|source| FetchError::BadUrl { url: url.to_string(), source })?;
        let response = self.client.get(parsed).send().map_err(|err| network_error(url, &err))?;
        let status = response.status().as_u16();
        let final_url = response.url().to_string();
        if !response.status().is_success() {
            return Err(FetchError::HttpStatus { url: final_url, status });
        }
        let content_type = response.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
        if let Some(ct) = &content_type
            && !is_textual(ct)
        {
            return Err(FetchError::NotHtmlContentType { url: final_url, content_type: ct.clone() });
        }
        let mut body = Vec::new();
        response
            .take(self.max_bytes as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|err| FetchError::Network { url: final_url.clone(), reason: io_reason(&err) })?;
        if body.len() > self.max_bytes {
            return Err(FetchError::Network { url: final_url, reason: NetworkReason::TooLarge(self.max_bytes) });
        }
        Ok(Fetched { body, final_url, status, content_type })
    }
}

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

/// The reason of a failed body read: the blocking client reports a timeout as an I/O error of
/// kind `TimedOut`, or as one wrapping its own timeout error.
fn io_reason(err: &std::io::Error) -> NetworkReason {
    let wrapped_timeout = err.get_ref().and_then(|inner| inner.downcast_ref::<reqwest::Error>()).is_some_and(reqwest::Error::is_timeout);
    if err.kind() == std::io::ErrorKind::TimedOut || wrapped_timeout { NetworkReason::Timeout } else { NetworkReason::Other(err.to_string()) }
}

/// The innermost error message, which names the actual cause (e.g. "Connection refused").
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut current = err;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}
