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
    /// An image inside the text.
    Image(&'a Image),
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
            out.push(Inline::Image(image));
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
            Inline::Image(_) => String::new(),
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
