//! `history.jsonl`: one session per line, appended with one write; damaged lines are skipped.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{SessionRecord, StoreError, Warning, error::json_message, paths};

/// The history's file name inside the data directory.
pub const FILE_NAME: &str = "history.jsonl";

/// The history file inside `dir`.
pub fn file(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Appends `record` as one line with a single write, then fsyncs; creates `dir` and the file.
/// If a crash left the last line without its newline, the new line starts on a line of its own.
pub fn append(dir: &Path, record: &SessionRecord) -> Result<(), StoreError> {
    paths::ensure_dir(dir)?;
    let path = file(dir);
    let mut handle = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(&path)
        .map_err(|e| StoreError::io(&path, e))?;
    let torn = ends_without_newline(&mut handle).map_err(|e| StoreError::io(&path, e))?;
    let line = encode_line(record, torn).map_err(|e| StoreError::json(&path, &e))?;
    handle.write_all(&line).map_err(|e| StoreError::io(&path, e))?;
    handle.sync_all().map_err(|e| StoreError::io(&path, e))
}

/// The complete bytes to append: an optional `\n` to end a torn line, the record, `\n`.
fn encode_line(record: &SessionRecord, torn: bool) -> serde_json::Result<Vec<u8>> {
    let mut line = Vec::with_capacity(512);
    if torn {
        line.push(b'\n');
    }
    serde_json::to_writer(&mut line, record)?;
    line.push(b'\n');
    Ok(line)
}

/// True when the file is not empty and its last byte is not a newline.
fn ends_without_newline(handle: &mut File) -> std::io::Result<bool> {
    if handle.metadata()?.len() == 0 {
        return Ok(false);
    }
    handle.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    handle.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// Reads every session of the history in `dir`; a missing file is an empty history.
/// Damaged lines are skipped and reported as warnings, and the file is left as it is.
pub fn load(dir: &Path) -> Result<(Vec<SessionRecord>, Vec<Warning>), StoreError> {
    let path = file(dir);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(parse(&path, &bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Vec::new(), Vec::new())),
        Err(e) => Err(StoreError::io(&path, e)),
    }
}

/// Parses history bytes line by line; `path` only names the file in warnings.
pub fn parse(path: &Path, bytes: &[u8]) -> (Vec<SessionRecord>, Vec<Warning>) {
    let mut sessions = Vec::new();
    let mut warnings = Vec::new();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<SessionRecord>(line) {
            Ok(record) => sessions.push(record),
            Err(e) => warnings.push(Warning {
                path: path.to_path_buf(),
                line: index + 1,
                message: format!("skipped a damaged line ({})", json_message(&e)),
            }),
        }
    }
    (sessions, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::record::tests::sample;

    #[test]
    fn missing_file_is_empty_history() {
        let tmp = tempfile::tempdir().unwrap();
        let (sessions, warnings) = load(&tmp.path().join("none")).unwrap();
        assert!(sessions.is_empty() && warnings.is_empty());
    }

    #[test]
    fn append_then_load_round_trips_and_creates_the_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        append(&dir, &sample("Ann", 1)).unwrap();
        append(&dir, &sample("Bob", 2)).unwrap();
        let (sessions, warnings) = load(&dir).unwrap();
        assert_eq!(sessions, vec![sample("Ann", 1), sample("Bob", 2)]);
        assert!(warnings.is_empty());
        let text = std::fs::read_to_string(file(&dir)).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn torn_last_line_is_skipped_and_the_next_append_starts_a_new_line() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        append(dir, &sample("Ann", 1)).unwrap();
        let full = serde_json::to_string(&sample("Cut", 9)).unwrap();
        let mut handle = OpenOptions::new().append(true).open(file(dir)).unwrap();
        handle.write_all(&full.as_bytes()[..full.len() / 2]).unwrap();
        drop(handle);
        append(dir, &sample("Bob", 2)).unwrap();

        let (sessions, warnings) = load(dir).unwrap();
        assert_eq!(sessions, vec![sample("Ann", 1), sample("Bob", 2)]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 2);
        let shown = warnings[0].to_string();
        assert!(shown.contains("history.jsonl:2: skipped a damaged line (EOF while parsing"), "{shown}");
    }

    #[test]
    fn garbage_lines_are_reported_with_their_numbers_and_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let good = serde_json::to_string(&sample("Ann", 1)).unwrap();
        let text = format!("{good}\nnot json\n\n{{\"name\":1}}\n{good}\n");
        std::fs::write(file(tmp.path()), &text).unwrap();
        let (sessions, warnings) = load(tmp.path()).unwrap();
        assert_eq!(sessions.len(), 2);
        let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![2, 4]);
        append(tmp.path(), &sample("Bob", 2)).unwrap();
        let after = std::fs::read_to_string(file(tmp.path())).unwrap();
        assert!(after.starts_with(&text), "damaged lines must not be rewritten away");
    }
}
