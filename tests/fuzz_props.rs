//! Property tests over hostile input: the loader and the sanitizer never panic, errors
//! always have a place, and escaped text never carries terminal controls.

mod common;

use proptest::prelude::*;
use termquiz::bank::sanitize::{escape, is_unsafe, one_line};
use termquiz::bank::{self, Location};

const SEED_BANK: &str = include_str!("fixtures/banks/all-kinds.json");

/// The seed bank with a few random edits (delete, insert, replace at byte positions).
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let edit = (0..SEED_BANK.len(), 0u8..3, any::<u8>());
    prop::collection::vec(edit, 1..6).prop_map(|edits| {
        let mut bytes = SEED_BANK.as_bytes().to_vec();
        for (at, op, byte) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match op {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, byte),
                _ => bytes[at] = byte,
            }
        }
        bytes
    })
}

fn assert_located(result: Result<bank::Bank, Vec<bank::Diagnostic>>) {
    if let Err(diagnostics) = result {
        assert!(!diagnostics.is_empty());
        for d in diagnostics {
            assert_eq!(d.file, "fuzz.json");
            let text = d.to_string();
            assert!(text.starts_with("fuzz.json:"), "{text}");
            assert!(
                !text.contains('\n') && !text.chars().any(is_unsafe),
                "{text:?}"
            );
            if let Location::LineCol { line, column } = d.location {
                assert!(line >= 1 && column >= 1, "{text}");
            }
        }
    }
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    #[test]
    fn loader_survives_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        assert_located(bank::parse("fuzz.json", &bytes));
    }

    #[test]
    fn loader_survives_edited_banks(bytes in mutated()) {
        assert_located(bank::parse("fuzz.json", &bytes));
    }

    #[test]
    fn loader_survives_json_shaped_noise(text in r#"\{"title": "t", "questions": \[\{("[a-z_]{1,8}": ("[^"\\]{0,6}"|[0-9-]{1,4}|true|null|\[\]|\["x"\]), ?){0,6}\}\]\}"#) {
        assert_located(bank::parse("fuzz.json", text.as_bytes()));
    }

    #[test]
    fn escaped_text_has_no_terminal_controls(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a]{0,30}") {
        let safe = escape(&text);
        prop_assert!(!safe.chars().any(is_unsafe), "{:?}", safe);
        let line = one_line(&text);
        prop_assert!(!line.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t'), "{:?}", line);
    }
}

/// Checks an import result: every question valid (the bank reads back the same) and
/// every note placed on a real line.
fn assert_import_sound(text: &str, parsed: termquiz::import::Parsed) {
    let lines = text.lines().count().max(1) + 1;
    let imported = parsed.finish("Fuzz", || {});
    for note in &imported.skipped {
        assert!(
            note.line >= 1 && note.line <= lines,
            "line {} of {lines}: {}",
            note.line,
            note.reason
        );
        assert!(!note.reason.is_empty());
    }
    if !imported.bank.questions.is_empty() {
        let json = bank::raw::to_json(&imported.bank);
        assert_eq!(bank::parse("fuzz.json", json.as_bytes()), Ok(imported.bank));
    }
}

fn mutated_text(seed: &'static str) -> impl Strategy<Value = String> {
    let edit = (
        0..seed.len(),
        0u8..3,
        prop::sample::select(vec![
            '{', '}', '=', '~', '#', ':', '\\', '%', '\n', 'A', ')', ' ', '-', '>',
        ]),
    );
    prop::collection::vec(edit, 0..8).prop_map(move |edits| {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, op, c) in edits {
            let at = at.min(chars.len().saturating_sub(1));
            match op {
                0 if !chars.is_empty() => {
                    chars.remove(at);
                }
                1 => chars.insert(at, c),
                _ if !chars.is_empty() => chars[at] = c,
                _ => {}
            }
        }
        chars.into_iter().collect()
    })
}

const GIFT_SEED: &str = include_str!("fixtures/import/gift-all-kinds.gift");
const AIKEN_SEED: &str = include_str!("fixtures/import/aiken-basic.txt");
const OPENTDB_SEED: &str = include_str!("fixtures/import/opentdb-api.json");

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn gift_import_survives_noise(text in "[{}=~#:%\\\\a-c ->\\n]{0,80}|\\PC{0,60}") {
        assert_import_sound(&text, termquiz::import::gift::parse(&text));
    }

    #[test]
    fn gift_import_survives_edited_files(text in mutated_text(GIFT_SEED)) {
        assert_import_sound(&text, termquiz::import::gift::parse(&text));
    }

    #[test]
    fn aiken_import_survives_edited_files(text in mutated_text(AIKEN_SEED)) {
        assert_import_sound(&text, termquiz::import::aiken::parse(&text));
    }

    #[test]
    fn opentdb_import_survives_edited_files(text in mutated_text(OPENTDB_SEED)) {
        match termquiz::import::opentdb::parse(&text) {
            Ok(parsed) => assert_import_sound(&text, parsed),
            Err(termquiz::import::ImportError::Json { line, column, .. }) => prop_assert!(line >= 1 && column >= 1),
            Err(other) => prop_assert!(!other.to_string().is_empty()),
        }
    }
}
