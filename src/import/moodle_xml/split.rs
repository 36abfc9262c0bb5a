//! Step 1 for big files: the `<question>` elements of a `<quiz>` found by a light scan of
//! its tags, so that each is parsed on its own and memory holds one question's tree at a
//! time (roxmltree's tree of a whole export is several times the file). The scan knows only
//! the plain shape Moodle writes; on anything else (a DOCTYPE, namespaces, a root other than
//! `<quiz>`, text it cannot place) it gives up and the whole document is read as before.
//! Everything outside the questions is still checked by roxmltree, as a skeleton.

use std::ops::Range;

use roxmltree::Document;

/// Where one `<question>` element is: its bytes and the line of its `<`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// 1-based line of the `<question` tag.
    pub line: usize,
    /// The element's bytes, from `<question` to the end of `</question>`.
    pub range: Range<usize>,
}

/// The `<question>` elements of a well-formed `<quiz>` without namespaces, in file order;
/// `None` when the file needs the whole-document reader (which also finds its errors).
pub fn spans(text: &str) -> Option<Vec<Span>> {
    let spans = scan(text)?;
    skeleton_is_sound(text, &spans).then_some(spans)
}

/// The question elements found by the tag scan, with their lines.
fn scan(text: &str) -> Option<Vec<Span>> {
    let b = text.as_bytes();
    let mut at = prolog_end(b)?;
    let root = start_tag(b, at)?;
    let tag = &b[at..root.end];
    if root.name != b"quiz" || root.empty || contains(tag, b"xmlns") {
        return None;
    }
    at = root.end;
    let (mut line, mut counted) = (1, 0);
    let mut spans = Vec::new();
    // Depth below <quiz>, and where the open <question> child started.
    let mut depth = 0usize;
    let mut open: Option<usize> = None;
    loop {
        // `at` always follows an ASCII byte, so it is a char boundary; str::find is fast.
        let lt = at + text.get(at..)?.find('<')?;
        let rest = &b[lt..];
        if let Some(end) = skip_special(b, lt) {
            at = end?;
            continue;
        }
        if rest.starts_with(b"</") {
            let end = lt + rest.iter().position(|&c| c == b'>')? + 1;
            if depth == 0 {
                // The end of <quiz>: anything after it is left to the skeleton check.
                return (b[lt + 2..end - 1].trim_ascii() == b"quiz").then_some(spans);
            }
            depth -= 1;
            if depth == 0
                && let Some(start) = open.take()
            {
                line += count_lines(&b[counted..start]);
                counted = start;
                spans.push(Span {
                    line,
                    range: start..end,
                });
            }
            at = end;
            continue;
        }
        let tag = start_tag(b, lt)?;
        if depth == 0 {
            if tag.name.contains(&b':') {
                return None;
            }
            if tag.name == b"question" {
                open = Some(lt);
            }
        }
        if !tag.empty {
            depth += 1;
        } else if depth == 0
            && let Some(start) = open.take()
        {
            line += count_lines(&b[counted..start]);
            counted = start;
            spans.push(Span {
                line,
                range: start..tag.end,
            });
        }
        at = tag.end;
    }
}

/// Where the root element starts: after the XML declaration, comments, processing
/// instructions and spaces (a DOCTYPE is not skipped: the whole-document reader refuses it).
fn prolog_end(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        at += b[at..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        match skip_special(b, at) {
            Some(end) => at = end?,
            None => return Some(at),
        }
    }
}

/// The end of a comment, CDATA section or processing instruction starting at `lt`
/// (`Some(None)` when it never ends, or for any other `<!` markup); `None` for a tag.
fn skip_special(b: &[u8], lt: usize) -> Option<Option<usize>> {
    let rest = &b[lt..];
    let (open, close): (&[u8], &[u8]) = if rest.starts_with(b"<!--") {
        (b"<!--", b"-->")
    } else if rest.starts_with(b"<![CDATA[") {
        (b"<![CDATA[", b"]]>")
    } else if rest.starts_with(b"<?") {
        (b"<?", b"?>")
    } else if rest.starts_with(b"<!") {
        return Some(None);
    } else {
        return None;
    };
    let from = lt + open.len();
    Some(find(&b[from..], close).map(|i| from + i + close.len()))
}

/// A start tag: its name, where it ends and whether it is empty (`<x/>`).
struct StartTag<'b> {
    name: &'b [u8],
    end: usize,
    empty: bool,
}

/// The start tag at `lt`, its attribute values skipped whole (they may hold `>`).
fn start_tag(b: &[u8], lt: usize) -> Option<StartTag<'_>> {
    let rest = b.get(lt + 1..)?;
    let name_len = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')?;
    let name = &rest[..name_len];
    if name.is_empty() || matches!(name[0], b'!' | b'?' | b'/') {
        return None;
    }
    let mut at = lt + 1 + name_len;
    loop {
        match *b.get(at)? {
            quote @ (b'"' | b'\'') => {
                at += 1 + b[at + 1..].iter().position(|&c| c == quote)? + 1;
            }
            b'>' => {
                return Some(StartTag {
                    name,
                    end: at + 1,
                    empty: b[at - 1] == b'/',
                });
            }
            _ => at += 1,
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut from = 0;
    while let Some(i) = haystack[from..].iter().position(|c| c == first) {
        let at = from + i;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn count_lines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

/// Whether the document with every question replaced by `<question/>` is well-formed XML
/// whose root holds exactly those questions: then the whole file is well-formed exactly
/// when each question is, and the questions are the ones the whole-document reader sees.
fn skeleton_is_sound(text: &str, spans: &[Span]) -> bool {
    let mut skeleton = String::new();
    let mut from = 0;
    for span in spans {
        skeleton.push_str(&text[from..span.range.start]);
        skeleton.push_str("<question/>");
        from = span.range.end;
    }
    skeleton.push_str(&text[from..]);
    let Ok(doc) = super::read::document(&skeleton) else {
        return false;
    };
    let root = doc.root_element();
    root.has_tag_name("quiz")
        && root
            .children()
            .filter(|n| n.has_tag_name("question"))
            .count()
            == spans.len()
}

/// Parses one question span on its own.
pub fn question<'t>(text: &'t str, span: &Span) -> Option<Document<'t>> {
    let doc = super::read::document(&text[span.range.clone()]).ok()?;
    doc.root_element().has_tag_name("question").then_some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_and_texts(text: &str) -> Option<Vec<(usize, &str)>> {
        let spans = spans(text)?;
        Some(
            spans
                .iter()
                .map(|s| (s.line, &text[s.range.clone()]))
                .collect(),
        )
    }

    #[test]
    fn questions_are_found_past_comments_cdata_and_quoted_brackets() {
        let text = "<?xml version=\"1.0\"?>\n<!-- <question> -->\n<quiz>\n<question type=\"a>b\"><t><![CDATA[</question>]]></t></question>\n\n  <question type='c'/><!-- x --></quiz>\n";
        assert_eq!(
            lines_and_texts(text),
            Some(vec![
                (
                    4,
                    "<question type=\"a>b\"><t><![CDATA[</question>]]></t></question>"
                ),
                (6, "<question type='c'/>"),
            ])
        );
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_document_reader() {
        for text in [
            "<!DOCTYPE quiz><quiz></quiz>",
            "<quiz xmlns=\"u\"><question/></quiz>",
            "<quiz><x:question xmlns:x=\"u\"/></quiz>",
            "<question type=\"truefalse\"/>",
            "<quiz><question></quiz>",
            "<quiz><question/></quiz><junk>",
            "<quiz>&bad;<question/></quiz>",
            "<quiz><question/>",
        ] {
            assert_eq!(lines_and_texts(text), None, "{text}");
        }
        assert_eq!(lines_and_texts("<quiz/>"), None);
        assert_eq!(lines_and_texts("<quiz>\n</quiz>"), Some(vec![]));
    }
}
