//! Several termquiz processes on one data dir, bank or results folder: nothing is lost.
//! Real processes, started together, repeated (`TERMQUIZ_TRIALS` asks for more trials).
#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

fn trials(default: usize) -> usize {
    std::env::var("TERMQUIZ_TRIALS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(default)
}

/// Starts termquiz with its answers already written to stdin.
fn start(args: &[&str], data: &Path, stdin: &str) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args(args)
        .env("TERMQUIZ_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn termquiz");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    child
}

fn finish(child: Child) -> (i32, String) {
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// A bank of `n` number questions `{prefix}0…`, answered by typing their index.
fn number_bank(title: &str, prefix: &str, n: usize) -> String {
    let questions: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "{prefix}{i}", "kind": "number", "prompt": "Type {i}", "answer": {i}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"title": "{title}", "questions": [{}]}}"#,
        questions.join(",")
    )
}

fn answers(n: usize) -> String {
    (0..n).map(|i| format!("{i}\n")).collect()
}

fn cards(data: &Path) -> serde_json::Map<String, serde_json::Value> {
    let text = std::fs::read(data.join("review.json")).unwrap();
    let state: serde_json::Value = serde_json::from_slice(&text).unwrap();
    state["cards"].as_object().unwrap().clone()
}

#[test]
fn two_reviews_at_once_keep_every_card() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    std::fs::write(&a, number_bank("Bank A", "a", 10)).unwrap();
    std::fs::write(&b, number_bank("Bank B", "b", 10)).unwrap();
    for trial in 0..trials(5) {
        let data = dir.path().join(format!("data{trial}"));
        let children = [&a, &b].map(|bank| {
            let args = ["review", bank.to_str().unwrap(), "--new", "50"];
            start(&args, &data, &answers(10))
        });
        for child in children {
            let (code, out) = finish(child);
            assert_eq!(code, 0, "{out}");
        }
        assert_eq!(cards(&data).len(), 20, "trial {trial}: cards lost");
    }
}

#[test]
fn two_reviews_of_one_bank_at_once_keep_every_review() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("a.json");
    std::fs::write(&bank, number_bank("Bank A", "a", 10)).unwrap();
    for trial in 0..trials(5) {
        let data = dir.path().join(format!("data{trial}"));
        let children = [0, 1].map(|_| {
            let args = ["review", bank.to_str().unwrap(), "--new", "50"];
            start(&args, &data, &answers(10))
        });
        // A session that starts later finds some cards already reviewed (not due): every
        // answer given must still be in the state.
        let mut answered = 0;
        for child in children {
            let (code, out) = finish(child);
            assert_eq!(code, 0, "{out}");
            answered += reviewed_count(&out);
        }
        let reps: u64 = cards(&data)
            .values()
            .map(|c| c["reps"].as_u64().unwrap())
            .sum();
        assert_eq!(reps, answered, "trial {trial}: reviews lost");
    }
}

/// The N of "Reviewed N ·" at the end of a review.
fn reviewed_count(out: &str) -> u64 {
    let at = out.find("Reviewed ").expect("a review summary") + "Reviewed ".len();
    let digits: String = out[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap()
}

const ADD_BANK: &str = r#"{
  "title": "Adds",
  "questions": [
    {"id": "first", "kind": "true_false", "prompt": "First?", "answer": true}
  ]
}
"#;

/// The plain-mode answers that make `add` append a single-choice question with `id`.
fn add_answers(id: &str) -> String {
    // kind, prompt, id, answer, wrong choices, explanation, hint, source, tags, difficulty,
    // points, time limit, confirm
    format!("single\nQuestion {id}?\n{id}\nright\nwrong\n\n\n\n\n\n1\n\n\n\n")
}

fn ids(bank: &Path) -> Vec<String> {
    let text = std::fs::read(bank).unwrap();
    termquiz::bank::parse("bank", &text)
        .unwrap()
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect()
}

#[test]
fn two_adds_at_once_keep_both_questions() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.json");
    for trial in 0..trials(5) {
        std::fs::write(&bank, ADD_BANK).unwrap();
        let children = ["one", "two"].map(|id| {
            let args = ["add", bank.to_str().unwrap()];
            start(&args, &dir.path().join("data"), &add_answers(id))
        });
        for child in children {
            let (code, out) = finish(child);
            assert_eq!(code, 0, "{out}");
        }
        let mut got = ids(&bank);
        got.sort();
        assert_eq!(got, ["first", "one", "two"], "trial {trial}");
    }
}

#[test]
fn an_edit_made_while_add_prompts_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.json");
    std::fs::write(&bank, ADD_BANK).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args(["add", bank.to_str().unwrap()])
        .env("TERMQUIZ_DATA_DIR", dir.path().join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"single\n").unwrap();
    input.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let edited = ADD_BANK.replace(
        r#"{"id": "first", "kind": "true_false", "prompt": "First?", "answer": true}"#,
        r#"{"id": "first", "kind": "true_false", "prompt": "First?", "answer": true},
    {"id": "edited", "kind": "true_false", "prompt": "Edited meanwhile?", "answer": true}"#,
    );
    std::fs::write(&bank, edited).unwrap();
    input
        .write_all(
            add_answers("late")
                .trim_start_matches("single\n")
                .as_bytes(),
        )
        .unwrap();
    drop(input);
    let (code, out) = finish(child);
    assert_eq!(code, 0, "{out}");
    assert_eq!(ids(&bank), ["first", "edited", "late"]);
    assert!(out.contains("(3 questions)"), "{out}");
}

const PLAY_BANK: &str = r#"{"title": "Play", "questions": [
  {"id": "q", "kind": "true_false", "prompt": "True?", "answer": true}
]}"#;

#[test]
fn ten_plays_with_one_name_in_one_second_keep_ten_results() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("play.json");
    std::fs::write(&bank, PLAY_BANK).unwrap();
    for trial in 0..trials(3) {
        let results = dir.path().join(format!("res{trial}"));
        let target = format!("{}/", results.display());
        let names = [
            "Same Name",
            "Same Name",
            "Same-Name",
            "same name",
            "Same Name",
        ];
        let children: Vec<Child> = (0..10)
            .map(|i| {
                let name = names[i % names.len()];
                let args = [
                    "play",
                    bank.to_str().unwrap(),
                    "--name",
                    name,
                    "--results",
                    &target,
                ];
                start(&args, &dir.path().join("data"), "t\n")
            })
            .collect();
        for child in children {
            let (code, out) = finish(child);
            assert_eq!(code, 0, "{out}");
            assert!(out.contains("Result saved to"), "{out}");
        }
        let files = std::fs::read_dir(&results).unwrap().count();
        assert_eq!(files, 10, "trial {trial}: results replaced each other");
    }
}

#[test]
fn non_latin_names_get_readable_result_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("play.json");
    std::fs::write(&bank, PLAY_BANK).unwrap();
    let results = dir.path().join("res");
    let target = format!("{}/", results.display());
    for name in ["张伟", "Мария", "Ἀλέξανδρος"] {
        let args = ["play", bank.to_str().unwrap(), "--name", name];
        let args = [&args[..], &["--results", &target]].concat();
        let (code, out) = finish(start(&args, &dir.path().join("data"), "t\n"));
        assert_eq!(code, 0, "{out}");
    }
    let mut names: Vec<String> = std::fs::read_dir(&results)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let stems: Vec<&str> = names.iter().map(|n| n.split('-').next().unwrap()).collect();
    assert_eq!(stems, ["alexandros", "mariia", "zhang"], "{names:?}");
}

#[test]
fn parallel_plays_leave_no_blank_lines_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("play.json");
    std::fs::write(&bank, PLAY_BANK).unwrap();
    let data = dir.path().join("data");
    let writers = trials(100).max(2) * 2;
    let children: Vec<Child> = (0..writers)
        .map(|_| start(&["play", bank.to_str().unwrap()], &data, "t\n"))
        .collect();
    for child in children {
        let (code, out) = finish(child);
        assert_eq!(code, 0, "{out}");
    }
    let history = std::fs::read_to_string(data.join("history.jsonl")).unwrap();
    let lines: Vec<&str> = history.split_terminator('\n').collect();
    assert_eq!(lines.len(), writers, "one line per session");
    assert!(
        lines
            .iter()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()),
        "every line whole"
    );
}
