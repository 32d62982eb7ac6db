//! Tests of the `gleaner` binary: every kind of input (file, gzip file, stdin, several inputs,
//! URLs served by a local test server), every output format, and every error with its stable
//! `error.kind`, its one-line message naming the input, and the exit code.
//!
//! URL tests talk only to `tests/common/server.rs` on 127.0.0.1.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::server::{Response, Server, closed_port};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers

/// What one run of the binary gave.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// The stdout of a `--format jsonl` run, one value per line.
    fn records(&self) -> Vec<Value> {
        self.stdout.lines().map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("not a JSON line ({err}): {line}"))).collect()
    }
}

/// Runs `gleaner` with `args` and `stdin` (no stdin when `None`). Proxy variables are removed so
/// that requests to 127.0.0.1 go straight to the test server.
fn gleaner_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gleaner"));
    command.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    for var in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
        command.env_remove(var);
    }
    command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = command.spawn().expect("run gleaner");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(bytes).expect("write stdin");
    }
    let output = child.wait_with_output().expect("wait for gleaner");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "gleaner {args:?} panicked:\n{}", run.stderr);
    run
}

fn gleaner(args: &[&str]) -> Run {
    gleaner_with_stdin(args, None)
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(path)
}

fn fixture_str(path: &str) -> String {
    fixture(path).to_str().expect("UTF-8 path").to_string()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// A page the extractor gets exactly right, and its expected text output.
const PAGE: &str = "pages/blog-post/source.html";
const PAGE_EXPECTED: &str = "pages/blog-post/expected.txt";
const PAGE_TITLE: &str = "Why my sourdough stopped rising (and how I fixed it)";

fn page_bytes() -> Vec<u8> {
    read(&fixture(PAGE))
}

fn page_expected() -> String {
    String::from_utf8(read(&fixture(PAGE_EXPECTED))).expect("UTF-8")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test input");
    path.to_str().expect("UTF-8 path").to_string()
}

/// Checks that `input` failed alone with `kind`: exit code non-zero, one JSON-lines failure
/// record `{"input", "ok": false, "error": {"kind", "message"}}`, and one line on stderr naming
/// the input. Returns the error message.
fn assert_fails(input: &str, kind: &str) -> String {
    assert_fails_with(&[input], input, kind)
}

fn assert_fails_with(args: &[&str], input: &str, kind: &str) -> String {
    let mut all = vec!["--format", "jsonl"];
    all.extend_from_slice(args);
    let run = gleaner(&all);
    assert!(!run.success(), "{input} should fail, got exit code {:?}", run.code);
    assert_eq!(run.code, Some(1), "a failed input exits with 1");
    let records = run.records();
    assert_eq!(records.len(), 1, "one record per input: {}", run.stdout);
    let record = &records[0];
    assert_eq!(record["input"], input);
    assert_eq!(record["ok"], false);
    assert_eq!(record["error"]["kind"], kind, "record: {record}");
    let message = record["error"]["message"].as_str().expect("error.message is a string");
    assert!(!message.is_empty() && !message.contains('\n'), "one-line message: {message:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {:?}", run.stderr);
    assert_eq!(lines[0], stderr_line(input, message), "stderr names the input once and gives the message");
    message.to_string()
}

/// The stderr line of a failed input: the input, then the message; the input only once when
/// the message already names it.
fn stderr_line(input: &str, message: &str) -> String {
    if input != "-" && message.contains(input) { format!("gleaner: {message}") } else { format!("gleaner: {input}: {message}") }
}

// ---------------------------------------------------------------------------------------------
// Inputs

#[test]
fn file_input_prints_the_main_text() {
    let run = gleaner(&[&fixture_str(PAGE)]);
    assert!(run.success(), "{}", run.stderr);
    similar_asserts::assert_eq!(run.stdout, page_expected());
    assert_eq!(run.stderr, "");
}

#[test]
fn gzip_file_is_detected_by_its_magic_bytes_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let gz = gzip(&page_bytes());
    for name in ["page.html", "page.html.gz", "page"] {
        let path = write_file(dir.path(), name, &gz);
        let run = gleaner(&[&path]);
        assert!(run.success(), "{name}: {}", run.stderr);
        similar_asserts::assert_eq!(run.stdout, page_expected(), "{name}");
    }
}

#[test]
fn stdin_is_read_for_dash_and_for_no_input() {
    for args in [&["-"][..], &[][..]] {
        let run = gleaner_with_stdin(args, Some(&page_bytes()));
        assert!(run.success(), "{args:?}: {}", run.stderr);
        similar_asserts::assert_eq!(run.stdout, page_expected(), "{args:?}");
    }
    let run = gleaner_with_stdin(&["--format", "jsonl", "-"], Some(&gzip(&page_bytes())));
    let records = run.records();
    assert_eq!(records[0]["input"], "-");
    assert_eq!(records[0]["ok"], true);
    assert_eq!(records[0]["title"], PAGE_TITLE);
}

#[test]
fn empty_stdin_is_an_empty_input() {
    let run = gleaner_with_stdin(&["--format", "jsonl", "-"], Some(b""));
    assert_eq!(run.code, Some(1));
    assert_eq!(run.records()[0]["error"]["kind"], "empty");
    assert!(run.stderr.starts_with("gleaner: -: "), "{}", run.stderr);
}

#[test]
fn several_inputs_come_out_in_order_and_a_bad_one_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let first = fixture_str(PAGE);
    let missing = dir.path().join("missing.html").to_str().unwrap().to_string();
    let last = fixture_str("pages/gbk/source.html");
    let run = gleaner(&[&first, &missing, &last]);
    assert_eq!(run.code, Some(1), "one input failed: non-zero exit");
    let last_expected = String::from_utf8(read(&fixture("pages/gbk/expected.txt"))).unwrap();
    let expected = format!("==> {first} <==\n{}\n==> {last} <==\n{last_expected}", page_expected());
    similar_asserts::assert_eq!(run.stdout, expected);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(run.stderr, format!("gleaner: no such file: {missing}\n"));
}

#[test]
fn several_inputs_in_jsonl_give_one_record_each_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write_file(dir.path(), "empty.html", b"");
    let first = fixture_str(PAGE);
    let last = fixture_str("pages/shift-jis/source.html");
    let run = gleaner(&["--format", "jsonl", &first, &empty, &last]);
    assert_eq!(run.code, Some(1));
    let records = run.records();
    let summary: Vec<(String, bool)> = records.iter().map(|r| (r["input"].as_str().unwrap().to_string(), r["ok"].as_bool().unwrap())).collect();
    assert_eq!(summary, vec![(first, true), (empty, false), (last, true)]);
    assert_eq!(records[1]["error"]["kind"], "empty");
    assert_eq!(records[2]["encoding"]["name"], "Shift_JIS");
}

#[test]
fn several_inputs_in_json_make_an_array_of_records() {
    let dir = tempfile::tempdir().unwrap();
    let png = write_file(dir.path(), "logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let run = gleaner(&["--format", "json", &fixture_str(PAGE), &png, &fixture_str("pages/gbk/source.html")]);
    assert_eq!(run.code, Some(1));
    let value: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let records = value.as_array().expect("an array");
    let oks: Vec<bool> = records.iter().map(|r| r["ok"].as_bool().unwrap()).collect();
    assert_eq!(oks, vec![true, false, true]);
    assert_eq!(records[0]["title"], PAGE_TITLE);
    assert_eq!(records[1]["error"]["kind"], "not_html");
    assert!(records[1]["input"].as_str().unwrap().ends_with("logo.png"));
    assert_eq!(records[2]["title"], "杭州今年将新增公共自行车站点三百个");
    assert!(run.stderr.contains("logo.png: not an HTML page"), "{}", run.stderr);
}

#[test]
fn all_inputs_succeeding_exit_zero() {
    let run = gleaner(&["--format", "jsonl", &fixture_str(PAGE), &fixture_str("pages/gbk/source.html")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.records().iter().all(|r| r["ok"] == true));
}

#[test]
fn url_option_is_the_json_url() {
    let url = "https://crumbandcrust.example/2024/03/why-my-sourdough-stopped-rising/";
    let run = gleaner(&["--format", "json", "--url", url, &fixture_str(PAGE)]);
    assert!(run.success(), "{}", run.stderr);
    let article: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(article["url"], url);
    let run = gleaner(&["--format", "json", &fixture_str(PAGE)]);
    let article: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(article["url"], Value::Null, "no --url: null");
}

#[test]
fn json_of_a_single_failing_input_is_its_record_with_the_page_metadata() {
    // A page read but without content still says what it is; a missing file is a record too.
    let run = gleaner(&["--format", "json", &fixture_str("bad/player-only.html")]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let record: Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!(record["ok"], false);
    assert_eq!(record["error"]["kind"], "no_content");
    assert!(record["title"].as_str().is_some_and(|t| !t.is_empty()), "{record}");
    assert!(record.get("text").is_none(), "{record}");
    let run = gleaner(&["--format", "json", "missing.html"]);
    let record: Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!((record["ok"].clone(), record["error"]["kind"].clone()), (Value::Bool(false), Value::from("not_found")));
}

// ---------------------------------------------------------------------------------------------
// Output formats

#[test]
fn format_text_is_the_default() {
    let explicit = gleaner(&["--format", "text", &fixture_str(PAGE)]);
    let default = gleaner(&[&fixture_str(PAGE)]);
    assert!(explicit.success());
    assert_eq!(explicit.stdout, default.stdout);
    assert_eq!(explicit.stdout, page_expected());
}

#[test]
fn format_markdown_keeps_headings_lists_and_quotes() {
    let run = gleaner(&["-f", "markdown", &fixture_str(PAGE)]);
    assert!(run.success(), "{}", run.stderr);
    for line in [
        "## Checking the starter first",
        "- Feed at a 1:2:2 ratio of starter, flour and water.",
        "- Note how long it takes to double.",
        "## The real culprit: a cold kitchen",
        "> Watch the dough, not the clock. A finished bulk ferment is domed, jiggly and about half again its original volume.",
    ] {
        assert!(run.stdout.lines().any(|l| l == line), "missing {line:?} in:\n{}", run.stdout);
    }
    let docs = gleaner(&["-f", "markdown", &fixture_str("pages/docs-page/source.html")]);
    assert!(docs.stdout.contains("```rust\nuse std::time::Duration;\n"), "{}", docs.stdout);
    assert!(docs.stdout.contains("| Failure | Retried | Notes |\n| --- | --- | --- |\n"), "{}", docs.stdout);
}

#[test]
fn links_and_images_are_opt_in_and_resolved_against_the_url() {
    let case = "pages/structure-lazy-images";
    let url = std::fs::read_to_string(fixture(&format!("{case}/url.txt"))).unwrap();
    let source = fixture_str(&format!("{case}/source.html"));
    let plain = gleaner(&["-f", "markdown", "--url", url.trim(), &source]);
    assert!(plain.success(), "{}", plain.stderr);
    assert!(!plain.stdout.contains("!["), "{}", plain.stdout);
    let with = gleaner(&["-f", "markdown", "--images", "--links", "--url", url.trim(), &source]);
    assert!(
        with.stdout.contains("![The sideboard before restoration, with water rings on the top](https://workshopjournal.example/uploads/sideboard-before.jpg)"),
        "{}",
        with.stdout
    );
    // The text is the same whatever the options.
    let text = gleaner(&["--images", "--links", &source]);
    assert_eq!(text.stdout, gleaner(&[&source]).stdout);
}

#[test]
fn format_html_is_a_safe_document() {
    let run = gleaner(&["-f", "html", "--links", "--url", "https://nightskyweekly.example/links/", &fixture_str("pages/structure-links/source.html")]);
    assert!(run.success(), "{}", run.stderr);
    assert!(run.stdout.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{}", run.stdout);
    assert!(run.stdout.contains("<a href=\"https://nightskyweekly.example/clubs/\">local astronomy club</a>"), "{}", run.stdout);
    assert!(run.stdout.contains("<em>planetarium app</em>"), "{}", run.stdout);
    assert!(!run.stdout.contains("<script") && !run.stdout.contains("gtag"), "{}", run.stdout);
}

#[test]
fn format_json_is_one_object_with_the_documented_fields() {
    let run = gleaner(&["--format", "json", &fixture_str(PAGE)]);
    assert!(run.success(), "{}", run.stderr);
    let article: Value = serde_json::from_str(&run.stdout).expect("a JSON object");
    assert_eq!(format!("{}\n", article["text"].as_str().unwrap()), page_expected());
    assert_eq!(article["title"], PAGE_TITLE);
    assert_eq!(article["authors"], serde_json::json!(["Hannah Okafor"]));
    assert_eq!(article["input_format"], "html");
    assert_eq!(article["encoding"], serde_json::json!({"name": "UTF-8", "source": "meta"}));
    for key in ["url", "date_published", "date_modified", "site_name", "description", "language", "canonical_url", "image"] {
        assert!(article.get(key).is_some(), "field {key} is always present");
    }
}

#[test]
fn format_jsonl_is_one_compact_line_per_input() {
    let run = gleaner(&["--format", "jsonl", &fixture_str(PAGE)]);
    assert!(run.success(), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
    let record = &run.records()[0];
    assert_eq!(record["input"], fixture_str(PAGE));
    assert_eq!(record["ok"], true);
    assert_eq!(record["title"], PAGE_TITLE);
}

#[test]
fn input_format_text_cleans_already_extracted_text() {
    let run = gleaner(&["--input-format", "text", &fixture_str("text/seed/source.txt")]);
    assert!(run.success(), "{}", run.stderr);
    let expected = String::from_utf8(read(&fixture("text/seed/expected.txt"))).unwrap();
    similar_asserts::assert_eq!(run.stdout, expected);
    let run = gleaner(&["--input-format", "text", "--format", "jsonl", &fixture_str("text/seed/source.txt")]);
    assert_eq!(run.records()[0]["input_format"], "text");
}

#[test]
fn plain_text_file_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Notes from the allotment\n\nThe broad beans went in on the first dry weekend of March, two weeks earlier than last year.\n\nSlugs took most of the lettuce, so next year it goes in the raised bed by the shed.\n";
    let path = write_file(dir.path(), "notes.txt", text.as_bytes());
    let run = gleaner(&["--format", "jsonl", &path]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let record = &run.records()[0];
    assert_eq!(record["ok"], true);
    assert_eq!(record["input_format"], "text");
    assert!(record["text"].as_str().unwrap().contains("Slugs took most of the lettuce"), "{record}");
}

// ---------------------------------------------------------------------------------------------
// File errors

#[test]
fn empty_file_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&write_file(dir.path(), "empty.html", b""), "empty");
}

#[test]
fn whitespace_only_file_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&write_file(dir.path(), "blank.html", b"  \n\t\r\n   \n"), "empty");
}

#[test]
fn gzip_of_nothing_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&write_file(dir.path(), "empty.html.gz", &gzip(b"")), "empty");
}

#[test]
fn binary_files_are_not_html() {
    let dir = tempfile::tempdir().unwrap();
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let cases: [(&str, &[u8], &str); 5] = [
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", "PNG"),
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        ("archive.zip", b"PK\x03\x04\x14\0\0\0\x08\0\0\0!\0index.html", "ZIP"),
        ("page.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        ("noise.bin", &noise, "binary"),
    ];
    for (name, bytes, what) in cases {
        let message = assert_fails(&write_file(dir.path(), name, bytes), "not_html");
        assert!(message.contains(what), "{name}: {message}");
    }
}

#[test]
fn gzipped_binary_is_not_html() {
    let dir = tempfile::tempdir().unwrap();
    assert_fails(&write_file(dir.path(), "image.html.gz", &gzip(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")), "not_html");
}

#[test]
fn broken_gzip_is_bad_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let mut truncated = gzip(&page_bytes());
    truncated.truncate(truncated.len() / 2);
    assert_fails(&write_file(dir.path(), "page.html.gz", &truncated), "bad_gzip");
}

#[test]
fn missing_file_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-page.html");
    assert_fails(path.to_str().unwrap(), "not_found");
}

#[test]
fn directory_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let message = assert_fails(dir.path().to_str().unwrap(), "io");
    assert!(message.contains("directory"), "{message}");
}

#[test]
fn page_without_content_is_no_content() {
    let dir = tempfile::tempdir().unwrap();
    let html = b"<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><footer>&copy; 2025</footer></body></html>";
    assert_fails(&write_file(dir.path(), "shell.html", html), "no_content");
}

#[test]
fn a_record_of_a_page_without_content_keeps_its_metadata() {
    let path = fixture_str("bad/player-only.html");
    assert_fails(&path, "no_content");
    let run = gleaner(&["--format", "jsonl", &path]);
    let record = &run.records()[0];
    assert_eq!(record["title"], "Watch: the harbour bridge opens to traffic");
    assert_eq!(record["date_published"], "2025-06-14T09:30:00+01:00");
    assert_eq!(record["canonical_url"], "https://coastline.example/video/harbour-bridge-opens");
    assert!(record.get("text").is_none(), "no text on a failure: {record}");
}

#[test]
fn input_over_the_size_cap_is_too_large() {
    assert_fails_with(&["--max-bytes", "1000", &fixture_str(PAGE)], &fixture_str(PAGE), "too_large");
    let dir = tempfile::tempdir().unwrap();
    // The cap counts decompressed bytes: a small gzip of a big page is still too large.
    let gz = write_file(dir.path(), "page.html.gz", &gzip(&page_bytes()));
    assert!(std::fs::metadata(&gz).unwrap().len() < 4000);
    assert_fails_with(&["--max-bytes", "4000", &gz], &gz, "too_large");
}

#[test]
fn a_spent_time_budget_is_a_timeout_and_the_limits_are_options() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("<html><body>{}<p>{}</p></body></html>", "<div>".repeat(100_000), "Plain words of a sentence. ".repeat(20));
    let deep = write_file(dir.path(), "deep.html", deep.as_bytes());
    let message = assert_fails_with(&["--time-budget", "0.001", &deep], &deep, "timeout");
    assert!(message.contains("time budget"), "{message}");
    let run = gleaner(&["--format", "jsonl", &deep]);
    assert_eq!(run.records()[0]["warnings"], serde_json::json!(["depth_limit"]), "{}", run.stdout);
    let fairly_deep = format!("<html><body>{}<p>{}</p></body></html>", "<div>".repeat(1_000), "Plain words of a sentence. ".repeat(20));
    let fairly_deep = write_file(dir.path(), "fairly-deep.html", fairly_deep.as_bytes());
    let run = gleaner(&["--format", "jsonl", "--max-depth", "2000", "--time-budget", "0", &fairly_deep]);
    assert_eq!(run.records()[0]["warnings"], serde_json::json!([]), "{}", run.stdout);
}

// ---------------------------------------------------------------------------------------------
// URLs (local test server only)

#[test]
fn url_fetch_extracts_the_page_and_reports_its_url() {
    let server = Server::start(vec![("/2024/03/sourdough/", Response::html(page_bytes()))]);
    let url = server.url("/2024/03/sourdough/");
    let run = gleaner(&[&url]);
    assert!(run.success(), "{}", run.stderr);
    similar_asserts::assert_eq!(run.stdout, page_expected());
    let run = gleaner(&["--format", "jsonl", &url]);
    let record = &run.records()[0];
    assert_eq!(record["input"], url);
    assert_eq!(record["url"], url);
    assert_eq!(record["ok"], true);
    assert_eq!(record["encoding"], serde_json::json!({"name": "UTF-8", "source": "http"}));
}

#[test]
fn unreachable_url_is_a_network_error() {
    let url = format!("http://127.0.0.1:{}/page.html", closed_port());
    let message = assert_fails(&url, "network");
    assert!(message.contains(&url), "{message}");
}

#[test]
fn http_error_status_is_http_status() {
    let server = Server::start(vec![("/broken", Response::html("<p>oops</p>").with_status(500))]);
    for path in ["/gone", "/broken"] {
        let url = server.url(path);
        let message = assert_fails(&url, "http_status");
        let status = if path == "/gone" { "404" } else { "500" };
        assert!(message.contains(status) && message.contains(&url), "{message}");
    }
}

#[test]
fn non_html_content_type_is_not_html() {
    let server = Server::start(vec![
        ("/report.pdf", Response::ok("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec())),
        ("/logo", Response::ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec())),
    ]);
    for path in ["/report.pdf", "/logo"] {
        let message = assert_fails(&server.url(path), "not_html");
        assert!(message.contains(&server.url(path)), "{message}");
    }
}

#[test]
fn binary_body_sent_as_html_is_not_html() {
    let server = Server::start(vec![("/fake.html", Response::html(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()))]);
    assert_fails(&server.url("/fake.html"), "not_html");
}

#[test]
fn redirect_chain_is_followed_to_the_page() {
    let server = Server::start(vec![
        ("/old", Response::redirect(301, "/moved")),
        ("/moved", Response::redirect(302, "/2024/03/sourdough/")),
        ("/2024/03/sourdough/", Response::html(page_bytes())),
    ]);
    let run = gleaner(&["--format", "jsonl", &server.url("/old")]);
    assert!(run.success(), "{}", run.stderr);
    let record = &run.records()[0];
    assert_eq!(record["input"], server.url("/old"));
    // One record type with `gleaner batch`: `url` is the URL asked for, `final_url` where the
    // redirects ended.
    assert_eq!(record["url"], server.url("/old"));
    assert_eq!(record["final_url"], server.url("/2024/03/sourdough/"), "final_url is where the redirects ended");
    assert_eq!(record["status"], 200);
    assert_eq!(format!("{}\n", record["text"].as_str().unwrap()), page_expected());
}

#[test]
fn redirect_loop_is_a_network_error() {
    let server = Server::start(vec![("/a", Response::redirect(302, "/b")), ("/b", Response::redirect(302, "/a"))]);
    let message = assert_fails(&server.url("/a"), "network");
    assert!(message.contains("redirect"), "{message}");
}

#[test]
fn gzip_encoded_response_is_decoded() {
    let server = Server::start(vec![("/page", Response::html(gzip(&page_bytes())).with_header("Content-Encoding", "gzip"))]);
    let run = gleaner(&[&server.url("/page")]);
    assert!(run.success(), "{}", run.stderr);
    similar_asserts::assert_eq!(run.stdout, page_expected());
}

#[test]
fn charset_comes_from_the_content_type_header() {
    let html = "<!DOCTYPE html><html><head><title>Crème brûlée for beginners</title></head><body>\
        <nav><a href=\"/\">Recipes</a></nav><article><h1>Crème brûlée for beginners</h1>\
        <p>A crème brûlée needs only cream, egg yolks, sugar and a vanilla pod, and costs about €4.50 to make for four.</p>\
        <p>Bake the custard gently in a bain-marie until it is just set, then chill it overnight — the colder it is, the better the caramel “crack”.</p>\
        <p>Sprinkle a thin, even layer of sugar on top and caramelise it with a blowtorch just before serving. Voilà, déjà fini.</p>\
        </article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(html);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the bytes are not UTF-8");
    let server = Server::start(vec![("/creme", Response::ok("text/html; charset=windows-1252", bytes.into_owned()))]);
    let run = gleaner(&["--format", "json", &server.url("/creme")]);
    assert!(run.success(), "{}", run.stderr);
    let article: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(article["encoding"], serde_json::json!({"name": "windows-1252", "source": "http"}));
    assert_eq!(article["title"], "Crème brûlée for beginners");
    let text = article["text"].as_str().unwrap();
    for part in ["about €4.50 to make", "overnight — the colder", "caramel “crack”", "Voilà, déjà fini."] {
        assert!(text.contains(part), "missing {part:?} in {text:?}");
    }
}

#[test]
fn urls_and_files_mix_in_one_call() {
    let server = Server::start(vec![("/page", Response::html(page_bytes()))]);
    let url = server.url("/page");
    let bad = server.url("/missing");
    let file = fixture_str("pages/gbk/source.html");
    let run = gleaner(&["--format", "jsonl", &url, &bad, &file]);
    assert_eq!(run.code, Some(1));
    let records = run.records();
    let kinds: Vec<&str> = records.iter().map(|r| r["error"]["kind"].as_str().unwrap_or("ok")).collect();
    assert_eq!(kinds, vec!["ok", "http_status", "ok"]);
    assert_eq!(records[2]["input"], file);
}

#[test]
fn slow_server_is_a_timeout() {
    let server = Server::start(vec![("/slow", Response::html(page_bytes()).with_delay(std::time::Duration::from_secs(4)))]);
    let started = std::time::Instant::now();
    assert_fails_with(&["--timeout", "1", &server.url("/slow")], &server.url("/slow"), "timeout");
    assert!(started.elapsed() < std::time::Duration::from_secs(4), "gave up after the timeout");
}

#[test]
fn body_over_the_size_cap_is_too_large() {
    let server = Server::start(vec![("/page", Response::html(page_bytes()))]);
    assert_fails_with(&["--max-bytes", "1000", &server.url("/page")], &server.url("/page"), "too_large");
}

#[test]
fn malformed_url_is_bad_url() {
    for url in ["http://", "http://exa mple.com/"] {
        let message = assert_fails(url, "bad_url");
        assert!(message.contains(url), "{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// Other behaviour

#[test]
fn utf16_file_with_a_bom_is_text_not_binary() {
    let dir = tempfile::tempdir().unwrap();
    let page = String::from_utf8(page_bytes()).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
    let path = write_file(dir.path(), "utf16.html", &bytes);
    let run = gleaner(&["--format", "jsonl", &path]);
    assert!(run.success(), "{}", run.stderr);
    let record = &run.records()[0];
    assert_eq!(record["encoding"], serde_json::json!({"name": "UTF-16LE", "source": "bom"}));
    assert_eq!(format!("{}\n", record["text"].as_str().unwrap()), page_expected());
}

#[test]
fn no_cleanup_keeps_what_the_text_cleanup_removes() {
    let source = fixture_str("text/seed/source.txt");
    let run = gleaner(&["--input-format", "text", "--no-cleanup", &source]);
    assert!(run.success(), "{}", run.stderr);
    assert!(run.stdout.contains("Recommended Articles"), "{}", run.stdout);
    assert!(run.stdout.contains("Skip to Content"), "{}", run.stdout);
}

#[test]
fn closed_stdout_is_not_an_error() {
    // A page whose text is far bigger than a pipe buffer, read only a little: `gleaner | head`.
    let dir = tempfile::tempdir().unwrap();
    let page = String::from_utf8(page_bytes()).unwrap();
    let filler = "Crumb structure depends on fermentation more than on flour. ".repeat(20_000);
    let big = page.replacen("<p>For three weeks", &format!("<p>{filler}</p><p>For three weeks"), 1);
    let path = write_file(dir.path(), "big.html", big.as_bytes());
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_gleaner")).arg(&path).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run gleaner");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "a broken pipe is quiet");
}

// ---------------------------------------------------------------------------------------------
// What a new user ran into

#[test]
fn an_invalid_url_option_is_a_usage_error() {
    // Found by a new user: `--url 'not a url'` was accepted silently.
    let run = gleaner(&["--url", "not a url", &fixture_str(PAGE)]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("--url") && run.stderr.contains("not a url"), "{}", run.stderr);
}

#[test]
fn help_is_help_and_lists_batch() {
    // Found by a new user: `gleaner help` said "no such file: help".
    for args in [&["help"][..], &["--help"]] {
        let run = gleaner(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("Usage:"), "{args:?}: {}", run.stdout);
        assert!(run.stdout.lines().any(|line| line.trim_start().starts_with("batch ")), "{args:?} lists batch: {}", run.stdout);
    }
    let run = gleaner(&["help", "batch"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("--warc"), "{}", run.stdout);
}

#[test]
fn a_file_named_batch_is_still_an_input() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "batch", &page_bytes());
    let output = Command::new(env!("CARGO_BIN_EXE_gleaner")).arg("./batch").current_dir(dir.path()).stdin(Stdio::null()).output().expect("run gleaner");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    similar_asserts::assert_eq!(String::from_utf8(output.stdout).unwrap(), page_expected());
}

#[test]
fn a_failure_names_the_input_once() {
    // Found by a new user: "gleaner: missing.html: no such file: missing.html".
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_gleaner")).arg("missing.html").current_dir(dir.path()).stdin(Stdio::null()).output().expect("run gleaner");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("missing.html").count(), 1, "{stderr}");
    assert!(stderr.starts_with("gleaner: ") && stderr.contains("no such file"), "{stderr}");
}

#[test]
fn a_warc_file_is_refused_with_a_pointer_to_batch() {
    // Found by a new user: `gleaner crawl.warc.gz` printed the first page and exited 0.
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str, body: &[u8]| {
        let block = [b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".as_slice(), body].concat();
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: http://example.test/{id}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(&block);
        out.extend_from_slice(b"\r\n\r\n");
        gzip(&out)
    };
    let warc = write_file(dir.path(), "crawl.warc.gz", &[record("1", &page_bytes()), record("2", &page_bytes())].concat());
    let message = assert_fails(&warc, "not_html");
    assert!(message.contains("WARC") && message.contains("gleaner batch"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Reader comments

#[test]
fn comments_stay_out_of_the_text_unless_asked_for_and_then_follow_a_separator() {
    let page = fixture("pages/comment-thread/source.html");
    let page = page.to_str().expect("UTF-8 path");
    let plain = gleaner(&[page]);
    assert!(plain.success(), "{}", plain.stderr);
    assert!(!plain.stdout.contains("wood chip") && !plain.stdout.contains("---"), "{}", plain.stdout);
    let json: Value = serde_json::from_str(&gleaner(&["-f", "json", page]).stdout).expect("JSON");
    assert!(json.get("comments").is_none(), "no comments key unless asked for: {json}");

    let text = gleaner(&["--comments", page]);
    let (article, thread) = text.stdout.split_once("\n\n---\n\n").expect("a separator line before the comments");
    assert_eq!(article, plain.stdout.trim_end());
    assert!(thread.starts_with("Tom Reeve · 2024-05-12T19:04:11+01:00\nSame story on plot 14."), "{thread}");
    assert!(thread.contains("Priya · 2024-05-14T12:10:40+01:00"), "{thread}");

    let markdown = gleaner(&["--comments", "-f", "markdown", page]).stdout;
    assert!(markdown.contains("\n\n---\n\n## Comments\n\n**Tom Reeve** · 2024-05-12T19:04:11+01:00\n\nSame story"), "{markdown}");

    let json: Value = serde_json::from_str(&gleaner(&["--comments", "-f", "json", page]).stdout).expect("JSON");
    let authors: Vec<&str> = json["comments"].as_array().expect("a comments array").iter().map(|c| c["author"].as_str().unwrap_or("")).collect();
    assert_eq!(authors, ["Tom Reeve", "Margaret Hale", "Priya"]);
}

#[test]
fn headline_flag_leads_the_text_with_the_title() {
    let page = fixture_str("pages/comment-thread/source.html");
    let plain = gleaner(&[&page]).stdout;
    let led = gleaner(&["--headline", &page]).stdout;
    assert_eq!(led, format!("Why our allotment gave up on raised beds\n\n{plain}"));
    let markdown = gleaner(&["--headline", "-f", "markdown", &page]).stdout;
    assert!(markdown.starts_with("# Why our allotment gave up on raised beds\n\nThree winters ago"), "{markdown}");
}
