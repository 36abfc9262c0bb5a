//! `termquiz review` through plain mode: new cards, the daily limit, scheduling, bad state.

mod common;

use common::Quiz;

/// Questions answered by typing, so the answers do not depend on the shuffle.
const BANK: &str = r#"{"title": "Typed", "questions": [
  {"id": "year", "kind": "number", "prompt": "Year the term appeared?", "answer": 1929},
  {"id": "magazine", "kind": "text", "prompt": "Which magazine?", "answer": "Photoplay"},
  {"id": "british", "kind": "true_false", "prompt": "The British did it first.", "answer": true},
  {"id": "label", "kind": "text", "prompt": "Label famous in the 1960s?", "answer": "ABC"}
]}"#;

fn review(data: &std::path::Path, args: &[&str], stdin: &str) -> common::Run {
    let quiz = Quiz::new();
    let bank = quiz.path().join("typed.json");
    std::fs::write(&bank, BANK).unwrap();
    quiz.env("TERMQUIZ_DATA_DIR", data.to_str().unwrap())
        .args(["review", bank.to_str().unwrap()])
        .args(args)
        .stdin(stdin)
        .run()
}

fn state(data: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(data.join("review.json")).unwrap()).unwrap()
}

#[test]
fn new_cards_are_asked_in_bank_order_and_scheduled() {
    let data = tempfile::tempdir().unwrap();
    review(data.path(), &["--new", "2"], "1929\nPhotoplay\n")
        .code(0)
        .stdout_has("Typed — 2 to review")
        .stdout_has("Year the term appeared?")
        .stdout_has("Which magazine?")
        .stdout_has("Reviewed 2");
    let cards = state(data.path())["cards"].as_object().unwrap().clone();
    assert_eq!(cards.len(), 2);
    let card = &cards["Typed\u{1f}year"];
    assert_eq!(card["reps"], 1);
    let due: jiff::Timestamp = card["due"].as_str().unwrap().parse().unwrap();
    let reviewed: jiff::Timestamp = card["last_review"].as_str().unwrap().parse().unwrap();
    assert!(
        due.duration_since(reviewed).as_hours() >= 24,
        "a right answer is due a day or more later"
    );
}

#[test]
fn review_said_new_left_and_never_when_a_card_comes_back() {
    let data = tempfile::tempdir().unwrap();
    let run = review(data.path(), &["--new", "2"], "1929\nwrong\n").code(0);
    let notes: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("Next review: "))
        .collect();
    assert_eq!(notes.len(), 2, "{}", run.stdout);
    assert!(notes[0].starts_with("Next review: in "), "{}", notes[0]);
    assert_eq!(notes[1], "Next review: again today (in 10 minutes)");
    let end = run.stdout.lines().last().unwrap();
    assert!(
        end.starts_with("Reviewed 2 · 1 due in the next 24 hours · 2 new not yet seen (2 new a day, none more today) · next review "),
        "{end}"
    );
    assert!(!run.stdout.contains("new left"), "{}", run.stdout);
}

#[test]
fn the_daily_new_limit_holds_across_sessions() {
    let data = tempfile::tempdir().unwrap();
    review(data.path(), &["--new", "2"], "1929\nPhotoplay\n").code(0);
    review(data.path(), &["--new", "2"], "")
        .code(0)
        .stdout_has("Nothing to review in Typed right now.")
        .stdout_has("Today's new questions are done (2 more wait; --new raises the daily limit)");
    review(data.path(), &["--new", "3"], "t\n")
        .code(0)
        .stdout_has("1 to review")
        .stdout_has("The British did it first.");
}

#[test]
fn a_wrong_answer_comes_back_soon_and_history_says_review() {
    let data = tempfile::tempdir().unwrap();
    review(data.path(), &["--new", "1"], "1930\n")
        .code(0)
        .stdout_has("✘ Wrong.");
    let card = &state(data.path())["cards"]["Typed\u{1f}year"];
    let due: jiff::Timestamp = card["due"].as_str().unwrap().parse().unwrap();
    let reviewed: jiff::Timestamp = card["last_review"].as_str().unwrap().parse().unwrap();
    assert_eq!(due.duration_since(reviewed).as_mins(), 10);
    let history = std::fs::read_to_string(data.path().join("history.jsonl")).unwrap();
    assert!(history.contains(r#""mode":"review""#), "{history}");
}

#[test]
fn interrupting_keeps_the_answers_given() {
    let data = tempfile::tempdir().unwrap();
    review(data.path(), &["--new", "4"], "1929\n")
        .code(130)
        .stdout_has("Stopped early");
    assert_eq!(state(data.path())["cards"].as_object().unwrap().len(), 1);
}

#[test]
fn a_damaged_state_file_got_no_advice() {
    let data = tempfile::tempdir().unwrap();
    for (text, place) in [
        (
            "{ not json",
            "review.json:1:3: the review state is damaged (",
        ),
        (
            "[1, 2]",
            "review.json:1:1: the review state is damaged (invalid type: sequence, expected an object with \"version\" and \"cards\")",
        ),
        (
            r#"{"cards": {"Typed\u001fyear": 5}}"#,
            "review.json:1:31: the review state is damaged (invalid type: integer `5`, expected a card object)",
        ),
    ] {
        std::fs::write(data.path().join("review.json"), text).unwrap();
        let run = review(data.path(), &[], "1929\n").code(1).stderr_has(place);
        let file = data.path().join("review.json").display().to_string();
        let advice = format!(
            "it was left as it is. To start fresh, move it aside: mv {file} {file}.damaged"
        );
        assert!(run.stderr.contains(&advice), "{}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert_eq!(
            std::fs::read_to_string(data.path().join("review.json")).unwrap(),
            text
        );
    }
}

#[test]
fn a_damaged_state_file_is_reported_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("review.json"), "{ not json").unwrap();
    review(data.path(), &[], "1929\n")
        .code(1)
        .stderr_has("review.json:1:3: ");
    assert_eq!(
        std::fs::read_to_string(data.path().join("review.json")).unwrap(),
        "{ not json"
    );
}
