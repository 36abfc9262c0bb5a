//! Text shown to the player: question header, feedback, summary and the review of mistakes.
//! Every piece of bank text passes through `sanitize::escape` here.

use std::fmt::Write;
use std::time::Duration;

use console::style;

use crate::bank::Question;
use crate::bank::sanitize::escape;
use crate::engine::session::{Outcome, Session, Turn};

/// "Question 3/20 · history · medium · streak 4 · 30 s".
pub fn header(turn: &Turn) -> String {
    let q = turn.question;
    let mut parts = vec![if turn.retry {
        format!("Retry {} of {}", turn.number, turn.total)
    } else {
        format!("Question {}/{}", turn.number, turn.total)
    }];
    if let Some(tag) = q.tags.first() {
        parts.push(escape(tag).into_owned());
    }
    parts.push(q.difficulty.to_string());
    if let Some(streak) = turn.streak {
        parts.push(format!("streak {streak}"));
    }
    if let Some(ms) = turn.time_limit_ms {
        parts.push(format!("{} s", ms / 1000));
    }
    style(parts.join(" · ")).dim().to_string()
}

pub use super::fit::wrap;

/// The points a question earned, without needless decimals ("2", "1.5").
pub fn points(p: f64) -> String {
    let rounded = (p * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

/// After an answer in practice mode: right or wrong, the right answer, the explanation.
pub fn feedback(q: &Question, outcome: &Outcome) -> String {
    let mut out = String::new();
    let credit = outcome.grade.credit;
    let verdict = if outcome.grade.is_correct() {
        style("✔ Right!".to_string()).green().bold()
    } else if credit > 0.0 {
        style(format!("◐ Partly right ({:.0}%)", credit * 100.0))
            .yellow()
            .bold()
    } else {
        style("✘ Wrong.".to_string()).red().bold()
    };
    let _ = write!(out, "{verdict}");
    if outcome.awarded > 0.0 {
        let _ = write!(out, " +{}", points(outcome.awarded));
    }
    if let Some(note) = &outcome.grade.note {
        let _ = write!(out, " ({})", escape(note));
    }
    out.push('\n');
    if !outcome.grade.is_correct() {
        let _ = writeln!(
            out,
            "  The answer: {}",
            style(escape(&q.correct_answer_text())).bold()
        );
    }
    if let Some(explanation) = &q.explanation {
        let _ = writeln!(out, "{}", wrap(&escape(explanation), "  "));
    }
    out
}

fn duration(d: Duration) -> String {
    let secs = d.as_secs();
    if secs >= 60 {
        format!("{}m {:02}s", secs / 60, secs % 60)
    } else {
        format!("{}.{}s", secs, d.subsec_millis() / 100)
    }
}

/// The end of a session: score, percent, right answers, time, streak and, when the quiz
/// can be replayed (`play`), the seed.
pub fn summary(session: &Session, elapsed: Duration, replayable: bool) -> String {
    let t = session.tally();
    let mut out = String::new();
    // A snapshot taken mid-session (for a signal) also reads as stopped.
    let title = if session.is_interrupted() || t.answered < session.total() {
        "Stopped early"
    } else {
        "Finished"
    };
    let _ = writeln!(
        out,
        "\n{} — {}",
        style(title).bold(),
        escape(&session.bank().title)
    );
    let _ = writeln!(
        out,
        "Score {}/{} ({:.0}%) · {} of {} right · time {} · longest streak {}",
        points(t.score),
        points(t.max_score),
        t.percent(),
        t.correct,
        t.answered,
        duration(elapsed),
        t.longest_streak
    );
    if t.answered < session.total() {
        let total = session.total();
        let s = if total == 1 { "" } else { "s" };
        let _ = writeln!(out, "Answered {} of {total} question{s}.", t.answered);
    }
    if session.retries() > 0 {
        let _ = writeln!(out, "Retries: {} (not scored).", session.retries());
    }
    if replayable {
        let seed = session.config().seed;
        let _ = writeln!(out, "Seed {seed} — replay this quiz with --seed {seed}");
    }
    out
}

/// Every missed first attempt: the question, the answer given, the right one, why.
pub fn mistakes(session: &Session) -> String {
    let missed: Vec<&Outcome> = session
        .first_attempts()
        .iter()
        .filter(|o| !o.grade.is_correct())
        .collect();
    if missed.is_empty() {
        return if session.first_attempts().is_empty() {
            String::new()
        } else {
            "No mistakes. Well done!\n".into()
        };
    }
    let mut out = format!(
        "\n{}\n",
        style(format!("Review of {} missed:", missed.len())).bold()
    );
    for (n, outcome) in missed.iter().enumerate() {
        let q = &session.bank().questions[outcome.question];
        let _ = writeln!(
            out,
            "\n{}",
            wrap(&format!("{}. {}", n + 1, escape(&q.prompt)), "")
        );
        let credit = outcome.grade.credit;
        let partial = if credit > 0.0 {
            format!(" ({:.0}% credit)", credit * 100.0)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "   Your answer: {}{partial}",
            style(escape(&outcome.answer)).red()
        );
        let _ = writeln!(
            out,
            "   The answer:  {}",
            style(escape(&q.correct_answer_text())).green()
        );
        if let Some(explanation) = &q.explanation {
            let _ = writeln!(out, "{}", wrap(&escape(explanation), "   "));
        }
        if let Some(source) = &q.source {
            let _ = writeln!(
                out,
                "   {}",
                style(format!("Source: {}", escape(source))).dim()
            );
        }
    }
    out
}
