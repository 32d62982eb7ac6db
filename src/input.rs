//! Reading inputs: files (plain or gzip) and standard input, with the size cap applied while
//! reading so a huge file is not loaded whole.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file or standard input could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// A file could not be found.
    #[error("no such file: {}", path.display())]
    NotFound {
        /// The path that was asked for.
        path: PathBuf,
    },
    /// A file or stream could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path (or `-` for stdin).
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input is larger than the limit.
    #[error("the input is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
}

impl ReadError {
    /// The error of opening `path`: [`ReadError::NotFound`] or [`ReadError::Io`].
    #[must_use]
    pub fn opening(path: &Path, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound { path: path.to_path_buf() },
            _ => Self::Io { path: path.to_path_buf(), source },
        }
    }

    /// The stable `error.kind`: `not_found`, `io` or `too_large`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "not_found",
            Self::Io { .. } => "io",
            Self::TooLarge { .. } => "too_large",
        }
    }
}

/// Reads a file's bytes, at most `limit` (+1 to detect overflow). Gzip is undone later, by
/// [`crate::extract_bytes`].
///
/// # Errors
/// [`ReadError::NotFound`], [`ReadError::Io`] (also for a directory), [`ReadError::TooLarge`].
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(|source| ReadError::opening(path, source))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(ReadError::Io { path: path.to_path_buf(), source: std::io::Error::other("is a directory") });
    }
    read_capped(file, limit).map_err(|err| match err {
        Capped::TooLarge => ReadError::TooLarge { limit },
        Capped::Io(source) => ReadError::Io { path: path.to_path_buf(), source },
    })
}

/// Reads standard input, at most `limit` bytes.
///
/// # Errors
/// [`ReadError::Io`] (path `-`), [`ReadError::TooLarge`].
pub fn read_stdin(limit: usize) -> Result<Vec<u8>, ReadError> {
    read_capped(std::io::stdin().lock(), limit).map_err(|err| match err {
        Capped::TooLarge => ReadError::TooLarge { limit },
        Capped::Io(source) => ReadError::Io { path: "-".into(), source },
    })
}

enum Capped {
    TooLarge,
    Io(std::io::Error),
}

fn read_capped(reader: impl Read, limit: usize) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(Capped::Io)?;
    if bytes.len() > limit {
        return Err(Capped::TooLarge);
    }
    Ok(bytes)
}
