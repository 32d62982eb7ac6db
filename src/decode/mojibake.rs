//! Repair of double-encoded text ("mojibake"): UTF-8 bytes that were once decoded as
//! windows-1252 and saved again, so that `’` reads `â€™`, `é` reads `Ã©` and a no-break space
//! reads `Â `. Browsers show such pages as they are; a reader wants the characters meant.
//!
//! A run is a lead (`Â`…`ô`, the windows-1252 reading of a UTF-8 lead byte) followed by exactly
//! the continuation characters it announces (those whose windows-1252 byte is 0x80–0xBF: `€`,
//! `™`, `©`, `¼`…), together one well-formed UTF-8 character. Correct text makes some runs
//! too: a capital and a quote (`‘ß’`), French `é` before a no-break space and `»`. So only
//! *clear* runs are repaired everywhere — `Â` or `Ã` and a symbol (`Ã©`, `Â©`: Latin-1
//! letters and signs), `â` and two symbols (`â€™`: punctuation), `ð` and three (`ðŸ”¥`:
//! emoji) — and the other two-character runs (`Ä‡`, `Ñ€`: Latin Extended, Greek, Cyrillic)
//! only in a document that holds a clear one. Other three-character runs (CJK) are left.

use std::sync::LazyLock;

/// The byte 0x80–0xFF each character stands for in mojibake: its windows-1252 byte, taken from
/// `encoding_rs`'s decoder, and for the C1 controls U+0080–U+009F their own number (text
/// mis-decoded as ISO-8859-1 rather than windows-1252 keeps them: `â\u{80}\u{99}` for `’`).
static HIGH_BYTES: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let bytes: Vec<u8> = (0x80..=0xFF).collect();
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    let mut table: Vec<(char, u8)> = decoded.chars().zip(bytes.iter().copied()).collect();
    table.extend((0x80..=0x9F_u8).map(|b| (char::from(b), b)));
    table.sort_unstable();
    table.dedup_by_key(|&mut (c, _)| c);
    table
});

/// Leads whose runs no correct text makes: `Â`/`Ã` (U+0080–U+00FF), `â` (U+2000–U+2FFF:
/// punctuation, currency, letterlike symbols), `ð` (U+10000–U+3FFFF: emoji).
const CLEAR_LEADS: [char; 4] = ['Â', 'Ã', 'â', 'ð'];

/// Whether `text` holds a clear run (see the module documentation): the sign that the
/// document it comes from was double encoded.
#[must_use]
pub fn has_clear_run(text: &str) -> bool {
    runs(text).any(|run| run.clear)
}

/// `text` with its clear runs replaced by the characters they stand for — and, when
/// `double_encoded` (the document holds a clear run), its two-character runs too — or `None`
/// when there is nothing to repair (the common case, which allocates nothing).
#[must_use]
pub fn repair(text: &str, double_encoded: bool) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for run in runs(text).filter(|run| run.clear || (double_encoded && run.chars == 2)) {
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..run.start]);
        out.push(run.meant);
        copied = run.end;
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

/// One mojibake run in a text.
struct Run {
    /// Byte range of the run in the text.
    start: usize,
    end: usize,
    /// How many characters the run spans.
    chars: usize,
    /// The character it stands for.
    meant: char,
    /// Whether its lead is one of [`CLEAR_LEADS`].
    clear: bool,
}

/// The runs of `text`, in order, not overlapping.
fn runs(text: &str) -> impl Iterator<Item = Run> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(offset) = find_lead(text.as_bytes().get(at..)?) {
            let start = at + offset;
            match decode_run(&text[start..]) {
                Some((meant, bytes, chars)) => {
                    at = start + bytes;
                    // `â` before a no-break space is French (`château\u{a0}»`), not the Braille
                    // block that E2 A0 would begin.
                    let clear = text[start..].starts_with(CLEAR_LEADS) && !text[start..].starts_with("â\u{a0}");
                    return Some(Run { start, end: at, chars, meant, clear });
                }
                // Every lead is two bytes long in UTF-8.
                None => at = start + 2,
            }
        }
        None
    })
}

/// The byte offset of the first lead in `bytes`. Every lead is encoded `C3 82`–`C3 B4`, so a
/// `memchr` for 0xC3 skips text without one (most pages) at memory speed.
fn find_lead(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(offset) = memchr::memchr(0xC3, bytes.get(at..)?) {
        let start = at + offset;
        if bytes.get(start + 1).is_some_and(|b| (0x82..=0xB4).contains(b)) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// The character meant by the mojibake run at the start of `text`, how many bytes of `text`
/// the run spans and how many characters.
fn decode_run(text: &str) -> Option<(char, usize, usize)> {
    let mut chars = text.chars();
    let lead = chars.next().and_then(byte_of)?;
    let length = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut bytes = [lead, 0, 0, 0];
    // Every lead is two bytes long in UTF-8.
    let mut spanned = 2;
    for slot in &mut bytes[1..length] {
        let c = chars.next()?;
        *slot = byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        spanned += c.len_utf8();
    }
    let meant = std::str::from_utf8(&bytes[..length]).ok()?.chars().next()?;
    // A C1 control is no character a page meant to show.
    (!('\u{80}'..='\u{9F}').contains(&meant)).then_some((meant, spanned, length))
}

/// The windows-1252 byte of `c`, when it has one above 0x7F.
fn byte_of(c: char) -> Option<u8> {
    let table = &*HIGH_BYTES;
    table.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> Option<String> {
        repair(text, has_clear_run(text))
    }

    #[test]
    fn double_encoded_punctuation_letters_and_spaces_are_repaired() {
        assert_eq!(fixed("isnâ€™t â€œquotedâ€\u{9d} â€” done").as_deref(), Some("isn’t “quoted” — done"));
        assert_eq!(fixed("fÃ¼r CafÃ© Ã\u{81}lvaro").as_deref(), Some("für Café Álvaro"));
        assert_eq!(fixed("cats.Â\u{a0}The").as_deref(), Some("cats.\u{a0}The"));
        assert_eq!(fixed("xÂ³ + 4xÂ²").as_deref(), Some("x³ + 4x²"));
        assert_eq!(fixed("Investorâ\u{80}\u{99}s Report â\u{80}\u{93} 2025").as_deref(), Some("Investor’s Report – 2025"));
        assert_eq!(fixed("Summit 24â„¢ and ðŸ”¥").as_deref(), Some("Summit 24™ and 🔥"));
    }

    #[test]
    fn other_two_character_runs_are_repaired_only_in_a_double_encoded_document() {
        assert_eq!(repair("ÅšlÄ…sk", true).as_deref(), Some("Śląsk"));
        assert_eq!(repair("ÅšlÄ…sk", false), None);
        assert_eq!(fixed("ÐŸÑ€Ð¸Ð²ÐµÑ‚ â€” hello").as_deref(), Some("Привет — hello"));
    }

    #[test]
    fn correct_text_is_left_alone() {
        for text in [
            "Größe, Café, naïve, déjà vu, São Paulo, ÂGE, Ärger, Øresund, œuvre",
            "L'été « chaud » — 25 °C, 3 ½ h, © 2025, la vérité\u{a0}», lucidité\u{a0}—",
            "Ça va? À bientôt. Él está aquí. Ô Canada",
            "‘K’/‘ß’/‘İ’/‘ſ’ and ‘Ø’, Allâ\u{a0}»",
            "plain ASCII text",
            "中文 日本語 Русский",
        ] {
            assert!(!has_clear_run(text), "{text}");
            assert_eq!(repair(text, false), None, "{text}");
        }
    }

    #[test]
    fn a_lead_without_its_continuations_is_kept() {
        assert_eq!(fixed("â€"), None);
        assert_eq!(fixed("Ã at the end Ã"), None);
    }
}
