//! Every command example in README.md runs as shown: each `termquiz …` or `printf … |
//! termquiz …` line of a `sh` block, in a temp dir holding the files the examples name.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

/// The example lines of the README's `sh` blocks, without their trailing comments.
fn examples(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_sh = trimmed == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let command = trimmed.split("  #").next().unwrap_or("").trim();
        if command.starts_with("termquiz") || command.starts_with("printf") {
            out.push(command.to_string());
        }
    }
    out
}

/// Commands that talk over the network are not run here.
fn skipped(command: &str) -> bool {
    command.starts_with("termquiz host") || command.starts_with("termquiz join")
}

/// Commands that ask questions: with no input they stop like Ctrl-C (130).
fn asks(command: &str) -> bool {
    let words: Vec<&str> = command.split_whitespace().collect();
    let sub = words.get(1).copied().unwrap_or("");
    !command.starts_with("printf")
        && (words.len() == 1 || sub.starts_with('-') || ["play", "review", "add"].contains(&sub))
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

/// The files the examples name, from the repository's banks and fixtures.
fn workspace(dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let default = root.join("questions/soundtrack-vs-cast.json");
    let fixture = common::fixture;
    for name in [
        "my-bank.json",
        "bank.json",
        "questions/soundtrack-vs-cast.json",
    ] {
        copy(&default, &dir.join(name));
    }
    copy(
        &fixture("banks/all-kinds.json"),
        &dir.join("questions/mine.json"),
    );
    copy(
        &fixture("import/gift-all-kinds.gift"),
        &dir.join("quiz.gift"),
    );
    copy(&fixture("import/latin1.gift"), &dir.join("old.gift"));
    copy(
        &fixture("moodle-xml/own-all-kinds.xml"),
        &dir.join("course-bank.xml"),
    );
    copy(&fixture("import/aiken-basic.txt"), &dir.join("exam.txt"));
    copy(
        &fixture("import/csv-all-kinds.csv"),
        &dir.join("questions.csv"),
    );
    copy(
        &fixture("import/quizlet-animals.txt"),
        &dir.join("animals.txt"),
    );
    copy(
        &fixture("import/quizlet-capitals-custom.txt"),
        &dir.join("capitals.txt"),
    );
    copy(&fixture("import/anki-capitals.txt"), &dir.join("deck.txt"));
    copy(
        &fixture("import/kahoot-template.xlsx"),
        &dir.join("kahoot-quiz.xlsx"),
    );
    copy(
        &fixture("import/blooket-template.csv"),
        &dir.join("blooket.csv"),
    );
    copy(
        &fixture("import/blackboard-all-types.txt"),
        &dir.join("blackboard.txt"),
    );
    copy(
        &fixture("import/opentdb-api.json"),
        &dir.join("trivia.json"),
    );
    for entry in std::fs::read_dir(fixture("results")).unwrap() {
        let path = entry.unwrap().path();
        // The README's report example reads a class folder where every file is whole.
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("broken"))
        {
            continue;
        }
        copy(&path, &dir.join("class").join(path.file_name().unwrap()));
    }
}

#[test]
fn every_readme_example_runs_as_shown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_termquiz"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let examples = examples(&readme);
    assert!(examples.len() > 20, "found only {examples:?}");
    let mut failures = Vec::new();
    for command in examples.iter().filter(|c| !skipped(c)) {
        // Each example gets fresh files, so examples that write do not meet each other.
        let dir = tempfile::tempdir().unwrap();
        workspace(dir.path());
        let output = Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("TERMQUIZ_DATA_DIR", dir.path().join("data"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let code = output.status.code().unwrap_or(-1);
        let fine = code == 0 || (code == 130 && asks(command));
        if !fine {
            failures.push(format!(
                "{command}\n  exit {code}\n  {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn readme_plain_mode_example_finishes_instead_of_exiting_130() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let plain = examples(&readme)
        .into_iter()
        .find(|c| c.starts_with("printf") && c.contains("termquiz play"))
        .expect("the README shows a piped play example");
    let bin = Path::new(env!("CARGO_BIN_EXE_termquiz"));
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new("sh")
        .arg("-c")
        .arg(&plain)
        .env(
            "PATH",
            format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
        )
        .env("TERMQUIZ_DATA_DIR", dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{plain}\n{stdout}");
    assert!(stdout.contains("Finished"), "{stdout}");
}

#[test]
fn readme_richer_answer_examples_validate() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme.find("### Richer answers").unwrap()..];
    let start = section.find("```json").unwrap() + "```json".len();
    let block = &section[start..start + section[start..].find("```").unwrap()];
    let questions: Vec<&str> = block.split("\n\n").map(str::trim).collect();
    let bank = format!(
        r#"{{"title": "README", "questions": [{}]}}"#,
        questions.join(",")
    );
    let parsed = termquiz::bank::parse("README.md", bank.as_bytes());
    assert_eq!(parsed.map(|b| b.questions.len()).ok(), Some(7));
}
