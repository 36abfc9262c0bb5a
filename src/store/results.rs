//! Result files (`play --results`): one session as a JSON object, written atomically.

use std::path::{Path, PathBuf};

use super::{SessionRecord, StoreError, atomic::write_atomic, paths};

/// Writes `record` to `target`, atomically, and returns the path written.
/// When `target` is an existing directory or ends with a path separator, the file is
/// `<target>/<name-slug>-<finished_at as YYYYMMDDTHHMMSSZ>.json` (never overwriting another).
pub fn write_result(target: &Path, record: &SessionRecord) -> Result<PathBuf, StoreError> {
    let path = if target.is_dir() || ends_with_separator(target) {
        paths::ensure_dir(target)?;
        free_name(target, &file_stem(record))
    } else {
        target.to_path_buf()
    };
    let mut bytes = serde_json::to_vec_pretty(record).map_err(|e| StoreError::json(&path, &e))?;
    bytes.push(b'\n');
    write_atomic(&path, &bytes)?;
    Ok(path)
}

/// Reads one result file; errors name the file and, for bad JSON, the line and column.
pub fn read_result(path: &Path) -> Result<SessionRecord, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    parse_result(path, &bytes)
}

/// Parses the bytes of a result file; `path` only names the file in errors.
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

/// `name-slug-YYYYMMDDTHHMMSSZ`, the file stem used when writing into a directory.
pub fn file_stem(record: &SessionRecord) -> String {
    let when = record.finished_at.strftime("%Y%m%dT%H%M%SZ");
    format!("{}-{when}", slug(&record.name))
}

/// The name reduced to `[a-z0-9-]`; `anonymous` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { "anonymous".to_string() } else { slug.chars().take(40).collect() }
}

/// `dir/stem.json`, or `dir/stem-2.json`, `-3`… when taken (two sessions in one second).
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.json"));
    if !first.exists() {
        return first;
    }
    (2u32..)
        .map(|n| dir.join(format!("{stem}-{n}.json")))
        .find(|path| !path.exists())
        .unwrap_or(first)
}

fn ends_with_separator(path: &Path) -> bool {
    path.as_os_str().to_string_lossy().ends_with(std::path::is_separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::record::tests::sample;

    #[test]
    fn slug_keeps_letters_digits_and_single_dashes() {
        assert_eq!(slug("Ann-Marie O'Neil"), "ann-marie-o-neil");
        assert_eq!(slug("  Zoë 2 "), "zo-2");
        assert_eq!(slug(""), "anonymous");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("\u{1b}[2J"), "2j");
    }

    #[test]
    fn writes_into_a_directory_with_a_generated_name() {
        let tmp = tempfile::tempdir().unwrap();
        let record = sample("Ann Lee", 5);
        let first = write_result(tmp.path(), &record).unwrap();
        assert_eq!(first, tmp.path().join("ann-lee-20260301T100500Z.json"));
        let second = write_result(tmp.path(), &record).unwrap();
        assert_eq!(second, tmp.path().join("ann-lee-20260301T100500Z-2.json"));
        assert_eq!(read_result(&first).unwrap(), record);
    }

    #[test]
    fn trailing_separator_creates_the_directory() {
        let tmp = tempfile::tempdir().unwrap();
        let target = PathBuf::from(format!("{}/class/", tmp.path().display()));
        let path = write_result(&target, &sample("", 1)).unwrap();
        assert!(path.starts_with(tmp.path().join("class")));
        assert!(path.file_name().unwrap().to_string_lossy().starts_with("anonymous-"));
    }

    #[test]
    fn writes_to_a_plain_file_path() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("me.json");
        assert_eq!(write_result(&target, &sample("x", 1)).unwrap(), target);
        assert_eq!(read_result(&target).unwrap(), sample("x", 1));
    }

    #[test]
    fn bad_json_names_file_line_and_column() {
        let error = parse_result(Path::new("r/bad.json"), b"{\n  \"name\": \"a\",\n  oops\n}")
            .unwrap_err()
            .to_string();
        assert_eq!(error, "r/bad.json:3:3: key must be a string");
    }

    #[test]
    fn missing_file_names_the_file() {
        let error = read_result(Path::new("/nonexistent/x.json")).unwrap_err().to_string();
        assert!(error.starts_with("/nonexistent/x.json: "), "{error}");
    }

    #[test]
    fn directories_expand_to_their_json_files() {
        let tmp = tempfile::tempdir().unwrap();
        for name in ["b.json", "a.json", "notes.txt"] {
            std::fs::write(tmp.path().join(name), "{}").unwrap();
        }
        let (files, errors) = list_result_files(&[tmp.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(files, vec![tmp.path().join("a.json"), tmp.path().join("b.json")]);
    }
}
