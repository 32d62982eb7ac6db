//! The counts of a run, printed on stderr at its end.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use super::record::Record;

/// How many inputs succeeded and failed (by `error.kind`), and how long the run took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Inputs with an article.
    pub ok: usize,
    /// Failed inputs by `error.kind`.
    pub failed_by_kind: BTreeMap<&'static str, usize>,
    /// The run's wall-clock time.
    pub elapsed: Duration,
}

impl Summary {
    /// Counts one record.
    pub fn add(&mut self, record: &Record) {
        match &record.outcome {
            Ok(_) => self.ok += 1,
            Err(error) => *self.failed_by_kind.entry(error.kind()).or_default() += 1,
        }
    }

    /// Failed inputs.
    #[must_use]
    pub fn failed(&self) -> usize {
        self.failed_by_kind.values().sum()
    }

    /// All inputs.
    #[must_use]
    pub fn total(&self) -> usize {
        self.ok + self.failed()
    }

    /// Inputs per second of wall-clock time.
    #[must_use]
    pub fn pages_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 { self.total() as f64 / seconds } else { 0.0 }
    }
}

/// `1000 inputs: 980 ok, 20 failed (no_content 12, not_found 8) in 4.1 s, 243.9 pages/s`
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inputs = if self.total() == 1 { "input" } else { "inputs" };
        write!(f, "{} {inputs}: {} ok, {} failed", self.total(), self.ok, self.failed())?;
        if !self.failed_by_kind.is_empty() {
            let kinds: Vec<String> = self.failed_by_kind.iter().map(|(kind, count)| format!("{kind} {count}")).collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        write!(f, " in {:.1} s, {:.1} pages/s", self.elapsed.as_secs_f64(), self.pages_per_second())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_counts_failures_by_kind() {
        let mut summary = Summary { ok: 3, elapsed: Duration::from_secs(2), ..Summary::default() };
        summary.failed_by_kind.insert("timeout", 1);
        assert_eq!(summary.to_string(), "4 inputs: 3 ok, 1 failed (timeout 1) in 2.0 s, 2.0 pages/s");
        let one = Summary { ok: 1, elapsed: Duration::from_secs(1), ..Summary::default() };
        assert_eq!(one.to_string(), "1 input: 1 ok, 0 failed in 1.0 s, 1.0 pages/s");
    }
}
