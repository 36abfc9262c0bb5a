//! Open Trivia DB import: the API response object or a plain array of its results.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::common::{Draft, ImportError, Parsed, Skipped, line_of, tag_slug};
use crate::bank::diagnostic::json_error_parts;
use crate::bank::{Difficulty, Kind, Question, Single, TrueFalse};

/// One result as the API sends it; text is encoded (HTML entities by default).
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
    #[serde(default)]
    response_code: Option<i64>,
    #[serde(borrow, default)]
    results: Vec<&'a RawValue>,
}

/// What a non-zero `response_code` means, as the Open Trivia DB documents it.
fn response_meaning(code: i64) -> &'static str {
    match code {
        1 => "no results: the database has fewer questions than asked for; ask for fewer",
        2 => "invalid parameter: the request's arguments are not valid",
        3 => "token not found: the session token does not exist",
        4 => "token empty: the session token has returned every question for this query; reset it",
        5 => "rate limit: too many requests; each address may ask once every 5 seconds",
        _ => "an error code the Open Trivia DB does not document",
    }
}

/// How the texts of a response are encoded (`encode=` in the request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    /// The default: HTML entities.
    Html,
    /// `encode=base64`: every field in base64.
    Base64,
    /// `encode=url3986` or the legacy `encode=urlLegacy` (`+` for spaces).
    Url,
}

impl Encoding {
    /// Guesses from the results: base64 when a type decodes to one, URL when no question
    /// has a space but some have `%XX` or `+`, else HTML entities.
    fn detect(results: &[&TriviaResult]) -> Encoding {
        let is_type = |t: &str| matches!(t, "multiple" | "boolean");
        if results
            .iter()
            .any(|r| !is_type(&r.kind) && is_type(&decode_base64(&r.kind).unwrap_or_default()))
        {
            return Encoding::Base64;
        }
        let url_like = |q: &str| !q.contains(' ') && (q.contains('+') || has_percent_escape(q));
        if results.iter().all(|r| !r.question.contains(' '))
            && results.iter().any(|r| url_like(&r.question))
        {
            return Encoding::Url;
        }
        Encoding::Html
    }

    /// One field as text.
    fn decode(self, text: &str) -> String {
        let text = match self {
            Encoding::Html => html_escape::decode_html_entities(text).into_owned(),
            Encoding::Base64 => decode_base64(text).unwrap_or_else(|| text.to_string()),
            Encoding::Url => percent_encoding::percent_decode_str(&text.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned(),
        };
        text.trim().to_string()
    }
}

fn decode_base64(text: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()?;
    String::from_utf8(bytes).ok()
}

fn has_percent_escape(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// Reads Open Trivia DB JSON; bad JSON fails with its line and column.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let results = results(text)?;
    let mut parsed = Parsed::default();
    let mut read = Vec::with_capacity(results.len());
    for raw in results {
        let line = line_of(text, raw.get().as_ptr() as usize - text.as_ptr() as usize);
        match serde_json::from_str::<TriviaResult>(raw.get()) {
            Ok(result) => read.push((line, result)),
            Err(e) => parsed
                .skipped
                .push(Skipped::new(line, json_error_parts(&e).2)),
        }
    }
    let encoding = Encoding::detect(&read.iter().map(|(_, r)| r).collect::<Vec<_>>());
    for (line, result) in read {
        match draft(result, line, encoding) {
            Ok(d) => parsed.drafts.push(d),
            Err(note) => parsed.skipped.push(note),
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
    match response.response_code {
        Some(code) if code != 0 => Err(ImportError::Shape(format!(
            "response_code {code}: {}",
            response_meaning(code)
        ))),
        _ => Ok(response.results),
    }
}

fn draft(result: TriviaResult, line: usize, encoding: Encoding) -> Result<Draft, Skipped> {
    let decode = |text: &str| encoding.decode(text);
    let correct = decode(&result.correct_answer);
    let kind = match decode(&result.kind).as_str() {
        "multiple" => Kind::Single(Single {
            answer: correct,
            wrong: result.incorrect_answers.iter().map(|w| decode(w)).collect(),
            ..Single::default()
        }),
        "boolean" => match correct.to_ascii_lowercase().as_str() {
            "true" => Kind::TrueFalse(TrueFalse {
                answer: true,
                ..TrueFalse::default()
            }),
            "false" => Kind::TrueFalse(TrueFalse {
                answer: false,
                ..TrueFalse::default()
            }),
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
        .map(|c| tag_slug(&decode(c)))
        .filter(|t| !t.is_empty())
    {
        question.tags.push(tag);
    }
    if let Some(name) = result.difficulty.as_deref().map(decode).as_deref() {
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
            Kind::Single(Single {
                answer: "A & B".into(),
                wrong: vec!["C".into(), "D".into(), "E".into()],
                ..Single::default()
            })
        );
        assert_eq!(q.tags, ["entertainment-music"]);
        assert_eq!(q.difficulty, Difficulty::Easy);
        assert_eq!(q.id, "who-sang-cafe-co-s");
        let tf = &imported.bank.questions[1];
        assert_eq!(
            tf.kind,
            Kind::TrueFalse(TrueFalse {
                answer: true,
                ..TrueFalse::default()
            })
        );
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
