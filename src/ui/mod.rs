//! The front ends: a `Prompter` asks one question and shows text; `play` drives a session.
//! The UI never grades: it hands answers to the engine.

pub mod cloze;
pub mod countdown;
pub mod fit;
pub mod form;
pub mod host;
pub mod labels;
pub mod line;
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
/// `after_each` sees every answer and may give a line to show after it (review's "next
/// review: in 3 days"). Stops early when the player quits or `stop()` turns true.
pub fn play(
    session: &mut Session,
    prompter: &mut dyn Prompter,
    feedback: bool,
    stop: &dyn Fn() -> bool,
    mut after_each: impl FnMut(&Session, &Outcome) -> Option<String>,
) -> io::Result<()> {
    while let Some(turn) = session.current() {
        if stop() {
            session.interrupt();
            break;
        }
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
        if let Some(note) = after_each(session, &outcome) {
            prompter.show(&note)?;
        }
    }
    Ok(())
}

/// How lines are read: local play takes any line; the network host bounds them.
#[derive(Debug, Clone, Copy)]
pub struct LineRules {
    /// A longer line is an error (`InvalidData`), so no peer can grow memory without bound.
    pub max_bytes: u64,
    /// A last line cut by the end of input counts as no line (a peer that left mid-line).
    pub whole_lines: bool,
}

impl LineRules {
    /// Standard input: any length, and a last line without newline still counts.
    pub const LOCAL: LineRules = LineRules {
        max_bytes: u64::MAX,
        whole_lines: false,
    };
}

/// Prints `prompt`, flushes, and reads one line without its line ending; `None` at end of
/// input. With `echo` the line is printed back, so piped sessions read as a transcript.
pub fn read_line(
    input: &mut impl io::BufRead,
    output: &mut impl io::Write,
    prompt: &str,
    echo: bool,
) -> io::Result<Option<String>> {
    read_line_with(input, output, prompt, echo, LineRules::LOCAL)
}

/// [`read_line`] under `rules`; bytes that are not UTF-8 become U+FFFD (a bad answer, not
/// a broken session).
pub fn read_line_with(
    input: &mut impl io::BufRead,
    output: &mut impl io::Write,
    prompt: &str,
    echo: bool,
    rules: LineRules,
) -> io::Result<Option<String>> {
    use std::io::{BufRead, Read};
    write!(output, "{prompt}")?;
    output.flush()?;
    let mut bytes = Vec::new();
    let n = input
        .by_ref()
        .take(rules.max_bytes)
        .read_until(b'\n', &mut bytes)?;
    let complete = bytes.ends_with(b"\n");
    if n == 0 || (!complete && rules.whole_lines && (n as u64) < rules.max_bytes) {
        writeln!(output)?;
        return Ok(None);
    }
    if !complete && n as u64 >= rules.max_bytes {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("line longer than {} bytes", rules.max_bytes),
        ));
    }
    let line = String::from_utf8_lossy(&bytes)
        .trim_end_matches(['\n', '\r'])
        .to_string();
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

#[cfg(test)]
mod tests {
    use super::*;

    const NET: LineRules = LineRules {
        max_bytes: 8,
        whole_lines: true,
    };

    fn read(input: &[u8], rules: LineRules) -> io::Result<Option<String>> {
        read_line_with(&mut &input[..], &mut Vec::new(), "> ", false, rules)
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_not_a_growing_buffer() {
        let err = read(b"123456789\n", NET).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert_eq!(read(b"1234567\n", NET).unwrap().as_deref(), Some("1234567"));
    }

    #[test]
    fn a_line_cut_by_a_disconnect_is_no_answer_on_the_network_only() {
        assert_eq!(read(b"b", NET).unwrap(), None);
        assert_eq!(read(b"b", LineRules::LOCAL).unwrap().as_deref(), Some("b"));
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        let line = read(b"\xffa\r\n", LineRules::LOCAL).unwrap();
        assert_eq!(line.as_deref(), Some("\u{fffd}a"));
    }
}
