//! What a player answers, in display positions (see `order::Presented`).

/// A player's answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// `single`: the display position picked.
    Choice(usize),
    /// `multi`: the display positions picked.
    Choices(Vec<usize>),
    /// `true_false`.
    Bool(bool),
    /// `text` and `number`: what was typed.
    Text(String),
    /// `order`: display positions in the order the player put them.
    Order(Vec<usize>),
    /// `match`: for each left item in bank order, the display position of its right side.
    Match(Vec<usize>),
    /// `cloze`: one answer per gap, gap 1 first (`Choice` for choice gaps, else `Text`).
    Gaps(Vec<Answer>),
}
