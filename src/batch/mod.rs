//! Batch processing (feature `batch`): many inputs — URLs, files, directories, globs, JSONL
//! records — extracted in parallel, one [`Record`] per input.
//!
//! The batch is a pipeline of small stages, each in its own module:
//!
//! ```text
//! arguments ─inputs→ Job… ─pipeline─┬─ Url ──fetch (tokio: robots, hosts, retry)→ bytes ─┐
//!                                   └─ File | Html | Response (WARC) ──────────→ bytes ─┴─extract (threads)→ Record… ─(reorder)→ caller
//! ```
//!
//! - inputs ([`expand`], [`expand_warc`], [`jsonl_job`]): turn arguments into [`Job`]s,
//!   lazily, each with a stable id; a WARC reader yields the HTTP responses of WARC files.
//! - fetch ([`FetchOptions`]): concurrent fetching with per-host politeness, retries,
//!   robots.txt, a cap on the decoded body.
//! - [`run`]: runs jobs with `jobs` extraction threads and hands records back in input
//!   order (or completion order), with a bounded number in flight so memory stays flat.
//! - [`Record`]: the JSONL record of one input; [`Summary`]: counts for the end of a run.
//!
//! ```no_run
//! use gleaner::batch::{self, BatchOptions};
//!
//! let jobs = batch::expand(vec!["pages/".to_string()], false, gleaner::DEFAULT_MAX_INPUT_BYTES);
//! let summary = batch::run(jobs, &BatchOptions::default(), |record| {
//!     println!("{}", record.to_json_line());
//!     Ok(())
//! })?;
//! eprintln!("{summary}");
//! # Ok::<(), std::io::Error>(())
//! ```

// The stages are gleaner's own front end's to reach into (`#[doc(hidden)]`, not a stable
// API); what a user of the library needs is re-exported below.
mod error;
#[doc(hidden)]
pub mod fetch;
#[doc(hidden)]
pub mod hosts;
#[doc(hidden)]
pub mod inputs;
#[doc(hidden)]
pub mod pipeline;
#[doc(hidden)]
pub mod record;
#[doc(hidden)]
pub mod resume;
#[doc(hidden)]
pub mod retry;
#[doc(hidden)]
pub mod robots;
#[doc(hidden)]
pub mod summary;
#[doc(hidden)]
pub mod warc;

use std::num::NonZeroUsize;

pub use error::{BadLine, BatchError};
pub use fetch::FetchOptions;
pub use inputs::{Job, Jobs, Source, expand, expand_warc, jsonl_job};
pub use pipeline::run;
pub use record::Record;
pub use summary::Summary;
pub use warc::WarcProblem;

use crate::Options;

/// Settings of a batch run. Build with [`BatchOptions::default`] and the `with_*` setters.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Extraction threads.
    pub jobs: NonZeroUsize,
    /// Whether records come back in input order (otherwise in completion order).
    pub ordered: bool,
    /// How pages are fetched.
    pub fetch: FetchOptions,
    /// How pages are extracted. Its [`time_budget`](Options::time_budget) is the one time
    /// limit of an extraction; a watchdog gives up on an extraction that runs on past it
    /// unchecked, after twice the budget, at least 5 s more (see [`pipeline`]).
    pub extract: Options,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self { jobs: default_jobs(), ordered: true, fetch: FetchOptions::default(), extract: Options::default() }
    }
}

impl BatchOptions {
    /// Sets the number of extraction threads (default: the number of cores).
    #[must_use]
    pub fn with_jobs(mut self, jobs: NonZeroUsize) -> Self {
        self.jobs = jobs;
        self
    }

    /// Records in input order (`true`, the default) or in completion order (`false`).
    #[must_use]
    pub fn with_ordered(mut self, ordered: bool) -> Self {
        self.ordered = ordered;
        self
    }

    /// Sets the fetch settings (default [`FetchOptions::default`]).
    #[must_use]
    pub fn with_fetch(mut self, fetch: FetchOptions) -> Self {
        self.fetch = fetch;
        self
    }

    /// Sets the extraction settings (default [`Options::default`]).
    #[must_use]
    pub fn with_extract(mut self, extract: Options) -> Self {
        self.extract = extract;
        self
    }
}

/// The default number of extraction threads: the number of cores (1 if unknown).
#[must_use]
pub fn default_jobs() -> NonZeroUsize {
    std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)
}
