use super::*;

#[test]
fn bom_wins_over_everything() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(b"<meta charset=windows-1252><p>caf\xC3\xA9");
    let decoded = decode(&bytes, Some("text/html; charset=iso-8859-2"), None);
    assert_eq!(decoded.encoding.source, EncodingSource::Bom);
    assert!(decoded.text.contains("café"));
}

#[test]
fn http_charset_beats_meta() {
    let bytes = b"<meta charset=utf-8><p>caf\xE9";
    let decoded = decode(bytes, Some("text/html; charset=\"ISO-8859-1\""), None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "windows-1252", source: EncodingSource::Http, declared: None });
    assert!(decoded.text.contains("café"));
}

#[test]
fn meta_charset_is_used() {
    let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2";
    let decoded = decode(bytes, None, None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "windows-1251", source: EncodingSource::Meta, declared: None });
    assert!(decoded.text.contains("Привет"));
}

#[test]
fn valid_utf8_overrides_a_wrong_legacy_declaration() {
    let bytes = "<meta charset=iso-8859-1><p>café crème</p>".as_bytes();
    let decoded = decode(bytes, None, None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "UTF-8", source: EncodingSource::Detected, declared: None });
    assert!(decoded.text.contains("café crème"));
}

#[test]
fn undeclared_legacy_bytes_are_detected() {
    let text = "Le cœur a ses raisons que la raison ne connaît point. Où êtes-vous allé cet été ? Très bien, merci.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    // A French top-level domain (built so that no literal names a site).
    let url = format!("https://example.{}/a", "fr");
    let decoded = decode(&bytes, None, Some(&url));
    assert_eq!(decoded.encoding.source, EncodingSource::Detected);
    assert_eq!(decoded.text, text);
}

#[test]
fn ascii_defaults_to_utf8() {
    let decoded = decode(b"<p>hello</p>", None, None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "UTF-8", source: EncodingSource::Default, declared: None });
}

#[test]
fn bad_bytes_become_replacement_characters() {
    let decoded = decode(b"<meta charset=utf-8><p>a\xFFb", None, None);
    assert!(decoded.text.contains("a\u{FFFD}b"));
}

#[test]
fn gzip_is_inflated_and_capped() {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&vec![b'a'; 10_000]).unwrap();
    let gz = encoder.finish().unwrap();
    assert_eq!(gunzip_if_needed(&gz, 20_000).unwrap().len(), 10_000);
    assert!(matches!(gunzip_if_needed(&gz, 9_999), Err(Error::TooLarge { limit: 9_999 })));
    assert!(matches!(gunzip_if_needed(&gz[..20], 20_000), Err(Error::BadGzip { .. })));
}

#[test]
fn declared_utf8_that_is_mostly_invalid_is_detected_and_says_so() {
    let text = "À Besançon, la rivière a monté toute la nuit ; au matin les prés étaient sous l'eau. Les éleveurs ont déplacé leurs bêtes.";
    let (legacy, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let bytes = [b"<meta charset=utf-8><p>".as_slice(), &legacy].concat();
    let decoded = decode(&bytes, None, None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "windows-1252", source: EncodingSource::Detected, declared: Some("UTF-8") });
    assert!(decoded.text.contains(text));
    // The header's UTF-8 is wrong too, and the page's own <meta> is then believed.
    let bytes = [b"<meta charset=windows-1252><p>".as_slice(), &legacy].concat();
    let decoded = decode(&bytes, Some("text/html; charset=utf-8"), None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "windows-1252", source: EncodingSource::Meta, declared: Some("UTF-8") });
}

#[test]
fn utf8_with_stray_bytes_stays_utf8() {
    // A few bad bytes: U+FFFD, not a different charset.
    let decoded = decode(b"<meta charset=utf-8><p>caf\xE9 and cr\xE8me", None, None);
    assert_eq!(decoded.encoding, EncodingInfo { name: "UTF-8", source: EncodingSource::Meta, declared: None });
    // Many bad bytes, but more good UTF-8 text: a legacy footer on a UTF-8 page.
    let good = "Ces prés étaient sous l'eau, à côté de l'école fermée. ".repeat(10);
    let bytes = [format!("<meta charset=utf-8><p>{good}</p><footer>").as_bytes(), &b"\xE9t\xE9 ".repeat(12), b"</footer>"].concat();
    let decoded = decode(&bytes, None, None);
    assert_eq!(decoded.encoding.name, "UTF-8");
    assert_eq!(decoded.encoding.declared, None);
}
