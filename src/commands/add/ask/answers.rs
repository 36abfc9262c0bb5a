//! The answer fields of each kind, checked entry by entry as they are typed.

use std::slice;

use super::{got, text_of};
use crate::bank::entry::{ListRule, check_wrong_entry};
use crate::bank::kinds::{Piece, split_placeholders};
use crate::bank::{
    Cloze, Gap, GapKind, Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse,
};
use crate::error::Result;
use crate::import::common;
use crate::ui::form::Form;
use crate::ui::parse::truth;

/// Asks the answer fields of the kind named `kind`.
pub fn ask(form: &mut dyn Form, kind: &str) -> Result<Kind> {
    Ok(match kind {
        "single" => {
            let answer = line(form, "Answer", "answer")?;
            let right = Some(("answer", slice::from_ref(&answer)));
            let wrong = list(form, "Wrong choices", ListRule::WRONG, right)?;
            Kind::Single(Single {
                answer,
                wrong,
                ..Single::default()
            })
        }
        "multi" => {
            let answers = list(form, "Right answers", ListRule::ANSWERS, None)?;
            let right = Some(("answers", answers.as_slice()));
            let wrong = list(form, "Wrong choices", ListRule::WRONG, right)?;
            Kind::Multi(Multi {
                answers,
                wrong,
                ..Multi::default()
            })
        }
        "true_false" => {
            // The words play's plain mode takes: t, f, true, false, yes, no.
            let mut check = |t: &str| truth(t).map(|b| b.to_string());
            let answer = got(form.text("Answer (t or f)", None, &mut check))?;
            Kind::TrueFalse(TrueFalse {
                answer: answer == "true",
                ..TrueFalse::default()
            })
        }
        "text" => Kind::Text(Text {
            answer: line(form, "Answer", "answer")?,
            accept: list(form, "Also accept", ListRule::ACCEPT, None)?,
            ..Text::default()
        }),
        "number" => number(form)?,
        "order" => Kind::Order(Order {
            items: list(form, "Items in the right order", ListRule::ITEMS, None)?,
        }),
        "cloze" => cloze(form)?,
        _ => pairs(form)?,
    })
}

/// One required line of text, checked as the bank checks `field`.
fn line(form: &mut dyn Form, label: &str, field: &str) -> Result<String> {
    got(form.text(label, None, &mut |t| text_of(field, t)))
}

/// A list under `rule`; with `right`, an entry may not repeat one of those right answers.
fn list(
    form: &mut dyn Form,
    label: &str,
    rule: ListRule,
    right: Option<(&str, &[String])>,
) -> Result<Vec<String>> {
    let mut entry = |earlier: &[String], typed: &str| {
        if let Some((field, right)) = right {
            check_wrong_entry(field, right, typed)?;
        }
        rule.check_entry(earlier, typed).map(|()| typed.to_string())
    };
    got(form.list(label, &mut entry, &|entries| rule.check_end(entries)))
}

/// Why a question of this kind would be refused, by the bank's own rules.
fn check_kind(kind: Kind) -> std::result::Result<(), String> {
    common::validate(&Question::new("new", "?", kind))
        .map(drop)
        .map_err(|reasons| reasons.join("; "))
}

fn number(form: &mut dyn Form) -> Result<Kind> {
    let parse = |t: &str| {
        t.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| format!("\"{t}\" is not a number"))
    };
    let mut check_answer = |t: &str| parse(t).map(|_| t.to_string());
    let answer = parse(&got(form.text(
        "Answer (a number)",
        None,
        &mut check_answer,
    ))?)
    .unwrap_or_default();
    let kind = |tolerance| {
        Kind::Number(Number {
            answer,
            tolerance,
            ..Number::default()
        })
    };
    let mut check_tolerance = |t: &str| {
        let tolerance = parse(t).map_err(|e| format!("tolerance {e}"))?;
        check_kind(kind(tolerance)).map(|()| t.to_string())
    };
    let tolerance = got(form.text("Tolerance", Some("0"), &mut check_tolerance))?;
    Ok(kind(parse(&tolerance).unwrap_or_default()))
}

/// The basic cloze: a passage with `{1}`, `{2}`…, then one typed answer per gap.
fn cloze(form: &mut dyn Form) -> Result<Kind> {
    let gaps_in = |passage: &str| {
        split_placeholders(passage)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Gap(n) => Some(n),
                Piece::Text(_) => None,
            })
            .max()
            .unwrap_or(0)
    };
    let with_gaps = |passage: &str, answers: Vec<String>| {
        let gaps = answers.into_iter().map(text_gap).collect();
        Kind::Cloze(Cloze::new(passage, gaps))
    };
    let mut check_passage = |t: &str| {
        text_of("text", t)?;
        match gaps_in(t) {
            0 => Err("the passage has no gap; write {1}, {2}… where the gaps go".into()),
            n => check_kind(with_gaps(t, vec!["a".into(); n])).map(|()| t.to_string()),
        }
    };
    let label = "Passage, gaps written {1}, {2}…";
    let passage = got(form.text(label, None, &mut check_passage))?;
    let mut answers = Vec::new();
    for n in 1..=gaps_in(&passage) {
        let field = format!("gaps[{}].answer", n - 1);
        answers.push(line(form, &format!("Answer of gap {n}"), &field)?);
    }
    Ok(with_gaps(&passage, answers))
}

fn text_gap(answer: String) -> Gap {
    Gap::new(GapKind::Text(Text::new(answer, Vec::new())))
}

/// Pairs typed `left = right`; a left side may not come twice, right sides may.
fn pairs(form: &mut dyn Form) -> Result<Kind> {
    let split = |entry: &str| {
        entry
            .split_once('=')
            .map(|(l, r)| (l.trim().to_string(), r.trim().to_string()))
    };
    let sides = |entries: &[String]| -> (Vec<String>, Vec<String>) {
        entries.iter().filter_map(|e| split(e)).unzip()
    };
    let mut entry = |earlier: &[String], typed: &str| {
        let (left, right) =
            split(typed).ok_or_else(|| format!("\"{typed}\" has no '='; write 'left = right'"))?;
        let (lefts, rights) = sides(earlier);
        ListRule::PAIR_LEFT.check_entry(&lefts, &left)?;
        ListRule::PAIR_RIGHT.check_entry(&rights, &right)?;
        Ok(format!("{left} = {right}"))
    };
    let to_kind = |entries: &[String]| {
        Kind::Match(Match {
            pairs: entries.iter().filter_map(|e| split(e)).collect(),
            ..Match::default()
        })
    };
    let end = |entries: &[String]| check_kind(to_kind(entries));
    let entries = got(form.list("Pairs as 'left = right'", &mut entry, &end))?;
    Ok(to_kind(&entries))
}
