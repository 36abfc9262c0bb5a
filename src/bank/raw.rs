//! The bank's JSON wire format: flat structs that serde fills field by field,
//! so that errors keep their location and validation can report them all.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use super::model::{
    Bank, Feedback, GapKind, Kind, Match, Multi, Number, Question, Single, Text, TrueFalse,
};
use super::pairs::Pairs;

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
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrong: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Pairs<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Pairs<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_sensitive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<Vec<RawNumberAnswer>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<RawUnit>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        default,
        deserialize_with = "match_pairs"
    )]
    pub pairs: Option<Vec<(String, String)>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gaps: Option<Vec<RawGap>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Pairs<String>>,
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
/// One cloze gap as written: the fields of its kind and a weight.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawGap {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrong: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Pairs<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Pairs<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_sensitive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub also: Option<Vec<RawNumberAnswer>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Pairs<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

/// One more accepted number of a `number` question or gap.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNumberAnswer {
    pub answer: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

/// A unit of a `number` question.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiplier: Option<f64>,
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

fn feedback(f: &Feedback) -> Option<Pairs<String>> {
    (!f.is_empty()).then(|| Pairs(f.0.clone()))
}

fn credits(c: &[(String, f64)]) -> Option<Pairs<f64>> {
    (!c.is_empty()).then(|| Pairs(c.to_vec()))
}

fn also(n: &Number) -> Option<Vec<RawNumberAnswer>> {
    let also = n.also.iter().map(|a| RawNumberAnswer {
        answer: a.answer,
        tolerance: (a.tolerance != 0.0).then_some(a.tolerance),
        credit: (a.credit != 1.0).then_some(a.credit),
        feedback: a.feedback.clone(),
    });
    (!n.also.is_empty()).then(|| also.collect())
}

fn units(n: &Number) -> Option<Vec<RawUnit>> {
    let units = n.units.iter().map(|u| RawUnit {
        unit: u.unit.clone(),
        multiplier: (u.multiplier != 1.0).then_some(u.multiplier),
    });
    (!n.units.is_empty()).then(|| units.collect())
}

/// A text answer's `answer`, `accept`, `partial` and `case_sensitive` as written.
type TextFields = (Value, Option<Vec<String>>, Option<Pairs<f64>>, Option<bool>);

fn text_fields(k: &Text) -> TextFields {
    (
        Value::from(k.answer.as_str()),
        non_empty(&k.accept),
        credits(&k.partial),
        k.case_sensitive.then_some(true),
    )
}

fn gap(g: &super::model::Gap) -> RawGap {
    let mut raw = RawGap {
        kind: Some(g.kind.name().to_string()),
        weight: (g.weight != 1.0).then_some(g.weight),
        ..RawGap::default()
    };
    match &g.kind {
        GapKind::Single(k) => {
            raw.answer = Some(Value::from(k.answer.as_str()));
            raw.wrong = Some(k.wrong.clone());
            raw.partial = credits(&k.partial);
            raw.feedback = feedback(&k.feedback);
        }
        GapKind::Multi(k) => {
            raw.answers = Some(k.answers.clone());
            raw.wrong = Some(k.wrong.clone());
            raw.weights = credits(&k.weights);
            raw.feedback = feedback(&k.feedback);
        }
        GapKind::Text(k) => {
            let (a, accept, partial, case) = text_fields(k);
            (raw.answer, raw.accept, raw.partial, raw.case_sensitive) =
                (Some(a), accept, partial, case);
            raw.feedback = feedback(&k.feedback);
        }
        GapKind::Number(k) => {
            raw.answer = Some(number_value(k.answer));
            raw.tolerance = (k.tolerance != 0.0).then_some(k.tolerance);
            raw.also = also(k);
            raw.feedback = feedback(&k.feedback);
        }
    }
    raw
}

impl From<&Question> for RawQuestion {
    fn from(q: &Question) -> Self {
        let mut raw = RawQuestion {
            id: Some(q.id.clone()),
            title: q.title.clone(),
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
            Kind::Single(Single {
                answer,
                wrong,
                partial,
                feedback: f,
            }) => {
                raw.answer = Some(Value::from(answer.as_str()));
                raw.wrong = Some(wrong.clone());
                raw.partial = credits(partial);
                raw.feedback = feedback(f);
            }
            Kind::Multi(Multi {
                answers,
                wrong,
                weights,
                feedback: f,
            }) => {
                raw.answers = Some(answers.clone());
                raw.wrong = Some(wrong.clone());
                raw.weights = credits(weights);
                raw.feedback = feedback(f);
            }
            Kind::TrueFalse(TrueFalse {
                answer,
                feedback: f,
            }) => {
                raw.answer = Some(Value::from(*answer));
                raw.feedback = feedback(f);
            }
            Kind::Text(k) => {
                let (a, accept, partial, case) = text_fields(k);
                (raw.answer, raw.accept, raw.partial, raw.case_sensitive) =
                    (Some(a), accept, partial, case);
                raw.feedback = feedback(&k.feedback);
            }
            Kind::Number(k) => {
                raw.answer = Some(number_value(k.answer));
                raw.tolerance = (k.tolerance != 0.0).then_some(k.tolerance);
                raw.also = also(k);
                raw.units = units(k);
                raw.feedback = feedback(&k.feedback);
            }
            Kind::Order(k) => raw.items = Some(k.items.clone()),
            Kind::Match(Match { pairs, extra }) => {
                raw.pairs = Some(pairs.clone());
                raw.extra = non_empty(extra);
            }
            Kind::Cloze(k) => {
                raw.text = Some(k.text.clone());
                raw.gaps = Some(k.gaps.iter().map(gap).collect());
            }
        }
        raw
    }
}

/// One question as the file format writes it inside a bank: pretty-printed, indented.
pub fn question_text(q: &Question) -> io::Result<String> {
    let text = serde_json::to_string_pretty(&RawQuestion::from(q)).map_err(io::Error::from)?;
    let mut indented = String::with_capacity(text.len() + text.len() / 8);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            indented.push('\n');
        }
        indented.push_str("    ");
        indented.push_str(line);
    }
    Ok(indented)
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
        self.question_text(&question_text(q)?)
    }

    /// Writes one question already turned into text by [`question_text`] (which may run on
    /// another thread).
    pub fn question_text(&mut self, text: &str) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        self.out.write_all(text.as_bytes())
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

/// `pairs` as `[left, right]` arrays, with a plain message for any other shape (serde's own
/// would be "trailing characters" for a pair of three).
fn match_pairs<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<(String, String)>>, D::Error> {
    use serde::de::Error;
    let Some(lists) = Option::<Vec<Vec<String>>>::deserialize(d)? else {
        return Ok(None);
    };
    lists
        .into_iter()
        .enumerate()
        .map(|(n, list)| match <[String; 2]>::try_from(list) {
            Ok([left, right]) => Ok((left, right)),
            Err(list) => Err(D::Error::custom(format!(
                "pairs[{n}] has {} items; a pair is [left, right]",
                list.len()
            ))),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}
