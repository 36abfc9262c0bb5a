//! The line protocol of `termquiz host`: what is sent, what is accepted, the limits.
//!
//! A student's client (`nc`, `telnet`, `termquiz join`) gets plain mode's text: the host
//! asks `Name: ` then `PIN: `, sends each question exactly as plain mode prints it, and
//! reads one answer line in plain mode's syntax. Nothing sent ever carries a right answer
//! before that student answered that question (in exam mode, never while others play).

use std::time::Duration;

use crate::bank::sanitize::is_unsafe;
use crate::ui::LineRules;

/// The port `host` listens on and `join` connects to when none is given.
pub const DEFAULT_PORT: u16 = 7777;
/// Longest line accepted from a client, newline included; a longer one ends the connection.
pub const MAX_LINE_BYTES: u64 = 4096;
/// Longest player name, in characters.
pub const MAX_NAME_CHARS: usize = 32;
/// Connections open at once (students, lobby and handshakes); more are told the room is full.
pub const DEFAULT_MAX_CONNECTIONS: usize = 500;
/// Seconds a client may stay silent while the host waits for its line.
pub const DEFAULT_IDLE_SECS: u64 = 600;
/// Seconds a client may take over the PIN and the name (at most the idle time), so silent
/// connections cannot hold every slot for long.
pub const HANDSHAKE_IDLE: Duration = Duration::from_secs(60);
/// Wrong PINs allowed per address over the whole session; then it is refused.
pub const DEFAULT_PIN_TRIES: u32 = 10;
/// Wrong PINs allowed on one connection before it is closed.
pub const PIN_TRIES_PER_CONNECTION: u32 = 3;
/// Names a connection may try before it is closed.
pub const NAME_TRIES: u32 = 5;
/// Lines per second a client may send on average, with as many again at once; a client
/// over it is flooding and is disconnected.
pub const LINES_PER_SECOND: f64 = 500.0;
/// A client that stops reading is dropped after this long blocked on a write.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// A silent connection is probed (TCP keepalive) after this long, then every
/// [`KEEPALIVE_INTERVAL`], [`KEEPALIVE_PROBES`] times, so a peer gone without a FIN (cable
/// pulled, laptop asleep) is noticed in about 25 s instead of at the idle limit.
pub const KEEPALIVE_IDLE: Duration = Duration::from_secs(10);
/// Time between two keepalive probes.
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(5);
/// Unanswered keepalive probes before the connection counts as dead.
pub const KEEPALIVE_PROBES: u32 = 3;
/// Data sent but not acknowledged for this long ends the connection (keepalive only
/// probes an idle one; this covers a peer that vanished right after a question was sent).
pub const UNACKED_LIMIT: Duration = Duration::from_secs(30);
/// Digits of the rejoin code a student gets on joining.
pub const REJOIN_CODE_DIGITS: usize = 6;

/// How the host reads client lines: bounded, and a line cut by a disconnect is no answer.
pub const LINE_RULES: LineRules = LineRules {
    max_bytes: MAX_LINE_BYTES,
    whole_lines: true,
};

/// First question of the handshake.
pub const NAME_PROMPT: &str = "Name: ";
/// Second question of the handshake (asked again after a wrong PIN, the name kept).
pub const PIN_PROMPT: &str = "PIN: ";
/// Asked when the name is held by a connection still open: the code takes the seat over.
pub const REJOIN_PROMPT: &str = "Rejoin code (or Enter for another name): ";

/// Messages the host sends, one line each.
pub mod say {
    /// The PIN was wrong; the same prompt follows.
    pub const WRONG_PIN: &str = "Wrong PIN; ask your teacher for it.";
    /// Too many wrong PINs from this address or on this connection.
    pub const PIN_LOCKED: &str = "Too many wrong PINs; this connection is closed.";
    /// The host has as many connections as it allows.
    pub const FULL: &str = "The room is full; ask your teacher.";
    /// Someone connected with this name is playing; their rejoin code takes the seat over.
    pub const NAME_TAKEN: &str = "That name is taken. If it is yours and your connection \
        dropped, type the rejoin code you were given; otherwise choose another name.";
    /// The rejoin code typed is not the seat's.
    pub const WRONG_CODE: &str = "Wrong rejoin code; choose another name.";
    /// The old connection did not let go of the seat in time.
    pub const TAKEOVER_FAILED: &str = "Your old connection is still closing; try again.";
    /// This name already finished the quiz.
    pub const ALREADY_DONE: &str = "That name has already finished this quiz.";
    /// Too many names tried.
    pub const NO_NAME: &str = "No usable name given; this connection is closed.";
    /// Waiting in the lobby.
    pub const WAIT_START: &str = "Waiting for the teacher to start…";
    /// The teacher ended the session.
    pub const HOST_ENDED: &str = "The teacher ended the session. Your answers are saved.";
    /// A line longer than [`super::MAX_LINE_BYTES`] came.
    pub const LINE_TOO_LONG: &str = "Line too long; this connection is closed.";
    /// The client sent lines faster than [`super::LINES_PER_SECOND`].
    pub const FLOOD: &str = "Too many lines at once; this connection is closed.";
    /// The client stayed silent longer than the idle limit.
    pub const IDLE: &str = "No answer for too long; join again to continue.";
    /// Exam mode, teacher pace: the answer is in, nothing more is said.
    pub const RECEIVED: &str = "Answer received.";
    /// Teacher pace: waiting for the question to close.
    pub const WAIT_OTHERS: &str = "Answer received; waiting for the others…";
    /// Teacher pace: the question closed before this student answered.
    pub const TIME_UP: &str = "Time is up for this question.";
    /// Self pace, exam mode: right answers stay on the host.
    pub const EXAM_END: &str =
        "Your teacher has your answers; the right ones are not sent while others still play.";
}

/// Why a typed name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing but spaces.
    #[error("type a name")]
    Empty,
    /// Over [`MAX_NAME_CHARS`].
    #[error("a name has at most {MAX_NAME_CHARS} characters")]
    TooLong,
    /// Control or bidi characters.
    #[error("a name cannot hold control characters")]
    Control,
}

/// A typed name, trimmed, checked for length and control characters.
pub fn check_name(line: &str) -> Result<String, NameError> {
    let name = line.trim();
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(NameError::TooLong)
    } else if name
        .chars()
        .any(|c| is_unsafe(c) || c == '\t' || c == '\u{fffd}')
    {
        Err(NameError::Control)
    } else {
        Ok(name.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Two names are the same student when they differ only in case.
pub fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// A `--pin`: 4 to 8 digits.
pub fn check_pin(pin: &str) -> Result<String, String> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(pin.to_string())
    } else {
        Err(format!(
            "--pin '{}' is not 4 to 8 digits",
            crate::bank::sanitize::escape_line(pin)
        ))
    }
}

/// A student's rejoin code: [`REJOIN_CODE_DIGITS`] random digits, private to that student
/// (the PIN is shared by the class, so it cannot prove who someone is).
pub fn random_rejoin_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..REJOIN_CODE_DIGITS)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// The line that gives a student their rejoin code.
pub fn rejoin_code_line(code: &str) -> String {
    format!(
        "Your rejoin code is {code}: if your connection drops, join again with your name, \
         the PIN and this code to continue where you were."
    )
}

/// Starts the line that tells, in teacher pace, how long the open question stays open.
pub const TIME_LEFT: &str = "Time left: ";

/// "Time left: 17 s (the question closes for everyone then)."
pub fn time_left_line(seconds: u64) -> String {
    format!("{TIME_LEFT}{seconds} s (the question closes for everyone then).")
}

/// The seconds a [`time_left_line`] gives.
pub fn read_time_left(line: &str) -> Option<u64> {
    line.strip_prefix(TIME_LEFT)?
        .split(' ')
        .next()?
        .parse()
        .ok()
}

/// A random 4-digit PIN (leading zeros kept).
pub fn random_pin() -> String {
    use rand::Rng;
    format!("{:04}", rand::rng().random_range(0..10_000u32))
}

/// A typed PIN matches when it equals the session's, spaces around ignored.
pub fn pin_matches(line: &str, pin: &str) -> bool {
    line.trim() == pin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_bounded_and_plain() {
        assert_eq!(check_name("  Ann   Lee "), Ok("Ann Lee".into()));
        assert_eq!(check_name("   "), Err(NameError::Empty));
        assert_eq!(check_name(&"x".repeat(33)), Err(NameError::TooLong));
        assert_eq!(check_name(&"é".repeat(32)), Ok("é".repeat(32)));
        assert_eq!(check_name("a\u{1b}[31m"), Err(NameError::Control));
        assert_eq!(check_name("evil\u{202e}"), Err(NameError::Control));
    }

    #[test]
    fn names_differ_beyond_case() {
        assert!(same_name("Ann", "aNN"));
        assert!(!same_name("Ann", "Anna"));
    }

    #[test]
    fn pins() {
        assert_eq!(random_pin().len(), 4);
        assert!(check_pin("0042").is_ok());
        assert!(check_pin("42").is_err());
        assert!(check_pin("12a4").is_err());
        assert!(pin_matches(" 0042\r", "0042"));
        assert!(!pin_matches("42", "0042"));
    }

    #[test]
    fn time_left_reads_back() {
        assert_eq!(read_time_left(&time_left_line(17)), Some(17));
        assert_eq!(read_time_left("Question 1/2"), None);
    }
}
