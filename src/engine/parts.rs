//! An answer broken into the parts a player reads one per line: each pick of a multi,
//! each place of an order, each pair of a match, with whether that part was right.

use super::answer::Answer;
use super::order::Presented;
use crate::bank::model::gap_answer_text;
use crate::bank::{Kind, Question};

/// One line of an answer: the text and whether that part is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerPart {
    /// The part in words ("Decca", "2. First cast recording", "Decca → 1960s").
    pub text: String,
    /// Right in its place (a right pick, an item in its place, a right pair).
    pub right: bool,
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
            })
            .collect(),
        (Answer::Order(order), Kind::Order(_)) => order
            .iter()
            .enumerate()
            .map(|(place, &pos)| AnswerPart {
                text: format!("{}. {}", place + 1, item(pos)),
                right: canonical(pos) == Some(place),
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
            })
            .collect(),
        // Each gap on its own line, marked by its own grade.
        (Answer::Gaps(given), Kind::Cloze(_)) => {
            let grade = super::grade::grade(q, shown, answer);
            given
                .iter()
                .enumerate()
                .map(|(i, a)| AnswerPart {
                    text: format!(
                        "[{}] {}",
                        i + 1,
                        super::session::describe_gap(q, shown, i, a)
                    ),
                    right: grade.gaps.get(i).is_some_and(|g| g.is_correct()),
                })
                .collect()
        }
        _ => Vec::new(),
    }
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
            .map(|(i, g)| format!("[{}] {}", i + 1, gap_answer_text(&g.kind)))
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
                    right: true
                },
                AnswerPart {
                    text: "y".into(),
                    right: false
                }
            ]
        );
    }
}
