//! Markdown rendering (CommonMark with GFM tables): ATX headings, nested lists, tables,
//! blockquotes, fenced code, emphasis and inline code; links and images when asked for.

use crate::blocks::{Block, BlockKind, Image, SpanKind};
use crate::comments::Comment;

use super::inline::{Inline, cells, plain, tree};
use super::outline::{List, Node, Part, outline};
use super::{RenderOptions, same_group};

/// Renders blocks as CommonMark/GFM with the default options (no links, no images).
#[must_use]
pub fn markdown(blocks: &[Block]) -> String {
    markdown_with(blocks, &RenderOptions::default())
}

/// Renders blocks as CommonMark/GFM.
#[must_use]
pub fn markdown_with(blocks: &[Block], options: &RenderOptions) -> String {
    let mut writer = Writer { out: String::new(), previous: None, options };
    for node in outline(blocks) {
        match node {
            Node::Block(block) => {
                writer.start(block, "");
                writer.block(block);
            }
            Node::Quote(run) => writer.quote(run),
            Node::Table(rows) => writer.table(rows),
            Node::List(list) => writer.list(&list, 0),
        }
    }
    writer.out
}

/// Writes the outline's nodes one after the other.
struct Writer<'a, 'o> {
    out: String,
    /// The last block written, which decides the line breaks before the next one.
    previous: Option<&'a Block>,
    options: &'o RenderOptions,
}

impl<'a> Writer<'a, '_> {
    /// Starts a block: the line breaks after the previous one, then the block's own pictures
    /// (at `image_indent`).
    fn start(&mut self, block: &'a Block, image_indent: &str) {
        if let Some(previous) = self.previous {
            self.out.push_str(if tight(previous, block) { "\n" } else { "\n\n" });
        }
        if self.options.images {
            for image in &block.images {
                self.out.push_str(image_indent);
                self.out.push_str(&image_markdown(image, self.options));
                self.out.push_str("\n\n");
            }
        }
        self.previous = Some(block);
    }

    /// A heading, paragraph or code block outside lists.
    fn block(&mut self, block: &Block) {
        self.out.push_str(&self.body(block));
    }

    /// A block's Markdown, unindented.
    fn body(&self, block: &Block) -> String {
        match &block.kind {
            BlockKind::Heading(level) => format!("{} {}", "#".repeat(usize::from(*level)), inline_markdown(block, self.options).replace('\n', " ")),
            BlockKind::Code { lang } => {
                let fence = fence_for(&block.text);
                format!("{fence}{}\n{}\n{fence}", lang.as_deref().unwrap_or(""), block.text)
            }
            _ => line_starts(&inline_markdown(block, self.options)),
        }
    }

    /// Consecutive quote paragraphs as one blockquote.
    fn quote(&mut self, run: &'a [Block]) {
        self.start(&run[0], "");
        let paragraphs: Vec<String> = run.iter().map(|b| line_starts(&inline_markdown(b, self.options))).collect();
        let body = paragraphs.join("\n\n");
        self.out.push_str(&body.lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect::<Vec<_>>().join("\n"));
        self.previous = run.last();
    }

    fn table(&mut self, rows: &'a [Block]) {
        self.start(&rows[0], "");
        self.out.push_str(&table(rows, self.options));
        self.previous = rows.last();
    }

    /// A list at nesting `depth`: each item's first block behind its marker (numbered within
    /// the list), the blocks continuing it indented one level further (but headings), its
    /// nested lists one level below.
    fn list(&mut self, list: &List<'a>, depth: usize) {
        let mut number = 0;
        for item in &list.items {
            for (index, part) in item.parts.iter().enumerate() {
                let block = match part {
                    Part::List(nested) => {
                        self.list(nested, depth + 1);
                        continue;
                    }
                    Part::Block(block) => *block,
                };
                let first = index == 0;
                let level = if first { depth } else { depth + 1 };
                let image_indent = if block.list.is_some() { " ".repeat(level * LIST_INDENT) } else { String::new() };
                self.start(block, &image_indent);
                let body = self.body(block);
                // Code keeps its empty lines empty; a paragraph's lines are never empty.
                let indent_line = |indent: &str, line: &str| if line.is_empty() { String::new() } else { format!("{indent}{line}") };
                if first {
                    number += 1;
                    let indent = " ".repeat(depth * LIST_INDENT);
                    let marker = if list.ordered { format!("{number}. ") } else { "- ".to_string() };
                    let continuation = format!("{indent}{}", " ".repeat(marker.len()));
                    let mut lines = body.split('\n');
                    self.out.push_str(&format!("{indent}{marker}{}", lines.next().unwrap_or("")));
                    for line in lines {
                        self.out.push('\n');
                        self.out.push_str(&indent_line(&continuation, line));
                    }
                } else {
                    // A heading continuing an item stays at the start of the line.
                    let indent = if matches!(block.kind, BlockKind::Heading(_)) { String::new() } else { " ".repeat(level * LIST_INDENT) };
                    self.out.push_str(&body.split('\n').map(|l| indent_line(&indent, l)).collect::<Vec<_>>().join("\n"));
                }
            }
        }
    }
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

/// Reader comments as Markdown, after a thematic break and a `## Comments` heading: each
/// comment's author in bold and its date on a line, then what it says.
#[must_use]
pub(crate) fn comments_markdown(comments: &[Comment], options: &RenderOptions) -> String {
    let mut out = String::from("---\n\n## Comments");
    for comment in comments {
        out.push_str("\n\n");
        let author = comment.author.as_deref().map(|a| format!("**{}**", escape_inline(a)));
        let header: Vec<String> = author.into_iter().chain(comment.date.as_deref().map(escape_inline)).collect();
        if !header.is_empty() {
            out.push_str(&header.join(" · "));
            out.push_str("\n\n");
        }
        out.push_str(markdown_with(&comment.blocks, options).trim_end());
    }
    out
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

    #[test]
    fn a_heading_opening_an_item_gets_the_marker_and_numbers_restart_with_each_list() {
        let heading = ListPosition { ordered: true, depth: 0, continues: false };
        let md = markdown(&[
            Block { list: Some(heading), ..block(BlockKind::Heading(3), "January") },
            Block { list: Some(ListPosition { continues: true, ..heading }), ..block(BlockKind::Paragraph, "dates") },
            block(BlockKind::ListItem { ordered: false, depth: 0 }, "a bullet"),
            block(BlockKind::ListItem { ordered: true, depth: 0 }, "numbered again"),
        ]);
        assert_eq!(md, "1. ### January\n\n    dates\n- a bullet\n1. numbered again");
    }
}
