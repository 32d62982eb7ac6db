//! Settings for extraction: limits and the hints given with an input.

/// The default cap on input bytes after decompression: 20 MB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

pub use crate::dom::DEFAULT_MAX_NODES;

/// How the input should be treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputFormat {
    /// Decide from the bytes: HTML when it looks like markup, plain text otherwise.
    #[default]
    Auto,
    /// The input is an HTML page.
    Html,
    /// The input is already-extracted plain text (e.g. a Common Crawl WET record); only the
    /// text-level clean-up runs.
    Text,
}

/// Extraction settings. Build with [`Options::default`] and the `with_*` setters.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Largest accepted input in bytes, counted after gzip decompression.
    pub max_input_bytes: usize,
    /// Most nodes (elements, texts, comments) built for one page. Past it the rest of the page
    /// is not read: the result is degraded, not an error, and says so in
    /// [`crate::Article::warnings`] (`node_limit`).
    pub max_nodes: usize,
    /// Whether the input is HTML, plain text, or to be detected.
    pub input_format: InputFormat,
    /// Whether the text-level clean-up (repeated headlines, link tails…) runs after selection.
    pub text_cleanup: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { max_input_bytes: DEFAULT_MAX_INPUT_BYTES, max_nodes: DEFAULT_MAX_NODES, input_format: InputFormat::Auto, text_cleanup: true }
    }
}

impl Options {
    /// Sets the input size cap in bytes (default [`DEFAULT_MAX_INPUT_BYTES`], 20 MB).
    #[must_use]
    pub fn with_max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets the node cap (default [`DEFAULT_MAX_NODES`], a million): past it the page is cut
    /// and [`crate::Article::warnings`] has `node_limit`.
    #[must_use]
    pub fn with_max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Sets how the input is treated (default [`InputFormat::Auto`]).
    #[must_use]
    pub fn with_input_format(mut self, format: InputFormat) -> Self {
        self.input_format = format;
        self
    }

    /// Turns the text-level clean-up on or off (default on).
    #[must_use]
    pub fn with_text_cleanup(mut self, on: bool) -> Self {
        self.text_cleanup = on;
        self
    }
}

/// What is known about an input besides its bytes.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Hints {
    /// The page's own URL: resolves relative links, guides charset detection, goes into metadata.
    pub url: Option<String>,
    /// The `Content-Type` header it was served with, if any (its `charset` is used for decoding).
    pub content_type: Option<String>,
}

impl Hints {
    /// Hints with the page's URL (default none).
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Hints with the transport `Content-Type` header (default none).
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}
