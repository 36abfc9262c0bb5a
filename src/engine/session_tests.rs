//! Session state machine tests: selection, determinism, scoring, timer, retry-wrong.

use super::session::*;
use super::{Answer, Outcome};
use crate::bank::filter::Filter;
use crate::bank::{
    Bank, Difficulty, Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse,
};

fn bank(n: usize) -> Bank {
    let questions = (0..n)
        .map(|i| {
            let mut q = Question::new(
                format!("q{i}"),
                format!("Question {i}"),
                Kind::Single(Single {
                    answer: format!("right {i}"),
                    wrong: vec![format!("wrong {i}"), format!("other {i}")],
                    ..Single::default()
                }),
            );
            q.tags = vec![if i % 2 == 0 { "even" } else { "odd" }.to_string()];
            q.difficulty = if i < 3 {
                Difficulty::Easy
            } else {
                Difficulty::Hard
            };
            q.points = 2;
            q
        })
        .collect();
    Bank {
        title: "T".into(),
        description: None,
        questions,
    }
}

fn config(seed: u64) -> SessionConfig {
    SessionConfig {
        seed,
        ..SessionConfig::default()
    }
}

/// Plays a session to the end, answering right when `right(n)` says so.
fn play(session: &mut Session, right: impl Fn(usize) -> bool, ms: u64) -> Vec<Outcome> {
    let mut out = Vec::new();
    let mut n = 0;
    while let Some(turn) = session.current() {
        let answer = if right(n) {
            correct_answer(turn.question, turn.shown)
        } else {
            let right_pos = turn.shown.position_of(0).unwrap_or(0);
            Answer::Choice((right_pos + 1) % turn.shown.perm.len())
        };
        out.extend(session.answer(Some(&answer), ms));
        n += 1;
    }
    out
}

fn order_of(seed: u64, b: &Bank) -> Vec<usize> {
    let mut s = Session::new(b, config(seed)).unwrap();
    play(&mut s, |_| true, 10)
        .iter()
        .map(|o| o.question)
        .collect()
}

#[test]
fn same_seed_same_quiz() {
    let b = bank(10);
    assert_eq!(order_of(42, &b), order_of(42, &b));
    assert_ne!(order_of(42, &b), order_of(43, &b));
}

#[test]
fn every_question_is_asked_once() {
    let b = bank(10);
    let mut asked = order_of(5, &b);
    asked.sort_unstable();
    assert_eq!(asked, (0..10).collect::<Vec<_>>());
}

#[test]
fn count_and_filters_select() {
    let b = bank(10);
    let cfg = SessionConfig {
        count: Some(3),
        ..config(1)
    };
    let mut s = Session::new(&b, cfg).unwrap();
    assert_eq!(play(&mut s, |_| true, 1).len(), 3);

    let filter = Filter {
        tags: vec!["odd".into()],
        difficulty: Some(Difficulty::Hard),
    };
    let mut s = Session::new(
        &b,
        SessionConfig {
            filter,
            ..config(1)
        },
    )
    .unwrap();
    let asked: Vec<usize> = play(&mut s, |_| true, 1)
        .iter()
        .map(|o| o.question)
        .collect();
    assert_eq!(asked.len(), 4, "odd and hard: 3, 5, 7, 9; got {asked:?}");
    assert!(asked.iter().all(|i| i % 2 == 1 && *i >= 3));
}

#[test]
fn empty_selection_is_an_error() {
    let b = bank(4);
    let filter = Filter {
        tags: vec!["nope".into()],
        difficulty: None,
    };
    let err = Session::new(
        &b,
        SessionConfig {
            filter,
            ..config(1)
        },
    )
    .err();
    assert_eq!(err, Some(SessionError::NoQuestions("tag nope".into())));
}

#[test]
fn scoring_and_streak() {
    let b = bank(5);
    let mut s = Session::new(&b, config(3)).unwrap();
    play(&mut s, |n| n != 2, 100);
    let t = s.tally();
    assert_eq!((t.correct, t.answered, t.longest_streak), (4, 5, 2));
    assert_eq!((t.score, t.max_score), (8.0, 10.0));
}

#[test]
fn timer_makes_late_answers_wrong() {
    let b = bank(2);
    let mut s = Session::new(
        &b,
        SessionConfig {
            timer: Some(5),
            ..config(1)
        },
    )
    .unwrap();
    let turn = s.current().unwrap();
    assert_eq!(turn.time_limit_ms, Some(5000));
    let right = correct_answer(turn.question, turn.shown);
    let late = s.answer(Some(&right), 5001).unwrap();
    assert!(late.timed_out && !late.grade.is_correct());
    assert_eq!(late.grade.note.as_deref(), Some("time over"));
    let turn = s.current().unwrap();
    let right = correct_answer(turn.question, turn.shown);
    assert!(s.answer(Some(&right), 5000).unwrap().grade.is_correct());
}

#[test]
fn question_time_limit_beats_timer() {
    let mut b = bank(1);
    b.questions[0].time_limit = Some(2);
    let s = Session::new(
        &b,
        SessionConfig {
            timer: Some(30),
            ..config(1)
        },
    )
    .unwrap();
    assert_eq!(s.current().unwrap().time_limit_ms, Some(2000));
}

#[test]
fn speed_bonus_raises_score_and_max() {
    let b = bank(1);
    let mut s = Session::new(
        &b,
        SessionConfig {
            speed_bonus: true,
            timer: Some(10),
            ..config(1)
        },
    )
    .unwrap();
    play(&mut s, |_| true, 0);
    assert_eq!((s.tally().score, s.tally().max_score), (3.0, 3.0));
}

#[test]
fn retry_wrong_repeats_until_right_and_scores_first_attempts() {
    let b = bank(3);
    let mut s = Session::new(
        &b,
        SessionConfig {
            retry_wrong: true,
            ..config(9)
        },
    )
    .unwrap();
    // Wrong on the first question, then wrong again on its first retry, then right.
    let outcomes = play(&mut s, |n| n != 0 && n != 3, 10);
    assert_eq!(outcomes.len(), 5);
    let missed = outcomes[0].question;
    assert!(outcomes[3].retry && outcomes[3].question == missed);
    assert!(outcomes[4].retry && outcomes[4].question == missed && outcomes[4].grade.is_correct());
    assert_eq!(s.first_attempts().len(), 3);
    assert_eq!(s.retries(), 2);
    assert_eq!(s.tally().correct, 2, "retries do not change the score");
}

#[test]
fn without_retry_missed_questions_do_not_return() {
    let b = bank(3);
    let mut s = Session::new(&b, config(9)).unwrap();
    assert_eq!(play(&mut s, |_| false, 10).len(), 3);
}

#[test]
fn interrupt_stops_the_session() {
    let b = bank(3);
    let mut s = Session::new(&b, config(1)).unwrap();
    let turn = s.current().unwrap();
    let right = correct_answer(turn.question, turn.shown);
    s.answer(Some(&right), 1);
    s.interrupt();
    assert!(s.current().is_none());
    assert!(s.answer(Some(&right), 1).is_none());
    assert_eq!(s.first_attempts().len(), 1);
    assert!(s.is_interrupted());
}

#[test]
fn no_answer_is_wrong_and_described() {
    let b = bank(1);
    let mut s = Session::new(&b, config(1)).unwrap();
    let o = s.answer(None, 1).unwrap();
    assert!(!o.grade.is_correct());
    assert_eq!(o.answer, "(no answer)");
}

#[test]
fn correct_answer_grades_full_for_every_kind() {
    let kinds = [
        Kind::Multi(Multi {
            answers: vec!["a".into(), "b".into()],
            wrong: vec!["c".into()],
            ..Multi::default()
        }),
        Kind::TrueFalse(TrueFalse {
            answer: false,
            ..TrueFalse::default()
        }),
        Kind::Text(Text {
            answer: "Photoplay".into(),
            accept: vec![],
            ..Text::default()
        }),
        Kind::Number(Number {
            answer: 1929.0,
            tolerance: 0.0,
            ..Number::default()
        }),
        Kind::Order(Order {
            items: vec!["1".into(), "2".into(), "3".into()],
        }),
        Kind::Match(Match {
            pairs: vec![("a".into(), "1".into()), ("b".into(), "2".into())],
            ..Match::default()
        }),
    ];
    for kind in kinds {
        let q = Question::new("q", "p", kind);
        for seed in 0..10 {
            let shown = super::order::Presented::new(&q, 0, &mut super::order::rng(seed));
            let answer = correct_answer(&q, &shown);
            assert!(
                super::grade::grade(&q, &shown, &answer).is_correct(),
                "{q:?} {seed}"
            );
        }
    }
}

#[test]
fn describe_answer_in_words() {
    let q = Question::new(
        "q",
        "p",
        Kind::Match(Match {
            pairs: vec![("a".into(), "1".into()), ("b".into(), "2".into())],
            ..Match::default()
        }),
    );
    let shown = super::order::Presented {
        gaps: Vec::new(),
        question: 0,
        perm: vec![1, 0],
    };
    assert_eq!(
        describe_answer(&q, &shown, &Answer::Match(vec![1, 0])),
        "a → 1; b → 2"
    );
}

#[test]
fn with_questions_keeps_the_given_order() {
    let b = bank(6);
    let mut s = Session::with_questions(&b, &[4, 1, 3, 99], config(2)).unwrap();
    let asked: Vec<usize> = play(&mut s, |_| true, 1)
        .iter()
        .map(|o| o.question)
        .collect();
    assert_eq!(asked, vec![4, 1, 3], "out-of-range indices are dropped");
    assert!(Session::with_questions(&b, &[], config(2)).is_err());
}

/// Plays a session, recording each turn's (retry, number, total, streak) before answering.
fn turns(
    session: &mut Session,
    right: impl Fn(usize) -> bool,
) -> Vec<(bool, usize, usize, Option<u32>)> {
    let mut seen = Vec::new();
    let mut n = 0;
    while let Some(turn) = session.current() {
        seen.push((turn.retry, turn.number, turn.total, turn.streak));
        let answer = if right(n) {
            correct_answer(turn.question, turn.shown)
        } else {
            let right_pos = turn.shown.position_of(0).unwrap_or(0);
            Answer::Choice((right_pos + 1) % turn.shown.perm.len())
        };
        session.answer(Some(&answer), 10);
        n += 1;
    }
    seen
}

#[test]
fn retries_are_numbered_one_by_one_not_all_three_of_three() {
    let b = bank(3);
    let mut s = Session::new(
        &b,
        SessionConfig {
            retry_wrong: true,
            ..config(9)
        },
    )
    .unwrap();
    // All three wrong, then the first retry wrong again, then right.
    let seen = turns(&mut s, |n| n >= 4);
    let retries: Vec<(usize, usize)> = seen.iter().filter(|t| t.0).map(|t| (t.1, t.2)).collect();
    assert_eq!(retries, vec![(1, 3), (2, 4), (3, 4), (4, 4)]);
}

#[test]
fn streak_counts_right_retries_and_is_hidden_at_zero() {
    let b = bank(2);
    let mut s = Session::new(
        &b,
        SessionConfig {
            retry_wrong: true,
            reveal_streak: true,
            ..config(9)
        },
    )
    .unwrap();
    // Wrong, wrong, then both retries right: the third question shows a streak of 1.
    let seen = turns(&mut s, |n| n >= 2);
    let streaks: Vec<Option<u32>> = seen.iter().map(|t| t.3).collect();
    assert_eq!(streaks, vec![None, None, None, Some(1)]);
}
