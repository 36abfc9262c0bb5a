//! The typed question model: after `bank::load`, every value here is valid.

use serde::{Deserialize, Serialize};

pub use super::kinds::{
    Cloze, Credits, Feedback, Gap, GapKind, Match, Multi, Number, NumberAnswer, Order, Piece,
    Single, Text, TrueFalse, Unit,
};

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
    /// The title in the source (e.g. a Moodle question name).
    pub title: Option<String>,
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
    Single(Single),
    /// Pick several; partial credit.
    Multi(Multi),
    /// True or false.
    TrueFalse(TrueFalse),
    /// Typed text, graded leniently.
    Text(Text),
    /// Typed number within a tolerance.
    Number(Number),
    /// Put the items (stored in the correct order) in order.
    Order(Order),
    /// Match each left item to its right item.
    Match(Match),
    /// A passage with numbered gaps.
    Cloze(Cloze),
}

macro_rules! kind_from {
    ($($t:ident),*) => {$(
        impl From<$t> for Kind {
            fn from(k: $t) -> Kind {
                Kind::$t(k)
            }
        }
    )*};
}
kind_from!(Single, Multi, TrueFalse, Text, Number, Order, Match, Cloze);

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
    pub const NAMES: [&'static str; 8] = [
        "single",
        "multi",
        "true_false",
        "text",
        "number",
        "order",
        "match",
        "cloze",
    ];

    /// The kind's name as written in banks.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single(_) => "single",
            Kind::Multi(_) => "multi",
            Kind::TrueFalse(_) => "true_false",
            Kind::Text(_) => "text",
            Kind::Number(_) => "number",
            Kind::Order(_) => "order",
            Kind::Match(_) => "match",
            Kind::Cloze(_) => "cloze",
        }
    }
}

impl Question {
    /// A question with default metadata; handy for importers and tests.
    pub fn new(id: impl Into<String>, prompt: impl Into<String>, kind: impl Into<Kind>) -> Self {
        Question {
            id: id.into(),
            title: None,
            prompt: prompt.into(),
            kind: kind.into(),
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
            Kind::Single(k) => k.answer.clone(),
            Kind::Text(k) => k.answer.clone(),
            Kind::Multi(k) => k.answers.join(", "),
            Kind::TrueFalse(k) => k.answer.to_string(),
            Kind::Number(k) => number_text(k),
            Kind::Order(k) => k.items.join(" → "),
            Kind::Match(k) => k
                .pairs
                .iter()
                .map(|(l, r)| format!("{l} → {r}"))
                .collect::<Vec<_>>()
                .join("; "),
            Kind::Cloze(k) => k
                .gaps
                .iter()
                .enumerate()
                .map(|(i, g)| format!("[{}] {}", i + 1, gap_answer_text(&g.kind)))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// The right answer of one cloze gap, written out for people.
pub fn gap_answer_text(gap: &GapKind) -> String {
    match gap {
        GapKind::Single(k) => k.answer.clone(),
        GapKind::Multi(k) => k.answers.join(", "),
        GapKind::Text(k) => k.answer.clone(),
        GapKind::Number(k) => number_text(k),
    }
}

/// "1929", "10 (± 0.5)", "9 m": the main number, with the base unit when there is one.
fn number_text(k: &Number) -> String {
    let unit = k
        .units
        .iter()
        .find(|u| u.multiplier == 1.0)
        .map(|u| format!(" {}", u.unit))
        .unwrap_or_default();
    if k.tolerance > 0.0 {
        format!("{}{unit} (± {})", k.answer, k.tolerance)
    } else {
        format!("{}{unit}", k.answer)
    }
}
