//! `termquiz join HOST[:PORT]`: take part in a live class.

use crate::cli::JoinArgs;
use crate::error::{Error, Result};
use crate::live::client;

/// Connects and relays until the host closes the connection.
pub fn run(args: &JoinArgs) -> Result<()> {
    let address = client::with_default_port(&args.address);
    let stream = std::net::TcpStream::connect(&address).map_err(|e| {
        Error::Invalid(format!(
            "cannot reach {}: {}; check the address the teacher's screen shows",
            crate::bank::sanitize::escape_line(&address),
            crate::bank::input::in_words(&e)
        ))
    })?;
    if !crate::ui::is_interactive() {
        client::relay(stream)?;
        return Ok(());
    }
    match client::play_in_terminal(stream)? {
        client::Left::HostClosed => Ok(()),
        client::Left::Quit => Err(Error::Interrupted),
    }
}
