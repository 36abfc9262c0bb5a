//! Question ids: the one rule for what an id may be.

/// True when `text` is a valid question id: one or more of `a-z`, `0-9` and `-`.
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
}
