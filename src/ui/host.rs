//! The teacher's screen during `termquiz host`: the join line, the lobby, the live table
//! (redrawn in place on a terminal), log lines elsewhere, and the teacher pace's
//! histogram and top five. Student names and answers are escaped here.

use std::fmt::Write as _;
use std::io::{self, Write};

use console::{Term, style};

use super::render::points;
use crate::bank::sanitize::one_line;

/// Where a student is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatState {
    /// Connected (in the lobby or answering).
    Playing,
    /// The connection was lost; joining again with the same name continues.
    Away,
    /// Finished every question.
    Done,
}

/// One line of the live table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The student's name (raw; escaped when drawn).
    pub name: String,
    /// Questions answered.
    pub answered: usize,
    /// Questions in the quiz.
    pub total: usize,
    /// Points so far.
    pub score: f64,
    /// Connected, away or done.
    pub state: SeatState,
}

/// Widest name column, in characters.
const NAME_WIDTH: usize = 20;

fn cut(name: &str, width: usize) -> String {
    let name = one_line(name);
    if name.chars().count() <= width {
        name
    } else {
        let mut short: String = name.chars().take(width - 1).collect();
        short.push('…');
        short
    }
}

/// The table: a heading, then one line per student.
pub fn table(rows: &[Row], status: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style(status).bold());
    if rows.is_empty() {
        let _ = writeln!(out, "  (nobody yet)");
        return out;
    }
    let _ = writeln!(
        out,
        "  {:<NAME_WIDTH$} {:>8} {:>7}  connected",
        "name", "answered", "score"
    );
    for row in rows {
        let state = match row.state {
            SeatState::Playing => style("yes").green(),
            SeatState::Away => style("lost").red(),
            SeatState::Done => style("done").dim(),
        };
        let _ = writeln!(
            out,
            "  {:<NAME_WIDTH$} {:>8} {:>7}  {state}",
            cut(&row.name, NAME_WIDTH),
            format!("{}/{}", row.answered, row.total),
            points(row.score),
        );
    }
    out
}

/// After a question (teacher pace): how many gave each answer, then the top five.
pub fn round_result(answers: &[(String, usize, bool)], top: &[(String, f64)]) -> String {
    let mut out = String::new();
    let most = answers.iter().map(|a| a.1).max().unwrap_or(0).max(1);
    for (answer, count, right) in answers.iter().take(8) {
        let bar = "█".repeat((count * 15).div_ceil(most));
        let mark = if *right {
            style("✔").green()
        } else {
            style("✘").red()
        };
        let _ = writeln!(out, "  {mark} {:<24} {count:>3} {bar}", cut(answer, 24));
    }
    let _ = writeln!(out, "{}", style("Top five").bold());
    for (n, (name, score)) in top.iter().take(5).enumerate() {
        let _ = writeln!(
            out,
            "  {}. {:<NAME_WIDTH$} {:>7}",
            n + 1,
            cut(name, NAME_WIDTH),
            points(*score)
        );
    }
    out
}

/// A line of the host's log: the student's name escaped.
pub fn event(name: &str, what: &str) -> String {
    format!("{} {what}", one_line(name))
}

/// Draws the host's screen: on a terminal the table is redrawn in place under the log;
/// elsewhere only log lines are printed.
pub struct HostScreen {
    term: Option<Term>,
    drawn: usize,
    last: String,
}

impl HostScreen {
    /// A screen on stdout; `live` redraws the table in place.
    pub fn new(live: bool) -> Self {
        HostScreen {
            term: live.then(Term::stdout),
            drawn: 0,
            last: String::new(),
        }
    }

    /// Prints log lines (above the table on a terminal).
    pub fn log(&mut self, lines: &[String]) -> io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        self.clear()?;
        let mut out = io::stdout().lock();
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        self.redraw()
    }

    /// Shows `table` in place of the last one (terminal only; unchanged text is not redrawn).
    pub fn table(&mut self, table: &str) -> io::Result<()> {
        if self.term.is_none() || table == self.last {
            return Ok(());
        }
        self.clear()?;
        self.last = table.to_string();
        self.redraw()
    }

    /// The teacher pressed Enter: the terminal's echo moved the cursor down one line.
    pub fn typed_line(&mut self) {
        if self.drawn > 0 {
            self.drawn += 1;
        }
    }

    /// Leaves the table on screen as it is; what comes next prints below it.
    pub fn keep(&mut self) {
        self.drawn = 0;
        self.last.clear();
    }

    fn clear(&mut self) -> io::Result<()> {
        if let Some(term) = &self.term {
            term.clear_last_lines(self.drawn)?;
        }
        self.drawn = 0;
        Ok(())
    }

    fn redraw(&mut self) -> io::Result<()> {
        if let Some(term) = &self.term
            && !self.last.is_empty()
        {
            term.write_str(&self.last)?;
            self.drawn = self.last.lines().count();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> Row {
        Row {
            name: name.into(),
            answered: 2,
            total: 5,
            score: 1.5,
            state: SeatState::Away,
        }
    }

    #[test]
    fn names_are_escaped_and_cut_in_the_table() {
        console::set_colors_enabled(false);
        let text = table(&[row("Ann\u{1b}[2J"), row(&"z".repeat(40))], "Playing");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("Ann\\u{1b}[2J"), "{text}");
        assert!(text.contains(&format!("{}…", "z".repeat(19))), "{text}");
        assert!(text.contains("2/5") && text.contains("1.5") && text.contains("lost"));
    }

    #[test]
    fn round_result_lists_answers_and_top_five() {
        console::set_colors_enabled(false);
        let text = round_result(
            &[("Paris".into(), 3, true), ("Lyon\u{7}".into(), 1, false)],
            &[("Ann".into(), 2.0), ("Bob".into(), 1.0)],
        );
        assert!(
            text.contains("Paris") && text.contains("Lyon\\u{7}"),
            "{text}"
        );
        assert!(text.contains("1. Ann"), "{text}");
    }
}
