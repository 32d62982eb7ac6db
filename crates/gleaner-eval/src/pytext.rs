//! Text primitives that behave exactly like the Python the reference scorer runs on:
//! `re`'s `\w` and `\s`, `str.split()`/`str.strip()` whitespace, and whitespace normalisation.

#[path = "pyunicode_table.rs"]
mod table;

/// Whether Python's `re` matches `c` with `\w` (for str patterns: `c.isalnum() or c == "_"`).
///
/// Unlike [`char::is_alphanumeric`], this excludes combining marks (e.g. Devanagari vowel
/// signs and the virama), which split words in Python.
#[must_use]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    table::WORD_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether Python counts `c` as whitespace (`str.isspace()`, `re`'s `\s`, `str.split()`,
/// `str.strip()`): Unicode White_Space plus the ASCII separators U+001C..U+001F.
#[must_use]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// The maximal runs of word characters in `text`, as `re.findall(r"\w+", text)` returns them.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// Whether `text` is empty after Python's `str.strip()`.
#[must_use]
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_space)
}

/// Collapses every whitespace run to one space and strips the ends, like
/// `re.sub(r"\s+", " ", text).strip()`.
#[must_use]
pub fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for part in text.split(is_space).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_follow_python() {
        assert!(is_word_char('a') && is_word_char('_') && is_word_char('7'));
        assert!(is_word_char('é') && is_word_char('ß') && is_word_char('中') && is_word_char('²'));
        assert!(!is_word_char('-') && !is_word_char('\'') && !is_word_char(' '));
        // combining marks are not \w in Python: "नमस्ते" is two words there
        assert!(!is_word_char('\u{94d}') && !is_word_char('\u{301}'));
        // circled letters are Alphabetic in Unicode but not alnum in Python
        assert!(!is_word_char('Ⓐ'));
        assert_eq!(words("नमस्ते").collect::<Vec<_>>(), ["नमस", "त"]);
    }

    #[test]
    fn words_split_like_findall() {
        assert_eq!(words("  Hello, wörld_1 — 3.5%").collect::<Vec<_>>(), ["Hello", "wörld_1", "3", "5"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words("!?").count(), 0);
    }

    #[test]
    fn whitespace_is_pythons() {
        assert!(is_space('\u{a0}') && is_space('\u{3000}') && is_space('\u{1f}'));
        assert!(!is_space('\u{200b}'));
        assert!(is_blank(" \n\u{a0}\t") && is_blank(""));
        assert!(!is_blank(" x "));
        assert_eq!(normalize_space("  a \n\n b\u{a0}\tc  "), "a b c");
        assert_eq!(normalize_space("\n \t"), "");
    }
}
