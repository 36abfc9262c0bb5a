//! Guided forms (`termquiz add`): text fields, choices and lists, each value checked as it is
//! typed, over a terminal or plain lines.

mod plain;
mod term;

use std::io;

pub use plain::PlainForm;
pub use term::TermForm;

/// An answer to a form field; `None` when the user cancelled (Esc, Ctrl-C, end of input).
pub type Answer<T> = io::Result<Option<T>>;

/// Checks a typed value: the value to keep (perhaps normalised), or why it is refused.
pub type Check<'a> = &'a mut dyn FnMut(&str) -> Result<String, String>;

/// Checks a list entry against the entries accepted before it.
pub type EntryCheck<'a> = &'a mut dyn FnMut(&[String], &str) -> Result<String, String>;

/// Says whether a list may end with these entries (e.g. too few), and why not.
pub type EndCheck<'a> = &'a dyn Fn(&[String]) -> Result<(), String>;

/// What a guided form can ask. `text` and `list` are built on the few primitives.
pub trait Form {
    /// Reads one line for `label`, not yet accepted; an empty line gives `default` when set.
    fn read(&mut self, label: &str, default: Option<&str>) -> Answer<String>;
    /// The line read last was kept as `value` (a terminal shows it with ✔).
    fn accepted(&mut self, label: &str, value: &str) -> io::Result<()>;
    /// The empty line read last ended a list (a terminal clears it).
    fn ended(&mut self) -> io::Result<()>;
    /// The line read last was refused: says why, before the same field is asked again.
    fn refused(&mut self, reason: &str) -> io::Result<()>;
    /// Starts a list of entries (plain mode says how to end it).
    fn list_start(&mut self, label: &str) -> io::Result<()>;
    /// The prompt of entry `n` (from 1) of the list `label`.
    fn entry_label(&self, label: &str, n: usize) -> String;
    /// One of `options`, by index; `default` is preselected.
    fn choose(&mut self, label: &str, options: &[&str], default: usize) -> Answer<usize>;
    /// A yes/no question; Enter gives `default`.
    fn confirm(&mut self, label: &str, default: bool) -> Answer<bool>;
    /// Shows a message (a preview, a note).
    fn say(&mut self, message: &str) -> io::Result<()>;

    /// One line, asked again with the reason until `check` accepts it.
    fn text(&mut self, label: &str, default: Option<&str>, check: Check) -> Answer<String> {
        loop {
            let Some(line) = self.read(label, default)? else {
                return Ok(None);
            };
            match check(line.trim()) {
                Ok(value) => {
                    self.accepted(label, &value)?;
                    return Ok(Some(value));
                }
                Err(reason) => self.refused(&reason)?,
            }
        }
    }

    /// Entries until an empty line, each checked as it is typed and asked again alone when
    /// refused; the empty line ends the list only when `end` allows it.
    fn list(&mut self, label: &str, entry: EntryCheck, end: EndCheck) -> Answer<Vec<String>> {
        self.list_start(label)?;
        let mut entries: Vec<String> = Vec::new();
        loop {
            let prompt = self.entry_label(label, entries.len() + 1);
            let Some(line) = self.read(&prompt, None)? else {
                return Ok(None);
            };
            let line = line.trim();
            let checked = if line.is_empty() {
                end(&entries).map(|()| None)
            } else {
                entry(&entries, line).map(Some)
            };
            match checked {
                Ok(None) => {
                    self.ended()?;
                    return Ok(Some(entries));
                }
                Ok(Some(value)) => {
                    self.accepted(&prompt, &value)?;
                    entries.push(value);
                }
                Err(reason) => self.refused(&reason)?,
            }
        }
    }
}

/// The option a typed answer names: empty → default, `2` → second, or the option itself.
fn pick(answer: &str, options: &[&str], default: usize) -> Option<usize> {
    if answer.is_empty() {
        return Some(default);
    }
    if let Ok(n) = answer.parse::<usize>() {
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    options.iter().position(|o| o.eq_ignore_ascii_case(answer))
}
