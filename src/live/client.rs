//! `termquiz join`: a student's front end. Without a terminal it relays plain mode's
//! lines both ways; on a terminal it reads each question back (see `scrape`) and asks it
//! with `play`'s prompts. Everything the host sends is escaped before it is shown.

use std::io::{self, BufRead, Read, Write};
use std::net::{Shutdown, TcpStream};

use std::time::{Duration, Instant};

use super::protocol::{self, DEFAULT_PORT};
use super::scrape::{self, Shown};
use crate::bank::sanitize::escape;
use crate::ui::Prompter;
use crate::ui::countdown::Countdown;
use crate::ui::fit;
use crate::ui::term::TermPrompter;

/// How a terminal session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Left {
    /// The host closed the connection (the quiz is over, or it ended the session).
    HostClosed,
    /// The student quit (Esc then yes, or Ctrl-C).
    Quit,
}

/// Bytes to text, a character cut between two reads waiting for its other bytes.
#[derive(Default)]
struct Utf8Carry(Vec<u8>);

impl Utf8Carry {
    fn push(&mut self, bytes: &[u8]) -> String {
        self.0.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.0) {
            Ok(_) => self.0.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.0.len(),
        };
        let text = String::from_utf8_lossy(&self.0[..valid]).replace("\r\n", "\n");
        self.0.drain(..valid);
        text
    }

    fn rest(&mut self) -> String {
        String::from_utf8_lossy(&std::mem::take(&mut self.0)).into_owned()
    }
}

/// Where the last question header ("Question …", "Retry (…") starts, if any.
fn header_start(text: &str) -> Option<usize> {
    let mut found = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("Question ") || line.starts_with("Retry (") {
            found = Some(at);
        }
        at += line.len();
    }
    found
}

/// Plays on a terminal: questions through `play`'s prompts, the rest shown as sent.
pub fn play_in_terminal(stream: TcpStream) -> io::Result<Left> {
    let mut from = stream.try_clone()?;
    let mut to = stream;
    let mut prompter = TermPrompter::default();
    let mut carry = Utf8Carry::default();
    let mut held = String::new();
    let mut last: Option<Shown> = None;
    // Teacher pace: the seconds the host said the next question stays open, and when the
    // current question closes.
    let mut time_left: Option<u64> = None;
    let mut deadline: Option<Instant> = None;
    let mut buf = [0u8; 8192];
    loop {
        let n = match from.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => 0,
            Err(e) => return Err(e),
        };
        if n == 0 {
            held.push_str(&carry.rest());
            prompter.show(&rewrap(&escape(&held)))?;
            return Ok(Left::HostClosed);
        }
        held.push_str(&carry.push(&buf[..n]));
        held = take_time_left(&held, &mut time_left);
        let cut_time_left = held
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.starts_with(protocol::TIME_LEFT));
        if !held.ends_with(": ") || cut_time_left {
            // Show whole lines at once, but hold a question until its prompt came.
            let upto = header_start(&held).unwrap_or_else(|| held.rfind('\n').map_or(0, |i| i + 1));
            let shown: String = held.drain(..upto).collect();
            if !shown.is_empty() {
                prompter.show(&rewrap(&escape(shown.trim_end_matches('\n'))))?;
            }
            continue;
        }
        let block = std::mem::take(&mut held);
        let (before, question) = block.split_at(header_start(&block).unwrap_or(block.len()));
        if !before.trim().is_empty() && !question.is_empty() {
            prompter.show(&rewrap(&escape(before.trim_end_matches('\n'))))?;
        }
        let line = if question.is_empty() {
            // A message and the prompt again (a bad line), or the PIN and name.
            match (&last, again(before)) {
                (Some(shown), true) => {
                    let (message, prompt) = before.rsplit_once('\n').unwrap_or(("", before));
                    prompter.show(&rewrap(&escape(message)))?;
                    ask(&mut prompter, shown, prompt, deadline)?
                }
                _ => typed(before)?,
            }
        } else {
            last = scrape::read_question(question);
            deadline = time_left
                .take()
                .map(|s| Instant::now() + Duration::from_secs(s));
            match &last {
                Some(shown) => {
                    deadline = deadline.or_else(|| limit_of(shown));
                    ask(&mut prompter, shown, question, deadline)?
                }
                None => typed(question)?,
            }
        };
        match line {
            // The host moved on while the student was answering (teacher pace, time up):
            // this answer belongs to a closed question, so it is not sent.
            Some(_) if news_waiting(&from) => {}
            Some(line) => writeln!(to, "{line}")?,
            None => {
                let _ = to.shutdown(Shutdown::Both);
                return Ok(Left::Quit);
            }
        }
    }
}

/// The host's text re-wrapped at word boundaries to this terminal's width; each line keeps
/// its indent on the lines it wraps onto (the host sends lines whole).
fn rewrap(text: &str) -> String {
    rewrap_to(text, fit::terminal_width())
}

fn rewrap_to(text: &str, width: Option<usize>) -> String {
    text.split('\n')
        .map(|line| {
            let body = line.trim_start();
            fit::wrap_to(body, &line[..line.len() - body.len()], width)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when the host sent something that was not read yet (checked without waiting).
fn news_waiting(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return false;
    }
    let waiting = stream.peek(&mut [0u8; 1]).is_ok_and(|n| n > 0);
    let _ = stream.set_nonblocking(false);
    waiting
}

/// True when `block` ends with an answer prompt (the host repeats the question's prompt).
fn again(block: &str) -> bool {
    let last = block.rsplit('\n').next().unwrap_or("");
    scrape::read_question(&format!("Question 1/1\n{last}")).is_some()
}

/// Drops the host's "Time left: N s" lines from `text` (the countdown shows them), keeping
/// the last figure in `seconds`.
fn take_time_left(text: &str, seconds: &mut Option<u64>) -> String {
    if !text.contains(protocol::TIME_LEFT) {
        return text.to_string();
    }
    let mut kept = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match protocol::read_time_left(line) {
            Some(s) if line.ends_with('\n') => *seconds = Some(s),
            _ => kept.push_str(line),
        }
    }
    kept
}

/// When a question read back closes by its header's limit ("· 20 s"), counted from now.
fn limit_of(shown: &Shown) -> Option<Instant> {
    let seconds = shown
        .header
        .iter()
        .skip(1)
        .find_map(|p| p.strip_suffix(" s")?.parse::<u64>().ok())?;
    Some(Instant::now() + Duration::from_secs(seconds))
}

/// Asks a question read back from the host with `play`'s prompts, a countdown running
/// while it waits when the question has a `deadline`; the line to send. A question it
/// cannot rebuild is shown as sent (`raw`) and answered as a typed line.
fn ask(
    prompter: &mut TermPrompter,
    shown: &Shown,
    raw: &str,
    deadline: Option<Instant>,
) -> io::Result<Option<String>> {
    let Some(bank) = shown.bank() else {
        return typed(raw);
    };
    let Some(session) = scrape::session(&bank) else {
        return typed(raw);
    };
    let Some(turn) = scrape::turn(&session, shown) else {
        return typed(raw);
    };
    let countdown = deadline.map(Countdown::start);
    let answer = prompter.ask(&turn);
    drop(countdown);
    Ok(answer?.map(|answer| scrape::answer_line(&answer, &turn)))
}

/// Shows the host's text (a prompt) and reads one line from the keyboard.
fn typed(prompt: &str) -> io::Result<Option<String>> {
    let mut out = io::stdout();
    let mut input = io::stdin().lock();
    crate::ui::read_line(&mut input, &mut out, &escape(prompt), false)
}

/// `HOST` or `HOST:PORT` (IPv6 in brackets) with the default port added when missing.
pub fn with_default_port(address: &str) -> String {
    let has_port = match address.rsplit_once(':') {
        Some((host, port)) => {
            port.parse::<u16>().is_ok() && (!host.contains(':') || host.ends_with(']'))
        }
        None => false,
    };
    if has_port {
        address.to_string()
    } else if address.contains(':') && !address.starts_with('[') {
        format!("[{address}]:{DEFAULT_PORT}")
    } else {
        format!("{address}:{DEFAULT_PORT}")
    }
}

/// Sends each line typed to the host and shows what the host sends, escaped; returns
/// when the host closes the connection.
pub fn relay(stream: TcpStream) -> io::Result<()> {
    let mut to_host = stream.try_clone()?;
    // Detached: it may stay blocked on the keyboard after the host has closed.
    std::thread::spawn(move || {
        let stdin = io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            if writeln!(to_host, "{line}").is_err() {
                return;
            }
        }
        let _ = to_host.shutdown(Shutdown::Write);
    });
    show_from(stream, &mut io::stdout())
}

/// Copies the host's bytes to `out`, escaping control characters; a character cut
/// between two reads waits for its other bytes.
pub fn show_from(mut from: impl Read, out: &mut impl Write) -> io::Result<()> {
    let mut buf = [0u8; 4096];
    let mut carry = Utf8Carry::default();
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => break,
            Err(e) => return Err(e),
        };
        out.write_all(escape(&carry.push(&buf[..n])).as_bytes())?;
        out.flush()?;
    }
    out.write_all(escape(&carry.rest()).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_port_is_added_when_missing() {
        assert_eq!(with_default_port("10.0.0.5"), "10.0.0.5:7777");
        assert_eq!(with_default_port("10.0.0.5:9000"), "10.0.0.5:9000");
        assert_eq!(with_default_port("::1"), "[::1]:7777");
        assert_eq!(with_default_port("[::1]:9000"), "[::1]:9000");
        assert_eq!(with_default_port("quiz.local"), "quiz.local:7777");
    }

    #[test]
    fn an_answer_is_stale_once_the_host_sent_more() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let student = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (mut host, _) = listener.accept().unwrap();
        assert!(!news_waiting(&student));
        host.write_all(b"Time is up for this question.\n").unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !news_waiting(&student) {
            assert!(std::time::Instant::now() < deadline, "never arrived");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn the_hosts_lines_wrap_at_words_to_the_students_width() {
        let text = "✘ Wrong.\n  Paris has been the capital of France since the year 987.";
        assert_eq!(
            rewrap_to(text, Some(30)),
            "✘ Wrong.\n  Paris has been the capital\n  of France since the year\n  987."
        );
        assert_eq!(rewrap_to(text, None), text);
    }

    #[test]
    fn a_hostile_host_cannot_drive_the_terminal() {
        let mut out = Vec::new();
        let sent = "Q\u{1b}[2J é\u{202e}\n".as_bytes();
        // Split inside "é" to check characters cut between reads.
        let reader = io::Read::chain(&sent[..7], &sent[7..]);
        show_from(reader, &mut out).unwrap();
        let shown = String::from_utf8(out).unwrap();
        assert_eq!(shown, "Q\\u{1b}[2J é\\u{202e}\n");
    }
}
