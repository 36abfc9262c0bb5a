//! Aiken import: a one-line question, lettered options, then `ANSWER: X`; Chamilo's
//! `ANSWER_EXPLANATION:` and `SCORE:` lines are read too.

use super::common::{Draft, Parsed, Sink, Skipped};
use crate::bank::{Kind, Question, Single};

/// A question being read: its line, prompt and `(letter, text)` options.
struct Pending {
    line: usize,
    prompt: String,
    options: Vec<(char, String)>,
    extras: Extras,
}

/// Chamilo's lines about a question, before or after its ANSWER line.
#[derive(Default)]
struct Extras {
    explanation: Option<String>,
    score: Option<(usize, String)>,
}

/// A Chamilo `ANSWER_EXPLANATION:` or `SCORE:` line.
enum Extra {
    Explanation(String),
    Score(String),
}

fn extra(line: &str) -> Option<Extra> {
    if let Some(text) = line.strip_prefix("ANSWER_EXPLANATION:") {
        return Some(Extra::Explanation(text.trim().to_string()));
    }
    let score = line.strip_prefix("SCORE:")?;
    Some(Extra::Score(score.trim().to_string()))
}

impl Extras {
    fn add(&mut self, extra: Extra, line: usize) {
        match extra {
            Extra::Explanation(text) => self.explanation = Some(text).filter(|t| !t.is_empty()),
            Extra::Score(score) => self.score = Some((line, score)),
        }
    }

    /// Puts the explanation and the score on the question; a score that is not a whole
    /// number ≥ 1 is noted.
    fn apply(self, question: &mut Question, sink: &mut impl Sink) {
        if self.explanation.is_some() {
            question.explanation = self.explanation;
        }
        let Some((line, score)) = self.score else {
            return;
        };
        match score.replace(',', ".").parse::<f64>() {
            Ok(points) if points >= 1.0 && points <= f64::from(u32::MAX) => {
                let whole = points.round() as u32;
                if f64::from(whole) != points {
                    sink.note(Skipped::new(
                        line,
                        format!("SCORE: {score} is kept as {whole} points (whole points only)"),
                    ));
                }
                question.points = whole;
            }
            _ => sink.note(Skipped::new(
                line,
                format!("SCORE: {score} left out; a score is a whole number from 1"),
            )),
        }
    }
}

/// Reads Aiken text; each question becomes a draft or a note saying why it was skipped.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    read(text, &mut parsed);
    parsed
}

/// Reads Aiken text line by line, handing each question (or why it was skipped) to `sink`.
pub fn read(text: &str, sink: &mut impl Sink) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pending: Option<Pending> = None;
    // The last question finished by an ANSWER line, until the next question starts.
    let mut last: Option<(Draft, Extras)> = None;
    for (index, line) in text.lines().enumerate() {
        let (number, line) = (index + 1, line.trim());
        if line.is_empty() {
            continue;
        }
        if let Some(extra) = extra(line) {
            match (&mut pending, &mut last) {
                (Some(q), _) => q.extras.add(extra, number),
                (None, Some((_, extras))) => extras.add(extra, number),
                (None, None) => sink.skip(Skipped::new(
                    number,
                    "ANSWER_EXPLANATION or SCORE line without a question before it",
                )),
            }
        } else if let Some(letter) = answer_letter(line) {
            flush(sink, last.take());
            match pending.take() {
                Some(q) => match finish(q, letter, number) {
                    Ok(done) => last = Some(done),
                    Err(note) => sink.skip(note),
                },
                None => sink.skip(Skipped::new(
                    number,
                    "ANSWER line without a question before it",
                )),
            }
        } else if let Some(option) = pending.as_ref().and_then(|_| option(line)) {
            if let Some(q) = &mut pending {
                q.options.push(option);
            }
        } else {
            flush(sink, last.take());
            if let Some(q) = pending.take_if(|q| !q.options.is_empty()) {
                sink.skip(missing_answer(&q));
            }
            match &mut pending {
                Some(q) => {
                    q.prompt.push('\n');
                    q.prompt.push_str(line);
                }
                None => {
                    pending = Some(Pending {
                        line: number,
                        prompt: line.to_string(),
                        options: vec![],
                        extras: Extras::default(),
                    })
                }
            }
        }
    }
    flush(sink, last);
    if let Some(q) = pending {
        sink.skip(missing_answer(&q));
    }
}

/// Adds a finished question with its Chamilo extras.
fn flush(sink: &mut impl Sink, done: Option<(Draft, Extras)>) {
    if let Some((mut draft, extras)) = done {
        extras.apply(&mut draft.question, sink);
        sink.draft(draft);
    }
}

fn missing_answer(q: &Pending) -> Skipped {
    Skipped::new(q.line, "no 'ANSWER: X' line after the options")
}

/// The letter of an `ANSWER: B` line.
fn answer_letter(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("ANSWER:")
        .or_else(|| line.strip_prefix("ANSWER :"))?;
    Some(rest.trim().to_string())
}

/// An `A) text` or `A. text` option line; the space after the label may be missing (`A)Text`).
fn option(line: &str) -> Option<(char, String)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let text = rest.strip_prefix(')').or_else(|| rest.strip_prefix('.'))?;
    Some((letter, text.trim().to_string())).filter(|(_, t)| !t.is_empty())
}

fn finish(q: Pending, letter: String, answer_line: usize) -> Result<(Draft, Extras), Skipped> {
    if q.options.is_empty() {
        return Err(Skipped::new(
            q.line,
            "no options (A) … B) …) before the ANSWER line",
        ));
    }
    let Some(index) = q
        .options
        .iter()
        .position(|(l, _)| letter.len() == 1 && letter.starts_with(*l))
    else {
        let letters: Vec<String> = q.options.iter().map(|(l, _)| l.to_string()).collect();
        let message = format!(
            "ANSWER: {letter} is not among the options {}",
            letters.join(", ")
        );
        return Err(Skipped::new(answer_line, message));
    };
    let mut wrong: Vec<String> = q.options.into_iter().map(|(_, text)| text).collect();
    let answer = wrong.remove(index);
    let question = Question::new(
        "",
        q.prompt,
        Kind::Single(Single {
            answer,
            wrong,
            ..Single::default()
        }),
    );
    let draft = Draft {
        line: q.line,
        id_hint: None,
        question,
    };
    Ok((draft, q.extras))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(text: &str) -> super::super::Imported {
        parse(text).finish("t", || {})
    }

    #[test]
    fn reads_both_option_styles() {
        let imported = import(
            "What is 2+2?\nA) 3\nB) 4\nANSWER: B\n\nColour of grass?\nA. Red\nB. Green\nANSWER: B\n",
        );
        assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
        let kinds: Vec<_> = imported
            .bank
            .questions
            .iter()
            .map(|q| q.kind.clone())
            .collect();
        assert_eq!(
            kinds[0],
            Kind::Single(Single {
                answer: "4".into(),
                wrong: vec!["3".into()],
                ..Single::default()
            })
        );
        assert_eq!(
            kinds[1],
            Kind::Single(Single {
                answer: "Green".into(),
                wrong: vec!["Red".into()],
                ..Single::default()
            })
        );
        assert_eq!(imported.bank.questions[0].id, "what-is-2-2");
    }

    #[test]
    fn missing_answer_is_skipped_at_the_question() {
        let imported = import("Q1?\nA) x\nB) y\n\nQ2?\nA) x\nB) y\nANSWER: A\n");
        assert_eq!(
            imported.skipped,
            vec![Skipped::new(1, "no 'ANSWER: X' line after the options")]
        );
        assert_eq!(imported.bank.questions.len(), 1);
    }

    #[test]
    fn unknown_letter_is_skipped_at_the_answer_line() {
        let imported = import("Q?\nA) x\nB) y\nANSWER: D\n");
        assert_eq!(
            imported.skipped,
            vec![Skipped::new(4, "ANSWER: D is not among the options A, B")]
        );
    }

    #[test]
    fn missing_answer_at_end_of_file() {
        assert_eq!(
            import("Q?\r\nA) x\r\nB) y\r\n").skipped,
            vec![Skipped::new(1, "no 'ANSWER: X' line after the options")]
        );
    }
}
