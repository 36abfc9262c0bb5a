//! `termquiz play` without a terminal: the plain line protocol, driven through piped stdin.

mod common;

use common::{Quiz, fixture};
use termquiz::bank::{self, Bank};
use termquiz::engine::{Answer, Session, SessionConfig, correct_answer};
use termquiz::ui::parse::format_answer;

/// The answer lines a player gives for `seed`: right, or wrong where `wrong(n)` says so.
fn answer_lines(bank: &Bank, seed: u64, wrong: impl Fn(usize) -> bool) -> String {
    let mut session = Session::new(
        bank,
        SessionConfig {
            seed,
            ..SessionConfig::default()
        },
    )
    .unwrap();
    let mut lines = String::new();
    let mut n = 0;
    while let Some(turn) = session.current() {
        let mut answer = correct_answer(turn.question, turn.shown);
        if wrong(n) {
            answer = wrong_answer(&answer, turn.shown.perm.len());
        }
        lines.push_str(&format_answer(&answer));
        lines.push('\n');
        session.answer(Some(&answer), 1);
        n += 1;
    }
    lines
}

fn wrong_answer(right: &Answer, items: usize) -> Answer {
    match right {
        Answer::Choice(p) => Answer::Choice((p + 1) % items),
        Answer::Choices(v) => Answer::Choices((0..items).filter(|p| !v.contains(p)).collect()),
        Answer::Bool(b) => Answer::Bool(!b),
        Answer::Text(_) => Answer::Text("99999".into()),
        Answer::Order(v) | Answer::Match(v) => {
            let mut w = v.clone();
            w.rotate_left(1);
            if matches!(right, Answer::Order(_)) {
                Answer::Order(w)
            } else {
                Answer::Match(w)
            }
        }
    }
}

#[test]
fn a_perfect_run_of_the_default_bank_scores_100_percent() {
    let bank = bank::default_bank().unwrap();
    let n = bank.questions.len();
    let run = Quiz::new()
        .args(["play", "--seed", "7"])
        .stdin(&answer_lines(&bank, 7, |_| false))
        .run()
        .code(0);
    run.stdout_has(&format!("{n} of {n} right"))
        .stdout_has("(100%)")
        .stdout_has("No mistakes");
}

#[test]
fn every_kind_right_in_the_fixture_bank() {
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let total: u32 = bank.questions.iter().map(|q| q.points).sum();
    Quiz::new()
        .args(["play", &path.display().to_string(), "--seed", "11"])
        .stdin(&answer_lines(&bank, 11, |_| false))
        .run()
        .code(0)
        .stdout_has(&format!("Score {total}/{total} (100%) · 7 of 7 right"))
        .stdout_has("longest streak 7");
}

#[test]
fn wrong_answers_are_reviewed_with_explanations() {
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let run = Quiz::new()
        .args(["play", &path.display().to_string(), "--seed", "3"])
        .stdin(&answer_lines(&bank, 3, |_| true))
        .run()
        .code(0)
        .stdout_has("0 of 7 right")
        .stdout_has("Review of 7 missed:")
        .stdout_has("The answer:  ABC")
        .stdout_has("ABC was famous during the 1960s.");
    assert!(
        run.stdout.contains("✘ Wrong."),
        "practice mode gives feedback"
    );
}

#[test]
fn exam_mode_gives_no_feedback_until_the_end() {
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let run = Quiz::new()
        .args([
            "play",
            &path.display().to_string(),
            "--seed",
            "3",
            "--mode",
            "exam",
        ])
        .stdin(&answer_lines(&bank, 3, |n| n % 2 == 0))
        .run()
        .code(0);
    let (during, after) = run.stdout.split_once("Finished").unwrap();
    assert!(
        !during.contains("Wrong") && !during.contains("Right!") && !during.contains("streak"),
        "{during}"
    );
    assert!(after.contains("3 of 7 right"), "{after}");
}

#[test]
fn a_bad_line_asks_again() {
    let q = r#"{"title": "One", "questions": [{"id": "a", "kind": "single", "prompt": "Pick", "answer": "x", "wrong": ["y", "z"]}]}"#;
    let run = Quiz::new()
        .args(["play"])
        .bank("one.json", q)
        .args(["--seed", "1"])
        .stdin("q\n9\n")
        .run()
        .code(130);
    assert_eq!(
        run.stdout.matches("type one letter from a to c").count(),
        2,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("Answer (a-c): ").count(),
        3,
        "{}",
        run.stdout
    );
}

#[test]
fn end_of_input_stops_like_ctrl_c() {
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let two: String = answer_lines(&bank, 5, |_| false)
        .lines()
        .take(2)
        .map(|l| format!("{l}\n"))
        .collect();
    Quiz::new()
        .args(["play", &path.display().to_string(), "--seed", "5"])
        .stdin(&two)
        .run()
        .code(130)
        .stdout_has("Stopped early")
        .stdout_has("Answered 2 of 7 questions.");
}

#[test]
fn count_and_filters_limit_the_quiz() {
    let path = fixture("banks/all-kinds.json").display().to_string();
    Quiz::new()
        .args(["play", &path, "-n", "2", "--seed", "1"])
        .run()
        .code(130)
        .stdout_has("2 questions");
    Quiz::new()
        .args(["play", &path, "--tag", "history", "--seed", "1"])
        .run()
        .code(130)
        .stdout_has("5 questions");
    Quiz::new()
        .args(["play", &path, "--tag", "history", "--difficulty", "easy"])
        .run()
        .code(130)
        .stdout_has("1 question,");
}

#[test]
fn a_filter_that_matches_nothing_is_a_usage_error() {
    let path = fixture("banks/all-kinds.json").display().to_string();
    Quiz::new()
        .args(["play", &path, "--tag", "nope"])
        .run()
        .code(2)
        .stderr_has("error: no questions match tag nope");
}

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let path = fixture("banks/all-kinds.json").display().to_string();
    let a = Quiz::new()
        .args(["play", &path, "--seed", "42"])
        .run()
        .stdout;
    let b = Quiz::new()
        .args(["play", &path, "--seed", "42"])
        .run()
        .stdout;
    let first_question = |s: &str| s.lines().skip(2).take(6).collect::<Vec<_>>().join("\n");
    assert_eq!(first_question(&a), first_question(&b));
}

#[test]
fn retry_wrong_asks_again_until_right() {
    let q = r#"{"title": "One", "questions": [{"id": "a", "kind": "true_false", "prompt": "Yes?", "answer": true}]}"#;
    Quiz::new()
        .args(["play"])
        .bank("one.json", q)
        .args(["--retry-wrong", "--seed", "1"])
        .stdin("f\nf\nt\n")
        .run()
        .code(0)
        .stdout_has("Retry (1/1)")
        .stdout_has("0 of 1 right")
        .stdout_has("Retries: 2 (not scored).");
}

#[test]
fn hostile_bank_text_never_reaches_the_terminal_raw() {
    let evil = r#"{"title": "Evil\u202e", "questions": [{"id": "e", "kind": "single",
        "prompt": "Pick\u202e one\u2066", "answer": "ok\u202d", "wrong": ["no\u2067"],
        "explanation": "bidi\u202a", "tags": ["t\u2069"]}]}"#;
    let run = Quiz::new()
        .args(["play"])
        .bank("evil.json", evil)
        .args(["--seed", "1"])
        .stdin("a\n")
        .run();
    for raw in [
        '\u{202e}', '\u{2066}', '\u{202d}', '\u{2067}', '\u{202a}', '\u{2069}', '\u{1b}',
    ] {
        assert!(
            !run.stdout.contains(raw),
            "{raw:?} reached stdout: {:?}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("Pick\\u{202e} one"), "{}", run.stdout);
}

#[test]
fn end_of_input_at_every_kind_of_question_exits_130() {
    for entry in std::fs::read_dir(fixture("one")).unwrap() {
        let path = entry.unwrap().path().display().to_string();
        Quiz::new()
            .args(["play", &path])
            .run()
            .code(130)
            .stdout_has("Stopped early")
            .stdout_has("Answered 0 of 1");
    }
}
