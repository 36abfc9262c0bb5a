//! The rules that turn a raw question into a valid one; every broken rule is reported.

use serde_json::Value;

use super::id::is_valid_id;
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
    fn text(&mut self, field: &str, value: Option<String>) -> Option<String> {
        match value {
            None => self.push(format!("missing \"{field}\"")),
            Some(v) => return self.present_text(field, v),
        }
        None
    }

    fn present_text(&mut self, field: &str, value: String) -> Option<String> {
        if value.trim().is_empty() {
            self.push(format!("\"{field}\" is empty"));
            return None;
        }
        if let Some(c) = value.chars().find(|&c| super::sanitize::is_unsafe(c)) {
            self.push(format!(
                "\"{field}\" contains the control character U+{:04X}; remove it",
                c as u32
            ));
            return None;
        }
        Some(value)
    }

    fn optional_text(&mut self, field: &str, value: Option<String>) -> Option<String> {
        value.and_then(|v| self.present_text(field, v))
    }

    /// A list of valid strings with no duplicates (ignoring case and outer spaces).
    fn list(&mut self, field: &str, values: Vec<String>, min: usize) -> Vec<String> {
        if values.len() < min {
            let s = if min == 1 { "" } else { "s" };
            self.push(format!("\"{field}\" needs at least {min} item{s}"));
        }
        let mut out: Vec<String> = Vec::with_capacity(values.len());
        for (i, v) in values.into_iter().enumerate() {
            if let Some(v) = self.present_text(&format!("{field}[{i}]"), v) {
                if out.iter().any(|earlier| same_choice(earlier, &v)) {
                    self.push(format!("\"{field}\" lists \"{v}\" twice; remove one"));
                }
                out.push(v);
            }
        }
        out
    }

    fn required_list(
        &mut self,
        field: &str,
        values: Option<Vec<String>>,
        min: usize,
    ) -> Vec<String> {
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
fn same_choice(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.trim()
            .chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold(a) == fold(b)
}

/// A question that broke rules: its id (when it had one) and every problem.
pub(crate) struct Invalid {
    pub id: Option<String>,
    pub problems: Vec<String>,
}

/// Checks one raw question; returns it typed, or every problem found.
pub(crate) fn validate_question(mut raw: RawQuestion) -> Result<Question, Invalid> {
    let mut p = Problems::default();
    let raw_id = raw.id.take();
    if let Some(id) = &raw_id
        && !id.trim().is_empty()
        && !is_valid_id(id)
    {
        p.push(format!("id \"{id}\" may only use a-z, 0-9 and '-'"));
    }
    let kind = check_kind(&mut raw, &mut p);
    let prompt = p.text("prompt", raw.prompt.take());
    let common = Common::check(raw, &mut p);
    let id = p.text("id", raw_id.clone());
    match (id, prompt, kind) {
        (Some(id), Some(prompt), Some(kind)) if p.0.is_empty() => {
            Ok(common.into_question(id, prompt, kind))
        }
        _ => Err(Invalid {
            id: raw_id,
            problems: p.0,
        }),
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
    fn check(raw: RawQuestion, p: &mut Problems) -> Common {
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
            explanation: p.optional_text("explanation", raw.explanation),
            source: p.optional_text("source", raw.source),
            hint: p.optional_text("hint", raw.hint),
            tags: raw.tags.map(|t| p.list("tags", t, 0)).unwrap_or_default(),
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
                "\"{field}\" must be a positive whole number, not {v}"
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

/// Checks the kind and takes its fields out of `raw`.
fn check_kind(raw: &mut RawQuestion, p: &mut Problems) -> Option<Kind> {
    let Some(kind) = raw.kind.take() else {
        p.push(format!(
            "missing \"kind\"; use one of {}",
            Kind::NAMES.join(", ")
        ));
        return None;
    };
    if !Kind::NAMES.contains(&kind.as_str()) {
        p.push(format!(
            "unknown kind \"{kind}\"; use one of {}",
            Kind::NAMES.join(", ")
        ));
        return None;
    }
    for ((field, used_by), (_, present)) in KIND_FIELDS.iter().zip(present_fields(raw)) {
        if present && !used_by.contains(&kind.as_str()) {
            p.push(format!(
                "\"{field}\" is not used by kind \"{kind}\"; remove it"
            ));
        }
    }
    let before = p.0.len();
    let typed = match kind.as_str() {
        "single" => single(raw, p),
        "multi" => multi(raw, p),
        "true_false" => match raw.answer.take() {
            Some(Value::Bool(b)) => Kind::TrueFalse { answer: b },
            other => return answer_type(p, other, "true or false"),
        },
        "text" => text(raw, p)?,
        "number" => number(raw, p)?,
        "order" => Kind::Order {
            items: p.required_list("items", raw.items.take(), 2),
        },
        _ => matching(raw, p),
    };
    (p.0.len() == before).then_some(typed)
}

fn answer_type(p: &mut Problems, answer: Option<Value>, expected: &str) -> Option<Kind> {
    match answer {
        None => p.push("missing \"answer\""),
        Some(v) => p.push(format!("\"answer\" must be {expected}, not {v}")),
    }
    None
}

fn answer_string(raw: &mut RawQuestion, p: &mut Problems) -> Option<String> {
    match raw.answer.take() {
        Some(Value::String(s)) => p.present_text("answer", s),
        other => {
            answer_type(p, other, "a string");
            None
        }
    }
}

/// Reports choices listed both as right and wrong.
fn overlap(p: &mut Problems, right_field: &str, right: &[String], wrong: &[String]) {
    for r in right
        .iter()
        .filter(|r| wrong.iter().any(|w| same_choice(r, w)))
    {
        p.push(format!(
            "\"{right_field}\" also appears in \"wrong\": \"{r}\"; remove it from \"wrong\""
        ));
    }
}

fn single(raw: &mut RawQuestion, p: &mut Problems) -> Kind {
    let answer = answer_string(raw, p).unwrap_or_default();
    let wrong = p.required_list("wrong", raw.wrong.take(), 1);
    overlap(p, "answer", std::slice::from_ref(&answer), &wrong);
    Kind::Single { answer, wrong }
}

fn multi(raw: &mut RawQuestion, p: &mut Problems) -> Kind {
    let answers = p.required_list("answers", raw.answers.take(), 1);
    let wrong = match raw.wrong.take() {
        Some(w) => p.list("wrong", w, 1),
        None => {
            p.push("a \"multi\" question needs at least one \"wrong\" choice");
            Vec::new()
        }
    };
    overlap(p, "answers", &answers, &wrong);
    Kind::Multi { answers, wrong }
}

fn text(raw: &mut RawQuestion, p: &mut Problems) -> Option<Kind> {
    let answer = answer_string(raw, p)?;
    let accept = raw
        .accept
        .take()
        .map(|a| p.list("accept", a, 0))
        .unwrap_or_default();
    Some(Kind::Text { answer, accept })
}

fn number(raw: &mut RawQuestion, p: &mut Problems) -> Option<Kind> {
    let tolerance = raw.tolerance.unwrap_or(0.0);
    if !(tolerance >= 0.0 && tolerance.is_finite()) {
        p.push(format!("\"tolerance\" must be 0 or more, not {tolerance}"));
    }
    let answer = match raw.answer.take() {
        Some(Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()),
        other => return answer_type(p, other, "a number"),
    };
    let Some(answer) = answer else {
        p.push("\"answer\" is too large a number");
        return None;
    };
    Some(Kind::Number { answer, tolerance })
}

fn matching(raw: &mut RawQuestion, p: &mut Problems) -> Kind {
    let Some(pairs) = raw.pairs.take() else {
        p.push("missing \"pairs\"");
        return Kind::Match { pairs: Vec::new() };
    };
    if pairs.len() < 2 {
        p.push(format!(
            "\"pairs\" needs at least 2 pairs, not {}",
            pairs.len()
        ));
    }
    let (left, right): (Vec<String>, Vec<String>) = pairs.into_iter().unzip();
    // Checked as two lists so a repeated left or right side is named.
    let left = p.list("pairs (left side)", left, 0);
    let right = p.list("pairs (right side)", right, 0);
    Kind::Match {
        pairs: left.into_iter().zip(right).collect(),
    }
}
