//! Decoding: gunzip under a cap, then charset detection and decoding. The first line of the
//! input is the `Content-Type` header given as a hint, the rest the body.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// A small cap, so that a gzip bomb is found quickly.
const MAX_BYTES: usize = 1 << 20;

fuzz_target!(|bytes: &[u8]| {
    let (header, body) = match bytes.iter().position(|&b| b == b'\n') {
        Some(newline) => (Some(String::from_utf8_lossy(&bytes[..newline]).into_owned()), &bytes[newline + 1..]),
        None => (None, bytes),
    };
    if let Ok(body) = gleaner::internals::gunzip_if_needed(body, MAX_BYTES) {
        assert!(body.len() <= MAX_BYTES, "gunzip went past its cap");
        let _ = gleaner::internals::binary_kind(&body);
        let decoded = gleaner::internals::decode(&body, header.as_deref(), Some("https://fuzz.example/"));
        // Undecodable bytes become U+FFFD; the text is always valid UTF-8 by construction.
        assert!(decoded.text.len() <= body.len() * 3 + 3, "decoding grew the text too much");
    }
});
