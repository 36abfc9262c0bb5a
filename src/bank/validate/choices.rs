//! The choice kinds: `single`, `multi`, `true_false`.

use serde_json::Value;

use super::entry::ListRule;
use super::feedback::{feedback, partial, weights};
use super::problems::{ChoiceSet, Problems};
use super::{answer_string, answer_type};
use crate::bank::kinds::credit_map;
use crate::bank::model::{Multi, Single, TrueFalse};
use crate::bank::raw::RawQuestion;

/// Reports choices listed both as right and wrong.
pub(super) fn overlap(p: &mut Problems, right_field: &str, right: &[String], wrong: &[String]) {
    let wrong = ChoiceSet::new(wrong.iter().map(String::as_str));
    for r in right.iter().filter(|r| wrong.contains(r)) {
        p.push(format!(
            "\"{right_field}\" also appears in \"wrong\": \"{r}\"; remove it from \"wrong\""
        ));
    }
}

const NO_CHOICE: &str = "names no choice; use a choice or \"*\"";

pub(super) fn single(raw: &mut RawQuestion, p: &mut Problems) -> Single {
    let answer = answer_string(raw, p).unwrap_or_default();
    let wrong = p.required_list(ListRule::WRONG, raw.wrong.take());
    overlap(p, "answer", std::slice::from_ref(&answer), &wrong);
    let wrong_set = ChoiceSet::new(wrong.iter().map(String::as_str));
    let partial = partial(p, raw.partial.take(), |key| {
        (!wrong_set.contains(key))
            .then(|| "is not a wrong choice; partial credit goes to choices in \"wrong\"".into())
    });
    let all = ChoiceSet::new(std::iter::once(&answer).chain(&wrong).map(String::as_str));
    let feedback = feedback(p, raw.feedback.take(), |k| all.contains(k), NO_CHOICE);
    Single {
        answer,
        wrong,
        partial,
        feedback,
    }
}

pub(super) fn multi(raw: &mut RawQuestion, p: &mut Problems) -> Multi {
    let answers = p.required_list(ListRule::ANSWERS, raw.answers.take());
    let wrong = match raw.wrong.take() {
        Some(w) => ListRule::WRONG.check(p, w),
        None => {
            p.push("kind \"multi\" needs at least one \"wrong\" choice");
            Vec::new()
        }
    };
    overlap(p, "answers", &answers, &wrong);
    let all: Vec<&String> = answers.iter().chain(&wrong).collect();
    let names: Vec<&str> = all.iter().map(|s| s.as_str()).collect();
    let weights = weights(p, raw.weights.take(), &names);
    if !weights.is_empty() {
        weight_rules(p, &answers, &wrong, &weights);
    }
    let all = ChoiceSet::new(all.iter().map(|s| s.as_str()));
    let feedback = feedback(p, raw.feedback.take(), |k| all.contains(k), NO_CHOICE);
    Multi {
        answers,
        wrong,
        weights,
        feedback,
    }
}

/// Moodle's rule: right choices weigh above 0 and add up to 1 (rounding allowed), wrong ones 0 or less.
fn weight_rules(p: &mut Problems, answers: &[String], wrong: &[String], weights: &[(String, f64)]) {
    let weights = credit_map(weights);
    let weight_of = |choice: &str| weights.get(choice.trim()).copied();
    let mut total = 0.0;
    for a in answers {
        match weight_of(a) {
            Some(w) if w > 0.0 => total += w,
            Some(w) => p.push(format!(
                "\"weights\" gives the answer \"{a}\" the weight {w}; answers need a weight above 0"
            )),
            None => p.push(format!(
                "\"weights\" gives no weight to the answer \"{a}\"; answers need a weight above 0"
            )),
        }
    }
    for w in wrong {
        if let Some(weight) = weight_of(w).filter(|x| *x > 0.0) {
            p.push(format!(
                "\"weights\" gives the wrong choice \"{w}\" the weight {weight}; wrong choices weigh 0 or less"
            ));
        }
    }
    // 3 × 33.333% is 99.999%: allow half a percentage point of rounding.
    if (total - 1.0).abs() > 0.005 && total > 0.0 {
        let total = (total * 1e6).round() / 1e6;
        p.push(format!(
            "the weights of \"answers\" add up to {total}, not 1; right choices share the whole credit"
        ));
    }
}

pub(super) fn true_false(raw: &mut RawQuestion, p: &mut Problems) -> Option<TrueFalse> {
    let answer = match raw.answer.take() {
        Some(Value::Bool(b)) => b,
        other => return answer_type(p, other, "true or false"),
    };
    let feedback = feedback(
        p,
        raw.feedback.take(),
        |k| matches!(k.trim(), "true" | "false"),
        "names no answer; use \"true\", \"false\" or \"*\"",
    );
    Some(TrueFalse { answer, feedback })
}
