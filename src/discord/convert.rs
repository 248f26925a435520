//! Conversions between serenity's types and our plain ones: interactions into [`Request`]s,
//! [`DiscordMessage`]s into serenity builders.

use serenity::all::{
    ButtonStyle, CommandDataOptionValue, CreateActionRow, CreateAllowedMentions, CreateAutocompleteResponse,
    CreateButton, CreateEmbed, CreateEmbedFooter, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, EditInteractionResponse,
    Interaction, Member, User,
};
use serenity::builder::AutocompleteChoice;

use crate::render::discord::{ActionRow, DiscordMessage, Embed};

use super::request::{Caller, Request, Response};

/// Our request for a serenity interaction; `None` for kinds the bot does not serve.
pub fn to_request(interaction: &Interaction) -> Option<Request> {
    match interaction {
        Interaction::Command(command) => {
            let options = command
                .data
                .options
                .iter()
                .filter_map(|o| match &o.value {
                    CommandDataOptionValue::String(s) => Some((o.name.clone(), s.clone())),
                    CommandDataOptionValue::Integer(i) => Some((o.name.clone(), i.to_string())),
                    _ => None,
                })
                .collect();
            Some(Request::Command {
                name: command.data.name.clone(),
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
            caller: caller(
                &component.user,
                component.member.as_ref(),
                component.guild_id.map(|g| g.get()),
            ),
        }),
        _ => None,
    }
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
        Response::Update(message) => CreateInteractionResponse::UpdateMessage(message_builder(message)),
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
