//! Text that fits the terminal: word wrapping (textwrap) and menus cut to one line per item.
//! dialoguer redraws a menu by counting lines, so an item that wraps leaves stale copies;
//! every menu line must fit the width, and cut items are shown whole above the menu.

use console::measure_text_width;

use super::labels::label;

/// Columns dialoguer's themes put before an item ("❯ ✔ "), with a margin.
const MENU_PREFIX: usize = 6;

thread_local! {
    /// True on threads whose text goes to another machine's screen.
    static FOR_REMOTE_SCREEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Text made on this thread from now on is not fitted to the local terminal: a live
/// connection's text goes to a student's screen, whose own width `termquiz join` wraps to.
pub fn for_remote_screen() {
    FOR_REMOTE_SCREEN.with(|remote| remote.set(true));
}

/// The width of the terminal on standard output; `None` off a terminal, or on a thread
/// that serves a remote screen.
pub fn terminal_width() -> Option<usize> {
    if FOR_REMOTE_SCREEN.with(std::cell::Cell::get) {
        return None;
    }
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
}

/// Text broken at word boundaries to `width` columns, every line starting with `indent`;
/// `None` (not a terminal) leaves lines whole. A word longer than a line stands alone.
pub fn wrap_to(text: &str, indent: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text
            .split('\n')
            .map(|line| format!("{indent}{line}"))
            .collect::<Vec<_>>()
            .join("\n");
    };
    let options = options(width, indent).initial_indent(indent);
    text.split('\n')
        .map(|paragraph| {
            let lines = textwrap::wrap(paragraph, &options);
            if lines.is_empty() {
                indent.to_string()
            } else {
                lines.join("\n")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line broken at word boundaries to `width` columns, the later lines indented with
/// `indent` (styling codes take no room); `None` (not a terminal) leaves it whole.
pub fn wrap_hanging(line: &str, indent: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return line.to_string();
    };
    textwrap::wrap(line, options(width, indent)).join("\n")
}

/// Breaking at words only (a word longer than a line stands alone), later lines indented,
/// and room for 20 columns of text however deep the indent.
fn options(width: usize, indent: &str) -> textwrap::Options<'_> {
    textwrap::Options::new(width.max(measure_text_width(indent) + 20))
        .subsequent_indent(indent)
        .break_words(false)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
}

/// [`wrap_to`] at the width of the terminal.
pub fn wrap(text: &str, indent: &str) -> String {
    wrap_to(text, indent, terminal_width())
}

/// Like [`wrap_to`], with `first` before the first line and later lines indented under
/// the text ("a) long item" with its continuation lined up after "a) ").
pub fn hang(first: &str, text: &str, width: Option<usize>) -> String {
    let indent = " ".repeat(measure_text_width(first));
    let wrapped = wrap_to(text, &indent, width);
    format!("{first}{}", &wrapped[indent.len()..])
}

/// A menu whose items each fit on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    /// The items as the menu shows them.
    pub items: Vec<String>,
    /// Every item whole, labelled and wrapped, to print above the menu when some were cut.
    pub whole: Option<String>,
}

/// Fits `items` into a menu `width` columns wide: when one is too long, every item gets its
/// label (`a) …`), long ones are cut with "…", and the whole list goes above the menu.
pub fn menu(items: &[String], width: Option<usize>) -> Menu {
    let Some(width) = width else {
        return Menu {
            items: items.to_vec(),
            whole: None,
        };
    };
    let room = width.saturating_sub(MENU_PREFIX).max(8);
    if items.iter().all(|i| measure_text_width(i) <= room) {
        return Menu {
            items: items.to_vec(),
            whole: None,
        };
    }
    let labelled: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(pos, item)| format!("{}) {item}", label(pos)))
        .collect();
    let whole = items
        .iter()
        .enumerate()
        .map(|(pos, item)| hang(&format!("  {}) ", label(pos)), item, Some(width)))
        .collect::<Vec<_>>()
        .join("\n");
    Menu {
        items: labelled
            .iter()
            .map(|item| console::truncate_str(item, room, "…").into_owned())
            .collect(),
        whole: Some(whole),
    }
}

/// One line cut to `width` columns with "…" (a prompt line dialoguer draws).
pub fn line(text: &str, width: Option<usize>) -> String {
    match width {
        Some(w) => console::truncate_str(text, w.saturating_sub(3).max(8), "…").into_owned(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_line_breaks_at_words_not_mid_word_and_its_colours_take_no_room() {
        let line = format!(
            "{} {}",
            console::style("› Pick all that apply ·")
                .force_styling(true)
                .cyan(),
            "musical studio studio studio 361971 0"
        );
        let wrapped = wrap_hanging(&line, "  ", Some(50));
        let rows: Vec<String> = wrapped
            .lines()
            .map(console::strip_ansi_codes)
            .map(String::from)
            .collect();
        assert_eq!(
            rows,
            [
                "› Pick all that apply · musical studio studio",
                "  studio 361971 0"
            ]
        );
        assert_eq!(wrap_hanging(&line, "  ", None), line);
    }

    #[test]
    fn wraps_at_spaces_with_indent() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap_to(text, "  ", Some(26));
        assert_eq!(
            wrapped,
            "  one two three four five\n  six seven eight nine ten\n  eleven twelve"
        );
        assert!(wrapped.lines().all(|l| measure_text_width(l) <= 26));
    }

    #[test]
    fn keeps_paragraphs_and_long_words() {
        assert_eq!(wrap_to("a\nb", "", Some(30)), "a\nb");
        let long = "x".repeat(40);
        assert_eq!(
            wrap_to(&format!("a {long} b"), "", Some(25)),
            format!("a\n{long}\nb")
        );
    }

    #[test]
    fn off_a_terminal_nothing_is_wrapped() {
        let text = "word ".repeat(100);
        assert_eq!(wrap_to(text.trim(), "", None), text.trim());
    }

    #[test]
    fn hanging_lines_continue_under_the_text() {
        let wrapped = hang(
            "  a) ",
            "Pre-recorded in a studio vs. replica of live",
            Some(24),
        );
        assert_eq!(
            wrapped,
            "  a) Pre-recorded in a\n     studio vs. replica\n     of live"
        );
    }

    #[test]
    fn short_items_stay_as_they_are() {
        let items = vec!["Decca".to_string(), "ABC".to_string()];
        assert_eq!(menu(&items, Some(50)).items, items);
        assert_eq!(menu(&items, Some(50)).whole, None);
    }

    #[test]
    fn long_items_are_cut_and_shown_whole_above() {
        let items = vec![
            "Pre-recorded in a studio vs. replica of live stage performance".to_string(),
            "Short".to_string(),
        ];
        let fitted = menu(&items, Some(30));
        assert!(fitted.items.iter().all(|i| measure_text_width(i) <= 24));
        assert!(fitted.items[0].starts_with("a) Pre-recorded") && fitted.items[0].ends_with('…'));
        assert_eq!(fitted.items[1], "b) Short");
        let whole = fitted.whole.unwrap();
        assert!(
            whole.contains("stage") && whole.contains("b) Short"),
            "{whole}"
        );
        assert!(
            whole.lines().all(|l| measure_text_width(l) <= 30),
            "{whole}"
        );
    }
}
