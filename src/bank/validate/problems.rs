//! Collects the problems of one question, with helpers for the checks every field shares.

/// What two items of a list share when they count as the same.
pub(super) type ListKey = for<'a> fn(&'a str) -> std::borrow::Cow<'a, str>;

use super::entry::ListRule;

/// Lists up to this long are checked for repeats by comparing items pairwise.
const SHORT_LIST: usize = 8;

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
        self.present_text_named(|| field.to_string(), value)
    }

    /// [`Problems::present_text`] with the field's name made only when there is a problem.
    fn present_text_named(&mut self, field: impl Fn() -> String, value: String) -> Option<String> {
        if value.trim().is_empty() {
            self.push(format!("\"{}\" is empty", field()));
            return None;
        }
        if let Some(c) = crate::bank::sanitize::first_unsafe(&value) {
            self.push(format!(
                "\"{}\" contains the control character U+{:04X}; remove it",
                field(),
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
        key: Option<ListKey>,
    ) -> Vec<String> {
        if values.len() < min {
            let s = if min == 1 { "" } else { "s" };
            self.push(format!("\"{field}\" needs at least {min} item{s}"));
        }
        let mut out: Vec<String> = Vec::with_capacity(values.len());
        // Short lists compare each item with the earlier ones (no allocation); long ones
        // look keys up in a set, so the work stays linear however long the list.
        let mut seen = std::collections::HashSet::new();
        let short = values.len() <= SHORT_LIST;
        for (i, v) in values.into_iter().enumerate() {
            let Some(v) = self.present_text_named(|| format!("{field}[{i}]"), v) else {
                continue;
            };
            let twice = key.is_some_and(|key| {
                if short {
                    let k = key(&v);
                    out.iter().any(|earlier| key(earlier) == k)
                } else {
                    !seen.insert(key(&v).into_owned())
                }
            });
            if twice {
                self.push(format!("\"{field}\" lists \"{v}\" twice; remove one"));
            }
            out.push(v);
        }
        out
    }

    /// A list the question must have, checked under its `rule`.
    pub fn required_list(&mut self, rule: ListRule, values: Option<Vec<String>>) -> Vec<String> {
        match values {
            Some(v) => rule.check(self, v),
            None => {
                self.push(format!("missing \"{}\"", rule.field));
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
pub(super) fn choice_key(choice: &str) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Borrowed(choice.trim())
}

/// Choices to look up by [`same_choice`] in constant time.
pub(super) enum ChoiceSet<'a> {
    /// A few choices, compared one by one (cheaper than hashing).
    Few(Vec<&'a str>),
    /// Many choices, looked up by hash so the work stays linear.
    Many(std::collections::HashSet<&'a str>),
}

impl<'a> ChoiceSet<'a> {
    pub fn new(choices: impl IntoIterator<Item = &'a str>) -> Self {
        let trimmed: Vec<&str> = choices.into_iter().map(str::trim).collect();
        if trimmed.len() <= SHORT_LIST {
            ChoiceSet::Few(trimmed)
        } else {
            ChoiceSet::Many(trimmed.into_iter().collect())
        }
    }

    pub fn contains(&self, choice: &str) -> bool {
        match self {
            ChoiceSet::Few(choices) => choices.contains(&choice.trim()),
            ChoiceSet::Many(choices) => choices.contains(choice.trim()),
        }
    }
}

/// Two tags are the same when they differ only in case or outer spaces: equal keys.
pub(super) fn tag_key(tag: &str) -> std::borrow::Cow<'_, str> {
    let tag = tag.trim();
    if tag.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(tag.chars().flat_map(char::to_lowercase).collect())
    } else {
        std::borrow::Cow::Borrowed(tag)
    }
}
