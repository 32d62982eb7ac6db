//! The progress line on stderr, shown only when stderr is a terminal and the records do not go
//! to the same terminal: done (out of the total, once it is known), rate, failures, time left
//! and elapsed time, in at most [`MAX_COLUMNS`] columns so that it never wraps on an 80-column
//! terminal.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use gleaner::batch::Record;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How often the progress line is redrawn.
const TICK: Duration = Duration::from_millis(200);
/// The widest line drawn: one less than the narrowest common terminal, so the cursor never
/// moves to a next line.
const MAX_COLUMNS: usize = 79;
/// The widest bar; it shrinks to keep the line within [`MAX_COLUMNS`].
const MAX_BAR: usize = 24;

/// Counts done and failed inputs on a terminal; does nothing otherwise.
pub struct Progress {
    bar: ProgressBar,
    failed: Arc<AtomicU64>,
}

impl Progress {
    /// A progress line on stderr if it is a terminal and `allowed` (the records do not go to the
    /// terminal), else a hidden one.
    pub fn new(allowed: bool) -> Self {
        let failed = Arc::new(AtomicU64::new(0));
        let bar = if allowed && std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Some(style) = style(Arc::clone(&failed)) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(TICK);
            bar
        } else {
            ProgressBar::hidden()
        };
        Self { bar, failed }
    }

    /// Whether the line is shown.
    pub fn is_shown(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Runs `count` on a thread of its own (it may read every input list) and, when it
    /// returns, shows the total and the time left.
    pub fn count_total_in_background(&self, count: impl FnOnce() -> usize + Send + 'static) {
        let bar = self.bar.clone();
        std::thread::spawn(move || bar.set_length(count() as u64));
    }

    /// Counts one record.
    pub fn record(&self, record: &Record) {
        if !record.ok() {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        self.bar.inc(1);
    }

    /// Removes the progress line before the summary is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The style: the whole line is [`line`], drawn from the bar's state and the failure count.
fn style(failed: Arc<AtomicU64>) -> Option<ProgressStyle> {
    let style = ProgressStyle::with_template("{line}").ok()?;
    Some(style.with_key("line", move |state: &ProgressState, out: &mut dyn std::fmt::Write| {
        let counts = Counts {
            done: state.pos(),
            total: state.len(),
            rate: state.per_sec(),
            failed: failed.load(Ordering::Relaxed),
            elapsed: state.elapsed(),
            left: state.eta(),
        };
        let _ = out.write_str(&line(&counts));
    }))
}

/// What the progress line shows.
struct Counts {
    done: u64,
    total: Option<u64>,
    /// Inputs per second.
    rate: f64,
    failed: u64,
    elapsed: Duration,
    /// The time left (meaningful once the total is known).
    left: Duration,
}

/// `[#####-----] 120/1497 done, 180 pages/s, 2 failed, ETA 0:08 [0:01]`, or without a total
/// `120 done, 180 pages/s, 2 failed [0:01]`; the bar narrows (down to nothing) to keep the line
/// within [`MAX_COLUMNS`].
fn line(counts: &Counts) -> String {
    let rate = format!("{:.0} pages/s, {} failed", counts.rate, counts.failed);
    let elapsed = clock(counts.elapsed);
    let Some(total) = counts.total else { return format!("{} done, {rate} [{elapsed}]", counts.done).chars().take(MAX_COLUMNS).collect() };
    let text = format!("{}/{total} done, {rate}, ETA {} [{elapsed}]", counts.done, clock(counts.left));
    let room = MAX_COLUMNS.saturating_sub(text.chars().count() + 3).min(MAX_BAR);
    if room == 0 {
        return text.chars().take(MAX_COLUMNS).collect();
    }
    let filled = (room as u64 * counts.done.min(total)).checked_div(total).map_or(room, |filled| filled as usize);
    format!("[{}{}] {text}", "#".repeat(filled), "-".repeat(room - filled))
}

/// `m:ss`, or `h:mm:ss` from an hour.
fn clock(duration: Duration) -> String {
    let seconds = duration.as_secs();
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 { format!("{hours}:{minutes:02}:{seconds:02}") } else { format!("{minutes}:{seconds:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_fits_an_80_column_terminal() {
        // Found by a new user: the line wrapped at 80 columns.
        let hour = Duration::from_secs(3600);
        let small = Counts { done: 3, total: Some(12), rate: 2.0, failed: 0, elapsed: Duration::from_secs(1), left: Duration::from_secs(4) };
        let large = Counts { done: 123_456_789, total: Some(987_654_321), rate: 12_345.0, failed: 12_345_678, elapsed: 99 * hour, left: 999 * hour };
        for counts in [small, large] {
            let with_total = line(&counts);
            assert!(with_total.chars().count() <= MAX_COLUMNS, "{with_total:?}");
            assert!(with_total.contains("/12 done") || with_total.contains("/987654321 done"), "{with_total}");
            let counting = line(&Counts { total: None, ..counts });
            assert!(counting.chars().count() <= MAX_COLUMNS, "{counting:?}");
        }
        let small = Counts { done: 3, total: Some(12), rate: 2.0, failed: 0, elapsed: Duration::from_secs(1), left: Duration::from_secs(4) };
        assert_eq!(line(&small), "[######------------------] 3/12 done, 2 pages/s, 0 failed, ETA 0:04 [0:01]");
        assert_eq!(clock(Duration::from_secs(3725)), "1:02:05");
    }
}
