//! Printing the records of a run of `gleaner` in the chosen format.

use std::io::{self, Write};

use gleaner::batch::Record;

use crate::args::Format;
use crate::render::{Extras, Rendering, render};

/// Writes each input's record to stdout as it comes.
pub struct Printer {
    format: Format,
    /// Links and images in Markdown and HTML.
    extras: Extras,
    several: bool,
    printed: usize,
    out: io::BufWriter<io::Stdout>,
}

impl Printer {
    /// A printer for `count` inputs in `format`; `extras` apply to Markdown and HTML.
    pub fn new(format: Format, count: usize, extras: Extras) -> Self {
        Self { format, extras, several: count > 1, printed: 0, out: io::BufWriter::new(io::stdout()) }
    }

    /// Prints one input's record. In `jsonl` and `json` every input gets its record (see
    /// `gleaner::batch::record`): a single input's failure in `json` is its pretty record, with
    /// the page's metadata when it was read but held no content. In text, Markdown and HTML
    /// failures print nothing on stdout (they are reported on stderr).
    pub fn print(&mut self, record: &Record) -> io::Result<()> {
        match (self.format, &record.outcome) {
            (Format::Jsonl, _) => self.out.write_all(record.to_json_line().as_bytes())?,
            (Format::Json, _) if self.several => {
                let opening = if self.printed == 0 { "[\n" } else { ",\n" };
                let pretty = serde_json::to_string_pretty(&record.to_json()).map_err(io::Error::other)?;
                write!(self.out, "{opening}{pretty}")?;
            }
            (Format::Json, Err(_)) => {
                let pretty = serde_json::to_string_pretty(&record.to_json()).map_err(io::Error::other)?;
                writeln!(self.out, "{pretty}")?;
            }
            (_, Err(_)) => return Ok(()),
            (format, Ok(article)) => {
                if self.several && format != Format::Json {
                    let gap = if self.printed == 0 { "" } else { "\n" };
                    writeln!(self.out, "{gap}==> {} <==", record.input)?;
                }
                let rendering = match format {
                    Format::Markdown => Rendering::Markdown,
                    Format::Html => Rendering::Html,
                    Format::Json => Rendering::Json,
                    Format::Text | Format::Jsonl => Rendering::Text,
                };
                writeln!(self.out, "{}", render(article, rendering, self.extras))?;
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
