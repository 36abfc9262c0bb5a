//! Where termquiz keeps its files: `TERMQUIZ_DATA_DIR`, else the XDG data dir.

use std::path::PathBuf;

use super::StoreError;

/// The data directory (not created here).
pub fn data_dir() -> Result<PathBuf, StoreError> {
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
