//! Arguments of `gleaner batch`.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use gleaner::Options;
use gleaner::batch::fetch::{
    DEFAULT_BACKOFF, DEFAULT_CONCURRENCY, DEFAULT_CONNECT_TIMEOUT, DEFAULT_HOST_CONNECTIONS, DEFAULT_HOST_DELAY, DEFAULT_MAX_REDIRECTS,
    DEFAULT_MAX_RETRY_AFTER, DEFAULT_RETRIES, DEFAULT_TIMEOUT,
};
use gleaner::batch::{BatchOptions, FetchOptions};

use super::output_dir::FileFormat;
use crate::args::InputFormatArg;
use crate::limits::{LimitArgs, seconds};

/// The arguments of `gleaner batch` (its help text is on [`crate::args::Command::Batch`]).
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// URLs, files, directories, globs, lists, or `-`.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Read each INPUT as JSONL: {"id", "url", "html"}, {"id", "path"} or {"id", "url"} per line.
    #[arg(long)]
    pub jsonl: bool,

    /// Read each INPUT as a WARC or WARC.gz file (or a directory or glob of them, or `-`): its
    /// HTTP response records are the inputs.
    #[arg(long, conflicts_with = "jsonl")]
    pub warc: bool,

    /// Extraction threads [default: the number of cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// Write the records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write one file per extracted input into DIR, and the records (with `file`, without the
    /// article) to DIR/index.jsonl.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub output_dir: Option<PathBuf>,

    /// The format of the files in --output-dir.
    #[arg(short, long, value_enum, default_value_t = FileFormat::Text, requires = "output_dir")]
    pub format: FileFormat,

    /// Keep links in Markdown and HTML files of --output-dir, as absolute URLs.
    #[arg(long, requires = "output_dir")]
    pub links: bool,

    /// Keep images in Markdown and HTML files of --output-dir, with their alt text and absolute
    /// URLs.
    #[arg(long, requires = "output_dir")]
    pub images: bool,

    /// Skip the inputs whose records are already in --output (or DIR/index.jsonl), and append
    /// the others.
    #[arg(long)]
    pub resume: bool,

    /// Write records as they complete instead of in input order.
    #[arg(long)]
    pub unordered: bool,

    /// Requests open at once, over all hosts.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_CONCURRENCY)]
    pub concurrency: usize,

    /// Requests open at once to one host (0: no limit).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_HOST_CONNECTIONS)]
    pub host_connections: usize,

    /// Seconds between the starts of two requests to one host (0: no gap).
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value_t = DEFAULT_HOST_DELAY.as_secs_f64())]
    pub host_delay: f64,

    /// Retries after a 408, 429 or 5xx answer or a connection error.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RETRIES)]
    pub retries: u32,

    /// Seconds before the first retry; doubled for each next one, with jitter.
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value_t = DEFAULT_BACKOFF.as_secs_f64())]
    pub backoff: f64,

    /// Longest Retry-After honoured, in seconds (a longer one: no retry).
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value_t = DEFAULT_MAX_RETRY_AFTER.as_secs_f64())]
    pub max_retry_after: f64,

    /// Seconds allowed to connect.
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value_t = DEFAULT_CONNECT_TIMEOUT.as_secs_f64())]
    pub connect_timeout: f64,

    /// Seconds allowed for one request, body included.
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value_t = DEFAULT_TIMEOUT.as_secs_f64())]
    pub timeout: f64,

    /// Redirects followed.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_REDIRECTS)]
    pub max_redirects: usize,

    /// Largest accepted page in bytes, after decompression (fetched bodies stop there).
    #[arg(long, value_name = "BYTES", default_value_t = gleaner::DEFAULT_MAX_INPUT_BYTES)]
    pub max_bytes: usize,

    /// The User-Agent header; its first word is the name looked up in robots.txt.
    #[arg(long, value_name = "TEXT", default_value = gleaner::fetch::DEFAULT_USER_AGENT)]
    pub user_agent: String,

    /// Fetch pages that robots.txt disallows.
    #[arg(long)]
    pub ignore_robots: bool,

    /// Deprecated: --time-budget is the one time limit of a page (the watchdog is derived from
    /// it). Taken as --time-budget when that is not given.
    #[arg(long, value_name = "SECS", value_parser = seconds, hide = true)]
    pub doc_timeout: Option<f64>,

    /// How to treat the inputs: `auto` detects HTML vs plain text.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Skip the text-level clean-up (repeated headlines, related-links tails…).
    #[arg(long)]
    pub no_cleanup: bool,

    /// Begin the text with the page's headline (its title), for readers and benchmarks that
    /// count it as part of the article (by default the title is only metadata).
    #[arg(long)]
    pub headline: bool,

    /// Also read the page's reader comments: a `comments` array of {author, date, text} in
    /// JSON, and after the article under a `---` line in text and Markdown (a forum thread's
    /// posts are its text either way).
    #[arg(long)]
    pub comments: bool,

    #[command(flatten)]
    pub limits: LimitArgs,
}

impl BatchArgs {
    /// The library settings these arguments ask for.
    pub fn options(&self) -> BatchOptions {
        let fetch = FetchOptions::default()
            .with_concurrency(self.concurrency)
            .with_host_connections(self.host_connections)
            .with_host_delay(Duration::from_secs_f64(self.host_delay))
            .with_retries(self.retries)
            .with_backoff(Duration::from_secs_f64(self.backoff))
            .with_max_retry_after(Duration::from_secs_f64(self.max_retry_after))
            .with_connect_timeout(Duration::from_secs_f64(self.connect_timeout))
            .with_timeout(Duration::from_secs_f64(self.timeout))
            .with_max_redirects(self.max_redirects)
            .with_max_body_bytes(self.max_bytes)
            .with_user_agent(self.user_agent.clone())
            .with_obey_robots(!self.ignore_robots);
        let extract = self
            .limits
            .apply(Options::default())
            .with_max_input_bytes(self.max_bytes)
            .with_input_format(self.input_format.into())
            .with_text_cleanup(!self.no_cleanup)
            .with_comments(self.comments)
            .with_headline(self.headline);
        BatchOptions::default()
            .with_jobs(self.jobs.unwrap_or_else(gleaner::batch::default_jobs))
            .with_ordered(!self.unordered)
            .with_fetch(fetch)
            .with_extract(extract)
    }

    /// Applies the deprecated `--doc-timeout`: it becomes `--time-budget` unless that was given
    /// on the command line (`time_budget_given`), with a message on stderr either way.
    pub fn apply_deprecated_doc_timeout(&mut self, time_budget_given: bool) {
        let Some(seconds) = self.doc_timeout else { return };
        let effect = if time_budget_given {
            "ignored, as --time-budget is given".to_string()
        } else {
            self.limits.time_budget = seconds;
            format!("taken as --time-budget {seconds}")
        };
        eprintln!(
            "gleaner batch: --doc-timeout is deprecated: --time-budget is the one time limit of a page, and the watchdog waits twice \
             it (at least 5 s more); --doc-timeout {seconds} is {effect}"
        );
    }
}
