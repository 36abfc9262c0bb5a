//! What termquiz keeps on disk: history, result files, review state.

pub mod record;

pub use record::{QuestionRecord, SessionRecord};
