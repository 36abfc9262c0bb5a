//! `termquiz add`: plain mode (piped stdin), each entry checked as typed, and the terminal (PTY).

mod appends;
mod entries;
#[cfg(unix)]
mod pty;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use termquiz::bank;

pub const BANK: &str = "{\n  \"title\": \"Mine\",\n  \"questions\": [\n    {\"id\": \"old\", \"kind\": \"true_false\",   \"prompt\": \"Kept as written?\", \"answer\": true}\n  ]\n}\n";

pub fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

pub fn bank_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("bank.json");
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `add` with `stdin` and returns the file text afterwards.
pub fn add(text: &str, stdin: &str) -> (assert_cmd::assert::Assert, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = bank_file(dir.path(), text);
    let assert = termquiz().arg("add").arg(&path).write_stdin(stdin).assert();
    let after = std::fs::read_to_string(&path).unwrap();
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temp files stay behind");
    (assert, after)
}

pub fn last_question(text: &str) -> bank::Question {
    bank::parse("bank.json", text.as_bytes())
        .unwrap()
        .questions
        .pop()
        .unwrap()
}

/// The answers after the kind's own fields when every optional field is left empty:
/// explanation, hint, source, tags, difficulty, points, time limit, and yes to the confirm.
pub const DEFAULTS: &str = "\n\n\n\n\n\n\n\n";
