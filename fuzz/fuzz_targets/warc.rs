//! The WARC reader: records out of any (decompressed) byte stream, and the HTTP head and body
//! of each response record. Every record is a response or a typed failure; nothing panics or
//! hangs.

#![no_main]

use gleaner::batch::warc::{WarcReader, http};
use libfuzzer_sys::fuzz_target;

/// A small cap on one record's block and on an inflated body.
const MAX_BLOCK_BYTES: usize = 1 << 20;

fuzz_target!(|bytes: &[u8]| {
    let reader = WarcReader::new(std::io::Cursor::new(bytes), MAX_BLOCK_BYTES);
    for record in reader.take(10_000).flatten() {
        if record.is_http_response()
            && let Ok(response) = http::parse(&record.block, MAX_BLOCK_BYTES)
        {
            assert!(response.body.len() <= MAX_BLOCK_BYTES, "an inflated body went past its cap");
        }
    }
});
