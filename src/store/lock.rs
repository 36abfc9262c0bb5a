//! Advisory locks so that concurrent termquiz processes take turns on a shared file.
//!
//! A file replaced by rename keeps its lock on the old inode, so a lock on the file itself
//! only counts once the path is checked to still name the locked file ([`lock_in_place`],
//! for banks, which get no clutter beside them). In the data dir a companion file
//! `.NAME.termquiz-lock` is simpler ([`lock_beside`]). Appends lock the appended file.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{follow_links, parent_dir};

/// An exclusive lock, released when dropped (or when the process dies).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Waits for the exclusive lock guarding `path` (its symlink target) and holds it.
pub fn lock_beside(path: &Path) -> io::Result<Lock> {
    let lock_path = lock_path(&follow_links(path)?);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    file.lock()?;
    Ok(Lock { _file: file })
}

/// Waits for the exclusive lock on the existing file `path` (through symlinks) and holds
/// it. If the file was replaced while we waited, the new one is locked instead.
pub fn lock_in_place(path: &Path) -> io::Result<Lock> {
    let target = follow_links(path)?;
    loop {
        let file = File::open(&target)?;
        file.lock()?;
        if same_inode(&file.metadata()?, &std::fs::metadata(&target)?) {
            return Ok(Lock { _file: file });
        }
    }
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// The companion lock file of `target`.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    parent_dir(target).join(format!(".{name}.termquiz-lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_sits_beside_the_symlink_target() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        std::fs::create_dir(&real_dir).unwrap();
        std::fs::write(real_dir.join("bank.json"), "{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(real_dir.join("bank.json"), &link).unwrap();
        let held = lock_beside(&link).unwrap();
        assert!(real_dir.join(".bank.json.termquiz-lock").exists());
        let other = File::open(real_dir.join(".bank.json.termquiz-lock")).unwrap();
        assert!(other.try_lock().is_err(), "the lock is held");
        drop(held);
        assert!(other.try_lock().is_ok(), "dropping releases it");
    }
}
