//! The terminal front end: dialoguer prompts, console styling.

use std::io;

use console::{Key, Term};
use dialoguer::theme::Theme;
use dialoguer::{MultiSelect, Select};

use super::line::{OpenLine, clear_above, rows_of};
use super::order_prompt::{self, OrderReply};
use super::theme::QuizTheme;
use super::{Prompter, fit, parse, render};
use crate::bank::sanitize::escape;
use crate::bank::{Cloze, GapKind, Kind, Number, Question};
use crate::engine::Answer;
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

/// A dialoguer answer with Esc as `None`; Ctrl-C stays an `Interrupted` error.
fn esc_as_none<T>(result: dialoguer::Result<Option<T>>) -> io::Result<Option<T>> {
    result.map_err(|dialoguer::Error::IO(e)| e)
}

fn escaped(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| escape(i).into_owned()).collect()
}

impl TermPrompter {
    /// Menu items cut to one line each (a wrapped one throws dialoguer's redraw off by its
    /// extra rows); when some were cut, the whole list is printed first. Also gives the rows
    /// that list took.
    fn fitted(&self, items: &[String]) -> io::Result<(Vec<String>, usize)> {
        let menu = fit::menu(items, fit::terminal_width());
        let mut rows = 0;
        if let Some(whole) = &menu.whole {
            self.term.write_line(whole)?;
            rows = whole.lines().count();
        }
        Ok((menu.items, rows))
    }

    /// A dim line of key help above a menu (dialoguer's prompt line must stay short).
    fn keys(&self, help: &str) -> io::Result<()> {
        let help = fit::line(help, fit::terminal_width());
        self.term
            .write_line(&console::style(help).dim().to_string())
    }

    fn select(&self, prompt: &str, items: &[String]) -> io::Result<Option<usize>> {
        Ok(self.select_counted(prompt, items, items)?.0)
    }

    /// A menu of `menu` (items that fit a line) whose answer line ("✔ Pick one · Paris")
    /// gives the whole item picked, wrapped at words; also gives the rows that line took.
    fn select_counted(
        &self,
        prompt: &str,
        menu: &[String],
        whole: &[String],
    ) -> io::Result<(Option<usize>, usize)> {
        use dialoguer::theme::Theme;
        let Some(pos) = self.menu_select(prompt, menu)? else {
            return Ok((None, 0));
        };
        let mut line = String::new();
        let picked = whole.get(pos).map_or("", String::as_str);
        let _ = self
            .theme
            .format_select_prompt_selection(&mut line, prompt, picked);
        Ok((Some(pos), self.answered(&line)?))
    }

    /// Writes a prompt's answer line wrapped at words, later rows indented (dialoguer's own
    /// breaks mid-word at the terminal's edge); gives the rows it took.
    fn answered(&self, line: &str) -> io::Result<usize> {
        let text = fit::wrap_hanging(line, "  ", fit::terminal_width());
        self.term.write_line(&text)?;
        Ok(text.lines().count().max(1))
    }

    /// A menu whose answered prompt is cleared: the caller prints its own answer line.
    fn menu_select(&self, prompt: &str, items: &[String]) -> io::Result<Option<usize>> {
        esc_as_none(
            Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(items)
                .default(0)
                .report(false)
                .interact_on_opt(&self.term),
        )
    }

    /// Typed text; with `number`, only a number (or one with the question's units) is taken.
    /// Esc gives `None` (the quiz then asks before stopping); Ctrl-C interrupts.
    fn typed(&self, prompt: &str, number: Option<&Number>) -> io::Result<Option<String>> {
        Ok(self.typed_counted(prompt, number)?.0)
    }

    /// [`Self::typed`], also giving the rows its answer line took.
    fn typed_counted(
        &self,
        prompt: &str,
        number: Option<&Number>,
    ) -> io::Result<(Option<String>, usize)> {
        let mut refusal_rows = 0;
        loop {
            let mut shown = String::new();
            // Writing to a String cannot fail.
            let _ = self.theme.format_input_prompt(&mut shown, prompt, None);
            let line = OpenLine::read_or_interrupt(&self.term, shown);
            // The refusal above the prompt goes once the line is answered or left.
            let Some(line) = line? else {
                clear_above(&self.term, refusal_rows)?;
                return Ok((None, 0));
            };
            let text = line.text().to_string();
            let refusal = number.and_then(|k| parse::number(k, &text).err());
            line.clear(&self.term)?;
            clear_above(&self.term, refusal_rows)?;
            if let Some(reason) = refusal {
                let mut message = String::new();
                let _ = self.theme.format_error(&mut message, &reason);
                self.term.write_line(&message)?;
                refusal_rows = rows_of(&message, &self.term);
                continue;
            }
            let mut done = String::new();
            let _ = self
                .theme
                .format_input_prompt_selection(&mut done, prompt, &escape(&text));
            let rows = self.answered(&done)?;
            return Ok((Some(text), rows));
        }
    }

    fn several(&self, items: &[String]) -> io::Result<Option<Vec<usize>>> {
        Ok(self.several_counted("Pick all that apply", items)?.0)
    }

    /// Picks several items, asked again while none is picked (plain mode's rule too); also
    /// counts the lines left on screen besides the first line of dialoguer's answer.
    fn several_counted(
        &self,
        prompt: &str,
        items: &[String],
    ) -> io::Result<(Option<Vec<usize>>, usize)> {
        let (menu, mut drawn) = self.fitted(items)?;
        self.keys("Space picks, Enter confirms")?;
        drawn += 1;
        loop {
            let picks = esc_as_none(
                MultiSelect::with_theme(&self.theme)
                    .with_prompt(prompt)
                    .items(&menu)
                    .report(false)
                    .interact_on_opt(&self.term),
            )?;
            match picks {
                // The same rule as plain mode: an empty answer is asked again.
                Some(picks) if picks.is_empty() => {
                    drawn += self.warn(parse::NOTHING_PICKED)?;
                }
                Some(picks) => {
                    use dialoguer::theme::Theme;
                    let picked: Vec<&str> = picks
                        .iter()
                        .filter_map(|&p| items.get(p).map(String::as_str))
                        .collect();
                    let mut line = String::new();
                    let _ = self
                        .theme
                        .format_multi_select_prompt_selection(&mut line, prompt, &picked);
                    drawn += self.answered(&line)? - 1;
                    return Ok((Some(picks), drawn));
                }
                None => return Ok((None, drawn)),
            }
        }
    }

    fn order(&self, items: &[String]) -> io::Result<Option<Vec<usize>>> {
        let (menu, _) = self.fitted(items)?;
        self.keys("Space grabs or drops, arrows move, Esc puts back, Enter confirms")?;
        let prompt = fit::line("Put in order", fit::terminal_width());
        Ok(match order_prompt::ask(&self.term, &prompt, &menu)? {
            OrderReply::Order(order) => Some(order),
            OrderReply::Esc => None,
        })
    }

    /// A yellow warning, wrapped; says how many lines it took.
    fn warn(&self, message: &str) -> io::Result<usize> {
        let message = fit::wrap(message, "  ");
        self.term
            .write_line(&console::style(&message).yellow().to_string())?;
        Ok(message.lines().count().max(1))
    }

    /// Cloze: the passage, then each gap asked in turn.
    /// The passage is redrawn for each gap with that gap highlighted; answered gaps stay
    /// above it as one line each.
    fn gaps(&self, turn: &Turn, cloze: &Cloze) -> io::Result<Option<Answer>> {
        let mut answers = Vec::with_capacity(cloze.gaps.len());
        for (i, gap) in cloze.gaps.iter().enumerate() {
            let passage = render::wrap(&super::cloze::passage(cloze, Some(i)), "");
            self.term.write_line(&passage)?;
            // The passage and the answered prompt are cleared before the next gap.
            let mut drawn = passage.lines().count() + 1;
            let prompt = format!("[{}]", i + 1);
            // Each answer with the rows it drew past the one counted above.
            let (answer, more) = match &gap.kind {
                GapKind::Single(_) => {
                    let choices = escaped(&turn.shown.gap_items(turn.question, i));
                    let (menu, above) = self.fitted(&choices)?;
                    let (pick, rows) = self.select_counted(&prompt, &menu, &choices)?;
                    (pick.map(Answer::Choice), above + rows.saturating_sub(1))
                }
                GapKind::Multi(_) => {
                    let choices = escaped(&turn.shown.gap_items(turn.question, i));
                    let (picks, more) = self.several_counted(&prompt, &choices)?;
                    (picks.map(Answer::Choices), more)
                }
                GapKind::Text(_) => {
                    let (text, rows) = self.typed_counted(&prompt, None)?;
                    (text.map(Answer::Text), rows.saturating_sub(1))
                }
                GapKind::Number(k) => {
                    let (text, rows) = self.typed_counted(&prompt, Some(k))?;
                    (text.map(Answer::Text), rows.saturating_sub(1))
                }
            };
            drawn += more;
            match answer {
                Some(a) => answers.push(a),
                None => return Ok(None),
            }
            if i + 1 < cloze.gaps.len() {
                self.term.clear_last_lines(drawn)?;
                let given = super::cloze::gap_answer(turn, i, &answers[i]);
                let first = format!("  [{}] ", i + 1);
                self.term
                    .write_line(&fit::hang(&first, &given, fit::terminal_width()))?;
            }
        }
        Ok(Some(Answer::Gaps(answers)))
    }

    /// Every left item with its number, then one menu of right items per left item; used
    /// right items are marked and, as in plain mode, refused a second time unless the
    /// question itself shares a right item.
    fn match_pairs(&self, q: &Question, rights: &[String]) -> io::Result<Option<Answer>> {
        let Kind::Match(matching) = &q.kind else {
            return Ok(None);
        };
        let pairs = &matching.pairs;
        let repeats = parse::match_repeats_allowed(matching);
        let width = fit::terminal_width();
        let lefts: Vec<String> = pairs.iter().map(|(l, _)| escape(l).into_owned()).collect();
        self.term.write_line(&fit::wrap(
            "Match each item on the left with one on the right:",
            "",
        ))?;
        for (n, left) in lefts.iter().enumerate() {
            self.term
                .write_line(&fit::hang(&format!("  {}. ", n + 1), left, width))?;
        }
        let whole = fit::menu(rights, width);
        if let Some(whole) = &whole.whole {
            self.term.write_line(whole)?;
        }
        let mut picks: Vec<usize> = Vec::with_capacity(lefts.len());
        while picks.len() < lefts.len() {
            let n = picks.len();
            let marked: Vec<String> = whole
                .items
                .iter()
                .enumerate()
                .map(|(pos, item)| match picks.iter().position(|&p| p == pos) {
                    Some(by) => format!("{item} ← {}", by + 1),
                    None => item.clone(),
                })
                .collect();
            let menu = fit::menu(&marked, width).items;
            let prompt = fit::line(
                &format!("{}/{} {} →", n + 1, lefts.len(), lefts[n]),
                width.map(|w| w.saturating_sub(4)),
            );
            let Some(pos) = self.menu_select(&prompt, &menu)? else {
                return Ok(None);
            };
            match picks.iter().position(|&p| p == pos) {
                Some(by) if !repeats => {
                    self.warn(&parse::matched_twice(&rights[pos], by + 1))?;
                }
                _ => {
                    let pair = format!("{} → {}", lefts[n], rights[pos]);
                    let line = fit::hang(&format!("› {}. ", n + 1), &pair, width);
                    self.term
                        .write_line(&console::style(line).cyan().to_string())?;
                    picks.push(pos);
                }
            }
        }
        Ok(Some(Answer::Match(picks)))
    }

    /// Esc asks before ending the quiz: Esc again or `y` stops, any other key goes on.
    fn confirm_quit(&self) -> io::Result<bool> {
        // Wrapped at words; every row it took is cleared after the key (at 50 columns it
        // takes two, and clearing one left half of it on the screen).
        let ask = fit::wrap("Stop the quiz? Esc or y stops, any other key goes on.", "");
        self.term
            .write_line(&console::style(&ask).yellow().to_string())?;
        let key = self.term.read_key();
        self.term.clear_last_lines(rows_of(&ask, &self.term))?;
        Ok(match key {
            Ok(Key::Escape | Key::Char('y' | 'Y')) => true,
            Ok(_) => false,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => true,
            Err(e) => return Err(e),
        })
    }

    fn show_question(&self, turn: &Turn) -> io::Result<()> {
        let q = turn.question;
        self.term
            .write_line(&format!("\n{}", render::header(turn)))?;
        // The question is printed here, not as dialoguer's prompt: a prompt that wraps
        // is not fully cleared when dialoguer redraws it.
        let prompt = render::wrap(&escape(&q.prompt), "");
        self.term
            .write_line(&console::style(prompt).bold().to_string())?;
        if let Some(hint) = &q.hint {
            let hint = render::wrap(&format!("Hint: {}", escape(hint)), "");
            self.term
                .write_line(&console::style(hint).dim().to_string())?;
        }
        Ok(())
    }

    /// Asks once; `None` when the player pressed Esc (or Ctrl-C, which also stops).
    fn ask_once(&self, turn: &Turn) -> io::Result<Option<Answer>> {
        let q = turn.question;
        let items = escaped(&turn.shown.items(q));
        Ok(match &q.kind {
            Kind::Single(_) => {
                let (menu, _) = self.fitted(&items)?;
                self.select_counted("Pick one", &menu, &items)?
                    .0
                    .map(Answer::Choice)
            }
            Kind::TrueFalse(_) => {
                let choices = ["True".to_string(), "False".to_string()];
                self.select("True or false?", &choices)?
                    .map(|pos| Answer::Bool(pos == 0))
            }
            Kind::Multi(_) => self.several(&items)?.map(Answer::Choices),
            Kind::Text(_) => self.typed("Your answer", None)?.map(Answer::Text),
            Kind::Number(k) => self
                .typed("Your answer (a number)", Some(k))?
                .map(Answer::Text),
            Kind::Order(_) => self.order(&items)?.map(Answer::Order),
            Kind::Match(_) => self.match_pairs(q, &items)?,
            Kind::Cloze(cloze) => self.gaps(turn, cloze)?,
        })
    }
}

impl Prompter for TermPrompter {
    fn ask(&mut self, turn: &Turn) -> io::Result<Option<Answer>> {
        loop {
            self.show_question(turn)?;
            match self.ask_once(turn) {
                Ok(Some(answer)) => return Ok(Some(answer)),
                // Ctrl-C (or a signal) interrupts the key read: stop at once.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(None),
                Err(e) => return Err(e),
                Ok(None) if self.confirm_quit()? => return Ok(None),
                Ok(None) => {}
            }
        }
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        self.term.write_str(text)?;
        if !text.ends_with('\n') {
            self.term.write_line("")?;
        }
        self.term.flush()
    }
}
