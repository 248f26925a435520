//! Conversions between serenity's types and our plain ones: interactions into [`Request`]s,
//! [`DiscordMessage`]s into serenity builders.

use serenity::all::{
    ButtonStyle, CommandDataOption, CommandDataOptionValue, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateEmbedFooter, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, EditInteractionResponse,
    Interaction, Member, MessageFlags, MessageInteractionMetadata, ResolvedTarget, User,
};
use serenity::builder::AutocompleteChoice;

use crate::render::discord::{ActionRow, DiscordMessage, Embed};

use super::request::{message_text, Caller, Request, Response, MESSAGE_OPTION};

/// Our request for a serenity interaction; `None` for kinds the bot does not serve.
pub fn to_request(interaction: &Interaction) -> Option<Request> {
    match interaction {
        Interaction::Command(command) => {
            let (name, options) = match command.data.target() {
                // A message context-menu command: its one "option" is the message's text.
                Some(ResolvedTarget::Message(message)) => {
                    let embed = message.embeds.first();
                    let text = message_text(
                        &message.content,
                        embed.and_then(|e| e.title.as_deref()),
                        embed.and_then(|e| e.description.as_deref()),
                    );
                    (
                        command.data.name.clone(),
                        vec![(MESSAGE_OPTION.to_string(), text)],
                    )
                }
                // A subcommand (`/kb status`) becomes the name `kb status` with its own options.
                _ => match command.data.options.first().map(|o| (&o.name, &o.value)) {
                    Some((sub, CommandDataOptionValue::SubCommand(inner))) => {
                        (format!("{} {sub}", command.data.name), flatten_options(inner))
                    }
                    _ => (command.data.name.clone(), flatten_options(&command.data.options)),
                },
            };
            Some(Request::Command {
                name,
                options,
                caller: caller(
                    &command.user,
                    command.member.as_deref(),
                    command.guild_id.map(|g| g.get()),
                ),
            })
        }
        Interaction::Autocomplete(command) => {
            let focused = command.data.autocomplete();
            Some(Request::Autocomplete {
                command: command.data.name.clone(),
                option: focused.as_ref().map(|f| f.name.to_string()).unwrap_or_default(),
                typed: focused.map(|f| f.value.to_string()).unwrap_or_default(),
            })
        }
        Interaction::Component(component) => Some(Request::Button {
            custom_id: component.data.custom_id.clone(),
            message_title: component.message.embeds.first().and_then(|e| e.title.clone()),
            message_private: component
                .message
                .flags
                .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL)),
            message_owner: component
                .message
                .interaction_metadata
                .as_deref()
                .and_then(|m| match m {
                    MessageInteractionMetadata::Command(c) => Some(c.user.id.get()),
                    MessageInteractionMetadata::Component(c) => Some(c.user.id.get()),
                    _ => None,
                }),
            caller: caller(
                &component.user,
                component.member.as_ref(),
                component.guild_id.map(|g| g.get()),
            ),
        }),
        _ => None,
    }
}

/// String, integer and boolean options as text; a subcommand as `subcommand` = its name,
/// followed by its own options.
fn flatten_options(options: &[CommandDataOption]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for o in options {
        match &o.value {
            CommandDataOptionValue::String(s) => out.push((o.name.clone(), s.clone())),
            CommandDataOptionValue::Integer(i) => out.push((o.name.clone(), i.to_string())),
            CommandDataOptionValue::Boolean(b) => out.push((o.name.clone(), b.to_string())),
            _ => {}
        }
    }
    out
}

fn caller(user: &User, member: Option<&Member>, guild_id: Option<u64>) -> Caller {
    Caller {
        user_id: user.id.get(),
        user_name: user.global_name.clone().unwrap_or_else(|| user.name.clone()),
        guild_id,
        permissions: member.and_then(|m| m.permissions).map(|p| p.bits()),
        roles: member
            .map(|m| m.roles.iter().map(|r| r.get()).collect())
            .unwrap_or_default(),
    }
}

/// The initial interaction response for `response`.
pub fn initial(response: &Response) -> CreateInteractionResponse {
    match response {
        Response::Message(message) => CreateInteractionResponse::Message(message_builder(message)),
        Response::Update(message) | Response::Share { update: message, .. } => {
            CreateInteractionResponse::UpdateMessage(message_builder(message))
        }
        Response::Choices(choices) => CreateInteractionResponse::Autocomplete(
            CreateAutocompleteResponse::new().set_choices(
                choices
                    .iter()
                    .map(|(name, value)| AutocompleteChoice::new(name.clone(), value.clone()))
                    .collect(),
            ),
        ),
    }
}

/// "Thinking…" acknowledgement (callback type 5).
pub fn defer(ephemeral: bool) -> CreateInteractionResponse {
    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral))
}

fn message_builder(message: &DiscordMessage) -> CreateInteractionResponseMessage {
    let mut builder = CreateInteractionResponseMessage::new()
        .embeds(message.embeds.iter().map(embed).collect())
        .components(message.components.iter().map(row).collect())
        .allowed_mentions(CreateAllowedMentions::new())
        .ephemeral(message.is_ephemeral());
    if let Some(content) = &message.content {
        builder = builder.content(content.clone());
    }
    builder
}

/// The edit of a deferred reply (`PATCH …/messages/@original`).
pub fn edit(message: &DiscordMessage) -> EditInteractionResponse {
    let mut builder = EditInteractionResponse::new()
        .embeds(message.embeds.iter().map(embed).collect())
        .components(message.components.iter().map(row).collect())
        .allowed_mentions(CreateAllowedMentions::new());
    if let Some(content) = &message.content {
        builder = builder.content(content.clone());
    }
    builder
}

/// A follow-up message carrying `message`, when the initial response could not be sent.
pub fn followup(message: &DiscordMessage) -> CreateInteractionResponseFollowup {
    let mut builder = CreateInteractionResponseFollowup::new()
        .embeds(message.embeds.iter().map(embed).collect())
        .components(message.components.iter().map(row).collect())
        .allowed_mentions(CreateAllowedMentions::new())
        .ephemeral(message.is_ephemeral());
    if let Some(content) = &message.content {
        builder = builder.content(content.clone());
    }
    builder
}

fn embed(e: &Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new();
    if let Some(title) = &e.title {
        out = out.title(title.clone());
    }
    if let Some(url) = &e.url {
        out = out.url(url.clone());
    }
    if let Some(description) = &e.description {
        out = out.description(description.clone());
    }
    if let Some(colour) = e.color {
        out = out.colour(colour);
    }
    for field in &e.fields {
        out = out.field(field.name.clone(), field.value.clone(), field.inline);
    }
    if let Some(footer) = &e.footer {
        out = out.footer(CreateEmbedFooter::new(footer.text.clone()));
    }
    out
}

fn row(r: &ActionRow) -> CreateActionRow {
    CreateActionRow::Buttons(
        r.components
            .iter()
            .map(|b| {
                let button = match (&b.url, &b.custom_id) {
                    (Some(url), _) if b.is_link() => CreateButton::new_link(url.clone()),
                    (_, Some(id)) => CreateButton::new(id.clone()).style(ButtonStyle::Secondary),
                    // `fit` drops such buttons; a disabled placeholder keeps this total.
                    _ => CreateButton::new("invalid").disabled(true),
                };
                button.label(b.label.clone()).disabled(b.disabled)
            })
            .collect(),
    )
}
