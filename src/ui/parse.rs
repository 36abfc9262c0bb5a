//! Plain mode's answer lines: one line per answer, per kind (see DESIGN.md).

use super::labels::{label, position};
use crate::bank::{GapKind, Kind, Number, Question};
use crate::engine::Answer;
use crate::engine::grade::parse_with_units;

/// The message for a number answer that is not one (no example: it could be an answer).
pub const NOT_A_NUMBER: &str = "type a number: digits, with a point for decimals";

/// The message for a multi answer with nothing picked, in both modes.
pub const NOTHING_PICKED: &str = "pick at least one choice";

/// The message for a right-hand match item given to a second left item, in both modes.
pub fn matched_twice(item: &str, left: usize) -> String {
    format!("\"{item}\" is already matched with {left}; pick each right-hand item once")
}

/// Reads one answer line for `q` with `items` choices shown; the error says what to type.
pub fn parse_answer(q: &Question, items: usize, line: &str) -> Result<Answer, String> {
    let line = line.trim();
    match &q.kind {
        Kind::Single(_) => single(line, items).map(Answer::Choice),
        Kind::Multi(_) => letters(line, items, None).map(Answer::Choices),
        Kind::TrueFalse(_) => truth(line).map(Answer::Bool),
        Kind::Text(_) if line.is_empty() => Err("type your answer".into()),
        Kind::Text(_) => Ok(Answer::Text(line.to_string())),
        Kind::Number(k) => number(k, line),
        Kind::Order(_) => letters(line, items, Some(items)).map(Answer::Order),
        Kind::Match(matching) => match_letters(line, items, matching).map(Answer::Match),
        // Plain mode reads a cloze one gap per line (see `parse_gap`).
        Kind::Cloze(_) => Err("answer each gap on its own line".into()),
    }
}

/// A number, or a number with one of the question's units ("250 cm"); the terminal's
/// number prompt refuses with the same message.
pub fn number(k: &Number, line: &str) -> Result<Answer, String> {
    match parse_with_units(k, line) {
        Some(_) => Ok(Answer::Text(line.to_string())),
        None if k.units.is_empty() => Err(NOT_A_NUMBER.into()),
        None => Err(with_units(k)),
    }
}

/// The message for a number answer that is not one, naming the units it may carry.
fn with_units(k: &Number) -> String {
    let units: Vec<&str> = k.units.iter().map(|u| u.unit.as_str()).collect();
    format!(
        "{NOT_A_NUMBER}, and a unit if you like ({})",
        crate::bank::sanitize::escape_line(&units.join(", "))
    )
}

fn last_label(items: usize) -> String {
    label(items.saturating_sub(1))
}

fn single(line: &str, items: usize) -> Result<usize, String> {
    position(line, items).ok_or_else(|| format!("type one letter from a to {}", last_label(items)))
}

/// The one rule for both modes: a right-hand item may serve two left items only when the
/// question itself pairs two left items with the same right item.
pub fn match_repeats_allowed(matching: &crate::bank::Match) -> bool {
    let mut seen = std::collections::HashSet::new();
    !matching.pairs.iter().all(|(_, right)| seen.insert(right))
}

/// One letter per left item, in order; repeats only as [`match_repeats_allowed`] says.
fn match_letters(
    line: &str,
    items: usize,
    matching: &crate::bank::Match,
) -> Result<Vec<usize>, String> {
    let lefts = matching.pairs.len();
    let mut picks = Vec::with_capacity(lefts);
    for token in line.split([',', ' ', ';']).filter(|t| !t.is_empty()) {
        let shown = || crate::bank::sanitize::escape_line(token);
        let pos = position(token, items).ok_or_else(|| {
            format!(
                "\"{}\" is not a choice; use letters from a to {}",
                shown(),
                last_label(items)
            )
        })?;
        if let Some(by) = picks.iter().position(|&p| p == pos)
            && !match_repeats_allowed(matching)
        {
            return Err(matched_twice(&shown(), by + 1));
        }
        picks.push(pos);
    }
    if picks.len() == lefts {
        Ok(picks)
    } else {
        Err(format!(
            "give {lefts} letters, one for each item 1-{lefts} in order, e.g. \"{}\"",
            example(lefts)
        ))
    }
}

/// Letters separated by commas or spaces, each once; `exact` asks for exactly that many.
fn letters(line: &str, items: usize, exact: Option<usize>) -> Result<Vec<usize>, String> {
    let tokens: Vec<&str> = line
        .split([',', ' ', ';'])
        .filter(|t| !t.is_empty())
        .collect();
    let mut picks = Vec::with_capacity(tokens.len());
    let mut picked = vec![false; items];
    for token in &tokens {
        // The player's typing is echoed back: escaped like any untrusted text.
        let shown = || crate::bank::sanitize::escape_line(token);
        let pos = position(token, items).ok_or_else(|| {
            format!(
                "\"{}\" is not a choice; use letters from a to {}",
                shown(),
                last_label(items)
            )
        })?;
        if picked
            .get_mut(pos)
            .is_some_and(|seen| std::mem::replace(seen, true))
        {
            return Err(format!(
                "\"{}\" is given twice; give each letter once",
                shown()
            ));
        }
        picks.push(pos);
    }
    match exact {
        Some(n) if picks.len() != n => Err(format!(
            "give all {n} letters in order, e.g. \"{}\"",
            example(n)
        )),
        None if picks.is_empty() => Err("type one or more letters, e.g. \"a,c\"".into()),
        _ => Ok(picks),
    }
}

fn example(n: usize) -> String {
    (0..n).rev().map(label).collect::<Vec<_>>().join(" ")
}

/// A true/false answer as plain mode reads it: `t`, `f`, `true`, `false`, `yes`, `no` (any case).
pub fn truth(line: &str) -> Result<bool, String> {
    match line.to_ascii_lowercase().as_str() {
        "t" | "true" | "y" | "yes" => Ok(true),
        "f" | "false" | "n" | "no" => Ok(false),
        _ => Err("type t or f (true/false, yes/no)".into()),
    }
}

/// Reads one cloze gap's line: a letter for a single gap, letters for a multi gap, else the text.
pub fn parse_gap(gap: &GapKind, choices: usize, line: &str) -> Result<Answer, String> {
    let line = line.trim();
    match gap {
        GapKind::Single(_) => single(line, choices).map(Answer::Choice),
        // As a multi question: `a,c`, each letter once, at least one.
        GapKind::Multi(_) => letters(line, choices, None).map(Answer::Choices),
        GapKind::Text(_) if line.is_empty() => Err("type your answer".into()),
        GapKind::Text(_) => Ok(Answer::Text(line.to_string())),
        GapKind::Number(k) => number(k, line),
    }
}

/// Writes an answer as a plain-mode line; `parse_answer` reads it back.
pub fn format_answer(answer: &Answer) -> String {
    let join = |v: &[usize], sep: &str| v.iter().map(|&p| label(p)).collect::<Vec<_>>().join(sep);
    match answer {
        Answer::Choice(p) => label(*p),
        Answer::Choices(v) => join(v, ","),
        Answer::Bool(b) => if *b { "t" } else { "f" }.into(),
        Answer::Text(t) => t.clone(),
        Answer::Order(v) | Answer::Match(v) => join(v, " "),
        Answer::Gaps(gaps) => gaps
            .iter()
            .map(format_answer)
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Multi, Number, Order, Single, Text, TrueFalse};
    use proptest::prelude::*;

    fn q(kind: Kind) -> Question {
        Question::new("q", "p", kind)
    }

    fn single_q() -> Question {
        q(Kind::Single(Single {
            answer: "a".into(),
            wrong: vec!["b".into(), "c".into()],
            ..Single::default()
        }))
    }

    fn order_q() -> Question {
        q(Kind::Order(Order {
            items: vec!["1".into(), "2".into(), "3".into()],
        }))
    }

    #[test]
    fn single_takes_a_letter_or_number() {
        assert_eq!(parse_answer(&single_q(), 3, "b"), Ok(Answer::Choice(1)));
        assert_eq!(parse_answer(&single_q(), 3, " C \r"), Ok(Answer::Choice(2)));
        assert_eq!(parse_answer(&single_q(), 3, "1"), Ok(Answer::Choice(0)));
        assert_eq!(
            parse_answer(&single_q(), 3, "d"),
            Err("type one letter from a to c".into())
        );
    }

    #[test]
    fn multi_takes_a_list() {
        let multi = q(Kind::Multi(Multi {
            answers: vec!["a".into()],
            wrong: vec!["b".into(), "c".into()],
            ..Multi::default()
        }));
        assert_eq!(
            parse_answer(&multi, 3, "a,c"),
            Ok(Answer::Choices(vec![0, 2]))
        );
        assert_eq!(
            parse_answer(&multi, 3, "a, c"),
            Ok(Answer::Choices(vec![0, 2]))
        );
        assert!(parse_answer(&multi, 3, "a,a").is_err());
        assert!(parse_answer(&multi, 3, "").is_err());
    }

    #[test]
    fn a_multi_gap_takes_a_list_as_a_multi_does() {
        let gap = GapKind::Multi(Multi::new(vec!["a".into()], vec!["b".into(), "c".into()]));
        assert_eq!(
            parse_gap(&gap, 3, " a, c "),
            Ok(Answer::Choices(vec![0, 2]))
        );
        assert_eq!(
            parse_gap(&gap, 3, ""),
            Err("type one or more letters, e.g. \"a,c\"".into()),
            "nothing picked is refused, as for a multi question"
        );
        assert!(parse_gap(&gap, 3, "a,a").is_err());
        assert!(parse_gap(&gap, 3, "d").is_err());
    }

    #[test]
    fn true_false_words() {
        let tf = q(Kind::TrueFalse(TrueFalse {
            answer: true,
            ..TrueFalse::default()
        }));
        for (line, want) in [
            ("t", true),
            ("TRUE", true),
            ("yes", true),
            ("f", false),
            ("No", false),
        ] {
            assert_eq!(parse_answer(&tf, 2, line), Ok(Answer::Bool(want)), "{line}");
        }
        assert!(parse_answer(&tf, 2, "maybe").is_err());
    }

    #[test]
    fn text_and_number() {
        let text = q(Kind::Text(Text {
            answer: "x".into(),
            accept: vec![],
            ..Text::default()
        }));
        assert_eq!(
            parse_answer(&text, 0, " Decca "),
            Ok(Answer::Text("Decca".into()))
        );
        assert!(parse_answer(&text, 0, "   ").is_err());
        let number = q(Kind::Number(Number {
            answer: 1.0,
            tolerance: 0.0,
            ..Number::default()
        }));
        assert_eq!(
            parse_answer(&number, 0, "1929"),
            Ok(Answer::Text("1929".into()))
        );
        assert!(parse_answer(&number, 0, "soon").is_err());
    }

    #[test]
    fn order_needs_every_letter_once() {
        assert_eq!(
            parse_answer(&order_q(), 3, "c a b"),
            Ok(Answer::Order(vec![2, 0, 1]))
        );
        assert_eq!(
            parse_answer(&order_q(), 3, "c a"),
            Err("give all 3 letters in order, e.g. \"c b a\"".into())
        );
        assert!(parse_answer(&order_q(), 3, "c a a").is_err());
    }

    #[test]
    fn terminal_allowed_a_right_item_twice_that_plain_mode_refused() {
        let once =
            crate::bank::Match::new(vec![("a".into(), "1".into()), ("b".into(), "2".into())]);
        let shared =
            crate::bank::Match::new(vec![("a".into(), "1".into()), ("b".into(), "1".into())]);
        assert!(!match_repeats_allowed(&once));
        assert!(match_repeats_allowed(&shared));
        let q_once = q(Kind::Match(once));
        let q_shared = q(Kind::Match(shared));
        assert_eq!(parse_answer(&q_once, 2, "a a"), Err(matched_twice("a", 1)));
        assert_eq!(
            parse_answer(&q_shared, 1, "a a"),
            Ok(Answer::Match(vec![0, 0]))
        );
        assert!(parse_answer(&q_once, 2, "a").is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig { rng_seed: proptest::test_runner::RngSeed::Fixed(7), failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn never_panics(line in "\\PC{0,40}") {
            for question in [single_q(), order_q(), q(Kind::TrueFalse(TrueFalse { answer: true, ..TrueFalse::default() })), q(Kind::Number(Number { answer: 1.0, tolerance: 0.0, ..Number::default() }))] {
                let _ = parse_answer(&question, 3, &line);
            }
        }

        #[test]
        fn format_then_parse_round_trips(perm in Just(vec![0usize, 1, 2]).prop_shuffle()) {
            let answer = Answer::Order(perm);
            prop_assert_eq!(parse_answer(&order_q(), 3, &format_answer(&answer)), Ok(answer));
        }
    }
}
