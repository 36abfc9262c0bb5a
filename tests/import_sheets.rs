//! Quiz-game templates and Blackboard's tab format: Kahoot (XLSX), Blooket (CSV), Blackboard.
//! kahoot-template.xlsx is written by scripts/kahoot-fixture.py (openpyxl).

mod common;

use assert_cmd::Command;
use common::{fixture, import_fixture, lines_picking, play_bank};
use predicates::str::contains;
use termquiz::bank::{Kind, Match, Single};

fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn kahoot_header_is_found_below_the_title_rows() {
    let (bank, stderr) = import_fixture("kahoot-template.xlsx", "kahoot", &[]);
    let expected = "\
kahoot-template.xlsx: row 12, column \"Correct answer(s)\": skipped: no right answer; write its number, e.g. 2
kahoot-template.xlsx: row 13, column \"Correct answer(s)\": skipped: answer 4 is marked right but is empty
kahoot-template.xlsx: row 14, column \"Time limit (sec)\": skipped: not a whole number of seconds
kahoot-template.xlsx: row 15, column \"Question\": skipped: the question is empty
kahoot-template.xlsx: imported 3 questions, skipped 4
";
    assert_eq!(stderr, expected);
    let first = &bank.questions[0];
    assert_eq!(first.prompt, "Which film had the first soundtrack album?");
    assert_eq!(
        first.kind,
        Kind::Single(Single {
            answer: "Snow White".into(),
            wrong: vec!["Oklahoma!".into(), "The Band Wagon".into()],
            ..Single::default()
        })
    );
    assert_eq!(first.time_limit, Some(20));
    assert_eq!(bank.questions[2].time_limit, Some(10));
    // Several right answers: typed, any one of them fully right, the wrong ones named.
    let several = &bank.questions[1];
    assert_eq!(several.id, "which-of-these-are-prime");
    assert_eq!(
        several.prompt,
        "Which of these are prime?\n(type one of: 2 / 4 / 3 / 9)"
    );
    let Kind::Text(text) = &several.kind else {
        panic!("text expected: {several:?}")
    };
    assert_eq!(
        (text.answer.as_str(), &text.accept[..]),
        ("2", &["3".to_string()][..])
    );
    assert!(text.feedback.get("4").is_some() && text.feedback.get("9").is_some());
}

#[test]
fn kahoot_refuses_a_file_that_is_not_its_spreadsheet() {
    termquiz()
        .current_dir(fixture("import"))
        .args(["import", "csv-tabs.tsv", "--from", "kahoot"])
        .assert()
        .code(1)
        .stderr(contains("csv-tabs.tsv: not a readable XLSX file"));
    termquiz()
        .current_dir(fixture("import"))
        .args(["import", "blooket-template.csv", "--from", "blooket"])
        .assert()
        .success();
    termquiz()
        .current_dir(fixture("import"))
        .args(["import", "csv-all-kinds.csv", "--from", "blooket"])
        .assert()
        .code(1)
        .stderr(contains(
            "csv-all-kinds.csv: no header row with Blooket's titles",
        ));
}

#[test]
fn blooket_template_rows_and_their_notes() {
    let (bank, stderr) = import_fixture("blooket-template.csv", "blooket", &[]);
    let expected = "\
blooket-template.csv: row 5, column \"Answer 2\": skipped: every answer is right; a question needs a wrong answer too
blooket-template.csv: row 6, column \"Correct Answer(s)\": skipped: write the right answers' numbers, e.g. 1 or 1,3
blooket-template.csv: imported 2 questions, skipped 2
";
    assert_eq!(stderr, expected);
    assert_eq!(
        bank.questions[0].kind,
        Kind::Single(Single {
            answer: "4".into(),
            wrong: vec!["3".into(), "5".into()],
            ..Single::default()
        })
    );
}

#[test]
fn imported_kahoot_questions_are_graded_in_plain_mode() {
    let (bank, _) = import_fixture("kahoot-template.xlsx", "kahoot", &[]);
    // The second of two right answers counts fully, as in Kahoot.
    let lines = lines_picking(&bank, 4, |q| match &q.kind {
        Kind::Single(Single { answer, .. }) => answer.clone(),
        _ => "3".into(),
    });
    play_bank(&bank, &["--seed", "4"])
        .stdin(&lines)
        .run()
        .code(0)
        .stdout_has("3 of 3 right");
    let lines = lines_picking(&bank, 4, |q| match &q.kind {
        Kind::Single(Single { answer, .. }) => answer.clone(),
        _ => "4".into(),
    });
    play_bank(&bank, &["--seed", "4"])
        .stdin(&lines)
        .run()
        .code(0)
        .stdout_has("2 of 3 right");
}

#[test]
fn blackboard_types_map_and_the_rest_are_noted() {
    let (bank, stderr) = import_fixture("blackboard-all-types.txt", "blackboard", &[]);
    let expected = "\
blackboard-all-types.txt: line 8, column \"type\": skipped: essay questions (ESS) have no answer termquiz can grade
blackboard-all-types.txt: line 9, column \"type\": skipped: short response questions (SR) have no answer termquiz can grade
blackboard-all-types.txt: line 10, column \"answer 1 status\": skipped: write correct or incorrect after each answer
blackboard-all-types.txt: line 11, column \"type\": skipped: unknown question type \"XYZ\"; use MC, MA, TF, FIB, NUM, ORD or MAT
blackboard-all-types.txt: imported 7 questions, skipped 4
";
    assert_eq!(stderr, expected);
    let kinds: Vec<_> = bank.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            "single",
            "multi",
            "true_false",
            "text",
            "number",
            "order",
            "match"
        ]
    );
    assert_eq!(
        bank.questions[2].prompt,
        "Cast recordings use the original cast."
    );
    assert_eq!(
        bank.questions[6].kind,
        Kind::Match(Match {
            pairs: vec![
                ("Oklahoma!".into(), "1943".into()),
                ("Hamilton".into(), "2015".into())
            ],
            ..Match::default()
        })
    );
}

#[test]
fn imported_blackboard_questions_are_graded_in_plain_mode() {
    let (mut bank, _) = import_fixture("blackboard-all-types.txt", "blackboard", &[]);
    bank.questions.retain(|q| {
        matches!(
            q.kind,
            Kind::Single(_) | Kind::TrueFalse(_) | Kind::Text(_) | Kind::Number(_)
        )
    });
    // An accepted FIB answer and a number within NUM's tolerance count as right.
    let lines = lines_picking(&bank, 8, |q| match &q.kind {
        Kind::Single(Single { answer, .. }) => answer.clone(),
        Kind::TrueFalse(_) => "true".into(),
        Kind::Text(_) => "photoplay magazine".into(),
        _ => "1937.5".into(),
    });
    play_bank(&bank, &["--seed", "8"])
        .stdin(&lines)
        .run()
        .code(0)
        .stdout_has("4 of 4 right");
}
