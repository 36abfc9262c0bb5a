//! A bank file checked without holding it whole: it is cut into pieces as it is read
//! ([`super::pieces`]), the questions of each piece are validated on every core, and only
//! what the caller keeps stays, with where each kept question is in the file. A file that is
//! not plainly valid (or comes from a pipe) is read whole by the exact path
//! ([`super::parse`]), which gives the same result, or every problem at its place.

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::io::{self, Read, Seek};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, sync_channel};
use std::sync::{Mutex, mpsc};

use super::load::LoadError;
use super::model::Question;
use super::pieces::{self, Cut, Header, Piece};
use super::raw::RawQuestion;
use super::validate::validate_question;

/// Pieces waiting for a worker; with [`pieces::PIECE`] bytes each, this bounds the bytes held.
const QUEUED: usize = 4;

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
    let read_error = |source| LoadError::Read {
        path: name.to_string(),
        source,
    };
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
    let (header, kept) = exact(name, &bytes, &keep)?;
    Ok(Checked {
        header,
        kept,
        text: Text::Memory(bytes),
    })
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
    let read_error = |source| LoadError::Read {
        path: name.to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    let limit = super::input::MAX_INPUT_BYTES;
    if Stamp::of(&meta) != *stamp
        || sweep(&file, limit, &keep, sink)
            .map_err(read_error)?
            .is_none()
    {
        return Err(changed(name));
    }
    Ok(())
}

/// The error for a file that changed between two readings.
fn changed(name: &str) -> LoadError {
    let message = "the file changed while it was read; run again".to_string();
    LoadError::Invalid(vec![super::parse::diag(
        name,
        super::Location::File,
        message,
    )])
}

/// Reads questions of a checked file again, by their spans: from memory, or from the file
/// kept open and read forward while the spans go forward.
pub(crate) struct Reread<'t> {
    name: &'t str,
    text: &'t Text,
    /// The open file and the offset it is read up to.
    file: Option<(io::BufReader<std::fs::File>, u64)>,
}

impl<'t> Reread<'t> {
    pub(crate) fn new(name: &'t str, text: &'t Text) -> Self {
        Reread {
            name,
            text,
            file: None,
        }
    }

    /// The question at `span`; a file changed since it was checked is an error.
    pub(crate) fn question(&mut self, span: Range<u64>) -> Result<Question, LoadError> {
        let name = self.name;
        let read_error = |source| LoadError::Read {
            path: name.to_string(),
            source,
        };
        let (Ok(start), Ok(end)) = (usize::try_from(span.start), usize::try_from(span.end)) else {
            return Err(changed(name));
        };
        let bytes = match self.text {
            Text::Memory(bytes) => {
                return super::parse::question_at(name, bytes, start..end)
                    .map_err(LoadError::Invalid);
            }
            Text::Disk { path, stamp } => {
                let (file, at) = match &mut self.file {
                    Some(open) => open,
                    none => {
                        let file = std::fs::File::open(path).map_err(read_error)?;
                        if Stamp::of(&file.metadata().map_err(read_error)?) != *stamp {
                            return Err(changed(name));
                        }
                        none.insert((io::BufReader::new(file), 0))
                    }
                };
                let mut bytes = vec![0; end - start];
                let moved = match span.start.checked_sub(*at).map(i64::try_from) {
                    Some(Ok(forward)) => file.seek_relative(forward),
                    _ => file.seek(io::SeekFrom::Start(span.start)).map(|_| ()),
                };
                moved
                    .and_then(|()| file.read_exact(&mut bytes))
                    .map_err(read_error)?;
                *at = span.end;
                bytes
            }
        };
        super::parse::question_at(name, &bytes, 0..bytes.len()).map_err(LoadError::Invalid)
    }
}

/// What a worker made of one piece: what was kept and a hash of each question's id.
struct Done<T> {
    first: usize,
    /// How many questions the piece holds.
    questions: usize,
    kept: Vec<Kept<T>>,
    ids: Vec<u64>,
}

/// The fast path: cuts and validates the file, handing what `keep` returns to `sink` in
/// file order as it goes; the header, or `None` when the file is not plainly valid (the sink
/// may have had some questions then).
fn sweep<T: Send>(
    file: &std::fs::File,
    limit: u64,
    keep: &(impl Fn(usize, Question) -> Option<T> + Sync),
    sink: &mut dyn FnMut(Kept<T>),
) -> io::Result<Option<Header>> {
    let hashes = RandomState::new();
    let unusual = AtomicBool::new(false);
    let worker = Worker {
        keep,
        hashes: &hashes,
        unusual: &unusual,
    };
    let mut merged = Merged {
        ids: HashSet::default(),
        clash: false,
        count: 0,
        waiting: BTreeMap::new(),
        sink,
    };
    let (job_tx, job_rx) = sync_channel::<(usize, Piece)>(QUEUED);
    let jobs = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done<T>>();
    let (spare_tx, spare_rx) = mpsc::channel::<Vec<u8>>();
    let cut = std::thread::scope(|scope| -> io::Result<Cut> {
        let mut feed = Feed {
            first: None,
            jobs: job_tx,
            spare: spare_rx,
            count: 0,
            merged: &mut merged,
            done: &done_rx,
            unusual: &unusual,
            start: &mut || {
                for _ in 0..threads() {
                    let (jobs, done, spare) = (&jobs, done_tx.clone(), spare_tx.clone());
                    scope.spawn(move || worker.run(jobs, &done, &spare));
                }
            },
        };
        let cut = pieces::cut(file, limit, &mut feed);
        let first = feed.first.take();
        drop(feed);
        if let Some(first) = first {
            // A bank of one piece: checked here, no thread started.
            let _ = done_tx.send(worker.piece(0, first, None));
        }
        drop(done_tx);
        merged.drain(&done_rx, true);
        cut
    })?;
    let header = match cut {
        Cut::Done(header) if !unusual.into_inner() && !merged.clash => header,
        _ => return Ok(None),
    };
    let (title, _) = &header;
    if merged.count == 0 || !super::parse::is_title(title) {
        return Ok(None);
    }
    Ok(Some(header))
}

/// Hands pieces to the worker threads, started with the second piece, and gathers what
/// they found so far.
struct Feed<'f, 'm, T> {
    first: Option<Piece>,
    jobs: SyncSender<(usize, Piece)>,
    spare: Receiver<Vec<u8>>,
    /// Questions handed on so far.
    count: usize,
    merged: &'f mut Merged<'m, T>,
    done: &'f Receiver<Done<T>>,
    unusual: &'f AtomicBool,
    start: &'f mut dyn FnMut(),
}

impl<T> Feed<'_, '_, T> {
    fn send(&mut self, piece: Piece) {
        let first = self.count;
        self.count += piece.questions.len();
        // The workers stop only when the jobs end: sending cannot fail.
        let _ = self.jobs.send((first, piece));
    }
}

impl<T> pieces::Sink for Feed<'_, '_, T> {
    fn take(&mut self, piece: Piece) -> bool {
        if self.count == 0 && self.first.is_none() {
            self.first = Some(piece);
            return true;
        }
        if let Some(first) = self.first.take() {
            (self.start)();
            self.send(first);
        }
        self.send(piece);
        self.merged.drain(self.done, false);
        !self.unusual.load(Ordering::Relaxed) && !self.merged.clash
    }

    fn spare(&mut self) -> Option<Vec<u8>> {
        self.spare.try_recv().ok()
    }
}

/// Worker threads for a big file: one per core beside the one reading, at least one.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 8))
}

struct Worker<'w, K> {
    keep: &'w K,
    hashes: &'w RandomState,
    unusual: &'w AtomicBool,
}

impl<K> Clone for Worker<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Worker<'_, K> {}

impl<K> Worker<'_, K> {
    /// Takes pieces until there are none left.
    fn run<T>(
        self,
        jobs: &Mutex<Receiver<(usize, Piece)>>,
        done: &Sender<Done<T>>,
        spare: &Sender<Vec<u8>>,
    ) where
        K: Fn(usize, Question) -> Option<T>,
    {
        loop {
            let Ok(Ok((first, piece))) = jobs.lock().map(|jobs| jobs.recv()) else {
                return;
            };
            if self.unusual.load(Ordering::Relaxed) {
                continue;
            }
            if done.send(self.piece(first, piece, Some(spare))).is_err() {
                return;
            }
        }
    }

    /// Validates the questions of a piece; the first one that fails makes the file unusual.
    /// Its bytes go back to `spare` for another piece.
    fn piece<T>(self, first: usize, piece: Piece, spare: Option<&Sender<Vec<u8>>>) -> Done<T>
    where
        K: Fn(usize, Question) -> Option<T>,
    {
        let mut done = Done {
            first,
            questions: piece.questions.len(),
            kept: Vec::new(),
            ids: Vec::with_capacity(piece.questions.len()),
        };
        for (index, span) in (first..).zip(piece.questions) {
            let Some(question) = std::str::from_utf8(&piece.bytes[span.clone()])
                .ok()
                .and_then(|text| serde_json::from_str::<RawQuestion>(text).ok())
                .and_then(|raw| validate_question(raw).ok())
            else {
                self.unusual.store(true, Ordering::Relaxed);
                break;
            };
            done.ids.push(self.hashes.hash_one(question.id.as_str()));
            if let Some(value) = (self.keep)(index, question) {
                let start = piece.offset + span.start as u64;
                let span = start..start + span.len() as u64;
                done.kept.push(Kept { index, span, value });
            }
        }
        if let Some(spare) = spare {
            // The reader may be done: then the bytes are not needed.
            let _ = spare.send(piece.bytes);
        }
        done
    }
}

/// The pieces' results gathered on the reading thread: ids checked and what was kept
/// handed on in file order as they come.
struct Merged<'s, T> {
    ids: HashSet<u64, BuildHasherDefault<Passthrough>>,
    /// Two ids share a hash: the exact path tells whether they are the same id.
    clash: bool,
    /// Questions handed on.
    count: usize,
    /// Pieces done before one that comes earlier in the file, by their first question.
    waiting: BTreeMap<usize, Done<T>>,
    sink: &'s mut dyn FnMut(Kept<T>),
}

impl<T> Merged<'_, T> {
    /// Takes the results that are ready, or (`all`) every one until the workers end.
    fn drain(&mut self, done: &Receiver<Done<T>>, all: bool) {
        loop {
            let next = if all {
                done.recv().ok()
            } else {
                done.try_recv().ok()
            };
            let Some(next) = next else { return };
            for &id in &next.ids {
                self.clash |= !self.ids.insert(id);
            }
            self.waiting.insert(next.first, next);
            while let Some(entry) = self.waiting.first_entry() {
                if *entry.key() != self.count {
                    break;
                }
                let piece = entry.remove();
                self.count += piece.questions;
                piece.kept.into_iter().for_each(&mut *self.sink);
            }
        }
    }
}

/// The hasher of a set of hashes: they are already spread.
#[derive(Default)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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
    const MANY: usize = 3 * pieces::PIECE / 70;

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
