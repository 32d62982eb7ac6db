//! Data tables: rows of cells, made rectangular (a cell spanning several columns or rows is
//! followed, or continued below, by empty cells), with the header row detected.

use crate::dom::{Dom, NodeId, Tag};

use super::collect::Collector;
use super::{Block, BlockKind, Span, collect};

/// Spans larger than this are treated as this (malformed pages write `colspan="1000"`).
const MAX_SPAN: usize = 50;

/// The rows of a data table as [`BlockKind::TableRow`] blocks.
pub(super) fn rows(collector: &Collector<'_>, table: NodeId) -> Vec<Block> {
    let dom = collector.dom;
    let mut blocks = Vec::new();
    // For each column, how many more rows a cell from above still covers.
    let mut pending: Vec<usize> = Vec::new();
    for row in rows_of(dom, table) {
        let mut header = dom.node(row).parent.is_some_and(|p| dom.tag(p) == Tag::Thead);
        let mut all_th = true;
        let mut cells: Vec<(String, Vec<Span>)> = Vec::new();
        let mut link_chars = 0;
        let mut column = 0;
        let skip_covered = |cells: &mut Vec<(String, Vec<Span>)>, column: &mut usize, pending: &mut Vec<usize>| {
            while pending.get(*column).is_some_and(|&n| n > 0) {
                pending[*column] -= 1;
                cells.push((String::new(), Vec::new()));
                *column += 1;
            }
        };
        for &cell in &dom.node(row).children {
            let tag = dom.tag(cell);
            if tag != Tag::Td && tag != Tag::Th {
                continue;
            }
            skip_covered(&mut cells, &mut column, &mut pending);
            all_th &= tag == Tag::Th;
            let inner = collect(dom, &[cell], collector.skip);
            link_chars += inner.iter().map(|b| b.link_chars).sum::<usize>();
            cells.push(join_cell(inner));
            let element = dom.element(cell);
            let span = |name: &str| element.and_then(|e| e.attr(name)).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, MAX_SPAN);
            let (colspan, rowspan) = (span("colspan"), span("rowspan"));
            for offset in 0..colspan {
                if pending.len() <= column + offset {
                    pending.resize(column + offset + 1, 0);
                }
                pending[column + offset] = rowspan - 1;
                if offset > 0 {
                    cells.push((String::new(), Vec::new()));
                }
            }
            column += colspan;
        }
        skip_covered(&mut cells, &mut column, &mut pending);
        header |= all_th && !cells.is_empty();
        if cells.iter().any(|(c, _)| !c.is_empty()) {
            let mut text = String::new();
            let mut spans = Vec::new();
            for (i, (cell, cell_spans)) in cells.into_iter().enumerate() {
                if i > 0 {
                    text.push('\t');
                }
                let offset = text.len();
                spans.extend(cell_spans.into_iter().map(|s| Span { start: s.start + offset, end: s.end + offset, kind: s.kind }));
                text.push_str(&cell);
            }
            blocks.push(Block { spans, ..Block::new(BlockKind::TableRow { header }, text, link_chars, row) });
        }
    }
    blocks
}

/// The blocks of one cell as one line of text (line breaks and tabs become spaces), with their
/// spans.
fn join_cell(inner: Vec<Block>) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for block in inner {
        if !text.is_empty() && !block.text.is_empty() {
            text.push(' ');
        }
        let offset = text.len();
        spans.extend(block.spans.into_iter().map(|s| Span { start: s.start + offset, end: s.end + offset, kind: s.kind }));
        // Same byte length: offsets stay valid.
        text.push_str(&block.text.replace(['\n', '\t'], " "));
    }
    (text, spans)
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
pub(super) fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    let mut cells = 0;
    for id in dom.descendants(table) {
        match dom.tag(id) {
            Tag::Table | Tag::P | Tag::Ul | Tag::Ol | Tag::H1 | Tag::H2 | Tag::H3 | Tag::Blockquote | Tag::Pre => return false,
            Tag::Td | Tag::Th => cells += 1,
            _ => {}
        }
    }
    cells > 0
}

#[cfg(test)]
mod tests {
    use crate::blocks::{BlockKind, collect};
    use crate::dom::{Dom, parse};

    fn rows(html: &str) -> Vec<(bool, String)> {
        let dom = parse(html);
        collect(&dom, &[Dom::ROOT], &|_| false)
            .into_iter()
            .map(|b| match b.kind {
                BlockKind::TableRow { header } => (header, b.text),
                _ => panic!("not a row: {b:?}"),
            })
            .collect()
    }

    #[test]
    fn header_row_and_cells() {
        assert_eq!(rows("<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>"), vec![(true, "k\tv".into()), (false, "a\t1".into())]);
    }

    #[test]
    fn spans_keep_the_table_rectangular() {
        let html = "<table><thead><tr><th colspan='2'>Name</th><th>Age</th></tr></thead>\
                    <tr><td rowspan='2'>Ann</td><td>B.</td><td>30</td></tr><tr><td>C.</td><td>31</td></tr></table>";
        assert_eq!(rows(html), vec![(true, "Name\t\tAge".into()), (false, "Ann\tB.\t30".into()), (false, "\tC.\t31".into())]);
    }
}
