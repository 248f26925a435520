//! `factbot serve --watch`: reload once file changes in the knowledge folder settle.
//!
//! A polling watcher over file sizes and modification times rather than the `notify` crate:
//! it adds no dependency (and no platform backends to build), works the same on bind mounts
//! and network file systems where inotify events do not arrive, and a knowledge folder of a
//! few thousand files costs a few milliseconds of `stat` calls per poll. Editors save in
//! bursts (temp file, rename, chmod), so a reload waits until nothing changed for `settle`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, UNIX_EPOCH};

/// Decides when a burst of changes has settled.
#[derive(Debug, Clone)]
pub struct Debounce {
    settle: Duration,
    last_change: Option<Instant>,
}

impl Debounce {
    /// Fires once nothing changed for `settle` after a change.
    pub fn new(settle: Duration) -> Self {
        Self {
            settle,
            last_change: None,
        }
    }

    /// Records one observation at `now`; true when a reload should start now.
    pub fn observe(&mut self, changed: bool, now: Instant) -> bool {
        if changed {
            self.last_change = Some(now);
            return false;
        }
        match self.last_change {
            Some(at) if now.duration_since(at) >= self.settle => {
                self.last_change = None;
                true
            }
            _ => false,
        }
    }
}

/// Size and modification time of every file under a folder.
type Fingerprint = BTreeMap<PathBuf, (u64, u128)>;

fn fingerprint(dir: &Path) -> Fingerprint {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            Some((e.into_path(), (meta.len(), modified)))
        })
        .collect()
}

/// Polls a folder and calls back when its files changed and then stayed unchanged.
#[derive(Debug, Clone)]
pub struct Watcher {
    dir: PathBuf,
    poll: Duration,
    settle: Duration,
    /// The folder as it was when watching began.
    seen: Fingerprint,
}

impl Watcher {
    /// Watches `dir`, looking every `poll`, firing after `settle` without changes. Changes
    /// count from now, not from when [`Watcher::run`] starts on its thread: a file written
    /// while that thread was still starting would otherwise never be seen.
    pub fn new(dir: impl Into<PathBuf>, poll: Duration, settle: Duration) -> Self {
        let dir = dir.into();
        Self {
            seen: fingerprint(&dir),
            dir,
            poll,
            settle,
        }
    }

    /// Runs until `stop` is set, calling `on_settled` after each settled burst of changes.
    /// Blocking: run it on its own thread.
    pub fn run(self, stop: &AtomicBool, mut on_settled: impl FnMut()) {
        let mut seen = self.seen;
        let mut debounce = Debounce::new(self.settle);
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(self.poll);
            let now = fingerprint(&self.dir);
            let changed = now != seen;
            if changed {
                tracing::debug!(dir = %self.dir.display(), "knowledge files changed; waiting for them to settle");
                seen = now;
            }
            if debounce.observe(changed, Instant::now()) {
                on_settled();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debounce_waits_for_quiet_and_fires_once() {
        let start = Instant::now();
        let at = |ms| start + Duration::from_millis(ms);
        let mut d = Debounce::new(Duration::from_millis(2000));
        assert!(!d.observe(false, at(0)), "nothing changed yet");
        assert!(!d.observe(true, at(100)));
        assert!(!d.observe(true, at(1500)), "still changing");
        assert!(!d.observe(false, at(3000)), "1.5 s of quiet is not enough");
        assert!(d.observe(false, at(3600)), "2.1 s of quiet fires");
        assert!(!d.observe(false, at(9000)), "fires once per burst");
    }

    #[test]
    fn watcher_fires_after_a_file_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.md"), "one").expect("write");
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let watcher = Watcher::new(dir.path(), Duration::from_millis(20), Duration::from_millis(60));
        let thread_stop = std::sync::Arc::clone(&stop);
        // Written before the watcher's thread even starts: still a change.
        std::fs::write(dir.path().join("b.md"), "two").expect("write");
        let handle = std::thread::spawn(move || {
            watcher.run(&thread_stop, || {
                let _ = tx.send(());
            })
        });
        let fired = rx.recv_timeout(Duration::from_secs(5));
        stop.store(true, Ordering::Relaxed);
        handle.join().expect("watcher thread");
        assert!(fired.is_ok(), "watcher fired after the change settled");
        assert!(rx.try_recv().is_err(), "once");
    }
}
