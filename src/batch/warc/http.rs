//! The HTTP response stored in a WARC `response` record: status line, headers, body.
//!
//! A WARC keeps the response as it came over the wire, so the body may still be in chunked
//! transfer coding and compressed:
//! - `Transfer-Encoding: chunked` is undone; a body that does not start with a chunk size is
//!   taken as already unchunked (some writers store the decoded body and keep the header), and
//!   a chunked body cut short keeps the chunks read.
//! - `Content-Encoding: gzip` is left to the extractor, which gunzips by gzip's magic bytes with
//!   its size cap (a body without the magic was stored decoded); `deflate` is inflated here
//!   (zlib-wrapped or raw) under the same cap; any other coding (`br`, `zstd`…) is an
//!   [`BatchError::UnsupportedEncoding`] error unless the body already starts like markup.

use std::io::Read;

use super::WarcProblem;
use crate::batch::BatchError;

/// An archived HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header (its charset is the transport hint for decoding).
    pub content_type: Option<String>,
    /// The body, unchunked and, for `deflate`, inflated.
    pub body: Vec<u8>,
}

/// Parses an HTTP response block; `max_body_bytes` caps an inflated body.
///
/// # Errors
/// [`BatchError::BadWarc`] when the block is not an HTTP response (no status line, no end of
/// the headers), [`BatchError::UnsupportedEncoding`] for a content coding that cannot be
/// undone, and `too_large` for a `deflate` body inflating past the cap.
pub fn parse(block: &[u8], max_body_bytes: usize) -> Result<Response, BatchError> {
    let bad = |problem| BatchError::BadWarc { record: None, problem };
    let (head, body) = split_head(block).ok_or_else(|| bad(WarcProblem::NoHttpHeadersEnd))?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next().and_then(status_code).ok_or_else(|| bad(WarcProblem::NoHttpStatus))?;
    let (mut content_type, mut transfer, mut coding) = (None, String::new(), String::new());
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "transfer-encoding" => transfer = value.to_ascii_lowercase(),
            "content-encoding" => coding = value.to_ascii_lowercase(),
            _ => {}
        }
    }
    let mut body = body.to_vec();
    if transfer.contains("chunked")
        && let Some(unchunked) = unchunk(&body)
    {
        body = unchunked;
    }
    let body = decode_content(body, &coding, max_body_bytes)?;
    Ok(Response { status, content_type, body })
}

/// The headers and the body, split at the first blank line (CRLF or bare LF).
fn split_head(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = find(block, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = find(block, b"\n\n").map(|at| (at, at + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (found, None) | (None, found) => found?,
    };
    Some((&block[..end], &block[body..]))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// `HTTP/1.1 200 OK` → 200.
fn status_code(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    parts.next()?.parse().ok().filter(|code| (100..1000).contains(code))
}

/// Undoes chunked transfer coding; `None` when `body` does not start with a chunk size.
fn unchunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    while let Some(line_end) = find(rest, b"\n") {
        let line = String::from_utf8_lossy(&rest[..line_end]);
        // A chunk size may carry extensions after ';'.
        let size_text = line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            if first {
                return None;
            }
            break;
        };
        first = false;
        rest = &rest[line_end + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        // The CRLF after the chunk's data.
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
    }
    (!first).then_some(out)
}

/// Undoes `Content-Encoding` where the extractor will not (see the module documentation).
fn decode_content(body: Vec<u8>, coding: &str, limit: usize) -> Result<Vec<u8>, BatchError> {
    match coding {
        "" | "identity" | "gzip" | "x-gzip" => Ok(body),
        "deflate" => inflate(&body, limit),
        _ if starts_like_markup(&body) => Ok(body),
        other => Err(BatchError::UnsupportedEncoding { coding: other.to_string() }),
    }
}

/// Inflates a `deflate` body: zlib-wrapped as the RFC says, else raw deflate as some servers
/// send, else the body as stored (a writer that decoded it).
fn inflate(body: &[u8], limit: usize) -> Result<Vec<u8>, BatchError> {
    let too_large = || BatchError::from(crate::Error::TooLarge { limit });
    let capped = |reader: &mut dyn Read| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        reader.take(limit as u64 + 1).read_to_end(&mut out).ok().filter(|&read| read > 0).map(|_| out)
    };
    let inflated = capped(&mut flate2::read::ZlibDecoder::new(body)).or_else(|| capped(&mut flate2::read::DeflateDecoder::new(body)));
    match inflated {
        Some(out) if out.len() > limit => Err(too_large()),
        Some(out) => Ok(out),
        None => Ok(body.to_vec()),
    }
}

/// Whether the first non-blank byte is `<`: a body stored decoded despite its header.
fn starts_like_markup(body: &[u8]) -> bool {
    body.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'<')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: usize = 1 << 20;

    #[test]
    fn status_content_type_and_body() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>hi</p>";
        let response = parse(block, LIMIT).expect("parses");
        assert_eq!(response.status, 200);
        assert_eq!(response.content_type.as_deref(), Some("text/html; charset=windows-1251"));
        assert_eq!(response.body, b"<p>hi</p>");
    }

    #[test]
    fn chunked_bodies_are_unchunked_and_decoded_ones_kept() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n";
        assert_eq!(parse(block, LIMIT).expect("parses").body, b"<p>hi</p>");
        let stored_decoded = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<p>hi</p>";
        assert_eq!(parse(stored_decoded, LIMIT).expect("parses").body, b"<p>hi</p>");
        let cut = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n10\r\ni</p>";
        assert_eq!(parse(cut, LIMIT).expect("parses").body, b"<p>hi</p>");
    }

    #[test]
    fn deflate_is_inflated_and_unknown_codings_are_reported() {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, b"<p>hi</p>").expect("deflate");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n".to_vec();
        block.extend(encoder.finish().expect("deflate"));
        assert_eq!(parse(&block, LIMIT).expect("parses").body, b"<p>hi</p>");
        assert!(parse(&block, 3).is_err_and(|error| error.kind() == "too_large"));
        let brotli = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x08\x00";
        assert!(matches!(parse(brotli, LIMIT), Err(BatchError::UnsupportedEncoding { .. })));
        let stored_decoded = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n  <p>hi</p>";
        assert!(parse(stored_decoded, LIMIT).is_ok());
    }

    #[test]
    fn blocks_that_are_not_responses_are_bad_warc() {
        for block in [&b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"[..], b"HTTP/1.1 200 OK\r\nContent-Type: text/html", b""] {
            assert!(matches!(parse(block, LIMIT), Err(BatchError::BadWarc { .. })), "{block:?}");
        }
        assert_eq!(parse(b"HTTP/1.0 404 Not Found\n\nnope", LIMIT).expect("parses").status, 404);
    }
}
