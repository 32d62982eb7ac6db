//! Small text helpers shared by the stages: whitespace normalisation, HTML sniffing, counts.

/// Appends `text` to `out` with every whitespace run collapsed to one space; a space is not
/// emitted at the start of `out` nor twice in a row. Soft hyphens (`&shy;`) are kept, as the
/// page has them: both dev sets' references keep them too.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{200b}' {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// `text` in Unicode normalisation form C: a letter and its combining accent become one
/// character, as readers, search and the rest of the web expect. Text already in NFC (nearly
/// all of it) is returned as is, after a quick check.
pub(crate) fn nfc(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes { text } else { text.nfc().collect() }
}

/// Link density: the share of `chars` characters that are the `link_chars` characters of link
/// text (0 for no text). The one definition, for blocks, tree nodes and pages alike.
pub(crate) fn link_density(link_chars: usize, chars: usize) -> f64 {
    if chars == 0 { 0.0 } else { link_chars as f64 / chars as f64 }
}

/// `text` with whitespace runs collapsed to single spaces and trimmed.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_collapsed(&mut out, text);
    out.truncate(out.trim_end().len());
    out
}

/// How much of the input is inspected to tell HTML from plain text.
const SNIFF_CHARS: usize = 64 * 1024;

/// True when `source` looks like an HTML document rather than plain text: it starts with a
/// tag, a comment or a doctype, or it has a document-level tag (`<html>`, `<body>`, `<meta>`…)
/// or several common tags near its start.
pub(crate) fn looks_like_html(source: &str) -> bool {
    let trimmed = source.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let mut chars = trimmed.chars();
    if chars.next() == Some('<') && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?') {
        return true;
    }
    let end = source.char_indices().nth(SNIFF_CHARS).map_or(source.len(), |(i, _)| i);
    let head = source[..end].to_ascii_lowercase();
    const STRONG: [&str; 6] = ["<html", "<head", "<body", "<meta", "<!doctype", "<title"];
    if STRONG.iter().any(|tag| head.contains(tag)) {
        return true;
    }
    const COMMON: [&str; 10] = ["<div", "<p>", "<p ", "<a href", "<span", "<br", "<table", "<li", "<script", "<style"];
    COMMON.iter().filter(|tag| head.contains(*tag)).count() >= 2
}

/// `c.is_alphanumeric()`, answered without a table lookup for the letters of the Latin,
/// Cyrillic and Greek blocks and for general punctuation (the standard library's lookup is
/// slow outside ASCII, and word counting runs over every block of a page several times).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{24f}'
        | '\u{400}'..='\u{481}'
        | '\u{48a}'..='\u{52f}'
        | '\u{391}'..='\u{3a1}'
        | '\u{3a3}'..='\u{3c9}' => true,
        '\u{2000}'..='\u{206f}' | '\u{a0}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Number of words (runs of alphanumeric characters); in scripts written without spaces,
/// every two characters count as a word (the average length of a Chinese word).
pub(crate) fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut cjk: usize = 0;
    let mut in_word = false;
    let mut at = 0;
    // Byte by byte over ASCII, decoding only the other characters: most text of most pages is
    // ASCII, and this count runs over every block several times (measured: 2× faster than
    // `chars()`).
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            let alphanumeric = b.is_ascii_alphanumeric();
            count += usize::from(alphanumeric && !in_word);
            in_word = alphanumeric;
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        at += c.len_utf8();
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if is_alphanumeric(c) {
            count += usize::from(!in_word);
            in_word = true;
        } else {
            in_word = false;
        }
    }
    count + cjk.div_ceil(2)
}

/// True for ideographs and kana/hangul, which are written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// True when the text ends like a sentence (., !, ?, …, or their CJK forms, maybe followed by a
/// closing quote or bracket).
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»' | '」'));
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Lowercased letters and digits with single spaces: the identity of a
/// text for comparison (a block repeated, a headline said again by the title).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_alphanumeric(c) {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(nfc("Cafe\u{301}".to_string()), "Café");
        assert_eq!(nfc("plain".to_string()), "plain");
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("<!DOCTYPE html><p>x"));
        assert!(looks_like_html("  <div><p>hi</p></div>"));
        assert!(looks_like_html(&format!("<style>{}</style><div>x</div>", "a{b:c}".repeat(2000))));
        assert!(!looks_like_html("Just a line of text.\n\nAnother paragraph with <b> in it."));
    }

    #[test]
    fn counts_words_in_mixed_scripts() {
        assert_eq!(word_count("Hello, wide world"), 3);
        assert_eq!(word_count("中文字"), 2);
    }

    #[test]
    fn fast_alphanumeric_agrees_with_the_standard_library() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }
}
