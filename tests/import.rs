//! `termquiz import`: every fixture in tests/fixtures/import, exact notes, exit codes, output files.

use std::fmt::Write as _;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use termquiz::bank;
use termquiz::bank::{Number, Single, TrueFalse};

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

/// Imports a fixture (run from its directory so notes name it briefly) and parses the bank.
fn import(name: &str, format: &str, extra: &[&str]) -> (bank::Bank, String) {
    let output = termquiz()
        .current_dir(fixture(""))
        .args(["import", name, "--from", format])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bank = bank::parse("out.json", &output.stdout).unwrap();
    (bank, String::from_utf8(output.stderr).unwrap())
}

fn kinds(bank: &bank::Bank) -> Vec<&str> {
    bank.questions.iter().map(|q| q.kind.name()).collect()
}

#[test]
fn gift_all_kinds_imports_every_construct() {
    let (bank, stderr) = import("gift-all-kinds.gift", "gift", &[]);
    assert_eq!(
        stderr,
        "gift-all-kinds.gift: imported 12 questions, skipped 0\n"
    );
    assert_eq!(bank.title, "gift-all-kinds");
    let expected = [
        "single",
        "multi",
        "true_false",
        "true_false",
        "text",
        "number",
        "number",
        "number",
        "match",
        "single",
        "single",
        "single",
    ];
    assert_eq!(kinds(&bank), expected);
    let by_id = |id: &str| bank.questions.iter().find(|q| q.id == id).unwrap();
    assert_eq!(
        by_id("first-soundtrack").explanation,
        None,
        "a right answer's feedback is its own, not the explanation"
    );
    let bank::Kind::Single(first) = &by_id("first-soundtrack").kind else {
        panic!("single")
    };
    assert_eq!(
        first.feedback.get("Snow White and the Seven Dwarfs"),
        Some("Yes, in 1937.")
    );
    assert_eq!(
        by_id("first-soundtrack").tags,
        ["music", "film-scores", "music/film-scores"]
    );
    assert_eq!(
        by_id("range").kind,
        bank::Kind::Number(Number {
            answer: 5.0,
            tolerance: 1.0,
            ..Number::default()
        })
    );
    assert_eq!(by_id("gap").prompt, "The _____ sat on the mat.");
    assert_eq!(
        by_id("escapes").prompt,
        "Escaped specials: 1 = 1, {braces}, a ~ tilde and #hash?"
    );
    assert_eq!(by_id("primes").prompt, "Which of these are prime?");
    assert_eq!(
        bank.questions[11].prompt,
        "A question without a title that spans\ntwo lines?"
    );
}

#[test]
fn gift_skipped_items_are_reported_with_their_lines() {
    let (bank, stderr) = import("gift-skipped.gift", "gift", &[]);
    let expected = "\
gift-skipped.gift:2: skipped: essay questions have no answer to grade
gift-skipped.gift:4: skipped: a description without {…} answers has nothing to ask
gift-skipped.gift:6: skipped: '{' is not closed; add '}' after the answers
gift-skipped.gift:10: skipped: no right answer; mark one with '=' or give it a positive %weight%
gift-skipped.gift:14: skipped: bad weight '%abc%'; use a percentage from -100 to 100 like %50%
gift-skipped.gift:17: skipped: the answer 'same' is written twice; remove one
gift-skipped.gift:19: skipped: bad number 'lots'; write {#answer}, {#answer:tolerance} or {#min..max}
gift-skipped.gift: imported 1 question, skipped 7
";
    assert_eq!(stderr, expected);
    assert_eq!(bank.questions[0].id, "ok");
}

#[test]
fn nothing_imported_exits_1_naming_the_file() {
    for (name, note) in [
        (
            "gift-unclosed-brace.gift",
            "gift-unclosed-brace.gift:1: skipped: '{' is not closed; add '}' after the answers",
        ),
        (
            "gift-essay-only.gift",
            "gift-essay-only.gift:1: skipped: essay questions have no answer to grade",
        ),
    ] {
        termquiz()
            .current_dir(fixture(""))
            .args(["import", name, "--from", "gift"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(note))
            .stderr(contains(format!(
                "error: {name}: nothing could be imported (1 item skipped)"
            )));
    }
}

#[test]
fn latin1_needs_the_flag_and_then_converts() {
    termquiz()
        .current_dir(fixture(""))
        .args(["import", "latin1.gift", "--from", "gift"])
        .assert()
        .code(1)
        .stderr("error: latin1.gift: not valid UTF-8 at byte 21; try --encoding latin1\n");
    let (bank, _) = import("latin1.gift", "gift", &["--encoding", "latin1"]);
    assert_eq!(bank.questions[0].prompt, "Café or thé?");
    assert_eq!(
        bank.questions[0].kind,
        bank::Kind::Single(Single {
            answer: "café".into(),
            wrong: vec!["thé".into()],
            ..Single::default()
        })
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let (bank, _) = import("gift-bom-crlf.gift", "gift", &["--title", "Windows"]);
    assert_eq!(bank.title, "Windows");
    assert_eq!(bank.questions[0].id, "win");
    assert_eq!(bank.questions[0].prompt, "Saved on Windows?");
}

#[test]
fn aiken_imports_both_option_styles() {
    let (bank, stderr) = import("aiken-basic.txt", "aiken", &[]);
    assert_eq!(stderr, "aiken-basic.txt: imported 2 questions, skipped 0\n");
    assert_eq!(
        bank.questions[1].kind,
        bank::Kind::Single(Single {
            answer: "Mars".into(),
            wrong: vec!["Venus".into(), "Jupiter".into()],
            ..Single::default()
        })
    );
}

#[test]
fn aiken_missing_answer_is_skipped() {
    let (bank, stderr) = import("aiken-missing-answer.txt", "aiken", &[]);
    assert!(
        stderr.starts_with(
            "aiken-missing-answer.txt:1: skipped: no 'ANSWER: X' line after the options\n"
        ),
        "{stderr}"
    );
    assert_eq!(bank.questions.len(), 1);
}

#[test]
fn aiken_bad_letter_is_skipped_and_fails_when_alone() {
    termquiz()
        .current_dir(fixture(""))
        .args(["import", "aiken-bad-letter.txt", "--from", "aiken"])
        .assert()
        .code(1)
        .stderr(contains(
            "aiken-bad-letter.txt:4: skipped: ANSWER: D is not among the options A, B\n",
        ));
}

#[test]
fn opentdb_api_response_decodes_entities() {
    let (bank, stderr) = import("opentdb-api.json", "opentdb", &[]);
    assert!(
        stderr.contains(
            "opentdb-api.json:20: skipped: \"answer\" also appears in \"wrong\": \"Queen\""
        ),
        "{stderr}"
    );
    let q = &bank.questions[0];
    assert_eq!(q.id, "which-band-released-bohemian-rhapsody");
    assert_eq!(q.prompt, "Which band released \"Bohemian Rhapsody\"?");
    assert_eq!(q.tags, ["entertainment-music"]);
    assert_eq!(q.difficulty, bank::Difficulty::Easy);
    let tf = &bank.questions[1];
    assert_eq!(
        (tf.prompt.as_str(), &tf.kind),
        (
            "Café au lait contains milk.",
            &bank::Kind::TrueFalse(TrueFalse {
                answer: true,
                ..TrueFalse::default()
            })
        )
    );
    assert_eq!(
        (tf.tags[0].as_str(), tf.difficulty),
        ("science-nature", bank::Difficulty::Hard)
    );
}

#[test]
fn opentdb_array_gets_stable_unique_ids() {
    let (bank, _) = import("opentdb-array.json", "opentdb", &[]);
    let ids: Vec<_> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "the-berlin-wall-fell-in-1989",
            "the-berlin-wall-fell-in-1989-2",
            "who-painted-the-mona-lisa"
        ]
    );
    assert!(
        matches!(&bank.questions[2].kind, bank::Kind::Single(Single { wrong, .. }) if wrong[1] == "Raphaël")
    );
}

#[test]
fn opentdb_bad_json_has_line_and_column() {
    termquiz()
        .current_dir(fixture(""))
        .args(["import", "opentdb-bad-json.json", "--from", "opentdb"])
        .assert()
        .code(1)
        .stderr("error: opentdb-bad-json.json:4:24: key must be a string\n");
}

#[test]
fn unreadable_file_names_it() {
    termquiz()
        .args(["import", "no-such-file.gift", "--from", "gift"])
        .assert()
        .code(1)
        .stderr(contains("error: no-such-file.gift: "));
}

#[test]
fn output_file_is_written_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bank.json");
    termquiz()
        .args([
            "import",
            fixture("aiken-basic.txt").to_str().unwrap(),
            "--from",
            "aiken",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    termquiz()
        .arg("validate")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("2 questions, 1 kind"));
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temp files stay behind");
}

#[test]
fn thousands_of_generated_gift_questions_all_import() {
    let mut text = String::new();
    for i in 0..3000 {
        let _ = match i % 6 {
            0 => writeln!(
                text,
                "::q{i}::Question {i}? {{=right {i} ~wrong {i} ~other {i}}}\n"
            ),
            1 => writeln!(text, "Statement number {i} is true. {{T}}\n"),
            2 => writeln!(text, "Name {i}? {{=name {i} =alias {i}}}\n"),
            3 => writeln!(text, "How many {i}? {{#{i}:0.5}}\n"),
            4 => writeln!(
                text,
                "Pick {i} {{~%50%a{i} ~%50%b{i} ~%-100%c{i}####because {i}}}\n"
            ),
            _ => writeln!(text, "Match {i} {{=l{i} -> r{i} =m{i} -> s{i}}}\n"),
        };
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.gift");
    std::fs::write(&file, text).unwrap();
    let output = termquiz()
        .args(["import", "--from", "gift"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let bank = bank::parse("many.json", &output.stdout).unwrap();
    assert_eq!(bank.questions.len(), 3000);
    assert!(String::from_utf8_lossy(&output.stderr).contains("imported 3000 questions, skipped 0"));
}

#[test]
fn untrusted_text_in_notes_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.gift");
    std::fs::write(&file, "Bad {#\u{1b}[2J}\n\nGood {T}\n").unwrap();
    termquiz()
        .args(["import", "--from", "gift"])
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("bad number '\\u{1b}[2J'"))
        .stderr(contains("\u{1b}").not());
}

#[test]
fn regression_opentdb_json_error_at_a_line_start_has_column_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.json");
    std::fs::write(&path, "{\n  \"results\": [\n").unwrap();
    termquiz()
        .args(["import", "--from", "opentdb"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains("cut.json:3:1: EOF while parsing"));
}
