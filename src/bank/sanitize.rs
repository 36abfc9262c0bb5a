//! Escapes untrusted bank text so it cannot drive the terminal.

use std::borrow::Cow;

/// True for characters a bank must not send raw to a terminal:
/// C0 controls (but newline and tab), DEL, C1 controls and bidi overrides/isolates.
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first character of `text` that [`is_unsafe`]; a byte scan skips text that cannot
/// hold one (no ASCII control, no lead byte of a C1 control or of a bidi control).
pub fn first_unsafe(text: &str) -> Option<char> {
    if !may_hold_unsafe(text.as_bytes()) {
        return None;
    }
    text.chars().find(|&c| is_unsafe(c))
}

/// Whether `bytes` hold an ASCII control (but newline and tab) or a byte that starts a C1 or
/// bidi control. Every byte of a chunk is tested without branching, so the compiler can
/// test a whole chunk at once: validating a bank runs this over nearly all of its text.
fn may_hold_unsafe(bytes: &[u8]) -> bool {
    let suspect =
        |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\t') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2);
    let chunks = bytes.chunks_exact(32);
    let rest = chunks.remainder();
    let any = |chunk: &[u8]| chunk.iter().fold(false, |found, &b| found | suspect(b));
    chunks.into_iter().any(any) || any(rest)
}

/// Text with every unsafe character replaced by a visible `\u{..}` escape; newline and tab stay.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_where(text, is_unsafe)
}

/// Like [`escape`], but newlines and tabs are escaped too: for messages that must stay one line.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_unsafe(c) || c == '\n' || c == '\t')
}

fn escape_where(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A file name or path as messages show it: one line, every unsafe character escaped.
pub fn path(path: &std::path::Path) -> String {
    escape_line(&path.to_string_lossy()).into_owned()
}

/// Like [`escape`], then folds newlines and tabs to spaces, for one-line places such as tables.
pub fn one_line(text: &str) -> String {
    escape(text).replace(['\n', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        let evil = "a\u{1b}[2Jb\rc\u{8}d\u{7}e\u{9b}f\u{202e}g\u{2066}h";
        let safe = escape(evil);
        assert_eq!(
            safe,
            "a\\u{1b}[2Jb\\u{d}c\\u{8}d\\u{7}e\\u{9b}f\\u{202e}g\\u{2066}h"
        );
        assert!(!safe.chars().any(is_unsafe));
    }

    #[test]
    fn keeps_newline_tab_and_unicode() {
        let text = "Café\tthé\nnaïve — ok";
        assert!(matches!(escape(text), Cow::Borrowed(_)));
    }

    #[test]
    fn first_unsafe_finds_a_control_at_any_place_of_a_long_text() {
        let text = "é—x".repeat(40);
        assert_eq!(first_unsafe(&text), None);
        for at in [0, 1, 31, 32, 33, 63, 64, 100, text.len()] {
            for bad in ['\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\r'] {
                let mut evil = text.clone();
                let at = (0..=at)
                    .rev()
                    .find(|&i| evil.is_char_boundary(i))
                    .unwrap_or(0);
                evil.insert(at, bad);
                assert_eq!(first_unsafe(&evil), Some(bad), "{bad:?} at {at}");
            }
        }
        assert_eq!(first_unsafe(&"a\n\tb".repeat(20)), None);
    }

    #[test]
    fn escape_line_keeps_one_line() {
        assert_eq!(escape_line("a\nb\tc"), "a\\u{a}b\\u{9}c");
    }

    #[test]
    fn paths_stay_one_line_and_inert() {
        let name = std::path::Path::new("d/x\u{1b}]52;c;cm0gLXJmIH4K\u{7}\n.json");
        assert_eq!(path(name), "d/x\\u{1b}]52;c;cm0gLXJmIH4K\\u{7}\\u{a}.json");
    }

    #[test]
    fn one_line_folds_whitespace() {
        assert_eq!(one_line("a\nb\tc\u{1b}"), "a b c\\u{1b}");
    }
}
