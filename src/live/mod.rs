//! A live class: `termquiz host` serves one quiz to many students over TCP, each through
//! plain mode's line protocol; `termquiz join` is a student's terminal front end.
//!
//! Threads, not async: a class is tens to a few hundred connections, each mostly waiting
//! for a person, and a blocking thread per connection lets the host drive plain mode's
//! `Prompter` over a socket unchanged (std only, no runtime, no second I/O model).

pub mod client;
pub mod hub;
pub mod lan;
pub mod liveness;
pub mod protocol;
pub mod scrape;
pub mod server;
pub mod student;
pub mod teacher;
pub mod wire;

use std::time::Duration;

use crate::engine::{Session, SessionConfig};

/// Who sets the pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Each student at their own speed.
    Own,
    /// The teacher moves everyone to the next question at once.
    Teacher,
}

/// Everything `host` needs, free of command-line types.
#[derive(Debug, Clone)]
pub struct HostConfig {
    /// Address and port to listen on.
    pub listen: String,
    /// The PIN students type after their name.
    pub pin: String,
    /// Start when this many students joined (and, without a terminal, end when all are done).
    pub players: Option<usize>,
    /// Self or teacher pace.
    pub pace: Pace,
    /// Exam mode: no feedback and no right answers until the end.
    pub exam: bool,
    /// Scoring and timing for every student (the seed lays out the questions).
    pub session: SessionConfig,
    /// Bank indices of the questions, the same for everyone, in order.
    pub questions: Vec<usize>,
    /// Connections open at once.
    pub max_connections: usize,
    /// How long a client may stay silent.
    pub idle: Duration,
    /// Wrong PINs per address.
    pub pin_tries: u32,
    /// The host has a terminal: a live table, Enter starts and moves on.
    pub interactive: bool,
}

/// Where a student's result goes (the store, chosen by the command).
pub trait Saver: Sync {
    /// Saves the session of `name` (finished or not); returns the line for the host's log.
    fn save(&self, name: &str, started_at: jiff::Timestamp, session: &Session) -> String;
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every student finished or left.
    Finished,
    /// The teacher pressed Ctrl-C (or a signal came).
    Interrupted,
}
