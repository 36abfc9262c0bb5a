//! `termquiz review`: not built yet.

use crate::cli::ReviewArgs;
use crate::error::{Error, Result};

/// Says plainly that this command does not exist yet.
pub fn run(_args: &ReviewArgs) -> Result<()> {
    Err(Error::Usage("termquiz review is not built yet".into()))
}
