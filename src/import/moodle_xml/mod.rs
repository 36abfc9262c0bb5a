//! Moodle XML import, as a pipeline: read the document and split it into located
//! `<question>` elements (`read`), read each in Moodle's own terms (`question`, `terms`,
//! `cloze`), then map to bank questions in one place (`map`, `kinds`, `gaps`). `export` writes
//! a bank back as Moodle XML.

mod cloze;
pub mod export;
mod gaps;
mod kinds;
mod map;
mod question;
mod read;
mod terms;
mod text;

use super::{ImportError, Parsed, Skipped};
use terms::Item;

/// Reads Moodle XML; each question becomes a draft or a note naming its type and name.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = read::document(text)?;
    let mut parsed = Parsed::default();
    let mut category: Option<String> = None;
    for located in read::questions(&doc)? {
        match question::read(located) {
            Item::Category { path } => category = map::category_tag(&path),
            Item::Question(header, body) => match map::draft(&header, &body, category.as_deref()) {
                Ok(draft) => parsed.drafts.push(draft),
                Err(note) => parsed.skipped.push(note),
            },
            Item::Skip { line, reason } => parsed.skipped.push(Skipped::new(line, reason)),
        }
    }
    Ok(parsed)
}
