//! Extraction from raw bytes, as a file or a fetched body gives them, then every renderer.
//! Any result is fine (an article or a typed error); a panic, hang or blow-up is a finding.

#![no_main]

use gleaner::render::{self, RenderOptions};
use gleaner::{Hints, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let hints = Hints::default().with_url("https://fuzz.example/a/b.html");
    if let Ok(article) = gleaner::extract_bytes(bytes, &hints, &Options::default()) {
        let options = RenderOptions::default().with_links(true).with_images(true).with_base_url("https://fuzz.example/a/");
        let _ = render::markdown_with(&article.blocks, &options);
        let _ = render::html(&article.blocks, article.metadata.title.as_deref(), article.metadata.language.as_deref(), &options);
        let _ = render::text(&article.blocks);
    }
});
