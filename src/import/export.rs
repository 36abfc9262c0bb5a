//! What an export gives back; the GIFT writer itself is `import::gift::export`.

pub use super::gift::export::{escape, to_gift};

/// A bank written in another format, the questions left out and what others lost.
#[derive(Debug, Default)]
pub struct Exported {
    /// The written text.
    pub text: String,
    /// `(index, id, reason)` of every question left out.
    pub skipped: Vec<(usize, String, String)>,
    /// `(index, id, what)` of every question written without some of its fields.
    pub lost: Vec<(usize, String, String)>,
}
