//! One client's socket as plain mode's reader and writer, with the host's limits:
//! idle time, a line rate, a write timeout, and a way to stop waiting when the host
//! moves on (Ctrl-C, or the teacher closing a question).

use std::io::{self, BufRead, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::protocol::{LINES_PER_SECOND, WRITE_TIMEOUT};

/// How often a waiting read looks whether it should stop.
const TICK: Duration = Duration::from_millis(100);

/// Why a read stopped without a line.
#[derive(Debug, thiserror::Error)]
pub enum Stopped {
    /// The host is ending or the question closed.
    #[error("the host moved on")]
    Cancelled,
    /// The client sent nothing for the idle limit.
    #[error("idle for too long")]
    Idle,
    /// The client sent lines faster than anyone types.
    #[error("flooding")]
    Flood,
}

/// True when an I/O error is the host's own "stop waiting".
pub fn is_cancelled(e: &io::Error) -> bool {
    matches!(stopped(e), Some(Stopped::Cancelled))
}

/// Why the host stopped reading, when it did.
pub fn stopped(e: &io::Error) -> Option<&Stopped> {
    e.get_ref()?.downcast_ref::<Stopped>()
}

/// The reading half: waits in short ticks so the host can call it off.
pub struct WireIn<'h> {
    stream: TcpStream,
    idle: Duration,
    stop: &'h AtomicBool,
    round: Option<(&'h AtomicUsize, usize)>,
    tokens: f64,
    refilled: Instant,
}

impl<'h> WireIn<'h> {
    /// Reads `stream`; gives up after `idle` of silence or when `stop` turns true.
    pub fn new(stream: TcpStream, idle: Duration, stop: &'h AtomicBool) -> io::Result<Self> {
        stream.set_nonblocking(false)?;
        stream.set_read_timeout(Some(TICK))?;
        // Feedback and the next question go out as two writes: without this, Nagle's
        // algorithm holds the second until the client's delayed ACK (40 ms).
        stream.set_nodelay(true)?;
        Ok(WireIn {
            stream,
            idle,
            stop,
            round: None,
            tokens: LINES_PER_SECOND,
            refilled: Instant::now(),
        })
    }

    /// Changes how long the client may stay silent.
    pub fn set_idle(&mut self, idle: Duration) {
        self.idle = idle;
    }

    /// Also stop waiting once `round` no longer holds `value` (teacher pace); `None` clears.
    pub fn watch_round(&mut self, round: Option<(&'h AtomicUsize, usize)>) {
        self.round = round;
    }

    fn called_off(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
            || self
                .round
                .is_some_and(|(round, value)| round.load(Ordering::SeqCst) != value)
    }

    /// False once the client sent more than [`LINES_PER_SECOND`] on average (with a
    /// second's worth as a burst): no person types that fast.
    fn within_rate(&mut self, lines: usize) -> bool {
        let now = Instant::now();
        let earned = now.duration_since(self.refilled).as_secs_f64() * LINES_PER_SECOND;
        self.refilled = now;
        self.tokens = (self.tokens + earned).min(LINES_PER_SECOND) - lines as f64;
        self.tokens >= 0.0
    }

    /// Drops whatever the client sent that was not asked for yet (typed in the lobby or
    /// between questions), so it is not taken as the next answer.
    pub fn discard_waiting(&mut self) -> io::Result<()> {
        self.stream.set_nonblocking(true)?;
        let mut buf = [0u8; 1024];
        let result = loop {
            match self.stream.read(&mut buf) {
                Ok(0) => break Ok(()),
                Ok(_) => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break Ok(()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => break Err(e),
            }
        };
        self.stream.set_nonblocking(false)?;
        result
    }

    /// True when the client closed its end (checked without waiting, data left in place).
    pub fn closed(&self) -> bool {
        if self.stream.set_nonblocking(true).is_err() {
            return true;
        }
        let mut byte = [0u8; 1];
        let closed = match self.stream.peek(&mut byte) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => e.kind() != io::ErrorKind::WouldBlock,
        };
        closed || self.stream.set_nonblocking(false).is_err()
    }
}

impl Read for WireIn<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let waiting = Instant::now();
        loop {
            match self.stream.read(buf) {
                Ok(n) => {
                    let lines = buf[..n].iter().filter(|&&b| b == b'\n').count();
                    if !self.within_rate(lines) {
                        return Err(io::Error::other(Stopped::Flood));
                    }
                    return Ok(n);
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    if self.called_off() {
                        return Err(io::Error::other(Stopped::Cancelled));
                    }
                    if waiting.elapsed() >= self.idle {
                        return Err(io::Error::other(Stopped::Idle));
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// The writing half: gathers a whole message, strips terminal styling (a line client
/// gets plain text), and sends it on flush, giving up on a client that stopped reading.
pub struct WireOut {
    stream: TcpStream,
    pending: Vec<u8>,
}

impl WireOut {
    /// Writes to `stream` with the host's write timeout.
    pub fn new(stream: TcpStream) -> io::Result<Self> {
        stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
        Ok(WireOut {
            stream,
            pending: Vec::new(),
        })
    }

    /// Sends one line now.
    pub fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self, "{text}")?;
        self.flush()
    }
}

impl Write for WireOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() > 64 * 1024 {
            self.flush()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.pending);
        let plain = console::strip_ansi_codes(&text);
        let sent = self.stream.write_all(plain.as_bytes());
        self.pending.clear();
        sent?;
        self.stream.flush()
    }
}

/// A reader that buffers [`WireIn`]; plain mode reads lines from it.
pub type Reader<'h> = io::BufReader<WireIn<'h>>;

/// Drops both what the buffer holds and what waits in the socket.
pub fn discard_waiting(reader: &mut Reader<'_>) -> io::Result<()> {
    let held = reader.buffer().len();
    reader.consume(held);
    reader.get_mut().discard_waiting()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A connected pair: the host's end and the client's.
    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        (listener.accept().unwrap().0, client)
    }

    fn read_err(wire: &mut WireIn<'_>) -> io::Error {
        let mut buf = [0u8; 64 * 1024];
        loop {
            match wire.read(&mut buf) {
                Ok(0) => panic!("closed"),
                Ok(_) => {}
                Err(e) => return e,
            }
        }
    }

    #[test]
    fn a_flood_of_lines_is_cut_off() {
        let (host, mut client) = pair();
        let stop = AtomicBool::new(false);
        let mut wire = WireIn::new(host, Duration::from_secs(5), &stop).unwrap();
        client.write_all(&b"z\n".repeat(3000)).unwrap();
        assert!(matches!(
            stopped(&read_err(&mut wire)),
            Some(Stopped::Flood)
        ));
    }

    #[test]
    fn a_waiting_read_ends_when_the_host_stops_or_the_client_idles() {
        let (host, _client) = pair();
        let stop = AtomicBool::new(true);
        let mut wire = WireIn::new(host, Duration::from_secs(5), &stop).unwrap();
        assert!(is_cancelled(&read_err(&mut wire)));
        let (host, _client) = pair();
        let running = AtomicBool::new(false);
        let mut wire = WireIn::new(host, Duration::from_millis(150), &running).unwrap();
        assert!(matches!(stopped(&read_err(&mut wire)), Some(Stopped::Idle)));
    }

    #[test]
    fn a_read_ends_when_the_round_moves_on() {
        let (host, _client) = pair();
        let stop = AtomicBool::new(false);
        let round = AtomicUsize::new(3);
        let mut wire = WireIn::new(host, Duration::from_secs(5), &stop).unwrap();
        wire.watch_round(Some((&round, 1)));
        assert!(is_cancelled(&read_err(&mut wire)));
    }

    #[test]
    fn styling_is_stripped_and_a_message_goes_out_whole() {
        let (host, mut client) = pair();
        let mut out = WireOut::new(host).unwrap();
        write!(
            out,
            "{}",
            console::style("Right").green().force_styling(true)
        )
        .unwrap();
        out.line("!").unwrap();
        drop(out);
        let mut got = String::new();
        client.read_to_string(&mut got).unwrap();
        assert_eq!(got, "Right!\n");
    }
}
