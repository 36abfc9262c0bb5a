//! What termquiz keeps on disk (history, result files, review state) and what is computed from it.

pub mod atomic;
mod error;
pub mod from_session;
pub mod history;
pub mod lock;
pub mod paths;
pub mod record;
pub mod report;
pub mod results;
pub mod review;
pub mod stats;

pub use error::StoreError;
pub use record::{QuestionRecord, SessionRecord};
