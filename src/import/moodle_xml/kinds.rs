//! Moodle answers with fractions and feedback as termquiz kinds (one function per type).
//! Credit stays as Moodle gives it; the grading rules live in `engine::grade`.

use super::question::number;
use super::terms::{Answer, Rich, Unit as MoodleUnit};
use super::text::readable;
use crate::bank::{
    Feedback, Match, Multi, Number, NumberAnswer, Order, Single, Text, TrueFalse, Unit,
};

/// Moodle stores fractions with 7 decimals (`0.3333333`); so does the import.
pub fn fraction(value: f64) -> f64 {
    (value * 1e7).round() / 1e7
}

fn is_full(fraction: f64) -> bool {
    (fraction - 1.0).abs() < 1e-7
}

/// A choice, its fraction and its feedback, read as text.
struct Choice {
    text: String,
    fraction: f64,
    feedback: String,
}

fn choices(answers: &[Answer]) -> Vec<Choice> {
    answers
        .iter()
        .map(|a| Choice {
            text: readable(&a.text),
            fraction: fraction(a.fraction),
            feedback: readable(&a.feedback),
        })
        .collect()
}

fn feedback_of<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Feedback {
    let mut feedback = Feedback::default();
    for (key, text) in items.filter(|(_, t)| !t.is_empty()) {
        feedback.insert(key, text);
    }
    feedback
}

/// `multichoice` with `<single>true`: the 100% choice, the others wrong, partial credit kept.
pub fn single(answers: &[Answer]) -> Result<Single, String> {
    single_from(choices(answers))
}

/// A single choice from `(text, fraction, feedback)` choices (also used for cloze gaps).
pub fn single_of(list: Vec<(String, f64, String)>) -> Result<Single, String> {
    single_from(
        list.into_iter()
            .map(|(text, fraction, feedback)| Choice {
                text,
                fraction,
                feedback,
            })
            .collect(),
    )
}

fn single_from(list: Vec<Choice>) -> Result<Single, String> {
    let full: Vec<&Choice> = list.iter().filter(|c| is_full(c.fraction)).collect();
    let answer = match full[..] {
        [one] => one.text.clone(),
        [] => return Err("no answer is worth 100%".to_string()),
        _ => {
            return Err(
                "several answers are worth 100%; a termquiz single choice has one".to_string(),
            );
        }
    };
    let wrong = list
        .iter()
        .filter(|c| !is_full(c.fraction))
        .map(|c| c.text.clone())
        .collect();
    let partial = list
        .iter()
        .filter(|c| c.fraction > 0.0 && !is_full(c.fraction))
        .map(|c| (c.text.clone(), c.fraction))
        .collect();
    let feedback = feedback_of(list.iter().map(|c| (c.text.as_str(), c.feedback.as_str())));
    Ok(Single {
        partial,
        feedback,
        ..Single::new(answer, wrong)
    })
}

/// `multichoice` with `<single>false`: Moodle's fractions become weights, unless they are
/// termquiz's default rule (right 1/n, wrong −1/n).
pub fn multi(answers: &[Answer]) -> Result<Multi, String> {
    multi_from(choices(answers))
}

/// A multiple-answer choice from `(text, fraction, feedback)` choices (cloze MULTIRESPONSE
/// gaps, once their fractions are Moodle's).
pub fn multi_of(list: Vec<(String, f64, String)>) -> Result<Multi, String> {
    multi_from(
        list.into_iter()
            .map(|(text, value, feedback)| Choice {
                text,
                fraction: fraction(value),
                feedback,
            })
            .collect(),
    )
}

fn multi_from(list: Vec<Choice>) -> Result<Multi, String> {
    let right: Vec<&Choice> = list.iter().filter(|c| c.fraction > 0.0).collect();
    if right.is_empty() {
        return Err("no answer is worth any credit".to_string());
    }
    let share = fraction(1.0 / right.len() as f64);
    let default_rule = list.iter().all(|c| {
        let expected = if c.fraction > 0.0 { share } else { -share };
        (c.fraction - expected).abs() < 1e-7
    });
    let weights = if default_rule {
        Vec::new()
    } else {
        list.iter().map(|c| (c.text.clone(), c.fraction)).collect()
    };
    Ok(Multi {
        weights,
        feedback: feedback_of(list.iter().map(|c| (c.text.as_str(), c.feedback.as_str()))),
        ..Multi::new(
            right.iter().map(|c| c.text.clone()).collect(),
            list.iter()
                .filter(|c| c.fraction <= 0.0)
                .map(|c| c.text.clone())
                .collect(),
        )
    })
}

/// `truefalse` with the feedback of each side.
pub fn true_false(
    answer: bool,
    feedback_true: &Option<Rich>,
    feedback_false: &Option<Rich>,
) -> TrueFalse {
    let text = |r: &Option<Rich>| r.as_ref().map(readable).unwrap_or_default();
    TrueFalse {
        feedback: feedback_of(
            [
                ("true", text(feedback_true)),
                ("false", text(feedback_false)),
            ]
            .iter()
            .map(|(k, t)| (*k, t.as_str())),
        ),
        ..TrueFalse::new(answer)
    }
}

/// `shortanswer`: 100% answers accepted, others partial, `*` the feedback for any other answer.
pub fn text(answers: &[Answer], usecase: bool) -> Result<Text, String> {
    let list: Vec<Choice> = choices(answers)
        .into_iter()
        .map(|c| Choice {
            text: c.text.trim().to_string(),
            ..c
        })
        .collect();
    text_from(list, usecase)
}

/// A text answer from `(text, fraction, feedback)` (also used for cloze gaps).
pub fn text_of(list: Vec<(String, f64, String)>, usecase: bool) -> Result<Text, String> {
    text_from(
        list.into_iter()
            .map(|(text, fraction, feedback)| Choice {
                text,
                fraction,
                feedback,
            })
            .collect(),
        usecase,
    )
}

fn text_from(list: Vec<Choice>, usecase: bool) -> Result<Text, String> {
    let mut full = Vec::new();
    let mut partial = Vec::new();
    let mut feedback = Feedback::default();
    for choice in &list {
        if choice.text == "*" {
            if choice.fraction > 0.0 {
                return Err(format!(
                    "the answer * gives {}% to any answer, which termquiz cannot grade",
                    percent(choice.fraction)
                ));
            }
            if !choice.feedback.is_empty() {
                feedback.insert(Feedback::OTHER, choice.feedback.as_str());
            }
            continue;
        }
        // Kept as Moodle writes it: the bank reads `*` as a wildcard and `\*` as a star too.
        let answer = choice.text.clone();
        if !choice.feedback.is_empty() {
            feedback.insert(answer.as_str(), choice.feedback.as_str());
        }
        if is_full(choice.fraction) {
            full.push(answer);
        } else if choice.fraction > 0.0 {
            partial.push((answer, choice.fraction));
        }
    }
    let Some((answer, accept)) = full.split_first() else {
        return Err("no answer is worth 100%".to_string());
    };
    Ok(Text {
        partial,
        case_sensitive: usecase,
        feedback,
        ..Text::new(answer.clone(), accept.to_vec())
    })
}

fn percent(fraction: f64) -> String {
    let text = format!("{:.5}", fraction * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One numerical answer: value (or `*`), tolerance, fraction, feedback.
pub struct NumberChoice {
    /// The number as written, or `*`.
    pub text: String,
    /// Accepted distance.
    pub tolerance: f64,
    /// Moodle's fraction.
    pub fraction: f64,
    /// Feedback as text.
    pub feedback: String,
}

/// `numerical`: the first 100% number is the answer, the others `also`, `*` any other.
pub fn number_kind(answers: &[Answer], units: &[MoodleUnit]) -> Result<Number, String> {
    let list = answers
        .iter()
        .map(|a| NumberChoice {
            text: a.text.text.trim().to_string(),
            tolerance: a.tolerance,
            fraction: fraction(a.fraction),
            feedback: readable(&a.feedback),
        })
        .collect();
    let mut kind = number_of(list)?;
    kind.units = units
        .iter()
        .filter(|u| !u.name.is_empty())
        .map(|u| Unit {
            unit: u.name.clone(),
            multiplier: u.multiplier,
        })
        .collect();
    Ok(kind)
}

/// A number answer from numerical choices (also used for cloze gaps).
pub fn number_of(list: Vec<NumberChoice>) -> Result<Number, String> {
    let mut main: Option<Number> = None;
    let mut also = Vec::new();
    let mut other = None;
    for choice in list {
        if choice.text == "*" {
            other = Some(choice.feedback).filter(|f| !f.is_empty());
            continue;
        }
        let value = number(&choice.text)
            .ok_or_else(|| format!("the answer \"{}\" is not a number", choice.text))?;
        if main.is_none() && is_full(choice.fraction) {
            let mut first = Number::new(value, choice.tolerance);
            if !choice.feedback.is_empty() {
                first.feedback.insert(value.to_string(), choice.feedback);
            }
            main = Some(first);
            continue;
        }
        also.push(NumberAnswer {
            credit: choice.fraction.clamp(0.0, 1.0),
            feedback: Some(choice.feedback).filter(|f| !f.is_empty()),
            ..NumberAnswer::new(value, choice.tolerance)
        });
    }
    let mut kind = main.ok_or("no number is worth 100%")?;
    kind.also = also;
    if let Some(other) = other {
        kind.feedback.insert(Feedback::OTHER, other);
    }
    Ok(kind)
}

/// `matching`: subquestions with a text are pairs; those without one are distractors.
pub fn matching(subquestions: &[(Rich, String)]) -> Match {
    let (pairs, extra): (Vec<_>, Vec<_>) = subquestions.iter().partition(|(q, _)| !q.is_empty());
    Match {
        pairs: pairs
            .into_iter()
            .map(|(q, a)| (readable(q), a.trim().to_string()))
            .collect(),
        extra: extra
            .into_iter()
            .map(|(_, a)| a.trim().to_string())
            .collect(),
    }
}

/// `ordering`: the items in their right order.
pub fn order(items: &[Rich]) -> Order {
    Order::new(items.iter().map(readable).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::moodle_xml::terms::Format;

    fn answer(text: &str, fraction: f64, feedback: &str) -> Answer {
        Answer {
            text: Rich::new(text, Format::Plain),
            fraction,
            feedback: Rich::new(feedback, Format::Plain),
            tolerance: 0.0,
        }
    }

    #[test]
    fn single_keeps_partial_credit_and_feedback() {
        let kind = single(&[
            answer("a", 1.0, "yes"),
            answer("b", 0.3333333, ""),
            answer("c", -0.5, "no"),
        ])
        .unwrap();
        assert_eq!(kind.answer, "a");
        assert_eq!(kind.wrong, ["b", "c"]);
        assert_eq!(kind.partial, [("b".to_string(), 0.3333333)]);
        assert_eq!(kind.feedback.get("c"), Some("no"));
        assert!(single(&[answer("a", 1.0, ""), answer("b", 1.0, "")]).is_err());
    }

    #[test]
    fn multi_default_rule_has_no_weights() {
        let kind = multi(&[
            answer("a", 0.5, ""),
            answer("b", 0.5, ""),
            answer("c", -0.5, ""),
        ])
        .unwrap();
        assert!(kind.weights.is_empty());
        let kind = multi(&[
            answer("a", 0.5, ""),
            answer("b", 0.5, ""),
            answer("c", 0.0, ""),
        ])
        .unwrap();
        assert_eq!(kind.weights.len(), 3);
    }

    #[test]
    fn text_star_is_other_feedback_and_wildcards_are_kept_for_the_grader() {
        let kind = text(
            &[
                answer("Lima", 1.0, "ok"),
                answer("Cuzco", 0.5, ""),
                answer("Quito", 0.0, "north"),
                answer("*", 0.0, "no"),
            ],
            true,
        )
        .unwrap();
        assert_eq!(kind.partial, [("Cuzco".to_string(), 0.5)]);
        assert_eq!(kind.feedback.get("Quito"), Some("north"));
        assert_eq!(kind.feedback.other(), Some("no"));
        assert!(kind.case_sensitive);
        let wildcard = text(&[answer("colo*r", 1.0, "")], false).unwrap();
        assert_eq!(wildcard.answer, "colo*r");
        let star = text(&[answer(r"5 \* 3", 1.0, "")], false).unwrap();
        assert_eq!(star.answer, r"5 \* 3", "the grader reads \\* as a star");
    }
}
