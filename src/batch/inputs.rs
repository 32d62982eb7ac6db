//! Turning command-line arguments into jobs, lazily (a million-line list is never held whole).
//!
//! Without `--jsonl`, each argument is:
//! - an `http(s)://` URL: one job;
//! - `-`: standard input, judged by its first bytes as a file is: a page, a WARC stream, or
//!   (most often) a list;
//! - a directory: every `.html`, `.htm`, `.xhtml` and `.gz` file below it, in name order, and
//!   the records of every `.warc` and `.warc.gz` file (see [`super::warc`]);
//! - a WARC file: named `.warc` or `.warc.gz`, or whose content (gunzipped) starts `WARC/1.`:
//!   its HTTP response records, as with `--warc`;
//! - a page file: named `.html`, `.htm`, `.xhtml` or `.gz`, or whose first byte (after a UTF-8
//!   byte order mark and white space) is `<`, or that starts with gzip's magic;
//! - any other file: a list, one URL or path per line (blank lines and `#` comments skipped);
//! - a glob pattern (`*`, `?`, `[`) that is not an existing path: every file it matches
//!   (directories matched are walked).
//!
//! With `--jsonl`, each argument is a JSONL file (or `-`) with one object per line:
//! `{"id", "url", "html"}` (the page's HTML, `url` optional), `{"id", "path"}` (a file) or
//! `{"id", "url"}` (a URL to fetch).
//!
//! Ids are stable: the given `id` (a string, or a number written as a string), else the URL,
//! else the path, else `FILE:LINE`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{BadLine, BatchError, warc};
use crate::input::ReadError;

/// File name extensions read as pages when a directory is walked.
pub const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "gz"];

/// The argument that means standard input.
pub const STDIN: &str = "-";

/// One input to process.
#[derive(Debug)]
pub struct Job {
    /// The stable id.
    pub id: String,
    /// Where it came from: the URL, the path, or `FILE:LINE` for a JSONL line.
    pub input: String,
    /// What to read.
    pub source: Source,
}

/// What a job reads.
#[derive(Debug)]
#[non_exhaustive]
pub enum Source {
    /// A URL to fetch.
    Url(String),
    /// A page file, with the page's URL when known.
    File {
        /// The file.
        path: PathBuf,
        /// The page's own URL.
        url: Option<String>,
    },
    /// A page given inline (JSONL `html`).
    Html {
        /// The page's HTML.
        html: String,
        /// The page's own URL.
        url: Option<String>,
    },
    /// A page read whole (HTML piped to standard input).
    Bytes {
        /// The page's bytes, as read.
        bytes: Vec<u8>,
        /// The page's own URL.
        url: Option<String>,
    },
    /// An archived HTTP response (a WARC `response` record).
    Response {
        /// The page's URL (`WARC-Target-URI`).
        url: Option<String>,
        /// The archived HTTP status.
        status: u16,
        /// The archived `Content-Type` header: its charset is the decoding hint.
        content_type: Option<String>,
        /// The body, unchunked.
        body: Vec<u8>,
    },
    /// An input that cannot be processed (a bad JSONL line, a glob matching nothing): its
    /// record is this error.
    Invalid(BatchError),
}

impl Source {
    /// The URL asked for or given with the page.
    #[must_use]
    pub fn url(&self) -> Option<&str> {
        match self {
            Self::Url(url) => Some(url),
            Self::File { url, .. } | Self::Html { url, .. } | Self::Bytes { url, .. } | Self::Response { url, .. } => url.as_deref(),
            Self::Invalid(_) => None,
        }
    }
}

/// A lazy sequence of jobs.
pub type Jobs = Box<dyn Iterator<Item = Job> + Send>;

/// Expands the arguments into jobs, in argument order; `jsonl` reads each argument as JSONL.
/// `max_bytes` caps a page read whole from standard input (one byte more is kept, so that the
/// extraction reports `too_large`) and the WARC blocks that are kept (see [`expand_warc`]).
#[must_use]
pub fn expand(args: Vec<String>, jsonl: bool, max_bytes: usize) -> Jobs {
    Box::new(args.into_iter().flat_map(move |arg| if jsonl { jsonl_jobs(arg) } else { argument_jobs(arg, max_bytes) }))
}

/// Expands the arguments of `--warc` into jobs, in argument order: each is a WARC or WARC.gz
/// file, `-` (standard input), a directory (walked for `.warc` and `.warc.gz` files, in name
/// order) or a glob pattern; blocks over `max_block_bytes` are skipped (see [`super::warc`]).
#[must_use]
pub fn expand_warc(args: Vec<String>, max_block_bytes: usize) -> Jobs {
    Box::new(args.into_iter().flat_map(move |arg| {
        let path = Path::new(&arg);
        let files: Box<dyn Iterator<Item = String> + Send> = if path.is_dir() {
            Box::new(warc_files_below(path))
        } else if arg != STDIN && !path.exists() && arg.contains(['*', '?', '[']) {
            match glob::glob(&arg) {
                Ok(paths) => {
                    let mut matched = paths.filter_map(Result::ok).peekable();
                    if matched.peek().is_none() {
                        // Read as a file: its record says `not_found`.
                        Box::new(std::iter::once(arg))
                    } else {
                        Box::new(matched.map(|path| path.to_string_lossy().into_owned()))
                    }
                }
                Err(_) => Box::new(std::iter::once(arg)),
            }
        } else {
            Box::new(std::iter::once(arg))
        };
        files.flat_map(move |file| warc_jobs(file, max_block_bytes))
    }))
}

fn warc_files_below(dir: &Path) -> impl Iterator<Item = String> + Send + use<> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && warc::is_warc_name(entry.path()))
        .map(|entry| entry.path().to_string_lossy().into_owned())
}

/// Whether `text` is an `http://` or `https://` URL.
#[must_use]
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn argument_jobs(arg: String, max_bytes: usize) -> Jobs {
    if arg == STDIN {
        return stdin_jobs(max_bytes);
    }
    if is_url(&arg) {
        return one(url_job(arg));
    }
    let path = Path::new(&arg);
    if path.is_dir() {
        return directory_jobs(path, max_bytes);
    }
    if path.is_file() {
        let content = if warc::is_warc_name(path) { Content::Warc } else { sniff(&file_head(path)) };
        return match content {
            Content::Warc => warc_jobs(arg, max_bytes),
            Content::Page => one(file_job(arg)),
            Content::List if has_page_extension(path) => one(file_job(arg)),
            Content::List => match File::open(path) {
                Ok(file) => list_jobs(Box::new(file)),
                Err(_) => one(file_job(arg)),
            },
        };
    }
    if arg.contains(['*', '?', '[']) {
        return glob_jobs(arg, max_bytes);
    }
    // Missing: its record says `not_found`.
    one(file_job(arg))
}

/// Standard input, judged by its first bytes: a page (one job, read whole), a WARC stream, or
/// a list.
fn stdin_jobs(max_bytes: usize) -> Jobs {
    let mut stdin = std::io::stdin();
    let (head, content) = sniff_stream(&mut stdin);
    let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(head).chain(stdin));
    match content {
        Content::List => list_jobs(reader),
        Content::Warc => warc_stream_jobs(STDIN.to_string(), reader, max_bytes),
        Content::Page => {
            let mut bytes = Vec::new();
            let source = match reader.take(max_bytes as u64 + 1).read_to_end(&mut bytes) {
                Ok(_) => Source::Bytes { bytes, url: None },
                Err(source) => Source::Invalid(ReadError::Io { path: STDIN.into(), source }.into()),
            };
            one(Job { id: STDIN.to_string(), input: STDIN.to_string(), source })
        }
    }
}

/// What a file or stream holds, judged by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// One page (HTML or gzip).
    Page,
    /// WARC records.
    Warc,
    /// Anything else: a list of URLs and paths.
    List,
}

/// How many leading bytes judge a file or stream: enough for gzip to give back the WARC
/// version line, and for the white space a page may start with.
const SNIFF_BYTES: usize = 4096;
/// The UTF-8 byte order mark, which editors put before `<!DOCTYPE`.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// gzip's magic bytes.
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
/// How a WARC file starts (WARC 1.0 and 1.1).
const WARC_MAGIC: &[u8] = b"WARC/1.";

/// Judges `head`, the first bytes of a file or stream: WARC when it starts (gunzipped) with the
/// WARC version line; a page when it starts with gzip's magic or, after a UTF-8 byte order
/// mark and white space, with `<`; a list otherwise.
fn sniff(head: &[u8]) -> Content {
    if head.starts_with(GZIP_MAGIC) {
        let mut inner = Vec::new();
        // A head cut inside the gzip stream is an error after the bytes it did give.
        let _ = flate2::read::MultiGzDecoder::new(head).take(WARC_MAGIC.len() as u64).read_to_end(&mut inner);
        return if inner.starts_with(WARC_MAGIC) { Content::Warc } else { Content::Page };
    }
    if head.starts_with(WARC_MAGIC) {
        return Content::Warc;
    }
    let text = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'<') => Content::Page,
        _ => Content::List,
    }
}

/// Reads from `reader` only as far as it takes to judge it (a list piped in line by line is not
/// held back until [`SNIFF_BYTES`] have come): the bytes read, and the judgement.
fn sniff_stream(reader: &mut impl Read) -> (Vec<u8>, Content) {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let mut chunk = [0u8; SNIFF_BYTES];
    loop {
        let room = SNIFF_BYTES - head.len();
        let read = match reader.read(&mut chunk[..room]) {
            Ok(read) => read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            // A read error is met again, and reported, by the reader that follows.
            Err(_) => 0,
        };
        head.extend_from_slice(&chunk[..read]);
        let complete = read == 0 || head.len() >= SNIFF_BYTES;
        if let Some(content) = judge_so_far(&head, complete) {
            return (head, content);
        }
    }
}

/// [`sniff`] on the first bytes of a stream, or `None` while they could still mean more than
/// one thing (a `W` that may begin `WARC/1.`, a gzip stream not yet giving 7 bytes, white
/// space); `complete` when no more will come.
fn judge_so_far(head: &[u8], complete: bool) -> Option<Content> {
    if complete {
        return Some(sniff(head));
    }
    if head.starts_with(GZIP_MAGIC) {
        let mut inner = Vec::new();
        let _ = flate2::read::MultiGzDecoder::new(head).take(WARC_MAGIC.len() as u64).read_to_end(&mut inner);
        return (inner.len() == WARC_MAGIC.len()).then(|| sniff(head));
    }
    let undecided_prefix = |magic: &[u8]| !head.is_empty() && head.len() < magic.len() && magic.starts_with(head);
    if head.is_empty() || undecided_prefix(GZIP_MAGIC) || undecided_prefix(WARC_MAGIC) || undecided_prefix(UTF8_BOM) {
        return None;
    }
    if head.starts_with(WARC_MAGIC) {
        return Some(Content::Warc);
    }
    let text = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    text.iter().find(|byte| !byte.is_ascii_whitespace()).map(|&first| if first == b'<' { Content::Page } else { Content::List })
}

/// The first [`SNIFF_BYTES`] of a file (fewer, or none, when it cannot be read).
fn file_head(path: &Path) -> Vec<u8> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    if let Ok(file) = File::open(path) {
        let _ = file.take(SNIFF_BYTES as u64).read_to_end(&mut head);
    }
    head
}

fn one(job: Job) -> Jobs {
    Box::new(std::iter::once(job))
}

fn url_job(url: String) -> Job {
    Job { id: url.clone(), input: url.clone(), source: Source::Url(url) }
}

fn file_job(path: String) -> Job {
    Job { id: path.clone(), input: path.clone(), source: Source::File { path: PathBuf::from(path), url: None } }
}

fn invalid_job(id: String, error: impl Into<BatchError>) -> Job {
    Job { id: id.clone(), input: id, source: Source::Invalid(error.into()) }
}

fn has_page_extension(path: &Path) -> bool {
    path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| PAGE_EXTENSIONS.iter().any(|page| ext.eq_ignore_ascii_case(page)))
}

/// Every page file below `dir`, and the records of every WARC file, in name order so that a
/// rerun sees the same order. Names decide here (a directory may hold many files).
fn directory_jobs(dir: &Path, max_bytes: usize) -> Jobs {
    let walk = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter();
    Box::new(walk.flat_map(move |entry| match entry {
        Ok(entry) if entry.file_type().is_file() && warc::is_warc_name(entry.path()) => warc_jobs(entry.path().to_string_lossy().into_owned(), max_bytes),
        Ok(entry) if entry.file_type().is_file() && has_page_extension(entry.path()) => one(file_job(entry.path().to_string_lossy().into_owned())),
        Ok(_) => Box::new(std::iter::empty()),
        Err(err) => {
            let path = err.path().map_or_else(String::new, |path| path.to_string_lossy().into_owned());
            one(invalid_job(path, err))
        }
    }))
}

/// Every file a glob pattern matches (directories walked); a pattern matching nothing, or an
/// invalid one, is one failed input.
fn glob_jobs(pattern: String, max_bytes: usize) -> Jobs {
    let paths = match glob::glob(&pattern) {
        Ok(paths) => paths,
        Err(source) => return one(invalid_job(pattern, BatchError::BadGlob { source })),
    };
    let mut matched = paths.filter_map(Result::ok).peekable();
    if matched.peek().is_none() {
        return one(invalid_job(pattern.clone(), BatchError::NoMatch { pattern }));
    }
    Box::new(matched.flat_map(move |path| {
        let name = path.to_string_lossy().into_owned();
        if path.is_dir() {
            directory_jobs(&path, max_bytes)
        } else if warc::is_warc_name(&path) {
            warc_jobs(name, max_bytes)
        } else {
            one(file_job(name))
        }
    }))
}

/// The lines of `reader` (UTF-8, invalid bytes replaced), each trimmed.
fn lines(reader: Box<dyn Read + Send>) -> impl Iterator<Item = String> + Send {
    let mut reader = BufReader::new(reader);
    std::iter::from_fn(move || {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(String::from_utf8_lossy(&line).trim().to_string()),
        }
    })
}

/// A list: one URL or path per line; blank lines and `#` comments are skipped.
fn list_jobs(reader: Box<dyn Read + Send>) -> Jobs {
    Box::new(lines(reader).filter(|line| !line.is_empty() && !line.starts_with('#')).map(|line| if is_url(&line) { url_job(line) } else { file_job(line) }))
}

/// The jobs of a JSONL file (or `-`), one per non-blank line.
fn jsonl_jobs(arg: String) -> Jobs {
    let reader: Box<dyn Read + Send> = if arg == STDIN {
        Box::new(std::io::stdin())
    } else {
        match File::open(&arg) {
            Ok(file) => Box::new(file),
            Err(err) => return one(invalid_job(arg.clone(), ReadError::opening(Path::new(&arg), err))),
        }
    };
    Box::new(lines(reader).enumerate().filter(|(_, line)| !line.is_empty()).map(move |(index, line)| jsonl_job(&line, format!("{arg}:{}", index + 1))))
}

/// One JSONL line as a job; `input` is `FILE:LINE`.
#[must_use]
pub fn jsonl_job(line: &str, input: String) -> Job {
    let object = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return invalid_job(input, BatchError::BadInput(BadLine::NotAnObject)),
        Err(err) => return invalid_job(input, BatchError::BadInput(BadLine::NotJson(err))),
    };
    // A blank id, URL or path counts as none: an empty id could not tell records apart.
    let text = |key: &str| object.get(key).and_then(Value::as_str).filter(|value| !value.trim().is_empty()).map(str::to_string);
    let url = text("url");
    let path = text("path");
    let given_id = match object.get("id") {
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => text("id"),
    };
    let id = given_id.or_else(|| url.clone()).or_else(|| path.clone()).unwrap_or_else(|| input.clone());
    let source = if let Some(html) = object.get("html").and_then(Value::as_str).map(str::to_string) {
        Source::Html { html, url }
    } else if let Some(path) = path {
        Source::File { path: PathBuf::from(path), url }
    } else if let Some(url) = url {
        Source::Url(url)
    } else {
        Source::Invalid(BatchError::BadInput(BadLine::NoPage))
    };
    Job { id, input, source }
}

// ---------------------------------------------------------------------------------------------
// WARC files: the reader yields records, and these turn its HTTP responses into jobs.

/// The jobs of one WARC or WARC.gz file (or `-` for standard input); blocks larger than
/// `max_block_bytes` are skipped (a response record among them fails as `too_large`).
#[must_use]
pub(super) fn warc_jobs(arg: String, max_block_bytes: usize) -> Jobs {
    if arg == STDIN {
        return warc_stream_jobs(arg, Box::new(io::stdin()), max_block_bytes);
    }
    match File::open(&arg) {
        Ok(file) => warc_stream_jobs(arg, Box::new(file), max_block_bytes),
        Err(err) => failed_warc_file(arg, err),
    }
}

/// The jobs of the WARC or WARC.gz stream `input`, named `name` in the jobs' `input`.
#[must_use]
pub(super) fn warc_stream_jobs(name: String, input: Box<dyn Read + Send>, max_block_bytes: usize) -> Jobs {
    match warc::open(input) {
        Ok(reader) => {
            let records = warc::WarcReader::new(reader, max_block_bytes);
            Box::new(records.filter_map(move |item| warc_job(&name, item, max_block_bytes)))
        }
        Err(err) => failed_warc_file(name, err),
    }
}

/// The one failed job of a file that cannot be read.
fn failed_warc_file(name: String, err: io::Error) -> Jobs {
    let source = Source::Invalid(ReadError::opening(Path::new(&name), err).into());
    Box::new(std::iter::once(Job { id: name.clone(), input: name, source }))
}

/// The job of one item read, or none for a record that is not an HTTP response.
fn warc_job(file: &str, item: Result<warc::WarcRecord, warc::Failed>, max_body_bytes: usize) -> Option<Job> {
    let input_of = |ordinal: usize| format!("{file}:{ordinal}");
    let record = match item {
        Ok(record) => record,
        Err(warc::Failed { ordinal, error }) => {
            let input = input_of(ordinal);
            return Some(Job { id: input.clone(), input, source: Source::Invalid(error) });
        }
    };
    if !record.is_http_response() {
        return None;
    }
    let input = input_of(record.ordinal);
    let id = record.record_id.clone().or_else(|| record.target_uri.clone()).unwrap_or_else(|| input.clone());
    let url = record.target_uri;
    let source = match warc::http::parse(&record.block, max_body_bytes) {
        Ok(response) => Source::Response { url, status: response.status, content_type: response.content_type, body: response.body },
        Err(error) => Source::Invalid(error),
    };
    Some(Job { id, input, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_lines_become_jobs_with_their_ids() {
        let job = jsonl_job(r#"{"id": "p1", "url": "http://127.0.0.1/a", "html": "<p>hi</p>"}"#, "-:1".into());
        assert_eq!(job.id, "p1");
        assert!(matches!(job.source, Source::Html { ref url, .. } if url.as_deref() == Some("http://127.0.0.1/a")));
        let job = jsonl_job(r#"{"id": 7, "path": "a.html"}"#, "-:2".into());
        assert_eq!(job.id, "7");
        assert!(matches!(job.source, Source::File { .. }));
        let job = jsonl_job(r#"{"url": "http://127.0.0.1/b"}"#, "-:3".into());
        assert_eq!(job.id, "http://127.0.0.1/b");
        assert!(matches!(job.source, Source::Url(_)));
    }

    #[test]
    fn bad_jsonl_lines_are_failed_inputs() {
        for line in ["not json", "[1]", r#"{"id": "x"}"#] {
            let job = jsonl_job(line, "in.jsonl:4".into());
            assert!(matches!(job.source, Source::Invalid(ref error) if error.kind() == "bad_input"), "{line}");
        }
        assert_eq!(jsonl_job("nope", "in.jsonl:4".into()).id, "in.jsonl:4");
    }

    #[test]
    fn a_blank_id_url_or_path_counts_as_none() {
        // Found by fuzzing: `{"id": ""}` gave a record with an empty id.
        let job = jsonl_job(r#"{"id": " ", "url": "http://127.0.0.1/c"}"#, "in.jsonl:5".into());
        assert_eq!(job.id, "http://127.0.0.1/c");
        let job = jsonl_job(r#"{"id": "", "url": "", "html": "<p>x</p>"}"#, "in.jsonl:6".into());
        assert_eq!(job.id, "in.jsonl:6");
        assert!(matches!(job.source, Source::Html { url: None, .. }));
        let job = jsonl_job(r#"{"path": ""}"#, "in.jsonl:7".into());
        assert_eq!(job.id, "in.jsonl:7");
        assert!(matches!(job.source, Source::Invalid(_)));
    }

    #[test]
    fn lists_skip_blanks_and_comments() {
        let list = "# pages\nhttp://127.0.0.1/a\n\n  b.html  \n";
        let jobs: Vec<Job> = list_jobs(Box::new(std::io::Cursor::new(list.as_bytes().to_vec()))).collect();
        let ids: Vec<&str> = jobs.iter().map(|job| job.id.as_str()).collect();
        assert_eq!(ids, ["http://127.0.0.1/a", "b.html"]);
        assert!(matches!(jobs[1].source, Source::File { .. }));
    }

    #[test]
    fn sniffing_tells_pages_warc_and_lists_apart() {
        assert_eq!(sniff(b"\xEF\xBB\xBF\n <!DOCTYPE html>"), Content::Page);
        assert_eq!(sniff(b"  <html>"), Content::Page);
        assert_eq!(sniff(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), Content::Warc);
        assert_eq!(sniff(b"http://127.0.0.1/a\nb.html\n"), Content::List);
        assert_eq!(sniff(b""), Content::List);
        let gzip = |bytes: &[u8]| {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut encoder, bytes).expect("gzip");
            encoder.finish().expect("gzip")
        };
        assert_eq!(sniff(&gzip(b"WARC/1.0\r\n")), Content::Warc);
        assert_eq!(sniff(&gzip(b"<p>hi</p>")), Content::Page);
        assert_eq!(sniff(&gzip(b"WARC/1.0\r\n")[..12]), Content::Page, "cut too early to tell: a page, as before");
    }

    #[test]
    fn a_stream_is_judged_as_soon_as_its_first_bytes_tell() {
        // One byte at a time, as a slow pipe gives them: the judgement needs no more than it must.
        struct Trickle(Vec<u8>, usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some(&byte) = self.0.get(self.1) else { return Ok(0) };
                buf[0] = byte;
                self.1 += 1;
                Ok(1)
            }
        }
        let judged = |bytes: &[u8]| {
            let mut stream = Trickle(bytes.to_vec(), 0);
            let (head, content) = sniff_stream(&mut stream);
            (head.len(), content)
        };
        assert_eq!(judged(b"http://127.0.0.1/a\nhttp://127.0.0.1/b\n"), (1, Content::List));
        assert_eq!(judged(b"Www/a.html\n"), (2, Content::List));
        assert_eq!(judged(b"\xEF\xBB\xBF  <html>"), (6, Content::Page));
        assert_eq!(judged(b"WARC/1.0\r\n"), (7, Content::Warc));
        assert_eq!(judged(b"WAR"), (3, Content::List));
        assert_eq!(judged(b""), (0, Content::List));
        let gzip = |bytes: &[u8]| {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut encoder, bytes).expect("gzip");
            encoder.finish().expect("gzip")
        };
        let warc = gzip(&b"WARC/1.1\r\nWARC-Type: warcinfo\r\n".repeat(50));
        let (read, content) = judged(&warc);
        assert_eq!(content, Content::Warc);
        assert!(read < warc.len(), "{read} of {}", warc.len());
        assert_eq!(judged(&gzip(b"<p>hi</p>")).1, Content::Page);
    }

    #[test]
    fn a_glob_matching_nothing_is_one_failed_input() {
        let jobs: Vec<Job> = expand(vec!["/nonexistent-gleaner-dir/*.html".into()], false, 1000).collect();
        assert_eq!(jobs.len(), 1);
        assert!(matches!(jobs[0].source, Source::Invalid(ref error) if error.kind() == "not_found"));
    }
}
