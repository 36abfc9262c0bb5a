//! `termquiz import`: not built yet.

use crate::cli::ImportArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &ImportArgs) -> Result<()> {
    Err(Error::Usage("termquiz import is not built yet".into()))
}
