//! The type-specific part of each exported question, in the elements Moodle's importer reads.

use super::writer::{Xml, moodle_fraction, number, percent};
use crate::bank::kinds::credit_of;
use crate::bank::{Feedback, Match, Multi, Number, Order, Single, Text, TrueFalse};

/// One `<answer>` to write.
struct Answer<'a> {
    text: String,
    fraction: f64,
    feedback: Option<&'a str>,
    tolerance: Option<f64>,
}

/// Writes answers; fractions Moodle would refuse are moved to the nearest it accepts (noted).
fn write_answers(xml: &mut Xml, answers: &[Answer], notes: &mut Vec<String>) {
    for answer in answers {
        let (fraction, changed) = moodle_fraction(answer.fraction);
        if changed {
            notes.push(format!(
                "\"{}\": credit {} written as {}%",
                answer.text,
                number(answer.fraction, 7),
                percent(fraction)
            ));
        }
        xml.line(
            2,
            &format!(
                "<answer fraction=\"{}\" format=\"plain_text\">",
                percent(fraction)
            ),
        );
        xml.text(3, &answer.text);
        xml.text_element(3, "feedback", answer.feedback.unwrap_or(""));
        if let Some(tolerance) = answer.tolerance {
            xml.value(3, "tolerance", &tolerance.to_string());
        }
        xml.line(2, "</answer>");
    }
}

fn choice<'a>(text: &str, fraction: f64, feedback: &'a Feedback) -> Answer<'a> {
    Answer {
        text: text.to_string(),
        fraction,
        feedback: feedback.for_answer(text),
        tolerance: None,
    }
}

fn choice_options(xml: &mut Xml, single: bool) {
    xml.value(2, "single", if single { "true" } else { "false" });
    xml.value(2, "shuffleanswers", "true");
    xml.value(2, "answernumbering", "abc");
    xml.value(2, "showstandardinstruction", "0");
}

/// `single` → `multichoice` with one right choice; partial credit kept.
pub fn single(xml: &mut Xml, kind: &Single, notes: &mut Vec<String>) {
    choice_options(xml, true);
    let credit = |w: &str| credit_of(&kind.partial, w).unwrap_or(0.0);
    let answers: Vec<Answer> = std::iter::once(choice(&kind.answer, 1.0, &kind.feedback))
        .chain(
            kind.wrong
                .iter()
                .map(|w| choice(w, credit(w), &kind.feedback)),
        )
        .collect();
    write_answers(xml, &answers, notes);
}

/// `multi` → `multichoice` with `<single>false`; weights, or right 1/n and wrong −1/n.
pub fn multi(xml: &mut Xml, kind: &Multi, notes: &mut Vec<String>) {
    choice_options(xml, false);
    let share = 1.0 / kind.answers.len().max(1) as f64;
    let weight = |c: &str, default: f64| {
        credit_of(&kind.weights, c).unwrap_or(if kind.weights.is_empty() {
            default
        } else {
            0.0
        })
    };
    let answers: Vec<Answer> = kind
        .answers
        .iter()
        .map(|a| choice(a, weight(a, share), &kind.feedback))
        .chain(
            kind.wrong
                .iter()
                .map(|w| choice(w, weight(w, -share), &kind.feedback)),
        )
        .collect();
    write_answers(xml, &answers, notes);
}

/// `true_false` → `truefalse` with the feedback of each side.
pub fn true_false(xml: &mut Xml, kind: &TrueFalse, notes: &mut Vec<String>) {
    let side = |value: bool| Answer {
        text: value.to_string(),
        fraction: if value == kind.answer { 1.0 } else { 0.0 },
        feedback: kind.feedback.for_answer(&value.to_string()),
        tolerance: None,
    };
    write_answers(xml, &[side(true), side(false)], notes);
}

/// `text` → `shortanswer`: accepted answers at 100%, partial credit, anticipated wrong answers
/// with feedback at 0%, `*` for any other answer. Answers are written as the bank has them:
/// both read `*` as a wildcard and `\*` as a star.
pub fn text(xml: &mut Xml, kind: &Text, notes: &mut Vec<String>) {
    xml.value(2, "usecase", if kind.case_sensitive { "1" } else { "0" });
    let mut answers: Vec<Answer> = std::iter::once(&kind.answer)
        .chain(&kind.accept)
        .map(|a| (a.as_str(), 1.0))
        .chain(kind.partial.iter().map(|(a, c)| (a.as_str(), *c)))
        .map(|(a, fraction)| Answer {
            text: a.to_string(),
            fraction,
            feedback: kind.feedback.get(a),
            tolerance: None,
        })
        .collect();
    for (key, feedback) in &kind.feedback.0 {
        let listed = key == Feedback::OTHER
            || key == &kind.answer
            || kind.accept.contains(key)
            || credit_of(&kind.partial, key).is_some();
        if !listed {
            answers.push(Answer {
                text: key.clone(),
                fraction: 0.0,
                feedback: Some(feedback),
                tolerance: None,
            });
        }
    }
    if let Some(other) = kind.feedback.other() {
        answers.push(Answer {
            text: "*".to_string(),
            fraction: 0.0,
            feedback: Some(other),
            tolerance: None,
        });
    }
    write_answers(xml, &answers, notes);
}

/// `number` → `numerical`: the answer, the other numbers with their credit, `*`, the units.
pub fn number_kind(xml: &mut Xml, kind: &Number, notes: &mut Vec<String>) {
    let mut answers = vec![Answer {
        text: kind.answer.to_string(),
        fraction: 1.0,
        feedback: kind.feedback.get(&kind.answer.to_string()),
        tolerance: Some(kind.tolerance),
    }];
    answers.extend(kind.also.iter().map(|also| Answer {
        text: also.answer.to_string(),
        fraction: also.credit,
        feedback: also.feedback.as_deref(),
        tolerance: Some(also.tolerance),
    }));
    if let Some(other) = kind.feedback.other() {
        answers.push(Answer {
            text: "*".to_string(),
            fraction: 0.0,
            feedback: Some(other),
            tolerance: Some(0.0),
        });
    }
    write_answers(xml, &answers, notes);
    if kind.units.is_empty() {
        xml.value(2, "showunits", "3");
        return;
    }
    xml.line(2, "<units>");
    for unit in &kind.units {
        xml.line(3, "<unit>");
        xml.value(4, "multiplier", &unit.multiplier.to_string());
        xml.value(4, "unit_name", &unit.unit);
        xml.line(3, "</unit>");
    }
    xml.line(2, "</units>");
    // Grading type 0 and showunits 0: the unit is optional and a missing one costs nothing.
    xml.value(2, "unitgradingtype", "0");
    xml.value(2, "unitpenalty", "0.1000000");
    xml.value(2, "showunits", "0");
    xml.value(2, "unitsleft", "0");
}

/// `order` → `ordering`: items in the right order, each `fraction` its position.
pub fn order(xml: &mut Xml, kind: &Order) {
    xml.value(2, "layouttype", "VERTICAL");
    xml.value(2, "selecttype", "ALL");
    xml.value(2, "selectcount", "0");
    xml.value(2, "gradingtype", "ABSOLUTE_POSITION");
    xml.value(2, "showgrading", "SHOW");
    xml.value(2, "numberingstyle", "none");
    for (index, item) in kind.items.iter().enumerate() {
        xml.line(
            2,
            &format!(
                "<answer fraction=\"{}.0000000\" format=\"plain_text\">",
                index + 1
            ),
        );
        xml.text(3, item);
        xml.line(2, "</answer>");
    }
}

/// `match` → `matching`; each distractor is a subquestion with an empty text.
pub fn matching(xml: &mut Xml, kind: &Match) {
    xml.value(2, "shuffleanswers", "true");
    let pairs = kind.pairs.iter().map(|(l, r)| (l.as_str(), r.as_str()));
    let extra = kind.extra.iter().map(|r| ("", r.as_str()));
    for (left, right) in pairs.chain(extra) {
        xml.line(2, "<subquestion format=\"plain_text\">");
        xml.text(3, left);
        xml.line(3, "<answer>");
        xml.text(4, right);
        xml.line(3, "</answer>");
        xml.line(2, "</subquestion>");
    }
}
