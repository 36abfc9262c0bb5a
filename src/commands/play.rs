//! `termquiz play` (and bare `termquiz`): a quiz over the chosen banks.

use std::time::Instant;

use super::interrupt::{self, Guard};
use super::save;
use rand::rngs::StdRng;

use crate::bank::selection::Selection;
use crate::bank::{self, Bank, filter::Filter};
use crate::cli::{Mode, PlayArgs};
use crate::engine::{Session, SessionConfig, order, session};
use crate::error::{Error, Result};
use crate::store::from_session::{SessionMeta, record};
use crate::ui::{self, render};

/// Questions in a quiz unless `-n` or `--all` says otherwise.
const DEFAULT_COUNT: usize = 10;

/// Plays one session, then shows the summary, saves the result and history.
pub fn run(args: &PlayArgs) -> Result<()> {
    let config = session_config(args);
    let (bank, shuffle, available) = chosen_bank(args, &config)?;
    let mut session = Session::chosen(&bank, config, shuffle);
    let target = save::Target::new(args.results.clone());
    target.check(&bank::load::expand(&args.banks)?)?;
    let mut prompter = ui::prompter();
    let meta = SessionMeta {
        name: args.name.clone().unwrap_or_default(),
        mode: mode_name(args.mode).into(),
        started_at: jiff::Timestamp::now(),
    };
    let intro_shown = prompter.show(&intro(&bank, &session, available, args));
    let clock = Instant::now();
    let guard = interrupt::install();
    save::arm(&guard, &session, &meta, &target, clock);
    let feedback = args.mode == Mode::Practice;
    let played = intro_shown.and_then(|()| {
        ui::play(
            &mut session,
            prompter.as_mut(),
            feedback,
            &Guard::signalled,
            |s, _| {
                save::arm(&guard, s, &meta, &target, clock);
                None
            },
        )
    });
    guard.disarm();
    // A closed output (`play | head`) ends the session like end of input: saved, exit 130.
    let shown = played
        .and_then(|()| prompter.show(&render::mistakes(&session)))
        .and_then(|()| prompter.show(&render::summary(&session, clock.elapsed(), true)));
    if shown.is_err() {
        session.interrupt();
    }
    let result = record(&session, &meta, jiff::Timestamp::now());
    target.finish(prompter, &result, session.is_interrupted())
}

/// Validates the banks whole but builds only the questions the session picks, so a huge
/// bank costs far less memory than its file; gives them with the shuffle that goes on.
/// Also gives how many questions the filter let through.
pub(super) fn chosen_bank(
    args: &PlayArgs,
    config: &SessionConfig,
) -> Result<(Bank, StdRng, usize)> {
    let selection = Selection::load(&args.banks, |q| config.filter.matches(q))?;
    let candidates: Vec<usize> = (0..selection.len()).collect();
    let (picked, rng) =
        session::choose(&candidates, config).map_err(|e| Error::Usage(e.to_string()))?;
    Ok((selection.bank(&picked)?, rng, selection.len()))
}

pub(super) fn session_config(args: &PlayArgs) -> SessionConfig {
    SessionConfig {
        filter: Filter {
            tags: args.tags.clone(),
            difficulty: args.difficulty,
        },
        count: if args.all {
            None
        } else {
            Some(args.count.map_or(DEFAULT_COUNT, |n| n as usize))
        },
        seed: args.seed.unwrap_or_else(order::random_seed),
        retry_wrong: args.retry_wrong,
        timer: args.timer,
        speed_bonus: args.speed_bonus,
        reveal_streak: args.mode == Mode::Practice,
    }
}

pub(super) fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Practice => "practice",
        Mode::Exam => "exam",
    }
}

fn intro(bank: &Bank, session: &Session, available: usize, args: &PlayArgs) -> String {
    let how = match args.mode {
        Mode::Practice => "practice mode: you see the answer after each question",
        Mode::Exam => "exam mode: results at the end",
    };
    let quit = if ui::is_interactive() {
        "Esc or Ctrl-C stops"
    } else {
        "End of input stops"
    };
    let n = session.total();
    let count = if n < available {
        format!("{n} of {available} questions (-n N for another number, --all for every one)")
    } else {
        format!("{n} question{}", if n == 1 { "" } else { "s" })
    };
    render::titled(
        &bank.title,
        &format!(" — {count}, {how}. {quit}."),
        crate::ui::fit::terminal_width(),
    )
}
