//! import(export(bank)) == bank on every field GIFT carries, over generated banks that use
//! every field: titles, tags (and category paths), feedback of every kind, partial credit,
//! explicit weights, several numbers, match distractors and shared right sides.

mod common;

use proptest::prelude::*;
use termquiz::bank::{
    self, Bank, Difficulty, Feedback, Kind, Match, Multi, Number, NumberAnswer, Question, Single,
    Text, TrueFalse,
};
use termquiz::import::{export, gift};

/// Short text with GIFT's special characters, `->`, HTML-looking bits, accents, CJK, an
/// emoji and inner newlines; trimmed, because GIFT does not keep outer spaces.
fn text() -> impl Strategy<Value = String> {
    let plain =
        || proptest::string::string_regex(r"[a-zA-Zé日🎵 ~=#{}:%\\\n.<>&;-]{1,12}").unwrap();
    let prefixed = plain().prop_map(|s| format!("[html]{s}"));
    prop_oneof![8 => plain(), 1 => prefixed, 1 => Just("<b>x</b> &amp;".to_string())]
        .prop_map(|s| s.trim().to_string())
        .prop_filter("blank", |s| !s.is_empty())
}

/// `n` distinct texts (case counts, as in Moodle).
fn distinct(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    common::props::distinct_by(text(), min, max, |t| t.trim().to_string())
}

/// A credit strictly between 0 and 1, written as Moodle teachers do (`%25%`, `%33.33333%`).
fn partial_credit() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.25), Just(0.5), Just(0.1), Just(0.3333333), Just(0.8)]
}

fn feedback_for(keys: Vec<String>) -> impl Strategy<Value = Feedback> {
    let n = keys.len();
    proptest::collection::vec(proptest::option::of(text()), n).prop_map(move |texts| {
        Feedback(
            keys.iter()
                .zip(texts)
                .filter_map(|(k, t)| Some((k.clone(), t?)))
                .collect(),
        )
    })
}

fn single() -> impl Strategy<Value = Kind> {
    distinct(2, 5)
        .prop_flat_map(|c| {
            let wrong = c[1..].to_vec();
            let partial =
                proptest::collection::vec(proptest::option::of(partial_credit()), wrong.len());
            (Just(c.clone()), partial, feedback_for(c))
        })
        .prop_map(|(c, partial, feedback)| {
            let partial = c[1..]
                .iter()
                .zip(partial)
                .filter_map(|(w, p)| Some((w.clone(), p?)))
                .collect();
            Kind::Single(Single {
                answer: c[0].clone(),
                wrong: c[1..].to_vec(),
                partial,
                feedback,
            })
        })
}

fn multi() -> impl Strategy<Value = Kind> {
    (distinct(3, 6), 1usize..3, any::<bool>())
        .prop_flat_map(|(c, n, weighted)| {
            (Just(c.clone()), Just(n), Just(weighted), feedback_for(c))
        })
        .prop_map(|(c, n, weighted, feedback)| {
            let (answers, wrong) = (c[..n].to_vec(), c[n..].to_vec());
            // Uneven explicit weights (70/30, or all on one), wrong ones 0 or a full penalty.
            let weights = if weighted {
                let right: Vec<f64> = if n == 2 { vec![0.7, 0.3] } else { vec![1.0] };
                let penalties = [0.0, -1.0, -0.5];
                answers
                    .iter()
                    .zip(right)
                    .map(|(a, w)| (a.clone(), w))
                    .chain(
                        wrong
                            .iter()
                            .enumerate()
                            .map(|(i, w)| (w.clone(), penalties[i % 3])),
                    )
                    .collect()
            } else {
                Vec::new()
            };
            Kind::Multi(Multi {
                answers,
                wrong,
                weights,
                feedback,
            })
        })
}

fn true_false() -> impl Strategy<Value = Kind> {
    (
        any::<bool>(),
        feedback_for(vec!["true".into(), "false".into()]),
    )
        .prop_map(|(answer, feedback)| Kind::TrueFalse(TrueFalse { answer, feedback }))
}

fn short() -> impl Strategy<Value = Kind> {
    (distinct(2, 6), 1usize..3, 0usize..2)
        .prop_flat_map(|(c, full, partial)| {
            let partial = partial.min(c.len() - full);
            let mut keys = c.clone();
            keys.push("*".into());
            (
                Just(c),
                Just(full),
                Just(partial),
                partial_credit(),
                feedback_for(keys),
            )
        })
        .prop_map(|(c, full, partial, credit, feedback)| {
            Kind::Text(Text {
                answer: c[0].clone(),
                accept: c[1..full].to_vec(),
                partial: c[full..full + partial]
                    .iter()
                    .map(|p| (p.clone(), credit))
                    .collect(),
                case_sensitive: false,
                feedback,
            })
        })
}

fn number() -> impl Strategy<Value = Kind> {
    let value = prop_oneof![-1.0e6..1.0e6f64, Just(-7.0), Just(0.5)];
    let tolerance = prop_oneof![Just(0.0), 0.0..100.0f64];
    let also = (
        value.clone(),
        tolerance.clone(),
        prop_oneof![Just(0.0), Just(0.5), Just(1.0)],
        proptest::option::of(text()),
    )
        .prop_map(|(answer, tolerance, credit, feedback)| NumberAnswer {
            answer,
            tolerance,
            credit,
            feedback,
        });
    (
        value,
        tolerance,
        proptest::collection::vec(also, 0..3),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(answer, tolerance, also, own, other)| {
            let mut feedback = Feedback::default();
            if let Some(own) = own {
                feedback.insert(answer.to_string(), own);
            }
            if let Some(other) = other {
                feedback.insert("*", other);
            }
            Kind::Number(Number {
                answer,
                tolerance,
                also,
                feedback,
                ..Number::default()
            })
        })
}

fn matching() -> impl Strategy<Value = Kind> {
    (distinct(2, 4), distinct(3, 5), any::<bool>()).prop_map(|(left, right, share)| {
        let mut pairs: Vec<(String, String)> =
            left.into_iter().zip(right.iter().cloned()).collect();
        let n = pairs.len();
        if share {
            pairs[n - 1].1 = pairs[0].1.clone();
        }
        let extra = right[n.min(right.len())..].to_vec();
        Kind::Match(Match { pairs, extra })
    })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        single(),
        multi(),
        true_false(),
        short(),
        number(),
        matching()
    ]
}

fn tags() -> impl Strategy<Value = Vec<String>> {
    let pool = ["geo", "Unit 1", "unit-1/lesson-2", "a]b", "history/ww2"];
    proptest::sample::subsequence(pool.to_vec(), 0..=3)
        .prop_map(|t| t.into_iter().map(str::to_string).collect())
}

fn question(index: usize) -> impl Strategy<Value = Question> {
    (
        text(),
        kind(),
        proptest::option::of(text()),
        proptest::option::of(text()),
        tags(),
    )
        .prop_map(move |(prompt, kind, explanation, title, tags)| {
            let mut q = Question::new(format!("q{index}-x--y"), prompt, kind);
            q.explanation = explanation;
            q.title = title;
            q.tags = tags;
            q
        })
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

/// A question as GIFT carries it: order-free maps sorted; what GIFT cannot say at its default.
fn carried(q: &Question) -> Question {
    let mut q = q.clone();
    q.difficulty = Difficulty::Medium;
    q.points = 1;
    q.hint = None;
    q.source = None;
    q.time_limit = None;
    let sort = |f: &mut Feedback| f.0.sort();
    let sort_credits = |c: &mut Vec<(String, f64)>| c.sort_by(|a, b| a.0.cmp(&b.0));
    match &mut q.kind {
        Kind::Single(k) => {
            sort(&mut k.feedback);
            sort_credits(&mut k.partial);
        }
        Kind::Multi(k) => {
            sort(&mut k.feedback);
            sort_credits(&mut k.weights);
        }
        Kind::TrueFalse(k) => sort(&mut k.feedback),
        Kind::Text(k) => {
            sort(&mut k.feedback);
            sort_credits(&mut k.partial);
            k.case_sensitive = false;
        }
        Kind::Number(k) => {
            sort(&mut k.feedback);
            k.units.clear();
        }
        _ => {}
    }
    q
}

fn round_trip(bank: &Bank) -> Bank {
    let text = export::to_gift(bank).text;
    let imported = gift::parse(&text).finish(&bank.title, || {});
    assert!(
        imported.skipped.is_empty(),
        "{:?}\n{text}",
        imported.skipped
    );
    imported.bank
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn import_of_export_keeps_every_field_gift_carries(bank in generated_bank()) {
        // Compared with the bank as loaded, the way every bank reaches the exporter.
        let loaded = bank::parse("generated", bank::raw::to_json(&bank).as_bytes());
        prop_assume!(loaded.is_ok());
        let loaded = loaded.unwrap();
        let back = round_trip(&loaded);
        let want: Vec<Question> = loaded.questions.iter().map(carried).collect();
        let got: Vec<Question> = back.questions.iter().map(carried).collect();
        prop_assert_eq!(got, want);
    }
}

#[test]
fn regression_match_key_with_an_arrow_comes_back_the_same() {
    let q = Question::new(
        "m",
        "Match",
        Match::new(vec![
            ("a -> b".into(), "c".into()),
            ("d".into(), "e -> f".into()),
        ]),
    );
    let bank = Bank {
        title: "T".into(),
        description: None,
        questions: vec![q],
    };
    assert_eq!(round_trip(&bank).questions, bank.questions);
}
