//! A guard run before parsing: caps how deeply elements nest.
//!
//! html5ever has no nesting cap, and its tree builder scans the whole stack of open elements
//! for many start tags, so a page of 100,000 nested `<div>`s takes minutes. Browsers cap the
//! depth (Chromium at 512). This pass scans the markup once, tracks the depth of elements
//! that need an end tag, and drops the start tags (and their matching end tags) that would
//! nest deeper than the cap; their text is kept, one level up. Pages within the cap are
//! returned untouched, without a copy.
//!
//! The same pass caps the attributes of one tag (default [`DEFAULT_MAX_ATTRIBUTES`]): html5ever
//! checks each new attribute against all earlier ones of the tag for duplicates, so 100,000
//! attributes on one element take seconds (and a 20 MB tag minutes). Attributes past the cap
//! are dropped.
//!
//! Both caps degrade the page rather than fail it; [`Limited`] says which one acted, and the
//! article's `warnings` carry `depth_limit` / `attribute_limit`.

use std::borrow::Cow;

/// The default nesting cap, as in Chromium.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// The default number of attributes kept on one tag. Real elements carry a few dozen at most;
/// the cap only bounds html5ever's quadratic duplicate check.
pub const DEFAULT_MAX_ATTRIBUTES: usize = 1000;

/// The caps of the pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkupLimits {
    /// Deepest nesting of elements that need an end tag.
    pub max_depth: usize,
    /// Most attributes kept on one tag.
    pub max_attributes: usize,
}

impl Default for MarkupLimits {
    fn default() -> Self {
        Self { max_depth: DEFAULT_MAX_DEPTH, max_attributes: DEFAULT_MAX_ATTRIBUTES }
    }
}

/// The markup after the pass, and which caps changed it.
#[derive(Debug)]
pub struct Limited<'a> {
    /// The markup, borrowed when nothing was changed.
    pub html: Cow<'a, str>,
    /// Start tags deeper than the depth cap were dropped.
    pub depth_cut: bool,
    /// Attributes past the attribute cap were dropped.
    pub attributes_cut: bool,
}

/// Elements closed implicitly by the parser (a new `<p>` ends the open one) or that never have
/// content: they do not deepen the tree in practice and are not counted, so sloppy pages full
/// of unclosed `<p>` and `<li>` are not mistaken for deep ones.
const UNCOUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound",
    "image",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Returns `html` with start tags nested deeper than `limits.max_depth` (and their end tags)
/// removed and the attributes of a tag past `limits.max_attributes` dropped, saying which cap
/// acted.
#[must_use]
pub fn limit_markup(html: &str, limits: MarkupLimits) -> Limited<'_> {
    let MarkupLimits { max_depth, max_attributes } = limits;
    let (mut depth_cut, mut attributes_cut) = (false, false);
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut out: Option<String> = None;
    let mut copied_to = 0; // bytes of `html` already copied into `out`
    // Tag name → number of its start tags dropped (a map: a hostile page can use 100,000
    // distinct custom-element names).
    let mut dropped: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[pos..]) {
        let start = pos + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            pos = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let Some(tag) = parse_tag(bytes, start, max_attributes) else {
            pos = start + 1;
            continue;
        };
        let name = tag.name();
        let counted = !UNCOUNTED.contains(&name) && !tag.self_closing;
        let mut remove = false;
        if tag.end {
            if counted {
                if let Some(count) = dropped.get_mut(name).filter(|count| **count > 0) {
                    *count -= 1;
                    remove = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if counted {
            if depth >= max_depth {
                remove = true;
                depth_cut = true;
                *dropped.entry(name.to_string()).or_default() += 1;
            } else {
                depth += 1;
            }
        }
        if remove {
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buffer.push_str(&html[copied_to..start]);
            copied_to = tag.end_offset;
        } else if let Some(cut) = tag.attributes_cut {
            attributes_cut = true;
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buffer.push_str(&html[copied_to..cut]);
            buffer.push('>');
            copied_to = tag.end_offset;
        }
        pos = tag.end_offset;
        if pos == bytes.len() {
            break;
        }
        if !tag.end && RAW_TEXT.contains(&name) {
            pos = find_end_tag(bytes, pos, name.as_bytes()).unwrap_or(bytes.len());
        } else if !tag.end && name == "plaintext" {
            break;
        }
    }
    let html = match out {
        None => Cow::Borrowed(html),
        Some(mut buffer) => {
            buffer.push_str(&html[copied_to..]);
            Cow::Owned(buffer)
        }
    };
    Limited { html, depth_cut, attributes_cut }
}

/// Longest tag name told apart; longer names (custom elements) are compared by their prefix.
const MAX_NAME: usize = 16;

/// A start or end tag found in the markup.
struct TagToken {
    /// The lowercased name (at most [`MAX_NAME`] bytes).
    name_buf: [u8; MAX_NAME],
    name_len: usize,
    end: bool,
    self_closing: bool,
    /// Byte offset just past the closing `>`.
    end_offset: usize,
    /// Where the attribute past the cap starts, when there are more.
    attributes_cut: Option<usize>,
}

impl TagToken {
    fn name(&self) -> &str {
        std::str::from_utf8(&self.name_buf[..self.name_len]).unwrap_or("")
    }
}

/// Parses the tag starting at `start` (a `<`), or `None` when it is not a tag.
fn parse_tag(bytes: &[u8], start: usize, max_attributes: usize) -> Option<TagToken> {
    let mut i = start + 1;
    let end = bytes.get(i) == Some(&b'/');
    if end {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let mut name_buf = [0u8; MAX_NAME];
    let name_len = (i - name_start).min(MAX_NAME);
    for (slot, b) in name_buf.iter_mut().zip(&bytes[name_start..name_start + name_len]) {
        *slot = b.to_ascii_lowercase();
    }
    // A tag too short to hold more attributes than the cap (each takes a space and a byte)
    // needs no counting: jump from quote to quote to its `>` (memchr; the byte-by-byte loop
    // below was 9% of a page's time).
    if let Some(end_offset) = short_tag_end(bytes, i, max_attributes.saturating_mul(2)) {
        let self_closing = bytes[end_offset - 2] == b'/';
        return Some(TagToken { name_buf, name_len, end, self_closing, end_offset, attributes_cut: None });
    }
    // Skip attributes up to the `>` that is not inside quotes, counting them: an attribute
    // starts where a token follows whitespace and neither it nor the token before is `=`.
    let mut quote: Option<u8> = None;
    let mut attributes = 0;
    let mut attributes_cut = None;
    let mut previous = b' ';
    let mut last_token_byte = b' ';
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => {
                quote = None;
                last_token_byte = b;
            }
            Some(_) => {}
            // As in the tokenizer, a quote opens a value only right after `=`; elsewhere it is
            // part of a name or an unquoted value.
            None if (b == b'"' || b == b'\'') && last_token_byte == b'=' => {
                quote = Some(b);
                last_token_byte = b;
            }
            None if b == b'>' => {
                let self_closing = i > start && bytes[i - 1] == b'/';
                return Some(TagToken { name_buf, name_len, end, self_closing, end_offset: i + 1, attributes_cut });
            }
            None => {
                if previous.is_ascii_whitespace() && !b.is_ascii_whitespace() && b != b'=' && b != b'/' && last_token_byte != b'=' {
                    attributes += 1;
                    if attributes == max_attributes + 1 && !end {
                        attributes_cut = Some(i);
                    }
                }
                if !b.is_ascii_whitespace() {
                    last_token_byte = b;
                }
            }
        }
        previous = b;
        i += 1;
    }
    // The tag runs to the end of the input: the tokenizer, too, reads the rest as this tag.
    Some(TagToken { name_buf, name_len, end, self_closing: false, end_offset: bytes.len(), attributes_cut: None })
}

/// Where the tag whose attributes start at `from` ends (just past its `>`), when that is within
/// `span` bytes; `None` when it runs further (the caller then scans it byte by byte, counting
/// attributes). As in the tokenizer, a quote opens a value only right after `=` (whitespace
/// between them allowed); elsewhere it is part of a name or an unquoted value.
fn short_tag_end(bytes: &[u8], from: usize, span: usize) -> Option<usize> {
    let limit = bytes.len().min(from.saturating_add(span));
    let mut i = from;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[i..limit]) {
        let at = i + offset;
        let b = bytes[at];
        if b == b'>' {
            return Some(at + 1);
        }
        let opens = bytes[from..at].iter().rev().find(|c| !c.is_ascii_whitespace()) == Some(&b'=');
        i = at + 1;
        if opens {
            i += memchr::memchr(b, &bytes[i..limit])? + 1;
        }
    }
    None
}

/// Where `needle` starts in `bytes` from `from` on.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// Where the end tag `</name` (any case) starts in `bytes` from `from` on: the end of a raw
/// text element's content.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memchr::memmem::find(bytes.get(i..)?, b"</")?;
        if bytes.get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return Some(at);
        }
        i = at + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The markup after the pass with a depth cap of `max_depth`.
    fn limit_depth(html: &str, max_depth: usize) -> Cow<'_, str> {
        limit_markup(html, MarkupLimits { max_depth, ..MarkupLimits::default() }).html
    }

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><p>a<p>b</div><script>if (a<b) {}</script>";
        assert!(matches!(limit_depth(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let html = format!("{}deep{}", "<div>".repeat(10), "</div>".repeat(10));
        let limited = limit_markup(&html, MarkupLimits { max_depth: 3, ..MarkupLimits::default() });
        assert_eq!(limited.html, format!("{}deep{}", "<div>".repeat(3), "</div>".repeat(3)));
        assert!(limited.depth_cut && !limited.attributes_cut);
    }

    #[test]
    fn tags_in_scripts_and_comments_do_not_count() {
        let html = "<!-- <div><div><div> --><script><div><div><div></script><div>x</div>";
        assert!(matches!(limit_depth(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_past_the_cap_are_dropped() {
        let attrs: String = (0..DEFAULT_MAX_ATTRIBUTES + 5).map(|i| format!(" a{i} = \"x y\"")).collect();
        let html = format!("<div{attrs}>text</div>");
        let limited = limit_markup(&html, MarkupLimits::default());
        let kept: String = (0..DEFAULT_MAX_ATTRIBUTES).map(|i| format!(" a{i} = \"x y\"")).collect();
        assert_eq!(limited.html, format!("<div{kept} >text</div>"));
        assert!(limited.attributes_cut && !limited.depth_cut);
        let three = limit_markup("<p a b c d>x</p>", MarkupLimits { max_attributes: 3, ..MarkupLimits::default() });
        assert_eq!(three.html, "<p a b c >x</p>");
        let few = "<a href='/x' title = 'y z' data-k>t</a>";
        assert!(matches!(limit_depth(few, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tag_left_open_ends_the_scan() {
        // Each `<a'` once scanned to the end of the input looking for a closing quote:
        // quadratic. A quote not after `=` is part of a name, and an unterminated tag ends
        // the scan.
        let html = "<a'".repeat(200_000);
        assert!(matches!(limit_depth(&html, 10), Cow::Borrowed(_)));
        let html = format!("<a x=\"{}", "<div>".repeat(50));
        assert!(matches!(limit_depth(&html, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_paragraphs_do_not_deepen() {
        let html = "<p>x".repeat(100);
        assert!(matches!(limit_depth(&html, 2), Cow::Borrowed(_)));
    }
}
