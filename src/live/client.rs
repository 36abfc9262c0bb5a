//! `termquiz join`: a student's front end. It relays plain mode's lines both ways, and
//! escapes everything the host sends before it reaches the terminal.

use std::io::{self, BufRead, Read, Write};
use std::net::{Shutdown, TcpStream};

use super::protocol::DEFAULT_PORT;
use crate::bank::sanitize::escape;

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
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => break,
            Err(e) => return Err(e),
        };
        carry.extend_from_slice(&buf[..n]);
        let valid = match std::str::from_utf8(&carry) {
            Ok(_) => carry.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => carry.len(),
        };
        let text = String::from_utf8_lossy(&carry[..valid]).into_owned();
        carry.drain(..valid);
        out.write_all(escape(&text.replace("\r\n", "\n")).as_bytes())?;
        out.flush()?;
    }
    let rest = String::from_utf8_lossy(&carry).into_owned();
    out.write_all(escape(&rest).as_bytes())?;
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
