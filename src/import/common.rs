//! What every importer shares: notes about skipped items, id generation, validation, the result.

use std::collections::HashSet;

mod finish;
mod html;

pub use finish::{Finisher, Sink};
pub use html::{html_to_text, looks_like_html};

use crate::bank::id::{is_valid_id, slug};
use crate::bank::{Bank, Question};

/// Why an import failed as a whole.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not valid JSON (Open Trivia DB).
    #[error("{line}:{column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file is not well-formed XML, or not shaped like Moodle XML.
    #[error("{line}:{column}: {message}")]
    Xml {
        line: usize,
        column: usize,
        message: String,
    },
    /// The bytes are not UTF-8.
    #[error("not valid UTF-8 at byte {offset}; try --encoding latin1")]
    Utf8 { offset: usize },
    /// The JSON is valid but not shaped like an Open Trivia DB response.
    #[error("{0}")]
    Shape(String),
    /// Every item was skipped.
    #[error("nothing could be imported ({skipped} item{} skipped)", if *.skipped == 1 { "" } else { "s" })]
    Empty { skipped: usize },
}

impl ImportError {
    /// What goes between the file name and the message: `:` before a line number, else `: `.
    pub fn separator(&self) -> &'static str {
        match self {
            ImportError::Json { .. } | ImportError::Xml { .. } => ":",
            _ => ": ",
        }
    }
}

/// An item of the input file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line where the item (or its problem) is.
    pub line: usize,
    /// Why it was skipped.
    pub reason: String,
    /// Where, in the format's own words (`row 5, column "answer"`), when a line number is not it.
    pub place: Option<String>,
}

impl Skipped {
    /// A note for `line`.
    pub fn new(line: usize, reason: impl Into<String>) -> Self {
        Skipped {
            line,
            reason: reason.into(),
            place: None,
        }
    }

    /// A note for item `number` of a `unit` ("row", "card"), naming the column at fault.
    pub fn at(unit: &str, number: usize, column: Option<&str>, reason: impl Into<String>) -> Self {
        let place = match column {
            Some(column) => format!("{unit} {number}, column \"{column}\""),
            None => format!("{unit} {number}"),
        };
        Skipped {
            line: number,
            reason: reason.into(),
            place: Some(place),
        }
    }

    /// A note for a spreadsheet row (1-based, the header row counted).
    pub fn row(row: usize, column: Option<&str>, reason: impl Into<String>) -> Self {
        Skipped::at("row", row, column, reason)
    }

    /// Where the note points, right after the file name: `:12` or `: row 5, column "answer"`.
    pub fn location(&self) -> String {
        match &self.place {
            Some(place) => format!(": {place}"),
            None => format!(":{}", self.line),
        }
    }
}

/// A question read from the input, before it gets its final id and is validated.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Line where the question starts.
    pub line: usize,
    /// A wished-for id (a GIFT title); the prompt's slug otherwise.
    pub id_hint: Option<String>,
    /// The question; its id is replaced when the draft is finished.
    pub question: Question,
}

/// What a parser read: drafts to validate and items already skipped.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Questions read, in file order.
    pub drafts: Vec<Draft>,
    /// Items that could not be read.
    pub skipped: Vec<Skipped>,
    /// What draft lines count when they are not lines ("row", "card"); notes then say `row 5`.
    pub unit: Option<&'static str>,
    /// Questions kept with something of theirs left out or changed, and what (same shape as a skip).
    pub notes: Vec<Skipped>,
}

/// The result of an import: a valid bank and the notes about what was left out.
#[derive(Debug)]
pub struct Imported {
    /// The imported questions; every one is valid, ids are unique.
    pub bank: Bank,
    /// What was skipped, sorted by line.
    pub skipped: Vec<Skipped>,
    /// What was left out of (or changed in) questions that were kept, sorted by line.
    pub notes: Vec<Skipped>,
}

impl Parsed {
    /// Gives every draft a unique id, validates it, and builds the bank; `progress` runs once per draft.
    pub fn finish(self, title: &str, mut progress: impl FnMut()) -> Imported {
        let mut finisher = Finisher::new(self.unit);
        self.skipped.into_iter().for_each(|s| finisher.skip(s));
        self.notes.into_iter().for_each(|n| finisher.note(n));
        let mut questions = Vec::with_capacity(self.drafts.len());
        for draft in self.drafts {
            progress();
            questions.extend(finisher.question(draft));
        }
        let (skipped, notes) = finisher.into_notes();
        let bank = Bank {
            title: title.to_string(),
            description: None,
            questions,
        };
        Imported {
            bank,
            skipped,
            notes,
        }
    }
}

/// Validates one question with the bank's own rules; the messages say what is wrong.
pub fn validate(question: &Question) -> Result<Question, Vec<String>> {
    crate::bank::owned::validate_typed(question.clone())
}

/// A tag as every importer writes it: a slug of at most 40 characters (`Film Scores` →
/// `film-scores`); empty when the text has no letter or digit.
pub fn tag_slug(tag: &str) -> String {
    slug(tag, 40)
}

/// Tags as bank tags: [`tag_slug`]s, empty ones dropped, each once.
pub fn tag_slugs<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.into_iter().map(tag_slug) {
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// Makes ids `[a-z0-9-]+` that are unique within one bank.
#[derive(Debug, Default)]
pub struct IdMaker {
    used: HashSet<String>,
}

impl IdMaker {
    /// An id maker that avoids the given ids.
    pub fn with_used<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        IdMaker {
            used: ids.into_iter().map(str::to_string).collect(),
        }
    }

    /// An unused id from `text`: kept when it already is an id, else its slug; `-2`, `-3`… on collisions.
    pub fn unique(&mut self, text: &str) -> String {
        let base = if is_valid_id(text) {
            text.to_string()
        } else {
            slug(text, 40)
        };
        let base = if base.is_empty() {
            "question".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone());
        id
    }
}

/// The text of UTF-8 bytes without a byte-order mark (the bytes become the text, uncopied),
/// or where the first bad byte is.
pub fn decode_utf8(bytes: Vec<u8>) -> Result<String, ImportError> {
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    let mut text = String::from_utf8(bytes).map_err(|e| ImportError::Utf8 {
        offset: e.utf8_error().valid_up_to() - if bom { 3 } else { 0 },
    })?;
    if bom {
        text.drain(..3);
    }
    Ok(text)
}

/// Latin-1 bytes as text: each byte is the character of the same code point.
pub fn decode_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Line (1-based) of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Kind, Single};

    #[test]
    fn ids_are_made_unique() {
        let mut ids = IdMaker::with_used(["what-year"]);
        assert_eq!(ids.unique("What year?"), "what-year-2");
        assert_eq!(ids.unique("What year?"), "what-year-3");
        assert_eq!(ids.unique("???"), "question");
        assert_eq!(ids.unique("a--b"), "a--b");
    }

    #[test]
    fn invalid_drafts_are_skipped_with_the_reason() {
        let kind = Kind::Single(Single {
            answer: "a".into(),
            wrong: vec!["a".into()],
            ..Single::default()
        });
        let draft = Draft {
            line: 7,
            id_hint: None,
            question: Question::new("", "Pick", kind),
        };
        let imported = Parsed {
            drafts: vec![draft],
            ..Parsed::default()
        }
        .finish("t", || {});
        assert!(imported.bank.questions.is_empty());
        assert_eq!(imported.skipped[0].line, 7);
        assert!(
            imported.skipped[0]
                .reason
                .contains("also appears in \"wrong\""),
            "{:?}",
            imported.skipped
        );
    }

    #[test]
    fn decodes_latin1_and_reports_bad_utf8() {
        assert_eq!(decode_latin1(b"caf\xe9"), "café");
        assert!(matches!(
            decode_utf8(b"ab\xe9cd".to_vec()),
            Err(ImportError::Utf8 { offset: 2 })
        ));
        assert_eq!(decode_utf8(b"\xef\xbb\xbfok".to_vec()).unwrap(), "ok");
        assert!(matches!(
            decode_utf8(b"\xef\xbb\xbfab\xe9".to_vec()),
            Err(ImportError::Utf8 { offset: 2 })
        ));
    }
}
