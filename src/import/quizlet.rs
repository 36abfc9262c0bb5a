//! Quizlet's export: cards split by a card separator (newline), term and definition by a
//! separator (tab); cards → [`flashcards`](super::flashcards) questions.

use super::common::{Parsed, Skipped};
use super::flashcards::{self, Card, CardOptions};

/// Quizlet's two export choices: what stands between term and definition, and between cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separators {
    /// Between term and definition (Quizlet: tab, comma or custom).
    pub term: String,
    /// Between cards (Quizlet: new line, semicolon or custom).
    pub card: String,
}

impl Default for Separators {
    fn default() -> Self {
        Separators {
            term: "\t".into(),
            card: "\n".into(),
        }
    }
}

/// A separator as typed on the command line: `tab`, `comma`, `semicolon`, `newline`, `\t`, `\n`,
/// or the text itself.
pub fn separator_from_arg(arg: &str) -> String {
    match arg.to_lowercase().as_str() {
        "tab" | "\\t" => "\t".into(),
        "comma" => ",".into(),
        "semicolon" => ";".into(),
        "newline" | "new line" | "\\n" => "\n".into(),
        "space" => " ".into(),
        _ => arg.replace("\\t", "\t").replace("\\n", "\n"),
    }
}

/// Reads a Quizlet export; notes name the card (counted from 1, blank ones included).
pub fn parse(text: &str, separators: &Separators, options: &CardOptions) -> Parsed {
    let mut parsed = Parsed {
        unit: Some("card"),
        ..Parsed::default()
    };
    let cards = read_cards(text, separators, &mut parsed.skipped);
    flashcards::add_questions(&cards, options, &mut parsed);
    parsed
}

/// Splits the text into cards; a card without the separator is noted and left out.
fn read_cards(text: &str, separators: &Separators, skipped: &mut Vec<Skipped>) -> Vec<Card> {
    let mut cards = Vec::new();
    let text = text.replace("\r\n", "\n");
    for (index, raw) in text.split(separators.card.as_str()).enumerate() {
        let number = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let Some((term, definition)) = raw.split_once(separators.term.as_str()) else {
            skipped.push(Skipped::at(
                "card",
                number,
                None,
                format!(
                    "no {} between term and definition; pass the one used with --separator",
                    describe(&separators.term)
                ),
            ));
            continue;
        };
        let (front, back) = (term.trim(), definition.trim());
        let empty = if front.is_empty() {
            Some("term")
        } else if back.is_empty() {
            Some("definition")
        } else {
            None
        };
        if let Some(side) = empty {
            skipped.push(Skipped::at(
                "card",
                number,
                None,
                format!("the {side} is empty"),
            ));
            continue;
        }
        cards.push(Card {
            number,
            front: front.to_string(),
            back: back.to_string(),
            tags: Vec::new(),
        });
    }
    cards
}

/// A separator named for people: `tab`, `newline`, or the text in quotes.
fn describe(separator: &str) -> String {
    match separator {
        "\t" => "tab".into(),
        "\n" => "newline".into(),
        other => format!("\"{other}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Kind, Text};

    #[test]
    fn custom_separators_split_cards_and_sides() {
        let separators = Separators {
            term: separator_from_arg(" - "),
            card: separator_from_arg("semicolon"),
        };
        let options = CardOptions {
            style: flashcards::CardStyle::Text,
            ..CardOptions::default()
        };
        let parsed = parse("un - one;deux - two;;trois", &separators, &options);
        let prompts: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| d.question.prompt.as_str())
            .collect();
        assert_eq!(prompts, ["un", "deux"]);
        assert!(
            matches!(&parsed.drafts[1].question.kind, Kind::Text(Text { answer, .. }) if answer == "two")
        );
        assert_eq!(parsed.skipped[0].location(), ": card 4");
        assert!(parsed.skipped[0].reason.contains("no \" - \" between"));
    }
}
