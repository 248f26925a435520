//! Small file-system helpers for crash-safe publishing.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use super::IndexError;

/// Writes `bytes` to a new file at `path` and syncs it to disk.
///
/// An incremental build starts as hard links to the previous generation's files, so writing
/// into an existing file would change the generation still serving too (its manifest would
/// then claim files it never indexed once the new build failed to publish). The old name is
/// unlinked first so the write always lands in a fresh inode.
pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), IndexError> {
    let io = |source| IndexError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Generations share files by hard link (`link_dir`): writing through an existing link
    // would change the previous generation too, so always start from a fresh inode.
    match fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(io(err)),
        _ => {}
    }
    let mut file = File::create(path).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

/// Replaces `path` atomically with `bytes` (write a sibling, then rename over).
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> Result<(), IndexError> {
    let tmp = path.with_extension("tmp");
    write_synced(&tmp, bytes)?;
    fs::rename(&tmp, path).map_err(|source| IndexError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(parent) = path.parent() {
        // Make the rename itself durable; failure here is not fatal on every platform.
        if let Ok(dir) = File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Copies a directory's files into a new directory as hard links (copies where linking fails).
/// tantivy never rewrites a segment file in place, so sharing them between generations is safe.
pub fn link_dir(from: &Path, to: &Path) -> Result<(), IndexError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| IndexError::Io { path, source }
    };
    fs::create_dir_all(to).map_err(io(to))?;
    for entry in fs::read_dir(from).map_err(io(from))? {
        let entry = entry.map_err(io(from))?;
        if !entry.file_type().map_err(io(from))?.is_file() {
            continue;
        }
        let name = entry.file_name();
        let target = to.join(&name);
        // Lock files belong to the writer of the old generation, not to the copy.
        if name.to_string_lossy().starts_with('.') && name.to_string_lossy().ends_with(".lock") {
            continue;
        }
        if fs::hard_link(entry.path(), &target).is_err() {
            fs::copy(entry.path(), &target).map_err(io(&target))?;
        }
    }
    Ok(())
}

/// Total size in bytes of the files in a directory (not recursive).
pub fn dir_size(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Takes the exclusive lock on `file`, retrying for up to `wait`.
pub(super) fn lock_within(file: &std::fs::File, wait: std::time::Duration) -> bool {
    let deadline = std::time::Instant::now() + wait;
    loop {
        if file.try_lock().is_ok() {
            return true;
        }
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn the_lock_is_waited_for_then_given_up() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("build.lock");
        let held = std::fs::File::create(&path).expect("lock file");
        held.try_lock().expect("first lock");
        let other = std::fs::File::create(&path).expect("lock file");
        assert!(!lock_within(&other, Duration::from_millis(60)), "held elsewhere");
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(40));
            drop(held);
        });
        assert!(lock_within(&other, Duration::from_secs(5)), "released meanwhile");
        releaser.join().expect("releaser");
    }
}
