//! The top level of a bank file, read so that its questions are handed on in blocks while
//! the rest of the file is still being read: checking the first blocks (on another thread)
//! overlaps reading the last. Every error is the one serde's derive gives for
//! `raw::RawBankIn`, word for word and at the same place.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

const FIELDS: &[&str] = &["$schema", "title", "description", "questions"];

/// A bank's title and description.
pub(crate) type Header = (String, Option<String>);

/// Where the questions go: one block at a time, in file order.
pub(crate) type Sink<'s, 't> = &'s mut dyn FnMut(Vec<&'t RawValue>);

/// Reads a bank's top level from `text`, handing its questions to `sink` in blocks of
/// `block` (the last one shorter) as they are found.
pub(crate) fn read<'t>(
    text: &'t str,
    block: usize,
    sink: Sink<'_, 't>,
) -> serde_json::Result<Header> {
    let mut de = serde_json::Deserializer::from_str(text);
    let header = Bank { block, sink }.deserialize(&mut de)?;
    de.end()?;
    Ok(header)
}

struct Bank<'s, 't> {
    block: usize,
    sink: Sink<'s, 't>,
}

impl<'de> DeserializeSeed<'de> for Bank<'_, 'de> {
    type Value = Header;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Header, D::Error> {
        d.deserialize_struct("RawBankIn", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for Bank<'_, 'de> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct RawBankIn")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Header, A::Error> {
        let short = |i| A::Error::invalid_length(i, &"struct RawBankIn with 4 elements");
        let _schema: Option<String> = seq.next_element()?.ok_or_else(|| short(0))?;
        let title: String = seq.next_element()?.ok_or_else(|| short(1))?;
        let description: Option<String> = seq.next_element()?.ok_or_else(|| short(2))?;
        let questions = Questions {
            block: self.block,
            sink: self.sink,
        };
        seq.next_element_seed(questions)?.ok_or_else(|| short(3))?;
        Ok((title, description))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let Bank { block, sink } = self;
        let mut schema: Option<Option<String>> = None;
        let mut title: Option<String> = None;
        let mut description: Option<Option<String>> = None;
        let mut questions = false;
        while let Some(field) = map.next_key::<Field>()? {
            let twice = match field {
                Field::Schema => schema.is_some(),
                Field::Title => title.is_some(),
                Field::Description => description.is_some(),
                Field::Questions => questions,
            };
            if twice {
                return Err(A::Error::duplicate_field(FIELDS[field as usize]));
            }
            match field {
                Field::Schema => schema = Some(map.next_value()?),
                Field::Title => title = Some(map.next_value()?),
                Field::Description => description = Some(map.next_value()?),
                Field::Questions => {
                    let sink: Sink<'_, 'de> = &mut *sink;
                    map.next_value_seed(Questions { block, sink })?;
                    questions = true;
                }
            }
        }
        let title = title.ok_or_else(|| A::Error::missing_field("title"))?;
        if !questions {
            return Err(A::Error::missing_field("questions"));
        }
        Ok((title, description.flatten()))
    }
}

/// The keys of the top level, in [`FIELDS`] order.
#[derive(Clone, Copy)]
enum Field {
    Schema,
    Title,
    Description,
    Questions,
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        d.deserialize_identifier(FieldName)
    }
}

struct FieldName;

impl Visitor<'_> for FieldName {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<Field, E> {
        match name {
            "$schema" => Ok(Field::Schema),
            "title" => Ok(Field::Title),
            "description" => Ok(Field::Description),
            "questions" => Ok(Field::Questions),
            _ => Err(E::unknown_field(name, FIELDS)),
        }
    }
}

/// The `questions` array, each question kept as its raw slice of the file.
struct Questions<'s, 't> {
    block: usize,
    sink: Sink<'s, 't>,
}

impl<'de> DeserializeSeed<'de> for Questions<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Questions<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut current = Vec::with_capacity(self.block);
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            current.push(raw);
            if current.len() == self.block {
                (self.sink)(std::mem::replace(
                    &mut current,
                    Vec::with_capacity(self.block),
                ));
            }
        }
        if !current.is_empty() {
            (self.sink)(current);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde's derive says of `text`, and what [`read`] says, as "line:col message".
    fn both(text: &str) -> (String, String) {
        let place = |e: serde_json::Error| format!("{}:{} {e}", e.line(), e.column());
        let derived = serde_json::from_str::<crate::bank::raw::RawBankIn>(text)
            .map(|b| format!("ok {} {:?} {}", b.title, b.description, b.questions.len()));
        let mut count = 0;
        let streamed = read(text, 2, &mut |block| count += block.len())
            .map(|(title, description)| format!("ok {title} {description:?} {count}"));
        (
            derived.unwrap_or_else(place),
            streamed.unwrap_or_else(place),
        )
    }

    #[test]
    fn the_streamed_top_level_reads_and_fails_as_the_derived_one() {
        let cases = [
            r#"{"title":"T","questions":[1,{"a":2},[3],"4",5]}"#,
            r#"{"$schema":"s","description":"d","questions":[],"title":"T"}"#,
            r#"{"title":"T","description":null,"questions":[{}]}"#,
            r#"{"title":"T"}"#,
            r#"{"questions":[]}"#,
            r#"{}"#,
            r#"{"title":"T","questions":[],"title":"U"}"#,
            r#"{"title":"T","questions":[1],"questions":[2]}"#,
            r#"{"$schema":1,"$schema":2}"#,
            r#"{"description":"a","description":"b"}"#,
            r#"{"title":"T","questions":[],"extra":1}"#,
            r#"{"title":5,"questions":[]}"#,
            r#"{"title":"T","questions":{}}"#,
            r#"{"title":"T","questions":[1,]}"#,
            r#"{"title":"T","questions":[1 2]}"#,
            r#"{"title":"T","questions":[]} x"#,
            r#"{"title":"T","questions":[]"#,
            r#"["s","T",null,[1,2,3]]"#,
            r#"["s","T"]"#,
            r#"[]"#,
            r#"["s","T",null,[1],5]"#,
            "42",
            "null",
            "\"bank\"",
            "",
            "{\n  \"title\": \"T\",\n  \"questions\": [\n    {\"id\": 1}\n  ,\n  ]\n}",
        ];
        for text in cases {
            let (derived, streamed) = both(text);
            assert_eq!(streamed, derived, "{text}");
        }
    }

    #[test]
    fn questions_come_in_full_blocks_then_the_rest() {
        let text = r#"{"title":"T","questions":[1,2,3,4,5]}"#;
        let mut sizes = Vec::new();
        read(text, 2, &mut |block| sizes.push(block.len())).unwrap();
        assert_eq!(sizes, [2, 2, 1]);
    }
}
