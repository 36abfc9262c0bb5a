//! `termquiz stats` over a fixture history, in a hermetic data dir.

mod common;

use common::{Quiz, fixture};

/// A run of `stats` with `history` copied into the data dir; dates shown in UTC.
fn stats_with(history: &str, args: &[&str]) -> common::Run {
    let quiz = Quiz::new().env("TZ", "UTC").args(["stats"]).args(args);
    let data = quiz.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(fixture(history), data.join("history.jsonl")).unwrap();
    quiz.run()
}

const TABLE: &str = "\
Sessions  4
Answered  10 questions, 6 right
Accuracy  60%

Last 4 sessions
2026-03-01 08:05  Soundtrack vs Cast Recording       33%  ███████
2026-03-02 08:05  Soundtrack vs Cast Recording       75%  ███████████████
2026-03-03 19:31  World Capitals                    100%  ████████████████████
2026-03-04 08:01  Soundtrack vs Cast Recording        0%    (interrupted)

Weakest tags
labels            0%  0 of 3 right
cast-recording   25%  1 of 4 right
definitions      50%  1 of 2 right
soundtrack       75%  3 of 4 right
history         100%  3 of 3 right

Most missed questions
Soundtrack vs Cast Recording
  missed 3 of 3  Which record label had the best-selling albums of original cast recordings in the 1940s and 1950s?
  missed 1 of 2  (id ost-full-form)
";

/// The bank title was repeated on every most-missed row, before the question's id.
#[test]
fn most_missed_showed_the_id_not_the_prompt() {
    let run = stats_with("history/four-sessions-one-torn.jsonl", &[]).code(0);
    assert!(
        !run.stdout.contains("Soundtrack vs Cast Recording / "),
        "{}",
        run.stdout
    );
    // Into a pipe, the prompt is whole (older lines without a prompt show the id).
    assert!(run.stdout.contains("  missed 3 of 3  Which record label had the best-selling albums of original cast recordings in the 1940s and 1950s?\n"), "{}", run.stdout);
}

#[test]
fn a_new_session_records_each_prompt_for_stats() {
    let quiz = Quiz::new()
        .bank(
            "b.json",
            r#"{"title": "T", "questions": [
          {"id": "q", "kind": "text", "prompt": "Which magazine?", "answer": "Photoplay"}]}"#,
        )
        .stdin("Variety\n");
    let data = quiz.path().join("data");
    let _played = quiz.run().code(0); // Keeps the temp dir, and the history in it.
    let stats = Quiz::new()
        .env("TERMQUIZ_DATA_DIR", data.to_str().unwrap())
        .args(["stats"])
        .run()
        .code(0);
    assert!(
        stats
            .stdout
            .contains("Most missed questions\nT\n  missed 1 of 1  Which magazine?\n"),
        "{}",
        stats.stdout
    );
}

#[test]
fn table_over_a_history_with_a_torn_line() {
    let run = stats_with("history/four-sessions-one-torn.jsonl", &[]).code(0);
    assert_eq!(run.stdout, TABLE);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.starts_with("History: "))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].contains("history.jsonl:3:")
            && warnings[0].contains(": skipped a damaged line (EOF while parsing"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_gives_the_same_numbers() {
    let run = stats_with(
        "history/four-sessions-one-torn.jsonl",
        &["--format", "json"],
    )
    .code(0);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(stats["sessions"], 4);
    assert_eq!(stats["answered"], 10);
    assert_eq!(stats["correct"], 6);
    assert_eq!(stats["accuracy"], 60.0);
    assert_eq!(stats["recent"].as_array().unwrap().len(), 4);
    assert_eq!(stats["recent"][0]["finished_at"], "2026-03-01T08:05:00Z");
    assert_eq!(stats["recent"][0]["percent"], 33.33);
    assert_eq!(stats["recent"][3]["interrupted"], true);
    assert_eq!(stats["weakest_tags"][0]["tag"], "labels");
    assert_eq!(stats["weakest_tags"][0]["answered"], 3);
    assert_eq!(stats["most_missed"][0]["id"], "best-selling-albums-label");
    assert_eq!(stats["most_missed"][0]["missed"], 3);
}

#[test]
fn empty_history_says_so_and_succeeds() {
    Quiz::new()
        .args(["stats"])
        .run()
        .code(0)
        .stdout_has("no sessions yet — play one with `termquiz`");
}

#[test]
fn empty_history_as_json_is_all_zeros() {
    let run = Quiz::new()
        .args(["stats", "--format", "json"])
        .run()
        .code(0);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(stats["sessions"], 0);
    assert_eq!(stats["accuracy"], serde_json::Value::Null);
}
