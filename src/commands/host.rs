//! `termquiz host`: a live class over the network; results land in one folder and the
//! class report is printed at the end.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::interrupt::{self, Guard};
use super::{play, report};
use crate::bank::{self, sanitize::escape};
use crate::cli::{HostArgs, PaceArg, ReportArgs, ReportFormat};
use crate::engine::Session;
use crate::error::{Error, Result};
use crate::live::{Ending, HostConfig, Pace, Saver, protocol, server};
use crate::store::from_session::{SessionMeta, record};
use crate::store::results;

/// Runs the session, then prints where the results are and the class report.
pub fn run(args: &HostArgs) -> Result<()> {
    if args.quiz.name.is_some() {
        return Err(Error::Usage(
            "host takes no --name: each student gives theirs when joining".into(),
        ));
    }
    let (bank, cfg) = host_config(args)?;
    let dir = results_dir(args.quiz.results.as_deref())?;
    let listener = server::bind(&cfg.listen).map_err(|e| {
        let why = crate::bank::input::in_words(&e);
        Error::Invalid(format!("cannot listen on {}: {why}", escape(&cfg.listen)))
    })?;
    let saver = DirSaver {
        dir: dir.clone(),
        mode: play::mode_name(args.quiz.mode),
    };
    let _guard = interrupt::install();
    let ending = server::run(&cfg, &bank, &listener, &saver, &Guard::signalled)?;
    print_report(&dir)?;
    match ending {
        Ending::Finished => Ok(()),
        Ending::Interrupted => Err(Error::Interrupted),
    }
}

/// The session's settings and the questions it asks (only those are built, however big
/// the banks), in the order asked.
fn host_config(args: &HostArgs) -> Result<(bank::Bank, HostConfig)> {
    let pace = match args.pace {
        PaceArg::Own => Pace::Own,
        PaceArg::Teacher => Pace::Teacher,
    };
    let mut session = play::session_config(&args.quiz);
    // Everyone moves together in teacher pace: there is no round of retries.
    session.retry_wrong &= pace == Pace::Own;
    let (bank, _, _) = play::chosen_bank(&args.quiz, &session)?;
    let questions = (0..bank.questions.len()).collect();
    let pin = match &args.pin {
        Some(pin) => protocol::check_pin(pin).map_err(Error::Usage)?,
        None => protocol::random_pin(),
    };
    let cfg = HostConfig {
        listen: args.listen.clone(),
        pin,
        players: args.players.map(|n| n as usize),
        pace,
        exam: args.quiz.mode == crate::cli::Mode::Exam,
        session,
        questions,
        max_connections: args.max_connections as usize,
        idle: Duration::from_secs(args.idle),
        pin_tries: args.pin_tries,
        interactive: crate::ui::is_interactive(),
    };
    Ok((bank, cfg))
}

/// The folder given, or a new `results-<date>` (`-2`, `-3`… when taken); created now, so
/// a folder that cannot be written stops the host before anyone joins.
fn results_dir(given: Option<&Path>) -> Result<PathBuf> {
    let dir = match given {
        Some(dir) => dir.to_path_buf(),
        None => {
            let base = format!("results-{}", jiff::Zoned::now().strftime("%Y-%m-%d"));
            let mut dir = PathBuf::from(&base);
            let mut n = 2;
            while dir.exists() {
                dir = PathBuf::from(format!("{base}-{n}"));
                n += 1;
            }
            dir
        }
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Invalid(format!(
            "{}: not a folder; --results names the folder for the class's result files",
            escape(&dir.display().to_string())
        )));
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, e))?;
    Ok(dir)
}

fn print_report(dir: &Path) -> Result<()> {
    let shown = escape(&dir.display().to_string()).into_owned();
    let (files, _) = results::list_result_files(&[dir.to_path_buf()]);
    if files.is_empty() {
        println!("\nNo results: nobody answered.");
        return Ok(());
    }
    println!("\nResults in {shown}/ (termquiz report {shown})\n");
    report::run(&ReportArgs {
        results: vec![dir.to_path_buf()],
        format: ReportFormat::Table,
    })
}

/// Writes each student's result file into the class folder.
struct DirSaver {
    dir: PathBuf,
    mode: &'static str,
}

impl Saver for DirSaver {
    fn save(&self, name: &str, started_at: jiff::Timestamp, session: &Session) -> String {
        let meta = SessionMeta {
            name: name.to_string(),
            mode: self.mode.into(),
            started_at,
        };
        let result = record(session, &meta, jiff::Timestamp::now());
        match results::write_result(&self.dir, &result) {
            Ok(path) => {
                let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
                format!("saved {}", escape(&file.unwrap_or_default()))
            }
            Err(e) => format!("NOT SAVED: {}", escape(&e.to_string())),
        }
    }
}
