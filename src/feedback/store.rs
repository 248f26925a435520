//! Append-only JSON-lines files. Each record is one `write` of one line to a file opened with
//! `O_APPEND`, so concurrent writers never interleave a line and nothing is ever rewritten.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tracing::{error, warn};

use super::{FeedbackError, GapRecord, VoteRecord};

const VOTES: &str = "votes.jsonl";
const GAPS: &str = "gaps.jsonl";
const QUERIES: &str = "queries.jsonl";

/// A query too long to recover from a message, by the hash a button carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct QueryRecord {
    hash: String,
    query: String,
}

/// Records votes, gaps and long queries. Recording never fails an answer: the first failure is
/// logged as an error, later ones only at debug level, until a write succeeds again.
#[derive(Debug)]
pub struct Recorder {
    dir: PathBuf,
    failing: AtomicBool,
    // Serialises appends within the process; O_APPEND covers other processes.
    lock: Mutex<()>,
}

impl Recorder {
    /// Records into `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            failing: AtomicBool::new(false),
            lock: Mutex::new(()),
        }
    }

    /// The folder holding the files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Appends a vote; failures are logged once.
    pub fn record_vote(&self, record: &VoteRecord) -> bool {
        self.record(VOTES, record)
    }

    /// Appends a gap; failures are logged once.
    pub fn record_gap(&self, record: &GapRecord) -> bool {
        self.record(GAPS, record)
    }

    /// Remembers `query` under `hash` (for queries a message cannot carry whole).
    pub fn remember_query(&self, hash: &str, query: &str) -> bool {
        if self.recall_query(hash).is_some() {
            return true;
        }
        self.record(
            QUERIES,
            &QueryRecord {
                hash: hash.to_string(),
                query: query.to_string(),
            },
        )
    }

    /// The query remembered under `hash`, if any.
    pub fn recall_query(&self, hash: &str) -> Option<String> {
        read_lines::<QueryRecord>(&self.dir.join(QUERIES))
            .ok()?
            .into_iter()
            .find(|r| r.hash == hash)
            .map(|r| r.query)
    }

    /// Every vote recorded, in the order pressed.
    pub fn votes(&self) -> Result<Vec<VoteRecord>, FeedbackError> {
        read_lines(&self.dir.join(VOTES))
    }

    /// Every gap recorded, in the order asked.
    pub fn gaps(&self) -> Result<Vec<GapRecord>, FeedbackError> {
        read_lines(&self.dir.join(GAPS))
    }

    fn record<T: Serialize>(&self, file: &str, record: &T) -> bool {
        match self.append(file, record) {
            Ok(()) => {
                if self.failing.swap(false, Ordering::Relaxed) {
                    warn!(dir = %self.dir.display(), "feedback recording works again");
                }
                true
            }
            Err(err) => {
                if !self.failing.swap(true, Ordering::Relaxed) {
                    error!(dir = %self.dir.display(), error = %err,
                        "cannot record feedback; answers still work, further failures are not logged");
                } else {
                    tracing::debug!(error = %err, "feedback still not recorded");
                }
                false
            }
        }
    }

    fn append<T: Serialize>(&self, file: &str, record: &T) -> Result<(), FeedbackError> {
        let mut line = serde_json::to_string(record)?;
        line.push('\n');
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        fs::create_dir_all(&self.dir).map_err(|source| FeedbackError::Io {
            path: self.dir.clone(),
            source,
        })?;
        let path = self.dir.join(file);
        let io = |source| FeedbackError::Io {
            path: path.clone(),
            source,
        };
        let mut out = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io)?;
        out.write_all(line.as_bytes()).map_err(io)
    }
}

/// Reads a JSON-lines file; a missing file is empty, a malformed line (say, half-written by a
/// crash) is skipped.
fn read_lines<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, FeedbackError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(FeedbackError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::Vote;

    fn vote(user: &str, vote: Vote) -> VoteRecord {
        VoteRecord {
            time: chrono::Utc::now(),
            guild: Some(1),
            user: user.to_string(),
            answer: "s:abc:0".to_string(),
            command: "stat".to_string(),
            query: "viewers".to_string(),
            facts: vec!["a.md#1.1".to_string()],
            vote,
        }
    }

    #[test]
    fn records_are_appended_and_read_back_skipping_torn_lines() {
        let dir = tempfile::tempdir().expect("temp dir");
        let recorder = Recorder::new(dir.path().join("feedback"));
        assert!(recorder.votes().expect("empty").is_empty());
        assert!(recorder.record_vote(&vote("u1", Vote::Up)));
        assert!(recorder.record_vote(&vote("u1", Vote::Down)));
        let path = dir.path().join("feedback").join(VOTES);
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(b"{\"time\":").expect("torn line");
        let votes = recorder.votes().expect("votes");
        assert_eq!(votes.len(), 2);
        assert_eq!(votes[1].vote, Vote::Down);
    }

    #[test]
    fn an_unwritable_folder_fails_quietly_after_the_first_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A file where the folder should be: creating it fails even for root.
        std::fs::write(dir.path().join("feedback"), "").expect("blocker");
        let recorder = Recorder::new(dir.path().join("feedback"));
        assert!(!recorder.record_vote(&vote("u1", Vote::Up)));
        assert!(recorder.failing.load(Ordering::Relaxed));
        assert!(!recorder.record_vote(&vote("u1", Vote::Up)));
    }

    #[test]
    fn long_queries_are_remembered_once_by_hash() {
        let dir = tempfile::tempdir().expect("temp dir");
        let recorder = Recorder::new(dir.path());
        assert!(recorder.remember_query("h1", "a long query"));
        assert!(recorder.remember_query("h1", "a long query"));
        assert_eq!(recorder.recall_query("h1").as_deref(), Some("a long query"));
        assert_eq!(recorder.recall_query("h2"), None);
        let lines = std::fs::read_to_string(dir.path().join(QUERIES)).expect("file");
        assert_eq!(lines.lines().count(), 1);
    }
}
