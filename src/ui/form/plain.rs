//! The form over plain lines (no terminal): a label, a flush, one line per answer.

use std::io::{self, BufRead, Write};

use super::{Answer, Form, pick};
use crate::bank::sanitize;

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
        crate::ui::read_line(&mut self.input, &mut self.output, label, false)
    }
}

impl<R: BufRead, W: Write> Form for PlainForm<R, W> {
    fn read(&mut self, label: &str, default: Option<&str>) -> Answer<String> {
        let shown = match default {
            Some(d) => format!("{label} [{}]: ", sanitize::escape(d)),
            None if label.ends_with("> ") => label.to_string(),
            None => format!("{label}: "),
        };
        let Some(line) = self.ask_line(&shown)? else {
            return Ok(None);
        };
        match default {
            Some(d) if line.trim().is_empty() => Ok(Some(d.to_string())),
            _ => Ok(Some(line)),
        }
    }

    fn accepted(&mut self, _label: &str, _value: &str) -> io::Result<()> {
        Ok(())
    }

    fn ended(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn refused(&mut self, reason: &str) -> io::Result<()> {
        let reason = sanitize::escape(reason);
        writeln!(self.output, "Not valid: {reason}; please try again.")
    }

    fn list_start(&mut self, label: &str) -> io::Result<()> {
        writeln!(
            self.output,
            "{label} (one per line, an empty line to finish):"
        )
    }

    fn entry_label(&self, _label: &str, _n: usize) -> String {
        "> ".into()
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

    fn confirm(&mut self, label: &str, default: bool) -> Answer<bool> {
        let hint = if default { "[Y/n]" } else { "[y/N]" };
        loop {
            let Some(line) = self.ask_line(&format!("{label} {hint} "))? else {
                return Ok(None);
            };
            let line = line.trim();
            if line.is_empty() {
                return Ok(Some(default));
            }
            match crate::ui::parse::truth(line) {
                Ok(yes) => return Ok(Some(yes)),
                Err(_) => writeln!(self.output, "Please answer y or n.")?,
            }
        }
    }

    fn say(&mut self, message: &str) -> io::Result<()> {
        writeln!(self.output, "{message}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(input: &str) -> PlainForm<&[u8], Vec<u8>> {
        PlainForm::new(input.as_bytes(), Vec::new())
    }

    fn any(text: &str) -> Result<String, String> {
        Ok(text.to_string())
    }

    #[test]
    fn text_uses_the_default_for_an_empty_line() {
        let mut f = form("\nhello\r\n");
        assert_eq!(f.text("Id", Some("x"), &mut any).unwrap(), Some("x".into()));
        assert_eq!(
            f.text("Prompt", None, &mut any).unwrap(),
            Some("hello".into())
        );
        assert_eq!(f.text("More", None, &mut any).unwrap(), None);
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
    fn a_refused_entry_is_asked_again_alone_and_the_list_keeps_the_others() {
        let mut f = form("a\na\nb\n\nc\n\n");
        let mut entry = |earlier: &[String], e: &str| {
            if earlier.iter().any(|x| *x == e.to_uppercase()) {
                Err(format!("\"{e}\" twice"))
            } else {
                Ok(e.to_uppercase())
            }
        };
        let end = |items: &[String]| {
            if items.len() < 3 {
                Err("needs 3".to_string())
            } else {
                Ok(())
            }
        };
        let got = f.list("Items", &mut entry, &end).unwrap();
        assert_eq!(got, Some(vec!["A".into(), "B".into(), "C".into()]));
        let out = String::from_utf8(f.output).unwrap();
        assert!(
            out.contains("Not valid: \"a\" twice; please try again."),
            "{out}"
        );
        assert!(
            out.contains("Not valid: needs 3; please try again."),
            "{out}"
        );
    }

    #[test]
    fn a_list_and_a_confirm_cancel_at_end_of_input() {
        let mut entry = |_: &[String], e: &str| Ok(e.to_string());
        let end = |_: &[String]| Ok(());
        let mut f = form("a\n");
        assert_eq!(f.list("Tags", &mut entry, &end).unwrap(), None);
        assert_eq!(form("").confirm("Add?", true).unwrap(), None);
        assert_eq!(form("\n").confirm("Add?", true).unwrap(), Some(true));
        assert_eq!(form("x\nn\n").confirm("Add?", true).unwrap(), Some(false));
    }
}
