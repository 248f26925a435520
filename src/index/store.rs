//! The data directory: numbered index generations and a `current` pointer.
//!
//! ```text
//! .factbot/
//!   current            name of the generation in use ("gen-000007")
//!   gen-000007/        tantivy files + factbot-manifest.json (+ its head,
//!                      factbot-generation.json) + synonyms.toml
//!   building-…/        a generation being built (removed if the build fails)
//! ```
//! A generation is built in a fresh directory and only published (renamed, then `current`
//! replaced atomically) when complete, so a crash mid-build never leaves a broken index in use.

use std::fs;
use std::path::{Path, PathBuf};

use super::fsutil::replace_atomically;
use super::IndexError;

const CURRENT_FILE: &str = "current";
const GENERATION_PREFIX: &str = "gen-";
const BUILDING_PREFIX: &str = "building-";

/// A data directory holding index generations.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// Wraps `root` (created on first build).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The directory itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The generation in use, if one was ever published and still exists.
    pub fn current(&self) -> Option<PathBuf> {
        let name = fs::read_to_string(self.root.join(CURRENT_FILE)).ok()?;
        let dir = self.root.join(name.trim());
        dir.is_dir().then_some(dir)
    }

    /// Creates an empty directory for a new generation.
    pub fn begin_generation(&self) -> Result<PathBuf, IndexError> {
        fs::create_dir_all(&self.root).map_err(|source| IndexError::Io {
            path: self.root.clone(),
            source,
        })?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = self
            .root
            .join(format!("{BUILDING_PREFIX}{}-{stamp}", std::process::id()));
        Ok(dir)
    }

    /// Publishes a completed build: renames it to the next generation number and points
    /// `current` at it. Returns the published directory.
    pub fn publish(&self, building: &Path) -> Result<PathBuf, IndexError> {
        let next = self.generations().last().map_or(1, |(n, _)| n + 1);
        let name = format!("{GENERATION_PREFIX}{next:06}");
        let target = self.root.join(&name);
        fs::rename(building, &target).map_err(|source| IndexError::Io {
            path: target.clone(),
            source,
        })?;
        replace_atomically(&self.root.join(CURRENT_FILE), name.as_bytes())?;
        Ok(target)
    }

    /// Removes a failed build's directory (best effort: it is never in use).
    pub fn discard(&self, building: &Path) {
        let _ = fs::remove_dir_all(building);
    }

    /// Deletes generations other than `keep` and leftover builds of dead processes. Readers
    /// of an old generation hold its files open (mmap), so deletion never breaks a search
    /// in flight on Unix.
    pub fn remove_old(&self, keep: &[&Path]) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_generation = name.starts_with(GENERATION_PREFIX);
            let is_stale_build = name
                .strip_prefix(BUILDING_PREFIX)
                .and_then(|rest| rest.split('-').next())
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| pid != std::process::id() && !process_alive(pid));
            if (is_generation || is_stale_build) && !keep.iter().any(|k| *k == path) {
                let _ = fs::remove_dir_all(&path);
            }
        }
    }

    fn generations(&self) -> Vec<(u64, PathBuf)> {
        let mut out: Vec<(u64, PathBuf)> = fs::read_dir(&self.root)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let n = name.strip_prefix(GENERATION_PREFIX)?.parse().ok()?;
                Some((n, e.path()))
            })
            .collect();
        out.sort();
        out
    }
}

fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}
