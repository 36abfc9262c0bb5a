//! Where command output goes: standard output, or a file replaced atomically.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `text` to standard output, or to `path` through a temp file renamed into place.
pub fn write_output(path: Option<&Path>, text: &str) -> Result<()> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
        Some(path) => write_atomic(path, text.as_bytes()),
    }
}

/// Replaces `path` with `bytes` atomically; errors name the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::store::atomic::write_atomic(path, bytes).map_err(|e| Error::file(path, e))
}
