//! The quality gate: metrics pinned per dataset in a floors file, checked against a run.
//!
//! A floors file maps dataset names to pinned metric values:
//! `{"wcxb-dev": {"word_f1": 0.80, "word_f1.article": 0.86, ...}, "trafilatura-eval": {...}}`.
//! A run fails the gate when a higher-is-better metric falls more than [`TOLERANCE`] below its
//! pin, when a lower-is-better share (`without_share`, `date_false_rate`) rises more than
//! [`TOLERANCE`] above it, or when a count (`errors`, `empty`) rises at all. Top-level keys starting with `_` are comments and are left alone.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value};

use crate::evaluation::{Direction, Evaluation};
use crate::output;

/// How far a metric may move the wrong way before the gate fails.
pub const TOLERANCE: f64 = 0.002;

/// One pinned metric that the run did not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// The dataset's name.
    pub dataset: String,
    /// The metric's key.
    pub key: String,
    /// The pinned value.
    pub pinned: f64,
    /// The measured value, `None` when the run has no such metric.
    pub measured: Option<f64>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(measured) = self.measured else {
            return write!(f, "{} {}: pinned {:.4}, but not measured (unknown metric?)", self.dataset, self.key, self.pinned);
        };
        let (digits, rule) = match Direction::of(&self.key) {
            Direction::HigherIsBetter => (4, format!("may fall at most {TOLERANCE}")),
            Direction::LowerIsBetter => (4, format!("lower is better; may rise at most {TOLERANCE}")),
            Direction::CountMustNotRise => (0, "a count; must not rise".to_owned()),
        };
        write!(f, "{} {}: measured {measured:.digits$}, pinned {:.digits$} ({:+.digits$}; {rule})", self.dataset, self.key, self.pinned, measured - self.pinned)
    }
}

/// What checking a run against a floors file found.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Number of pinned metrics checked.
    pub checked: usize,
    /// The pinned metrics the run did not hold.
    pub violations: Vec<Violation>,
    /// Remarks: datasets without pins, pinned datasets not evaluated.
    pub notes: Vec<String>,
}

/// Whether `measured` holds the metric `key` pinned at `pinned`.
#[must_use]
pub fn holds(key: &str, pinned: f64, measured: f64) -> bool {
    const EPS: f64 = 1e-9;
    match Direction::of(key) {
        Direction::HigherIsBetter => measured >= pinned - TOLERANCE - EPS,
        Direction::LowerIsBetter => measured <= pinned + TOLERANCE + EPS,
        Direction::CountMustNotRise => measured <= pinned + EPS,
    }
}

/// Checks the evaluations against the floors file at `path`.
///
/// # Errors
/// When the file cannot be read or is not a floors file.
pub fn check(path: &Path, evals: &[Evaluation]) -> Result<Outcome> {
    let floors = read(path)?;
    let mut outcome = Outcome::default();
    for (name, section) in datasets(&floors) {
        let Some(eval) = evals.iter().find(|e| e.dataset.name == *name) else {
            outcome.notes.push(format!("floors for {name} not checked: not evaluated in this run"));
            continue;
        };
        for (key, value) in section {
            let pinned = value.as_f64().with_context(|| format!("{}: {name}.{key} is not a number", path.display()))?;
            outcome.checked += 1;
            let measured = eval.metric(key);
            if !measured.is_some_and(|m| holds(key, pinned, m)) {
                outcome.violations.push(Violation { dataset: name.clone(), key: key.clone(), pinned, measured });
            }
        }
    }
    for eval in evals.iter().filter(|e| !floors.contains_key(&e.dataset.name)) {
        outcome.notes.push(format!("no floors pinned for {}", eval.dataset.name));
    }
    Ok(outcome)
}

/// Pins the current scores of the evaluated datasets in the floors file at `path` (created if
/// missing). A dataset already there keeps its set of keys and gains any of
/// [`Evaluation::default_pinned_keys`] it lacks (so a newly measured metric gets pinned); a
/// new one gets those defaults. Other datasets are left as they are.
/// Returns one line per changed value.
///
/// # Errors
/// When the file cannot be read or written, or a pinned key is not measured in this run.
pub fn update(path: &Path, evals: &[Evaluation]) -> Result<Vec<String>> {
    let mut floors = if path.exists() { read(path)? } else { Map::new() };
    let mut changes = Vec::new();
    for eval in evals {
        let name = &eval.dataset.name;
        let mut keys: Vec<String> = floors.get(name).and_then(Value::as_object).map(|s| s.keys().cloned().collect()).unwrap_or_default();
        for key in eval.default_pinned_keys() {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let old = floors.get(name).and_then(Value::as_object).cloned().unwrap_or_default();
        let mut section = Map::new();
        for key in keys {
            let measured = eval.metric(&key).with_context(|| format!("{name}.{key} is pinned but not measured"))?;
            let value = pin_value(&key, measured);
            let before = old.get(&key).and_then(Value::as_f64);
            if before != value.as_f64() {
                let before = before.map_or("-".to_owned(), |b| format!("{b}"));
                changes.push(format!("{name} {key}: {before} -> {value}"));
            }
            section.insert(key, value);
        }
        floors.insert(name.clone(), Value::Object(section));
    }
    output::write_json(path, &Value::Object(floors))?;
    Ok(changes)
}

/// The JSON value pinned for a measurement: counts as integers, scores to 4 decimals.
fn pin_value(key: &str, measured: f64) -> Value {
    if Direction::of(key) == Direction::CountMustNotRise {
        // counts are exact small integers
        return Value::from(measured.round() as u64);
    }
    serde_json::Number::from_f64((measured * 1e4).round() / 1e4).map_or(Value::Null, Value::Number)
}

/// Reads a floors file: a JSON object of dataset sections.
fn read(path: &Path) -> Result<Map<String, Value>> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read floors file {}", path.display()))?;
    let value: Value = serde_json::from_str(&text).with_context(|| format!("cannot parse floors file {}", path.display()))?;
    let Value::Object(map) = value else {
        bail!("{}: a floors file is a JSON object of dataset sections", path.display());
    };
    for (name, section) in datasets(&map) {
        for (key, value) in section {
            if !value.is_number() {
                bail!("{}: {name}.{key} is not a number", path.display());
            }
        }
    }
    for (name, value) in &map {
        if !name.starts_with('_') && !value.is_object() {
            bail!("{}: {name} is not an object of pinned metrics", path.display());
        }
    }
    Ok(map)
}

/// The dataset sections of a floors file (comment keys starting with `_` skipped).
fn datasets(floors: &Map<String, Value>) -> impl Iterator<Item = (&String, &Map<String, Value>)> {
    floors.iter().filter(|(name, _)| !name.starts_with('_')).filter_map(|(name, section)| section.as_object().map(|s| (name, s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_by_direction() {
        assert!(holds("word_f1", 0.800, 0.7985));
        assert!(holds("word_f1", 0.800, 0.798));
        assert!(!holds("word_f1", 0.800, 0.7975));
        assert!(holds("word_f1", 0.800, 0.95));
        assert!(holds("without_share", 0.100, 0.1015));
        assert!(!holds("without_share", 0.100, 0.1025));
        assert!(holds("without_share", 0.100, 0.0));
        assert!(holds("date_false_rate", 0.100, 0.1015) && !holds("date_false_rate", 0.100, 0.1025));
        assert!(holds("title_match", 0.800, 0.7985) && !holds("title_match", 0.800, 0.7975));
        assert!(holds("errors", 3.0, 3.0) && holds("errors", 3.0, 1.0));
        assert!(!holds("errors", 3.0, 4.0));
        assert!(!holds("empty", 0.0, 1.0));
    }

    #[test]
    fn pins_are_rounded() {
        assert_eq!(pin_value("word_f1", 0.812_345), Value::from(0.8123));
        assert_eq!(pin_value("errors", 2.0), Value::from(2_u64));
    }
}
