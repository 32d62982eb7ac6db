//! The result of extraction: the clean text, its structure, and the page's metadata.
//!
//! This type is what `--format json` serializes; each field's doc names its JSON key.

use serde::Serialize;

use crate::blocks::Block;
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
        render::markdown_with(&self.blocks, &self.render_options(options))
    }

    /// The content as a minimal, safe HTML document (`<article>` with the page's title and
    /// language). URLs are resolved as for [`Article::to_markdown`].
    #[must_use]
    pub fn to_html(&self, options: &RenderOptions) -> String {
        render::html(&self.blocks, self.metadata.title.as_deref(), self.metadata.language.as_deref(), &self.render_options(options))
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
