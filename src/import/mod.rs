//! Importers from GIFT, Aiken and Open Trivia DB, and the GIFT exporter.

pub mod aiken;
pub mod common;
pub mod export;
pub mod gift;
pub mod opentdb;

pub use common::{Draft, IdMaker, ImportError, Imported, Parsed, Skipped};
