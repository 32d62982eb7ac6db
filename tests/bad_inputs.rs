//! The bad-input corpus: every case in `fixtures/bad/` (small committed files) plus the large
//! pathological pages generated here, each with its expected outcome: an error kind, or an
//! article whose text passes some checks. Every case must finish without a panic; a watchdog
//! fails a case that runs longer than [`WATCHDOG`] (a hang detector, not a timing test).
//! `fixtures/bad/README.md` lists the same cases; a test keeps the two in step.
//!
//! `GLEANER_CASE=<name>` runs one case; `--nocapture` prints each case's time.

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use gleaner::internals::ExpiresAt;
use gleaner::render::{self, RenderOptions};
use gleaner::{Hints, Options};

/// A case still running after this long has hung. Generous: the slowest case (a million
/// paragraphs) takes about 3 s in a release build on a shared 2-core machine; an unoptimised
/// build (`cargo test` without `--release`, as CI runs it) is many times slower, so it gets more.
const WATCHDOG: Duration = Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 20 });

/// Text that the fixtures hide in scripts, styles, form fields, comments, templates and SVG:
/// it must never reach the output (except where the page shows it, `<plaintext>`).
const HIDDEN: &str = "SECRET_SCRIPT_TOKEN";

const PROSE: &str = "<p>The sentence at the bottom of the page is ordinary prose, long enough to count as content.</p>";
const PROSE_TEXT: &str = "The sentence at the bottom of the page is ordinary prose";
const RIVER: &str = "The river rose slowly through the night";

/// Where a case's bytes come from.
enum Input {
    /// A file in `fixtures/bad/`.
    File(&'static str),
    /// Built by the test (too big to commit).
    Generated(fn() -> Vec<u8>),
}

/// What a case must give.
enum Expect {
    /// Fails with this [`gleaner::Error::kind`].
    Fails(&'static str),
    /// Succeeds; the text contains each of `contains`, none of `absent`, the page was
    /// decoded with `encoding` (when given), and the article has exactly these `warnings`.
    Ok { contains: &'static [&'static str], absent: &'static [&'static str], encoding: Option<&'static str>, warnings: &'static [&'static str] },
}

struct Case {
    name: &'static str,
    input: Input,
    /// The transport `Content-Type` header, if the case has one.
    content_type: Option<&'static str>,
    expect: Expect,
}

const fn fails(name: &'static str, input: Input, kind: &'static str) -> Case {
    Case { name, input, content_type: None, expect: Expect::Fails(kind) }
}

const fn ok(name: &'static str, input: Input, contains: &'static [&'static str], encoding: Option<&'static str>) -> Case {
    Case { name, input, content_type: None, expect: Expect::Ok { contains, absent: &[HIDDEN], encoding, warnings: &[] } }
}

/// An "ok" case whose declared UTF-8 is contradicted by its bytes: decoded as `encoding`
/// instead, with the warning `charset_mismatch`.
const fn mismatch(name: &'static str, input: Input, content_type: Option<&'static str>, contains: &'static [&'static str], encoding: &'static str) -> Case {
    Case { name, input, content_type, expect: Expect::Ok { contains, absent: &[HIDDEN], encoding: Some(encoding), warnings: &["charset_mismatch"] } }
}

/// An "ok" case whose result is degraded by a limit, saying so in `warnings`.
const fn degraded(name: &'static str, input: Input, warnings: &'static [&'static str]) -> Case {
    Case { name, input, content_type: None, expect: Expect::Ok { contains: &[PROSE_TEXT], absent: &[HIDDEN], encoding: None, warnings } }
}

use Input::{File, Generated};

fn cases() -> Vec<Case> {
    vec![
        // Empty and tiny
        fails("empty", File("empty.html"), "empty"),
        fails("whitespace-only", File("whitespace.html"), "empty"),
        fails("tiny-tag", File("tiny.html"), "no_content"),
        fails("tiny-text", File("tiny-text.txt"), "no_content"),
        // Binary
        fails("png", File("image.png"), "not_html"),
        fails("pdf", File("document.pdf"), "not_html"),
        fails("random-bytes", File("random.bin"), "not_html"),
        fails("nul-bytes", File("nul-bytes.bin"), "not_html"),
        ok("nul-in-text", File("nul-in-text.html"), &["The river rose slowly through the night, and"], Some("UTF-8")),
        // Gzip
        ok("gzip-valid", File("valid.html.gz"), &[RIVER], Some("UTF-8")),
        fails("gzip-truncated", File("truncated.html.gz"), "bad_gzip"),
        fails("gzip-bad-crc", File("bad-crc.html.gz"), "bad_gzip"),
        ok("gzip-multi-member", File("multi-member.html.gz"), &[RIVER, "closed to traffic."], Some("UTF-8")),
        fails("gzip-of-png", File("png.gz"), "not_html"),
        fails("gzip-bomb", Generated(gzip_bomb), "too_large"),
        fails("over-size-cap", Generated(over_size_cap), "too_large"),
        // Byte-order marks
        ok("bom-utf8", File("bom-utf8.html"), &["Café owners"], Some("UTF-8")),
        ok("bom-utf16le", File("bom-utf16le.html"), &["Café owners"], Some("UTF-16LE")),
        ok("bom-utf16be", File("bom-utf16be.html"), &["Café owners"], Some("UTF-16BE")),
        // Charsets declared in <meta>
        ok("meta-windows-1251", File("meta-windows-1251.html"), &["Река медленно поднималась"], Some("windows-1251")),
        ok("meta-shift_jis", File("meta-shift_jis.html"), &["川は夜通しゆっくりと"], Some("Shift_JIS")),
        ok("meta-gb18030", File("meta-gb18030.html"), &["河水整夜缓慢上涨", "损失约€5000，𠀀村"], Some("gb18030")),
        ok("meta-euc-kr", File("meta-euc-kr.html"), &["강물은 밤새 천천히"], Some("EUC-KR")),
        ok("meta-after-1024-bytes", File("meta-after-1024.html"), &["Река медленно поднималась"], Some("windows-1251")),
        Case {
            name: "header-and-meta-disagree",
            input: File("header-meta-disagree.html"),
            content_type: Some("text/html; charset=windows-1251"),
            expect: Expect::Ok {
                contains: &["Река медленно поднималась"], absent: &[HIDDEN], encoding: Some("windows-1251"), warnings: &[]
            },
        },
        ok("undeclared-windows-1252", File("undeclared-windows-1252.html"), &["À Besançon, la rivière"], Some("windows-1252")),
        // Declared UTF-8, but the bytes are a legacy charset: detected, with a warning.
        mismatch("declared-utf8-windows-1251", File("declared-utf8-windows-1251.html"), None, &["Река медленно поднималась"], "windows-1251"),
        mismatch("declared-utf8-windows-1252", File("declared-utf8-windows-1252.html"), None, &["À Besançon, la rivière"], "windows-1252"),
        mismatch(
            "header-utf8-meta-windows-1251",
            File("meta-windows-1251.html"),
            Some("text/html; charset=utf-8"),
            &["Река медленно поднималась"],
            "windows-1251",
        ),
        mismatch(
            "header-utf8-undeclared-windows-1252",
            File("undeclared-windows-1252.html"),
            Some("text/html; charset=UTF-8"),
            &["À Besançon, la rivière"],
            "windows-1252",
        ),
        ok("undeclared-shift_jis", File("undeclared-shift_jis.html"), &["川は夜通しゆっくりと"], Some("Shift_JIS")),
        ok("invalid-utf8", File("invalid-utf8.html"), &["night, \u{FFFD}\u{FFFD} and", "water. \u{FFFD}( Farmers"], Some("UTF-8")),
        ok("unknown-charset-label", File("unknown-charset.html"), &[RIVER], Some("UTF-8")),
        // Markup that never ends
        ok("unclosed-script", File("unclosed-script.html"), &[RIVER], None),
        ok("unclosed-style", File("unclosed-style.html"), &[RIVER], None),
        ok("unclosed-textarea", File("unclosed-textarea.html"), &[RIVER], None),
        ok("unclosed-comment", File("unclosed-comment.html"), &[RIVER], None),
        Case {
            // Browsers show everything after <plaintext> as text, tags and all.
            name: "unclosed-plaintext",
            input: File("unclosed-plaintext.html"),
            content_type: None,
            expect: Expect::Ok { contains: &[RIVER, "<p>shown as text</p>"], absent: &[], encoding: None, warnings: &[] },
        },
        // Content that is not shown
        ok("template", File("template.html"), &[RIVER], None),
        ok("svg-and-math", File("svg-math.html"), &[RIVER, "The area is"], None),
        fails("frameset", File("frameset.html"), "no_content"),
        fails("comments-only", File("comments-only.html"), "no_content"),
        ok("broken-entities", File("broken-entities.html"), &["Fish & chips & peas &#xZZ; \u{FFFD}", "€ ¬anentity; < >", "£5"], None),
        fails("cookie-wall-only", File("cookie-wall.html"), "no_content"),
        fails("player-only", File("player-only.html"), "no_content"),
        Case {
            // No prose: the headline is all the text, and a warning says so.
            name: "video-only",
            input: File("video-only.html"),
            content_type: None,
            expect: Expect::Ok {
                contains: &["Watch: the harbour bridge opens to traffic"],
                absent: &["Share", "Embed", "News"],
                encoding: None,
                warnings: &["headline_only"],
            },
        },
        // Pathological structure, generated
        degraded("nested-div-100k", Generated(nested_divs), &["depth_limit"]),
        degraded("nested-ul-li-100k", Generated(nested_lists), &["depth_limit"]),
        degraded("nested-b-100k", Generated(nested_bold), &["depth_limit"]),
        degraded("a-in-i-40k", Generated(anchors_in_italics), &["depth_limit"]),
        Case {
            // Two million nodes (each <p> and its text): past the default cap of a million.
            name: "sibling-p-1m",
            input: Generated(million_paragraphs),
            content_type: None,
            expect: Expect::Ok { contains: &["x"], absent: &[], encoding: None, warnings: &["node_limit"] },
        },
        Case {
            name: "sibling-p-5m-node-limit",
            input: Generated(five_million_paragraphs),
            content_type: None,
            expect: Expect::Ok { contains: &["x"], absent: &[], encoding: None, warnings: &["node_limit"] },
        },
        ok("text-node-10mb", Generated(huge_text_node), &["word word word"], None),
        // Found by fuzzing: a quote inside a list item sent the HTML renderer into an endless loop.
        ok("fuzz-quote-in-list", File("fuzz-quote-in-list.html"), &["runs Nextcloud", "phone charger rated 3 A"], None),
        degraded("attributes-100k", Generated(many_attributes), &["attribute_limit"]),
        ok("unterminated-tags-100k", Generated(unterminated_tags), &[PROSE_TEXT], None),
        degraded("distinct-names-100k", Generated(distinct_names), &["depth_limit"]),
    ]
}

fn page(body: &str) -> Vec<u8> {
    format!("<!DOCTYPE html><html><head><title>Generated</title></head><body>{body}</body></html>").into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// 64 MB of spaces inside a page, compressed to about 64 KB: stops at the 20 MB cap.
fn gzip_bomb() -> Vec<u8> {
    let mut html = page(PROSE);
    html.extend(std::iter::repeat_n(b' ', 64 << 20));
    gzip(&html)
}

fn over_size_cap() -> Vec<u8> {
    page(&PROSE.repeat(gleaner::DEFAULT_MAX_INPUT_BYTES / PROSE.len() + 1))
}

fn nested_divs() -> Vec<u8> {
    page(&format!("{}{PROSE}{}", "<div>".repeat(100_000), "</div>".repeat(100_000)))
}

fn nested_lists() -> Vec<u8> {
    page(&format!("{}{PROSE}", "<ul><li>".repeat(100_000)))
}

fn nested_bold() -> Vec<u8> {
    page(&format!("{}{PROSE}", "<b>".repeat(100_000)))
}

fn anchors_in_italics() -> Vec<u8> {
    page(&format!("{}{}{PROSE}", "<i>".repeat(40_000), "<a href=\"/x\">".repeat(40_000)))
}

fn million_paragraphs() -> Vec<u8> {
    page(&format!("{}{PROSE}", "<p>x".repeat(1_000_000)))
}

/// 20 MB of `<p>x`: ten million nodes, cut at the node cap (the result says `node_limit`).
fn five_million_paragraphs() -> Vec<u8> {
    page(&"<p>x".repeat(5_000_000))
}

fn huge_text_node() -> Vec<u8> {
    page(&format!("<p>{}</p>", "word ".repeat(2_000_000)))
}

fn many_attributes() -> Vec<u8> {
    let attrs: String = (0..100_000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    page(&format!("<div{attrs}>{PROSE}</div>"))
}

/// 100,000 `<a'`: a quote that does not follow `=` opens no value, and the tag never ends.
fn unterminated_tags() -> Vec<u8> {
    page(&format!("{PROSE}{}", "<a'".repeat(100_000)))
}

/// 100,000 nested elements, each with its own custom name.
fn distinct_names() -> Vec<u8> {
    let open: String = (0..100_000).map(|i| format!("<x-{i}>")).collect();
    let close: String = (0..100_000).rev().map(|i| format!("</x-{i}>")).collect();
    page(&format!("{open}{PROSE}{close}"))
}

/// Runs one case on a thread and returns its outcome description, or a failure message.
fn run(case: &Case) -> Result<Duration, String> {
    let bytes = match case.input {
        File(name) => std::fs::read(Path::new("fixtures/bad").join(name)).map_err(|e| format!("read {name}: {e}"))?,
        Generated(make) => make(),
    };
    let mut hints = Hints::default();
    if let Some(content_type) = case.content_type {
        hints = hints.with_content_type(content_type);
    }
    let (send, receive) = mpsc::channel();
    let started = Instant::now();
    std::thread::Builder::new()
        .name(case.name.to_string())
        .spawn(move || {
            let result = std::panic::catch_unwind(|| {
                // No time budget: a debug build on a loaded machine can take more than the
                // default 10 s on the largest cases; the watchdog is the hang detector here.
                let options = Options::default().with_time_budget(None);
                let result = gleaner::extract_bytes(&bytes, &hints, &options);
                // Every renderer, with links and images, must finish too.
                if let Ok(article) = &result {
                    let options = RenderOptions::default().with_links(true).with_images(true).with_base_url("https://bad.example/a/");
                    let _ = render::markdown_with(&article.blocks, &options);
                    let _ = render::html(&article.blocks, article.metadata.title.as_deref(), article.metadata.language.as_deref(), &options);
                }
                result
            });
            let _ = send.send(result);
        })
        .map_err(|e| e.to_string())?;
    let result = match receive.recv_timeout(WATCHDOG) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => return Err("panicked".to_string()),
        Err(_) => return Err(format!("still running after {WATCHDOG:?} (hang?)")),
    };
    let elapsed = started.elapsed();
    match (&case.expect, result) {
        (Expect::Fails(kind), Err(err)) if err.kind() == *kind => Ok(elapsed),
        (Expect::Fails(kind), Err(err)) => Err(format!("expected {kind}, got {} ({err})", err.kind())),
        (Expect::Fails(kind), Ok(article)) => Err(format!("expected {kind}, got an article: {:.200}", article.text)),
        (Expect::Ok { .. }, Err(err)) => Err(format!("expected an article, got {} ({err})", err.kind())),
        (Expect::Ok { contains, absent, encoding, warnings }, Ok(article)) => {
            let mut problems = Vec::new();
            for wanted in *contains {
                if !article.text.contains(wanted) {
                    problems.push(format!("text lacks {wanted:?}"));
                }
            }
            for unwanted in *absent {
                if article.text.contains(unwanted) {
                    problems.push(format!("text has {unwanted:?}"));
                }
            }
            let used = article.metadata.encoding.as_ref().map(|e| e.name);
            if encoding.is_some() && used != *encoding {
                problems.push(format!("decoded as {used:?}, expected {encoding:?}"));
            }
            let codes: Vec<&str> = article.metadata.warnings.iter().map(|w| w.code()).collect();
            if codes != *warnings {
                problems.push(format!("warnings {:?}, expected {warnings:?}", article.metadata.warnings));
            }
            if problems.is_empty() { Ok(elapsed) } else { Err(format!("{}; text: {:.300}", problems.join(", "), article.text)) }
        }
    }
}

#[test]
fn every_bad_input_has_its_documented_outcome() {
    let only = std::env::var("GLEANER_CASE").ok();
    let mut failures = Vec::new();
    for case in cases().iter().filter(|c| only.as_deref().is_none_or(|o| o == c.name)) {
        match run(case) {
            Ok(elapsed) => println!("{:<28} ok  {elapsed:.2?}", case.name),
            Err(why) => {
                println!("{:<28} FAIL {why}", case.name);
                failures.push(format!("{}: {why}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} bad-input case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Corpus files read by other tests: inputs of the batch readers rather than pages.
const USED_ELSEWHERE: &[&str] = &["fuzz-jsonl-blank-id.jsonl"];

#[test]
fn corpus_files_and_readme_match_the_cases() {
    let cases = cases();
    let readme = std::fs::read_to_string("fixtures/bad/README.md").unwrap();
    for case in &cases {
        assert!(readme.contains(&format!("| `{}` |", case.name)), "fixtures/bad/README.md lacks case {}", case.name);
    }
    for entry in std::fs::read_dir("fixtures/bad").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let used = cases.iter().any(|c| matches!(c.input, File(file) if file == name)) || USED_ELSEWHERE.contains(&name.as_str());
        assert!(used || name == "README.md", "fixtures/bad/{name} is not used by any case");
    }
}

#[test]
fn the_time_budget_stops_extraction_in_the_stage_where_it_runs_out() {
    // A clock that jumps a day ahead when one stage checks the budget: the budget runs out
    // exactly there, whatever the machine's speed.
    let html = page(PROSE);
    for stage in ["decode", "parse", "metadata", "content", "cleanup"] {
        let options = Options::default().with_clock(Arc::new(ExpiresAt(stage)));
        let err = gleaner::extract_bytes(&html, &Hints::default(), &options).expect_err("past its budget");
        assert_eq!(err.kind(), "timeout", "{err}");
        assert!(matches!(err, gleaner::Error::TimeBudget { stage: at, .. } if at == stage), "{stage}: {err}");
        // The same clock with no budget, or the system's clock, lets the page through.
        assert!(gleaner::extract_bytes(&html, &Hints::default(), &options.clone().with_time_budget(None)).is_ok());
    }
    assert!(gleaner::extract_bytes(&html, &Hints::default(), &Options::default()).is_ok());
}

#[test]
fn the_depth_and_attribute_caps_are_options() {
    let deep = page(&format!("{}{PROSE}", "<div>".repeat(2_000)));
    let default = gleaner::extract_bytes(&deep, &Hints::default(), &Options::default()).expect("article");
    assert_eq!(default.metadata.warnings, [gleaner::Warning::DepthLimit]);
    let roomy = Options::default().with_max_depth(5_000);
    assert!(gleaner::extract_bytes(&deep, &Hints::default(), &roomy).expect("article").metadata.warnings.is_empty());

    let tag: String = (0..50).map(|i| format!(" data-a{i}=\"x\"")).collect();
    let wide = page(&format!("<div{tag}>{PROSE}</div>"));
    assert!(gleaner::extract_bytes(&wide, &Hints::default(), &Options::default()).expect("article").metadata.warnings.is_empty());
    let narrow = Options::default().with_max_attributes(10);
    assert_eq!(gleaner::extract_bytes(&wide, &Hints::default(), &narrow).expect("article").metadata.warnings, [gleaner::Warning::AttributeLimit]);
}
