//! The page's language: as declared (`<html lang>`, `Content-Language`, `og:locale`,
//! JSON-LD `inLanguage`) unless the text says otherwise, detected from the text (whatlang)
//! when nothing is declared or the declaration is contradicted.

use super::Source;

/// Detection is trusted only on at least this many characters of text.
const MIN_DETECTION_CHARS: usize = 200;
/// Detection reads at most this many characters.
const MAX_DETECTION_CHARS: usize = 2000;
/// …and only with at least this confidence (whatlang's 0–1 scale).
const MIN_CONFIDENCE: f64 = 0.5;

/// ISO 639-3 codes whatlang reports, with their ISO 639-1 (BCP 47) equivalents.
const ISO_639_1: &[(&str, &str)] = &[
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
    ("cym", "cy"),
];

/// The primary subtag of a BCP 47 tag or locale, lowercase (`de-AT` and `de_AT` give `de`).
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase()
}

/// A declared language tag tidied into BCP 47 form (`en_US` → `en-US`); `None` when empty.
#[must_use]
pub fn tidy(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    let mut parts = tag.split('-').filter(|p| !p.is_empty());
    let first = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&first.len()) || !first.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest: Vec<String> = parts.map(|p| if p.len() == 2 { p.to_ascii_uppercase() } else { p.to_string() }).collect();
    Some(std::iter::once(first).chain(rest).collect::<Vec<_>>().join("-"))
}

/// The language of `text` as an ISO 639-1 code, when detection is reliable.
#[must_use]
pub fn detect(text: &str) -> Option<&'static str> {
    if text.chars().count() < MIN_DETECTION_CHARS {
        return None;
    }
    // A couple of paragraphs tell the language as well as the whole text, at a fraction of
    // the cost.
    let sample = text.char_indices().nth(MAX_DETECTION_CHARS).map_or(text, |(i, _)| &text[..i]);
    let info = whatlang::detect(sample)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    ISO_639_1.iter().find(|(three, _)| *three == info.lang().code()).map(|&(_, two)| two)
}

/// The language to report: the declared tag, unless detection on the content disagrees with
/// it (templates ship `lang="en"` on pages of every language); the detected language when
/// nothing is declared.
#[must_use]
pub fn choose(declared: Option<(String, Source)>, text: &str) -> Option<(String, Source)> {
    let detected = detect(text);
    match (declared, detected) {
        (Some((tag, _)), Some(found)) if primary(&tag) != found && !closely_related(&primary(&tag), found) => Some((found.to_string(), Source::Text)),
        (Some(declared), _) => Some(declared),
        (None, Some(found)) => Some((found.to_string(), Source::Text)),
        (None, None) => None,
    }
}

/// Languages a trigram detector confuses on short texts, where the declaration is trusted.
fn closely_related(a: &str, b: &str) -> bool {
    const GROUPS: &[&[&str]] = &[&["nb", "no", "nn", "da", "sv"], &["hr", "sr", "bs", "sl"], &["ms", "id"], &["cs", "sk"], &["es", "gl", "ca"], &["pt", "gl"]];
    GROUPS.iter().any(|g| g.contains(&a) && g.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN: &str = "Die Stadt hat am Montag beschlossen, den Ausbau der Radwege in der Innenstadt zu beschleunigen. \
        Nach Angaben der Verwaltung sollen bis zum Ende des kommenden Jahres zwölf Kilometer neue Wege entstehen, \
        die vor allem Pendlerinnen und Pendlern zugutekommen.";

    #[test]
    fn tidies_declared_tags() {
        assert_eq!(tidy("en_us").as_deref(), Some("en-US"));
        assert_eq!(tidy("de-AT").as_deref(), Some("de-AT"));
        assert_eq!(tidy(""), None);
        assert_eq!(tidy("english"), None);
    }

    #[test]
    fn detection_overrides_a_contradicted_declaration() {
        assert_eq!(choose(Some(("en".into(), Source::Dom)), GERMAN), Some(("de".into(), Source::Text)));
        assert_eq!(choose(Some(("de-AT".into(), Source::Dom)), GERMAN), Some(("de-AT".into(), Source::Dom)));
        assert_eq!(choose(None, GERMAN), Some(("de".into(), Source::Text)));
        assert_eq!(choose(Some(("fr".into(), Source::Meta)), "Trop court."), Some(("fr".into(), Source::Meta)));
    }
}
