//! Comparing the knowledge folder with the manifest of the generation in use: which files
//! are new, changed or gone, reading only those whose size or time moved.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use super::manifest::{FileEntry, FileStamp, Manifest};
use crate::knowledge::{read_file, ArticleId, Diagnostic, LoadOptions, SourceFile};

/// Modification times closer than this to the scan are re-checked by hash next time.
const RECENT_NS: u128 = 2_000_000_000;

/// Which articles a sync found added, changed or removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// New files.
    pub added: Vec<ArticleId>,
    /// Files whose content hash changed.
    pub changed: Vec<ArticleId>,
    /// Files that disappeared.
    pub removed: Vec<ArticleId>,
    /// True when the synonyms file changed.
    pub synonyms_changed: bool,
}

impl ChangeSet {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty() && !self.synonyms_changed
    }
}

/// One file's state as seen now.
pub(super) struct Scanned {
    pub(super) file: SourceFile,
    pub(super) stamp: FileStamp,
    /// Bytes, when they had to be read (new or possibly changed file).
    pub(super) bytes: Option<Vec<u8>>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// Stamps every file; reads (and hashes) only those the previous manifest cannot vouch for.
pub(super) fn scan_files(
    files: Vec<SourceFile>,
    previous: Option<&BTreeMap<String, FileEntry>>,
    load: &LoadOptions,
) -> Vec<Scanned> {
    files
        .into_par_iter()
        .map(|file| {
            // A sidecar (`name.meta.toml`) is part of the article: editing it alone reloads it.
            let sidecar = file.sidecar.as_deref();
            let metas = [
                fs::metadata(&file.path).ok(),
                sidecar.and_then(|s| fs::metadata(s).ok()),
            ];
            let size = metas.iter().flatten().map(fs::Metadata::len).sum::<u64>();
            let modified_ns = metas
                .iter()
                .flatten()
                .filter_map(|m| m.modified().ok())
                .filter_map(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .max()
                .unwrap_or(0);
            let known = previous.and_then(|p| p.get(file.id.as_str()));
            if let Some(entry) = known
                .filter(|e| e.stamp.size == size && e.stamp.modified_ns == modified_ns && modified_ns != 0)
            {
                return Scanned {
                    stamp: entry.stamp.clone(),
                    file,
                    bytes: None,
                    diagnostics: entry.diagnostics.clone(),
                };
            }
            let mut diagnostics = Vec::new();
            let bytes = read_file(&file, load, &mut diagnostics);
            let side = sidecar
                .filter(|_| metas[1].is_some())
                .and_then(|s| fs::read(s).ok());
            let hash = bytes.as_ref().map_or_else(String::new, |b| {
                let mut hasher = blake3::Hasher::new();
                hasher.update(b);
                hasher.update(side.as_deref().unwrap_or_default());
                hasher.finalize().to_hex().to_string()
            });
            // File systems stamp times at a coarse tick: a file written again within the same
            // tick as this scan could keep its size and time. Such a recent time is not
            // trusted (stored as unknown), so the next sync hashes the file again.
            let now_ns = std::time::SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let modified_ns = if now_ns.saturating_sub(modified_ns) < RECENT_NS {
                0
            } else {
                modified_ns
            };
            Scanned {
                file,
                stamp: FileStamp {
                    hash,
                    size,
                    modified_ns,
                },
                bytes,
                diagnostics,
            }
        })
        .collect()
}

/// Which articles were added, changed or removed, and whether the synonyms changed.
pub(super) fn diff(
    scanned: &[Scanned],
    previous: Option<&Manifest>,
    synonyms: Option<&FileStamp>,
) -> ChangeSet {
    let mut changes = ChangeSet::default();
    let empty = BTreeMap::new();
    let before = previous.map_or(&empty, |m| &m.files);
    for s in scanned {
        match before.get(s.file.id.as_str()) {
            None => changes.added.push(s.file.id.clone()),
            Some(entry) if entry.stamp.hash != s.stamp.hash => changes.changed.push(s.file.id.clone()),
            Some(_) => {}
        }
    }
    // A set, not a scan of `scanned` per id: that was quadratic (seconds at 100,000 files).
    let present: HashSet<&str> = scanned.iter().map(|s| s.file.id.as_str()).collect();
    for id in before.keys() {
        if !present.contains(id.as_str()) {
            changes.removed.push(ArticleId::new(id));
        }
    }
    changes.synonyms_changed =
        previous.is_some_and(|m| m.synonyms.as_ref().map(|s| &s.hash) != synonyms.map(|s| &s.hash));
    changes
}
