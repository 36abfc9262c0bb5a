//! Aiken import: a one-line question, lettered options, then `ANSWER: X`.

use super::common::{Draft, Parsed, Skipped};
use crate::bank::{Kind, Question};

/// A question being read: its line, prompt and `(letter, text)` options.
struct Pending {
    line: usize,
    prompt: String,
    options: Vec<(char, String)>,
}

/// Reads Aiken text; each question becomes a draft or a note saying why it was skipped.
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    let mut pending: Option<Pending> = None;
    for (index, line) in text.lines().enumerate() {
        let (number, line) = (index + 1, line.trim());
        if line.is_empty() {
            continue;
        }
        if let Some(letter) = answer_letter(line) {
            let result = match pending.take() {
                Some(q) => finish(q, letter, number),
                None => Err(Skipped::new(
                    number,
                    "ANSWER line without a question before it",
                )),
            };
            push(&mut parsed, result);
        } else if let Some(option) = option(line) {
            match &mut pending {
                Some(q) => q.options.push(option),
                None => {
                    pending = Some(Pending {
                        line: number,
                        prompt: line.to_string(),
                        options: vec![],
                    })
                }
            }
        } else {
            if let Some(q) = pending.take_if(|q| !q.options.is_empty()) {
                parsed.skipped.push(missing_answer(&q));
            }
            match &mut pending {
                Some(q) => q.prompt = format!("{}\n{line}", q.prompt),
                None => {
                    pending = Some(Pending {
                        line: number,
                        prompt: line.to_string(),
                        options: vec![],
                    })
                }
            }
        }
    }
    if let Some(q) = pending {
        parsed.skipped.push(missing_answer(&q));
    }
    parsed
}

fn push(parsed: &mut Parsed, result: Result<Draft, Skipped>) {
    match result {
        Ok(draft) => parsed.drafts.push(draft),
        Err(note) => parsed.skipped.push(note),
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

/// An `A) text` or `A. text` option line.
fn option(line: &str) -> Option<(char, String)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let text = rest.strip_prefix(')').or_else(|| rest.strip_prefix('.'))?;
    text.starts_with([' ', '\t'])
        .then(|| (letter, text.trim().to_string()))
}

fn finish(q: Pending, letter: String, answer_line: usize) -> Result<Draft, Skipped> {
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
    let question = Question::new("", q.prompt, Kind::Single { answer, wrong });
    Ok(Draft {
        line: q.line,
        id_hint: None,
        question,
    })
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
            Kind::Single {
                answer: "4".into(),
                wrong: vec!["3".into()]
            }
        );
        assert_eq!(
            kinds[1],
            Kind::Single {
                answer: "Green".into(),
                wrong: vec!["Red".into()]
            }
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
