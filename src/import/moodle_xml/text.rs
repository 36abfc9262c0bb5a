//! Moodle texts (html, moodle_auto_format, plain_text, markdown) made readable in a terminal.

use super::terms::{Format, Rich};
use crate::import::common::html_to_text;

/// The text as a player should read it; images become `[image: …]`.
pub fn readable(rich: &Rich) -> String {
    match rich.format {
        Format::Html => html_to_text(&rich.text),
        // Moodle auto-format is HTML in which a line break is a line break.
        Format::MoodleAuto => html_to_text(&rich.text.replace('\n', "<br>")),
        // Plain text and markdown read as they are; Moodle trims them too.
        Format::Plain | Format::Markdown => rich.text.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_reads_as_text() {
        assert_eq!(
            readable(&Rich::new(
                r#"<p>Moodle <img src="@@PLUGINFILE@@/logo.jpg" alt="Moodle logo" /> is</p>"#,
                Format::Html
            )),
            "Moodle [image: Moodle logo] is"
        );
        assert_eq!(
            readable(&Rich::new("one\ntwo <i>x</i> &amp;", Format::MoodleAuto)),
            "one\ntwo x &"
        );
        assert_eq!(
            readable(&Rich::new("  a <b>\n\n\n c ", Format::Plain)),
            "a <b>\n\n\n c"
        );
        assert_eq!(
            readable(&Rich::new("**bold** text", Format::Markdown)),
            "**bold** text"
        );
    }
}
