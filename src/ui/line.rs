//! A one-line editor on the terminal: typed keys, Backspace, Enter; Esc cancels, and so does
//! Ctrl-C in a form (a quiz takes Ctrl-C as "stop now").
//! (dialoguer's `Input` ignores Esc, and prints ✔ before the caller can check the value.)

use std::io;

use console::{Key, Term, measure_text_width};

/// A prompt being typed: its styled label and the text so far, as drawn on the terminal.
pub struct OpenLine {
    prompt: String,
    text: String,
    /// Columns drawn since the line's start, to clear exactly the rows they took.
    drawn: usize,
}

impl OpenLine {
    /// Draws `prompt` and reads keys until Enter (the line stays drawn) or Esc/Ctrl-C (`None`,
    /// the line cleared).
    pub fn read(term: &Term, prompt: String) -> io::Result<Option<OpenLine>> {
        Self::read_keys(term, prompt, true)
    }

    /// As [`OpenLine::read`], but Ctrl-C is an `Interrupted` error and only Esc gives `None`.
    pub fn read_or_interrupt(term: &Term, prompt: String) -> io::Result<Option<OpenLine>> {
        Self::read_keys(term, prompt, false)
    }

    fn read_keys(
        term: &Term,
        prompt: String,
        ctrl_c_cancels: bool,
    ) -> io::Result<Option<OpenLine>> {
        let mut line = OpenLine {
            drawn: measure_text_width(&prompt),
            prompt,
            text: String::new(),
        };
        term.write_str(&line.prompt)?;
        loop {
            let key = match term.read_key() {
                Ok(key) => key,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => Key::CtrlC,
                Err(e) => return Err(e),
            };
            match key {
                Key::Enter => return Ok(Some(line)),
                Key::CtrlC if !ctrl_c_cancels => {
                    line.clear(term)?;
                    return Err(io::ErrorKind::Interrupted.into());
                }
                Key::Escape | Key::CtrlC => {
                    line.clear(term)?;
                    return Ok(None);
                }
                Key::Backspace if line.text.pop().is_some() => line.redraw(term)?,
                Key::Char(c) if !c.is_control() => {
                    line.text.push(c);
                    line.redraw(term)?;
                }
                _ => {}
            }
        }
    }

    /// What was typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Erases the line, however many rows it wrapped to; the cursor ends where it began.
    pub fn clear(&self, term: &Term) -> io::Result<()> {
        clear_rows(term, rows_above(self.drawn, term_columns(term)))
    }

    fn redraw(&mut self, term: &Term) -> io::Result<()> {
        self.clear(term)?;
        let text = crate::bank::sanitize::escape(&self.text);
        self.drawn = measure_text_width(&self.prompt) + measure_text_width(&text);
        term.write_str(&self.prompt)?;
        term.write_str(&text)
    }
}

fn term_columns(term: &Term) -> usize {
    usize::from(term.size().1).max(1)
}

/// Rows above the cursor after writing `width` columns from a line's start (terminals wrap
/// only when the next character comes, so a full row keeps the cursor on it).
fn rows_above(width: usize, columns: usize) -> usize {
    width.saturating_sub(1) / columns
}

/// Clears the cursor's row and `above` rows over it, leaving the cursor at the first one.
pub fn clear_rows(term: &Term, above: usize) -> io::Result<()> {
    term.clear_line()?;
    for _ in 0..above {
        term.move_cursor_up(1)?;
        term.clear_line()?;
    }
    Ok(())
}

/// Erases the `rows` rows of a message written just above the cursor's row (a refusal
/// above a prompt), leaving the cursor on its first row.
pub fn clear_above(term: &Term, rows: usize) -> io::Result<()> {
    if rows == 0 {
        return Ok(());
    }
    term.move_cursor_up(1)?;
    clear_rows(term, rows - 1)
}

/// Rows a line of `text` takes once written with its newline.
pub fn rows_of(text: &str, term: &Term) -> usize {
    let columns = term_columns(term);
    text.lines()
        .map(|l| measure_text_width(l).max(1).div_ceil(columns))
        .sum::<usize>()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_row_keeps_the_cursor_on_it() {
        assert_eq!(rows_above(10, 10), 0);
        assert_eq!(rows_above(11, 10), 1);
        assert_eq!(rows_above(0, 10), 0);
    }
}
