//! The fast path of checking a bank file: the file is cut into pieces as it is read
//! ([`super::pieces`]) on this thread, the questions of each piece are validated on one
//! worker thread per core, and what the caller keeps comes back in file order; ids are
//! checked for uniqueness by a hash of each. Anything not plainly valid is left to the exact
//! path.

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, sync_channel};
use std::sync::{Mutex, mpsc};

use super::checked::Kept;
use super::model::Question;
use super::pieces::{self, Cut, Header, Piece};
use super::raw::RawQuestion;
use super::validate::validate_question;

/// Pieces waiting for a worker; with [`pieces::PIECE`] bytes each, this bounds the bytes held.
const QUEUED: usize = 4;

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
pub(crate) fn sweep<T: Send>(
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
