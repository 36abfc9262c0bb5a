//! Where a finished or interrupted session goes: the result file and the history.

use std::path::PathBuf;

use crate::error::Result;
use crate::store::SessionRecord;

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

    /// Saves the record; returns lines to tell the player.
    pub fn save(&self, _record: &SessionRecord) -> Result<Vec<String>> {
        let _ = &self.results;
        Ok(Vec::new())
    }
}
