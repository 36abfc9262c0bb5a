//! Result files (`play --results`): one JSON object per session, written atomically.

use std::path::{Path, PathBuf};

use std::io::Write;

use super::StoreError;
use super::atomic;
use super::record::SessionRecord;

/// Writes the record to a new file: `target` itself, or a new file in `target` when it is a
/// directory (or ends with `/`). Never replaces a file: a name taken (even a moment ago, by
/// another process) gets `-2`, `-3`… before the extension. Returns the file written.
pub fn write_result(target: &Path, record: &SessionRecord) -> Result<PathBuf, StoreError> {
    let (dir, stem) = plan(target, record)?;
    let io = |e| StoreError::io(target, e);
    let mut json = serde_json::to_vec_pretty(record).map_err(|e| io(e.into()))?;
    json.push(b'\n');
    let mut temp = atomic::temp_file_in(&dir).map_err(io)?;
    temp.write_all(&json).map_err(io)?;
    set_readable(temp.as_file()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    for n in 1..=MAX_SUFFIX {
        let path = dir.join(numbered(&stem, n));
        match temp.persist_noclobber(&path) {
            Ok(_) => {
                atomic::sync_dir(&dir).map_err(|e| StoreError::io(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(StoreError::io(&path, e.error)),
        }
    }
    Err(io(std::io::Error::other("no free file name left")))
}

/// Names tried before giving up: `name.json`, `name-2.json` … `name-9999.json`.
const MAX_SUFFIX: usize = 9999;

/// Checks, before any question is asked, that a result can be written to `target`: the
/// directory exists (a directory target is created) and is writable, and the file, if it
/// is there, is a regular file (through symlinks).
pub fn check_target(target: &Path) -> Result<(), StoreError> {
    let io = |e| StoreError::io(target, e);
    let dir = if into_dir(target) {
        std::fs::create_dir_all(target).map_err(io)?;
        target.to_path_buf()
    } else {
        let file = atomic::replaceable_target(target).map_err(io)?;
        atomic::parent_dir(&file).to_path_buf()
    };
    atomic::temp_file_in(&dir).map_err(io)?;
    Ok(())
}

fn into_dir(target: &Path) -> bool {
    target.is_dir()
        || target
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::MAIN_SEPARATOR)
}

/// The directory to write in and the file name without `.json`.
fn plan(target: &Path, record: &SessionRecord) -> Result<(PathBuf, String), StoreError> {
    if into_dir(target) {
        std::fs::create_dir_all(target).map_err(|e| StoreError::io(target, e))?;
        let stamp = record.finished_at.strftime("%Y%m%dT%H%M%SZ").to_string();
        return Ok((
            target.to_path_buf(),
            format!("{}-{stamp}", slug(&record.name)),
        ));
    }
    let target = atomic::follow_links(target).map_err(|e| StoreError::io(target, e))?;
    let name = target
        .file_name()
        .map_or_else(|| "result".into(), |n| n.to_string_lossy().into_owned());
    let stem = name.strip_suffix(".json").unwrap_or(&name).to_string();
    Ok((atomic::parent_dir(&target).to_path_buf(), stem))
}

/// `stem.json` for the first try, `stem-N.json` after.
fn numbered(stem: &str, n: usize) -> String {
    if n == 1 {
        format!("{stem}.json")
    } else {
        format!("{stem}-{n}.json")
    }
}

#[cfg(unix)]
fn set_readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// A file-name-safe form of a player's name (`anonymous` when empty); letters of other
/// scripts are transliterated (`Łukasz` → `lukasz`, `张伟` → `zhang-wei`).
pub fn slug(name: &str) -> String {
    let out = crate::bank::id::slug(&deunicode::deunicode(name), 40);
    if out.is_empty() {
        "anonymous".into()
    } else {
        out
    }
}

/// Reads a result file; errors name the file, and the line and column for bad JSON.
pub fn read_result(path: &Path) -> Result<SessionRecord, StoreError> {
    let bytes = crate::bank::input::read_bounded(path).map_err(|e| StoreError::io(path, e))?;
    parse_result(path, &bytes)
}

/// Parses the bytes of a result file (a UTF-8 BOM is allowed); `path` only names it in errors.
pub fn parse_result(path: &Path, bytes: &[u8]) -> Result<SessionRecord, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| match other_kind_of_file(bytes) {
        Some(what) => StoreError::NotAResult {
            path: crate::bank::sanitize::path(path),
            what,
        },
        None => StoreError::json(path, &e),
    })
}

/// What a JSON file that is not a result file looks like it is, when it is a termquiz file.
fn other_kind_of_file(bytes: &[u8]) -> Option<&'static str> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let object = value.as_object()?;
    if object.contains_key("questions") && object.contains_key("title") {
        Some("a question bank")
    } else if object.contains_key("cards") {
        Some("the review state")
    } else {
        None
    }
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
        assert_eq!(slug("张伟"), "zhang-wei");
        assert_eq!(slug("Łukasz Żółć"), "lukasz-zolc");
        assert_eq!(slug("Ἀλέξανδρος"), "alexandros");
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
