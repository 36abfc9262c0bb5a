//! File names, typed answers and options come from strangers: every message escapes them.
#![cfg(unix)]

mod common;

use common::{Quiz, fixture};

const BANK: &str = r#"{"title": "T", "questions": [
  {"id": "q", "kind": "multi", "prompt": "Pick", "answers": ["a"], "wrong": ["b"], "tags": ["x"]}
]}"#;

/// A name that sets the clipboard to `rm -rf ~` (OSC 52), and one that forges a line.
const CLIPBOARD: &str = "x\u{1b}]52;c;cm0gLXJmIH4K\u{7}.json";
const FORGED: &str = "y\nerror: forged.json";

fn assert_no_raw_controls(what: &str, text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{what} carries a raw control: {text:?}"
    );
}

#[test]
fn validate_escapes_a_hostile_file_name_in_a_directory() {
    let quiz = Quiz::new();
    let dir = quiz.path().join("banks");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(CLIPBOARD), BANK).unwrap();
    std::fs::write(
        dir.join(format!("{FORGED}.json")),
        BANK.replace("\"q\"", "\"r\""),
    )
    .unwrap();
    let run = quiz
        .args(["validate", &dir.display().to_string()])
        .run()
        .code(0);
    assert_no_raw_controls("stdout", &run.stdout);
    assert!(
        run.stdout
            .contains("x\\u{1b}]52;c;cm0gLXJmIH4K\\u{7}.json: 1 question"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("y\\u{a}error: forged.json.json: 1 question"),
        "a newline in a name stays on its line: {}",
        run.stdout
    );
}

#[test]
fn diagnostics_escape_the_file_name() {
    let quiz = Quiz::new();
    let path = quiz.path().join(CLIPBOARD);
    std::fs::write(&path, "{").unwrap();
    let run = quiz
        .args(["validate", &path.display().to_string()])
        .run()
        .code(1);
    assert_no_raw_controls("stderr", &run.stderr);
    assert!(run.stderr.contains("x\\u{1b}]52"), "{}", run.stderr);
}

#[test]
fn read_and_empty_dir_errors_escape_the_path() {
    let quiz = Quiz::new();
    let missing = quiz.path().join(CLIPBOARD);
    let empty = quiz.path().join("e\u{1b}[2J");
    std::fs::create_dir(&empty).unwrap();
    let run = Quiz::new()
        .args(["validate", &missing.display().to_string()])
        .run()
        .code(1);
    assert_no_raw_controls("read error", &run.stderr);
    let run = Quiz::new()
        .args(["play", &empty.display().to_string()])
        .run()
        .code(1);
    assert_no_raw_controls("empty dir error", &run.stderr);
    assert!(run.stderr.contains("e\\u{1b}[2J"), "{}", run.stderr);
}

#[test]
fn file_and_store_errors_escape_the_path() {
    let quiz = Quiz::new();
    let bank = fixture("one/single.json").display().to_string();
    let hostile = quiz.path().join("no\u{1b}[31mdir").join("r.json");
    let out = Quiz::new()
        .args(["export", &bank, "--to", "gift", "-o"])
        .args([hostile.display().to_string()])
        .run()
        .code(1);
    assert_no_raw_controls("export -o error", &out.stderr);
    let run = Quiz::new()
        .args(["play", &bank, "--results", &hostile.display().to_string()])
        .stdin("a\n")
        .run();
    assert_no_raw_controls("result error", &run.stderr);
    assert_no_raw_controls("result stdout", &run.stdout);
}

#[test]
fn plain_mode_escapes_a_typed_token_that_is_not_a_choice() {
    let run = Quiz::new()
        .args(["play", "--seed", "1"])
        .bank("b.json", BANK)
        .stdin("\u{1b}]0;pwned\u{7}\na\n")
        .run()
        .code(0);
    assert_no_raw_controls("stdout", &run.stdout);
    assert!(run.stdout.contains("is not a choice"), "{}", run.stdout);
}

#[test]
fn tag_filter_is_escaped_in_no_questions_match() {
    let run = Quiz::new()
        .args(["play", "--tag", "\u{1b}[2Jnope"])
        .bank("b.json", BANK)
        .run()
        .code(2);
    assert_no_raw_controls("stderr", &run.stderr);
    assert!(run.stderr.contains("\\u{1b}[2Jnope"), "{}", run.stderr);
}

#[test]
fn bidi_overrides_are_rejected_but_rtl_marks_stay_allowed() {
    let marks = r#"{"title": "RTL", "questions": [
      {"id": "q", "kind": "text", "prompt": "\u05e9\u05dc\u05d5\u05dd\u200f 1?", "answer": "\u200eabc"}
    ]}"#;
    Quiz::new()
        .args(["validate"])
        .bank("rtl.json", marks)
        .run()
        .code(0);
    for bidi in ["\\u202a", "\\u202d", "\\u2066", "\\u2069"] {
        let bank = format!(
            r#"{{"title": "B", "questions": [{{"id": "q", "kind": "text", "prompt": "p{bidi}", "answer": "a"}}]}}"#
        );
        Quiz::new()
            .args(["validate"])
            .bank("b.json", &bank)
            .run()
            .code(1)
            .stderr_has("contains the control character");
    }
}

#[test]
fn stats_json_to_a_terminal_escapes_bank_titles() {
    use expectrl::{Eof, Expect, Session};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let line = r#"{"name":"","bank":"evil\u202e\u009b2J","started_at":"2026-03-01T08:00:00Z","finished_at":"2026-03-01T08:05:00Z","mode":"practice","seed":1,"score":1,"max_score":1,"interrupted":false,"questions":[{"id":"q","correct":true,"awarded":1,"points":1,"answer":"a","ms":1}]}"#;
    std::fs::write(data.join("history.jsonl"), format!("{line}\n")).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_termquiz"));
    cmd.args(["stats", "--format", "json"])
        .env("TERMQUIZ_DATA_DIR", &data);
    let mut pty = Session::spawn(cmd).expect("spawn in a pty");
    pty.set_expect_timeout(Some(std::time::Duration::from_secs(15)));
    let out = pty.expect(Eof).unwrap();
    let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(
        !out.contains('\u{202e}') && !out.contains('\u{9b}'),
        "raw bidi or C1 on the terminal: {out:?}"
    );
    assert!(out.contains("\\u{202e}"), "{out:?}");
}
