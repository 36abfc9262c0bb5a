//! Property test: a bank exported as Moodle XML and imported again is the same bank, on every
//! field Moodle XML carries (fixed seed, like tests/fuzz_props.rs).
//!
//! Not carried, so generated at their defaults: difficulty, source, time limit, the bank's
//! description. Carried with a rule: the first tag is the Moodle category (every question
//! here has one), a cloze's points are the sum of its gap weights, credits are Moodle's
//! fractions (0.3333333…), a cloze prompt is one paragraph before the passage.

mod common;

use proptest::prelude::*;
use termquiz::bank::{
    self, Bank, Cloze, Difficulty, Feedback, Gap, GapKind, Kind, Match, Multi, Number,
    NumberAnswer, Order, Question, Single, Text, TrueFalse, Unit,
};
use termquiz::import::moodle_xml;

/// Fractions Moodle accepts strictly between 0 and 1.
const CREDITS: [f64; 19] = [
    0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
    0.1428571, 0.125, 0.1111111, 0.1, 0.05,
];

/// Text with XML and embedded-answer specials; trimmed, single spaces, one line.
fn word() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r##"[a-zA-Z0-9éß日 <>&'"#~}*\\;.=%-]{1,10}"##)
        .unwrap()
        .prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        // `*` is the feedback key for "any other answer", not a choice.
        .prop_filter("blank or *", |s| !s.is_empty() && s != "*")
}

/// Longer text for prompts and explanations: may hold line breaks, `]]>` and `{`.
fn prose() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r##"[a-zA-Z0-9 <>&'"\n\]{}:=~#]{1,30}"##)
        .unwrap()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("blank", |s| !s.is_empty())
}

fn distinct(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(word(), min..=max + 4).prop_filter_map("too few", move |all| {
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<String> = all
            .into_iter()
            .filter(|t| seen.insert(fold(t)))
            .take(max)
            .collect();
        (unique.len() >= min).then_some(unique)
    })
}

/// What lenient matching might see as the same answer.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn credit() -> impl Strategy<Value = f64> {
    proptest::sample::select(CREDITS.to_vec())
}

fn feedback_for(keys: &[String], picks: &[bool], texts: &[String]) -> Feedback {
    let mut feedback = Feedback::default();
    for ((key, pick), text) in keys.iter().zip(picks).zip(texts) {
        if *pick {
            feedback.insert(key.clone(), text.clone());
        }
    }
    feedback
}

fn single() -> impl Strategy<Value = Single> {
    (
        distinct(2, 5),
        proptest::collection::vec((any::<bool>(), credit(), any::<bool>(), word()), 5),
    )
        .prop_map(|(choices, extra)| {
            let picks: Vec<bool> = extra.iter().map(|e| e.2).collect();
            let texts: Vec<String> = extra.iter().map(|e| e.3.clone()).collect();
            let wrong = choices[1..].to_vec();
            Single {
                partial: wrong
                    .iter()
                    .zip(&extra)
                    .filter(|(_, e)| e.0)
                    .map(|(w, e)| (w.clone(), e.1))
                    .collect(),
                feedback: feedback_for(&choices, &picks, &texts),
                ..Single::new(choices[0].clone(), wrong)
            }
        })
}

fn multi() -> impl Strategy<Value = Multi> {
    (
        distinct(3, 6),
        1usize..3,
        any::<bool>(),
        proptest::collection::vec(credit(), 12),
    )
        .prop_map(|(mut choices, n, explicit, credits)| {
            let wrong = choices.split_off(n);
            // Right choices share the whole credit, as Moodle's form requires.
            let shares: &[f64] = match (choices.len(), (credits[0] * 10.0) as usize % 4) {
                (1, _) => &[1.0],
                (_, 0) => &[0.25, 0.75],
                (_, 1) => &[0.4, 0.6],
                (_, 2) => &[0.3, 0.7],
                _ => &[0.5, 0.5],
            };
            let weights = if explicit {
                choices
                    .iter()
                    .zip(shares)
                    .map(|(c, w)| (c.clone(), *w))
                    .chain(
                        wrong
                            .iter()
                            .zip(&credits[6..])
                            .map(|(c, w)| (c.clone(), -*w)),
                    )
                    .collect()
            } else {
                Vec::new()
            };
            Multi {
                weights,
                ..Multi::new(choices, wrong)
            }
        })
        .prop_filter("explicit weights equal to the default rule", |m| {
            let share = ((1.0 / m.answers.len() as f64) * 1e7).round() / 1e7;
            m.weights.is_empty()
                || !m.weights.iter().all(|(c, w)| {
                    let expected = if m.answers.contains(c) { share } else { -share };
                    (w - expected).abs() < 1e-7
                })
        })
}

fn text_kind() -> impl Strategy<Value = Text> {
    (
        distinct(2, 6),
        0usize..2,
        0usize..2,
        any::<bool>(),
        proptest::collection::vec((any::<bool>(), word()), 7),
        proptest::collection::vec(credit(), 2),
    )
        .prop_map(
            |(mut all, n_accept, n_partial, case_sensitive, fb, credits)| {
                let answer = all.remove(0);
                let accept: Vec<String> = all.drain(..n_accept.min(all.len())).collect();
                let partial: Vec<(String, f64)> =
                    all.drain(..n_partial.min(all.len())).zip(credits).collect();
                // Feedback in the order Moodle lists answers: accepted, partial, anticipated, `*`.
                let mut keys: Vec<String> = std::iter::once(answer.clone())
                    .chain(accept.iter().cloned())
                    .chain(partial.iter().map(|(a, _)| a.clone()))
                    .collect();
                keys.extend(all.into_iter().take(1));
                keys.push("*".to_string());
                let picks: Vec<bool> = fb.iter().map(|f| f.0).collect();
                let texts: Vec<String> = fb.iter().map(|f| f.1.clone()).collect();
                let mut feedback = feedback_for(&keys, &picks, &texts);
                // An anticipated wrong answer only exists through its feedback.
                if feedback.is_empty() {
                    feedback.insert("*", "No.");
                }
                Text {
                    partial,
                    case_sensitive,
                    feedback,
                    ..Text::new(answer, accept)
                }
            },
        )
}

fn number_value() -> impl Strategy<Value = f64> {
    prop_oneof![-1.0e6..1.0e6f64, (-1000i32..1000).prop_map(f64::from)]
}

fn number_kind(units: bool) -> impl Strategy<Value = Number> {
    let also = (
        number_value(),
        0.0..10.0f64,
        prop_oneof![Just(0.0), credit()],
        proptest::option::of(word()),
    );
    (
        number_value(),
        prop_oneof![Just(0.0), 0.0..100.0f64],
        proptest::collection::vec(also, 0..3),
        proptest::option::of(word()),
        proptest::option::of(word()),
        if units {
            proptest::collection::vec(("[a-z]{1,3}", 0.001..1000.0f64), 0..3).boxed()
        } else {
            Just(vec![]).boxed()
        },
    )
        .prop_map(|(answer, tolerance, also, main_fb, other_fb, units)| {
            let mut kind = Number::new(answer, tolerance);
            kind.also = also
                .into_iter()
                .map(|(answer, tolerance, credit, feedback)| NumberAnswer {
                    answer,
                    tolerance,
                    credit,
                    feedback,
                })
                .collect();
            if let Some(text) = main_fb {
                kind.feedback.insert(answer.to_string(), text);
            }
            if let Some(text) = other_fb {
                kind.feedback.insert("*", text);
            }
            let mut seen = std::collections::HashSet::new();
            kind.units = units
                .into_iter()
                .filter(|(u, _)| seen.insert(u.clone()))
                .map(|(unit, multiplier)| Unit { unit, multiplier })
                .collect();
            kind
        })
}

/// A multi with feedback on some choices (a MULTIRESPONSE gap carries it per choice).
fn multi_with_feedback() -> impl Strategy<Value = Multi> {
    (
        multi(),
        proptest::collection::vec((any::<bool>(), word()), 6),
    )
        .prop_map(|(mut multi, fb)| {
            let keys: Vec<String> = multi.answers.iter().chain(&multi.wrong).cloned().collect();
            let picks: Vec<bool> = fb.iter().map(|f| f.0).collect();
            let texts: Vec<String> = fb.iter().map(|f| f.1.clone()).collect();
            multi.feedback = feedback_for(&keys, &picks, &texts);
            multi
        })
}

fn gap() -> impl Strategy<Value = Gap> {
    let kind = prop_oneof![
        single().prop_map(GapKind::Single),
        multi_with_feedback().prop_map(GapKind::Multi),
        text_kind().prop_map(GapKind::Text),
        number_kind(false).prop_map(GapKind::Number),
    ];
    (kind, 1u8..4).prop_map(|(kind, weight)| Gap {
        kind,
        weight: f64::from(weight),
    })
}

/// A passage of plain words around gaps `{1}`, `{2}`… in order.
fn cloze() -> impl Strategy<Value = Cloze> {
    (
        proptest::collection::vec(gap(), 1..4),
        proptest::collection::vec("[a-zA-Z .,<>&]{0,8}", 5),
    )
        .prop_map(|(gaps, words)| {
            let mut text = String::new();
            for (i, _) in gaps.iter().enumerate() {
                text.push_str(&words[i]);
                text.push_str(&format!(" {{{}}} ", i + 1));
            }
            text.push_str(&words[4]);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            Cloze::new(text, gaps)
        })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        single().prop_map(Kind::from),
        multi().prop_map(Kind::from),
        (
            any::<bool>(),
            proptest::option::of(word()),
            proptest::option::of(word())
        )
            .prop_map(|(answer, t, f)| {
                let mut kind = TrueFalse::new(answer);
                if let Some(t) = t {
                    kind.feedback.insert("true", t);
                }
                if let Some(f) = f {
                    kind.feedback.insert("false", f);
                }
                Kind::from(kind)
            }),
        text_kind().prop_map(Kind::from),
        number_kind(true).prop_map(Kind::from),
        distinct(2, 5).prop_map(|items| Kind::from(Order::new(items))),
        (distinct(6, 9), 0usize..3).prop_map(|(mut all, extra)| {
            let extra: Vec<String> = all.drain(..extra).collect();
            let pairs = all
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| (c[0].clone(), c[1].clone()))
                .collect();
            Kind::from(Match { pairs, extra })
        }),
        cloze().prop_map(Kind::from),
    ]
}

fn question(index: usize) -> impl Strategy<Value = Question> {
    (
        kind(),
        prose(),
        proptest::option::of(word()),
        proptest::option::of(prose()),
        proptest::option::of(prose()),
        proptest::collection::vec("[a-z][a-z0-9]{0,3}(-[a-z0-9]{1,3})?", 1..4),
        1u32..5,
        "[a-zA-Z .]{1,20}",
    )
        .prop_map(
            move |(kind, prompt, title, explanation, hint, tags, points, cloze_prompt)| {
                let is_cloze = matches!(kind, Kind::Cloze(_));
                let mut q = Question::new(format!("q{index}"), prompt, kind);
                if let Kind::Cloze(cloze) = &q.kind {
                    q.points = cloze.gaps.iter().map(|g| g.weight).sum::<f64>().ceil() as u32;
                    q.prompt = cloze_prompt.trim().to_string();
                } else {
                    q.points = points;
                }
                if q.prompt.is_empty() || (is_cloze && q.prompt.contains('{')) {
                    q.prompt = "Fill in.".to_string();
                }
                q.title = title.filter(|t| *t != q.id);
                q.explanation = explanation;
                q.hint = hint;
                let mut seen = std::collections::HashSet::new();
                q.tags = tags
                    .into_iter()
                    .filter(|t| seen.insert(t.clone()))
                    .collect();
                q.difficulty = Difficulty::Medium;
                q
            },
        )
}

fn bank() -> impl Strategy<Value = Bank> {
    (1usize..5)
        .prop_flat_map(|n| (0..n).map(question).collect::<Vec<_>>())
        .prop_map(|questions| Bank {
            title: "Round / trip".to_string(),
            description: None,
            questions,
        })
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    #[test]
    fn moodle_xml_export_then_import_gives_the_bank_back(bank in bank()) {
        // Only banks that termquiz itself accepts.
        let json = bank::raw::to_json(&bank);
        let valid = bank::parse("gen.json", json.as_bytes());
        prop_assert!(valid.is_ok(), "{:?}", valid.err());
        let exported = moodle_xml::export::to_moodle_xml(&bank);
        prop_assert!(exported.notes.is_empty(), "{:?}", exported.notes);
        let parsed = moodle_xml::parse(&exported.text).map_err(|e| TestCaseError::fail(format!("{e}\n{}", exported.text)))?;
        let imported = parsed.finish(&bank.title, || {});
        prop_assert!(imported.skipped.is_empty(), "{:?}\n{}", imported.skipped, exported.text);
        for (back, original) in imported.bank.questions.iter().zip(&bank.questions) {
            prop_assert_eq!(back, original, "{}", exported.text);
        }
        prop_assert_eq!(imported.bank.questions.len(), bank.questions.len());
    }
}
