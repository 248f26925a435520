//! The reload coordinator: runs one reload at a time, builds the new index beside the one in
//! use, swaps it in with one atomic store, deletes the old generation, and keeps the last
//! report for `/kb status`. Blocking: call it on a blocking thread.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tracing::{error, info, instrument, warn};

use crate::answer::Engine;
use crate::index::{dir_size, sync, DataDir, SyncOptions};

use super::audit::AuditLog;
use super::report::{Actor, Outcome, ReloadReport, Trigger};

/// Code run on the reload thread just before the index is built. Tests use it to hold a
/// reload open (to overlap two) or to break the data directory midway.
pub type BuildHook = Arc<dyn Fn() + Send + Sync>;

/// The reload in progress: who started it, how and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Running {
    /// Who started it.
    pub by: Actor,
    /// How.
    pub trigger: Trigger,
    /// When.
    pub at: DateTime<Utc>,
}

/// What `/kb status` shows.
#[derive(Debug, Clone)]
pub struct Status {
    /// Articles served.
    pub articles: usize,
    /// Facts served.
    pub facts: usize,
    /// Knowledge-base version served.
    pub kb_version: String,
    /// Name of the generation directory served.
    pub generation: String,
    /// Bytes of the served generation on disk.
    pub index_bytes: u64,
    /// Time since the reloader (the bot) started.
    pub uptime: Duration,
    /// The last reload since start-up.
    pub last: Option<ReloadReport>,
    /// The reload in progress.
    pub running: Option<Running>,
    /// A newer generation published by another process (`factbot index`), not yet served.
    pub newer_on_disk: Option<String>,
}

/// Reloads the engine's index from the knowledge folder, one reload at a time.
pub struct Reloader {
    engine: Arc<Engine>,
    knowledge: PathBuf,
    data: DataDir,
    options: SyncOptions,
    audit: AuditLog,
    started: Instant,
    running: Mutex<Option<Running>>,
    last: Mutex<Option<ReloadReport>>,
    hook: Mutex<Option<BuildHook>>,
}

impl fmt::Debug for Reloader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reloader")
            .field("knowledge", &self.knowledge)
            .field("data", &self.data.root())
            .field("running", &self.running())
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not stop reloads: the guarded data stays consistent.
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Clears the running reload when dropped, even if the build panics.
struct RunningGuard<'a>(&'a Mutex<Option<Running>>);

impl Drop for RunningGuard<'_> {
    fn drop(&mut self) {
        *lock(self.0) = None;
    }
}

impl Reloader {
    /// A reloader for `engine`, reading `knowledge` and keeping generations in `data`.
    pub fn new(engine: Arc<Engine>, knowledge: impl Into<PathBuf>, data: impl Into<PathBuf>) -> Self {
        let data = DataDir::new(data);
        Self {
            engine,
            knowledge: knowledge.into(),
            audit: AuditLog::in_data_dir(data.root()),
            data,
            options: SyncOptions::default(),
            started: Instant::now(),
            running: Mutex::new(None),
            last: Mutex::new(None),
            hook: Mutex::new(None),
        }
    }

    /// The same reloader reading knowledge files with `options` (e.g. the size cap).
    #[must_use]
    pub fn with_options(mut self, options: SyncOptions) -> Self {
        self.options = options;
        self
    }

    /// The engine whose index is reloaded.
    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// The knowledge folder.
    pub fn knowledge(&self) -> &Path {
        &self.knowledge
    }

    /// Sets (or clears) the hook run before each build.
    pub fn set_build_hook(&self, hook: Option<BuildHook>) {
        *lock(&self.hook) = hook;
    }

    /// The reload in progress.
    pub fn running(&self) -> Option<Running> {
        lock(&self.running).clone()
    }

    /// The last finished reload since start-up.
    pub fn last(&self) -> Option<ReloadReport> {
        lock(&self.last).clone()
    }

    fn begin(&self, actor: &Actor, trigger: Trigger) -> Result<RunningGuard<'_>, Running> {
        let mut running = lock(&self.running);
        if let Some(current) = running.as_ref() {
            return Err(current.clone());
        }
        *running = Some(Running {
            by: actor.clone(),
            trigger,
            at: Utc::now(),
        });
        Ok(RunningGuard(&self.running))
    }

    /// Reloads now, unless a reload is running (then returns who started that one). A failed
    /// reload is a report with [`Outcome::Failed`]: the previous index keeps serving.
    #[instrument(skip(self), fields(who = %actor.name, user = actor.id, trigger = trigger.as_str()))]
    pub fn reload(&self, actor: Actor, trigger: Trigger) -> Result<ReloadReport, Running> {
        let _guard = match self.begin(&actor, trigger) {
            Ok(guard) => guard,
            Err(running) => {
                info!(running_since = %running.at, running_by = %running.by.name, "reload refused: one is running");
                return Err(running);
            }
        };
        let started_at = Utc::now();
        let started = Instant::now();
        let hook = lock(&self.hook).clone();
        if let Some(hook) = hook {
            hook();
        }
        let (before, before_version, serving) = {
            let snapshot = self.engine.snapshot();
            let index = &snapshot.index;
            (
                index.head().totals,
                index.kb_version().to_string(),
                index.dir().to_path_buf(),
            )
        };
        let mut report = ReloadReport::starting(actor, trigger, started_at, before, before_version);
        match sync(&self.knowledge, &self.data, Some(&serving), &self.options) {
            Err(err) => report.outcome = Outcome::Failed(err.to_string()),
            Ok(outcome) => {
                report.changes = outcome.changes;
                report.diagnostics = outcome.diagnostics;
                report.note = outcome.rebuilt.clone();
                match outcome.index {
                    None => {}
                    Some(index) if index.article_count() == 0 => {
                        report.outcome = Outcome::Failed(format!(
                            "the knowledge folder {} has no articles now; the previous index stays in use",
                            self.knowledge.display()
                        ));
                    }
                    Some(index) => {
                        if outcome.rebuilt.is_none() {
                            report.note =
                                Some("picked up a newer index built by another factbot process".to_string());
                        }
                        report.after = outcome.after;
                        report.after_version = index.kb_version().to_string();
                        // One atomic store: searches that loaded the old snapshot finish on it.
                        self.engine.swap(index);
                        self.remove_generation(&serving, &outcome.generation);
                        report.outcome = Outcome::Swapped;
                    }
                }
            }
        }
        report.took = started.elapsed();
        self.finish(&report);
        Ok(report)
    }

    /// Deletes the generation served before a swap. Searches still running on it keep its
    /// files open (mmap), so on Unix they finish undisturbed.
    fn remove_generation(&self, old: &Path, new: &Path) {
        let is_ours = old.parent() == Some(self.data.root());
        let in_use = self.data.current().is_some_and(|current| current == old);
        if old == new || !is_ours || in_use || !old.exists() {
            return;
        }
        if let Err(err) = std::fs::remove_dir_all(old) {
            warn!(dir = %old.display(), error = %err, "could not delete the previous index generation");
        }
    }

    fn finish(&self, report: &ReloadReport) {
        let c = &report.changes;
        let took_ms = report.took.as_millis() as u64;
        match &report.outcome {
            Outcome::Failed(why) => error!(
                reason = %why,
                took_ms,
                kb_version = %report.before_version,
                "reload failed; the previous index keeps serving"
            ),
            outcome => info!(
                result = outcome.as_str(),
                added = c.added.len(),
                changed = c.changed.len(),
                removed = c.removed.len(),
                synonyms_changed = c.synonyms_changed,
                facts_before = report.before.facts,
                facts_after = report.after.facts,
                errors = report.error_count(),
                kb_version = %report.after_version,
                took_ms,
                "reload finished"
            ),
        }
        self.audit.append(&report.audit_json());
        *lock(&self.last) = Some(report.clone());
    }

    /// What is served now, the last reload, and whether a newer index waits on disk.
    pub fn status(&self) -> Status {
        let snapshot = self.engine.snapshot();
        let index = &snapshot.index;
        let name = |dir: &Path| {
            dir.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        let newer_on_disk = self
            .data
            .current()
            .filter(|current| current != index.dir())
            .map(|current| name(&current));
        Status {
            articles: index.article_count(),
            facts: index.head().totals.facts,
            kb_version: index.kb_version().to_string(),
            generation: name(index.dir()),
            index_bytes: dir_size(index.dir()),
            uptime: self.started.elapsed(),
            last: self.last(),
            running: self.running(),
            newer_on_disk,
        }
    }
}
