//! Students for the live tests and the benchmark: raw TCP clients (like nc) and
//! `termquiz join` processes, both read through a channel so every wait is bounded.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The PIN every test host uses.
pub const PIN: &str = "4242";
/// Longest any single wait may take before a test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The termquiz binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_termquiz"))
}

/// The live-class fixture bank.
pub fn class_bank() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/banks/live-class.json")
}

/// A running `termquiz host` on a free loopback port.
pub struct Host {
    child: Child,
    pub port: u16,
    pub first_line: String,
    out: Receiver<String>,
    dir: Option<tempfile::TempDir>,
}

impl Host {
    /// Starts a host over the class bank with `args` added; results go to `dir/out`.
    pub fn start(args: &[&str]) -> Host {
        Host::start_with(&class_bank(), args)
    }

    /// Starts a host over `bank` with `args` added.
    pub fn start_with(bank: &Path, args: &[&str]) -> Host {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(binary())
            .arg("host")
            .arg(bank)
            .args(["--listen", "127.0.0.1:0", "--pin", PIN, "--results"])
            .arg(dir.path().join("out"))
            .args(args)
            .env("TERMQUIZ_DATA_DIR", dir.path().join("data"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start host");
        let stdout = child.stdout.take().expect("stdout");
        let (send, out) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let first_line = out.recv_timeout(WAIT).expect("host's first line");
        let port = first_line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("127.0.0.1:"))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first_line:?}"));
        Host {
            child,
            port,
            first_line,
            out,
            dir: Some(dir),
        }
    }

    /// Where the result files go.
    pub fn results(&self) -> PathBuf {
        self.dir.as_ref().expect("dir").path().join("out")
    }

    /// Waits for the host to exit; its exit code, the rest of its stdout and stderr, and
    /// the temp dir (the results live there until it is dropped).
    pub fn finish(mut self, within: Duration) -> (i32, String, tempfile::TempDir) {
        let deadline = Instant::now() + within;
        let code = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let rest: Vec<String> = self.out.try_iter().collect();
                panic!(
                    "host still running after {within:?}; output:\n{}",
                    rest.join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stderr = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut stderr);
        }
        let mut rest: Vec<String> = Vec::new();
        while let Ok(line) = self.out.recv_timeout(Duration::from_secs(2)) {
            rest.push(line);
        }
        let dir = self.dir.take().expect("dir");
        (code, format!("{}\n{stderr}", rest.join("\n")), dir)
    }

    /// Waits for a line of the host's output holding `pattern` (the lines before it are
    /// dropped); panics if it does not come within [`WAIT`].
    pub fn wait_for(&self, pattern: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.out.recv_timeout(left) {
                Ok(line) if line.contains(pattern) => return,
                Ok(_) => {}
                Err(_) => panic!("the host never printed {pattern:?}"),
            }
        }
    }

    /// Sends SIGINT, as Ctrl-C would.
    pub fn interrupt(&self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One student's end of the conversation.
pub struct Peer {
    input: Receiver<Vec<u8>>,
    output: Box<dyn Write + Send>,
    pending: String,
    /// Everything received so far.
    pub transcript: String,
    child: Option<Child>,
    stream: Option<TcpStream>,
}

fn pump(mut from: impl Read + Send + 'static) -> Receiver<Vec<u8>> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    receive
}

impl Peer {
    /// A raw TCP client, as `nc 127.0.0.1 PORT` would be.
    pub fn tcp(port: u16) -> Peer {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let _ = stream.set_nodelay(true);
        Peer {
            input: pump(stream.try_clone().expect("clone")),
            output: Box::new(stream.try_clone().expect("clone")),
            pending: String::new(),
            transcript: String::new(),
            child: None,
            stream: Some(stream),
        }
    }

    /// A `termquiz join 127.0.0.1:PORT` process over pipes.
    pub fn join(port: u16) -> Peer {
        let mut child = Command::new(binary())
            .args(["join", &format!("127.0.0.1:{port}")])
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start join");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take().expect("stdin");
        Peer {
            input: pump(stdout),
            output: Box::new(stdin),
            pending: String::new(),
            transcript: String::new(),
            child: Some(child),
            stream: None,
        }
    }

    /// Waits for more bytes; false when the connection closed.
    fn fill(&mut self, deadline: Instant) -> bool {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.input.recv_timeout(left) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                self.pending.push_str(&text);
                self.transcript.push_str(&text);
                true
            }
            Err(RecvTimeoutError::Timeout) => {
                panic!("no answer within {WAIT:?}; so far:\n{}", self.transcript)
            }
            Err(RecvTimeoutError::Disconnected) => false,
        }
    }

    /// Everything up to and including `pattern`; panics if it does not come.
    pub fn until(&mut self, pattern: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(at) = self.pending.find(pattern) {
                let upto: String = self.pending.drain(..at + pattern.len()).collect();
                return upto;
            }
            assert!(
                self.fill(deadline),
                "closed before {pattern:?}; got:\n{}",
                self.transcript
            );
        }
    }

    /// The text before the next answer prompt, or `None` when the host closed.
    pub fn next_prompt(&mut self) -> Option<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.pending.ends_with(": ") {
                let last = self.pending.lines().last().unwrap_or("");
                let asks = [
                    "Answer",
                    "True or false",
                    "Your answer",
                    "Pick all",
                    "Letters",
                    "For items",
                ];
                if asks.iter().any(|a| last.trim_start().starts_with(a)) {
                    return Some(std::mem::take(&mut self.pending));
                }
            }
            if !self.fill(deadline) {
                return None;
            }
        }
    }

    /// Reads until the host closes; returns what came.
    pub fn rest(&mut self) -> String {
        let deadline = Instant::now() + WAIT;
        while self.fill(deadline) {}
        std::mem::take(&mut self.pending)
    }

    /// Reads until `pattern` came, then until the host closes; all of it.
    pub fn rest_until(&mut self, pattern: &str) -> String {
        let text = self.until(pattern);
        text + &self.rest()
    }

    /// Sends one line.
    pub fn send(&mut self, line: &str) {
        let _ = self.output.write_all(format!("{line}\n").as_bytes());
        let _ = self.output.flush();
    }

    /// Sends bytes as they are (no newline added).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let _ = self.output.write_all(bytes);
        let _ = self.output.flush();
    }

    /// Name and PIN, in the protocol's order.
    pub fn enter(&mut self, name: &str) {
        self.until("Name: ");
        self.send(name);
        self.until("PIN: ");
        self.send(PIN);
    }

    /// Another handle on the TCP connection (to close it from elsewhere).
    pub fn socket(&self) -> TcpStream {
        self.stream
            .as_ref()
            .expect("a TCP peer")
            .try_clone()
            .expect("clone")
    }

    /// Closes the connection (or ends the join process's input).
    pub fn hang_up(mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Answers every question, right or wrong, until the host closes; the transcript.
    pub fn play(mut self, right: bool) -> String {
        match self.next_prompt() {
            Some(question) => self.play_after(question, right),
            None => self.transcript,
        }
    }

    /// [`Peer::play`] when `question` was shown and waits for its answer.
    pub fn play_after(mut self, mut question: String, right: bool) -> String {
        self.send(&answer_for(&question, right));
        while let Some(block) = self.next_prompt() {
            if block.contains("Question ") {
                question = block;
            }
            let answer = answer_for(&question, right);
            self.send(&answer);
        }
        if let Some(mut child) = self.child.take() {
            let _ = child.wait();
        }
        self.transcript
    }
}

/// The line a student types for the class bank's question shown in `block`.
pub fn answer_for(block: &str, right: bool) -> String {
    if block.contains("capital of France") {
        let choice = |text: &str| {
            block
                .lines()
                .find_map(|l| l.trim().strip_suffix(text)?.strip_suffix(") "))
                .map(str::to_string)
        };
        let wanted = if right { "Paris" } else { "Lyon" };
        return choice(wanted).unwrap_or_else(|| panic!("no {wanted} in {block}"));
    }
    let (yes, no) = if block.contains("Water boils") {
        ("t", "f")
    } else if block.contains("magazine") {
        ("Photoplay", "Billboard")
    } else if block.contains("cast recording") {
        ("1931", "1")
    } else {
        panic!("unknown question:\n{block}")
    };
    if right { yes } else { no }.to_string()
}

/// Every result file in `dir`, parsed.
pub fn results(dir: &Path) -> Vec<serde_json::Value> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("results dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read result");
        found.push(serde_json::from_slice(&bytes).expect("result JSON"));
    }
    found
}

/// The result of the student named `name`.
pub fn result_of<'a>(all: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no result for {name}"))
}
