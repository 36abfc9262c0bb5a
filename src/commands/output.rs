//! Where command output goes: standard output, or a file replaced atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `text` to standard output, or to `path` through a temp file renamed into place.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<()> {
    match path {
        None => write_stdout(text),
        Some(path) => write_atomic(path, text.as_bytes()),
    }
}

/// Writes data to standard output; on a terminal, bank text is escaped (bidi overrides and
/// other controls shown as `\u{..}`), in a pipe it stays byte-exact.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if std::io::IsTerminal::is_terminal(&out) {
        out.write_all(crate::bank::sanitize::escape(text).as_bytes())?;
    } else {
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// A usage error when `output` (through symlinks) is one of the `inputs`: writing there
/// would destroy what is being read.
pub fn refuse_input(output: &Path, inputs: &[PathBuf], flag: &str) -> Result<()> {
    let Ok(out) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::metadata(input).is_ok_and(|i| same_file(&out, &i)) {
            return Err(Error::Usage(format!(
                "{flag} {} is {}, an input of this command; choose another file",
                crate::bank::sanitize::path(output),
                crate::bank::sanitize::path(input)
            )));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.is_file() && a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.is_file() && a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// Replaces `path` with `bytes` atomically; errors name the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::store::atomic::write_atomic(path, bytes).map_err(|e| Error::file(path, e))
}
