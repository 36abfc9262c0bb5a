//! Spaced repetition state (FSRS): one card per question, saying when it is due next.
//!
//! Everything here is pure: the caller passes `now`, so tests run on a fixed clock.
//! A review command does: [`load`] → [`due_cards`] → ask each question →
//! [`rating_for`] → [`schedule`] → [`save`] → show [`summary`].
//! Cards are keyed by [`card_key`] (bank title + question id) and remember a
//! [`prompt_hash`]: when a question's text or answer changes, it counts as new again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fsrs::{DEFAULT_PARAMETERS, FSRS, ItemState, MemoryState};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use super::{StoreError, atomic::write_atomic};
use crate::bank::model::gap_answer_text;
use crate::bank::{Bank, Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse};

/// The review state's file name inside the data directory.
pub const FILE_NAME: &str = "review.json";
/// The chance of remembering a card on its due date that FSRS schedules for.
pub const DESIRED_RETENTION: f32 = 0.9;
/// A card rated Again comes back this soon (the same or the next session), not in days.
pub const AGAIN_DELAY: SignedDuration = SignedDuration::from_mins(10);
/// The longest interval we schedule, so dates stay sane.
const MAX_INTERVAL_DAYS: i64 = 36_500;
const SECONDS_PER_DAY: i64 = 86_400;

/// The newest `review.json` format this termquiz reads and writes.
pub const VERSION: u32 = 1;

/// Every card the player has reviewed, by [`card_key`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewState {
    /// Format version of `review.json`.
    #[serde(default = "current_version")]
    pub version: u32,
    /// The cards, by key.
    #[serde(default)]
    pub cards: BTreeMap<String, Card>,
    /// Fields this version does not know, kept as they were on the next save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Default for ReviewState {
    fn default() -> Self {
        ReviewState {
            version: current_version(),
            cards: BTreeMap::new(),
            extra: serde_json::Map::new(),
        }
    }
}

fn current_version() -> u32 {
    VERSION
}

/// The memory of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// [`prompt_hash`] of the question when last reviewed.
    pub prompt_hash: u64,
    /// FSRS stability: days until recall drops to 90%.
    pub stability: f32,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
    /// When the card should be asked again.
    pub due: Timestamp,
    /// When it was last answered.
    pub last_review: Timestamp,
    /// How many times it was reviewed.
    pub reps: u32,
    /// How many times it was forgotten (Again after a first review).
    pub lapses: u32,
    /// When it was first reviewed (for the daily limit of new cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced: Option<Timestamp>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// How well a card was recalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// Wrong.
    Again,
    /// Right, but slowly.
    Hard,
    /// Right.
    Good,
    /// Right and quick.
    Easy,
}

/// The key of a card: `{bank title}\u{1f}{question id}`.
pub fn card_key(bank_title: &str, question_id: &str) -> String {
    // Made for every question of a bank at each review: no formatting machinery.
    let mut key = String::with_capacity(bank_title.len() + 1 + question_id.len());
    key.push_str(bank_title);
    key.push('\u{1f}');
    key.push_str(question_id);
    key
}

/// A question as review sees it: its card's key and its prompt hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRef {
    /// [`card_key`] of the question under its own bank's title.
    pub key: String,
    /// [`prompt_hash`] of the question; only compared when the state has a card under
    /// `key`, so a question without one may leave it unset.
    pub hash: u64,
}

/// The card of every question of banks reviewed together, in combined order: each
/// question keyed by its own bank's title, so a card is the same alone or in company.
pub fn card_refs(banks: &[Bank]) -> Vec<CardRef> {
    banks
        .iter()
        .flat_map(|b| {
            b.questions.iter().map(|q| CardRef {
                key: card_key(&b.title, &q.id),
                hash: prompt_hash(q),
            })
        })
        .collect()
}

/// A hash of the question's prompt and answer that is stable across Rust versions (FNV-1a).
pub fn prompt_hash(question: &Question) -> u64 {
    let mut text = format!("{}\u{1f}{}", question.prompt, question.kind.name());
    for part in answer_parts(&question.kind) {
        text.push('\u{1f}');
        text.push_str(&part);
    }
    fnv1a(text.as_bytes())
}

fn answer_parts(kind: &Kind) -> Vec<String> {
    match kind {
        Kind::Single(Single { answer, .. }) | Kind::Text(Text { answer, .. }) => {
            vec![answer.clone()]
        }
        Kind::Multi(Multi { answers, .. }) => answers.clone(),
        Kind::TrueFalse(TrueFalse { answer, .. }) => vec![answer.to_string()],
        Kind::Number(Number { answer, .. }) => vec![answer.to_string()],
        Kind::Order(Order { items, .. }) => items.clone(),
        Kind::Match(Match { pairs, .. }) => {
            pairs.iter().map(|(l, r)| format!("{l}\u{1e}{r}")).collect()
        }
        Kind::Cloze(k) => std::iter::once(k.text.clone())
            .chain(k.gaps.iter().map(|g| gap_answer_text(&g.kind)))
            .collect(),
    }
}

/// 64-bit FNV-1a.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The rating an answer earns: wrong → Again; right but slow (over 20 s, or over 2/3
/// of the time limit) → Hard; right under 5 s → Easy; otherwise Good.
pub fn rating_for(correct: bool, ms: u64, time_limit_ms: Option<u64>) -> Rating {
    let slow = ms > 20_000 || time_limit_ms.is_some_and(|limit| ms.saturating_mul(3) > limit * 2);
    match (correct, slow, ms < 5_000) {
        (false, _, _) => Rating::Again,
        (true, true, _) => Rating::Hard,
        (true, false, true) => Rating::Easy,
        (true, false, false) => Rating::Good,
    }
}

/// The card under `key` if it still matches `prompt_hash`; `None` means the question is new.
pub fn current_card<'a>(state: &'a ReviewState, key: &str, prompt_hash: u64) -> Option<&'a Card> {
    state
        .cards
        .get(key)
        .filter(|card| card.prompt_hash == prompt_hash)
}

/// Records a review at `now` and returns the updated card. Days elapsed count from the last
/// review (0 for a new card); the next due date is FSRS's interval rounded to whole days,
/// at least 1 day, except Again, which is due after [`AGAIN_DELAY`].
pub fn schedule(
    state: &mut ReviewState,
    key: &str,
    prompt_hash: u64,
    rating: Rating,
    now: Timestamp,
) -> Result<Card, StoreError> {
    let previous = current_card(state, key, prompt_hash);
    let fail = |message: String| StoreError::Schedule {
        key: key.replace('\u{1f}', "/"),
        message,
    };
    let item = next_item(previous, rating, now).map_err(fail)?;
    let delay = match rating {
        Rating::Again => AGAIN_DELAY,
        _ => SignedDuration::from_secs(interval_days(item.interval) * SECONDS_PER_DAY),
    };
    let due = now.checked_add(delay).map_err(|e| fail(e.to_string()))?;
    let card = Card {
        prompt_hash,
        stability: item.memory.stability,
        difficulty: item.memory.difficulty,
        due,
        last_review: now,
        reps: previous.map_or(0, |c| c.reps).saturating_add(1),
        lapses: previous.map_or(0, |c| c.lapses + u32::from(rating == Rating::Again)),
        introduced: previous.map_or(Some(now), |c| c.introduced),
        extra: state
            .cards
            .get(key)
            .map(|c| c.extra.clone())
            .unwrap_or_default(),
    };
    state.cards.insert(key.to_string(), card.clone());
    Ok(card)
}

/// FSRS's next memory state and interval (in days) for `rating`.
fn next_item(previous: Option<&Card>, rating: Rating, now: Timestamp) -> Result<ItemState, String> {
    let fsrs = FSRS::new(&DEFAULT_PARAMETERS).map_err(|e| e.to_string())?;
    let memory = previous.map(|c| MemoryState {
        stability: c.stability,
        difficulty: c.difficulty,
    });
    let days = previous.map_or(0, |c| days_between(c.last_review, now));
    let next = fsrs
        .next_states(memory, DESIRED_RETENTION, days)
        .map_err(|e| e.to_string())?;
    Ok(match rating {
        Rating::Again => next.again,
        Rating::Hard => next.hard,
        Rating::Good => next.good,
        Rating::Easy => next.easy,
    })
}

/// Whole days from `from` to `to`, 0 if `to` is earlier.
fn days_between(from: Timestamp, to: Timestamp) -> u32 {
    let days = to.duration_since(from).as_secs() / SECONDS_PER_DAY;
    u32::try_from(days.max(0)).unwrap_or(u32::MAX)
}

/// An FSRS interval in whole days: rounded, at least 1, at most 100 years.
pub fn interval_days(interval: f32) -> i64 {
    if !interval.is_finite() {
        return 1;
    }
    (interval.round() as i64).clamp(1, MAX_INTERVAL_DAYS)
}

/// Indexes into `bank.questions` to ask now: due cards first (longest overdue first),
/// then up to `new_limit` new questions (never seen, or changed since) in bank order.
/// `keys` holds each question's [`card_key`] (see [`card_keys`]).
pub fn due_cards(
    state: &ReviewState,
    cards: &[CardRef],
    now: Timestamp,
    new_limit: usize,
) -> Vec<usize> {
    let mut due = Vec::new();
    let mut new = Vec::new();
    for (index, card) in cards.iter().enumerate() {
        match current_card(state, &card.key, card.hash) {
            Some(card) if card.due <= now => due.push((card.due, index)),
            Some(_) => {}
            None if new.len() < new_limit => new.push(index),
            None => {}
        }
    }
    due.sort();
    due.into_iter().map(|(_, index)| index).chain(new).collect()
}

/// How many of the bank's current cards were first reviewed at or after `since`.
pub fn introduced_since(state: &ReviewState, cards: &[CardRef], since: Timestamp) -> usize {
    cards
        .iter()
        .filter_map(|card| current_card(state, &card.key, card.hash))
        .filter(|card| card.introduced.is_some_and(|at| at >= since))
        .count()
}

/// What is coming up for a bank, for the end of a review session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Cards due now.
    pub due_now: usize,
    /// Cards due before `now` + 1 day (those due now included).
    pub due_by_tomorrow: usize,
    /// Questions never reviewed (or changed since).
    pub new: usize,
    /// The earliest due date after `now`, if any card is scheduled.
    pub next_due: Option<Timestamp>,
}

/// Counts the bank's due, soon-due and new cards at `now`.
pub fn summary(state: &ReviewState, cards: &[CardRef], now: Timestamp) -> Summary {
    let tomorrow = now
        .checked_add(SignedDuration::from_hours(24))
        .unwrap_or(now);
    let mut summary = Summary {
        due_now: 0,
        due_by_tomorrow: 0,
        new: 0,
        next_due: None,
    };
    for card in cards {
        let Some(card) = current_card(state, &card.key, card.hash) else {
            summary.new += 1;
            continue;
        };
        summary.due_now += usize::from(card.due <= now);
        summary.due_by_tomorrow += usize::from(card.due < tomorrow);
        if card.due > now && summary.next_due.is_none_or(|next| card.due < next) {
            summary.next_due = Some(card.due);
        }
    }
    summary
}

/// The review state file inside `dir`.
pub fn file(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Loads the review state from `dir`: a missing file is an empty state; a damaged file,
/// or one from a newer termquiz, is an error naming it (and the caller must then not
/// save over it).
pub fn load(dir: &Path) -> Result<ReviewState, StoreError> {
    let path = file(dir);
    let state: ReviewState = match crate::bank::input::read_data(&path) {
        Ok(bytes) => {
            serde_json::from_slice(&bytes).map_err(|e| StoreError::damaged_state(&path, &e))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ReviewState::default()),
        Err(e) => return Err(StoreError::io(&path, e)),
    };
    if state.version > VERSION {
        return Err(StoreError::NewerVersion {
            path: crate::bank::sanitize::path(&path),
            version: state.version,
            supported: VERSION,
        });
    }
    Ok(state)
}

/// Changes the saved state under a lock: waits for other sessions, re-reads the file,
/// applies `change` to what is there now, and saves. Two sessions at once lose nothing.
pub fn update<T>(
    dir: &Path,
    change: impl FnOnce(&mut ReviewState) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let path = file(dir);
    let _lock = super::lock::lock_beside(&path).map_err(|e| StoreError::io(&path, e))?;
    let mut state = load(dir)?;
    let value = change(&mut state)?;
    save(dir, &state)?;
    Ok(value)
}

/// Saves the state atomically into `dir` (created if needed) and returns the file's path.
pub fn save(dir: &Path, state: &ReviewState) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let path = file(dir);
    let mut bytes = serde_json::to_vec_pretty(state).map_err(|e| StoreError::json(&path, &e))?;
    bytes.push(b'\n');
    write_atomic(&path, &bytes).map_err(|e| StoreError::io(&path, e))?;
    Ok(path)
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
