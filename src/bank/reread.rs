//! Questions of a checked bank file read again, by their byte spans, without holding the
//! file: the one open file is read forward while the spans go forward.

use std::io::{self, Read, Seek};
use std::ops::Range;

use super::checked::{Text, changed, open_unchanged};
use super::load::LoadError;
use super::model::Question;

/// Reads questions of a checked file again, by their spans: from memory, or from the file
/// kept open and read forward while the spans go forward.
pub(crate) struct Reread<'t> {
    name: &'t str,
    text: &'t Text,
    /// The open file and the offset it is read up to.
    file: Option<(io::BufReader<std::fs::File>, u64)>,
}

impl<'t> Reread<'t> {
    pub(crate) fn new(name: &'t str, text: &'t Text) -> Self {
        Reread {
            name,
            text,
            file: None,
        }
    }

    /// The question at `span`; a file changed since it was checked is an error.
    pub(crate) fn question(&mut self, span: Range<u64>) -> Result<Question, LoadError> {
        let name = self.name;
        let read_error = LoadError::read(name);
        let (Ok(start), Ok(end)) = (usize::try_from(span.start), usize::try_from(span.end)) else {
            return Err(changed(name));
        };
        let bytes = match self.text {
            Text::Memory(bytes) => {
                return super::parse::question_at(name, bytes, start..end)
                    .map_err(LoadError::Invalid);
            }
            Text::Disk { path, stamp } => {
                let (file, at) = match &mut self.file {
                    Some(open) => open,
                    none => {
                        let file = open_unchanged(name, path, stamp)?;
                        none.insert((io::BufReader::new(file), 0))
                    }
                };
                let mut bytes = vec![0; end - start];
                let moved = match span.start.checked_sub(*at).map(i64::try_from) {
                    Some(Ok(forward)) => file.seek_relative(forward),
                    _ => file.seek(io::SeekFrom::Start(span.start)).map(|_| ()),
                };
                moved
                    .and_then(|()| file.read_exact(&mut bytes))
                    .map_err(read_error)?;
                *at = span.end;
                bytes
            }
        };
        super::parse::question_at(name, &bytes, 0..bytes.len()).map_err(LoadError::Invalid)
    }
}
