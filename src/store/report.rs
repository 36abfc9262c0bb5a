//! The class report: result files grouped by bank, per student and per question (pure).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::SessionRecord;
use super::stats::score_percent;

/// The report over all result files, one part per bank (sorted by title).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// One section per bank title.
    pub banks: Vec<BankReport>,
}

/// The results of one bank.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BankReport {
    /// The bank's title.
    pub bank: String,
    /// One row per result file, sorted by name.
    pub students: Vec<StudentRow>,
    /// One row per question asked, hardest first.
    pub questions: Vec<QuestionRow>,
}

/// One result file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentRow {
    /// The player's name (may be empty).
    pub name: String,
    /// Points earned.
    pub score: f64,
    /// Points available.
    pub max_score: f64,
    /// Score in percent of the maximum.
    pub percent: f64,
    /// Seconds from start to finish (0 if the clock went backwards).
    pub seconds: i64,
    /// Stopped early.
    pub interrupted: bool,
}

/// How the class did on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionRow {
    /// The question's id.
    pub id: String,
    /// Times asked (first attempts).
    pub asked: usize,
    /// Times answered fully right.
    pub right: usize,
    /// `right / asked` in percent.
    pub percent: f64,
    /// The wrong answer given most often, if any.
    pub common_wrong: Option<WrongAnswer>,
}

/// A wrong answer and how many gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongAnswer {
    /// The answer as the players gave it.
    pub answer: String,
    /// How many gave it.
    pub count: usize,
}

/// Tallies of one bank while reading records.
#[derive(Default)]
struct BankTally {
    students: Vec<StudentRow>,
    questions: HashMap<String, QuestionTally>,
}

/// Tallies of one question.
#[derive(Default)]
struct QuestionTally {
    asked: usize,
    right: usize,
    wrong: HashMap<String, usize>,
}

/// Builds the report; linear in the number of answers.
pub fn build(records: impl IntoIterator<Item = SessionRecord>) -> Report {
    let mut banks: BTreeMap<String, BankTally> = BTreeMap::new();
    for record in records {
        let tally = banks.entry(record.bank.clone()).or_default();
        tally.students.push(student_row(&record));
        for question in record.questions {
            let entry = tally.questions.entry(question.id).or_default();
            entry.asked += 1;
            if question.correct {
                entry.right += 1;
            } else {
                *entry
                    .wrong
                    .entry(question.answer.trim().to_string())
                    .or_default() += 1;
            }
        }
    }
    let banks = banks
        .into_iter()
        .map(|(bank, tally)| finish(bank, tally))
        .collect();
    Report { banks }
}

fn student_row(record: &SessionRecord) -> StudentRow {
    let seconds = record
        .finished_at
        .duration_since(record.started_at)
        .as_secs();
    StudentRow {
        name: record.name.clone(),
        score: record.score,
        max_score: record.max_score,
        percent: score_percent(record.score, record.max_score),
        seconds: seconds.max(0),
        interrupted: record.interrupted,
    }
}

fn finish(bank: String, mut tally: BankTally) -> BankReport {
    tally.students.sort_by(|a, b| {
        let key = |row: &StudentRow| row.name.to_lowercase();
        key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
    });
    let mut questions: Vec<QuestionRow> = tally
        .questions
        .into_iter()
        .map(|(id, q)| QuestionRow {
            id,
            asked: q.asked,
            right: q.right,
            percent: (q.right as f64 * 1000.0 / q.asked as f64).round() / 10.0,
            common_wrong: most_common(q.wrong),
        })
        .collect();
    questions.sort_by(|a, b| {
        a.percent
            .total_cmp(&b.percent)
            .then_with(|| a.id.cmp(&b.id))
    });
    BankReport {
        bank,
        students: tally.students,
        questions,
    }
}

/// The answer given most often; ties go to the alphabetically first, so output is stable.
fn most_common(wrong: HashMap<String, usize>) -> Option<WrongAnswer> {
    wrong
        .into_iter()
        .min_by(|(a, x), (b, y)| y.cmp(x).then_with(|| a.cmp(b)))
        .map(|(answer, count)| WrongAnswer { answer, count })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::history::tests::record;
    use crate::store::record::tests::question;

    fn result(name: &str, bank: &str, answers: &[(&str, bool, &str)]) -> SessionRecord {
        let mut r = record(name, 0.0);
        r.bank = bank.to_string();
        r.finished_at = r
            .started_at
            .checked_add(jiff::SignedDuration::from_secs(95))
            .unwrap();
        r.questions = answers
            .iter()
            .map(|(id, ok, a)| question(id, *ok, a))
            .collect();
        r.score = r.questions.iter().filter(|q| q.correct).count() as f64;
        r.max_score = r.questions.len() as f64;
        r
    }

    #[test]
    fn groups_by_bank_sorts_students_and_questions() {
        let report = build([
            result("bob", "B", &[("q1", true, "x"), ("q2", false, "Decca")]),
            result("Ann", "B", &[("q1", false, "y"), ("q2", false, "Decca ")]),
            result("Cy", "A", &[("q1", true, "x")]),
            result("abe", "B", &[("q1", true, "x"), ("q2", false, "Columbia")]),
        ]);
        let banks: Vec<&str> = report.banks.iter().map(|b| b.bank.as_str()).collect();
        assert_eq!(banks, ["A", "B"]);
        let b = &report.banks[1];
        let names: Vec<&str> = b.students.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["abe", "Ann", "bob"]);
        assert_eq!((b.students[0].percent, b.students[0].seconds), (50.0, 95));
        let q: Vec<(&str, f64)> = b
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.percent))
            .collect();
        assert_eq!(q, [("q2", 0.0), ("q1", 66.7)]);
        let wrong = b.questions[0].common_wrong.clone().unwrap();
        assert_eq!(
            wrong,
            WrongAnswer {
                answer: "Decca".into(),
                count: 2
            }
        );
    }

    #[test]
    fn ties_in_wrong_answers_are_stable_and_all_right_has_none() {
        let report = build([
            result("a", "B", &[("q1", false, "zeta"), ("q2", true, "")]),
            result("b", "B", &[("q1", false, "alpha")]),
        ]);
        let q = &report.banks[0].questions;
        assert_eq!(q[0].common_wrong.as_ref().unwrap().answer, "alpha");
        assert_eq!(q[1].common_wrong, None);
    }

    #[test]
    fn a_clock_going_backwards_gives_zero_seconds() {
        let mut r = result("a", "B", &[]);
        r.finished_at = r
            .started_at
            .checked_sub(jiff::SignedDuration::from_secs(5))
            .unwrap();
        assert_eq!(build([r]).banks[0].students[0].seconds, 0);
    }
}
