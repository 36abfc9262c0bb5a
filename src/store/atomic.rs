//! Replacing a file in one step: readers see the old file or the new one, never half.
//!
//! A symlink is written through (its target is replaced, the link stays); anything but a
//! regular file (a device such as /dev/null, a FIFO, a directory) is refused. Temp files
//! are named `.termquiz-tmp-*`, and ones a killed writer left behind are removed.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Temp files termquiz writes start with this, so they can be recognised and cleaned up.
pub const TEMP_PREFIX: &str = ".termquiz-tmp-";
/// A temp file older than this was left by a writer that died: it is removed.
pub const STALE_AFTER: Duration = Duration::from_secs(15 * 60);
/// How many symlinks are followed before giving up (as Linux's ELOOP).
const MAX_LINKS: usize = 40;

/// Writes `bytes` to a temp file beside the target of `path`, syncs it, renames it over the
/// target and syncs the directory. An existing file keeps its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written piece by piece into a temp file beside its target, which
/// [`AtomicFile::commit`] puts in place; dropped uncommitted, the temp file is removed and
/// the target is left as it was.
pub struct AtomicFile {
    target: PathBuf,
    temp: io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts replacing `path` (through symlinks); refuses anything but a regular file.
    pub fn create(path: &Path) -> io::Result<Self> {
        let target = replaceable_target(path)?;
        let dir = parent_dir(&target);
        remove_stale_temps(dir);
        let temp = io::BufWriter::with_capacity(1 << 16, temp_file_in(dir)?);
        Ok(AtomicFile { target, temp })
    }

    /// Syncs the written file, renames it over the target and syncs the directory. An
    /// existing file keeps its permissions.
    pub fn commit(self) -> io::Result<()> {
        let temp = self
            .temp
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        match std::fs::metadata(&self.target) {
            Ok(meta) => temp.as_file().set_permissions(meta.permissions())?,
            // A temp file is private (0600); a new file gets the usual 0644.
            Err(_) => set_new_file_permissions(temp.as_file())?,
        }
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        sync_dir(parent_dir(&self.target))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.temp.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// A new temp file in `dir` with termquiz's recognisable name.
pub fn temp_file_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// The file `path` names once symlinks are followed (it may not exist yet); an error when
/// it exists and is not a regular file.
pub fn replaceable_target(path: &Path) -> io::Result<PathBuf> {
    let target = follow_links(path)?;
    match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => Err(not_regular(&meta)),
        Ok(_) => Ok(target),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(target),
        Err(e) => Err(e),
    }
}

/// Follows `path` through symlinks, link by link, to the path of what they point at.
pub fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = parent_dir(&current).join(link);
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Why a path that exists cannot be replaced or read as a file.
pub fn not_regular(meta: &std::fs::Metadata) -> io::Error {
    let what = crate::bank::input::kind_name(meta);
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("is {what}, not a regular file; refusing to replace it"),
    )
}

/// The directory holding `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes a rename in `dir` durable (a no-op where directories cannot be synced).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// Removes `.termquiz-tmp-*` files older than [`STALE_AFTER`] from `dir`; best effort.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|at| now.duration_since(at).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn set_new_file_permissions(file: &std::fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_file: &std::fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[path = "atomic_tests.rs"]
mod tests;
