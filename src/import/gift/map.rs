//! GIFT terms → bank questions, in one place, so imported questions grade as Moodle grades
//! them. Every message speaks GIFT's terms; what the bank cannot hold becomes a note.

use std::collections::HashSet;

use super::answers::{Answers, Numeric, Pair, Value, Weighted};
use super::blocks::Meta;
use super::percent::percent_of_fraction;
use super::question::GiftQuestion;
use crate::bank::{
    Feedback, Kind, Match, Multi, Number, NumberAnswer, Question, Single, Text, TrueFalse,
};
use crate::import::common::{Draft, Skipped};

/// A draft and the notes about what of it the bank cannot hold.
pub struct Mapped {
    /// The question, not yet validated.
    pub draft: Draft,
    /// What was left out or changed, with its line.
    pub notes: Vec<Skipped>,
}

/// A GIFT question as a draft bank question, or why it cannot be one.
pub fn draft(q: GiftQuestion, meta: &Meta, category_tags: &[String]) -> Result<Mapped, Skipped> {
    if q.text.is_empty() {
        return Err(Skipped::new(
            q.line,
            "no question text before the answers '{…}'",
        ));
    }
    let mut notes = Vec::new();
    let kind = kind(&q, &mut notes)?;
    let mut question = Question::new("", q.text, kind);
    question.title = q.title.clone();
    question.explanation = q.general_feedback;
    let mut seen = HashSet::new();
    for tag in meta.tags.iter().chain(category_tags) {
        if seen.insert(tag.to_lowercase()) {
            question.tags.push(tag.clone());
        }
    }
    let draft = Draft {
        line: q.line,
        id_hint: meta.id.clone().or(q.title),
        question,
    };
    Ok(Mapped { draft, notes })
}

fn kind(q: &GiftQuestion, notes: &mut Vec<Skipped>) -> Result<Kind, Skipped> {
    match &q.answers {
        Answers::Essay => Err(Skipped::new(
            q.line,
            "essay questions have no answer to grade",
        )),
        Answers::TrueFalse {
            answer,
            wrong_feedback,
            right_feedback,
        } => Ok(true_false(*answer, wrong_feedback, right_feedback)),
        Answers::Choices {
            one_answer: true,
            choices,
        } => single(q.line, choices, notes),
        Answers::Choices { choices, .. } => multi(q.line, choices),
        Answers::Short { answers } => short(q.line, answers, notes),
        Answers::Numerical {
            answers,
            other_feedback,
        } => numerical(q.line, answers, other_feedback, notes),
        Answers::Match { pairs } => matching(q.line, pairs),
    }
}

/// `{T#wrong#right}`: the right feedback goes to the right value, the wrong one to the other.
fn true_false(answer: bool, wrong: &Option<String>, right: &Option<String>) -> Kind {
    let mut feedback = Feedback::default();
    for (value, text) in [(answer, right), (!answer, wrong)] {
        if let Some(text) = text {
            feedback.insert(value.to_string(), text.clone());
        }
    }
    Kind::TrueFalse(TrueFalse { answer, feedback })
}

/// Each choice's `#feedback`, keyed by the choice.
fn choice_feedback(choices: &[Weighted]) -> Feedback {
    let mut feedback = Feedback::default();
    for c in choices {
        if let Some(text) = &c.feedback {
            // Choices are distinct by now: a push, not a search per choice.
            feedback.0.push((c.text.clone(), text.clone()));
        }
    }
    feedback
}

/// Moodle's one-answer multiple choice: the 100% choice is right, others earn their weight.
fn single(line: usize, choices: &[Weighted], notes: &mut Vec<Skipped>) -> Result<Kind, Skipped> {
    check_choices(line, choices)?;
    let full: Vec<&Weighted> = choices.iter().filter(|c| c.credit >= 1.0).collect();
    let [right] = full.as_slice() else {
        let reason = if full.is_empty() {
            "no right answer; mark one with '=' or give it a %100% weight"
        } else {
            "several answers at 100% in a one-answer question; keep one '=' and give the others '~'"
        };
        return Err(Skipped::new(line, reason));
    };
    let wrong: Vec<&Weighted> = choices.iter().filter(|c| c.credit < 1.0).collect();
    for c in wrong.iter().filter(|c| c.credit < 0.0) {
        notes.push(Skipped::new(
            c.line,
            format!(
                "the penalty %{}% of '{}' is left out: a one-answer question earns 0 at worst",
                percent_of_fraction(c.credit),
                c.text
            ),
        ));
    }
    Ok(Kind::Single(Single {
        answer: right.text.clone(),
        wrong: wrong.iter().map(|c| c.text.clone()).collect(),
        partial: wrong
            .iter()
            .filter(|c| c.credit > 0.0)
            .map(|c| (c.text.clone(), c.credit))
            .collect(),
        feedback: choice_feedback(choices),
    }))
}

/// Moodle's multiple-answer choice: positive weights are right, the total is clamped to 0..1.
fn multi(line: usize, choices: &[Weighted]) -> Result<Kind, Skipped> {
    check_choices(line, choices)?;
    let texts = |right: bool| -> Vec<String> {
        let picked = choices.iter().filter(|c| (c.credit > 0.0) == right);
        picked.map(|c| c.text.clone()).collect()
    };
    let (answers, wrong) = (texts(true), texts(false));
    if answers.is_empty() {
        let reason = "no right answer; mark one with '=' or give it a positive %weight%";
        return Err(Skipped::new(line, reason));
    }
    if wrong.is_empty() {
        let reason = "every answer is right: a GIFT multiple-answer question needs a wrong choice";
        return Err(Skipped::new(line, reason));
    }
    let total: f64 = choices.iter().map(|c| c.credit.max(0.0)).sum();
    if (total - 1.0).abs() > 0.005 {
        let reason = format!(
            "the right answers' weights add up to {}%, not 100%; make them share 100%",
            (total * 100_000.0).round() / 1000.0
        );
        return Err(Skipped::new(line, reason));
    }
    let weights: Vec<(String, f64)> = choices.iter().map(|c| (c.text.clone(), c.credit)).collect();
    let default = default_weights(answers.len(), &weights);
    Ok(Kind::Multi(Multi {
        answers,
        wrong,
        weights: if default { Vec::new() } else { weights },
        feedback: choice_feedback(choices),
    }))
}

/// Whether weights are termquiz's default rule (right 1/n, wrong −1/n), so they can be left out.
fn default_weights(right: usize, weights: &[(String, f64)]) -> bool {
    let share = 1.0 / right as f64;
    weights.iter().all(|(_, w)| (w.abs() - share).abs() < 1e-4)
}

/// At least two choices, none empty, none written twice (case counts, as in Moodle).
fn check_choices(line: usize, choices: &[Weighted]) -> Result<(), Skipped> {
    if choices.len() < 2 {
        return Err(Skipped::new(
            line,
            "a multiple-choice question needs at least two answers",
        ));
    }
    distinct(choices.iter().map(|c| (c.text.as_str(), c.line)))
}

/// Fails on an empty answer or one written twice.
fn distinct<'a>(items: impl Iterator<Item = (&'a str, usize)>) -> Result<(), Skipped> {
    let mut seen = HashSet::new();
    for (text, line) in items {
        if text.is_empty() {
            return Err(Skipped::new(
                line,
                "an empty answer; write its text after '=' or '~'",
            ));
        }
        if !seen.insert(text) {
            let reason = format!("the answer '{text}' is written twice; remove one");
            return Err(Skipped::new(line, reason));
        }
    }
    Ok(())
}

/// Short answer: 100% answers accepted, others partial, 0% ones and `*` (Moodle's wildcard,
/// which the engine matches too) carry their feedback.
fn short(line: usize, answers: &[Weighted], notes: &mut Vec<Skipped>) -> Result<Kind, Skipped> {
    distinct(answers.iter().map(|a| (a.text.as_str(), a.line)))?;
    let full: Vec<&Weighted> = answers.iter().filter(|a| a.credit >= 1.0).collect();
    // The answer shown as right is a plain one when there is one, not a pattern.
    let Some(main) = full
        .iter()
        .position(|a| !a.text.contains('*'))
        .or((!full.is_empty()).then_some(0))
    else {
        let reason = "no right answer; give one answer '=' or %100%";
        return Err(Skipped::new(line, reason));
    };
    let mut feedback = Feedback::default();
    for a in answers {
        if a.credit < 0.0 {
            notes.push(Skipped::new(
                a.line,
                format!(
                    "the penalty %{}% of '{}' is left out: a typed answer earns 0 at worst",
                    percent_of_fraction(a.credit),
                    a.text
                ),
            ));
        }
        if let Some(text) = &a.feedback {
            feedback.0.push((a.text.clone(), text.clone()));
        }
    }
    let accept = full.iter().enumerate().filter(|(i, _)| *i != main);
    Ok(Kind::Text(Text {
        answer: full[main].text.clone(),
        accept: accept.map(|(_, a)| a.text.clone()).collect(),
        partial: answers
            .iter()
            .filter(|a| a.credit > 0.0 && a.credit < 1.0)
            .map(|a| (a.text.clone(), a.credit))
            .collect(),
        case_sensitive: false,
        feedback,
    }))
}

/// Numerical: the first 100% answer is the answer, every other one an `also` with its credit.
fn numerical(
    line: usize,
    answers: &[Numeric],
    other: &Option<String>,
    notes: &mut Vec<Skipped>,
) -> Result<Kind, Skipped> {
    let near = |a: &Numeric| match a.value {
        Value::Near { answer, tolerance } => Some((answer, tolerance)),
        Value::Any => None,
    };
    let Some(primary) = answers
        .iter()
        .position(|a| a.credit >= 1.0 && near(a).is_some())
    else {
        return Err(Skipped::new(
            line,
            "no right number; give one answer '=' or %100%",
        ));
    };
    let (answer, tolerance) = near(&answers[primary]).unwrap_or_default();
    let mut feedback = Feedback::default();
    if let Some(text) = &answers[primary].feedback {
        feedback.insert(answer.to_string(), text.clone());
    }
    let mut also = Vec::new();
    let others = answers.iter().enumerate().filter(|(i, _)| *i != primary);
    for (_, a) in others {
        match near(a) {
            Some((value, tolerance)) => also.push(NumberAnswer {
                answer: value,
                tolerance,
                credit: credit(a, notes),
                feedback: a.feedback.clone(),
            }),
            None => any_number(a, &mut feedback, notes),
        }
    }
    if let Some(text) = other {
        feedback.insert(Feedback::OTHER, text.clone());
    }
    Ok(Kind::Number(Number {
        answer,
        tolerance,
        also,
        feedback,
        ..Number::default()
    }))
}

/// A numeric answer's credit; a penalty becomes 0 with a note.
fn credit(a: &Numeric, notes: &mut Vec<Skipped>) -> f64 {
    if a.credit < 0.0 {
        notes.push(Skipped::new(
            a.line,
            format!(
                "the penalty %{}% is left out: a number earns 0 at worst",
                percent_of_fraction(a.credit)
            ),
        ));
    }
    (a.credit).clamp(0.0, 1.0)
}

/// `=*#feedback`: the feedback of any other number; a credit for it is noted as lost.
fn any_number(a: &Numeric, feedback: &mut Feedback, notes: &mut Vec<Skipped>) {
    if a.credit != 0.0 {
        notes.push(Skipped::new(
            a.line,
            format!(
                "'*' at {}% is left out: any other number earns 0",
                percent_of_fraction(a.credit)
            ),
        ));
    }
    if let Some(text) = &a.feedback {
        feedback.insert(Feedback::OTHER, text.clone());
    }
}

/// Matching: pairs with a left side; `= -> x` makes `x` a distractor.
fn matching(line: usize, pairs: &[Pair]) -> Result<Kind, Skipped> {
    let real: Vec<&Pair> = pairs.iter().filter(|p| !p.left.is_empty()).collect();
    if real.len() < 2 {
        return Err(Skipped::new(
            line,
            "a matching question needs at least two '=left -> right' pairs",
        ));
    }
    distinct(real.iter().map(|p| (p.left.as_str(), p.line)))?;
    if let Some(p) = pairs.iter().find(|p| p.right.is_empty()) {
        return Err(Skipped::new(
            p.line,
            "a matching pair needs text after '->'",
        ));
    }
    let mut offered: HashSet<&str> = real.iter().map(|p| p.right.as_str()).collect();
    let mut extra: Vec<String> = Vec::new();
    for p in pairs.iter().filter(|p| p.left.is_empty()) {
        if offered.insert(p.right.as_str()) {
            extra.push(p.right.clone());
        }
    }
    Ok(Kind::Match(Match {
        pairs: real
            .iter()
            .map(|p| (p.left.clone(), p.right.clone()))
            .collect(),
        extra,
    }))
}
