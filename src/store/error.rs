//! Errors of the store: every one names the file it concerns.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A file of the store could not be found, read, parsed or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing the file failed.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// The file is not the JSON we expect; `line:column` is where the parser stopped.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Json { path: PathBuf, line: usize, column: usize, message: String },
    /// There is no home directory to keep the data in.
    #[error(
        "cannot find a home directory for termquiz's data; set TERMQUIZ_DATA_DIR to a directory"
    )]
    NoHome,
    /// The scheduler rejected a card's state.
    #[error("{key}: cannot schedule this card ({message})")]
    Schedule { key: String, message: String },
}

impl StoreError {
    /// Wraps an I/O error with its file.
    pub fn io(path: impl AsRef<Path>, source: io::Error) -> Self {
        StoreError::Io { path: path.as_ref().to_path_buf(), source }
    }

    /// Wraps a JSON error with its file, keeping line and column apart from the message.
    pub fn json(path: impl AsRef<Path>, error: &serde_json::Error) -> Self {
        StoreError::Json {
            path: path.as_ref().to_path_buf(),
            line: error.line(),
            column: error.column(),
            message: json_message(error),
        }
    }
}

/// The parser's message without serde_json's trailing " at line L column C".
pub fn json_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// A problem that was skipped over, such as a damaged history line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file concerned.
    pub path: PathBuf,
    /// The 1-based line in that file.
    pub line: usize,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}
