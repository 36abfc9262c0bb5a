//! `termquiz export`: not built yet.

use crate::cli::ExportArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &ExportArgs) -> Result<()> {
    Err(Error::Usage("termquiz export is not built yet".into()))
}
