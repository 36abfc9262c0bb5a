//! Through a real terminal (PTY): dialoguer menus, the line editor, Esc and the confirm step.

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

/// Answers each label with its keys; returns everything the terminal showed meanwhile.
fn answer(session: &mut Session, steps: &[(&str, &str)]) -> String {
    let mut shown = String::new();
    for (label, keys) in steps {
        let found = session.expect(*label).unwrap();
        shown.push_str(&String::from_utf8_lossy(found.before()));
        shown.push_str(label);
        session.send(*keys).unwrap();
    }
    shown
}

/// A single-choice question up to the confirm, with the answer typed again as a wrong choice.
const CAPITAL_OF_ITALY: [(&str, &str); 13] = [
    ("Kind", "\r"),
    ("Prompt", "Capital of Italy?\r"),
    ("Id", "\r"),
    ("Answer", "Rome\r"),
    ("Wrong choices #1", "Rome\r"),
    ("also appears in \"wrong\"", ""),
    ("Wrong choices #1", "Milan\r"),
    ("Wrong choices #2", "\r"),
    ("Explanation", "\r"),
    ("Hint", "South of Florence\r"),
    ("Source", "\r"),
    ("Tags #1", "Capitals\r"),
    ("Tags #2", "\r"),
];

const TO_THE_CONFIRM: [(&str, &str); 3] = [
    ("Difficulty", "\r"),
    ("Points", "2\r"),
    ("Time limit", "\r"),
];

fn bank() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::bank_file(dir.path(), crate::BANK);
    (dir, path)
}

#[test]
fn esc_at_a_choice_cancels_without_writing() {
    let (_dir, path) = bank();
    let mut session = spawn(&path);
    session.expect("Kind").unwrap();
    session.send("\x1b").unwrap();
    session.expect("cancelled, nothing written").unwrap();
    assert_eq!(exit_code(&session), 130);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), crate::BANK);
}

#[test]
fn add_esc_at_a_text_prompt_cancels_and_writes_nothing() {
    let (_dir, path) = bank();
    let mut session = spawn(&path);
    answer(&mut session, &[("Kind", "\r"), ("Prompt", "Half typed")]);
    session.send("\x1b").unwrap();
    session.expect("cancelled, nothing written").unwrap();
    assert_eq!(exit_code(&session), 130);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), crate::BANK);
}

#[test]
fn add_refuses_an_entry_before_its_tick_and_asks_before_writing() {
    let (_dir, path) = bank();
    let mut session = spawn(&path);
    let mut shown = answer(&mut session, &CAPITAL_OF_ITALY);
    shown += &answer(&mut session, &TO_THE_CONFIRM);
    shown += &answer(&mut session, &[("Add this question to", "y")]);
    session.expect("Added \"capital-of-italy\"").unwrap();
    assert_eq!(exit_code(&session), 0);
    assert!(!shown.contains("#1 (empty to finish) · Rome"), "{shown}");
    assert!(shown.contains("hint: South of Florence"), "{shown}");
    let q = crate::last_question(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(
        q.kind,
        termquiz::bank::Kind::Single(termquiz::bank::Single {
            answer: "Rome".into(),
            wrong: vec!["Milan".into()],
            ..termquiz::bank::Single::default()
        })
    );
    assert_eq!((q.tags, q.points), (vec!["capitals".to_string()], 2));
}

#[test]
fn an_empty_optional_field_showed_nothing_after_its_tick() {
    let (_dir, path) = bank();
    let mut session = spawn(&path);
    let shown = answer(&mut session, &CAPITAL_OF_ITALY);
    let explanation = shown
        .lines()
        .find(|l| l.contains("Explanation (empty for none) ·"))
        .unwrap_or_else(|| panic!("no answered explanation line: {shown}"));
    assert!(
        explanation.trim_end().ends_with("· none"),
        "{explanation:?}"
    );
    session.send("\x03").unwrap();
}

#[test]
fn add_ctrl_c_at_the_confirm_writes_nothing() {
    let (_dir, path) = bank();
    let mut session = spawn(&path);
    answer(&mut session, &CAPITAL_OF_ITALY);
    answer(&mut session, &TO_THE_CONFIRM);
    answer(&mut session, &[("Add this question to", "\x03")]);
    session.expect("cancelled, nothing written").unwrap();
    assert_eq!(exit_code(&session), 130);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), crate::BANK);
}
