//! Developer tool: shows why a piece of text was kept or dropped.
//!
//! `cargo run --release --example explain -- PAGE.html[.gz] "some text"` prints the chain of
//! ancestors of the first text node containing the text, with each one's mark and score.

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: explain PAGE \"text\"");
        std::process::exit(2);
    }
    let raw = std::fs::read(&args[1]).unwrap_or_default();
    let mut bytes = Vec::new();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let _ = flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut bytes);
    } else {
        bytes = raw;
    }
    let decoded = gleaner::decode::decode(&bytes, None, None);
    let dom = gleaner::dom::parse(&decoded.text);
    let report = gleaner::extract::explain(&dom, &args[2]);
    println!("{report}");
}
