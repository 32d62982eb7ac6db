//! Reading inputs: files (plain or gzip) and standard input, with the size cap applied while
//! reading so a huge file is not loaded whole.

use std::io::Read;
use std::path::Path;

use crate::Error;

/// Reads a file's bytes, at most `limit` (+1 to detect overflow). Gzip is undone later, by
/// [`crate::extract_bytes`].
///
/// # Errors
/// [`Error::NotFound`], [`Error::Io`] (also for a directory), [`Error::TooLarge`].
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound { path: path.to_path_buf() },
        _ => Error::Io { path: path.to_path_buf(), source },
    })?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::Io { path: path.to_path_buf(), source: std::io::Error::other("is a directory") });
    }
    read_capped(file, limit).map_err(|err| match err {
        ReadError::TooLarge => Error::TooLarge { limit },
        ReadError::Io(source) => Error::Io { path: path.to_path_buf(), source },
    })
}

/// Reads standard input, at most `limit` bytes.
///
/// # Errors
/// [`Error::Io`] (path `-`), [`Error::TooLarge`].
pub fn read_stdin(limit: usize) -> Result<Vec<u8>, Error> {
    read_capped(std::io::stdin().lock(), limit).map_err(|err| match err {
        ReadError::TooLarge => Error::TooLarge { limit },
        ReadError::Io(source) => Error::Io { path: "-".into(), source },
    })
}

enum ReadError {
    TooLarge,
    Io(std::io::Error),
}

fn read_capped(reader: impl Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}
