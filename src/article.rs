//! The result of extraction: the clean text, its structure, and the page's metadata.
//!
//! This type is what `--format json` serializes; each field's doc names its JSON key.

use serde::Serialize;

use crate::blocks::Block;
use crate::comments::Comment;
use crate::page::PageMetadata;
use crate::render::{self, RenderOptions};

/// A page's main content and metadata.
///
/// JSON form (`--format json`): `text`, then every field of [`PageMetadata`] under its own
/// name at the same level (`title`, `authors`, `date_published`…); absent values are `null`
/// (or `[]` for lists), never `""`. `blocks` is not serialized.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Article {
    /// `text`: the main content as plain text — paragraphs separated by a blank line,
    /// headings on their own line.
    pub text: String,
    /// What the page says about itself (title, authors, dates, language, page type…) and how
    /// it was read (encoding, input format, warnings).
    #[serde(flatten)]
    pub metadata: PageMetadata,
    /// `comments`: the page's reader comments in page order, when asked for
    /// ([`crate::Options::with_comments`]); `None` (absent from JSON) otherwise. A forum
    /// thread's posts are its text, not comments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<Comment>>,
    /// The content as structured blocks (headings, paragraphs, list items, table rows…), from
    /// which `text` and the Markdown and HTML output are rendered. Not serialized.
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

impl Article {
    /// The content as CommonMark (GFM tables). Relative links and images are resolved
    /// against `options`' base URL, or else the page's own URL or canonical URL.
    #[must_use]
    pub fn to_markdown(&self, options: &RenderOptions) -> String {
        let options = self.render_options(options);
        let mut out = render::markdown_with(&self.blocks, &options);
        if let Some(comments) = self.comments.as_deref().filter(|c| !c.is_empty()) {
            out.push_str("\n\n");
            out.push_str(&render::comments_markdown(comments, &options));
        }
        out
    }

    /// The content as a minimal, safe HTML document (`<article>` with the page's title and
    /// language). URLs are resolved as for [`Article::to_markdown`].
    #[must_use]
    pub fn to_html(&self, options: &RenderOptions) -> String {
        render::html(&self.blocks, self.metadata.title.as_deref(), self.metadata.language.as_deref(), &self.render_options(options))
    }

    /// The text followed by the comments (when read and any), under a separator line: each
    /// comment its author and date on one line, then what it says.
    #[must_use]
    pub fn text_with_comments(&self) -> String {
        let mut out = self.text.clone();
        for (index, comment) in self.comments.iter().flatten().enumerate() {
            out.push_str(if index == 0 { "\n\n---\n\n" } else { "\n\n" });
            let header: Vec<&str> = [comment.author.as_deref(), comment.date.as_deref()].into_iter().flatten().collect();
            if !header.is_empty() {
                out.push_str(&header.join(" · "));
                out.push('\n');
            }
            out.push_str(&comment.text);
        }
        out
    }

    /// `options` with the page's URL as the base when they name none.
    fn render_options(&self, options: &RenderOptions) -> RenderOptions {
        let page_url = self.metadata.url.as_deref().or(self.metadata.canonical_url.as_deref());
        match page_url {
            Some(url) if options.base_url.is_none() => options.clone().with_base_url(url),
            _ => options.clone(),
        }
    }
}
