//! A builder for running the real binary in a hermetic temp dir (own data dir, no colour).
#![allow(dead_code)]

pub mod props;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// Where the repository's fixtures are.
pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// One run of `termquiz` with its own data dir.
pub struct Quiz {
    dir: TempDir,
    args: Vec<String>,
    stdin: String,
    envs: Vec<(String, String)>,
}

/// What a run gave back.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub dir: TempDir,
}

impl Quiz {
    pub fn new() -> Self {
        Quiz {
            dir: tempfile::tempdir().expect("temp dir"),
            args: Vec::new(),
            stdin: String::new(),
            envs: Vec::new(),
        }
    }

    /// Writes a bank file into the temp dir under `name` and passes its path.
    pub fn bank(mut self, name: &str, json: &str) -> Self {
        let path = self.dir.path().join(name);
        std::fs::write(&path, json).expect("write bank");
        self.args.push(path.display().to_string());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, args: I) -> Self {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_string()));
        self
    }

    /// Sets an environment variable for the run (e.g. `TZ`).
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.push((key.to_string(), value.to_string()));
        self
    }

    pub fn stdin(mut self, input: &str) -> Self {
        self.stdin = input.to_string();
        self
    }

    /// The temp dir (for result files and data).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn run(self) -> Run {
        let output = Command::cargo_bin("termquiz")
            .expect("binary")
            .args(&self.args)
            .env("TERMQUIZ_DATA_DIR", self.dir.path().join("data"))
            .env("NO_COLOR", "1")
            .env_remove("CLICOLOR_FORCE")
            .envs(self.envs.iter().map(|(k, v)| (k, v)))
            .write_stdin(self.stdin.as_bytes())
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .expect("run termquiz");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            dir: self.dir,
        }
    }
}

impl Run {
    pub fn code(self, want: i32) -> Self {
        assert_eq!(
            self.code, want,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn stdout_has(self, want: &str) -> Self {
        assert!(
            self.stdout.contains(want),
            "stdout lacks {want:?}:\n{}",
            self.stdout
        );
        self
    }

    pub fn stderr_has(self, want: &str) -> Self {
        assert!(
            self.stderr.contains(want),
            "stderr lacks {want:?}:\n{}",
            self.stderr
        );
        self
    }
}

/// Property-test settings: a fixed seed so runs repeat; `PROPTEST_CASES` asks for
/// more cases and `PROPTEST_RNG_SEED` for another seed (longer, opt-in fuzzing).
pub fn proptest_config(default_cases: u32) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, RngSeed};
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    let seed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261125);
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Imports `tests/fixtures/import/NAME` (run from that directory so notes name it briefly);
/// asserts success and returns the parsed bank and standard error.
pub fn import_fixture(name: &str, format: &str, extra: &[&str]) -> (termquiz::bank::Bank, String) {
    let output = Command::cargo_bin("termquiz")
        .expect("binary")
        .current_dir(fixture("import"))
        .env("NO_COLOR", "1")
        .args(["import", name, "--from", format])
        .args(extra)
        .output()
        .expect("run termquiz");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    let bank = termquiz::bank::parse("out.json", &output.stdout).expect("a valid bank");
    (bank, stderr)
}

/// A `Quiz` that plays `bank` (written to a temp file) with `args` before it.
pub fn play_bank(bank: &termquiz::bank::Bank, args: &[&str]) -> Quiz {
    Quiz::new()
        .args(["play"])
        .args(args)
        .bank("imported.json", &termquiz::bank::raw::to_json(bank))
}

/// Plain-mode answer lines for a session of `bank` with `seed`: for each question, the line
/// that picks the choice (or types the text) `pick` names.
pub fn lines_picking(
    bank: &termquiz::bank::Bank,
    seed: u64,
    pick: impl Fn(&termquiz::bank::Question) -> String,
) -> String {
    use termquiz::bank::{Kind, Single};
    use termquiz::engine::{Answer, Session, SessionConfig};
    let config = SessionConfig {
        seed,
        ..SessionConfig::default()
    };
    let mut session = Session::new(bank, config).expect("a session");
    let mut lines = String::new();
    while let Some(turn) = session.current() {
        let wanted = pick(turn.question);
        let answer = match &turn.question.kind {
            Kind::Single(Single { answer, wrong, .. }) => {
                let canonical = std::iter::once(answer)
                    .chain(wrong)
                    .position(|c| *c == wanted)
                    .expect("a choice of the question");
                Answer::Choice(turn.shown.position_of(canonical).expect("shown"))
            }
            // One line per gap.
            Kind::Cloze(_) => {
                Answer::Gaps(wanted.lines().map(|l| Answer::Text(l.into())).collect())
            }
            _ => Answer::Text(wanted),
        };
        lines.push_str(&termquiz::ui::parse::format_answer(&answer));
        lines.push('\n');
        session.answer(Some(&answer), 1);
    }
    lines
}
