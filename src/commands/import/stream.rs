//! The import's output, written as the questions are read: each draft is checked, given its
//! id and written at once into the output's temp file, so that memory holds one question at
//! a time besides the input. Nothing replaces the output unless something was imported.

use std::io::{self, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use crate::bank::Question;
use crate::bank::raw::{JsonWriter, question_json};
use crate::import::{Draft, Finisher, Sink, Skipped};
use crate::store::atomic::AtomicFile;

/// Where the bank goes: a file replaced in one step, or standard output once all is read.
enum Out {
    File(AtomicFile),
    Stdout(Vec<u8>),
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::File(f) => f.write(buf),
            Out::Stdout(v) => v.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Out::File(f) => f.write_all(buf),
            Out::Stdout(v) => v.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::File(f) => f.flush(),
            Out::Stdout(_) => Ok(()),
        }
    }
}

/// A [`Sink`] that validates and writes each question as it comes.
pub struct Stream<'a> {
    path: Option<&'a Path>,
    title: &'a str,
    finisher: Finisher,
    /// Opened with the first valid question, so that a failed import leaves nothing behind.
    writer: Option<JsonWriter<Out>>,
    /// The first write error; later questions are still read, for the notes.
    error: Option<io::Error>,
    count: usize,
    bar: ProgressBar,
    by_line: bool,
}

/// What an import wrote, before it is put in place.
pub struct Written {
    out: Option<JsonWriter<Out>>,
    error: Option<io::Error>,
    /// Questions written.
    pub count: usize,
    /// What was skipped, by line.
    pub skipped: Vec<Skipped>,
    /// Notes about kept questions, by line.
    pub notes: Vec<Skipped>,
}

impl<'a> Stream<'a> {
    /// A stream into `path` (standard output when `None`) of a bank titled `title`.
    pub fn new(path: Option<&'a Path>, title: &'a str) -> Self {
        Stream {
            path,
            title,
            finisher: Finisher::default(),
            writer: None,
            error: None,
            count: 0,
            bar: ProgressBar::hidden(),
            by_line: false,
        }
    }

    /// Shows a progress bar of `len()` steps on stderr when it is a terminal; each draft
    /// then moves it to the draft's line (`by_line`) or one step on.
    pub fn show_progress(&mut self, len: impl FnOnce() -> usize, by_line: bool) {
        if !console::Term::stderr().is_term() {
            return;
        }
        self.bar = ProgressBar::new(len() as u64);
        self.by_line = by_line;
        if let Ok(style) = ProgressStyle::with_template("importing {wide_bar} {percent}%") {
            self.bar.set_style(style);
        }
    }

    fn write(&mut self, question: Question) -> io::Result<()> {
        let writer = match &mut self.writer {
            Some(writer) => writer,
            None => {
                let out = match self.path {
                    Some(path) => Out::File(AtomicFile::create(path)?),
                    None => Out::Stdout(Vec::new()),
                };
                self.writer
                    .insert(JsonWriter::start(out, self.title, None)?)
            }
        };
        writer.question_json(&question_json(question)?)
    }

    /// Ends the reading: what was written and the notes.
    pub fn end(self) -> Written {
        self.bar.finish_and_clear();
        let (skipped, notes) = self.finisher.into_notes();
        Written {
            out: self.writer,
            error: self.error,
            count: self.count,
            skipped,
            notes,
        }
    }
}

impl Sink for Stream<'_> {
    fn unit(&mut self, unit: &'static str) {
        self.finisher.set_unit(unit);
    }

    fn draft(&mut self, draft: Draft) {
        if self.by_line {
            self.bar.set_position(draft.line as u64);
        } else {
            self.bar.inc(1);
        }
        let Some(question) = self.finisher.question(draft) else {
            return;
        };
        self.count += 1;
        if self.error.is_none()
            && let Err(e) = self.write(question)
        {
            self.error = Some(e);
        }
    }

    fn skip(&mut self, skipped: Skipped) {
        self.finisher.skip(skipped);
    }

    fn note(&mut self, note: Skipped) {
        self.finisher.note(note);
    }
}

impl Written {
    /// Closes the bank and puts it in place, or gives its text for standard output; the
    /// first write error, if any.
    pub fn commit(self) -> io::Result<Option<String>> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let Some(writer) = self.out else {
            return Ok(None);
        };
        match writer.finish()? {
            Out::File(file) => file.commit().map(|()| None),
            Out::Stdout(bytes) => String::from_utf8(bytes).map(Some).map_err(io::Error::other),
        }
    }
}
