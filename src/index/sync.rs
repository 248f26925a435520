//! Keeping the index in step with the knowledge folder: compare files with the manifest of the
//! generation in use, then open it as is, update it incrementally, or rebuild it, always into
//! a fresh generation that is published only when complete.

use std::fs;
use std::path::{Path, PathBuf};

use super::generation::build_generation;
use super::manifest::{FileStamp, Manifest, Totals};
use super::reader::KnowledgeIndex;
pub use super::scan::ChangeSet;
use super::scan::{diff, scan_files};
use super::schema::SCHEMA_VERSION;
use super::store::DataDir;
use super::IndexError;
use crate::knowledge::{load_synonyms, scan_dir, Diagnostic, KnowledgeError, LoadOptions, SYNONYMS_FILE};

/// How long a sync waits for the build lock before reporting another build. A lock can
/// outlive its build for a moment: a process forked just then holds the lock file's
/// descriptor until it execs (seen as a rare failed reload in the reload-under-load test).
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// How much work a sync may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncMode {
    /// Open the current generation when nothing changed, update it when files changed.
    #[default]
    Auto,
    /// Rebuild everything from the knowledge folder.
    Full,
}

/// Options for [`sync`].
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// How to read knowledge files.
    pub load: LoadOptions,
    /// Incremental or full.
    pub mode: SyncMode,
}

/// What a sync did.
#[derive(Debug)]
pub struct SyncOutcome {
    /// The index now current; `None` when nothing changed and the caller already serves it.
    pub index: Option<KnowledgeIndex>,
    /// The generation now current.
    pub generation: PathBuf,
    /// What changed since the previous generation.
    pub changes: ChangeSet,
    /// Why a build happened (`None`: the existing generation was opened as is).
    pub rebuilt: Option<String>,
    /// Totals of the previous generation, when there was one.
    pub before: Option<Totals>,
    /// Totals now.
    pub after: Totals,
    /// Every problem in the knowledge folder as it is now.
    pub diagnostics: Vec<Diagnostic>,
}

/// Brings the index in `data` up to date with `knowledge`. `serving` is the generation the
/// caller already has open, so an unchanged folder costs no re-open.
pub fn sync(
    knowledge: &Path,
    data: &DataDir,
    serving: Option<&Path>,
    options: &SyncOptions,
) -> Result<SyncOutcome, IndexError> {
    fs::create_dir_all(data.root()).map_err(|source| IndexError::Io {
        path: data.root().to_path_buf(),
        source,
    })?;
    let lock_path = data.root().join("build.lock");
    let lock = fs::File::create(&lock_path).map_err(|source| IndexError::Io {
        path: lock_path,
        source,
    })?;
    if !super::fsutil::lock_within(&lock, LOCK_WAIT) {
        return Err(IndexError::Busy(data.root().to_path_buf()));
    }

    let current = data.current();
    let previous = current
        .clone()
        .and_then(|dir| Manifest::read(&dir).ok().map(|m| (dir, m)));
    let previous_files = previous.as_ref().map(|(_, m)| &m.files);
    let mut top_diagnostics = Vec::new();
    let files = scan_dir(knowledge, &mut top_diagnostics)?;
    // Never publish an empty generation: the one in use (if any) stays current.
    if files.is_empty() {
        return Err(KnowledgeError::Empty(knowledge.to_path_buf()).into());
    }
    let scanned = scan_files(files, previous_files, &options.load);

    let mut synonym_diagnostics = Vec::new();
    let synonyms = load_synonyms(knowledge, &mut synonym_diagnostics);
    let synonyms_text = fs::read(knowledge.join(SYNONYMS_FILE)).ok();
    let synonyms_stamp = synonyms_text.as_ref().map(|bytes| FileStamp {
        hash: blake3::hash(bytes).to_hex().to_string(),
        size: bytes.len() as u64,
        modified_ns: 0,
    });

    let changes = diff(
        &scanned,
        previous.as_ref().map(|(_, m)| m),
        synonyms_stamp.as_ref(),
    );
    let mut checked: Option<KnowledgeIndex> = None;
    let full_reason = match (&previous, options.mode) {
        (_, SyncMode::Full) => Some("full rebuild requested".to_string()),
        (None, _) => Some(match &current {
            Some(dir) => format!("index manifest in {} is unreadable", dir.display()),
            None => "no index yet".to_string(),
        }),
        (Some((_, m)), _) if m.schema_version != SCHEMA_VERSION => Some(format!(
            "index schema {} is outdated (now {SCHEMA_VERSION})",
            m.schema_version
        )),
        (Some((dir, _)), _) => match KnowledgeIndex::open(dir, synonyms.clone()) {
            Ok(index) => {
                // Kept: opening reads every article's metadata, too slow to do twice.
                checked = Some(index);
                None
            }
            Err(err) => Some(format!("index could not be opened ({err})")),
        },
    };

    if full_reason.is_none() && changes.is_empty() {
        let (dir, manifest) = previous.expect("previous generation exists when no rebuild is needed");
        let index = if serving == Some(dir.as_path()) {
            None
        } else if let Some(index) = checked {
            Some(index)
        } else {
            Some(KnowledgeIndex::open(&dir, synonyms)?)
        };
        let mut diagnostics = top_diagnostics;
        diagnostics.extend(manifest.diagnostics().cloned());
        diagnostics.extend(manifest.identical_files());
        return Ok(SyncOutcome {
            index,
            generation: dir,
            changes,
            rebuilt: None,
            before: Some(manifest.totals),
            after: manifest.totals,
            diagnostics,
        });
    }

    let building = data.begin_generation()?;
    let result = build_generation(
        &building,
        &scanned,
        previous.as_ref().filter(|_| full_reason.is_none()),
        &changes,
        &options.load,
        synonyms_stamp,
        synonym_diagnostics,
        synonyms_text.as_deref(),
    );
    let manifest = match result {
        // Files that all failed to read would make an empty index: keep the current one.
        Ok(manifest) if manifest.totals.articles == 0 => {
            data.discard(&building);
            return Err(KnowledgeError::Empty(knowledge.to_path_buf()).into());
        }
        Ok(manifest) => manifest,
        Err(err) => {
            data.discard(&building);
            return Err(err);
        }
    };
    let generation = match data.publish(&building) {
        Ok(dir) => dir,
        Err(err) => {
            data.discard(&building);
            return Err(err);
        }
    };
    let index = KnowledgeIndex::open(&generation, synonyms)?;
    let keep: Vec<&Path> = [Some(generation.as_path()), serving]
        .into_iter()
        .flatten()
        .collect();
    data.remove_old(&keep);
    let mut diagnostics = top_diagnostics;
    diagnostics.extend(manifest.diagnostics().cloned());
    diagnostics.extend(manifest.identical_files());
    let reason = full_reason.unwrap_or_else(|| {
        let n = changes.added.len() + changes.changed.len() + changes.removed.len();
        format!("{n} file(s) changed")
    });
    Ok(SyncOutcome {
        index: Some(index),
        generation,
        changes,
        rebuilt: Some(reason),
        before: previous.map(|(_, m)| m.totals),
        after: manifest.totals,
        diagnostics,
    })
}
