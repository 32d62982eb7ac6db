//! Walking the selected subtrees into blocks, with inline spans.

use crate::dom::{Dom, Element, NodeData, NodeId, Tag};
use crate::text::{nfc, push_collapsed};

use super::{Block, BlockKind, Image, ListPosition, Span, SpanKind, image_source, table};

/// Depth past which the collector stops descending (malformed pages can nest thousands deep;
/// the text below is still collected, flat).
const MAX_DEPTH: usize = 400;

/// Collects the blocks of the subtrees `roots`, skipping every node for which `skip` is true.
pub fn collect(dom: &Dom, roots: &[NodeId], skip: &dyn Fn(NodeId) -> bool) -> Vec<Block> {
    let mut collector = Collector {
        dom,
        skip,
        blocks: Vec::new(),
        buf: String::new(),
        buf_links: 0,
        spans: Vec::new(),
        kind: BlockKind::Paragraph,
        node: NodeId::default(),
        list_depth: 0,
        in_link: false,
        quote: false,
        item: None,
        figures: Vec::new(),
        flushes: 0,
        inline_start: 0,
        image_floor: 0,
    };
    for &root in roots {
        collector.node = root;
        collector.walk(root, 0);
        collector.flush();
    }
    collector.blocks
}

pub(super) struct Collector<'a> {
    pub(super) dom: &'a Dom,
    pub(super) skip: &'a dyn Fn(NodeId) -> bool,
    blocks: Vec<Block>,
    buf: String,
    buf_links: usize,
    /// Spans over `buf`.
    spans: Vec<Span>,
    kind: BlockKind,
    node: NodeId,
    list_depth: u8,
    in_link: bool,
    quote: bool,
    /// The list item being walked, for the paragraphs inside it.
    item: Option<ListPosition>,
    /// Pictures standing alone, waiting for the next block.
    figures: Vec<Image>,
    /// How many times the buffer was emitted, to tell when an inline element spans blocks.
    flushes: usize,
    /// Where in `buf` the innermost inline element being walked began.
    inline_start: usize,
    /// `inline_start` when the last inline image was met: its span may not start before it.
    image_floor: usize,
}

/// The inline markup an element stands for, if any.
fn span_kind(element: &Element) -> Option<SpanKind> {
    match element.tag {
        Tag::Em | Tag::I => Some(SpanKind::Emphasis),
        Tag::Strong | Tag::B => Some(SpanKind::Strong),
        Tag::Code | Tag::Kbd | Tag::Samp | Tag::Tt => Some(SpanKind::Code),
        Tag::A => element
            .attr("href")
            .map(|href| SpanKind::Link { href: href.trim().to_string() })
            .filter(|k| matches!(k, SpanKind::Link { href } if !href.is_empty())),
        _ => None,
    }
}

impl Collector<'_> {
    fn walk(&mut self, id: NodeId, depth: usize) {
        let node = self.dom.node(id);
        let element = match &node.data {
            NodeData::Text(text) => {
                self.space_after_image(text);
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
            push_collapsed(&mut self.buf, &self.dom.raw_text(id));
            return;
        }
        match element.tag {
            Tag::Br => self.line_break(),
            Tag::Hr => self.flush(),
            Tag::Img => self.image(element),
            Tag::Input | Tag::Wbr => {}
            Tag::A => {
                let was = self.in_link;
                self.in_link |= element.is_navigating_link();
                self.inline(id, depth, span_kind(element));
                self.in_link = was;
            }
            tag if tag.heading_level().is_some() => {
                let level = tag.heading_level().unwrap_or(2);
                self.block(id, depth, BlockKind::Heading(level));
            }
            Tag::Ul | Tag::Ol | Tag::Menu => {
                self.flush();
                let was = self.item.take();
                self.list_depth = self.list_depth.saturating_add(1);
                self.walk_children(id, depth);
                self.flush();
                self.list_depth -= 1;
                // What follows a nested list inside an item continues that item.
                self.item = was.map(|item| ListPosition { continues: true, ..item });
            }
            Tag::Li => {
                let ordered = node.parent.is_some_and(|p| self.dom.tag(p) == Tag::Ol);
                let depth_in_lists = self.list_depth.saturating_sub(1);
                let was = self.item.replace(ListPosition { ordered, depth: depth_in_lists, continues: false });
                self.block(id, depth, BlockKind::ListItem { ordered, depth: depth_in_lists });
                self.item = was;
            }
            Tag::Blockquote => {
                self.flush();
                let was = self.quote;
                self.quote = true;
                self.block(id, depth, BlockKind::Quote);
                self.quote = was;
            }
            Tag::Pre => self.preformatted(id),
            Tag::Table if table::is_data_table(self.dom, id) => {
                self.flush();
                let rows = table::rows(self, id);
                self.blocks.extend(rows);
            }
            tag if tag.is_block() => {
                let kind = if self.quote { BlockKind::Quote } else { BlockKind::Paragraph };
                self.block(id, depth, kind);
            }
            _ => self.inline(id, depth, span_kind(element)),
        }
    }

    fn walk_children(&mut self, id: NodeId, depth: usize) {
        for &child in &self.dom.node(id).children {
            self.walk(child, depth + 1);
        }
    }

    /// Walks an inline element, recording its markup as a span over the text it adds.
    fn inline(&mut self, id: NodeId, depth: usize, kind: Option<SpanKind>) {
        let (mut start, mut first_span, flushes) = (self.buf.len(), self.spans.len(), self.flushes);
        let outer_start = std::mem::replace(&mut self.inline_start, start);
        self.walk_children(id, depth);
        self.inline_start = outer_start;
        // A block inside the inline element (a `<div>` in a link) emitted the text so far:
        // the markup covers what is left of it in the buffer.
        if self.flushes != flushes {
            (start, first_span) = (0, 0);
        }
        if let Some(kind) = kind {
            let end = self.buf.len();
            if end > start || matches!(kind, SpanKind::Link { .. }) && self.spans[first_span..].iter().any(|s| matches!(s.kind, SpanKind::Image(_))) {
                // Outer spans come before the spans inside them.
                self.spans.insert(first_span, Span { start, end, kind });
            }
        }
    }

    /// An image: inside running text it is a zero-width span; standing alone it goes with the
    /// next block.
    fn image(&mut self, element: &Element) {
        let Some(src) = image_source(element) else { return };
        let alt = crate::text::collapse(element.attr("alt").unwrap_or(""));
        if self.buf.trim().is_empty() && !self.in_link {
            self.figures.push(Image { src, alt });
        } else {
            let at = self.buf.len();
            self.image_floor = self.inline_start;
            self.spans.push(Span { start: at, end: at, kind: SpanKind::Image(Image { src, alt }) });
        }
    }

    /// An image between two spaces (`a <img> b`): the second space collapses into the first,
    /// so the image's span takes that space over, and the renderers write it on both sides of
    /// the image (else `![A](a.png)b`, the next word glued to the image). Not when the space
    /// is outside an inline element the image is in (`x <a><img> y</a>`): the span would
    /// leave it.
    fn space_after_image(&mut self, text: &str) {
        if !text.starts_with(char::is_whitespace) || !self.buf.ends_with(' ') {
            return;
        }
        let at = self.buf.len();
        if at - 1 < self.image_floor {
            return;
        }
        if let Some(span) = self.spans.last_mut().filter(|span| span.start == at && span.end == at && matches!(span.kind, SpanKind::Image(_))) {
            span.start = at - 1;
        }
    }

    /// Walks a block-level element: what it holds becomes blocks of `kind`.
    fn block(&mut self, id: NodeId, depth: usize, kind: BlockKind) {
        self.flush();
        let (saved_kind, saved_node) = (std::mem::replace(&mut self.kind, kind), self.node);
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

    /// Emits the pending inline text as a block: edges trimmed, spaces around line breaks
    /// removed, spans moved along.
    pub(super) fn flush(&mut self) {
        self.flushes += 1;
        let (text, spans) = tidy(&self.buf, std::mem::take(&mut self.spans));
        if !text.is_empty() {
            let link_chars = self.buf_links.min(text.chars().count());
            // Text is NFC; in the rare text that is not, spans are dropped rather than misplaced.
            let normalized = nfc(text.clone());
            let spans = if normalized == text { spans } else { Vec::new() };
            let images = std::mem::take(&mut self.figures);
            // A paragraph inside a list item keeps its kind (the clean-up reads it as prose) and
            // notes the item it belongs to, for the renderers.
            let list = self.item.filter(|_| !matches!(self.kind, BlockKind::ListItem { .. }));
            if let Some(item) = self.item.as_mut() {
                item.continues = true;
            }
            self.blocks.push(Block { spans, images, list, ..Block::new(self.kind.clone(), normalized, link_chars, self.node) });
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
            let images = std::mem::take(&mut self.figures);
            let list = self.item;
            if let Some(item) = self.item.as_mut() {
                item.continues = true;
            }
            self.blocks.push(Block { images, list, ..Block::new(BlockKind::Code { lang }, nfc(text.to_string()), 0, id) });
        }
    }
}

/// Trims spaces and line breaks at the edges of `buf` and spaces next to line breaks, moving
/// the spans' offsets along; spans left empty (but images) are dropped.
fn tidy(buf: &str, spans: Vec<Span>) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(buf.len());
    // New offset of each old byte offset (for the span ends), filled as we copy.
    let mut map = vec![0usize; buf.len() + 1];
    let bytes = buf.as_bytes();
    for (i, c) in buf.char_indices() {
        map[i] = text.len();
        let next_is_break = bytes.get(i + 1) == Some(&b'\n');
        let prev_is_break = text.ends_with('\n');
        let drop = match c {
            ' ' => text.is_empty() || next_is_break || prev_is_break,
            '\n' => text.is_empty(),
            _ => false,
        };
        if !drop {
            text.push(c);
        }
    }
    map[buf.len()] = text.len();
    // Trailing spaces and breaks.
    let end = text.trim_end_matches([' ', '\n']).len();
    text.truncate(end);
    let spans = spans
        .into_iter()
        .filter_map(|span| {
            let start = map[span.start.min(buf.len())].min(end);
            let stop = map[span.end.min(buf.len())].min(end);
            let image = matches!(span.kind, SpanKind::Image(_));
            (stop > start || image).then_some(Span { start, end: stop.max(start), kind: span.kind })
        })
        .collect();
    (text, spans)
}

/// The language of a code block from `language-x`/`lang-x`/`highlight-source-x` classes or a
/// `data-lang` attribute on it or inside it.
fn code_language(dom: &Dom, pre: NodeId) -> Option<String> {
    let ancestors = dom.ancestors(pre).take(2);
    let candidates = dom.subtree(pre).chain(ancestors);
    candidates.filter_map(|id| dom.element(id)).find_map(|element| {
        let from_class = element.attr("class").and_then(|classes| {
            classes.split_whitespace().find_map(|class| {
                let lang = class.strip_prefix("language-").or_else(|| class.strip_prefix("lang-")).or_else(|| class.strip_prefix("highlight-source-"))?;
                (!lang.is_empty()).then(|| lang.to_ascii_lowercase())
            })
        });
        from_class
            .or_else(|| element.attr("data-lang").or_else(|| element.attr("data-language")).map(|l| l.trim().to_ascii_lowercase()).filter(|l| !l.is_empty()))
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
        let blocks = blocks_of("<h2>Title</h2><p>One <b>two</b>\n three</p><ul><li>a<ul><li>b</li></ul></li><li><p>c</p><p>d</p></li></ul>");
        let got: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind.clone(), b.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(2), "Title"),
                (BlockKind::Paragraph, "One two three"),
                (BlockKind::ListItem { ordered: false, depth: 0 }, "a"),
                (BlockKind::ListItem { ordered: false, depth: 1 }, "b"),
                (BlockKind::Paragraph, "c"),
                (BlockKind::Paragraph, "d"),
            ]
        );
        let lists: Vec<Option<ListPosition>> = blocks.iter().map(|b| b.list).collect();
        let item = ListPosition { ordered: false, depth: 0, continues: false };
        assert_eq!(lists[4..], [Some(item), Some(ListPosition { continues: true, ..item })]);
    }

    #[test]
    fn code_blocks_keep_indentation_and_language() {
        let blocks = blocks_of("<pre class='language-rust'>  fn x() {}\n</pre><div class='highlight-source-python'><pre>def f():\n    pass</pre></div>");
        assert_eq!(blocks[0].kind, BlockKind::Code { lang: Some("rust".into()) });
        assert_eq!(blocks[0].text, "  fn x() {}");
        assert_eq!(blocks[1].kind, BlockKind::Code { lang: Some("python".into()) });
        assert_eq!(blocks[1].text, "def f():\n    pass");
    }

    #[test]
    fn links_are_counted_and_spans_follow_the_text() {
        let blocks = blocks_of("<p>  see <a href='/x'>this <em>page</em></a> and <code>x()</code>  <br> next</p>");
        let b = &blocks[0];
        assert_eq!(b.text, "see this page and x()\nnext");
        assert_eq!(b.link_chars, 9);
        let marked: Vec<(&str, &SpanKind)> = b.spans.iter().map(|s| (&b.text[s.start..s.end], &s.kind)).collect();
        assert_eq!(marked, vec![("this page", &SpanKind::Link { href: "/x".into() }), ("page", &SpanKind::Emphasis), ("x()", &SpanKind::Code),]);
    }

    #[test]
    fn images_alone_go_with_the_next_block_and_inline_ones_are_spans() {
        let blocks =
            blocks_of("<figure><img data-src='/big.jpg' src='data:image/gif;base64,R0l' alt='A cat'></figure><p>An icon <img src='/i.png' alt='i'> here</p>");
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].images, vec![Image { src: "/big.jpg".into(), alt: "A cat".into() }]);
        assert_eq!(blocks[0].text, "An icon here");
        // Between two spaces, the image's span is the one space left of them.
        assert_eq!(blocks[0].spans, vec![Span { start: 7, end: 8, kind: SpanKind::Image(Image { src: "/i.png".into(), alt: "i".into() }) }]);
        let blocks = blocks_of("<p>An icon <img src='/i.png' alt='i'>here</p>");
        assert_eq!(blocks[0].spans, vec![Span { start: 8, end: 8, kind: SpanKind::Image(Image { src: "/i.png".into(), alt: "i".into() }) }]);
    }
}
