//! Resuming an interrupted run: the ids whose records are already in the output file.

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use serde_json::Value;

/// The ids of the complete records in the JSONL file at `path` (none if it does not exist).
/// A last line without its newline — a record cut by the interruption — is removed from the
/// file, so that appending goes on from a clean line.
///
/// # Errors
/// The file cannot be read or truncated.
pub fn completed_ids(path: &Path) -> io::Result<HashSet<String>> {
    let file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(err) => return Err(err),
    };
    let mut ids = HashSet::new();
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
            ids.insert(id.clone());
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
        let ids = completed_ids(&path).expect("read");
        assert_eq!(ids, HashSet::from(["a".to_string(), "b".to_string()]));
        let left = std::fs::read_to_string(&path).expect("read");
        assert!(left.ends_with("false}\n"), "{left}");
        assert!(completed_ids(&dir.path().join("none.jsonl")).expect("missing is empty").is_empty());
    }
}
