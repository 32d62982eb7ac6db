//! Developer tool: shows why a piece of text was kept or dropped.
//!
//! `cargo run --release --example explain -- PAGE.html[.gz] "some text" [URL]` runs the real
//! stages up to the content selection and prints each selection rule with the node it chose,
//! then the chain of ancestors of the first text node containing the text, with each one's
//! marks and measures.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: explain PAGE \"text\" [URL]");
        std::process::exit(2);
    }
    let bytes = match std::fs::read(&args[1]) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("explain: {}: {err}", args[1]);
            std::process::exit(1);
        }
    };
    let mut hints = gleaner::Hints::default();
    if let Some(url) = args.get(3) {
        hints = hints.with_url(url.clone());
    }
    match gleaner::internals::explain(&bytes, &hints, &gleaner::Options::default(), &args[2]) {
        Ok(report) => println!("{report}"),
        Err(err) => {
            eprintln!("explain: {}: {err}", args[1]);
            std::process::exit(1);
        }
    }
}
