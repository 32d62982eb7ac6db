//! The tree html5ever builds into: a flat arena of nodes linked to parent and siblings, so that
//! the tree builder's moves (foster parenting, the adoption agency, reparenting) are O(1).
//! When parsing ends it is renumbered in document order into a [`Dom`].

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};

use super::{Dom, Element, Node, NodeData, NodeId, Tag};

/// Index of a node in the build arena.
type Handle = usize;

#[derive(Debug)]
enum BuildData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template_contents: Option<Handle>,
    },
    Text(StrTendril),
    /// An element created past the node cap: named for the tree builder's sake, dropped from
    /// the result with everything put inside it.
    Cut(QualName),
    /// Comments, processing instructions, template fragments: kept out of the result.
    Other,
}

#[derive(Debug)]
struct BuildNode {
    parent: Option<Handle>,
    first_child: Option<Handle>,
    last_child: Option<Handle>,
    prev: Option<Handle>,
    next: Option<Handle>,
    data: BuildData,
}

impl BuildNode {
    fn new(data: BuildData) -> Self {
        Self { parent: None, first_child: None, last_child: None, prev: None, next: None, data }
    }
}

/// A [`TreeSink`] producing a [`Dom`].
#[derive(Debug)]
pub(super) struct DomSink {
    nodes: RefCell<Vec<BuildNode>>,
    /// The node cap: nodes created past it are cut (see [`BuildData::Cut`]).
    max_nodes: usize,
    /// Whether a node was cut.
    cut: Cell<bool>,
}

impl DomSink {
    /// A sink that builds at most `max_nodes` nodes (the document included).
    pub(super) fn new(max_nodes: usize) -> Self {
        let mut nodes = Vec::with_capacity(4096.min(max_nodes.saturating_add(1)));
        nodes.push(BuildNode::new(BuildData::Document));
        Self { nodes: RefCell::new(nodes), max_nodes, cut: Cell::new(false) }
    }

    /// Whether the node cap was reached and nodes were cut: the rest of the page is unread
    /// from then on (the caller stops feeding it).
    pub(super) fn is_cut(&self) -> bool {
        self.cut.get()
    }

    /// Adds a node. Past the node cap, the tree builder still gets a handle (it cannot be
    /// stopped inside a chunk of markup), but the node holds nothing and is left out of the
    /// result: an element keeps only its name, anything else becomes [`BuildData::Other`].
    fn push(&self, data: BuildData) -> Handle {
        let mut nodes = self.nodes.borrow_mut();
        let data = if nodes.len() < self.max_nodes { data } else { self.cut_node(data) };
        nodes.push(BuildNode::new(data));
        nodes.len() - 1
    }

    /// What is kept of a node created past the cap; notes the cut.
    fn cut_node(&self, data: BuildData) -> BuildData {
        self.cut.set(true);
        match data {
            BuildData::Element { name, .. } => BuildData::Cut(name),
            _ => BuildData::Other,
        }
    }

    /// Adds text after `neighbour` (see [`merge_or_new_text`]). Once the page is cut, and when
    /// the text would need a node past the cap, it is dropped and `None` returned.
    fn text_after(&self, nodes: &mut Vec<BuildNode>, neighbour: Option<Handle>, text: StrTendril) -> Option<Handle> {
        let merges = neighbour.is_some_and(|n| matches!(nodes[n].data, BuildData::Text(_)));
        if self.cut.get() || (!merges && nodes.len() >= self.max_nodes) {
            self.cut.set(true);
            return None;
        }
        merge_or_new_text(nodes, neighbour, text)
    }
}

/// What `elem_name` lends for a handle that is not an element: the tree builder never asks,
/// but the signature needs a name.
static NO_NAME: std::sync::LazyLock<QualName> = std::sync::LazyLock::new(|| QualName::new(None, ns!(html), local_name!("div")));

/// Unlinks `node` from its parent and siblings.
fn detach(nodes: &mut [BuildNode], node: Handle) {
    let (parent, prev, next) = (nodes[node].parent, nodes[node].prev, nodes[node].next);
    if let Some(prev) = prev {
        nodes[prev].next = next;
    } else if let Some(parent) = parent {
        nodes[parent].first_child = next;
    }
    if let Some(next) = next {
        nodes[next].prev = prev;
    } else if let Some(parent) = parent {
        nodes[parent].last_child = prev;
    }
    nodes[node].parent = None;
    nodes[node].prev = None;
    nodes[node].next = None;
}

/// Adjacent text is one node: appends `text` to `neighbour` when that is a text node and
/// returns `None`, else creates an orphan text node and returns it for the caller to link.
fn merge_or_new_text(nodes: &mut Vec<BuildNode>, neighbour: Option<Handle>, text: StrTendril) -> Option<Handle> {
    if let Some(BuildData::Text(existing)) = neighbour.map(|n| &mut nodes[n].data) {
        existing.push_tendril(&text);
        return None;
    }
    nodes.push(BuildNode::new(BuildData::Text(text)));
    Some(nodes.len() - 1)
}

/// Links the orphan `child` as the last child of `parent`.
fn append_child(nodes: &mut [BuildNode], parent: Handle, child: Handle) {
    let last = nodes[parent].last_child;
    nodes[child].parent = Some(parent);
    nodes[child].prev = last;
    nodes[child].next = None;
    match last {
        Some(last) => nodes[last].next = Some(child),
        None => nodes[parent].first_child = Some(child),
    }
    nodes[parent].last_child = Some(child);
}

/// Links the orphan `node` just before `sibling`, which has a parent.
fn insert_before(nodes: &mut [BuildNode], sibling: Handle, node: Handle) {
    let parent = nodes[sibling].parent;
    let prev = nodes[sibling].prev;
    nodes[node].parent = parent;
    nodes[node].prev = prev;
    nodes[node].next = Some(sibling);
    nodes[sibling].prev = Some(node);
    match prev {
        Some(prev) => nodes[prev].next = Some(node),
        None => {
            if let Some(parent) = parent {
                nodes[parent].first_child = Some(node);
            }
        }
    }
}

impl TreeSink for DomSink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        into_dom(self.nodes.into_inner())
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            BuildData::Element { name, .. } | BuildData::Cut(name) => name,
            _ => &NO_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> Handle {
        let is_template = name.ns == ns!(html) && name.local == local_name!("template");
        let template_contents = is_template.then(|| self.push(BuildData::Other));
        self.push(BuildData::Element { name, attrs, template_contents })
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.push(BuildData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.push(BuildData::Other)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => append_child(&mut nodes, *parent, node),
            NodeOrText::AppendText(text) => {
                let neighbour = nodes[*parent].last_child;
                if let Some(node) = self.text_after(&mut nodes, neighbour, text) {
                    append_child(&mut nodes, *parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        match &self.nodes.borrow()[*target].data {
            BuildData::Element { template_contents: Some(contents), .. } => *contents,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        if nodes[*sibling].parent.is_none() {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(node) => {
                detach(&mut nodes, node);
                insert_before(&mut nodes, *sibling, node);
            }
            NodeOrText::AppendText(text) => {
                let neighbour = nodes[*sibling].prev;
                if let Some(node) = self.text_after(&mut nodes, neighbour, text) {
                    insert_before(&mut nodes, *sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let BuildData::Element { attrs: existing, .. } = &mut nodes[*target].data {
            for attr in attrs {
                if !existing.iter().any(|a| a.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(child) = nodes[*node].first_child {
            detach(&mut nodes, child);
            append_child(&mut nodes, *new_parent, child);
        }
    }
}

/// Renumbers the tree reachable from the document in document order, dropping comments,
/// doctypes and template contents.
fn into_dom(mut build: Vec<BuildNode>) -> Dom {
    let mut nodes: Vec<Node> = Vec::with_capacity(build.len());
    nodes.push(Node { parent: None, children: Vec::new(), data: NodeData::Document });
    // (build handle, new parent id); children pushed in reverse so they pop in order.
    let mut stack: Vec<(Handle, NodeId)> = Vec::new();
    push_children(&build, 0, Dom::ROOT, &mut stack);
    while let Some((handle, parent)) = stack.pop() {
        let data = match std::mem::replace(&mut build[handle].data, BuildData::Other) {
            BuildData::Element { name, attrs, .. } => NodeData::Element(convert_element(&name, attrs)),
            BuildData::Text(text) => NodeData::Text(text),
            BuildData::Document | BuildData::Cut(_) | BuildData::Other => continue,
        };
        let id = NodeId::from_index(nodes.len());
        nodes[parent.index()].children.push(id);
        let is_element = matches!(data, NodeData::Element(_));
        nodes.push(Node { parent: Some(parent), children: Vec::new(), data });
        if is_element {
            push_children(&build, handle, id, &mut stack);
        }
    }
    Dom::new(nodes)
}

fn push_children(build: &[BuildNode], handle: Handle, parent: NodeId, stack: &mut Vec<(Handle, NodeId)>) {
    let mut child = build[handle].last_child;
    while let Some(c) = child {
        stack.push((c, parent));
        child = build[c].prev;
    }
}

fn convert_element(name: &QualName, attrs: Vec<Attribute>) -> Element {
    let tag = if name.ns == ns!(html) { Tag::from_name(&name.local) } else { Tag::from_foreign(&name.local) };
    let mut id_class = String::new();
    let mut converted = Vec::with_capacity(attrs.len());
    for attr in attrs {
        let local = attr.name.local;
        if local == local_name!("id") || local == local_name!("class") {
            if !id_class.is_empty() {
                id_class.push(' ');
            }
            id_class.extend(attr.value.chars().map(|c| c.to_ascii_lowercase()));
        }
        converted.push((local, attr.value));
    }
    Element { tag, attrs: converted, id_class }
}
