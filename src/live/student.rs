//! One student's connection: name, PIN, lobby, then the questions through plain mode's
//! `Prompter` over the socket. Every failure ends only this connection.

use std::io::{self, BufReader};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::hub::{Claim, Hub};
use super::protocol::{self, LINE_RULES, NAME_PROMPT, PIN_PROMPT, REJOIN_PROMPT, say};
use super::wire::{self, Reader, WireIn, WireOut};
use super::{Pace, Saver, teacher};
use crate::engine::Session;
use crate::ui::host::{SeatState, event};
use crate::ui::plain::Plain;
use crate::ui::{Prompter, read_line_with, render};

/// How long a take-over waits for the old connection to hand its session back.
const TAKEOVER_WAIT: Duration = Duration::from_secs(5);

/// Plain mode over one client's socket.
pub type Remote<'h> = Plain<Reader<'h>, WireOut>;

/// How a student's part ended.
pub enum End {
    /// Every question answered.
    Done,
    /// The connection ended (or the host did) before that.
    Left,
}

/// Serves one connection from its first byte to its last.
pub fn serve(hub: &Hub<'_>, saver: &dyn Saver, stream: TcpStream) {
    // Lines go out whole: the teacher's terminal width means nothing on a student's screen.
    crate::ui::fit::for_remote_screen();
    let peer = stream
        .peer_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| a.ip());
    let (Ok(read_half), Ok(write_half)) = (stream.try_clone(), stream.try_clone()) else {
        return;
    };
    let (Ok(input), Ok(output)) = (
        WireIn::new(read_half, hub.cfg.idle, &hub.stop),
        WireOut::new(write_half),
    ) else {
        return;
    };
    let mut reader = BufReader::new(input);
    let mut writer = output;
    reader
        .get_mut()
        .set_idle(hub.cfg.idle.min(protocol::HANDSHAKE_IDLE));
    let seated = match enter(hub, &mut reader, &mut writer, peer, &stream) {
        Ok(Some(seated)) => seated,
        Ok(None) => return,
        Err(e) => return goodbye(&mut writer, &e),
    };
    reader.get_mut().set_idle(hub.cfg.idle);
    let (seat, mut session, back) = seated;
    let (name, code) = {
        let seats = hub.seats();
        (seats[seat].name.clone(), seats[seat].rejoin_code.clone())
    };
    hub.note(event(&name, if back { "is back" } else { "joined" }));
    if writer.line(&protocol::rejoin_code_line(&code)).is_err() {
        hub.release(seat, session, SeatState::Away);
        return;
    }
    let mut remote = Plain::new(reader, writer, false).with_rules(LINE_RULES);
    let end = match play(hub, seat, &mut session, &mut remote) {
        Ok(end) => end,
        Err(e) => {
            goodbye(remote.output_mut(), &e);
            End::Left
        }
    };
    match end {
        End::Done => finish(hub, saver, seat, &name, session, &mut remote),
        End::Left => {
            hub.note(event(&name, "left"));
            hub.release(seat, session, SeatState::Away);
        }
    }
}

/// A name, then the PIN, then a seat for that name; `None` when the client gave up or
/// was refused. A taken name asks for another name, never the PIN again.
fn enter<'b>(
    hub: &Hub<'b>,
    reader: &mut Reader<'_>,
    writer: &mut WireOut,
    peer: IpAddr,
    stream: &TcpStream,
) -> io::Result<Option<(usize, Session<'b>, bool)>> {
    // An address out of PIN tries is told at once, before it types anything.
    if !hub.pin_allowed(peer) {
        writer.line(say::PIN_LOCKED)?;
        return Ok(None);
    }
    let mut pin_given = false;
    let mut tries = protocol::NAME_TRIES;
    loop {
        let Some(name) = name(reader, writer, &mut tries)? else {
            return Ok(None);
        };
        // The PIN comes after the name, as the protocol says; once right it is not asked again.
        if !pin_given && !pin(hub, reader, writer, peer)? {
            return Ok(None);
        }
        pin_given = true;
        let mut claim = hub.claim(&name, stream);
        if matches!(claim, Claim::Taken) {
            writer.line(say::NAME_TAKEN)?;
            claim = match rejoin_code(hub, reader, writer, peer)? {
                Rejoin::Left => return Ok(None),
                Rejoin::OtherName => continue,
                Rejoin::Code(code) => hub.take_over(&name, &code, stream, TAKEOVER_WAIT),
            };
        }
        match claim {
            Claim::Seated(seat, session, back) => return Ok(Some((seat, *session, back))),
            Claim::Taken => writer.line(say::TAKEOVER_FAILED)?,
            Claim::Done => writer.line(say::ALREADY_DONE)?,
            Claim::WrongCode => {
                hub.pin_failed(peer);
                hub.note(format!("wrong rejoin code from {peer}"));
                writer.line(say::WRONG_CODE)?;
            }
            Claim::Full => {
                writer.line(say::FULL)?;
                return Ok(None);
            }
        }
    }
}

/// What a student typed when their name was taken.
enum Rejoin {
    /// The client left, or its address is out of tries.
    Left,
    /// An empty line: they choose another name.
    OtherName,
    /// A code to take the seat over with.
    Code(String),
}

/// Asks for the seat's rejoin code; wrong codes count with wrong PINs, per address.
fn rejoin_code(
    hub: &Hub<'_>,
    reader: &mut Reader<'_>,
    writer: &mut WireOut,
    peer: IpAddr,
) -> io::Result<Rejoin> {
    if !hub.pin_allowed(peer) {
        writer.line(say::PIN_LOCKED)?;
        return Ok(Rejoin::Left);
    }
    let Some(line) = read_line_with(reader, writer, REJOIN_PROMPT, false, LINE_RULES)? else {
        return Ok(Rejoin::Left);
    };
    let code = line.trim();
    Ok(if code.is_empty() {
        Rejoin::OtherName
    } else {
        Rejoin::Code(code.to_string())
    })
}

/// Asks for a name until one is well formed, spending `tries` (shared by every name this
/// connection types); `None` when the client left or the tries ran out.
fn name(
    reader: &mut Reader<'_>,
    writer: &mut WireOut,
    tries: &mut u32,
) -> io::Result<Option<String>> {
    while *tries > 0 {
        *tries -= 1;
        let Some(line) = read_line_with(reader, writer, NAME_PROMPT, false, LINE_RULES)? else {
            return Ok(None);
        };
        match protocol::check_name(&line) {
            Ok(name) => return Ok(Some(name)),
            Err(e) => writer.line(&e.to_string())?,
        }
    }
    writer.line(say::NO_NAME)?;
    Ok(None)
}

/// Asks for the PIN until it is right, the tries run out, or the client leaves.
fn pin(
    hub: &Hub<'_>,
    reader: &mut Reader<'_>,
    writer: &mut WireOut,
    peer: IpAddr,
) -> io::Result<bool> {
    for _ in 0..protocol::PIN_TRIES_PER_CONNECTION {
        if !hub.pin_allowed(peer) {
            break;
        }
        let Some(line) = read_line_with(reader, writer, PIN_PROMPT, false, LINE_RULES)? else {
            return Ok(false);
        };
        if protocol::pin_matches(&line, &hub.cfg.pin) {
            return Ok(true);
        }
        hub.pin_failed(peer);
        hub.note(format!("wrong PIN from {peer}"));
        writer.line(say::WRONG_PIN)?;
    }
    writer.line(say::PIN_LOCKED)?;
    Ok(false)
}

/// The lobby, then the questions at the session's pace.
fn play<'h, 'b>(
    hub: &'h Hub<'b>,
    seat: usize,
    session: &mut Session<'b>,
    remote: &mut Remote<'h>,
) -> io::Result<End> {
    if !wait_for_start(hub, remote)? {
        return Ok(End::Left);
    }
    wire::discard_waiting(remote.input_mut())?;
    match hub.cfg.pace {
        Pace::Own => own_pace(hub, seat, session, remote),
        Pace::Teacher => teacher::follow(hub, seat, session, remote),
    }
}

/// False when the client left (or the host ended) before the start.
fn wait_for_start(hub: &Hub<'_>, remote: &mut Remote<'_>) -> io::Result<bool> {
    if !hub.started.load(Ordering::SeqCst) {
        remote.output_mut().line(say::WAIT_START)?;
    }
    loop {
        if hub.stopping() {
            return Err(io::Error::other(wire::Stopped::Cancelled));
        }
        if hub.started.load(Ordering::SeqCst) {
            return Ok(true);
        }
        if remote.input_mut().get_ref().closed() {
            return Ok(false);
        }
        hub.wait(Duration::from_millis(200));
    }
}

/// Self pace: question after question; practice mode explains each answer at once.
fn own_pace<'b>(
    hub: &Hub<'b>,
    seat: usize,
    session: &mut Session<'b>,
    remote: &mut Remote<'_>,
) -> io::Result<End> {
    while let Some(turn) = session.current() {
        let number = turn.number;
        let asked = Instant::now();
        let Some(answer) = remote.ask(&turn)? else {
            return Ok(End::Left);
        };
        let ms = u64::try_from(asked.elapsed().as_millis()).unwrap_or(u64::MAX);
        let Some(outcome) = session.answer(Some(&answer), ms) else {
            break;
        };
        hub.publish(seat, session, &outcome, number);
        if !hub.cfg.exam {
            let q = &hub.bank.questions[outcome.question];
            remote.show(&render::feedback(q, &outcome))?;
        }
    }
    Ok(End::Done)
}

/// The student's summary (and, in practice mode, the review of mistakes), then the result.
fn finish<'b>(
    hub: &Hub<'b>,
    saver: &dyn Saver,
    seat: usize,
    name: &str,
    session: Session<'b>,
    remote: &mut Remote<'_>,
) {
    let started_at = hub.seats()[seat].started_at;
    let elapsed = jiff::Timestamp::now()
        .duration_since(started_at)
        .unsigned_abs();
    let mut text = render::summary(&session, elapsed, false);
    if hub.cfg.exam {
        text.push_str(say::EXAM_END);
    } else {
        text.push_str(&render::mistakes(&session));
    }
    if hub.cfg.pace == Pace::Teacher {
        let (rank, of) = hub.rank(session.tally().score);
        text.push_str(&format!("\nFinal rank {rank} of {of}.\n"));
    }
    let _ = remote.show(&text);
    let saved = saver.save(name, started_at, &session);
    hub.note(event(
        name,
        &format!(
            "finished: {}/{} · {saved}",
            render::points(session.tally().score),
            render::points(session.tally().max_score)
        ),
    ));
    hub.mark_saved(seat);
    hub.release(seat, session, SeatState::Done);
}

/// Tells the client why the connection ends, when it is the host's doing.
fn goodbye(writer: &mut WireOut, e: &io::Error) {
    let message = match wire::stopped(e) {
        Some(wire::Stopped::Cancelled) => say::HOST_ENDED,
        Some(wire::Stopped::Idle) => say::IDLE,
        Some(wire::Stopped::Flood) => say::FLOOD,
        None if e.kind() == io::ErrorKind::InvalidData => say::LINE_TOO_LONG,
        None => return,
    };
    let _ = writer.line(message);
}
