//! Bank → GIFT: every kind GIFT can express; `order` questions are left out with a note.

use std::fmt::Write as _;

use crate::bank::{Bank, Kind, Match, Multi, Number, Question, Single, Text, TrueFalse};

/// A bank written as GIFT, and the questions that GIFT cannot express.
#[derive(Debug)]
pub struct Exported {
    /// The GIFT text.
    pub text: String,
    /// `(index, id, reason)` of every question left out.
    pub skipped: Vec<(usize, String, String)>,
}

/// Writes a bank as GIFT with `::id::` titles and `####` explanations.
pub fn to_gift(bank: &Bank) -> Exported {
    let mut text = format!("// {}\n\n", escape(&bank.title));
    let mut skipped = Vec::new();
    for (index, question) in bank.questions.iter().enumerate() {
        match answer_lines(&question.kind) {
            Some(lines) => write_question(&mut text, question, &lines),
            None => skipped.push((
                index,
                question.id.clone(),
                format!("GIFT cannot express {} questions", question.kind.name()),
            )),
        }
    }
    Exported { text, skipped }
}

fn write_question(out: &mut String, question: &Question, lines: &[String]) {
    let _ = writeln!(out, "::{}::{} {{", question.id, escape(&question.prompt));
    for line in lines {
        let _ = writeln!(out, "\t{line}");
    }
    if let Some(explanation) = &question.explanation {
        let _ = writeln!(out, "\t####{}", escape(explanation));
    }
    out.push_str("}\n\n");
}

/// The lines inside `{…}`; `None` for kinds GIFT cannot express.
fn answer_lines(kind: &Kind) -> Option<Vec<String>> {
    let lines = match kind {
        Kind::Single(Single { answer, wrong, .. }) => {
            let wrong = wrong.iter().map(|w| choice('~', None, w));
            std::iter::once(choice('=', None, answer))
                .chain(wrong)
                .collect()
        }
        Kind::Multi(Multi { answers, wrong, .. }) => {
            let right = 100.0 / answers.len() as f64;
            let penalty = -100.0 / wrong.len() as f64;
            let answers = answers.iter().map(|a| choice('~', Some(right), a));
            answers
                .chain(wrong.iter().map(|w| choice('~', Some(penalty), w)))
                .collect()
        }
        Kind::TrueFalse(TrueFalse { answer, .. }) => {
            vec![if *answer { "TRUE" } else { "FALSE" }.to_string()]
        }
        Kind::Text(Text { answer, accept, .. }) => std::iter::once(answer)
            .chain(accept)
            .map(|a| choice('=', None, a))
            .collect(),
        Kind::Number(Number {
            answer, tolerance, ..
        }) if *tolerance > 0.0 => {
            vec![format!("#{answer}:{tolerance}")]
        }
        Kind::Number(Number { answer, .. }) => vec![format!("#{answer}")],
        Kind::Order(_) | Kind::Cloze(_) => return None,
        Kind::Match(Match { pairs, .. }) => pairs
            .iter()
            .map(|(l, r)| format!("={} -> {}", escape(l), escape(r)))
            .collect(),
    };
    Some(lines)
}

/// One answer; a text starting with `%` gets an explicit weight so it is not read as one.
fn choice(marker: char, weight: Option<f64>, text: &str) -> String {
    let default = if marker == '=' { 100.0 } else { 0.0 };
    match weight.or_else(|| text.starts_with('%').then_some(default)) {
        Some(w) => format!("{marker}%{}%{}", format_weight(w), escape(text)),
        None => format!("{marker}{}", escape(text)),
    }
}

/// A weight with at most five decimals, as Moodle writes them (33.33333).
fn format_weight(weight: f64) -> String {
    let text = format!("{weight:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Escapes GIFT's special characters `~ = # { } :` and backslash; newlines become `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Order;

    #[test]
    fn escapes_specials() {
        assert_eq!(
            escape("a~b=c#d{e}f:g\\h\ni"),
            "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"
        );
    }

    #[test]
    fn multi_weights_sum_to_100() {
        let kind = Kind::Multi(Multi {
            answers: vec!["a".into(), "b".into(), "c".into()],
            wrong: vec!["d".into()],
            ..Multi::default()
        });
        let lines = answer_lines(&kind).unwrap();
        assert_eq!(
            lines,
            ["~%33.33333%a", "~%33.33333%b", "~%33.33333%c", "~%-100%d"]
        );
    }

    #[test]
    fn writes_each_kind() {
        let mut q = Question::new(
            "n",
            "How many?",
            Kind::Number(Number {
                answer: 5.0,
                tolerance: 0.5,
                ..Number::default()
            }),
        );
        q.explanation = Some("Because: 5".into());
        let bank = Bank {
            title: "T".into(),
            description: None,
            questions: vec![q],
        };
        let text = to_gift(&bank).text;
        assert!(
            text.contains("::n::How many? {\n\t#5:0.5\n\t####Because\\: 5\n}\n"),
            "{text}"
        );
        let order = Question::new(
            "o",
            "Order",
            Kind::Order(Order {
                items: vec!["a".into(), "b".into()],
            }),
        );
        let bank = Bank {
            title: "T".into(),
            description: None,
            questions: vec![order],
        };
        assert_eq!(to_gift(&bank).skipped.len(), 1);
    }
}
