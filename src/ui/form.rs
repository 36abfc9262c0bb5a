//! Guided forms (`termquiz add`): a text field, a choice and a list, over dialoguer or plain lines.

use std::io::{self, BufRead, Write};

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, Select};

/// An answer to a form field; `None` when the user cancelled (Esc, end of input).
pub type Answer<T> = io::Result<Option<T>>;

/// What a guided form can ask.
pub trait Form {
    /// One line of text; an empty answer gives `default` when there is one.
    fn text(&mut self, label: &str, default: Option<&str>) -> Answer<String>;
    /// One of `options`, by index; `default` is preselected.
    fn choose(&mut self, label: &str, options: &[&str], default: usize) -> Answer<usize>;
    /// Several lines, one item each, ended by an empty line.
    fn list(&mut self, label: &str) -> Answer<Vec<String>>;
    /// Shows a message (a reason to re-ask, a preview).
    fn say(&mut self, message: &str) -> io::Result<()>;
}

/// Plain mode: prints each label, flushes, and reads one line per answer.
pub struct PlainForm<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> PlainForm<R, W> {
    /// A form reading answers from `input` and printing labels to `output`.
    pub fn new(input: R, output: W) -> Self {
        PlainForm { input, output }
    }

    fn ask_line(&mut self, label: &str) -> Answer<String> {
        super::read_line(&mut self.input, &mut self.output, label, false)
    }
}

impl<R: BufRead, W: Write> Form for PlainForm<R, W> {
    fn text(&mut self, label: &str, default: Option<&str>) -> Answer<String> {
        let shown = default.map_or_else(|| format!("{label}: "), |d| format!("{label} [{d}]: "));
        let Some(line) = self.ask_line(&shown)? else {
            return Ok(None);
        };
        match default {
            Some(d) if line.trim().is_empty() => Ok(Some(d.to_string())),
            _ => Ok(Some(line)),
        }
    }

    fn choose(&mut self, label: &str, options: &[&str], default: usize) -> Answer<usize> {
        writeln!(self.output, "{label}:")?;
        for (i, option) in options.iter().enumerate() {
            writeln!(self.output, "  {}) {option}", i + 1)?;
        }
        loop {
            let Some(line) = self.ask_line(&format!("choice [{}]: ", default + 1))? else {
                return Ok(None);
            };
            if let Some(index) = pick(line.trim(), options, default) {
                return Ok(Some(index));
            }
            writeln!(
                self.output,
                "Please answer with a number from 1 to {} or a name from the list.",
                options.len()
            )?;
        }
    }

    fn list(&mut self, label: &str) -> Answer<Vec<String>> {
        writeln!(
            self.output,
            "{label} (one per line, an empty line to finish):"
        )?;
        let mut items = Vec::new();
        loop {
            let Some(line) = self.ask_line("> ")? else {
                return Ok(None);
            };
            if line.trim().is_empty() {
                return Ok(Some(items));
            }
            items.push(line.trim().to_string());
        }
    }

    fn say(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.output, "{message}")
    }
}

/// The option a plain answer names: empty → default, `2` → second, or the option itself.
fn pick(answer: &str, options: &[&str], default: usize) -> Option<usize> {
    if answer.is_empty() {
        return Some(default);
    }
    if let Ok(n) = answer.parse::<usize>() {
        return (1..=options.len()).contains(&n).then(|| n - 1);
    }
    options.iter().position(|o| o.eq_ignore_ascii_case(answer))
}

/// Terminal mode: dialoguer prompts; Esc in a choice cancels.
pub struct TermForm {
    theme: ColorfulTheme,
    term: console::Term,
}

impl TermForm {
    /// A form on the terminal's standard error, where dialoguer draws.
    pub fn new() -> Self {
        TermForm {
            theme: ColorfulTheme::default(),
            term: console::Term::stderr(),
        }
    }
}

impl Default for TermForm {
    fn default() -> Self {
        Self::new()
    }
}

impl Form for TermForm {
    fn text(&mut self, label: &str, default: Option<&str>) -> Answer<String> {
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(label)
            .allow_empty(true);
        if let Some(d) = default {
            input = input.default(d.to_string());
        }
        super::none_on_interrupt(input.interact_text_on(&self.term).map(Some))
    }

    fn choose(&mut self, label: &str, options: &[&str], default: usize) -> Answer<usize> {
        let select = Select::with_theme(&self.theme)
            .with_prompt(label)
            .items(options)
            .default(default);
        super::none_on_interrupt(select.interact_on_opt(&self.term))
    }

    fn list(&mut self, label: &str) -> Answer<Vec<String>> {
        let mut items = Vec::new();
        loop {
            let prompt = format!("{label} #{} (empty to finish)", items.len() + 1);
            let Some(line) = self.text(&prompt, None)? else {
                return Ok(None);
            };
            if line.trim().is_empty() {
                return Ok(Some(items));
            }
            items.push(line.trim().to_string());
        }
    }

    fn say(&mut self, message: &str) -> io::Result<()> {
        self.term.write_line(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(input: &str) -> PlainForm<&[u8], Vec<u8>> {
        PlainForm::new(input.as_bytes(), Vec::new())
    }

    #[test]
    fn text_uses_the_default_for_an_empty_line() {
        let mut f = form("\nhello\r\n");
        assert_eq!(f.text("Id", Some("x")).unwrap(), Some("x".into()));
        assert_eq!(f.text("Prompt", None).unwrap(), Some("hello".into()));
        assert_eq!(f.text("More", None).unwrap(), None);
        assert_eq!(
            String::from_utf8(f.output).unwrap(),
            "Id [x]: Prompt: More: \n"
        );
    }

    #[test]
    fn choose_by_number_name_or_default_and_re_asks() {
        let mut f = form("9\nmulti\n\n3\n");
        let options = ["single", "multi", "text"];
        assert_eq!(f.choose("Kind", &options, 0).unwrap(), Some(1));
        assert_eq!(f.choose("Kind", &options, 0).unwrap(), Some(0));
        assert_eq!(f.choose("Kind", &options, 0).unwrap(), Some(2));
        assert!(
            String::from_utf8(f.output)
                .unwrap()
                .contains("Please answer with a number from 1 to 3")
        );
    }

    #[test]
    fn list_ends_at_an_empty_line_and_cancels_at_end_of_input() {
        let mut f = form("a\n b \n\nc\n");
        assert_eq!(f.list("Tags").unwrap(), Some(vec!["a".into(), "b".into()]));
        assert_eq!(f.list("Tags").unwrap(), None);
    }
}
