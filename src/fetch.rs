//! Fetching a page over HTTP(S) (feature `fetch`): redirects followed, gzip/brotli/deflate
//! transfer decoding, a timeout, a cap on the body size, and the transport charset kept as a
//! hint for decoding.

use std::io::Read;
use std::time::Duration;

use crate::{Error, Hints, NetworkReason};

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
    /// [`Error::Network`] when the TLS backend cannot be initialised.
    pub fn new(timeout: Duration, max_bytes: usize) -> Result<Self, Error> {
        let client = reqwest::blocking::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(DEFAULT_MAX_REDIRECTS))
            .user_agent(DEFAULT_USER_AGENT)
            .build()
            .map_err(|err| Error::Network { url: String::new(), reason: NetworkReason::Other(err.to_string()) })?;
        Ok(Self { client, max_bytes })
    }

    /// Fetches `url`. HTTP error statuses and non-HTML content types are errors.
    ///
    /// # Errors
    /// [`Error::BadUrl`], [`Error::Network`], [`Error::HttpStatus`], [`Error::NotHtmlContentType`].
    pub fn fetch(&self, url: &str) -> Result<Fetched, Error> {
        let parsed = url::Url::parse(url).map_err(|source| Error::BadUrl { url: url.to_string(), source })?;
        let response = self.client.get(parsed).send().map_err(|err| network_error(url, &err))?;
        let status = response.status().as_u16();
        let final_url = response.url().to_string();
        if !response.status().is_success() {
            return Err(Error::HttpStatus { url: final_url, status });
        }
        let content_type = response.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
        if let Some(ct) = &content_type
            && !is_textual(ct)
        {
            return Err(Error::NotHtmlContentType { url: final_url, content_type: ct.clone() });
        }
        let mut body = Vec::new();
        response.take(self.max_bytes as u64 + 1).read_to_end(&mut body).map_err(|err| Error::Network { url: final_url.clone(), reason: io_reason(&err) })?;
        if body.len() > self.max_bytes {
            return Err(Error::Network { url: final_url, reason: NetworkReason::TooLarge(self.max_bytes) });
        }
        Ok(Fetched { body, final_url, status, content_type })
    }
}

/// HTML, XHTML, XML and plain text are accepted; images, PDFs, JSON and the like are not.
pub(crate) fn is_textual(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime.is_empty() || mime.starts_with("text/") || mime.contains("html") || mime.contains("xml")
}

pub(crate) fn network_error(url: &str, err: &reqwest::Error) -> Error {
    let reason = if err.is_timeout() {
        NetworkReason::Timeout
    } else if err.is_redirect() {
        NetworkReason::Redirects
    } else if err.is_connect() {
        NetworkReason::Connect(root_cause(err))
    } else {
        NetworkReason::Other(root_cause(err))
    };
    Error::Network { url: url.to_string(), reason }
}

fn io_reason(err: &std::io::Error) -> NetworkReason {
    if err.kind() == std::io::ErrorKind::TimedOut || err.to_string().contains("timed out") {
        NetworkReason::Timeout
    } else {
        NetworkReason::Other(err.to_string())
    }
}

/// The innermost error message, which names the actual cause (e.g. "Connection refused").
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut current = err;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}
