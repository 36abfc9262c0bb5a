//! The typed kinds: `text` and `number`.

use serde_json::Value;

use super::entry::ListRule;
use super::feedback::{feedback, partial};
use super::problems::{Problems, same_choice, same_tag};
use super::{answer_string, answer_type};
use crate::bank::model::{Number, NumberAnswer, Text, Unit};
use crate::bank::raw::{RawNumberAnswer, RawQuestion, RawUnit};

pub(super) fn text(raw: &mut RawQuestion, p: &mut Problems) -> Option<Text> {
    let answer = answer_string(raw, p)?;
    let accept = raw
        .accept
        .take()
        .map(|a| ListRule::ACCEPT.check(p, a))
        .unwrap_or_default();
    let case_sensitive = raw.case_sensitive.take().unwrap_or(false);
    // Without case_sensitive, "Photoplay" and "photoplay" are the same typed answer.
    let same = if case_sensitive {
        same_choice
    } else {
        same_tag
    };
    let partial = partial(p, raw.partial.take(), |key| {
        let mut full = std::iter::once(&answer).chain(&accept);
        full.any(|a| same(a, key)).then(|| {
            "is already a full answer in \"answer\" or \"accept\"; remove it from \"partial\""
                .into()
        })
    });
    // Any key is allowed: an answer not listed elsewhere is an anticipated wrong answer.
    let feedback = feedback(p, raw.feedback.take(), |_| true, "");
    Some(Text {
        answer,
        accept,
        partial,
        case_sensitive,
        feedback,
    })
}

fn tolerance(p: &mut Problems, field: &str, value: Option<f64>) -> f64 {
    let tolerance = value.unwrap_or(0.0);
    if !(tolerance >= 0.0 && tolerance.is_finite()) {
        p.push(format!("\"{field}\" must be 0 or more, not {tolerance}"));
    }
    tolerance
}

pub(super) fn number(raw: &mut RawQuestion, p: &mut Problems) -> Option<Number> {
    let tolerance = tolerance(p, "tolerance", raw.tolerance.take());
    let answer = match raw.answer.take() {
        Some(Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()),
        other => return answer_type(p, other, "a number"),
    };
    let Some(answer) = answer else {
        p.push("\"answer\" is too large a number");
        return None;
    };
    let also: Vec<NumberAnswer> = (raw.also.take().unwrap_or_default().into_iter().enumerate())
        .map(|(i, a)| also(p, i, a))
        .collect();
    let units = units(p, raw.units.take().unwrap_or_default());
    let listed = |key: &str| {
        key.trim()
            .parse::<f64>()
            .is_ok_and(|n| n == answer || also.iter().any(|a| a.answer == n))
    };
    let hint = "names no answer; use a number from \"answer\" or \"also\", or \"*\"";
    let feedback = feedback(p, raw.feedback.take(), listed, hint);
    Some(Number {
        answer,
        tolerance,
        also,
        units,
        feedback,
    })
}

fn also(p: &mut Problems, i: usize, a: RawNumberAnswer) -> NumberAnswer {
    let credit = a.credit.unwrap_or(1.0);
    if !(0.0..=1.0).contains(&credit) {
        p.push(format!(
            "\"also[{i}].credit\" must be from 0 to 1, not {credit}"
        ));
    }
    NumberAnswer {
        answer: a.answer,
        tolerance: tolerance(p, &format!("also[{i}].tolerance"), a.tolerance),
        credit,
        feedback: p.optional_text(&format!("also[{i}].feedback"), a.feedback),
    }
}

fn units(p: &mut Problems, raw: Vec<RawUnit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(raw.len());
    // Units seen so far, by what same_choice compares: one look-up each, linear overall.
    let mut seen = std::collections::HashSet::new();
    for (i, u) in raw.into_iter().enumerate() {
        let field = format!("units[{i}].unit");
        let Some(unit) = p.present_text(&field, u.unit) else {
            continue;
        };
        if unit.trim().starts_with(|c: char| c.is_ascii_digit()) {
            p.push(format!(
                "\"{field}\" \"{unit}\" starts with a digit; it would be read as part of the number"
            ));
        }
        if !seen.insert(unit.trim().to_string()) {
            p.push(format!("\"units\" lists \"{unit}\" twice; remove one"));
        }
        let multiplier = u.multiplier.unwrap_or(1.0);
        if !(multiplier > 0.0 && multiplier.is_finite()) {
            p.push(format!(
                "\"units[{i}].multiplier\" must be above 0, not {multiplier}"
            ));
        }
        out.push(Unit { unit, multiplier });
    }
    out
}
