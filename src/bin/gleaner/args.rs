//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};

use crate::batch::args::BatchArgs;
use crate::limits::LimitArgs;

/// Extract the main content of web pages: articles, forum threads, product pages, docs…
///
/// Each INPUT is an http(s):// URL, a file (HTML, plain text, or gzip of either), or `-` for
/// standard input. With no INPUT, standard input is read. For many inputs in parallel, see
/// `gleaner batch --help`; a file named `batch` (or `help`) is read with `gleaner ./batch`.
#[derive(Debug, Parser)]
#[command(name = "gleaner", version, about, long_about = None, propagate_version = true, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// A subcommand instead of inputs.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// URLs, files or `-` (stdin), processed in order.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The page's own URL, for a file or stdin input (resolves links, fills `url` in JSON).
    #[arg(long, value_name = "URL", value_parser = absolute_url)]
    pub url: Option<String>,

    /// How to treat the input: `auto` detects HTML vs plain text.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Largest accepted input in bytes, after decompression.
    #[arg(long, value_name = "BYTES", default_value_t = gleaner::DEFAULT_MAX_INPUT_BYTES)]
    pub max_bytes: usize,

    /// Seconds allowed for fetching one URL.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,

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

    /// Keep links in Markdown and HTML output, as absolute URLs (the text is the same).
    #[arg(long)]
    pub links: bool,

    /// Keep images in Markdown and HTML output, with their alt text and absolute URLs
    /// (lazy-loading attributes such as `data-src` and `srcset` resolved).
    #[arg(long)]
    pub images: bool,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract many pages in parallel: one JSON line per input, in input order.
    ///
    /// Each INPUT is an http(s):// URL, a page file (.html, .htm, .xhtml, .gz), a WARC or
    /// WARC.gz file, a directory (walked for page and WARC files), a glob pattern, a list file
    /// (one URL or path per line, `#` comments), or `-` for standard input (the default: a
    /// list, a page or a WARC stream, told apart by its first bytes). With --jsonl, each INPUT
    /// is a JSONL file (or `-`) of {"id", "url", "html"}, {"id", "path"} or {"id", "url"}
    /// objects. With --warc, each INPUT is read as WARC.
    #[command(args_override_self = true)]
    Batch(BatchArgs),
}

/// `--url`: an absolute URL (`https://example.org/page`), checked when the command line is read.
fn absolute_url(text: &str) -> Result<String, String> {
    url::Url::parse(text).map(|_| text.to_string()).map_err(|err| format!("not an absolute URL ({err})"))
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text: paragraphs separated by a blank line.
    Text,
    /// Markdown: headings, lists, tables, quotes, code.
    Markdown,
    /// A minimal, safe HTML document of the cleaned article.
    Html,
    /// One pretty JSON object per input (an array for several inputs).
    Json,
    /// One compact JSON line per input, with `input` and `ok`; failures are records too.
    Jsonl,
}

/// `--input-format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// HTML unless the input does not look like markup.
    Auto,
    /// Always HTML.
    Html,
    /// Already-extracted plain text.
    Text,
}

impl From<InputFormatArg> for gleaner::InputFormat {
    fn from(value: InputFormatArg) -> Self {
        match value {
            InputFormatArg::Auto => Self::Auto,
            InputFormatArg::Html => Self::Html,
            InputFormatArg::Text => Self::Text,
        }
    }
}
