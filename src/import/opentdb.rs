//! Open Trivia DB import: the API response object or a plain array of its results.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::common::{Draft, ImportError, Parsed, Skipped, line_of};
use crate::bank::diagnostic::json_error_parts;
use crate::bank::id::slug;
use crate::bank::{Difficulty, Kind, Question};

/// One result as the API sends it; text is HTML-escaped.
#[derive(Deserialize)]
struct TriviaResult {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    difficulty: Option<String>,
    #[serde(default)]
    category: Option<String>,
    question: String,
    correct_answer: String,
    #[serde(default)]
    incorrect_answers: Vec<String>,
}

/// `{"response_code": 0, "results": [...]}`.
#[derive(Deserialize)]
struct Response<'a> {
    #[serde(borrow)]
    results: Vec<&'a RawValue>,
}

/// Reads Open Trivia DB JSON; bad JSON fails with its line and column.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let results = results(text)?;
    let mut parsed = Parsed::default();
    for raw in results {
        let line = line_of(text, raw.get().as_ptr() as usize - text.as_ptr() as usize);
        match serde_json::from_str::<TriviaResult>(raw.get()) {
            Ok(result) => match draft(result, line) {
                Ok(d) => parsed.drafts.push(d),
                Err(note) => parsed.skipped.push(note),
            },
            Err(e) => parsed
                .skipped
                .push(Skipped::new(line, json_error_parts(&e).2)),
        }
    }
    Ok(parsed)
}

fn results(text: &str) -> Result<Vec<&RawValue>, ImportError> {
    let json_error = |e: serde_json::Error| {
        let (line, column, message) = json_error_parts(&e);
        ImportError::Json {
            line,
            column,
            message,
        }
    };
    if text.trim_start().starts_with('[') {
        return serde_json::from_str(text).map_err(json_error);
    }
    let value: &RawValue = serde_json::from_str(text).map_err(json_error)?;
    if !value.get().starts_with('{') {
        return Err(ImportError::Shape(
            "expected an Open Trivia DB response object or an array of results".into(),
        ));
    }
    let response: Response = serde_json::from_str(text).map_err(json_error)?;
    Ok(response.results)
}

fn decode(text: &str) -> String {
    html_escape::decode_html_entities(text).trim().to_string()
}

fn draft(result: TriviaResult, line: usize) -> Result<Draft, Skipped> {
    let correct = decode(&result.correct_answer);
    let kind = match result.kind.as_str() {
        "multiple" => Kind::Single {
            answer: correct,
            wrong: result.incorrect_answers.iter().map(|w| decode(w)).collect(),
        },
        "boolean" => match correct.to_ascii_lowercase().as_str() {
            "true" => Kind::TrueFalse { answer: true },
            "false" => Kind::TrueFalse { answer: false },
            other => {
                return Err(Skipped::new(
                    line,
                    format!("a boolean question needs \"True\" or \"False\", not \"{other}\""),
                ));
            }
        },
        other => {
            return Err(Skipped::new(
                line,
                format!("unknown question type \"{other}\"; expected \"multiple\" or \"boolean\""),
            ));
        }
    };
    let mut question = Question::new("", decode(&result.question), kind);
    if let Some(tag) = result
        .category
        .as_deref()
        .map(|c| slug(&decode(c), 40))
        .filter(|t| !t.is_empty())
    {
        question.tags.push(tag);
    }
    if let Some(name) = result.difficulty.as_deref() {
        question.difficulty = Difficulty::parse(name).ok_or_else(|| {
            Skipped::new(
                line,
                format!("unknown difficulty \"{name}\"; expected easy, medium or hard"),
            )
        })?;
    }
    Ok(Draft {
        line,
        id_hint: None,
        question,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const API: &str = r#"{"response_code":0,"results":[
{"type":"multiple","difficulty":"easy","category":"Entertainment: Music",
 "question":"Who sang &quot;Caf&eacute; &amp; Co&#039;s&quot;?","correct_answer":"A &amp; B",
 "incorrect_answers":["C","D","E"]},
{"type":"boolean","difficulty":"hard","category":"Science","question":"Water boils at 100&deg;C at sea level.",
 "correct_answer":"True","incorrect_answers":["False"]}]}"#;

    #[test]
    fn reads_the_api_response_with_entities() {
        let imported = parse(API).unwrap().finish("t", || {});
        assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
        let q = &imported.bank.questions[0];
        assert_eq!(q.prompt, "Who sang \"Café & Co's\"?");
        assert_eq!(
            q.kind,
            Kind::Single {
                answer: "A & B".into(),
                wrong: vec!["C".into(), "D".into(), "E".into()]
            }
        );
        assert_eq!(q.tags, ["entertainment-music"]);
        assert_eq!(q.difficulty, Difficulty::Easy);
        assert_eq!(q.id, "who-sang-cafe-co-s");
        let tf = &imported.bank.questions[1];
        assert_eq!(tf.kind, Kind::TrueFalse { answer: true });
        assert_eq!(tf.prompt, "Water boils at 100°C at sea level.");
    }

    #[test]
    fn reads_a_plain_array_and_notes_bad_items_by_line() {
        let text = "[\n{\"type\":\"boolean\",\"question\":\"Q\",\"correct_answer\":\"False\"},\n{\"type\":\"essay\",\"question\":\"Q2\",\"correct_answer\":\"x\"}\n]";
        let imported = parse(text).unwrap().finish("t", || {});
        assert_eq!(imported.bank.questions.len(), 1);
        assert_eq!(
            imported.skipped,
            vec![Skipped::new(
                3,
                "unknown question type \"essay\"; expected \"multiple\" or \"boolean\""
            )]
        );
    }

    #[test]
    fn bad_json_has_line_and_column() {
        let Err(ImportError::Json { line, column, .. }) = parse("{\n  \"results\": [,]\n}") else {
            panic!()
        };
        assert_eq!((line, column), (2, 15));
    }
}
