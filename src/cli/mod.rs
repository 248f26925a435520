//! Subcommand implementations for the `factbot` binary.

pub mod answer;
pub mod bench;
pub mod check;
pub mod eval;
pub mod index;
pub mod serve;

use std::path::{Path, PathBuf};

use anyhow::Context;
use factbot::answer::Engine;
use factbot::index::{sync, DataDir, SyncOptions, SyncOutcome};

use crate::Paths;

/// Logs go to stderr, filtered by `RUST_LOG` (default: warnings only for CLI use, `info` for
/// the bot so each command leaves a line).
pub fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
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

/// Opens an engine on an up-to-date index, noting knowledge problems on stderr.
pub fn open_engine(paths: &Paths) -> anyhow::Result<Engine> {
    let outcome = sync_index(paths, &SyncOptions::default())?;
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
