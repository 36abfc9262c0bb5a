//! Errors of the files termquiz keeps.

use std::io;
use std::path::Path;

/// Why a stored file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Neither `TERMQUIZ_DATA_DIR` nor a home directory.
    #[error("no home directory to keep termquiz's data in; set TERMQUIZ_DATA_DIR")]
    NoHome,
    /// Reading or writing failed.
    #[error("{path}: {}", crate::bank::input::in_words(source))]
    Io { path: String, source: io::Error },
    /// A file is not the JSON termquiz wrote.
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A file of another kind given where a result file was expected (a bank, say).
    #[error(
        "{path}: this is {what}, not a result file; result files are written by `termquiz play --name NAME --results DIR/`"
    )]
    NotAResult { path: String, what: &'static str },
    /// A file written by a newer termquiz: read or overwritten, it would lose data.
    #[error(
        "{path}: written by a newer termquiz (format version {version}, this one knows up to {supported}); update termquiz, the file was not changed"
    )]
    NewerVersion {
        path: String,
        version: u32,
        supported: u32,
    },
    /// The spaced-repetition scheduler rejected a card (a damaged `review.json` value).
    #[error("{key}: cannot schedule this card ({message})")]
    Schedule { key: String, message: String },
}

impl StoreError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: io::Error) -> Self {
        StoreError::Io {
            path: crate::bank::sanitize::path(path),
            source,
        }
    }

    /// A JSON error in `path`, at its line and column.
    pub fn json(path: &Path, e: &serde_json::Error) -> Self {
        let (line, column, message) = crate::bank::diagnostic::json_error_parts(e);
        StoreError::Json {
            path: crate::bank::sanitize::path(path),
            line,
            column,
            message,
        }
    }
}
