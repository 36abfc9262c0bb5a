//! What every connection and the host screen share: the seats (one per student name,
//! kept across reconnects), the pace, the wrong-PIN counts, and the log of events.

use std::collections::HashMap;
use std::net::{IpAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::HostConfig;
use super::protocol::{self, same_name};
use crate::bank::Bank;
use crate::engine::{Outcome, Session, SessionConfig};
use crate::ui::host::{Row, SeatState};

/// One student: their session (away while a connection plays it) and what the table shows.
pub struct Seat<'b> {
    /// The name as given (checked, not yet escaped).
    pub name: String,
    /// The quiz; `None` while a connection holds it.
    pub session: Option<Session<'b>>,
    /// When the student first joined.
    pub started_at: jiff::Timestamp,
    /// Connected, away or done.
    pub state: SeatState,
    /// First attempts answered.
    pub answered: usize,
    /// Points so far.
    pub score: f64,
    /// Last answer in words, whether right, and its question number (teacher pace).
    pub last: Option<(usize, String, bool)>,
    /// The result file was written.
    pub saved: bool,
    /// The code that lets this student take the seat over from a connection that died
    /// without the host noticing yet; told only to them.
    pub rejoin_code: String,
    stream: Option<TcpStream>,
}

/// What a name gets when it asks for a seat.
pub enum Claim<'b> {
    /// A new seat or a seat left by a lost connection, with its session.
    Seated(usize, Box<Session<'b>>, bool),
    /// Someone connected plays under that name.
    Taken,
    /// That name finished.
    Done,
    /// The rejoin code given is not that seat's.
    WrongCode,
    /// As many students as connections allowed have joined; no new name fits.
    Full,
}

/// Shared state of one live session.
pub struct Hub<'b> {
    /// The setup.
    pub cfg: &'b HostConfig,
    /// The bank questions come from.
    pub bank: &'b Bank,
    /// True once the host ends the session (Ctrl-C, or everyone done).
    pub stop: AtomicBool,
    /// True once students may answer.
    pub started: AtomicBool,
    /// Teacher pace: 0 lobby, 2k+1 question k open, 2k+2 question k closed.
    pub phase: AtomicUsize,
    /// Connections open now.
    pub connections: AtomicUsize,
    /// Teacher pace: when the current phase began (the open question's clock).
    opened: Mutex<Instant>,
    seats: Mutex<Vec<Seat<'b>>>,
    pin_failures: Mutex<HashMap<IpAddr, u32>>,
    log: Mutex<Vec<String>>,
    bell: (Mutex<()>, Condvar),
}

impl<'b> Hub<'b> {
    /// An empty room.
    pub fn new(cfg: &'b HostConfig, bank: &'b Bank) -> Self {
        Hub {
            cfg,
            bank,
            stop: AtomicBool::new(false),
            started: AtomicBool::new(false),
            phase: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
            opened: Mutex::new(Instant::now()),
            seats: Mutex::new(Vec::new()),
            pin_failures: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            bell: (Mutex::new(()), Condvar::new()),
        }
    }

    /// The seats, even if a connection thread panicked holding them.
    pub fn seats(&self) -> MutexGuard<'_, Vec<Seat<'b>>> {
        self.seats.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// True once the host ends.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Wakes every connection waiting for a change (start, phase, stop).
    pub fn ring(&self) {
        let _held = self.bell.0.lock();
        self.bell.1.notify_all();
    }

    /// Waits until rung or `at_most` passed.
    pub fn wait(&self, at_most: Duration) {
        let held = self.bell.0.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self.bell.1.wait_timeout(held, at_most);
    }

    /// Teacher pace: moves to `phase` and starts its clock.
    pub fn open_phase(&self, phase: usize) {
        *self.opened.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.phase.store(phase, Ordering::SeqCst);
        self.ring();
    }

    /// Teacher pace: whole seconds left on question `number` (counted from when it opened),
    /// when it has a time limit.
    pub fn seconds_left(&self, number: usize) -> Option<u64> {
        let q = &self.bank.questions[*self.cfg.questions.get(number.checked_sub(1)?)?];
        let limit = Duration::from_secs(u64::from(q.time_limit.or(self.cfg.session.timer)?));
        let elapsed = self
            .opened
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .elapsed();
        Some(limit.saturating_sub(elapsed).as_secs_f64().ceil() as u64)
    }

    /// Adds a line for the host's log.
    pub fn note(&self, line: String) {
        self.log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line);
    }

    /// Takes the lines logged since the last call.
    pub fn take_notes(&self) -> Vec<String> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// True when `addr` may still try a PIN.
    pub fn pin_allowed(&self, addr: IpAddr) -> bool {
        let failures = self.pin_failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.get(&addr).copied().unwrap_or(0) < self.cfg.pin_tries
    }

    /// Counts a wrong PIN from `addr`.
    pub fn pin_failed(&self, addr: IpAddr) {
        let mut failures = self.pin_failures.lock().unwrap_or_else(|e| e.into_inner());
        *failures.entry(addr).or_insert(0) += 1;
    }

    /// Gives `name` its seat: a new one, or the one its lost connection left.
    pub fn claim(&self, name: &str, stream: &TcpStream) -> Claim<'b> {
        let mut seats = self.seats();
        let found = seats.iter().position(|s| same_name(&s.name, name));
        if let Some(i) = found {
            let seat = &mut seats[i];
            return match (&seat.state, seat.session.take()) {
                (SeatState::Done, session) => {
                    seat.session = session;
                    Claim::Done
                }
                (SeatState::Away, Some(session)) => {
                    seat.state = SeatState::Playing;
                    seat.stream = stream.try_clone().ok();
                    Claim::Seated(i, Box::new(session), true)
                }
                (_, session) => {
                    seat.session = session;
                    Claim::Taken
                }
            };
        }
        // Seats outlive their connections: without a bound, reconnecting under new names
        // would grow the room forever.
        if seats.len() >= self.cfg.max_connections {
            return Claim::Full;
        }
        let session = self.new_session(name);
        seats.push(Seat {
            name: name.to_string(),
            session: None,
            started_at: jiff::Timestamp::now(),
            state: SeatState::Playing,
            answered: 0,
            score: 0.0,
            last: None,
            saved: false,
            rejoin_code: protocol::random_rejoin_code(),
            stream: stream.try_clone().ok(),
        });
        Claim::Seated(seats.len() - 1, Box::new(session), false)
    }

    /// Takes `name`'s seat over from the connection that holds it (one the student lost
    /// without a FIN, so the host still waits on it) when `code` is that seat's rejoin
    /// code: closes the old socket and waits, at most `within`, for its session.
    pub fn take_over(
        &self,
        name: &str,
        code: &str,
        stream: &TcpStream,
        within: Duration,
    ) -> Claim<'b> {
        {
            let seats = self.seats();
            let Some(seat) = seats.iter().find(|s| same_name(&s.name, name)) else {
                drop(seats);
                return self.claim(name, stream);
            };
            if seat.rejoin_code != code.trim() {
                return Claim::WrongCode;
            }
            if let Some(old) = &seat.stream {
                // Its reads and writes end at once; its thread hands the session back.
                let _ = old.shutdown(std::net::Shutdown::Both);
            }
        }
        let deadline = Instant::now() + within;
        loop {
            match self.claim(name, stream) {
                Claim::Taken if Instant::now() < deadline => self.wait(Duration::from_millis(20)),
                other => return other,
            }
        }
    }

    /// Every student gets the same questions in the same order, choices laid out by a
    /// seed of their own (so a neighbour's screen does not give the letter away).
    fn new_session(&self, name: &str) -> Session<'b> {
        let config = SessionConfig {
            seed: self.cfg.session.seed ^ fnv1a(&name.to_lowercase()),
            ..self.cfg.session.clone()
        };
        match Session::with_questions(self.bank, &self.cfg.questions, config) {
            Ok(session) => session,
            // The host checked the list is not empty before opening the room.
            Err(_) => unreachable!("host questions were checked before listening"),
        }
    }

    /// Records an answer for the table (and the teacher's histogram).
    pub fn publish(&self, seat: usize, session: &Session, outcome: &Outcome, number: usize) {
        let mut seats = self.seats();
        let s = &mut seats[seat];
        s.answered = session.first_attempts().len();
        s.score = session.tally().score;
        if !outcome.retry {
            s.last = Some((number, outcome.answer.clone(), outcome.grade.is_correct()));
        }
    }

    /// Hands the session back to the seat when its connection ends.
    pub fn release(&self, seat: usize, session: Session<'b>, state: SeatState) {
        let mut seats = self.seats();
        let s = &mut seats[seat];
        s.answered = session.first_attempts().len();
        s.score = session.tally().score;
        s.session = Some(session);
        s.state = state;
        s.stream = None;
        drop(seats);
        // A take-over may be waiting for this seat.
        self.ring();
    }

    /// Marks a seat's result as written.
    pub fn mark_saved(&self, seat: usize) {
        self.seats()[seat].saved = true;
    }

    /// Closes every client's socket, so waiting reads and writes end at once.
    pub fn hang_up_all(&self) {
        for seat in self.seats().iter() {
            if let Some(stream) = &seat.stream {
                let _ = stream.shutdown(std::net::Shutdown::Both);
            }
        }
    }

    /// Rows for the host's table, in joining order.
    pub fn rows(&self) -> Vec<Row> {
        let total = self.cfg.questions.len();
        self.seats()
            .iter()
            .map(|s| Row {
                name: s.name.clone(),
                answered: s.answered,
                total,
                score: s.score,
                state: s.state,
            })
            .collect()
    }

    /// 1-based rank of `score` among all seats (ties share a rank), and how many seats.
    pub fn rank(&self, score: f64) -> (usize, usize) {
        let seats = self.seats();
        let above = seats.iter().filter(|s| s.score > score + 1e-9).count();
        (above + 1, seats.len())
    }
}

/// A small stable hash (FNV-1a) so a name always gets the same layout seed.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Answer;
    use std::net::TcpListener;

    fn config(questions: Vec<usize>) -> HostConfig {
        HostConfig {
            listen: "127.0.0.1:0".into(),
            pin: "1234".into(),
            players: None,
            pace: super::super::Pace::Own,
            exam: false,
            session: SessionConfig::default(),
            questions,
            max_connections: 100,
            idle: Duration::from_secs(1),
            pin_tries: 2,
            interactive: false,
        }
    }

    fn bank() -> Bank {
        let json = r#"{"title":"t","questions":[
            {"id":"a","kind":"single","prompt":"A?","answer":"x","wrong":["y","z"]},
            {"id":"b","kind":"true_false","prompt":"B?","answer":true}]}"#;
        crate::bank::parse::parse("t", json.as_bytes()).unwrap()
    }

    fn socket() -> TcpStream {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        TcpStream::connect(listener.local_addr().unwrap()).unwrap()
    }

    #[test]
    fn a_lost_seat_is_taken_back_with_its_answers_and_a_live_one_is_refused() {
        let (cfg, bank) = (config(vec![1, 0]), bank());
        let hub = Hub::new(&cfg, &bank);
        let stream = socket();
        let Claim::Seated(seat, mut session, false) = hub.claim("Ann", &stream) else {
            panic!("a new seat")
        };
        assert!(matches!(hub.claim("ANN", &stream), Claim::Taken));
        session.answer(Some(&Answer::Bool(true)), 10);
        hub.release(seat, *session, SeatState::Away);
        let Claim::Seated(again, session, true) = hub.claim("ann", &stream) else {
            panic!("the same seat back")
        };
        assert_eq!(again, seat);
        assert_eq!(session.first_attempts().len(), 1);
        assert_eq!(session.current().unwrap().question.id, "a");
        hub.release(seat, *session, SeatState::Done);
        assert!(matches!(hub.claim("Ann", &stream), Claim::Done));
    }

    #[test]
    fn everyone_gets_the_same_questions_in_their_own_layout() {
        let (cfg, bank) = (config(vec![0, 1]), bank());
        let hub = Hub::new(&cfg, &bank);
        let stream = socket();
        let layouts: Vec<(String, Vec<usize>)> = (0..12)
            .map(|i| match hub.claim(&format!("s{i}"), &stream) {
                Claim::Seated(_, session, _) => {
                    let turn = session.current().unwrap();
                    (turn.question.id.clone(), turn.shown.perm.clone())
                }
                _ => panic!("seated"),
            })
            .collect();
        assert!(layouts.iter().all(|(id, _)| id == "a"));
        assert!(layouts.iter().any(|(_, perm)| *perm != layouts[0].1));
    }

    #[test]
    fn no_more_seats_than_connections_allowed() {
        let mut cfg = config(vec![0]);
        cfg.max_connections = 2;
        let bank = bank();
        let hub = Hub::new(&cfg, &bank);
        let stream = socket();
        for name in ["a", "b"] {
            assert!(matches!(hub.claim(name, &stream), Claim::Seated(..)));
        }
        assert!(matches!(hub.claim("c", &stream), Claim::Full));
    }

    #[test]
    fn wrong_pins_are_counted_per_address() {
        let (cfg, bank) = (config(vec![0]), bank());
        let hub = Hub::new(&cfg, &bank);
        let (one, two): (IpAddr, IpAddr) =
            ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        hub.pin_failed(one);
        assert!(hub.pin_allowed(one));
        hub.pin_failed(one);
        assert!(!hub.pin_allowed(one));
        assert!(hub.pin_allowed(two));
    }
}
