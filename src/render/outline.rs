//! The article's structure, built once from its blocks for the Markdown and HTML writers:
//! which blocks form one blockquote or one table, and how list blocks nest into lists and items.
//!
//! The blocks carry their list position as the page declared it (`ListItem { depth }`, or
//! [`ListPosition`](crate::blocks::ListPosition) for a paragraph, heading or code inside an
//! item), but cleaning may have dropped an item's first block or its parent items. The rules
//! that turn positions into a tree are here and only here:
//! - a block outside lists closes every open list;
//! - a new item goes at most one level below the open lists (an item whose parents were dropped
//!   hangs from the innermost open item, or starts a top-level list when none is open);
//! - an item whose list kind (numbered or not) differs from the open list at its level starts a
//!   new list there;
//! - a block that continues an item goes into the innermost open item at most as deep as its
//!   own, closing the lists below it; with no open list it starts a new item.

use crate::blocks::{Block, BlockKind};

/// A piece of the article at the top level.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    /// A heading, paragraph or code block outside lists.
    Block(&'a Block),
    /// Consecutive quote paragraphs outside lists: one blockquote.
    Quote(&'a [Block]),
    /// Consecutive rows: one table.
    Table(&'a [Block]),
    /// A list.
    List(List<'a>),
}

/// A list: its kind and its items, in order.
#[derive(Debug)]
pub(crate) struct List<'a> {
    /// Whether the list is numbered.
    pub ordered: bool,
    /// The items; each holds at least its first block.
    pub items: Vec<Item<'a>>,
}

/// One item of a list: the block that opened it, then the blocks that continue it and the
/// lists nested in it, in page order.
#[derive(Debug)]
pub(crate) struct Item<'a> {
    /// The parts; the first is always the block that opened the item.
    pub parts: Vec<Part<'a>>,
}

/// A part of a list item.
#[derive(Debug)]
pub(crate) enum Part<'a> {
    /// A block: the item's first one (which gets the marker) or one that continues the item.
    Block(&'a Block),
    /// A list nested in the item.
    List(List<'a>),
}

/// Builds the structure of `blocks`.
pub(crate) fn outline(blocks: &[Block]) -> Vec<Node<'_>> {
    let mut builder = Builder { nodes: Vec::new(), open: Vec::new() };
    let mut index = 0;
    while index < blocks.len() {
        let block = &blocks[index];
        if let Some(position) = position(block) {
            builder.place(block, position);
            index += 1;
            continue;
        }
        builder.close_to(0);
        match block.kind {
            BlockKind::Quote => {
                let end = run_end(blocks, index, |b| b.kind == BlockKind::Quote && b.list.is_none());
                builder.nodes.push(Node::Quote(&blocks[index..end]));
                index = end;
            }
            BlockKind::TableRow { .. } => {
                let end = run_end(blocks, index, |b| matches!(b.kind, BlockKind::TableRow { .. }));
                builder.nodes.push(Node::Table(&blocks[index..end]));
                index = end;
            }
            _ => {
                builder.nodes.push(Node::Block(block));
                index += 1;
            }
        }
    }
    builder.close_to(0);
    builder.nodes
}

/// A block's list position as the page declared it: (ordered, depth, continues an item), or
/// `None` outside lists.
fn position(block: &Block) -> Option<(bool, usize, bool)> {
    match (&block.kind, block.list) {
        (_, Some(item)) => Some((item.ordered, usize::from(item.depth), item.continues)),
        (BlockKind::ListItem { ordered, depth }, None) => Some((*ordered, usize::from(*depth), false)),
        _ => None,
    }
}

/// The end (exclusive) of the run of blocks starting at `start` that `belongs` accepts after
/// the first: a blockquote's paragraphs, a table's rows. The run always holds the block at
/// `start`, so the builder always moves on.
fn run_end(blocks: &[Block], start: usize, belongs: impl Fn(&Block) -> bool) -> usize {
    let next = start + 1;
    blocks.get(next..).and_then(|rest| rest.iter().position(|b| !belongs(b))).map_or(blocks.len().max(next), |p| next + p)
}

/// The tree under construction: the finished top-level nodes and the open lists, outermost
/// first (the list at index `d` is at depth `d`).
struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    open: Vec<List<'a>>,
}

impl<'a> Builder<'a> {
    /// Puts a list block where the rules in the module's doc say.
    fn place(&mut self, block: &'a Block, (ordered, depth, continues): (bool, usize, bool)) {
        if continues && let Some(innermost) = self.open.len().checked_sub(1) {
            self.close_to(depth.min(innermost) + 1);
            if let Some(item) = self.open.last_mut().and_then(|list| list.items.last_mut()) {
                item.parts.push(Part::Block(block));
            }
            return;
        }
        let depth = depth.min(self.open.len());
        self.close_to(depth + 1);
        if self.open.get(depth).is_some_and(|list| list.ordered != ordered) {
            self.close_to(depth);
        }
        let item = Item { parts: vec![Part::Block(block)] };
        match self.open.get_mut(depth) {
            Some(list) => list.items.push(item),
            None => self.open.push(List { ordered, items: vec![item] }),
        }
    }

    /// Closes the open lists deeper than `depth` levels; each goes into the last item of the
    /// list around it, or to the top level.
    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(list) = self.open.pop() else { return };
            match self.open.last_mut().and_then(|parent| parent.items.last_mut()) {
                Some(item) => item.parts.push(Part::List(list)),
                None => self.nodes.push(Node::List(list)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::ListPosition;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block { kind, ..Block::paragraph(text.into()) }
    }

    fn item(ordered: bool, depth: u8) -> Block {
        block(BlockKind::ListItem { ordered, depth }, "item")
    }

    /// The shape of the outline: `[` `]` a list, `(` `)` an item, `.` a block, `q` a quote,
    /// `t` a table.
    fn shape(nodes: &[Node<'_>]) -> String {
        fn list(of: &List<'_>) -> String {
            let items: String = of
                .items
                .iter()
                .map(|item| {
                    let parts: String = item.parts.iter().map(|p| if let Part::List(l) = p { list(l) } else { ".".into() }).collect();
                    format!("({parts})")
                })
                .collect();
            format!("{}[{items}]", if of.ordered { "o" } else { "u" })
        }
        nodes
            .iter()
            .map(|n| match n {
                Node::Block(_) => ".".to_string(),
                Node::Quote(run) => format!("q{}", run.len()),
                Node::Table(rows) => format!("t{}", rows.len()),
                Node::List(l) => list(l),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn items_nest_and_paragraphs_continue_their_item() {
        let first = ListPosition { ordered: false, depth: 0, continues: false };
        let blocks = [
            item(false, 0),
            item(true, 1),
            Block { list: Some(first), ..block(BlockKind::Paragraph, "c") },
            Block { list: Some(ListPosition { continues: true, ..first }), ..block(BlockKind::Paragraph, "d") },
            block(BlockKind::Paragraph, "after"),
        ];
        assert_eq!(shape(&outline(&blocks)), "u[(.o[(.)])(..)] .");
    }

    #[test]
    fn orphans_hang_from_what_is_open() {
        // An item two levels below nothing starts a top-level list; one two levels below a
        // top-level item nests one level; a continuation with nothing open starts an item.
        let orphan = ListPosition { ordered: false, depth: 2, continues: true };
        let blocks = [item(false, 2), item(false, 3), block(BlockKind::Heading(2), "h"), Block { list: Some(orphan), ..block(BlockKind::Paragraph, "p") }];
        assert_eq!(shape(&outline(&blocks)), "u[(.u[(.)])] . u[(.)]");
    }

    #[test]
    fn a_change_of_list_kind_starts_a_new_list() {
        let blocks = [item(true, 0), item(true, 0), item(false, 0), item(false, 1), item(true, 1)];
        assert_eq!(shape(&outline(&blocks)), "o[(.)(.)] u[(.u[(.)]o[(.)])]");
    }

    #[test]
    fn quotes_and_tables_are_runs_and_a_quote_in_a_list_stays_in_its_item() {
        let in_item = ListPosition { ordered: false, depth: 0, continues: true };
        let blocks = [
            block(BlockKind::Quote, "q1"),
            block(BlockKind::Quote, "q2"),
            block(BlockKind::TableRow { header: true }, "a"),
            block(BlockKind::TableRow { header: false }, "b"),
            item(false, 0),
            Block { list: Some(in_item), ..block(BlockKind::Quote, "said") },
            block(BlockKind::Quote, "q3"),
        ];
        assert_eq!(shape(&outline(&blocks)), "q2 t2 u[(..)] q1");
    }
}
