//! The JSON Schema (draft 2020-12) of the bank format, for editors.

use serde_json::{Value, json};

use super::model::{GapKind, Kind};

fn text() -> Value {
    json!({ "type": "string", "minLength": 1, "pattern": "\\S" })
}

fn texts(min: usize) -> Value {
    json!({ "type": "array", "items": text(), "minItems": min, "uniqueItems": true })
}

fn credits(minimum: f64, maximum: f64, exclusive: bool) -> Value {
    let range = if exclusive {
        json!({ "type": "number", "exclusiveMinimum": minimum, "exclusiveMaximum": maximum })
    } else {
        json!({ "type": "number", "minimum": minimum, "maximum": maximum })
    };
    json!({ "type": "object", "additionalProperties": range })
}

/// Answer fields a question and a cloze gap share.
fn answer_properties() -> Value {
    json!({
        "answer": { "type": ["string", "number", "boolean"] },
        "wrong": texts(1),
        "accept": texts(0),
        "partial": credits(0.0, 1.0, true),
        "case_sensitive": { "type": "boolean", "default": false },
        "tolerance": { "type": "number", "minimum": 0 },
        "also": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["answer"],
                "additionalProperties": false,
                "properties": {
                    "answer": { "type": "number" },
                    "tolerance": { "type": "number", "minimum": 0 },
                    "credit": { "type": "number", "minimum": 0, "maximum": 1, "default": 1 },
                    "feedback": text()
                }
            }
        },
        "feedback": { "type": "object", "additionalProperties": text() }
    })
}

/// `if kind is K then these properties and required fields`, one per kind.
fn kind_rules(rules: &[(&str, Value, &[&str])]) -> Vec<Value> {
    rules
        .iter()
        .map(|(kind, properties, required)| {
            json!({
                "if": { "properties": { "kind": { "const": kind } } },
                "then": { "properties": properties, "required": required }
            })
        })
        .collect()
}

/// The fields each kind requires, in kind order.
fn question_rules() -> Vec<Value> {
    kind_rules(&[
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
        ("cloze", json!({}), &["text", "gaps"]),
    ])
}

fn gap() -> Value {
    let mut properties = answer_properties();
    properties["kind"] = json!({ "enum": GapKind::NAMES });
    properties["answers"] = texts(1);
    properties["weights"] = credits(-1.0, 1.0, false);
    properties["weight"] = json!({ "type": "number", "exclusiveMinimum": 0, "default": 1 });
    json!({
        "type": "object",
        "required": ["kind"],
        "additionalProperties": false,
        "properties": properties,
        "allOf": kind_rules(&[
            ("single", json!({ "answer": text() }), &["answer", "wrong"]),
            ("multi", json!({}), &["answers", "wrong"]),
            ("text", json!({ "answer": text() }), &["answer"]),
            ("number", json!({ "answer": { "type": "number" } }), &["answer"]),
        ])
    })
}

fn question() -> Value {
    let answer = answer_properties();
    json!({
        "type": "object",
        "required": ["id", "kind", "prompt"],
        "additionalProperties": false,
        "properties": {
            "id": { "type": "string", "pattern": "^[a-z0-9-]+$" },
            "title": text(),
            "kind": { "enum": Kind::NAMES },
            "prompt": text(),
            "text": text(),
            "answer": answer["answer"],
            "answers": texts(1),
            "wrong": answer["wrong"],
            "accept": answer["accept"],
            "partial": answer["partial"],
            "weights": credits(-1.0, 1.0, false),
            "case_sensitive": answer["case_sensitive"],
            "tolerance": answer["tolerance"],
            "also": answer["also"],
            "units": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["unit"],
                    "additionalProperties": false,
                    "properties": {
                        "unit": text(),
                        "multiplier": { "type": "number", "exclusiveMinimum": 0, "default": 1 }
                    }
                }
            },
            "items": texts(2),
            "pairs": {
                "type": "array", "minItems": 2,
                "items": { "type": "array", "prefixItems": [text(), text()], "minItems": 2, "maxItems": 2 }
            },
            "extra": texts(0),
            "gaps": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/gap" } },
            "feedback": answer["feedback"],
            "explanation": text(),
            "source": text(),
            "tags": texts(0),
            "difficulty": { "enum": ["easy", "medium", "hard"], "default": "medium" },
            "points": { "type": "integer", "minimum": 1, "default": 1 },
            "time_limit": { "type": "integer", "minimum": 1 },
            "hint": text()
        },
        "allOf": question_rules()
    })
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
        "$defs": { "question": question(), "gap": gap() }
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
    use crate::bank::raw::{RawGap, RawQuestion};

    /// A raw question with every field set (values need only have the right type).
    fn everything_json() -> Value {
        json!({
            "id": "", "title": "", "kind": "", "prompt": "", "text": "", "answer": "",
            "answers": [], "wrong": [], "accept": [], "partial": {}, "weights": {},
            "case_sensitive": true, "tolerance": 0, "also": [], "units": [], "items": [],
            "pairs": [], "extra": [], "gaps": [], "feedback": {}, "explanation": "",
            "source": "", "tags": [], "difficulty": "", "points": 1, "time_limit": 1, "hint": ""
        })
    }

    #[test]
    fn gap_properties_match_the_raw_format() {
        let everything: RawGap = serde_json::from_value(json!({
            "kind": "", "answer": 1, "answers": [], "wrong": [], "accept": [], "partial": {},
            "weights": {}, "case_sensitive": true, "tolerance": 0, "also": [], "feedback": {}, "weight": 1
        }))
        .unwrap();
        let raw_keys: Vec<String> = serde_json::to_value(&everything)
            .ok()
            .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
            .unwrap_or_default();
        let mut schema_keys: Vec<String> = schema()["$defs"]["gap"]["properties"]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        schema_keys.sort();
        let mut raw_sorted = raw_keys.clone();
        raw_sorted.sort();
        assert_eq!(raw_sorted, schema_keys);
    }

    #[test]
    fn question_properties_match_the_raw_format() {
        let everything: RawQuestion = serde_json::from_value(everything_json()).unwrap();
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
