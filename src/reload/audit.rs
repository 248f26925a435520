//! The audit log: one JSON line per reload in `audit.jsonl` in the data directory. Writing
//! it must never stop the bot: an unwritable data directory is logged once, then ignored.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::Value;
use tracing::{error, warn};

/// File name of the audit log inside the data directory.
pub const AUDIT_FILE: &str = "audit.jsonl";

/// Appends audit records to one file.
#[derive(Debug)]
pub struct AuditLog {
    path: PathBuf,
    failed: AtomicBool,
}

impl AuditLog {
    /// The audit log of a data directory.
    pub fn in_data_dir(data: &Path) -> Self {
        Self {
            path: data.join(AUDIT_FILE),
            failed: AtomicBool::new(false),
        }
    }

    /// Where the records go.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record as one line. Returns whether it was written; the first failure is
    /// logged as an error, later ones only as warnings so the log is not flooded per reload.
    pub fn append(&self, record: &Value) -> bool {
        match self.write(record) {
            Ok(()) => true,
            Err(err) => {
                if self.failed.swap(true, Ordering::Relaxed) {
                    tracing::debug!(path = %self.path.display(), error = %err, "audit record not written");
                } else {
                    error!(
                        path = %self.path.display(),
                        error = %err,
                        "cannot write the audit log; reloads go on, unaudited, until it is writable"
                    );
                }
                false
            }
        }
    }

    fn write(&self, record: &Value) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(record)?;
        line.push(b'\n');
        // One write of a whole line with O_APPEND, so the CLI and the bot appending at the
        // same time cannot interleave within a record.
        let mut file = OpenOptions::new().create(true).append(true).open(&self.path)?;
        file.write_all(&line)?;
        if self.failed.swap(false, Ordering::Relaxed) {
            warn!(path = %self.path.display(), "audit log writable again");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_appended_one_per_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = AuditLog::in_data_dir(dir.path());
        assert!(log.append(&serde_json::json!({"n": 1})));
        assert!(log.append(&serde_json::json!({"n": 2})));
        let text = std::fs::read_to_string(log.path()).expect("audit file");
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert_eq!(
            lines,
            vec![serde_json::json!({"n": 1}), serde_json::json!({"n": 2})]
        );
    }

    #[test]
    fn an_unwritable_data_dir_is_reported_not_fatal() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A path below a regular file can never be created, even by root.
        let file = dir.path().join("file");
        std::fs::write(&file, "x").expect("file");
        let log = AuditLog::in_data_dir(&file.join("data"));
        assert!(!log.append(&serde_json::json!({})));
        assert!(!log.append(&serde_json::json!({})));
        assert!(log.failed.load(Ordering::Relaxed));
    }
}
