//! Markdown rendering: ATX headings, nested lists, GFM tables, blockquotes and fenced code.

use crate::blocks::{Block, BlockKind};

use super::same_group;

/// Renders blocks as CommonMark/GFM.
#[must_use]
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut index = 0;
    while index < blocks.len() {
        if index > 0 {
            out.push_str(if same_group(&blocks[index - 1].kind, &blocks[index].kind) { "\n" } else { "\n\n" });
        }
        let block = &blocks[index];
        match &block.kind {
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(&escape_inline(&block.text.replace('\n', " ")));
            }
            BlockKind::Paragraph => out.push_str(&escape_lines(&block.text)),
            BlockKind::ListItem { ordered, depth } => {
                let indent = "    ".repeat(usize::from(*depth));
                let marker = if *ordered { "1. " } else { "- " };
                let body = escape_lines(&block.text).replace('\n', &format!("  \n{indent}    "));
                out.push_str(&format!("{indent}{marker}{body}"));
            }
            BlockKind::Quote => {
                let body = escape_lines(&block.text);
                out.push_str(&body.lines().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n"));
            }
            BlockKind::Code { lang } => {
                let fence = if block.text.contains("```") { "~~~~" } else { "```" };
                out.push_str(&format!("{fence}{}\n{}\n{fence}", lang.as_deref().unwrap_or(""), block.text));
            }
            BlockKind::TableRow { .. } => {
                let end = blocks[index..].iter().position(|b| !matches!(b.kind, BlockKind::TableRow { .. })).map_or(blocks.len(), |p| index + p);
                out.push_str(&table(&blocks[index..end]));
                index = end;
                continue;
            }
        }
        index += 1;
    }
    out
}

/// A GFM table from consecutive rows: the first row is the header, rows are padded to the
/// widest, pipes in cells escaped.
fn table(rows: &[Block]) -> String {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells().iter().map(|c| escape_cell(c)).collect()).collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let line = |row: &[String]| {
        let mut padded: Vec<&str> = row.iter().map(String::as_str).collect();
        padded.resize(width, "");
        format!("| {} |", padded.join(" | "))
    };
    let mut out = vec![line(&cells[0]), format!("|{}", " --- |".repeat(width))];
    out.extend(cells[1..].iter().map(|r| line(r)));
    out.join("\n")
}

fn escape_cell(cell: &str) -> String {
    escape_inline(cell).replace('|', "\\|").replace('\n', " ")
}

/// Escapes characters that would start Markdown syntax inside inline text.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes each line and the line-start characters that would make it a heading, list or quote;
/// line breaks become hard breaks.
fn escape_lines(text: &str) -> String {
    text.lines()
        .map(|line| {
            let escaped = escape_inline(line);
            let starts_block = escaped.starts_with(['#', '+', '-', '='])
                || escaped.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if starts_block { format!("\\{escaped}") } else { escaped }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block { kind, ..Block::paragraph(text.into()) }
    }

    #[test]
    fn renders_structures() {
        let md = markdown(&[
            block(BlockKind::Heading(2), "Intro"),
            block(BlockKind::Paragraph, "Some *text*."),
            block(BlockKind::ListItem { ordered: false, depth: 0 }, "one"),
            block(BlockKind::ListItem { ordered: false, depth: 1 }, "nested"),
            block(BlockKind::TableRow { header: true }, "a\tb"),
            block(BlockKind::TableRow { header: false }, "1|2"),
            block(BlockKind::Code { lang: Some("rust".into()) }, "fn main() {}"),
        ]);
        assert_eq!(
            md,
            "## Intro\n\nSome \\*text\\*.\n\n- one\n    - nested\n\n| a | b |\n| --- | --- |\n| 1\\|2 |  |\n\n```rust\nfn main() {}\n```"
        );
    }
}
