//! OS errors read as plain words with the user's path: no "(os error 2)", no temp-file names.

mod common;

use common::Quiz;

const BANK: &str = r#"{"title": "T", "questions": [
  {"id": "q", "kind": "single", "prompt": "Pick", "answer": "yes", "wrong": ["no"]}]}"#;

/// Asserts the message is in words: no OS error number, no temp file.
fn assert_plain(stderr: &str, words: &str) {
    assert!(stderr.contains(words), "lacks {words:?}:\n{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    assert!(!stderr.contains(".termquiz-tmp"), "{stderr}");
}

/// A directory this process cannot write into, or `None` when it can write anywhere (root).
fn unwritable_dir(base: &std::path::Path) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let dir = base.join("locked");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let writable = std::fs::write(dir.join("probe"), "x").is_ok();
    (!writable).then_some(dir)
}

#[test]
fn missing_result_file_was_no_such_file_os_error_2() {
    let run = Quiz::new().args(["report", "no-such-result.json"]).run();
    assert_plain(
        &run.stderr,
        "no-such-result.json: no such file or directory; check the name",
    );
}

#[test]
fn directory_given_as_a_file_says_so() {
    let quiz = Quiz::new();
    let dir = quiz.path().display().to_string();
    let run = quiz.args(["export", &dir]).run().code(1);
    assert_plain(&run.stderr, "is a directory, not a regular file");
}

#[test]
fn results_under_a_file_was_not_a_directory_os_error_20() {
    let quiz = Quiz::new().bank("b.json", BANK);
    let results = format!("{}/", quiz.path().join("b.json").join("sub").display());
    let run = quiz
        .args(["--name", "ann", "--results", &results])
        .stdin("a\n")
        .run()
        .code(1);
    assert_plain(
        &run.stderr,
        "b.json/sub/: a part of the path is not a directory",
    );
}

#[test]
fn unwritable_result_dir_was_permission_denied_at_a_temp_path() {
    let quiz = Quiz::new().bank("b.json", BANK);
    let Some(dir) = unwritable_dir(quiz.path()) else {
        return; // Root writes anywhere: nothing to refuse.
    };
    let results = format!("{}/", dir.display());
    let run = quiz
        .args(["--name", "ann", "--results", &results])
        .stdin("a\n")
        .run()
        .code(1);
    assert_plain(&run.stderr, "locked/: permission denied");
}

#[test]
fn data_dir_that_cannot_be_made_gets_a_plain_warning() {
    let quiz = Quiz::new().bank("b.json", BANK);
    let data = quiz.path().join("b.json").join("data");
    // The warning comes after the summary, where the player looks.
    let all = play_with_data_dir(quiz, &data);
    assert_plain(&all, "history not saved: ");
    assert_plain(&all, "data: a part of the path is not a directory");
}

#[test]
fn read_only_data_dir_gets_a_plain_warning() {
    let quiz = Quiz::new().bank("b.json", BANK);
    let Some(dir) = unwritable_dir(quiz.path()) else {
        return; // Root writes anywhere: nothing to refuse.
    };
    let all = play_with_data_dir(quiz, &dir);
    assert_plain(&all, "locked: permission denied");
}

/// Plays one question with its history and review state in `data`; everything shown.
fn play_with_data_dir(quiz: Quiz, data: &std::path::Path) -> String {
    let run = quiz
        .env("TERMQUIZ_DATA_DIR", &data.display().to_string())
        .stdin("a\n")
        .run()
        .code(0);
    format!("{}{}", run.stdout, run.stderr)
}
