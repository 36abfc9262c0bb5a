//! The rules that turn a raw question into a valid one; every broken rule is reported.

use std::collections::HashSet;

use serde_json::Value;

use super::model::{Difficulty, Kind, Question};
use super::raw::RawQuestion;

/// Fields that only some kinds use, with the kinds that use them.
const KIND_FIELDS: [(&str, &[&str]); 7] = [
    ("answer", &["single", "true_false", "text", "number"]),
    ("answers", &["multi"]),
    ("wrong", &["single", "multi"]),
    ("accept", &["text"]),
    ("tolerance", &["number"]),
    ("items", &["order"]),
    ("pairs", &["match"]),
];

/// Collects the problems of one question.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn push(&mut self, message: impl Into<String>) {
        self.0.push(message.into());
    }

    /// A required, non-blank string without control characters.
    fn text(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        match value {
            None => self.push(format!("missing \"{field}\"")),
            Some(v) => return self.present_text(field, v),
        }
        None
    }

    fn present_text(&mut self, field: &str, value: &str) -> Option<String> {
        if value.trim().is_empty() {
            self.push(format!("\"{field}\" is empty"));
            return None;
        }
        if let Some(c) = value
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t')
        {
            self.push(format!(
                "\"{field}\" contains the control character U+{:04X}; remove it",
                c as u32
            ));
            return None;
        }
        Some(value.to_string())
    }

    fn optional_text(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        value.and_then(|v| self.present_text(field, v))
    }

    /// A list of valid strings with no duplicates (ignoring case and outer spaces).
    fn list(&mut self, field: &str, values: &[String], min: usize) -> Vec<String> {
        if values.len() < min {
            let s = if min == 1 { "" } else { "s" };
            self.push(format!("\"{field}\" needs at least {min} item{s}"));
        }
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = self.present_text(&format!("{field}[{i}]"), v) {
                if !seen.insert(choice_key(&v)) {
                    self.push(format!("\"{field}\" lists \"{v}\" twice; remove one"));
                }
                out.push(v);
            }
        }
        out
    }

    fn required_list(&mut self, field: &str, values: Option<&[String]>, min: usize) -> Vec<String> {
        match values {
            Some(v) => self.list(field, v, min),
            None => {
                self.push(format!("missing \"{field}\""));
                Vec::new()
            }
        }
    }
}

/// Two choices that differ only in case or outer spaces count as the same.
fn choice_key(s: &str) -> String {
    s.trim().to_lowercase()
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks one raw question; returns it typed, or every problem found.
pub(crate) fn validate_question(raw: &RawQuestion) -> Result<Question, Vec<String>> {
    let mut p = Problems::default();
    let id = p.text("id", raw.id.as_deref());
    if let Some(id) = &id {
        if !is_valid_id(id) {
            p.push(format!("id \"{id}\" may only use a-z, 0-9 and '-'"));
        }
    }
    let prompt = p.text("prompt", raw.prompt.as_deref());
    let kind = check_kind(raw, &mut p);
    let common = Common::check(raw, &mut p);
    match (id, prompt, kind, p.0.is_empty()) {
        (Some(id), Some(prompt), Some(kind), true) => Ok(common.into_question(id, prompt, kind)),
        _ => Err(p.0),
    }
}

/// The optional fields every kind shares.
struct Common {
    explanation: Option<String>,
    source: Option<String>,
    hint: Option<String>,
    tags: Vec<String>,
    difficulty: Difficulty,
    points: u32,
    time_limit: Option<u32>,
}

impl Common {
    fn check(raw: &RawQuestion, p: &mut Problems) -> Common {
        let difficulty = match raw.difficulty.as_deref() {
            None => Difficulty::default(),
            Some(name) => Difficulty::parse(name).unwrap_or_else(|| {
                p.push(format!(
                    "unknown difficulty \"{name}\"; use easy, medium or hard"
                ));
                Difficulty::default()
            }),
        };
        Common {
            explanation: p.optional_text("explanation", raw.explanation.as_deref()),
            source: p.optional_text("source", raw.source.as_deref()),
            hint: p.optional_text("hint", raw.hint.as_deref()),
            tags: raw
                .tags
                .as_deref()
                .map(|t| p.list("tags", t, 0))
                .unwrap_or_default(),
            difficulty,
            points: positive(p, "points", raw.points).unwrap_or(1),
            time_limit: positive(p, "time_limit", raw.time_limit),
        }
    }

    fn into_question(self, id: String, prompt: String, kind: Kind) -> Question {
        Question {
            id,
            prompt,
            kind,
            explanation: self.explanation,
            source: self.source,
            tags: self.tags,
            difficulty: self.difficulty,
            points: self.points,
            time_limit: self.time_limit,
            hint: self.hint,
        }
    }
}

fn positive(p: &mut Problems, field: &str, value: Option<i64>) -> Option<u32> {
    let v = value?;
    match u32::try_from(v) {
        Ok(n) if n > 0 => Some(n),
        _ => {
            p.push(format!(
                "\"{field}\" must be a whole number from 1 to {}, not {v}",
                u32::MAX
            ));
            None
        }
    }
}

fn present_fields(raw: &RawQuestion) -> [(&'static str, bool); 7] {
    [
        ("answer", raw.answer.is_some()),
        ("answers", raw.answers.is_some()),
        ("wrong", raw.wrong.is_some()),
        ("accept", raw.accept.is_some()),
        ("tolerance", raw.tolerance.is_some()),
        ("items", raw.items.is_some()),
        ("pairs", raw.pairs.is_some()),
    ]
}

fn check_kind(raw: &RawQuestion, p: &mut Problems) -> Option<Kind> {
    let Some(kind) = raw.kind.as_deref() else {
        p.push(format!(
            "missing \"kind\"; use one of {}",
            Kind::NAMES.join(", ")
        ));
        return None;
    };
    if !Kind::NAMES.contains(&kind) {
        p.push(format!(
            "unknown kind \"{kind}\"; use one of {}",
            Kind::NAMES.join(", ")
        ));
        return None;
    }
    for ((field, used_by), (_, present)) in KIND_FIELDS.iter().zip(present_fields(raw)) {
        if present && !used_by.contains(&kind) {
            p.push(format!(
                "\"{field}\" is not used by kind \"{kind}\"; remove it"
            ));
        }
    }
    let before = p.0.len();
    let typed = match kind {
        "single" => single(raw, p),
        "multi" => multi(raw, p),
        "true_false" => match &raw.answer {
            Some(Value::Bool(b)) => Kind::TrueFalse { answer: *b },
            other => return answer_type(p, other, "true or false"),
        },
        "text" => text(raw, p)?,
        "number" => number(raw, p)?,
        "order" => Kind::Order {
            items: p.required_list("items", raw.items.as_deref(), 2),
        },
        _ => matching(raw, p),
    };
    (p.0.len() == before).then_some(typed)
}

fn answer_type(p: &mut Problems, answer: &Option<Value>, expected: &str) -> Option<Kind> {
    match answer {
        None => p.push("missing \"answer\""),
        Some(v) => p.push(format!("\"answer\" must be {expected}, not {v}")),
    }
    None
}

fn answer_string(raw: &RawQuestion, p: &mut Problems) -> Option<String> {
    match &raw.answer {
        Some(Value::String(s)) => p.present_text("answer", s),
        other => {
            answer_type(p, other, "a string");
            None
        }
    }
}

/// Reports choices listed both as right and wrong.
fn overlap(p: &mut Problems, right_field: &str, right: &[String], wrong: &[String]) {
    let wrong_keys: HashSet<_> = wrong.iter().map(|w| choice_key(w)).collect();
    for r in right.iter().filter(|r| wrong_keys.contains(&choice_key(r))) {
        p.push(format!(
            "\"{right_field}\" also appears in \"wrong\": \"{r}\"; remove it from \"wrong\""
        ));
    }
}

fn single(raw: &RawQuestion, p: &mut Problems) -> Kind {
    let answer = answer_string(raw, p).unwrap_or_default();
    let wrong = p.required_list("wrong", raw.wrong.as_deref(), 1);
    overlap(p, "answer", std::slice::from_ref(&answer), &wrong);
    Kind::Single { answer, wrong }
}

fn multi(raw: &RawQuestion, p: &mut Problems) -> Kind {
    let answers = p.required_list("answers", raw.answers.as_deref(), 1);
    let wrong = match raw.wrong.as_deref() {
        Some(w) => p.list("wrong", w, 1),
        None => {
            p.push("a \"multi\" question needs at least one \"wrong\" choice");
            Vec::new()
        }
    };
    overlap(p, "answers", &answers, &wrong);
    Kind::Multi { answers, wrong }
}

fn text(raw: &RawQuestion, p: &mut Problems) -> Option<Kind> {
    let answer = answer_string(raw, p)?;
    let accept = raw
        .accept
        .as_deref()
        .map(|a| p.list("accept", a, 0))
        .unwrap_or_default();
    Some(Kind::Text { answer, accept })
}

fn number(raw: &RawQuestion, p: &mut Problems) -> Option<Kind> {
    let answer = match &raw.answer {
        Some(Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()),
        other => return answer_type(p, other, "a number"),
    };
    let Some(answer) = answer else {
        p.push("\"answer\" is too large a number");
        return None;
    };
    let tolerance = raw.tolerance.unwrap_or(0.0);
    if !(tolerance >= 0.0 && tolerance.is_finite()) {
        p.push(format!("\"tolerance\" must be 0 or more, not {tolerance}"));
    }
    Some(Kind::Number { answer, tolerance })
}

fn matching(raw: &RawQuestion, p: &mut Problems) -> Kind {
    let Some(pairs) = raw.pairs.as_deref() else {
        p.push("missing \"pairs\"");
        return Kind::Match { pairs: Vec::new() };
    };
    let (left, right): (Vec<String>, Vec<String>) = pairs.iter().cloned().unzip();
    let before = p.0.len();
    // Checked as two lists so a repeated left or right side is named.
    p.list("pairs (left side)", &left, 2);
    p.list("pairs (right side)", &right, 2);
    if p.0.len() > before {
        return Kind::Match { pairs: Vec::new() };
    }
    Kind::Match {
        pairs: pairs.to_vec(),
    }
}

/// Problems of the bank as a whole that single questions cannot see: duplicate ids.
pub(crate) fn duplicate_ids<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
) -> Vec<(usize, String)> {
    let mut first = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (index, id) in ids {
        if let Some(earlier) = first.insert(id, index) {
            first.insert(id, earlier);
            out.push((
                index,
                format!("id \"{id}\" is already used by questions[{earlier}]; ids must be unique"),
            ));
        }
    }
    out
}
