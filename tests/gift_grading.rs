//! Imported GIFT questions grade as Moodle grades them: each question of
//! tests/fixtures/import/gift-moodle-grading.gift is played in plain mode with each of its
//! answers, checking Moodle's credit (the score) and the feedback shown.

mod common;

use common::{Quiz, fixture};
use termquiz::bank::{self, Bank, Question};

/// The fixture imported through the binary.
fn imported() -> Bank {
    let run = Quiz::new()
        .args(["import", "--from", "gift"])
        .args([fixture("import/gift-moodle-grading.gift")
            .display()
            .to_string()])
        .run()
        .code(0);
    bank::parse("imported.json", run.stdout.as_bytes()).expect("valid bank")
}

/// A bank of one question, as JSON.
fn alone(q: &Question) -> String {
    bank::raw::to_json(&Bank {
        title: "One".into(),
        description: None,
        questions: vec![q.clone()],
    })
}

/// Plays the question alone in practice mode with `line` as the answer; the whole output.
fn play(q: &Question, line: &str) -> String {
    Quiz::new()
        .args(["play", "--seed", "7", "--mode", "practice"])
        .bank("one.json", &alone(q))
        .stdin(&format!("{line}\n"))
        .run()
        .code(0)
        .stdout
}

/// The letter plain mode shows before `choice` (`  b) Galilee`).
fn letter(q: &Question, choice: &str) -> String {
    let shown = Quiz::new()
        .args(["play", "--seed", "7", "--mode", "practice"])
        .bank("one.json", &alone(q))
        .run()
        .stdout;
    shown
        .lines()
        .find_map(|l| {
            let (letter, text) = l.trim().split_once(") ")?;
            (text == choice && letter.len() == 1).then(|| letter.to_string())
        })
        .unwrap_or_else(|| panic!("no choice {choice:?} in:\n{shown}"))
}

/// Checks the score (`Score 0.5/1`) and that `feedback` (if any) is shown.
fn assert_graded(out: &str, score: &str, feedback: Option<&str>, what: &str) {
    assert!(
        out.contains(&format!("Score {score}/1 ")),
        "{what}: want score {score}:\n{out}"
    );
    if let Some(f) = feedback {
        assert!(out.contains(f), "{what}: want feedback {f:?}:\n{out}");
    }
}

fn question<'a>(bank: &'a Bank, id: &str) -> &'a Question {
    bank.questions.iter().find(|q| q.id == id).expect(id)
}

#[test]
fn weighted_short_answer_rejects_greece_with_its_feedback() {
    let bank = imported();
    let q = question(&bank, "crete");
    for (typed, score, feedback) in [
        ("Crete", "1", Some("Yes, Crete.")),
        ("Greece", "0", Some("we want the island")),
        ("Rhodes", "0", Some("Think of islands.")),
    ] {
        assert_graded(&play(q, typed), score, feedback, typed);
    }
}

#[test]
fn half_weighted_short_answer_earns_half() {
    let bank = imported();
    let q = question(&bank, "cat");
    assert_graded(&play(q, "Tiger"), "1", None, "Tiger");
    assert_graded(&play(q, "Cat"), "0.5", Some("Half right"), "Cat");
    assert_graded(&play(q, "Dog"), "0", None, "Dog");
}

#[test]
fn one_answer_choice_with_partial_credit() {
    let bank = imported();
    let q = question(&bank, "nazareth");
    for (choice, score, feedback) in [
        ("Nazareth", "1", "Yes."),
        ("Galilee", "0.5", "That is the region."),
        ("Bethlehem", "0.25", "He was born there."),
        ("Jerusalem", "0", "He was crucified there."),
    ] {
        let out = play(q, &letter(q, choice));
        assert_graded(&out, score, Some(feedback), choice);
    }
}

#[test]
fn several_right_numbers_are_all_accepted() {
    let bank = imported();
    let q = question(&bank, "roots");
    assert_graded(&play(q, "-7"), "1", None, "-7");
    assert_graded(&play(q, "4"), "1", None, "4");
    assert_graded(&play(q, "3"), "0", None, "3");
}

#[test]
fn grasp_numeric_keeps_its_right_number_at_full_credit() {
    let bank = imported();
    let q = question(&bank, "grasp");
    assert_graded(&play(q, "8"), "1", Some("Right."), "8");
    assert_graded(&play(q, "6"), "0", Some("That is an insect."), "6");
    assert_graded(&play(q, "5"), "0", Some("Count again."), "5");
}

#[test]
fn true_false_feedback_for_each_value() {
    let bank = imported();
    let q = question(&bank, "sun");
    assert_graded(&play(q, "f"), "1", Some("Right, it is a star."), "false");
    assert_graded(&play(q, "t"), "0", Some("No, it is a star."), "true");
}

#[test]
fn multiple_answers_weigh_each_pick() {
    let bank = imported();
    let q = question(&bank, "primes");
    let pick = |choices: &[&str]| {
        let letters: Vec<String> = choices.iter().map(|c| letter(q, c)).collect();
        play(q, &letters.join(","))
    };
    assert_graded(&pick(&["2", "3"]), "1", Some("3 is prime."), "2,3");
    assert_graded(&pick(&["2"]), "0.5", Some("2 is prime."), "2");
    assert_graded(&pick(&["2", "3", "4"]), "0", Some("4 = 2 × 2."), "2,3,4");
}

#[test]
fn matching_with_a_distractor_and_a_shared_right_side() {
    let bank = imported();
    let q = question(&bank, "animals");
    let (cat, dog, cow) = (letter(q, "Cat"), letter(q, "Dog"), letter(q, "Cow"));
    let shown = Quiz::new()
        .args(["play", "--seed", "7", "--mode", "practice"])
        .bank("one.json", &alone(q))
        .run()
        .stdout;
    // Left items are listed `  1. Chat`; each is answered with a right-hand letter.
    let lefts: Vec<&str> = shown
        .lines()
        .filter_map(|l| l.trim().split_once(". ").map(|(_, left)| left))
        .filter(|l| ["Chat", "Chien", "Minou"].contains(l))
        .collect();
    assert_eq!(lefts.len(), 3, "{shown}");
    // Moodle: each left item is a third; the distractor Cow is never right.
    let answer: Vec<&str> = lefts
        .iter()
        .map(|l| match *l {
            "Chat" => cat.as_str(),
            "Chien" => dog.as_str(),
            _ => cow.as_str(),
        })
        .collect();
    assert_graded(&play(q, &answer.join(" ")), "0.67", None, "Minou -> Cow");
    // Chat and Minou share Cat: its letter is given twice.
    let shared: Vec<&str> = lefts
        .iter()
        .map(|l| {
            if *l == "Chien" {
                dog.as_str()
            } else {
                cat.as_str()
            }
        })
        .collect();
    assert_graded(&play(q, &shared.join(" ")), "1", None, "shared Cat");
}

#[test]
fn general_feedback_and_an_accepted_variant_with_its_own_feedback() {
    let bank = imported();
    let q = question(&bank, "capitals");
    let out = play(q, "paris city");
    assert_graded(&out, "1", Some("Fine."), "paris city");
    assert!(out.contains("The capital since 987."), "{out}");
}

#[test]
fn star_gives_any_other_answer_its_credit_and_feedback() {
    let bank = imported();
    let q = question(&bank, "wild");
    assert_graded(&play(q, "Lion"), "1", None, "Lion");
    assert_graded(
        &play(q, "Puma"),
        "0.5",
        Some("Any other answer earns half."),
        "Puma",
    );
}
