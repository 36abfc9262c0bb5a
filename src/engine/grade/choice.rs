//! Choice answers (Moodle multichoice and truefalse), graded on canonical choice indexes.

use std::collections::HashSet;

use super::Grade;
use crate::bank::kinds::{credit_map, credit_of};
use crate::bank::{Multi, Single, TrueFalse};

/// Moodle single: the chosen choice's fraction (1 for `answer`, its `partial` credit, else 0)
/// and that choice's feedback, or the `"*"` feedback.
pub fn grade_single(k: &Single, choice: Option<usize>) -> Grade {
    let Some(text) = choice.and_then(|c| match c {
        0 => Some(&k.answer),
        c => k.wrong.get(c - 1),
    }) else {
        return Grade::credit(0.0);
    };
    let credit = if choice == Some(0) {
        1.0
    } else {
        credit_of(&k.partial, text).unwrap_or(0.0)
    };
    Grade {
        feedback: k.feedback.for_answer(text).map(str::to_string),
        ..Grade::credit(credit)
    }
}

/// Moodle multi: the sum of the picked choices' weights, clamped to 0..1; without weights,
/// (right − wrong picks) / answers. A pick listed twice counts once. Feedback: each picked
/// choice's own, one per line.
pub fn grade_multi(k: &Multi, picks: &[Option<usize>]) -> Grade {
    let mut seen = HashSet::new();
    // Canonical positions: the answers first, then the wrong choices.
    let choice = |c: usize| {
        k.answers
            .get(c)
            .or_else(|| k.wrong.get(c.checked_sub(k.answers.len())?))
    };
    let distinct: Vec<Option<usize>> = picks.iter().copied().filter(|p| seen.insert(*p)).collect();
    let picked: Vec<Option<&String>> = distinct.iter().map(|p| p.and_then(choice)).collect();
    let credit = if k.weights.is_empty() {
        let right = distinct
            .iter()
            .filter(|p| p.is_some_and(|c| c < k.answers.len()))
            .count();
        let wrong = distinct.len() - right;
        (right as f64 - wrong as f64) / k.answers.len().max(1) as f64
    } else {
        let weights = credit_map(&k.weights);
        let sum: f64 = picked
            .iter()
            .flatten()
            .map(|c| weights.get(c.trim()).copied().unwrap_or(0.0))
            .sum();
        moodle_rounding(sum)
    };
    let mut notes: Vec<&str> = Vec::new();
    for text in picked.iter().flatten() {
        if let Some(f) = k.feedback.for_answer(text).filter(|f| !notes.contains(f)) {
            notes.push(f);
        }
    }
    Grade {
        feedback: (!notes.is_empty()).then(|| notes.join("\n")),
        ..Grade::credit(credit)
    }
}

/// Moodle keeps fractions to 7 decimals (three right choices of 0.3333333 add up to 0.9999999)
/// and counts a sum above 0.999999 as right and below 0.000001 as wrong
/// (`question_state::graded_state_for_fraction`, question/engine/states.php).
fn moodle_rounding(sum: f64) -> f64 {
    if sum > 0.999999 {
        sum.max(1.0)
    } else if sum < 0.000001 {
        sum.min(0.0)
    } else {
        sum
    }
}

/// True/false: 1 or 0, with the feedback of the value given.
pub fn grade_true_false(k: &TrueFalse, given: bool) -> Grade {
    Grade {
        feedback: k
            .feedback
            .for_answer(&given.to_string())
            .map(str::to_string),
        ..Grade::credit(f64::from(k.answer == given))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn nazareth() -> Single {
        // GIFT {~Jerusalem ~%25%Bethlehem ~%50%Galilee =Nazareth}
        let mut k = Single::new("Nazareth", strings(&["Jerusalem", "Bethlehem", "Galilee"]));
        k.partial = vec![("Bethlehem".into(), 0.25), ("Galilee".into(), 0.5)];
        k.feedback.insert("Jerusalem", "He was crucified there.");
        k.feedback.insert("*", "Think of his home town.");
        k
    }

    #[test]
    fn grading_a_multi_with_a_hundred_thousand_weighted_picks_stays_linear() {
        let n = 50_000;
        let mut k = Multi {
            answers: (0..n).map(|i| format!("right {i}")).collect(),
            wrong: (0..n).map(|i| format!("wrong {i}")).collect(),
            ..Multi::default()
        };
        let picks: Vec<Option<usize>> = (0..2 * n).map(Some).collect();
        assert_eq!(
            grade_multi(&k, &picks).credit,
            0.0,
            "as many wrong as right"
        );
        k.weights = k
            .answers
            .iter()
            .map(|a| (a.clone(), 1.0 / n as f64))
            .collect();
        k.weights
            .extend(k.wrong.iter().map(|w| (w.clone(), -1.0 / n as f64)));
        assert_eq!(grade_multi(&k, &picks[..n]).credit, 1.0);
    }

    #[test]
    fn single_gives_the_chosen_choices_fraction() {
        let k = nazareth();
        assert!(grade_single(&k, Some(0)).is_correct());
        assert_eq!(grade_single(&k, Some(3)).credit, 0.5);
        assert_eq!(grade_single(&k, Some(2)).credit, 0.25);
        assert_eq!(grade_single(&k, Some(1)).credit, 0.0);
        assert_eq!(grade_single(&k, None).credit, 0.0);
    }

    #[test]
    fn single_feedback_is_the_choices_own_or_the_star() {
        let k = nazareth();
        let jerusalem = grade_single(&k, Some(1));
        assert_eq!(
            jerusalem.feedback.as_deref(),
            Some("He was crucified there.")
        );
        let galilee = grade_single(&k, Some(3));
        assert_eq!(galilee.feedback.as_deref(), Some("Think of his home town."));
    }

    fn weighted() -> Multi {
        let mut k = Multi::new(strings(&["a", "b"]), strings(&["c", "d"]));
        k.weights = vec![("a".into(), 0.5), ("b".into(), 0.5), ("c".into(), -1.0)];
        k.feedback.insert("c", "Not c.");
        k.feedback.insert("a", "Yes, a.");
        k
    }

    #[test]
    fn multi_weights_sum_and_clamp_to_zero_and_one() {
        let k = weighted();
        let credit = |picks: &[usize]| {
            let picks: Vec<Option<usize>> = picks.iter().map(|p| Some(*p)).collect();
            grade_multi(&k, &picks).credit
        };
        assert_eq!(credit(&[0, 1]), 1.0);
        assert_eq!(credit(&[0]), 0.5);
        assert_eq!(
            credit(&[0, 1, 3]),
            1.0,
            "an unweighted wrong choice weighs 0"
        );
        assert_eq!(credit(&[0, 2]), 0.0, "clamped at 0");
        assert_eq!(credit(&[0, 0]), 0.5, "a repeated pick counts once");
    }

    #[test]
    fn three_right_choices_of_a_third_each_read_partly_right() {
        // Moodle's own MULTIRESPONSE example (question/type/multianswer/tests/helper.php):
        // each fruit 0.3333333, each other food −0.5.
        let mut k = Multi::new(
            strings(&["Apple", "Orange", "Banana"]),
            strings(&["Burger", "Pizza"]),
        );
        k.weights = vec![
            ("Apple".into(), 0.3333333),
            ("Orange".into(), 0.3333333),
            ("Banana".into(), 0.3333333),
            ("Burger".into(), -0.5),
            ("Pizza".into(), -0.5),
        ];
        let credit = |picks: &[usize]| {
            let picks: Vec<Option<usize>> = picks.iter().map(|p| Some(*p)).collect();
            grade_multi(&k, &picks).credit
        };
        assert_eq!(credit(&[0, 1, 2]), 1.0, "Moodle counts 0.9999999 as right");
        assert_eq!(credit(&[0]), 0.3333333);
        assert!((credit(&[0, 1, 2, 3]) - 0.4999999).abs() < 1e-12);
        assert_eq!(credit(&[0, 3]), 0.0, "negative sums are clamped to 0");
    }

    #[test]
    fn multi_shows_the_feedback_of_each_picked_choice() {
        let g = grade_multi(&weighted(), &[Some(2), Some(0)]);
        assert_eq!(g.feedback.as_deref(), Some("Not c.\nYes, a."));
    }

    #[test]
    fn true_false_feedback_of_the_value_given() {
        let mut k = TrueFalse::new(false);
        k.feedback.insert("true", "1937 was the soundtrack.");
        let g = grade_true_false(&k, true);
        assert_eq!(
            (g.credit, g.feedback.as_deref()),
            (0.0, Some("1937 was the soundtrack."))
        );
        assert_eq!(grade_true_false(&k, false).feedback, None);
    }
}
