//! What termquiz keeps on disk: history, result files, review state.

pub mod from_session;
pub mod record;

pub use record::{QuestionRecord, SessionRecord};
