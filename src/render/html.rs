//! HTML rendering: the cleaned article as a minimal, valid HTML document — headings,
//! paragraphs, nested lists, tables, quotes, code, emphasis, and links and images when asked
//! for. Only safe tags and attributes are written (no scripts, styles, event handlers or
//! `javascript:` URLs): every text and attribute value is escaped and every URL checked.

use std::fmt::Write;

use crate::blocks::{Block, BlockKind, Image, SpanKind};

use super::RenderOptions;
use super::inline::{Inline, cells, tree};

/// Renders blocks as an HTML document with the page's `title` and `language`.
#[must_use]
pub fn html(blocks: &[Block], title: Option<&str>, language: Option<&str>, options: &RenderOptions) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html");
    if let Some(lang) = language.filter(|l| l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')) {
        let _ = write!(out, " lang=\"{lang}\"");
    }
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    if let Some(title) = title {
        let _ = writeln!(out, "<title>{}</title>", escape(title));
    }
    out.push_str("</head>\n<body>\n<article>\n");
    body(&mut out, blocks, options);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// Open list elements: (ordered, depth), innermost last.
type OpenLists = Vec<(bool, u8)>;

fn body(out: &mut String, blocks: &[Block], options: &RenderOptions) {
    let mut lists: OpenLists = Vec::new();
    let mut index = 0;
    while index < blocks.len() {
        let block = &blocks[index];
        let position = list_position(block);
        // Close lists deeper than this block, or all of them for a block outside lists.
        match position {
            Some((ordered, depth, continues)) => {
                while lists.last().is_some_and(|&(o, d)| d > depth || (d == depth && o != ordered)) {
                    close_list(out, &mut lists);
                }
                if !continues || lists.is_empty() {
                    if lists.last().is_some_and(|&(_, d)| d == depth) {
                        out.push_str("</li>\n");
                    }
                    while lists.last().is_none_or(|&(_, d)| d < depth) {
                        let d = lists.last().map_or(0, |&(_, d)| d + 1);
                        out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
                        lists.push((ordered, d));
                        if d < depth {
                            out.push_str("<li>");
                        }
                    }
                    out.push_str("<li>");
                }
            }
            None => {
                while !lists.is_empty() {
                    close_list(out, &mut lists);
                }
            }
        }
        if options.images {
            for image in &block.images {
                if let Some(img) = image_tag(image, options) {
                    let _ = writeln!(out, "<figure>{img}</figure>");
                }
            }
        }
        let inline = |b: &Block| inline_html(b, options);
        match &block.kind {
            BlockKind::Heading(level) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", inline(block));
            }
            BlockKind::ListItem { .. } => out.push_str(&inline(block)),
            BlockKind::Paragraph if position.is_some() => {
                let _ = write!(out, "<p>{}</p>", inline(block));
            }
            BlockKind::Quote if position.is_some() => {
                let _ = write!(out, "<blockquote><p>{}</p></blockquote>", inline(block));
            }
            BlockKind::Paragraph => {
                let _ = writeln!(out, "<p>{}</p>", inline(block));
            }
            BlockKind::Quote => {
                let end = super::run_end(blocks, index, super::continues_quote);
                out.push_str("<blockquote>\n");
                for quoted in &blocks[index..end] {
                    let _ = writeln!(out, "<p>{}</p>", inline(quoted));
                }
                out.push_str("</blockquote>\n");
                index = end;
                continue;
            }
            BlockKind::Code { lang } => {
                let class = lang
                    .as_deref()
                    .filter(|l| l.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_')))
                    .map(|l| format!(" class=\"language-{l}\""))
                    .unwrap_or_default();
                let _ = writeln!(out, "<pre><code{class}>{}</code></pre>", escape(&block.text));
            }
            BlockKind::TableRow { .. } => {
                let end = super::run_end(blocks, index, super::continues_table);
                table(out, &blocks[index..end], options);
                index = end;
                continue;
            }
        }
        index += 1;
    }
    while !lists.is_empty() {
        close_list(out, &mut lists);
    }
}

/// (ordered, depth, continues) of a block in a list.
fn list_position(block: &Block) -> Option<(bool, u8, bool)> {
    match (&block.kind, block.list) {
        (_, Some(item)) => Some((item.ordered, item.depth, item.continues)),
        (BlockKind::ListItem { ordered, depth }, None) => Some((*ordered, *depth, false)),
        _ => None,
    }
}

fn close_list(out: &mut String, lists: &mut OpenLists) {
    if let Some((ordered, _)) = lists.pop() {
        out.push_str("</li>\n");
        out.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
    }
}

/// A table: the header row in `<thead>` when there is one.
fn table(out: &mut String, rows: &[Block], options: &RenderOptions) {
    out.push_str("<table>\n");
    let has_header = matches!(rows[0].kind, BlockKind::TableRow { header: true });
    for (i, row) in rows.iter().enumerate() {
        if i == 0 && has_header {
            out.push_str("<thead>\n");
        }
        if (i == 0 && !has_header) || (i == 1 && has_header) {
            out.push_str("<tbody>\n");
        }
        let cell_tag = if i == 0 && has_header { "th" } else { "td" };
        out.push_str("<tr>");
        for (cell, spans) in cells(row) {
            let _ = write!(out, "<{cell_tag}>{}</{cell_tag}>", render_inline(&tree(cell, &spans), options, false));
        }
        out.push_str("</tr>\n");
        if i == 0 && has_header {
            out.push_str("</thead>\n");
        }
    }
    if rows.len() > usize::from(has_header) {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
}

fn inline_html(block: &Block, options: &RenderOptions) -> String {
    render_inline(&tree(&block.text, &block.spans), options, false).replace('\n', "<br>\n")
}

fn render_inline(pieces: &[Inline<'_>], options: &RenderOptions, in_link: bool) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Image(image, space) => {
                out.push_str(space);
                if let Some(image) = image_tag(image, options).filter(|_| options.images) {
                    out.push_str(&image);
                    out.push_str(space);
                }
            }
            Inline::Marked(kind, children) => {
                let inner = render_inline(children, options, in_link || matches!(kind, SpanKind::Link { .. }));
                match kind {
                    SpanKind::Emphasis => {
                        let _ = write!(out, "<em>{inner}</em>");
                    }
                    SpanKind::Strong => {
                        let _ = write!(out, "<strong>{inner}</strong>");
                    }
                    SpanKind::Code => {
                        let _ = write!(out, "<code>{inner}</code>");
                    }
                    SpanKind::Link { href } => match options.links.then(|| options.resolve(href)).flatten().filter(|_| !in_link) {
                        Some(url) => {
                            let _ = write!(out, "<a href=\"{}\">{inner}</a>", escape(&url));
                        }
                        None => out.push_str(&inner),
                    },
                    SpanKind::Image(image) => {
                        if options.images {
                            out.push_str(&image_tag(image, options).unwrap_or_default());
                        }
                    }
                }
            }
        }
    }
    out
}

/// `<img src alt>` for an image whose source is a safe URL.
fn image_tag(image: &Image, options: &RenderOptions) -> Option<String> {
    let src = options.resolve(&image.src)?;
    Some(format!("<img src=\"{}\" alt=\"{}\">", escape(&src), escape(&image.alt)))
}

/// Escapes text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{ListPosition, Span};

    fn block(kind: BlockKind, text: &str) -> Block {
        Block { kind, ..Block::paragraph(text.into()) }
    }

    #[test]
    fn nested_lists_and_paragraphs_in_items() {
        let item = ListPosition { ordered: false, depth: 0, continues: false };
        let blocks = vec![
            block(BlockKind::ListItem { ordered: false, depth: 0 }, "a"),
            block(BlockKind::ListItem { ordered: true, depth: 1 }, "b"),
            Block { list: Some(item), ..block(BlockKind::Paragraph, "c") },
            Block { list: Some(ListPosition { continues: true, ..item }), ..block(BlockKind::Paragraph, "d") },
            block(BlockKind::Paragraph, "after"),
        ];
        let mut out = String::new();
        body(&mut out, &blocks, &RenderOptions::default());
        assert_eq!(out, "<ul>\n<li>a<ol>\n<li>b</li>\n</ol>\n</li>\n<li><p>c</p><p>d</p></li>\n</ul>\n<p>after</p>\n");
    }

    #[test]
    fn nothing_unsafe_gets_through() {
        let mut b = block(BlockKind::Paragraph, "<script>alert(1)</script> click");
        b.spans = vec![Span { start: 26, end: 31, kind: SpanKind::Link { href: "javascript:alert(1)".into() } }];
        let page = html(&[b], Some("T\"itle"), Some("en\" onload=\"x"), &RenderOptions::default().with_links(true));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; click"), "{page}");
        assert!(!page.contains("javascript") && !page.contains("onload") && !page.contains("<script"), "{page}");
        assert!(page.contains("<title>T&quot;itle</title>"));
    }

    #[test]
    fn a_quote_inside_a_list_item_is_rendered_once() {
        // Found by fuzzing: the blockquote run of a quote in a list was empty, and the renderer
        // never moved past it.
        let item = ListPosition { ordered: false, depth: 0, continues: false };
        let blocks = vec![
            block(BlockKind::ListItem { ordered: false, depth: 0 }, "a"),
            Block { list: Some(ListPosition { continues: true, ..item }), ..block(BlockKind::Quote, "said") },
            block(BlockKind::Quote, "q1"),
            block(BlockKind::Quote, "q2"),
        ];
        let mut out = String::new();
        body(&mut out, &blocks, &RenderOptions::default());
        assert_eq!(out, "<ul>\n<li>a<blockquote><p>said</p></blockquote></li>\n</ul>\n<blockquote>\n<p>q1</p>\n<p>q2</p>\n</blockquote>\n");
        let markdown = super::super::markdown(&blocks);
        assert_eq!(markdown.matches("said").count(), 1, "{markdown}");
        assert!(markdown.contains("> q1\n>\n> q2"), "{markdown}");
    }
}
