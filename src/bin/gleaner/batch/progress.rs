//! The progress line on stderr, shown only when stderr is a terminal: done (out of the total,
//! once it is known), rate, failures, elapsed time and, with a total, the time left.

use std::io::IsTerminal;
use std::time::Duration;

use gleaner::batch::Record;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How often the progress line is redrawn.
const TICK: Duration = Duration::from_millis(200);
/// The progress line while the total is not known: done, rate, failures, elapsed.
const COUNTING_TEMPLATE: &str = "{spinner} {pos} done, {rate}, {msg} [{elapsed_precise}]";
/// The progress line once the total is known: a bar, done/total, rate, failures, time left.
const TOTAL_TEMPLATE: &str = "{bar:30} {pos}/{len} done, {rate}, {msg}, ETA {eta} [{elapsed_precise}]";

/// Counts done and failed inputs on a terminal; does nothing otherwise.
pub struct Progress {
    bar: ProgressBar,
    failed: std::cell::Cell<u64>,
}

impl Progress {
    /// A progress line on stderr if it is a terminal, else a hidden one.
    pub fn new() -> Self {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Some(style) = style(COUNTING_TEMPLATE) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(TICK);
            bar.set_message("0 failed");
            bar
        } else {
            ProgressBar::hidden()
        };
        Self { bar, failed: std::cell::Cell::new(0) }
    }

    /// Whether the line is shown.
    pub fn is_shown(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Runs `count` on a thread of its own (it may read every input list) and, when it
    /// returns, shows the total and the time left.
    pub fn count_total_in_background(&self, count: impl FnOnce() -> usize + Send + 'static) {
        let bar = self.bar.clone();
        std::thread::spawn(move || {
            let total = count();
            bar.set_length(total as u64);
            if let Some(style) = style(TOTAL_TEMPLATE) {
                bar.set_style(style);
            }
        });
    }

    /// Counts one record.
    pub fn record(&self, record: &Record) {
        if !record.ok() {
            self.failed.set(self.failed.get() + 1);
            self.bar.set_message(format!("{} failed", self.failed.get()));
        }
        self.bar.inc(1);
    }

    /// Removes the progress line before the summary is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A style from `template`, with `{rate}` in whole pages per second.
fn style(template: &str) -> Option<ProgressStyle> {
    let style = ProgressStyle::with_template(template).ok()?;
    Some(style.with_key("rate", |state: &ProgressState, out: &mut dyn std::fmt::Write| {
        let _ = write!(out, "{:.0} pages/s", state.per_sec());
    }))
}
