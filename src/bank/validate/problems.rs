//! Collects the problems of one question, with helpers for the checks every field shares.

/// Every problem found in one question (or one cloze gap), in the order found.
#[derive(Default)]
pub(super) struct Problems(pub Vec<String>);

impl Problems {
    pub fn push(&mut self, message: impl Into<String>) {
        self.0.push(message.into());
    }

    /// How many problems so far (to tell whether a check added any).
    pub fn count(&self) -> usize {
        self.0.len()
    }

    /// A required, non-blank string without control characters.
    pub fn text(&mut self, field: &str, value: Option<String>) -> Option<String> {
        match value {
            None => self.push(format!("missing \"{field}\"")),
            Some(v) => return self.present_text(field, v),
        }
        None
    }

    pub fn present_text(&mut self, field: &str, value: String) -> Option<String> {
        if value.trim().is_empty() {
            self.push(format!("\"{field}\" is empty"));
            return None;
        }
        if let Some(c) = value.chars().find(|&c| crate::bank::sanitize::is_unsafe(c)) {
            self.push(format!(
                "\"{field}\" contains the control character U+{:04X}; remove it",
                c as u32
            ));
            return None;
        }
        Some(value)
    }

    pub fn optional_text(&mut self, field: &str, value: Option<String>) -> Option<String> {
        value.and_then(|v| self.present_text(field, v))
    }

    /// A list of valid strings; two with the same `key` count as listed twice (no key: any
    /// repeat is fine). One hash look-up per item, so linear however long the list.
    pub fn list_by(
        &mut self,
        field: &str,
        values: Vec<String>,
        min: usize,
        key: Option<fn(&str) -> String>,
    ) -> Vec<String> {
        if values.len() < min {
            let s = if min == 1 { "" } else { "s" };
            self.push(format!("\"{field}\" needs at least {min} item{s}"));
        }
        let mut out: Vec<String> = Vec::with_capacity(values.len());
        let mut seen = std::collections::HashSet::new();
        for (i, v) in values.into_iter().enumerate() {
            if let Some(v) = self.present_text(&format!("{field}[{i}]"), v) {
                if key.is_some_and(|key| !seen.insert(key(&v))) {
                    self.push(format!("\"{field}\" lists \"{v}\" twice; remove one"));
                }
                out.push(v);
            }
        }
        out
    }

    /// Choices or answers: the same when equal but for outer spaces ("GB" and "Gb" differ).
    pub fn list(&mut self, field: &str, values: Vec<String>, min: usize) -> Vec<String> {
        self.list_by(field, values, min, Some(choice_key))
    }

    pub fn required_list(
        &mut self,
        field: &str,
        values: Option<Vec<String>>,
        min: usize,
    ) -> Vec<String> {
        match values {
            Some(v) => self.list(field, v, min),
            None => {
                self.push(format!("missing \"{field}\""));
                Vec::new()
            }
        }
    }
}

/// Two choices are the same when equal but for outer spaces; case matters, as in Moodle.
pub(super) fn same_choice(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// Two tags (or typed answers) are the same when they differ only in case or outer spaces.
pub(super) fn same_tag(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.trim()
            .chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold(a) == fold(b)
}

/// What [`same_choice`] compares, for hash look-ups.
pub(super) fn choice_key(choice: &str) -> String {
    choice.trim().to_string()
}

/// Choices to look up by [`same_choice`] in constant time.
pub(super) struct ChoiceSet<'a>(std::collections::HashSet<&'a str>);

impl<'a> ChoiceSet<'a> {
    pub fn new(choices: impl IntoIterator<Item = &'a str>) -> Self {
        ChoiceSet(choices.into_iter().map(str::trim).collect())
    }

    pub fn contains(&self, choice: &str) -> bool {
        self.0.contains(choice.trim())
    }
}

/// Two tags are the same when they differ only in case or outer spaces: equal keys.
pub(super) fn tag_key(tag: &str) -> String {
    tag.trim().chars().flat_map(char::to_lowercase).collect()
}
