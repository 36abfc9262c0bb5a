//! Grading rules, one per kind: credit from 0 to 1, partial credit where DESIGN.md says so.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
        (Kind::Single(_), Answer::Choice(pos)) => {
            Grade::credit(f64::from(canonical(pos) == Some(0)))
        }
        (Kind::Multi(k), Answer::Choices(picks)) => {
            let canon: Vec<Option<usize>> = picks.iter().map(canonical).collect();
            grade_multi(k.answers.len(), &canon)
        }
        (Kind::TrueFalse(k), Answer::Bool(given)) => Grade::credit(f64::from(k.answer == *given)),
        (Kind::Text(k), Answer::Text(given)) => grade_text(&k.answer, &k.accept, given),
        (Kind::Number(k), Answer::Text(given)) => grade_number(k.answer, k.tolerance, given),
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

/// Cloze: the weighted share of the gaps, each gap graded by its kind's rule.
fn grade_cloze(k: &Cloze, shown: &Presented, given: &[Answer]) -> Grade {
    let gaps: Vec<Grade> = k
        .gaps
        .iter()
        .zip(given)
        .enumerate()
        .map(|(i, (gap, answer))| {
            let perm = shown.gaps.get(i).map(Vec::as_slice).unwrap_or(&[]);
            match (&gap.kind, answer) {
                (GapKind::Single(_), Answer::Choice(pos)) => {
                    Grade::credit(f64::from(perm.get(*pos) == Some(&0)))
                }
                (GapKind::Text(t), Answer::Text(text)) => grade_text(&t.answer, &t.accept, text),
                (GapKind::Number(n), Answer::Text(text)) => {
                    grade_number(n.answer, n.tolerance, text)
                }
                _ => Grade::credit(0.0),
            }
        })
        .collect();
    let total: f64 = k.gaps.iter().map(|g| g.weight).sum();
    let earned: f64 = k
        .gaps
        .iter()
        .zip(&gaps)
        .map(|(g, r)| g.weight * r.credit)
        .sum();
    Grade {
        gaps,
        ..Grade::credit(earned / total.max(f64::MIN_POSITIVE))
    }
}

/// (right picks − wrong picks) / answers, floored at 0; a pick listed twice counts once.
fn grade_multi(answers: usize, picks: &[Option<usize>]) -> Grade {
    let mut seen = std::collections::HashSet::new();
    let (mut right, mut wrong) = (0usize, 0usize);
    for pick in picks.iter().filter(|p| seen.insert(**p)) {
        match pick {
            Some(c) if *c < answers => right += 1,
            _ => wrong += 1,
        }
    }
    Grade::credit((right as f64 - wrong as f64) / answers.max(1) as f64)
}

/// Text folded for comparison: accents, case, punctuation, extra spaces and a leading
/// "the", "a" or "an" dropped.
pub fn normalize_text(text: &str) -> String {
    let lowered: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let folded: String = drop_leading_article(lowered.trim_start())
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "the UK" and "UK" are one answer; the article must be a word followed by a space, so the
/// "A" of "A.B.C." stays, and a lone article is kept rather than emptied.
fn drop_leading_article(lowered: &str) -> &str {
    ["the", "an", "a"]
        .iter()
        .filter_map(|article| lowered.strip_prefix(article))
        .find(|rest| {
            rest.starts_with(char::is_whitespace) && rest.chars().any(char::is_alphanumeric)
        })
        .unwrap_or(lowered)
}

/// Edit distance allowed for an expected answer of `len` characters (after folding).
fn typo_allowance(expected: &str) -> usize {
    let len = expected.chars().filter(|c| !c.is_whitespace()).count();
    let numeric = expected.chars().any(|c| c.is_numeric());
    match len {
        _ if numeric => 0,
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Lenient text grading: exact after folding, or within the typo allowance (told to the player).
pub fn grade_text(answer: &str, accept: &[String], given: &str) -> Grade {
    let given_norm = normalize_text(given);
    if given_norm.is_empty() {
        return Grade::credit(0.0);
    }
    let candidates = std::iter::once(answer).chain(accept.iter().map(String::as_str));
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let expected = normalize_text(candidate);
        if expected == given_norm {
            return Grade::credit(1.0);
        }
        let distance =
            super::distance::osa_within(&expected, &given_norm, typo_allowance(&expected));
        if let Some(distance) = distance
            && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, candidate));
        }
    }
    match best {
        Some((_, spelling)) => Grade {
            note: Some(format!("accepted, the spelling is \"{spelling}\"")),
            ..Grade::credit(1.0)
        },
        None => Grade::credit(0.0),
    }
}

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

/// Right when within `tolerance` of `answer`.
pub fn grade_number(answer: f64, tolerance: f64, given: &str) -> Grade {
    let within = parse_number(given)
        .is_some_and(|n| (n - answer).abs() <= tolerance + 1e-9 * answer.abs().max(1.0));
    Grade::credit(f64::from(within))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Match, Multi, Order, Single, TrueFalse};

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
    fn text_ignores_case_accents_punctuation_and_spaces() {
        for given in [
            "hamilton an american musical",
            "  HAMILTON:  an American-musical! ",
            "Hâmilton, an américan musical",
        ] {
            let g = grade_text("Hamilton: An American Musical", &[], given);
            assert!(g.is_correct(), "{given}");
            assert_eq!(g.note, None, "{given}");
        }
    }

    #[test]
    fn text_accepts_alternatives() {
        assert!(grade_text("Original Soundtrack", &strings(&["OST"]), "ost").is_correct());
        assert!(!grade_text("Original Soundtrack", &strings(&["OST"]), "osd").is_correct());
    }

    #[test]
    fn text_typo_limits() {
        // 5 to 8 characters: one edit.
        assert!(grade_text("Decca", &[], "Deca").is_correct());
        assert!(!grade_text("Decca", &[], "Dca").is_correct());
        // Over 8: two edits.
        assert!(grade_text("Photoplay", &[], "Photoplai").is_correct());
        assert!(grade_text("Photoplay", &[], "Fotoplay").is_correct());
        assert!(
            !grade_text("Photoplay", &[], "Fotoplai").is_correct(),
            "three edits"
        );
        // Under 5: exact.
        assert!(!grade_text("ABC", &[], "ABD").is_correct());
        // Numbers: exact.
        assert!(!grade_text("1940s", &[], "1930s").is_correct());
        // A transposition is one edit.
        assert!(grade_text("Capitol", &[], "Capiotl").is_correct());
    }

    #[test]
    fn text_typo_is_told_with_the_spelling() {
        let g = grade_text("Decca", &[], "Deca");
        assert_eq!(
            g.note.as_deref(),
            Some("accepted, the spelling is \"Decca\"")
        );
    }

    #[test]
    fn empty_text_is_wrong() {
        assert!(!grade_text("abcde", &[], "  !! ").is_correct());
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
    fn text_ignores_a_leading_article_on_both_sides() {
        assert!(grade_text("Photoplay", &[], "The Photoplay").is_correct());
        assert!(grade_text("The British", &[], "British").is_correct());
        assert!(grade_text("The British", &[], "the  british").is_correct());
        assert!(grade_text("GOT", &[], "the GOT").is_correct());
        assert!(grade_text("Original Soundtrack", &[], "an original soundtrack").is_correct());
        assert!(grade_text("Band Wagon", &[], "A Band Wagon").is_correct());
        assert_eq!(grade_text("GOT", &[], "the GOT").note, None, "not a typo");
    }

    #[test]
    fn a_leading_article_is_dropped_only_as_a_whole_word() {
        assert_eq!(normalize_text("The UK"), "uk");
        assert_eq!(normalize_text("  An  apple"), "apple");
        assert_eq!(
            normalize_text("A.B.C."),
            "a b c",
            "an initial is not an article"
        );
        assert_eq!(normalize_text("Theme park"), "theme park");
        assert_eq!(normalize_text("Another"), "another");
        assert_eq!(normalize_text("the"), "the", "a lone article is kept");
        assert_eq!(
            normalize_text("the !!"),
            "the",
            "nothing but punctuation after it"
        );
        assert!(!grade_text("ABC", &[], "A.B.D.").is_correct());
        assert!(!grade_text("Cast", &[], "the").is_correct());
    }

    #[test]
    fn normalize_folds_compatibility_forms() {
        assert_eq!(normalize_text("ﬁlm  Café—Théâtre"), "film cafe theatre");
    }
}
