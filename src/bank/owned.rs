//! A typed question checked by the bank's own rules without any JSON text: it is moved into
//! the raw wire form (strings moved, not cloned) and validated as a bank file's question
//! would be. Importers check every question they read this way.

use super::model::Question;
use super::raw::RawQuestion;
use super::validate::validate_question;

/// Checks a typed question with the same rules (and messages) as a bank file's question;
/// gives it back valid, or every problem found.
pub fn validate_typed(question: Question) -> Result<Question, Vec<String>> {
    validate_question(RawQuestion::from(question)).map_err(|invalid| invalid.problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Single;

    #[test]
    fn every_kind_of_a_valid_bank_stays_valid_and_unchanged() {
        let text = r#"{"title": "t", "questions": [
            {"id": "a", "kind": "single", "prompt": "P\nQ", "answer": "x", "wrong": ["y"],
             "partial": {"y": 0.5}, "feedback": {"x": "yes"}, "tags": ["t"], "hint": "h"},
            {"id": "b", "kind": "multi", "prompt": "P", "answers": ["x"], "wrong": ["y"],
             "weights": {"x": 1, "y": -1}},
            {"id": "c", "kind": "true_false", "prompt": "P", "answer": false, "time_limit": 9},
            {"id": "d", "kind": "text", "prompt": "P", "answer": "x", "accept": ["z"],
             "partial": {"w": 0.5}, "case_sensitive": true, "title": "T"},
            {"id": "e", "kind": "number", "prompt": "P", "answer": 1.5, "tolerance": 0.1,
             "also": [{"answer": 2, "credit": 0.5}], "units": [{"unit": "m"}, {"unit": "cm", "multiplier": 100}]},
            {"id": "f", "kind": "order", "prompt": "P", "items": ["a", "b"]},
            {"id": "g", "kind": "match", "prompt": "P", "pairs": [["a", "1"], ["b", "2"]], "extra": ["3"]},
            {"id": "h", "kind": "cloze", "prompt": "P", "text": "{1} and {2}",
             "gaps": [{"kind": "text", "answer": "x"}, {"kind": "number", "answer": 3, "weight": 2}]}
        ]}"#;
        let bank = crate::bank::parse("t", text.as_bytes()).expect("valid");
        for q in bank.questions {
            assert_eq!(validate_typed(q.clone()), Ok(q));
        }
    }

    #[test]
    fn typed_questions_get_the_bank_messages() {
        let q = Question::new("x", "", Single::new("a", vec!["a".into()]));
        let problems = validate_typed(q).unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains("prompt")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("also appears in \"wrong\"")),
            "{problems:?}"
        );
    }
}
