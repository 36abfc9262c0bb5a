//! A finished or interrupted session as written to result files and history lines.

use serde::{Deserialize, Serialize};

/// One session: the result file (`--results`) and one line of `history.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// The player's name (`--name`), empty when not given.
    #[serde(default)]
    pub name: String,
    /// The bank's title.
    pub bank: String,
    /// When the first question was shown.
    pub started_at: jiff::Timestamp,
    /// When the session ended.
    pub finished_at: jiff::Timestamp,
    /// `practice`, `exam` or `review`.
    pub mode: String,
    /// The shuffle seed; replaying with it gives the same quiz.
    pub seed: u64,
    /// Points earned (first attempts only).
    pub score: f64,
    /// Points available for the questions in the session.
    pub max_score: f64,
    /// True when the player stopped early (Ctrl-C, Esc, end of input).
    pub interrupted: bool,
    /// Questions in the session, answered or not (absent in files from before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_questions: Option<usize>,
    /// Points available over the whole session, answered or not (absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_max: Option<f64>,
    /// Longest run of correct answers.
    #[serde(default)]
    pub longest_streak: u32,
    /// Each question asked, in order; first attempts only.
    pub questions: Vec<QuestionRecord>,
}

/// How one question went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionRecord {
    /// The question's id in its bank.
    pub id: String,
    /// Fully right.
    pub correct: bool,
    /// Points earned (partial credit and speed bonus included).
    pub awarded: f64,
    /// Points the question is worth.
    pub points: u32,
    /// The answer as the player gave it, in words ("Decca", "a, c", "true").
    pub answer: String,
    /// Milliseconds taken to answer.
    pub ms: u64,
    /// The question's tags, for stats.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The question's prompt, so stats can show it (absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
}

/// Rounds points and percentages to two decimals, as records and stats store them.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One answered question for tests.
    pub(crate) fn question(id: &str, correct: bool, answer: &str) -> QuestionRecord {
        QuestionRecord {
            id: id.to_string(),
            correct,
            awarded: if correct { 1.0 } else { 0.0 },
            points: 1,
            answer: answer.to_string(),
            ms: 3000,
            tags: Vec::new(),
            prompt: None,
        }
    }
}
