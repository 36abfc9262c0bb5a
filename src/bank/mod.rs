//! Question banks: the typed model, loading with diagnostics, untrusted-text escaping, filters.

pub(crate) mod checked;
pub mod diagnostic;
pub mod filter;
pub mod id;
pub mod input;
pub mod kinds;
pub mod load;
pub mod model;
pub mod owned;
pub mod pairs;
pub mod parse;
mod pieces;
pub mod raw;
mod reread;
pub mod sanitize;
pub mod schema;
pub mod selection;
mod stream;
mod sweep;
mod validate;

pub use diagnostic::{Diagnostic, Location};
pub use load::{LoadError, default_bank, load_file, load_paths};
pub use model::{
    Bank, Cloze, Credits, Difficulty, Feedback, Gap, GapKind, Kind, Match, Multi, Number,
    NumberAnswer, Order, Question, Single, Text, TrueFalse, Unit,
};
pub use parse::parse;
pub use validate::entry;
