//! The form in a terminal: dialoguer menus, and a line editor that shows ✔ only once a value
//! is checked and accepted.

use std::io;

use console::Term;
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Select};

use super::{Answer, Form};
use crate::bank::sanitize::escape;
use crate::ui::line::{OpenLine, clear_above, rows_of};
use crate::ui::none_on_interrupt;

/// Terminal mode: Esc or Ctrl-C at any prompt cancels.
pub struct TermForm {
    theme: ColorfulTheme,
    term: Term,
    /// The line read last, still drawn until it is accepted or refused.
    open: Option<OpenLine>,
    /// Rows of the refusal shown above the prompt, cleared once a value is accepted.
    refusal_rows: usize,
}

impl TermForm {
    /// A form on standard output (a terminal, or plain mode would have been chosen).
    pub fn new() -> Self {
        TermForm {
            theme: ColorfulTheme::default(),
            term: Term::stdout(),
            open: None,
            refusal_rows: 0,
        }
    }

    /// Erases the open prompt and any refusal above it.
    fn clear_open(&mut self) -> io::Result<()> {
        if let Some(line) = self.open.take() {
            line.clear(&self.term)?;
        }
        clear_above(&self.term, std::mem::take(&mut self.refusal_rows))
    }

    fn styled(
        &self,
        write: impl FnOnce(&ColorfulTheme, &mut String) -> std::fmt::Result,
    ) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = write(&self.theme, &mut out);
        out
    }
}

impl Default for TermForm {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TermForm {
    fn drop(&mut self) {
        // A menu cut short by Ctrl-C leaves the cursor hidden.
        let _ = self.term.show_cursor();
    }
}

impl Form for TermForm {
    fn read(&mut self, label: &str, default: Option<&str>) -> Answer<String> {
        let shown = default.map(|d| escape(d).into_owned());
        let prompt = self.styled(|t, s| t.format_input_prompt(s, label, shown.as_deref()));
        let Some(line) = OpenLine::read(&self.term, prompt)? else {
            self.clear_open()?;
            return Ok(None);
        };
        let text = line.text().to_string();
        self.open = Some(line);
        Ok(Some(match default {
            Some(d) if text.trim().is_empty() => d.to_string(),
            _ => text,
        }))
    }

    fn accepted(&mut self, label: &str, value: &str) -> io::Result<()> {
        self.clear_open()?;
        // An optional field left empty says so, rather than a tick with nothing after it.
        let value = if value.is_empty() {
            console::style("none").dim().to_string()
        } else {
            escape(value).into_owned()
        };
        let done = self.styled(|t, s| t.format_input_prompt_selection(s, label, &value));
        self.term.write_line(&done)
    }

    fn ended(&mut self) -> io::Result<()> {
        self.clear_open()
    }

    fn refused(&mut self, reason: &str) -> io::Result<()> {
        self.clear_open()?;
        let reason = escape(reason);
        let message = self.styled(|t, s| t.format_error(s, &reason));
        self.term.write_line(&message)?;
        self.refusal_rows = rows_of(&message, &self.term);
        Ok(())
    }

    fn list_start(&mut self, _label: &str) -> io::Result<()> {
        Ok(())
    }

    fn entry_label(&self, label: &str, n: usize) -> String {
        format!("{label} #{n} (empty to finish)")
    }

    fn choose(&mut self, label: &str, options: &[&str], default: usize) -> Answer<usize> {
        let select = Select::with_theme(&self.theme)
            .with_prompt(label)
            .items(options)
            .default(default);
        none_on_interrupt(select.interact_on_opt(&self.term))
    }

    fn confirm(&mut self, label: &str, default: bool) -> Answer<bool> {
        let confirm = Confirm::with_theme(&self.theme)
            .with_prompt(label)
            .default(default);
        none_on_interrupt(confirm.interact_on_opt(&self.term))
    }

    fn say(&mut self, message: &str) -> io::Result<()> {
        self.term.write_line(message)
    }
}
