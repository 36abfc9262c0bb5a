//! Plain line mode for pipes, CI and screen readers: print the question, read one line.

use std::io::{self, BufRead, Write};

use super::labels::label;
use super::parse::{parse_answer, parse_gap};
use super::{LineRules, Prompter, render};
use crate::bank::sanitize::escape;
use crate::bank::{Cloze, GapKind, Kind, Match, Question};
use crate::engine::Answer;
use crate::engine::session::Turn;

/// A prompter over any reader and writer (stdin/stdout in the game, buffers in tests).
pub struct Plain<R, W> {
    input: R,
    output: W,
    echo: bool,
    rules: LineRules,
}

impl Plain<io::StdinLock<'static>, io::Stdout> {
    /// Reads standard input, writes standard output.
    /// Answers are echoed when stdin is not a terminal, so the output reads as a transcript.
    pub fn stdio() -> Self {
        use std::io::IsTerminal;
        Plain {
            input: io::stdin().lock(),
            output: io::stdout(),
            echo: !io::stdin().is_terminal(),
            rules: LineRules::LOCAL,
        }
    }
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// A prompter over the given streams; `echo` repeats each answer line.
    pub fn new(input: R, output: W, echo: bool) -> Self {
        Plain {
            input,
            output,
            echo,
            rules: LineRules::LOCAL,
        }
    }

    /// The same prompter reading lines under `rules` (the network host bounds them).
    pub fn with_rules(mut self, rules: LineRules) -> Self {
        self.rules = rules;
        self
    }

    /// The reader (the host discards what a student typed while waiting).
    pub fn input_mut(&mut self) -> &mut R {
        &mut self.input
    }

    /// The writer (the host sends its own lines between questions).
    pub fn output_mut(&mut self) -> &mut W {
        &mut self.output
    }

    /// Gives back the writer (tests read what was shown).
    pub fn into_output(self) -> W {
        self.output
    }

    fn write_question(&mut self, turn: &Turn) -> io::Result<()> {
        let q = turn.question;
        let out = &mut self.output;
        writeln!(out, "\n{}", render::header(turn))?;
        writeln!(out, "{}", escape(&q.prompt))?;
        if let Kind::Cloze(cloze) = &q.kind {
            writeln!(out, "{}", super::cloze::passage(cloze, None))?;
        }
        let items = turn.shown.items(q);
        if let Kind::Match(Match { pairs, .. }) = &q.kind {
            for (n, (left, _)) in pairs.iter().enumerate() {
                writeln!(out, "  {}. {}", n + 1, escape(left))?;
            }
            writeln!(out, "  match each with one of:")?;
        }
        if !matches!(q.kind, Kind::TrueFalse(_)) {
            for (pos, item) in items.iter().enumerate() {
                writeln!(out, "  {}) {}", label(pos), escape(item))?;
            }
        }
        Ok(())
    }
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// Cloze: one line per gap, each prompt naming its gap; a bad line re-asks that gap.
    fn ask_gaps(&mut self, turn: &Turn, cloze: &Cloze) -> io::Result<Option<Answer>> {
        let mut answers = Vec::with_capacity(cloze.gaps.len());
        for (i, gap) in cloze.gaps.iter().enumerate() {
            let choices = turn.shown.gap_items(turn.question, i);
            for (pos, item) in choices.iter().enumerate() {
                writeln!(
                    self.output,
                    "  [{}] {}) {}",
                    i + 1,
                    label(pos),
                    escape(item)
                )?;
            }
            let prompt = match (&gap.kind, choices.len()) {
                (GapKind::Number(_), _) => format!("Gap {} (a number): ", i + 1),
                (GapKind::Multi(_), n) => format!(
                    "Gap {} (all that apply of a-{}, e.g. a,c): ",
                    i + 1,
                    label(n.saturating_sub(1))
                ),
                (_, 0) => format!("Gap {}: ", i + 1),
                (_, n) => format!("Gap {} (a-{}): ", i + 1, label(n - 1)),
            };
            loop {
                let Some(line) = self.read_line(&prompt)? else {
                    return Ok(None);
                };
                match parse_gap(&gap.kind, choices.len(), &line) {
                    Ok(answer) => {
                        answers.push(answer);
                        break;
                    }
                    Err(message) => writeln!(self.output, "  {message}")?,
                }
            }
        }
        Ok(Some(Answer::Gaps(answers)))
    }

    /// One answer line after `prompt`, under this prompter's echo and line rules; `None` at
    /// the end of input.
    fn read_line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        super::read_line_with(
            &mut self.input,
            &mut self.output,
            prompt,
            self.echo,
            self.rules,
        )
    }
}

/// What to type, per kind.
fn instruction(q: &Question, items: usize) -> String {
    let last = label(items.saturating_sub(1));
    let hint = if q.hint.is_some() {
        " (? for a hint)"
    } else {
        ""
    };
    let what = match &q.kind {
        Kind::Single(_) => format!("Answer (a-{last})"),
        Kind::Multi(_) => "Pick all that apply, e.g. a,c".into(),
        Kind::TrueFalse(_) => "True or false? (t/f)".into(),
        Kind::Text(_) => "Your answer".into(),
        Kind::Number(_) => "Your answer (a number)".into(),
        Kind::Order(_) => "Letters in the right order, e.g. c a b".into(),
        Kind::Match(Match { pairs, .. }) => format!(
            "For items 1-{}, the letters of their matches, e.g. b a",
            pairs.len()
        ),
        Kind::Cloze(_) => "Your answer".into(),
    };
    format!("{what}{hint}: ")
}

impl<R: BufRead, W: Write> Prompter for Plain<R, W> {
    fn ask(&mut self, turn: &Turn) -> io::Result<Option<Answer>> {
        self.write_question(turn)?;
        let q = turn.question;
        if let Kind::Cloze(cloze) = &q.kind {
            return self.ask_gaps(turn, cloze);
        }
        let items = turn.shown.perm.len();
        loop {
            let prompt = instruction(q, items);
            let Some(line) = self.read_line(&prompt)? else {
                return Ok(None);
            };
            match (line.trim(), &q.hint) {
                ("?", Some(hint)) => writeln!(self.output, "  Hint: {}", escape(hint))?,
                _ => match parse_answer(q, items, &line) {
                    Ok(answer) => return Ok(Some(answer)),
                    Err(message) => writeln!(self.output, "  {message}")?,
                },
            }
        }
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        write!(self.output, "{text}")?;
        if !text.ends_with('\n') {
            writeln!(self.output)?;
        }
        self.output.flush()
    }
}
