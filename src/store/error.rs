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
    /// The review state is damaged: reported with its place and left as it is.
    #[error(
        "{path}:{line}:{column}: the review state is damaged ({message}); it was left as it is. To start fresh, move it aside: mv {quoted} {quoted}.damaged"
    )]
    DamagedState {
        path: String,
        quoted: String,
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

    /// A damaged review state at `path`, with serde's words for its own types made plain.
    pub fn damaged_state(path: &Path, e: &serde_json::Error) -> Self {
        let (line, column, message) = crate::bank::diagnostic::json_error_parts(e);
        let message = message
            .replace(
                "struct ReviewState",
                "an object with \"version\" and \"cards\"",
            )
            .replace("struct Card", "a card object");
        let path = crate::bank::sanitize::path(path);
        StoreError::DamagedState {
            quoted: shell_quoted(&path),
            path,
            line,
            column,
            message,
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

/// `text` as one shell word: as it is when plain, else in single quotes.
fn shell_quoted(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shell_quoting_keeps_plain_paths_and_quotes_the_rest() {
        assert_eq!(super::shell_quoted("/a/review.json"), "/a/review.json");
        assert_eq!(super::shell_quoted("/my data/it's"), r"'/my data/it'\''s'");
    }
}
