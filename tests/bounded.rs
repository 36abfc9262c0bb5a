//! No input makes termquiz hang, read forever or work quadratically.
#![cfg(unix)]

mod common;

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use common::Quiz;

fn single_with_choices(n: usize) -> String {
    let wrong: Vec<String> = (0..n).map(|i| format!("\"w{i}\"")).collect();
    format!(
        r#"{{"title": "Big", "questions": [{{"id": "m", "kind": "single", "prompt": "p", "answer": "a", "wrong": [{}]}}]}}"#,
        wrong.join(",")
    )
}

#[test]
fn validate_dev_zero_is_refused_at_once() {
    let start = Instant::now();
    Quiz::new()
        .args(["validate", "/dev/zero"])
        .run()
        .code(1)
        .stderr_has("/dev/zero: is a device, not a regular file");
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_directory_or_a_link_to_dev_full_is_refused_where_a_bank_is_expected() {
    let quiz = Quiz::new();
    let link = quiz.path().join("full.json");
    std::os::unix::fs::symlink("/dev/full", &link).unwrap();
    quiz.args(["play", link.to_str().unwrap()])
        .run()
        .code(1)
        .stderr_has("is a device");
}

#[test]
fn a_bank_from_a_named_pipe_is_read() {
    let quiz = Quiz::new();
    let fifo = quiz.path().join("bank.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut pipe = std::fs::File::options()
            .write(true)
            .open(writer_path)
            .unwrap();
        pipe.write_all(single_with_choices(3).as_bytes()).unwrap();
    });
    quiz.args(["validate", fifo.to_str().unwrap()])
        .run()
        .code(0)
        .stdout_has("1 question");
    writer.join().unwrap();
}

#[test]
fn stats_with_a_fifo_history_does_not_hang() {
    let quiz = Quiz::new();
    let data = quiz.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let fifo = data.join("history.jsonl");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    quiz.args(["stats"])
        .run()
        .code(1)
        .stderr_has("history.jsonl: is a named pipe (FIFO), not a regular file");
}

#[test]
fn stats_with_a_history_linked_to_dev_full_is_refused() {
    let quiz = Quiz::new();
    let data = quiz.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink("/dev/full", data.join("history.jsonl")).unwrap();
    quiz.args(["stats"]).run().code(1).stderr_has("is a device");
}

#[test]
fn forty_thousand_choices_validate_in_linear_time() {
    let start = Instant::now();
    Quiz::new()
        .args(["validate"])
        .bank("big.json", &single_with_choices(40_000))
        .run()
        .code(0);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

/// A JSON list of `n` strings `"{prefix}0"`, `"{prefix}1"`…
fn numbered(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("\"{prefix}{i}\""))
        .collect::<Vec<_>>()
        .join(",")
}

/// Validates a bank of one multi question with these extra fields; it must pass well
/// within the time a quadratic check would need.
fn validate_one_big_multi(fields: &str) {
    let bank = format!(
        r#"{{"title": "Big", "questions": [{{"id": "m", "kind": "multi", "prompt": "p", {fields}}}]}}"#
    );
    let start = Instant::now();
    Quiz::new()
        .args(["validate"])
        .bank("big.json", &bank)
        .run()
        .code(0);
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_multi_with_100k_answers_and_100k_wrong_checks_overlap_in_linear_time() {
    let n = 100_000;
    validate_one_big_multi(&format!(
        r#""answers": [{}], "wrong": [{}]"#,
        numbered("a", n),
        numbered("w", n)
    ));
}

#[test]
fn a_multi_with_weights_on_100k_choices_validates_in_linear_time() {
    let n = 50_000;
    let weights: Vec<String> = (0..n)
        .map(|i| format!("\"a{i}\": {}, \"w{i}\": -1", 1.0 / n as f64))
        .collect();
    validate_one_big_multi(&format!(
        r#""answers": [{}], "wrong": [{}], "weights": {{{}}}"#,
        numbered("a", n),
        numbered("w", n),
        weights.join(",")
    ));
}

#[test]
fn an_order_question_with_200k_items_is_answered_and_graded() {
    let items: Vec<String> = (0..200_000).map(|i| format!("\"i{i}\"")).collect();
    let bank = format!(
        r#"{{"title": "Long", "questions": [{{"id": "o", "kind": "order", "prompt": "Sort", "items": [{}]}}]}}"#,
        items.join(",")
    );
    let answer: Vec<String> = (1..=200_000).map(|n| n.to_string()).collect();
    let start = Instant::now();
    Quiz::new()
        .args(["play", "--seed", "1"])
        .bank("long.json", &bank)
        .stdin(&format!("{}\n", answer.join(" ")))
        .run()
        .code(0)
        .stdout_has("Finished");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn grading_a_30k_character_typed_answer_is_quick() {
    // A long expected answer against a long typed one: a full edit-distance table would
    // be 30k × 30k cells.
    let bank = format!(
        r#"{{"title": "T", "questions": [{{"id": "t", "kind": "text", "prompt": "Type it", "answer": "{}"}}]}}"#,
        "photoplay ".repeat(3_000).trim_end()
    );
    let start = Instant::now();
    Quiz::new()
        .args(["play", "--seed", "1"])
        .bank("t.json", &bank)
        .stdin(&format!("{}\n", "fotoplays ".repeat(3_000)))
        .run()
        .code(0);
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
}
