//! Crash safety: a process appending history lines and writing result files is killed
//! (SIGKILL) at random moments; afterwards history still loads (a torn last line is skipped
//! with a warning) and every result file is either absent or complete.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use rand::{Rng, SeedableRng};
use termquiz::store::{QuestionRecord, SessionRecord, history, results};

const CHILD_ENV: &str = "TERMQUIZ_CRASH_CHILD_DIR";

fn record(n: usize) -> SessionRecord {
    let at = jiff::Timestamp::from_second(1_764_000_000 + n as i64).unwrap();
    let questions = (0..40)
        .map(|i| QuestionRecord {
            id: format!("question-{i}"),
            correct: i % 3 != 0,
            awarded: 1.0,
            points: 1,
            answer: "an answer long enough to make the line span several disk blocks ".repeat(3),
            ms: 1234,
            tags: vec!["history".into(), "labels".into()],
            prompt: None,
        })
        .collect();
    SessionRecord {
        name: format!("student {n}"),
        bank: "Crash".into(),
        started_at: at,
        finished_at: at,
        mode: "exam".into(),
        seed: n as u64,
        score: 27.0,
        max_score: 40.0,
        interrupted: false,
        session_questions: None,
        session_max: None,
        longest_streak: 3,
        questions,
    }
}

/// Run by the parent through this same test binary: writes until it is killed.
#[test]
#[ignore = "the child process of killed_writers_leave_loadable_history_and_whole_results"]
fn crash_child_writes_forever() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    for n in 0.. {
        history::append(&dir.join("data"), &record(n)).unwrap();
        results::write_result(
            &dir.join("results").join(format!("r{}.json", n % 7)),
            &record(n),
        )
        .unwrap();
    }
}

#[test]
fn killed_writers_leave_loadable_history_and_whole_results() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("results")).unwrap();
    let mut rng = rand::rngs::StdRng::seed_from_u64(20261125);
    for _ in 0..25 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "crash_child_writes_forever",
                "--nocapture",
            ])
            .env(CHILD_ENV, dir.path())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(5..60)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }
    let (records, warnings) = history::load(&dir.path().join("data")).unwrap();
    eprintln!(
        "{} records loaded, {} damaged lines skipped",
        records.len(),
        warnings.len()
    );
    assert!(
        records.len() > 10,
        "the children wrote too little to test anything: {}",
        records.len()
    );
    assert!(
        records.iter().all(|r| r.questions.len() == 40),
        "a loaded record is incomplete"
    );
    assert!(
        warnings.len() <= 25,
        "at most one torn line per kill: {warnings:?}"
    );
    for entry in std::fs::read_dir(dir.path().join("results")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let r =
                results::read_result(&path).unwrap_or_else(|e| panic!("half-written result: {e}"));
            assert_eq!(r.questions.len(), 40);
        }
    }
}
