//! `termquiz validate`: every rule has a fixture, and the message names the file and place.

mod common;

use common::{Quiz, fixture};

/// Each bad fixture and the diagnostic it must produce (after the file name).
const BAD: &[(&str, &str)] = &[
    (
        "also-credit-out-of-range",
        r#": questions[0] (id "n"): "also[0].credit" must be from 0 to 1, not 1.5"#,
    ),
    (
        "answer-in-wrong",
        r#": questions[0] (id "q1"): "answer" also appears in "wrong": "A"; remove it from "wrong""#,
    ),
    (
        "bad-id-chars",
        r#": questions[0] (id "Q 1"): id "Q 1" may only use a-z, 0-9 and '-'"#,
    ),
    (
        "bidi-override",
        r#": questions[0] (id "q1"): "prompt" contains the control character U+202E; remove it"#,
    ),
    (
        "cloze-field-of-other-gap-kind",
        r#": questions[0] (id "c"): gaps[0]: "wrong" is not used by kind "text"; remove it"#,
    ),
    (
        "cloze-gap-invalid",
        r#": questions[0] (id "c"): gaps[0]: missing "wrong""#,
    ),
    (
        "cloze-gap-never-used",
        r#": questions[0] (id "c"): gaps[1] (gap 2) is never used; put {2} in "text" where it goes"#,
    ),
    (
        "cloze-gap-unknown-kind",
        r#": questions[0] (id "c"): gaps[0]: unknown kind "match"; use one of single, multi, text, number"#,
    ),
    (
        "cloze-gap-used-twice",
        r#": questions[0] (id "c"): "text" has {1} 2 times; each gap goes in one place"#,
    ),
    (
        "cloze-gap-weight-zero",
        r#": questions[0] (id "c"): gaps[0]: "weight" must be above 0, not 0"#,
    ),
    (
        "cloze-multi-gap-answer-also-wrong",
        r#": questions[0] (id "c"): gaps[1]: "answers" also appears in "wrong": "video game"; remove it from "wrong""#,
    ),
    (
        "cloze-multi-gap-weights-not-summing-to-one",
        r#": questions[0] (id "c"): gaps[0]: the weights of "answers" add up to 0.9, not 1; right choices share the whole credit"#,
    ),
    (
        "cloze-multi-gap-with-answer",
        r#": questions[0] (id "c"): gaps[0]: "answer" is not used by kind "multi"; remove it"#,
    ),
    (
        "cloze-multi-gap-without-wrong",
        r#": questions[0] (id "c"): gaps[0]: kind "multi" needs at least one "wrong" choice"#,
    ),
    (
        "cloze-placeholder-without-gap",
        r#": questions[0] (id "c"): "text" has {3} but "gaps" has only 2; add gap 3 or remove {3}"#,
    ),
    (
        "cloze-without-gaps",
        r#": questions[0] (id "c"): missing "gaps""#,
    ),
    (
        "control-character",
        r#": questions[0] (id "q1"): "prompt" contains the control character U+001B; remove it"#,
    ),
    (
        "dup-id",
        r#": questions[1] (id "q1"): id "q1" is already used by questions[0]; ids must be unique"#,
    ),
    (
        "duplicate-choice",
        r#": questions[0] (id "q1"): "wrong" lists "B " twice; remove one"#,
    ),
    (
        "empty-choice",
        r#": questions[0] (id "q1"): "wrong[1]" is empty"#,
    ),
    (
        "empty-prompt",
        r#": questions[0] (id "q1"): "prompt" is empty"#,
    ),
    (
        "feedback-empty",
        r#": questions[0] (id "q1"): "feedback" for "*" is empty; write it or remove the key"#,
    ),
    (
        "feedback-key-twice",
        r#": questions[0] (id "q1"): "feedback" lists "Galilee " twice; remove one"#,
    ),
    (
        "feedback-names-no-choice",
        r#": questions[0] (id "q1"): "feedback" key "Rome" names no choice; use a choice or "*""#,
    ),
    (
        "field-of-other-kind",
        r#": questions[0] (id "t"): "wrong" is not used by kind "text"; remove it"#,
    ),
    (
        "match-extra-is-a-right-side",
        r#": questions[0] (id "m"): "extra" item "1960s" is already a right-hand side in "pairs"; remove it from "extra""#,
    ),
    (
        "match-one-pair",
        r#": questions[0] (id "m"): "pairs" needs at least 2 pairs, not 1"#,
    ),
    ("missing-id", r#": questions[0]: missing "id""#),
    (
        "multi-without-wrong",
        r#": questions[0] (id "m"): kind "multi" needs at least one "wrong" choice"#,
    ),
    (
        "negative-tolerance",
        r#": questions[0] (id "n"): "tolerance" must be 0 or more, not -1"#,
    ),
    (
        "no-questions",
        ": questions: the bank has no questions; add at least one",
    ),
    (
        "not-utf8",
        ": not valid UTF-8 at byte 15; save the file as UTF-8",
    ),
    (
        "number-feedback-key",
        r#": questions[0] (id "n"): "feedback" key "1938" names no answer; use a number from "answer" or "also", or "*""#,
    ),
    (
        "order-one-item",
        r#": questions[0] (id "o"): "items" needs at least 2 items"#,
    ),
    (
        "partial-credit-out-of-range",
        r#": questions[0] (id "q1"): "partial" credit of "Galilee" must be between 0 and 1 (both excluded), not 1.5"#,
    ),
    (
        "partial-not-a-wrong-choice",
        r#": questions[0] (id "q1"): "partial" key "Nazareth" is not a wrong choice; partial credit goes to choices in "wrong""#,
    ),
    (
        "single-no-wrong",
        r#": questions[0] (id "q1"): "wrong" needs at least 1 item"#,
    ),
    ("syntax-error", ":4:39: expected `,` or `}`"),
    (
        "text-partial-is-a-full-answer",
        r#": questions[0] (id "t"): "partial" key "photoplay magazine " is already a full answer in "answer" or "accept"; remove it from "partial""#,
    ),
    (
        "true-false-feedback-key",
        r#": questions[0] (id "t"): "feedback" key "yes" names no answer; use "true", "false" or "*""#,
    ),
    (
        "true-false-string-answer",
        r#": questions[0] (id "t"): "answer" must be true or false, not "true""#,
    ),
    (
        "unit-zero-multiplier",
        r#": questions[0] (id "n"): "units[1].multiplier" must be above 0, not 0"#,
    ),
    (
        "unknown-difficulty",
        r#": questions[0] (id "q1"): unknown difficulty "extreme"; use easy, medium or hard"#,
    ),
    (
        "unknown-field",
        ":5:14: unknown field `colour`, expected one of",
    ),
    (
        "unknown-kind",
        r#": questions[0] (id "q1"): unknown kind "essay"; use one of single, multi"#,
    ),
    (
        "weights-missing-an-answer",
        r#": questions[0] (id "m"): "weights" gives no weight to the answer "b"; answers need a weight above 0"#,
    ),
    (
        "weights-names-no-choice",
        r#": questions[0] (id "m"): "weights" key "z" names no choice; use a choice from "answers" or "wrong""#,
    ),
    (
        "weights-not-summing-to-one",
        r#": questions[0] (id "m"): the weights of "answers" add up to 0.9, not 1; right choices share the whole credit"#,
    ),
    (
        "weights-out-of-range",
        r#": questions[0] (id "m"): "weights" of "c" must be from -1 to 1, not -2"#,
    ),
    (
        "weights-positive-on-wrong",
        r#": questions[0] (id "m"): "weights" gives the wrong choice "c" the weight 0.25; wrong choices weigh 0 or less"#,
    ),
    (
        "zero-points",
        r#": questions[0] (id "q1"): "points" must be a positive whole number, not 0"#,
    ),
];

#[test]
fn every_bad_fixture_reports_its_rule_and_place() {
    for (name, message) in BAD {
        let path = fixture(&format!("bad/{name}.json"));
        let want = format!("error: {}{message}", path.display());
        Quiz::new()
            .args(["validate", &path.display().to_string()])
            .run()
            .code(1)
            .stderr_has(&want);
    }
}

#[test]
fn every_bad_fixture_is_in_the_table() {
    let dir = fixture("bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let listed: Vec<&str> = BAD.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, listed);
}

#[test]
fn all_errors_of_a_file_are_reported() {
    let bank = r#"{"title": "Two problems", "questions": [
        {"id": "a", "kind": "single", "prompt": "", "answer": "x", "wrong": ["x"]},
        {"id": "a", "kind": "order", "prompt": "p", "items": ["one"]}
    ]}"#;
    let run = Quiz::new()
        .args(["validate"])
        .bank("two.json", bank)
        .run()
        .code(1);
    assert_eq!(run.stderr.lines().count(), 4, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(r#"questions[0] (id "a"): "prompt" is empty"#)
    );
    assert!(
        run.stderr
            .contains(r#"questions[1] (id "a"): "items" needs at least 2 items"#)
    );
    assert!(
        run.stderr
            .contains(r#"questions[1] (id "a"): id "a" is already used"#)
    );
}

#[test]
fn valid_banks_get_a_summary_line() {
    let path = fixture("banks/all-kinds.json");
    Quiz::new()
        .args(["validate", &path.display().to_string()])
        .run()
        .code(0)
        .stdout_has("all-kinds.json: 7 questions, 7 kinds");
}

#[test]
fn every_bank_in_questions_validates() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    let run = Quiz::new()
        .args(["validate", &dir.display().to_string()])
        .run()
        .code(0);
    assert!(
        run.stdout.contains("soundtrack-vs-cast.json"),
        "{}",
        run.stdout
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let bank = "\u{feff}{\r\n \"title\": \"Windows\",\r\n \"questions\": [{\"id\": \"a\", \"kind\": \"true_false\",\r\n \"prompt\": \"ok\", \"answer\": true}]\r\n}\r\n";
    Quiz::new()
        .args(["validate"])
        .bank("win.json", bank)
        .run()
        .code(0)
        .stdout_has("1 question, 1 kind");
}

#[test]
fn a_missing_file_is_named() {
    Quiz::new()
        .args(["validate", "no/such/bank.json"])
        .run()
        .code(1)
        .stderr_has("error: no/such/bank.json: ");
}

#[test]
fn regression_bad_bank_one_line_per_problem_even_with_escapes_in_ids() {
    let bank = r#"{"title": "t", "questions": [{"id": "a\u001b[2J", "kind": "true_false", "prompt": "p", "answer": true}]}"#;
    let run = Quiz::new()
        .args(["validate"])
        .bank("esc.json", bank)
        .run()
        .code(1);
    assert!(
        !run.stderr.contains('\u{1b}'),
        "raw ESC reached the terminal: {:?}",
        run.stderr
    );
    assert!(
        run.stderr.contains(r#"(id "a\u{1b}[2J")"#),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    Quiz::new().args(["validate"]).run().code(2);
    Quiz::new().args(["play", "--mode", "party"]).run().code(2);
}

#[test]
fn regression_escaped_newline_in_a_field_name_stays_one_line() {
    let bank = r#"{"title": "t", "questions": [{"id": "a", "kind": "true_false", "prompt": "p", "a\nswer": true}]}"#;
    let run = Quiz::new()
        .args(["validate"])
        .bank("nl.json", bank)
        .run()
        .code(1);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(r"unknown field `a\u{a}swer`"),
        "{}",
        run.stderr
    );
}

#[test]
fn match_pair_of_three_items_said_trailing_characters() {
    let bank = r#"{"title": "T", "questions": [{"id": "m", "kind": "match", "prompt": "p", "pairs": [["a", "b", "c"], ["d", "e"]]}]}"#;
    let run = Quiz::new()
        .args(["validate"])
        .bank("m.json", bank)
        .run()
        .code(1);
    assert!(
        !run.stderr.contains("trailing characters"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("questions[0] (id \"m\"): pairs[0] has 3 items; a pair is [left, right]"),
        "{}",
        run.stderr
    );
}
