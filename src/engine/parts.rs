//! An answer broken into the parts a player reads one per line: each pick of a multi,
//! each place of an order, each pair of a match, with whether that part was right.

use super::answer::Answer;
use super::order::Presented;
use crate::bank::model::gap_answer_text;
use crate::bank::{GapKind, Kind, Multi, Question};

/// One line of an answer: the text and whether that part is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerPart {
    /// The part in words ("Decca", "2. First cast recording", "Decca → 1960s").
    pub text: String,
    /// Right in its place (a right pick, an item in its place, a right pair).
    pub right: bool,
    /// For a cloze, the gap (0-based) this part answers.
    pub gap: Option<usize>,
}

/// The parts of `answer` for multi, order, match and cloze; empty for one-piece answers.
pub fn answer_parts(q: &Question, shown: &Presented, answer: &Answer) -> Vec<AnswerPart> {
    let items = shown.items(q);
    let item = |pos: usize| items.get(pos).copied().unwrap_or("?").to_string();
    // The canonical index of display position `pos`: answers/items/pairs come first.
    let canonical = |pos: usize| shown.perm.get(pos).copied();
    match (answer, &q.kind) {
        (Answer::Choices(picks), Kind::Multi(multi)) => picks
            .iter()
            .map(|&pos| AnswerPart {
                text: item(pos),
                right: canonical(pos).is_some_and(|c| c < multi.answers.len()),
                gap: None,
            })
            .collect(),
        (Answer::Order(order), Kind::Order(_)) => order
            .iter()
            .enumerate()
            .map(|(place, &pos)| AnswerPart {
                text: format!("{}. {}", place + 1, item(pos)),
                right: canonical(pos) == Some(place),
                gap: None,
            })
            .collect(),
        // Two left items may share a right item: a pair is right when the texts agree.
        (Answer::Match(rights), Kind::Match(matching)) => matching
            .pairs
            .iter()
            .zip(rights)
            .map(|((left, right), &pos)| AnswerPart {
                text: format!("{left} → {}", item(pos)),
                right: items.get(pos).is_some_and(|given| given == right),
                gap: None,
            })
            .collect(),
        // Each gap on its own line, marked by its own grade; a multi gap one line per pick,
        // marked as a multi's picks are.
        (Answer::Gaps(given), Kind::Cloze(cloze)) => {
            let grade = super::grade::grade(q, shown, answer);
            let mut parts = Vec::with_capacity(given.len());
            for (i, a) in given.iter().enumerate() {
                let gap = cloze.gaps.get(i).map(|g| &g.kind);
                if let (Answer::Choices(picks), Some(GapKind::Multi(multi))) = (a, gap) {
                    parts.extend(multi_gap_parts(q, shown, i, multi, picks));
                    continue;
                }
                parts.push(AnswerPart {
                    text: super::in_words::describe_gap(q, shown, i, a),
                    right: grade.gaps.get(i).is_some_and(|g| g.is_correct()),
                    gap: Some(i),
                });
            }
            parts
        }
        _ => Vec::new(),
    }
}

/// The picks of multi gap `gap` (0-based), one part each.
fn multi_gap_parts(
    q: &Question,
    shown: &Presented,
    gap: usize,
    multi: &Multi,
    picks: &[usize],
) -> Vec<AnswerPart> {
    let items = shown.gap_items(q, gap);
    let perm = shown.gaps.get(gap).map(Vec::as_slice).unwrap_or(&[]);
    picks
        .iter()
        .map(|&pos| AnswerPart {
            text: items.get(pos).copied().unwrap_or("?").to_string(),
            right: perm.get(pos).is_some_and(|&c| c < multi.answers.len()),
            gap: Some(gap),
        })
        .collect()
}

/// The right answer as lines for multi, order, match and cloze; empty for the other kinds.
pub fn right_parts(q: &Question) -> Vec<String> {
    match &q.kind {
        Kind::Multi(multi) => multi.answers.clone(),
        Kind::Order(order) => order
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| format!("{}. {item}", n + 1))
            .collect(),
        Kind::Match(matching) => matching
            .pairs
            .iter()
            .map(|(l, r)| format!("{l} → {r}"))
            .collect(),
        Kind::Cloze(cloze) => cloze
            .gaps
            .iter()
            .enumerate()
            .flat_map(|(i, g)| match &g.kind {
                // One right choice per line, as for a multi question.
                GapKind::Multi(multi) => multi
                    .answers
                    .iter()
                    .map(|a| format!("[{}] {a}", i + 1))
                    .collect(),
                kind => vec![format!("[{}] {}", i + 1, gap_answer_text(kind))],
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::order::rng;

    #[test]
    fn order_marks_each_place() {
        let q = Question::new(
            "o",
            "p",
            Kind::Order(crate::bank::Order {
                items: vec!["a".into(), "b".into(), "c".into()],
            }),
        );
        let shown = Presented::new(&q, 0, &mut rng(1));
        let pos = |c: usize| shown.position_of(c).unwrap();
        // a in place, then c and b swapped.
        let parts = answer_parts(&q, &shown, &Answer::Order(vec![pos(0), pos(2), pos(1)]));
        let marks: Vec<(String, bool)> = parts.into_iter().map(|p| (p.text, p.right)).collect();
        assert_eq!(
            marks,
            vec![
                ("1. a".to_string(), true),
                ("2. c".to_string(), false),
                ("3. b".to_string(), false)
            ]
        );
    }

    #[test]
    fn multi_marks_each_pick() {
        let q = Question::new(
            "m",
            "p",
            Kind::Multi(crate::bank::Multi::new(vec!["x".into()], vec!["y".into()])),
        );
        let shown = Presented::new(&q, 0, &mut rng(2));
        let pos = |c: usize| shown.position_of(c).unwrap();
        let parts = answer_parts(&q, &shown, &Answer::Choices(vec![pos(0), pos(1)]));
        assert_eq!(
            parts,
            vec![
                AnswerPart {
                    text: "x".into(),
                    right: true,
                    gap: None,
                },
                AnswerPart {
                    text: "y".into(),
                    right: false,
                    gap: None,
                }
            ]
        );
    }
}
