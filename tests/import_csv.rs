//! CSV/TSV import with a header, `export --to csv`, and the round trip import(export(bank)) == bank.

mod common;

use assert_cmd::Command;
use common::{fixture, import_fixture, play_bank};
use predicates::str::contains;
use proptest::prelude::*;
use termquiz::bank::{
    self, Bank, Difficulty, Kind, Multi, Number, Question, Single, Text, TrueFalse,
};
use termquiz::import::{csv, csv_export};

fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn csv_all_kinds_imports_every_column_and_names_bad_cells() {
    let (bank, stderr) = import_fixture("csv-all-kinds.csv", "csv", &[]);
    let expected = "\
csv-all-kinds.csv: row 8, column \"answer\": skipped: \"ten\" is not a number
csv-all-kinds.csv: row 9, column \"kind\": skipped: unknown kind \"dance\"; use single, multi, true_false, text, number
csv-all-kinds.csv: row 10: skipped: \"answer\" also appears in \"wrong\": \"a\"; remove it from \"wrong\"
csv-all-kinds.csv: imported 6 questions, skipped 3
";
    assert_eq!(stderr, expected);
    let kinds: Vec<_> = bank.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(
        kinds,
        ["single", "multi", "true_false", "text", "number", "single"]
    );
    let first = &bank.questions[0];
    assert_eq!(first.id, "first-soundtrack");
    assert_eq!(first.tags, ["film", "disney"]);
    assert_eq!(first.difficulty, Difficulty::Easy);
    assert_eq!((first.points, first.time_limit), (2, Some(30)));
    assert_eq!(first.hint.as_deref(), Some("Think Disney"));
    assert_eq!(first.source.as_deref(), Some("p. 3"));
    assert_eq!(
        bank.questions[2].prompt,
        "Cast recordings are made\nwith the original cast."
    );
    assert_eq!(
        bank.questions[4].kind,
        Kind::Number(Number {
            answer: 1937.0,
            tolerance: 0.5,
            ..Number::default()
        })
    );
}

#[test]
fn tab_and_semicolon_files_are_detected() {
    let (bank, _) = import_fixture("csv-tabs.tsv", "csv", &[]);
    assert_eq!(
        bank.questions[0].kind,
        Kind::Single(Single {
            answer: "yes".into(),
            wrong: vec!["no".into()],
            ..Single::default()
        })
    );
    let (bank, _) = import_fixture("csv-semicolon.csv", "csv", &[]);
    assert_eq!(
        bank.questions[0].kind,
        Kind::Number(Number {
            answer: 0.26,
            tolerance: 0.01,
            ..Number::default()
        })
    );
}

#[test]
fn latin1_csv_needs_the_flag() {
    termquiz()
        .current_dir(fixture("import"))
        .args(["import", "csv-latin1.csv", "--from", "csv"])
        .assert()
        .code(1)
        .stderr(contains("try --encoding latin1"));
    let (bank, _) = import_fixture("csv-latin1.csv", "csv", &["--encoding", "latin1"]);
    assert_eq!(bank.questions[0].prompt, "Café?");
}

#[test]
fn an_unknown_column_is_an_error_naming_it() {
    termquiz()
        .current_dir(fixture("import"))
        .args(["import", "csv-unknown-column.csv", "--from", "csv"])
        .assert()
        .code(1)
        .stderr(contains(
            "csv-unknown-column.csv: row 1: unknown column \"colour\"",
        ));
}

#[test]
fn imported_csv_questions_are_graded_in_plain_mode() {
    // The typed text answer "photoplay magazine" is an accepted answer; 1937.4 is within 0.5.
    let (bank, _) = import_fixture("csv-all-kinds.csv", "csv", &[]);
    let text_and_number = Bank {
        questions: bank.questions[3..5].to_vec(),
        ..bank
    };
    play_bank(&text_and_number, &["--seed", "1"])
        .stdin("photoplay magazine\n1937.4\n")
        .run()
        .code(0)
        .stdout_has("2 of 2 right");
}

#[test]
fn export_to_csv_reports_what_it_cannot_hold() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mixed.json"),
        r#"{"title": "Mixed", "questions": [
  {"id": "pick", "kind": "single", "prompt": "Pick, \"one\"", "answer": "a|b", "wrong": ["c"]},
  {"id": "steps", "kind": "order", "prompt": "Order these", "items": ["a", "b"]}]}"#,
    )
    .unwrap();
    termquiz()
        .current_dir(dir.path())
        .args(["export", "mixed.json", "--to", "csv"])
        .assert()
        .success()
        .stderr("mixed.json: questions[1] (id \"steps\"): skipped: CSV cannot hold order questions\n")
        .stdout(
            "id,kind,prompt,answer,wrong,accept,tolerance,explanation,source,tags,difficulty,points,time_limit,hint,title\n\
             pick,single,\"Pick, \"\"one\"\"\",a|b,c,,,,,,medium,1,,,\n",
        );
}

/// Exports with the binary and imports the file back with the binary.
#[test]
fn exported_csv_imports_back_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bank.csv");
    termquiz()
        .args(["export", "--to", "csv", "-o"])
        .arg(&out)
        .arg(fixture("banks/all-kinds.json"))
        .assert()
        .success();
    let output = termquiz()
        .args(["import", "--from", "csv"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    let back = bank::parse("back.json", &output.stdout).unwrap();
    let original = bank::load_file(&fixture("banks/all-kinds.json")).unwrap();
    let holdable: Vec<_> = original
        .questions
        .into_iter()
        .filter(|q| !matches!(q.kind, Kind::Order(_) | Kind::Match(_)))
        .collect();
    assert_eq!(back.questions, holdable);
}

fn round_trip(bank: &Bank) -> Bank {
    let exported = csv_export::to_csv(bank);
    assert!(exported.skipped.is_empty());
    let imported = csv::parse(&exported.text)
        .unwrap()
        .finish(&bank.title, || {});
    assert!(
        imported.skipped.is_empty(),
        "{:?}\n{}",
        imported.skipped,
        exported.text
    );
    imported.bank
}

/// Text with CSV's and the list cells' special characters, quotes, accents, CJK, an emoji and
/// inner newlines; trimmed, because cells are trimmed on import.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r#"[a-zA-Z0-9éß日🎵 ,;|\\"'\t\n.=-]{1,12}"#)
        .unwrap()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("blank", |s| !s.is_empty())
}

/// `n` texts that differ even ignoring case.
fn distinct(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    common::props::distinct_by(text(), min, max, |t| t.to_lowercase())
}

fn kind() -> impl Strategy<Value = Kind> {
    let number = (-1.0e9..1.0e9f64, prop_oneof![Just(0.0), 0.0..100.0f64]);
    prop_oneof![
        distinct(2, 5).prop_map(|mut c| Kind::Single(Single {
            answer: c.remove(0),
            wrong: c,
            ..Single::default()
        })),
        (distinct(3, 6), 1usize..3).prop_map(|(mut c, n)| Kind::Multi(Multi {
            answers: c.drain(..n).collect(),
            wrong: c,
            ..Multi::default()
        })),
        any::<bool>().prop_map(|answer| Kind::TrueFalse(TrueFalse {
            answer,
            ..TrueFalse::default()
        })),
        distinct(1, 3).prop_map(|mut c| Kind::Text(Text {
            answer: c.remove(0),
            accept: c,
            ..Text::default()
        })),
        number.prop_map(|(answer, tolerance)| Kind::Number(Number {
            answer,
            tolerance,
            ..Number::default()
        })),
    ]
}

fn question(index: usize) -> impl Strategy<Value = Question> {
    let meta = (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        distinct(0, 3),
        0usize..3,
        1u32..5,
        proptest::option::of(1u32..600),
    );
    (text(), kind(), meta, proptest::option::of(text())).prop_map(
        move |(
            prompt,
            kind,
            (explanation, source, hint, tags, level, points, time_limit),
            title,
        )| {
            let mut q = Question::new(format!("q{index}"), prompt, kind);
            q.explanation = explanation;
            q.source = source;
            q.hint = hint;
            q.tags = tags;
            q.difficulty = Difficulty::ALL[level];
            q.points = points;
            q.time_limit = time_limit;
            q.title = title;
            q
        },
    )
}

fn generated_bank() -> impl Strategy<Value = Bank> {
    (1usize..6)
        .prop_flat_map(|n| (0..n).map(question).collect::<Vec<_>>())
        .prop_map(|questions| Bank {
            title: "Generated".into(),
            description: None,
            questions,
        })
}

proptest! {
    #![proptest_config(common::proptest_config(128))]

    #[test]
    fn import_of_csv_export_gives_the_bank_back(bank in generated_bank()) {
        // Compared with the bank as loaded, the way every bank reaches the exporter.
        let loaded = bank::parse("generated", bank::raw::to_json(&bank).as_bytes());
        prop_assume!(loaded.is_ok());
        let loaded = loaded.unwrap();
        prop_assert_eq!(round_trip(&loaded), loaded);
    }
}

#[test]
fn export_to_csv_notes_the_richer_fields_it_drops() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rich.json"),
        r#"{"title": "Rich", "questions": [
  {"id": "pick", "title": "Q1", "kind": "single", "prompt": "Pick", "answer": "a", "wrong": ["b", "c"],
   "partial": {"b": 0.5}, "feedback": {"c": "No."}}]}"#,
    )
    .unwrap();
    termquiz()
        .current_dir(dir.path())
        .args(["export", "rich.json", "--to", "csv"])
        .assert()
        .success()
        .stderr("rich.json: questions[0] (id \"pick\"): note: CSV cannot hold partial, feedback; written without them\n")
        .stdout(contains("pick,single,Pick,a,b|c,,,,,,medium,1,,,Q1\n"));
}
