//! Markdown rendering (CommonMark with GFM tables): ATX headings, nested lists, tables,
//! blockquotes, fenced code, emphasis and inline code; links and images when asked for.

use crate::blocks::{Block, BlockKind, Image, SpanKind};

use super::inline::{Inline, cells, plain, tree};
use super::{RenderOptions, same_group};

/// Renders blocks as CommonMark/GFM with the default options (no links, no images).
#[must_use]
pub fn markdown(blocks: &[Block]) -> String {
    markdown_with(blocks, &RenderOptions::default())
}

/// Renders blocks as CommonMark/GFM.
#[must_use]
pub fn markdown_with(blocks: &[Block], options: &RenderOptions) -> String {
    let mut out = String::new();
    let mut numbers: Vec<u32> = Vec::new();
    let mut index = 0;
    while index < blocks.len() {
        let block = &blocks[index];
        if index > 0 {
            out.push_str(if tight(&blocks[index - 1], block) { "\n" } else { "\n\n" });
        }
        if options.images && !block.images.is_empty() {
            let indent = list_indent(block, numbers.len());
            for image in &block.images {
                out.push_str(&indent);
                out.push_str(&image_markdown(image, options));
                out.push_str("\n\n");
            }
        }
        if !is_in_list(block) {
            numbers.clear();
        }
        match &block.kind {
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(&inline_markdown(block, options).replace('\n', " "));
            }
            BlockKind::Paragraph | BlockKind::Quote if block.list.is_some() => {
                out.push_str(&list_block(block, &inline_markdown(block, options), &mut numbers));
            }
            BlockKind::Paragraph => out.push_str(&line_starts(&inline_markdown(block, options))),
            BlockKind::ListItem { .. } => out.push_str(&list_block(block, &inline_markdown(block, options), &mut numbers)),
            BlockKind::Quote => {
                // Consecutive quote blocks form one blockquote.
                let end = super::run_end(blocks, index, super::continues_quote);
                let paragraphs: Vec<String> = blocks[index..end].iter().map(|b| line_starts(&inline_markdown(b, options))).collect();
                let body = paragraphs.join("\n\n");
                out.push_str(&body.lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect::<Vec<_>>().join("\n"));
                index = end;
                continue;
            }
            BlockKind::Code { lang } => {
                let fence = fence_for(&block.text);
                let code = format!("{fence}{}\n{}\n{fence}", lang.as_deref().unwrap_or(""), block.text);
                let indent = list_indent(block, numbers.len());
                out.push_str(&code.lines().map(|l| if l.is_empty() { String::new() } else { format!("{indent}{l}") }).collect::<Vec<_>>().join("\n"));
            }
            BlockKind::TableRow { .. } => {
                let end = super::run_end(blocks, index, super::continues_table);
                out.push_str(&table(&blocks[index..end], options));
                index = end;
                continue;
            }
        }
        index += 1;
    }
    out
}

/// True when the block belongs to a list (a list item, or a paragraph inside one).
fn is_in_list(block: &Block) -> bool {
    matches!(block.kind, BlockKind::ListItem { .. }) || block.list.is_some()
}

/// Whether two consecutive blocks go on consecutive lines: items of one list (but not a
/// paragraph continuing an item, which needs a blank line) and rows of one table.
fn tight(previous: &Block, block: &Block) -> bool {
    let continues = block.list.is_some_and(|l| l.continues);
    (same_group(&previous.kind, &block.kind) && block.list.is_none() && previous.list.is_none())
        || (is_in_list(previous) && is_in_list(block) && !continues && block.images.is_empty())
}

/// Indentation of a list level: four spaces per level suit both `- ` and `1. ` markers.
const LIST_INDENT: usize = 4;

/// Where a list block goes, given the list levels open before it (`open`): (ordered, depth,
/// continues an item). A new item is at most one level below the open ones, a continuation
/// continues an open item or starts a new one when none is open: cleaning may have dropped the item's first block or
/// its parent item, and indentation with nothing to hang from would be a code block.
fn list_place(block: &Block, open: usize) -> (bool, usize, bool) {
    let (ordered, depth, continues) = match (&block.kind, block.list) {
        (_, Some(item)) => (item.ordered, item.depth, item.continues),
        (BlockKind::ListItem { ordered, depth }, None) => (*ordered, *depth, false),
        _ => (false, 0, false),
    };
    match open.checked_sub(1) {
        // Continues the innermost open item at most.
        Some(innermost) if continues => (ordered, usize::from(depth).min(innermost), true),
        _ => (ordered, usize::from(depth).min(open), false),
    }
}

/// The indentation of content that continues a list item (a paragraph or code in it).
fn list_indent(block: &Block, open: usize) -> String {
    if block.list.is_none() {
        return String::new();
    }
    let (_, depth, continues) = list_place(block, open);
    " ".repeat(depth * LIST_INDENT + if continues { LIST_INDENT } else { 0 })
}

/// A list item, or a paragraph of one: the marker (numbered per level) for an item's first
/// block, the item's indentation for the blocks after it.
fn list_block(block: &Block, body: &str, numbers: &mut Vec<u32>) -> String {
    let (ordered, depth, continues) = list_place(block, numbers.len());
    let indent = " ".repeat(depth * LIST_INDENT);
    let body = line_starts(body);
    if continues {
        let inner = format!("{indent}{}", " ".repeat(LIST_INDENT));
        return body.lines().map(|l| format!("{inner}{l}")).collect::<Vec<_>>().join("\n");
    }
    numbers.resize(depth + 1, 0);
    numbers[depth] += 1;
    let marker = if ordered { format!("{}. ", numbers[depth]) } else { "- ".to_string() };
    let continuation = format!("\n{indent}{}", " ".repeat(marker.len()));
    format!("{indent}{marker}{}", body.replace('\n', &continuation))
}

/// The longest run of backticks in `text` plus one (at least three), as a code fence.
fn fence_for(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// A GFM table from consecutive rows: the header row when the table has one (else an empty
/// header, as GFM requires one), rows padded to the widest, pipes escaped.
fn table(rows: &[Block], options: &RenderOptions) -> String {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| row_cells(r, options)).collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let line = |row: &[String]| {
        let mut padded: Vec<&str> = row.iter().map(String::as_str).collect();
        padded.resize(width, "");
        format!("| {} |", padded.join(" | "))
    };
    let has_header = matches!(rows[0].kind, BlockKind::TableRow { header: true });
    let empty = vec![String::new(); width];
    let (header, body) = if has_header { (&cells[0], &cells[1..]) } else { (&empty, &cells[..]) };
    let mut out = vec![line(header), format!("|{}", " --- |".repeat(width))];
    out.extend(body.iter().map(|r| line(r)));
    out.join("\n")
}

/// The cells of a row rendered inline, with pipes escaped.
fn row_cells(row: &Block, options: &RenderOptions) -> Vec<String> {
    cells(row)
        .into_iter()
        .map(|(cell, spans)| render_inline(&tree(cell, &spans), options, Context { in_link: false, in_table: true }).replace('\n', " "))
        .collect()
}

/// A block's text with its inline markup.
fn inline_markdown(block: &Block, options: &RenderOptions) -> String {
    render_inline(&tree(&block.text, &block.spans), options, Context::default())
}

/// Where inline content is rendered.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// Inside a link's text (links do not nest).
    in_link: bool,
    /// Inside a table cell (pipes are escaped, even in code).
    in_table: bool,
}

fn render_inline(pieces: &[Inline<'_>], options: &RenderOptions, context: Context) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Inline::Text(text) => {
                let escaped = escape_inline(text);
                out.push_str(&if context.in_table { escaped.replace('|', "\\|") } else { escaped });
            }
            Inline::Image(image, space) => {
                out.push_str(space);
                let image = if options.images { image_markdown(image, options) } else { String::new() };
                if !image.is_empty() {
                    out.push_str(&image);
                    out.push_str(space);
                }
            }
            Inline::Marked(kind, children) => match kind {
                SpanKind::Emphasis => out.push_str(&format!("*{}*", render_inline(children, options, context))),
                SpanKind::Strong => out.push_str(&format!("**{}**", render_inline(children, options, context))),
                SpanKind::Code => {
                    let code = code_span(&plain(children));
                    out.push_str(&if context.in_table { code.replace('|', "\\|") } else { code });
                }
                SpanKind::Link { href } => {
                    let text = render_inline(children, options, Context { in_link: true, ..context });
                    match options.links.then(|| options.resolve(href)).flatten().filter(|_| !context.in_link) {
                        Some(url) => out.push_str(&format!("[{text}]({})", link_destination(&url))),
                        None => out.push_str(&text),
                    }
                }
                SpanKind::Image(image) => {
                    if options.images {
                        out.push_str(&image_markdown(image, options));
                    }
                }
            },
        }
    }
    out
}

/// An inline code span, with a backtick delimiter longer than any run inside.
fn code_span(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{}{pad}{ticks}", code.replace('\n', " "))
}

/// `![alt](src)` with the source resolved; nothing when the source is not a usable URL.
fn image_markdown(image: &Image, options: &RenderOptions) -> String {
    options.resolve(&image.src).map_or_else(String::new, |src| format!("![{}]({})", escape_inline(&image.alt), link_destination(&src)))
}

/// A link destination: in angle brackets when it holds spaces or parentheses.
fn link_destination(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) { format!("<{}>", url.replace('<', "%3C").replace('>', "%3E")) } else { url.to_string() }
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

/// Escapes the line-start characters that would make a line a heading, list or quote, and
/// turns line breaks into hard breaks.
fn line_starts(text: &str) -> String {
    text.lines()
        .map(|line| {
            let starts_block = line.starts_with(['#', '+', '-', '=', '~'])
                || line.split_once(['.', ')']).is_some_and(|(n, rest)| {
                    !n.is_empty() && n.len() <= 9 && n.chars().all(|c| c.is_ascii_digit()) && (rest.is_empty() || rest.starts_with(' '))
                });
            if starts_block { format!("\\{line}") } else { line.to_string() }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{ListPosition, Span};

    fn block(kind: BlockKind, text: &str) -> Block {
        Block { kind, ..Block::paragraph(text.into()) }
    }

    #[test]
    fn list_blocks_without_their_item_or_parent_are_not_indented_into_code() {
        let orphan = ListPosition { ordered: false, depth: 2, continues: true };
        let md = markdown(&[
            block(BlockKind::Heading(2), "Thread"),
            Block { list: Some(orphan), ..block(BlockKind::Paragraph, "a paragraph whose item was dropped") },
            Block { list: Some(orphan), ..block(BlockKind::Paragraph, "and its next one") },
        ]);
        assert_eq!(md, "## Thread\n\n- a paragraph whose item was dropped\n\n    and its next one");
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
        assert_eq!(md, "## Intro\n\nSome \\*text\\*.\n\n- one\n    - nested\n\n| a | b |\n| --- | --- |\n| 1\\|2 |  |\n\n```rust\nfn main() {}\n```");
    }

    #[test]
    fn ordered_lists_are_numbered_and_paragraphs_stay_in_their_item() {
        let item = ListPosition { ordered: true, depth: 0, continues: false };
        let md = markdown(&[
            Block { list: Some(item), ..block(BlockKind::Paragraph, "first") },
            Block { list: Some(ListPosition { continues: true, ..item }), ..block(BlockKind::Paragraph, "more of it") },
            block(BlockKind::ListItem { ordered: true, depth: 0 }, "second"),
        ]);
        assert_eq!(md, "1. first\n\n    more of it\n2. second");
    }

    #[test]
    fn inline_markup_links_and_images_follow_the_options() {
        let mut b = block(BlockKind::Paragraph, "Read the docs now");
        b.spans = vec![
            Span { start: 5, end: 13, kind: SpanKind::Link { href: "/docs".into() } },
            Span { start: 9, end: 13, kind: SpanKind::Strong },
            Span { start: 17, end: 17, kind: SpanKind::Image(Image { src: "i.png".into(), alt: "icon".into() }) },
        ];
        assert_eq!(markdown(&[b.clone()]), "Read the **docs** now");
        let options = RenderOptions::default().with_links(true).with_images(true).with_base_url("https://example.com/a/");
        assert_eq!(markdown_with(&[b], &options), "Read [the **docs**](https://example.com/docs) now![icon](https://example.com/a/i.png)");
    }

    #[test]
    fn tables_without_a_header_get_an_empty_one_and_code_fences_outgrow_backticks() {
        let md = markdown(&[block(BlockKind::TableRow { header: false }, "x\ty"), block(BlockKind::Code { lang: None }, "a ``` b")]);
        assert_eq!(md, "|  |  |\n| --- | --- |\n| x | y |\n\n````\na ``` b\n````");
    }
}
