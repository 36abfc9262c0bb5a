//! HTML from Moodle and other quiz tools as readable plain text.

/// Width given to the renderer: wide enough that no line of a question is ever wrapped.
const NO_WRAP: usize = 100_000;

/// HTML as readable text: tags removed, entities decoded, `<br>`, `<p>` and `<li>` as line
/// breaks, images as `[image: alt or file name]`, no-break spaces as spaces.
pub fn html_to_text(html: &str) -> String {
    let with_images = images_as_text(html);
    let rendered = html2text::config::plain_no_decorate()
        .no_table_borders()
        .allow_width_overflow()
        .string_from_read(with_images.as_bytes(), NO_WRAP)
        // Rendering only fails on a width too narrow, which overflow rules out; keep the text then.
        .unwrap_or_else(|_| html_escape::decode_html_entities(&with_images).into_owned());
    tidy(&rendered)
}

/// Whether `text` holds markup or entities worth rendering (`<b>`, `</p>`, `<!--`, `&amp;`).
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'<' => bytes
            .get(i + 1)
            .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!'),
        b'&' => entity_at(&text[i..]),
        _ => false,
    })
}

fn entity_at(text: &str) -> bool {
    let Some(end) = text.find(';') else {
        return false;
    };
    let name = &text[1..end];
    (2..=10).contains(&name.len())
        && (name.chars().all(|c| c.is_ascii_alphanumeric()) || name.starts_with('#'))
}

/// Lines without trailing spaces, no-break spaces as spaces, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.replace('\u{a0}', " ").lines() {
        let line = line.trim_end();
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run < 2 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim().to_string()
}

/// Replaces each `<img …>` with the text `[image: alt]`, or its file name when it has no alt.
fn images_as_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_img(rest) {
        out.push_str(&rest[..start]);
        let tag_end = tag_end(&rest[start..]).map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..tag_end];
        let label = attribute(tag, "alt")
            .filter(|a| !a.trim().is_empty())
            .or_else(|| attribute(tag, "src").map(|s| file_name(&s)))
            .unwrap_or_default();
        let label = html_escape::decode_html_entities(&label).trim().to_string();
        out.push_str(&html_escape::encode_text(&format!("[image: {label}]")));
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

fn find_img(html: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    lower.match_indices("<img").map(|(i, _)| i).find(|&i| {
        lower[i + 4..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '/' || c == '>')
    })
}

/// Offset of the `>` closing the tag at the start of `tag`, skipping quoted values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a start tag (quoted or not).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - after.len() + 1;
        let value = tag[value_at..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .to_string(),
        });
    }
    None
}

/// The last path segment of an image address (`@@PLUGINFILE@@/dir/pic%20a.png` → `pic a.png`).
fn file_name(src: &str) -> String {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    let name = path.rsplit('/').next().unwrap_or(path);
    percent_encoding::percent_decode_str(name)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_removed_entities_decoded_breaks_kept() {
        assert_eq!(
            html_to_text("<p>What is <b>2+2</b>?</p><ul><li>a</li><li>b</li></ul>"),
            "What is 2+2?\n* a\n* b"
        );
        assert_eq!(html_to_text("a<br>b<br/>c"), "a\nb\nc");
        assert_eq!(
            html_to_text("caf&eacute;&nbsp;x &lt;tag&gt;"),
            "café x <tag>"
        );
        assert_eq!(html_to_text("<p>one</p><p>two</p>"), "one\n\ntwo");
    }

    #[test]
    fn images_become_their_alt_or_file_name() {
        assert_eq!(
            html_to_text(r#"x <img src="@@PLUGINFILE@@/dir/pic%20a.png" alt=""> y"#),
            "x [image: pic a.png] y"
        );
        assert_eq!(
            html_to_text("<IMG ALT='A &amp; B' SRC=x.png/>"),
            "[image: A & B]"
        );
        assert_eq!(html_to_text("<img src=map.gif>"), "[image: map.gif]");
    }

    #[test]
    fn markup_is_recognised_but_comparisons_are_not() {
        assert!(looks_like_html("<b>x</b>"));
        assert!(looks_like_html("a&nbsp;b"));
        assert!(looks_like_html("a&#39;b"));
        assert!(!looks_like_html("3 < 5 & 6 > 2"));
        assert!(!looks_like_html("R&D; costs"));
    }
}
