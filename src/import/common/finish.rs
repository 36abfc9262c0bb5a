//! The last step of every import, one question at a time: readers hand what they read to a
//! [`Sink`]; a [`Finisher`] gives each draft a unique id and checks it with the bank's rules
//! on the typed question (no JSON text), so a big file can be written as it is read.

use super::{Draft, IdMaker, Parsed, Skipped};
use crate::bank::Question;
use crate::bank::id::slug;
use crate::bank::owned::validate_typed;

/// Where a reader puts what it reads, item by item, so that a big file need not be held
/// whole: a [`Parsed`] keeps everything; the import command validates and writes at once.
pub trait Sink {
    /// Draft lines count in `unit` ("row", "card") rather than lines; said before any item.
    fn unit(&mut self, unit: &'static str);
    /// A question read.
    fn draft(&mut self, draft: Draft);
    /// An item that could not be read, and why.
    fn skip(&mut self, skipped: Skipped);
    /// A question kept with something of it left out or changed, and what.
    fn note(&mut self, note: Skipped);
}

impl Sink for Parsed {
    fn unit(&mut self, unit: &'static str) {
        self.unit = Some(unit);
    }

    fn draft(&mut self, draft: Draft) {
        self.drafts.push(draft);
    }

    fn skip(&mut self, skipped: Skipped) {
        self.skipped.push(skipped);
    }

    fn note(&mut self, note: Skipped) {
        self.notes.push(note);
    }
}

impl Parsed {
    /// Hands everything read to `sink`: the unit, the notes, then each draft in file order.
    pub fn replay(self, sink: &mut impl Sink) {
        if let Some(unit) = self.unit {
            sink.unit(unit);
        }
        self.skipped.into_iter().for_each(|s| sink.skip(s));
        self.notes.into_iter().for_each(|n| sink.note(n));
        self.drafts.into_iter().for_each(|d| sink.draft(d));
    }
}

/// Turns drafts into valid questions with unique ids and keeps the notes about the rest.
#[derive(Debug, Default)]
pub struct Finisher {
    ids: IdMaker,
    unit: Option<&'static str>,
    skipped: Vec<Skipped>,
    notes: Vec<Skipped>,
}

impl Finisher {
    /// A finisher whose notes count draft lines in `unit` ("row", "card") when it is set.
    pub fn new(unit: Option<&'static str>) -> Self {
        Finisher {
            unit,
            ..Finisher::default()
        }
    }

    /// Counts draft lines in `unit` from now on.
    pub fn set_unit(&mut self, unit: &'static str) {
        self.unit = Some(unit);
    }

    /// The draft with its final id, when the bank's rules accept it; else `None` and a
    /// note saying why.
    pub fn question(&mut self, draft: Draft) -> Option<Question> {
        let mut question = draft.question;
        let hint = draft.id_hint.as_deref().filter(|h| !slug(h, 60).is_empty());
        question.id = self.ids.unique(hint.unwrap_or(&question.prompt));
        match validate_typed(question) {
            Ok(valid) => Some(valid),
            Err(reasons) => {
                self.skipped.push(match self.unit {
                    Some(unit) => Skipped::at(unit, draft.line, None, reasons.join("; ")),
                    None => Skipped::new(draft.line, reasons.join("; ")),
                });
                None
            }
        }
    }

    /// Records an item the reader skipped.
    pub fn skip(&mut self, skipped: Skipped) {
        self.skipped.push(skipped);
    }

    /// Records a note about a kept question.
    pub fn note(&mut self, note: Skipped) {
        self.notes.push(note);
    }

    /// What was skipped and the notes, each sorted by line.
    pub fn into_notes(self) -> (Vec<Skipped>, Vec<Skipped>) {
        let (mut skipped, mut notes) = (self.skipped, self.notes);
        skipped.sort_by_key(|s| s.line);
        notes.sort_by_key(|s| s.line);
        (skipped, notes)
    }
}
