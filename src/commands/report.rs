//! `termquiz report`: a class report from result files, as a table or CSV.

use std::io::Write;
use std::path::PathBuf;

use console::Style;

use super::table::{csv_record, percent_label, write_aligned};
use crate::bank::sanitize::one_line;
use crate::cli::{ReportArgs, ReportFormat};
use crate::error::{Error, Result};
use crate::store::report::{self, BankReport, Report, StudentRow};
use crate::store::{SessionRecord, StoreError, results};

/// Reads every result file, reports the good ones, and names each bad one on stderr, as
/// well as each file whose totals disagree with its answers (reported recomputed).
/// Exits 1 (after the report) when any file was bad or disagreed, or when none was good;
/// a closed output (`report … | head`) keeps that exit code.
pub fn run(args: &ReportArgs) -> Result<()> {
    let (records, errors, total) = read_all(&args.results);
    for error in &errors {
        crate::error::print_error(&one_line(&error.to_string()));
    }
    if total == 0 {
        let given: Vec<String> = args
            .results
            .iter()
            .map(|p| crate::bank::sanitize::path(p))
            .collect();
        return Err(Error::Invalid(format!(
            "no result files (*.json) in {}; students write them with `termquiz play --name NAME --results DIR/`",
            given.join(", ")
        )));
    }
    if records.is_empty() {
        let s = if total == 1 { "" } else { "s" };
        return Err(Error::Invalid(format!(
            "none of the {total} file{s} given is a result termquiz can read (see above)"
        )));
    }
    let disagreeing = warn_disagreeing(&records);
    let report = report::build(records.into_iter().map(|(_, record)| record));
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        ReportFormat::Table => write_table(&mut out, &report),
        ReportFormat::Csv => out.write_all(to_csv(&report).as_bytes()),
    }
    .and_then(|()| out.flush());
    let bad = errors.len();
    let unread = format!("{bad} of {total} result files could not be read");
    let disagree = format!("{disagreeing} of {total} disagree with their answers");
    match (bad, disagreeing) {
        (0, 0) => {}
        (_, 0) => return Err(Error::Invalid(unread)),
        (0, _) => return Err(Error::Invalid(disagree)),
        _ => return Err(Error::Invalid(format!("{unread}; {disagree}"))),
    }
    Ok(written?)
}

/// A warning per file whose stored totals disagree with its answers; how many there were.
fn warn_disagreeing(records: &[(PathBuf, SessionRecord)]) -> usize {
    let mut count = 0;
    for (path, record) in records {
        let (_, _, problems) = report::recompute(record);
        if !problems.is_empty() {
            count += 1;
            let file = crate::bank::sanitize::path(path);
            let why = one_line(&problems.join("; "));
            crate::error::print_warning(&format!("{file}: {why}; the report counts its answers"));
        }
    }
    count
}

/// The records of all readable files (with their paths), the errors of the others, and
/// how many files there were.
fn read_all(paths: &[PathBuf]) -> (Vec<(PathBuf, SessionRecord)>, Vec<StoreError>, usize) {
    let (files, mut errors) = results::list_result_files(paths);
    let total = files.len() + errors.len();
    let mut records = Vec::with_capacity(files.len());
    for path in files {
        match results::read_result(&path) {
            Ok(record) => records.push((path, record)),
            Err(error) => errors.push(error),
        }
    }
    (records, errors, total)
}

/// Writes each bank's heading, student table and question table.
pub fn write_table(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let bold = Style::new().bold();
    for (n, bank) in report.banks.iter().enumerate() {
        let gap = if n == 0 { "" } else { "\n" };
        let count = bank.students.len();
        let title = one_line(&bank.bank);
        let plural = if count == 1 { "" } else { "s" };
        writeln!(
            out,
            "{gap}{}",
            bold.apply_to(format!("{title} — {count} result{plural}"))
        )?;
        writeln!(out)?;
        write_students(out, bank)?;
        writeln!(out)?;
        write_questions(out, bank)?;
    }
    Ok(())
}

fn write_students(out: &mut impl Write, bank: &BankReport) -> std::io::Result<()> {
    // The CHECK column only appears when a result needs a second look.
    let checked = bank.students.iter().any(|s| !s.problems.is_empty());
    let columns = if checked { 7 } else { 6 };
    let header = &[
        "NAME",
        "SCORE",
        "MAX",
        "PERCENT",
        "TIME",
        "INTERRUPTED",
        "CHECK",
    ][..columns];
    let rows: Vec<Vec<String>> = bank
        .students
        .iter()
        .map(|s| {
            vec![
                display_name(s),
                number(s.score),
                number(s.max_score),
                percent_label(s.percent),
                duration(s.seconds),
                yes_no(s.interrupted).to_string(),
                one_line(&s.problems.join("; ")),
            ][..columns]
                .to_vec()
        })
        .collect();
    write_aligned(out, header, &rows, &[1, 2, 3, 4])
}

fn write_questions(out: &mut impl Write, bank: &BankReport) -> std::io::Result<()> {
    let header = ["QUESTION", "RIGHT", "ASKED", "MOST COMMON WRONG ANSWER"];
    let rows: Vec<Vec<String>> = bank
        .questions
        .iter()
        .map(|q| {
            let wrong = q.common_wrong.as_ref().map_or(String::new(), |w| {
                format!("{} ({}×)", one_line(shown_answer(&w.answer)), w.count)
            });
            vec![
                one_line(&q.id),
                percent_label(q.percent),
                q.asked.to_string(),
                wrong,
            ]
        })
        .collect();
    write_aligned(out, &header, &rows, &[1, 2])
}

/// The report as two CSV blocks (students, then questions) separated by a blank line;
/// each row starts with its `section` and `bank`.
pub fn to_csv(report: &Report) -> String {
    let mut csv = String::new();
    let head = [
        "section",
        "bank",
        "name",
        "score",
        "max_score",
        "percent",
        "seconds",
        "interrupted",
        "problems",
    ];
    csv.push_str(&csv_record(&head.map(String::from)));
    for bank in &report.banks {
        for s in &bank.students {
            let fields = [
                "student".into(),
                bank.bank.clone(),
                s.name.clone(),
                number(s.score),
                number(s.max_score),
                number(s.percent),
                s.seconds.to_string(),
                yes_no(s.interrupted).into(),
                s.problems.join("; "),
            ];
            csv.push_str(&csv_record(&fields));
        }
    }
    csv.push_str("\r\n");
    let head = [
        "section",
        "bank",
        "question",
        "asked",
        "right",
        "percent_right",
        "most_common_wrong",
        "wrong_count",
    ];
    csv.push_str(&csv_record(&head.map(String::from)));
    for bank in &report.banks {
        for q in &bank.questions {
            let (answer, count) = q
                .common_wrong
                .as_ref()
                .map_or((String::new(), String::new()), |w| {
                    (w.answer.clone(), w.count.to_string())
                });
            let fields = [
                "question".into(),
                bank.bank.clone(),
                q.id.clone(),
                q.asked.to_string(),
                q.right.to_string(),
                number(q.percent),
                answer,
                count,
            ];
            csv.push_str(&csv_record(&fields));
        }
    }
    csv
}

fn display_name(row: &StudentRow) -> String {
    if row.name.trim().is_empty() {
        "(no name)".into()
    } else {
        one_line(&row.name)
    }
}

/// An empty answer (time ran out, nothing typed) shown as such.
fn shown_answer(answer: &str) -> &str {
    if answer.is_empty() {
        "(no answer)"
    } else {
        answer
    }
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// `4`, `3.5`, `2.33`: at most two decimals, no trailing zeros.
fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `2:05` or `1:02:05`.
fn duration(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}
