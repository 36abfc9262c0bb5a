//! The embedded default bank: valid, covers every kind, and every question says why and where.

use std::collections::BTreeMap;

use termquiz::bank::{self, Kind};

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
    const SECTIONS: [&str; 6] = [
        "Introduction",
        "Comparison table",
        "What is a Soundtrack?",
        "What is Cast recording?",
        "Main differences",
        "Conclusion",
    ];
    let bank = bank::default_bank().unwrap();
    for q in &bank.questions {
        assert!(q.explanation.is_some(), "{} has no explanation", q.id);
        let source = q.source.as_deref().unwrap_or_default();
        assert!(
            SECTIONS.iter().any(|s| source.starts_with(s)),
            "{}: source {source:?} names no section",
            q.id
        );
        assert!(!q.tags.is_empty(), "{} has no tags", q.id);
    }
}

#[test]
fn the_required_tags_and_difficulties_are_spread() {
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
    for d in termquiz::bank::Difficulty::ALL {
        let n = bank.questions.iter().filter(|q| q.difficulty == d).count();
        assert!(n * 5 >= bank.questions.len(), "{d}: {n}");
    }
}
