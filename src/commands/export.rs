//! `termquiz export`: write a bank as GIFT, CSV or Moodle XML; questions the format cannot hold
//! are left out with a note, values it can only approximate get a note.

use std::io::Write;

use super::output::write_output;
use crate::bank::{self, sanitize};
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Result;
use crate::import::{csv_export, export, moodle_xml};

/// Loads and validates the bank, then writes it in the asked format.
pub fn run(args: &ExportArgs) -> Result<()> {
    if let Some(out) = &args.output {
        super::output::refuse_input(out, std::slice::from_ref(&args.bank), "-o")?;
    }
    let bank = bank::load_file(&args.bank)?;
    let name = sanitize::path(&args.bank);
    let exported = match args.to {
        ExportFormat::Gift => export::to_gift(&bank),
        ExportFormat::Csv => csv_export::to_csv(&bank),
        ExportFormat::MoodleXml => {
            let written = moodle_xml::export::to_moodle_xml(&bank);
            let mut err = std::io::stderr().lock();
            for (index, id, note) in &written.notes {
                let (id, note) = (sanitize::escape(id), sanitize::escape(note));
                writeln!(
                    err,
                    "{name}: questions[{index}] (id \"{id}\"): note: {note}"
                )?;
            }
            return write_output(args.output.as_deref(), &written.text);
        }
    };
    let mut err = std::io::stderr().lock();
    let skipped = exported.skipped.iter().map(|s| (s, "skipped"));
    let mut notes: Vec<_> = skipped
        .chain(exported.lost.iter().map(|l| (l, "note")))
        .collect();
    notes.sort_by_key(|((index, _, _), _)| *index);
    for ((index, id, reason), what) in notes {
        let id = sanitize::escape(id);
        let reason = sanitize::escape(reason);
        writeln!(
            err,
            "{name}: questions[{index}] (id \"{id}\"): {what}: {reason}"
        )?;
    }
    write_output(args.output.as_deref(), &exported.text)
}
