//! The prompt theme: dialoguer's colourful theme, plus a visible marker on the active
//! item of multi-select prompts so they work without colour (NO_COLOR).

use std::fmt;

use console::{Style, StyledObject, style};
use dialoguer::theme::{ColorfulTheme, Theme};

/// Colourful prompts whose answered mark is neutral and whose active item is always marked.
pub struct QuizTheme {
    inner: ColorfulTheme,
    cursor: StyledObject<String>,
}

impl Default for QuizTheme {
    fn default() -> Self {
        // "✔" would read as "right" in exam mode; answered prompts get a neutral mark.
        let inner = ColorfulTheme {
            success_prefix: style("›".to_string()).for_stderr().cyan(),
            ..ColorfulTheme::default()
        };
        QuizTheme {
            cursor: style("❯".to_string()).for_stderr().green(),
            inner,
        }
    }
}

impl QuizTheme {
    fn item(
        &self,
        f: &mut dyn fmt::Write,
        mark: &StyledObject<String>,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        let (cursor, text_style): (&dyn fmt::Display, &Style) = if active {
            (&self.cursor, &self.inner.active_item_style)
        } else {
            (&" ", &self.inner.inactive_item_style)
        };
        write!(f, "{cursor} {mark} {}", text_style.apply_to(text))
    }
}

impl Theme for QuizTheme {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.inner.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.inner.format_error(f, err)
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        self.inner.format_input_prompt(f, prompt, default)
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.inner.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        self.inner
            .format_multi_select_prompt_selection(f, prompt, selections)
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.inner.format_select_prompt_item(f, text, active)
    }

    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> fmt::Result {
        let mark = if checked {
            &self.inner.checked_item_prefix
        } else {
            &self.inner.unchecked_item_prefix
        };
        self.item(f, mark, text, active)
    }
}
