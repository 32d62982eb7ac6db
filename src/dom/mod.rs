//! The document tree gleaner works on: a compact arena of nodes built by html5ever (through
//! its own tree sink), with element names turned into a [`Tag`] enum and the `id`/`class` tokens kept
//! lowercased, so every later stage matches with cheap comparisons.

mod sink;

use html5ever::tendril::StrTendril;

use crate::Error;
use crate::budget::Budget;
use crate::options::DEFAULT_MAX_NODES;
use crate::page::Warning;

/// A node of a [`Dom`]: its place in document (pre-)order, so that a subtree is a contiguous
/// run of ids and "before" and "after" in the page are `<` and `>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NodeId(u32);

impl NodeId {
    /// The node at `index` in [`Dom::nodes`]. A tree never holds more nodes than `u32` counts
    /// (the node cap is a million).
    #[must_use]
    pub const fn from_index(index: usize) -> Self {
        Self(index as u32)
    }

    /// The node's index in [`Dom::nodes`] (and in every per-node table of the stages).
    #[must_use]
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The next node in document order.
    #[must_use]
    pub const fn next(self) -> Self {
        Self(self.0.saturating_add(1))
    }

    /// The node `nodes` places earlier in document order (the root at the least).
    #[must_use]
    pub const fn back(self, nodes: u32) -> Self {
        Self(self.0.saturating_sub(nodes))
    }

    /// The node `nodes` places later in document order.
    #[must_use]
    pub const fn ahead(self, nodes: u32) -> Self {
        Self(self.0.saturating_add(nodes))
    }
}

/// `id + n`: the node `n` places later in document order (walks that skip subtrees).
impl std::ops::Add<u32> for NodeId {
    type Output = Self;

    fn add(self, nodes: u32) -> Self {
        self.ahead(nodes)
    }
}

impl std::ops::AddAssign<u32> for NodeId {
    fn add_assign(&mut self, nodes: u32) {
        *self = self.ahead(nodes);
    }
}

impl std::fmt::Display for NodeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The HTML elements the stages tell apart; everything else is [`Tag::Other`].
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    A,
    Abbr,
    Address,
    Article,
    Aside,
    Audio,
    B,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Cite,
    Code,
    Col,
    Colgroup,
    Dd,
    Del,
    Details,
    Dialog,
    Dfn,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    Frame,
    Frameset,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Ins,
    Kbd,
    Label,
    Legend,
    Li,
    Link,
    Main,
    Map,
    Mark,
    Math,
    Menu,
    Meta,
    Nav,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    Output,
    P,
    Picture,
    Pre,
    Q,
    S,
    Samp,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strike,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Track,
    Tt,
    U,
    Ul,
    Var,
    Video,
    Wbr,
    /// An element gleaner has no rule for (custom elements, obsolete tags).
    Other,
}

impl Tag {
    /// The tag for a lowercase HTML local name.
    #[must_use]
    pub fn from_name(name: &str) -> Self {
        use Tag::*;
        match name {
            "a" => A,
            "abbr" => Abbr,
            "address" => Address,
            "article" => Article,
            "aside" => Aside,
            "audio" => Audio,
            "b" => B,
            "blockquote" => Blockquote,
            "body" => Body,
            "br" => Br,
            "button" => Button,
            "canvas" => Canvas,
            "caption" => Caption,
            "center" => Center,
            "cite" => Cite,
            "code" => Code,
            "col" => Col,
            "colgroup" => Colgroup,
            "dd" => Dd,
            "del" => Del,
            "details" => Details,
            "dialog" => Dialog,
            "dfn" => Dfn,
            "div" => Div,
            "dl" => Dl,
            "dt" => Dt,
            "em" => Em,
            "embed" => Embed,
            "fieldset" => Fieldset,
            "figcaption" => Figcaption,
            "figure" => Figure,
            "font" => Font,
            "footer" => Footer,
            "form" => Form,
            "frame" => Frame,
            "frameset" => Frameset,
            "h1" => H1,
            "h2" => H2,
            "h3" => H3,
            "h4" => H4,
            "h5" => H5,
            "h6" => H6,
            "head" => Head,
            "header" => Header,
            "hr" => Hr,
            "html" => Html,
            "i" => I,
            "iframe" => Iframe,
            "img" => Img,
            "input" => Input,
            "ins" => Ins,
            "kbd" => Kbd,
            "label" => Label,
            "legend" => Legend,
            "li" => Li,
            "link" => Link,
            "main" => Main,
            "map" => Map,
            "mark" => Mark,
            "math" => Math,
            "menu" => Menu,
            "meta" => Meta,
            "nav" => Nav,
            "noscript" => Noscript,
            "object" => Object,
            "ol" => Ol,
            "optgroup" => Optgroup,
            "option" => Option,
            "output" => Output,
            "p" => P,
            "picture" => Picture,
            "pre" => Pre,
            "q" => Q,
            "s" => S,
            "samp" => Samp,
            "script" => Script,
            "section" => Section,
            "select" => Select,
            "small" => Small,
            "source" => Source,
            "span" => Span,
            "strike" => Strike,
            "strong" => Strong,
            "style" => Style,
            "sub" => Sub,
            "summary" => Summary,
            "sup" => Sup,
            "svg" => Svg,
            "table" => Table,
            "tbody" => Tbody,
            "td" => Td,
            "template" => Template,
            "textarea" => Textarea,
            "tfoot" => Tfoot,
            "th" => Th,
            "thead" => Thead,
            "time" => Time,
            "title" => Title,
            "tr" => Tr,
            "track" => Track,
            "tt" => Tt,
            "u" => U,
            "ul" => Ul,
            "var" => Var,
            "video" => Video,
            "wbr" => Wbr,
            _ => Other,
        }
    }

    /// True for elements that start a new block of text (a line break in plain text).
    #[must_use]
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hr
                | Html
                | Legend
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
                | Frameset
                | Frame
        )
    }

    /// The tag of an SVG or MathML element: only the roots matter (their content is dropped).
    #[must_use]
    pub fn from_foreign(name: &str) -> Self {
        match name {
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            _ => Tag::Other,
        }
    }

    /// The level of a heading element (1–6), or `None`.
    #[must_use]
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }
}

/// An element: its tag, its attributes, and its `id` and `class` tokens lowercased.
#[derive(Debug, Clone)]
pub struct Element {
    /// The element's tag.
    pub tag: Tag,
    /// Attributes as `(name, value)`, names lowercase.
    pub attrs: Vec<(html5ever::LocalName, StrTendril)>,
    /// `id` and `class` values lowercased and joined with a space, for pattern matching.
    pub id_class: String,
}

impl Element {
    /// The value of attribute `name`, if present.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| &**n == name).map(|(_, v)| &**v)
    }

    /// True for an `<a>` that leads somewhere else. Links to a fragment of the same page
    /// (`#top`, the self-links of docs headings) do not make text navigation.
    #[must_use]
    pub fn is_navigating_link(&self) -> bool {
        self.tag == Tag::A && self.attr("href").is_some_and(|href| !href.trim_start().starts_with('#'))
    }
}

/// What a node holds.
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The document root.
    Document,
    /// An element.
    Element(Element),
    /// A text node.
    Text(StrTendril),
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// The parent, or `None` for the root.
    pub parent: Option<NodeId>,
    /// The children in document order.
    pub children: Vec<NodeId>,
    /// The node's content.
    pub data: NodeData,
}

/// A parsed page: nodes in document (pre-)order, the root at index 0.
#[derive(Debug, Clone)]
pub struct Dom {
    /// All nodes; a node's index is its [`NodeId`], and indices follow document order.
    pub nodes: Vec<Node>,
    /// For each node, the id one past its last descendant.
    ends: Vec<NodeId>,
}

impl Dom {
    /// The root node's id.
    pub const ROOT: NodeId = NodeId(0);

    /// Every node, in document order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = NodeId> + use<> {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// `id` and its descendants, in document order.
    pub fn subtree(&self, id: NodeId) -> impl DoubleEndedIterator<Item = NodeId> + use<> {
        Self::between(id, self.subtree_end(id))
    }

    /// The descendants of `id`, in document order.
    pub fn descendants(&self, id: NodeId) -> impl DoubleEndedIterator<Item = NodeId> + use<> {
        Self::between(id.next(), self.subtree_end(id))
    }

    /// The nodes from `start` up to `end` (exclusive), in document order.
    pub fn between(start: NodeId, end: NodeId) -> impl DoubleEndedIterator<Item = NodeId> + use<> {
        (start.0..end.0.max(start.0)).map(NodeId)
    }

    /// The node with this id.
    #[must_use]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The element data of a node, if it is an element.
    #[must_use]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].data {
            NodeData::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The tag of a node ([`Tag::Other`] for non-elements).
    #[must_use]
    pub fn tag(&self, id: NodeId) -> Tag {
        self.element(id).map_or(Tag::Other, |e| e.tag)
    }

    /// The first element with this tag, in document order.
    #[must_use]
    pub fn find_tag(&self, tag: Tag) -> Option<NodeId> {
        self.ids().find(|&id| self.tag(id) == tag)
    }

    /// A tree of `nodes` numbered in pre-order (each node's descendants follow it, before
    /// its next sibling), with each subtree's end computed once.
    pub(crate) fn new(nodes: Vec<Node>) -> Self {
        let mut ends: Vec<NodeId> = (1..=nodes.len()).map(NodeId::from_index).collect();
        // In pre-order every descendant comes after its ancestors: walking backwards, each
        // node's end is final before it is passed up to its parent.
        for index in (0..nodes.len()).rev() {
            if let Some(parent) = nodes[index].parent {
                ends[parent.index()] = ends[parent.index()].max(ends[index]);
            }
        }
        Self { nodes, ends }
    }

    /// The id one past the last descendant of `id` (nodes are stored in pre-order, so a
    /// subtree is the contiguous range `id..subtree_end(id)`). Constant time.
    #[must_use]
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.ends[id.index()]
    }

    /// The ancestors of `id`, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id.index()].parent, |&p| self.nodes[p.index()].parent)
    }

    /// True when `descendant` is `ancestor` or inside it.
    #[must_use]
    pub fn contains(&self, ancestor: NodeId, descendant: NodeId) -> bool {
        descendant >= ancestor && descendant < self.subtree_end(ancestor)
    }

    /// All text under `id`, concatenated as it appears (no whitespace normalisation).
    #[must_use]
    pub fn raw_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for node in &self.nodes[id.index()..self.subtree_end(id).index()] {
            if let NodeData::Text(text) = &node.data {
                out.push_str(text);
            }
        }
        out
    }

    /// Whether any text node or attribute value of the page passes `test`.
    pub fn any_text_or_attribute(&self, test: impl Fn(&str) -> bool) -> bool {
        self.nodes.iter().any(|node| match &node.data {
            NodeData::Text(text) => test(text),
            NodeData::Element(element) => element.attrs.iter().any(|(_, value)| test(value)),
            NodeData::Document => false,
        })
    }

    /// Replaces every text node and attribute value for which `rewrite` gives a new value.
    /// The `id`/`class` tokens used for matching are left as the page wrote them.
    pub fn rewrite_texts_and_attributes(&mut self, rewrite: impl Fn(&str) -> Option<String>) {
        for node in &mut self.nodes {
            match &mut node.data {
                NodeData::Text(text) => {
                    if let Some(new) = rewrite(text) {
                        *text = StrTendril::from(new);
                    }
                }
                NodeData::Element(element) => {
                    for (_, value) in &mut element.attrs {
                        if let Some(new) = rewrite(value) {
                            *value = StrTendril::from(new);
                        }
                    }
                }
                NodeData::Document => {}
            }
        }
    }
}

/// How much markup is fed to the parser between two looks at the time budget and at whether
/// the node cap was reached. The cap itself holds inside a chunk (the tree sink cuts every
/// node past it), so a chunk only bounds how much markup is read past the cap before parsing
/// stops (256 KB makes about 256,000 empty handles at most, barring the adoption agency's
/// clones). Nearly every real page fits in one chunk: smaller chunks (16–64 KB) cost 2–3% of
/// single-thread speed on WCXB-dev, this one nothing measurable.
const CHUNK_BYTES: usize = 256 * 1024;

/// Parses an HTML document into a [`Dom`], with the default node cap ([`DEFAULT_MAX_NODES`]).
///
/// Nesting deeper than [`crate::depth_limit::DEFAULT_MAX_DEPTH`] is flattened first (see
/// the depth limit). Scripting is off, as for a crawler: `<noscript>` content is parsed as markup, because some
/// sites (forum engines among them) serve their whole readable page inside it.
#[must_use]
pub fn parse(html: &str) -> Dom {
    parse_capped(html, DEFAULT_MAX_NODES).0
}

/// Parses as [`parse`], but stops reading the markup once `max_nodes` nodes have been built:
/// the tree then holds the page up to about that point, closed as at the end of the input.
/// Returns the tree and whether it was cut.
#[must_use]
pub fn parse_capped(html: &str, max_nodes: usize) -> (Dom, bool) {
    let options = crate::Options::default().with_max_nodes(max_nodes);
    let Ok(parsed) = parse_checked::<std::convert::Infallible>(html, &options, || Ok(()));
    let cut = parsed.warnings.contains(&Warning::NodeLimit);
    (parsed.dom, cut)
}

/// A tree and the limits that degraded it.
#[derive(Debug)]
pub struct Parsed {
    /// The tree.
    pub dom: Dom,
    /// [`Warning::NodeLimit`], [`Warning::DepthLimit`], [`Warning::AttributeLimit`]: the caps
    /// that acted, if any.
    pub warnings: Vec<Warning>,
}

/// Parses with the markup caps and node cap of `options`, checking `budget` between chunks of
/// markup.
///
/// # Errors
/// [`Error::TimeBudget`] when the budget runs out while parsing.
pub fn parse_limited(html: &str, options: &crate::Options, budget: &Budget) -> Result<Parsed, Error> {
    parse_checked(html, options, || budget.check("parse"))
}

/// Parses with the caps of `options`, calling `check` before each chunk of markup and
/// stopping at its first error.
fn parse_checked<E>(html: &str, options: &crate::Options, mut check: impl FnMut() -> Result<(), E>) -> Result<Parsed, E> {
    use html5ever::tendril::TendrilSink;
    let parse_options = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    let limited = crate::depth_limit::limit_markup(html, options.markup_limits());
    let mut warnings = Vec::new();
    if limited.depth_cut {
        warnings.push(Warning::DepthLimit);
    }
    if limited.attributes_cut {
        warnings.push(Warning::AttributeLimit);
    }
    let mut parser = html5ever::driver::parse_document(sink::DomSink::new(options.max_nodes), parse_options);
    let mut rest: &str = &limited.html;
    while !rest.is_empty() {
        check()?;
        if parser.tokenizer.sink.sink.is_cut() {
            break;
        }
        let mut end = rest.len().min(CHUNK_BYTES);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (chunk, tail) = rest.split_at(end);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
    }
    if parser.tokenizer.sink.sink.is_cut() {
        warnings.push(Warning::NodeLimit);
    }
    Ok(Parsed { dom: parser.finish(), warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_cap_cuts_the_page_and_says_so() {
        let html = "<p>x".repeat(100_000);
        let (dom, cut) = parse_capped(&html, 1000);
        assert!(cut);
        assert!(dom.nodes.len() <= 1000, "{}", dom.nodes.len());
        let (whole, cut) = parse_capped(&html, DEFAULT_MAX_NODES);
        assert!(!cut);
        assert_eq!(whole.nodes.len(), 3 + 200_000 + 1); // html, head, body; p and text each; the document
    }

    #[test]
    fn node_cap_holds_inside_one_chunk() {
        // A 10 KB page is one chunk: the cap must act while it is parsed, not only between
        // chunks (`--max-nodes 10` once had no effect on it).
        let html = format!("<html><body>{}</body></html>", "<p>A paragraph of the page.</p>".repeat(300));
        assert!(html.len() < CHUNK_BYTES);
        for cap in [1, 10, 100] {
            let (dom, cut) = parse_capped(&html, cap);
            assert!(cut, "cap {cap}");
            assert!(dom.nodes.len() <= cap, "cap {cap}: {} nodes", dom.nodes.len());
        }
        let (dom, cut) = parse_capped(&html, 3 + 600 + 1);
        assert!(!cut, "exactly at the cap is not past it");
        assert_eq!(dom.nodes.len(), 604);
    }

    #[test]
    fn every_cap_on_every_fixture_page_parses_within_the_cap() {
        for entry in std::fs::read_dir("fixtures/pages").expect("fixtures") {
            let Ok(html) = std::fs::read_to_string(entry.expect("entry").path().join("source.html")) else { continue };
            for cap in (0..40).chain([50, 100, 200, 500, 1000, 5000]) {
                let (dom, _) = parse_capped(&html, cap);
                assert!(dom.nodes.len() <= cap.max(1));
            }
        }
    }

    #[test]
    fn chunks_split_between_characters_and_tokens_parse_as_one() {
        let html = format!("<p title='a &amp; b'>{}</p>", "é€𠀀\r\n".repeat(20_000));
        let (dom, cut) = parse_capped(&html, DEFAULT_MAX_NODES);
        assert!(!cut);
        assert_eq!(dom.raw_text(Dom::ROOT), "é€𠀀\n".repeat(20_000));
    }

    #[test]
    fn nodes_are_in_document_order_with_contiguous_subtrees() {
        let dom = parse("<html><body><div id='Main' class='A b'><p>one <b>two</b></p><p>three</p></div><span>x</span></body></html>");
        let div = dom.find_tag(Tag::Div).expect("a div");
        let element = dom.element(div).expect("an element");
        assert_eq!(element.id_class, "main a b");
        assert_eq!(element.attr("id"), Some("Main"));
        assert_eq!(dom.raw_text(div), "one twothree");
        let span = dom.find_tag(Tag::Span).expect("a span");
        assert!(span >= dom.subtree_end(div), "the span follows the div's subtree");
        let bold = dom.find_tag(Tag::B).expect("a b");
        assert!(dom.contains(div, bold) && !dom.contains(bold, div));
        assert_eq!(dom.ancestors(bold).map(|a| dom.tag(a)).take(3).collect::<Vec<_>>(), [Tag::P, Tag::Div, Tag::Body]);
        for (id, node) in dom.nodes.iter().enumerate() {
            for &child in &node.children {
                assert!(child.index() > id && dom.node(child).parent == Some(NodeId::from_index(id)));
            }
        }
    }

    #[test]
    fn adjacent_text_is_one_node_and_unknown_tags_are_other() {
        let dom = parse("<p>a&amp;b<!-- c -->d</p><custom-card>e</custom-card>");
        let p = dom.find_tag(Tag::P).expect("a p");
        let texts: Vec<&str> = dom
            .node(p)
            .children
            .iter()
            .filter_map(|&c| match &dom.node(c).data {
                NodeData::Text(t) => Some(&**t),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["a&b", "d"]);
        assert_eq!(Tag::from_name("custom-card"), Tag::Other);
        assert_eq!(Tag::from_name("h3").heading_level(), Some(3));
    }
}
