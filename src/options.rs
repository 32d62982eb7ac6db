//! Settings for extraction: limits and the hints given with an input.

/// The default cap on input bytes after decompression: 20 MB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

pub use crate::budget::DEFAULT_TIME_BUDGET;
pub use crate::depth_limit::{DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH};

/// The default cap on the nodes built for one page: a million elements, texts and comments,
/// about 250 MB through the whole pipeline. Real pages have a few thousand; only generated or
/// hostile markup comes near it.
pub const DEFAULT_MAX_NODES: usize = 1_000_000;

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
///
/// The limits are on by default. Past one, extraction either fails with a typed error (the
/// input is refused or the work is stopped: nothing useful could come of it) or gives a
/// degraded result that says so in [`crate::PageMetadata::warnings`] (the page was cut or
/// flattened, and what was read is still worth having):
///
/// | limit | default | past it |
/// | --- | --- | --- |
/// | [`max_input_bytes`](Self::max_input_bytes) | 20 MB, after decompression | error `too_large` |
/// | [`time_budget`](Self::time_budget) | 10 s | error `timeout` |
/// | [`max_nodes`](Self::max_nodes) | 1,000,000 | the rest of the page unread, warning `node_limit` |
/// | [`max_depth`](Self::max_depth) | 512 | deeper tags flattened (their text kept), warning `depth_limit` |
/// | [`max_attributes`](Self::max_attributes) | 1,000 per tag | the tag's further attributes dropped, warning `attribute_limit` |
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Largest accepted input in bytes, counted after gzip decompression.
    pub max_input_bytes: usize,
    /// Most nodes (elements, texts, comments) built for one page. Past it the rest of the page
    /// is not read: the result is degraded, not an error, and says so in
    /// [`crate::PageMetadata::warnings`] (`node_limit`).
    pub max_nodes: usize,
    /// Deepest nesting of elements, as browsers cap it: deeper start tags are dropped before
    /// parsing and their text kept one level up (warning `depth_limit`).
    pub max_depth: usize,
    /// Most attributes kept on one tag (warning `attribute_limit` when more are dropped).
    pub max_attributes: usize,
    /// Longest one document's extraction may take (`None`: no limit). Checked between the
    /// stages and inside the parser's loop; past it, [`crate::Error::TimeBudget`]. The one
    /// time limit of an extraction: the batch watchdog is derived from it
    /// (twice the budget, at least 5 s more).
    pub time_budget: Option<std::time::Duration>,
    /// Whether the input is HTML, plain text, or to be detected.
    pub input_format: InputFormat,
    /// Whether the text-level clean-up (repeated headlines, link tails…) runs after selection.
    pub text_cleanup: bool,
    /// Whether the text begins with the page's headline (its title), as benchmarks and readers
    /// that count the headline as part of the article want it (default off: the title is
    /// given apart, in [`crate::PageMetadata::title`], and its repeats are dropped from the text).
    pub headline: bool,
    /// Whether reader comments are read into [`crate::Article::comments`] (default off: they
    /// are never part of an article's text; a forum thread's posts are its content either way).
    pub comments: bool,
    /// Where the time budget reads the time (the system clock; tests put in their own).
    #[doc(hidden)]
    pub clock: crate::budget::ClockRef,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_attributes: DEFAULT_MAX_ATTRIBUTES,
            time_budget: Some(DEFAULT_TIME_BUDGET),
            input_format: InputFormat::Auto,
            text_cleanup: true,
            headline: false,
            comments: false,
            clock: crate::budget::ClockRef::default(),
        }
    }
}

impl Options {
    /// Starts this extraction's time budget, on the options' clock.
    #[must_use]
    pub(crate) fn start_budget(&self) -> crate::budget::Budget {
        crate::budget::Budget::start_on(self.time_budget, self.clock.clone())
    }

    /// Sets the input size cap in bytes (default [`DEFAULT_MAX_INPUT_BYTES`], 20 MB).
    #[must_use]
    pub fn with_max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets the node cap (default [`DEFAULT_MAX_NODES`], a million): past it the page is cut
    /// and [`crate::PageMetadata::warnings`] has `node_limit`.
    #[must_use]
    pub fn with_max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }

    /// Sets the nesting cap (default [`DEFAULT_MAX_DEPTH`], 512): deeper tags are flattened
    /// and [`crate::PageMetadata::warnings`] has `depth_limit`.
    #[must_use]
    pub fn with_max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets the attribute cap per tag (default [`DEFAULT_MAX_ATTRIBUTES`], 1,000): further
    /// attributes are dropped and [`crate::PageMetadata::warnings`] has `attribute_limit`.
    #[must_use]
    pub fn with_max_attributes(mut self, attributes: usize) -> Self {
        self.max_attributes = attributes;
        self
    }

    /// Sets the time budget of one document (default [`DEFAULT_TIME_BUDGET`], 10 s; `None`
    /// for no limit): past it, [`crate::Error::TimeBudget`] (kind `timeout`).
    #[must_use]
    pub fn with_time_budget(mut self, budget: Option<std::time::Duration>) -> Self {
        self.time_budget = budget;
        self
    }

    /// The caps applied to the markup before parsing.
    #[must_use]
    pub fn markup_limits(&self) -> crate::depth_limit::MarkupLimits {
        crate::depth_limit::MarkupLimits { max_depth: self.max_depth, max_attributes: self.max_attributes }
    }

    /// Sets how the input is treated (default [`InputFormat::Auto`]).
    #[must_use]
    pub fn with_input_format(mut self, format: InputFormat) -> Self {
        self.input_format = format;
        self
    }

    /// Reads the time budget's time from `clock` instead of the system clock: for tests that
    /// must run out of time at a named stage, whatever the machine's speed.
    #[doc(hidden)]
    #[must_use]
    pub fn with_clock(mut self, clock: std::sync::Arc<dyn crate::budget::Clock>) -> Self {
        self.clock = crate::budget::ClockRef(clock);
        self
    }

    /// Turns the text-level clean-up on or off (default on).
    #[must_use]
    pub fn with_text_cleanup(mut self, on: bool) -> Self {
        self.text_cleanup = on;
        self
    }

    /// Begins the text with the page's headline (default off).
    #[must_use]
    pub fn with_headline(mut self, on: bool) -> Self {
        self.headline = on;
        self
    }

    /// Reads the page's reader comments into [`crate::Article::comments`] (default off).
    #[must_use]
    pub fn with_comments(mut self, on: bool) -> Self {
        self.comments = on;
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
