//! Fetching many URLs at once, politely: a global limit on open requests, per-host limits
//! ([`super::hosts`]), retries with backoff or `Retry-After` ([`super::retry`]), robots.txt
//! ([`super::robots`], cached per host), redirects followed one by one (each hop is checked
//! against robots.txt and waits its host's turn), timeouts, and a cap on the decoded body
//! (a gzip bomb stops at the cap).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use tokio::sync::{OnceCell, Semaphore, SemaphorePermit};
use url::{Position, Url};

use super::hosts::{HostPermit, Hosts, host_key};
use super::retry::{backoff, is_retryable_status, retry_wait};
use super::robots::{MAX_ROBOTS_BYTES, Robots};
use crate::fetch::{FetchError, NetworkReason};
use crate::fetch::{is_textual, network_error};

/// Default limit on requests open at once, over all hosts.
pub const DEFAULT_CONCURRENCY: usize = 32;
/// Default limit on requests open at once to one host.
pub const DEFAULT_HOST_CONNECTIONS: usize = 2;
/// Default gap between the starts of two requests to one host.
pub const DEFAULT_HOST_DELAY: Duration = Duration::from_secs(1);
/// Default number of retries after a 408, 429 or 5xx answer or a connection error.
pub const DEFAULT_RETRIES: u32 = 2;
/// Default wait before the first retry; it doubles with each retry (with jitter).
pub const DEFAULT_BACKOFF: Duration = Duration::from_millis(500);
/// The longest backoff between two tries.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// Default longest `Retry-After` honoured; a server asking for more gets no retry.
pub const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Default time allowed to open a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for one request, from connecting to the end of the body.
pub const DEFAULT_TIMEOUT: Duration = crate::fetch::DEFAULT_TIMEOUT;
/// Default number of redirects followed.
pub const DEFAULT_MAX_REDIRECTS: usize = crate::fetch::DEFAULT_MAX_REDIRECTS;
/// Redirects followed to reach a robots.txt (RFC 9309 asks for at least five).
pub const ROBOTS_MAX_REDIRECTS: usize = 5;

/// How pages are fetched. Build with [`FetchOptions::default`] and the `with_*` setters.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FetchOptions {
    /// Requests open at once, over all hosts.
    pub concurrency: usize,
    /// Requests open at once to one host; 0 is no limit.
    pub host_connections: usize,
    /// Gap between the starts of two requests to one host; zero is none.
    pub host_delay: Duration,
    /// Retries after a 408, 429 or 5xx answer or a connection error.
    pub retries: u32,
    /// Wait before the first retry (doubling, with jitter).
    pub backoff: Duration,
    /// Longest `Retry-After` honoured.
    pub max_retry_after: Duration,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for one request, body included.
    pub timeout: Duration,
    /// Redirects followed.
    pub max_redirects: usize,
    /// Largest body accepted, counted after decompression.
    pub max_body_bytes: usize,
    /// The `User-Agent` sent; its first token (before `/`) is the name looked up in robots.txt.
    pub user_agent: String,
    /// Whether robots.txt is obeyed.
    pub obey_robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            concurrency: DEFAULT_CONCURRENCY,
            host_connections: DEFAULT_HOST_CONNECTIONS,
            host_delay: DEFAULT_HOST_DELAY,
            retries: DEFAULT_RETRIES,
            backoff: DEFAULT_BACKOFF,
            max_retry_after: DEFAULT_MAX_RETRY_AFTER,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            max_body_bytes: crate::DEFAULT_MAX_INPUT_BYTES,
            user_agent: crate::fetch::DEFAULT_USER_AGENT.to_string(),
            obey_robots: true,
        }
    }
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident, $field:ident: $ty:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, $field: $ty) -> Self {
            self.$field = $field;
            self
        }
    };
}

impl FetchOptions {
    setter!(
        /// Requests open at once over all hosts (default [`DEFAULT_CONCURRENCY`], 32).
        with_concurrency, concurrency: usize);
    setter!(
        /// Requests open at once per host, 0 for no limit (default [`DEFAULT_HOST_CONNECTIONS`], 2).
        with_host_connections, host_connections: usize);
    setter!(
        /// Gap between request starts on one host, zero for none (default [`DEFAULT_HOST_DELAY`], 1 s).
        with_host_delay, host_delay: Duration);
    setter!(
        /// Retries after 408/429/5xx or a connection error (default [`DEFAULT_RETRIES`], 2).
        with_retries, retries: u32);
    setter!(
        /// Wait before the first retry, doubling after (default [`DEFAULT_BACKOFF`], 0.5 s).
        with_backoff, backoff: Duration);
    setter!(
        /// Longest `Retry-After` honoured (default [`DEFAULT_MAX_RETRY_AFTER`], 60 s).
        with_max_retry_after, max_retry_after: Duration);
    setter!(
        /// Time allowed to connect (default [`DEFAULT_CONNECT_TIMEOUT`], 10 s).
        with_connect_timeout, connect_timeout: Duration);
    setter!(
        /// Time allowed for a request, body included (default [`DEFAULT_TIMEOUT`], 30 s).
        with_timeout, timeout: Duration);
    setter!(
        /// Redirects followed (default [`DEFAULT_MAX_REDIRECTS`], 10).
        with_max_redirects, max_redirects: usize);
    setter!(
        /// Largest decoded body (default [`crate::DEFAULT_MAX_INPUT_BYTES`], 20 MB).
        with_max_body_bytes, max_body_bytes: usize);
    setter!(
        /// The `User-Agent` header (default [`crate::fetch::DEFAULT_USER_AGENT`]).
        with_user_agent, user_agent: String);
    setter!(
        /// Whether robots.txt is obeyed (default `true`).
        with_obey_robots, obey_robots: bool);
}

/// What fetching one URL gave: where it ended and the body, or why there is none.
#[derive(Debug)]
pub struct Page {
    /// The URL after redirects (the last one asked for, on failure).
    pub final_url: Option<String>,
    /// The last HTTP status received.
    pub status: Option<u16>,
    /// The body, or the failure.
    pub result: Result<Body, FetchError>,
}

/// A fetched body.
#[derive(Debug)]
pub struct Body {
    /// The bytes, decompressed from their transfer encoding, at most the cap.
    pub bytes: Vec<u8>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
}

/// A concurrent, polite HTTP client for a batch run.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
    /// The name looked up in robots.txt.
    agent: String,
    open: Semaphore,
    hosts: Hosts,
    robots: Mutex<HashMap<String, Arc<OnceCell<Robots>>>>,
}

/// Permits held while one request is open.
struct Permits<'a> {
    _host: HostPermit,
    _open: Option<SemaphorePermit<'a>>,
}

impl Fetcher {
    /// A client with these options.
    ///
    /// # Errors
    /// [`FetchError::Network`] when the TLS backend cannot be initialised.
    pub fn new(options: FetchOptions) -> Result<Self, FetchError> {
        let client = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(options.user_agent.clone())
            .build()
            .map_err(|err| FetchError::Network { url: String::new(), reason: NetworkReason::Other(err.to_string()) })?;
        let agent = options.user_agent.split(['/', ' ']).next().unwrap_or("").to_string();
        Ok(Self {
            client,
            agent,
            open: Semaphore::new(options.concurrency.max(1)),
            hosts: Hosts::new(options.host_connections, options.host_delay),
            robots: Mutex::new(HashMap::new()),
            options,
        })
    }

    /// Fetches `url`, following redirects. HTTP error statuses, non-HTML content types,
    /// robots.txt refusals and bodies over the cap are failures.
    pub async fn fetch(&self, url: &str) -> Page {
        let mut current = match Url::parse(url) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => parsed,
            Ok(_) => return failed(None, None, unsupported(url)),
            Err(source) => return failed(None, None, FetchError::BadUrl { url: url.to_string(), source }),
        };
        let mut seen = HashSet::from([current.clone()]);
        loop {
            let here = Some(current.to_string());
            if self.options.obey_robots && !self.robots_allow(&current).await {
                return failed(here, None, FetchError::RobotsDenied { url: current.to_string() });
            }
            let (response, permits) = match self.send(&current, self.options.retries).await {
                Ok(sent) => sent,
                Err(err) => return failed(here, None, err),
            };
            let status = response.status();
            if let Some(next) = redirect_target(&current, &response) {
                if seen.len() > self.options.max_redirects || !seen.insert(next.clone()) {
                    let err = FetchError::Network { url: url.to_string(), reason: NetworkReason::Redirects };
                    return failed(here, Some(status.as_u16()), err);
                }
                current = next;
                continue;
            }
            let result = self.body(response, &current).await;
            drop(permits);
            return Page { final_url: here, status: Some(status.as_u16()), result };
        }
    }

    /// Checks the status and content type, then reads the body under the cap.
    async fn body(&self, response: reqwest::Response, url: &Url) -> Result<Body, FetchError> {
        if !response.status().is_success() {
            return Err(FetchError::HttpStatus { url: url.to_string(), status: response.status().as_u16() });
        }
        let content_type = response.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
        if let Some(content_type) = &content_type
            && !is_textual(content_type)
        {
            return Err(FetchError::NotHtmlContentType { url: url.to_string(), content_type: content_type.clone() });
        }
        let limit = self.options.max_body_bytes;
        // A body declared over the cap is refused unread (a compressed one has no declared
        // decoded length and is capped as it is read).
        if response.content_length().is_some_and(|declared| declared > limit as u64) {
            return Err(FetchError::Network { url: url.to_string(), reason: NetworkReason::TooLarge(limit) });
        }
        match read_capped(response, limit, url.as_str()).await? {
            (bytes, false) => Ok(Body { bytes, content_type }),
            (_, true) => Err(FetchError::Network { url: url.to_string(), reason: NetworkReason::TooLarge(limit) }),
        }
    }

    /// Sends a GET, waiting for the host's turn and a global slot, retrying up to `retries`
    /// times on 408/429/5xx answers and connection errors. The answer given up on is returned
    /// as it is.
    async fn send(&self, url: &Url, retries: u32) -> Result<(reqwest::Response, Permits<'_>), FetchError> {
        let host = host_key(url);
        let mut attempt = 0;
        loop {
            let host_permit = self.hosts.acquire(&host).await;
            let permits = Permits { _host: host_permit, _open: self.open.acquire().await.ok() };
            let wait = match self.client.get(url.clone()).send().await {
                Ok(response) if attempt < retries && is_retryable_status(response.status().as_u16()) => match self.retry_wait(&response, attempt) {
                    Some(wait) => wait,
                    None => return Ok((response, permits)),
                },
                Ok(response) => return Ok((response, permits)),
                Err(err) if attempt < retries && is_retryable_error(&err) => backoff(self.options.backoff, attempt, MAX_BACKOFF),
                Err(err) => return Err(network_error(url.as_str(), &err)),
            };
            drop(permits);
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// The wait before retrying after `response`: its `Retry-After` if it asks for no more
    /// than the longest honoured (else `None`: no retry), or the backoff.
    fn retry_wait(&self, response: &reqwest::Response, attempt: u32) -> Option<Duration> {
        let asked = response.headers().get(reqwest::header::RETRY_AFTER).and_then(|value| value.to_str().ok());
        retry_wait(asked, attempt, self.options.backoff, MAX_BACKOFF, self.options.max_retry_after, SystemTime::now())
    }

    /// Whether robots.txt of `url`'s host lets us fetch it; robots.txt is fetched once per host.
    async fn robots_allow(&self, url: &Url) -> bool {
        let cell = {
            let mut cache = self.robots.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(cache.entry(host_key(url)).or_default())
        };
        let robots = cell.get_or_init(|| self.load_robots(url)).await;
        robots.allows(&url[Position::BeforePath..Position::AfterQuery])
    }

    /// robots.txt of `url`'s host (RFC 9309): a 4xx answer allows everything, a 5xx answer
    /// disallows everything; no answer at all allows everything (the page's own fetch then
    /// reports the failure). At most [`MAX_ROBOTS_BYTES`] are read. Its `Crawl-delay` widens
    /// the host's gap when it is longer than the run's.
    async fn load_robots(&self, url: &Url) -> Robots {
        let robots = self.read_robots(url).await;
        if let Some(delay) = robots.crawl_delay() {
            self.hosts.set_crawl_delay(&host_key(url), delay);
        }
        robots
    }

    /// robots.txt of `url`'s host, as [`Fetcher::load_robots`] reads it.
    async fn read_robots(&self, url: &Url) -> Robots {
        let Ok(mut robots_url) = url.join("/robots.txt") else { return Robots::allow_all() };
        for _ in 0..=ROBOTS_MAX_REDIRECTS {
            let Ok((response, _permits)) = self.send(&robots_url, 0).await else { return Robots::allow_all() };
            let status = response.status();
            if let Some(next) = redirect_target(&robots_url, &response) {
                robots_url = next;
                continue;
            }
            if status.is_server_error() {
                return Robots::deny_all();
            }
            if !status.is_success() {
                return Robots::allow_all();
            }
            return match read_capped(response, MAX_ROBOTS_BYTES, robots_url.as_str()).await {
                Ok((bytes, _)) => Robots::parse(&String::from_utf8_lossy(&bytes), &self.agent),
                Err(_) => Robots::allow_all(),
            };
        }
        Robots::allow_all()
    }
}

/// Reads at most `limit` bytes of the decoded body; the flag says whether there was more.
async fn read_capped(mut response: reqwest::Response, limit: usize, url: &str) -> Result<(Vec<u8>, bool), FetchError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|err| network_error(url, &err))? {
        if body.len() + chunk.len() > limit {
            body.extend_from_slice(&chunk[..limit - body.len()]);
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}

/// The next URL when `response` is a redirect with a usable `Location`.
fn redirect_target(current: &Url, response: &reqwest::Response) -> Option<Url> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(reqwest::header::LOCATION)?.to_str().ok()?;
    current.join(location).ok().filter(|next| matches!(next.scheme(), "http" | "https"))
}

/// Connection failures are worth another try; timeouts are not (a page that took the whole
/// timeout once would only take it again).
fn is_retryable_error(err: &reqwest::Error) -> bool {
    !err.is_timeout() && (err.is_connect() || err.is_request())
}

fn unsupported(url: &str) -> FetchError {
    FetchError::Network { url: url.to_string(), reason: NetworkReason::Other("only http and https URLs are fetched".into()) }
}

fn failed(final_url: Option<String>, status: Option<u16>, err: FetchError) -> Page {
    Page { final_url, status, result: Err(err) }
}
