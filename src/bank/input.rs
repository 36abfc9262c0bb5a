//! Reading a file with bounded work: devices and directories are refused, pipes are read
//! only where the user names them (banks, imports), and nothing past a limit
//! ([`MAX_INPUT_BYTES`] for what the user names, [`MAX_DATA_BYTES`] for termquiz's own files).

use std::io::{self, Read};
use std::path::Path;

/// The largest bank or import file read (2 GiB: a million-question bank is about 700 MiB).
pub const MAX_INPUT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The largest review state or result file read whole (256 MiB).
pub const MAX_DATA_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a file the user named (a bank, an import) through symlinks: a regular file or a
/// named pipe (`<(cmd)`), at most [`MAX_INPUT_BYTES`]; a directory or a device is an error.
pub fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    read_at_most(path, MAX_INPUT_BYTES, true)
}

/// Reads one of termquiz's own files (history, review state, a result): regular files only,
/// since nobody writes into a pipe there and opening it would wait forever.
pub fn read_data(path: &Path) -> io::Result<Vec<u8>> {
    read_at_most(path, MAX_DATA_BYTES, false)
}

/// [`read_bounded`] with another limit (tests use small ones), pipes allowed or not.
pub fn read_at_most(path: &Path, limit: u64, pipes: bool) -> io::Result<Vec<u8>> {
    let (file, meta) = open_checked(path, pipes)?;
    read_all(file, &meta, limit)
}

/// Opens a file the user named (see [`read_bounded`]) without reading it; gives its
/// metadata too, to tell a regular file from a pipe.
pub fn open_bounded(path: &Path) -> io::Result<(std::fs::File, std::fs::Metadata)> {
    open_checked(path, true)
}

fn open_checked(path: &Path, pipes: bool) -> io::Result<(std::fs::File, std::fs::Metadata)> {
    let meta = std::fs::metadata(path)?;
    if !(meta.is_file() || pipes && is_pipe(&meta)) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is {}, not a regular file", kind_name(&meta)),
        ));
    }
    Ok((std::fs::File::open(path)?, meta))
}

/// Reads an opened file whole, at most `limit` bytes.
pub fn read_all(file: std::fs::File, meta: &std::fs::Metadata, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// The error for a file past `limit` bytes.
pub fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("is larger than {} MiB; termquiz reads no more", limit >> 20),
    )
}

/// Opens one of termquiz's own files for streaming: regular files only (see [`read_data`]).
pub fn open_regular(path: &Path) -> io::Result<std::fs::File> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is {}, not a regular file", kind_name(&meta)),
        ));
    }
    std::fs::File::open(path)
}

fn is_pipe(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// What a path that is not a regular file is, for messages: "a device", "a directory"…
pub fn kind_name(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// An OS error in plain words, without "(os error 2)" or the name of a temp file; the rare
/// kinds keep the OS's text, and termquiz's own messages ("is a directory, not a regular
/// file") pass as they are.
pub fn in_words(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let words = match e.kind() {
        K::NotFound => "no such file or directory; check the name",
        K::PermissionDenied => "permission denied; check the file's and its folder's permissions",
        K::AlreadyExists => "already exists; it was left as it is",
        K::IsADirectory => "is a directory, not a file",
        K::NotADirectory => "a part of the path is not a directory",
        K::StorageFull => "the disk is full; free some space and try again",
        K::ReadOnlyFilesystem => "the file system is read-only",
        K::DirectoryNotEmpty => "the directory is not empty",
        K::ConnectionRefused => "connection refused",
        K::AddrInUse => "the address is already in use",
        K::AddrNotAvailable => "the address is not available on this machine",
        K::TimedOut => "timed out",
        _ => return without_os_details(&e.to_string()),
    };
    words.to_string()
}

/// Drops the OS's error number and a temp file's path from an error's text.
fn without_os_details(text: &str) -> String {
    let text = match text.find(" at path \"") {
        Some(at) => &text[..at],
        None => text,
    };
    let text = match text.rfind(" (os error ") {
        Some(at) => &text[..at],
        None => text,
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_directories_are_refused() {
        for path in ["/dev/zero", "/dev/full", "/tmp"] {
            let err = read_bounded(Path::new(path)).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{path}: {err}");
        }
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        std::fs::write(&path, vec![b' '; 2049]).unwrap();
        assert_eq!(read_at_most(&path, 4096, true).unwrap().len(), 2049);
        let err = read_at_most(&path, 2048, true).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
    }

    #[test]
    fn os_errors_were_shown_with_numbers_and_temp_file_names() {
        let cases = [
            (io::ErrorKind::NotFound, 2, "no such file"),
            (io::ErrorKind::PermissionDenied, 13, "permission denied"),
            (io::ErrorKind::IsADirectory, 21, "is a directory"),
            (io::ErrorKind::StorageFull, 28, "the disk is full"),
            (
                io::ErrorKind::ReadOnlyFilesystem,
                30,
                "the file system is read-only",
            ),
        ];
        for (kind, code, words) in cases {
            let os = io::Error::from_raw_os_error(code);
            assert_eq!(os.kind(), kind);
            // What tempfile returns: the OS error with the temp file's path after it.
            let wrapped = io::Error::new(kind, format!("{os} at path \"/d/.termquiz-tmp-x.tmp\""));
            for e in [os, wrapped] {
                let text = in_words(&e);
                assert!(text.starts_with(words), "{kind:?}: {text}");
                assert!(
                    !text.contains("os error") && !text.contains("tmp"),
                    "{text}"
                );
            }
        }
        let other = io::Error::other("Bad thing (os error 99) at path \"/d/.termquiz-tmp-y\"");
        assert_eq!(in_words(&other), "Bad thing");
        let ours = io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a directory, not a regular file",
        );
        assert_eq!(in_words(&ours), "is a directory, not a regular file");
    }
}
