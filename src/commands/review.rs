//! `termquiz review`: spaced repetition (FSRS). Asks what is due, schedules each answer,
//! and saves the state after every answer so an interruption loses nothing.

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use jiff::{Timestamp, tz::TimeZone};

use super::interrupt::{self, Guard};
use super::save;
use crate::bank::selection::Selection;
use crate::bank::{Question, sanitize::escape};
use crate::cli::ReviewArgs;
use crate::engine::{Outcome, Session, SessionConfig, order};
use crate::error::{Error, Result};
use crate::store::from_session::{SessionMeta, record};
use crate::store::review::{self, Card, CardRef, Summary};
use crate::store::{StoreError, paths};
use crate::ui::{self, render};

/// Reviews the due and new questions of the banks.
pub fn run(args: &ReviewArgs) -> Result<()> {
    // Every question's card key is kept; only the questions that have a card (for their
    // prompt hash) and those due are built.
    let selection = Selection::keeping(&args.banks, |q| Some(q.id))?;
    let mut cards: Vec<CardRef> = selection
        .kept()
        .map(|(title, id)| CardRef {
            key: review::card_key(title, id),
            hash: 0,
        })
        .collect();
    let dir = paths::data_dir()?;
    let mut state = review::load(&dir)?;
    let known: Vec<usize> = (0..cards.len())
        .filter(|&i| state.cards.contains_key(&cards[i].key))
        .collect();
    selection.each(&known, |i, q| cards[i].hash = review::prompt_hash(&q))?;
    let now = Timestamp::now();
    let new_today = review::introduced_since(&state, &cards, start_of_today(now));
    let new_limit = (args.new as usize).saturating_sub(new_today);
    let due = review::due_cards(&state, &cards, now, new_limit);
    eprintln!(
        "{}",
        super::stats::where_data_lives("Review state", &dir.join(review::FILE_NAME))
    );
    if due.is_empty() {
        let summary = review::summary(&state, &cards, now);
        writeln!(
            std::io::stdout().lock(),
            "{}",
            nothing_due(&selection.title, &summary, new_limit == 0)
        )?;
        return Ok(());
    }
    let bank = selection.bank(&due)?;
    let all: Vec<usize> = (0..bank.questions.len()).collect();
    let config = SessionConfig {
        seed: order::random_seed(),
        reveal_streak: true,
        ..SessionConfig::default()
    };
    let mut session =
        Session::with_questions(&bank, &all, config).map_err(|e| Error::Usage(e.to_string()))?;
    let mut prompter = ui::prompter();
    let intro_shown = prompter.show(&render::titled(
        &bank.title,
        &format!(
            " — {} to review. Progress is saved after each answer.",
            due.len()
        ),
        ui::fit::terminal_width(),
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
                let card_ref = &mut cards[due[outcome.question]];
                let note = match remember(&dir, &card_ref.key, q, outcome) {
                    Ok(card) => {
                        let note = comes_back(card.due, card.last_review, &TimeZone::system());
                        card_ref.hash = card.prompt_hash;
                        state.cards.insert(card_ref.key.clone(), card);
                        Some(console::style(note).dim().to_string())
                    }
                    Err(e) => {
                        *failure.borrow_mut() = Some(e);
                        None
                    }
                };
                save::arm(&guard, s, &meta, &target, clock);
                note
            },
        )
    });
    guard.disarm();
    let shown = played.and_then(|()| {
        prompter.show(&render::summary(&session, clock.elapsed(), false))?;
        let now = Timestamp::now();
        let upcoming = review::summary(&state, &cards, now);
        let introduced = review::introduced_since(&state, &cards, start_of_today(now));
        let daily = Daily {
            limit: args.new as usize,
            left: (args.new as usize).saturating_sub(introduced),
        };
        let text = after_review(session.tally().answered, &upcoming, daily);
        prompter.show(&render::wrap(&text, ""))
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

fn nothing_due(title: &str, summary: &Summary, new_done: bool) -> String {
    let mut text = format!("Nothing to review in {} right now.", escape(title));
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

/// Today's share of new questions: the daily limit (`--new`) and how many are still open.
#[derive(Debug, Clone, Copy)]
struct Daily {
    limit: usize,
    left: usize,
}

/// The end of a review, each count in its own words: "Reviewed 5 · 12 due in the next 24
/// hours · 48 new not yet seen (10 new a day, 5 more today) · next review Thu …".
fn after_review(reviewed: usize, upcoming: &Summary, daily: Daily) -> String {
    let next = upcoming
        .next_due
        .map_or_else(|| "none scheduled".to_string(), local);
    let today = match daily.left.min(upcoming.new) {
        0 => "none more today".to_string(),
        n => format!("{n} more today"),
    };
    format!(
        "Reviewed {reviewed} · {} due in the next 24 hours · {} new not yet seen ({} new a day, {today}) · next review {next}",
        upcoming.due_by_tomorrow, upcoming.new, daily.limit
    )
}

/// When a card just answered comes back, in days as the player counts them: "again
/// today (in 10 minutes)", "tomorrow", "in 3 days (Sat 2026-11-28)".
fn comes_back(due: Timestamp, now: Timestamp, tz: &TimeZone) -> String {
    let day = |at: Timestamp| at.to_zoned(tz.clone()).date();
    let days = day(now).until(day(due)).map_or(0, |span| span.get_days());
    let minutes = due.duration_since(now).as_mins().max(1);
    let soon = minutes < 60;
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    let when = match days {
        i32::MIN..=0 if soon => format!("again today (in {minutes} {unit})"),
        i32::MIN..=0 => format!(
            "again today ({})",
            due.to_zoned(tz.clone()).strftime("%H:%M")
        ),
        1 if soon => format!("in {minutes} {unit}"),
        1 => "tomorrow".to_string(),
        n => format!(
            "in {n} days ({})",
            due.to_zoned(tz.clone()).strftime("%a %Y-%m-%d")
        ),
    };
    format!("Next review: {when}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn each_answer_did_not_say_when_its_card_comes_back() {
        let tz = TimeZone::UTC;
        let now = at("2026-11-25T09:00:00Z");
        let said = |due: &str| comes_back(at(due), now, &tz);
        assert_eq!(
            said("2026-11-25T09:10:00Z"),
            "Next review: again today (in 10 minutes)"
        );
        assert_eq!(said("2026-11-26T09:00:00Z"), "Next review: tomorrow");
        assert_eq!(
            said("2026-11-28T09:00:00Z"),
            "Next review: in 3 days (Sat 2026-11-28)"
        );
        // Just before midnight, "tomorrow" would hide that it is ten minutes away.
        let late = at("2026-11-25T23:55:00Z");
        assert_eq!(
            comes_back(at("2026-11-26T00:05:00Z"), late, &tz),
            "Next review: in 10 minutes"
        );
    }

    #[test]
    fn summary_said_new_left_mixing_the_daily_limit_and_the_total() {
        let upcoming = Summary {
            due_now: 0,
            due_by_tomorrow: 12,
            new: 48,
            next_due: None,
        };
        let text = after_review(5, &upcoming, Daily { limit: 10, left: 5 });
        assert_eq!(
            text,
            "Reviewed 5 · 12 due in the next 24 hours · 48 new not yet seen (10 new a day, 5 more today) · next review none scheduled"
        );
        let done = after_review(5, &upcoming, Daily { limit: 10, left: 0 });
        assert!(done.contains("(10 new a day, none more today)"), "{done}");
        assert!(!done.contains("new left"), "{done}");
    }
}
