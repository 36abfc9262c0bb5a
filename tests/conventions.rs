//! What ripgrep, fd and bat users reach for: completions, a man page, --color, --data-dir,
//! `new`, `list --tags`, import format detection, package metadata, a short first quiz.

mod common;

use std::path::Path;

use common::{Quiz, fixture};
use termquiz::bank;

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = Quiz::new().args(["completions", shell]).run().code(0);
        assert!(run.stdout.contains("termquiz"), "{shell}");
        assert!(run.stdout.contains("data-dir"), "{shell}");
    }
}

#[test]
fn man_page_lacked_the_options_of_every_command() {
    let run = Quiz::new().args(["man"]).run().code(0);
    // roff writes a hyphen as `\-`.
    let page = run.stdout.replace("\\-", "-");
    for heading in [
        "TERMQUIZ PLAY",
        "TERMQUIZ HOST",
        "TERMQUIZ REVIEW",
        "TERMQUIZ LIST",
    ] {
        assert!(page.contains(&format!(".SH \"{heading}\"")), "{heading}");
    }
    for option in [
        "--retry-wrong",
        "--pace",
        "--speed-bonus",
        "--new",
        "--from",
        "--tags",
    ] {
        assert!(page.contains(option), "the man page lacks {option}");
    }
    assert_eq!(page.matches(".TH ").count(), 1, "one page");
}

#[test]
fn man_page_is_roff_with_every_command() {
    let run = Quiz::new().args(["man"]).run().code(0);
    assert!(run.stdout.contains(".TH termquiz 1"), "{}", run.stdout);
    for command in ["play", "validate", "new", "completions", "review"] {
        assert!(run.stdout.contains(command), "{command}");
    }
}

#[test]
fn color_always_beats_no_color_and_never_turns_it_off() {
    let bank = fixture("banks/all-kinds.json").display().to_string();
    // The harness sets NO_COLOR; --color always wins over it, as in ripgrep.
    let always = Quiz::new()
        .args(["list", &bank, "--color", "always"])
        .run()
        .code(0);
    assert!(always.stdout.contains("\x1b["), "{}", always.stdout);
    let never = Quiz::new()
        .args(["list", &bank, "--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .run()
        .code(0);
    assert!(!never.stdout.contains('\x1b'), "{}", never.stdout);
}

#[test]
fn help_shows_data_dir_beside_its_environment_variable() {
    let run = Quiz::new().args(["--help"]).run().code(0);
    assert!(run.stdout.contains("--data-dir"), "{}", run.stdout);
    assert!(run.stdout.contains("TERMQUIZ_DATA_DIR"), "{}", run.stdout);
    assert!(run.stdout.contains("--color"), "{}", run.stdout);
}

#[test]
fn data_dir_flag_holds_the_history_and_stats_says_where() {
    let place = tempfile::tempdir().unwrap();
    let dir = place.path().join("elsewhere");
    let dir_arg = dir.display().to_string();
    let bank = fixture("one/true_false.json").display().to_string();
    Quiz::new()
        .args(["play", &bank, "--data-dir", &dir_arg])
        .stdin("t\n")
        .run()
        .code(0);
    assert!(dir.join("history.jsonl").is_file());
    let stats = Quiz::new()
        .args(["stats", "--data-dir", &dir_arg])
        .run()
        .code(0);
    assert!(stats.stdout.contains("Sessions"), "{}", stats.stdout);
    assert!(
        stats
            .stderr
            .contains(&format!("History: {dir_arg}/history.jsonl")),
        "{}",
        stats.stderr
    );
    let review = Quiz::new().args(["review", "--data-dir", &dir_arg]).run();
    assert!(
        review
            .stderr
            .contains(&format!("Review state: {dir_arg}/review.json")),
        "{}",
        review.stderr
    );
}

#[test]
fn new_writes_a_valid_bank_with_every_kind_and_no_schema_address_that_does_not_exist() {
    let quiz = Quiz::new();
    let file = quiz.path().join("starter.json");
    let file_arg = file.display().to_string();
    let run = quiz.args(["new", &file_arg]).run().code(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("$schema"),
        "no schema file above a temp dir: {text}"
    );
    let bank = bank::load_file(&file).unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        bank.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(kinds.len(), 8, "{kinds:?}");
    // Never replaces a file.
    let again = Quiz::new().args(["new", &file_arg]).run().code(1);
    assert!(again.stderr.contains("starter.json"), "{}", again.stderr);
    drop(run);
}

#[test]
fn new_points_schema_at_a_schema_file_found_above_the_bank() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/bank.schema.json"), "{}").unwrap();
    std::fs::create_dir_all(dir.path().join("questions")).unwrap();
    let file = dir.path().join("questions/mine.json");
    Quiz::new()
        .args(["new", &file.display().to_string()])
        .run()
        .code(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(r#""$schema": "../schema/bank.schema.json""#),
        "{text}"
    );
}

#[test]
fn written_banks_never_point_schema_at_example_invalid() {
    let imported = Quiz::new()
        .args([
            "import",
            &fixture("import/gift-all-kinds.gift").display().to_string(),
        ])
        .run()
        .code(0);
    let listed = Quiz::new().args(["list", "--format", "json"]).run().code(0);
    let schema = Quiz::new().args(["schema"]).run().code(0);
    for text in [&imported.stdout, &listed.stdout, &schema.stdout] {
        assert!(!text.contains("example.invalid"), "{text}");
    }
    let on_disk = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/bank.schema.json"),
    )
    .unwrap();
    assert!(!on_disk.contains("example.invalid"));
}

#[test]
fn add_on_a_missing_file_offers_to_create_it() {
    let quiz = Quiz::new();
    let file = quiz.path().join("fresh.json");
    let file_arg = file.display().to_string();
    let run = quiz
        .args(["add", &file_arg])
        .stdin("y\ntrue_false\nIs it?\n\nt\n\n\n\n\n\n\n\n\n")
        .run()
        .code(0);
    assert!(
        run.stdout.contains("does not exist. Create it"),
        "{}",
        run.stdout
    );
    let bank = bank::load_file(&file).unwrap();
    assert_eq!(bank.questions.len(), 1);
    assert_eq!(bank.title, "fresh");
    let declined = Quiz::new()
        .args(["add", &file_arg.replace("fresh", "other")])
        .stdin("n\n")
        .run()
        .code(1);
    assert!(
        declined.stderr.contains("nothing written"),
        "{}",
        declined.stderr
    );
}

#[test]
fn list_tags_counts_the_questions_of_each_tag() {
    let bank = bank::default_bank().unwrap();
    let history = bank
        .questions
        .iter()
        .filter(|q| q.tags.iter().any(|t| t == "history"))
        .count();
    let run = Quiz::new().args(["list", "--tags"]).run().code(0);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("history "))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(line.ends_with(&format!(" {history}")), "{line}");
}

#[test]
fn difficulty_help_lists_its_values() {
    let run = Quiz::new().args(["play", "--help"]).run().code(0);
    assert!(run.stdout.contains("easy|medium|hard"), "{}", run.stdout);
}

#[test]
fn import_picks_the_format_from_the_extension_and_says_which() {
    for (name, format) in [
        ("import/aiken-basic.txt", "Aiken"),
        ("import/opentdb-api.json", "Open Trivia DB JSON"),
    ] {
        let run = Quiz::new()
            .args(["import", &fixture(name).display().to_string()])
            .run()
            .code(0);
        assert!(
            run.stderr
                .contains(&format!("reading as {format} (from the extension)")),
            "{name}: {}",
            run.stderr
        );
    }
}

#[test]
fn gift_imported_as_aiken_says_it_does_not_look_like_aiken() {
    let run = Quiz::new()
        .args([
            "import",
            &fixture("import/gift-all-kinds.gift").display().to_string(),
            "--from",
            "aiken",
        ])
        .run()
        .code(1);
    assert!(
        run.stderr.contains("this does not look like Aiken")
            && run.stderr.contains("try --from gift"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_defaults_to_gift() {
    let run = Quiz::new()
        .args([
            "export",
            &fixture("banks/all-kinds.json").display().to_string(),
        ])
        .run()
        .code(0);
    assert!(run.stdout.contains("// [id:single]"), "{}", run.stdout);
}

#[test]
fn license_matches_cargo_toml_and_metadata_is_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let license = std::fs::read_to_string(root.join("LICENSE")).unwrap();
    assert!(license.starts_with("MIT License"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    for field in [
        "license = \"MIT\"",
        "readme = \"README.md\"",
        "keywords = [",
        "categories = [",
        "rust-version = ",
    ] {
        assert!(manifest.contains(field), "Cargo.toml lacks {field}");
    }
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let install = readme.find("cargo install --path .").unwrap();
    assert!(
        install < readme.find("## ").unwrap(),
        "install line up front"
    );
}

#[test]
fn first_quiz_is_ten_questions_and_says_how_to_change_it() {
    let total = bank::default_bank().unwrap().questions.len();
    let run = Quiz::new().args(["play", "--seed", "1"]).run().code(130);
    assert!(
        run.stdout.contains(&format!(
            "10 of {total} questions (-n N for another number, --all for every one)"
        )),
        "{}",
        run.stdout
    );
    let all = Quiz::new()
        .args(["play", "--all", "--seed", "1"])
        .run()
        .code(130);
    assert!(
        all.stdout
            .contains(&format!("{total} questions, practice mode")),
        "{}",
        all.stdout
    );
}

#[test]
fn os_errors_were_raw_with_os_error_numbers() {
    let run = Quiz::new()
        .args(["play", "no-such-bank.json"])
        .run()
        .code(1);
    assert!(!run.stderr.contains("os error"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no-such-bank.json: no such file or directory; check the name"),
        "{}",
        run.stderr
    );
}
