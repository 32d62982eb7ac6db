//! Benchmarks of the whole extraction (decode + parse + extract + render) on the fixture pages.
//!
//! ```text
//! cargo bench --bench extract                 # full measurement
//! cargo bench --bench extract -- --quick      # a quick estimate
//! cargo bench --bench extract -- seed-news    # one page
//! ```
//!
//! Every `fixtures/pages/<case>/source.html` is read once at start (with its `url.txt` as the
//! URL hint when there is one). Groups:
//! - `extract_bytes/<case>`: [`gleaner::extract_bytes`] on one page, throughput in input bytes;
//! - `corpus/all_pages`: every page in turn, throughput in input bytes over all of them;
//! - `dom_parse/<case>`: [`gleaner::internals::parse`] alone on the largest page (already decoded), the
//!   reference for how much of the time is html5ever's.
//!
//! The whole-corpus figure (pages per second over WCXB-dev) comes from `gleaner-eval`; see the
//! README's Benchmarks section.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gleaner::{Hints, Options};

/// One fixture page, as served.
struct Page {
    /// The case's folder name.
    name: String,
    /// `source.html`'s bytes.
    bytes: Vec<u8>,
    /// Hints for the page (its URL when the case has a `url.txt`).
    hints: Hints,
}

/// Reads every `fixtures/pages/*/source.html`, sorted by case name.
fn load_pages() -> Vec<Page> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pages");
    let entries = fs::read_dir(&root).unwrap_or_else(|err| panic!("cannot list {}: {err}", root.display()));
    let mut pages: Vec<Page> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|dir| dir.join("source.html").is_file())
        .map(|dir| {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let source = dir.join("source.html");
            let bytes = fs::read(&source).unwrap_or_else(|err| panic!("cannot read {}: {err}", source.display()));
            let hints = match fs::read_to_string(dir.join("url.txt")) {
                Ok(url) => Hints::default().with_url(url.trim()),
                Err(_) => Hints::default(),
            };
            Page { name, bytes, hints }
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!pages.is_empty(), "no fixture pages under {}", root.display());
    pages
}

fn benches(c: &mut Criterion) {
    let pages = load_pages();
    let options = Options::default();
    for page in &pages {
        if let Err(err) = gleaner::extract_bytes(&page.bytes, &page.hints, &options) {
            eprintln!("note: {} fails ({}: {err}); timing the failure", page.name, err.kind());
        }
    }

    let mut group = c.benchmark_group("extract_bytes");
    for page in &pages {
        group.throughput(Throughput::Bytes(page.bytes.len() as u64));
        group.bench_function(page.name.as_str(), |b| {
            b.iter(|| gleaner::extract_bytes(black_box(&page.bytes), &page.hints, &options));
        });
    }
    group.finish();

    let total: usize = pages.iter().map(|page| page.bytes.len()).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all_pages", |b| {
        b.iter(|| {
            for page in &pages {
                let _ = black_box(gleaner::extract_bytes(black_box(&page.bytes), &page.hints, &options));
            }
        });
    });
    group.finish();

    let Some(largest) = pages.iter().max_by_key(|page| page.bytes.len()) else { return };
    let html = gleaner::internals::decode(&largest.bytes, None, largest.hints.url.as_deref()).text;
    let mut group = c.benchmark_group("dom_parse");
    group.throughput(Throughput::Bytes(largest.bytes.len() as u64));
    group.bench_function(largest.name.as_str(), |b| b.iter(|| gleaner::internals::parse(black_box(&html))));
    group.finish();
}

criterion_group!(extract, benches);
criterion_main!(extract);
