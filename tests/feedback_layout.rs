//! What the player reads after answering: one part per line with ✔/✘, the score last,
//! honest words when stopping early, every tag in the header (plain mode).

mod common;

use common::Quiz;

const BANK: &str = r#"{"title": "Layout", "questions": [
  {"id": "m", "kind": "multi", "prompt": "Which are fruit?", "answers": ["Apple", "Pear"], "wrong": ["Leek"], "tags": ["food", "plants"]},
  {"id": "o", "kind": "order", "prompt": "Smallest first", "items": ["One", "Two", "Three"]}
]}"#;

/// Plays the bank with the items in canonical order (seed-independent answers by text).
fn play(stdin: &str) -> common::Run {
    Quiz::new()
        .args(["play"])
        .bank("layout.json", BANK)
        .args(["--all", "--seed", "1"])
        .stdin(stdin)
        .run()
}

/// The letter of `text` among the lettered choices printed for the current question.
fn letter(transcript: &str, text: &str) -> char {
    transcript
        .lines()
        .rev()
        .find_map(|l| {
            l.trim()
                .strip_suffix(text)?
                .strip_suffix(") ")?
                .chars()
                .last()
        })
        .unwrap_or_else(|| panic!("{text} not shown:\n{transcript}"))
}

#[test]
fn feedback_broke_a_multi_answer_mid_word_on_one_long_line() {
    // First run only to read the layout, then answer Apple and Leek.
    let first = play("");
    let question = first.stdout.split("Which are fruit?").nth(1).unwrap_or("");
    let (apple, leek) = (letter(question, "Apple"), letter(question, "Leek"));
    let run = play(&format!("{apple},{leek}\n"));
    let out = &run.stdout;
    assert!(
        out.contains("Your answer:\n    ✔ Apple\n    ✘ Leek\n"),
        "{out}"
    );
    assert!(
        out.contains("The answer:\n      Apple\n      Pear\n"),
        "{out}"
    );
}

#[test]
fn order_feedback_shows_which_places_were_right() {
    // Answer the multi, then order One, Three, Two.
    let layout = play("a\n");
    let order = layout.stdout.split("Smallest first").nth(1).unwrap_or("");
    let (one, two, three) = (
        letter(order, "One"),
        letter(order, "Two"),
        letter(order, "Three"),
    );
    let run = play(&format!("a\n{one} {three} {two}\n"));
    let out = &run.stdout;
    assert!(
        out.contains("    ✔ 1. One\n    ✘ 2. Three\n    ✘ 3. Two\n"),
        "{out}"
    );
}

#[test]
fn summary_scrolled_away_above_a_long_review_so_the_score_comes_last() {
    let run = play("a\na b c\n");
    let last = run.stdout.trim_end().lines().last().unwrap_or("");
    assert!(last.starts_with("Score "), "{}", run.stdout);
    assert!(
        run.stdout.find("Review of").unwrap_or(0) < run.stdout.find("Score ").unwrap_or(0),
        "{}",
        run.stdout
    );
}

#[test]
fn stopping_before_any_answer_said_score_0_of_0() {
    let run = play("").code(130);
    assert!(!run.stdout.contains("Score 0/0"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Stopped before the first answer: nothing to score."),
        "{}",
        run.stdout
    );
}

#[test]
fn one_right_answer_then_stopping_said_well_done() {
    let first = play("");
    let question = first.stdout.split("Which are fruit?").nth(1).unwrap_or("");
    let (apple, pear) = (letter(question, "Apple"), letter(question, "Pear"));
    let run = play(&format!("{apple},{pear}\n")).code(130);
    assert!(!run.stdout.contains("Well done"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("No mistakes in the 1 question answered."),
        "{}",
        run.stdout
    );
}

#[test]
fn header_showed_only_the_first_tag_and_streak_0() {
    let run = play("");
    assert!(
        run.stdout
            .contains("Question 1/2 · food, plants · medium\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("streak 0"), "{}", run.stdout);
}

#[test]
fn number_prompt_error_suggested_1929_an_answer_of_the_default_bank() {
    let bank = r#"{"title": "N", "questions": [{"id": "n", "kind": "number", "prompt": "How many?", "answer": 3}]}"#;
    let run = Quiz::new()
        .args(["play"])
        .bank("n.json", bank)
        .stdin("many\n3\n")
        .run()
        .code(0);
    assert!(!run.stdout.contains("1929"), "{}", run.stdout);
    assert!(run.stdout.contains("type a number"), "{}", run.stdout);
}

const CLOZE: &str = r#"{"title": "Gaps", "questions": [
  {"id": "c", "kind": "cloze", "prompt": "Fill in the gaps.",
   "text": "The term was coined by {1} in {2}.",
   "gaps": [{"kind": "text", "answer": "Photoplay magazine"}, {"kind": "number", "answer": 1929}],
   "explanation": "Photoplay, 1929."}
]}"#;

#[test]
fn cloze_feedback_listed_the_gaps_apart_from_their_answers() {
    let run = Quiz::new()
        .args(["play"])
        .bank("gaps.json", CLOZE)
        .stdin("Photoplay magazine\n1930\n")
        .run()
        .code(0);
    let out = &run.stdout;
    let gaps = "Your answer:\n    [1] ✔ Photoplay magazine\n    [2] ✘ 1930 → 1929\n";
    // Once after the answer, once in the review of mistakes (three more spaces there).
    assert!(out.contains(&format!("  {gaps}")), "{out}");
    let review = gaps.replace("\n    ", "\n     ");
    assert!(out.contains(&format!("   {review}")), "{out}");
    assert!(!out.contains("The answer:"), "{out}");
}

#[test]
fn a_missed_multi_gap_marked_its_right_choices_wrong() {
    let bank = r#"{"title": "Gaps", "questions": [
      {"id": "c", "kind": "cloze", "prompt": "Fill in the gap.",
       "text": "Soundtracks are also heard in {1}.",
       "gaps": [{"kind": "multi", "answers": ["video games", "theme parks"],
                 "wrong": ["radio plays"]}]}
    ]}"#;
    let run = Quiz::new()
        .args(["play", "--seed", "1"])
        .bank("gaps.json", bank)
        .stdin("a,b,c\n")
        .run()
        .code(0);
    let out = &run.stdout;
    let right = out
        .lines()
        .find(|l| l.contains("→ video games, theme parks"))
        .unwrap_or_else(|| panic!("no right-choices line: {out}"));
    assert!(!right.contains('✘') && !right.contains('✔'), "{right:?}");
    assert!(out.contains("[1] ✘ radio plays"), "{out}");
}
