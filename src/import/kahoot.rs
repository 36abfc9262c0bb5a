//! Kahoot's quiz spreadsheet (XLSX): the first sheet's cells → rows → the template's columns.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::common::{ImportError, Parsed};
use super::quiz_game::{self, Template};
use super::table::Row;

/// Kahoot's column titles; the time limit title has an en dash: "Time limit (sec) – 5, 10, 20…".
pub const KAHOOT: Template = Template {
    tool: "Kahoot",
    question: "Question",
    answer: "Answer",
    time_limit: "Time limit (sec)",
    correct: "Correct answer(s)",
};

/// Reads the first sheet of an XLSX file laid out like Kahoot's template.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    let rows = xlsx_rows(bytes)?;
    quiz_game::parse(&rows, &KAHOOT)
}

/// The first sheet's rows, numbered as the spreadsheet shows them; numbers as written (`2`, not `2.0`).
pub fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let unreadable =
        |e: calamine::Error| ImportError::Shape(format!("not a readable XLSX file: {e}"));
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| ImportError::Shape("the workbook has no sheet".into()))?
        .map_err(unreadable)?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let number = first_row as usize + i + 1;
            // Columns left of the range are empty; keep them so indexes match the sheet's.
            let padding = std::iter::repeat_n(String::new(), first_column as usize);
            let cells = padding.chain(cells.iter().map(cell_text)).collect();
            Row {
                number,
                line: number,
                cells,
            }
        })
        .collect();
    Ok(rows)
}

fn cell_text(cell: &Data) -> String {
    cell.to_string().trim().to_string()
}
