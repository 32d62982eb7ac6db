//! The progress line on stderr, shown only when stderr is a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use gleaner::batch::Record;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the progress line is redrawn.
const TICK: Duration = Duration::from_millis(200);
/// The progress line: done, rate, failures, elapsed.
const TEMPLATE: &str = "{spinner} {pos} done, {per_sec}, {msg} [{elapsed_precise}]";

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
            if let Ok(style) = ProgressStyle::with_template(TEMPLATE) {
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
