//! One GIFT block read into GIFT terms: `::title::`, the question text (with `_____` where
//! the answers sat mid-sentence), the answer block and the `####` general feedback.

use super::answers::{Answers, Body};
use super::blocks::Block;
use super::text::{Format, clean, find_unescaped, rfind_unescaped, split_format, unescape};
use crate::import::common::Skipped;

/// A GIFT question in its own terms.
#[derive(Debug, Clone, PartialEq)]
pub struct GiftQuestion {
    /// Line where the question starts.
    pub line: usize,
    /// The `::title::`, unescaped.
    pub title: Option<String>,
    /// The question text, cleaned.
    pub text: String,
    /// What the answer block holds.
    pub answers: Answers,
    /// The `####` general feedback, cleaned.
    pub general_feedback: Option<String>,
}

/// A block that is not a question.
#[derive(Debug, Clone, PartialEq)]
pub enum NotAQuestion {
    /// Text without `{…}`: a Moodle description.
    Description { line: usize },
    /// Anything malformed, with the reason.
    Bad(Skipped),
}

impl From<Skipped> for NotAQuestion {
    fn from(s: Skipped) -> Self {
        NotAQuestion::Bad(s)
    }
}

/// Reads one block.
pub fn read(block: &Block) -> Result<GiftQuestion, NotAQuestion> {
    let text = block.text.as_str();
    // Newline offsets once, so placing each answer costs a binary search, not a scan.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_at = |offset: usize| block.line + newlines.partition_point(|&n| n < offset);
    let (title, start) = split_title(text).ok_or_else(|| {
        Skipped::new(block.line, "the title '::' is not closed; end it with '::'")
    })?;
    let open = find_unescaped(text, start, "{");
    let close = find_unescaped(text, start, "}");
    let (open, close) = match (open, close) {
        (None, None) => return Err(NotAQuestion::Description { line: block.line }),
        (Some(open), Some(close)) if open < close => (open, close),
        (Some(open), None) => {
            let reason = "'{' is not closed; add '}' after the answers";
            return Err(Skipped::new(line_at(open), reason).into());
        }
        (_, Some(close)) => {
            let reason = "unmatched '}'; escape it as '\\}' or add '{' before it";
            return Err(Skipped::new(line_at(close), reason).into());
        }
    };
    if let Some(second) = find_unescaped(text, close + 1, "{") {
        return Err(Skipped::new(
            line_at(second),
            "a second {…} answer block; GIFT allows one per question",
        )
        .into());
    }
    if let Some(stray) = find_unescaped(text, close + 1, "}") {
        return Err(Skipped::new(line_at(stray), "unmatched '}'; escape it as '\\}'").into());
    }
    let (format, _) = split_format(&text[start..open]);
    let format = format.unwrap_or_default();
    let question_text = question_text(&text[start..open], &text[close + 1..], format);
    let body_text = &text[open + 1..close];
    let (answers_text, general) = match rfind_unescaped(body_text, "####") {
        Some(g) => (&body_text[..g], Some(clean(&body_text[g + 4..], format))),
        None => (body_text, None),
    };
    let body_line_at = |offset: usize| line_at(open + 1 + offset);
    let answers = Body {
        text: answers_text,
        line_at: &body_line_at,
        format,
    }
    .parse()?;
    Ok(GiftQuestion {
        line: block.line,
        title,
        text: question_text,
        answers,
        general_feedback: general.filter(|g| !g.is_empty()),
    })
}

/// The `::title::` at the start, if any, and where the question text starts.
fn split_title(text: &str) -> Option<(Option<String>, usize)> {
    let lead = text.len() - text.trim_start().len();
    if !text[lead..].starts_with("::") {
        return Some((None, lead));
    }
    let end = find_unescaped(text, lead + 2, "::")?;
    let title = unescape(&text[lead + 2..end]).trim().to_string();
    Some((Some(title).filter(|t| !t.is_empty()), end + 2))
}

/// The question text around the answer block; text after the block makes a `_____` gap.
fn question_text(before: &str, after: &str, format: Format) -> String {
    if after.trim().is_empty() {
        return clean(before, format);
    }
    let (_, before) = split_format(before);
    let (before, after) = (before.trim_start(), after.trim_end());
    clean(&format!("{before}_____{after}"), format)
}
