//! Where a finished or interrupted session goes: the result file and the history.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::store::{SessionRecord, history, paths, results};
use crate::ui::Prompter;

/// The places a session's record is written to.
#[derive(Debug, Clone)]
pub struct Target {
    results: Option<PathBuf>,
}

impl Target {
    /// Writes results to `results` (a file or a directory) when given.
    pub fn new(results: Option<PathBuf>) -> Self {
        Target { results }
    }

    /// Saves the record: the result file when asked for (its failure is an error), and a
    /// history line when anything was answered (its failure only a warning).
    pub fn save(&self, record: &SessionRecord) -> Result<Vec<String>> {
        let mut said = Vec::new();
        if let Some(target) = &self.results {
            let path = results::write_result(target, record)?;
            said.push(format!(
                "Result saved to {}",
                crate::bank::sanitize::path(&path)
            ));
        }
        if !record.questions.is_empty() {
            let saved = paths::data_dir().and_then(|dir| history::append(&dir, record));
            if let Err(e) = saved {
                said.push(format!("warning: history not saved: {e}"));
            }
        }
        Ok(said)
    }

    /// Ends a session: saves the record, tells the player where it went, restores the
    /// terminal, and turns an interrupted session into `Error::Interrupted` (exit 130).
    pub fn finish(
        &self,
        mut prompter: Box<dyn Prompter>,
        record: &SessionRecord,
        interrupted: bool,
    ) -> Result<()> {
        for line in self.save(record)? {
            prompter.show(&line)?;
        }
        drop(prompter);
        if interrupted {
            Err(Error::Interrupted)
        } else {
            Ok(())
        }
    }
}
