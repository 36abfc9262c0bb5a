//! The class report: result files grouped by bank, per student and per question (pure).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::SessionRecord;
use super::record::round2;
use super::stats::score_percent;
use crate::engine::score::max_award;

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
    /// What is wrong with the file's numbers, or that the student has several results.
    pub problems: Vec<String>,
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

/// The score and maximum a result file shows, recomputed from its answers, and what in the
/// file disagrees with them. The score is the sum of the answers' points; the maximum is the
/// whole session's (unanswered questions count), or the answered questions' in older files.
pub fn recompute(record: &SessionRecord) -> (f64, f64, Vec<String>) {
    let mut problems = Vec::new();
    let score = round2(record.questions.iter().map(|q| q.awarded).sum());
    let answered_points: f64 = record.questions.iter().map(|q| f64::from(q.points)).sum();
    let max = record.session_max.unwrap_or(record.max_score);
    if (record.score - score).abs() > 0.011 {
        problems.push(format!(
            "its score {} disagrees with its answers ({score})",
            record.score
        ));
    }
    let out_of_range = record
        .questions
        .iter()
        .find(|q| !(q.awarded >= 0.0 && q.awarded <= max_award(q.points, true) + 0.011));
    if let Some(q) = out_of_range {
        problems.push(format!(
            "question \"{}\" awards {} of {} points",
            q.id, q.awarded, q.points
        ));
    }
    if !(max.is_finite() && max + 0.011 >= answered_points && max + 0.011 >= score) {
        problems.push(format!(
            "its maximum {max} is below the points of its answers ({answered_points})"
        ));
    }
    if record
        .session_questions
        .is_some_and(|n| n < record.questions.len())
    {
        problems.push("it lists more answers than its session had questions".into());
    }
    (score, max, problems)
}

fn student_row(record: &SessionRecord) -> StudentRow {
    let seconds = record
        .finished_at
        .duration_since(record.started_at)
        .as_secs();
    let (score, max_score, problems) = recompute(record);
    StudentRow {
        name: record.name.clone(),
        score,
        max_score,
        percent: score_percent(score, max_score),
        seconds: seconds.max(0),
        interrupted: record.interrupted,
        problems,
    }
}

/// Marks students with more than one result in the bank (same name, ignoring case).
fn flag_duplicates(students: &mut [StudentRow]) {
    let key = |row: &StudentRow| row.name.trim().to_lowercase();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for row in students.iter().filter(|r| !r.name.trim().is_empty()) {
        *counts.entry(key(row)).or_default() += 1;
    }
    for row in students.iter_mut() {
        if let Some(&n) = counts.get(&key(row)).filter(|&&n| n > 1) {
            row.problems.push(format!("{n} results for this name"));
        }
    }
}

fn finish(bank: String, mut tally: BankTally) -> BankReport {
    tally.students.sort_by(|a, b| {
        let key = |row: &StudentRow| row.name.to_lowercase();
        key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
    });
    flag_duplicates(&mut tally.students);
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
