//! The answer data of each question kind. Every struct has a `Default` and a short
//! constructor, so importers write `Single { partial, ..Single::new(answer, wrong) }`.

/// Feedback per answer, in bank order; the key [`Feedback::OTHER`] (`"*"`) is any other answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feedback(pub Vec<(String, String)>);

impl Feedback {
    /// The key that stands for any answer not named.
    pub const OTHER: &'static str = "*";

    /// Adds (or replaces) the feedback for `key`.
    pub fn insert(&mut self, key: impl Into<String>, text: impl Into<String>) {
        let (key, text) = (key.into(), text.into());
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = text,
            None => self.0.push((key, text)),
        }
    }

    /// The feedback written for exactly `key` (outer spaces ignored).
    pub fn get(&self, key: &str) -> Option<&str> {
        let key = key.trim();
        self.0
            .iter()
            .find(|(k, _)| k.trim() == key)
            .map(|(_, t)| t.as_str())
    }

    /// The feedback for an answer: its own, else the `"*"` feedback.
    pub fn for_answer(&self, key: &str) -> Option<&str> {
        self.get(key).or_else(|| self.other())
    }

    /// The feedback for any answer not named.
    pub fn other(&self) -> Option<&str> {
        self.get(Self::OTHER)
    }

    /// No feedback at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Credits (or weights) per named answer, in bank order.
pub type Credits = Vec<(String, f64)>;

/// The credit given to `key` in `credits`, if listed.
pub fn credit_of(credits: &[(String, f64)], key: &str) -> Option<f64> {
    let key = key.trim();
    credits
        .iter()
        .find(|(k, _)| k.trim() == key)
        .map(|(_, c)| *c)
}

/// Credits by their trimmed key, for many look-ups in constant time each.
pub fn credit_map(credits: &[(String, f64)]) -> std::collections::HashMap<&str, f64> {
    credits.iter().map(|(k, c)| (k.trim(), *c)).collect()
}

/// `single`: pick one of the shuffled choices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Single {
    /// The right choice.
    pub answer: String,
    /// The other choices (≥ 1).
    pub wrong: Vec<String>,
    /// Wrong choices that earn part of the credit, in (0, 1).
    pub partial: Credits,
    /// Feedback per choice.
    pub feedback: Feedback,
}

impl Single {
    /// A single-choice answer without partial credit or feedback.
    pub fn new(answer: impl Into<String>, wrong: Vec<String>) -> Self {
        Single {
            answer: answer.into(),
            wrong,
            ..Single::default()
        }
    }
}

/// `multi`: pick all that apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Multi {
    /// The right choices (≥ 1).
    pub answers: Vec<String>,
    /// The wrong choices (≥ 1).
    pub wrong: Vec<String>,
    /// Explicit weights in [-1, 1] (Moodle's rule); empty: (right − wrong picks) / answers.
    pub weights: Credits,
    /// Feedback per choice, shown for each choice picked.
    pub feedback: Feedback,
}

impl Multi {
    /// A multiple-answer question with the default rule and no feedback.
    pub fn new(answers: Vec<String>, wrong: Vec<String>) -> Self {
        Multi {
            answers,
            wrong,
            ..Multi::default()
        }
    }
}

/// `true_false`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrueFalse {
    /// The right value.
    pub answer: bool,
    /// Feedback keyed `"true"`, `"false"` or `"*"`.
    pub feedback: Feedback,
}

impl TrueFalse {
    /// A true/false answer without feedback.
    pub fn new(answer: bool) -> Self {
        TrueFalse {
            answer,
            feedback: Feedback::default(),
        }
    }
}

/// `text`: typed text, graded leniently unless listed exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    /// The expected answer.
    pub answer: String,
    /// Other fully right answers.
    pub accept: Vec<String>,
    /// Other answers earning part of the credit, in (0, 1).
    pub partial: Credits,
    /// Compare case exactly (Moodle `usecase`).
    pub case_sensitive: bool,
    /// Feedback per answer; a key not listed above is an anticipated wrong answer.
    pub feedback: Feedback,
}

impl Text {
    /// A text answer with alternatives, no partial credit or feedback.
    pub fn new(answer: impl Into<String>, accept: Vec<String>) -> Self {
        Text {
            answer: answer.into(),
            accept,
            ..Text::default()
        }
    }
}

/// One more accepted number of a `number` question.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberAnswer {
    /// The value.
    pub answer: f64,
    /// Accepted distance from the value (≥ 0).
    pub tolerance: f64,
    /// Credit in [0, 1]; 0 lets a common wrong answer carry feedback.
    pub credit: f64,
    /// Feedback when this number is given.
    pub feedback: Option<String>,
}

impl NumberAnswer {
    /// A fully right extra number.
    pub fn new(answer: f64, tolerance: f64) -> Self {
        NumberAnswer {
            answer,
            tolerance,
            credit: 1.0,
            feedback: None,
        }
    }
}

/// A unit a `number` answer may carry (Moodle numerical units).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The unit as typed after the number ("cm").
    pub unit: String,
    /// The typed number is divided by this to get the answer's unit (Moodle's rule).
    pub multiplier: f64,
}

/// `number`: a typed number within a tolerance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Number {
    /// The right value.
    pub answer: f64,
    /// Accepted distance from it (≥ 0).
    pub tolerance: f64,
    /// More numbers, tried in order after `answer`; the first that matches counts.
    pub also: Vec<NumberAnswer>,
    /// Units the answer may be given in; right with or without the unit.
    pub units: Vec<Unit>,
    /// Feedback keyed by the number written as in the bank, or `"*"`.
    pub feedback: Feedback,
}

impl Number {
    /// A number answer with one value and a tolerance.
    pub fn new(answer: f64, tolerance: f64) -> Self {
        Number {
            answer,
            tolerance,
            ..Number::default()
        }
    }
}

/// `order`: put the items in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Order {
    /// The items, in the right order.
    pub items: Vec<String>,
}

impl Order {
    /// An order question's items, in the right order.
    pub fn new(items: Vec<String>) -> Self {
        Order { items }
    }
}

/// `match`: match each left item to its right item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Match {
    /// Left item and its right item; two left items may share a right item.
    pub pairs: Vec<(String, String)>,
    /// Right-hand items that match nothing.
    pub extra: Vec<String>,
}

impl Match {
    /// A match question without distractors.
    pub fn new(pairs: Vec<(String, String)>) -> Self {
        Match {
            pairs,
            extra: Vec::new(),
        }
    }

    /// The right-hand items offered: each distinct right side once, in pair order, then `extra`.
    pub fn right_items(&self) -> Vec<&str> {
        let mut items: Vec<&str> = Vec::with_capacity(self.pairs.len() + self.extra.len());
        for r in self
            .pairs
            .iter()
            .map(|(_, r)| r.as_str())
            .chain(self.extra.iter().map(String::as_str))
        {
            if !items.contains(&r) {
                items.push(r);
            }
        }
        items
    }
}

/// What one cloze gap asks.
#[derive(Debug, Clone, PartialEq)]
pub enum GapKind {
    /// A drop-down of choices.
    Single(Single),
    /// Several choices to tick (Moodle MULTIRESPONSE).
    Multi(Multi),
    /// Typed text.
    Text(Text),
    /// A typed number.
    Number(Number),
}

impl GapKind {
    /// All gap kind names as written in banks.
    pub const NAMES: [&'static str; 4] = ["single", "multi", "text", "number"];

    /// The gap kind's name as written in banks.
    pub fn name(&self) -> &'static str {
        match self {
            GapKind::Single(_) => "single",
            GapKind::Multi(_) => "multi",
            GapKind::Text(_) => "text",
            GapKind::Number(_) => "number",
        }
    }
}

/// One gap of a cloze passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// What the gap asks and how it is graded.
    pub kind: GapKind,
    /// Its share of the question, relative to the other gaps (> 0, default 1).
    pub weight: f64,
}

impl Gap {
    /// A gap of weight 1.
    pub fn new(kind: GapKind) -> Self {
        Gap { kind, weight: 1.0 }
    }
}

/// `cloze`: a passage with numbered gaps `{1}`, `{2}`…
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cloze {
    /// The passage; `{n}` is gap n (1-based).
    pub text: String,
    /// The gaps, gap 1 first.
    pub gaps: Vec<Gap>,
}

/// A piece of a cloze passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as is.
    Text(&'a str),
    /// Gap number n (1-based, as written).
    Gap(usize),
}

impl Cloze {
    /// A cloze passage and its gaps.
    pub fn new(text: impl Into<String>, gaps: Vec<Gap>) -> Self {
        Cloze {
            text: text.into(),
            gaps,
        }
    }

    /// The passage split into text and gap placeholders; `{` not followed by digits and `}`
    /// is plain text.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        split_placeholders(&self.text)
    }
}

/// Splits a passage at its `{n}` placeholders.
pub fn split_placeholders(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut plain_start = 0;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let at = offset + open;
        if digits > 0 && digits <= 6 && after[digits..].starts_with('}') {
            if plain_start < at {
                pieces.push(Piece::Text(&text[plain_start..at]));
            }
            let n = after[..digits].parse().unwrap_or(0);
            pieces.push(Piece::Gap(n));
            plain_start = at + digits + 2;
        }
        offset = at + 1;
        rest = &text[offset..];
    }
    if plain_start < text.len() {
        pieces.push(Piece::Text(&text[plain_start..]));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_split_the_passage() {
        assert_eq!(
            split_placeholders("A {1} b {x} {22}{3"),
            vec![
                Piece::Text("A "),
                Piece::Gap(1),
                Piece::Text(" b {x} "),
                Piece::Gap(22),
                Piece::Text("{3"),
            ]
        );
        assert_eq!(split_placeholders("{1}"), vec![Piece::Gap(1)]);
    }

    #[test]
    fn feedback_falls_back_to_other() {
        let mut f = Feedback::default();
        f.insert("a", "yes");
        f.insert("*", "no");
        assert_eq!(f.for_answer(" a "), Some("yes"));
        assert_eq!(f.for_answer("b"), Some("no"));
    }

    #[test]
    fn shared_right_sides_are_offered_once() {
        let m = Match {
            pairs: vec![("a".into(), "x".into()), ("b".into(), "x".into())],
            extra: vec!["y".into()],
        };
        assert_eq!(m.right_items(), vec!["x", "y"]);
    }
}
