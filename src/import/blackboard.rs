//! Blackboard's tab-delimited question file: one question a line, its type first
//! (`MC`, `MA`, `TF`, `FIB`, `NUM`, `ORD`, `MAT`) → the type's fields → bank questions.

use super::common::{Draft, ImportError, Parsed, Skipped, html_to_text, looks_like_html};
use super::csv::parse_number;
use super::table::{self, Row};
use crate::bank::{Kind, Match, Multi, Number, Order, Question, Single, Text, TrueFalse};

/// A line in Blackboard's terms.
enum Item {
    /// `MC`/`MA`: the answers with their `correct`/`incorrect` marks.
    Choices {
        several: bool,
        marked: Vec<(String, bool)>,
    },
    /// `TF`: `true` or `false`.
    TrueFalse(bool),
    /// `FIB`: the accepted answers.
    Blank(Vec<String>),
    /// `NUM`: the answer and its tolerance.
    Numeric(f64, f64),
    /// `ORD`: the items in the right order.
    Ordering(Vec<String>),
    /// `MAT`: the (item, match) pairs.
    Matching(Vec<(String, String)>),
}

/// Types Blackboard has that have no answer termquiz can grade, and what they are.
const UNGRADED: [(&str, &str); 8] = [
    ("ESS", "essay"),
    ("SR", "short response"),
    ("OP", "opinion"),
    ("FIL", "file response"),
    ("FIB_PLUS", "fill in multiple blanks"),
    ("JUMBLED_SENTENCE", "jumbled sentence"),
    ("QUIZ_BOWL", "quiz bowl"),
    ("HS", "hot spot"),
];

/// Reads a Blackboard file; notes name the line and the field at fault.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let rows = table::read_rows_quoted(text, b'\t', false)?;
    let mut parsed = Parsed {
        unit: Some("line"),
        ..Parsed::default()
    };
    for row in rows.iter().filter(|r| !r.is_blank()) {
        match question(row) {
            Ok(draft) => parsed.drafts.push(draft),
            Err(note) => parsed.skipped.push(note),
        }
    }
    Ok(parsed)
}

fn question(row: &Row) -> Result<Draft, Skipped> {
    let mut cells: Vec<String> = row.cells.iter().map(|c| as_text(c)).collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    let kind_name = cells.first().map_or("", String::as_str).to_uppercase();
    let fault = |field: &str, reason: String| Skipped::at("line", row.line, Some(field), reason);
    let prompt = cells.get(1).cloned().unwrap_or_default();
    if prompt.is_empty() {
        return Err(fault("question text", "the question text is empty".into()));
    }
    let fields = &cells[2.min(cells.len())..];
    let item = read_item(&kind_name, fields).map_err(|(field, reason)| fault(&field, reason))?;
    let question = Question::new("", prompt, to_kind(item));
    Ok(Draft {
        line: row.line,
        id_hint: None,
        question,
    })
}

/// The fields after the question text, in the type's terms; errors name the field.
fn read_item(kind: &str, fields: &[String]) -> Result<Item, (String, String)> {
    let need = |n: usize, what: &str| {
        if fields.len() < n {
            Err(("answer".to_string(), format!("{kind} needs {what}")))
        } else {
            Ok(())
        }
    };
    match kind {
        "MC" | "MA" => {
            need(2, "answers, each followed by correct or incorrect")?;
            let mut marked = Vec::new();
            for (i, pair) in fields.chunks(2).enumerate() {
                let field = format!("answer {} status", i + 1);
                let status = pair.get(1).map_or("", String::as_str).to_lowercase();
                let right = match status.as_str() {
                    "correct" => true,
                    "incorrect" => false,
                    _ => {
                        return Err((field, "write correct or incorrect after each answer".into()));
                    }
                };
                marked.push((pair[0].clone(), right));
            }
            Ok(Item::Choices {
                several: kind == "MA",
                marked,
            })
        }
        "TF" => match fields.first().map(|f| f.to_lowercase()).as_deref() {
            Some("true") => Ok(Item::TrueFalse(true)),
            Some("false") => Ok(Item::TrueFalse(false)),
            _ => Err(("answer".into(), "TF needs true or false".into())),
        },
        "FIB" => {
            need(1, "at least one answer")?;
            Ok(Item::Blank(fields.to_vec()))
        }
        "NUM" => {
            need(1, "an answer")?;
            let number = |i: usize, name: &str| match fields.get(i).map(String::as_str) {
                None | Some("") => Ok(0.0),
                Some(text) => parse_number(text)
                    .ok_or_else(|| (name.to_string(), format!("\"{text}\" is not a number"))),
            };
            Ok(Item::Numeric(
                number(0, "answer")?,
                number(1, "tolerance")?.abs(),
            ))
        }
        "ORD" => {
            need(2, "at least two answers in order")?;
            Ok(Item::Ordering(fields.to_vec()))
        }
        "MAT" => {
            need(4, "at least two answer and match pairs")?;
            if fields.len() % 2 == 1 {
                let field = format!("match {}", fields.len() / 2 + 1);
                return Err((field, "every answer needs its match".into()));
            }
            let pairs = fields
                .chunks(2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect();
            Ok(Item::Matching(pairs))
        }
        other => Err(("type".into(), ungraded(other))),
    }
}

fn ungraded(kind: &str) -> String {
    match UNGRADED.iter().find(|(k, _)| *k == kind) {
        Some((_, name)) => format!("{name} questions ({kind}) have no answer termquiz can grade"),
        None if kind.is_empty() => {
            "no question type; start the line with MC, MA, TF, FIB, NUM, ORD or MAT".into()
        }
        None => format!("unknown question type \"{kind}\"; use MC, MA, TF, FIB, NUM, ORD or MAT"),
    }
}

/// The one place Blackboard's items become bank kinds.
fn to_kind(item: Item) -> Kind {
    match item {
        Item::Choices { several, marked } => {
            let (right, wrong): (Vec<_>, Vec<_>) = marked.into_iter().partition(|(_, r)| *r);
            let right: Vec<String> = right.into_iter().map(|(t, _)| t).collect();
            let wrong = wrong.into_iter().map(|(t, _)| t).collect();
            match (several, right.as_slice()) {
                (false, [answer]) => Kind::Single(Single {
                    answer: answer.clone(),
                    wrong,
                    ..Single::default()
                }),
                // MC with no or several right answers: validation names what is wrong.
                _ => Kind::Multi(Multi {
                    answers: right,
                    wrong,
                    ..Multi::default()
                }),
            }
        }
        Item::TrueFalse(answer) => Kind::TrueFalse(TrueFalse {
            answer,
            ..TrueFalse::default()
        }),
        Item::Blank(mut answers) => Kind::Text(Text {
            answer: answers.remove(0),
            accept: answers,
            ..Text::default()
        }),
        Item::Numeric(answer, tolerance) => Kind::Number(Number {
            answer,
            tolerance,
            ..Number::default()
        }),
        Item::Ordering(items) => Kind::Order(Order { items }),
        Item::Matching(pairs) => Kind::Match(Match {
            pairs,
            ..Match::default()
        }),
    }
}

/// A field as plain text (Blackboard fields may hold HTML).
fn as_text(cell: &str) -> String {
    if looks_like_html(cell) {
        html_to_text(cell).trim().to_string()
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_maps_to_its_kind() {
        let text = "MC\tQ1?\ta\tcorrect\tb\tincorrect\n\
                    MA\tQ2?\ta\tcorrect\tb\tcorrect\tc\tincorrect\n\
                    TF\tQ3?\tFalse\n\
                    FIB\tQ4?\tcat\tkitten\n\
                    NUM\tQ5?\t3.5\t0.5\n\
                    ORD\tQ6?\tfirst\tsecond\tthird\n\
                    MAT\tQ7?\ta\t1\tb\t2\n";
        let parsed = parse(text).unwrap();
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let kinds: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| d.question.kind.name())
            .collect();
        assert_eq!(
            kinds,
            [
                "single",
                "multi",
                "true_false",
                "text",
                "number",
                "order",
                "match"
            ]
        );
    }

    #[test]
    fn essays_and_bad_fields_are_noted_with_line_and_field() {
        let parsed = parse("ESS\tWhy?\nMC\tQ?\ta\tyes\n\nNUM\tQ?\tlots\n").unwrap();
        let notes: Vec<_> = parsed
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.location(), s.reason))
            .collect();
        assert_eq!(
            notes,
            [
                ": line 1, column \"type\": essay questions (ESS) have no answer termquiz can grade",
                ": line 2, column \"answer 1 status\": write correct or incorrect after each answer",
                ": line 4, column \"answer\": \"lots\" is not a number",
            ]
        );
    }
}
