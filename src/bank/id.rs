//! Question ids: the one rule for what an id may be, and slugs made from text.

use unicode_normalization::UnicodeNormalization;

/// True when `text` is a valid question id: one or more of `a-z`, `0-9` and `-`.
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Lowercase ASCII letters and digits joined by single `-`, accents dropped, at most `max` bytes.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.nfkd().filter(char::is_ascii) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > max {
        out.truncate(max);
        if let Some(cut) = out.rfind('-').filter(|&i| i > max / 2) {
            out.truncate(cut);
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("first-soundtrack-1937"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Q 1"));
        assert!(!is_valid_id("café"));
    }

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Qui a écrit « Hamlet » ?", 40), "qui-a-ecrit-hamlet");
        assert_eq!(slug("!!!", 40), "");
        let long = slug("word ".repeat(30).as_str(), 40);
        assert!(long.len() <= 40 && is_valid_id(&long) && !long.ends_with('-'));
    }
}
