//! Where termquiz keeps its data: `TERMQUIZ_DATA_DIR`, else the XDG data dir.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::StoreError;

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "TERMQUIZ_DATA_DIR";

/// The data directory (not created): `TERMQUIZ_DATA_DIR` if set and non-empty,
/// else the platform data dir (`$XDG_DATA_HOME/termquiz` on Linux).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    data_dir_from(std::env::var_os(DATA_DIR_ENV))
}

/// [`data_dir`] with the override passed in, for tests.
pub fn data_dir_from(override_dir: Option<OsString>) -> Result<PathBuf, StoreError> {
    match override_dir {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "termquiz")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(StoreError::NoHome),
    }
}

/// Creates `dir` (and its parents) if it does not exist yet.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_when_not_empty() {
        let dir = data_dir_from(Some("/tmp/tq".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/tq"));
    }

    #[test]
    fn empty_override_falls_back_to_the_platform_dir() {
        if let Ok(dir) = data_dir_from(Some(OsString::new())) {
            assert!(dir.ends_with("termquiz"), "{}", dir.display());
        }
    }

    #[test]
    fn ensure_dir_creates_nested_dirs() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        ensure_dir(&dir).unwrap();
        assert!(dir.is_dir());
    }
}
