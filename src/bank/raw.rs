//! The bank's JSON wire format: flat structs that serde fills field by field,
//! so that errors keep their location and validation can report them all.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::{
    Bank, Feedback, Gap, GapKind, Kind, Match, Multi, Number, NumberAnswer, Question, Single, Text,
    TrueFalse, Unit,
};
use super::pairs::Pairs;

/// Top level of a bank file as serde's derive reads it, questions raw: what the streamed
/// readers (`stream`, `pieces`) must match, word for word, in their tests.
#[cfg(test)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBankIn<'a> {
    #[serde(rename = "$schema")]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub title: String,
    pub description: Option<String>,
    #[serde(borrow)]
    pub questions: Vec<&'a serde_json::value::RawValue>,
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

fn non_empty(v: Vec<String>) -> Option<Vec<String>> {
    (!v.is_empty()).then_some(v)
}

fn feedback(f: Feedback) -> Option<Pairs<String>> {
    (!f.is_empty()).then_some(Pairs(f.0))
}

fn credits(c: Vec<(String, f64)>) -> Option<Pairs<f64>> {
    (!c.is_empty()).then_some(Pairs(c))
}

fn also(also: Vec<NumberAnswer>) -> Option<Vec<RawNumberAnswer>> {
    let raw = also.into_iter().map(|a| RawNumberAnswer {
        answer: a.answer,
        tolerance: (a.tolerance != 0.0).then_some(a.tolerance),
        credit: (a.credit != 1.0).then_some(a.credit),
        feedback: a.feedback,
    });
    let raw: Vec<RawNumberAnswer> = raw.collect();
    (!raw.is_empty()).then_some(raw)
}

fn units(units: Vec<Unit>) -> Option<Vec<RawUnit>> {
    let raw = units.into_iter().map(|u| RawUnit {
        unit: u.unit,
        multiplier: (u.multiplier != 1.0).then_some(u.multiplier),
    });
    let raw: Vec<RawUnit> = raw.collect();
    (!raw.is_empty()).then_some(raw)
}

/// The fields of one kind (or gap kind) as written, into `answer`… of a question or gap.
#[derive(Default)]
struct KindFields {
    answer: Option<Value>,
    answers: Option<Vec<String>>,
    wrong: Option<Vec<String>>,
    accept: Option<Vec<String>>,
    partial: Option<Pairs<f64>>,
    weights: Option<Pairs<f64>>,
    case_sensitive: Option<bool>,
    tolerance: Option<f64>,
    also: Option<Vec<RawNumberAnswer>>,
    units: Option<Vec<RawUnit>>,
    feedback: Option<Pairs<String>>,
}

fn single_fields(k: Single) -> KindFields {
    KindFields {
        answer: Some(Value::String(k.answer)),
        wrong: Some(k.wrong),
        partial: credits(k.partial),
        feedback: feedback(k.feedback),
        ..KindFields::default()
    }
}

fn multi_fields(k: Multi) -> KindFields {
    KindFields {
        answers: Some(k.answers),
        wrong: Some(k.wrong),
        weights: credits(k.weights),
        feedback: feedback(k.feedback),
        ..KindFields::default()
    }
}

fn text_fields(k: Text) -> KindFields {
    KindFields {
        answer: Some(Value::String(k.answer)),
        accept: non_empty(k.accept),
        partial: credits(k.partial),
        case_sensitive: k.case_sensitive.then_some(true),
        feedback: feedback(k.feedback),
        ..KindFields::default()
    }
}

fn number_fields(k: Number) -> KindFields {
    KindFields {
        answer: Some(number_value(k.answer)),
        tolerance: (k.tolerance != 0.0).then_some(k.tolerance),
        also: also(k.also),
        units: units(k.units),
        feedback: feedback(k.feedback),
        ..KindFields::default()
    }
}

fn gap(g: Gap) -> RawGap {
    let kind = Some(g.kind.name().to_string());
    let f = match g.kind {
        GapKind::Single(k) => single_fields(k),
        GapKind::Multi(k) => multi_fields(k),
        GapKind::Text(k) => text_fields(k),
        GapKind::Number(k) => number_fields(k),
    };
    RawGap {
        kind,
        answer: f.answer,
        answers: f.answers,
        wrong: f.wrong,
        accept: f.accept,
        partial: f.partial,
        weights: f.weights,
        case_sensitive: f.case_sensitive,
        tolerance: f.tolerance,
        also: f.also,
        feedback: f.feedback,
        weight: (g.weight != 1.0).then_some(g.weight),
    }
}

impl From<&Question> for RawQuestion {
    fn from(q: &Question) -> Self {
        RawQuestion::from(q.clone())
    }
}

impl From<Question> for RawQuestion {
    /// Moves the question's text into the wire format (nothing is copied).
    fn from(q: Question) -> Self {
        let mut raw = RawQuestion {
            id: Some(q.id),
            title: q.title,
            kind: Some(q.kind.name().to_string()),
            prompt: Some(q.prompt),
            explanation: q.explanation,
            source: q.source,
            tags: non_empty(q.tags),
            difficulty: Some(q.difficulty.as_str().to_string()),
            points: Some(i64::from(q.points)),
            time_limit: q.time_limit.map(i64::from),
            hint: q.hint,
            ..RawQuestion::default()
        };
        let fields = match q.kind {
            Kind::Single(k) => single_fields(k),
            Kind::Multi(k) => multi_fields(k),
            Kind::TrueFalse(TrueFalse {
                answer,
                feedback: f,
            }) => KindFields {
                answer: Some(Value::from(answer)),
                feedback: feedback(f),
                ..KindFields::default()
            },
            Kind::Text(k) => text_fields(k),
            Kind::Number(k) => number_fields(k),
            Kind::Order(k) => {
                raw.items = Some(k.items);
                KindFields::default()
            }
            Kind::Match(Match { pairs, extra }) => {
                raw.pairs = Some(pairs);
                raw.extra = non_empty(extra);
                KindFields::default()
            }
            Kind::Cloze(k) => {
                raw.text = Some(k.text);
                raw.gaps = Some(k.gaps.into_iter().map(gap).collect());
                KindFields::default()
            }
        };
        raw.answer = fields.answer;
        raw.answers = fields.answers;
        raw.wrong = fields.wrong;
        raw.accept = fields.accept;
        raw.partial = fields.partial;
        raw.weights = fields.weights;
        raw.case_sensitive = fields.case_sensitive;
        raw.tolerance = fields.tolerance;
        raw.also = fields.also;
        raw.units = fields.units;
        raw.feedback = fields.feedback;
        raw
    }
}

/// One question as the file format writes it inside a bank: pretty-printed, indented.
pub fn question_text(q: &Question) -> io::Result<String> {
    let json = question_json(q.clone())?;
    // Serde writes UTF-8 only; the check cannot fail.
    String::from_utf8(json).map_err(io::Error::other)
}

/// [`question_text`] as bytes, of a question no longer needed (its text is moved, not copied).
pub fn question_json(q: Question) -> io::Result<Vec<u8>> {
    use serde::ser::Serialize;
    use serde_json::ser::{Formatter, PrettyFormatter, Serializer};
    // Serde's pretty printer, two levels in (as a bank's questions are), writes the question
    // indented in one pass.
    let mut formatter = PrettyFormatter::new();
    formatter.begin_object(&mut io::sink())?;
    formatter.begin_array(&mut io::sink())?;
    // Most questions fit: no growing (and copying) on the way.
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(INDENT);
    RawQuestion::from(q).serialize(&mut Serializer::with_formatter(&mut out, formatter))?;
    // Kept by the thousand while a bank is listed: no room left over.
    out.shrink_to_fit();
    Ok(out)
}

/// A question's indentation inside a bank.
const INDENT: &[u8] = b"    ";

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
        self.question_json(&question_json(q.clone())?)
    }

    /// Writes one question already turned into text by [`question_json`] (which may run on
    /// another thread).
    pub fn question_json(&mut self, json: &[u8]) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        self.out.write_all(json)
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_written_question_is_indented_inside_the_bank_and_keeps_escaped_newlines() {
        let bank = crate::bank::parse(
            "t",
            br#"{"title": "T", "questions": [{"id": "a", "kind": "single",
                "prompt": "line one\nline two", "answer": "x", "wrong": ["y", "z"]}]}"#,
        )
        .expect("valid");
        let text = super::to_json(&bank);
        let expected = "{\n  \"title\": \"T\",\n  \"questions\": [\n    {\n      \"id\": \"a\",\n      \"kind\": \"single\",\n      \"prompt\": \"line one\\nline two\",\n      \"answer\": \"x\",\n      \"wrong\": [\n        \"y\",\n        \"z\"\n      ]\n    }\n  ]\n}\n";
        assert!(
            text.starts_with(&expected[..expected.find("\"wrong\"").unwrap()]),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["questions"][0]["prompt"], "line one\nline two");
        assert!(
            text.lines()
                .skip(3)
                .take_while(|l| *l != "  ]")
                .all(|l| l.starts_with("    ")),
            "{text}"
        );
    }
}
