//! WARC input (`gleaner batch --warc`): the records of WARC and WARC.gz files, read lazily one
//! at a time ([`WarcReader`]), and the HTTP responses in them ([`http`]); the batch's inputs
//! turn them into jobs.
//!
//! A small reader of its own rather than the `warc` crate (0.4): that crate's
//! `WarcReader::from_path` creates a missing input file, reads a record's block whole with no
//! cap, and brings nom 7, chrono, uuid 0.8 and libflate beside the flate2 gleaner already uses.
//!
//! - A file is WARC 1.0/1.1, plain or gzipped (one gzip member per record, or the whole file
//!   as one: [`flate2::read::MultiGzDecoder`] reads both).
//! - Only `response` records whose block is an HTTP response (`Content-Type:
//!   application/http…`, or none) become jobs; `request`, `metadata`, `warcinfo`, `revisit`,
//!   `resource`, `conversion` and `dns:` responses are skipped.
//! - Each job's id is the record's `WARC-Record-ID` (angle brackets removed), else its
//!   `WARC-Target-URI`; its `input` is `FILE:N`, N counting every record of the file from 1.
//! - A record that cannot be read gives one failed job ([`BatchError::BadWarc`]) and the reader goes
//!   on with the next record when it can find one: a header block without a valid
//!   `Content-Length` is skipped up to the next `WARC/` version line; a record cut short (or a
//!   broken gzip stream) ends the file, since nothing after it can be read.
//! - A block larger than the cap is skipped without being held ([`Error::TooLarge`] for a
//!   response record), so memory stays flat whatever the file holds.

pub mod http;

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use super::BatchError;
use crate::Error;

/// Longest WARC header line kept; a longer one is a broken record.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one WARC record (real ones have about a dozen).
const MAX_HEADER_LINES: usize = 256;

/// A reader over the WARC stream `input`, gunzipping when it starts with gzip's magic bytes.
pub fn open(input: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let mut reader = BufReader::new(input);
    if reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader))));
    }
    Ok(Box::new(reader))
}

/// One WARC record: its named headers and, for a response, its block.
#[derive(Debug, Clone, Default)]
pub struct WarcRecord {
    /// The record's place in its file, counting from 1.
    pub ordinal: usize,
    /// `WARC-Type`, lowercased (`response`, `request`…).
    pub warc_type: String,
    /// `WARC-Target-URI`, angle brackets removed.
    pub target_uri: Option<String>,
    /// `WARC-Record-ID`, angle brackets removed (`urn:uuid:…`).
    pub record_id: Option<String>,
    /// The record's `Content-Type` (the block's type, `application/http; msgtype=response`).
    pub content_type: Option<String>,
    /// The record's block: for a response, the HTTP response as received. Empty for the
    /// records that are skipped.
    pub block: Vec<u8>,
}

impl WarcRecord {
    /// A `response` record holding an HTTP response (not a `dns:` lookup or the like).
    #[must_use]
    pub fn is_http_response(&self) -> bool {
        self.warc_type == "response" && self.content_type.as_deref().is_none_or(|kind| kind.trim().to_ascii_lowercase().starts_with("application/http"))
    }
}

/// What is wrong with a WARC record (see [`BatchError::BadWarc`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WarcProblem {
    /// The stream (or the record) could not be read: an I/O error or broken gzip.
    #[error("cannot read: {0}")]
    Unreadable(#[source] io::Error),
    /// The record does not start with a `WARC/1.x` line; the start of what was found.
    #[error("expected a WARC/1.x version line, found {0:?}")]
    NoVersionLine(String),
    /// The headers have no valid `Content-Length`.
    #[error("no valid Content-Length")]
    NoLength,
    /// The stream ended inside the record's block.
    #[error("truncated, {read} of its {length} bytes")]
    Truncated {
        /// Bytes read.
        read: u64,
        /// Bytes declared.
        length: u64,
    },
    /// The stream ended inside the record's headers.
    #[error("truncated in its headers")]
    TruncatedHeaders,
    /// More header lines than any real record has.
    #[error("more than {0} header lines")]
    TooManyHeaders(usize),
    /// The archived HTTP response has no blank line ending its headers.
    #[error("the HTTP response has no end of its headers")]
    NoHttpHeadersEnd,
    /// The archived HTTP response has no status line.
    #[error("the record holds no HTTP status line")]
    NoHttpStatus,
}

/// A record that could not be read: its place and why.
#[derive(Debug)]
pub struct Failed {
    /// The record's place in its file, counting from 1.
    pub ordinal: usize,
    /// Why ([`BatchError::BadWarc`], or a `too_large` [`Error::TooLarge`] for a response block
    /// over the cap).
    pub error: BatchError,
}

/// Reads WARC records one by one. Only `response` blocks are kept; every other block is read
/// past without being held.
pub struct WarcReader<R> {
    reader: R,
    max_block_bytes: usize,
    ordinal: usize,
    /// A version line found while skipping a broken record: the next record's first line.
    pending: Option<Vec<u8>>,
    /// Set once the stream cannot be read further.
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader of the (already decompressed) stream `reader`.
    pub fn new(reader: R, max_block_bytes: usize) -> Self {
        Self { reader, max_block_bytes, ordinal: 0, pending: None, done: false }
    }

    fn fail(&mut self, problem: WarcProblem, ends_stream: bool) -> Failed {
        self.done |= ends_stream;
        Failed { ordinal: self.ordinal, error: BatchError::BadWarc { record: Some(self.ordinal), problem } }
    }

    /// The next record, `Ok(None)` at the end of the stream.
    fn read_record(&mut self) -> Result<Option<WarcRecord>, Failed> {
        let Some(version) = self.version_line().map_err(|err| {
            self.done = true;
            Failed { ordinal: self.ordinal, error: BatchError::BadWarc { record: None, problem: WarcProblem::Unreadable(err) } }
        })?
        else {
            return Ok(None);
        };
        self.ordinal += 1;
        if !version.starts_with(b"WARC/") {
            let found = String::from_utf8_lossy(&version[..version.len().min(40)]).into_owned();
            self.skip_to_next_record();
            return Err(self.fail(WarcProblem::NoVersionLine(found), false));
        }
        let (mut record, length) = self.headers()?;
        let Some(length) = length else {
            self.skip_to_next_record();
            return Err(self.fail(WarcProblem::NoLength, false));
        };
        let keep = record.warc_type == "response";
        if !keep || length > self.max_block_bytes as u64 {
            let skipped = io::copy(&mut (&mut self.reader).take(length), &mut io::sink()).map_err(|err| self.fail(WarcProblem::Unreadable(err), true))?;
            if skipped < length {
                return Err(self.cut_short(skipped, length));
            }
            if keep {
                let error = Error::TooLarge { limit: self.max_block_bytes }.into();
                return Err(Failed { ordinal: self.ordinal, error });
            }
            return Ok(Some(record));
        }
        let mut block = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
        let read = (&mut self.reader).take(length).read_to_end(&mut block).map_err(|err| self.fail(WarcProblem::Unreadable(err), true))?;
        if (read as u64) < length {
            return Err(self.cut_short(read as u64, length));
        }
        record.block = block;
        Ok(Some(record))
    }

    fn cut_short(&mut self, read: u64, length: u64) -> Failed {
        self.fail(WarcProblem::Truncated { read, length }, true)
    }

    /// The first non-blank line (the pending one if any), `None` at the end of the stream.
    fn version_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        if let Some(line) = self.pending.take() {
            return Ok(Some(line));
        }
        loop {
            match read_line(&mut self.reader)? {
                None => return Ok(None),
                Some(line) if line.iter().all(u8::is_ascii_whitespace) => {}
                Some(line) => return Ok(Some(line)),
            }
        }
    }

    /// Reads lines up to the next `WARC/` version line, kept as pending.
    fn skip_to_next_record(&mut self) {
        while let Ok(Some(line)) = read_line(&mut self.reader) {
            if line.starts_with(b"WARC/") {
                self.pending = Some(line);
                return;
            }
        }
        self.done = true;
    }

    /// The header lines after the version line, up to the blank line; the Content-Length.
    fn headers(&mut self) -> Result<(WarcRecord, Option<u64>), Failed> {
        let mut record = WarcRecord { ordinal: self.ordinal, ..WarcRecord::default() };
        let mut length = None;
        for _ in 0..MAX_HEADER_LINES {
            let line = match read_line(&mut self.reader) {
                Ok(Some(line)) => line,
                Ok(None) => return Err(self.fail(WarcProblem::TruncatedHeaders, true)),
                Err(err) => return Err(self.fail(WarcProblem::Unreadable(err), true)),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                return Ok((record, length));
            }
            let line = String::from_utf8_lossy(&line);
            let Some((name, value)) = line.split_once(':') else { continue };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => record.warc_type = value.to_ascii_lowercase(),
                "warc-target-uri" => record.target_uri = Some(unbracket(value)),
                "warc-record-id" => record.record_id = Some(unbracket(value)),
                "content-type" => record.content_type = Some(value.to_string()),
                "content-length" => length = value.parse::<u64>().ok(),
                _ => {}
            }
        }
        self.skip_to_next_record();
        Err(self.fail(WarcProblem::TooManyHeaders(MAX_HEADER_LINES), false))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, Failed>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.read_record().transpose()
    }
}

/// `<urn:uuid:…>` → `urn:uuid:…` (WARC 1.0 writes some URIs in angle brackets).
fn unbracket(value: &str) -> String {
    value.strip_prefix('<').and_then(|inner| inner.strip_suffix('>')).unwrap_or(value).to_string()
}

/// One line, newline included, at most [`MAX_HEADER_LINE`] bytes kept (the rest of a longer
/// line is read and dropped); `None` at the end of the stream.
fn read_line<R: BufRead>(reader: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut seen = false;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(seen.then_some(line));
        }
        seen = true;
        let (taken, ends) = match buffer.iter().position(|&byte| byte == b'\n') {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        let room = MAX_HEADER_LINE.saturating_sub(line.len());
        line.extend_from_slice(&buffer[..taken.min(room)]);
        reader.consume(taken);
        if ends {
            return Ok(Some(line));
        }
    }
}

/// Whether `path` names a WARC file: `.warc` or `.warc.gz`.
#[must_use]
pub fn is_warc_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or("").to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

#[cfg(test)]
mod tests;
