//! The rules that turn a raw question into a valid one; every broken rule is reported.

mod arrange;
mod choices;
mod cloze;
pub mod entry;
mod feedback;
mod problems;
mod typed;

use serde_json::Value;

use super::id::is_valid_id;
use super::model::{Difficulty, Kind, Question};
use super::raw::RawQuestion;
use entry::ListRule;
use problems::Problems;

/// Fields that only some kinds use, with the kinds that use them.
const KIND_FIELDS: [(&str, &[&str]); 16] = [
    ("answer", &["single", "true_false", "text", "number"]),
    ("answers", &["multi"]),
    ("wrong", &["single", "multi"]),
    ("accept", &["text"]),
    ("partial", &["single", "text"]),
    ("weights", &["multi"]),
    ("case_sensitive", &["text"]),
    ("tolerance", &["number"]),
    ("also", &["number"]),
    ("units", &["number"]),
    ("items", &["order"]),
    ("pairs", &["match"]),
    ("extra", &["match"]),
    ("text", &["cloze"]),
    ("gaps", &["cloze"]),
    (
        "feedback",
        &["single", "multi", "true_false", "text", "number"],
    ),
];

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
    let title = p.optional_text("title", raw.title.take());
    let prompt = p.text("prompt", raw.prompt.take());
    let common = Common::check(raw, &mut p);
    let id = p.text("id", raw_id.clone());
    match (id, prompt, kind) {
        (Some(id), Some(prompt), Some(kind)) if p.0.is_empty() => {
            let mut q = common.into_question(id, prompt, kind);
            q.title = title;
            Ok(q)
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
            tags: raw
                .tags
                .map(|t| ListRule::TAGS.check(p, t))
                .unwrap_or_default(),
            difficulty,
            points: positive(p, "points", raw.points).unwrap_or(1),
            time_limit: positive(p, "time_limit", raw.time_limit),
        }
    }

    fn into_question(self, id: String, prompt: String, kind: Kind) -> Question {
        Question {
            id,
            title: None,
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

fn present_fields(raw: &RawQuestion) -> [(&'static str, bool); 16] {
    [
        ("answer", raw.answer.is_some()),
        ("answers", raw.answers.is_some()),
        ("wrong", raw.wrong.is_some()),
        ("accept", raw.accept.is_some()),
        ("partial", raw.partial.is_some()),
        ("weights", raw.weights.is_some()),
        ("case_sensitive", raw.case_sensitive.is_some()),
        ("tolerance", raw.tolerance.is_some()),
        ("also", raw.also.is_some()),
        ("units", raw.units.is_some()),
        ("items", raw.items.is_some()),
        ("pairs", raw.pairs.is_some()),
        ("extra", raw.extra.is_some()),
        ("text", raw.text.is_some()),
        ("gaps", raw.gaps.is_some()),
        ("feedback", raw.feedback.is_some()),
    ]
}

/// Checks the kind and takes its fields out of `raw`.
fn check_kind(raw: &mut RawQuestion, p: &mut Problems) -> Option<Kind> {
    let kind = known_kind(raw.kind.take(), &Kind::NAMES, p)?;
    fields_of_kind(raw, &kind, p);
    let before = p.count();
    let typed = match kind.as_str() {
        "single" => Kind::Single(choices::single(raw, p)),
        "multi" => Kind::Multi(choices::multi(raw, p)),
        "true_false" => Kind::TrueFalse(choices::true_false(raw, p)?),
        "text" => Kind::Text(typed::text(raw, p)?),
        "number" => Kind::Number(typed::number(raw, p)?),
        "order" => Kind::Order(arrange::order(raw, p)),
        "match" => Kind::Match(arrange::matching(raw, p)),
        _ => Kind::Cloze(cloze::cloze(raw, p)),
    };
    (p.count() == before).then_some(typed)
}

/// The kind's name when it is one of `names`.
fn known_kind(kind: Option<String>, names: &[&str], p: &mut Problems) -> Option<String> {
    let Some(kind) = kind else {
        p.push(format!("missing \"kind\"; use one of {}", names.join(", ")));
        return None;
    };
    if !names.contains(&kind.as_str()) {
        p.push(format!(
            "unknown kind \"{kind}\"; use one of {}",
            names.join(", ")
        ));
        return None;
    }
    Some(kind)
}

/// Reports fields written for another kind.
fn fields_of_kind(raw: &RawQuestion, kind: &str, p: &mut Problems) {
    for ((field, used_by), (_, present)) in KIND_FIELDS.iter().zip(present_fields(raw)) {
        if present && !used_by.contains(&kind) {
            p.push(format!(
                "\"{field}\" is not used by kind \"{kind}\"; remove it"
            ));
        }
    }
}

fn answer_type<T>(p: &mut Problems, answer: Option<Value>, expected: &str) -> Option<T> {
    match answer {
        None => p.push("missing \"answer\""),
        Some(v) => p.push(format!("\"answer\" must be {expected}, not {v}")),
    }
    None
}

fn answer_string(raw: &mut RawQuestion, p: &mut Problems) -> Option<String> {
    match raw.answer.take() {
        Some(Value::String(s)) => p.present_text("answer", s),
        other => answer_type(p, other, "a string"),
    }
}
