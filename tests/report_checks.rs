//! Numbers that cannot lie: report recomputes scores, scores against the whole session,
//! flags duplicates; failures keep their exit code through a closed pipe.
#![cfg(unix)]

mod common;

use std::process::{Command, Stdio};

use common::Quiz;

fn result(
    name: &str,
    score: f64,
    answers: &[(bool, f64)],
    session: Option<(usize, f64)>,
) -> String {
    let questions: Vec<String> = answers
        .iter()
        .enumerate()
        .map(|(i, (correct, awarded))| {
            format!(
                r#"{{"id": "q{i}", "correct": {correct}, "awarded": {awarded}, "points": 1, "answer": "a", "ms": 1000}}"#
            )
        })
        .collect();
    let max = answers.len();
    let session = session.map_or(String::new(), |(n, max)| {
        format!(r#""session_questions": {n}, "session_max": {max},"#)
    });
    format!(
        r#"{{"name": "{name}", "bank": "Class", "started_at": "2026-03-01T08:00:00Z",
        "finished_at": "2026-03-01T08:05:00Z", "mode": "exam", "seed": 1, "score": {score},
        "max_score": {max}, "interrupted": false, {session} "questions": [{}]}}"#,
        questions.join(",")
    )
}

fn write(dir: &std::path::Path, file: &str, json: &str) -> String {
    let path = dir.join(file);
    std::fs::write(&path, json).unwrap();
    path.display().to_string()
}

#[test]
fn a_tampered_score_is_recomputed_and_flagged() {
    let quiz = Quiz::new();
    let honest = write(
        quiz.path(),
        "ann.json",
        &result("Ann", 1.0, &[(true, 1.0), (false, 0.0)], None),
    );
    let tampered = write(
        quiz.path(),
        "mallory.json",
        &result("Mallory", 1000.0, &[(true, 1.0), (false, 0.0)], None),
    );
    let run = quiz
        .args(["report", &honest, &tampered])
        .run()
        .code(1)
        .stderr_has("mallory.json: its score 1000 disagrees with its answers (1)");
    let row = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Mallory"))
        .unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[1..4], ["1", "2", "50%"], "recomputed score: {row}");
    assert!(row.contains("disagrees"), "the table flags it: {row}");
    let csv = Quiz::new()
        .args(["report", "--format", "csv", &honest, &tampered])
        .run()
        .code(1);
    assert!(
        csv.stdout
            .contains("Mallory,1,2,50,300,no,its score 1000 disagrees"),
        "{}",
        csv.stdout
    );
}

#[test]
fn an_interrupted_student_is_scored_against_the_whole_session() {
    let quiz = Quiz::new();
    let quitter = write(
        quiz.path(),
        "q.json",
        &result("Quitter", 1.0, &[(true, 1.0)], Some((5, 5.0))),
    );
    let run = quiz.args(["report", &quitter]).run().code(0);
    let row = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Quitter"))
        .unwrap();
    assert!(row.contains("20%"), "1 of 5 is not 100%: {row}");
}

#[test]
fn results_record_the_session_question_count_and_maximum() {
    let bank = r#"{"title": "Three", "questions": [
      {"id": "a", "kind": "true_false", "prompt": "A", "answer": true},
      {"id": "b", "kind": "true_false", "prompt": "B", "answer": true, "points": 2},
      {"id": "c", "kind": "true_false", "prompt": "C", "answer": true}
    ]}"#;
    let quiz = Quiz::new();
    let target = quiz.path().join("r.json");
    let run = quiz
        .args(["play", "--seed", "1", "--results", target.to_str().unwrap()])
        .bank("three.json", bank)
        .stdin("t\n")
        .run()
        .code(130);
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(run.dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(saved["session_questions"], 3);
    assert_eq!(saved["session_max"], 4.0);
}

#[test]
fn the_same_student_twice_is_flagged() {
    let quiz = Quiz::new();
    let first = write(
        quiz.path(),
        "a1.json",
        &result("Ann Lee", 1.0, &[(true, 1.0)], None),
    );
    let again = write(
        quiz.path(),
        "a2.json",
        &result("ann lee ", 0.0, &[(false, 0.0)], None),
    );
    let run = quiz.args(["report", &first, &again]).run().code(0);
    let flagged = run
        .stdout
        .lines()
        .filter(|l| l.contains("2 results for this name"))
        .count();
    assert_eq!(flagged, 2, "{}", run.stdout);
}

/// Runs termquiz with its output closed from the start, as `… | head` that has quit.
fn exit_code_into_a_closed_pipe(args: &[&str]) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait().unwrap().code()
}

#[test]
fn report_into_a_closed_pipe_keeps_the_failure_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "a.json",
        &result("Ann", 1.0, &[(true, 1.0)], None),
    );
    let bad = write(dir.path(), "b.json", "{ not json");
    assert_eq!(
        exit_code_into_a_closed_pipe(&["report", &good, &bad]),
        Some(1)
    );
}

#[test]
fn validate_into_a_closed_pipe_keeps_the_failure_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let good = r#"{"title": "Good", "questions": [{"id": "g", "kind": "true_false", "prompt": "G", "answer": true}]}"#;
    write(dir.path(), "a-good.json", good);
    write(dir.path(), "b-bad.json", "{");
    let dir = dir.path().display().to_string();
    assert_eq!(exit_code_into_a_closed_pipe(&["validate", &dir]), Some(1));
}

#[test]
fn validate_checks_ids_across_the_files_given() {
    let bank = |title: &str| {
        format!(
            r#"{{"title": "{title}", "questions": [{{"id": "same", "kind": "true_false", "prompt": "P", "answer": true}}]}}"#
        )
    };
    let quiz = Quiz::new();
    let a = write(quiz.path(), "a.json", &bank("A"));
    let b = write(quiz.path(), "b.json", &bank("B"));
    quiz.args(["validate", &a, &b])
        .run()
        .code(1)
        .stderr_has("b.json: questions[0] (id \"same\"): id \"same\" is also used in");
}
