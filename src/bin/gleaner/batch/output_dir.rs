//! `--output-dir DIR`: one file per extracted input, named after its id, and `index.jsonl`
//! mapping every input (failures too) to its file.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use gleaner::batch::Record;

use crate::render::{Extras, Rendering, render};
use serde_json::{Value, json};

/// The index file in the output directory.
pub const INDEX_FILE: &str = "index.jsonl";
/// The longest file name stem taken from an id, in characters.
const MAX_STEM_CHARS: usize = 80;
/// The stem of an id with no letters or digits.
const EMPTY_STEM: &str = "page";

/// The format of each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`).
    Markdown,
    /// A minimal, safe HTML document (`.html`).
    Html,
    /// The `--format json` object (`.json`).
    Json,
}

impl FileFormat {
    fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Json => "json",
        }
    }
}

/// An output directory being filled.
pub struct OutputDir {
    dir: PathBuf,
    format: FileFormat,
    /// File names already given, in this run or an earlier one.
    used: HashSet<String>,
    index: File,
}

impl OutputDir {
    /// Opens (creating) `dir`; when resuming, the names in its index stay taken and the index
    /// is appended to; else the files an earlier run listed in the index are removed (and no
    /// other file: the directory may hold the user's own) and the index is written anew.
    pub fn open(dir: &Path, format: FileFormat, resume: bool) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let index_path = dir.join(INDEX_FILE);
        let mut used = used_names(&index_path)?;
        if !resume {
            for name in used.drain() {
                let path = dir.join(&name);
                match std::fs::remove_file(&path) {
                    Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err).with_context(|| format!("cannot remove {}", path.display())),
                    _ => {}
                }
            }
        }
        let mut open = OpenOptions::new();
        if resume {
            open.create(true).append(true);
        } else {
            open.create(true).write(true).truncate(true);
        }
        let index = open.open(&index_path).with_context(|| format!("cannot write {}", index_path.display()))?;
        Ok(Self { dir: dir.to_path_buf(), format, used, index })
    }

    /// The index file of `dir`.
    pub fn index_path(dir: &Path) -> PathBuf {
        dir.join(INDEX_FILE)
    }

    /// The content of the record's file in `format` (links and images as `extras` ask), `None`
    /// when it has no article. Rendering needs no state, so it is done in parallel, before
    /// [`OutputDir::write`].
    pub fn render(format: FileFormat, extras: Extras, record: &Record) -> Option<String> {
        let article = record.outcome.as_ref().ok()?;
        let rendering = match format {
            FileFormat::Text => Rendering::Text,
            FileFormat::Markdown => Rendering::Markdown,
            FileFormat::Html => Rendering::Html,
            FileFormat::Json => Rendering::Json,
        };
        Some(render(article, rendering, extras) + "\n")
    }

    /// Writes the record's file (its `rendered` content, when it has an article), then its
    /// index line.
    pub fn write(&mut self, record: &Record, rendered: Option<String>) -> io::Result<()> {
        let file = match rendered {
            Some(body) => {
                let name = self.new_name(&record.id);
                std::fs::write(self.dir.join(&name), body)?;
                Some(name)
            }
            None => None,
        };
        let mut line = json!({
            "id": record.id, "input": record.input, "url": record.url, "final_url": record.final_url,
            "status": record.status, "ok": record.ok(), "file": file,
        });
        if let (Err(error), Value::Object(map)) = (&record.outcome, &mut line) {
            map.insert("error".into(), json!(error));
        }
        self.index.write_all(format!("{line}\n").as_bytes())?;
        self.index.flush()
    }

    /// A readable name for `id` that no other input has: its letters and digits joined by
    /// `-`, then `-2`, `-3`… on a collision.
    fn new_name(&mut self, id: &str) -> String {
        let stem = stem(id);
        let extension = self.format.extension();
        let mut name = format!("{stem}.{extension}");
        let mut n = 1;
        while self.used.contains(&name) {
            n += 1;
            name = format!("{stem}-{n}.{extension}");
        }
        self.used.insert(name.clone());
        name
    }
}

/// The id's ASCII letters and digits, lower-cased, runs of anything else as one `-`, without
/// the URL scheme, at most [`MAX_STEM_CHARS`].
fn stem(id: &str) -> String {
    let id = id.strip_prefix("https://").or_else(|| id.strip_prefix("http://")).unwrap_or(id);
    let mut stem = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.len() >= MAX_STEM_CHARS {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() { EMPTY_STEM.to_string() } else { stem.to_string() }
}

/// The file names an existing index gives: plain names, as gleaner writes them (a name with a
/// path in it, from an index edited by hand, is not gleaner's to touch).
fn used_names(index: &Path) -> anyhow::Result<HashSet<String>> {
    let file = match File::open(index) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", index.display())),
    };
    let mut names = HashSet::new();
    for line in BufReader::new(file).lines() {
        let line = line.with_context(|| format!("cannot read {}", index.display()))?;
        if let Ok(Value::Object(entry)) = serde_json::from_str::<Value>(&line)
            && let Some(Value::String(name)) = entry.get("file")
            && is_plain_name(name)
        {
            names.insert(name.clone());
        }
    }
    Ok(names)
}

/// A file name without a directory part, not `.`, `..` or the index.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && name != INDEX_FILE && !name.contains(['/', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_readable() {
        assert_eq!(stem("https://News.Example/news/2024/Story.html?x=1"), "news-example-news-2024-story-html-x-1");
        assert_eq!(stem("pages/a b.html"), "pages-a-b-html");
        assert_eq!(stem("…"), "page");
        assert!(stem(&"a".repeat(500)).len() <= MAX_STEM_CHARS);
    }

    #[test]
    fn only_plain_names_are_gleaners_own() {
        assert!(is_plain_name("example-com-1.txt"));
        for name in ["", ".", "..", "../x.txt", "/etc/passwd", "a\\b", INDEX_FILE] {
            assert!(!is_plain_name(name), "{name}");
        }
    }
}
