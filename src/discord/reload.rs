//! `/reload`: re-read the knowledge folder into a new index generation and swap it in, for
//! server managers and configured admins. One reload at a time; searches keep using the old
//! generation until the swap.

use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use chrono::{DateTime, Utc};
use tracing::{error, info, instrument};

use crate::index::{sync, DataDir, SyncOptions};
use crate::render::discord::render_notice;

use super::app::App;
use super::config::Config;
use super::request::{Caller, Handled, ADMINISTRATOR, MANAGE_GUILD};

/// Diagnostics listed in the reply; the rest are counted.
const MAX_ERRORS_SHOWN: usize = 10;

/// Who started the reload in progress, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningReload {
    /// User name of who started it.
    pub by: String,
    /// When it started.
    pub at: DateTime<Utc>,
}

/// The reload in progress, if any.
#[derive(Debug, Default)]
pub struct ReloadState {
    running: Mutex<Option<RunningReload>>,
}

impl ReloadState {
    /// The reload in progress.
    pub fn running(&self) -> Option<RunningReload> {
        self.running.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// True when `caller` may reload: Manage Server (or Administrator), or listed as an admin
    /// user or role.
    pub fn may_reload(&self, config: &Config, caller: &Caller) -> bool {
        caller
            .permissions
            .is_some_and(|p| p & (MANAGE_GUILD | ADMINISTRATOR) != 0)
            || config.admin_user_ids.contains(&caller.user_id)
            || caller.roles.iter().any(|r| config.admin_role_ids.contains(r))
    }

    /// Marks a reload as started unless one is running; the guard clears it when dropped.
    fn start(&self, by: &str) -> Result<ReloadGuard<'_>, RunningReload> {
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(current) = running.as_ref() {
            return Err(current.clone());
        }
        *running = Some(RunningReload {
            by: by.to_string(),
            at: Utc::now(),
        });
        Ok(ReloadGuard { state: self })
    }
}

/// Clears the running reload even when the sync panics.
struct ReloadGuard<'a> {
    state: &'a ReloadState,
}

impl Drop for ReloadGuard<'_> {
    fn drop(&mut self) {
        *self.state.running.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Runs a reload for `caller` and reports what changed. Blocking: call on a blocking thread.
#[instrument(skip(app, caller), fields(user = caller.user_id, guild = caller.guild_id))]
pub fn reload(app: &App, caller: &Caller) -> Handled {
    if !app.reload.may_reload(&app.config, caller) {
        return Handled::message(
            render_notice(
                "Only server managers (Manage Server) or the bot's admins can reload the knowledge base.",
            )
            .ephemeral(),
            0,
            "refused",
        );
    }
    let _guard = match app.reload.start(&caller.user_name) {
        Ok(guard) => guard,
        Err(running) => {
            let text = format!(
                "A reload started by {} at {} is running; try again when it is done.",
                crate::render::discord::escape_markdown(&running.by),
                running.at.format("%H:%M:%S UTC")
            );
            return Handled::message(render_notice(&text).ephemeral(), 0, "busy");
        }
    };
    let started = Instant::now();
    let snapshot = app.engine.snapshot();
    let before = snapshot.index.manifest().totals;
    let before_version = snapshot.index.kb_version().to_string();
    let serving = snapshot.index.dir().to_path_buf();
    let data = DataDir::new(app.config.data_dir());
    let result = sync(
        &app.config.knowledge_dir,
        &data,
        Some(&serving),
        &SyncOptions::default(),
    );
    drop(snapshot);
    let took = started.elapsed();
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(err) => {
            error!(error = %err, took_ms = took.as_millis() as u64, "reload failed");
            let text = format!(
                "Reload failed: {}. Still serving knowledge base {before_version}.",
                crate::render::discord::escape_markdown(&err.to_string())
            );
            return Handled::message(render_notice(&text).ephemeral(), 0, "error");
        }
    };
    let swapped = outcome.index.is_some();
    let after_version = match outcome.index {
        Some(index) => {
            let version = index.kb_version().to_string();
            app.engine.swap(index);
            // Warm the new version's autocomplete topics while the user waits anyway.
            app.topics.get(&app.engine.snapshot());
            version
        }
        None => before_version.clone(),
    };
    let c = &outcome.changes;
    info!(
        added = c.added.len(),
        changed = c.changed.len(),
        removed = c.removed.len(),
        facts_before = before.facts,
        facts_after = outcome.after.facts,
        kb_version = %after_version,
        took_ms = took.as_millis() as u64,
        swapped,
        "reload finished"
    );
    let mut text = format!(
        "Reloaded in {:.2} s: {} added, {} changed, {} removed{}.\nFacts: {} → {} · articles: {} → {}\nKnowledge base: {before_version} → {after_version}",
        took.as_secs_f64(),
        c.added.len(),
        c.changed.len(),
        c.removed.len(),
        if c.synonyms_changed { ", synonyms changed" } else { "" },
        before.facts,
        outcome.after.facts,
        before.articles,
        outcome.after.articles,
    );
    let errors: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| match d.line {
            Some(line) => format!("{}:{line}: {}", d.path.display(), d.message),
            None => format!("{}: {}", d.path.display(), d.message),
        })
        .collect();
    if !errors.is_empty() {
        let _ = write!(text, "\n{} problem(s) in the knowledge folder:", errors.len());
        for e in errors.iter().take(MAX_ERRORS_SHOWN) {
            let _ = write!(text, "\n• {}", crate::render::discord::escape_markdown(e));
        }
        if errors.len() > MAX_ERRORS_SHOWN {
            let _ = write!(
                text,
                "\n…and {} more (run `factbot check`)",
                errors.len() - MAX_ERRORS_SHOWN
            );
        }
    }
    Handled::message(render_notice(&text).ephemeral(), outcome.after.facts, "reloaded")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_reload_is_refused_while_one_runs() {
        let state = ReloadState::default();
        let guard = state.start("alice").expect("first reload starts");
        let running = state.start("bob").err().expect("second is refused");
        assert_eq!(running.by, "alice");
        drop(guard);
        assert!(state.running().is_none());
        assert!(state.start("bob").is_ok());
    }

    #[test]
    fn managers_and_listed_admins_may_reload() {
        let state = ReloadState::default();
        let config = Config {
            admin_user_ids: vec![7],
            admin_role_ids: vec![9],
            ..Config::default()
        };
        let caller = |permissions, user_id, roles: Vec<u64>| Caller {
            user_id,
            permissions: Some(permissions),
            roles,
            ..Caller::default()
        };
        assert!(state.may_reload(&config, &caller(MANAGE_GUILD, 1, vec![])));
        assert!(state.may_reload(&config, &caller(0, 7, vec![])));
        assert!(state.may_reload(&config, &caller(0, 1, vec![3, 9])));
        assert!(state.may_reload(&config, &caller(ADMINISTRATOR, 1, vec![])));
        assert!(!state.may_reload(&config, &caller(0x800, 1, vec![3])));
    }
}
