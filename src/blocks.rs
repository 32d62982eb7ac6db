//! Stage "blocks": turns the selected part of the tree into a flat list of [`Block`]s —
//! headings, paragraphs, list items, quotes, code and table rows — with whitespace
//! normalised. Later stages (clean-up, rendering) work on blocks, not on the tree.

use crate::dom::{Dom, NodeData, NodeId, Tag};
use crate::text::{nfc, push_collapsed};

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
    /// A row of a data table; `text` holds the cells joined by tabs.
    TableRow {
        /// True for a header row (`<th>` cells or inside `<thead>`).
        header: bool,
    },
}

/// One block of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text; whitespace collapsed except in code blocks; table cells separated by `\t`.
    pub text: String,
    /// How many characters of `text` are link text.
    pub link_chars: usize,
    /// The element the block came from.
    pub node: NodeId,
}

impl Block {
    /// A paragraph block not tied to a tree node (plain-text input).
    #[must_use]
    pub fn paragraph(text: String) -> Self {
        Self { kind: BlockKind::Paragraph, text, link_chars: 0, node: 0 }
    }

    /// Share of the block's characters that are link text.
    #[must_use]
    pub fn link_density(&self) -> f64 {
        if self.text.is_empty() { 0.0 } else { self.link_chars as f64 / self.text.chars().count() as f64 }
    }

    /// The cells of a table row.
    #[must_use]
    pub fn cells(&self) -> Vec<&str> {
        self.text.split('\t').collect()
    }
}

/// Depth past which the collector stops descending (malformed pages can nest thousands deep;
/// the text below is still collected, flat).
const MAX_DEPTH: usize = 400;

/// Collects the blocks of the subtrees `roots`, skipping every node for which `skip` is true.
pub fn collect(dom: &Dom, roots: &[NodeId], skip: &dyn Fn(NodeId) -> bool) -> Vec<Block> {
    let mut collector = Collector { dom, skip, blocks: Vec::new(), buf: String::new(), buf_links: 0, kind: BlockKind::Paragraph, node: 0, list_depth: 0, in_link: false, quote: false };
    for &root in roots {
        collector.node = root;
        collector.walk(root, 0);
        collector.flush();
    }
    collector.blocks
}

struct Collector<'a> {
    dom: &'a Dom,
    skip: &'a dyn Fn(NodeId) -> bool,
    blocks: Vec<Block>,
    buf: String,
    buf_links: usize,
    kind: BlockKind,
    node: NodeId,
    list_depth: u8,
    in_link: bool,
    quote: bool,
}

impl Collector<'_> {
    fn walk(&mut self, id: NodeId, depth: usize) {
        let node = self.dom.node(id);
        let element = match &node.data {
            NodeData::Text(text) => {
                let before = self.buf.len();
                push_collapsed(&mut self.buf, text);
                if self.in_link {
                    self.buf_links += self.buf[before..].chars().count();
                }
                return;
            }
            NodeData::Document => {
                self.walk_children(id, depth);
                return;
            }
            NodeData::Element(element) => element,
        };
        if (self.skip)(id) {
            // Keep words on either side of a removed inline element apart.
            if !element.tag.is_block() && !self.buf.ends_with(' ') && !self.buf.is_empty() {
                self.buf.push(' ');
            }
            return;
        }
        if depth > MAX_DEPTH {
            let before = self.buf.len();
            push_collapsed(&mut self.buf, &self.dom.raw_text(id));
            let _ = before;
            return;
        }
        match element.tag {
            Tag::Br => self.line_break(),
            Tag::Hr => self.flush(),
            Tag::Img | Tag::Input | Tag::Wbr => {}
            Tag::A => {
                let was = self.in_link;
                self.in_link |= crate::extract::score::is_navigating_link(element);
                self.walk_children(id, depth);
                self.in_link = was;
            }
            tag if tag.heading_level().is_some() => {
                let level = tag.heading_level().unwrap_or(2);
                self.block(id, depth, BlockKind::Heading(level));
            }
            Tag::Ul | Tag::Ol | Tag::Menu => {
                self.flush();
                self.list_depth = self.list_depth.saturating_add(1);
                self.walk_children(id, depth);
                self.flush();
                self.list_depth -= 1;
            }
            Tag::Li => {
                let ordered = node.parent.is_some_and(|p| self.dom.tag(p) == Tag::Ol);
                let depth_in_lists = self.list_depth.saturating_sub(1);
                self.block(id, depth, BlockKind::ListItem { ordered, depth: depth_in_lists });
            }
            Tag::Blockquote => {
                self.flush();
                let was = self.quote;
                self.quote = true;
                self.block(id, depth, BlockKind::Quote);
                self.quote = was;
            }
            Tag::Pre => self.preformatted(id),
            Tag::Table if is_data_table(self.dom, id) => self.table(id),
            tag if tag.is_block() => {
                let kind = if self.quote { BlockKind::Quote } else { BlockKind::Paragraph };
                self.block(id, depth, kind);
            }
            _ => self.walk_children(id, depth),
        }
    }

    fn walk_children(&mut self, id: NodeId, depth: usize) {
        for &child in &self.dom.node(id).children {
            self.walk(child, depth + 1);
        }
    }

    /// Walks a block-level element: what it holds becomes blocks of `kind`.
    fn block(&mut self, id: NodeId, depth: usize, kind: BlockKind) {
        self.flush();
        let (saved_kind, saved_node) = (std::mem::replace(&mut self.kind, kind.clone()), self.node);
        self.node = id;
        self.walk_children(id, depth);
        self.flush();
        self.kind = saved_kind;
        self.node = saved_node;
    }

    fn line_break(&mut self) {
        let trimmed = self.buf.trim_end_matches(' ').len();
        self.buf.truncate(trimmed);
        if !self.buf.is_empty() && !self.buf.ends_with('\n') {
            self.buf.push('\n');
        }
    }

    /// Emits the pending inline text as a block.
    fn flush(&mut self) {
        let text = self.buf.trim_matches(|c: char| c == ' ' || c == '\n');
        if !text.is_empty() {
            let text = nfc(text.replace(" \n", "\n").replace("\n ", "\n"));
            let link_chars = self.buf_links.min(text.chars().count());
            self.blocks.push(Block { kind: self.kind.clone(), text, link_chars, node: self.node });
        }
        self.buf.clear();
        self.buf_links = 0;
    }

    fn preformatted(&mut self, id: NodeId) {
        self.flush();
        let raw = self.dom.raw_text(id);
        let text = raw.trim_matches('\n').trim_end();
        if !text.is_empty() {
            let lang = code_language(self.dom, id);
            self.blocks.push(Block { kind: BlockKind::Code { lang }, text: nfc(text.to_string()), link_chars: 0, node: id });
        }
    }

    fn table(&mut self, id: NodeId) {
        self.flush();
        for row in rows_of(self.dom, id) {
            let mut cells = Vec::new();
            let mut header = self.dom.node(row).parent.is_some_and(|p| self.dom.tag(p) == Tag::Thead);
            let mut all_th = true;
            let mut link_chars = 0;
            for &cell in &self.dom.node(row).children {
                let tag = self.dom.tag(cell);
                if tag != Tag::Td && tag != Tag::Th {
                    continue;
                }
                all_th &= tag == Tag::Th;
                let inner = collect(self.dom, &[cell], self.skip);
                link_chars += inner.iter().map(|b| b.link_chars).sum::<usize>();
                let text: Vec<String> = inner.into_iter().map(|b| b.text.replace(['\n', '\t'], " ")).collect();
                cells.push(text.join(" "));
            }
            header |= all_th && !cells.is_empty();
            if cells.iter().any(|c| !c.is_empty()) {
                self.blocks.push(Block { kind: BlockKind::TableRow { header }, text: cells.join("\t"), link_chars, node: row });
            }
        }
    }
}

/// The `<tr>` rows of a table, through `thead`/`tbody`/`tfoot`, not into nested tables.
fn rows_of(dom: &Dom, table: NodeId) -> Vec<NodeId> {
    let mut rows = Vec::new();
    for &child in &dom.node(table).children {
        match dom.tag(child) {
            Tag::Tr => rows.push(child),
            Tag::Thead | Tag::Tbody | Tag::Tfoot => {
                rows.extend(dom.node(child).children.iter().copied().filter(|&r| dom.tag(r) == Tag::Tr));
            }
            _ => {}
        }
    }
    rows
}

/// A table holds data (rows of cells) rather than page layout when it has no nested table and
/// no cell holds block structure such as several paragraphs or lists: layout tables wrap whole
/// page regions and must be read as ordinary blocks.
fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    let end = dom.subtree_end(table);
    let mut cells = 0;
    for id in table + 1..end {
        match dom.tag(id) {
            Tag::Table | Tag::P | Tag::Ul | Tag::Ol | Tag::H1 | Tag::H2 | Tag::H3 | Tag::Blockquote | Tag::Pre => return false,
            Tag::Td | Tag::Th => cells += 1,
            _ => {}
        }
    }
    cells > 0
}

/// The language of a code block from `language-x`/`lang-x` classes on it or its `<code>` child.
fn code_language(dom: &Dom, pre: NodeId) -> Option<String> {
    let end = dom.subtree_end(pre);
    (pre..end).filter_map(|id| dom.element(id)).find_map(|element| {
        element.attr("class")?.split_whitespace().find_map(|class| {
            let lang = class.strip_prefix("language-").or_else(|| class.strip_prefix("lang-"))?;
            (!lang.is_empty()).then(|| lang.to_ascii_lowercase())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn blocks_of(html: &str) -> Vec<Block> {
        let dom = parse(html);
        collect(&dom, &[Dom::ROOT], &|_| false)
    }

    #[test]
    fn paragraphs_headings_and_lists() {
        let blocks = blocks_of("<h2>Title</h2><p>One <b>two</b>\n three</p><ul><li>a<ul><li>b</li></ul></li></ul>");
        let got: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind.clone(), b.text.as_str())).collect();
        assert_eq!(got, vec![
            (BlockKind::Heading(2), "Title"),
            (BlockKind::Paragraph, "One two three"),
            (BlockKind::ListItem { ordered: false, depth: 0 }, "a"),
            (BlockKind::ListItem { ordered: false, depth: 1 }, "b"),
        ]);
    }

    #[test]
    fn tables_and_code() {
        let blocks = blocks_of("<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table><pre class='language-rust'>  fn x() {}\n</pre>");
        assert_eq!(blocks[0].kind, BlockKind::TableRow { header: true });
        assert_eq!(blocks[1].text, "a\t1");
        assert_eq!(blocks[2].kind, BlockKind::Code { lang: Some("rust".into()) });
        assert_eq!(blocks[2].text, "  fn x() {}");
    }

    #[test]
    fn links_are_counted() {
        let blocks = blocks_of("<p>see <a href='/x'>this page</a></p>");
        assert_eq!(blocks[0].link_chars, 9);
    }
}
