//! `factbot index`: a reload with no engine to swap, against a stopped or running bot's
//! data directory. It shares the sync, the report and the audit line with every other
//! reload; a running bot serves the new generation from its next reload, and `/kb status`
//! says one is waiting.

use std::path::Path;
use std::time::Instant;

use chrono::Utc;

use crate::index::{sync, DataDir, IndexError, Manifest, SyncOptions, SyncOutcome};

use super::audit::AuditLog;
use super::report::{Actor, Outcome, ReloadReport, Trigger};

/// Syncs the index in `data` with `knowledge` for `actor` and appends the audit line.
pub fn index_offline(
    knowledge: &Path,
    data: &Path,
    options: &SyncOptions,
    actor: Actor,
) -> Result<SyncOutcome, IndexError> {
    let dir = DataDir::new(data);
    let current = dir.current();
    let previous = current.as_deref().and_then(|d| Manifest::read(d).ok());
    let before = previous.as_ref().map(|m| m.totals).unwrap_or_default();
    let before_version = previous.map(|m| m.kb_version).unwrap_or_default();
    let started_at = Utc::now();
    let started = Instant::now();
    // The current generation is most likely what a running bot serves: passing it as
    // `serving` keeps it on disk until that bot has moved to the new one.
    let result = sync(knowledge, &dir, current.as_deref(), options);
    let mut report = ReloadReport::starting(actor, Trigger::Cli, started_at, before, before_version);
    report.took = started.elapsed();
    match &result {
        Err(err) => report.outcome = Outcome::Failed(err.to_string()),
        Ok(outcome) => {
            report.changes = outcome.changes.clone();
            report.after = outcome.after;
            report.note = outcome.rebuilt.clone();
            if outcome.rebuilt.is_some() {
                report.outcome = Outcome::Swapped;
                report.after_version = Manifest::read(&outcome.generation)
                    .map(|m| m.kb_version)
                    .unwrap_or_default();
            }
        }
    }
    tracing::info!(
        result = report.outcome.as_str(),
        took_ms = report.took.as_millis() as u64,
        kb_version = %report.after_version,
        "index synced from the command line"
    );
    // Written only when the data directory exists (a failed first build may not create it).
    if data.is_dir() {
        AuditLog::in_data_dir(data).append(&report.audit_json());
    }
    result
}
