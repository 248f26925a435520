//! `/kb`: the knowledge-base command group for admins. Each subcommand has its own
//! definition and handler function; add one by adding both and a match arm in [`handle`].
//! Subcommands arrive as requests named `kb <subcommand>` with their options flattened.

use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, Permissions};
use tracing::error;

use crate::render::discord::render_notice;

use super::app::App;
use super::request::{Handled, Request};

/// Name of the command group.
pub const NAME: &str = "kb";

/// The `/kb` command with its subcommands. Manage Server by default: every subcommand is for
/// admins, and each handler checks again on our side.
pub fn definition() -> CreateCommand {
    CreateCommand::new(NAME)
        .description("Knowledge-base administration (server managers)")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .dm_permission(false)
        .add_option(status_definition())
        .add_option(super::kb_settings::settings_option())
        .add_option(super::kb_settings::gaps_option())
}

fn status_definition() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::SubCommand,
        "status",
        "Articles, facts, last reload, index size, version and uptime",
    )
}

/// The subcommand of a `kb …` request name, e.g. `status` for `kb status`.
pub fn subcommand(name: &str) -> Option<&str> {
    name.strip_prefix(NAME)?.strip_prefix(' ')
}

/// Answers `/kb <subcommand>`. Blocking: call on a blocking thread.
pub fn handle(app: &App, subcommand: &str, request: &Request) -> Handled {
    let Some(caller) = request.caller() else {
        return unknown(subcommand);
    };
    match subcommand {
        "status" => super::kb_status::status(app, caller),
        other => super::kb_settings::handle(app, other, caller, request.option("visibility"))
            .unwrap_or_else(|| unknown(other)),
    }
}

fn unknown(subcommand: &str) -> Handled {
    error!(subcommand, "unknown /kb subcommand");
    Handled::message(
        render_notice("This command is not known to this version of the bot.").ephemeral(),
        0,
        "unknown",
    )
}
