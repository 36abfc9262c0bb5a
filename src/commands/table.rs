//! Aligned text tables for people, and RFC 4180 CSV for spreadsheets.

use std::io::{self, Write};

use console::{Alignment, Style, measure_text_width, pad_str};

use crate::bank::sanitize::one_line;

/// No cell is wider than this; longer text is cut with `…`.
const MAX_CELL: usize = 40;

/// Writes a bold header and rows with columns padded to fit; cells must be one-line, escaped text.
/// Columns listed in `right` are right-aligned (numbers).
pub fn write_aligned(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
    right: &[usize],
) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| measure_text_width(h)).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(measure_text_width(cell).min(MAX_CELL));
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let bold = Style::new().bold();
    writeln!(out, "{}", bold.apply_to(line(&header, &widths, right)))?;
    for row in rows {
        writeln!(out, "{}", line(row, &widths, right))?;
    }
    Ok(())
}

fn line(cells: &[String], widths: &[usize], right: &[usize]) -> String {
    let parts: Vec<String> = cells
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(column, (cell, &width))| {
            let align = if right.contains(&column) {
                Alignment::Right
            } else {
                Alignment::Left
            };
            pad_str(cell, width, align, Some("…")).into_owned()
        })
        .collect();
    parts.join("  ").trim_end().to_string()
}

/// A percentage for people: `67%`.
pub fn percent_label(percent: f64) -> String {
    format!("{}%", percent.round())
}

/// One CSV record: fields joined by commas, ended by CRLF as RFC 4180 asks.
pub fn csv_record(fields: &[String]) -> String {
    let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\r\n", fields.join(","))
}

/// A CSV field from untrusted text: controls escaped, newlines folded, a leading `=`, `+`,
/// `-` or `@` (a spreadsheet formula) neutralised with `'` unless the text is a number,
/// quoted with `"` doubled when needed.
pub fn csv_field(text: &str) -> String {
    let mut text = one_line(text);
    let formula = text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err();
    if formula {
        text.insert(0, '\'');
    }
    if text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_escapes_and_defuses_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5"), "-5");
        assert_eq!(csv_field("a\nb\u{1b}"), "a b\\u{1b}");
        assert_eq!(csv_record(&["x".into(), "".into()]), "x,\r\n");
    }

    #[test]
    fn aligned_columns_pad_and_cut() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["Ann".to_string(), "5".to_string()],
            vec!["x".repeat(50), "10".into()],
        ];
        write_aligned(&mut out, &["NAME", "N"], &rows, &[1]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], format!("Ann{}   5", " ".repeat(37)));
        assert!(
            lines[2].starts_with(&format!("{}…", "x".repeat(39))),
            "{}",
            lines[2]
        );
    }
}
