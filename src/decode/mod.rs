//! Stage 1, bytes → text: gzip sniffing, binary detection and charset decoding in the order
//! browsers use (BOM, transport header, `<meta>` prescan, then statistical detection).
//! Bad byte sequences become U+FFFD; decoding itself never fails.

pub mod mojibake;
mod prescan;
mod sniff;

use std::io::Read;

use encoding_rs::Encoding;
pub use sniff::binary_kind;

use crate::Error;
pub use crate::page::{EncodingInfo, EncodingSource};

/// A page declared UTF-8 whose bytes are mostly not UTF-8 is decoded as something else: when
/// more than this share of the non-ASCII characters that UTF-8 would give are U+FFFD. Text in
/// a legacy charset read as UTF-8 gives U+FFFD for nearly every non-ASCII character (a high
/// byte is followed by the continuation bytes a UTF-8 lead byte needs only by chance), while a
/// UTF-8 page with stray bytes (a footer pasted from a legacy page, a character cut in two)
/// keeps nearly all of them: the share is near 1 or near 0, and one half parts the two with
/// wide margins.
pub const MAX_INVALID_SHARE: f64 = 0.5;

/// Fewer invalid sequences than this are stray bytes, not a wrong label: the reader loses a
/// few characters to U+FFFD, and a detector's guess from so little evidence is a coin toss.
pub const MIN_INVALID_SEQUENCES: usize = 8;

/// A decoded page: its text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, with bad byte sequences replaced by U+FFFD.
    pub text: String,
    /// The encoding used.
    pub encoding: EncodingInfo,
}

/// How many leading bytes the statistical detector looks at: enough for a reliable guess,
/// bounded so huge pages stay cheap.
const DETECTOR_WINDOW: usize = 64 * 1024;

/// Decompresses `bytes` when they start with the gzip magic number, enforcing `limit` on the
/// decompressed size (so a gzip bomb stops at the cap). Other bytes are returned as they are.
pub fn gunzip_if_needed(bytes: &[u8], limit: usize) -> Result<std::borrow::Cow<'_, [u8]>, Error> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        if bytes.len() > limit {
            return Err(Error::TooLarge { limit });
        }
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let read = decoder.take(limit as u64 + 1).read_to_end(&mut out).map_err(|source| Error::BadGzip { source })?;
    if read > limit {
        return Err(Error::TooLarge { limit });
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Decodes page bytes to text. `content_type` is the transport header, `url` helps the
/// detector (its top-level domain hints the language).
#[must_use]
pub fn decode(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> Decoded {
    let (encoding, source) = choose_encoding(bytes, content_type, url);
    let (text, _, had_errors) = encoding.decode(bytes);
    // Decoding finds bad bytes anyway: only a page that has some pays for the check.
    let declared_utf8 = encoding == encoding_rs::UTF_8 && matches!(source, EncodingSource::Http | EncodingSource::Meta);
    if had_errors
        && declared_utf8
        && is_mostly_invalid_utf8(bytes)
        && let Some((other, other_source)) = instead_of_utf8(bytes, source, url)
    {
        let (text, _, _) = other.decode(bytes);
        return Decoded { text: text.into_owned(), encoding: EncodingInfo { name: other.name(), source: other_source, declared: Some(encoding.name()) } };
    }
    Decoded { text: text.into_owned(), encoding: EncodingInfo { name: encoding.name(), source, declared: None } }
}

/// What a page whose declared UTF-8 (from `source`) is mostly invalid is decoded with
/// instead: its own `<meta>` if the header was the wrong one and that names something else,
/// else detection; `None` if detection says UTF-8 after all.
fn instead_of_utf8(bytes: &[u8], source: EncodingSource, url: Option<&str>) -> Option<(&'static Encoding, EncodingSource)> {
    let meta = (source == EncodingSource::Http).then(|| prescan::meta_charset(bytes).map(declared_to_used)).flatten();
    let (other, other_source) = match meta {
        Some(meta) if meta != encoding_rs::UTF_8 => (meta, EncodingSource::Meta),
        _ => (detect(bytes, url), EncodingSource::Detected),
    };
    (other != encoding_rs::UTF_8).then_some((other, other_source))
}

/// Whether bytes declared UTF-8 are mostly not UTF-8 (see [`MAX_INVALID_SHARE`] and
/// [`MIN_INVALID_SEQUENCES`]), judged on the detector's window.
fn is_mostly_invalid_utf8(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(DETECTOR_WINDOW)];
    if is_valid_utf8_prefix(window) {
        return false;
    }
    let (mut invalid, mut valid) = (0usize, 0usize);
    let mut chunks = window.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        // A sequence cut by the window's end is not an error.
        let cut_at_end = chunks.peek().is_none() && window.len() < bytes.len();
        if !chunk.invalid().is_empty() && !cut_at_end {
            invalid += 1;
        }
    }
    invalid >= MIN_INVALID_SEQUENCES && invalid as f64 > MAX_INVALID_SHARE * (invalid + valid) as f64
}

/// Picks the encoding: BOM, transport charset, `<meta>` prescan, detection.
fn choose_encoding(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> (&'static Encoding, EncodingSource) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, EncodingSource::Bom);
    }
    if let Some(encoding) = content_type.and_then(charset_from_content_type) {
        return (declared_to_used(encoding), EncodingSource::Http);
    }
    if let Some(encoding) = prescan::meta_charset(bytes) {
        let encoding = declared_to_used(encoding);
        // A page that declares a legacy single-byte charset but whose bytes are valid UTF-8
        // with non-ASCII text is UTF-8 (a common server misconfiguration); any real
        // single-byte text almost never forms valid multi-byte UTF-8 sequences.
        if encoding != encoding_rs::UTF_8 && !bytes.is_ascii() && is_valid_utf8_prefix(bytes) {
            return (encoding_rs::UTF_8, EncodingSource::Detected);
        }
        return (encoding, EncodingSource::Meta);
    }
    if bytes.is_ascii() {
        return (encoding_rs::UTF_8, EncodingSource::Default);
    }
    if is_valid_utf8_prefix(bytes) {
        return (encoding_rs::UTF_8, EncodingSource::Detected);
    }
    (detect(bytes, url), EncodingSource::Detected)
}

/// Statistical detection (chardetng) over the first [`DETECTOR_WINDOW`] bytes, helped by the
/// URL's top-level domain.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let window = &bytes[..bytes.len().min(DETECTOR_WINDOW)];
    detector.feed(window, window.len() == bytes.len());
    let tld = url.and_then(top_level_domain);
    detector.guess(tld.as_deref().map(str::as_bytes), chardetng::Utf8Detection::Allow)
}

/// True when the bytes are UTF-8, allowing a sequence cut at the very end of the window.
fn is_valid_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(err) => err.error_len().is_none(),
    }
}

/// UTF-16 labels in a declaration mean UTF-8 (the bytes are ASCII-compatible if we could read
/// the declaration), and `x-user-defined` means windows-1252, as the HTML standard says.
fn declared_to_used(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        encoding
    }
}

/// The encoding named by a `charset=` parameter of a Content-Type value.
pub(crate) fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(value.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())
    })
}

/// The last label of a URL's host, lowercased, for the detector's language hint.
fn top_level_domain(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let tld = host.rsplit('.').next()?;
    (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())).then(|| tld.to_ascii_lowercase())
}

#[cfg(test)]
mod tests;
