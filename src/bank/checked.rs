//! A bank file checked without holding it whole: it is cut into pieces as it is read
//! ([`super::pieces`]), the questions of each piece are validated on every core, and only
//! what the caller keeps stays, with where each kept question is in the file. A file that is
//! not plainly valid (or comes from a pipe) is read whole by the exact path
//! ([`super::parse`]), which gives the same result, or every problem at its place.

use std::io::{self, Seek};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::load::LoadError;
use super::model::Question;
use super::pieces::Header;
use super::sweep::sweep;

pub(crate) use super::reread::Reread;

/// A question the caller kept: its place among the bank's questions and in the file.
pub(crate) struct Kept<T> {
    pub index: usize,
    /// Byte range in the file (a byte-order mark counted).
    pub span: Range<u64>,
    pub value: T,
}

/// Where the questions of a checked file can be read again.
pub(crate) enum Text {
    /// Kept in memory (the file came from a pipe, or was read whole).
    Memory(Vec<u8>),
    /// On disk, as it was when checked.
    Disk { path: PathBuf, stamp: Stamp },
}

/// A file's length and modification time, to notice that it changed.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct Stamp(u64, Option<std::time::SystemTime>);

impl Stamp {
    pub(crate) fn of(meta: &std::fs::Metadata) -> Self {
        Stamp(meta.len(), meta.modified().ok())
    }
}

/// A valid bank file: its header, what was kept of its questions, and where they are.
pub(crate) struct Checked<T> {
    pub header: Header,
    pub kept: Vec<Kept<T>>,
    pub text: Text,
}

/// Checks the bank file at `path` (`name` in diagnostics), keeping what `keep` returns
/// for each question, in file order.
pub(crate) fn check_file<T: Send>(
    path: &Path,
    name: &str,
    keep: impl Fn(usize, Question) -> Option<T> + Sync,
) -> Result<Checked<T>, LoadError> {
    let read_error = LoadError::read(name);
    let (mut file, meta) = super::input::open_bounded(path).map_err(read_error)?;
    if meta.is_file() {
        let limit = super::input::MAX_INPUT_BYTES;
        let mut kept = Vec::new();
        if let Some(header) =
            sweep(&file, limit, &keep, &mut |k| kept.push(k)).map_err(read_error)?
        {
            let stamp = Stamp::of(&meta);
            return Ok(Checked {
                header,
                kept,
                text: Text::Disk {
                    path: path.to_path_buf(),
                    stamp,
                },
            });
        }
        // Not plainly valid: read again whole.
        file.seek(io::SeekFrom::Start(0)).map_err(read_error)?;
    }
    let bytes =
        super::input::read_all(file, &meta, super::input::MAX_INPUT_BYTES).map_err(read_error)?;
    check_bytes(name, bytes, keep)
}

/// The exact path over a whole file's bytes.
fn exact<T: Send>(
    name: &str,
    bytes: &[u8],
    keep: &(impl Fn(usize, Question) -> Option<T> + Sync),
) -> Result<(Header, Vec<Kept<T>>), LoadError> {
    super::parse::check_spans(name, bytes, |index, span, q| {
        let span = span.start as u64..span.end as u64;
        keep(index, q).map(|value| Kept { index, span, value })
    })
    .map_err(LoadError::Invalid)
}

/// Checks a bank held in memory (the embedded default bank) as [`check_file`] does a file.
pub(crate) fn check_bytes<T: Send>(
    name: &str,
    bytes: Vec<u8>,
    keep: impl Fn(usize, Question) -> Option<T> + Sync,
) -> Result<Checked<T>, LoadError> {
    let (header, kept) = exact(name, &bytes, &keep)?;
    Ok(Checked {
        header,
        kept,
        text: Text::Memory(bytes),
    })
}

/// Goes through a file checked before (as [`check_file`] left it) again, handing what
/// `keep` returns to `sink` in file order as it goes, without holding the file.
pub(crate) fn recheck<T: Send>(
    name: &str,
    text: &Text,
    keep: impl Fn(usize, Question) -> Option<T> + Sync,
    sink: &mut dyn FnMut(Kept<T>),
) -> Result<(), LoadError> {
    let (path, stamp) = match text {
        Text::Memory(bytes) => {
            exact(name, bytes, &keep)?.1.into_iter().for_each(sink);
            return Ok(());
        }
        Text::Disk { path, stamp } => (path, stamp),
    };
    let file = open_unchanged(name, path, stamp)?;
    let limit = super::input::MAX_INPUT_BYTES;
    let header = sweep(&file, limit, &keep, sink).map_err(LoadError::read(name))?;
    header.map(|_| ()).ok_or_else(|| changed(name))
}

/// Opens a file checked before; one whose length or modification time changed since is
/// an error.
pub(crate) fn open_unchanged(
    name: &str,
    path: &Path,
    stamp: &Stamp,
) -> Result<std::fs::File, LoadError> {
    let file = std::fs::File::open(path).map_err(LoadError::read(name))?;
    let meta = file.metadata().map_err(LoadError::read(name))?;
    if Stamp::of(&meta) != *stamp {
        return Err(changed(name));
    }
    Ok(file)
}

/// The error for a file that changed between two readings.
pub(crate) fn changed(name: &str) -> LoadError {
    let message = "the file changed while it was read; run again".to_string();
    LoadError::Invalid(vec![super::parse::diag(
        name,
        super::Location::File,
        message,
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bank of `n` true/false questions (about 70 bytes each), some replaced by `broken`.
    fn bank(n: usize, broken: &[(usize, &str)]) -> String {
        let questions: Vec<String> = (0..n)
            .map(|i| match broken.iter().find(|(at, _)| *at == i) {
                Some((_, text)) => text.to_string(),
                None => format!(
                    r#"{{"id":"q-{i}","kind":"true_false","prompt":"p {i}?","answer":true}}"#
                ),
            })
            .collect();
        format!(
            "{{\"title\": \"Big\",\n \"questions\": [\n{}\n]}}",
            questions.join(",\n")
        )
    }

    /// Enough questions for several pieces, so that the worker threads run.
    const MANY: usize = 3 * super::super::pieces::PIECE / 70;

    type Got = Result<(Header, Vec<(usize, Range<u64>, String)>, bool), Vec<String>>;

    /// What checking the text as a file gives: header, kept ids with their spans, and
    /// whether the file stays on disk; or the diagnostics.
    fn check_text(text: &str) -> Got {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, text).unwrap();
        match check_file(&path, "b.json", |_, q| Some(q.id.clone())) {
            Ok(checked) => {
                let kept = checked.kept.into_iter();
                let kept = kept.map(|k| (k.index, k.span, k.value)).collect();
                Ok((
                    checked.header,
                    kept,
                    matches!(checked.text, Text::Disk { .. }),
                ))
            }
            Err(LoadError::Invalid(d)) => Err(d.iter().map(ToString::to_string).collect()),
            Err(other) => panic!("{other}"),
        }
    }

    /// What the exact path gives for the same text.
    fn exact(text: &str) -> Got {
        let got = super::super::parse::check_spans("b.json", text.as_bytes(), |i, span, q| {
            Some((i, span.start as u64..span.end as u64, q.id))
        });
        match got {
            Ok((header, kept)) => Ok((header, kept, true)),
            Err(d) => Err(d.iter().map(ToString::to_string).collect()),
        }
    }

    #[test]
    fn a_big_bank_read_in_pieces_keeps_what_reading_it_whole_keeps() {
        let text = bank(MANY, &[]);
        let got = check_text(&text).expect("valid");
        assert_eq!(Ok(got.clone()), exact(&text));
        assert!(got.2, "a plain file is read again from disk, not kept");
        let (_, kept, _) = got;
        let (index, span, id) = &kept[MANY - 1];
        let (start, end) = (span.start as usize, span.end as usize);
        assert_eq!(
            (*index, id.as_str()),
            (MANY - 1, format!("q-{}", MANY - 1).as_str())
        );
        assert!(text[start..end].starts_with("{\"id\":\"q-") && text[start..end].ends_with('}'));
    }

    #[test]
    fn problems_found_in_any_piece_are_those_of_the_whole_file() {
        let cases = [
            vec![(
                MANY - 2,
                r#"{"id":"q-3","kind":"true_false","prompt":"p","answer":true}"#,
            )],
            vec![(
                MANY / 2,
                r#"{"id":"x","kind":"true_false","prompt":5,"answer":true}"#,
            )],
            vec![(MANY - 1, r#"{"id":"y","kind":"true_false","prompt":"p"}"#)],
            vec![(
                MANY / 3,
                r#"{"id":"z","kind":"true_false","prompt":"p","answer":true,}"#,
            )],
        ];
        for broken in cases {
            let text = bank(MANY, &broken);
            let got = check_text(&text);
            assert!(got.is_err(), "{broken:?} must be refused");
            assert_eq!(got, exact(&text), "{broken:?}");
        }
    }

    #[test]
    fn a_small_or_unusual_bank_gives_what_the_exact_path_gives() {
        let small = bank(3, &[]);
        assert_eq!(check_text(&small), exact(&small));
        let array =
            r#"["s", "T", null, [{"id":"a","kind":"true_false","prompt":"p","answer":true}]]"#;
        let got = check_text(array).expect("an array bank is valid");
        assert!(!got.2, "read whole, so kept in memory");
        assert_eq!(Ok((got.0, got.1, true)), exact(array));
        for text in ["", "{}", r#"{"title":" ","questions":[]}"#, "\u{feff}[1"] {
            assert_eq!(check_text(text), exact(text), "{text}");
        }
    }
}
