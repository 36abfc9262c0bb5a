//! `termquiz stats`: not built yet.

use crate::cli::StatsArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &StatsArgs) -> Result<()> {
    Err(Error::Usage("termquiz stats is not built yet".into()))
}
