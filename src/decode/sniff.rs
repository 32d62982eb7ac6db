//! Recognises binary inputs (images, PDFs, archives, executables…) by their magic bytes, and
//! random binary data by its share of control bytes, so they are refused as `not_html`
//! instead of being "extracted".

/// Magic-byte signatures of common non-HTML formats and what to call them.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-zip archive"),
    (b"\x28\xB5\x2F\xFD", "a zstd archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an MS Office document"),
    // A web archive holds many pages: one of them is not the input's content.
    (b"WARC/1.", "a WARC archive of many pages (read it with `gleaner batch`)"),
];

/// How many leading bytes are inspected for control characters.
const SNIFF_WINDOW: usize = 4096;

/// Text (in any ASCII-compatible encoding) has almost no C0 control bytes besides
/// tab/newline/carriage return/form feed; binary data has many. A share above this is binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// What a binary input looks like, or `None` when it may be text or HTML.
#[must_use]
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None; // UTF-16 text with a BOM: full of NUL bytes, still text
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4 or HEIF media file");
    }
    let window = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let controls = window.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    (!window.is_empty() && controls as f64 / window.len() as f64 > MAX_CONTROL_SHARE).then_some("binary data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_formats_and_noise() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("a PDF document"));
        assert!(binary_kind(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n").is_some_and(|what| what.contains("gleaner batch")));
        let noise: Vec<u8> = (0..2000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(binary_kind(&noise), Some("binary data"));
    }

    #[test]
    fn text_is_not_binary() {
        assert_eq!(binary_kind(b"<html><body>Hello</body></html>"), None);
        assert_eq!(binary_kind("Plain prose, ünïcödé.\n".as_bytes()), None);
        assert_eq!(binary_kind(b"\xFF\xFEh\0i\0"), None);
    }
}
