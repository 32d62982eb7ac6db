//! The fixture table test: every folder of `fixtures/pages/` and `fixtures/text/` is one case of
//! a real input with its expected output (STYLE.md rule 5).
//!
//! A case folder holds:
//! - `source.html` (pages) or `source.txt` (text): the input bytes, in any charset, as served;
//! - `url.txt` (optional): the page's URL, given as a hint like `--url`;
//! - `expected.txt`: the exact plain text `gleaner` prints for it (`Article::text` plus the final
//!   newline). For `fixtures/text/` cases the comparison is paragraph by paragraph with
//!   whitespace normalised, as the input is already text;
//! - `expected.json` (optional): an object with some fields of the JSON output; only the keys
//!   given are compared. A value `{"starts_with": "…"}` checks a string prefix;
//! - `expected-comments.json` (optional): `{"comments": [...]}`, the reader comments read with
//!   `--comments`, compared whole (and no comments read without it, the text the same).
//! - `expected.md` (optional): the exact Markdown `gleaner --format markdown --links --images`
//!   prints (links and images resolved against `url.txt`);
//! - `KNOWN_FAILURE` (optional): one line saying what the extractor gets wrong. The case's
//!   expected files stay correct; the case is reported as skipped instead of failing the suite.
//!   A known failure that passes is reported too, so the marker can be deleted.
//!
//! `GLEANER_CASE=<name>` runs one case; `GLEANER_SHOW_KNOWN=1` prints the diffs of the known
//! failures as well.

use std::path::{Path, PathBuf};

use gleaner::{Article, Hints, InputFormat, Options};
use serde_json::Value;
use similar_asserts::SimpleDiff;

/// Which pipeline a fixture folder runs through.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `fixtures/pages/`: HTML pages, format detected as `gleaner` does by default.
    Pages,
    /// `fixtures/text/`: already-extracted text, run as `--input-format text`.
    Text,
}

#[test]
fn pages() {
    run_table("pages", Kind::Pages);
}

#[test]
fn text_inputs() {
    run_table("text", Kind::Text);
}

/// Runs every case under `fixtures/<folder>/`, printing a diff for each mismatch, and fails once
/// at the end with all of them.
fn run_table(folder: &str, kind: Kind) {
    let only = std::env::var("GLEANER_CASE").ok();
    let show_known = std::env::var_os("GLEANER_SHOW_KNOWN").is_some();
    let (mut ok, mut skipped, mut failures) = (0, 0, Vec::new());
    let cases = case_dirs(&fixtures().join(folder));
    assert!(!cases.is_empty(), "no fixture cases under fixtures/{folder}");
    for dir in cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|only| only != name) {
            continue;
        }
        let problems = check_case(&dir, kind);
        let known = std::fs::read_to_string(dir.join("KNOWN_FAILURE")).ok().map(|s| s.trim().to_string());
        match (problems.is_empty(), known) {
            (true, None) => ok += 1,
            (true, Some(reason)) => {
                ok += 1;
                eprintln!("NOTE {folder}/{name} passes now: delete its KNOWN_FAILURE ({reason})");
            }
            (false, Some(reason)) => {
                skipped += 1;
                eprintln!("SKIP {folder}/{name}: known failure: {reason}");
                if show_known {
                    eprintln!("{}", problems.join("\n"));
                }
            }
            (false, None) => failures.push(format!("=== {folder}/{name} ===\n{}", problems.join("\n"))),
        }
    }
    eprintln!("fixtures/{folder}: {ok} ok, {skipped} known failures skipped, {} wrong", failures.len());
    if !failures.is_empty() {
        panic!("{} fixture case(s) differ from their expected output:\n\n{}", failures.len(), failures.join("\n\n"));
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The case folders under `root`, sorted by name.
fn case_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Extracts one case and lists every way the result differs from the expected files.
fn check_case(dir: &Path, kind: Kind) -> Vec<String> {
    let (source, options) = match kind {
        Kind::Pages => ("source.html", Options::default()),
        Kind::Text => ("source.txt", Options::default().with_input_format(InputFormat::Text)),
    };
    let bytes = std::fs::read(dir.join(source)).unwrap_or_else(|err| panic!("{}: {err}", dir.join(source).display()));
    let mut hints = Hints::default();
    if let Ok(url) = std::fs::read_to_string(dir.join("url.txt")) {
        hints = hints.with_url(url.trim());
    }
    let article = match gleaner::extract_bytes(&bytes, &hints, &options) {
        Ok(article) => article,
        Err(err) => return vec![format!("extraction failed: {} ({err})", err.kind())],
    };
    let mut problems = Vec::new();
    let expected_text = read(&dir.join("expected.txt"));
    if let Some(diff) = compare_text(&expected_text, &article.text, kind) {
        problems.push(diff);
    }
    if let Ok(expected_json) = std::fs::read_to_string(dir.join("expected.json")) {
        problems.extend(compare_json(&expected_json, &article));
    }
    if let Ok(expected_comments) = std::fs::read_to_string(dir.join("expected-comments.json")) {
        problems.extend(compare_comments(&expected_comments, &bytes, &hints, &options, &article));
    }
    if let Ok(expected_md) = std::fs::read_to_string(dir.join("expected.md")) {
        let markdown = gleaner::render::markdown_with(&article.blocks, &render_options(&article, true));
        let expected_md = expected_md.strip_suffix('\n').unwrap_or(&expected_md);
        if expected_md != markdown {
            problems.push(format!("markdown: {}", SimpleDiff::from_str(expected_md, &markdown, "expected", "actual")));
        }
    }
    problems
}

/// The comments read with `--comments` against `expected-comments.json` (`{"comments": [...]}`,
/// compared whole), the text the same as without them, and no comments read by default.
fn compare_comments(expected: &str, bytes: &[u8], hints: &Hints, options: &Options, article: &Article) -> Vec<String> {
    let mut problems = Vec::new();
    if article.comments.is_some() {
        problems.push("comments read though not asked for".to_string());
    }
    let expected: serde_json::Value = serde_json::from_str(expected).expect("expected-comments.json is JSON");
    match gleaner::extract_bytes(bytes, hints, &options.clone().with_comments(true)) {
        Ok(with) => {
            let actual = serde_json::json!({ "comments": with.comments });
            if actual != expected {
                let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default();
                problems.push(format!("comments: {}", SimpleDiff::from_str(&pretty(&expected), &pretty(&actual), "expected", "actual")));
            }
            if with.text != article.text {
                problems.push("the text changes when comments are read".to_string());
            }
        }
        Err(err) => problems.push(format!("extraction with comments failed: {err}")),
    }
    problems
}

/// Render options with links and images on or off, resolved against the article's URL.
fn render_options(article: &Article, on: bool) -> gleaner::render::RenderOptions {
    let options = gleaner::render::RenderOptions::default().with_links(on).with_images(on);
    match &article.metadata.url {
        Some(url) => options.with_base_url(url),
        None => options,
    }
}

/// Every page's Markdown, parsed back with a CommonMark parser, holds the same words as its
/// plain text — with links and images on or off (they never change the text).
#[test]
fn markdown_parses_back_to_the_plain_text() {
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
    let mut failures = Vec::new();
    for dir in case_dirs(&fixtures().join("pages")) {
        let bytes = std::fs::read(dir.join("source.html")).unwrap();
        let mut hints = Hints::default();
        if let Ok(url) = std::fs::read_to_string(dir.join("url.txt")) {
            hints = hints.with_url(url.trim());
        }
        let Ok(article) = gleaner::extract_bytes(&bytes, &hints, &Options::default()) else { continue };
        let words = |text: &str| text.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let expected = words(&article.text);
        for on in [false, true] {
            let markdown = gleaner::render::markdown_with(&article.blocks, &render_options(&article, on));
            let mut text = String::new();
            let mut in_image = 0;
            for event in Parser::new_ext(&markdown, MdOptions::ENABLE_TABLES) {
                match event {
                    // An image's alt text is not part of the page's text.
                    Event::Start(Tag::Image { .. }) => in_image += 1,
                    Event::End(TagEnd::Image) => in_image -= 1,
                    Event::Text(t) | Event::Code(t) if in_image == 0 => text.push_str(&t),
                    // Block boundaries and line breaks separate words; inline markup does not.
                    Event::SoftBreak | Event::HardBreak => text.push(' '),
                    Event::Start(tag) if !matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Strikethrough) => text.push(' '),
                    Event::End(tag) if !matches!(tag, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Strikethrough) => text.push(' '),
                    _ => {}
                }
            }
            if words(&text) != expected {
                let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                failures.push(format!(
                    "{name} (links and images {}):\n{}",
                    if on { "on" } else { "off" },
                    SimpleDiff::from_str(&expected.join(" "), &words(&text).join(" "), "text", "markdown")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Pages: the exact text (the file's single final newline is what the CLI adds). Text inputs:
/// the same paragraphs, each with its whitespace collapsed.
fn compare_text(expected: &str, actual: &str, kind: Kind) -> Option<String> {
    let (expected, actual) = match kind {
        Kind::Pages => (expected.strip_suffix('\n').unwrap_or(expected).to_string(), actual.to_string()),
        Kind::Text => (normalized_paragraphs(expected), normalized_paragraphs(actual)),
    };
    (expected != actual).then(|| format!("text: {}", SimpleDiff::from_str(&expected, &actual, "expected", "actual")))
}

/// Paragraphs (separated by blank lines) with whitespace runs collapsed, one per line.
fn normalized_paragraphs(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n");
    normalized.split("\n\n").map(|para| para.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|para| !para.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Compares the keys of `expected.json` with the article's JSON form.
fn compare_json(expected: &str, article: &Article) -> Vec<String> {
    let expected: Value = serde_json::from_str(expected).unwrap_or_else(|err| panic!("expected.json: {err}"));
    let actual = serde_json::to_value(article).expect("an article serializes");
    let Value::Object(expected) = expected else { panic!("expected.json must hold an object") };
    let mut problems = Vec::new();
    for (key, want) in &expected {
        let got = actual.get(key).unwrap_or(&Value::Null);
        let matches = match want.get("starts_with").and_then(Value::as_str) {
            Some(prefix) => got.as_str().is_some_and(|s| s.starts_with(prefix)),
            None => got == want,
        };
        if !matches {
            problems.push(format!("json `{key}`: expected {want}, got {got}"));
        }
    }
    problems
}

/// Every page's HTML output is a safe document (no scripts, styles, event handlers or
/// `javascript:` URLs) that holds the same words as the plain text.
#[test]
fn html_output_is_safe_and_holds_the_text() {
    use gleaner::internals::{NodeData, Tag};
    let mut failures = Vec::new();
    for dir in case_dirs(&fixtures().join("pages")) {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(dir.join("source.html")).unwrap();
        let mut hints = Hints::default();
        if let Ok(url) = std::fs::read_to_string(dir.join("url.txt")) {
            hints = hints.with_url(url.trim());
        }
        let Ok(article) = gleaner::extract_bytes(&bytes, &hints, &Options::default()) else { continue };
        let html =
            gleaner::render::html(&article.blocks, article.metadata.title.as_deref(), article.metadata.language.as_deref(), &render_options(&article, true));
        let dom = gleaner::internals::parse(&html);
        let body = dom.find_tag(Tag::Body).expect("a body");
        for node in &dom.nodes {
            if let NodeData::Element(e) = &node.data {
                if matches!(e.tag, Tag::Script | Tag::Style | Tag::Iframe | Tag::Object | Tag::Embed | Tag::Form) {
                    failures.push(format!("{name}: unsafe element {:?}", e.tag));
                }
                for (attr, value) in &e.attrs {
                    if attr.starts_with("on") || value.trim().to_ascii_lowercase().starts_with("javascript:") {
                        failures.push(format!("{name}: unsafe attribute {attr}={value}"));
                    }
                }
            }
        }
        // The document read back into blocks by gleaner's own collector.
        let body_text = gleaner::render::text(&gleaner::internals::collect_blocks(&dom, &[body], &|_| false));
        let words = |text: &str| text.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        if words(&body_text) != words(&article.text) {
            failures.push(format!("{name}: {}", SimpleDiff::from_str(&article.text, &body_text, "text", "html")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
