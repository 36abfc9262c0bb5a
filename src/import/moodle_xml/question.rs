//! Step 2: one `<question>` element read into Moodle's own terms (`terms`).

use roxmltree::Node;

use super::read::Located;
use super::terms::{Answer, Body, Choice, Combined, Format, Header, Item, Rich, Unit};

/// Types Moodle exports that termquiz cannot ask, with why.
const UNSUPPORTED: [(&str, &str); 4] = [
    ("essay", "essays are graded by a person"),
    ("description", "a description has nothing to answer"),
    ("ddimageortext", "it needs a background image"),
    ("ddmarker", "it needs a background image"),
];

/// Reads one question element; unsupported types and broken questions become `Item::Skip`.
pub fn read(located: Located<'_, '_>) -> Item {
    let Located { line, node } = located;
    let qtype = node.attribute("type").unwrap_or("").trim().to_string();
    if qtype == "category" {
        let path = child(node, "category").map(text_of).unwrap_or_default();
        return Item::Category { path };
    }
    let header = header(node, line, &qtype);
    let skip = |why: &str| Item::Skip {
        line,
        reason: format!(
            "{} question \"{}\": {why}",
            display_type(&qtype),
            header.name
        ),
    };
    if let Some((_, why)) = UNSUPPORTED.iter().find(|(t, _)| *t == qtype) {
        return skip(why);
    }
    if qtype.starts_with("calculated") {
        return skip("its numbers are computed from random datasets");
    }
    if qtype.starts_with("random") {
        return skip("it draws other questions at random from the Moodle bank");
    }
    match body(node, &qtype, header.text.format) {
        Ok(body) => Item::Question(Box::new(header), body),
        Err(why) => skip(&why),
    }
}

fn display_type(qtype: &str) -> String {
    if qtype.is_empty() {
        "untyped".to_string()
    } else {
        qtype.to_string()
    }
}

fn header(node: Node, line: usize, qtype: &str) -> Header {
    let text = rich(node, "questiontext", Format::Html).unwrap_or(Rich::new("", Format::Html));
    let format = text.format;
    let tags = child(node, "tags")
        .map(|tags| {
            elements(tags, "tag")
                .map(text_of)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Header {
        line,
        qtype: qtype.to_string(),
        name: child(node, "name").map(text_of).unwrap_or_default(),
        general_feedback: rich(node, "generalfeedback", format).filter(|r| !r.is_empty()),
        default_grade: child(node, "defaultgrade").and_then(|n| number(&content(n))),
        idnumber: child(node, "idnumber")
            .map(content)
            .filter(|s| !s.trim().is_empty()),
        tags,
        hints: elements(node, "hint").map(|h| rich_of(h, format)).collect(),
        combined: Combined {
            correct: rich(node, "correctfeedback", format).filter(|r| !r.is_empty()),
            partially: rich(node, "partiallycorrectfeedback", format).filter(|r| !r.is_empty()),
            incorrect: rich(node, "incorrectfeedback", format).filter(|r| !r.is_empty()),
        },
        text,
    }
}

fn body(node: Node, qtype: &str, format: Format) -> Result<Body, String> {
    match qtype {
        "multichoice" => Ok(Body::MultiChoice {
            single: child(node, "single").is_none_or(|n| is_true(&content(n))),
            answers: answers(node, format, format)?,
        }),
        "truefalse" => true_false(node, format),
        "shortanswer" => Ok(Body::ShortAnswer {
            usecase: child(node, "usecase").is_some_and(|n| is_true(&content(n))),
            answers: answers(node, Format::Plain, format)?,
        }),
        "numerical" => Ok(Body::Numerical {
            answers: answers(node, Format::Plain, format)?,
            units: units(node)?,
        }),
        "matching" | "match" => Ok(Body::Matching {
            subquestions: elements(node, "subquestion")
                .map(|s| {
                    let answer = child(s, "answer").map(text_of).unwrap_or_default();
                    (rich_of(s, format), answer)
                })
                .collect(),
        }),
        "ordering" => ordering(node, format),
        "gapselect" => Ok(Body::Gaps {
            choices: choices(node, "selectoption")?,
        }),
        "ddwtos" => Ok(Body::Gaps {
            choices: choices(node, "dragbox")?,
        }),
        "cloze" | "multianswer" => Ok(Body::Cloze),
        _ => Err("termquiz does not know this question type".to_string()),
    }
}

/// Moodle's `trans_single`: "false", "0" and "" are false, anything else is true.
fn is_true(value: &str) -> bool {
    !matches!(value.trim(), "false" | "0" | "")
}

fn answers(
    node: Node,
    text_format: Format,
    feedback_format: Format,
) -> Result<Vec<Answer>, String> {
    elements(node, "answer")
        .map(|answer| {
            let fraction = answer.attribute("fraction").unwrap_or("0");
            let fraction = number(fraction)
                .ok_or_else(|| format!("the answer fraction \"{fraction}\" is not a number"))?;
            let tolerance = child(answer, "tolerance").map(content).unwrap_or_default();
            let tolerance = if tolerance.trim().is_empty() {
                0.0
            } else {
                number(&tolerance)
                    .ok_or_else(|| format!("the tolerance \"{tolerance}\" is not a number"))?
            };
            Ok(Answer {
                text: rich_of(answer, text_format),
                fraction: fraction / 100.0,
                feedback: rich(answer, "feedback", feedback_format)
                    .unwrap_or(Rich::new("", feedback_format)),
                tolerance: tolerance.abs(),
            })
        })
        .collect()
}

fn true_false(node: Node, format: Format) -> Result<Body, String> {
    let mut answer = None;
    let (mut feedback_true, mut feedback_false) = (None, None);
    for (index, element) in elements(node, "answer").enumerate() {
        let text = text_of(element);
        // Old exports wrote localised words; Moodle then takes true first, false second.
        let is_true = match text.as_str() {
            "true" => true,
            "false" => false,
            _ => index == 0,
        };
        let full = element
            .attribute("fraction")
            .and_then(number)
            .is_some_and(|f| f == 100.0);
        if full {
            answer = Some(is_true);
        }
        let feedback = rich(element, "feedback", format).filter(|r| !r.is_empty());
        if is_true {
            feedback_true = feedback;
        } else {
            feedback_false = feedback;
        }
    }
    let answer = answer.ok_or("neither true nor false is worth 100%")?;
    Ok(Body::TrueFalse {
        answer,
        feedback_true,
        feedback_false,
    })
}

fn units(node: Node) -> Result<Vec<Unit>, String> {
    let Some(units) = child(node, "units") else {
        return Ok(Vec::new());
    };
    elements(units, "unit")
        .map(|unit| {
            let multiplier = child(unit, "multiplier").map(content).unwrap_or_default();
            let multiplier = if multiplier.trim().is_empty() {
                1.0
            } else {
                number(&multiplier).ok_or_else(|| {
                    format!("the unit multiplier \"{multiplier}\" is not a number")
                })?
            };
            Ok(Unit {
                name: child(unit, "unit_name")
                    .map(content)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                multiplier,
            })
        })
        .collect()
}

/// Ordering answers are listed in the right order; `fraction` holds each one's position.
fn ordering(node: Node, format: Format) -> Result<Body, String> {
    let mut items: Vec<(f64, Rich)> = Vec::new();
    for answer in elements(node, "answer") {
        let position = answer.attribute("fraction").and_then(number).unwrap_or(0.0);
        items.push((position, rich_of(answer, format)));
    }
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(Body::Ordering {
        items: items.into_iter().map(|(_, item)| item).collect(),
    })
}

fn choices(node: Node, tag: &str) -> Result<Vec<Choice>, String> {
    elements(node, tag)
        .map(|choice| {
            let group = child(choice, "group").map(content).unwrap_or_default();
            let group = if group.trim().is_empty() {
                1
            } else {
                group
                    .trim()
                    .parse()
                    .map_err(|_| format!("the choice group \"{}\" is not a number", group.trim()))?
            };
            Ok(Choice {
                text: text_of(choice),
                group,
            })
        })
        .collect()
}

/// A number as Moodle writes it; a comma is read as a decimal point.
pub fn number(text: &str) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    value.is_finite().then_some(value)
}

/// The first child element called `name`.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// The child elements called `name`.
fn elements<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| n.has_tag_name(name))
}

/// All text inside an element (text and CDATA), untrimmed.
fn content(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The trimmed content of the `<text>` child, as Moodle's `import_text`.
fn text_of(node: Node) -> String {
    child(node, "text")
        .map(content)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The `<text>` of a child element with its `format` attribute (or `default`).
fn rich(node: Node, name: &str, default: Format) -> Option<Rich> {
    child(node, name).map(|n| rich_of(n, default))
}

fn rich_of(node: Node, default: Format) -> Rich {
    let format = node.attribute("format").map_or(default, Format::parse);
    Rich::new(text_of(node), format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::moodle_xml::read;

    fn items(xml: &str) -> Vec<Item> {
        let doc = read::document(xml).unwrap();
        read::questions(&doc)
            .unwrap()
            .into_iter()
            .map(super::read)
            .collect()
    }

    #[test]
    fn reads_a_multichoice_with_fractions_and_feedback() {
        let xml = r#"<quiz><question type="multichoice"><name><text>Pick</text></name>
            <questiontext format="html"><text><![CDATA[<p>Which?</p>]]></text></questiontext>
            <single>false</single><defaultgrade>2.5</defaultgrade>
            <answer fraction="50"><text>a</text><feedback><text>half</text></feedback></answer>
            <answer fraction="-100" format="plain_text"><text>b</text></answer>
            <tags><tag><text>Unit 1</text></tag></tags></question></quiz>"#;
        let [Item::Question(header, Body::MultiChoice { single, answers })] = &items(xml)[..]
        else {
            panic!("{:?}", items(xml));
        };
        assert!(!single);
        assert_eq!(header.name, "Pick");
        assert_eq!(header.text, Rich::new("<p>Which?</p>", Format::Html));
        assert_eq!(header.default_grade, Some(2.5));
        assert_eq!(header.tags, ["Unit 1"]);
        assert_eq!(answers[0].fraction, 0.5);
        assert_eq!(answers[0].feedback.text, "half");
        assert_eq!(answers[1].fraction, -1.0);
        assert_eq!(answers[1].text.format, Format::Plain);
    }

    #[test]
    fn skipped_types_name_the_type_and_the_question() {
        let xml = r#"<quiz><question type="calculatedsimple"><name><text>Area</text></name></question>
            <question type="wordselect"><name><text>W</text></name></question></quiz>"#;
        let reasons: Vec<String> = items(xml)
            .into_iter()
            .map(|i| match i {
                Item::Skip { reason, .. } => reason,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            reasons,
            [
                "calculatedsimple question \"Area\": its numbers are computed from random datasets",
                "wordselect question \"W\": termquiz does not know this question type"
            ]
        );
    }

    #[test]
    fn truefalse_answers_in_any_order_are_read_by_their_text() {
        let xml = r#"<quiz><question type="truefalse"><name><text>T</text></name>
            <answer fraction="100"><text>false</text><feedback><text>Yes</text></feedback></answer>
            <answer fraction="0"><text>true</text><feedback><text>No</text></feedback></answer>
            </question></quiz>"#;
        let [
            Item::Question(
                _,
                Body::TrueFalse {
                    answer,
                    feedback_true,
                    ..
                },
            ),
        ] = &items(xml)[..]
        else {
            panic!("{:?}", items(xml));
        };
        assert!(!answer);
        assert_eq!(feedback_true.as_ref().map(|r| r.text.as_str()), Some("No"));
    }

    #[test]
    fn numbers_read_as_moodle_writes_them() {
        assert_eq!(number(" 1.0000000 "), Some(1.0));
        assert_eq!(number("0,5"), Some(0.5));
        assert_eq!(number("inf"), None);
        assert!(!is_true("0") && !is_true("false") && is_true("true") && is_true("1"));
    }
}
