//! The quiz engine: pure, no I/O. It takes answers and returns grades.

pub mod answer;
pub mod correct;
pub mod distance;
pub mod grade;
pub mod in_words;
pub mod order;
pub mod parts;
pub mod score;
pub mod session;
#[cfg(test)]
mod session_tests;

pub use answer::Answer;
pub use grade::Grade;
pub use order::Presented;
pub use session::{Outcome, Session, SessionConfig, SessionError, Turn, correct_answer};
