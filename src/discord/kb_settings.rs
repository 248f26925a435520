//! `/kb settings` and `/kb gaps`, for server managers and the bot's admins (the same check as
//! `/reload`). The `/kb` group itself is assembled in [`super::kb`].

use std::fmt::Write;

use chrono::{Duration, Utc};
use serenity::all::{CommandOptionType, CreateCommandOption};
use tracing::{error, info, instrument};

use crate::feedback::{build_report, Visibility};
use crate::render::discord::{escape_markdown, render_notice, truncate};

use super::app::App;
use super::request::{Caller, Handled};

/// Days `/kb gaps` looks back.
pub const GAP_DAYS: i64 = 30;
/// Rows listed per section of `/kb gaps`.
const GAP_ROWS: usize = 10;

/// The `/kb settings` subcommand.
pub fn settings_option() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "settings",
        "Show or change this server's defaults (server managers)",
    )
    .add_sub_option(
        CreateCommandOption::new(
            CommandOptionType::String,
            "visibility",
            "Whether answers are public or private (only who asked) by default",
        )
        .required(false)
        .add_string_choice("public", "public")
        .add_string_choice("private", "private"),
    )
}

/// The `/kb gaps` subcommand.
pub fn gaps_option() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "gaps",
        "Most frequent unanswered queries and most down-voted answers, last 30 days (server managers)",
    )
}

/// Runs `/kb <subcommand>`; `None` for subcommands not handled here.
#[instrument(skip(app, caller, visibility), fields(user = caller.user_id, guild = caller.guild_id))]
pub fn handle(app: &App, subcommand: &str, caller: &Caller, visibility: Option<&str>) -> Option<Handled> {
    let handled = match subcommand {
        "settings" | "gaps" if !super::reload::is_admin(&app.config, caller) => refused(),
        "settings" => settings(app, caller, visibility),
        "gaps" => gaps(app, caller),
        _ => return None,
    };
    Some(handled)
}

fn refused() -> Handled {
    Handled::message(
        render_notice("Only server managers (Manage Server) or the bot's admins can use `/kb`.").ephemeral(),
        0,
        "refused",
    )
}

fn settings(app: &App, caller: &Caller, visibility: Option<&str>) -> Handled {
    let Some(guild) = caller.guild_id else {
        return Handled::message(
            render_notice("Settings belong to a server: use `/kb settings` in one.").ephemeral(),
            0,
            "refused",
        );
    };
    let settings = &app.sharing.settings;
    let Some(wanted) = visibility else {
        let text = format!(
            "Answers here are **{}** by default. Anyone can override it per answer with `private:`.",
            settings.visibility(Some(guild)).as_str()
        );
        return Handled::message(render_notice(&text).ephemeral(), 0, "answered");
    };
    let Some(wanted) = Visibility::parse(wanted) else {
        return Handled::message(
            render_notice("Visibility is `public` or `private`.").ephemeral(),
            0,
            "refused",
        );
    };
    match settings.set_visibility(guild, wanted) {
        Ok(()) => {
            info!(visibility = wanted.as_str(), "guild visibility set");
            let text = format!(
                "Answers here are now **{}** by default. Anyone can override it per answer with `private:`.",
                wanted.as_str()
            );
            Handled::message(render_notice(&text).ephemeral(), 0, "answered")
        }
        Err(err) => {
            error!(error = %err, "cannot save guild settings");
            Handled::message(
                render_notice("The setting could not be saved on the server; the operator has been told.")
                    .ephemeral(),
                0,
                "error",
            )
        }
    }
}

fn gaps(app: &App, caller: &Caller) -> Handled {
    let recorder = &app.sharing.recorder;
    let (votes, gaps) = match (recorder.votes(), recorder.gaps()) {
        (Ok(v), Ok(g)) => (v, g),
        (Err(err), _) | (_, Err(err)) => {
            error!(error = %err, "cannot read feedback");
            return Handled::message(
                render_notice("The feedback records could not be read; the operator has been told.")
                    .ephemeral(),
                0,
                "error",
            );
        }
    };
    let report = build_report(
        &votes,
        &gaps,
        Utc::now() - Duration::days(GAP_DAYS),
        caller.guild_id,
    );
    let mut text = format!("**Unanswered queries, last {GAP_DAYS} days**");
    if report.gaps.is_empty() {
        text.push_str("\nNone recorded.");
    }
    for g in report.gaps.iter().take(GAP_ROWS) {
        let _ = write!(
            text,
            "\n• {}× {} (`/{}`)",
            g.count,
            escape_markdown(&truncate(&g.query, 150)),
            g.command
        );
    }
    text.push_str("\n\n**Most down-voted answers**");
    if report.downvoted.is_empty() {
        text.push_str("\nNone recorded.");
    }
    for v in report.downvoted.iter().take(GAP_ROWS) {
        let _ = write!(
            text,
            "\n• 👎 {} · 👍 {} · {} (`/{}`) — {}",
            v.down,
            v.up,
            escape_markdown(&truncate(&v.query, 150)),
            v.command,
            escape_markdown(&truncate(&v.facts.join(", "), 200))
        );
    }
    text.push_str("\n\nExport everything with `factbot report --since 30d --csv`.");
    let rows = report.gaps.len() + report.downvoted.len();
    Handled::message(render_notice(&text).ephemeral(), rows, "answered")
}
