//! Blooket's CSV template: a title row, then the header ("Question Text", "Answer 1"…
//! "Correct Answer(s)") → the template's columns.

use super::common::{ImportError, Parsed};
use super::quiz_game::{self, Template};
use super::table;

/// Blooket's column titles (each followed by a note in brackets on a second line).
pub const BLOOKET: Template = Template {
    tool: "Blooket",
    question: "Question Text",
    answer: "Answer",
    time_limit: "Time Limit (sec)",
    correct: "Correct Answer(s)",
};

/// Reads Blooket's CSV template.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let rows = table::read_rows(text, b',')?;
    quiz_game::parse(&rows, &BLOOKET)
}
