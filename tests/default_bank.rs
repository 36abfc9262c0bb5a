//! The embedded default bank: valid, covers every kind, every question says why and where, no
//! question gives another away, and a reader's natural answers are accepted.

mod common;

use std::collections::BTreeMap;

use serde_json::Value;
use termquiz::bank::{self, Kind, Question};
use termquiz::engine::grade::{grade, normalize_text};
use termquiz::engine::{Answer, Presented, Session, SessionConfig, correct_answer};
use termquiz::ui::parse::format_answer;

/// The article's sections, as `source` names them.
const SECTIONS: [&str; 6] = [
    "Introduction",
    "Comparison table",
    "What is a Soundtrack?",
    "What is Cast recording?",
    "Main differences",
    "Conclusion",
];

/// The default bank as written (independent of how the model types it).
fn raw_questions() -> Vec<Value> {
    let bank: Value = serde_json::from_str(bank::load::DEFAULT_BANK_JSON).unwrap();
    bank["questions"].as_array().unwrap().clone()
}

fn by_id<'a>(bank: &'a bank::Bank, id: &str) -> &'a Question {
    bank.questions
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn the_embedded_bank_is_valid_and_large_enough() {
    let bank = bank::default_bank().expect("the embedded bank validates");
    assert_eq!(bank.title, "Soundtrack vs Cast Recording");
    assert!(
        bank.questions.len() >= 45,
        "only {} questions",
        bank.questions.len()
    );
}

#[test]
fn every_kind_is_used_at_least_three_times() {
    let bank = bank::default_bank().unwrap();
    let mut kinds: BTreeMap<&str, usize> = Kind::NAMES.iter().map(|k| (*k, 0)).collect();
    for q in &bank.questions {
        *kinds.entry(q.kind.name()).or_default() += 1;
    }
    assert!(kinds.values().all(|&n| n >= 3), "{kinds:?}");
}

#[test]
fn every_question_has_an_explanation_a_source_and_tags() {
    let bank = bank::default_bank().unwrap();
    for q in &bank.questions {
        assert!(
            q.explanation
                .as_deref()
                .is_some_and(|e| !e.trim().is_empty()),
            "{} has no explanation",
            q.id
        );
        let source = q.source.as_deref().unwrap_or_default();
        assert!(!source.is_empty(), "{} has no source", q.id);
        // Several sections are listed as "A; B: 2".
        for part in source.split("; ") {
            assert!(
                SECTIONS.iter().any(|s| part.starts_with(s)),
                "{}: {part:?} in source {source:?} names no section",
                q.id
            );
        }
        assert!(!q.tags.is_empty(), "{} has no tags", q.id);
    }
}

#[test]
fn the_required_tags_are_spread_and_difficulties_balanced() {
    let bank = bank::default_bank().unwrap();
    for tag in [
        "soundtrack",
        "cast-recording",
        "history",
        "labels",
        "differences",
    ] {
        let n = bank
            .questions
            .iter()
            .filter(|q| q.tags.iter().any(|t| t == tag))
            .count();
        assert!(n >= 3, "tag {tag} on only {n} questions");
    }
    let total = bank.questions.len();
    for d in termquiz::bank::Difficulty::ALL {
        let n = bank.questions.iter().filter(|q| q.difficulty == d).count();
        // Balanced: each difficulty between a quarter and two fifths of the bank.
        assert!(n * 4 >= total && n * 5 <= total * 2, "{d}: {n} of {total}");
    }
}

/// Every string of `v`, object keys included (feedback keys name choices).
fn strings_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings_in(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings_in(v, out);
            }
        }
        _ => {}
    }
}

/// What a player can read of a question, anywhere: prompt, hint, choices, items, pairs,
/// passage, explanation, feedback.
fn everything_shown(q: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (key, value) in q.as_object().unwrap() {
        if !["id", "kind", "difficulty", "tags", "source", "title"].contains(&key.as_str()) {
            strings_in(value, &mut out);
        }
    }
    out
}

/// What a question states as true: everything shown but its wrong choices and distractors.
fn statements(q: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in [
        "prompt",
        "hint",
        "text",
        "explanation",
        "answer",
        "answers",
        "items",
        "pairs",
    ] {
        strings_in(&q[key], &mut out);
    }
    if let Some(feedback) = q["feedback"].as_object() {
        feedback.values().for_each(|v| strings_in(v, &mut out));
    }
    for gap in q["gaps"].as_array().into_iter().flatten() {
        strings_in(&gap["answer"], &mut out);
        if let Some(feedback) = gap["feedback"].as_object() {
            feedback.values().for_each(|v| strings_in(v, &mut out));
        }
    }
    out
}

fn as_answer_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Typed answers (text, number, text and number gaps), with their accepted spellings.
fn typed_answers(q: &Value) -> Vec<String> {
    let typed = |part: &Value| -> Vec<String> {
        let mut out: Vec<String> = as_answer_text(&part["answer"]).into_iter().collect();
        strings_in(&part["accept"], &mut out);
        out
    };
    match q["kind"].as_str() {
        Some("text" | "number") => typed(q),
        Some("cloze") => q["gaps"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|g| g["kind"] != "single")
            .flat_map(typed)
            .collect(),
        _ => Vec::new(),
    }
}

/// Picked answers: the right choice of single and multi (and single gaps), match right sides.
fn picked_answers(q: &Value) -> Vec<String> {
    let mut out = Vec::new();
    match q["kind"].as_str() {
        Some("single") => strings_in(&q["answer"], &mut out),
        Some("multi") => strings_in(&q["answers"], &mut out),
        Some("match") => {
            for pair in q["pairs"].as_array().unwrap() {
                strings_in(&pair[1], &mut out);
            }
        }
        Some("cloze") => {
            for gap in q["gaps"].as_array().unwrap() {
                if gap["kind"] == "single" {
                    strings_in(&gap["answer"], &mut out);
                }
            }
        }
        _ => {}
    }
    out
}

/// `needle` appears in `haystack` as whole words, after the grader's folding.
fn mentions(haystack: &str, needle: &str) -> bool {
    let needle = normalize_text(needle);
    !needle.is_empty() && format!(" {} ", normalize_text(haystack)).contains(&format!(" {needle} "))
}

/// The game asks every question in one sitting, so one question must not answer another.
#[test]
fn no_question_gives_another_away() {
    let questions = raw_questions();
    let mut leaks = Vec::new();
    for asked in &questions {
        let (typed, picked) = (typed_answers(asked), picked_answers(asked));
        for other in questions.iter().filter(|o| o["id"] != asked["id"]) {
            // A typed answer may not be read anywhere else, not even as a wrong choice.
            for text in everything_shown(other) {
                for answer in typed.iter().filter(|a| mentions(&text, a)) {
                    leaks.push(format!(
                        "{}: {answer:?} is in {}: {text:?}",
                        asked["id"], other["id"]
                    ));
                }
            }
            // A picked answer may be another question's wrong choice, but never stated.
            for text in statements(other) {
                for answer in picked.iter().filter(|a| mentions(&text, a)) {
                    leaks.push(format!(
                        "{}: {answer:?} is in {}: {text:?}",
                        asked["id"], other["id"]
                    ));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

#[test]
fn the_give_away_check_catches_a_prompt_stating_an_answer() {
    let leaky = serde_json::json!({"id": "b", "kind": "single", "prompt": "Photoplay named what?",
        "answer": "the term", "wrong": ["x"]});
    let asked = serde_json::json!({"id": "a", "kind": "text", "prompt": "Which magazine?",
        "answer": "Photoplay"});
    assert!(
        everything_shown(&leaky)
            .iter()
            .any(|t| mentions(t, &typed_answers(&asked)[0]))
    );
    assert!(statements(&leaky).iter().any(|t| mentions(t, "the term")));
    assert!(!mentions("Photoplays", "Photoplay"), "whole words only");
    assert!(mentions(
        "In 1931, yes",
        &as_answer_text(&serde_json::json!(1931)).unwrap()
    ));
}

fn text_grade(q: &Question, given: &str) -> f64 {
    let shown = Presented::default();
    grade(q, &shown, &Answer::Text(given.to_string())).credit
}

#[test]
fn natural_answers_the_issue_lists_are_right() {
    let bank = bank::default_bank().unwrap();
    let cases: [(&str, &[&str]); 5] = [
        (
            "photoplay-magazine",
            &[
                "Photoplay",
                "Photoplay magazine",
                "The Photoplay",
                "photoplay.",
            ],
        ),
        (
            "famous-label-example",
            &["ABC", "ABC Records", "ABC label", "A.B.C.", "the ABC label"],
        ),
        (
            "book-soundtrack-example",
            &[
                "Harry Potter",
                "Game of Thrones",
                "G.O.T.",
                "the GOT",
                "GOT",
            ],
        ),
        (
            "first-cast-recordings-by",
            &[
                "The British",
                "British",
                "Great Britain",
                "UK",
                "the UK",
                "United Kingdom",
                "Brits",
            ],
        ),
        (
            "cd-soundtrack-name",
            &[
                "OST",
                "Original Soundtrack",
                "an original sound track",
                "O.S.T.",
            ],
        ),
    ];
    for (id, answers) in cases {
        let q = by_id(&bank, id);
        for given in answers {
            assert_eq!(text_grade(q, given), 1.0, "{id}: {given:?} should be right");
        }
    }
    // The widening stays an answer: near misses of other facts are still wrong.
    assert_eq!(
        text_grade(by_id(&bank, "famous-label-example"), "Decca"),
        0.0
    );
    assert_eq!(text_grade(by_id(&bank, "famous-label-example"), "ABD"), 0.0);
    assert_eq!(
        text_grade(by_id(&bank, "first-cast-recordings-by"), "the Americans"),
        0.0
    );
    assert_eq!(
        text_grade(by_id(&bank, "photoplay-magazine"), "Billboard"),
        0.0
    );
}

/// How a reader of the article would type the typed answers (the rest: the right choice).
fn natural_answer(id: &str) -> Option<&'static str> {
    Some(match id {
        "photoplay-magazine" => "Photoplay magazine",
        "famous-label-example" => "ABC Records",
        "book-soundtrack-example" => "the GOT",
        "first-cast-recordings-by" => "the UK",
        "cd-soundtrack-name" => "original soundtrack",
        // Cloze: one line per gap; a choice gap by its letter is left to the layout.
        "soundtrack-cloze" => "post production\npodcast",
        _ => return None,
    })
}

#[test]
fn a_reader_typing_natural_answers_scores_100_percent() {
    let bank = bank::default_bank().unwrap();
    let mut session = Session::new(
        &bank,
        SessionConfig {
            seed: 16,
            ..SessionConfig::default()
        },
    )
    .unwrap();
    let mut lines = String::new();
    while let Some(turn) = session.current() {
        let answer = correct_answer(turn.question, turn.shown);
        let line = natural_answer(&turn.question.id)
            .map(str::to_string)
            .unwrap_or_else(|| format_answer(&answer));
        lines.push_str(&line);
        lines.push('\n');
        session.answer(Some(&answer), 1);
    }
    let n = bank.questions.len();
    common::Quiz::new()
        .args(["play", "--all", "--seed", "16"])
        .stdin(&lines)
        .run()
        .code(0)
        .stdout_has(&format!("{n} of {n} right"))
        .stdout_has("(100%)");
}

/// The README's plain-mode example plays the default bank: keep it true when the bank changes.
#[test]
fn the_readme_plain_mode_example_runs_as_shown() {
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(
            "printf 'a\\nthe GOT\\nc\\nnoise\\n' | termquiz play --seed 19 -n 3   # 2 of 3 right"
        ),
        "the README example changed: update this test with it"
    );
    common::Quiz::new()
        .args(["play", "--seed", "19", "-n", "3"])
        .stdin("a\nthe GOT\nc\nnoise\n")
        .run()
        .code(0)
        .stdout_has("Fill in the gaps in these sentences about cast recording.")
        .stdout_has("2 of 3 right")
        .stdout_has("Review of 1 missed:");
}

/// Every wrong choice says why it is wrong, and a true/false question answers both ways.
#[test]
fn every_wrong_choice_and_both_true_false_answers_have_feedback() {
    let mut missing = Vec::new();
    for q in raw_questions() {
        let feedback = |part: &Value, key: &str| {
            part["feedback"][key]
                .as_str()
                .is_some_and(|f| !f.trim().is_empty())
        };
        let mut wrong_of = |part: &Value, place: String| {
            for wrong in part["wrong"].as_array().into_iter().flatten() {
                let wrong = wrong.as_str().unwrap();
                if !feedback(part, wrong) {
                    missing.push(format!("{place}: wrong choice {wrong:?}"));
                }
            }
        };
        wrong_of(&q, q["id"].to_string());
        for (n, gap) in q["gaps"].as_array().into_iter().flatten().enumerate() {
            wrong_of(gap, format!("{} gap {}", q["id"], n + 1));
        }
        if q["kind"] == "true_false" {
            for key in ["true", "false"] {
                if !feedback(&q, key) {
                    missing.push(format!("{}: answer {key}", q["id"]));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no feedback for:\n{}",
        missing.join("\n")
    );
}
