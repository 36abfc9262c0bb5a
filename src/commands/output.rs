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

/// Replaces `path` with `bytes` so readers see the old file or the new one, never half of it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::file(path, e))?;
    temp.write_all(bytes).map_err(|e| Error::file(path, e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::file(path, e))?;
    temp.persist(path).map_err(|e| Error::file(path, e.error))?;
    Ok(())
}
