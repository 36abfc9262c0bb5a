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
mod split;
mod terms;
mod text;

use super::{ImportError, Parsed, Sink, Skipped};
use read::Located;
use terms::Item;

/// Reads Moodle XML; each question becomes a draft or a note naming its type and name.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::default();
    read(text, &mut parsed)?;
    Ok(parsed)
}

/// Reads Moodle XML question by question, handing each (or why it was skipped) to `sink`.
/// A `<quiz>` of the usual shape is read one `<question>` at a time; any other document,
/// or one with an error, is read whole, which names the first error at its line and column.
pub fn read(text: &str, sink: &mut impl Sink) -> Result<(), ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(spans) = split::spans(text) else {
        return read_whole(text, sink);
    };
    let mut category: Option<String> = None;
    for span in &spans {
        let Some(doc) = split::question(text, span) else {
            // The question is malformed: the whole document names the first error.
            return Err(match read::document(text) {
                Err(e) => e,
                Ok(_) => ImportError::Xml {
                    line: span.line,
                    column: 1,
                    message: "this <question> cannot be read apart from its document".into(),
                },
            });
        };
        let node = doc.root_element();
        item(
            Located {
                line: span.line,
                node,
            },
            &mut category,
            sink,
        );
    }
    Ok(())
}

/// Reads the document as one tree.
fn read_whole(text: &str, sink: &mut impl Sink) -> Result<(), ImportError> {
    let doc = read::document(text)?;
    let mut category: Option<String> = None;
    for located in read::questions(&doc)? {
        item(located, &mut category, sink);
    }
    Ok(())
}

/// One `<question>` element: a category for those after it, a draft or a skip note.
fn item(located: Located, category: &mut Option<String>, sink: &mut impl Sink) {
    match question::read(located) {
        Item::Category { path } => *category = map::category_tag(&path),
        Item::Question(header, body) => match map::draft(&header, &body, category.as_deref()) {
            Ok(draft) => sink.draft(draft),
            Err(note) => sink.skip(note),
        },
        Item::Skip { line, reason } => sink.skip(Skipped::new(line, reason)),
    }
}
