//! Noticing a student whose connection died without a word (cable pulled, laptop asleep):
//! no FIN comes, so without probes the host would wait for the idle limit (600 s) and
//! keep their name taken all that time.

use std::io;
use std::net::TcpStream;

use socket2::{SockRef, TcpKeepalive};

use super::protocol::{KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, KEEPALIVE_PROBES, UNACKED_LIMIT};

/// Turns on TCP keepalive (and, on Linux, a limit on unacknowledged data) for an accepted
/// connection, so a dead peer makes its reads and writes fail within about half a minute.
pub fn notice_dead_peer(stream: &TcpStream) -> io::Result<()> {
    let socket = SockRef::from(stream);
    let probes = TcpKeepalive::new()
        .with_time(KEEPALIVE_IDLE)
        .with_interval(KEEPALIVE_INTERVAL)
        .with_retries(KEEPALIVE_PROBES);
    socket.set_tcp_keepalive(&probes)?;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    socket.set_tcp_user_timeout(Some(UNACKED_LIMIT))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn accepted_connections_probe_a_silent_peer() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let _client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (host, _) = listener.accept().unwrap();
        notice_dead_peer(&host).unwrap();
        let socket = SockRef::from(&host);
        assert!(socket.keepalive().unwrap());
        assert_eq!(socket.tcp_keepalive_time().unwrap(), KEEPALIVE_IDLE);
    }
}
