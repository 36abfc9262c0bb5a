//! Which questions a session asks: by tag and difficulty.

use super::model::{Difficulty, Question};

/// A question filter; empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep questions that carry any of these tags (case-insensitive).
    pub tags: Vec<String>,
    /// Keep questions of this difficulty.
    pub difficulty: Option<Difficulty>,
}

impl Filter {
    /// True when the question passes the filter.
    pub fn matches(&self, q: &Question) -> bool {
        let tag_ok = self.tags.is_empty()
            || q.tags
                .iter()
                .any(|t| self.tags.iter().any(|want| want.eq_ignore_ascii_case(t)));
        tag_ok && self.difficulty.is_none_or(|d| d == q.difficulty)
    }

    /// The indices of the questions that pass, in bank order.
    pub fn apply(&self, questions: &[Question]) -> Vec<usize> {
        (0..questions.len())
            .filter(|&i| self.matches(&questions[i]))
            .collect()
    }

    /// A short description for messages ("tag history, difficulty hard").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.tags.is_empty() {
            let tags = super::sanitize::escape_line(&self.tags.join(" or ")).into_owned();
            parts.push(format!("tag {tags}"));
        }
        if let Some(d) = self.difficulty {
            parts.push(format!("difficulty {d}"));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{TrueFalse, model::Kind};

    fn q(tags: &[&str], difficulty: Difficulty) -> Question {
        let mut q = Question::new(
            "x",
            "p",
            Kind::TrueFalse(TrueFalse {
                answer: true,
                ..TrueFalse::default()
            }),
        );
        q.tags = tags.iter().map(|t| t.to_string()).collect();
        q.difficulty = difficulty;
        q
    }

    #[test]
    fn empty_filter_keeps_everything() {
        let qs = [q(&[], Difficulty::Easy), q(&["a"], Difficulty::Hard)];
        assert_eq!(Filter::default().apply(&qs), vec![0, 1]);
    }

    #[test]
    fn tags_are_any_of_and_case_insensitive() {
        let qs = [
            q(&["history"], Difficulty::Easy),
            q(&["labels"], Difficulty::Easy),
            q(&[], Difficulty::Easy),
        ];
        let f = Filter {
            tags: vec!["HISTORY".into(), "labels".into()],
            difficulty: None,
        };
        assert_eq!(f.apply(&qs), vec![0, 1]);
    }

    #[test]
    fn difficulty_and_tag_both_apply() {
        let qs = [
            q(&["a"], Difficulty::Easy),
            q(&["a"], Difficulty::Hard),
            q(&["b"], Difficulty::Hard),
        ];
        let f = Filter {
            tags: vec!["a".into()],
            difficulty: Some(Difficulty::Hard),
        };
        assert_eq!(f.apply(&qs), vec![1]);
        assert_eq!(f.describe(), "tag a, difficulty hard");
    }
}
