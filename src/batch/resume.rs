//! Resuming an interrupted run: the ids whose records are already in the output file.
//!
//! Ids are matched as a multiset (an input given twice has two records to find) and by a key
//! that does not depend on how a path was typed: `in/a.html`, `./in/a.html` and `in//a.html`
//! are one input (see [`key`]).

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::{self, BufRead, BufReader};
use std::path::{Component, Path, PathBuf};

use serde_json::Value;

/// The records already written, counted by the [`key`] of their ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    counts: HashMap<String, usize>,
}

impl Done {
    /// Counts one record of `id`.
    pub fn add(&mut self, id: &str) {
        *self.counts.entry(key(id)).or_default() += 1;
    }

    /// Whether a record of `id` is still unclaimed; if so, it is claimed (a second input with
    /// the same id then needs a second record).
    pub fn take(&mut self, id: &str) -> bool {
        match self.counts.get_mut(&key(id)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                true
            }
            _ => false,
        }
    }

    /// The number of records counted and not yet claimed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    /// Whether no record is left to claim.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The key an id is matched by: a URL (or any id that is not a path, such as `urn:uuid:…`) as
/// it is; a path without its `.` components and doubled separators (`./in//a.html` →
/// `in/a.html`). `..` stays: without the file system it cannot be resolved safely.
#[must_use]
pub fn key(id: &str) -> String {
    if super::inputs::is_url(id) || id.contains("://") || id == super::inputs::STDIN {
        return id.to_string();
    }
    let path: PathBuf = Path::new(id).components().filter(|part| *part != Component::CurDir).collect();
    if path.as_os_str().is_empty() { id.to_string() } else { path.to_string_lossy().into_owned() }
}

/// The ids of the complete records in the JSONL file at `path` (none if it does not exist).
/// A last line without its newline — a record cut by the interruption — is removed from the
/// file, so that appending goes on from a clean line.
///
/// # Errors
/// The file cannot be read or truncated.
pub fn completed_ids(path: &Path) -> io::Result<Done> {
    let file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Done::default()),
        Err(err) => return Err(err),
    };
    let mut ids = Done::default();
    let mut reader = BufReader::new(&file);
    let mut complete_bytes = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line)?;
        if read == 0 || line.last() != Some(&b'\n') {
            break;
        }
        complete_bytes += read as u64;
        if let Ok(Value::Object(record)) = serde_json::from_slice::<Value>(&line)
            && let Some(Value::String(id)) = record.get("id")
        {
            ids.add(id);
        }
    }
    if file.metadata()?.len() > complete_bytes {
        file.set_len(complete_bytes)?;
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_records_count_and_a_cut_line_is_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, "{\"id\":\"a\",\"ok\":true}\n{\"id\":\"b\",\"ok\":false}\n{\"id\":\"c\",\"te").expect("write");
        let mut ids = completed_ids(&path).expect("read");
        assert_eq!(ids.len(), 2);
        assert!(ids.take("a") && ids.take("./b") && !ids.take("a") && ids.is_empty());
        let left = std::fs::read_to_string(&path).expect("read");
        assert!(left.ends_with("false}\n"), "{left}");
        assert!(completed_ids(&dir.path().join("none.jsonl")).expect("missing is empty").is_empty());
    }

    #[test]
    fn keys_ignore_how_a_path_was_typed() {
        assert_eq!(key("./in//a.html"), "in/a.html");
        assert_eq!(key("in/./a.html"), "in/a.html");
        assert_eq!(key("/data/../x.html"), "/data/../x.html");
        assert_eq!(key("http://127.0.0.1/./a"), "http://127.0.0.1/./a");
        assert_eq!(key("urn:uuid:1"), "urn:uuid:1");
        assert_eq!(key("-"), "-");
        assert_eq!(key("."), ".");
    }

    #[test]
    fn a_repeated_id_is_claimed_once_per_record() {
        let mut done = Done::default();
        done.add("a");
        assert!(done.take("a"));
        assert!(!done.take("a"), "one record, one claim");
    }
}
