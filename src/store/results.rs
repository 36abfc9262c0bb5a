//! Result files (`play --results`): one JSON object per session, written atomically.

use std::path::{Path, PathBuf};

use super::StoreError;
use super::atomic::write_atomic;
use super::record::SessionRecord;

/// Writes the record to `target`: a file, or a new file in `target` when it is a
/// directory (or ends with `/`). Returns the file written.
pub fn write_result(target: &Path, record: &SessionRecord) -> Result<PathBuf, StoreError> {
    let into_dir = target.is_dir()
        || target
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::MAIN_SEPARATOR);
    let path = if into_dir {
        std::fs::create_dir_all(target).map_err(|e| StoreError::io(target, e))?;
        free_name(target, record)
    } else {
        target.to_path_buf()
    };
    let mut json =
        serde_json::to_vec_pretty(record).map_err(|e| StoreError::io(&path, e.into()))?;
    json.push(b'\n');
    write_atomic(&path, &json).map_err(|e| StoreError::io(&path, e))?;
    Ok(path)
}

/// `<name>-<finished>.json` in `dir`, with `-2`, `-3`… when taken.
fn free_name(dir: &Path, record: &SessionRecord) -> PathBuf {
    let stamp = record.finished_at.strftime("%Y%m%dT%H%M%SZ").to_string();
    let base = format!("{}-{stamp}", slug(&record.name));
    let mut path = dir.join(format!("{base}.json"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.json"));
        n += 1;
    }
    path
}

/// A file-name-safe form of a player's name (`anonymous` when empty).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>();
    if out.is_empty() {
        "anonymous".into()
    } else {
        out
    }
}

/// Reads a result file; errors name the file, and the line and column for bad JSON.
pub fn read_result(path: &Path) -> Result<SessionRecord, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| StoreError::json(path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::history::tests::record;

    #[test]
    fn writes_a_file_or_into_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("me.json");
        assert_eq!(write_result(&file, &record("Ada", 1.0)).unwrap(), file);
        assert_eq!(read_result(&file).unwrap(), record("Ada", 1.0));
        let first = write_result(dir.path(), &record("Ada Lovelace", 1.0)).unwrap();
        let second = write_result(dir.path(), &record("Ada Lovelace", 1.0)).unwrap();
        assert_eq!(
            first.file_name().unwrap(),
            "ada-lovelace-20251124T160000Z.json"
        );
        assert_eq!(
            second.file_name().unwrap(),
            "ada-lovelace-20251124T160000Z-2.json"
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("  Zoë O'Neil! "), "zo-o-neil");
        assert_eq!(slug(""), "anonymous");
        assert_eq!(slug("../../etc"), "etc");
    }

    #[test]
    fn bad_json_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, "{\n  \"name\": 3\n}").unwrap();
        let err = read_result(&path).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}:2:", path.display())), "{err}");
    }
}
