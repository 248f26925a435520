//! The tantivy index: schema, building generations into fresh directories, opening them, and
//! keeping them in step with the knowledge folder. The only module that imports tantivy.

mod build;
mod directory;
mod edit_distance;
mod fsutil;
mod generation;
mod hits;
mod irregular;
mod manifest;
mod payload;
mod reader;
mod scan;
mod schema;
mod search;
mod spelling;
mod stem;
mod store;
mod sync;
mod term_union;
mod tokenizer;
mod within;

use std::path::PathBuf;

use thiserror::Error;

pub use build::WriteStats;
pub use edit_distance::within as within_edits;
pub use fsutil::dir_size;
pub use hits::{ArticleHit, ArticleInfo, DocKey, SentenceHit, WeightedTerm};
pub use manifest::{FileEntry, FileStamp, GenerationHead, Manifest, Totals};
pub use payload::{ArticlePayload, RecordError, SentencePayload};
pub use reader::KnowledgeIndex;
pub use scan::ChangeSet;
pub use schema::{analyze, Token, SCHEMA_VERSION};
pub use store::DataDir;
pub use sync::{sync, SyncMode, SyncOptions, SyncOutcome};
pub use within::ScoredSentence;

/// Why an index could not be built or opened.
#[derive(Debug, Error)]
pub enum IndexError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// Which file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The index on disk is damaged or not an index.
    #[error("index is corrupt: {0}")]
    Corrupt(String),
    /// The index was built by another version of factbot.
    #[error("index was built with schema {found}, this factbot uses {expected}")]
    OutdatedSchema {
        /// Version on disk.
        found: u32,
        /// Version of this build.
        expected: u32,
    },
    /// The knowledge folder itself is unusable.
    #[error(transparent)]
    Knowledge(#[from] crate::knowledge::KnowledgeError),
    /// tantivy reported an error.
    #[error("search engine: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// JSON (manifest or payload) could not be written.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// A stored sentence record could not be encoded or decoded.
    #[error(transparent)]
    Record(#[from] payload::RecordError),
    /// Another process holds the build lock.
    #[error("another factbot is building the index in {0}; try again when it is done")]
    Busy(PathBuf),
}

impl From<std::io::Error> for IndexError {
    fn from(source: std::io::Error) -> Self {
        IndexError::Io {
            path: PathBuf::new(),
            source,
        }
    }
}
