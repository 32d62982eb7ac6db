//! The heuristics' vocabulary: the word lists the stages match markup and text against, each
//! with a comment saying what it catches, in one place so that a word is added once and an
//! entry that can never match is seen.
//!
//! How a list is matched decides which entries can matter: a *token* list is compared with
//! whole tokens (the ASCII-alphanumeric runs of a name), so an entry holding `-` never
//! matches; in a *substring* list, an entry that holds another entry is caught by that one
//! first. The tests below check every list against its matching.

pub(crate) mod metadata;
pub(crate) mod names;
pub(crate) mod text;

#[cfg(test)]
mod tests {
    use super::metadata::*;
    use super::names::*;
    use super::text::*;

    /// Entries of token lists that can never equal a token: empty, not lowercase, or holding
    /// a separator.
    fn never_tokens<'a>(list: &[&'a str]) -> Vec<&'a str> {
        list.iter().copied().filter(|e| e.is_empty() || !e.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())).collect()
    }

    /// Entries of substring lists (matched inside lowercased text) that are caught by another
    /// entry of the lists matched with them, appear twice, or can never match.
    fn shadowed<'a>(lists: &[&[&'a str]]) -> Vec<&'a str> {
        let all: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        all.iter()
            .enumerate()
            .filter(|&(i, e)| {
                e.is_empty()
                    || e.chars().any(char::is_uppercase)
                    || all.iter().enumerate().any(|(j, other)| j != i && e.contains(other) && (e != other || j < i))
            })
            .map(|(_, e)| *e)
            .collect()
    }

    /// Entries that appear twice in the lists.
    fn repeated<'a>(lists: &[&[&'a str]]) -> Vec<&'a str> {
        let all: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        all.iter().enumerate().filter(|&(i, e)| all[..i].contains(e)).map(|(_, e)| *e).collect()
    }

    #[test]
    fn every_name_token_can_match() {
        for list in [
            OVERLAY_TOKENS,
            BOILERPLATE_TOKENS,
            VOTE_TOKENS,
            CART_TOKENS,
            TEASER_TOKENS,
            LEAD_TOKENS,
            SIDE_COLUMN_TOKENS,
            SIDE_COLUMN_PREFIXES,
            CAPTION_TOKENS,
            CONTENT_TOKENS,
        ] {
            assert_eq!(never_tokens(list), Vec::<&str>::new());
            assert_eq!(repeated(&[list]), Vec::<&str>::new());
        }
        assert_eq!(repeated(&[BOILERPLATE_TOKENS, VOTE_TOKENS]), Vec::<&str>::new());
        // A side-column token that starts with a side-column prefix is matched by the prefix.
        assert!(!SIDE_COLUMN_TOKENS.iter().any(|t| SIDE_COLUMN_PREFIXES.iter().any(|p| t.starts_with(p))));
    }

    #[test]
    fn no_boilerplate_token_is_caught_first_by_an_overlay_token_or_a_boilerplate_substring() {
        // The overlay rule reads the same tokens and drops the element before the boilerplate
        // rule; a token holding a boilerplate substring is matched by that substring.
        let substrings: Vec<&str> = BOILERPLATE_SUBSTRINGS.iter().chain(POSTER_PANEL_NAMES).copied().collect();
        let caught: Vec<&str> =
            BOILERPLATE_TOKENS.iter().chain(VOTE_TOKENS).copied().filter(|t| OVERLAY_TOKENS.contains(t) || substrings.iter().any(|s| t.contains(s))).collect();
        assert_eq!(caught, Vec::<&str>::new());
    }

    #[test]
    fn no_name_substring_is_shadowed() {
        // Matched inside one class name, which holds no whitespace.
        for list in [BOILERPLATE_SUBSTRINGS, POSTER_PANEL_NAMES, REVIEW_NAMES, PANEL_NAMES, BUY_NAMES, CONTENT_NAMES] {
            assert!(!list.iter().any(|e| e.contains(char::is_whitespace)), "{list:?}");
        }
        assert_eq!(shadowed(&[BOILERPLATE_SUBSTRINGS, POSTER_PANEL_NAMES]), Vec::<&str>::new());
        assert_eq!(shadowed(&[REVIEW_NAMES]), Vec::<&str>::new());
        assert_eq!(shadowed(&[PANEL_NAMES]), Vec::<&str>::new());
        assert_eq!(shadowed(&[CONTENT_NAMES]), Vec::<&str>::new());
        assert_eq!(shadowed(&[BUY_NAMES]), Vec::<&str>::new());
        // A buy name holding a cart token is matched by the token.
        let caught: Vec<&str> = BUY_NAMES.iter().copied().filter(|b| b.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| CART_TOKENS.contains(&t))).collect();
        assert_eq!(caught, Vec::<&str>::new());
    }

    #[test]
    fn whole_classes_roles_prefixes_and_suffixes_can_match() {
        for list in [HIDDEN_CLASSES, SIDEBAR_NAMES, OVERLAY_ROLES, BOILERPLATE_ROLES, PANEL_ROLES, NON_ENTRY_INPUT_TYPES] {
            assert!(list.iter().all(|e| !e.is_empty() && !e.contains(char::is_whitespace) && !e.chars().any(char::is_uppercase)), "{list:?}");
            assert_eq!(repeated(&[list]), Vec::<&str>::new());
        }
        // The overlay roles are dropped before the boilerplate roles are read.
        assert_eq!(repeated(&[OVERLAY_ROLES, BOILERPLATE_ROLES]), Vec::<&str>::new());
        let starts_another = |list: &[&str]| list.iter().any(|a| list.iter().any(|b| a != b && a.starts_with(b)));
        let ends_another = |list: &[&str]| list.iter().any(|a| list.iter().any(|b| a != b && a.ends_with(b)));
        assert!(!starts_another(TAXONOMY_PREFIXES) && repeated(&[TAXONOMY_PREFIXES]).is_empty());
        assert!(!ends_another(STATE_SUFFIXES) && repeated(&[STATE_SUFFIXES]).is_empty());
    }

    fn lowercase(list: &[&str]) -> bool {
        list.iter().all(|e| !e.is_empty() && e.to_lowercase() == *e)
    }

    #[test]
    fn every_metadata_and_text_word_can_match() {
        // Compared whole, with lowercased text.
        for list in [
            CREDENTIALS,
            DATELINE_WORDS,
            END_OF_NAMES,
            COLLECTIVE_ROLES,
            NOT_NAMES,
            TEXT_BYLINE_LABELS,
            BYLINE_PREFIXES,
            NAME_PARTICLES,
            CREDIT_LABELS,
            SECTION_INDEXES,
            MONTHS,
            CURRENCIES,
        ] {
            assert!(lowercase(list), "{list:?}");
            assert_eq!(repeated(&[list]), Vec::<&str>::new());
        }
        // Compared whole.
        for list in [
            POST_AUTHOR_ATTRIBUTES,
            TITLE_SEPARATORS,
            BARS,
            SECOND_LEVEL_LABELS,
            OG_PRODUCT_GROUPS,
            DECLARED_ARTICLE,
            DECLARED_LIST,
            OFFERING_WORDS,
            LAZY_IMAGE_ATTRIBUTES,
        ] {
            assert_eq!(repeated(&[list]), Vec::<&str>::new());
        }
        assert!(WEAK_SEPARATORS.iter().all(|s| TITLE_SEPARATORS.contains(s)), "a weak separator is one of the title separators");
        // Matched as substrings of a lowercased label: none holds another.
        assert_eq!(shadowed(&[MEMBER_SINCE_WORDS]), Vec::<&str>::new());
        assert_eq!(shadowed(&[PUBLISHED_WORDS]), Vec::<&str>::new());
        // Found earliest, then shortest: a word starting with another is never the one found
        // ("last edited" is: it starts before "edited").
        assert!(lowercase(MODIFIED_WORDS) && repeated(&[MODIFIED_WORDS]).is_empty());
        let starting: Vec<&str> = MODIFIED_WORDS.iter().copied().filter(|w| MODIFIED_WORDS.iter().any(|o| o != w && w.starts_with(o))).collect();
        assert_eq!(starting, Vec::<&str>::new());
        // The first byline prefix that matches a whole word is cut: a later prefix that an
        // earlier one opens, followed by a space or a colon, is never reached.
        let unreached: Vec<&str> = BYLINE_PREFIXES
            .iter()
            .enumerate()
            .filter(|&(i, p)| BYLINE_PREFIXES[..i].iter().any(|e| p.strip_prefix(e).is_some_and(|rest| rest.starts_with([' ', ':']) || e.ends_with(':'))))
            .map(|(_, p)| *p)
            .collect();
        assert_eq!(unreached, Vec::<&str>::new());
    }
}
