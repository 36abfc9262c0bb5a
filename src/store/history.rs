//! `history.jsonl`: one line per finished or interrupted session, appended whole.

use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::StoreError;
use super::record::SessionRecord;

/// The history file's name in the data dir.
pub const HISTORY_FILE: &str = "history.jsonl";

/// The history file in `dir`.
pub fn history_path(dir: &Path) -> PathBuf {
    dir.join(HISTORY_FILE)
}

/// Appends one record as a complete line with a single write under an exclusive lock, then
/// syncs. After a torn last line (a crash mid-write) the record starts on a line of its own.
pub fn append(dir: &Path, record: &SessionRecord) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let path = history_path(dir);
    let io = |e| StoreError::io(&path, e);
    // A FIFO or a device here would block or swallow the line: only a regular file will do.
    super::atomic::replaceable_target(&path).map_err(io)?;
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(&path)
        .map_err(io)?;
    // Held until `file` is dropped: the tail check and the write are one step for others.
    file.lock().map_err(io)?;
    let mut line = Vec::with_capacity(512);
    if ends_mid_line(&mut file).map_err(io)? {
        line.push(b'\n');
    }
    serde_json::to_writer(&mut line, record).map_err(|e| io(e.into()))?;
    line.push(b'\n');
    file.write_all(&line).map_err(io)?;
    file.sync_all().map_err(io)
}

fn ends_mid_line(file: &mut std::fs::File) -> std::io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// Every readable record, and a warning per damaged line (which stays in the file).
pub fn load(dir: &Path) -> Result<(Vec<SessionRecord>, Vec<String>), StoreError> {
    let mut records = Vec::new();
    let warnings = for_each(dir, |record| records.push(record))?;
    Ok((records, warnings))
}

/// Reads the history line by line, handing each readable record to `sink`, so memory stays
/// flat however long the history is; gives a warning per damaged line.
pub fn for_each(
    dir: &Path,
    mut sink: impl FnMut(SessionRecord),
) -> Result<Vec<String>, StoreError> {
    let path = history_path(dir);
    // Only a regular file: a FIFO would wait forever, a device never end.
    let file = match crate::bank::input::open_regular(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(&path, e)),
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut warnings = Vec::new();
    let mut line = Vec::new();
    let io = |e| StoreError::io(&path, e);
    for index in 0.. {
        line.clear();
        let limit = MAX_LINE_BYTES + 1;
        if (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut line)
            .map_err(io)?
            == 0
        {
            break;
        }
        if line.len() as u64 == limit && !line.ends_with(b"\n") {
            skip_rest_of_line(&mut reader).map_err(io)?;
            let file = crate::bank::sanitize::path(&path);
            let mib = MAX_LINE_BYTES >> 20;
            warnings.push(format!(
                "{file}:{}: skipped a line longer than {mib} MiB",
                index + 1
            ));
            continue;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<SessionRecord>(text) {
            Ok(record) => sink(record),
            Err(e) => {
                let (_, column, message) = crate::bank::diagnostic::json_error_parts(&e);
                let (file, line) = (crate::bank::sanitize::path(&path), index + 1);
                warnings.push(format!(
                    "{file}:{line}:{column}: skipped a damaged line ({message}); it stays in the file, delete that line to silence this warning"
                ));
            }
        }
    }
    Ok(warnings)
}

/// A history line longer than this is damage, not a session: it is skipped unread.
pub const MAX_LINE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads past the next newline without keeping anything.
fn skip_rest_of_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|b| *b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::record::QuestionRecord;

    pub(crate) fn record(name: &str, score: f64) -> SessionRecord {
        let at = jiff::Timestamp::from_second(1_764_000_000).unwrap();
        SessionRecord {
            name: name.into(),
            bank: "Bank".into(),
            started_at: at,
            finished_at: at,
            mode: "practice".into(),
            seed: 1,
            score,
            max_score: 2.0,
            interrupted: false,
            session_questions: None,
            session_max: None,
            longest_streak: 1,
            questions: vec![QuestionRecord {
                id: "q".into(),
                correct: score > 0.0,
                awarded: score,
                points: 2,
                answer: "a".into(),
                ms: 10,
                tags: vec!["t".into()],
                prompt: None,
            }],
        }
    }

    #[test]
    fn append_then_load() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), &record("a", 1.0)).unwrap();
        append(dir.path(), &record("b", 2.0)).unwrap();
        let (records, warnings) = load(dir.path()).unwrap();
        assert_eq!(records, vec![record("a", 1.0), record("b", 2.0)]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_torn_line_is_skipped_with_its_number_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), &record("a", 1.0)).unwrap();
        let path = history_path(dir.path());
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(br#"{"name":"torn","bank":"#).unwrap();
        append(dir.path(), &record("b", 2.0)).unwrap();
        let (records, warnings) = load(dir.path()).unwrap();
        assert_eq!(records, vec![record("a", 1.0), record("b", 2.0)]);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("history.jsonl:2:")
                && warnings[0].contains(": skipped a damaged line (")
                && warnings[0]
                    .ends_with("; it stays in the file, delete that line to silence this warning")
                && !warnings[0].contains(" at line "),
            "{}",
            warnings[0]
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(r#"{"name":"torn","bank":"#),
            "the damaged line is never rewritten away"
        );
    }

    #[test]
    fn no_file_is_an_empty_history() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), (Vec::new(), Vec::new()));
    }

    #[test]
    fn every_damaged_line_is_reported_with_its_number() {
        let dir = tempfile::tempdir().unwrap();
        let good = serde_json::to_string(&record("a", 1.0)).unwrap();
        let text = format!("{good}\nnot json\n\n{{\"name\":1}}\n{good}\n");
        std::fs::write(history_path(dir.path()), &text).unwrap();
        let (records, warnings) = load(dir.path()).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(warnings.len(), 2);
        assert!(
            warnings[0].contains("history.jsonl:2:2: skipped a damaged line (expected ident)"),
            "{}",
            warnings[0]
        );
        assert!(warnings[1].contains("history.jsonl:4:"), "{}", warnings[1]);
    }
}
