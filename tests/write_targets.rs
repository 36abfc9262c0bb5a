//! Where results and banks are written: checked before the first question, never a device,
//! never an input, through symlinks; one failing store never takes another with it.
#![cfg(unix)]

mod common;

use std::io::Write;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::Quiz;

const BANK: &str = r#"{"title": "Two", "questions": [
  {"id": "one", "kind": "true_false", "prompt": "First statement", "answer": true},
  {"id": "two", "kind": "true_false", "prompt": "Second statement", "answer": true}
]}"#;

fn spawn(args: &[&str], data: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args(args)
        .env("TERMQUIZ_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn history_lines(data: &Path) -> usize {
    std::fs::read_to_string(data.join("history.jsonl"))
        .map(|h| h.lines().count())
        .unwrap_or(0)
}

#[test]
fn a_typo_in_the_results_directory_fails_before_the_first_question() {
    let quiz = Quiz::new();
    let target = quiz.path().join("no-such-dir").join("me.json");
    let run = quiz
        .args(["play", "--results", target.to_str().unwrap()])
        .bank("two.json", BANK)
        .stdin("t\nt\n")
        .run()
        .code(1)
        .stderr_has("no-such-dir/me.json: no such file or directory; check the name");
    assert!(
        !run.stdout.contains("First statement"),
        "the exam was asked before the failure: {}",
        run.stdout
    );
}

#[test]
fn results_to_a_fifo_or_device_are_refused_before_the_first_question() {
    let quiz = Quiz::new();
    let fifo = quiz.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut targets = vec![fifo.clone()];
    // As root, a device node of our own shows what /dev/null would suffer.
    let null = quiz.path().join("null");
    let made = Command::new("mknod")
        .args([null.to_str().unwrap(), "c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made {
        targets.push(null.clone());
    }
    for target in &targets {
        let run = Quiz::new()
            .args(["play", "--results", target.to_str().unwrap()])
            .bank("two.json", BANK)
            .stdin("t\nt\n")
            .run()
            .code(1)
            .stderr_has("not a regular file");
        assert!(
            !run.stdout.contains("First statement") && !run.stdout.contains("Second statement"),
            "refused before the first question: {}",
            run.stdout
        );
        let kind = std::fs::symlink_metadata(target).unwrap().file_type();
        assert!(
            kind.is_fifo() || kind.is_char_device(),
            "{target:?} was replaced"
        );
    }
}

#[test]
fn results_naming_the_bank_being_played_are_refused_and_the_bank_kept() {
    let quiz = Quiz::new();
    let bank = quiz.path().join("two.json");
    std::fs::write(&bank, BANK).unwrap();
    let _run = quiz
        .args(["play", bank.to_str().unwrap(), "--results"])
        .args([bank.to_str().unwrap()])
        .stdin("t\nt\n")
        .run()
        .code(2)
        .stderr_has("an input of this command");
    assert_eq!(std::fs::read_to_string(&bank).unwrap(), BANK);
}

#[test]
fn import_and_export_output_naming_their_input_are_refused() {
    let quiz = Quiz::new();
    let gift = quiz.path().join("q.gift");
    let gift_text = "::q1:: 2+2? {=4 ~5}\n";
    std::fs::write(&gift, gift_text).unwrap();
    let bank = quiz.path().join("two.json");
    std::fs::write(&bank, BANK).unwrap();
    let link = quiz.path().join("link.json");
    std::os::unix::fs::symlink(&bank, &link).unwrap();
    Quiz::new()
        .args(["import", gift.to_str().unwrap(), "--from", "gift", "-o"])
        .args([gift.to_str().unwrap()])
        .run()
        .code(2)
        .stderr_has("an input of this command");
    Quiz::new()
        .args(["export", bank.to_str().unwrap(), "--to", "gift", "-o"])
        .args([link.to_str().unwrap()])
        .run()
        .code(2)
        .stderr_has("an input of this command");
    assert_eq!(std::fs::read_to_string(&gift).unwrap(), gift_text);
    assert_eq!(std::fs::read_to_string(&bank).unwrap(), BANK);
}

#[test]
fn add_on_a_symlinked_bank_writes_through_the_link() {
    let quiz = Quiz::new();
    let real = quiz.path().join("real.json");
    std::fs::write(&real, BANK).unwrap();
    let link = quiz.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let _run = quiz
        .args(["add", link.to_str().unwrap()])
        .stdin("single\nNew one?\nnew-one\nright\nwrong\n\n\n\n\n\n1\n\n\n\n")
        .run()
        .code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was cut"
    );
    assert!(std::fs::read_to_string(&real).unwrap().contains("new-one"));
}

#[test]
fn results_to_a_symlink_write_through_the_link() {
    let quiz = Quiz::new();
    std::fs::create_dir(quiz.path().join("real")).unwrap();
    let link = quiz.path().join("link.json");
    std::os::unix::fs::symlink("real/me.json", &link).unwrap();
    let real = quiz.path().join("real/me.json");
    let _run = quiz
        .args(["play", "--results", link.to_str().unwrap()])
        .bank("two.json", BANK)
        .stdin("t\nt\n")
        .run()
        .code(0);
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    let saved = std::fs::read_to_string(&real).unwrap();
    assert!(saved.contains("\"score\": 2"), "{saved}");
}

#[test]
fn an_existing_result_file_is_never_replaced() {
    let quiz = Quiz::new();
    let target = quiz.path().join("me.json");
    std::fs::write(&target, "teacher's notes").unwrap();
    let run = quiz
        .args(["play", "--results", target.to_str().unwrap()])
        .bank("two.json", BANK)
        .stdin("t\nt\n")
        .run()
        .code(0)
        .stdout_has("me-2.json");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "teacher's notes");
    assert!(run.dir.path().join("me-2.json").exists());
}

#[test]
fn a_result_that_cannot_be_written_goes_to_the_data_dir_and_history_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("two.json");
    std::fs::write(&bank, BANK).unwrap();
    let results = dir.path().join("res");
    std::fs::create_dir(&results).unwrap();
    let target = results.join("me.json");
    let data = dir.path().join("data");
    let args = [
        "play",
        bank.to_str().unwrap(),
        "--results",
        target.to_str().unwrap(),
    ];
    let mut child = spawn(&args, &data);
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"t\n").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    // The folder goes away mid-exam (a USB stick pulled, a typo'd cleanup script).
    std::fs::remove_dir_all(&results).unwrap();
    input.write_all(b"t\n").unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("res/me.json"), "{stderr}");
    assert_eq!(history_lines(&data), 1, "history kept");
    let fallback: Vec<_> = std::fs::read_dir(data.join("results")).unwrap().collect();
    assert_eq!(fallback.len(), 1, "the result went to the data dir");
    assert!(
        stdout.contains("/data/results/") && stdout.contains("instead"),
        "{stdout}"
    );
}

#[test]
fn play_into_a_closed_pipe_saves_as_interrupted_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("two.json");
    std::fs::write(&bank, BANK).unwrap();
    let results = format!("{}/", dir.path().join("res").display());
    let data = dir.path().join("data");
    let mut child = spawn(
        &["play", bank.to_str().unwrap(), "--results", &results],
        &data,
    );
    drop(child.stdout.take()); // `| head` that has already quit
    child.stdin.take().unwrap().write_all(b"t\nt\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("res")).unwrap().collect();
    assert_eq!(saved.len(), 1, "the result is saved");
    let path = saved.into_iter().next().unwrap().unwrap().path();
    let record: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(record["interrupted"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Result saved to"));
}

#[test]
fn sigterm_while_stdout_is_blocked_saves_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "long ".repeat(40_000);
    let bank = format!(
        r#"{{"title": "Blocked", "questions": [
        {{"id": "a", "kind": "true_false", "prompt": "Short", "answer": true}},
        {{"id": "b", "kind": "true_false", "prompt": "{huge}", "answer": true}}]}}"#
    );
    let path = dir.path().join("blocked.json");
    std::fs::write(&path, bank).unwrap();
    let data = dir.path().join("data");
    let results = format!("{}/", dir.path().join("res").display());
    let mut child = spawn(
        &[
            "play",
            path.to_str().unwrap(),
            "--seed",
            "1",
            "--results",
            &results,
        ],
        &data,
    );
    // Nobody reads stdout: the 200 kB prompt fills the pipe and the write blocks.
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"t\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "termquiz hangs after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(130));
    let saved = std::fs::read_dir(dir.path().join("res")).map_or(0, Iterator::count);
    assert_eq!(saved, 1, "the result is saved");
    drop(input);
}

/// Number questions answered by typing their index.
fn number_bank(n: usize) -> String {
    let questions: Vec<String> = (0..n)
        .map(|i| {
            format!(r#"{{"id": "n{i}", "kind": "number", "prompt": "Type {i}", "answer": {i}}}"#)
        })
        .collect();
    format!(
        r#"{{"title": "Numbers", "questions": [{}]}}"#,
        questions.join(",")
    )
}

#[test]
fn review_stops_at_the_first_failed_save() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("n.json");
    std::fs::write(&bank, number_bank(4)).unwrap();
    let data = dir.path().join("data");
    let mut child = spawn(&["review", bank.to_str().unwrap()], &data);
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"0\n").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    // The data dir becomes unwritable (here: a file where the folder was).
    std::fs::remove_dir_all(&data).unwrap();
    std::fs::write(&data, "").unwrap();
    input.write_all(b"1\n2\n3\n").unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        !stdout.contains("Type 2") && !stdout.contains("Type 3"),
        "questions asked after a failed save: {stdout}"
    );
}

#[test]
fn interrupted_plain_review_writes_its_history_line() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("n.json");
    std::fs::write(&bank, number_bank(3)).unwrap();
    let data = dir.path().join("data");
    let mut child = spawn(&["review", bank.to_str().unwrap()], &data);
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"0\n").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(history_lines(&data), 1, "the review's history line");
    drop(input);
}
