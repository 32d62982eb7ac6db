//! gleaner as a library: text, Markdown and JSON of a page held as text or as raw bytes.

use gleaner::render::RenderOptions;
use gleaner::{Error, Hints, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // HTML you already hold as text.
    let html = std::fs::read_to_string("fixtures/pages/blog-post/source.html")?;
    let article = gleaner::extract(&html, &Options::default())?;
    println!("# {}\n\n{}", article.metadata.title.as_deref().unwrap_or("(untitled)"), article.text);

    // Raw bytes as served (any charset, gzip or not), with what the transport said about them.
    let bytes = std::fs::read("fixtures/pages/shift-jis/source.html")?;
    let hints = Hints::default().with_url("https://example.jp/news/1").with_content_type("text/html; charset=Shift_JIS");
    let options = Options::default().with_max_input_bytes(5 * 1024 * 1024);
    match gleaner::extract_bytes(&bytes, &hints, &options) {
        Ok(article) => {
            println!("{:?}", article.metadata.encoding); // Some(EncodingInfo { name: "Shift_JIS", source: Http, declared: None })
            println!("{}", article.to_markdown(&RenderOptions::default().with_links(true)));
            println!("{}", serde_json::to_string_pretty(&article)?); // the `--format json` object
        }
        // No text worth keeping, but the page still says what it is (a video page, an app shell).
        Err(Error::NoContent { page }) => eprintln!("no text; title {:?}", page.and_then(|p| p.title)),
        Err(err) => eprintln!("{}: {err}", err.kind()), // e.g. "not_html: not an HTML page: looks like a PNG image"
    }
    Ok(())
}
