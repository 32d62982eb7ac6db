//! The `<meta>` charset prescan: finds a charset declared in the first bytes of a page, as the
//! HTML standard's "prescan a byte stream" does (comments skipped, `charset` or
//! `http-equiv`+`content`), plus the XML declaration.

use encoding_rs::Encoding;

/// How far into the bytes the prescan looks. The standard says 1024; real pages often put
/// the declaration after long inline scripts, and browsers recover those by reparsing, so we
/// look further.
const PRESCAN_WINDOW: usize = 8 * 1024;

/// The encoding declared by a `<meta>` tag or XML declaration near the start of `bytes`.
pub(super) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_WINDOW)];
    if let Some(encoding) = xml_declaration(head) {
        return Some(encoding);
    }
    let mut pos = 0;
    while let Some(offset) = memchr(b'<', &head[pos..]) {
        pos += offset;
        let rest = &head[pos..];
        if rest.starts_with(b"<!--") {
            pos += find(&rest[4..], b"-->").map_or(rest.len(), |end| end + 7);
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta") && rest.get(5).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/') {
            let (attrs, consumed) = attributes(&rest[5..]);
            if let Some(encoding) = charset_of_meta(&attrs) {
                return Some(encoding);
            }
            pos += 5 + consumed;
            continue;
        }
        pos += 1;
    }
    None
}

/// `<?xml version="1.0" encoding="…"?>` at the very start.
fn xml_declaration(head: &[u8]) -> Option<&'static Encoding> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &head[start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = find(rest, b"?>")?;
    let (attrs, _) = attributes(&rest[5..end]);
    attrs.iter().find(|(name, _)| name == "encoding").and_then(|(_, value)| Encoding::for_label(value.as_bytes()))
}

/// The charset a `<meta>` tag's attributes declare, if any.
fn charset_of_meta(attrs: &[(String, String)]) -> Option<&'static Encoding> {
    let get = |key: &str| attrs.iter().find(|(name, _)| name == key).map(|(_, v)| v.as_str());
    if let Some(label) = get("charset") {
        return Encoding::for_label(label.trim().as_bytes());
    }
    if get("http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type")) {
        let content = get("content")?;
        let lower = content.to_ascii_lowercase();
        let at = lower.find("charset")?;
        let value = lower[at + 7..].trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(value.len());
        return Encoding::for_label(&value.as_bytes()[..end]);
    }
    None
}

/// Parses `name=value` attributes up to the closing `>`; returns them (names lowercased) and
/// the number of bytes consumed.
fn attributes(bytes: &[u8]) -> (Vec<(String, String)>, usize) {
    let mut attrs = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    loop {
        while i < n && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n || bytes[i] == b'>' {
            return (attrs, (i + 1).min(n));
        }
        let name_start = i;
        while i < n && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = String::from_utf8_lossy(&bytes[name_start..i]).to_ascii_lowercase();
        while i < n && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < n && bytes[i] == b'=' {
            i += 1;
            while i < n && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = bytes[start..].iter().position(|&b| b == quote).map_or(n, |p| start + p);
                value = String::from_utf8_lossy(&bytes[start..end]).into_owned();
                i = (end + 1).min(n);
            } else {
                let start = i;
                while i < n && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = String::from_utf8_lossy(&bytes[start..i]).into_owned();
            }
        }
        if name.is_empty() {
            i += 1;
        } else {
            attrs.push((name, value));
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_meta_charset_forms() {
        assert_eq!(meta_charset(b"<meta charset='shift_jis'>"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(meta_charset(b"<META HTTP-EQUIV=Content-Type CONTENT=\"text/html; Charset=EUC-KR\">"), Some(encoding_rs::EUC_KR));
        assert_eq!(meta_charset(b"<?xml version=\"1.0\" encoding=\"gb2312\"?><html>"), Some(encoding_rs::GBK));
    }

    #[test]
    fn skips_comments_and_unknown_labels() {
        assert_eq!(meta_charset(b"<!-- <meta charset=koi8-r> --><meta charset=utf-8>"), Some(encoding_rs::UTF_8));
        assert_eq!(meta_charset(b"<meta charset=no-such-thing><p>x"), None);
        assert_eq!(meta_charset(b"<metadata charset=koi8-r>"), None);
    }
}
