//! GIFT import of every construct (tests/fixtures/import/gift-every-construct.gift) and the
//! messages, in GIFT's own terms, for what cannot be imported (gift-messages.gift).

use std::path::PathBuf;

use assert_cmd::Command;
use termquiz::bank::{self, Feedback, Kind, Match, Number, NumberAnswer, Question, Single, Text};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Imports a fixture from its directory; the bank (if any), stderr and the exit code.
fn import(name: &str) -> (Option<bank::Bank>, String, i32) {
    let output = Command::cargo_bin("termquiz")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(fixture(""))
        .args(["import", name, "--from", "gift"])
        .output()
        .unwrap();
    let bank = bank::parse("out.json", &output.stdout).ok();
    let code = output.status.code().unwrap_or(-1);
    (bank, String::from_utf8(output.stderr).unwrap(), code)
}

fn feedback(pairs: &[(&str, &str)]) -> Feedback {
    Feedback(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn by_id<'a>(bank: &'a bank::Bank, id: &str) -> &'a Question {
    bank.questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}: {bank:#?}"))
}

#[test]
fn every_construct_imports() {
    let (bank, stderr, code) = import("gift-every-construct.gift");
    assert_eq!(code, 0, "{stderr}");
    let bank = bank.unwrap();
    let unit_tags = ["unit-1", "lesson-2", "unit-1/lesson-2"];

    let q = by_id(&bank, "weights");
    assert_eq!(q.title.as_deref(), Some("Weighted short answer"));
    let mut tags = strings(&["geography"]);
    tags.extend(strings(&unit_tags));
    assert_eq!(q.tags, tags);
    assert_eq!(
        q.kind,
        Kind::Text(Text {
            answer: "Crete".into(),
            feedback: feedback(&[("Greece", "we want the island")]),
            ..Text::default()
        })
    );

    let q = by_id(&bank, "bare-answer");
    assert_eq!(q.kind, Kind::Text(Text::new("One", vec![])));
    assert_eq!(q.tags, strings(&unit_tags));
    assert_eq!(
        by_id(&bank, "bare-number-answer").kind,
        Kind::Text(Text::new("5", vec![]))
    );
    assert_eq!(
        by_id(&bank, "case-apart").kind,
        Kind::Single(Single::new("GB", strings(&["Gb", "gb"])))
    );
    let q = by_id(&bank, "escapes");
    assert_eq!(q.prompt, "Escaped: {braces}, = and ~ and #");
    assert_eq!(
        q.kind,
        Kind::Single(Single::new("yes = sure", strings(&["no"])))
    );

    let q = by_id(&bank, "formats");
    assert_eq!(q.prompt, "Pick the blue one [image: sky blue.png]");
    assert_eq!(
        q.kind,
        Kind::Single(Single {
            feedback: feedback(&[("blue", "Yes")]),
            ..Single::new("blue", strings(&["Nunca."]))
        })
    );

    assert_eq!(
        by_id(&bank, "range").kind,
        Kind::Number(Number::new(5.0, 1.0))
    );
    assert_eq!(
        by_id(&bank, "tolerance").kind,
        Kind::Number(Number::new(2.5, 0.01))
    );
    assert_eq!(
        by_id(&bank, "several-numbers").kind,
        Kind::Number(Number {
            also: vec![NumberAnswer {
                feedback: Some("also a root".into()),
                ..NumberAnswer::new(-1.0, 0.0)
            }],
            ..Number::new(1.0, 0.0)
        })
    );
    assert_eq!(by_id(&bank, "gap").prompt, "The _____ sat on the mat.");
    assert_eq!(
        by_id(&bank, "feedback-marker").explanation.as_deref(),
        Some("two")
    );
    assert_eq!(
        stderr,
        "gift-every-construct.gift: imported 11 questions, skipped 0\n"
    );
}

#[test]
fn moodle_grading_fixture_keeps_weights_feedback_and_distractors() {
    let (bank, stderr, _) = import("gift-moodle-grading.gift");
    let bank = bank.unwrap();
    assert_eq!(
        stderr,
        "gift-moodle-grading.gift: imported 10 questions, skipped 0\n"
    );
    assert_eq!(
        by_id(&bank, "crete").kind,
        Kind::Text(Text {
            answer: "Crete".into(),
            feedback: feedback(&[
                ("Crete", "Yes, Crete."),
                ("Greece", "we want the island"),
                ("*", "Think of islands.")
            ]),
            ..Text::default()
        })
    );
    assert_eq!(
        by_id(&bank, "nazareth").kind,
        Kind::Single(Single {
            answer: "Nazareth".into(),
            wrong: strings(&["Jerusalem", "Bethlehem", "Galilee"]),
            partial: vec![("Bethlehem".into(), 0.25), ("Galilee".into(), 0.5)],
            feedback: feedback(&[
                ("Jerusalem", "He was crucified there."),
                ("Bethlehem", "He was born there."),
                ("Galilee", "That is the region."),
                ("Nazareth", "Yes.")
            ]),
        })
    );
    assert_eq!(
        by_id(&bank, "grasp").kind,
        Kind::Number(Number {
            also: vec![NumberAnswer {
                credit: 0.0,
                feedback: Some("That is an insect.".into()),
                ..NumberAnswer::new(6.0, 0.0)
            }],
            feedback: feedback(&[("8", "Right."), ("*", "Count again.")]),
            ..Number::new(8.0, 0.0)
        })
    );
    assert_eq!(
        by_id(&bank, "animals").kind,
        Kind::Match(Match {
            pairs: vec![
                ("Chat".into(), "Cat".into()),
                ("Chien".into(), "Dog".into()),
                ("Minou".into(), "Cat".into())
            ],
            extra: strings(&["Cow"]),
        })
    );
}

#[test]
fn messages_speak_gift_and_name_the_line() {
    let (_, stderr, code) = import("gift-messages.gift");
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "gift-messages.gift:1: skipped: unmatched '}'; escape it as '\\}' or add '{' before it
gift-messages.gift:3: skipped: the question text goes on after a blank line? the answers at line 6 have no text before them; remove the blank line
gift-messages.gift:6: skipped: no question text before the answers '{…}'
gift-messages.gift:8: skipped: every answer is right: a GIFT multiple-answer question needs a wrong choice
gift-messages.gift:10: skipped: no right answer; mark one with '=' or give it a positive %weight%
gift-messages.gift:12: skipped: a matching question needs at least two '=left -> right' pairs
gift-messages.gift: imported 0 questions, skipped 6
error: gift-messages.gift: nothing could be imported (6 items skipped)
"
    );
}

#[test]
fn export_lists_what_gift_cannot_carry_per_question() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.json"),
        r#"{"title": "B", "questions": [
  {"id": "pick", "kind": "single", "prompt": "Pick", "answer": "a", "wrong": ["b"],
   "difficulty": "hard", "points": 2, "hint": "h", "source": "s", "time_limit": 30},
  {"id": "ok", "kind": "true_false", "prompt": "Fine?", "answer": true},
  {"id": "steps", "kind": "order", "prompt": "Order", "items": ["a", "b"]}
]}"#,
    )
    .unwrap();
    Command::cargo_bin("termquiz")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir.path())
        .args(["export", "b.json", "--to", "gift"])
        .assert()
        .success()
        .stderr(
            "b.json: questions[0] (id \"pick\"): note: GIFT cannot carry difficulty, points, hint, source, time_limit; written without them\n\
             b.json: questions[2] (id \"steps\"): skipped: GIFT cannot express order questions\n",
        );
}
