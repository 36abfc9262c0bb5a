//! The benchmark's reference for `validate`: read a file whole and scan it with serde
//! (`IgnoredAny`), the least any JSON reader must do. `scan_json FILE`
use serde::de::IgnoredAny;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: scan_json FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    if let Err(e) = serde_json::from_slice::<IgnoredAny>(&bytes) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
}
