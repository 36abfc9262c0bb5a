//! `termquiz report`: not built yet.

use crate::cli::ReportArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &ReportArgs) -> Result<()> {
    Err(Error::Usage("termquiz report is not built yet".into()))
}
