//! The one error type commands return, and the one place that decides exit codes.

use std::io;
use std::process::ExitCode;

use crate::bank::LoadError;
use crate::import::ImportError;
use crate::store::StoreError;

/// Everything that can end a command early.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bank could not be read or is invalid.
    #[error(transparent)]
    Bank(#[from] LoadError),
    /// Some other input (a result file, an import file, an answer) is invalid.
    #[error("{0}")]
    Invalid(String),
    /// An import file could not be converted; names the file (and line for JSON).
    #[error("{file}{sep}{source}", sep = .source.separator())]
    Import { file: String, source: ImportError },
    /// History, a result file or the review state could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file could not be read or written.
    #[error("{path}: {}", crate::bank::input::in_words(source))]
    File { path: String, source: io::Error },
    /// Writing to the terminal or a pipe failed.
    #[error("cannot write output: {}", crate::bank::input::in_words(.0))]
    Output(#[from] io::Error),
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
    /// The player pressed Ctrl-C or Esc, or input ended; the partial result was saved.
    #[error("interrupted")]
    Interrupted,
}

impl Error {
    /// Wraps an I/O error with the file it concerns.
    pub fn file(path: impl AsRef<std::path::Path>, source: io::Error) -> Self {
        Error::File {
            path: crate::bank::sanitize::path(path.as_ref()),
            source,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Bank(_)
            | Error::Invalid(_)
            | Error::Import { .. }
            | Error::Store(_)
            | Error::File { .. }
            | Error::Output(_) => 1,
            Error::Usage(_) => 2,
            Error::Interrupted => 130,
        }
    }

    /// True when the error should end the program quietly (a closed pipe).
    fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Prints the error (one line per problem) and gives the exit code.
pub fn report(error: &Error) -> ExitCode {
    if error.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    if !matches!(error, Error::Interrupted) {
        print_error(&error.to_string());
    }
    ExitCode::from(error.exit_code())
}

/// Prints each line of `message` on stderr after a red `error:`.
pub fn print_error(message: &str) {
    print_labelled(message, "error:", console::Style::new().red());
}

/// Prints each line of `message` on stderr after a yellow `warning:`.
pub fn print_warning(message: &str) {
    print_labelled(message, "warning:", console::Style::new().yellow());
}

fn print_labelled(message: &str, label: &str, style: console::Style) {
    let label = style.bold().for_stderr().apply_to(label);
    // The last guard: whatever a message carries, no control character reaches the terminal.
    for line in message.lines() {
        let line = crate::bank::sanitize::escape_line(line);
        eprintln!("{label} {line}");
    }
}

/// Result of a command.
pub type Result<T, E = Error> = std::result::Result<T, E>;
