//! Reloading the knowledge base while the bot serves: one reload at a time, built beside the
//! serving index and swapped in one step, every reload audited. Front-end neutral (no
//! serenity): `/reload`, SIGHUP, `--watch` and `factbot index` all come through here.
//!
//! - [`coordinator`] — the [`Reloader`]: one-at-a-time reloads, swap, status.
//! - [`report`] — what a reload did ([`ReloadReport`]), who started it and how.
//! - [`offline`] — `factbot index`: the same sync and audit with no engine to swap.
//! - [`audit`] — the `audit.jsonl` log in the data directory.
//! - [`watch`] — a polling watcher that reloads once file changes settle.

pub mod audit;
pub mod coordinator;
pub mod offline;
pub mod report;
pub mod watch;

pub use audit::{AuditLog, AUDIT_FILE};
pub use coordinator::{BuildHook, Reloader, Running, Status};
pub use offline::index_offline;
pub use report::{Actor, Outcome, ReloadReport, Trigger};
pub use watch::{Debounce, Watcher};
