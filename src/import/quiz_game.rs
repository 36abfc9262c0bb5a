//! What Kahoot's and Blooket's templates share: a header row found by its titles, whatever
//! stands above it; rows of a question, answers 1–4, a time limit and the right answers' numbers.

use super::common::{Draft, ImportError, Parsed, Skipped};
use super::table::{Header, Row};
use crate::bank::{Feedback, Kind, Question, Single, Text};

/// A template's column titles (prefixes, compared folded) and the names notes give them.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The tool, for messages.
    pub tool: &'static str,
    /// The question column ("Question - max 120 characters", "Question Text").
    pub question: &'static str,
    /// The answer columns, numbered after this ("Answer 1 - max 75 characters").
    pub answer: &'static str,
    /// The time limit column.
    pub time_limit: &'static str,
    /// The right answers column.
    pub correct: &'static str,
}

/// Where a template's columns are in one sheet.
struct Columns {
    question: usize,
    answers: Vec<usize>,
    time_limit: Option<usize>,
    correct: usize,
}

/// A template's rows in its own terms.
struct GameRow {
    number: usize,
    question: String,
    /// `(number, text)` of each filled answer.
    answers: Vec<(usize, String)>,
    time_limit: Option<u32>,
    /// The numbers in the right answers cell.
    correct: Vec<usize>,
}

/// Finds the header row by its titles, then reads every row below it.
pub fn parse(rows: &[Row], template: &Template) -> Result<Parsed, ImportError> {
    let (at, columns) = rows
        .iter()
        .enumerate()
        .find_map(|(i, row)| locate(row, template).map(|c| (i, c)))
        .ok_or_else(|| {
            ImportError::Shape(format!(
                "no header row with {}'s titles \"{}\", \"{} 1\" and \"{}\"",
                template.tool, template.question, template.answer, template.correct
            ))
        })?;
    let mut parsed = Parsed {
        unit: Some("row"),
        ..Parsed::default()
    };
    for row in rows[at + 1..].iter().filter(|r| !r.is_blank()) {
        let result = read(row, &columns, template).and_then(|g| question(g, template));
        match result {
            Ok(draft) => parsed.drafts.push(draft),
            Err(note) => parsed.skipped.push(note),
        }
    }
    Ok(parsed)
}

fn locate(row: &Row, template: &Template) -> Option<Columns> {
    let header = Header::new(row);
    let answers: Vec<usize> = (1..=6)
        .map_while(|n| header.find(&format!("{} {n}", template.answer)))
        .collect();
    Some(Columns {
        question: header.find(template.question)?,
        correct: header.find(template.correct)?,
        time_limit: header.find(template.time_limit),
        answers: (!answers.is_empty()).then_some(answers)?,
    })
}

/// A row in the template's terms; a cell that cannot be read names its column.
fn read(row: &Row, columns: &Columns, template: &Template) -> Result<GameRow, Skipped> {
    let fault = |column: &str, reason: &str| Skipped::row(row.number, Some(column), reason);
    let question = row.cell(columns.question).to_string();
    if question.is_empty() {
        return Err(fault(template.question, "the question is empty"));
    }
    let answers: Vec<(usize, String)> = columns
        .answers
        .iter()
        .enumerate()
        .map(|(i, &c)| (i + 1, row.cell(c).to_string()))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let time_limit = match columns.time_limit.map(|c| row.cell(c)) {
        None | Some("") => None,
        Some(cell) => Some(
            super::csv::whole(cell)
                .filter(|&s| s >= 1)
                .ok_or_else(|| fault(template.time_limit, "not a whole number of seconds"))?,
        ),
    };
    let correct_cell = row.cell(columns.correct);
    let correct_name = template.correct;
    let correct: Vec<usize> = correct_cell
        .split([',', ';', ' '])
        .filter(|t| !t.is_empty())
        .map(|t| super::csv::whole(t).map(|n| n as usize))
        .collect::<Option<_>>()
        .ok_or_else(|| {
            fault(
                correct_name,
                "write the right answers' numbers, e.g. 1 or 1,3",
            )
        })?;
    if correct.is_empty() {
        return Err(fault(
            correct_name,
            "no right answer; write its number, e.g. 2",
        ));
    }
    if let Some(n) = correct
        .iter()
        .find(|n| !answers.iter().any(|(a, _)| a == *n))
    {
        return Err(Skipped::row(
            row.number,
            Some(correct_name),
            format!("answer {n} is marked right but is empty"),
        ));
    }
    Ok(GameRow {
        number: row.number,
        question,
        answers,
        time_limit,
        correct,
    })
}

/// The bank question of a row: single choice; several right answers are scored as both tools
/// score them, any one of them fully right (see [`any_one_right`]).
fn question(row: GameRow, template: &Template) -> Result<Draft, Skipped> {
    let (right, wrong): (Vec<_>, Vec<_>) = row
        .answers
        .iter()
        .cloned()
        .partition(|(n, _)| row.correct.contains(n));
    let right: Vec<String> = right.into_iter().map(|(_, t)| t).collect();
    let wrong: Vec<String> = wrong.into_iter().map(|(_, t)| t).collect();
    if wrong.is_empty() {
        let column = format!("{} 2", template.answer);
        return Err(Skipped::row(
            row.number,
            Some(&column),
            "every answer is right; a question needs a wrong answer too",
        ));
    }
    let (prompt, kind) = match right.as_slice() {
        [answer] => (
            row.question.clone(),
            Kind::Single(Single {
                answer: answer.clone(),
                wrong,
                ..Single::default()
            }),
        ),
        _ => any_one_right(&row.question, &row.answers, right, wrong),
    };
    let mut question = Question::new("", prompt, kind);
    question.time_limit = row.time_limit;
    Ok(Draft {
        line: row.number,
        id_hint: Some(row.question),
        question,
    })
}

/// Several right answers, any one of them fully right (Kahoot's and Blooket's rule). A choice
/// question cannot say that (`single` has one right choice, partial credit stays below 1, and
/// `multi` right weights share one credit), so it is asked as a typed answer among the listed
/// choices: every right answer fully accepted, each wrong one named so it never passes as a typo.
fn any_one_right(
    prompt: &str,
    answers: &[(usize, String)],
    right: Vec<String>,
    wrong: Vec<String>,
) -> (String, Kind) {
    let listed: Vec<&str> = answers.iter().map(|(_, t)| t.as_str()).collect();
    let prompt = format!("{prompt}\n(type one of: {})", listed.join(" / "));
    let mut feedback = Feedback::default();
    for w in &wrong {
        feedback.insert(w.clone(), "Not one of the right answers.");
    }
    let mut right = right.into_iter();
    let answer = right.next().unwrap_or_default();
    let kind = Kind::Text(Text {
        answer,
        accept: right.collect(),
        feedback,
        ..Text::default()
    });
    (prompt, kind)
}
