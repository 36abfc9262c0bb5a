//! Numbers for `termquiz stats`, computed from the history (pure).

use std::collections::HashMap;

use jiff::Timestamp;
use serde::Serialize;

use super::SessionRecord;
use super::record::round2;

/// How many recent sessions get a bar.
pub const RECENT_SESSIONS: usize = 10;
/// How many tags and questions the "weakest" lists show.
pub const TOP: usize = 5;
/// A tag needs this many answers before it can be called weak.
pub const MIN_TAG_ANSWERS: usize = 2;

/// Everything `termquiz stats` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Sessions in the history (interrupted ones included).
    pub sessions: usize,
    /// Questions answered over all sessions.
    pub answered: usize,
    /// Of those, answered fully right.
    pub correct: usize,
    /// `correct / answered` in percent, `None` before any answer.
    pub accuracy: Option<f64>,
    /// The last sessions by finish time, oldest first.
    pub recent: Vec<SessionLine>,
    /// Tags with the lowest accuracy, worst first.
    pub weakest_tags: Vec<TagStat>,
    /// Questions missed most often, most first.
    pub most_missed: Vec<MissStat>,
}

/// One recent session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionLine {
    /// When it ended.
    pub finished_at: Timestamp,
    /// The bank's title.
    pub bank: String,
    /// Score as a percentage of the maximum (0 when the maximum is 0).
    pub percent: f64,
    /// Stopped early.
    pub interrupted: bool,
}

/// Accuracy on one tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagStat {
    /// The tag.
    pub tag: String,
    /// Answers to questions with this tag.
    pub answered: usize,
    /// Of those, right.
    pub correct: usize,
    /// `correct / answered` in percent.
    pub accuracy: f64,
}

/// How often one question was missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissStat {
    /// The bank's title.
    pub bank: String,
    /// The question's id.
    pub id: String,
    /// The question's prompt as last recorded (`None` in histories from before it was kept).
    pub prompt: Option<String>,
    /// Times answered wrong.
    pub missed: usize,
    /// Times asked.
    pub answered: usize,
}

/// Computes the stats of `sessions` (in any order).
pub fn compute(sessions: &[SessionRecord]) -> Stats {
    let mut tally = Tally::default();
    for session in sessions {
        tally.add(session);
    }
    tally.finish()
}

/// Stats gathered one session at a time, so a history of any length is read as a stream
/// and only the counts are kept.
#[derive(Debug, Default)]
pub struct Tally {
    sessions: usize,
    answered: usize,
    correct: usize,
    recent: Vec<SessionLine>,
    tags: HashMap<String, (usize, usize)>,
    misses: HashMap<(String, String), Misses>,
}

/// Answers to one question: missed, asked, and its latest prompt.
#[derive(Debug, Default)]
struct Misses {
    missed: usize,
    answered: usize,
    prompt: Option<String>,
}

impl Tally {
    /// Counts one session.
    pub fn add(&mut self, session: &SessionRecord) {
        self.sessions += 1;
        self.answered += session.questions.len();
        self.correct += session.questions.iter().filter(|q| q.correct).count();
        self.add_recent(session);
        for question in &session.questions {
            for tag in &question.tags {
                let entry = match self.tags.get_mut(tag.as_str()) {
                    Some(entry) => entry,
                    None => self.tags.entry(tag.clone()).or_default(),
                };
                entry.0 += 1;
                entry.1 += usize::from(question.correct);
            }
            let entry = self
                .misses
                .entry((session.bank.clone(), question.id.clone()))
                .or_default();
            entry.missed += usize::from(!question.correct);
            entry.answered += 1;
            if question.prompt.is_some() {
                entry.prompt.clone_from(&question.prompt);
            }
        }
    }

    /// Keeps the last sessions by finish time; the list never grows past twice the shown count.
    fn add_recent(&mut self, session: &SessionRecord) {
        self.recent.push(SessionLine {
            finished_at: session.finished_at,
            bank: session.bank.clone(),
            percent: score_percent(session.score, session.max_score),
            interrupted: session.interrupted,
        });
        if self.recent.len() >= 2 * RECENT_SESSIONS {
            self.keep_recent();
        }
    }

    fn keep_recent(&mut self) {
        self.recent.sort_by_key(|line| line.finished_at);
        let excess = self.recent.len().saturating_sub(RECENT_SESSIONS);
        self.recent.drain(..excess);
    }

    /// The stats of every session added.
    pub fn finish(mut self) -> Stats {
        self.keep_recent();
        Stats {
            sessions: self.sessions,
            answered: self.answered,
            correct: self.correct,
            accuracy: (self.answered > 0).then(|| percent(self.correct, self.answered)),
            recent: self.recent,
            weakest_tags: weakest_tags(self.tags),
            most_missed: most_missed(self.misses),
        }
    }
}

/// `part / whole` in percent, to two decimals.
fn percent(part: usize, whole: usize) -> f64 {
    round2(part as f64 * 100.0 / whole as f64)
}

/// A session's score in percent of its maximum.
pub fn score_percent(score: f64, max_score: f64) -> f64 {
    if max_score > 0.0 {
        round2((score / max_score * 100.0).clamp(0.0, 100.0))
    } else {
        0.0
    }
}

fn weakest_tags(counts: HashMap<String, (usize, usize)>) -> Vec<TagStat> {
    let mut tags: Vec<TagStat> = counts
        .into_iter()
        .filter(|&(_, (answered, _))| answered >= MIN_TAG_ANSWERS)
        .map(|(tag, (answered, correct))| TagStat {
            tag,
            answered,
            correct,
            accuracy: percent(correct, answered),
        })
        .collect();
    tags.sort_by(|a, b| {
        a.accuracy
            .total_cmp(&b.accuracy)
            .then(b.answered.cmp(&a.answered))
            .then(a.tag.cmp(&b.tag))
    });
    tags.truncate(TOP);
    tags
}

fn most_missed(counts: HashMap<(String, String), Misses>) -> Vec<MissStat> {
    let mut missed: Vec<MissStat> = counts
        .into_iter()
        .filter(|(_, m)| m.missed > 0)
        .map(|((bank, id), m)| MissStat {
            bank,
            id,
            prompt: m.prompt,
            missed: m.missed,
            answered: m.answered,
        })
        .collect();
    missed.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then(a.bank.cmp(&b.bank))
            .then(a.id.cmp(&b.id))
    });
    missed.truncate(TOP);
    missed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::history::tests::record;
    use crate::store::record::tests::question;

    fn session(minute: i64, bank: &str, answers: &[(&str, bool, &[&str])]) -> SessionRecord {
        let mut record = record("me", 0.0);
        record.finished_at = record
            .finished_at
            .checked_add(jiff::SignedDuration::from_mins(minute))
            .unwrap();
        record.bank = bank.to_string();
        record.questions = answers
            .iter()
            .map(|(id, correct, tags)| {
                let mut q = question(id, *correct, "x");
                q.tags = tags.iter().map(|t| t.to_string()).collect();
                q
            })
            .collect();
        let right = record.questions.iter().filter(|q| q.correct).count();
        record.score = right as f64;
        record.max_score = record.questions.len() as f64;
        record
    }

    #[test]
    fn empty_history_has_no_accuracy() {
        let stats = compute(&[]);
        assert_eq!(
            (stats.sessions, stats.answered, stats.accuracy),
            (0, 0, None)
        );
        assert!(stats.recent.is_empty() && stats.weakest_tags.is_empty());
    }

    #[test]
    fn totals_tags_and_misses() {
        let sessions = [
            session(2, "B", &[("q1", false, &["x"]), ("q2", true, &["x", "y"])]),
            session(
                1,
                "A",
                &[
                    ("q1", false, &["y"]),
                    ("q1", false, &["z"]),
                    ("q3", true, &["y"]),
                ],
            ),
        ];
        let stats = compute(&sessions);
        assert_eq!((stats.sessions, stats.answered, stats.correct), (2, 5, 2));
        assert_eq!(stats.accuracy, Some(40.0));
        let banks: Vec<&str> = stats.recent.iter().map(|l| l.bank.as_str()).collect();
        assert_eq!(banks, ["A", "B"], "oldest first");
        let tags: Vec<(&str, usize)> = stats
            .weakest_tags
            .iter()
            .map(|t| (t.tag.as_str(), t.correct))
            .collect();
        assert_eq!(tags, [("x", 1), ("y", 2)], "z has only one answer");
        let missed: Vec<(&str, &str, usize)> = stats
            .most_missed
            .iter()
            .map(|m| (m.bank.as_str(), m.id.as_str(), m.missed))
            .collect();
        assert_eq!(missed, [("A", "q1", 2), ("B", "q1", 1)]);
    }

    #[test]
    fn keeps_only_the_last_ten_sessions() {
        let sessions: Vec<SessionRecord> = (0..15)
            .map(|m| session(m, &format!("b{m:02}"), &[("q", true, &[])]))
            .collect();
        let stats = compute(&sessions);
        assert_eq!(stats.recent.len(), RECENT_SESSIONS);
        assert_eq!(stats.recent[0].bank, "b05");
    }

    #[test]
    fn score_percent_handles_zero_max() {
        assert_eq!(score_percent(1.0, 0.0), 0.0);
        assert_eq!(score_percent(3.0, 4.0), 75.0);
    }
}
