//! Datelines: short lines that state when the page was published or updated
//! ("2025-09-05 13:51", "Updated: 5 Sep 2025, 14:37", "March 3, 2024"). They are metadata, not
//! body text.

/// A dateline has at most this many words that are not numbers or month names ("Last
/// updated at", "Published on"); a sentence that mentions a date has more.
const MAX_DATELINE_WORDS: usize = 4;

/// True when `text` is a short line made mostly of a date and/or time.
#[must_use]
pub fn is_dateline(text: &str) -> bool {
    // Both kinds of date hold a number: most lines have none and are done without
    // lower-casing them.
    if text.len() > 120 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = text.to_lowercase();
    let numeric_date = has_numeric_date(&lower);
    let named_date = has_named_date(&lower);
    if !(numeric_date || named_date) {
        return false;
    }
    let other_words = lower
        .split(|c: char| !crate::text::is_alphanumeric(c))
        .filter(|t| !t.is_empty())
        .filter(|t| !(t.chars().all(|c| c.is_ascii_digit()) || is_month(t) || crate::lexicon::text::DATELINE_WORDS.contains(t)))
        .count();
    other_words <= MAX_DATELINE_WORDS
}

fn is_month(token: &str) -> bool {
    crate::lexicon::text::MONTHS.iter().any(|m| token.starts_with(m) && token.len() <= m.len() + 6)
}

/// `2025-09-05`, `05/09/2025`, `5.9.2025`.
fn has_numeric_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let groups: Vec<(usize, usize)> = digit_runs(bytes);
    groups.windows(3).any(|w| {
        let (a, b, c) = (w[0], w[1], w[2]);
        let sep_ok = |x: (usize, usize), y: (usize, usize)| y.0 == x.1 + 1 && matches!(bytes[x.1], b'-' | b'/' | b'.');
        sep_ok(a, b) && sep_ok(b, c) && {
            let lens = (a.1 - a.0, b.1 - b.0, c.1 - c.0);
            matches!(lens, (4, 1..=2, 1..=2) | (1..=2, 1..=2, 4) | (1..=2, 1..=2, 2))
        }
    })
}

/// A month name next to a day number or year: `5 September 2025`, `Sep. 5, 2025`.
fn has_named_date(text: &str) -> bool {
    let tokens: Vec<&str> = text.split(|c: char| !crate::text::is_alphanumeric(c)).filter(|t| !t.is_empty()).collect();
    tokens.iter().enumerate().any(|(i, t)| {
        is_month(t)
            && [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| tokens.get(j))
                .any(|n| n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 4)
    })
}

fn digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_datelines() {
        for line in ["2025-09-05 13:51 Last Updated At:14:37", "March 3, 2024", "Updated 05/09/2025 10:00", "5. September 2025"] {
            assert!(is_dateline(line), "{line}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_datelines() {
        for line in ["The summit was held on March 3, 2024 in the capital and drew thousands of visitors.", "Price 2025", "May the best team win"] {
            assert!(!is_dateline(line), "{line}");
        }
    }
}
