//! What termquiz keeps on disk: history, result files, review state; and what is computed from them.

pub mod atomic;
pub mod error;
pub mod history;
pub mod paths;
pub mod record;
pub mod report;
pub mod results;
pub mod review;
pub mod stats;

pub use error::{StoreError, Warning};
pub use record::{QuestionRecord, SessionRecord};
