//! Turns an engine session into the record that result files and history keep.

use crate::engine::Session;

use super::record::{QuestionRecord, SessionRecord, round2};

/// Who played, how, and when: what the engine does not know.
#[derive(Debug, Clone)]
pub struct SessionMeta {
    /// Player name, empty when not given.
    pub name: String,
    /// `practice`, `exam` or `review`.
    pub mode: String,
    /// When the session started.
    pub started_at: jiff::Timestamp,
}

/// The record of a session so far; `finished_at` is when it ended (or now, for a snapshot).
pub fn record(
    session: &Session,
    meta: &SessionMeta,
    finished_at: jiff::Timestamp,
) -> SessionRecord {
    let bank = session.bank();
    let tally = session.tally();
    let questions = session
        .first_attempts()
        .iter()
        .map(|o| {
            let q = &bank.questions[o.question];
            QuestionRecord {
                id: q.id.clone(),
                correct: o.grade.is_correct(),
                awarded: round2(o.awarded),
                points: q.points,
                answer: o.answer.clone(),
                ms: o.ms,
                tags: q.tags.clone(),
                prompt: Some(q.prompt.clone()),
            }
        })
        .collect();
    SessionRecord {
        name: meta.name.clone(),
        bank: bank.title.clone(),
        started_at: meta.started_at,
        finished_at,
        mode: meta.mode.clone(),
        seed: session.config().seed,
        score: round2(tally.score),
        max_score: round2(tally.max_score),
        interrupted: session.is_interrupted() || tally.answered < session.total(),
        session_questions: Some(session.total()),
        session_max: Some(round2(session.max_total())),
        longest_streak: tally.longest_streak,
        questions,
    }
}
