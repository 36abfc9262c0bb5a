//! What termquiz keeps on disk: history, result files, review state.

pub mod atomic;
mod error;
pub mod from_session;
pub mod history;
pub mod paths;
pub mod record;
pub mod results;

pub use error::StoreError;
pub use record::{QuestionRecord, SessionRecord};
