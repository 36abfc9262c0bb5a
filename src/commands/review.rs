//! `termquiz review`: spaced repetition (FSRS). Asks what is due, schedules each answer,
//! and saves the state after every answer so an interruption loses nothing.

use std::cell::RefCell;
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
use crate::store::review::{self, Card, Summary};
use crate::store::{StoreError, paths};
use crate::ui::{self, render};

/// Reviews the due and new questions of the banks.
pub fn run(args: &ReviewArgs) -> Result<()> {
    let banks = bank::load::load_banks(&args.banks)?;
    let keys = review::card_keys(&banks);
    let bank = bank::load::combine_banks(banks);
    let dir = paths::data_dir()?;
    let mut state = review::load(&dir)?;
    let now = Timestamp::now();
    let new_today = review::introduced_since(&state, &bank, &keys, start_of_today(now));
    let new_limit = (args.new as usize).saturating_sub(new_today);
    let due = review::due_cards(&state, &bank, &keys, now, new_limit);
    eprintln!(
        "{}",
        super::stats::where_data_lives("Review state", &dir.join(review::FILE_NAME))
    );
    if due.is_empty() {
        let summary = review::summary(&state, &bank, &keys, now);
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
    let intro_shown = prompter.show(&format!(
        "{} — {} to review. Progress is saved after each answer.",
        console::style(escape(&bank.title)).bold(),
        due.len()
    ));
    let meta = SessionMeta {
        name: String::new(),
        mode: "review".into(),
        started_at: now,
    };
    let clock = Instant::now();
    let guard = interrupt::install();
    let target = save::Target::new(None);
    save::arm(&guard, &session, &meta, &target, clock);
    // The first answer that cannot be saved stops the session: no answer is asked in vain.
    let failure = RefCell::new(None);
    let stop = || Guard::signalled() || failure.borrow().is_some();
    let played = intro_shown.and_then(|()| {
        ui::play(
            &mut session,
            prompter.as_mut(),
            true,
            &stop,
            |s, outcome| {
                let q = &s.bank().questions[outcome.question];
                let key = &keys[outcome.question];
                match remember(&dir, key, q, outcome) {
                    Ok(card) => {
                        state.cards.insert(key.clone(), card);
                    }
                    Err(e) => *failure.borrow_mut() = Some(e),
                }
                save::arm(&guard, s, &meta, &target, clock);
            },
        )
    });
    guard.disarm();
    let shown = played.and_then(|()| {
        prompter.show(&render::summary(&session, clock.elapsed(), false))?;
        let upcoming = review::summary(&state, &bank, &keys, Timestamp::now());
        prompter.show(&after_review(session.tally().answered, &upcoming))
    });
    if shown.is_err() {
        session.interrupt();
    }
    let result = record(&session, &meta, Timestamp::now());
    let finished = target.finish(prompter, &result, session.is_interrupted());
    match failure.into_inner() {
        Some(e) => Err(e.into()),
        None => finished,
    }
}

/// Schedules one answer against the saved state as it is now, under the state's lock, and
/// saves it at once; gives the card as saved.
fn remember(dir: &Path, key: &str, q: &Question, o: &Outcome) -> Result<Card, StoreError> {
    let limit_ms = q.time_limit.map(|s| u64::from(s) * 1000);
    let rating = review::rating_for(o.grade.is_correct(), o.ms, limit_ms);
    let hash = review::prompt_hash(q);
    review::update(dir, |fresh| {
        review::schedule(fresh, key, hash, rating, Timestamp::now())
    })
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
