//! Plain mode with the richer format: a cloze played one line per gap, partial credit and
//! the feedback of the answer given.

mod common;

use common::Quiz;
use termquiz::bank::{self, Bank};
use termquiz::engine::{Session, SessionConfig};
use termquiz::ui::labels::label;

/// The letter the first question shows for `choice` under `seed` (for cloze, in gap `gap`).
fn letter_of(bank: &Bank, seed: u64, gap: Option<usize>, choice: &str) -> String {
    let config = SessionConfig {
        seed,
        ..SessionConfig::default()
    };
    let session = Session::new(bank, config).unwrap();
    let turn = session.current().unwrap();
    let items = match gap {
        Some(g) => turn.shown.gap_items(turn.question, g),
        None => turn.shown.items(turn.question),
    };
    label(items.iter().position(|i| *i == choice).unwrap())
}

const CLOZE: &str = r#"{"title": "Cloze", "questions": [{
  "id": "first", "kind": "cloze", "prompt": "Fill in the gaps.",
  "text": "The first soundtrack came from {1}, sold by {2} in {3}.",
  "gaps": [
    {"kind": "single", "answer": "Snow White", "wrong": ["Oklahoma!", "The Band Wagon"]},
    {"kind": "text", "answer": "RCA Victor", "accept": ["RCA"]},
    {"kind": "number", "answer": 1937, "weight": 2, "feedback": {"*": "It was 1937."}}
  ]}]}"#;

#[test]
fn a_cloze_is_asked_one_line_per_gap_and_graded_by_weight() {
    let bank = bank::parse("cloze.json", CLOZE.as_bytes()).unwrap();
    let snow_white = letter_of(&bank, 5, Some(0), "Snow White");
    let run = Quiz::new()
        .args(["play"])
        .bank("cloze.json", CLOZE)
        .args(["--seed", "5"])
        .stdin(&format!("{snow_white}\nrca\nsoon\n1938\n"))
        .run()
        .code(0)
        .stdout_has("The first soundtrack came from [1], sold by [2] in [3].")
        .stdout_has("Gap 1 (a-c): ")
        .stdout_has("Gap 2: ")
        .stdout_has("Partly right (50%)")
        .stdout_has("[3] It was 1937.")
        .stdout_has("[3] ✘ 1938 → 1937");
    assert_eq!(
        run.stdout.matches("Gap 3 (a number): ").count(),
        2,
        "a bad line re-asks that gap only: {}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("Gap 1 (a-c): ").count(), 1);
}

#[test]
fn a_perfect_cloze_scores_full_marks() {
    let bank = bank::parse("cloze.json", CLOZE.as_bytes()).unwrap();
    let snow_white = letter_of(&bank, 2, Some(0), "Snow White");
    Quiz::new()
        .args(["play"])
        .bank("cloze.json", CLOZE)
        .args(["--seed", "2"])
        .stdin(&format!("{snow_white}\nRCA Victor\n1937\n"))
        .run()
        .code(0)
        .stdout_has("1 of 1 right");
}

const PARTIAL: &str = r#"{"title": "Partial", "questions": [{
  "id": "home", "kind": "single", "prompt": "Where did he grow up?",
  "answer": "Nazareth", "wrong": ["Jerusalem", "Galilee"],
  "partial": {"Galilee": 0.5},
  "feedback": {"Jerusalem": "He was crucified there.", "*": "Think of his home town."}}]}"#;

#[test]
fn a_partly_right_choice_says_what_it_earned_and_its_feedback_in_practice_and_review() {
    let bank = bank::parse("partial.json", PARTIAL.as_bytes()).unwrap();
    let galilee = letter_of(&bank, 4, None, "Galilee");
    let run = Quiz::new()
        .args(["play"])
        .bank("partial.json", PARTIAL)
        .args(["--seed", "4"])
        .stdin(&format!("{galilee}\n"))
        .run()
        .code(0)
        .stdout_has("Partly right (50%)")
        .stdout_has("Review of 1 missed:");
    assert_eq!(
        run.stdout.matches("Think of his home town.").count(),
        2,
        "right after the answer and in the review: {}",
        run.stdout
    );
}

#[test]
fn exam_mode_shows_the_feedback_only_in_the_review() {
    let bank = bank::parse("partial.json", PARTIAL.as_bytes()).unwrap();
    let jerusalem = letter_of(&bank, 4, None, "Jerusalem");
    let run = Quiz::new()
        .args(["play"])
        .bank("partial.json", PARTIAL)
        .args(["--seed", "4", "--mode", "exam"])
        .stdin(&format!("{jerusalem}\n"))
        .run()
        .code(0);
    assert_eq!(
        run.stdout.matches("He was crucified there.").count(),
        1,
        "{}",
        run.stdout
    );
}
