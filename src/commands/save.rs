//! Where a finished or interrupted session goes: the result file and the history.
//! Each fails alone: a result that cannot go where asked goes to the data dir instead,
//! and the history line is written whatever happens to the result.

use std::path::PathBuf;
use std::time::Instant;

use super::interrupt::Guard;
use crate::bank::sanitize;
use crate::engine::Session;
use crate::error::{Error, Result};
use crate::store::from_session::{SessionMeta, record};
use crate::store::{SessionRecord, history, paths, results};
use crate::ui::{Prompter, render};

/// The data dir's folder for results that could not be written where asked.
pub const FALLBACK_DIR: &str = "results";

/// The places a session's record is written to.
#[derive(Debug, Clone)]
pub struct Target {
    results: Option<PathBuf>,
}

/// What saving did: lines to show the player, and the error if the result could not be
/// written where asked (it may then be in the data dir, as the lines say).
pub struct Saved {
    /// "Result saved to …", warnings about a store that failed.
    pub lines: Vec<String>,
    /// Set when the result file could not be written where asked.
    pub failed: Option<Error>,
}

impl Target {
    /// Writes results to `results` (a file or a directory) when given.
    pub fn new(results: Option<PathBuf>) -> Self {
        Target { results }
    }

    /// Before the first question: the result target can be written and is none of `inputs`.
    pub fn check(&self, inputs: &[PathBuf]) -> Result<()> {
        let Some(target) = &self.results else {
            return Ok(());
        };
        super::output::refuse_input(target, inputs, "--results")?;
        results::check_target(target)?;
        Ok(())
    }

    /// Saves the record: a history line when anything was answered, and the result file
    /// when asked for (in the data dir when the asked place fails).
    pub fn save(&self, record: &SessionRecord) -> Saved {
        let mut saved = Saved {
            lines: Vec::new(),
            failed: None,
        };
        if !record.questions.is_empty() {
            let appended = paths::data_dir().and_then(|dir| history::append(&dir, record));
            if let Err(e) = appended {
                saved.lines.push(format!("warning: history not saved: {e}"));
            }
        }
        if let Some(target) = &self.results {
            match results::write_result(target, record) {
                Ok(path) => saved
                    .lines
                    .push(format!("Result saved to {}", sanitize::path(&path))),
                Err(e) => {
                    if let Some(path) = save_in_data_dir(record) {
                        let path = sanitize::path(&path);
                        saved.lines.push(format!("Result saved to {path} instead"));
                    }
                    saved.failed = Some(e.into());
                }
            }
        }
        saved
    }

    /// Ends a session: saves the record, tells the player where it went, restores the
    /// terminal, and turns an interrupted session into `Error::Interrupted` (exit 130).
    pub fn finish(
        &self,
        mut prompter: Box<dyn Prompter>,
        record: &SessionRecord,
        interrupted: bool,
    ) -> Result<()> {
        let saved = self.save(record);
        let mut shown = Ok(());
        for line in &saved.lines {
            if shown.is_ok() {
                shown = prompter.show(line);
            }
            if shown.is_err() {
                // The output is gone (a closed pipe): say where things went on stderr.
                eprintln!("{line}");
            }
        }
        drop(prompter);
        if let Some(e) = saved.failed {
            return Err(e);
        }
        match shown {
            _ if interrupted => Err(Error::Interrupted),
            // Nothing could be shown (a closed pipe): the run did not end as asked.
            Err(_) => Err(Error::Interrupted),
            Ok(()) => Ok(()),
        }
    }
}

/// Arms the signal fallback with a snapshot of the session as it is now: it saves first,
/// then tells the player on stderr (stdout may be a blocked pipe).
pub fn arm(guard: &Guard, session: &Session, meta: &SessionMeta, target: &Target, clock: Instant) {
    let snapshot = record(session, meta, jiff::Timestamp::now());
    let summary = render::summary(session, clock.elapsed(), true);
    let target = target.clone();
    guard.arm(move || {
        let saved = target.save(&snapshot);
        eprint!("{summary}");
        for line in &saved.lines {
            eprintln!("{line}");
        }
        if let Some(e) = saved.failed {
            crate::error::report(&e);
        }
    });
}

/// A result that could not go where asked goes to `<data dir>/results/`; its path, if saved.
fn save_in_data_dir(record: &SessionRecord) -> Option<PathBuf> {
    let dir = paths::data_dir().ok()?.join(FALLBACK_DIR).join("");
    results::write_result(&dir, record).ok()
}
