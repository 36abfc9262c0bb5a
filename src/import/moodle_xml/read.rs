//! Step 1 of the pipeline: read the XML and split it into located `<question>` elements.

use roxmltree::{Document, Node, ParsingOptions, TextPos};

use crate::import::ImportError;

/// Parses the document; a DOCTYPE is refused so that no entity can expand (billion laughs).
pub fn document(text: &str) -> Result<Document<'_>, ImportError> {
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|e| read_error(text, &e))
}

/// One `<question>` element and the line it starts on.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a, 'input> {
    /// 1-based line of the `<question` tag.
    pub line: usize,
    /// The element.
    pub node: Node<'a, 'input>,
}

/// The `<question>` elements of a `<quiz>` (or the root itself when it is one `<question>`).
pub fn questions<'a, 'input>(
    doc: &'a Document<'input>,
) -> Result<Vec<Located<'a, 'input>>, ImportError> {
    let root = doc.root_element();
    // Lines counted forward from the previous question: `text_pos_at` rescans from the start.
    let text = doc.input_text();
    let (mut line, mut offset) = (1, 0);
    let mut located = |node: Node<'a, 'input>| {
        let start = node.range().start;
        line += text.as_bytes()[offset..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        offset = start;
        Located { line, node }
    };
    match root.tag_name().name() {
        "quiz" => Ok(root
            .children()
            .filter(|n| n.has_tag_name("question"))
            .map(&mut located)
            .collect()),
        "question" => Ok(vec![located(root)]),
        other => {
            let pos = doc.text_pos_at(root.range().start);
            Err(xml_error(
                pos,
                format!("the root element is <{other}>; Moodle XML starts with <quiz>"),
            ))
        }
    }
}

/// `line:col: message` for a roxmltree error, with its own ` at line:col` suffix removed.
fn read_error(text: &str, error: &roxmltree::Error) -> ImportError {
    if let roxmltree::Error::DtdDetected = error {
        let offset = text.find("<!DOCTYPE").unwrap_or(0);
        return xml_error(
            position_of(text, offset),
            "a DOCTYPE is not allowed in Moodle XML (its entities could expand without bound); remove it",
        );
    }
    let pos = match error {
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => {
            position_of(text, text.len())
        }
        _ => error.pos(),
    };
    let message = error.to_string().replace(&format!(" at {pos}"), "");
    xml_error(pos, message)
}

fn xml_error(pos: TextPos, message: impl Into<String>) -> ImportError {
    ImportError::Xml {
        line: pos.row as usize,
        column: pos.col as usize,
        message: message.into(),
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset.
fn position_of(text: &str, offset: usize) -> TextPos {
    let before = &text[..offset.min(text.len())];
    let row = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    TextPos::new(row as u32, col as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        match document(text) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("parsed"),
        }
    }

    #[test]
    fn a_doctype_fails_at_its_line() {
        let text =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY a \"aaaa\">]>\n<quiz>&a;</quiz>";
        assert_eq!(
            error_of(text),
            "2:1: a DOCTYPE is not allowed in Moodle XML (its entities could expand without bound); remove it"
        );
    }

    #[test]
    fn malformed_xml_names_line_and_column() {
        let text = "<quiz>\n  <question type=\"truefalse\">\n    <name></nam>\n";
        assert_eq!(error_of(text), "3:11: expected 'name' tag, not 'nam'");
        assert_eq!(
            error_of("<quiz>\n<question>"),
            "2:11: the root node was opened but never closed"
        );
    }

    #[test]
    fn questions_are_located_by_line() {
        let text = "<quiz>\r\n<question type=\"a\"/>\r\n\r\n<question type=\"b\"/></quiz>";
        let doc = document(text).unwrap();
        let lines: Vec<usize> = questions(&doc).unwrap().iter().map(|q| q.line).collect();
        assert_eq!(lines, [2, 4]);
        let doc = document("<questions/>").unwrap();
        assert_eq!(
            questions(&doc).unwrap_err().to_string(),
            "1:1: the root element is <questions>; Moodle XML starts with <quiz>"
        );
    }
}
