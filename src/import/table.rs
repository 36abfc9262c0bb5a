//! Spreadsheet-like input split into numbered rows of trimmed cells, and header lookup:
//! the first step of the CSV, Kahoot, Blooket, Blackboard and flashcard importers.

use super::common::ImportError;

/// One row of a sheet: its spreadsheet number (1-based, blank lines counted) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row number a spreadsheet shows for it.
    pub number: usize,
    /// The line of the text where it starts.
    pub line: usize,
    /// The cells, outer spaces trimmed.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell at `index`, or `""` past the end of a short row.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }

    /// True when every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// The delimiter of a header line: whichever of tab, `;` and `,` it holds most (`,` on a tie).
pub fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |d: char| first.chars().filter(|&c| c == d).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(char::from(d)), d == b','))
        .unwrap_or(b',')
}

/// Reads delimited text (quoted cells may hold the delimiter, quotes and newlines).
pub fn read_rows(text: &str, delimiter: u8) -> Result<Vec<Row>, ImportError> {
    read_rows_quoted(text, delimiter, true)
}

/// Like [`read_rows`]; with `quoting` off a `"` is an ordinary character (Quizlet, Blackboard).
pub fn read_rows_quoted(text: &str, delimiter: u8, quoting: bool) -> Result<Vec<Row>, ImportError> {
    rows(text, delimiter, quoting).collect()
}

/// The rows of delimited text one at a time, as [`read_rows_quoted`] reads them; an error
/// ends them.
pub fn rows(text: &str, delimiter: u8, quoting: bool) -> Rows<'_> {
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(quoting)
        .from_reader(text.as_bytes());
    Rows {
        reader,
        bytes: text.as_bytes(),
        record: csv::StringRecord::new(),
        number: 0,
        failed: false,
    }
}

/// The rows of a sheet: see [`rows`].
pub struct Rows<'t> {
    reader: csv::Reader<&'t [u8]>,
    bytes: &'t [u8],
    record: csv::StringRecord,
    number: usize,
    failed: bool,
}

impl Iterator for Rows<'_> {
    type Item = Result<Row, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.reader.read_record(&mut self.record) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => {
                self.failed = true;
                let row = e
                    .position()
                    .map_or(self.number + 1, |p| p.record() as usize + 1);
                return Some(Err(ImportError::Shape(format!("row {row}: {e}"))));
            }
        }
        // The reader skips blank lines, which a spreadsheet counts as rows.
        let position = self.record.position();
        let start = position.map_or(0, |p| p.byte() as usize);
        let blank = self.bytes[start.min(self.bytes.len())..]
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .filter(|&&b| b == b'\n')
            .count();
        self.number += 1 + blank;
        let line = position.map_or(self.number, |p| p.line() as usize) + blank;
        let cells = self.record.iter().map(|c| c.trim().to_string()).collect();
        Some(Ok(Row {
            number: self.number,
            line,
            cells,
        }))
    }
}

/// A header row's titles, folded for lookup.
#[derive(Debug, Clone)]
pub struct Header {
    titles: Vec<String>,
}

impl Header {
    /// The header of `row`.
    pub fn new(row: &Row) -> Self {
        Header {
            titles: row.cells.iter().map(|c| fold_title(c)).collect(),
        }
    }

    /// The index of the first column whose folded title starts with `prefix` (folded too).
    pub fn find(&self, prefix: &str) -> Option<usize> {
        let prefix = fold_title(prefix);
        self.titles.iter().position(|t| t.starts_with(&prefix))
    }

    /// The index of the column whose folded title is exactly `name` (folded too).
    pub fn exact(&self, name: &str) -> Option<usize> {
        let name = fold_title(name);
        self.titles.iter().position(|t| *t == name)
    }

    /// The folded titles, in column order.
    pub fn titles(&self) -> &[String] {
        &self.titles
    }
}

/// A title folded for comparison: lowercase, runs of spaces, `_`, `-` and dashes as one space.
pub fn fold_title(title: &str) -> String {
    let spaced: String = title
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '_' | '-' | '\u{2013}' | '\u{2014}' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_blank_lines_and_multiline_cells_like_a_spreadsheet() {
        let text = "a,b\n\n\"x\ny\",z\nlast , one \n";
        let rows = read_rows(text, b',').unwrap();
        let numbers: Vec<_> = rows.iter().map(|r| (r.number, r.line)).collect();
        assert_eq!(numbers, [(1, 1), (3, 3), (4, 5)]);
        assert_eq!(rows[1].cells, ["x\ny", "z"]);
        assert_eq!(rows[2].cells, ["last", "one"]);
    }

    #[test]
    fn delimiter_is_the_most_frequent_in_the_header() {
        assert_eq!(detect_delimiter("a;b;c\n1,2;3"), b';');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
        assert_eq!(detect_delimiter("a,b\n"), b',');
        assert_eq!(detect_delimiter("a\n"), b',');
    }

    #[test]
    fn titles_fold_dashes_case_and_underscores() {
        assert_eq!(
            fold_title("Time limit (sec) \u{2013} 5, 10"),
            "time limit (sec) 5, 10"
        );
        assert_eq!(fold_title(" Time_Limit "), "time limit");
        let header = Header::new(&Row {
            number: 1,
            line: 1,
            cells: vec!["Question - max 120 characters".into(), "time_limit".into()],
        });
        assert_eq!(header.find("question"), Some(0));
        assert_eq!(header.exact("time limit"), Some(1));
    }
}
