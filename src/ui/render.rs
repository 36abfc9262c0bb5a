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
    if !q.tags.is_empty() {
        parts.push(escape(&q.tags.join(", ")).into_owned());
    }
    parts.push(q.difficulty.to_string());
    if let Some(streak) = turn.streak {
        parts.push(format!("streak {streak}"));
    }
    if let Some(ms) = turn.time_limit_ms {
        parts.push(format!("{} s", ms / 1000));
    }
    style(wrap(&parts.join(" · "), "")).dim().to_string()
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

/// "5 s" / "6.2 s": a time in seconds as people say it.
fn seconds(ms: u64) -> String {
    let tenths = (ms + 50) / 100;
    if tenths.is_multiple_of(10) {
        format!("{} s", tenths / 10)
    } else {
        format!("{}.{} s", tenths / 10, tenths % 10)
    }
}

/// The verdict in words: right, partly right or wrong, and for a late answer what it
/// would have been ("right, but after the 5 s limit (6.2 s)").
fn verdict(outcome: &Outcome) -> (String, bool) {
    let credit = outcome.grade.credit;
    if outcome.timed_out {
        let limit = outcome.limit_ms.map_or_else(String::new, seconds);
        let late = seconds(outcome.ms);
        let text = if outcome.late_credit >= 1.0 {
            format!("Right, but after the {limit} limit ({late})")
        } else if outcome.late_credit > 0.0 {
            format!(
                "Partly right ({:.0}%), but after the {limit} limit ({late})",
                outcome.late_credit * 100.0
            )
        } else {
            format!("Wrong, and after the {limit} limit ({late})")
        };
        return (text, false);
    }
    if outcome.grade.is_correct() {
        ("Right!".into(), true)
    } else if credit > 0.0 {
        (format!("Partly right ({:.0}%)", credit * 100.0), false)
    } else {
        ("Wrong.".into(), false)
    }
}

/// Points earned, with the speed bonus part named: "+2" or "+2.5 (0.5 speed bonus)".
fn earned(outcome: &Outcome) -> String {
    if outcome.awarded <= 0.0 {
        return String::new();
    }
    if outcome.bonus > 0.005 {
        format!(
            " +{} ({} speed bonus)",
            points(outcome.awarded),
            points(outcome.bonus)
        )
    } else {
        format!(" +{}", points(outcome.awarded))
    }
}

/// "Your answer" and "The answer", one part per line with ✔/✘ for multi, order and match;
/// a cloze answer gap by gap.
fn answer_lines(q: &Question, outcome: &Outcome, indent: &str) -> String {
    let width = super::fit::terminal_width();
    if let crate::bank::Kind::Cloze(cloze) = &q.kind
        && !outcome.parts.is_empty()
    {
        return gap_lines(cloze, outcome, indent, width);
    }
    let mut out = String::new();
    let inner = format!("{indent}  ");
    if outcome.parts.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            super::fit::hang(
                &format!("{indent}Your answer: "),
                &escape(&outcome.answer),
                width
            )
        );
    } else {
        let _ = writeln!(out, "{indent}Your answer:");
        for part in &outcome.parts {
            let mark = if part.right {
                style("✔").green().to_string()
            } else {
                style("✘").red().to_string()
            };
            let line = super::fit::hang(&format!("{inner}✔ "), &escape(&part.text), width);
            // The mark is styled after wrapping so widths are measured on plain text.
            let _ = writeln!(out, "{}", line.replacen('✔', &mark, 1));
        }
    }
    let right = crate::engine::parts::right_parts(q);
    if right.is_empty() {
        let text = style(escape(&q.correct_answer_text())).bold().to_string();
        let _ = writeln!(out, "{indent}The answer:  {text}");
    } else {
        let _ = writeln!(out, "{indent}The answer:");
        for line in right {
            let _ = writeln!(
                out,
                "{}",
                super::fit::hang(&format!("{inner}  "), &escape(&line), width)
            );
        }
    }
    out
}

/// A cloze answer, one gap per line, aligned and wrapped: `[1] ✔ given`,
/// `[2] ✘ given → right`; a multi gap one line per pick, then its right choices if missed.
fn gap_lines(
    cloze: &crate::bank::Cloze,
    outcome: &Outcome,
    indent: &str,
    width: Option<usize>,
) -> String {
    let mut out = format!("{indent}Your answer:\n");
    let label_width = format!("[{}]", cloze.gaps.len()).len();
    // `None`: no mark (the right choices of a missed multi gap are not an answer given).
    let mut line = |label: &str, right: Option<bool>, text: &str| {
        let mark = match right {
            Some(true) => style("✔").green().to_string(),
            Some(false) => style("✘").red().to_string(),
            None => " ".to_string(),
        };
        let label = format!("{label:>label_width$}");
        let wrapped = super::fit::hang(&format!("{indent}  {label} ✔ "), &escape(text), width);
        // The mark is styled after wrapping so widths are measured on plain text.
        let _ = writeln!(out, "{}", wrapped.replacen('✔', &mark, 1));
    };
    for (index, gap) in cloze.gaps.iter().enumerate() {
        let number = index + 1;
        let label = format!("[{number}]");
        let given: Vec<(&str, bool)> = outcome
            .parts
            .iter()
            .filter(|p| p.gap == Some(index))
            .map(|p| (p.text.as_str(), p.right))
            .collect();
        let right = crate::bank::model::gap_answer_text(&gap.kind);
        if let crate::bank::GapKind::Multi(multi) = &gap.kind {
            for &(text, ok) in &given {
                line(&label, Some(ok), text);
            }
            let all = given.iter().all(|g| g.1) && given.len() == multi.answers.len();
            if !all {
                line(&label, None, &format!("→ {}", multi.answers.join(", ")));
            }
            continue;
        }
        match given.first() {
            Some(&(text, true)) => line(&label, Some(true), text),
            Some(&(text, false)) if !text.is_empty() => {
                line(&label, Some(false), &format!("{text} → {right}"))
            }
            _ => line(&label, Some(false), &format!("— → {right}")),
        }
    }
    out
}

/// After an answer in practice mode: right or wrong, the answer given and the right one
/// (part by part for multi, order and match), the explanation.
pub fn feedback(q: &Question, outcome: &Outcome) -> String {
    let mut out = String::new();
    let (text, right) = verdict(outcome);
    let styled = if right {
        style(format!("✔ {text}")).green().bold()
    } else if outcome.grade.credit > 0.0 {
        style(format!("◐ {text}")).yellow().bold()
    } else {
        style(format!("✘ {text}")).red().bold()
    };
    let _ = write!(out, "{styled}{}", earned(outcome));
    match &outcome.grade.note {
        Some(note) if !outcome.timed_out => {
            let _ = write!(out, " ({})", escape(note));
        }
        _ => {}
    }
    out.push('\n');
    if let Some(said) = &outcome.grade.feedback {
        let _ = writeln!(out, "{}", wrap(&escape(said), "  "));
    }
    if !outcome.grade.is_correct() {
        out.push_str(&answer_lines(q, outcome, "  "));
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

/// The end of a session: what was answered, time, streak, the seed when the quiz can be
/// replayed (`play`), and the score line last, where it stays in view.
pub fn summary(session: &Session, elapsed: Duration, replayable: bool) -> String {
    let t = session.tally();
    let mut lines = Vec::new();
    // A snapshot taken mid-session (for a signal) also reads as stopped.
    let stopped = session.is_interrupted() || t.answered < session.total();
    let title = if stopped { "Stopped early" } else { "Finished" };
    let mut out = format!(
        "\n{} — {}\n",
        style(title).bold(),
        wrap(&escape(&session.bank().title), "")
    );
    if t.answered < session.total() && t.answered > 0 {
        let total = session.total();
        let s = if total == 1 { "" } else { "s" };
        lines.push(format!("Answered {} of {total} question{s}.", t.answered));
    }
    if session.retries() > 0 {
        lines.push(format!("Retries: {} (not scored).", session.retries()));
    }
    let bonus: f64 = session.first_attempts().iter().map(|o| o.bonus).sum();
    let mut facts = vec![
        format!("Time {}", duration(elapsed)),
        format!("longest streak {}", t.longest_streak),
    ];
    if bonus > 0.005 {
        facts.push(format!("speed bonus +{}", points(bonus)));
    }
    if t.answered > 0 {
        lines.push(facts.join(" · "));
    }
    if replayable {
        let seed = session.config().seed;
        lines.push(format!("Seed {seed} — replay this quiz with --seed {seed}"));
    }
    if t.answered == 0 {
        lines.push("Stopped before the first answer: nothing to score.".into());
    } else {
        lines.push(
            style(format!(
                "Score {}/{} ({:.0}%) · {} of {} right",
                points(t.score),
                points(t.max_score),
                t.percent(),
                t.correct,
                t.answered,
            ))
            .bold()
            .to_string(),
        );
    }
    for line in lines {
        let _ = writeln!(out, "{}", wrap(&line, ""));
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
        let answered = session.first_attempts().len();
        return if answered == 0 {
            String::new()
        } else if answered < session.total() {
            let s = if answered == 1 { "" } else { "s" };
            format!("No mistakes in the {answered} question{s} answered.\n")
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
            super::fit::hang(
                &format!("{}. ", n + 1),
                &escape(&q.prompt),
                super::fit::terminal_width()
            )
        );
        let (text, _) = verdict(outcome);
        let _ = writeln!(out, "{}", wrap(&text, "   "));
        if let Some(said) = &outcome.grade.feedback {
            let _ = writeln!(out, "{}", wrap(&escape(said), "   "));
        }
        out.push_str(&answer_lines(q, outcome, "   "));
        if let Some(explanation) = &q.explanation {
            let _ = writeln!(out, "{}", wrap(&escape(explanation), "   "));
        }
        if let Some(source) = &q.source {
            let source = wrap(&format!("Source: {}", escape(source)), "   ");
            let _ = writeln!(out, "{}", style(source).dim());
        }
    }
    out
}

/// A bank's title in bold followed by `rest`, wrapped at words to `width` (the wrapping
/// works on the plain text so widths stay right).
pub fn titled(title: &str, rest: &str, width: Option<usize>) -> String {
    let title = escape(title).into_owned();
    let wrapped = super::fit::wrap_to(&format!("{title}{rest}"), "", width);
    match wrapped.strip_prefix(title.as_str()) {
        Some(rest) => format!("{}{rest}", style(title).bold()),
        None => wrapped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Grade;

    fn late(late_credit: f64) -> Outcome {
        Outcome {
            question: 0,
            grade: Grade {
                note: Some("time over".into()),
                ..Grade::default()
            },
            awarded: 0.0,
            max: 1.0,
            answer: "Decca".into(),
            parts: Vec::new(),
            limit_ms: Some(5000),
            late_credit,
            bonus: 0.0,
            ms: 6200,
            timed_out: true,
            retry: false,
        }
    }

    #[test]
    fn a_right_answer_after_the_limit_read_wrong_time_over() {
        assert_eq!(
            verdict(&late(1.0)).0,
            "Right, but after the 5 s limit (6.2 s)"
        );
        assert_eq!(
            verdict(&late(0.0)).0,
            "Wrong, and after the 5 s limit (6.2 s)"
        );
        console::set_colors_enabled(false);
        let q = Question::new(
            "q",
            "p",
            crate::bank::Kind::TrueFalse(crate::bank::TrueFalse::new(true)),
        );
        let shown = feedback(&q, &late(1.0));
        assert!(!shown.contains("time over"), "{shown}");
    }

    #[test]
    fn speed_bonus_is_named_in_the_points() {
        let mut quick = late(0.0);
        quick.timed_out = false;
        quick.grade = Grade {
            credit: 1.0,
            ..Grade::default()
        };
        quick.awarded = 1.5;
        quick.bonus = 0.5;
        assert_eq!(earned(&quick), " +1.5 (0.5 speed bonus)");
    }

    #[test]
    fn the_review_intro_was_cut_mid_word_at_50_columns() {
        console::set_colors_enabled(false);
        let text = titled(
            "Soundtrack vs Cast Recording",
            " — 10 to review. Progress is saved after each answer.",
            Some(50),
        );
        assert_eq!(
            text,
            "Soundtrack vs Cast Recording — 10 to review.\nProgress is saved after each answer."
        );
    }
}
