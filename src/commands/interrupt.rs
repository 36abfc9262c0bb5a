//! Ctrl-C, SIGTERM and SIGHUP during a session: stop cleanly and keep the partial result.
//!
//! In a dialoguer prompt a signal interrupts the key read: console restores the terminal,
//! the prompt returns, and the session finishes normally. A plain-mode line read is retried
//! by std instead, so after a short grace the signal thread runs the armed fallback (which
//! saves the latest snapshot) and exits with 130.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

type Fallback = Box<dyn FnOnce() + Send>;

static SIGNALLED: AtomicBool = AtomicBool::new(false);
static PENDING: OnceLock<Arc<Mutex<Option<Fallback>>>> = OnceLock::new();

/// How long the main thread gets to finish by itself after a signal.
const GRACE: Duration = Duration::from_millis(600);

/// Handle to the installed signal handler.
pub struct Guard {
    pending: Arc<Mutex<Option<Fallback>>>,
}

/// Installs the handler (once per process) and returns a guard with nothing armed.
pub fn install() -> Guard {
    let pending = PENDING.get_or_init(|| {
        let pending: Arc<Mutex<Option<Fallback>>> = Arc::new(Mutex::new(None));
        let for_handler = Arc::clone(&pending);
        // If a handler cannot be installed, signals keep their default action.
        let _ = ctrlc::set_handler(move || on_signal(&for_handler));
        pending
    });
    Guard {
        pending: Arc::clone(pending),
    }
}

fn on_signal(pending: &Mutex<Option<Fallback>>) {
    SIGNALLED.store(true, Ordering::SeqCst);
    // The main thread may hold the stdout lock, blocked on a full pipe: showing the cursor
    // happens on a thread of its own, so this one never waits for that lock.
    std::thread::spawn(|| {
        let _ = console::Term::stdout().show_cursor();
    });
    std::thread::sleep(GRACE);
    let fallback = pending.lock().ok().and_then(|mut p| p.take());
    if let Some(fallback) = fallback {
        fallback();
        std::process::exit(130);
    }
}

impl Guard {
    /// True once a signal came.
    pub fn signalled() -> bool {
        SIGNALLED.load(Ordering::SeqCst)
    }

    /// Sets what to do if the main thread cannot finish by itself (replaces the last one).
    pub fn arm(&self, fallback: impl FnOnce() + Send + 'static) {
        if let Ok(mut p) = self.pending.lock() {
            *p = Some(Box::new(fallback));
        }
    }

    /// The main thread finishes by itself: the fallback will not run. If the signal thread
    /// already took the fallback, it is saving and will end the process: this thread waits,
    /// so a session is never saved twice.
    pub fn disarm(&self) {
        let taken = self.pending.lock().ok().and_then(|mut p| p.take());
        if taken.is_none() && Guard::signalled() {
            loop {
                std::thread::park();
            }
        }
    }
}
