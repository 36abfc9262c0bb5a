//! The terminal front end: dialoguer prompts, console styling.

use std::io;

use console::Term;
use dialoguer::{Input, MultiSelect, Select, Sort};

use super::theme::QuizTheme;
use super::{Prompter, none_on_interrupt, render};
use crate::bank::sanitize::escape;
use crate::bank::{Kind, Question};
use crate::engine::Answer;
use crate::engine::grade::parse_number;
use crate::engine::session::Turn;

/// dialoguer prompts on standard output.
pub struct TermPrompter {
    term: Term,
    theme: QuizTheme,
}

impl Default for TermPrompter {
    fn default() -> Self {
        TermPrompter {
            term: Term::stdout(),
            theme: QuizTheme::default(),
        }
    }
}

impl Drop for TermPrompter {
    fn drop(&mut self) {
        // A prompt cut short by Ctrl-C leaves the cursor hidden.
        let _ = self.term.show_cursor();
    }
}

fn escaped(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| escape(i).into_owned()).collect()
}

impl TermPrompter {
    fn select(&self, prompt: &str, items: &[String]) -> io::Result<Option<usize>> {
        none_on_interrupt(
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(items)
                .default(0)
                .interact_on_opt(&self.term),
        )
    }

    fn typed(&self, prompt: &str, number: bool) -> io::Result<Option<String>> {
        let input = Input::<String>::with_theme(&self.theme).with_prompt(prompt);
        let input = if number {
            input.validate_with(|s: &String| {
                parse_number(s)
                    .map(|_| ())
                    .ok_or("type a number, e.g. 1929")
            })
        } else {
            input
        };
        none_on_interrupt(input.interact_text_on(&self.term).map(Some))
    }

    fn match_pairs(&self, q: &Question, rights: &[String]) -> io::Result<Option<Answer>> {
        let Kind::Match { pairs } = &q.kind else {
            return Ok(None);
        };
        self.term.write_line("Match each item on the left:")?;
        let mut picks = Vec::with_capacity(pairs.len());
        for (left, _) in pairs {
            match self.select(&format!("{} →", escape(left)), rights)? {
                Some(pos) => picks.push(pos),
                None => return Ok(None),
            }
        }
        Ok(Some(Answer::Match(picks)))
    }
}

impl Prompter for TermPrompter {
    fn ask(&mut self, turn: &Turn) -> io::Result<Option<Answer>> {
        let q = turn.question;
        self.term
            .write_line(&format!("\n{}", render::header(turn)))?;
        // The question is printed here, not as dialoguer's prompt: a prompt that wraps
        // is not fully cleared when dialoguer redraws it.
        let prompt = render::wrap(&escape(&q.prompt), "");
        self.term
            .write_line(&console::style(prompt).bold().to_string())?;
        if let Some(hint) = &q.hint {
            self.term.write_line(
                &console::style(format!("Hint: {}", escape(hint)))
                    .dim()
                    .to_string(),
            )?;
        }
        let items = escaped(&turn.shown.items(q));
        let answer = match &q.kind {
            Kind::Single { .. } => self.select("Pick one", &items)?.map(Answer::Choice),
            Kind::TrueFalse { .. } => {
                let choices = ["True".to_string(), "False".to_string()];
                self.select("True or false?", &choices)?
                    .map(|pos| Answer::Bool(pos == 0))
            }
            Kind::Multi { .. } => none_on_interrupt(
                MultiSelect::with_theme(&self.theme)
                    .with_prompt("Pick all that apply (space picks, enter confirms)")
                    .items(&items)
                    .interact_on_opt(&self.term),
            )?
            .map(Answer::Choices),
            Kind::Text { .. } => self.typed("Your answer", false)?.map(Answer::Text),
            Kind::Number { .. } => self
                .typed("Your answer (a number)", true)?
                .map(Answer::Text),
            Kind::Order { .. } => none_on_interrupt(
                Sort::with_theme(&self.theme)
                    .with_prompt("Put in order (space grabs, arrows move, enter confirms)")
                    .items(&items)
                    .interact_on_opt(&self.term),
            )?
            .map(Answer::Order),
            Kind::Match { .. } => self.match_pairs(q, &items)?,
        };
        Ok(answer)
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        self.term.write_str(text)?;
        if !text.ends_with('\n') {
            self.term.write_line("")?;
        }
        self.term.flush()
    }
}
