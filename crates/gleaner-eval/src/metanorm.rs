//! The rules for comparing metadata with the ground truth: titles and names normalised to
//! plain lowercase words, author strings split into names, ISO dates cut to their day.
//!
//! Stated once here, applied the same way to the truth and to the prediction:
//! - **text**: Unicode lowercasing; apostrophes and periods deleted (`don't` = `dont`,
//!   `Ph.D.` = `phd`); every other character that is not a word character (Python's `\w`
//!   less `_`: punctuation, quotes, dashes, symbols) becomes a space; whitespace collapsed.
//! - **names**: brackets (`(…)`, `[…]`, `<…>`) dropped; split on `,` `;` `&` `|` `/` and the
//!   word `and`; each part normalised as text, then a leading `… by` (`By`, `Written by`,
//!   `Medically reviewed by`) and `author:` label cut, leading honorifics (`Dr`, `Mrs`, `Prof`…)
//!   and trailing credentials (`PhD`, `MD`, `MS`, `RD`, `Jr`…) stripped; a part left empty or
//!   made only of credentials is no name.
//! - **dates**: the day is the ISO string as written up to `T` or a space (no time-zone
//!   conversion); a truth of `YYYY-MM` matches any day of that month.

use crate::pytext;

/// Characters deleted outright rather than turned into a space, so that contractions and
/// dotted abbreviations compare equal to their plain spelling.
const DELETED: [char; 7] = ['\'', '\u{2019}', '\u{2018}', '\u{2bc}', '`', '\u{b4}', '.'];

/// Characters that separate names in one author string (besides the word `and`).
const NAME_SEPARATORS: [char; 5] = [',', ';', '&', '|', '/'];

/// Bracket pairs whose contents are a remark, not a name: `Lance Ryan (Content Manager)`,
/// `Vinay Sajip <vinay at example dot com>`.
const BRACKETS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('<', '>')];

/// How far into a name a `by` may stand for what precedes it to be a label
/// (`the team edited by walter` → `walter`).
const MAX_BY_POSITION: usize = 4;

/// Labels that open a byline without `by`: `Author: Jane Doe`.
const LEADING_LABELS: [&str; 2] = ["author", "authors"];

/// Honorifics stripped from the front of a name (after normalisation).
const HONORIFICS: [&str; 11] = ["dr", "doctor", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "rev"];

/// Credentials and generational suffixes stripped from the end of a name (after
/// normalisation, so `M.D.` is `md`). Words that are also common surnames (`Ma`, `Do`) are
/// left out on purpose.
const CREDENTIALS: [&str; 52] = [
    "phd", "md", "ms", "msc", "mba", "mph", "mfa", "ba", "bs", "bsc", "rd", "rdn", "ld", "ldn", "cdn", "cde", "cdces", "rn", "bsn", "msn", "np", "aprn", "dvm",
    "vmd", "dds", "dmd", "pharmd", "rph", "dpt", "psyd", "lcsw", "lmft", "jd", "esq", "cpa", "cfp", "cfa", "cepf", "cpp", "psp", "faclm", "facp", "facs",
    "fand", "foma", "dabom", "dacvb", "lvt", "vts", "jr", "sr", "iii",
];

/// `text` normalised for comparison: lowercased, apostrophes and periods deleted, other
/// non-word characters turned into spaces, whitespace collapsed and trimmed.
#[must_use]
pub fn normalize(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if DELETED.contains(&c) {
            continue;
        }
        spaced.push(if pytext::is_word_char(c) && c != '_' { c } else { ' ' });
    }
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a predicted title equals the true one after [`normalize`].
#[must_use]
pub fn titles_match(truth: &str, pred: &str) -> bool {
    normalize(truth) == normalize(pred)
}

/// The normalised names in an author string (see the module doc), in order, without
/// duplicates.
#[must_use]
pub fn author_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in drop_brackets(text).split(NAME_SEPARATORS) {
        let normalized = normalize(part);
        let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
        for name in words.split(|w| *w == "and").filter_map(clean_name) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Whether any predicted author names any of the people in the true author string.
#[must_use]
pub fn authors_match(truth: &str, preds: &[String]) -> bool {
    let wanted = author_names(truth);
    preds.iter().flat_map(|p| author_names(p)).any(|name| wanted.contains(&name))
}

/// The calendar day of an ISO 8601 date or date-time as written (`2024-05-01T23:30:00-05:00`
/// → `2024-05-01`): everything before a `T` or a space, without time-zone conversion, so the
/// day is the one the page states.
#[must_use]
pub fn date_day(iso: &str) -> &str {
    let iso = iso.trim();
    iso.split(['T', ' ']).next().unwrap_or(iso)
}

/// Whether a predicted ISO date falls on the true day (`YYYY-MM-DD`), or in the true month or
/// year when the truth is only that precise (`YYYY-MM`).
#[must_use]
pub fn dates_match(truth: &str, pred: &str) -> bool {
    let truth = truth.trim();
    let day = date_day(pred);
    !truth.is_empty() && (day == truth || day.strip_prefix(truth).is_some_and(|rest| rest.starts_with('-')))
}

/// `text` with every bracketed remark removed (unbalanced closers are kept as text).
fn drop_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        if let Some(&(_, close)) = BRACKETS.iter().find(|(o, _)| *o == c) {
            open.push(close);
        } else if open.last() == Some(&c) {
            open.pop();
        } else if open.is_empty() {
            out.push(c);
        }
    }
    out
}

/// One name's words less labels, honorifics and credentials, joined; `None` when nothing
/// but those is left.
fn clean_name(words: &[&str]) -> Option<String> {
    let mut words = words;
    if let Some(by) = words.iter().take(MAX_BY_POSITION).position(|w| *w == "by") {
        words = &words[by + 1..];
    }
    if words.first().is_some_and(|w| LEADING_LABELS.contains(w)) {
        words = &words[1..];
    }
    while words.len() > 1 && HONORIFICS.contains(&words[0]) {
        words = &words[1..];
    }
    while let Some((last, rest)) = words.split_last()
        && CREDENTIALS.contains(last)
    {
        words = rest;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_lowercased_and_stripped_of_punctuation() {
        assert_eq!(normalize("  “Hello,  World!” — it's   NEW "), "hello world its new");
        assert_eq!(normalize("Don’t Stop: A Guide"), normalize("don't stop - a guide"));
        assert_eq!(normalize("Ünïcode ÉTÉ"), "ünïcode été");
        assert_eq!(normalize("U.S. plans 3.5% rise"), "us plans 35 rise");
        assert_eq!(normalize("snake_case—em–dash"), "snake case em dash");
        assert_eq!(normalize("中文标题｜站点"), "中文标题 站点");
        assert_eq!(normalize(" ... "), "");
    }

    #[test]
    fn titles_compare_after_normalisation() {
        assert!(titles_match("The Best Coffee in Town", "the best coffee in town!"));
        assert!(titles_match("10 Tips — For You", "10 tips: for you"));
        assert!(!titles_match("The Best Coffee in Town", "The Best Coffee in Town | Cafe Blog"));
        assert!(!titles_match("Title", ""));
    }

    #[test]
    fn author_strings_split_into_names() {
        assert_eq!(author_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"), ["danielle desiato", "donna enzmann", "natalie nguyen"]);
        assert_eq!(author_names("Rui Ma, Heba Ledwon & Suparn Patra"), ["rui ma", "heba ledwon", "suparn patra"]);
        assert_eq!(author_names("Manoj Jain and Jagpreet Chhatwal"), ["manoj jain", "jagpreet chhatwal"]);
        assert_eq!(author_names("A One; B Two | C Three / D Four"), ["a one", "b two", "c three", "d four"]);
        assert_eq!(author_names(""), Vec::<String>::new());
    }

    #[test]
    fn bylines_honorifics_and_credentials_are_stripped() {
        assert_eq!(author_names("By Jane Doe"), ["jane doe"]);
        assert_eq!(author_names("Medically reviewed by Jane Doe"), ["jane doe"]);
        assert_eq!(author_names("Author: Jane Doe"), ["jane doe"]);
        assert_eq!(author_names("Dr. Vahid Osman"), ["vahid osman"]);
        assert_eq!(author_names("Genevieve Carlton, Ph.D."), ["genevieve carlton"]);
        assert_eq!(author_names("Dylan Bailey, MS, RD, FAND"), ["dylan bailey"]);
        assert_eq!(author_names("Michael Greger, M.D. FACLM"), ["michael greger"]);
        assert_eq!(author_names("Jeffrey A. Slotnick CPP, PSP"), ["jeffrey a slotnick"]);
        assert_eq!(author_names("Lance Ryan (Content Manager)"), ["lance ryan"]);
        assert_eq!(author_names("Vinay Sajip <vinay at red-dove dot com>"), ["vinay sajip"]);
        // "Md" is a first name in front, a credential only at the end
        assert_eq!(author_names("Md Aynal Haque"), ["md aynal haque"]);
        // a lone honorific is kept: it is all there is
        assert_eq!(author_names("Dr"), ["dr"]);
    }

    #[test]
    fn any_predicted_name_may_match_any_true_name() {
        let truth = "Jared Newman and Sam Singleton";
        assert!(authors_match(truth, &["Sam Singleton".to_owned()]));
        assert!(authors_match(truth, &["Someone Else".to_owned(), "by JARED NEWMAN".to_owned()]));
        assert!(authors_match("Mike Marshall, Shipping Expert", &["Mike Marshall".to_owned()]));
        assert!(authors_match("Angela Holliday-Bell, MD", &["Dr. Angela Holliday-Bell".to_owned()]));
        assert!(!authors_match(truth, &["Jared".to_owned()]));
        assert!(!authors_match(truth, &[]));
        assert!(!authors_match("Dylan Bailey, MS, RD", &["MS".to_owned()]));
    }

    #[test]
    fn dates_compare_by_the_day_as_written() {
        assert_eq!(date_day("2024-05-01T23:30:00-05:00"), "2024-05-01");
        assert_eq!(date_day(" 2024-05-01 10:00 "), "2024-05-01");
        assert_eq!(date_day("2024-05-01"), "2024-05-01");
        assert!(dates_match("2024-05-01", "2024-05-01T23:30:00-05:00"));
        // no conversion to UTC: the page's own day counts
        assert!(!dates_match("2024-05-02", "2024-05-01T23:30:00-05:00"));
        assert!(!dates_match("2024-05-01", "2024-05-02"));
        assert!(!dates_match("2024-05-01", "2024-05"));
        assert!(dates_match("2015-11", "2015-11-20"));
        assert!(!dates_match("2015-11", "2015-12-01"));
        assert!(!dates_match("2015-1", "2015-11-01"));
        assert!(!dates_match("", "2015-11-01"));
    }
}
