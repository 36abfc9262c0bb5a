//! The real terminal front end, driven through a pseudo-terminal (expectrl).
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use termquiz::bank::{self, Kind};
use termquiz::engine::{Answer, SessionConfig, correct_answer};

const DOWN: &str = "\x1b[B";

const BANK: &str = r#"{"title": "PTY", "questions": [
  {"id": "pick", "kind": "single", "prompt": "Which label?", "answer": "Decca", "wrong": ["ABC", "Capitol", "Columbia"]},
  {"id": "several", "kind": "multi", "prompt": "Which types?", "answers": ["Video game", "Theme park"], "wrong": ["Dubbing"]},
  {"id": "typed", "kind": "text", "prompt": "Which magazine?", "answer": "Photoplay"},
  {"id": "last", "kind": "true_false", "prompt": "Last one?", "answer": true}
]}"#;

fn spawn(args: &[&str], data: &Path) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_termquiz"));
    cmd.args(args)
        .env("TERMQUIZ_DATA_DIR", data)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(15)));
    session
}

/// Like [`spawn`], in a terminal of `cols` columns (set with stty before termquiz starts).
fn spawn_sized(cols: u16, args: &[&str], data: &Path) -> OsSession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        // ptyprocess sets 80x24 from the parent after the child starts, which raced with a
        // `stty` in the child: the shell waits for the size the test sets after spawning.
        .arg(format!(
            "while [ \"$(stty size)\" != \"40 {cols}\" ]; do sleep 0.01; done; exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_termquiz"))
        .args(args)
        .env("TERMQUIZ_DATA_DIR", data)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    session
        .get_process_mut()
        .set_window_size(cols, 40)
        .expect("set the pty size");
    session.set_expect_timeout(Some(Duration::from_secs(15)));
    session
}

/// Writes a bank into `dir` and returns its path.
fn write_bank(dir: &Path, name: &str, json: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    path.display().to_string()
}

/// Sends keys one at a time, as a person types them.
fn type_keys(pty: &mut OsSession, keys: &[&str]) {
    for key in keys {
        std::thread::sleep(Duration::from_millis(120));
        pty.send(*key).unwrap();
    }
}

fn text_of(captures: &expectrl::Captures) -> String {
    String::from_utf8_lossy(captures.before()).into_owned()
}

/// Reads to the end and checks a clean stop: the summary, the cursor shown, exit 130.
fn assert_stopped_cleanly(pty: &mut OsSession, what: &str) -> String {
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("Stopped early"), "{what}: {rest}");
    assert!(
        rest.contains("\x1b[?25h"),
        "{what}: the cursor was not shown again: {rest:?}"
    );
    let status = pty.get_process().wait().unwrap();
    assert_eq!(
        status,
        WaitStatus::Exited(pty.get_process().pid(), 130),
        "{what}"
    );
    rest
}

/// Starts `play` on the four-question bank in a temp dir.
fn spawn_on_bank(dir: &Path) -> OsSession {
    let bank_path = dir.join("pty.json");
    std::fs::write(&bank_path, BANK).unwrap();
    spawn(
        &["play", &bank_path.display().to_string(), "--seed", "4"],
        &dir.join("data"),
    )
}

/// The keys that give `answer` in dialoguer: arrows and space, then Enter.
fn keys(answer: &Answer) -> String {
    match answer {
        Answer::Choice(pos) => format!("{}\r", DOWN.repeat(*pos)),
        Answer::Choices(picks) => {
            let mut keys = String::new();
            let mut at = 0;
            let mut sorted = picks.clone();
            sorted.sort_unstable();
            for pick in sorted {
                keys.push_str(&DOWN.repeat(pick - at));
                keys.push(' ');
                at = pick;
            }
            keys + "\r"
        }
        Answer::Text(text) => format!("{text}\r"),
        other => panic!("not used here: {other:?}"),
    }
}

#[test]
fn answers_with_arrows_space_and_typing_then_esc_exits_130_with_cursor_shown() {
    let dir = tempfile::tempdir().unwrap();
    let bank_path = dir.path().join("pty.json");
    std::fs::write(&bank_path, BANK).unwrap();
    let bank = bank::load_file(&bank_path).unwrap();
    let mut engine = termquiz::engine::Session::new(
        &bank,
        SessionConfig {
            seed: 4,
            ..SessionConfig::default()
        },
    )
    .unwrap();

    let path = bank_path.display().to_string();
    let mut pty = spawn(&["play", &path, "--seed", "4"], &dir.path().join("data"));
    let mut answered = 0;
    while let Some(turn) = engine.current() {
        let q = turn.question;
        pty.expect(q.prompt.as_str()).unwrap();
        if matches!(q.kind, Kind::TrueFalse(_)) {
            break;
        }
        let answer = correct_answer(q, turn.shown);
        // Give the prompt time to switch the terminal to raw mode.
        std::thread::sleep(Duration::from_millis(150));
        pty.send(keys(&answer)).unwrap();
        pty.expect("Right!").unwrap();
        engine.answer(Some(&answer), 1);
        answered += 1;
    }
    std::thread::sleep(Duration::from_millis(150));
    pty.send("\x1b").unwrap();
    pty.expect("Stop the quiz?").unwrap();
    pty.send("y").unwrap();
    let rest = assert_stopped_cleanly(&mut pty, "esc");
    let want = if answered == 0 {
        "nothing to score".to_string()
    } else {
        format!("{answered} of {answered} right")
    };
    assert!(rest.contains(&want), "{rest}");
}

#[test]
fn ctrl_c_in_a_prompt_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn_on_bank(dir.path());
    pty.expect("Question 1/4").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    pty.send("\x03").unwrap();
    assert_stopped_cleanly(&mut pty, "ctrl-c");
}

#[test]
fn sigterm_while_waiting_for_a_key_exits_130_with_cursor_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn_on_bank(dir.path());
    pty.expect("Question 1/4").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let pid = pty.get_process().pid().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    assert_stopped_cleanly(&mut pty, "sigterm");
}

#[test]
fn hostile_text_is_escaped_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Control characters are refused by validation; the refusal itself must be escaped.
    let controls = dir.path().join("controls.json");
    std::fs::write(
        &controls,
        r#"{"title": "t", "questions": [{"id": "x", "kind": "single", "prompt": "a\u001b[2Jb\rc\bd\u0007",
            "answer": "y\u001b]0;pwned\u0007", "wrong": ["z\u009b31m"]}]}"#,
    )
    .unwrap();
    let mut pty = spawn(
        &["play", &controls.display().to_string()],
        &dir.path().join("data"),
    );
    let out = pty.expect(Eof).unwrap();
    let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(out.contains("control character U+001B"), "{out}");
    for raw in ["\x1b[2J", "\x1b]0;", "\u{9b}", "\x07", "\x08"] {
        assert!(!out.contains(raw), "{raw:?} reached the terminal: {out:?}");
    }

    // Bidi overrides are refused like other control characters; the refusal is escaped.
    let bidi = dir.path().join("bidi.json");
    std::fs::write(
        &bidi,
        r#"{"title": "Bidi\u202e", "questions": [{"id": "x", "kind": "single", "prompt": "Pick\u202e one\u2066",
            "answer": "right\u202d", "wrong": ["left\u2067"], "explanation": "why\u202a", "tags": ["t\u2069"]}]}"#,
    )
    .unwrap();
    let path = bidi.display().to_string();
    for args in [
        vec!["play", path.as_str(), "--seed", "1"],
        vec!["list", path.as_str()],
    ] {
        let mut pty = spawn(&args, &dir.path().join("data"));
        let out = pty.expect(Eof).unwrap();
        let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
        for raw in [
            '\u{202e}', '\u{2066}', '\u{202d}', '\u{2067}', '\u{202a}', '\u{2069}',
        ] {
            assert!(
                !out.contains(raw),
                "{raw:?} reached the terminal in {args:?}: {out:?}"
            );
        }
        assert!(out.contains("U+202E"), "{args:?}: {out}");
    }
}

/// The one-question fixture banks, one per kind (`tests/fixtures/one/KIND.json`).
fn one_question_banks() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one");
    let mut banks: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                p.display().to_string(),
            )
        })
        .collect();
    banks.sort();
    assert_eq!(banks.len(), 7);
    banks
}

#[test]
fn every_kind_of_prompt_stops_on_ctrl_c_and_esc() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, path) in one_question_banks() {
        // Text and number prompts too (dialoguer's text input ignored Esc).
        for key in ["\x03", "\x1b"] {
            let mut pty = spawn(&["play", &path, "--seed", "1"], &dir.path().join("data"));
            pty.expect("Only question").unwrap();
            std::thread::sleep(Duration::from_millis(200));
            pty.send(key).unwrap();
            if key == "\x1b" {
                // Esc asks first; a second Esc stops.
                pty.expect("Stop the quiz?").unwrap();
                std::thread::sleep(Duration::from_millis(100));
                pty.send("\x1b").unwrap();
            }
            assert_stopped_cleanly(&mut pty, &format!("{kind} {key:?}"));
        }
    }
}

#[test]
fn data_printed_to_a_terminal_is_escaped_but_pipes_stay_exact() {
    // Bank text can no longer hold bidi overrides; a history line still can.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let line = r#"{"name":"","bank":"Pick\u202e one","started_at":"2026-03-01T08:00:00Z","finished_at":"2026-03-01T08:05:00Z","mode":"practice","seed":1,"score":1,"max_score":1,"interrupted":false,"questions":[{"id":"q","correct":true,"awarded":1,"points":1,"answer":"a","ms":1}]}"#;
    std::fs::write(data.join("history.jsonl"), format!("{line}\n")).unwrap();
    let args = ["stats", "--format", "json"];
    let mut pty = spawn(&args, &data);
    let out = pty.expect(Eof).unwrap();
    let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(
        !out.contains('\u{202e}') && out.contains("Pick\\u{202e} one"),
        "{out:?}"
    );
    let piped = Command::new(env!("CARGO_BIN_EXE_termquiz"))
        .args(args)
        .env("TERMQUIZ_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&piped.stdout).contains("Pick\u{202e} one"),
        "a pipe gets the exact text"
    );
}

/// A quiz on the bank `json` (seed 1) in a terminal 50 columns wide.
fn play_at_50_columns(dir: &Path, json: &str) -> OsSession {
    let bank = write_bank(dir, "bank.json", json);
    spawn_sized(50, &["play", &bank, "--seed", "1"], &dir.join("data"))
}

const LONG_MULTI: &str = r#"{"title": "Long", "questions": [{"id": "m", "kind": "multi",
  "prompt": "Which are said of soundtracks?",
  "answers": ["It has to be in sync with the scene that plays in a movie"],
  "wrong": ["It is the replica of the live performances on stage in a theatre", "Short"]}]}"#;

#[test]
fn multi_prompt_at_50_columns_leaves_no_stale_wrapped_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = play_at_50_columns(dir.path(), LONG_MULTI);
    let above = text_of(&pty.expect("Pick all that apply").unwrap());
    type_keys(&mut pty, &[" ", DOWN, " ", DOWN, " ", DOWN, " ", "\x1b"]);
    let shown = text_of(&pty.expect("Stop the quiz?").unwrap());
    // The whole items are printed once above the menu; every redraw writes cut lines only.
    for tail in ["plays in a movie", "stage in a theatre"] {
        assert_eq!(above.matches(tail).count(), 1, "{tail}: {above:?}");
        assert_eq!(shown.matches(tail).count(), 0, "{tail}: {shown:?}");
    }
    assert!(shown.contains('…'), "{shown:?}");
    assert_fits(&shown, 50);
    pty.send("y").unwrap();
    assert_stopped_cleanly(&mut pty, "long multi");
}

/// Every line the terminal was sent, styling removed, fits `cols` columns.
fn assert_fits(shown: &str, cols: usize) {
    for line in console::strip_ansi_codes(shown).split(['\n', '\r']) {
        assert!(
            console::measure_text_width(line) <= cols,
            "{line:?} in {shown:?}"
        );
    }
}

#[test]
fn the_answer_line_of_a_multi_broke_mid_word_at_50_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = play_at_50_columns(dir.path(), LONG_MULTI);
    pty.expect("Pick all that apply").unwrap();
    type_keys(&mut pty, &[" ", DOWN, " ", "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    let plain = console::strip_ansi_codes(&rest);
    assert!(plain.contains("Pick all that apply ·"), "{plain:?}");
    assert_fits(&rest, 50);
}

const LONG_GAP: &str = r#"{"title": "Gaps", "questions": [{"id": "c", "kind": "cloze",
  "prompt": "Fill the gaps.", "text": "The first gap is {1} and the second one is {2}.",
  "gaps": [{"kind": "single", "answer": "a very long choice that will surely wrap at fifty columns",
            "wrong": ["another rather long wrong choice that wraps too"]},
           {"kind": "text", "answer": "two"}]}]}"#;

#[test]
fn a_long_gap_choice_wrapped_and_left_a_stale_passage_at_50_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = play_at_50_columns(dir.path(), LONG_GAP);
    let above = text_of(&pty.expect("surely wrap at").unwrap());
    // The first choice for gap 1, then gap 2 typed.
    type_keys(&mut pty, &["\r", "t", "w", "o", "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    // Items too long for a menu line are cut there and shown whole above it.
    let shown = format!("{above}surely wrap at{rest}");
    assert!(
        console::strip_ansi_codes(&shown).contains("Finished"),
        "{shown:?}"
    );
    assert!(shown.contains('…'), "{shown:?}");
    assert!(shown.contains("surely wrap at"), "{shown:?}");
    assert_fits(&shown, 50);
}

#[test]
fn a_long_typed_answer_broke_mid_word_at_50_columns() {
    let dir = tempfile::tempdir().unwrap();
    let bank = r#"{"title": "Typed", "questions": [{"id": "t", "kind": "text",
      "prompt": "Spell it out.", "answer": "short"}]}"#;
    let mut pty = play_at_50_columns(dir.path(), bank);
    pty.expect("Spell it out").unwrap();
    let typed = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
    type_keys(&mut pty, &[typed, "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let plain = console::strip_ansi_codes(&String::from_utf8_lossy(rest.as_bytes())).into_owned();
    // The answered line, up to the verdict under it.
    let from = plain.rfind("Your answer ·").expect("the answered line");
    let answered = &plain[from..plain[from..]
        .find('✘')
        .map_or(plain.len(), |end| from + end)];
    let rows: Vec<&str> = answered
        .split(['\n', '\r'])
        .filter(|r| !r.trim().is_empty())
        .collect();
    assert!(rows.len() >= 2, "{answered:?}");
    for row in &rows {
        assert!(
            console::measure_text_width(row) <= 50,
            "{row:?} in {answered:?}"
        );
    }
    let words: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
    assert!(words.join(" ").ends_with(typed), "{answered:?}");
}

#[test]
fn esc_asks_before_stopping_and_another_key_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one/single.json");
    let mut pty = spawn(
        &["play", &bank.display().to_string()],
        &dir.path().join("data"),
    );
    pty.expect("Only question").unwrap();
    type_keys(&mut pty, &["\x1b"]);
    pty.expect("Stop the quiz?").unwrap();
    type_keys(&mut pty, &["n"]);
    // The question comes again and can be answered.
    pty.expect("Only question").unwrap();
    type_keys(&mut pty, &["\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("Finished"), "{rest}");
}

#[test]
fn esc_while_an_order_item_is_grabbed_puts_it_back_instead_of_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one/order.json");
    let mut pty = spawn(
        &["play", &bank.display().to_string(), "--seed", "1"],
        &dir.path().join("data"),
    );
    pty.expect("Put in order").unwrap();
    // Grab, move down, Esc: the grab is cancelled; Enter still answers.
    type_keys(&mut pty, &[" ", DOWN, "\x1b", "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("Finished"), "{rest}");
    assert!(!rest.contains("Stop the quiz?"), "{rest}");
}

#[test]
fn order_grab_marks_only_the_grabbed_row() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one/order.json");
    let mut pty = spawn(
        &["play", &bank.display().to_string(), "--seed", "1"],
        &dir.path().join("data"),
    );
    pty.expect("Put in order").unwrap();
    type_keys(&mut pty, &[" ", "\x1b", "\x1b"]);
    let shown = text_of(&pty.expect("Stop the quiz?").unwrap());
    assert_eq!(shown.matches('↕').count(), 1, "{shown:?}");
    pty.send("y").unwrap();
    assert_stopped_cleanly(&mut pty, "order");
}

#[test]
fn empty_multi_answer_is_asked_again_in_a_terminal_as_in_plain_mode() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one/multi.json");
    let mut pty = spawn(
        &["play", &bank.display().to_string()],
        &dir.path().join("data"),
    );
    pty.expect("Pick all that apply").unwrap();
    type_keys(&mut pty, &["\r"]);
    pty.expect("pick at least one choice").unwrap();
    type_keys(&mut pty, &[" ", "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("Finished"), "{rest}");
}

#[test]
fn match_prompt_lists_every_left_item_and_refuses_a_used_right_item() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one/match.json");
    let mut pty = spawn(
        &["play", &bank.display().to_string(), "--seed", "1"],
        &dir.path().join("data"),
    );
    let intro = text_of(&pty.expect("1/2").unwrap());
    assert!(
        intro.contains("1. a") && intro.contains("2. b"),
        "{intro:?}"
    );
    type_keys(&mut pty, &["\r"]);
    pty.expect("2/2").unwrap();
    // The first right item is marked as used by 1, and picking it again is refused.
    pty.expect("← 1").unwrap();
    type_keys(&mut pty, &["\r"]);
    pty.expect("already matched with 1").unwrap();
    type_keys(&mut pty, &[DOWN, "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("Finished"), "{rest}");
}

const MULTI_GAP: &str = r#"{"title": "PTY cloze", "questions": [
  {"id": "uses", "kind": "cloze", "prompt": "Fill in.", "text": "Soundtracks sell {1} and are heard in {2}.",
   "gaps": [
     {"kind": "text", "answer": "records"},
     {"kind": "multi", "answers": ["video games", "theme parks"], "wrong": ["radio jingles", "doorbells"]}
   ]}
]}"#;

#[test]
fn a_multi_gap_is_a_multiselect_that_asks_again_when_nothing_is_picked() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_bank(dir.path(), "cloze.json", MULTI_GAP);
    let bank = bank::load_file(Path::new(&path)).unwrap();
    let engine = termquiz::engine::Session::new(
        &bank,
        SessionConfig {
            seed: 2,
            ..SessionConfig::default()
        },
    )
    .unwrap();
    let turn = engine.current().unwrap();
    let Answer::Gaps(gaps) = correct_answer(turn.question, turn.shown) else {
        panic!("a cloze answer is one answer per gap")
    };
    let mut pty = spawn_sized(
        50,
        &["play", &path, "--seed", "2"],
        &dir.path().join("data"),
    );
    pty.expect("[1]").unwrap();
    type_keys(&mut pty, &["records\r"]);
    let above = text_of(&pty.expect("Space picks, Enter confirms").unwrap());
    assert!(
        above.contains("[1] records"),
        "gap 1 stays above: {above:?}"
    );
    pty.expect("doorbells").unwrap();
    // Enter with nothing picked: the same rule as a multi question.
    type_keys(&mut pty, &["\r"]);
    pty.expect("pick at least one choice").unwrap();
    std::thread::sleep(Duration::from_millis(150));
    pty.send(keys(&gaps[1])).unwrap();
    let shown = text_of(&pty.expect("Right!").unwrap());
    let plain = console::strip_ansi_codes(&shown);
    assert!(plain.contains("video games"), "{plain:?}");
    let rest = pty.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("1 of 1 right"), "{rest}");
}

#[test]
fn list_in_a_50_column_terminal_wrapped_its_table() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = spawn_sized(50, &["list"], data.path());
    let out = pty.expect(Eof).unwrap();
    let out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    let rows: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(rows.len() > 10, "{out}");
    for row in rows {
        let width = console::measure_text_width(row.trim_end_matches('\r'));
        assert!(width <= 50, "{width} columns: {row:?}");
    }
}

#[test]
fn a_number_prompt_refuses_text_then_takes_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/one/number.json");
    let mut pty = spawn(
        &["play", &bank.display().to_string()],
        &dir.path().join("data"),
    );
    pty.expect("Only question").unwrap();
    type_keys(&mut pty, &["a", "b", "c", "\r"]);
    pty.expect("type a number").unwrap();
    type_keys(&mut pty, &["1", "9", "2", "9", "\r"]);
    let rest = pty.expect(Eof).unwrap();
    let rest = console::strip_ansi_codes(&String::from_utf8_lossy(rest.as_bytes())).into_owned();
    assert!(rest.contains("1929"), "{rest:?}");
    assert!(rest.contains("1/1"), "{rest:?}");
    let status = pty.get_process().wait().unwrap();
    assert_eq!(status, WaitStatus::Exited(pty.get_process().pid(), 0));
}
