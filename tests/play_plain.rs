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
        // Every choice gap has at least 2 choices, and (p + 1) % 2 is never p.
        Answer::Gaps(gaps) => Answer::Gaps(gaps.iter().map(|g| wrong_answer(g, 2)).collect()),
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
        .args(["play", "--all", "--seed", "7"])
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
    let (during, after) = run.stdout.split_once("\nReview of").unwrap();
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
        .stdout_has("2 of 7 questions");
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
        .stdout_has("Retry 1 of 1")
        .stdout_has("Retry 2 of 2")
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
            !run.stdout.contains(raw) && !run.stderr.contains(raw),
            "{raw:?} reached the terminal: {:?} {:?}",
            run.stdout,
            run.stderr
        );
    }
    // Bidi overrides are refused like other control characters, and named escaped.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("U+202E"), "{}", run.stderr);
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
            .stdout_has("Stopped before the first answer: nothing to score.");
    }
}

fn read_json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn results_file_holds_the_whole_session() {
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let quiz = Quiz::new();
    let out = quiz.path().join("ada.json");
    let run = quiz
        .args([
            "play",
            &path.display().to_string(),
            "--seed",
            "8",
            "--mode",
            "exam",
            "--name",
            "Ada",
        ])
        .args(["--results", &out.display().to_string()])
        .stdin(&answer_lines(&bank, 8, |n| n == 0))
        .run()
        .code(0)
        .stdout_has("Result saved to");
    let result = read_json(&out);
    assert_eq!(result["name"], "Ada");
    assert_eq!(result["bank"], "All kinds");
    assert_eq!(result["mode"], "exam");
    assert_eq!(result["seed"], 8);
    assert_eq!(result["interrupted"], false);
    let questions = result["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 7);
    assert_eq!(questions[0]["correct"], false);
    assert!(questions[1..].iter().all(|q| q["correct"] == true));
    for field in ["id", "awarded", "points", "answer", "ms"] {
        assert!(questions.iter().all(|q| !q[field].is_null()), "{field}");
    }
    let total: f64 = questions
        .iter()
        .map(|q| q["awarded"].as_f64().unwrap())
        .sum();
    assert_eq!(result["score"].as_f64().unwrap(), total);
    for stamp in ["started_at", "finished_at"] {
        assert!(
            result[stamp]
                .as_str()
                .unwrap()
                .parse::<jiff::Timestamp>()
                .is_ok(),
            "{stamp}"
        );
    }
    let history = std::fs::read_to_string(run.dir.path().join("data/history.jsonl")).unwrap();
    assert_eq!(history.lines().count(), 1);
    let line: serde_json::Value = serde_json::from_str(history.lines().next().unwrap()).unwrap();
    assert_eq!(line["questions"], result["questions"]);
}

#[test]
fn end_of_input_saves_a_valid_partial_result() {
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let three: String = answer_lines(&bank, 4, |_| false)
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    let quiz = Quiz::new();
    let dir = quiz.path().join("class");
    let run = quiz
        .args([
            "play",
            &path.display().to_string(),
            "--seed",
            "4",
            "--name",
            "Bo",
        ])
        .args(["--results", &format!("{}/", dir.display())])
        .stdin(&three)
        .run()
        .code(130);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("bo-") && name.ends_with(".json"), "{name}");
    let result = read_json(&files[0]);
    assert_eq!(result["interrupted"], true);
    assert_eq!(result["questions"].as_array().unwrap().len(), 3);
    assert!(run.stdout.contains("Stopped early"));
}

#[test]
fn a_session_with_no_answers_leaves_no_history() {
    let path = fixture("banks/all-kinds.json").display().to_string();
    let run = Quiz::new().args(["play", &path]).run().code(130);
    assert!(!run.dir.path().join("data/history.jsonl").exists());
}

#[test]
fn an_unwritable_results_path_is_an_error_before_the_first_question() {
    let path = fixture("banks/all-kinds.json").display().to_string();
    let run = Quiz::new()
        .args(["play", &path, "--results", "/nonexistent/dir/r.json"])
        .run()
        .code(1)
        .stderr_has("error: /nonexistent/dir/r.json: ");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn bare_termquiz_takes_play_options_and_banks() {
    let path = fixture("banks/all-kinds.json").display().to_string();
    Quiz::new()
        .args(["-n", "2", "--seed", "1"])
        .run()
        .code(130)
        .stdout_has("Soundtrack vs Cast Recording — 2 of ");
    Quiz::new()
        .args([path.as_str(), "-n", "1"])
        .run()
        .code(130)
        .stdout_has("All kinds — 1 of 7 questions");
}

#[test]
fn a_mistyped_command_is_a_usage_error_with_a_suggestion() {
    Quiz::new().args(["lsit"]).run().code(2).stderr_has(
        "error: 'lsit' is neither a command nor a bank file; did you mean `termquiz list`?",
    );
}

#[test]
fn sigterm_while_waiting_for_a_line_saves_the_partial_result() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let path = fixture("banks/all-kinds.json");
    let bank = bank::load_file(&path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let result = dir.path().join("partial.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args([
            "play",
            path.to_str().unwrap(),
            "--seed",
            "6",
            "--results",
            result.to_str().unwrap(),
        ])
        .env("TERMQUIZ_DATA_DIR", dir.path().join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let first = answer_lines(&bank, 6, |_| false)
        .lines()
        .next()
        .unwrap()
        .to_string();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{first}").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(
        output.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&result).unwrap()).unwrap();
    assert_eq!(saved["interrupted"], true);
    assert_eq!(saved["questions"].as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Stopped early"));
}
