//! One problem found in a bank file, printed as a single line that names the place.

use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A syntax or type error at a line and column (1-based).
    LineCol { line: usize, column: usize },
    /// A rule broken at a JSON path (`questions[3]`), with the question id when known.
    Path { path: String, id: Option<String> },
    /// The file as a whole.
    File,
}

/// A problem with a bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = crate::bank::sanitize::escape_line(&self.message);
        // File names come from strangers too (a directory listing).
        let file = crate::bank::sanitize::escape_line(&self.file);
        match &self.location {
            Location::LineCol { line, column } => {
                write!(f, "{file}:{line}:{column}: {message}")
            }
            Location::Path { path, id: Some(id) } => {
                let id = crate::bank::sanitize::escape_line(id);
                write!(f, "{file}: {path} (id \"{id}\"): {message}")
            }
            Location::Path { path, id: None } => write!(f, "{file}: {path}: {message}"),
            Location::File => write!(f, "{file}: {message}"),
        }
    }
}

/// A serde_json error as (line, column, message): both at least 1 (serde says column 0
/// at the start of a line or of an empty input), the message without serde's own
/// " at line L column C" and escaped to one line.
pub fn json_error_parts(e: &serde_json::Error) -> (usize, usize, String) {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at]);
    let message = crate::bank::sanitize::escape_line(message).into_owned();
    (e.line().max(1), e.column().max(1), message)
}

/// Finds line and column of byte offsets, walking forward so many look-ups stay linear.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// Line and 1-based column (in characters) of `offset`; offsets must not go backwards.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = LineIndex::new(self.text);
        }
        let bytes = self.text.as_bytes();
        for (i, b) in bytes[self.offset..offset].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        let column = self.text[self.line_start..offset].chars().count() + 1;
        (self.line, column)
    }
}
