//! `termquiz add`: not built yet.

use crate::cli::AddArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &AddArgs) -> Result<()> {
    Err(Error::Usage("termquiz add is not built yet".into()))
}
