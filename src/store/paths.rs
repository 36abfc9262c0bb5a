//! Where termquiz keeps its files: `TERMQUIZ_DATA_DIR`, else the XDG data dir.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::StoreError;

/// `--data-dir` (or `TERMQUIZ_DATA_DIR` read by the command line), set once at start-up.
static CHOSEN: OnceLock<PathBuf> = OnceLock::new();

/// Uses `dir` as the data directory for the rest of the process.
pub fn set_data_dir(dir: &Path) {
    if !dir.as_os_str().is_empty() {
        let _ = CHOSEN.set(dir.to_path_buf());
    }
}

/// The data directory (not created here).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = CHOSEN.get() {
        return Ok(dir.clone());
    }
    if let Some(dir) = std::env::var_os("TERMQUIZ_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "termquiz")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

/// The data directory, created if missing.
pub fn ensure_data_dir() -> Result<PathBuf, StoreError> {
    let dir = data_dir()?;
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::io(&dir, source))?;
    Ok(dir)
}
