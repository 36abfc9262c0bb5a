//! The JSON Schema (draft 2020-12) of the bank format, for editors.

use serde_json::{Value, json};

use super::model::Kind;

fn text() -> Value {
    json!({ "type": "string", "minLength": 1, "pattern": "\\S" })
}

fn texts(min: usize) -> Value {
    json!({ "type": "array", "items": text(), "minItems": min, "uniqueItems": true })
}

/// The fields each kind requires, in kind order.
fn kind_rules() -> Vec<Value> {
    let rules: [(&str, Value, &[&str]); 7] = [
        ("single", json!({ "answer": text() }), &["answer", "wrong"]),
        ("multi", json!({}), &["answers", "wrong"]),
        (
            "true_false",
            json!({ "answer": { "type": "boolean" } }),
            &["answer"],
        ),
        ("text", json!({ "answer": text() }), &["answer"]),
        (
            "number",
            json!({ "answer": { "type": "number" } }),
            &["answer"],
        ),
        ("order", json!({}), &["items"]),
        ("match", json!({}), &["pairs"]),
    ];
    rules
        .into_iter()
        .map(|(kind, properties, required)| {
            json!({
                "if": { "properties": { "kind": { "const": kind } } },
                "then": { "properties": properties, "required": required }
            })
        })
        .collect()
}

/// The schema as a JSON value.
pub fn schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "termquiz question bank",
        "type": "object",
        "required": ["title", "questions"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "title": text(),
            "description": { "type": "string" },
            "questions": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/question" } }
        },
        "$defs": {
            "question": {
                "type": "object",
                "required": ["id", "kind", "prompt"],
                "additionalProperties": false,
                "properties": {
                    "id": { "type": "string", "pattern": "^[a-z0-9-]+$" },
                    "kind": { "enum": Kind::NAMES },
                    "prompt": text(),
                    "answer": { "type": ["string", "number", "boolean"] },
                    "answers": texts(1),
                    "wrong": texts(1),
                    "accept": texts(0),
                    "tolerance": { "type": "number", "minimum": 0 },
                    "items": texts(2),
                    "pairs": {
                        "type": "array", "minItems": 2,
                        "items": { "type": "array", "prefixItems": [text(), text()], "minItems": 2, "maxItems": 2 }
                    },
                    "explanation": text(),
                    "source": text(),
                    "tags": texts(0),
                    "difficulty": { "enum": ["easy", "medium", "hard"], "default": "medium" },
                    "points": { "type": "integer", "minimum": 1, "default": 1 },
                    "time_limit": { "type": "integer", "minimum": 1 },
                    "hint": text()
                },
                "allOf": kind_rules()
            }
        }
    })
}

/// The schema pretty-printed with a final newline, as `termquiz schema` prints it.
pub fn to_string() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::raw::RawQuestion;

    #[test]
    fn question_properties_match_the_raw_format() {
        let everything = RawQuestion {
            id: Some(String::new()),
            kind: Some(String::new()),
            prompt: Some(String::new()),
            answer: Some(Value::Null),
            answers: Some(vec![]),
            wrong: Some(vec![]),
            accept: Some(vec![]),
            tolerance: Some(0.0),
            items: Some(vec![]),
            pairs: Some(vec![]),
            explanation: Some(String::new()),
            source: Some(String::new()),
            tags: Some(vec![]),
            difficulty: Some(String::new()),
            points: Some(1),
            time_limit: Some(1),
            hint: Some(String::new()),
        };
        let raw_keys: Vec<String> = serde_json::to_value(&everything)
            .ok()
            .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
            .unwrap_or_default();
        let schema = schema();
        let schema_keys: Vec<String> = schema["$defs"]["question"]["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        assert_eq!(raw_keys, schema_keys);
    }

    #[test]
    fn every_kind_has_a_rule() {
        let schema = schema();
        let rules = schema["$defs"]["question"]["allOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let kinds: Vec<&str> = rules
            .iter()
            .filter_map(|r| r["if"]["properties"]["kind"]["const"].as_str())
            .collect();
        assert_eq!(kinds, Kind::NAMES);
    }
}
