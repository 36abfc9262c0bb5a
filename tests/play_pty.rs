//! The real terminal front end, driven through a pseudo-terminal (expectrl).
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use termquiz::bank::{self, Kind};
use termquiz::engine::{Answer, SessionConfig, correct_answer};

const DOWN: &str = "\x1b[B";

const BANK: &str = r#"{"title": "PTY", "questions": [
  {"id": "pick", "kind": "single", "prompt": "Which label?", "answer": "Decca", "wrong": ["ABC", "Capitol", "Columbia"]},
  {"id": "several", "kind": "multi", "prompt": "Which types?", "answers": ["Video game", "Theme park"], "wrong": ["Dubbing"]},
  {"id": "typed", "kind": "text", "prompt": "Which magazine?", "answer": "Photoplay"},
  {"id": "last", "kind": "true_false", "prompt": "Last one?", "answer": true}
]}"#;

fn spawn(args: &[&str], data: &Path) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_termquiz"));
    cmd.args(args)
        .env("TERMQUIZ_DATA_DIR", data)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(15)));
    session
}

/// Reads to the end and checks a clean stop: the summary, the cursor shown, exit 130.
fn assert_stopped_cleanly(pty: &mut OsSession, what: &str) -> String {
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("Stopped early"), "{what}: {rest}");
    assert!(
        rest.contains("\x1b[?25h"),
        "{what}: the cursor was not shown again: {rest:?}"
    );
    let status = pty.get_process().wait().unwrap();
    assert_eq!(
        status,
        WaitStatus::Exited(pty.get_process().pid(), 130),
        "{what}"
    );
    rest
}

/// Starts `play` on the four-question bank in a temp dir.
fn spawn_on_bank(dir: &Path) -> OsSession {
    let bank_path = dir.join("pty.json");
    std::fs::write(&bank_path, BANK).unwrap();
    spawn(
        &["play", &bank_path.display().to_string(), "--seed", "4"],
        &dir.join("data"),
    )
}

/// The keys that give `answer` in dialoguer: arrows and space, then Enter.
fn keys(answer: &Answer) -> String {
    match answer {
        Answer::Choice(pos) => format!("{}\r", DOWN.repeat(*pos)),
        Answer::Choices(picks) => {
            let mut keys = String::new();
            let mut at = 0;
            let mut sorted = picks.clone();
            sorted.sort_unstable();
            for pick in sorted {
                keys.push_str(&DOWN.repeat(pick - at));
                keys.push(' ');
                at = pick;
            }
            keys + "\r"
        }
        Answer::Text(text) => format!("{text}\r"),
        other => panic!("not used here: {other:?}"),
    }
}

#[test]
fn answers_with_arrows_space_and_typing_then_esc_exits_130_with_cursor_shown() {
    let dir = tempfile::tempdir().unwrap();
    let bank_path = dir.path().join("pty.json");
    std::fs::write(&bank_path, BANK).unwrap();
    let bank = bank::load_file(&bank_path).unwrap();
    let mut engine = termquiz::engine::Session::new(
        &bank,
        SessionConfig {
            seed: 4,
            ..SessionConfig::default()
        },
    )
    .unwrap();

    let path = bank_path.display().to_string();
    let mut pty = spawn(&["play", &path, "--seed", "4"], &dir.path().join("data"));
    let mut answered = 0;
    while let Some(turn) = engine.current() {
        let q = turn.question;
        pty.expect(q.prompt.as_str()).unwrap();
        if matches!(q.kind, Kind::TrueFalse { .. }) {
            break;
        }
        let answer = correct_answer(q, turn.shown);
        // Give the prompt time to switch the terminal to raw mode.
        std::thread::sleep(Duration::from_millis(150));
        pty.send(keys(&answer)).unwrap();
        pty.expect("Right!").unwrap();
        engine.answer(Some(&answer), 1);
        answered += 1;
    }
    std::thread::sleep(Duration::from_millis(150));
    pty.send("\x1b").unwrap();
    let rest = assert_stopped_cleanly(&mut pty, "esc");
    assert!(
        rest.contains(&format!("{answered} of {answered} right")),
        "{rest}"
    );
}

#[test]
fn ctrl_c_in_a_prompt_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn_on_bank(dir.path());
    pty.expect("Question 1/4").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    pty.send("\x03").unwrap();
    assert_stopped_cleanly(&mut pty, "ctrl-c");
}

#[test]
fn sigterm_while_waiting_for_a_key_exits_130_with_cursor_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn_on_bank(dir.path());
    pty.expect("Question 1/4").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let pid = pty.get_process().pid().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    assert_stopped_cleanly(&mut pty, "sigterm");
}

#[test]
fn hostile_text_is_escaped_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Control characters are refused by validation; the refusal itself must be escaped.
    let controls = dir.path().join("controls.json");
    std::fs::write(
        &controls,
        r#"{"title": "t", "questions": [{"id": "x", "kind": "single", "prompt": "a\u001b[2Jb\rc\bd\u0007",
            "answer": "y\u001b]0;pwned\u0007", "wrong": ["z\u009b31m"]}]}"#,
    )
    .unwrap();
    let mut pty = spawn(
        &["play", &controls.display().to_string()],
        &dir.path().join("data"),
    );
    let out = pty.expect(Eof).unwrap();
    let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(out.contains("control character U+001B"), "{out}");
    for raw in ["\x1b[2J", "\x1b]0;", "\u{9b}", "\x07", "\x08"] {
        assert!(!out.contains(raw), "{raw:?} reached the terminal: {out:?}");
    }

    // Bidi overrides are refused like other control characters; the refusal is escaped.
    let bidi = dir.path().join("bidi.json");
    std::fs::write(
        &bidi,
        r#"{"title": "Bidi\u202e", "questions": [{"id": "x", "kind": "single", "prompt": "Pick\u202e one\u2066",
            "answer": "right\u202d", "wrong": ["left\u2067"], "explanation": "why\u202a", "tags": ["t\u2069"]}]}"#,
    )
    .unwrap();
    let path = bidi.display().to_string();
    for args in [
        vec!["play", path.as_str(), "--seed", "1"],
        vec!["list", path.as_str()],
    ] {
        let mut pty = spawn(&args, &dir.path().join("data"));
        let out = pty.expect(Eof).unwrap();
        let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
        for raw in [
            '\u{202e}', '\u{2066}', '\u{202d}', '\u{2067}', '\u{202a}', '\u{2069}',
        ] {
            assert!(
                !out.contains(raw),
                "{raw:?} reached the terminal in {args:?}: {out:?}"
            );
        }
        assert!(out.contains("U+202E"), "{args:?}: {out}");
    }
}

/// The one-question fixture banks, one per kind (`tests/fixtures/one/KIND.json`).
fn one_question_banks() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one");
    let mut banks: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                p.display().to_string(),
            )
        })
        .collect();
    banks.sort();
    assert_eq!(banks.len(), 7);
    banks
}

#[test]
fn every_kind_of_prompt_stops_on_ctrl_c_and_esc() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, path) in one_question_banks() {
        // dialoguer's text input ignores Esc; Ctrl-C works everywhere.
        let esc_quits = kind != "text" && kind != "number";
        let keys: &[&str] = if esc_quits {
            &["\x03", "\x1b"]
        } else {
            &["\x03"]
        };
        for key in keys {
            let mut pty = spawn(&["play", &path, "--seed", "1"], &dir.path().join("data"));
            pty.expect("Only question").unwrap();
            std::thread::sleep(Duration::from_millis(200));
            pty.send(*key).unwrap();
            assert_stopped_cleanly(&mut pty, &format!("{kind} {key:?}"));
        }
    }
}

#[test]
fn data_printed_to_a_terminal_is_escaped_but_pipes_stay_exact() {
    // Bank text can no longer hold bidi overrides; a history line still can.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let line = r#"{"name":"","bank":"Pick\u202e one","started_at":"2026-03-01T08:00:00Z","finished_at":"2026-03-01T08:05:00Z","mode":"practice","seed":1,"score":1,"max_score":1,"interrupted":false,"questions":[{"id":"q","correct":true,"awarded":1,"points":1,"answer":"a","ms":1}]}"#;
    std::fs::write(data.join("history.jsonl"), format!("{line}\n")).unwrap();
    let args = ["stats", "--format", "json"];
    let mut pty = spawn(&args, &data);
    let out = pty.expect(Eof).unwrap();
    let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(
        !out.contains('\u{202e}') && out.contains("Pick\\u{202e} one"),
        "{out:?}"
    );
    let piped = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args(args)
        .env("TERMQUIZ_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&piped.stdout).contains("Pick\u{202e} one"),
        "a pipe gets the exact text"
    );
}
