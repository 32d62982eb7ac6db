//! The one renderer of an article, used by `gleaner` (stdout) and `gleaner batch --output-dir`
//! (one file per page): plain text, Markdown, HTML or the JSON object.

use gleaner::Article;
use gleaner::render::RenderOptions;

/// What an article is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Plain text: paragraphs separated by a blank line.
    Text,
    /// Markdown: headings, lists, tables, quotes, code.
    Markdown,
    /// A minimal, safe HTML document.
    Html,
    /// The pretty JSON object of the article (`--format json`).
    Json,
}

/// What Markdown and HTML keep besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    /// Links, as absolute URLs.
    pub links: bool,
    /// Images, with their alt text and absolute URLs.
    pub images: bool,
}

/// The article as `rendering`, without a final newline. Links and images (when asked for) are
/// resolved against the page's URL, else its canonical URL.
pub fn render(article: &Article, rendering: Rendering, extras: Extras) -> String {
    let options = RenderOptions::default().with_links(extras.links).with_images(extras.images);
    let body = match rendering {
        Rendering::Text => article.text_with_comments(),
        Rendering::Markdown => article.to_markdown(&options),
        Rendering::Html => article.to_html(&options),
        // Serializing plain data cannot fail; a failure gives `null`.
        Rendering::Json => serde_json::to_value(article).and_then(|value| serde_json::to_string_pretty(&value)).unwrap_or_else(|_| "null".to_string()),
    };
    body.trim_end_matches('\n').to_string()
}
