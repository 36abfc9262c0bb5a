//! The bank's JSON wire format: flat structs that serde fills field by field,
//! so that errors keep their location and validation can report them all.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use super::model::{Bank, Kind, Question};

/// Top level of a bank file as read; questions stay raw so each is parsed on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBankIn<'a> {
    #[serde(rename = "$schema")]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub title: String,
    pub description: Option<String>,
    #[serde(borrow)]
    pub questions: Vec<&'a RawValue>,
}

/// One question as written: every field optional so validation can name what is missing.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrong: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Vec<(String, String)>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// A JSON number that prints as an integer when it is one (1929, not 1929.0).
fn number_value(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::from(n as i64)
    } else {
        Value::from(n)
    }
}

fn non_empty(v: &[String]) -> Option<Vec<String>> {
    (!v.is_empty()).then(|| v.to_vec())
}

impl From<&Question> for RawQuestion {
    fn from(q: &Question) -> Self {
        let mut raw = RawQuestion {
            id: Some(q.id.clone()),
            kind: Some(q.kind.name().to_string()),
            prompt: Some(q.prompt.clone()),
            explanation: q.explanation.clone(),
            source: q.source.clone(),
            tags: non_empty(&q.tags),
            difficulty: Some(q.difficulty.as_str().to_string()),
            points: Some(i64::from(q.points)),
            time_limit: q.time_limit.map(i64::from),
            hint: q.hint.clone(),
            ..RawQuestion::default()
        };
        match &q.kind {
            Kind::Single { answer, wrong } => {
                raw.answer = Some(Value::from(answer.as_str()));
                raw.wrong = Some(wrong.clone());
            }
            Kind::Multi { answers, wrong } => {
                raw.answers = Some(answers.clone());
                raw.wrong = Some(wrong.clone());
            }
            Kind::TrueFalse { answer } => raw.answer = Some(Value::from(*answer)),
            Kind::Text { answer, accept } => {
                raw.answer = Some(Value::from(answer.as_str()));
                raw.accept = non_empty(accept);
            }
            Kind::Number { answer, tolerance } => {
                raw.answer = Some(number_value(*answer));
                raw.tolerance = (*tolerance != 0.0).then_some(*tolerance);
            }
            Kind::Order { items } => raw.items = Some(items.clone()),
            Kind::Match { pairs } => raw.pairs = Some(pairs.clone()),
        }
        raw
    }
}

/// Writes a bank in the file format one question at a time (so a huge bank need not be
/// held in memory): [`JsonWriter::start`], [`JsonWriter::question`]…, [`JsonWriter::finish`].
pub struct JsonWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonWriter<W> {
    /// Writes the top of the file.
    pub fn start(mut out: W, title: &str, description: Option<&str>) -> io::Result<Self> {
        // No `$schema`: no schema path is sure to exist beside wherever the bank is written.
        write!(out, "{{\n  \"title\": {},\n", json_string(title))?;
        if let Some(description) = description {
            writeln!(out, "  \"description\": {},", json_string(description))?;
        }
        out.write_all(b"  \"questions\": [")?;
        Ok(JsonWriter { out, first: true })
    }

    /// Writes one question, indented as serde_json's pretty printer would inside the bank.
    pub fn question(&mut self, q: &Question) -> io::Result<()> {
        let text = serde_json::to_string_pretty(&RawQuestion::from(q)).map_err(io::Error::from)?;
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                self.out.write_all(b"\n")?;
            }
            write!(self.out, "    {line}")?;
        }
        Ok(())
    }

    /// Closes the file and gives back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out
            .write_all(if self.first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        Ok(self.out)
    }
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Writes a bank in the file format, pretty-printed, ending in a newline.
pub fn to_json(bank: &Bank) -> String {
    let write = || -> io::Result<Vec<u8>> {
        let mut w = JsonWriter::start(Vec::new(), &bank.title, bank.description.as_deref())?;
        for q in &bank.questions {
            w.question(q)?;
        }
        w.finish()
    };
    // Writing plain strings and numbers into memory cannot fail.
    String::from_utf8(write().unwrap_or_default()).unwrap_or_default()
}
