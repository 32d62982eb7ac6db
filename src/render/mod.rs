//! Stage "render": blocks → plain text, Markdown or HTML. (JSON is the serialized
//! [`crate::Article`].)
//!
//! Links and images are left out unless [`RenderOptions`] asks for them; either way the text
//! is the same as the plain-text output's.

mod html;
mod inline;
mod markdown;
mod outline;

pub use html::html;
pub(crate) use markdown::comments_markdown;
pub use markdown::{markdown, markdown_with};

use crate::blocks::Block;
pub(crate) use crate::blocks::same_group;

/// What the Markdown and HTML renderers include besides the text.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RenderOptions {
    /// Render links (`[text](url)`, `<a href>`) with absolute URLs. Default: off.
    pub links: bool,
    /// Render images (`![alt](src)`, `<img>`) with absolute URLs. Default: off.
    pub images: bool,
    /// The page's URL, against which relative links and image sources are resolved.
    /// Default: none (relative URLs are kept as they are).
    pub base_url: Option<url::Url>,
}

impl RenderOptions {
    /// Renders links (default: off).
    #[must_use]
    pub fn with_links(mut self, links: bool) -> Self {
        self.links = links;
        self
    }

    /// Renders images (default: off).
    #[must_use]
    pub fn with_images(mut self, images: bool) -> Self {
        self.images = images;
        self
    }

    /// Resolves relative URLs against `url` (default: none). An unparsable URL is ignored.
    #[must_use]
    pub fn with_base_url(mut self, url: &str) -> Self {
        self.base_url = url::Url::parse(url).ok();
        self
    }

    /// `reference` as an absolute URL when a base is known, and only when it is safe to
    /// follow: `http`, `https`, `mailto`, `ftp` (never `javascript:`, `data:` or `vbscript:`).
    /// Without a base, a relative reference is kept as it is.
    #[must_use]
    pub fn resolve(&self, reference: &str) -> Option<String> {
        let reference = reference.trim();
        if reference.is_empty() || reference.starts_with('#') {
            return None;
        }
        let absolute = match &self.base_url {
            Some(base) => base.join(reference).ok()?,
            None => match url::Url::parse(reference) {
                Ok(url) => url,
                // Relative, and nothing to resolve it against.
                Err(url::ParseError::RelativeUrlWithoutBase) => return safe_relative(reference),
                Err(_) => return None,
            },
        };
        matches!(absolute.scheme(), "http" | "https" | "mailto" | "ftp").then(|| absolute.to_string())
    }
}

/// A relative reference kept as is, unless it hides a scheme (`java\tscript:`).
fn safe_relative(reference: &str) -> Option<String> {
    let compact: String = reference.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let before_slash = compact.split(['/', '?', '#']).next().unwrap_or("");
    (!before_slash.contains(':')).then(|| reference.to_string())
}

/// Plain text: blocks separated by a blank line, except consecutive list items and table
/// rows, which go on consecutive lines; table cells are separated by a tab.
#[must_use]
pub fn text(blocks: &[Block]) -> String {
    crate::blocks::plain_text(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_only_safe_urls() {
        let options = RenderOptions::default().with_base_url("https://example.com/news/a.html");
        assert_eq!(options.resolve("../img/x.png").as_deref(), Some("https://example.com/img/x.png"));
        assert_eq!(options.resolve("javascript:alert(1)"), None);
        assert_eq!(options.resolve(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(options.resolve("data:text/html,<b>x</b>"), None);
        assert_eq!(options.resolve("#top"), None);
        let bare = RenderOptions::default();
        assert_eq!(bare.resolve("/about").as_deref(), Some("/about"));
        assert_eq!(bare.resolve("java\tscript:alert(1)"), None);
        assert_eq!(bare.resolve("mailto:a@b.c").as_deref(), Some("mailto:a@b.c"));
    }
}
