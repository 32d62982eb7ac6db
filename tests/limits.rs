//! Hostile inputs must finish quickly and without a crash: the parse stage caps nesting depth
//! and node count (STYLE.md, "parse"). Each case runs the binary with a wall-clock limit, so a
//! regression fails the test instead of hanging the suite.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous for a debug build on a shared 2-core machine.
const LIMIT: Duration = Duration::from_secs(20);

/// Runs `gleaner --format jsonl` on `html` and returns its output, failing if it takes longer
/// than [`LIMIT`] (the process is killed then) or panics.
fn run_bounded(name: &str, html: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, html).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gleaner"))
        .args(["--format", "jsonl"])
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gleaner");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("poll gleaner").is_some() {
            break;
        }
        if started.elapsed() > LIMIT {
            child.kill().expect("kill gleaner");
            child.wait().expect("reap gleaner");
            panic!("{name}: still running after {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    child.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{name} panicked:\n{stderr}");
    stdout
}

const PROSE: &str = "<p>The sentence at the bottom of the page is ordinary prose, long enough to count as content.</p>";

#[test]
fn deeply_nested_divs_finish_quickly() {
    let depth = 100_000;
    let html = format!("<html><body>{}{PROSE}{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    let out = run_bounded("deep-divs.html", &html);
    assert!(out.contains("\"ok\""), "{out}");
}

#[test]
fn deeply_nested_unclosed_inline_tags_finish_quickly() {
    let html = format!("<html><body>{}{PROSE}</body></html>", "<b>".repeat(50_000));
    let out = run_bounded("deep-bold.html", &html);
    assert!(out.contains("\"ok\""), "{out}");
}

#[test]
fn page_with_many_paragraphs_finishes_quickly() {
    let html = format!("<html><body><article>{}</article></body></html>", PROSE.repeat(50_000));
    let out = run_bounded("wide.html", &html);
    assert!(out.contains("\"ok\":true"), "{out}");
}
