//! The front ends: a `Prompter` asks one question and shows text; `play` drives a session.
//! The UI never grades: it hands answers to the engine.

pub mod fit;
pub mod form;
pub mod labels;
pub mod order_prompt;
pub mod parse;
pub mod plain;
pub mod render;
pub mod term;
pub mod theme;

use std::io;
use std::time::Instant;

use crate::engine::Answer;
use crate::engine::session::{Outcome, Session, Turn};

/// Asks questions and shows text, in a terminal or over plain lines.
pub trait Prompter {
    /// Asks the turn's question; `None` when the player quits (Esc, Ctrl-C, end of input).
    fn ask(&mut self, turn: &Turn) -> io::Result<Option<Answer>>;
    /// Shows text (already escaped and styled).
    fn show(&mut self, text: &str) -> io::Result<()>;
}

/// Asks every question of the session; with `feedback`, explains each answer at once.
/// Stops early when the player quits or `stop()` turns true (a signal came).
pub fn play(
    session: &mut Session,
    prompter: &mut dyn Prompter,
    feedback: bool,
    stop: &dyn Fn() -> bool,
    mut after_each: impl FnMut(&Session, &Outcome),
) -> io::Result<()> {
    while let Some(turn) = session.current() {
        let index = turn.shown.question;
        let started = Instant::now();
        let answer = prompter.ask(&turn)?;
        if stop() || answer.is_none() {
            session.interrupt();
            break;
        }
        let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let Some(outcome) = session.answer(answer.as_ref(), ms) else {
            break;
        };
        if feedback {
            prompter.show(&render::feedback(
                &session.bank().questions[index],
                &outcome,
            ))?;
        }
        after_each(session, &outcome);
    }
    Ok(())
}

/// Prints `prompt`, flushes, and reads one line without its line ending; `None` at end of
/// input. With `echo` the line is printed back, so piped sessions read as a transcript.
pub fn read_line(
    input: &mut impl io::BufRead,
    output: &mut impl io::Write,
    prompt: &str,
    echo: bool,
) -> io::Result<Option<String>> {
    write!(output, "{prompt}")?;
    output.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(output)?;
        return Ok(None);
    }
    let line = line.trim_end_matches(['\n', '\r']).to_string();
    if echo {
        writeln!(output, "{}", crate::bank::sanitize::escape(&line))?;
    }
    Ok(Some(line))
}

/// A dialoguer result with Ctrl-C (an interrupted read) taken as "the user quit": `None`.
pub fn none_on_interrupt<T>(result: dialoguer::Result<Option<T>>) -> io::Result<Option<T>> {
    match result {
        Ok(value) => Ok(value),
        Err(dialoguer::Error::IO(e)) if e.kind() == io::ErrorKind::Interrupted => Ok(None),
        Err(dialoguer::Error::IO(e)) => Err(e),
    }
}

/// dialoguer prompts on a terminal, plain lines otherwise.
pub fn prompter() -> Box<dyn Prompter> {
    if is_interactive() {
        Box::new(term::TermPrompter::default())
    } else {
        Box::new(plain::Plain::stdio())
    }
}

/// True when both ends are terminals, so dialoguer can be used.
pub fn is_interactive() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}
