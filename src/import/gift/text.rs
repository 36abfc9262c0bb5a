//! GIFT text: backslash escapes, `[format]` prefixes, and HTML rendered as plain text.

use crate::import::common::{html_to_text, looks_like_html};

/// The text formats a GIFT text may name in a `[format]` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Moodle auto-format (the default): HTML allowed, newlines are line breaks.
    #[default]
    Moodle,
    /// HTML.
    Html,
    /// Plain text, shown as written.
    Plain,
    /// Markdown, shown as written.
    Markdown,
}

impl Format {
    fn from_name(name: &str) -> Option<Format> {
        match name {
            "moodle" => Some(Format::Moodle),
            "html" => Some(Format::Html),
            "plain" => Some(Format::Plain),
            "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// The format a text names in a leading `[html]`-style prefix, and the text after it.
pub fn split_format(raw: &str) -> (Option<Format>, &str) {
    let trimmed = raw.trim_start();
    let named = trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(name, after)| Some((Format::from_name(name)?, after)));
    match named {
        Some((format, after)) => (Some(format), after),
        None => (None, raw),
    }
}

/// A GIFT text as termquiz shows it: format prefix stripped, escapes resolved, HTML (in the
/// Moodle and HTML formats) rendered as plain text.
pub fn clean(raw: &str, default: Format) -> String {
    let (format, rest) = split_format(raw.trim());
    let text = unescape(rest.trim());
    match format.unwrap_or(default) {
        // Moodle's auto-format turns newlines into line breaks before rendering.
        Format::Moodle if looks_like_html(&text) => html_to_text(&text.replace('\n', "<br>")),
        Format::Html if looks_like_html(&text) => html_to_text(&text),
        _ => text.trim().to_string(),
    }
}

/// Resolves GIFT escapes: `\~ \= \# \{ \} \: \\`, `\n` for a newline and termquiz's `\>`
/// (so `-\>` is a literal `->`); any other backslash stays as written.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(n) if "~=#{}:\\>".contains(n) => out.push(n),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Byte offset of the first `pattern` at or after `from` that is not escaped by `\`.
pub fn find_unescaped(text: &str, from: usize, pattern: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(pattern.as_bytes()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Byte offset of the last unescaped `pattern` (occurrences may overlap, as PHP's `strrpos`).
pub fn rfind_unescaped(text: &str, pattern: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(at) = find_unescaped(text, from, pattern) {
        last = Some(at);
        from = at + 1;
    }
    last
}

/// Splits at each unescaped `separator` (a single ASCII character).
pub fn split_unescaped(text: &str, separator: u8) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for at in unescaped_positions(text, &[separator]) {
        parts.push(&text[start..at]);
        start = at + 1;
    }
    parts.push(&text[start..]);
    parts
}

/// Byte offsets of every unescaped occurrence of one of `bytes` (ASCII).
pub fn unescaped_positions(text: &str, bytes: &[u8]) -> Vec<usize> {
    let raw = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes.contains(&raw[i]) {
            out.push(i);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_prefixes_are_stripped() {
        assert_eq!(clean("[plain]blue", Format::Moodle), "blue");
        assert_eq!(clean(" [moodle]Nunca.", Format::Moodle), "Nunca.");
        assert_eq!(clean("[markdown]*a*", Format::Moodle), "*a*");
        assert_eq!(clean("[other]x", Format::Moodle), "[other]x");
    }

    #[test]
    fn html_is_rendered_in_html_and_moodle_formats_only() {
        assert_eq!(clean("[html]<b>bold</b>&nbsp;x", Format::Moodle), "bold x");
        assert_eq!(clean("<i>a</i>\nb", Format::Moodle), "a\nb");
        assert_eq!(clean("<i>a</i>", Format::Html), "a");
        assert_eq!(clean("<i>a</i>", Format::Plain), "<i>a</i>");
        assert_eq!(clean("3 < 5", Format::Html), "3 < 5");
    }

    #[test]
    fn escapes_are_resolved() {
        assert_eq!(
            unescape(r"a\~b\=c\#d\{e\}f\:g\\h\ni\q"),
            "a~b=c#d{e}f:g\\h\ni\\q"
        );
    }

    #[test]
    fn unescaped_search_skips_escapes() {
        assert_eq!(find_unescaped(r"a\{b{", 0, "{"), Some(4));
        assert_eq!(rfind_unescaped("a####b#####c", "####"), Some(7));
        assert_eq!(split_unescaped(r"a#b\#c#d", b'#'), vec!["a", r"b\#c", "d"]);
    }
}
