//! Question banks: the typed model, loading with diagnostics, untrusted-text escaping, filters.

pub mod diagnostic;
pub mod filter;
pub mod id;
pub mod input;
pub mod load;
pub mod model;
pub mod parse;
pub mod raw;
pub mod sanitize;
pub mod schema;
mod validate;

pub use diagnostic::{Diagnostic, Location};
pub use load::{LoadError, default_bank, load_file, load_paths};
pub use model::{Bank, Difficulty, Kind, Question};
pub use parse::{check, parse};
