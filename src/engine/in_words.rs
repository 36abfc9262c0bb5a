//! An answer in words, as the player would say it: the answer line of feedback, results
//! and reviews.

use super::answer::Answer;
use super::order::Presented;
use crate::bank::{Kind, Match, Question};

/// An answer in words, as the player would say it.
pub fn describe_answer(q: &Question, shown: &Presented, answer: &Answer) -> String {
    let items = shown.items(q);
    let item = |pos: &usize| items.get(*pos).copied().unwrap_or("?").to_string();
    match (answer, &q.kind) {
        (Answer::Choice(pos), _) => item(pos),
        (Answer::Choices(picks), _) if picks.is_empty() => "(nothing)".into(),
        (Answer::Choices(picks), _) => picks.iter().map(item).collect::<Vec<_>>().join(", "),
        (Answer::Bool(b), _) => b.to_string(),
        (Answer::Text(text), _) => text.trim().to_string(),
        (Answer::Order(order), _) => order.iter().map(item).collect::<Vec<_>>().join(" → "),
        (Answer::Match(rights), Kind::Match(Match { pairs, .. })) => pairs
            .iter()
            .zip(rights)
            .map(|((left, _), pos)| format!("{left} → {}", item(pos)))
            .collect::<Vec<_>>()
            .join("; "),
        (Answer::Match(rights), _) => rights.iter().map(item).collect::<Vec<_>>().join(", "),
        (Answer::Gaps(gaps), _) => gaps
            .iter()
            .enumerate()
            .map(|(i, a)| format!("[{}] {}", i + 1, describe_gap(q, shown, i, a)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// One cloze gap's answer in words.
pub(crate) fn describe_gap(q: &Question, shown: &Presented, gap: usize, answer: &Answer) -> String {
    match answer {
        Answer::Choice(pos) => shown
            .gap_items(q, gap)
            .get(*pos)
            .copied()
            .unwrap_or("?")
            .to_string(),
        Answer::Choices(picks) => {
            let items = shown.gap_items(q, gap);
            let item = |pos: &usize| items.get(*pos).copied().unwrap_or("?");
            picks.iter().map(item).collect::<Vec<_>>().join(", ")
        }
        Answer::Text(text) => text.trim().to_string(),
        _ => "?".into(),
    }
}
