//! The result of extraction: the clean text, its structure, and the page's metadata.
//!
//! This type is what `--format json` serializes; each field's doc names its JSON key.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::blocks::Block;
use crate::decode::EncodingInfo;
use crate::metadata::{PageType, Source};

/// A page's main content and metadata.
///
/// JSON form (`--format json`): every field below under its own name; absent values are
/// `null` (or `[]` for lists), never `""`. `blocks` is not serialized.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Article {
    /// `text`: the main content as plain text — paragraphs separated by a blank line,
    /// headings on their own line.
    pub text: String,
    /// `title`: the page's headline.
    pub title: Option<String>,
    /// `url`: the page's URL, when known (given with `--url`, or the fetched URL).
    pub url: Option<String>,
    /// `encoding`: the character encoding the bytes were decoded with and where that choice came
    /// from (`{"name": "UTF-8", "source": "meta"}`); `null` when the input was already text.
    pub encoding: Option<EncodingInfo>,
    /// `authors`: the people credited with the content.
    pub authors: Vec<String>,
    /// `date_published`: when the content was first published, ISO 8601.
    pub date_published: Option<String>,
    /// `date_modified`: when it was last updated, ISO 8601.
    pub date_modified: Option<String>,
    /// `site_name`: the name of the publishing site.
    pub site_name: Option<String>,
    /// `description`: the page's own summary.
    pub description: Option<String>,
    /// `language`: the declared language (BCP 47 tag, e.g. `en`, `de-AT`).
    pub language: Option<String>,
    /// `canonical_url`: the page's canonical URL as it declares it.
    pub canonical_url: Option<String>,
    /// `image`: the page's main image URL.
    pub image: Option<String>,
    /// `tags`: the page's tags, keywords and categories (`[]` when none).
    pub tags: Vec<String>,
    /// `page_type`: what kind of page this is — `article`, `forum`, `product`, `collection`,
    /// `listing`, `documentation`, `service` or `unknown`.
    pub page_type: PageType,
    /// `sources`: where each metadata field present was found, as `{"title": "dom",
    /// "date_published": "json-ld", …}`; sources are `json-ld`, `opengraph`, `meta`,
    /// `microdata`, `dom`, `text` and `url`.
    pub sources: BTreeMap<&'static str, Source>,
    /// `input_format`: `"html"` or `"text"` — how the input was treated.
    pub input_format: &'static str,
    /// `warnings`: what degraded or changed the result, as stable codes (`[]` when none):
    /// `node_limit` when the page had more nodes than [`crate::Options::max_nodes`] and only
    /// its beginning was read, `depth_limit` when nesting deeper than
    /// [`crate::Options::max_depth`] was flattened, `attribute_limit` when attributes past
    /// [`crate::Options::max_attributes`] were dropped from a tag; and `charset_mismatch`
    /// when the declared UTF-8 was contradicted by the bytes and the page decoded otherwise
    /// (see [`crate::EncodingInfo::declared`]).
    pub warnings: Vec<&'static str>,
    /// The content as structured blocks (headings, paragraphs, list items, table rows…), from
    /// which `text` and the Markdown output are rendered. Not serialized.
    #[serde(skip)]
    pub blocks: Vec<Block>,
}
