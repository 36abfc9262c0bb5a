//! Number answers (Moodle numerical): the first listed number within its tolerance counts;
//! units are optional and their multipliers apply.

use super::Grade;
use crate::bank::{Feedback, Number};

/// Parses a typed number: spaces ignored, a lone comma read as a decimal point.
pub fn parse_number(given: &str) -> Option<f64> {
    let compact: String = given
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let text = if compact.contains('.') {
        compact
    } else {
        compact.replacen(',', ".", 1)
    };
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The typed value in the answer's unit: a bare number, or a number followed by one of
/// `units` (Moodle divides by the unit's multiplier). `None` when it is neither.
pub fn parse_with_units(k: &Number, given: &str) -> Option<f64> {
    let given = given.trim();
    if let Some(n) = parse_number(given) {
        return Some(n);
    }
    let mut units: Vec<_> = k.units.iter().collect();
    // "cm" before "m", so the longer unit is tried first.
    units.sort_by_key(|u| std::cmp::Reverse(u.unit.trim().len()));
    units.into_iter().find_map(|u| {
        let number = given.strip_suffix(u.unit.trim())?;
        parse_number(number).map(|n| n / u.multiplier)
    })
}

fn within(value: f64, answer: f64, tolerance: f64) -> bool {
    (value - answer).abs() <= tolerance + 1e-9 * answer.abs().max(1.0)
}

/// The feedback written for the listed number `answer`, keyed as the bank writes numbers.
fn feedback_for(feedback: &Feedback, answer: f64) -> Option<String> {
    feedback
        .0
        .iter()
        .find(|(key, _)| key.trim().parse::<f64>().is_ok_and(|n| n == answer))
        .map(|(_, text)| text.clone())
}

/// Moodle numerical: `answer`, then each of `also` in order; the first within its tolerance
/// gives its credit and feedback; nothing else earns anything (with the `"*"` feedback).
pub fn grade_number_answer(k: &Number, given: &str) -> Grade {
    let Some(value) = parse_with_units(k, given) else {
        return Grade::credit(0.0);
    };
    if within(value, k.answer, k.tolerance) {
        return Grade {
            feedback: feedback_for(&k.feedback, k.answer),
            ..Grade::credit(1.0)
        };
    }
    if let Some(hit) = k.also.iter().find(|a| within(value, a.answer, a.tolerance)) {
        return Grade {
            feedback: hit
                .feedback
                .clone()
                .or_else(|| feedback_for(&k.feedback, hit.answer)),
            ..Grade::credit(hit.credit)
        };
    }
    Grade {
        feedback: k.feedback.other().map(str::to_string),
        ..Grade::credit(0.0)
    }
}

/// Right when within `tolerance` of `answer`.
pub fn grade_number(answer: f64, tolerance: f64, given: &str) -> Grade {
    grade_number_answer(&Number::new(answer, tolerance), given)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{NumberAnswer, Unit};

    fn grasp() -> Number {
        // GIFT {#=9 =%0%5#Those are the naked-eye ones. =%50%8:1}
        let mut k = Number::new(9.0, 0.0);
        k.also = vec![
            NumberAnswer {
                feedback: Some("Those are the naked-eye ones.".into()),
                credit: 0.0,
                ..NumberAnswer::new(5.0, 0.0)
            },
            NumberAnswer {
                credit: 0.5,
                ..NumberAnswer::new(8.0, 1.0)
            },
        ];
        k.feedback.insert("9", "Right.");
        k.feedback.insert("*", "Count again.");
        k
    }

    #[test]
    fn several_numbers_each_with_credit_and_feedback() {
        let right = grade_number_answer(&grasp(), "9");
        assert!(right.is_correct());
        assert_eq!(right.feedback.as_deref(), Some("Right."));
        let zero = grade_number_answer(&grasp(), "5");
        assert_eq!(zero.credit, 0.0);
        assert_eq!(
            zero.feedback.as_deref(),
            Some("Those are the naked-eye ones.")
        );
        assert_eq!(grade_number_answer(&grasp(), "7.5").credit, 0.5);
        let other = grade_number_answer(&grasp(), "2");
        assert_eq!(
            (other.credit, other.feedback.as_deref()),
            (0.0, Some("Count again."))
        );
    }

    #[test]
    fn the_first_number_that_matches_counts() {
        // 8 is within both 9 ± 1 (50%) and 9 ± 2 (25%): the first listed counts.
        let mut k = Number::new(10.0, 0.0);
        k.also = vec![
            NumberAnswer {
                credit: 0.5,
                ..NumberAnswer::new(9.0, 1.0)
            },
            NumberAnswer {
                credit: 0.25,
                ..NumberAnswer::new(9.0, 2.0)
            },
        ];
        assert!(grade_number_answer(&k, "10").is_correct());
        assert_eq!(grade_number_answer(&k, "8").credit, 0.5);
        assert_eq!(grade_number_answer(&k, "7").credit, 0.25);
    }

    #[test]
    fn units_are_optional_and_their_multipliers_apply() {
        let mut k = Number::new(2.5, 0.0);
        k.units = vec![
            Unit {
                unit: "m".into(),
                multiplier: 1.0,
            },
            Unit {
                unit: "cm".into(),
                multiplier: 100.0,
            },
        ];
        assert!(
            grade_number_answer(&k, "2.5").is_correct(),
            "without the unit"
        );
        assert!(grade_number_answer(&k, "2.5 m").is_correct());
        assert!(
            grade_number_answer(&k, "250cm").is_correct(),
            "250 cm = 2.5 m"
        );
        assert!(!grade_number_answer(&k, "250 m").is_correct());
        assert!(
            !grade_number_answer(&k, "2.5 km").is_correct(),
            "unknown unit"
        );
    }

    #[test]
    fn number_within_tolerance() {
        assert!(grade_number(1929.0, 0.0, "1929").is_correct());
        assert!(grade_number(1929.0, 0.0, " 1929.0 ").is_correct());
        assert!(!grade_number(1929.0, 0.0, "1930").is_correct());
        assert!(grade_number(10.0, 0.5, "10,5").is_correct());
        assert!(!grade_number(10.0, 0.5, "10.6").is_correct());
        assert!(!grade_number(10.0, 0.5, "ten").is_correct());
        assert!(!grade_number(10.0, 0.5, "NaN").is_correct());
    }
}
