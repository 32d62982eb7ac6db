//! Why one input of a batch failed: the extractor's, the reader's or the fetcher's error, or
//! one of the batch's own (a bad input line, a WARC record that cannot be read, a panic, an
//! overdue extraction). Every variant has a stable [`BatchError::kind`], written as
//! `error.kind` in the records.

use std::time::Duration;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::warc::WarcProblem;
use crate::fetch::FetchError;
use crate::input::ReadError;
use crate::{Error, PageMetadata};

/// Why one input failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// The page was read but extraction failed.
    #[error(transparent)]
    Extract(#[from] Error),
    /// A file or standard input could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A URL could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// A glob pattern matched no file.
    #[error("no file matches {pattern}")]
    NoMatch {
        /// The pattern.
        pattern: String,
    },
    /// A glob pattern that does not parse.
    #[error("invalid glob pattern: {source}")]
    BadGlob {
        /// Why it does not parse.
        #[source]
        source: glob::PatternError,
    },
    /// A directory could not be walked.
    #[error(transparent)]
    Walk(#[from] walkdir::Error),
    /// A JSONL input line that is not a usable record.
    #[error("{0}")]
    BadInput(BadLine),
    /// A WARC record (or file) that cannot be read: bad headers, a record cut short, broken
    /// gzip, an HTTP response that does not parse.
    #[error("{}{problem}", record.map(|n| format!("record {n}: ")).unwrap_or_default())]
    BadWarc {
        /// The record's place in its file, counting from 1, when the problem is the record's
        /// own (`None` for the stream, and for the HTTP response in a record).
        record: Option<usize>,
        /// What is wrong.
        problem: WarcProblem,
    },
    /// An archived response in a content coding gleaner cannot undo (`br`, `zstd`…).
    #[error("the archived response is encoded with {coding:?}, which gleaner cannot decode")]
    UnsupportedEncoding {
        /// The `Content-Encoding`, lower-cased.
        coding: String,
    },
    /// The extraction panicked (or no extraction thread was left to run it).
    #[error("{message}")]
    Panic {
        /// What happened, with the panic's message.
        message: String,
    },
    /// The extraction was not done within the batch's `doc_timeout`.
    #[error("extraction took longer than {} s", limit.as_secs_f64())]
    Overdue {
        /// The `doc_timeout`.
        limit: Duration,
    },
}

/// Why a JSONL input line is not a usable record (see [`BatchError::BadInput`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BadLine {
    /// The line is not JSON.
    #[error("not JSON: {0}")]
    NotJson(#[source] serde_json::Error),
    /// The line is JSON but not an object.
    #[error("a JSONL input line must be an object")]
    NotAnObject,
    /// The object has none of `html`, `path` and `url`.
    #[error("a JSONL input needs \"html\", \"path\" or \"url\"")]
    NoPage,
}

impl BatchError {
    /// A stable, snake_case name for the kind of failure, used as `error.kind` in the records:
    /// the extractor's, reader's or fetcher's kind ([`Error::kind`], [`ReadError::kind`],
    /// [`FetchError::kind`]), or `not_found` (a glob matching nothing), `io` (a directory that
    /// cannot be walked), `bad_input`, `bad_warc`, `unsupported_encoding`, `panic`, `timeout`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Extract(err) => err.kind(),
            Self::Read(err) => err.kind(),
            Self::Fetch(err) => err.kind(),
            Self::NoMatch { .. } => "not_found",
            Self::Walk(_) => "io",
            Self::BadGlob { .. } | Self::BadInput(_) => "bad_input",
            Self::BadWarc { .. } => "bad_warc",
            Self::UnsupportedEncoding { .. } => "unsupported_encoding",
            Self::Panic { .. } => "panic",
            Self::Overdue { .. } => "timeout",
        }
    }

    /// The metadata of a page in which no content was found (see [`Error::page_metadata`]).
    #[must_use]
    pub fn page_metadata(&self) -> Option<&PageMetadata> {
        match self {
            Self::Extract(err) => err.page_metadata(),
            _ => None,
        }
    }

    /// The path, URL or pattern the message names, if it names one (a front end that puts the
    /// input before each message need not say it twice). For a fetch, the URL as parsed, or
    /// where the redirects ended.
    #[must_use]
    pub fn named_input(&self) -> Option<String> {
        match self {
            Self::Read(ReadError::NotFound { path } | ReadError::Io { path, .. }) => Some(path.to_string_lossy().into_owned()),
            Self::Fetch(
                FetchError::Network { url, .. }
                | FetchError::RobotsDenied { url }
                | FetchError::BadUrl { url, .. }
                | FetchError::HttpStatus { url, .. }
                | FetchError::NotHtmlContentType { url, .. },
            ) => Some(url.clone()),
            Self::NoMatch { pattern } => Some(pattern.clone()),
            _ => None,
        }
    }

    /// The message on one line (a record line must never be split).
    #[must_use]
    pub fn one_line_message(&self) -> String {
        self.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// `{"kind": …, "message": …}`, the `error` of a record.
impl Serialize for BatchError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut error = serializer.serialize_struct("BatchError", 2)?;
        error.serialize_field("kind", self.kind())?;
        error.serialize_field("message", &self.one_line_message())?;
        error.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_the_documented_names() {
        assert_eq!(BatchError::from(Error::no_content()).kind(), "no_content");
        assert_eq!(BatchError::from(ReadError::NotFound { path: "x".into() }).kind(), "not_found");
        assert_eq!(BatchError::Overdue { limit: Duration::from_secs(1) }.kind(), "timeout");
        assert_eq!(BatchError::BadInput(BadLine::NoPage).kind(), "bad_input");
        let cut = BatchError::BadWarc { record: Some(9), problem: WarcProblem::Truncated { read: 40, length: 420 } };
        assert_eq!((cut.kind(), cut.to_string().as_str()), ("bad_warc", "record 9: truncated, 40 of its 420 bytes"));
        let http = BatchError::BadWarc { record: None, problem: WarcProblem::NoHttpStatus };
        assert_eq!(http.to_string(), "the record holds no HTTP status line");
        let json = serde_json::to_value(BatchError::Panic { message: "extraction panicked:\nboom".into() }).expect("JSON");
        assert_eq!(json, serde_json::json!({"kind": "panic", "message": "extraction panicked: boom"}));
    }
}
