//! What one reload did, as plain data: who started it and how, what changed, totals before
//! and after, problems found, how long it took, and whether the new index is served.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use crate::index::{ChangeSet, Totals};
use crate::knowledge::Diagnostic;

/// What started a reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// The `/reload` command.
    Command,
    /// `factbot index` on the command line.
    Cli,
    /// SIGHUP sent to `factbot serve`.
    Signal,
    /// `factbot serve --watch` saw files change.
    Watch,
}

impl Trigger {
    /// Short name for logs and the audit file.
    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::Command => "command",
            Trigger::Cli => "cli",
            Trigger::Signal => "signal",
            Trigger::Watch => "watch",
        }
    }
}

/// Who started a reload: a Discord user, or the operator (CLI, signal, watcher).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Discord user id, when a user started it.
    pub id: Option<u64>,
    /// Display name, or what started it (`operator`, `watcher`).
    pub name: String,
}

impl Actor {
    /// A Discord user.
    pub fn user(id: u64, name: &str) -> Self {
        Self {
            id: Some(id),
            name: name.to_string(),
        }
    }

    /// Not a Discord user: the operator, a signal, the watcher.
    pub fn system(name: &str) -> Self {
        Self {
            id: None,
            name: name.to_string(),
        }
    }
}

/// How a reload ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new index is served.
    Swapped,
    /// Nothing changed; the index in use stays.
    Unchanged,
    /// The reload failed; the previous index keeps serving. Says why.
    Failed(String),
}

impl Outcome {
    /// Short name for logs and the audit file.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Swapped => "swapped",
            Outcome::Unchanged => "unchanged",
            Outcome::Failed(_) => "failed",
        }
    }
}

/// Everything a reload did.
#[derive(Debug, Clone)]
pub struct ReloadReport {
    /// Who started it.
    pub actor: Actor,
    /// How.
    pub trigger: Trigger,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// How long it took.
    pub took: Duration,
    /// Articles added, changed, removed (empty when it failed).
    pub changes: ChangeSet,
    /// Totals of the index served before.
    pub before: Totals,
    /// Totals of the index served after (equal to `before` when it failed).
    pub after: Totals,
    /// Knowledge-base version before.
    pub before_version: String,
    /// Knowledge-base version served now.
    pub after_version: String,
    /// Problems in the knowledge folder as it is now.
    pub diagnostics: Vec<Diagnostic>,
    /// Why a build happened, or that another process's newer generation was picked up.
    pub note: Option<String>,
    /// How it ended.
    pub outcome: Outcome,
}

impl ReloadReport {
    /// A report for a reload that has just started from `before` / `before_version`: nothing
    /// changed yet, so "after" equals "before" until the outcome is filled in.
    pub fn starting(
        actor: Actor,
        trigger: Trigger,
        started_at: DateTime<Utc>,
        before: Totals,
        before_version: String,
    ) -> Self {
        Self {
            actor,
            trigger,
            started_at,
            took: Duration::ZERO,
            changes: ChangeSet::default(),
            before,
            after: before,
            after_version: before_version.clone(),
            before_version,
            diagnostics: Vec::new(),
            note: None,
            outcome: Outcome::Unchanged,
        }
    }

    /// Diagnostics as `path:line: message` (errors first), the form authors act on.
    pub fn problems(&self) -> Vec<String> {
        let mut sorted: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        sorted.sort_by_key(|d| !d.is_error());
        sorted
            .into_iter()
            .map(|d| {
                let kind = if d.is_error() { "error" } else { "warning" };
                match d.line {
                    Some(line) => format!("{}:{line}: {kind}: {}", d.path.display(), d.message),
                    None => format!("{}: {kind}: {}", d.path.display(), d.message),
                }
            })
            .collect()
    }

    /// Number of error diagnostics.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// The audit record: one JSON object, written as one line of `audit.jsonl`.
    pub fn audit_json(&self) -> Value {
        let ids = |v: &[crate::knowledge::ArticleId]| -> Vec<String> {
            v.iter().map(ToString::to_string).collect()
        };
        json!({
            "at": self.started_at.to_rfc3339(),
            "who": self.actor,
            "trigger": self.trigger,
            "took_ms": self.took.as_millis() as u64,
            "changes": {
                "added": ids(&self.changes.added),
                "changed": ids(&self.changes.changed),
                "removed": ids(&self.changes.removed),
                "synonyms_changed": self.changes.synonyms_changed,
            },
            "facts": {"before": self.before.facts, "after": self.after.facts},
            "articles": {"before": self.before.articles, "after": self.after.articles},
            "kb_version": {"before": self.before_version, "after": self.after_version},
            "errors": self.error_count(),
            "result": self.outcome.as_str(),
            "reason": match &self.outcome {
                Outcome::Failed(why) => Some(why.as_str()),
                _ => None,
            },
        })
    }
}
