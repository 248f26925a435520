//! The slash commands as registered with Discord. Registration is a bulk overwrite, so
//! running it at every start-up is idempotent.

use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, Permissions};

/// Longest `/stat` topic accepted by Discord's client.
pub const MAX_TOPIC: u16 = 200;
/// Longest `/ask` question accepted by Discord's client.
pub const MAX_QUESTION: u16 = 500;
/// Longest `/sources` filter; short enough to ride in a button's custom id.
pub const MAX_FILTER: u16 = 80;

/// Every command the bot serves, in registration order.
pub fn definitions() -> Vec<CreateCommand> {
    vec![
        CreateCommand::new("stat")
            .description("Top cited facts (with numbers) for a topic")
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    "topic",
                    "What to find figures about, e.g. short-drama viewers",
                )
                .required(true)
                .set_autocomplete(true)
                .max_length(MAX_TOPIC),
            ),
        CreateCommand::new("ask")
            .description("Best passages for a question, the answering sentence marked")
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    "question",
                    "Your question, e.g. How many people watch micro-dramas?",
                )
                .required(true)
                .max_length(MAX_QUESTION),
            ),
        CreateCommand::new("sources")
            .description("List the articles the bot cites")
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    "filter",
                    "Words in the title, publisher, report or tags",
                )
                .required(false)
                .max_length(MAX_FILTER),
            ),
        CreateCommand::new("help").description("What each command does and how to read citations"),
        CreateCommand::new("reload")
            .description("Re-read the knowledge folder and report what changed (server managers)")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .dm_permission(false),
    ]
}
