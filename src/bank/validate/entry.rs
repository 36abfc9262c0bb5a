//! The validator's rules for one entry at a time, so `termquiz add` can check each entry as it
//! is typed and never accept one that the whole question would later refuse.

use super::problems::{ListKey, Problems, choice_key, tag_key};

/// A list field of a question: its name, how few entries it may have, and when two are the same.
#[derive(Debug, Clone, Copy)]
pub struct ListRule {
    /// The field's name, as problems name it.
    pub field: &'static str,
    /// The fewest entries a valid question has.
    pub min: usize,
    key: Option<ListKey>,
}

impl ListRule {
    /// `wrong` of `single` and `multi`: at least one, no choice twice.
    pub const WRONG: ListRule = ListRule::choices("wrong", 1);
    /// `answers` of `multi`.
    pub const ANSWERS: ListRule = ListRule::choices("answers", 1);
    /// `accept` of `text`: other accepted answers.
    pub const ACCEPT: ListRule = ListRule::choices("accept", 0);
    /// `items` of `order`, in the right order.
    pub const ITEMS: ListRule = ListRule::choices("items", 2);
    /// The left sides of `match` pairs (the pairs' own count is checked apart).
    pub const PAIR_LEFT: ListRule = ListRule::choices("pairs (left side)", 0);
    /// The right sides of `match` pairs: two left items may share one.
    pub const PAIR_RIGHT: ListRule = ListRule {
        field: "pairs (right side)",
        min: 0,
        key: None,
    };
    /// `extra` right-hand distractors of `match`.
    pub const EXTRA: ListRule = ListRule::choices("extra", 0);
    /// `tags`: the same when they differ only in case.
    pub const TAGS: ListRule = ListRule {
        field: "tags",
        min: 0,
        key: Some(tag_key),
    };

    const fn choices(field: &'static str, min: usize) -> ListRule {
        ListRule {
            field,
            min,
            key: Some(choice_key),
        }
    }

    /// Checks a whole list, pushing every problem.
    pub(super) fn check(self, p: &mut Problems, values: Vec<String>) -> Vec<String> {
        p.list_by(self.field, values, self.min, self.key)
    }

    /// Why `entry` may not follow `earlier` (entries already accepted): what the validator says.
    pub fn check_entry(self, earlier: &[String], entry: &str) -> Result<(), String> {
        let mut values = earlier.to_vec();
        values.push(entry.to_string());
        let mut p = Problems::default();
        p.list_by(self.field, values, 0, self.key);
        first(p)
    }

    /// Why the list may not end with `entries`: too few of them.
    pub fn check_end(self, entries: &[String]) -> Result<(), String> {
        let mut p = Problems::default();
        self.check(&mut p, entries.to_vec());
        first(p)
    }
}

/// Why a wrong choice may not be `entry`: it is already among the right ones.
pub fn check_wrong_entry(right_field: &str, right: &[String], entry: &str) -> Result<(), String> {
    let mut p = Problems::default();
    super::choices::overlap(&mut p, right_field, right, &[entry.to_string()]);
    first(p)
}

/// Why `value` may not be the text of `field` (empty, a control character).
pub fn check_text(field: &str, value: &str) -> Result<(), String> {
    let mut p = Problems::default();
    p.present_text(field, value.to_string());
    first(p)
}

/// `value` as the whole number `field` holds (`points`, `time_limit`), or why not.
pub fn check_positive(field: &str, value: i64) -> Result<u32, String> {
    let mut p = Problems::default();
    let n = super::positive(&mut p, field, Some(value));
    first(p).and(n.ok_or_else(String::new))
}

fn first(p: Problems) -> Result<(), String> {
    p.0.into_iter().next().map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_entry_gets_the_problem_the_whole_list_would_get() {
        let earlier = strings(&["Lyon"]);
        assert_eq!(
            ListRule::WRONG.check_entry(&earlier, " Lyon "),
            Err("\"wrong\" lists \" Lyon \" twice; remove one".into())
        );
        assert!(ListRule::WRONG.check_entry(&earlier, "lyon").is_ok());
        assert_eq!(
            ListRule::TAGS.check_entry(&strings(&["geo"]), "GEO"),
            Err("\"tags\" lists \"GEO\" twice; remove one".into())
        );
        assert!(ListRule::PAIR_RIGHT.check_entry(&earlier, "Lyon").is_ok());
        assert_eq!(
            ListRule::ITEMS.check_entry(&earlier, "a\u{7}"),
            Err("\"items[1]\" contains the control character U+0007; remove it".into())
        );
        assert_eq!(
            ListRule::ACCEPT.check_entry(&[], "  "),
            Err("\"accept[0]\" is empty".into())
        );
    }

    #[test]
    fn a_list_may_end_once_it_has_enough_entries() {
        assert_eq!(
            ListRule::ITEMS.check_end(&strings(&["a"])),
            Err("\"items\" needs at least 2 items".into())
        );
        assert!(ListRule::ITEMS.check_end(&strings(&["a", "b"])).is_ok());
        assert!(ListRule::TAGS.check_end(&[]).is_ok());
    }

    #[test]
    fn wrong_choices_texts_and_numbers_follow_the_bank_rules() {
        assert!(check_wrong_entry("answer", &strings(&["Paris"]), " Paris").is_err());
        assert!(check_wrong_entry("answer", &strings(&["Paris"]), "Lyon").is_ok());
        assert_eq!(check_text("hint", " "), Err("\"hint\" is empty".into()));
        assert_eq!(check_positive("points", 3), Ok(3));
        assert_eq!(
            check_positive("time_limit", 0),
            Err("\"time_limit\" must be a positive whole number, not 0".into())
        );
    }
}
