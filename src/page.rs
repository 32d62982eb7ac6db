//! What gleaner tells about a page besides its text: [`PageMetadata`], shared by
//! [`crate::Article`] and the error of a page without content ([`crate::Error::NoContent`]),
//! and the small value types it is made of.
//!
//! This module is a leaf: it depends on no stage, so every stage and the error type may use it.

use std::collections::BTreeMap;

use serde::Serialize;

/// What a page says about itself and how it was read: every field of the `--format json`
/// object but `text`.
///
/// JSON form: every field below under its own name; absent values are `null` (or `[]` for
/// lists), never `""`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PageMetadata {
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
    /// `language`: the page's language (BCP 47 tag, e.g. `en`, `de-AT`): the declared one, or
    /// the one detected from the text.
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
    pub sources: BTreeMap<Field, Source>,
    /// `input_format`: `"html"` or `"text"` — how the input was treated.
    pub input_format: InputKind,
    /// `warnings`: what degraded or changed the result, as stable codes (`[]` when none):
    /// `node_limit` when the page had more nodes than [`crate::Options::max_nodes`] and only
    /// its beginning was read, `depth_limit` when nesting deeper than
    /// [`crate::Options::max_depth`] was flattened, `attribute_limit` when attributes past
    /// [`crate::Options::max_attributes`] were dropped from a tag; and `charset_mismatch`
    /// when the declared UTF-8 was contradicted by the bytes and the page decoded otherwise
    /// (see [`EncodingInfo::declared`]).
    pub warnings: Vec<Warning>,
}

/// A metadata field, as named in JSON output and in [`PageMetadata::sources`].
///
/// The variants are in the order of their names, so that `sources` serializes in the same
/// order as the JSON object's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Field {
    /// `authors`
    Authors,
    /// `canonical_url`
    CanonicalUrl,
    /// `date_modified`
    DateModified,
    /// `date_published`
    DatePublished,
    /// `description`
    Description,
    /// `image`
    Image,
    /// `language`
    Language,
    /// `page_type`
    PageType,
    /// `site_name`
    SiteName,
    /// `tags`
    Tags,
    /// `title`
    Title,
}

/// How the input was treated, reported as `input_format`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputKind {
    /// `html`: parsed as an HTML page.
    #[default]
    Html,
    /// `text`: already-extracted plain text, cleaned line by line.
    Text,
}

/// A limit that degraded the result, reported in `warnings` by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// `node_limit`: the page had more nodes than [`crate::Options::max_nodes`]; only its
    /// beginning was read.
    NodeLimit,
    /// `depth_limit`: nesting deeper than [`crate::Options::max_depth`] was flattened.
    DepthLimit,
    /// `attribute_limit`: attributes past [`crate::Options::max_attributes`] were dropped
    /// from a tag.
    AttributeLimit,
    /// `charset_mismatch`: the declared UTF-8 was contradicted by the bytes and the page was
    /// decoded otherwise (see [`EncodingInfo::declared`]).
    CharsetMismatch,
    /// `headline_only`: no main content was found; the text is the page's headline and what
    /// stands with it (a byline, a standfirst) — a page of pictures, a video, a teaser.
    HeadlineOnly,
}

impl Warning {
    /// The stable code, as in JSON output (`node_limit`…).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::NodeLimit => "node_limit",
            Self::DepthLimit => "depth_limit",
            Self::AttributeLimit => "attribute_limit",
            Self::CharsetMismatch => "charset_mismatch",
            Self::HeadlineOnly => "headline_only",
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Where the encoding used to decode a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte-order mark at the start of the bytes.
    Bom,
    /// The `charset` of the transport `Content-Type` header.
    Http,
    /// A `<meta charset>` / `http-equiv` declaration or an XML declaration.
    Meta,
    /// Statistical detection over the bytes (chardetng), or UTF-8 validity.
    Detected,
    /// Nothing said anything and the input was plain ASCII: UTF-8.
    Default,
}

/// The encoding a page was decoded with, reported in JSON output as `encoding`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EncodingInfo {
    /// The WHATWG name of the encoding, e.g. `"UTF-8"`, `"windows-1252"`.
    pub name: &'static str,
    /// Where the choice came from.
    pub source: EncodingSource,
    /// `declared` (only when set): the UTF-8 that the `Content-Type` header or `<meta>`
    /// declared but the bytes contradicted; the page then has the warning
    /// [`Warning::CharsetMismatch`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<&'static str>,
}

/// The kinds of page gleaner tells apart (WCXB's page types).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PageType {
    /// A news story, blog post, essay or guide: one piece of running text.
    Article,
    /// A discussion thread: posts by several people.
    Forum,
    /// One product for sale.
    Product,
    /// A shop's category or search page: a grid of products.
    Collection,
    /// A list of links to other pages: a news front page, an archive, a directory.
    Listing,
    /// Technical documentation: reference pages, manuals, tutorials.
    Documentation,
    /// A company's or service's own page: a home page, a landing page, pricing, contact.
    Service,
    /// Nothing says what the page is.
    #[default]
    Unknown,
}

impl PageType {
    /// True for pages that are one dated publication (articles, forum threads), as opposed
    /// to catalogues, reference pages and company pages, whose dates are those of their
    /// templates, stock or last edit.
    #[must_use]
    pub fn is_publication(self) -> bool {
        matches!(self, Self::Article | Self::Forum)
    }
}

/// Where a metadata field's value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum Source {
    /// A JSON-LD script (`application/ld+json`).
    #[serde(rename = "json-ld")]
    JsonLd,
    /// OpenGraph or Twitter card `<meta>` tags.
    #[serde(rename = "opengraph")]
    OpenGraph,
    /// Other `<meta>`/`<link>` tags, `<title>`, `<html lang>`.
    #[serde(rename = "meta")]
    Meta,
    /// Microdata (`itemprop`) in the body.
    #[serde(rename = "microdata")]
    Microdata,
    /// Elements of the page body: the headline, bylines, `<time>` elements.
    #[serde(rename = "dom")]
    Dom,
    /// The text itself: datelines, language detection, the shape of the content.
    #[serde(rename = "text")]
    Text,
    /// The page's URL (a date in its path).
    #[serde(rename = "url")]
    Url,
}
