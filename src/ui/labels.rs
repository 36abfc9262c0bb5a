//! Choice labels: `a`…`z`, then numbers; players may type either.

/// The label of display position `pos` ("a", "b", … "z", then "27", "28", …).
pub fn label(pos: usize) -> String {
    match u8::try_from(pos) {
        Ok(p) if p < 26 => char::from(b'a' + p).to_string(),
        _ => (pos + 1).to_string(),
    }
}

/// The display position a typed label names, when it is in range.
pub fn position(token: &str, len: usize) -> Option<usize> {
    let token = token.trim().to_ascii_lowercase();
    let pos = match token.as_bytes() {
        [c @ b'a'..=b'z'] => usize::from(c - b'a'),
        _ => token.parse::<usize>().ok()?.checked_sub(1)?,
    };
    (pos < len).then_some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_then_numbers() {
        assert_eq!(label(0), "a");
        assert_eq!(label(25), "z");
        assert_eq!(label(26), "27");
    }

    #[test]
    fn positions_from_letters_or_numbers() {
        assert_eq!(position("B", 3), Some(1));
        assert_eq!(position("2", 3), Some(1));
        assert_eq!(position("d", 3), None);
        assert_eq!(position("0", 3), None);
        assert_eq!(position("27", 30), Some(26));
        assert_eq!(position("ab", 30), None);
    }
}
