//! `termquiz add` in plain mode (piped stdin): the question is appended, the rest stays byte-identical.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use termquiz::bank::{self, Difficulty, Kind, Match, Number, Single, TrueFalse};

const BANK: &str = "{\n  \"title\": \"Mine\",\n  \"questions\": [\n    {\"id\": \"old\", \"kind\": \"true_false\",   \"prompt\": \"Kept as written?\", \"answer\": true}\n  ]\n}\n";

fn termquiz() -> Command {
    let mut cmd = Command::cargo_bin("termquiz").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn bank_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("bank.json");
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `add` with `stdin` and returns the file text afterwards.
fn add(text: &str, stdin: &str) -> (assert_cmd::assert::Assert, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = bank_file(dir.path(), text);
    let assert = termquiz().arg("add").arg(&path).write_stdin(stdin).assert();
    let after = std::fs::read_to_string(&path).unwrap();
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temp files stay behind");
    (assert, after)
}

fn last_question(text: &str) -> bank::Question {
    bank::parse("bank.json", text.as_bytes())
        .unwrap()
        .questions
        .pop()
        .unwrap()
}

#[test]
fn appends_a_single_choice_question_and_keeps_the_old_text() {
    let stdin = "single\nCapital of France?\n\nParis\nLyon\nNice\n\nParis is the capital.\np. 3\ngeo\neurope\n\n1\n";
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
    let stdin = "match\nMatch the pairs\nmy-pairs\ncat = meow\ndog = woof\n\n\n\n\n\n";
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
    let stdin = "number\n\nHow many strings has a violin?\nold\nstrings\nfour\n0\n4\n0\n\n\n\n\n";
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
    let stdin = "cloze\nFill in the gaps.\n\nThe {1} sat on the {2}.\ncat\nmat\n\n\n\n\n\n";
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
    assert.code(130);
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
    let (assert, after) = add(&crlf, "true_false\nIs it CRLF?\n\n2\n\n\n\n\n");
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

/// Through a real terminal (PTY): dialoguer prompts, then Esc in a choice cancels.
#[cfg(unix)]
mod pty {
    use std::time::Duration;

    use expectrl::Expect;
    use expectrl::process::unix::WaitStatus;
    use expectrl::session::OsSession as Session;

    fn spawn(path: &std::path::Path) -> Session {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_termquiz"));
        cmd.arg("add")
            .arg(path)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm");
        let mut session = Session::spawn(cmd).unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        session
    }

    fn exit_code(session: &Session) -> i32 {
        match session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("not a normal exit: {other:?}"),
        }
    }

    #[test]
    fn esc_at_a_choice_cancels_without_writing() {
        let dir = tempfile::tempdir().unwrap();
        let path = super::bank_file(dir.path(), super::BANK);
        let mut session = spawn(&path);
        session.expect("Kind").unwrap();
        session.send("\x1b").unwrap();
        assert_eq!(exit_code(&session), 130);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), super::BANK);
    }

    #[test]
    fn a_question_is_added_through_dialoguer() {
        let dir = tempfile::tempdir().unwrap();
        let path = super::bank_file(dir.path(), super::BANK);
        let mut session = spawn(&path);
        let steps = [
            ("Kind", "\r"),
            ("Prompt", "Capital of Italy?\r"),
            ("Id", "\r"),
            ("Answer", "Rome\r"),
            ("Wrong choices #1", "Milan\r"),
            ("Wrong choices #2", "\r"),
            ("Explanation", "\r"),
            ("Source", "\r"),
            ("Tags #1", "\r"),
            ("Difficulty", "\r"),
        ];
        for (label, keys) in steps {
            session.expect(label).unwrap();
            session.send(keys).unwrap();
        }
        session.expect("Added \"capital-of-italy\"").unwrap();
        assert_eq!(exit_code(&session), 0);
        let q = super::last_question(&std::fs::read_to_string(&path).unwrap());
        assert_eq!(
            q.kind,
            super::Kind::Single(super::Single {
                answer: "Rome".into(),
                wrong: vec!["Milan".into()],
                ..super::Single::default()
            })
        );
    }
}
