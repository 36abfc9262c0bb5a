//! The order prompt: move items with the arrows after grabbing one with Space.
//! dialoguer's `Sort` marks every row while one is grabbed and quits on Esc even then;
//! here only the grabbed row shows `↕`, and Esc puts a grabbed item back where it was.

use std::io;

use console::{Key, Term, style};

/// What the player did with the order prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderReply {
    /// Enter: the display positions in the chosen order.
    Order(Vec<usize>),
    /// Esc with nothing grabbed.
    Esc,
}

/// The state of the prompt, apart from the terminal (so it can be tested).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderState {
    /// Display positions in their current order.
    pub order: Vec<usize>,
    /// The row of the cursor.
    pub cursor: usize,
    /// The row the grabbed item came from, while one is grabbed.
    pub grabbed_from: Option<usize>,
}

impl OrderState {
    /// `len` items in their shown order, the cursor on the first.
    pub fn new(len: usize) -> Self {
        OrderState {
            order: (0..len).collect(),
            cursor: 0,
            grabbed_from: None,
        }
    }

    /// Applies one key; `Some` when the prompt is over.
    pub fn key(&mut self, key: &Key) -> Option<OrderReply> {
        let len = self.order.len();
        match key {
            Key::ArrowDown | Key::Tab | Key::Char('j') if len > 0 => {
                self.step((self.cursor + 1) % len)
            }
            Key::ArrowUp | Key::BackTab | Key::Char('k') if len > 0 => {
                self.step((self.cursor + len - 1) % len);
            }
            Key::Char(' ') => {
                self.grabbed_from = match self.grabbed_from {
                    Some(_) => None,
                    None => Some(self.cursor),
                };
            }
            Key::Escape => match self.grabbed_from.take() {
                Some(from) => {
                    let item = self.order.remove(self.cursor);
                    self.order.insert(from, item);
                    self.cursor = from;
                }
                None => return Some(OrderReply::Esc),
            },
            Key::Enter => return Some(OrderReply::Order(self.order.clone())),
            _ => {}
        }
        None
    }

    fn step(&mut self, to: usize) {
        if self.grabbed_from.is_some() {
            let item = self.order.remove(self.cursor);
            self.order.insert(to, item);
        }
        self.cursor = to;
    }
}

/// Asks for an order of `items` (each fitting on one line); `prompt` is one short line.
pub fn ask(term: &Term, prompt: &str, items: &[String]) -> io::Result<OrderReply> {
    let mut state = OrderState::new(items.len());
    term.hide_cursor()?;
    term.write_line(&format!("{} {prompt}", style("?").yellow()))?;
    let mut drawn = 0;
    loop {
        term.clear_last_lines(drawn)?;
        for (row, &item) in state.order.iter().enumerate() {
            term.write_line(&row_text(&state, row, &items[item]))?;
        }
        drawn = items.len();
        term.flush()?;
        if let Some(reply) = state.key(&term.read_key()?) {
            term.clear_last_lines(drawn + 1)?;
            if let OrderReply::Order(order) = &reply {
                let chosen: Vec<&str> = order.iter().map(|&i| items[i].as_str()).collect();
                term.write_line(&format!(
                    "{} {prompt} {}",
                    style("›").cyan(),
                    style(chosen.join(" → ")).green()
                ))?;
            }
            term.show_cursor()?;
            return Ok(reply);
        }
    }
}

fn row_text(state: &OrderState, row: usize, text: &str) -> String {
    let active = row == state.cursor;
    let cursor = if active {
        style("❯").green().to_string()
    } else {
        " ".into()
    };
    let mark = if active && state.grabbed_from.is_some() {
        style("↕").yellow().to_string()
    } else {
        " ".into()
    };
    let text = if active {
        style(text).cyan().to_string()
    } else {
        text.to_string()
    };
    format!("{cursor} {mark} {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_grabs_and_arrows_move_the_grabbed_item() {
        let mut s = OrderState::new(3);
        s.key(&Key::Char(' '));
        s.key(&Key::ArrowDown);
        s.key(&Key::ArrowDown);
        assert_eq!(s.order, vec![1, 2, 0]);
        s.key(&Key::Char(' '));
        s.key(&Key::ArrowUp);
        assert_eq!(s.order, vec![1, 2, 0]);
        assert_eq!(s.key(&Key::Enter), Some(OrderReply::Order(vec![1, 2, 0])));
    }

    #[test]
    fn esc_while_grabbed_puts_the_item_back_and_does_not_quit() {
        let mut s = OrderState::new(3);
        s.key(&Key::Char(' '));
        s.key(&Key::ArrowDown);
        assert_eq!(s.key(&Key::Escape), None);
        assert_eq!(
            (s.order.clone(), s.cursor, s.grabbed_from),
            (vec![0, 1, 2], 0, None)
        );
        assert_eq!(s.key(&Key::Escape), Some(OrderReply::Esc));
    }

    #[test]
    fn only_the_grabbed_row_shows_the_move_mark() {
        console::set_colors_enabled(false);
        let mut s = OrderState::new(3);
        s.key(&Key::Char(' '));
        let rows: Vec<String> = (0..3).map(|r| row_text(&s, r, "x")).collect();
        assert_eq!(rows, vec!["❯ ↕ x", "    x", "    x"]);
    }
}
