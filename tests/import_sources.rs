//! Aiken and Open Trivia DB sources other tools write: labels without a space, Chamilo's
//! extra lines, every Open Trivia DB encoding and its error codes.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::str::contains;
use termquiz::bank;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn import(name: &str, format: &str) -> (bank::Bank, String) {
    let output = termquiz()
        .current_dir(fixture(""))
        .args(["import", name, "--from", format])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    (bank::parse("out.json", &output.stdout).unwrap(), stderr)
}

/// What a player sees of each question: prompt, right answer, tags, difficulty.
fn seen(bank: &bank::Bank) -> Vec<(String, String, Vec<String>, String)> {
    bank.questions
        .iter()
        .map(|q| {
            (
                q.prompt.clone(),
                q.correct_answer_text(),
                q.tags.clone(),
                q.difficulty.to_string(),
            )
        })
        .collect()
}

#[test]
fn opentdb_every_encoding_reads_the_same_questions() {
    let (plain, _) = import("opentdb-url3986.json", "opentdb");
    let want = vec![
        (
            "What is H2O? (water & ice)".to_string(),
            "Water".to_string(),
            vec!["science-chemistry".to_string()],
            "easy".to_string(),
        ),
        (
            "The Sun is a star.".to_string(),
            "true".to_string(),
            vec!["general-knowledge".to_string()],
            "medium".to_string(),
        ),
    ];
    assert_eq!(seen(&plain), want);
    for name in ["opentdb-base64.json", "opentdb-url-legacy.json"] {
        let (bank, stderr) = import(name, "opentdb");
        assert_eq!(seen(&bank), want, "{name}");
        assert_eq!(stderr, format!("{name}: imported 2 questions, skipped 0\n"));
        let json = bank::raw::to_json(&bank);
        assert!(json.contains("Café+Milk"), "{name}: {json}");
    }
}

#[test]
fn opentdb_response_code_is_reported_with_its_meaning() {
    for (name, meaning) in [
        (
            "opentdb-response-code-1.json",
            "response_code 1: no results: the database has fewer questions than asked for; ask for fewer",
        ),
        (
            "opentdb-response-code-5.json",
            "response_code 5: rate limit: too many requests; each address may ask once every 5 seconds",
        ),
    ] {
        termquiz()
            .current_dir(fixture(""))
            .args(["import", name, "--from", "opentdb"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("error: {name}: {meaning}\n"));
    }
}

#[test]
fn opentdb_base64_is_no_longer_an_unknown_question_type() {
    termquiz()
        .current_dir(fixture(""))
        .args(["import", "opentdb-base64.json", "--from", "opentdb"])
        .assert()
        .success()
        .stderr(contains("imported 2 questions"));
}

#[test]
fn aiken_labels_without_a_space_and_chamilo_lines() {
    let (bank, stderr) = import("aiken-chamilo.txt", "aiken");
    assert_eq!(
        stderr,
        "aiken-chamilo.txt:12: note: SCORE: 2.5 is kept as 3 points (whole points only)\n\
         aiken-chamilo.txt:19: note: SCORE: zero left out; a score is a whole number from 1\n\
         aiken-chamilo.txt: imported 3 questions, skipped 0\n"
    );
    let got: Vec<_> = bank
        .questions
        .iter()
        .map(|q| (q.correct_answer_text(), q.explanation.clone(), q.points))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Mars".to_string(),
                Some("Iron oxide on its surface makes it look red.".to_string()),
                5
            ),
            ("4".to_string(), None, 3),
            ("Carbon dioxide".to_string(), None, 1),
        ]
    );
}
