//! Stage "blocks": turns the selected part of the tree into a flat list of [`Block`]s —
//! headings, paragraphs, list items, quotes, code and table rows — with whitespace
//! normalised. Later stages (clean-up, rendering) work on blocks, not on the tree.
//!
//! A block's `text` is what plain-text output shows; its [`Span`]s mark emphasis, inline
//! code, links and inline images over that text, and pictures standing alone before it, for
//! the Markdown and HTML renderers. Neither changes the text.

mod collect;
mod table;

pub use collect::collect;

use crate::dom::NodeId;

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading of level 1–6.
    Heading(u8),
    /// A paragraph of running text (also loose text in a `<div>`).
    Paragraph,
    /// An item of a list; `depth` 0 is a top-level list.
    ListItem {
        /// Whether the list is numbered (`<ol>`).
        ordered: bool,
        /// Nesting depth, 0 for a top-level list.
        depth: u8,
    },
    /// A paragraph inside a `<blockquote>`.
    Quote,
    /// Preformatted text, whitespace kept.
    Code {
        /// The language named by a `language-*`/`lang-*` class, if any.
        lang: Option<String>,
    },
    /// A row of a data table; `text` holds the cells joined by tabs (a cell spanning several
    /// columns is followed by empty cells, so every row of a table has the same width).
    TableRow {
        /// True for a header row (`<th>` cells or inside `<thead>`).
        header: bool,
    },
}

/// Inline markup over a stretch of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpanKind {
    /// `<em>`, `<i>`.
    Emphasis,
    /// `<strong>`, `<b>`.
    Strong,
    /// `<code>`, `<kbd>`, `<samp>` outside preformatted text.
    Code,
    /// A link, with its `href` as the page gives it.
    Link {
        /// The link target, unresolved.
        href: String,
    },
    /// An image inside running text: zero width (`start == end`), or over the one space it
    /// stood between (`a <img> b`), which the renderers write on both sides of it.
    Image(Image),
}

/// A picture: its URL as the page gives it (lazy-loading attributes resolved) and its
/// alternative text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Image {
    /// The image's URL, unresolved.
    pub src: String,
    /// Its alternative text (may be empty).
    pub alt: String,
}

/// A stretch `start..end` (byte offsets into the block's text) with inline markup.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Span {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the markup is.
    pub kind: SpanKind,
}

/// One block of content.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text; whitespace collapsed except in code blocks; table cells separated by `\t`.
    pub text: String,
    /// How many characters of `text` are link text.
    pub link_chars: usize,
    /// The element the block came from.
    pub(crate) node: NodeId,
    /// Inline markup over `text`, ordered by start (outer spans first).
    pub spans: Vec<Span>,
    /// Words in `text` ([`crate::text::word_count`]), counted once when the block is made: the
    /// clean-up, the page typing and the shape tests ask for it many times per block.
    pub(crate) words: usize,
    /// Pictures standing on their own just before this block (a figure between paragraphs);
    /// they go and stay with it through the clean-up.
    pub images: Vec<Image>,
    /// For a paragraph (or code) inside a list item (`<li><p>…</p></li>`): the item it belongs
    /// to. Its kind stays a paragraph for the clean-up; the renderers put it in the list.
    pub list: Option<ListPosition>,
}

/// Where a block inside a list item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPosition {
    /// Whether the list is numbered.
    pub ordered: bool,
    /// Nesting depth, 0 for a top-level list.
    pub depth: u8,
    /// False for the item's first block (it gets the bullet), true for the ones after it.
    pub continues: bool,
}

impl Block {
    /// A paragraph block not tied to a tree node (plain-text input).
    #[must_use]
    pub fn paragraph(text: String) -> Self {
        Self::new(BlockKind::Paragraph, text, 0, NodeId::default())
    }

    /// A block of `kind` with its text, without spans, pictures or list position.
    pub(crate) fn new(kind: BlockKind, text: String, link_chars: usize, node: NodeId) -> Self {
        let words = crate::text::word_count(&text);
        Self { kind, text, link_chars, node, spans: Vec::new(), words, images: Vec::new(), list: None }
    }

    /// Number of words in the text ([`crate::text::word_count`]).
    pub(crate) fn word_count(&self) -> usize {
        self.words
    }

    /// A heading of `level` not tied to a tree node (a headline from the metadata).
    #[must_use]
    pub fn heading(level: u8, text: String) -> Self {
        Self { kind: BlockKind::Heading(level), ..Self::paragraph(text) }
    }

    /// The blocks of plain text: one paragraph per non-blank line, whitespace collapsed, in
    /// Unicode form C.
    #[must_use]
    pub fn from_lines(text: &str) -> Vec<Self> {
        text.lines().map(crate::text::collapse).filter(|line| !line.is_empty()).map(|line| Self::paragraph(crate::text::nfc(line))).collect()
    }

    /// Share of the block's characters that are link text.
    #[must_use]
    pub fn link_density(&self) -> f64 {
        crate::text::link_density(self.link_chars, self.text.chars().count())
    }

    /// The cells of a table row.
    #[must_use]
    pub fn cells(&self) -> Vec<&str> {
        self.text.split('\t').collect()
    }
}

/// The URL of an image element: `src`, or the lazy-loading attributes pages put the real URL
/// in (`data-src`, `data-lazy-src`, `data-original`, the first candidate of `srcset` /
/// `data-srcset`) when `src` is missing or a placeholder (`data:` URI, a 1×1 spacer).
#[must_use]
pub fn image_source(element: &crate::dom::Element) -> Option<String> {
    let usable = |v: &str| {
        let v = v.trim();
        (!v.is_empty() && !v.starts_with("data:") && !v.contains("spacer") && !v.contains("blank.gif")).then(|| v.to_string())
    };
    crate::lexicon::text::LAZY_IMAGE_ATTRIBUTES
        .iter()
        .find_map(|name| element.attr(name).and_then(usable))
        .or_else(|| element.attr("src").and_then(usable))
        .or_else(|| element.attr("data-srcset").and_then(|set| largest_candidate(set).and_then(usable)))
        .or_else(|| element.attr("srcset").and_then(|set| largest_candidate(set).and_then(usable)))
}

/// The URL of the widest candidate of a `srcset` (`a.jpg 800w, b.jpg 1600w`), or of the
/// first when no widths are given.
fn largest_candidate(set: &str) -> Option<&str> {
    let candidates = set.split(", ").filter_map(|c| {
        let mut parts = c.split_whitespace();
        let url = parts.next()?;
        let width = parts.next().and_then(|d| d.strip_suffix('w')).and_then(|w| w.parse::<u32>().ok()).unwrap_or(0);
        Some((url, width))
    });
    candidates
        .fold(None, |best: Option<(&str, u32)>, (url, width)| match best {
            Some((_, w)) if w >= width => best,
            _ => Some((url, width)),
        })
        .map(|(url, _)| url)
}

/// Plain text: blocks separated by a blank line, except consecutive list items and table
/// rows, which go on consecutive lines; table cells are separated by a tab.
#[must_use]
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<&BlockKind> = None;
    for block in blocks {
        if let Some(prev) = previous {
            out.push_str(if same_group(prev, &block.kind) { "\n" } else { "\n\n" });
        }
        out.push_str(&block.text);
        previous = Some(&block.kind);
    }
    out
}

/// True when two consecutive blocks belong to one list or one table.
pub(crate) fn same_group(a: &BlockKind, b: &BlockKind) -> bool {
    matches!((a, b), (BlockKind::ListItem { .. }, BlockKind::ListItem { .. }) | (BlockKind::TableRow { .. }, BlockKind::TableRow { .. }))
}
