//! The typed question model: after `bank::load`, every value here is valid.

use serde::{Deserialize, Serialize};

/// A validated question bank.
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    /// Human title, also the key for history and review state.
    pub title: String,
    /// Optional longer description.
    pub description: Option<String>,
    /// The questions, in file order.
    pub questions: Vec<Question>,
}

/// One validated question: the fields every kind shares plus its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Unique id within the bank, `[a-z0-9-]+`.
    pub id: String,
    /// What is asked.
    pub prompt: String,
    /// The kind and its answer data.
    pub kind: Kind,
    /// Why the answer is right, shown after answering.
    pub explanation: Option<String>,
    /// Where in the source document the fact is.
    pub source: Option<String>,
    /// Free-form tags for filtering and stats.
    pub tags: Vec<String>,
    /// Difficulty, `medium` by default.
    pub difficulty: Difficulty,
    /// Points for a fully correct answer (≥ 1).
    pub points: u32,
    /// Per-question time limit in seconds.
    pub time_limit: Option<u32>,
    /// Optional hint.
    pub hint: Option<String>,
}

/// The answer data of each question kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Pick one of the shuffled choices.
    Single { answer: String, wrong: Vec<String> },
    /// Pick several; partial credit.
    Multi {
        answers: Vec<String>,
        wrong: Vec<String>,
    },
    /// True or false.
    TrueFalse { answer: bool },
    /// Typed text, graded leniently.
    Text { answer: String, accept: Vec<String> },
    /// Typed number within a tolerance.
    Number { answer: f64, tolerance: f64 },
    /// Put the items (stored in the correct order) in order.
    Order { items: Vec<String> },
    /// Match each left item to its right item.
    Match { pairs: Vec<(String, String)> },
}

/// How hard a question is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    #[default]
    Medium,
    Hard,
}

impl Difficulty {
    /// All difficulties, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    /// The name used in banks and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// Parses a bank or command-line name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == name)
    }
}

impl std::fmt::Display for Difficulty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Kind {
    /// All kind names as written in banks.
    pub const NAMES: [&'static str; 7] = [
        "single",
        "multi",
        "true_false",
        "text",
        "number",
        "order",
        "match",
    ];

    /// The kind's name as written in banks.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Multi { .. } => "multi",
            Kind::TrueFalse { .. } => "true_false",
            Kind::Text { .. } => "text",
            Kind::Number { .. } => "number",
            Kind::Order { .. } => "order",
            Kind::Match { .. } => "match",
        }
    }
}

impl Question {
    /// A question with default metadata; handy for importers and tests.
    pub fn new(id: impl Into<String>, prompt: impl Into<String>, kind: Kind) -> Self {
        Question {
            id: id.into(),
            prompt: prompt.into(),
            kind,
            explanation: None,
            source: None,
            tags: Vec::new(),
            difficulty: Difficulty::Medium,
            points: 1,
            time_limit: None,
            hint: None,
        }
    }

    /// The correct answer written out for people ("b, c", "1929", "A → 1; B → 2").
    pub fn correct_answer_text(&self) -> String {
        match &self.kind {
            Kind::Single { answer, .. } | Kind::Text { answer, .. } => answer.clone(),
            Kind::Multi { answers, .. } => answers.join(", "),
            Kind::TrueFalse { answer } => if *answer { "true" } else { "false" }.to_string(),
            Kind::Number { answer, tolerance } if *tolerance > 0.0 => {
                format!("{answer} (± {tolerance})")
            }
            Kind::Number { answer, .. } => answer.to_string(),
            Kind::Order { items } => items.join(" → "),
            Kind::Match { pairs } => pairs
                .iter()
                .map(|(l, r)| format!("{l} → {r}"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}
