//! `termquiz schema`: the JSON Schema of the bank format.

use std::io::Write;

use crate::error::Result;

/// Prints the schema, pretty-printed.
pub fn run() -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(crate::bank::schema::to_string().as_bytes())?;
    Ok(())
}
