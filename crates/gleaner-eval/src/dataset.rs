//! Loading a development dataset directory into one normalised list of pages.
//!
//! Two layouts are recognised by their contents, as `reference/datasets.py` reads them:
//! - WCXB: `ground-truth/NNNN.json` (full text, snippets, page type) and `html/NNNN.html.gz`
//!   (wcxb-dev, dragnet-train, cleaneval-dev), or `text/NNNN.txt` in place of the HTML for a
//!   set of plain-text inputs (wet-dev: naive whole-page text, read by the text clean-up);
//! - trafilatura-eval: `evaldata.json` (`{ID: {"url", "with", "without"}}`) and `html/ID.html.gz`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// Which layout a dataset directory has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// WCXB: full-text ground truth with page types, plus snippets.
    Wcxb,
    /// trafilatura's evaluation set: `with`/`without` snippets only.
    Trafilatura,
}

impl Kind {
    /// A short human name for the layout.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Wcxb => "WCXB",
            Self::Trafilatura => "trafilatura-eval",
        }
    }
}

/// What is known to be right about one page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page id (file stem), unique in its dataset.
    pub id: String,
    /// The page's input file: `html/ID.html.gz`, or `text/ID.txt` for a plain-text set.
    pub html_path: PathBuf,
    /// The input is already-extracted plain text (a `text/` set), read as such.
    pub is_text: bool,
    /// The page's URL, when the dataset records it.
    pub url: Option<String>,
    /// The main-content text, for datasets that have it (WCXB; `null` becomes `""`).
    pub text: Option<String>,
    /// Snippets a correct extraction contains.
    pub with: Vec<String>,
    /// Boilerplate snippets a correct extraction must not contain.
    pub without: Vec<String>,
    /// The WCXB page type (`null` read as `article`, `category` as `collection`).
    pub page_type: Option<String>,
    /// The true title, author and publish date, for datasets that record them (WCXB).
    pub meta: Option<MetaTruth>,
    /// The page's reader comments, for datasets that record them (dragnet-train: `""` when
    /// the page has none); `None` where the dataset does not say.
    pub comments: Option<String>,
}

/// A page's true metadata, each field `None` where the dataset has `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaTruth {
    /// The page's title.
    pub title: Option<String>,
    /// The author string, possibly naming several people (`"A, B, and C"`).
    pub author: Option<String>,
    /// The publish date, `YYYY-MM-DD` (a few `YYYY-MM`).
    pub date: Option<String>,
}

/// A loaded dataset: its name, layout and pages sorted by id.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The directory's name, e.g. `wcxb-dev`; the key used in floors files.
    pub name: String,
    /// The directory the pages were read from.
    pub dir: PathBuf,
    /// The layout found there.
    pub kind: Kind,
    /// Every page, sorted by id.
    pub pages: Vec<Page>,
}

impl Dataset {
    /// Loads the dataset in `dir`, recognising its layout by its contents.
    ///
    /// # Errors
    /// When the directory is neither layout, or a ground-truth file cannot be read or parsed.
    pub fn load(dir: &Path) -> Result<Self> {
        let name = dataset_name(dir)?;
        let (kind, pages) = if dir.join("ground-truth").is_dir() {
            (Kind::Wcxb, load_wcxb(dir)?)
        } else if dir.join("evaldata.json").is_file() {
            (Kind::Trafilatura, load_trafilatura(dir)?)
        } else {
            bail!(
                "{} is not a dataset directory: it has neither ground-truth/ (WCXB) nor evaldata.json \
                 (trafilatura-eval)",
                dir.display()
            );
        };
        if pages.is_empty() {
            bail!("{}: no pages found", dir.display());
        }
        Ok(Self { name, dir: dir.to_path_buf(), kind, pages })
    }

    /// Whether every page has a full-text ground truth (shingle and word metrics apply).
    #[must_use]
    pub fn has_text(&self) -> bool {
        self.pages.iter().all(|p| p.text.is_some())
    }

    /// Whether any page has `with` or `without` snippets (snippet metrics apply).
    #[must_use]
    pub fn has_snippets(&self) -> bool {
        self.pages.iter().any(|p| !p.with.is_empty() || !p.without.is_empty())
    }

    /// Whether pages carry a page type (the per-type table applies).
    #[must_use]
    pub fn has_types(&self) -> bool {
        self.has_text() && self.pages.iter().any(|p| p.page_type.is_some())
    }

    /// Whether pages carry a metadata ground truth (the metadata scores apply): some page
    /// has a true title, author or date, and the inputs are HTML (plain text carries no
    /// declarations to read metadata from).
    #[must_use]
    pub fn has_meta(&self) -> bool {
        self.pages.iter().any(|p| !p.is_text && p.meta.as_ref().is_some_and(|m| m.title.is_some() || m.author.is_some() || m.date.is_some()))
    }
}

/// Reads a page's HTML file, decompressing it when it is gzip.
///
/// # Errors
/// When the file cannot be read or its gzip data is broken.
pub fn read_html(path: &Path) -> Result<Vec<u8>> {
    let raw = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::with_capacity(raw.len() * 4);
    flate2::read::MultiGzDecoder::new(raw.as_slice()).read_to_end(&mut out).with_context(|| format!("cannot gunzip {}", path.display()))?;
    Ok(out)
}

/// The dataset's name: the last component of its (canonical) path.
fn dataset_name(dir: &Path) -> Result<String> {
    let full = fs::canonicalize(dir).with_context(|| format!("no dataset directory {}", dir.display()))?;
    full.file_name().map(|n| n.to_string_lossy().into_owned()).with_context(|| format!("{} has no directory name", dir.display()))
}

/// One `ground-truth/NNNN.json` file of WCXB.
#[derive(Deserialize)]
struct WcxbDoc {
    url: Option<String>,
    page_type: Option<String>,
    ground_truth: Option<WcxbTruth>,
}

/// The `ground_truth` object of a WCXB file.
#[derive(Deserialize, Default)]
struct WcxbTruth {
    title: Option<String>,
    author: Option<String>,
    publish_date: Option<String>,
    main_content: Option<String>,
    with: Option<Vec<String>>,
    without: Option<Vec<String>>,
    comments: Option<String>,
}

/// WCXB's page type as its evaluate.py folds it: missing → `article`, `category` → `collection`.
fn wcxb_type(page_type: Option<&str>) -> String {
    match page_type {
        None | Some("") => "article".to_owned(),
        Some("category") => "collection".to_owned(),
        Some(other) => other.to_owned(),
    }
}

/// Loads a WCXB directory.
fn load_wcxb(dir: &Path) -> Result<Vec<Page>> {
    let gt_dir = dir.join("ground-truth");
    let mut names = Vec::new();
    for entry in fs::read_dir(&gt_dir).with_context(|| format!("cannot list {}", gt_dir.display()))? {
        let name = entry.with_context(|| format!("cannot list {}", gt_dir.display()))?.file_name();
        if let Some(name) = name.to_str().filter(|n| n.ends_with(".json")) {
            names.push(name.to_owned());
        }
    }
    names.sort();
    // A set of plain-text inputs has text/ID.txt where the others have html/ID.html.gz.
    let is_text = dir.join("text").is_dir() && !dir.join("html").is_dir();
    let mut pages = Vec::with_capacity(names.len());
    for name in names {
        let path = gt_dir.join(&name);
        let json = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let doc: WcxbDoc = serde_json::from_str(&json).with_context(|| format!("cannot parse {}", path.display()))?;
        let gt = doc.ground_truth.unwrap_or_default();
        let id = name.trim_end_matches(".json").to_owned();
        let html_path = if is_text { dir.join("text").join(format!("{id}.txt")) } else { dir.join("html").join(format!("{id}.html.gz")) };
        pages.push(Page {
            html_path,
            is_text,
            id,
            url: doc.url,
            text: Some(gt.main_content.unwrap_or_default()),
            with: gt.with.unwrap_or_default(),
            without: gt.without.unwrap_or_default(),
            page_type: Some(wcxb_type(doc.page_type.as_deref())),
            meta: Some(MetaTruth { title: gt.title, author: gt.author, date: gt.publish_date }),
            comments: gt.comments,
        });
    }
    Ok(pages)
}

/// One entry of trafilatura's `evaldata.json`.
#[derive(Deserialize)]
struct EvalItem {
    url: Option<String>,
    with: Option<Vec<String>>,
    without: Option<Vec<String>>,
}

/// Loads a trafilatura-eval directory.
fn load_trafilatura(dir: &Path) -> Result<Vec<Page>> {
    let path = dir.join("evaldata.json");
    let json = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let items: BTreeMap<String, EvalItem> = serde_json::from_str(&json).with_context(|| format!("cannot parse {}", path.display()))?;
    Ok(items
        .into_iter()
        .map(|(id, item)| Page {
            html_path: dir.join("html").join(format!("{id}.html.gz")),
            is_text: false,
            id,
            url: item.url,
            text: None,
            with: item.with.unwrap_or_default(),
            without: item.without.unwrap_or_default(),
            page_type: None,
            meta: None,
            comments: None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_types_fold_like_wcxb() {
        assert_eq!(wcxb_type(None), "article");
        assert_eq!(wcxb_type(Some("")), "article");
        assert_eq!(wcxb_type(Some("category")), "collection");
        assert_eq!(wcxb_type(Some("forum")), "forum");
    }
}
