//! GIFT terms → bank questions, in one place. Every message speaks GIFT's terms.

use super::answers::{Answers, Numeric, Pair, Value, Weighted};
use super::blocks::Meta;
use super::question::GiftQuestion;
use crate::bank::{Kind, Match, Multi, Number, Question, Single, Text, TrueFalse};
use crate::import::common::{Draft, Skipped};

/// A GIFT question as a draft bank question, or why it cannot be one.
pub fn draft(q: GiftQuestion, meta: &Meta, category_tags: &[String]) -> Result<Draft, Skipped> {
    if q.text.is_empty() {
        return Err(Skipped::new(
            q.line,
            "no question text before the answers '{…}'",
        ));
    }
    let line = q.line;
    let kind = kind(&q)?;
    let right_feedback = right_feedback(&q.answers);
    let mut question = Question::new("", q.text, kind);
    question.explanation = q.general_feedback.or(right_feedback);
    for tag in meta.tags.iter().chain(category_tags) {
        if !question.tags.contains(tag) {
            question.tags.push(tag.clone());
        }
    }
    let id_hint = meta.id.clone().or(q.title);
    Ok(Draft {
        line,
        id_hint,
        question,
    })
}

/// The feedback of the right answer, shown as the explanation when there is no general one.
fn right_feedback(answers: &Answers) -> Option<String> {
    match answers {
        Answers::TrueFalse { right_feedback, .. } => right_feedback.clone(),
        Answers::Choices { choices: list, .. } | Answers::Short { answers: list } => list
            .iter()
            .filter(|a| a.credit >= 1.0)
            .find_map(|a| a.feedback.clone()),
        _ => None,
    }
}

fn kind(q: &GiftQuestion) -> Result<Kind, Skipped> {
    match &q.answers {
        Answers::Essay => Err(Skipped::new(
            q.line,
            "essay questions have no answer to grade",
        )),
        Answers::TrueFalse { answer, .. } => Ok(Kind::TrueFalse(TrueFalse {
            answer: *answer,
            ..TrueFalse::default()
        })),
        Answers::Choices {
            one_answer,
            choices,
        } => choices_kind(q.line, *one_answer, choices),
        Answers::Short { answers } => short_kind(q.line, answers),
        Answers::Numerical { answers, .. } => number_kind(q.line, answers),
        Answers::Match { pairs } => match_kind(q.line, pairs),
    }
}

fn choices_kind(line: usize, one_answer: bool, choices: &[Weighted]) -> Result<Kind, Skipped> {
    check_choices(line, choices)?;
    let texts = |keep: &dyn Fn(&Weighted) -> bool| -> Vec<String> {
        choices
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.text.clone())
            .collect()
    };
    if one_answer {
        let full: Vec<&Weighted> = choices.iter().filter(|c| c.credit >= 1.0).collect();
        let [right] = full.as_slice() else {
            let reason = if full.is_empty() {
                "no right answer; mark one with '=' or give it a %100% weight"
            } else {
                "several answers at 100% in a one-answer question; keep one '=' and give the others '~'"
            };
            return Err(Skipped::new(line, reason));
        };
        let wrong = texts(&|c| c.credit < 1.0);
        if wrong.is_empty() {
            return Err(Skipped::new(
                line,
                "a multiple-choice question needs at least two answers",
            ));
        }
        return Ok(Kind::Single(Single {
            answer: right.text.clone(),
            wrong,
            ..Single::default()
        }));
    }
    let answers = texts(&|c| c.credit > 0.0);
    let wrong = texts(&|c| c.credit <= 0.0);
    if answers.is_empty() {
        return Err(Skipped::new(
            line,
            "no right answer; mark one with '=' or give it a positive %weight%",
        ));
    }
    if wrong.is_empty() {
        return Err(Skipped::new(
            line,
            "every answer is right: a GIFT multiple-answer question needs a wrong choice",
        ));
    }
    Ok(Kind::Multi(Multi {
        answers,
        wrong,
        ..Multi::default()
    }))
}

/// Empty answers and answers written twice, named by their line.
fn check_choices(line: usize, choices: &[Weighted]) -> Result<(), Skipped> {
    if choices.len() < 2 {
        return Err(Skipped::new(
            line,
            "a multiple-choice question needs at least two answers",
        ));
    }
    for (i, c) in choices.iter().enumerate() {
        if c.text.is_empty() {
            return Err(Skipped::new(
                c.line,
                "an empty answer; write its text after '=' or '~'",
            ));
        }
        if choices[..i].iter().any(|earlier| earlier.text == c.text) {
            let reason = format!("the answer '{}' is written twice; remove one", c.text);
            return Err(Skipped::new(c.line, reason));
        }
    }
    Ok(())
}

fn short_kind(line: usize, answers: &[Weighted]) -> Result<Kind, Skipped> {
    let mut right = answers
        .iter()
        .filter(|a| a.credit >= 1.0 && a.text != "*")
        .map(|a| a.text.clone());
    let Some(answer) = right.next() else {
        return Err(Skipped::new(
            line,
            "no right answer; give one answer '=' or %100%",
        ));
    };
    Ok(Kind::Text(Text {
        answer,
        accept: right.collect(),
        ..Text::default()
    }))
}

fn number_kind(line: usize, answers: &[Numeric]) -> Result<Kind, Skipped> {
    let best = answers
        .iter()
        .filter_map(|a| match a.value {
            Value::Near { answer, tolerance } => Some((a.credit, answer, tolerance)),
            Value::Any => None,
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((weight, answer, tolerance)) if weight > 0.0 => Ok(Kind::Number(Number {
            answer,
            tolerance,
            ..Number::default()
        })),
        _ => Err(Skipped::new(
            line,
            "no right number; give one answer '=' or %100%",
        )),
    }
}

fn match_kind(line: usize, pairs: &[Pair]) -> Result<Kind, Skipped> {
    let real: Vec<(String, String)> = pairs
        .iter()
        .filter(|p| !p.left.is_empty())
        .map(|p| (p.left.clone(), p.right.clone()))
        .collect();
    if real.len() < 2 {
        return Err(Skipped::new(
            line,
            "a matching question needs at least two '=left -> right' pairs",
        ));
    }
    Ok(Kind::Match(Match {
        pairs: real,
        ..Match::default()
    }))
}
