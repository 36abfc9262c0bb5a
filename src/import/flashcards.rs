//! Flashcards (Quizlet, Anki) → questions: a typed answer, or single choice with wrong
//! choices drawn from the other cards' answers, the same for the same set every time.

use std::collections::HashSet;

use rand::SeedableRng;
use rand::rngs::StdRng;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::common::{Draft, Parsed, Skipped, tag_slugs};
use crate::bank::{Kind, Question, Single, Text};

/// One card: where it is, its two sides, its tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its line, row or card number, as the format counts.
    pub number: usize,
    /// The side shown first (Quizlet's term, Anki's first field).
    pub front: String,
    /// The other side (Quizlet's definition, Anki's second field).
    pub back: String,
    /// Tags carried by the card.
    pub tags: Vec<String>,
}

/// How a card is asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CardStyle {
    /// The answer among wrong choices taken from other cards.
    #[default]
    Single,
    /// The answer typed, graded leniently.
    Text,
}

/// Which side is asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    /// Show the front, expect the back.
    #[default]
    Forward,
    /// Show the back, expect the front.
    Reverse,
    /// One question each way.
    Both,
}

/// What a set of cards becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardOptions {
    /// Single choice or typed.
    pub style: CardStyle,
    /// Wrong choices per single-choice question.
    pub choices: usize,
    /// Which side is asked.
    pub direction: Direction,
}

impl Default for CardOptions {
    fn default() -> Self {
        CardOptions {
            style: CardStyle::Single,
            choices: 3,
            direction: Direction::Forward,
        }
    }
}

/// Turns cards into drafts in `parsed`, in card order (both directions of a card together).
pub fn add_questions(cards: &[Card], options: &CardOptions, parsed: &mut Parsed) {
    let sides: &[bool] = match options.direction {
        Direction::Forward => &[false],
        Direction::Reverse => &[true],
        Direction::Both => &[false, true],
    };
    let pools: Vec<Pool> = sides
        .iter()
        .map(|&reverse| Pool::new(cards, reverse))
        .collect();
    for (index, card) in cards.iter().enumerate() {
        for (&reverse, pool) in sides.iter().zip(&pools) {
            let (prompt, answer) = if reverse {
                (&card.back, &card.front)
            } else {
                (&card.front, &card.back)
            };
            let kind = match options.style {
                CardStyle::Text => Kind::Text(Text {
                    answer: answer.clone(),
                    accept: Vec::new(),
                    ..Text::default()
                }),
                CardStyle::Single => {
                    let wrong = pool.wrong_choices(answer, options.choices, index);
                    if wrong.is_empty() {
                        parsed.skipped.push(no_wrong_choices(card, parsed.unit));
                        continue;
                    }
                    Kind::Single(Single {
                        answer: answer.clone(),
                        wrong,
                        ..Single::default()
                    })
                }
            };
            let mut question = Question::new("", prompt.clone(), kind);
            question.tags = tag_slugs(card.tags.iter().map(String::as_str));
            parsed.drafts.push(Draft {
                line: card.number,
                id_hint: None,
                question,
            });
        }
    }
}

fn no_wrong_choices(card: &Card, unit: Option<&str>) -> Skipped {
    let reason = "no other card has a different answer to offer as a wrong choice; try --as text";
    match unit {
        Some(unit) => Skipped::at(unit, card.number, None, reason),
        None => Skipped::new(card.number, reason),
    }
}

/// The set's distinct answers for one direction, and a seed that depends on the whole set.
struct Pool {
    answers: Vec<(String, String)>,
    seed: u64,
}

impl Pool {
    fn new(cards: &[Card], reverse: bool) -> Self {
        let mut seen = HashSet::new();
        let mut answers = Vec::new();
        let mut seed = Fnv::default();
        for card in cards {
            let answer = if reverse { &card.front } else { &card.back };
            seed.write(card.front.as_bytes());
            seed.write(card.back.as_bytes());
            let folded = fold(answer);
            if !folded.is_empty() && seen.insert(folded.clone()) {
                answers.push((folded, answer.clone()));
            }
        }
        Pool {
            answers,
            seed: seed.0,
        }
    }

    /// Up to `n` answers of other cards, none equal to `answer` once folded, picked by a
    /// generator seeded from the set and the card's place, so the same set gives the same choices.
    fn wrong_choices(&self, answer: &str, n: usize, index: usize) -> Vec<String> {
        let own = fold(answer);
        let mut rng =
            StdRng::seed_from_u64(self.seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let take = (n + 1).min(self.answers.len());
        rand::seq::index::sample(&mut rng, self.answers.len(), take)
            .into_iter()
            .map(|i| &self.answers[i])
            .filter(|(folded, _)| *folded != own)
            .take(n)
            .map(|(_, original)| original.clone())
            .collect()
    }
}

/// FNV-1a: a hash that is the same on every run and machine (std's is randomly keyed).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// An answer folded as lenient grading compares typed text (accents, case, punctuation, spaces,
/// a leading article), so two choices that fold alike are never offered together.
fn fold(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    match words.as_slice() {
        [first, rest @ ..] if !rest.is_empty() && ["the", "a", "an"].contains(first) => {
            rest.join(" ")
        }
        _ => words.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(pairs: &[(&str, &str)]) -> Vec<Card> {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (f, b))| Card {
                number: i + 1,
                front: f.to_string(),
                back: b.to_string(),
                tags: vec![],
            })
            .collect()
    }

    fn kinds(cards: &[Card], options: CardOptions) -> Vec<Kind> {
        let mut parsed = Parsed::default();
        add_questions(cards, &options, &mut parsed);
        parsed.drafts.into_iter().map(|d| d.question.kind).collect()
    }

    #[test]
    fn wrong_choices_never_equal_the_answer_once_folded() {
        let set = cards(&[
            ("chien", "the dog"),
            ("chat", "cat"),
            ("Hund", "Dog!"),
            ("perro", "DOG"),
            ("bird", "oiseau"),
        ]);
        for kind in kinds(&set, CardOptions::default()) {
            let Kind::Single(Single { answer, wrong, .. }) = kind else {
                panic!("single expected")
            };
            assert!(
                wrong.iter().all(|w| fold(w) != fold(&answer)),
                "{answer}: {wrong:?}"
            );
            assert!(!wrong.is_empty() && wrong.len() <= 3);
        }
    }

    #[test]
    fn the_same_set_gives_the_same_choices_and_another_set_may_not() {
        let pairs: Vec<(String, String)> = (0..40)
            .map(|i| (format!("q{i}"), format!("a{i}")))
            .collect();
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let set = cards(&refs);
        assert_eq!(
            kinds(&set, CardOptions::default()),
            kinds(&set, CardOptions::default())
        );
        let mut other = set.clone();
        other[39].back = "changed".into();
        assert_ne!(
            kinds(&set, CardOptions::default())[..5],
            kinds(&other, CardOptions::default())[..5]
        );
    }

    #[test]
    fn both_directions_and_text_style() {
        let set = cards(&[("one", "un"), ("two", "deux")]);
        let options = CardOptions {
            style: CardStyle::Text,
            direction: Direction::Both,
            ..CardOptions::default()
        };
        let answers: Vec<_> = kinds(&set, options)
            .into_iter()
            .map(|k| match k {
                Kind::Text(Text { answer, .. }) => answer,
                _ => panic!("text expected"),
            })
            .collect();
        assert_eq!(answers, ["un", "one", "deux", "two"]);
    }

    #[test]
    fn a_set_of_one_card_cannot_be_single_choice() {
        let mut parsed = Parsed::default();
        add_questions(&cards(&[("a", "b")]), &CardOptions::default(), &mut parsed);
        assert!(parsed.drafts.is_empty());
        assert!(parsed.skipped[0].reason.contains("--as text"));
    }
}
