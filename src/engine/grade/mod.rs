//! Grading rules, one per kind, as Moodle grades them: credit from 0 to 1, the feedback of
//! the answer given, and a note.

mod choice;
mod number;
mod text;

pub use choice::{grade_multi, grade_single, grade_true_false};
pub use number::{grade_number, grade_number_answer, parse_number, parse_with_units};
pub use text::{grade_text, grade_text_answer, normalize_text};

use super::answer::Answer;
use super::order::Presented;
use crate::bank::{Cloze, GapKind, Kind, Question};

/// How an answer was graded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grade {
    /// Share of the question's points earned, 0.0 to 1.0.
    pub credit: f64,
    /// The bank's feedback for the answer given, if any.
    pub feedback: Option<String>,
    /// Something to tell the player, e.g. a typo that was accepted.
    pub note: Option<String>,
    /// Cloze: the grade of each gap, gap 1 first (empty for other kinds).
    pub gaps: Vec<Grade>,
}

impl Grade {
    fn credit(credit: f64) -> Self {
        Grade {
            credit: credit.clamp(0.0, 1.0),
            ..Grade::default()
        }
    }

    /// Fully right.
    pub fn is_correct(&self) -> bool {
        self.credit >= 1.0 - 1e-9
    }
}

/// Grades an answer to `q` as laid out by `shown`. Answers of the wrong shape earn nothing.
pub fn grade(q: &Question, shown: &Presented, answer: &Answer) -> Grade {
    let canonical = |pos: &usize| shown.perm.get(*pos).copied();
    match (&q.kind, answer) {
        (Kind::Single(k), Answer::Choice(pos)) => grade_single(k, canonical(pos)),
        (Kind::Multi(k), Answer::Choices(picks)) => {
            let canon: Vec<Option<usize>> = picks.iter().map(canonical).collect();
            grade_multi(k, &canon)
        }
        (Kind::TrueFalse(k), Answer::Bool(given)) => grade_true_false(k, *given),
        (Kind::Text(k), Answer::Text(given)) => grade_text_answer(k, given),
        (Kind::Number(k), Answer::Text(given)) => grade_number_answer(k, given),
        // Order: one share of credit per slot holding its own item.
        (Kind::Order(_), Answer::Order(given)) if given.len() == shown.perm.len() => {
            let placed = given
                .iter()
                .enumerate()
                .filter(|(slot, pos)| canonical(pos) == Some(*slot))
                .count();
            Grade::credit(placed as f64 / given.len().max(1) as f64)
        }
        (Kind::Match(k), Answer::Match(given)) if given.len() == k.pairs.len() => {
            let rights = k.right_items();
            let placed = k
                .pairs
                .iter()
                .zip(given)
                .filter(|((_, right), pos)| {
                    canonical(pos).and_then(|c| rights.get(c)) == Some(&right.as_str())
                })
                .count();
            Grade::credit(placed as f64 / given.len().max(1) as f64)
        }
        (Kind::Cloze(k), Answer::Gaps(given)) if given.len() == k.gaps.len() => {
            grade_cloze(k, shown, given)
        }
        _ => Grade::credit(0.0),
    }
}

/// One cloze gap, by its kind's rule.
fn grade_gap(gap: &GapKind, perm: &[usize], answer: &Answer) -> Grade {
    match (gap, answer) {
        (GapKind::Single(k), Answer::Choice(pos)) => grade_single(k, perm.get(*pos).copied()),
        // Moodle MULTIRESPONSE is a multichoice with several answers: the same rule as multi
        // (question/type/multichoice/question.php, qtype_multichoice_multi_question::grade_response).
        (GapKind::Multi(k), Answer::Choices(picks)) => {
            let canon: Vec<Option<usize>> = picks.iter().map(|p| perm.get(*p).copied()).collect();
            grade_multi(k, &canon)
        }
        (GapKind::Text(k), Answer::Text(given)) => grade_text_answer(k, given),
        (GapKind::Number(k), Answer::Text(given)) => grade_number_answer(k, given),
        _ => Grade::credit(0.0),
    }
}

/// Cloze (Moodle multianswer): the weighted share of the gaps, each graded by its kind's rule.
fn grade_cloze(k: &Cloze, shown: &Presented, given: &[Answer]) -> Grade {
    let gaps: Vec<Grade> = k
        .gaps
        .iter()
        .zip(given)
        .enumerate()
        .map(|(i, (gap, answer))| {
            let perm = shown.gaps.get(i).map(Vec::as_slice).unwrap_or(&[]);
            grade_gap(&gap.kind, perm, answer)
        })
        .collect();
    let total: f64 = k.gaps.iter().map(|g| g.weight).sum();
    let earned: f64 = k
        .gaps
        .iter()
        .zip(&gaps)
        .map(|(g, r)| g.weight * r.credit)
        .sum();
    // Each gap's feedback on its own line, named by its gap, for screens that show one text.
    let said: Vec<String> = gaps
        .iter()
        .enumerate()
        .filter_map(|(i, g)| Some((i, g.feedback.as_deref()?)))
        // A multi gap may say several things, one per line: each line names its gap.
        .flat_map(|(i, said)| said.lines().map(move |line| format!("[{}] {line}", i + 1)))
        .collect();
    Grade {
        gaps,
        feedback: (!said.is_empty()).then(|| said.join("\n")),
        ..Grade::credit(earned / total.max(f64::MIN_POSITIVE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Cloze, Gap, Match, Multi, Order, Single, Text, TrueFalse};

    fn shown(perm: &[usize]) -> Presented {
        Presented {
            question: 0,
            perm: perm.to_vec(),
            gaps: Vec::new(),
        }
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn single_is_right_only_at_the_answer_position() {
        let q = Question::new(
            "q",
            "p",
            Kind::Single(Single {
                answer: "a".into(),
                wrong: strings(&["b", "c"]),
                ..Single::default()
            }),
        );
        let s = shown(&[2, 0, 1]);
        assert!(grade(&q, &s, &Answer::Choice(1)).is_correct());
        assert_eq!(grade(&q, &s, &Answer::Choice(0)).credit, 0.0);
        assert_eq!(
            grade(&q, &s, &Answer::Choice(9)).credit,
            0.0,
            "out of range earns nothing"
        );
        assert_eq!(
            grade(&q, &s, &Answer::Bool(true)).credit,
            0.0,
            "wrong shape earns nothing"
        );
    }

    #[test]
    fn multi_partial_credit_floored_at_zero() {
        let q = Question::new(
            "q",
            "p",
            Kind::Multi(Multi {
                answers: strings(&["a", "b"]),
                wrong: strings(&["c", "d"]),
                ..Multi::default()
            }),
        );
        let s = shown(&[0, 1, 2, 3]);
        let credit = |picks: &[usize]| grade(&q, &s, &Answer::Choices(picks.to_vec())).credit;
        assert_eq!(credit(&[0, 1]), 1.0);
        assert_eq!(credit(&[0]), 0.5);
        assert_eq!(credit(&[0, 1, 2]), 0.5);
        assert_eq!(credit(&[0, 2]), 0.0);
        assert_eq!(credit(&[2, 3]), 0.0, "floored at zero");
        assert_eq!(credit(&[0, 0]), 0.5, "a repeated pick counts once");
        assert_eq!(credit(&[]), 0.0);
    }

    #[test]
    fn true_false() {
        let q = Question::new(
            "q",
            "p",
            Kind::TrueFalse(TrueFalse {
                answer: false,
                ..TrueFalse::default()
            }),
        );
        let s = shown(&[0, 1]);
        assert!(grade(&q, &s, &Answer::Bool(false)).is_correct());
        assert!(!grade(&q, &s, &Answer::Bool(true)).is_correct());
    }

    #[test]
    fn order_partial_credit_by_place() {
        let q = Question::new(
            "q",
            "p",
            Kind::Order(Order {
                items: strings(&["a", "b", "c", "d"]),
            }),
        );
        let s = shown(&[3, 2, 1, 0]);
        let credit = |given: &[usize]| grade(&q, &s, &Answer::Order(given.to_vec())).credit;
        assert_eq!(credit(&[3, 2, 1, 0]), 1.0);
        assert_eq!(credit(&[3, 2, 0, 1]), 0.5);
        assert_eq!(credit(&[0, 1, 2, 3]), 0.0);
        assert_eq!(credit(&[3, 2]), 0.0, "a short answer earns nothing");
    }

    #[test]
    fn match_partial_credit_per_pair() {
        let pairs = vec![
            ("l1".to_string(), "r1".to_string()),
            ("l2".into(), "r2".into()),
            ("l3".into(), "r3".into()),
        ];
        let q = Question::new(
            "q",
            "p",
            Kind::Match(Match {
                pairs,
                ..Match::default()
            }),
        );
        let s = shown(&[1, 2, 0]);
        let credit = |given: &[usize]| grade(&q, &s, &Answer::Match(given.to_vec())).credit;
        assert_eq!(credit(&[2, 0, 1]), 1.0);
        assert!((credit(&[2, 1, 0]) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(credit(&[0, 1, 2]), 0.0);
    }

    #[test]
    fn match_with_extra_items_and_a_shared_right_side() {
        let m = Match {
            pairs: vec![
                ("ABC".into(), "1960s".into()),
                ("RCA".into(), "1960s".into()),
                ("Decca".into(), "albums".into()),
            ],
            extra: strings(&["coined the term"]),
        };
        let q = Question::new("m", "p", m);
        // Right items: 1960s, albums, coined the term; shown as albums, coined, 1960s.
        let s = shown(&[1, 2, 0]);
        let credit = |given: &[usize]| grade(&q, &s, &Answer::Match(given.to_vec())).credit;
        assert_eq!(credit(&[2, 2, 0]), 1.0, "two left items share 1960s");
        assert!(
            (credit(&[2, 1, 0]) - 2.0 / 3.0).abs() < 1e-9,
            "the distractor matches nothing"
        );
    }

    #[test]
    fn cloze_is_the_weighted_share_of_its_gaps() {
        let mut single = Single::new("Snow White", strings(&["Oklahoma!"]));
        single.feedback.insert("Oklahoma!", "That was 1955.");
        let gaps = vec![
            Gap::new(GapKind::Single(single)),
            Gap {
                weight: 2.0,
                ..Gap::new(GapKind::Text(Text::new("RCA", vec![])))
            },
        ];
        let q = Question::new("c", "p", Cloze::new("{1} by {2}", gaps));
        let s = Presented {
            gaps: vec![vec![1, 0], vec![]],
            ..shown(&[])
        };
        let answer = |pos: usize, text: &str| {
            grade(
                &q,
                &s,
                &Answer::Gaps(vec![Answer::Choice(pos), Answer::Text(text.into())]),
            )
        };
        assert!(answer(1, "rca").is_correct());
        let first_only = answer(1, "EMI");
        assert!((first_only.credit - 1.0 / 3.0).abs() < 1e-9);
        let second_only = answer(0, "RCA");
        assert!((second_only.credit - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            second_only.gaps[0].feedback.as_deref(),
            Some("That was 1955.")
        );
        assert_eq!(second_only.gaps.len(), 2);
        let short = grade(&q, &s, &Answer::Gaps(vec![Answer::Choice(1)]));
        assert_eq!(short.credit, 0.0, "a gap missing earns nothing");
    }

    #[test]
    fn a_multi_gap_is_graded_as_a_multi_on_its_own_layout() {
        let mut multi = Multi::new(strings(&["video game", "theme park"]), strings(&["jingle"]));
        multi.feedback.insert("jingle", "Not for radio.");
        multi.feedback.insert("video game", "Yes.");
        let gaps = vec![
            Gap::new(GapKind::Text(Text::new("Decca", vec![]))),
            Gap::new(GapKind::Multi(multi)),
        ];
        let q = Question::new("c", "p", Cloze::new("{1} for {2}", gaps));
        // Gap 2 shown as: a) jingle, b) theme park, c) video game.
        let s = Presented {
            gaps: vec![vec![], vec![2, 1, 0]],
            ..shown(&[])
        };
        let answer = |picks: &[usize]| {
            let given = vec![
                Answer::Text("Decca".into()),
                Answer::Choices(picks.to_vec()),
            ];
            grade(&q, &s, &Answer::Gaps(given))
        };
        assert!(answer(&[1, 2]).is_correct());
        let half = answer(&[2]);
        assert_eq!((half.credit, half.gaps[1].credit), (0.75, 0.5));
        let clamped = answer(&[2, 0]);
        assert_eq!(clamped.gaps[1].credit, 0.0, "right − wrong, not below 0");
        assert_eq!(
            clamped.feedback.as_deref(),
            Some("[2] Yes.\n[2] Not for radio."),
            "each line of a gap's feedback names its gap"
        );
        let single_pick = grade(
            &q,
            &s,
            &Answer::Gaps(vec![Answer::Text("Decca".into()), Answer::Choice(1)]),
        );
        assert_eq!(
            single_pick.gaps[1].credit, 0.0,
            "a gap answer of the wrong shape earns nothing"
        );
    }
}
