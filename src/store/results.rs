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
    let out = crate::bank::id::slug(name, 40);
    if out.is_empty() {
        "anonymous".into()
    } else {
        out
    }
}

/// Reads a result file; errors name the file, and the line and column for bad JSON.
pub fn read_result(path: &Path) -> Result<SessionRecord, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    parse_result(path, &bytes)
}

/// Parses the bytes of a result file (a UTF-8 BOM is allowed); `path` only names it in errors.
pub fn parse_result(path: &Path, bytes: &[u8]) -> Result<SessionRecord, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| StoreError::json(path, &e))
}

/// Expands directories into their `*.json` files (sorted, not recursive); files stay as given.
/// A directory that cannot be listed becomes an error in the second list.
pub fn list_result_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<StoreError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match json_files_in(path) {
            Ok(found) => files.extend(found),
            Err(e) => errors.push(StoreError::io(path, e)),
        }
    }
    (files, errors)
}

fn json_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "json") && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
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
        assert_eq!(slug("  Zoë O'Neil! "), "zoe-o-neil");
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

    #[test]
    fn a_bom_is_allowed_and_bad_json_names_line_and_column() {
        let path = Path::new("r/x.json");
        let json = serde_json::to_vec(&record("Ada", 1.0)).unwrap();
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), &json].concat();
        assert_eq!(parse_result(path, &with_bom).unwrap(), record("Ada", 1.0));
        let err = parse_result(path, b"{\n  \"name\": \"a\",\n  oops\n}").unwrap_err();
        assert_eq!(err.to_string(), "r/x.json:3:3: key must be a string");
    }

    #[test]
    fn directories_expand_to_their_json_files_sorted() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.json", "a.json", "notes.txt"] {
            std::fs::write(dir.path().join(name), "{}").unwrap();
        }
        let single = dir.path().join("b.json");
        let (files, errors) = list_result_files(&[dir.path().to_path_buf(), single.clone()]);
        assert!(errors.is_empty());
        assert_eq!(
            files,
            vec![dir.path().join("a.json"), single.clone(), single]
        );
    }
}
