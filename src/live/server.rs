//! The host's loops: accept connections (one thread each, within a scope so sessions can
//! borrow the bank), and steer the session from the main thread: start, pace, screen, end.

use std::io::{self, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, Scope};
use std::time::Duration;

use super::hub::Hub;
use super::protocol::say;
use super::teacher::Conductor;
use super::wire::WireOut;
use super::{Ending, HostConfig, Pace, Saver, lan, liveness, student};
use crate::bank::Bank;
use crate::ui::host::{HostScreen, SeatState, table};

/// How often the host looks at the room.
const TICK: Duration = Duration::from_millis(50);
/// Stack of a connection thread: plain mode needs little, and a class may be hundreds.
const STACK: usize = 256 * 1024;

/// Binds the address given, or says which one failed.
pub fn bind(listen: &str) -> io::Result<TcpListener> {
    let listener = TcpListener::bind(listen)?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Runs one live session on `listener` until everyone is done or `interrupted()`;
/// every student's result goes to `saver`, unfinished ones at the end.
pub fn run(
    cfg: &HostConfig,
    bank: &Bank,
    listener: &TcpListener,
    saver: &dyn Saver,
    interrupted: &(dyn Fn() -> bool + Sync),
) -> io::Result<Ending> {
    announce(cfg, listener)?;
    let hub = Hub::new(cfg, bank);
    let mut screen = HostScreen::new(cfg.interactive);
    let keys = cfg.interactive.then(enter_keys);
    let ending = thread::scope(|scope| {
        scope.spawn(|| accept(scope, &hub, saver, listener));
        let ending = steer(&hub, &mut screen, keys.as_ref(), interrupted);
        hub.stop.store(true, Ordering::SeqCst);
        hub.ring();
        // Let waiting connections say goodbye, then close the ones still blocked.
        thread::sleep(Duration::from_millis(250));
        hub.hang_up_all();
        ending
    });
    screen.log(&hub.take_notes())?;
    screen.keep();
    save_unfinished(&hub, saver, &mut screen)?;
    Ok(ending.unwrap_or(Ending::Interrupted))
}

/// The first line (address, real port, PIN), then where students connect.
fn announce(cfg: &HostConfig, listener: &TcpListener) -> io::Result<()> {
    let addr = listener.local_addr()?;
    let mut out = io::stdout().lock();
    writeln!(out, "Listening on {addr} · PIN {}", cfg.pin)?;
    let reach = lan::join_addresses(addr);
    if reach.is_empty() {
        writeln!(
            out,
            "No network address found; students use this machine's address, port {}",
            addr.port()
        )?;
    }
    for a in reach {
        writeln!(
            out,
            "Students join with: termquiz join {a}   (or: nc {} {})",
            a.ip(),
            a.port()
        )?;
    }
    out.flush()
}

/// A thread that turns each Enter on the host's terminal into a message.
fn enter_keys() -> Receiver<()> {
    let (send, receive) = mpsc::channel();
    // Detached: it may stay blocked on stdin until the process exits.
    thread::spawn(move || {
        let mut line = String::new();
        while io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
            line.clear();
            if send.send(()).is_err() {
                break;
            }
        }
    });
    receive
}

/// Accepts until the host stops; refuses connections past the limit.
fn accept<'s, 'b: 's>(
    scope: &'s Scope<'s, '_>,
    hub: &'s Hub<'b>,
    saver: &'s dyn Saver,
    listener: &TcpListener,
) {
    while !hub.stopping() {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(_) => {
                thread::sleep(TICK);
                continue;
            }
        };
        // Best effort: a connection without probes still ends at the idle limit.
        let _ = liveness::notice_dead_peer(&stream);
        if hub.connections.load(Ordering::SeqCst) >= hub.cfg.max_connections {
            refuse(stream);
            continue;
        }
        hub.connections.fetch_add(1, Ordering::SeqCst);
        let spawned = thread::Builder::new()
            .stack_size(STACK)
            .spawn_scoped(scope, move || {
                student::serve(hub, saver, stream);
                hub.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            hub.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn refuse(stream: TcpStream) {
    if let Ok(mut out) = WireOut::new(stream) {
        let _ = out.line(say::FULL);
    }
}

/// The main thread's loop: start, pace, screen; returns how the session ended.
fn steer(
    hub: &Hub<'_>,
    screen: &mut HostScreen,
    keys: Option<&Receiver<()>>,
    interrupted: &(dyn Fn() -> bool + Sync),
) -> io::Result<Ending> {
    let mut conductor = Conductor;
    loop {
        if interrupted() {
            return Ok(Ending::Interrupted);
        }
        let enter = keys.is_some_and(|k| k.try_recv().is_ok());
        if enter {
            screen.typed_line();
        }
        let joined = hub.seats().len();
        let start = match hub.cfg.players {
            Some(n) => joined >= n,
            None => !hub.cfg.interactive && joined > 0,
        };
        match hub.cfg.pace {
            Pace::Own => {
                if !hub.started.load(Ordering::SeqCst) && (start || enter) {
                    hub.started.store(true, Ordering::SeqCst);
                    hub.note("Started".into());
                    hub.ring();
                }
            }
            Pace::Teacher => conductor.step(hub, enter, start),
        }
        screen.log(&hub.take_notes())?;
        let rows = hub.rows();
        screen.table(&table(&rows, &status(hub, &conductor)))?;
        let started = hub.started.load(Ordering::SeqCst);
        if started && !rows.is_empty() && rows.iter().all(|r| r.state != SeatState::Playing) {
            return Ok(Ending::Finished);
        }
        thread::sleep(TICK);
    }
}

fn status(hub: &Hub<'_>, conductor: &Conductor) -> String {
    if hub.cfg.pace == Pace::Teacher {
        return conductor.status(hub);
    }
    if hub.started.load(Ordering::SeqCst) {
        "Playing".into()
    } else if hub.cfg.interactive {
        "Lobby · Enter: start".into()
    } else {
        "Lobby".into()
    }
}

/// Saves every student whose result is not written yet (the session was cut short).
fn save_unfinished(hub: &Hub<'_>, saver: &dyn Saver, screen: &mut HostScreen) -> io::Result<()> {
    let mut lines = Vec::new();
    for seat in hub.seats().iter().filter(|s| !s.saved) {
        if let Some(session) = &seat.session {
            let saved = saver.save(&seat.name, seat.started_at, session);
            lines.push(crate::ui::host::event(
                &seat.name,
                &format!("stopped early · {saved}"),
            ));
        }
    }
    screen.log(&lines)
}
