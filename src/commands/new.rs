//! `termquiz new FILE`: a starter bank with one example question of each kind.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::bank::sanitize;
use crate::cli::NewArgs;
use crate::error::{Error, Result};

/// The starter bank, without `$schema` (added when a schema file is found).
const TEMPLATE: &str = include_str!("new/template.json");

/// Where the schema lives in a termquiz checkout, relative to a folder above the bank.
const SCHEMA_IN_REPO: &str = "schema/bank.schema.json";

/// Writes the starter bank to a new file; an existing file is never replaced.
pub fn run(args: &NewArgs) -> Result<()> {
    let text = starter(&args.file);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.file)
        .map_err(|e| Error::file(&args.file, e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::file(&args.file, e))?;
    let name = sanitize::path(&args.file);
    eprintln!(
        "{name}: a new bank with one example question of each kind; edit it, then run `termquiz validate {name}` and `termquiz play {name}`"
    );
    Ok(())
}

/// The starter text for a bank written at `path`: `$schema` points at the schema file
/// when one is found in a folder above it, and is left out otherwise.
pub fn starter(path: &Path) -> String {
    match schema_path(path) {
        Some(schema) => TEMPLATE.replacen(
            "{\n",
            &format!(
                "{{\n  \"$schema\": {},\n",
                serde_json::Value::String(schema)
            ),
            1,
        ),
        None => TEMPLATE.to_string(),
    }
}

/// `../schema/bank.schema.json` (as many `..` as needed) when that file exists above `path`.
fn schema_path(path: &Path) -> Option<String> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let parent = parent.canonicalize().ok()?;
    parent
        .ancestors()
        .enumerate()
        .find(|(_, dir)| dir.join(SCHEMA_IN_REPO).is_file())
        .map(|(up, _)| format!("{}{SCHEMA_IN_REPO}", "../".repeat(up)))
}
