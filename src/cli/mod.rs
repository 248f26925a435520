//! Subcommand implementations for the `factbot` binary.

pub mod answer;
pub mod bench;
pub mod check;
pub mod eval;
pub mod index;
pub mod report;
pub mod serve;

use std::path::{Path, PathBuf};

use anyhow::Context;
use factbot::answer::Engine;
use factbot::index::{sync, DataDir, IndexError, KnowledgeIndex, SyncOptions, SyncOutcome};
use factbot::knowledge::{load_synonyms, LoadOptions};

use crate::Paths;

/// Logs go to stderr, filtered by `RUST_LOG` (default: warnings only for CLI use, `info` for
/// the bot so each command leaves a line).
pub fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

impl Paths {
    /// The data directory: `--index`, else `.factbot` beside the knowledge folder.
    pub fn data_dir(&self) -> PathBuf {
        if let Some(dir) = &self.index {
            return dir.clone();
        }
        let knowledge = absolute(&self.knowledge);
        let parent = knowledge
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        parent.join(".factbot")
    }

    /// How to read knowledge files: the size cap from `--max-file-mb`.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            max_file_bytes: self.max_file_mb.saturating_mul(1024 * 1024),
        }
    }

    /// Sync options with this size cap and the default mode.
    pub fn sync_options(&self) -> SyncOptions {
        SyncOptions {
            load: self.load_options(),
            ..SyncOptions::default()
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Brings the index up to date and returns what the sync did.
pub fn sync_index(paths: &Paths, options: &SyncOptions) -> anyhow::Result<SyncOutcome> {
    let data = DataDir::new(paths.data_dir());
    sync(&paths.knowledge, &data, None, options).with_context(|| {
        format!(
            "while indexing knowledge folder {} into {} (choose another place with --index DIR)",
            paths.knowledge.display(),
            data.root().display()
        )
    })
}

/// Opens an engine on an up-to-date index, noting knowledge problems on stderr. When the
/// index cannot be updated (data directory read-only, disk full) but a complete generation
/// exists, answers come from that one: a stale answer beats none.
pub fn open_engine(paths: &Paths) -> anyhow::Result<Engine> {
    let outcome = match sync_index(paths, &paths.sync_options()) {
        Ok(outcome) => outcome,
        Err(err) => return open_existing(paths, err),
    };
    match outcome.rebuilt.as_deref() {
        None => tracing::info!(generation = %outcome.generation.display(), "index opened"),
        // An index that was there but unusable is worth an operator's attention.
        Some(reason)
            if ["outdated", "could not be opened", "unreadable"]
                .iter()
                .any(|w| reason.contains(w)) =>
        {
            tracing::warn!(
                reason,
                articles = outcome.after.articles,
                facts = outcome.after.facts,
                "index on disk was unusable; rebuilt it from the knowledge folder"
            );
        }
        Some(reason) => tracing::info!(
            reason,
            articles = outcome.after.articles,
            facts = outcome.after.facts,
            "index built from the knowledge folder at start-up"
        ),
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!(
            "note: {errors} problem(s) in {}; run `factbot check` for details",
            paths.knowledge.display()
        );
    }
    let index = outcome.index.context("the index was not opened")?;
    if index.article_count() == 0 {
        anyhow::bail!(
            "knowledge folder {} has no articles (supported: .md with front matter, .txt)",
            paths.knowledge.display()
        );
    }
    Ok(Engine::new(index))
}

/// Opens the data directory's current generation as is, after `sync_err` kept it from being
/// updated; fails with `sync_err` when there is none.
fn open_existing(paths: &Paths, sync_err: anyhow::Error) -> anyhow::Result<Engine> {
    // A missing or unusable knowledge folder is the operator's to fix, not to paper over.
    let knowledge_problem = matches!(
        sync_err.downcast_ref::<IndexError>(),
        Some(IndexError::Knowledge(_))
    );
    let data = DataDir::new(paths.data_dir());
    let Some(dir) = data.current().filter(|_| !knowledge_problem) else {
        return Err(sync_err);
    };
    let synonyms = load_synonyms(&dir, &mut Vec::new());
    let Ok(index) = KnowledgeIndex::open(&dir, synonyms) else {
        return Err(sync_err);
    };
    tracing::warn!(error = %format!("{sync_err:#}"), index = %dir.display(), "index not updated; serving the existing one");
    eprintln!(
        "note: the index could not be updated ({sync_err:#}); answering from {}",
        dir.display()
    );
    Ok(Engine::new(index))
}
