//! Tests of `gleaner batch`: every kind of input, one record per input in input order, the
//! polite fetcher against a local server (redirects, error statuses, retries, timeouts, a gzip
//! bomb, robots.txt, per-host limits read from the server's timestamps), and `--resume`.
//!
//! URL tests talk only to `tests/common/server.rs` on 127.0.0.1. Delays and timeouts are shrunk
//! with the command's options so that the suite takes seconds.
//!
//! No test depends on the machine's speed: times are checked only as lower bounds that the
//! code under test enforces by waiting (a slow machine only waits longer), never as upper
//! bounds; the precise gaps, connection counts and backoffs are unit tests on paused tokio
//! time (`src/batch/hosts.rs`, `src/batch/retry.rs`), and the watchdog's is a unit test on an
//! injected clock (`src/batch/pipeline.rs`).

mod common;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::server::{Response, Server};
use serde_json::Value;

/// Options that keep URL tests fast: no gap between requests to the test server, short waits.
const FAST: &[&str] = &["--host-delay", "0", "--backoff", "0.05", "--timeout", "2", "--connect-timeout", "1"];

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn records(&self) -> Vec<Value> {
        self.stdout.lines().map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("not a JSON line ({err}): {line}"))).collect()
    }

    fn only_record(&self) -> Value {
        let records = self.records();
        assert_eq!(records.len(), 1, "one record: {}\n{}", self.stdout, self.stderr);
        records.into_iter().next().expect("one record")
    }
}

fn batch_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gleaner"));
    command.arg("batch").args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    for var in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
        command.env_remove(var);
    }
    command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = command.spawn().expect("run gleaner batch");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(bytes).expect("write stdin");
    }
    let output = child.wait_with_output().expect("wait for gleaner");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn batch(args: &[&str]) -> Run {
    batch_with_stdin(args, None)
}

/// Fetches `path` from `server` with the fast options (robots.txt obeyed unless told).
fn fetch(server: &Server, path: &str, extra: &[&str]) -> Value {
    let url = server.url(path);
    let mut args: Vec<&str> = FAST.to_vec();
    args.extend_from_slice(extra);
    args.push(&url);
    batch(&args).only_record()
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(path)
}

fn page() -> Vec<u8> {
    std::fs::read(fixture("pages/blog-post/source.html")).expect("fixture")
}

/// A small page the extractor keeps, different for each `n`.
fn small_page(n: usize) -> String {
    format!(
        "<html><head><title>Page {n}</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Page {n}</h1>\
         <p>Paragraph {n} tells of the harbour town where the ferries run twice a day and the bakery opens at six.</p>\
         <p>The second paragraph of page {n} describes the market square and the old clock tower beside it.</p>\
         </article></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn ids(records: &[Value]) -> Vec<String> {
    records.iter().map(|record| record["id"].as_str().expect("id").to_string()).collect()
}

fn kind(record: &Value) -> &str {
    record["error"]["kind"].as_str().unwrap_or("")
}

// ---------------------------------------------------------------------------------------------
// Inputs and records

#[test]
fn thousand_mixed_file_inputs_give_one_record_each_in_input_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut list = String::from("# the inputs\n");
    let mut expected = Vec::new();
    for n in 0..1000 {
        let path = dir.path().join(format!("p{n}.html"));
        match n % 5 {
            0 | 1 => std::fs::write(&path, small_page(n)).expect("write"),
            2 => std::fs::write(&path, gzip(small_page(n).as_bytes())).expect("write"),
            3 => std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write"),
            _ => {} // missing
        }
        let path = path.to_str().expect("UTF-8").to_string();
        list.push_str(&path);
        list.push('\n');
        expected.push(path);
    }
    let list_path = dir.path().join("list.txt");
    std::fs::write(&list_path, list).expect("write list");
    let run = batch(&["--jobs", "2", list_path.to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(1), "some inputs failed: {}", run.stderr);
    let records = run.records();
    assert_eq!(ids(&records), expected, "one record per input, in input order");
    for (n, record) in records.iter().enumerate() {
        let want = match n % 5 {
            0..=2 => "",
            3 => "not_html",
            _ => "not_found",
        };
        assert_eq!(kind(record), want, "record {n}: {record}");
        assert_eq!(record["ok"], want.is_empty());
        if want.is_empty() {
            assert!(record["text"].as_str().is_some_and(|text| text.contains(&format!("Paragraph {n} tells"))), "{record}");
        }
    }
    assert!(run.stderr.contains("1000 inputs: 600 ok, 400 failed (not_found 200, not_html 200)"), "summary: {}", run.stderr);
}

#[test]
fn unordered_output_still_has_every_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in 0..30 {
        std::fs::write(dir.path().join(format!("{n:02}.html")), small_page(n)).expect("write");
    }
    let run = batch(&["--unordered", "--jobs", "2", dir.path().to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let got: HashSet<String> = ids(&run.records()).into_iter().collect();
    assert_eq!(got.len(), 30);
}

#[test]
fn a_page_without_content_fails_with_its_metadata_in_the_record() {
    let path = fixture("bad/player-only.html");
    let run = batch(&[path.to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(1), "a failed input makes the run fail: {}", run.stderr);
    let record = run.only_record();
    assert_eq!(record["ok"], false);
    assert_eq!(kind(&record), "no_content");
    assert_eq!(record["title"], "Watch: the harbour bridge opens to traffic");
    assert_eq!(record["date_published"], "2025-06-14T09:30:00+01:00");
    assert_eq!(record["language"], "en-GB");
    assert_eq!(record["site_name"], "Coastline Daily");
    assert!(record.get("text").is_none(), "no text on a failure: {record}");
    let line = run.stdout.lines().next().expect("a line");
    assert!(line.find("\"error\"") < line.find("\"title\""), "the error comes before the metadata: {line}");
}

#[test]
fn a_directory_is_walked_for_page_files_in_name_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("b/deeper")).expect("mkdir");
    std::fs::write(dir.path().join("a.html"), small_page(1)).expect("write");
    std::fs::write(dir.path().join("b/deeper/c.htm"), small_page(2)).expect("write");
    std::fs::write(dir.path().join("b/d.html.gz"), gzip(small_page(3).as_bytes())).expect("write");
    std::fs::write(dir.path().join("b/notes.txt"), "not a page").expect("write");
    let root = dir.path().to_str().expect("UTF-8");
    let run = batch(&[root]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let expected: Vec<String> = ["a.html", "b/d.html.gz", "b/deeper/c.htm"].iter().map(|name| format!("{root}/{name}")).collect();
    assert_eq!(ids(&run.records()), expected);
    // The same files through a glob pattern.
    let pattern = format!("{root}/b/*.gz");
    assert_eq!(ids(&batch(&[&pattern]).records()), [format!("{root}/b/d.html.gz")]);
}

#[test]
fn jsonl_filter_from_stdin_to_stdout_keeps_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("page.html");
    std::fs::write(&file, small_page(7)).expect("write");
    let lines = [
        serde_json::json!({"id": "first", "url": "https://example.org/news/1", "html": small_page(1)}),
        serde_json::json!({"id": 2, "path": file.to_str().expect("UTF-8")}),
        serde_json::json!({"html": small_page(3)}),
    ];
    let input: String = lines.iter().map(|line| format!("{line}\n")).collect();
    let run = batch_with_stdin(&["--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let records = run.records();
    assert_eq!(ids(&records), ["first", "2", "-:3"]);
    assert_eq!(records[0]["url"], "https://example.org/news/1");
    assert_eq!(records[0]["input"], "-:1");
    assert!(records.iter().all(|record| record["ok"] == true));
    assert!(records[1]["text"].as_str().is_some_and(|text| text.contains("Paragraph 7")));

    let bad = batch_with_stdin(&["--jsonl"], Some(b"{\"id\": \"x\", \"html\": \"\"}\nnot json\n"));
    assert_eq!(bad.code, Some(1));
    let records = bad.records();
    assert_eq!(records.len(), 2);
    assert_eq!(kind(&records[0]), "empty");
    assert_eq!(kind(&records[1]), "bad_input");
}

#[test]
fn a_fuzzed_jsonl_file_gives_one_record_with_a_distinct_id_per_line() {
    // Found by the `jsonl` fuzz target: a line with a blank "url" and no id gave an empty id.
    let path = fixture("bad/fuzz-jsonl-blank-id.jsonl");
    let bytes = std::fs::read(&path).expect("fixture");
    let lines = bytes.split(|&b| b == b'\n').filter(|line| !line.is_empty()).count();
    let run = batch(&["--jsonl", "--ignore-robots", "--retries", "0", "--timeout", "1", path.to_str().expect("UTF-8")]);
    let records = run.records();
    assert_eq!(records.len(), lines, "{}", run.stderr);
    let ids = ids(&records);
    assert!(ids.iter().all(|id| !id.trim().is_empty()), "{ids:?}");
    assert!(records.iter().all(|record| record["ok"] == false), "no line is a usable page");
}

// ---------------------------------------------------------------------------------------------
// Fetching

#[test]
fn fetched_page_record_has_urls_and_status() {
    let server = Server::start(vec![("/story", Response::html(page()))]);
    let record = fetch(&server, "/story", &[]);
    assert_eq!(record["ok"], true, "{record}");
    assert_eq!(record["url"], server.url("/story"));
    assert_eq!(record["final_url"], server.url("/story"));
    assert_eq!(record["status"], 200);
    assert_eq!(record["title"], "Why my sourdough stopped rising (and how I fixed it)");
}

#[test]
fn redirect_chain_is_followed_and_a_loop_fails() {
    let server = Server::start(vec![
        ("/old", Response::redirect(301, "/moved")),
        ("/moved", Response::redirect(302, "/story")),
        ("/story", Response::html(page())),
        ("/a", Response::redirect(302, "/b")),
        ("/b", Response::redirect(302, "/a")),
    ]);
    let record = fetch(&server, "/old", &[]);
    assert_eq!(record["ok"], true, "{record}");
    assert_eq!(record["url"], server.url("/old"));
    assert_eq!(record["final_url"], server.url("/story"));
    let record = fetch(&server, "/a", &[]);
    assert_eq!(kind(&record), "network", "{record}");
    assert!(record["error"]["message"].as_str().is_some_and(|m| m.contains("redirect")), "{record}");
    let requests = server.hits().iter().filter(|hit| hit.path == "/a" || hit.path == "/b").count();
    assert_eq!(requests, 2, "the loop is seen at once, not followed ten times");
}

#[test]
fn not_found_is_an_http_status_with_its_code() {
    let server = Server::start(vec![]);
    let record = fetch(&server, "/missing", &[]);
    assert_eq!(kind(&record), "http_status");
    assert_eq!(record["status"], 404);
}

#[test]
fn gone_is_an_http_status_and_not_retried() {
    let server = Server::start(vec![("/gone", Response::html("gone").with_status(410))]);
    let record = fetch(&server, "/gone", &[]);
    assert_eq!(kind(&record), "http_status", "{record}");
    assert_eq!(record["status"], 410);
    assert_eq!(server.hits().iter().filter(|hit| hit.path == "/gone").count(), 1, "a 410 is final");
}

#[test]
fn retry_after_is_honoured_and_a_long_one_is_not_waited_for() {
    let server = Server::start_sequences(vec![
        ("/busy", vec![Response::html("busy").with_status(429).with_header("Retry-After", "1"), Response::html(page())]),
        ("/down", vec![Response::html("down").with_status(503).with_header("Retry-After", "120")]),
    ]);
    let started = Instant::now();
    let record = fetch(&server, "/busy", &[]);
    assert_eq!(record["ok"], true, "{record}");
    // A lower bound, which the fetcher's own wait enforces: a slow machine only waits longer.
    assert!(started.elapsed() >= Duration::from_secs(1), "waited as asked");
    assert_eq!(server.hits().iter().filter(|hit| hit.path == "/busy").count(), 2);
    // 120 s is over --max-retry-after (60 s): the 503 is the answer, not retried (that no
    // wait comes first is `retry_after_over_the_longest_honoured_is_not_waited_for`).
    let record = fetch(&server, "/down", &[]);
    assert_eq!(kind(&record), "http_status");
    assert_eq!(record["status"], 503);
    assert_eq!(server.hits().iter().filter(|hit| hit.path == "/down").count(), 1);
}

#[test]
fn server_error_then_success_is_retried() {
    let server = Server::start_sequences(vec![(
        "/flaky",
        vec![Response::html("oops").with_status(500), Response::html("oops").with_status(502), Response::html(page())],
    )]);
    let record = fetch(&server, "/flaky", &[]);
    assert_eq!(record["ok"], true, "{record}");
    let record = fetch(&server, "/flaky", &["--retries", "0"]);
    assert_eq!(record["ok"], true, "the route now answers 200: {record}");

    let server = Server::start_sequences(vec![("/flaky", vec![Response::html("oops").with_status(500), Response::html(page())])]);
    let record = fetch(&server, "/flaky", &["--retries", "0"]);
    assert_eq!(kind(&record), "http_status", "no retry asked for: {record}");
}

#[test]
fn a_server_that_never_answers_is_a_timeout() {
    // The server would answer after ten minutes; only the client's timeout ends the wait.
    let server = Server::start(vec![("/silent", Response::html(page()).with_delay(Duration::from_secs(600)))]);
    let record = fetch(&server, "/silent", &["--timeout", "0.5", "--ignore-robots"]);
    assert_eq!(kind(&record), "timeout", "{record}");
}

#[test]
fn a_body_trickling_one_byte_per_second_is_a_timeout() {
    // The head comes at once, the body would take hours: the timeout covers the body too.
    let server = Server::start(vec![("/slow", Response::html(page()).with_trickle(Duration::from_secs(1)))]);
    let record = fetch(&server, "/slow", &["--timeout", "1.5", "--ignore-robots"]);
    assert_eq!(kind(&record), "timeout", "{record}");
}

#[test]
fn a_lying_content_length_fails_cleanly_or_is_read_to_its_word() {
    let body = page();
    let server = Server::start(vec![
        // Promises more than it sends, then closes: the page is cut short.
        ("/short", Response::html(body.clone()).with_declared_length(body.len() + 5000)),
        // Promises a body far over the cap: refused before it is read.
        ("/huge", Response::html(body.clone()).with_declared_length(50_000_000_000)),
        // Promises less than it sends: only the promised bytes are the page.
        ("/long", Response::html([body.clone(), b"<p>TRAILING BYTES PAST THE LENGTH</p>".to_vec()].concat()).with_declared_length(body.len())),
    ]);
    let short = fetch(&server, "/short", &["--retries", "0"]);
    assert_eq!(kind(&short), "network", "{short}");
    assert!(short["error"]["message"].as_str().unwrap_or_default().contains("/short"), "{short}");
    let huge = fetch(&server, "/huge", &["--max-bytes", "1000000"]);
    assert_eq!(kind(&huge), "too_large", "{huge}");
    let long = fetch(&server, "/long", &[]);
    assert_eq!(long["ok"], true, "{long}");
    assert!(!long["text"].as_str().unwrap_or_default().contains("TRAILING"), "{long}");
}

#[test]
fn a_gzip_bomb_stops_at_the_cap() {
    let bomb = gzip(&vec![b' '; 8 * 1024 * 1024]);
    let server = Server::start(vec![("/bomb", Response::html(bomb).with_header("Content-Encoding", "gzip"))]);
    let record = fetch(&server, "/bomb", &["--max-bytes", "1000000"]);
    assert_eq!(kind(&record), "too_large", "{record}");
}

#[test]
fn a_non_html_content_type_is_not_html() {
    let server = Server::start(vec![("/logo.png", Response::ok("image/png", b"\x89PNG\r\n\x1a\n".to_vec()))]);
    let record = fetch(&server, "/logo.png", &[]);
    assert_eq!(kind(&record), "not_html", "{record}");
    assert_eq!(record["status"], 200);
}

#[test]
fn robots_txt_is_obeyed_unless_ignored() {
    let robots = "User-agent: *\nDisallow: /private/\n";
    let server = Server::start(vec![
        ("/robots.txt", Response::ok("text/plain", robots)),
        ("/private/page", Response::html(page())),
        ("/public/page", Response::html(page())),
    ]);
    let record = fetch(&server, "/private/page", &[]);
    assert_eq!(kind(&record), "robots_denied", "{record}");
    assert_eq!(fetch(&server, "/public/page", &[])["ok"], true);
    assert_eq!(fetch(&server, "/private/page", &["--ignore-robots"])["ok"], true);
    assert!(server.hits().iter().filter(|hit| hit.path == "/private/page").count() == 1, "fetched only when ignored");

    // robots.txt answering 5xx disallows everything; 404 allows everything.
    let broken = Server::start(vec![("/robots.txt", Response::html("").with_status(500)), ("/page", Response::html(page()))]);
    assert_eq!(kind(&fetch(&broken, "/page", &["--retries", "0"])), "robots_denied");
    let none = Server::start(vec![("/page", Response::html(page()))]);
    assert_eq!(fetch(&none, "/page", &[])["ok"], true);
}

#[test]
fn robots_txt_names_us_by_our_product_token_and_its_crawl_delay_spaces_our_requests() {
    const PAGES: usize = 4;
    const CRAWL_DELAY: Duration = Duration::from_millis(300);
    // Everyone else is disallowed; `gleaner/1.0` is gleaner's group (RFC 9309: the product
    // token), which asks for 0.3 s between requests.
    let robots = "User-agent: *\nDisallow: /\n\nUser-agent: gleaner/1.0\nAllow: /\nCrawl-delay: 0.3\n";
    let mut routes = vec![("/robots.txt".to_string(), Response::ok("text/plain", robots))];
    routes.extend((0..PAGES).map(|n| (format!("/p{n}"), Response::html(small_page(n)))));
    let server = Server::start(routes.iter().map(|(path, response)| (path.as_str(), response.clone())).collect());
    let urls: Vec<String> = (0..PAGES).map(|n| server.url(&format!("/p{n}"))).collect();
    let mut args: Vec<&str> = FAST.to_vec();
    args.extend(urls.iter().map(String::as_str));
    let started = Instant::now();
    let run = batch(&args);
    assert!(run.records().iter().all(|record| record["ok"] == true), "{}", run.stdout);
    // --host-delay 0, but the crawl delay holds: a lower bound, which only waiting can meet.
    let last = server.hits().iter().filter(|hit| hit.path != "/robots.txt").map(|hit| hit.start).max().expect("hits");
    assert!(last - started >= CRAWL_DELAY * (PAGES as u32 - 1), "{PAGES} pages in {:?}", last - started);
}

#[test]
fn robots_txt_is_fetched_once_per_host() {
    let server = Server::start(vec![("/robots.txt", Response::ok("text/plain", "User-agent: *\nAllow: /\n"))]);
    let urls: Vec<String> = (0..5).map(|n| server.url(&format!("/p{n}"))).collect();
    let mut args: Vec<&str> = FAST.to_vec();
    args.extend(urls.iter().map(String::as_str));
    let run = batch(&args);
    assert_eq!(run.records().len(), 5);
    assert_eq!(server.hits().iter().filter(|hit| hit.path == "/robots.txt").count(), 1);
}

#[test]
fn one_host_gets_at_most_its_connections_and_its_gap() {
    const PAGES: usize = 50;
    const GAP: Duration = Duration::from_millis(50);
    let routes: Vec<(String, Response)> = (0..PAGES).map(|n| (format!("/p{n}"), Response::html(small_page(n)).with_delay(Duration::from_millis(80)))).collect();
    let server = Server::start(routes.iter().map(|(path, response)| (path.as_str(), response.clone())).collect());
    let urls: Vec<String> = (0..PAGES).map(|n| server.url(&format!("/p{n}"))).collect();
    let mut args = vec!["--host-connections", "2", "--host-delay", "0.05", "--ignore-robots", "--concurrency", "8"];
    args.extend(urls.iter().map(String::as_str));
    let started = Instant::now();
    let run = batch(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let hits = server.hits();
    assert_eq!(hits.len(), PAGES);
    // Only what a slow machine cannot break: the starts are at least a gap apart, so the last
    // request came no sooner than (PAGES - 1) gaps after the run began; and the server never
    // held more requests at once than the client may open (see `Server::most_held_at_once`).
    // The exact gaps and slots are `src/batch/hosts.rs`'s tests, on paused time.
    let last = hits.iter().map(|hit| hit.start).max().expect("hits");
    assert!(last - started >= GAP * (PAGES as u32 - 1), "{PAGES} requests in {:?}", last - started);
    assert!(server.most_held_at_once() <= 2, "{} requests open at once", server.most_held_at_once());
}

// ---------------------------------------------------------------------------------------------
// Output file and resume

#[test]
fn resume_completes_an_interrupted_output_without_duplicates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).expect("mkdir");
    for n in 0..20 {
        std::fs::write(pages.join(format!("{n:02}.html")), small_page(n)).expect("write");
    }
    let pages = pages.to_str().expect("UTF-8");
    let output = dir.path().join("out.jsonl");
    let output_str = output.to_str().expect("UTF-8");
    let full = batch(&["--output", output_str, pages]);
    assert_eq!(full.code, Some(0), "{}", full.stderr);
    assert!(full.stdout.is_empty(), "records go to --output");
    let complete = std::fs::read_to_string(&output).expect("read");
    let expected = ids(&complete.lines().map(|line| serde_json::from_str(line).expect("JSON")).collect::<Vec<Value>>());
    assert_eq!(expected.len(), 20);

    // An interruption after seven records and a half.
    let cut: usize = complete.lines().take(7).map(|line| line.len() + 1).sum::<usize>() + 40;
    std::fs::write(&output, &complete[..cut]).expect("cut");
    let resumed = batch(&["--output", output_str, "--resume", pages]);
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    assert!(resumed.stderr.contains("7 inputs already done"), "{}", resumed.stderr);
    let after = std::fs::read_to_string(&output).expect("read");
    let records: Vec<Value> = after.lines().map(|line| serde_json::from_str(line).expect("every line is whole")).collect();
    assert_eq!(ids(&records), expected, "the set completed in order, no duplicates");
}

#[test]
fn ctrl_c_ends_on_a_whole_record_and_resume_finishes_the_set() {
    const PAGES: usize = 20;
    let routes: Vec<(String, Response)> =
        (0..PAGES).map(|n| (format!("/p{n}"), Response::html(small_page(n)).with_delay(Duration::from_millis(100)))).collect();
    let server = Server::start(routes.iter().map(|(path, response)| (path.as_str(), response.clone())).collect());
    let dir = tempfile::tempdir().expect("temp dir");
    let list = dir.path().join("urls.txt");
    let urls: Vec<String> = (0..PAGES).map(|n| server.url(&format!("/p{n}"))).collect();
    std::fs::write(&list, urls.join("\n")).expect("write list");
    let output = dir.path().join("out.jsonl");
    let args = ["batch", "--ignore-robots", "--host-delay", "0", "--concurrency", "1", "-o", output.to_str().expect("UTF-8"), list.to_str().expect("UTF-8")];

    let mut child = Command::new(env!("CARGO_BIN_EXE_gleaner")).args(args).stderr(Stdio::piped()).spawn().expect("run");
    let started = Instant::now();
    while std::fs::read_to_string(&output).map_or(0, |text| text.lines().count()) < 2 {
        // A hang guard, not a timing test: two records take well under a second.
        assert!(started.elapsed() < Duration::from_secs(300), "no records were written");
        std::thread::sleep(Duration::from_millis(20));
    }
    let interrupted = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill -INT");
    assert!(interrupted.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(130), "Ctrl-C exits with 130");
    let cut = std::fs::read_to_string(&output).expect("read");
    assert!(cut.ends_with('\n'), "the output ends on a whole line");
    let done = cut.lines().count();
    assert!(done < PAGES, "interrupted before the end ({done} records)");

    let mut resume = args.to_vec();
    resume.insert(1, "--resume");
    let resumed = batch(&resume[1..]);
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    let text = std::fs::read_to_string(&output).expect("read");
    let records: Vec<Value> = text.lines().map(|line| serde_json::from_str(line).expect("whole lines")).collect();
    assert_eq!(ids(&records), urls, "every URL once, in order");
}

#[test]
fn on_a_terminal_the_progress_bar_shows_done_out_of_the_total_and_the_time_left() {
    // A pseudo-terminal from `script` (util-linux, in Debian's essential set).
    const PAGES: usize = 12;
    let routes: Vec<(String, Response)> =
        (0..PAGES).map(|n| (format!("/p{n}"), Response::html(small_page(n)).with_delay(Duration::from_millis(100)))).collect();
    let server = Server::start(routes.iter().map(|(path, response)| (path.as_str(), response.clone())).collect());
    let dir = tempfile::tempdir().expect("temp dir");
    let list = dir.path().join("urls.txt");
    std::fs::write(&list, (0..PAGES).map(|n| server.url(&format!("/p{n}"))).collect::<Vec<_>>().join("\n")).expect("write");
    let output = dir.path().join("out.jsonl");
    let command = format!("{} batch --ignore-robots --host-delay 0 --concurrency 1 -o {} {}", env!("CARGO_BIN_EXE_gleaner"), output.display(), list.display());
    let screen = on_a_terminal(&command, dir.path());
    assert!(screen.contains(&format!("/{PAGES} done")), "no done/total in {screen:?}");
    assert!(screen.contains("ETA") && screen.contains("pages/s") && screen.contains("0 failed"), "{screen:?}");
    assert!(screen.contains(&format!("{PAGES} inputs: {PAGES} ok")), "the summary follows: {screen:?}");
    assert_eq!(std::fs::read_to_string(&output).expect("output").lines().count(), PAGES);
}

#[test]
fn output_dir_gets_one_readable_file_per_page_and_an_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("a")).expect("mkdir");
    let first = dir.path().join("a/x.html");
    let second = dir.path().join("a-x.html");
    std::fs::write(&first, small_page(1)).expect("write");
    std::fs::write(&second, small_page(2)).expect("write");
    let (first, second) = (first.to_str().expect("UTF-8"), second.to_str().expect("UTF-8"));
    let out = dir.path().join("out");
    let out_str = out.to_str().expect("UTF-8");
    let run = batch(&["--output-dir", out_str, "--format", "markdown", first, second, "missing.html"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let index: Vec<Value> =
        std::fs::read_to_string(out.join("index.jsonl")).expect("index").lines().map(|line| serde_json::from_str(line).expect("JSON")).collect();
    assert_eq!(ids(&index), [first, second, "missing.html"]);
    let files: Vec<&str> = index[..2].iter().map(|entry| entry["file"].as_str().expect("file")).collect();
    assert_ne!(files[0], files[1], "the same stem gets two names");
    assert!(files.iter().all(|name| name.ends_with("a-x-html.md") || name.ends_with("a-x-html-2.md")), "{files:?}");
    let markdown = std::fs::read_to_string(out.join(files[1])).expect("page file");
    assert!(markdown.starts_with("# Page 2"), "{markdown}");
    assert_eq!(index[2]["file"], Value::Null);
    assert_eq!(kind(&index[2]), "not_found");

    // Resuming keeps the names taken and adds only what is missing.
    let extra = dir.path().join("b.html");
    std::fs::write(&extra, small_page(3)).expect("write");
    let extra = extra.to_str().expect("UTF-8");
    let resumed = batch(&["--output-dir", out_str, "--resume", first, second, extra]);
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    let lines = std::fs::read_to_string(out.join("index.jsonl")).expect("index").lines().count();
    assert_eq!(lines, 4);
}

// ---------------------------------------------------------------------------------------------
// WARC input

/// One WARC record; `block` is the record's content (its Content-Length is counted here).
fn warc_record(warc_type: &str, id: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2026-01-02T03:04:05Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

/// A crawl of five pages as WARC records (each a separate `Vec`, so that the test can gzip them
/// one by one): warcinfo, a request, a windows-1251 page whose charset is only in the HTTP
/// header, its metadata, a chunked and gzipped page, a revisit, a 404, an image, and a last
/// response cut short.
fn crawl() -> Vec<Vec<u8>> {
    const HTTP: &str = "application/http; msgtype=response";
    let cyrillic = "<html><head><title>Новости города</title></head><body><article><h1>Новости города</h1>\
        <p>В четверг в городе открылся новый мост через реку, и жители первыми прошли по нему пешком.</p>\
        <p>Строительство моста заняло три года; теперь дорога до вокзала занимает десять минут.</p>\
        </article></body></html>";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(cyrillic);
    let page_two = gzip(small_page(2).as_bytes());
    let mut chunked = Vec::new();
    for piece in page_two.chunks(100) {
        chunked.extend(format!("{:x}\r\n", piece.len()).bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let cut = warc_record("response", "9", "http://example.test/cut", HTTP, &http_response("Content-Type: text/html\r\n", small_page(9).as_bytes()));
    vec![
        warc_record("warcinfo", "0", "", "application/warc-fields", b"software: gleaner-test\r\n"),
        warc_record("request", "1", "http://example.test/ru", "application/http; msgtype=request", b"GET /ru HTTP/1.1\r\nHost: example.test\r\n\r\n"),
        warc_record("response", "2", "http://example.test/ru", HTTP, &http_response("Content-Type: text/html; charset=windows-1251\r\n", &cp1251)),
        warc_record("metadata", "3", "http://example.test/ru", "application/warc-fields", b"via: http://example.test/\r\n"),
        warc_record(
            "response",
            "4",
            "http://example.test/two",
            HTTP,
            &http_response("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", &chunked),
        ),
        warc_record("revisit", "5", "http://example.test/two", HTTP, b"HTTP/1.1 200 OK\r\n\r\n"),
        warc_record("response", "6", "http://example.test/gone", HTTP, b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"),
        warc_record("response", "7", "http://example.test/logo.png", HTTP, &http_response("Content-Type: image/png\r\n", b"\x89PNG\r\n")),
        cut[..cut.len() - 40].to_vec(),
    ]
}

fn check_crawl_records(run: &Run, file: &str) {
    assert_eq!(run.code, Some(1), "failures make the exit code 1: {}", run.stderr);
    let records = run.records();
    assert_eq!(ids(&records), ["urn:uuid:2", "urn:uuid:4", "urn:uuid:6", "urn:uuid:7", &format!("{file}:9")], "{}", run.stdout);
    let inputs: Vec<&str> = records.iter().map(|record| record["input"].as_str().expect("input")).collect();
    assert_eq!(inputs, [3, 5, 7, 8, 9].map(|n| format!("{file}:{n}")));

    let russian = &records[0];
    assert_eq!(russian["ok"], true, "{russian}");
    assert_eq!(russian["url"], "http://example.test/ru");
    assert_eq!(russian["status"], 200);
    assert_eq!(russian["title"], "Новости города");
    assert_eq!(russian["encoding"], serde_json::json!({"name": "windows-1251", "source": "http"}));
    assert!(russian["text"].as_str().is_some_and(|text| text.contains("новый мост")), "{russian}");

    let chunked = &records[1];
    assert_eq!(chunked["ok"], true, "{chunked}");
    assert_eq!(chunked["title"], "Page 2");

    assert_eq!((kind(&records[2]), &records[2]["status"]), ("http_status", &Value::from(404)));
    assert_eq!(kind(&records[3]), "not_html");
    assert_eq!(kind(&records[4]), "bad_warc");
    assert!(records[4]["error"]["message"].as_str().is_some_and(|message| message.contains("truncated")), "{}", records[4]);
}

#[test]
fn warc_response_records_are_the_inputs_and_a_truncated_one_fails_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, crawl().concat()).expect("write");
    let file = path.to_str().expect("UTF-8");
    check_crawl_records(&batch(&["--warc", file]), file);
}

#[test]
fn warc_gz_is_read_gzipped_per_record_or_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let per_record = dir.path().join("per-record.warc.gz");
    std::fs::write(&per_record, crawl().iter().map(|record| gzip(record)).collect::<Vec<_>>().concat()).expect("write");
    let whole = dir.path().join("whole.warc.gz");
    std::fs::write(&whole, gzip(&crawl().concat())).expect("write");
    for path in [per_record, whole] {
        let file = path.to_str().expect("UTF-8");
        check_crawl_records(&batch(&["--warc", file]), file);
    }
}

#[test]
fn warc_from_stdin_and_a_missing_file() {
    let run = batch_with_stdin(&["--warc", "-", "missing.warc.gz"], Some(&crawl()[..3].concat()));
    let records = run.records();
    assert_eq!(ids(&records), ["urn:uuid:2", "missing.warc.gz"], "{}", run.stdout);
    assert_eq!(records[0]["input"], "-:3");
    assert_eq!(kind(&records[1]), "not_found");
}

#[test]
fn a_warc_gz_cut_inside_its_gzip_keeps_the_records_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cut.warc.gz");
    let mut members: Vec<Vec<u8>> = crawl()[..5].iter().map(|record| gzip(record)).collect();
    let last = members.pop().expect("a member");
    members.push(last[..last.len() / 2].to_vec());
    std::fs::write(&path, members.concat()).expect("write");
    let file = path.to_str().expect("UTF-8");
    let run = batch(&["--warc", file]);
    let records = run.records();
    assert_eq!(ids(&records), ["urn:uuid:2".to_string(), format!("{file}:5")], "{}", run.stdout);
    assert_eq!(records[0]["ok"], true);
    assert_eq!(kind(&records[1]), "bad_warc");
}

#[test]
fn a_page_over_the_time_budget_is_a_timeout_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.html");
    let paragraphs: String = (0..40_000).map(|n| format!("<div><p>Paragraph {n} of a very long page.</p></div>")).collect();
    std::fs::write(&big, format!("<html><body><article>{paragraphs}</article></body></html>")).expect("write");
    let small = dir.path().join("small.html");
    std::fs::write(&small, small_page(1)).expect("write");
    let (big, small) = (big.to_str().expect("UTF-8"), small.to_str().expect("UTF-8"));
    // A budget of a nanosecond is spent by the first stage on any machine (decoding 2 MB).
    let run = batch(&["--jobs", "1", "--time-budget", "0.000000001", big, "missing.html"]);
    let records = run.records();
    assert_eq!(ids(&records), [big, "missing.html"], "{}", run.stdout);
    assert_eq!(kind(&records[0]), "timeout", "{}", run.stdout);
    assert!(records[0]["error"]["message"].as_str().unwrap_or_default().contains("stopped in decode"), "{}", run.stdout);
    // The next input is not held behind the timed-out one.
    assert_eq!(kind(&records[1]), "not_found", "{}", run.stdout);
    // With no budget (and so no watchdog), both pages come through, in order, however slow
    // the machine.
    let run = batch(&["--jobs", "1", "--time-budget", "0", big, small]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(ids(&run.records()), [big, small]);
}

#[test]
fn the_deprecated_doc_timeout_is_the_time_budget() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, small_page(1)).expect("write");
    let page = page.to_str().expect("UTF-8");
    let run = batch(&["--doc-timeout", "0.000000001", page]);
    assert_eq!(kind(&run.only_record()), "timeout", "{}", run.stdout);
    assert!(run.stderr.contains("--doc-timeout is deprecated") && run.stderr.contains("taken as --time-budget"), "{}", run.stderr);
    let run = batch(&["--doc-timeout", "0.000000001", "--time-budget", "0", page]);
    assert_eq!(run.only_record()["ok"], true, "{}", run.stdout);
    assert!(run.stderr.contains("ignored, as --time-budget is given"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// What a new user ran into

/// Runs `gleaner batch` in `dir` (for relative paths).
fn batch_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gleaner"))
        .arg("batch")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run gleaner batch");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn a_warc_file_is_read_as_warc_without_the_flag() {
    // Found by a new user: `.warc.gz` gave its first page only, `.warc` was read as a URL list.
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("crawl.warc");
    std::fs::write(&plain, crawl().concat()).expect("write");
    let per_record = dir.path().join("per-record.warc.gz");
    std::fs::write(&per_record, crawl().iter().map(|record| gzip(record)).collect::<Vec<_>>().concat()).expect("write");
    // Recognised by its content whatever its name.
    let unnamed = dir.path().join("crawl.dat");
    std::fs::write(&unnamed, gzip(&crawl().concat())).expect("write");
    for path in [plain, per_record, unnamed] {
        let file = path.to_str().expect("UTF-8");
        check_crawl_records(&batch(&[file]), file);
    }
    // In a directory too.
    let walked = dir.path().join("walked");
    std::fs::create_dir(&walked).expect("mkdir");
    let inside = walked.join("a.warc.gz");
    std::fs::write(&inside, gzip(&crawl().concat())).expect("write");
    check_crawl_records(&batch(&[walked.to_str().expect("UTF-8")]), inside.to_str().expect("UTF-8"));
    // And on standard input.
    let run = batch_with_stdin(&[], Some(&gzip(&crawl()[..3].concat())));
    assert_eq!(ids(&run.records()), ["urn:uuid:2"], "{}", run.stdout);
}

#[test]
fn a_page_with_a_byte_order_mark_is_a_page_not_a_list() {
    // Found by a new user: `bom.php` was read as a list of paths.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bom.php");
    std::fs::write(&path, format!("\u{feff}{}", small_page(1))).expect("write");
    let file = path.to_str().expect("UTF-8");
    let record = batch(&[file]).only_record();
    assert_eq!(record["id"], file);
    assert_eq!(record["ok"], true, "{record}");
    assert_eq!(record["title"], "Page 1");
}

#[test]
fn html_piped_to_batch_is_one_page() {
    // Found by a new user: every line of the page was taken as a path.
    for stdin in [small_page(1).into_bytes(), format!("\u{feff}\n  {}", small_page(1)).into_bytes(), gzip(small_page(1).as_bytes())] {
        let run = batch_with_stdin(&[], Some(&stdin));
        let record = run.only_record();
        assert_eq!(record["id"], "-");
        assert_eq!(record["ok"], true, "{record}");
        assert_eq!(record["title"], "Page 1");
    }
    // A list on stdin is still a list.
    let run = batch_with_stdin(&[], Some(b"missing-1.html\nmissing-2.html\n"));
    assert_eq!(ids(&run.records()), ["missing-1.html", "missing-2.html"]);
}

#[test]
fn resume_with_a_repeated_input_keeps_every_record() {
    // Found by a new user: the second `a.html` was taken as done.
    let dir = tempfile::tempdir().expect("temp dir");
    for n in 0..2 {
        std::fs::write(dir.path().join(format!("{n}.html")), small_page(n)).expect("write");
    }
    let full = batch_in(dir.path(), &["-o", "out.jsonl", "0.html", "1.html", "0.html"]);
    assert_eq!(full.code, Some(0), "{}", full.stderr);
    let complete = std::fs::read_to_string(dir.path().join("out.jsonl")).expect("read");
    assert_eq!(complete.lines().count(), 3);
    let first = complete.lines().next().expect("a line").len() + 1;
    std::fs::write(dir.path().join("out.jsonl"), &complete[..first]).expect("cut");
    let resumed = batch_in(dir.path(), &["-o", "out.jsonl", "--resume", "0.html", "1.html", "0.html"]);
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    assert!(resumed.stderr.contains("1 input already done"), "{}", resumed.stderr);
    let after: Vec<Value> =
        std::fs::read_to_string(dir.path().join("out.jsonl")).expect("read").lines().map(|line| serde_json::from_str(line).expect("JSON")).collect();
    assert_eq!(ids(&after), ["0.html", "1.html", "0.html"]);
}

#[test]
fn resume_matches_paths_however_they_are_typed() {
    // Found by a new user: `in` then `./in` gave every page twice.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("in")).expect("mkdir");
    for n in 0..5 {
        std::fs::write(dir.path().join(format!("in/{n}.html")), small_page(n)).expect("write");
    }
    let full = batch_in(dir.path(), &["-o", "out.jsonl", "in"]);
    assert_eq!(full.code, Some(0), "{}", full.stderr);
    let complete = std::fs::read_to_string(dir.path().join("out.jsonl")).expect("read");
    let cut: usize = complete.lines().take(2).map(|line| line.len() + 1).sum();
    std::fs::write(dir.path().join("out.jsonl"), &complete[..cut]).expect("cut");
    let resumed = batch_in(dir.path(), &["-o", "out.jsonl", "--resume", "./in"]);
    assert_eq!(resumed.code, Some(0), "{}", resumed.stderr);
    let after: Vec<Value> =
        std::fs::read_to_string(dir.path().join("out.jsonl")).expect("read").lines().map(|line| serde_json::from_str(line).expect("JSON")).collect();
    let names: Vec<String> = ids(&after).iter().map(|id| id.trim_start_matches("./").to_string()).collect();
    assert_eq!(names, (0..5).map(|n| format!("in/{n}.html")).collect::<Vec<_>>(), "each page once");
}

#[test]
fn output_dir_without_resume_keeps_no_file_of_an_earlier_run() {
    // Found by a new user: files of the first run stayed beside the second run's.
    let dir = tempfile::tempdir().expect("temp dir");
    for n in 0..2 {
        std::fs::write(dir.path().join(format!("{n}.html")), small_page(n)).expect("write");
    }
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    std::fs::write(dir.path().join("out/notes.txt"), "mine").expect("write");
    let first = batch_in(dir.path(), &["--output-dir", "out", "0.html"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let second = batch_in(dir.path(), &["--output-dir", "out", "1.html"]);
    assert_eq!(second.code, Some(0), "{}", second.stderr);
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path().join("out")).expect("list").map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["1-html.txt", "index.jsonl", "notes.txt"], "gleaner's own old files are gone, the user's stay");
}

#[test]
fn one_input_is_one_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("0.html"), small_page(0)).expect("write");
    let run = batch_in(dir.path(), &["0.html"]);
    assert!(run.stderr.contains("1 input: 1 ok, 0 failed"), "{}", run.stderr);
}

#[test]
fn no_progress_line_among_records_on_the_terminal() {
    // Found by a new user: with the records on the terminal, the progress line was drawn among them.
    const PAGES: usize = 3;
    let dir = tempfile::tempdir().expect("temp dir");
    for n in 0..PAGES {
        std::fs::write(dir.path().join(format!("{n}.html")), small_page(n)).expect("write");
    }
    let command = format!("cd {} && {} batch 0.html 1.html 2.html", dir.path().display(), env!("CARGO_BIN_EXE_gleaner"));
    let screen = on_a_terminal(&command, dir.path());
    assert_eq!(screen.matches("\"ok\":true").count(), PAGES, "{screen:?}");
    assert!(!screen.contains("pages/s, ") && !screen.contains(" done, "), "no progress line: {screen:?}");
}

#[test]
fn output_dir_files_are_what_gleaner_prints_links_and_images_included() {
    // Found in review: --output-dir wrote Markdown without links or images, whatever was asked.
    let dir = tempfile::tempdir().expect("temp dir");
    let page = fixture("pages/structure-lazy-images/source.html");
    let page = page.to_str().expect("UTF-8");
    for (format, extension) in [("markdown", "md"), ("html", "html"), ("text", "txt")] {
        let out = dir.path().join(format);
        let run = batch(&["--output-dir", out.to_str().expect("UTF-8"), "--format", format, "--links", "--images", page]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let index = std::fs::read_to_string(out.join("index.jsonl")).expect("index");
        let entry: Value = serde_json::from_str(index.lines().next().expect("a line")).expect("JSON");
        let file = entry["file"].as_str().expect("file");
        assert!(file.ends_with(&format!(".{extension}")), "{file}");
        let written = std::fs::read_to_string(out.join(file)).expect("page file");
        let printed = Command::new(env!("CARGO_BIN_EXE_gleaner")).args(["-f", format, "--links", "--images", page]).output().expect("run gleaner");
        similar_asserts::assert_eq!(written, String::from_utf8(printed.stdout).expect("UTF-8"));
        if format == "markdown" {
            assert!(written.contains("!["), "images kept: {written}");
        }
    }
}

/// Runs the shell `command` on a pseudo-terminal (util-linux `script`) and returns what the
/// terminal showed; the typescript is written in `dir`.
fn on_a_terminal(command: &str, dir: &Path) -> String {
    let typescript = dir.join("typescript");
    let status = Command::new("script")
        .args(["-q", "-e", "-c", command, typescript.to_str().expect("UTF-8")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .expect("run script");
    assert!(status.success(), "{status:?}");
    String::from_utf8_lossy(&std::fs::read(&typescript).expect("typescript")).into_owned()
}

#[test]
fn batch_reads_comments_into_each_record_when_asked() {
    let page = fixture("pages/comment-thread/source.html");
    let page = page.to_str().expect("UTF-8 path");
    let with = batch(&["--comments", page]).only_record();
    let comments = with["comments"].as_array().expect("a comments array");
    assert_eq!(comments.len(), 3, "{with}");
    assert_eq!(comments[1]["text"], "Wood chip is next on our list, Tom. Where do you get yours?");
    let without = batch(&[page]).only_record();
    assert!(without.get("comments").is_none(), "{without}");
    assert_eq!(with["text"], without["text"]);
}
