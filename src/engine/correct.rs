//! The right answer to a question as laid out: what a perfect player would give (the
//! tests play with it).

use super::answer::Answer;
use super::order::Presented;
use crate::bank::{GapKind, Kind, Multi, Number, Order, Question, Text, TrueFalse};

/// The right answer to a question as laid out: what a perfect player would give.
pub fn correct_answer(q: &Question, shown: &Presented) -> Answer {
    // The inverse layout, built once: looking each item up would be quadratic.
    let mut inverse = vec![0; shown.perm.len()];
    for (p, &c) in shown.perm.iter().enumerate() {
        if let Some(slot) = inverse.get_mut(c) {
            *slot = p;
        }
    }
    let pos = |c: usize| inverse.get(c).copied().unwrap_or(0);
    match &q.kind {
        Kind::Single(_) => Answer::Choice(pos(0)),
        Kind::Multi(Multi { answers, .. }) => {
            Answer::Choices((0..answers.len()).map(pos).collect())
        }
        Kind::TrueFalse(TrueFalse { answer, .. }) => Answer::Bool(*answer),
        Kind::Text(Text { answer, .. }) => Answer::Text(answer.clone()),
        Kind::Number(Number { answer, .. }) => Answer::Text(answer.to_string()),
        Kind::Order(Order { items, .. }) => Answer::Order((0..items.len()).map(pos).collect()),
        Kind::Match(k) => {
            let rights = k.right_items();
            let right_pos = |r: &str| pos(rights.iter().position(|x| *x == r).unwrap_or(0));
            Answer::Match(k.pairs.iter().map(|(_, r)| right_pos(r)).collect())
        }
        Kind::Cloze(k) => Answer::Gaps(
            k.gaps
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let perm = shown.gaps.get(i).map(Vec::as_slice).unwrap_or(&[]);
                    correct_gap(&g.kind, perm)
                })
                .collect(),
        ),
    }
}

/// The right answer to one cloze gap laid out by `perm` (display position → canonical).
fn correct_gap(gap: &GapKind, perm: &[usize]) -> Answer {
    let mut inverse = vec![0; perm.len()];
    for (p, &c) in perm.iter().enumerate() {
        if let Some(slot) = inverse.get_mut(c) {
            *slot = p;
        }
    }
    let pos = |c: usize| inverse.get(c).copied().unwrap_or(0);
    match gap {
        GapKind::Single(_) => Answer::Choice(pos(0)),
        GapKind::Multi(m) => Answer::Choices((0..m.answers.len()).map(pos).collect()),
        GapKind::Text(t) => Answer::Text(t.answer.clone()),
        GapKind::Number(n) => Answer::Text(n.answer.to_string()),
    }
}
