//! Plain mode: the question is appended and the rest of the file stays byte-identical.

use predicates::str::contains;
use termquiz::bank::{self, Difficulty, Kind, Match, Number, Single, TrueFalse};

use super::{BANK, add, bank_file, last_question, termquiz};

#[test]
fn appends_a_single_choice_question_and_keeps_the_old_text() {
    let stdin = "single\nCapital of France?\n\nParis\nLyon\nNice\n\nParis is the capital.\n\np. 3\ngeo\neurope\n\n1\n\n\n\n";
    let (assert, after) = add(BANK, stdin);
    assert
        .success()
        .stdout(contains("Added \"capital-of-france\" to"));
    let insertion = BANK.find("true}").unwrap() + "true}".len();
    assert_eq!(&after[..insertion], &BANK[..insertion]);
    assert!(
        after.ends_with("      \"points\": 1\n    }\n  ]\n}\n"),
        "{after}"
    );
    let q = last_question(&after);
    assert_eq!(q.id, "capital-of-france");
    assert_eq!(
        q.kind,
        Kind::Single(Single {
            answer: "Paris".into(),
            wrong: vec!["Lyon".into(), "Nice".into()],
            ..Single::default()
        })
    );
    assert_eq!(q.explanation.as_deref(), Some("Paris is the capital."));
    assert_eq!(q.source.as_deref(), Some("p. 3"));
    assert_eq!(q.tags, ["geo", "europe"]);
    assert_eq!(q.difficulty, Difficulty::Easy);
    assert!(
        after.contains(
            "},\n    {\n      \"id\": \"capital-of-france\",\n      \"kind\": \"single\","
        ),
        "{after}"
    );
}

#[test]
fn the_result_validates_with_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = bank_file(dir.path(), BANK);
    let stdin = "match\nMatch the pairs\nmy-pairs\ncat = meow\ndog = woof\n\n\n\n\n\n\n\n\n\n";
    termquiz()
        .arg("add")
        .arg(&path)
        .write_stdin(stdin)
        .assert()
        .success();
    termquiz()
        .arg("validate")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("2 questions, 2 kinds"));
    let q = last_question(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(q.id, "my-pairs");
    assert_eq!(
        q.kind,
        Kind::Match(Match {
            pairs: vec![("cat".into(), "meow".into()), ("dog".into(), "woof".into())],
            ..Match::default()
        })
    );
}

#[test]
fn invalid_answers_are_asked_again_with_the_reason() {
    let stdin =
        "number\n\nHow many strings has a violin?\nold\nstrings\nfour\n4\n-1\n0\n\n\n\n\n\n\n\n\n";
    let (assert, after) = add(BANK, stdin);
    assert
        .success()
        .stdout(contains(
            "Not valid: \"prompt\" is empty; please try again.",
        ))
        .stdout(contains(
            "Not valid: id \"old\" is already used in this bank; please try again.",
        ))
        .stdout(contains(
            "Not valid: \"four\" is not a number; please try again.",
        ))
        .stdout(contains(
            "Not valid: \"tolerance\" must be 0 or more, not -1; please try again.",
        ));
    let q = last_question(&after);
    assert_eq!(
        (q.id.as_str(), q.kind),
        (
            "strings",
            Kind::Number(Number {
                answer: 4.0,
                tolerance: 0.0,
                ..Number::default()
            })
        )
    );
}

#[test]
fn a_cloze_with_text_gaps_is_added_not_asked_as_a_match() {
    let stdin = "cloze\nFill in the gaps.\n\nThe {1} sat on the {2}.\ncat\nmat\n\n\n\n\n\n\n\n\n";
    let (assert, after) = add(BANK, stdin);
    assert.success();
    let q = last_question(&after);
    let bank::Kind::Cloze(cloze) = &q.kind else {
        panic!("{:?}", q.kind);
    };
    assert_eq!(cloze.text, "The {1} sat on the {2}.");
    assert_eq!(cloze.gaps.len(), 2);
    assert_eq!(q.correct_answer_text(), "[1] cat; [2] mat");
}

#[test]
fn end_of_input_cancels_without_writing() {
    let (assert, after) = add(BANK, "text\nWho?\n");
    assert.code(130).stderr("cancelled, nothing written\n");
    assert_eq!(after, BANK);
}

#[test]
fn an_invalid_bank_is_refused_with_its_diagnostics() {
    let bad = "{\"title\": \"Bad\", \"questions\": [{\"id\": \"x\", \"kind\": \"single\", \"prompt\": \"p\", \"answer\": \"a\", \"wrong\": [\"a\"]}]}";
    let (assert, after) = add(bad, "single\n");
    assert.code(1).stderr(contains(
        "questions[0] (id \"x\"): \"answer\" also appears in \"wrong\"",
    ));
    assert_eq!(after, bad);
}

#[test]
fn crlf_banks_stay_crlf() {
    let crlf = BANK.replace('\n', "\r\n");
    let (assert, after) = add(&crlf, "true_false\nIs it CRLF?\n\nf\n\n\n\n\n\n\n\n\n");
    assert.success();
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "only CRLF line endings: {after:?}"
    );
    assert_eq!(
        last_question(&after).kind,
        Kind::TrueFalse(TrueFalse {
            answer: false,
            ..TrueFalse::default()
        })
    );
}
