//! `/reload`: who may run it, and the report it edits into the deferred reply. The work is
//! done by [`crate::reload::Reloader`], shared with SIGHUP, `--watch` and `factbot index`.

use std::fmt::Write;

use tracing::{instrument, warn};

use crate::knowledge::ArticleId;
use crate::reload::{Actor, Outcome, ReloadReport, Running, Trigger};
use crate::render::discord::{escape_markdown, render_notice};

use super::app::App;
use super::config::Config;
use super::request::{Caller, Handled, ADMINISTRATOR, MANAGE_GUILD};

/// Article names listed per kind of change; the rest are counted.
const NAMES_SHOWN: usize = 10;
/// Problems listed in the reply; the rest are counted.
const PROBLEMS_SHOWN: usize = 10;

/// True when `caller` is one of the bot's admins: listed in `FACTBOT_ADMIN_USER_IDS` or holding
/// a role of `FACTBOT_ADMIN_ROLE_IDS` when either is set, else holding Manage Server (or
/// Administrator) in this channel. Checked on our side because server owners can override
/// the command's `default_member_permissions`.
pub fn is_admin(config: &Config, caller: &Caller) -> bool {
    if !config.admin_user_ids.is_empty() || !config.admin_role_ids.is_empty() {
        return config.admin_user_ids.contains(&caller.user_id)
            || caller.roles.iter().any(|r| config.admin_role_ids.contains(r));
    }
    caller
        .permissions
        .is_some_and(|p| p & (MANAGE_GUILD | ADMINISTRATOR) != 0)
}

/// The ephemeral refusal for non-admins; logs the attempt with the user id.
pub fn refuse(command: &str, caller: &Caller) -> Handled {
    warn!(
        command,
        user = caller.user_id,
        guild = caller.guild_id,
        "admin command refused: caller is not an admin"
    );
    Handled::message(
        render_notice(
            "You are not allowed to do that: only server managers (Manage Server) or the bot's admins can.",
        )
        .ephemeral(),
        0,
        "refused",
    )
}

/// The reply telling a caller that a reload is already running.
pub fn busy(running: &Running) -> Handled {
    let text = format!(
        "A reload started by {} at {} is running; try again when it is done.",
        escape_markdown(&running.by.name),
        running.at.format("%H:%M:%S UTC")
    );
    Handled::message(render_notice(&text).ephemeral(), 0, "busy")
}

/// Runs a reload for `caller` and reports what changed. Blocking: call on a blocking thread.
#[instrument(skip(app, caller), fields(user = caller.user_id, guild = caller.guild_id))]
pub fn reload(app: &App, caller: &Caller) -> Handled {
    if !is_admin(&app.config, caller) {
        return refuse("reload", caller);
    }
    let actor = Actor::user(caller.user_id, &caller.user_name);
    match reload_and_warm(app, actor, Trigger::Command) {
        Err(running) => busy(&running),
        Ok(report) => {
            let outcome = match report.outcome {
                Outcome::Failed(_) => "error",
                _ => "reloaded",
            };
            Handled::message(
                render_notice(&render_report(&report)).ephemeral(),
                report.after.facts,
                outcome,
            )
        }
    }
}

/// Reloads for `actor` and, when a new index is served, derives its autocomplete topics at
/// once (autocomplete has only Discord's 3 s). Every reload of a running bot comes here:
/// `/reload`, SIGHUP and `--watch`. Blocking.
pub fn reload_and_warm(app: &App, actor: Actor, trigger: Trigger) -> Result<ReloadReport, Running> {
    let report = app.reloader.reload(actor, trigger)?;
    if report.outcome == Outcome::Swapped {
        app.topics.get(&app.engine.snapshot());
    }
    Ok(report)
}

fn names(out: &mut String, label: &str, ids: &[ArticleId]) {
    if ids.is_empty() {
        return;
    }
    let shown: Vec<String> = ids
        .iter()
        .take(NAMES_SHOWN)
        .map(|id| format!("`{}`", id.as_str().replace('`', "'")))
        .collect();
    let _ = write!(out, "\n{label} ({}): {}", ids.len(), shown.join(", "));
    if ids.len() > NAMES_SHOWN {
        let _ = write!(out, " …and {} more", ids.len() - NAMES_SHOWN);
    }
}

/// The report as Discord Markdown: changes by name, facts before → after, problems as
/// `path:line: message`, time taken and the knowledge-base version now served.
pub fn render_report(report: &ReloadReport) -> String {
    let secs = report.took.as_secs_f64();
    let mut out = match &report.outcome {
        Outcome::Failed(why) => format!(
            "**Reload failed** after {secs:.2} s: {}\nStill serving knowledge base `{}` ({} facts); nothing was lost.",
            escape_markdown(why),
            report.before_version,
            report.before.facts
        ),
        Outcome::Unchanged => format!(
            "**Nothing changed** (checked in {secs:.2} s). Knowledge base `{}`, {} facts.",
            report.after_version, report.after.facts
        ),
        Outcome::Swapped => format!(
            "**Reloaded** in {secs:.2} s. Knowledge base `{}` → `{}`",
            report.before_version, report.after_version
        ),
    };
    let c = &report.changes;
    if report.outcome == Outcome::Swapped {
        names(&mut out, "Added", &c.added);
        names(&mut out, "Changed", &c.changed);
        names(&mut out, "Removed", &c.removed);
        if c.synonyms_changed {
            out.push_str("\nSynonyms reloaded.");
        }
        let _ = write!(
            out,
            "\nFacts: {} → {} · articles: {} → {}",
            report.before.facts, report.after.facts, report.before.articles, report.after.articles
        );
        if let Some(note) = &report.note {
            let _ = write!(out, " ({})", escape_markdown(note));
        }
    }
    let problems = report.problems();
    if !problems.is_empty() {
        let _ = write!(out, "\n{} problem(s) in the knowledge folder:", problems.len());
        for p in problems.iter().take(PROBLEMS_SHOWN) {
            let _ = write!(out, "\n• {}", escape_markdown(p));
        }
        if problems.len() > PROBLEMS_SHOWN {
            let _ = write!(
                out,
                "\n…and {} more (run `factbot check`)",
                problems.len() - PROBLEMS_SHOWN
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(permissions: u64, user_id: u64, roles: Vec<u64>) -> Caller {
        Caller {
            user_id,
            permissions: Some(permissions),
            roles,
            ..Caller::default()
        }
    }

    #[test]
    fn without_admin_lists_manage_server_decides() {
        let config = Config::default();
        assert!(is_admin(&config, &caller(MANAGE_GUILD, 1, vec![])));
        assert!(is_admin(&config, &caller(ADMINISTRATOR, 1, vec![])));
        assert!(!is_admin(&config, &caller(0x800, 1, vec![3])));
        assert!(!is_admin(
            &config,
            &Caller {
                permissions: None,
                ..Caller::default()
            }
        ));
    }

    #[test]
    fn with_admin_lists_only_listed_users_and_roles_may() {
        let config = Config {
            admin_user_ids: vec![7],
            admin_role_ids: vec![9],
            ..Config::default()
        };
        assert!(is_admin(&config, &caller(0, 7, vec![])));
        assert!(is_admin(&config, &caller(0, 1, vec![3, 9])));
        assert!(!is_admin(&config, &caller(MANAGE_GUILD, 1, vec![])));
    }

    #[test]
    fn report_lists_ten_names_then_counts() {
        let ids: Vec<ArticleId> = (0..13).map(|i| ArticleId::new(&format!("a{i:02}.md"))).collect();
        let report = ReloadReport {
            actor: Actor::system("t"),
            trigger: Trigger::Cli,
            started_at: chrono::Utc::now(),
            took: std::time::Duration::from_millis(1500),
            changes: crate::index::ChangeSet {
                added: ids,
                ..Default::default()
            },
            before: Default::default(),
            after: Default::default(),
            before_version: "aaaa".into(),
            after_version: "bbbb".into(),
            diagnostics: vec![crate::knowledge::Diagnostic::error(
                std::path::Path::new("bad.md"),
                Some(3),
                "front matter is not valid",
            )],
            note: None,
            outcome: Outcome::Swapped,
        };
        let text = render_report(&report);
        assert!(text.contains("Added (13): `a00.md`"), "{text}");
        assert!(text.contains("`a09.md` …and 3 more"), "{text}");
        assert!(!text.contains("a10.md"), "{text}");
        assert!(
            text.contains("bad.md:3: error: front matter is not valid"),
            "{text}"
        );
        assert!(
            text.contains("in 1.50 s") && text.contains("`aaaa` → `bbbb`"),
            "{text}"
        );
    }
}
