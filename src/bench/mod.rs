//! Performance benchmark of factbot as an operator sees it: a deterministic synthetic
//! knowledge base, then per size the full build, a cold start to the first answer, warm
//! `stat`/`ask` latency, two-thread throughput, serving memory, index size and the reload of
//! one edited file, checked against the targets of issue 6. See `BENCHMARKS.md`.
//!
//! - [`fn@generate`]: the knowledge base (news-shaped articles from fixed vocabularies).
//! - [`generate_queries`]: varied queries, answerable or not, from the same vocabularies.
//! - [`run_size`], [`run_corpus`]: one measured run; they spawn the `factbot` binary for the
//!   cold start and for the serving-memory probe, so the build's memory does not count.
//! - [`SizeReport`], [`verdicts`], [`table`]: results as JSON lines or a Markdown table.

mod generate;
mod measure;
mod queries;
mod report;
mod rng;
mod run;
mod vocab;

use std::path::{Path, PathBuf};

use thiserror::Error;

pub use generate::{article_path, article_text, generate, Generated, MARKER_FILE, SHARD_SIZE};
pub use measure::{
    answer_latencies, own_memory, serve_probe, throughput, Latency, Memory, ProbeReport, QueryPair,
};
pub use queries::generate_queries;
pub use report::{
    not_run_lines, table, verdict_lines, verdicts, Applies, SizeReport, Target, Verdict, TARGETS,
};
pub use rng::Rng;
pub use run::{read_queries, run_corpus, run_size, RunConfig};

/// Why a benchmark step failed.
#[derive(Debug, Error)]
pub enum BenchError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// Which file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Building or searching the index failed.
    #[error(transparent)]
    Index(#[from] crate::index::IndexError),
    /// A report could not be written or read as JSON.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// A child `factbot` process failed or printed something unexpected.
    #[error("{0}")]
    Child(String),
    /// The arguments or inputs cannot be used.
    #[error("{0}")]
    Usage(String),
}

impl BenchError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        BenchError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
