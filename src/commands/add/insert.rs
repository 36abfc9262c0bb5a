//! Puts a new question at the end of a bank file without reformatting the rest.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::bank::Question;
use crate::bank::raw::RawQuestion;

/// The part of the top level we need: where `questions` is.
#[derive(Deserialize)]
struct Top<'a> {
    #[serde(borrow)]
    questions: &'a RawValue,
}

/// The file text with `question` pretty-printed after the last question, at its indentation.
pub fn insert_question(text: &str, question: &Question) -> Result<String, String> {
    let top: Top = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| e.to_string())?;
    let questions: Vec<&RawValue> =
        serde_json::from_str(top.questions.get()).map_err(|e| e.to_string())?;
    let last = questions
        .last()
        .ok_or("the bank has no questions to add after")?;
    let start = last.get().as_ptr() as usize - text.as_ptr() as usize;
    let end = start + last.get().len();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let indent = indentation(text, start);
    let object =
        serde_json::to_string_pretty(&RawQuestion::from(question)).map_err(|e| e.to_string())?;
    let object = object.replace('\n', &format!("{newline}{indent}"));
    Ok(format!(
        "{},{newline}{indent}{object}{}",
        &text[..end],
        &text[end..]
    ))
}

/// The whitespace before `offset` on its line, or nothing when other text comes first.
fn indentation(text: &str, offset: usize) -> &str {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    if before.chars().all(|c| c == ' ' || c == '\t') {
        before
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Kind, TrueFalse};

    fn question() -> Question {
        Question::new(
            "new",
            "New?",
            Kind::TrueFalse(TrueFalse {
                answer: true,
                ..TrueFalse::default()
            }),
        )
    }

    #[test]
    fn inserts_after_the_last_question_at_its_indentation() {
        let text = "{\n  \"title\": \"T\",\n  \"questions\": [\n    {\"id\": \"a\"}\n  ],\n  \"description\": \"d\"\n}\n";
        let out = insert_question(text, &question()).unwrap();
        assert!(out.starts_with("{\n  \"title\": \"T\",\n  \"questions\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"new\",\n"), "{out}");
        assert!(
            out.ends_with("      \"points\": 1\n    }\n  ],\n  \"description\": \"d\"\n}\n"),
            "{out}"
        );
    }

    #[test]
    fn keeps_crlf_and_handles_one_line_files() {
        let out = insert_question("{\r\n\"questions\": [\r\n\t{}\r\n]}", &question()).unwrap();
        assert!(
            out.contains("\t{},\r\n\t{\r\n\t  \"id\": \"new\""),
            "{out:?}"
        );
        let out = insert_question("{\"questions\":[{}]}", &question()).unwrap();
        assert!(out.starts_with("{\"questions\":[{},\n{\n  \"id\""), "{out}");
        assert!(insert_question("{\"questions\":[]}", &question()).is_err());
    }
}
