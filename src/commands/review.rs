//! `termquiz review`: spaced repetition (FSRS). Asks what is due, schedules each answer,
//! and saves the state after every answer so an interruption loses nothing.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use jiff::{Timestamp, tz::TimeZone};

use super::interrupt::{self, Guard};
use super::save;
use crate::bank::{self, Bank, Question, sanitize::escape};
use crate::cli::ReviewArgs;
use crate::engine::{Outcome, Session, SessionConfig, order};
use crate::error::{Error, Result};
use crate::store::from_session::{SessionMeta, record};
use crate::store::review::{self, ReviewState, Summary};
use crate::store::{StoreError, paths};
use crate::ui::{self, render};

/// Reviews the due and new questions of the banks.
pub fn run(args: &ReviewArgs) -> Result<()> {
    let bank = bank::load_paths(&args.banks)?;
    let dir = paths::data_dir()?;
    let mut state = review::load(&dir)?;
    let now = Timestamp::now();
    let new_today = review::introduced_since(&state, &bank, start_of_today(now));
    let new_limit = (args.new as usize).saturating_sub(new_today);
    let due = review::due_cards(&state, &bank, now, new_limit);
    if due.is_empty() {
        let summary = review::summary(&state, &bank, now);
        writeln!(
            std::io::stdout().lock(),
            "{}",
            nothing_due(&bank, &summary, new_limit == 0)
        )?;
        return Ok(());
    }
    let config = SessionConfig {
        seed: order::random_seed(),
        reveal_streak: true,
        ..SessionConfig::default()
    };
    let mut session =
        Session::with_questions(&bank, &due, config).map_err(|e| Error::Usage(e.to_string()))?;
    let mut prompter = ui::prompter();
    prompter.show(&format!(
        "{} — {} to review. Progress is saved after each answer.",
        console::style(escape(&bank.title)).bold(),
        due.len()
    ))?;
    let meta = SessionMeta {
        name: String::new(),
        mode: "review".into(),
        started_at: now,
    };
    let clock = Instant::now();
    let guard = interrupt::install();
    guard.arm(|| eprintln!("\nstopped; the reviews you answered are saved"));
    let mut failure = None;
    ui::play(
        &mut session,
        prompter.as_mut(),
        true,
        &Guard::signalled,
        |s, outcome| {
            let q = &s.bank().questions[outcome.question];
            if failure.is_none() {
                failure = remember(&dir, &mut state, &s.bank().title, q, outcome).err();
            }
        },
    )?;
    guard.disarm();
    if let Some(e) = failure {
        return Err(e.into());
    }
    prompter.show(&render::summary(&session, clock.elapsed(), false))?;
    let upcoming = review::summary(&state, &bank, Timestamp::now());
    prompter.show(&after_review(session.tally().answered, &upcoming))?;
    let result = record(&session, &meta, Timestamp::now());
    save::Target::new(None).finish(prompter, &result, session.is_interrupted())
}

/// Schedules one answer and saves the state at once.
fn remember(
    dir: &Path,
    state: &mut ReviewState,
    title: &str,
    q: &Question,
    o: &Outcome,
) -> Result<(), StoreError> {
    let limit_ms = q.time_limit.map(|s| u64::from(s) * 1000);
    let rating = review::rating_for(o.grade.is_correct(), o.ms, limit_ms);
    review::schedule(
        state,
        &review::card_key(title, &q.id),
        review::prompt_hash(q),
        rating,
        Timestamp::now(),
    )?;
    review::save(dir, state).map(|_| ())
}

fn start_of_today(now: Timestamp) -> Timestamp {
    now.to_zoned(TimeZone::system())
        .start_of_day()
        .map_or(now, |day| day.timestamp())
}

fn local(at: Timestamp) -> String {
    at.to_zoned(TimeZone::system())
        .strftime("%a %Y-%m-%d %H:%M")
        .to_string()
}

fn nothing_due(bank: &Bank, summary: &Summary, new_done: bool) -> String {
    let mut text = format!("Nothing to review in {} right now.", escape(&bank.title));
    if let Some(next) = summary.next_due {
        text.push_str(&format!(" Next review: {}.", local(next)));
    }
    if new_done && summary.new > 0 {
        text.push_str(&format!(
            " Today's new questions are done ({} more wait; --new raises the daily limit).",
            summary.new
        ));
    }
    text
}

fn after_review(reviewed: usize, upcoming: &Summary) -> String {
    let next = upcoming
        .next_due
        .map_or_else(|| "none scheduled".to_string(), local);
    format!(
        "Reviewed {reviewed} · due within a day {} · new left {} · next review {next}",
        upcoming.due_by_tomorrow, upcoming.new
    )
}
