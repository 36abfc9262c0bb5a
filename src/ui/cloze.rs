//! A cloze passage as shown: gaps written `[1]`, `[2]`…, the current one highlighted.

use crate::bank::Cloze;
use crate::bank::kinds::Piece;
use crate::bank::sanitize::escape;
use crate::engine::Answer;
use crate::engine::session::Turn;

/// The passage, escaped, with its gaps as `[n]`; gap `current` (0-based) is shown bold and underlined.
pub fn passage(cloze: &Cloze, current: Option<usize>) -> String {
    let mut out = String::with_capacity(cloze.text.len());
    for piece in cloze.pieces() {
        match piece {
            Piece::Text(text) => out.push_str(&escape(text)),
            Piece::Gap(n) if current == Some(n.wrapping_sub(1)) => {
                let gap = console::style(format!("[{n}]")).bold().underlined().cyan();
                out.push_str(&gap.to_string());
            }
            Piece::Gap(n) => out.push_str(&format!("[{n}]")),
        }
    }
    out
}

/// A gap's answer in words, escaped: the choice (or choices) picked or the text typed.
pub fn gap_answer(turn: &Turn, gap: usize, answer: &Answer) -> String {
    let text = match answer {
        Answer::Choice(pos) => turn
            .shown
            .gap_items(turn.question, gap)
            .get(*pos)
            .copied()
            .unwrap_or("?")
            .to_string(),
        Answer::Choices(picks) => {
            let items = turn.shown.gap_items(turn.question, gap);
            let item = |pos: &usize| items.get(*pos).copied().unwrap_or("?");
            picks.iter().map(item).collect::<Vec<_>>().join(", ")
        }
        Answer::Text(text) => text.trim().to_string(),
        _ => String::new(),
    };
    escape(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Gap, GapKind, Text};

    #[test]
    fn gaps_are_numbered_in_brackets() {
        let gap = || Gap::new(GapKind::Text(Text::new("x", vec![])));
        let cloze = Cloze::new("From {1} in {2}.", vec![gap(), gap()]);
        assert_eq!(passage(&cloze, None), "From [1] in [2].");
    }
}
