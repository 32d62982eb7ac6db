//! Printing results in the chosen format.

use std::io::{self, Write};

use gleaner::Article;
use gleaner::batch::BatchError;
use serde_json::{Value, json};

use crate::args::Format;

/// Writes each input's result to stdout as it comes.
pub struct Printer {
    format: Format,
    /// Links and images in Markdown and HTML.
    links: bool,
    images: bool,
    several: bool,
    printed: usize,
    out: io::BufWriter<io::Stdout>,
}

impl Printer {
    /// A printer for `count` inputs in `format`; `links` and `images` apply to Markdown and
    /// HTML.
    pub fn new(format: Format, count: usize, links: bool, images: bool) -> Self {
        Self { format, links, images, several: count > 1, printed: 0, out: io::BufWriter::new(io::stdout()) }
    }

    /// Prints one input's result. In `jsonl`, and in `json` with several inputs, every input
    /// gets a record (`input`, `ok`, and the article or the error); otherwise failures print
    /// nothing on stdout (they are reported on stderr).
    pub fn print(&mut self, input: &str, result: &Result<Article, BatchError>) -> io::Result<()> {
        match (self.format, result) {
            (Format::Jsonl, _) => writeln!(self.out, "{}", record(input, result))?,
            (Format::Json, _) if self.several => {
                let opening = if self.printed == 0 { "[\n" } else { ",\n" };
                let pretty = serde_json::to_string_pretty(&record(input, result)).map_err(io::Error::other)?;
                write!(self.out, "{opening}{pretty}")?;
            }
            (_, Err(_)) => return Ok(()),
            (Format::Json, Ok(article)) => {
                let pretty = serde_json::to_string_pretty(&article_json(article)).map_err(io::Error::other)?;
                writeln!(self.out, "{pretty}")?;
            }
            (Format::Text | Format::Markdown | Format::Html, Ok(article)) => {
                if self.several {
                    let gap = if self.printed == 0 { "" } else { "\n" };
                    writeln!(self.out, "{gap}==> {input} <==")?;
                }
                let mut options = gleaner::render::RenderOptions::default().with_links(self.links).with_images(self.images);
                if let Some(base) = article.url.as_deref().or(article.canonical_url.as_deref()) {
                    options = options.with_base_url(base);
                }
                let body = match self.format {
                    Format::Markdown => gleaner::render::markdown_with(&article.blocks, &options),
                    Format::Html => gleaner::render::html(&article.blocks, article.title.as_deref(), article.language.as_deref(), &options),
                    _ => article.text.clone(),
                };
                writeln!(self.out, "{}", body.trim_end_matches('\n'))?;
            }
        }
        self.printed += 1;
        self.out.flush()
    }

    /// Closes the JSON array when several objects were printed.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.format == Format::Json && self.several {
            if self.printed == 0 {
                writeln!(self.out, "[]")?;
            } else {
                writeln!(self.out, "\n]")?;
            }
        }
        self.out.flush()
    }
}

/// The record of one input: the article plus `input` and `ok: true`, or
/// `{"input", "ok": false, "error": {"kind", "message"}}` (followed, for a page without
/// content, by its metadata: every article field but `text`).
fn record(input: &str, result: &Result<Article, BatchError>) -> Value {
    match result {
        Ok(article) => {
            let mut value = article_json(article);
            if let Value::Object(map) = &mut value {
                map.insert("input".into(), json!(input));
                map.insert("ok".into(), json!(true));
            }
            value
        }
        Err(err) => {
            let mut value = json!({"input": input, "ok": false, "error": {"kind": err.kind(), "message": err.to_string()}});
            // A page without content still says what it is: its metadata follows the error.
            if let (Value::Object(map), Some(Value::Object(fields))) = (&mut value, err.page_metadata().map(article_json)) {
                for (key, field) in fields.into_iter().filter(|(key, _)| key != "text") {
                    map.entry(key).or_insert(field);
                }
            }
            value
        }
    }
}

/// The article as JSON (serialization of plain data cannot fail; a failure gives `null`).
fn article_json(article: &Article) -> Value {
    serde_json::to_value(article).unwrap_or(Value::Null)
}
