//! Seeded shuffling: which questions, in which order, and how their choices are laid out.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::bank::{Kind, Question};

/// The random source for a session; the same seed gives the same quiz.
pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

/// A fresh random seed, for sessions without `--seed` (shown so they can be replayed).
pub fn random_seed() -> u64 {
    rand::random::<u64>() % 1_000_000
}

/// A question as shown: display position `i` holds canonical item `perm[i]`.
///
/// Canonical items: `single` → answer then wrong; `multi` → answers then wrong;
/// `true_false` → true, false; `order` → items in the right order; `match` → right-hand
/// sides in pair order. `text` and `number` have none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    /// Index of the question in the bank.
    pub question: usize,
    /// Display position → canonical item.
    pub perm: Vec<usize>,
}

/// The canonical items of a question (see [`Presented`]).
pub fn canonical_items(q: &Question) -> Vec<&str> {
    match &q.kind {
        Kind::Single { answer, wrong } => std::iter::once(answer)
            .chain(wrong)
            .map(String::as_str)
            .collect(),
        Kind::Multi { answers, wrong } => answers.iter().chain(wrong).map(String::as_str).collect(),
        Kind::TrueFalse { .. } => vec!["true", "false"],
        Kind::Order { items } => items.iter().map(String::as_str).collect(),
        Kind::Match { pairs } => pairs.iter().map(|(_, r)| r.as_str()).collect(),
        Kind::Text { .. } | Kind::Number { .. } => Vec::new(),
    }
}

impl Presented {
    /// Lays out a question: choices shuffled; true/false kept in order; an order
    /// question never starts already solved.
    pub fn new(q: &Question, question: usize, rng: &mut StdRng) -> Self {
        let n = canonical_items(q).len();
        let mut perm: Vec<usize> = (0..n).collect();
        if !matches!(q.kind, Kind::TrueFalse { .. }) {
            perm.shuffle(rng);
        }
        if matches!(q.kind, Kind::Order { .. })
            && n > 1
            && perm.iter().enumerate().all(|(i, &p)| i == p)
        {
            perm.rotate_left(1);
        }
        Presented { question, perm }
    }

    /// The items in display order.
    pub fn items<'q>(&self, q: &'q Question) -> Vec<&'q str> {
        let canonical = canonical_items(q);
        self.perm
            .iter()
            .filter_map(|&c| canonical.get(c).copied())
            .collect()
    }

    /// The display position of canonical item `c`.
    pub fn position_of(&self, c: usize) -> Option<usize> {
        self.perm.iter().position(|&p| p == c)
    }
}

/// Picks the questions of a session: the candidates shuffled, at most `count`.
pub fn pick(candidates: &[usize], count: Option<usize>, rng: &mut StdRng) -> Vec<usize> {
    let mut picked = candidates.to_vec();
    picked.shuffle(rng);
    picked.truncate(count.unwrap_or(usize::MAX));
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(n: usize) -> Question {
        let wrong = (1..n).map(|i| format!("w{i}")).collect();
        Question::new(
            "q",
            "p",
            Kind::Single {
                answer: "a".into(),
                wrong,
            },
        )
    }

    #[test]
    fn same_seed_same_layout_and_pick() {
        let q = single(6);
        let a = Presented::new(&q, 0, &mut rng(7));
        let b = Presented::new(&q, 0, &mut rng(7));
        assert_eq!(a, b);
        let all: Vec<usize> = (0..50).collect();
        assert_eq!(
            pick(&all, Some(10), &mut rng(3)),
            pick(&all, Some(10), &mut rng(3))
        );
    }

    #[test]
    fn choices_are_shuffled_for_some_seed() {
        let q = single(6);
        let moved =
            (0..20).any(|s| Presented::new(&q, 0, &mut rng(s)).perm != vec![0, 1, 2, 3, 4, 5]);
        assert!(moved, "twenty seeds never moved the answer");
    }

    #[test]
    fn layout_is_a_permutation() {
        let q = single(5);
        for seed in 0..30 {
            let mut perm = Presented::new(&q, 0, &mut rng(seed)).perm;
            perm.sort_unstable();
            assert_eq!(perm, vec![0, 1, 2, 3, 4]);
        }
    }

    #[test]
    fn order_never_starts_solved() {
        let q = Question::new(
            "o",
            "p",
            Kind::Order {
                items: vec!["x".into(), "y".into()],
            },
        );
        for seed in 0..30 {
            assert_eq!(Presented::new(&q, 0, &mut rng(seed)).perm, vec![1, 0]);
        }
    }

    #[test]
    fn true_false_keeps_true_first() {
        let q = Question::new("t", "p", Kind::TrueFalse { answer: false });
        assert_eq!(
            Presented::new(&q, 0, &mut rng(1)).items(&q),
            vec!["true", "false"]
        );
    }

    #[test]
    fn pick_respects_count_and_candidates() {
        let picked = pick(&[2, 4, 6, 8], Some(3), &mut rng(1));
        assert_eq!(picked.len(), 3);
        assert!(picked.iter().all(|i| [2, 4, 6, 8].contains(i)));
        assert_eq!(pick(&[1, 2], None, &mut rng(1)).len(), 2);
    }
}
