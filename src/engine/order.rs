//! Seeded shuffling: which questions, in which order, and how their choices are laid out.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::bank::{GapKind, Kind, Multi, Question, Single};

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
/// items ([`Match::right_items`]). `text`, `number` and `cloze` have none; a cloze's
/// choice gaps have their own layout in `gaps`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presented {
    /// Index of the question in the bank.
    pub question: usize,
    /// Display position → canonical item.
    pub perm: Vec<usize>,
    /// Cloze: for each gap, display position → canonical choice (empty for typed gaps).
    pub gaps: Vec<Vec<usize>>,
}

/// The canonical items of a question (see [`Presented`]).
pub fn canonical_items(q: &Question) -> Vec<&str> {
    match &q.kind {
        Kind::Single(k) => single_items(k),
        Kind::Multi(k) => multi_items(k),
        Kind::TrueFalse(_) => vec!["true", "false"],
        Kind::Order(k) => k.items.iter().map(String::as_str).collect(),
        Kind::Match(k) => k.right_items(),
        Kind::Text(_) | Kind::Number(_) | Kind::Cloze(_) => Vec::new(),
    }
}

/// A single choice's canonical items: the answer, then the wrong choices.
pub fn single_items(k: &Single) -> Vec<&str> {
    std::iter::once(&k.answer)
        .chain(&k.wrong)
        .map(String::as_str)
        .collect()
}

/// A multi's canonical items: the answers, then the wrong choices.
pub fn multi_items(k: &Multi) -> Vec<&str> {
    k.answers
        .iter()
        .chain(&k.wrong)
        .map(String::as_str)
        .collect()
}

/// The canonical choices of a cloze gap (empty for typed gaps).
pub fn gap_items(gap: &GapKind) -> Vec<&str> {
    match gap {
        GapKind::Single(k) => single_items(k),
        GapKind::Multi(k) => multi_items(k),
        GapKind::Text(_) | GapKind::Number(_) => Vec::new(),
    }
}

fn shuffled(n: usize, rng: &mut StdRng) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..n).collect();
    perm.shuffle(rng);
    perm
}

impl Presented {
    /// Lays out a question: choices shuffled; true/false kept in order; an order
    /// question never starts already solved.
    pub fn new(q: &Question, question: usize, rng: &mut StdRng) -> Self {
        let n = canonical_items(q).len();
        let mut perm: Vec<usize> = (0..n).collect();
        if !matches!(q.kind, Kind::TrueFalse(_)) {
            perm.shuffle(rng);
        }
        if matches!(q.kind, Kind::Order(_))
            && n > 1
            && perm.iter().enumerate().all(|(i, &p)| i == p)
        {
            perm.rotate_left(1);
        }
        let gaps = match &q.kind {
            Kind::Cloze(c) => c
                .gaps
                .iter()
                .map(|g| shuffled(gap_items(&g.kind).len(), rng))
                .collect(),
            _ => Vec::new(),
        };
        Presented {
            question,
            perm,
            gaps,
        }
    }

    /// The items in display order.
    pub fn items<'q>(&self, q: &'q Question) -> Vec<&'q str> {
        let canonical = canonical_items(q);
        self.perm
            .iter()
            .filter_map(|&c| canonical.get(c).copied())
            .collect()
    }

    /// The choices of cloze gap `gap` (0-based) in display order.
    pub fn gap_items<'q>(&self, q: &'q Question, gap: usize) -> Vec<&'q str> {
        let Kind::Cloze(c) = &q.kind else {
            return Vec::new();
        };
        let (Some(g), Some(perm)) = (c.gaps.get(gap), self.gaps.get(gap)) else {
            return Vec::new();
        };
        let canonical = gap_items(&g.kind);
        perm.iter()
            .filter_map(|&i| canonical.get(i).copied())
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
    use crate::bank::{Order, TrueFalse};

    fn single(n: usize) -> Question {
        let wrong = (1..n).map(|i| format!("w{i}")).collect();
        Question::new(
            "q",
            "p",
            Kind::Single(Single {
                answer: "a".into(),
                wrong,
                ..Single::default()
            }),
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
            Kind::Order(Order {
                items: vec!["x".into(), "y".into()],
            }),
        );
        for seed in 0..30 {
            assert_eq!(Presented::new(&q, 0, &mut rng(seed)).perm, vec![1, 0]);
        }
    }

    #[test]
    fn true_false_keeps_true_first() {
        let q = Question::new(
            "t",
            "p",
            Kind::TrueFalse(TrueFalse {
                answer: false,
                ..TrueFalse::default()
            }),
        );
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
