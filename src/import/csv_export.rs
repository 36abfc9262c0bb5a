//! Bank → CSV with the columns `import --from csv` reads; kinds a row cannot hold are left out.

use super::csv::{COLUMNS, join_list};
use super::export::Exported;
use crate::bank::{Bank, Kind, Multi, Number, Question, Single, Text, TrueFalse};

/// Writes a bank as CSV: a header row, then one row a question.
pub fn to_csv(bank: &Bank) -> Exported {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let (mut skipped, mut lost) = (Vec::new(), Vec::new());
    // Writing to a Vec cannot fail; a failure would only drop the row.
    let _ = writer.write_record(COLUMNS);
    for (index, question) in bank.questions.iter().enumerate() {
        match cells(question) {
            Some(row) => {
                let _ = writer.write_record(&row);
                let fields = lost_fields(&question.kind);
                if !fields.is_empty() {
                    let them = if fields.len() == 1 { "it" } else { "them" };
                    let reason = format!(
                        "CSV cannot hold {}; written without {them}",
                        fields.join(", ")
                    );
                    lost.push((index, question.id.clone(), reason));
                }
            }
            None => skipped.push((
                index,
                question.id.clone(),
                format!("CSV cannot hold {} questions", question.kind.name()),
            )),
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    Exported {
        text: String::from_utf8_lossy(&bytes).into_owned(),
        skipped,
        lost,
    }
}

/// The richer answer fields of a kind CSV has no column for.
fn lost_fields(kind: &Kind) -> Vec<&'static str> {
    let (feedback, extra): (bool, &[(bool, &'static str)]) = match kind {
        Kind::Single(k) => (
            !k.feedback.is_empty(),
            &[(!k.partial.is_empty(), "partial")],
        ),
        Kind::Multi(k) => (
            !k.feedback.is_empty(),
            &[(!k.weights.is_empty(), "weights")],
        ),
        Kind::TrueFalse(k) => (!k.feedback.is_empty(), &[]),
        Kind::Text(k) => (
            !k.feedback.is_empty(),
            &[
                (!k.partial.is_empty(), "partial"),
                (k.case_sensitive, "case_sensitive"),
            ],
        ),
        Kind::Number(k) => (
            !k.feedback.is_empty(),
            &[(!k.also.is_empty(), "also"), (!k.units.is_empty(), "units")],
        ),
        Kind::Order(_) | Kind::Match(_) | Kind::Cloze(_) => (false, &[]),
    };
    let mut fields: Vec<&'static str> = extra
        .iter()
        .filter(|(has, _)| *has)
        .map(|(_, n)| *n)
        .collect();
    if feedback {
        fields.push("feedback");
    }
    fields
}

/// The row of one question in [`COLUMNS`] order; `None` for kinds CSV cannot hold.
fn cells(q: &Question) -> Option<[String; COLUMNS.len()]> {
    let (answer, wrong, accept, tolerance) = match &q.kind {
        Kind::Single(Single { answer, wrong, .. }) => {
            (answer.clone(), join_list(wrong), String::new(), None)
        }
        Kind::Multi(Multi { answers, wrong, .. }) => {
            (join_list(answers), join_list(wrong), String::new(), None)
        }
        Kind::TrueFalse(TrueFalse { answer, .. }) => {
            (answer.to_string(), String::new(), String::new(), None)
        }
        Kind::Text(Text { answer, accept, .. }) => {
            (answer.clone(), String::new(), join_list(accept), None)
        }
        Kind::Number(Number {
            answer, tolerance, ..
        }) => (
            answer.to_string(),
            String::new(),
            String::new(),
            Some(*tolerance),
        ),
        Kind::Order(_) | Kind::Match(_) | Kind::Cloze(_) => return None,
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    Some([
        q.id.clone(),
        q.kind.name().to_string(),
        q.prompt.clone(),
        answer,
        wrong,
        accept,
        tolerance.map(|t| t.to_string()).unwrap_or_default(),
        text(&q.explanation),
        text(&q.source),
        join_list(&q.tags),
        q.difficulty.to_string(),
        q.points.to_string(),
        q.time_limit.map(|t| t.to_string()).unwrap_or_default(),
        text(&q.hint),
        text(&q.title),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Order;

    #[test]
    fn order_questions_are_reported_not_written() {
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
        let exported = to_csv(&bank);
        assert_eq!(exported.text.lines().count(), 1);
        assert_eq!(exported.skipped[0].2, "CSV cannot hold order questions");
    }
}
