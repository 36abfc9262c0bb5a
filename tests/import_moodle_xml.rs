//! `termquiz import --from moodle-xml`: real Moodle exports and termquiz's own fixtures,
//! notes for what is skipped, errors with line and column.

mod common;

use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::fixture;
use termquiz::bank::{
    self, Bank, Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse,
};

fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(fixture("moodle-xml"));
    cmd
}

/// Imports a fixture by its bare name (so notes name it briefly); the bank and stderr.
fn import(name: &str) -> (Bank, String) {
    let output = termquiz().args(["import", name]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    (bank::parse("out.json", &output.stdout).unwrap(), stderr)
}

fn question<'a>(bank: &'a Bank, id: &str) -> &'a Question {
    bank.questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(bank)))
}

fn ids(bank: &Bank) -> Vec<&str> {
    bank.questions.iter().map(|q| q.id.as_str()).collect()
}

#[test]
fn moodle_truefalse_export_keeps_answers_images_and_category() {
    let (bank, stderr) = import("moodle-truefalse.xml");
    assert_eq!(
        stderr,
        "moodle-truefalse.xml: imported 2 questions, skipped 0\n"
    );
    assert_eq!(ids(&bank), ["moodle-acronym-false", "moodle-acronym-true"]);
    let first = &bank.questions[0];
    assert_eq!(
        first.kind,
        Kind::TrueFalse(TrueFalse {
            answer: false,
            ..TrueFalse::default()
        })
    );
    assert_eq!(
        first.prompt,
        "Moodle [image: Moodle logo] is an acronym for Modular Object-Oriented Dynamic Learning Education."
    );
    assert_eq!(
        first.explanation.as_deref(),
        Some("[image: Informations]For further information, see the [documentation about Moodle].")
    );
    assert_eq!(first.tags, ["truefalse"]);
    assert_eq!(
        bank.questions[1].kind,
        Kind::TrueFalse(TrueFalse {
            answer: true,
            ..TrueFalse::default()
        })
    );
}

#[test]
fn moodle_multichoice_export_with_images_in_choices() {
    let (bank, _) = import("moodle-multichoice.xml");
    let q = question(&bank, "greeting");
    assert_eq!(
        q.prompt,
        "[Listen to this greeting:]\n\nWhat language is being spoken?"
    );
    let Kind::Single(Single { answer, wrong, .. }) = &q.kind else {
        panic!("{:?}", q.kind)
    };
    assert_eq!(answer, "[image: French flag] French");
    assert_eq!(wrong.len(), 3);
    assert_eq!(q.tags, ["multichoice"]);
}

#[test]
fn moodle_xmlformat_exports_map_each_type() {
    let (bank, stderr) = import("moodle-xmlformat-test-exports.xml");
    assert!(
        stderr.contains(
            "moodle-xmlformat-test-exports.xml:222: skipped: description question \"A description\": a description has nothing to answer\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            ":238: skipped: essay question \"An essay\": essays are graded by a person\n"
        )
    );
    let text = question(&bank, "short-answer-question");
    assert_eq!(
        text.kind,
        Kind::Text(Text {
            answer: "Beta".into(),
            accept: vec![],
            ..Text::default()
        })
    );
    assert_eq!(text.hint.as_deref(), Some("Hint 1"));
    let number = question(&bank, "numerical-question");
    assert_eq!(
        number.kind,
        Kind::Number(Number {
            answer: 42.0,
            tolerance: 0.001,
            ..Number::default()
        })
    );
    let matching = question(&bank, "matching-question");
    assert_eq!(
        matching.explanation.as_deref(),
        Some("The answer is A -> a, B -> b and C -> c.")
    );
    let Kind::Match(Match { pairs, .. }) = &matching.kind else {
        panic!("{:?}", matching.kind)
    };
    assert_eq!(
        pairs.len(),
        3,
        "the empty subquestion is a distractor, not a pair"
    );
    let multi = question(&bank, "multiple-choice-question");
    assert_eq!(multi.points, 2);
    assert_eq!(
        multi.kind,
        Kind::Multi(Multi {
            answers: vec!["2".into(), "4".into()],
            wrong: vec!["1".into(), "3".into()],
            ..Multi::default()
        })
    );
    // `TestIDNum2` is not a termquiz id (capitals), so the name gives it.
    assert_eq!(
        question(&bank, "true-false-question").kind,
        Kind::TrueFalse(TrueFalse {
            answer: true,
            ..TrueFalse::default()
        })
    );
}

#[test]
fn moodle_nested_categories_tag_each_question_with_its_category() {
    let (bank, stderr) = import("moodle-nested-categories.xml");
    assert_eq!(
        stderr,
        "moodle-nested-categories.xml:55: skipped: essay question \"Kappa Essay Question\": essays are graded by a person\n\
         moodle-nested-categories.xml: imported 4 questions, skipped 1\n"
    );
    let tags: Vec<&str> = bank.questions.iter().map(|q| q.tags[0].as_str()).collect();
    assert_eq!(tags, ["iota", "kappa", "lambda", "mu"]);
}

#[test]
fn moodle_ordering_without_quiz_root_keeps_order_id_and_hint() {
    let (bank, _) = import("moodle-ordering.xml");
    let q = question(&bank, "myid");
    assert_eq!(q.prompt, "Put these words in order.");
    assert_eq!(
        q.kind,
        Kind::Order(Order {
            items: [
                "Modular",
                "Object",
                "Oriented",
                "Dynamic",
                "Learning",
                "Environment"
            ]
            .map(String::from)
            .to_vec()
        })
    );
    assert_eq!(q.hint.as_deref(), Some("Hint 1"));
}

#[test]
fn moodle_idnumber_with_entities_falls_back_to_the_name() {
    let (bank, _) = import("moodle-html-chars-in-idnumbers.xml");
    assert_eq!(ids(&bank), ["alpha-question"]);
    assert_eq!(bank.questions[0].tags, ["alpha"]);
}

#[test]
fn own_fixture_reads_every_field() {
    let (bank, _) = import("own-all-kinds.xml");
    let peru = question(&bank, "peru-capital");
    assert_eq!(peru.prompt, "Capital of Peru?\n(one word)");
    assert_eq!(peru.points, 3, "defaultgrade 2.5 rounds up");
    assert_eq!(peru.tags, ["unit-1", "geography", "south-america"]);
    assert_eq!(peru.hint.as_deref(), Some("It starts with **L**."));
    let distance = question(&bank, "distance");
    assert_eq!(distance.prompt, "How far is it, in m?  a < b & c");
    assert_eq!(distance.explanation.as_deref(), Some("It is 1500 m."));
    assert_eq!(
        question(&bank, "planet").explanation.as_deref(),
        Some("Correct: Jupiter is the largest.\nIncorrect: Look it up."),
        "overall feedback explains when there is no general feedback; Moodle's default sentences are left out"
    );
    let Kind::Match(Match { pairs, .. }) = &question(&bank, "capitals").kind else {
        panic!()
    };
    assert_eq!(pairs[1], ("Italy".to_string(), "Rome".to_string()));
    let sky = question(&bank, "sky");
    assert_eq!(sky.tags, ["extra"], "the last category segment is the tag");
}

#[test]
fn unsupported_types_are_skipped_naming_type_and_question() {
    let output = termquiz()
        .args(["import", "own-skipped.xml"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "own-skipped.xml:4: skipped: calculated question \"Area\": its numbers are computed from random datasets\n\
         own-skipped.xml:5: skipped: calculatedmulti question \"Sum\": its numbers are computed from random datasets\n\
         own-skipped.xml:6: skipped: random question \"Random (Unit 1)\": it draws other questions at random from the Moodle bank\n\
         own-skipped.xml:7: skipped: randomsamatch question \"Random match\": it draws other questions at random from the Moodle bank\n\
         own-skipped.xml:8: skipped: ddimageortext question \"Map\": it needs a background image\n\
         own-skipped.xml:9: skipped: ddmarker question \"Markers\": it needs a background image\n\
         own-skipped.xml:10: skipped: wordselect question \"Words\": termquiz does not know this question type\n\
         own-skipped.xml: imported 1 question, skipped 7\n"
    );
}

#[test]
fn billion_laughs_fails_fast_without_expanding() {
    let start = Instant::now();
    let output = termquiz()
        .args(["import", "billion-laughs.xml"])
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: billion-laughs.xml:2:1: a DOCTYPE is not allowed in Moodle XML (its entities could expand without bound); remove it\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn malformed_xml_names_line_and_column() {
    let output = termquiz()
        .args(["import", "malformed.xml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: malformed.xml:4:30: expected 'name' tag, not 'nam'\n"
    );
}

#[test]
fn bom_crlf_and_entities_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.xml");
    let xml = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<quiz>\r\n<question type=\"truefalse\">\r\n\
        <name><text>A &amp; B</text></name>\r\n<questiontext format=\"plain_text\"><text>Is 1 &lt; 2?\r\nSure?</text></questiontext>\r\n\
        <answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer>\r\n</question>\r\n</quiz>\r\n";
    std::fs::write(&path, xml).unwrap();
    let output = termquiz().arg("import").arg(&path).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bank = bank::parse("out.json", &output.stdout).unwrap();
    assert_eq!(bank.questions[0].id, "a-b");
    assert_eq!(bank.questions[0].prompt, "Is 1 < 2?\nSure?");
}

#[test]
fn format_comes_from_the_extension_or_from() {
    let output = termquiz().args(["import", "SOURCES.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: SOURCES.md: cannot tell the format from the file name; add --from gift, moodle-xml, csv, kahoot, blooket, blackboard, aiken, opentdb, quizlet or anki-text\n"
    );
    let output = termquiz()
        .args(["import", "moodle-ordering.xml", "--from", "moodle-xml"])
        .output()
        .unwrap();
    assert!(output.status.success());
}
