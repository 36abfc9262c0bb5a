//! Moodle texts (html, moodle_auto_format, plain_text, markdown) made readable in a terminal.

use super::terms::{Format, Rich};

/// The text as a player should read it; images become `[image: name]`.
pub fn readable(rich: &Rich) -> String {
    match rich.format {
        Format::Html => html_to_text(&images(&rich.text)),
        // Moodle auto-format is HTML in which a line break is a line break.
        Format::MoodleAuto => html_to_text(&images(&rich.text).replace('\n', "<br>")),
        Format::Plain | Format::Markdown => tidy(&rich.text),
    }
}

/// `<img src="@@PLUGINFILE@@/flag.png" alt="…">` → `[image: flag.png]`.
fn images(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_tag(rest, "img") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        let name = attribute(tag, "src")
            .map(|src| file_name(&src))
            .filter(|n| !n.is_empty())
            .or_else(|| attribute(tag, "alt"))
            .unwrap_or_else(|| "image".to_string());
        out.push_str(&format!(" [image: {name}] "));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The last segment of a file URL, percent-decoding spaces and the like.
fn file_name(src: &str) -> String {
    let last = src.rsplit('/').next().unwrap_or(src);
    let last = last.split(['?', '#']).next().unwrap_or(last);
    percent_decode(last)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Case-insensitive position of `<name` followed by a space, `/` or `>`.
fn find_tag(html: &str, name: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let needle = format!("<{name}");
    let mut from = 0;
    while let Some(found) = lower[from..].find(&needle) {
        let at = from + found;
        match lower.as_bytes().get(at + needle.len()) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>') | None => return Some(at),
            _ => from = at + 1,
        }
    }
    None
}

/// The value of `name="…"` (or `'…'`) in one tag, entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let value = tag[value_start..].trim_start();
        let quote = value.chars().next()?;
        let value = if quote == '"' || quote == '\'' {
            let inner = &value[1..];
            &inner[..inner.find(quote).unwrap_or(inner.len())]
        } else {
            let end = value.find(|c: char| c.is_whitespace() || c == '>' || c == '/');
            &value[..end.unwrap_or(value.len())]
        };
        return Some(html_escape::decode_html_entities(value).into_owned());
    }
    None
}

/// Stand-in until `import::common::html_to_text` lands: tags dropped, blocks on their own lines.
fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match name {
            "br" | "p" | "div" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" => {
                out.push('\n')
            }
            "li" if !tag.starts_with('/') => out.push_str("\n* "),
            "td" | "th" => out.push(' '),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    tidy(&html_escape::decode_html_entities(&out))
}

/// Spaces collapsed inside lines, blank lines collapsed, no-break spaces made plain.
fn tidy(text: &str) -> String {
    let text = text.replace(['\u{a0}', '\r'], " ");
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        readable(&Rich::new(text, Format::Html))
    }

    #[test]
    fn images_show_their_file_name() {
        assert_eq!(
            html(r#"<p>Moodle <img src="@@PLUGINFILE@@/logo%20big.jpg" alt="Moodle logo" /> is</p>"#),
            "Moodle [image: logo big.jpg] is"
        );
        assert_eq!(html(r#"<IMG alt='a &amp; b'>"#), "[image: a & b]");
    }

    #[test]
    fn blocks_break_lines_and_entities_decode() {
        assert_eq!(
            html("<p>What is <b>2&nbsp;+&nbsp;2</b>?</p><ul><li>a</li><li>b &lt; c</li></ul>"),
            "What is 2 + 2?\n* a\n* b < c"
        );
        assert_eq!(
            readable(&Rich::new("one\ntwo <i>x</i>", Format::MoodleAuto)),
            "one\ntwo x"
        );
        assert_eq!(readable(&Rich::new("  a <b>  ", Format::Plain)), "a <b>");
    }
}
