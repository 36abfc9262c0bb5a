//! `termquiz list` and `termquiz schema`.

mod common;

use common::{Quiz, fixture};
use proptest::prelude::*;
use termquiz::bank::{
    self, Bank, Difficulty, Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse,
};

#[test]
fn list_prints_a_table_of_the_default_bank() {
    let bank = bank::default_bank().unwrap();
    let run = Quiz::new()
        .args(["list"])
        .run()
        .code(0)
        .stdout_has("ID")
        .stdout_has("PROMPT");
    for q in &bank.questions {
        assert!(run.stdout.contains(&q.id), "{} missing", q.id);
    }
    assert_eq!(run.stdout.lines().count(), bank.questions.len() + 1);
    let footer = format!("{} questions", bank.questions.len());
    assert!(run.stderr.contains(&footer), "{}", run.stderr);
}

#[test]
fn list_into_a_pipe_cut_prompts_at_120_columns_so_grep_missed_text() {
    let long = "word ".repeat(100);
    let json = format!(
        r#"{{"title": "Long", "questions": [{{"id": "a", "kind": "true_false", "prompt": "{long}", "answer": true}}]}}"#
    );
    let run = Quiz::new()
        .args(["list"])
        .bank("long.json", &json)
        .run()
        .code(0);
    let row = run.stdout.lines().nth(1).unwrap();
    assert!(row.ends_with(long.trim()), "{row}");
    assert_eq!(run.stdout.lines().count(), 2, "the footer goes to stderr");
}

#[test]
fn list_json_round_trips_through_validate() {
    list_json_round_trips("banks/all-kinds.json");
}

#[test]
fn list_json_round_trips_every_field_of_the_richer_format() {
    list_json_round_trips("banks/rich-format.json");
}

fn list_json_round_trips(name: &str) {
    let path = fixture(name).display().to_string();
    let first = Quiz::new()
        .args(["list", &path, "--format", "json"])
        .run()
        .code(0)
        .stdout;
    let again = Quiz::new()
        .args(["list", "--format", "json"])
        .bank("again.json", &first)
        .run()
        .code(0)
        .stdout;
    assert_eq!(first, again);
    let original = bank::load_file(&fixture(name)).unwrap();
    assert_eq!(
        bank::parse("again.json", first.as_bytes()).unwrap(),
        original
    );
}

#[test]
fn list_of_an_invalid_bank_fails_with_diagnostics() {
    let path = fixture("bad/dup-id.json").display().to_string();
    Quiz::new()
        .args(["list", &path])
        .run()
        .code(1)
        .stderr_has("ids must be unique");
}

#[test]
fn list_of_a_directory_combines_banks_and_rejects_shared_ids() {
    let run = Quiz::new();
    let dir = run.path().join("banks");
    std::fs::create_dir(&dir).unwrap();
    let one = |id: &str, title: &str| {
        format!(
            r#"{{"title": "{title}", "questions": [{{"id": "{id}", "kind": "true_false", "prompt": "p", "answer": true}}]}}"#
        )
    };
    std::fs::write(dir.join("a.json"), one("x", "A")).unwrap();
    std::fs::write(dir.join("b.json"), one("y", "B")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a bank").unwrap();
    let d = dir.display().to_string();
    let out = Quiz::new()
        .args(["list", &d, "--format", "json"])
        .run()
        .code(0)
        .stdout;
    assert!(out.contains(r#""title": "A + B""#), "{out}");
    std::fs::write(dir.join("c.json"), one("x", "C")).unwrap();
    Quiz::new()
        .args(["list", &d])
        .run()
        .code(1)
        .stderr_has(r#"c.json: questions[0] (id "x"): id "x" is also used in"#);
}

#[test]
fn list_into_a_closed_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "exit {status:?}, stderr {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn schema_command_matches_the_shipped_file() {
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/bank.schema.json"
    ))
    .unwrap();
    let printed = Quiz::new().args(["schema"]).run().code(0).stdout;
    assert_eq!(
        printed, shipped,
        "run `cargo run -- schema > schema/bank.schema.json`"
    );
    let value: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        value["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn the_default_bank_points_at_the_shipped_schema() {
    let default: serde_json::Value = serde_json::from_str(bank::load::DEFAULT_BANK_JSON).unwrap();
    let target = default["$schema"].as_str().unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("questions")
        .join(target);
    assert!(
        path.is_file(),
        "$schema {target} is not a file next to the bank"
    );
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 éü:?~#=]{0,12}[A-Za-z0-9]"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("non-empty", |s| !s.is_empty())
}

fn distinct(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(text().prop_map(|s| s.to_lowercase()), n)
        .prop_map(|s| s.into_iter().collect())
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        distinct(2..5).prop_map(|mut v| Kind::Single(Single {
            answer: v.remove(0),
            wrong: v,
            ..Single::default()
        })),
        distinct(3..6).prop_map(|mut v| Kind::Multi(Multi {
            answers: v.drain(..2).collect(),
            wrong: v,
            ..Multi::default()
        })),
        any::<bool>().prop_map(|answer| Kind::TrueFalse(TrueFalse {
            answer,
            ..TrueFalse::default()
        })),
        (text(), distinct(0..3)).prop_map(|(answer, accept)| Kind::Text(Text {
            answer,
            accept,
            ..Text::default()
        })),
        (-1.0e6..1.0e6f64, 0.0..10.0f64).prop_map(|(answer, tolerance)| Kind::Number(Number {
            answer,
            tolerance,
            ..Number::default()
        })),
        distinct(2..5).prop_map(|items| Kind::Order(Order { items })),
        (distinct(2..4), distinct(4..5)).prop_map(|(l, r)| Kind::Match(Match {
            pairs: l.into_iter().zip(r).collect(),
            ..Match::default()
        })),
    ]
}

fn question() -> impl Strategy<Value = Question> {
    (
        kind(),
        text(),
        prop::option::of(text()),
        1u32..5,
        0usize..3,
        prop::collection::vec("[a-z]{1,6}", 0..3),
    )
        .prop_map(|(kind, prompt, explanation, points, d, tags)| {
            let mut q = Question::new("x", prompt, kind);
            q.explanation = explanation;
            q.points = points;
            q.difficulty = Difficulty::ALL[d];
            q.tags = tags
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            q
        })
}

proptest! {
    #![proptest_config(common::proptest_config(64))]
    #[test]
    fn written_banks_read_back_the_same(questions in prop::collection::vec(question(), 1..8)) {
        let questions = questions.into_iter().enumerate().map(|(i, mut q)| { q.id = format!("q-{i}"); q }).collect();
        let bank = Bank { title: "Generated".into(), description: None, questions };
        let json = bank::raw::to_json(&bank);
        let back = bank::parse("generated.json", json.as_bytes());
        prop_assert_eq!(back, Ok(bank));
    }
}

#[test]
fn streamed_json_of_several_banks_equals_the_loaded_bank() {
    // The one-question fixtures all use id "q"; copies with fresh ids can be played together.
    let quiz = Quiz::new();
    let mut paths = vec![fixture("banks/all-kinds.json")];
    for (n, kind) in ["match", "multi"].iter().enumerate() {
        let text = std::fs::read_to_string(fixture(&format!("one/{kind}.json"))).unwrap();
        let path = quiz.path().join(format!("b{n}.json"));
        std::fs::write(
            &path,
            text.replace(r#""id": "q""#, &format!(r#""id": "q{n}""#)),
        )
        .unwrap();
        paths.push(path);
    }
    let loaded = bank::load_paths(&paths).unwrap_or_else(|e| panic!("{e}"));
    let args: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let streamed = quiz
        .args(["list", "--format", "json"])
        .args(&args)
        .run()
        .code(0)
        .stdout;
    assert_eq!(streamed, bank::raw::to_json(&loaded));
    assert!(
        streamed.contains(r#""title": "All kinds + One match + One multi""#),
        "{streamed}"
    );
}
