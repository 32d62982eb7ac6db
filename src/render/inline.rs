//! A block's text and spans as a tree of inline pieces, properly nested, for the Markdown and
//! HTML renderers.

use crate::blocks::{Block, Image, Span, SpanKind};

/// A piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline<'a> {
    /// Plain text.
    Text(&'a str),
    /// Marked-up content.
    Marked(&'a SpanKind, Vec<Inline<'a>>),
    /// An image inside the text, with the spaces it stands in: written on both sides of it
    /// when images are shown, once when not (empty for an image glued to a side).
    Image(&'a Image, &'a str),
}

/// Splits `text` at its spans into a tree. Spans that cross an enclosing span are clipped to
/// it; whitespace at the edges of emphasis and code is moved outside the markup (Markdown
/// cannot open or close emphasis next to a space).
pub(crate) fn tree<'a>(text: &'a str, spans: &'a [Span]) -> Vec<Inline<'a>> {
    let mut spans: Vec<&Span> =
        spans.iter().filter(|s| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)).collect();
    // Outer spans first: by start, then longest.
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut index = 0;
    build(text, &spans, &mut index, 0, text.len())
}

/// The cells of a table row, each with the spans that fall inside it (offsets relative to the
/// cell).
pub(crate) fn cells(row: &Block) -> Vec<(&str, Vec<Span>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for cell in row.text.split('\t') {
        let end = start + cell.len();
        let spans = row
            .spans
            .iter()
            .filter(|s| s.start >= start && s.end <= end)
            .map(|s| Span { start: s.start - start, end: s.end - start, kind: s.kind.clone() })
            .collect();
        out.push((cell, spans));
        start = end + 1;
    }
    out
}

/// Builds the pieces of `text[from..to]` from `spans[*index..]`, consuming the spans that
/// start inside it.
fn build<'a>(text: &'a str, spans: &[&'a Span], index: &mut usize, from: usize, to: usize) -> Vec<Inline<'a>> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some(span) = spans.get(*index).copied() {
        if span.start >= to && !(span.start == to && span.start == span.end && to == text.len()) {
            break;
        }
        *index += 1;
        if span.start > at {
            out.push(Inline::Text(&text[at..span.start]));
            at = span.start;
        }
        let start = span.start.max(at);
        let end = span.end.min(to);
        if let SpanKind::Image(image) = &span.kind {
            // The space an image stood between (see `SpanKind::Image`); anything else under its
            // span (a line break that took the space's place) goes before it.
            let space = &text[start..end.max(start)];
            if !space.is_empty() && space.bytes().all(|b| b == b' ') {
                out.push(Inline::Image(image, space));
            } else {
                if end > at {
                    out.push(Inline::Text(&text[at..end]));
                }
                out.push(Inline::Image(image, ""));
            }
            at = at.max(end);
            continue;
        }
        if end <= start {
            continue;
        }
        // Leading and trailing spaces stay outside emphasis, links and code.
        let inner = &text[start..end];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead == inner.len() {
            continue;
        }
        if lead > 0 {
            out.push(Inline::Text(&text[start..start + lead]));
        }
        let children = build(text, spans, index, start + lead, end - trail);
        out.push(Inline::Marked(&span.kind, children));
        if trail > 0 {
            out.push(Inline::Text(&text[end - trail..end]));
        }
        at = end;
    }
    if at < to {
        out.push(Inline::Text(&text[at..to]));
    }
    out
}

/// The text of pieces without markup (for code spans).
pub(crate) fn plain(pieces: &[Inline<'_>]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Inline::Text(t) => (*t).to_string(),
            Inline::Marked(_, children) => plain(children),
            Inline::Image(_, space) => (*space).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_and_trims() {
        let text = "see this page now";
        let spans = vec![Span { start: 4, end: 14, kind: SpanKind::Link { href: "/x".into() } }, Span { start: 9, end: 14, kind: SpanKind::Emphasis }];
        let got = tree(text, &spans);
        assert_eq!(
            got,
            vec![
                Inline::Text("see "),
                Inline::Marked(&spans[0].kind, vec![Inline::Text("this "), Inline::Marked(&spans[1].kind, vec![Inline::Text("page")])]),
                Inline::Text(" "),
                Inline::Text("now"),
            ]
        );
    }

    /// Extracts a paragraph with an inline image written `glue` (the image between `before`
    /// and `after`) and renders it as Markdown and HTML with images on.
    fn rendered_with_an_image(before: &str, after: &str) -> (String, String) {
        let html = format!(
            "<html><body><article><p>A long first sentence about the harbour town and its ferries{before}<img src='/a.png' alt='A'>{after}the bakery opens at six every morning.</p>\
             <p>The second paragraph describes the market square and the old clock tower beside the river.</p></article></body></html>"
        );
        let article = crate::extract(&html, &crate::Options::default()).expect("an article");
        let options = crate::render::RenderOptions::default().with_images(true).with_base_url("https://example.com/");
        let markdown = crate::render::markdown_with(&article.blocks, &options);
        let html = crate::render::html(&article.blocks, None, None, &options);
        // Without its image, the Markdown is the one rendered without images.
        let without = crate::render::markdown_with(&article.blocks, &crate::render::RenderOptions::default());
        let image = "![A](https://example.com/a.png)";
        let (head, tail) = markdown.split_once(image).expect("the image");
        let tail = tail.strip_prefix(' ').filter(|_| head.ends_with(' ')).unwrap_or(tail);
        assert_eq!(format!("{head}{tail}"), without);
        (markdown, html)
    }

    #[test]
    fn an_inline_image_keeps_the_spaces_around_it() {
        let (markdown, html) = rendered_with_an_image(" ", " ");
        assert!(markdown.contains("ferries ![A](https://example.com/a.png) the bakery"), "{markdown}");
        assert!(html.contains("ferries <img src=\"https://example.com/a.png\" alt=\"A\"> the bakery"), "{html}");
        // Glued on one side, it stays glued on that side.
        let (markdown, html) = rendered_with_an_image(" ", "");
        assert!(markdown.contains("ferries ![A](https://example.com/a.png)the bakery"), "{markdown}");
        assert!(html.contains("ferries <img src=\"https://example.com/a.png\" alt=\"A\">the bakery"), "{html}");
        let (markdown, _) = rendered_with_an_image("", " ");
        assert!(markdown.contains("ferries![A](https://example.com/a.png) the bakery"), "{markdown}");
        // A line break after it takes the space: the image starts the next line, as it did.
        let (markdown, _) = rendered_with_an_image(" ", " <br> ");
        assert!(markdown.contains("ferries  \n![A](https://example.com/a.png)the bakery"), "{markdown}");
        // Without images, the text is the plain text's.
        let html = "<html><body><article><p>A long first sentence about the harbour town and its ferries <img src='/a.png' alt='A'> the bakery opens at six every morning.</p>\
             <p>The second paragraph describes the market square and the old clock tower beside the river.</p></article></body></html>";
        let article = crate::extract(html, &crate::Options::default()).expect("an article");
        let plain = crate::render::markdown_with(&article.blocks, &crate::render::RenderOptions::default());
        assert!(plain.contains("ferries the bakery"), "{plain}");
        assert!(article.text.contains("ferries the bakery"), "{}", article.text);
    }

    #[test]
    fn crossing_spans_are_clipped_and_bad_offsets_ignored() {
        let text = "abcdef";
        let spans = vec![
            Span { start: 0, end: 3, kind: SpanKind::Strong },
            Span { start: 2, end: 5, kind: SpanKind::Emphasis },
            Span { start: 4, end: 99, kind: SpanKind::Code },
        ];
        let got = tree(text, &spans);
        let flat: String = format!("{got:?}");
        assert!(flat.contains("Strong"), "{flat}");
        assert_eq!(plain(&got), "abcdef");
    }
}
