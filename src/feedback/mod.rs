//! What teams tell us about answers, kept in append-only files in the data directory, and the
//! report over them. Pure of any front end: Discord records into it, `factbot report` reads it.
//!
//! - [`store`]: the append-only `votes.jsonl` / `gaps.jsonl` / `queries.jsonl` files and
//!   [`Recorder`], which never fails an answer: a broken directory is logged once.
//! - [`settings`]: per-guild settings (answer visibility) in `settings.json`.
//! - [`report`]: the most frequent unanswered queries and the most down-voted answers.

pub mod report;
pub mod settings;
pub mod store;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use report::{build_report, parse_since, GapRow, Report, VoteRow};
pub use settings::{GuildSettings, Visibility};
pub use store::Recorder;

/// Folder inside the data directory that holds these files.
pub const FEEDBACK_DIR: &str = "feedback";

/// Why a feedback file could not be read or written.
#[derive(Debug, Error)]
pub enum FeedbackError {
    /// Reading, creating or appending failed.
    #[error("{path}: {source}")]
    Io {
        /// Which file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A record could not be encoded.
    #[error("could not encode a record: {0}")]
    Encode(#[from] serde_json::Error),
}

/// A thumbs up or down on one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Vote {
    /// 👍
    Up,
    /// 👎
    Down,
}

impl Vote {
    /// `up` or `down`.
    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Up => "up",
            Vote::Down => "down",
        }
    }
}

/// One press of 👍 / 👎. The latest record of a user for an answer is their vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRecord {
    /// When it was pressed.
    pub time: DateTime<Utc>,
    /// The guild, `None` in direct messages.
    pub guild: Option<u64>,
    /// [`user_hash`] of the voter: enough to count one vote per user, not to identify them.
    pub user: String,
    /// Which answer: command, query hash and page (see `discord::custom_id`).
    pub answer: String,
    /// `stat` or `ask`.
    pub command: String,
    /// The query as asked.
    pub query: String,
    /// Ids (`article#paragraph.sentence`) of the facts the answer cited.
    pub facts: Vec<String>,
    /// The vote.
    pub vote: Vote,
}

/// One query that found no answer: a gap in the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapRecord {
    /// When it was asked.
    pub time: DateTime<Utc>,
    /// The guild, `None` in direct messages.
    pub guild: Option<u64>,
    /// [`user_hash`] of who asked.
    pub user: String,
    /// `stat` or `ask`.
    pub command: String,
    /// The query as asked.
    pub query: String,
}

/// A stable, non-reversible stand-in for a user id (blake3, 16 hex digits).
pub fn user_hash(user_id: u64) -> String {
    let hash = blake3::hash(format!("factbot-user:{user_id}").as_bytes());
    hash.to_hex()[..16].to_string()
}
