//! `termquiz play`: not built yet.

use crate::cli::PlayArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &PlayArgs) -> Result<()> {
    Err(Error::Usage("termquiz play is not built yet".into()))
}
