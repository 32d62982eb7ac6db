//! Files written on request: predictions for the reference scorer, per-page text dumps and
//! the metrics as JSON.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::{Map, Value, json};

use crate::evaluation::Evaluation;
use crate::report;

/// Writes `{id: text}` (failures as `""`) to `path`, and `{"pages", "seconds", "errors",
/// "jobs"}` to the sidecar score.py reads: `path` less `.json`, plus `.time.json`.
///
/// # Errors
/// When a file cannot be written.
pub fn write_preds(eval: &Evaluation, path: &Path) -> Result<()> {
    let preds: Map<String, Value> = eval.dataset.pages.iter().zip(&eval.run.texts).map(|(page, text)| (page.id.clone(), Value::String(text.clone()))).collect();
    write_json(path, &Value::Object(preds))?;
    let timing = json!({
        "pages": eval.scores.pages,
        "seconds": eval.run.seconds,
        "errors": eval.run.errors(),
        "jobs": eval.run.jobs,
    });
    write_json(&sidecar_path(path), &timing)
}

/// The timing sidecar of a predictions file, as score.py derives it.
#[must_use]
pub fn sidecar_path(path: &Path) -> PathBuf {
    let text = path.to_string_lossy();
    match text.strip_suffix(".json") {
        Some(stem) => PathBuf::from(format!("{stem}.time.json")),
        None => PathBuf::from(format!("{text}.time.json")),
    }
}

/// Writes each page's prediction to `dir/ID.txt`.
///
/// # Errors
/// When the directory or a file cannot be written.
pub fn write_dump(eval: &Evaluation, dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (page, text) in eval.dataset.pages.iter().zip(&eval.run.texts) {
        let path = dir.join(format!("{}.txt", safe_file_stem(&page.id)));
        fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Writes every metric of every evaluation: `{"datasets": {NAME: {...}}}`.
///
/// # Errors
/// When the file cannot be written.
pub fn write_metrics(evals: &[Evaluation], path: &Path) -> Result<()> {
    let datasets: Map<String, Value> = evals.iter().map(|e| (e.dataset.name.clone(), report::to_json(e))).collect();
    write_json(path, &json!({ "datasets": datasets }))
}

/// Writes `value` as indented JSON, creating the parent directory if needed.
///
/// # Errors
/// When the file cannot be written.
pub fn write_json(path: &Path, value: &Value) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut text = serde_json::to_string_pretty(value).context("cannot serialize JSON")?;
    text.push('\n');
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// A page id usable as a file name: path separators replaced by `_`.
fn safe_file_stem(id: &str) -> String {
    id.replace(['/', '\\'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_follows_score_py() {
        assert_eq!(sidecar_path(Path::new("out/preds.json")), PathBuf::from("out/preds.time.json"));
        assert_eq!(sidecar_path(Path::new("preds")), PathBuf::from("preds.time.json"));
    }
}
