//! Discord message bodies as plain serde data mirroring Discord's JSON, with every Discord
//! limit enforced here, so the adapter in `crate::discord` can never send an invalid request.
//!
//! Renderers build a [`DiscordMessage`] freely and finish with [`DiscordMessage::fit`], which
//! truncates (at sentence or word boundaries, with an ellipsis) rather than failing.

mod answer;
mod pages;
mod text;

use serde::Serialize;

pub use answer::{head, render_answer, render_answer_from, tail, ANSWER_COLOUR};
pub use pages::{
    parse_sources_button_id, render_help, render_notice, render_sources, sources_button_id, SourceEntry,
    SourcesPage, SOURCES_PER_PAGE,
};
pub use text::{escape_markdown, truncate};

/// Discord's limits on message parts, in characters.
pub mod limits {
    /// Message content.
    pub const CONTENT: usize = 2000;
    /// Embeds per message.
    pub const EMBEDS: usize = 10;
    /// Embed title.
    pub const TITLE: usize = 256;
    /// Embed description.
    pub const DESCRIPTION: usize = 4096;
    /// Fields per embed.
    pub const FIELDS: usize = 25;
    /// Field name.
    pub const FIELD_NAME: usize = 256;
    /// Field value.
    pub const FIELD_VALUE: usize = 1024;
    /// Footer text.
    pub const FOOTER: usize = 2048;
    /// Sum of titles, descriptions, field names and values and footers of all embeds.
    pub const EMBED_TOTAL: usize = 6000;
    /// Action rows per message.
    pub const ROWS: usize = 5;
    /// Buttons per action row.
    pub const BUTTONS_PER_ROW: usize = 5;
    /// Button label.
    pub const BUTTON_LABEL: usize = 80;
    /// A component's custom id.
    pub const CUSTOM_ID: usize = 100;
    /// URL of a link button or embed.
    pub const URL: usize = 512;
    /// Autocomplete choices per response.
    pub const CHOICES: usize = 25;
    /// Name and value of one autocomplete choice.
    pub const CHOICE: usize = 100;
}

/// The message flag that shows a reply only to the user who asked.
pub const EPHEMERAL: u64 = 1 << 6;

/// A message body: what Discord's interaction callback and webhook edit endpoints take.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DiscordMessage {
    /// Plain text above the embeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Rich embeds.
    pub embeds: Vec<Embed>,
    /// Rows of buttons.
    pub components: Vec<ActionRow>,
    /// Always "mention nobody": a quoted `@everyone` must never ping.
    pub allowed_mentions: AllowedMentions,
    /// Message flags, e.g. [`EPHEMERAL`].
    #[serde(skip_serializing_if = "is_zero")]
    pub flags: u64,
}

fn is_zero(flags: &u64) -> bool {
    *flags == 0
}

/// Which mentions may ping. The type has no way to allow any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AllowedMentions {
    parse: [&'static str; 0],
}

/// An embed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Embed {
    /// Title (plain text with light markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Link on the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Body text (markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Colour of the left bar, `0xRRGGBB`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<u32>,
    /// Named sections under the description.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<EmbedField>,
    /// Small print at the bottom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footer: Option<EmbedFooter>,
}

/// A named section of an embed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmbedField {
    /// Heading.
    pub name: String,
    /// Body (markdown).
    pub value: String,
    /// Whether it may sit beside other inline fields.
    pub inline: bool,
}

/// An embed's footer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmbedFooter {
    /// The text.
    pub text: String,
}

/// A row of buttons (component type 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    #[serde(rename = "type")]
    kind: u8,
    /// The buttons, at most five.
    pub components: Vec<Button>,
}

impl ActionRow {
    /// A row holding `buttons`.
    pub fn new(buttons: Vec<Button>) -> Self {
        Self {
            kind: 1,
            components: buttons,
        }
    }
}

/// Button styles used here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    /// Grey button that sends an interaction.
    Secondary = 2,
    /// Opens a URL; sends nothing to the bot.
    Link = 5,
}

/// A button (component type 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    #[serde(rename = "type")]
    kind: u8,
    /// 2 secondary, 5 link.
    pub style: u8,
    /// Text on the button.
    pub label: String,
    /// What the bot receives when it is pressed (not for link buttons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    /// Where a link button goes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Greyed out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disabled: bool,
}

impl Button {
    /// A link button.
    pub fn link(label: &str, url: &str) -> Self {
        Self {
            kind: 2,
            style: ButtonStyle::Link as u8,
            label: label.to_string(),
            custom_id: None,
            url: Some(url.to_string()),
            disabled: false,
        }
    }

    /// A button that sends `custom_id` back to the bot.
    pub fn action(label: &str, custom_id: &str, disabled: bool) -> Self {
        Self {
            kind: 2,
            style: ButtonStyle::Secondary as u8,
            label: label.to_string(),
            custom_id: Some(custom_id.to_string()),
            url: None,
            disabled,
        }
    }

    /// True when this is a link button.
    pub fn is_link(&self) -> bool {
        self.style == ButtonStyle::Link as u8
    }
}

impl DiscordMessage {
    /// A message with one embed.
    pub fn embed(embed: Embed) -> Self {
        Self {
            embeds: vec![embed],
            ..Self::default()
        }
    }

    /// Shown only to the user who asked.
    pub fn ephemeral(mut self) -> Self {
        self.flags |= EPHEMERAL;
        self
    }

    /// True when only the asking user sees it.
    pub fn is_ephemeral(&self) -> bool {
        self.flags & EPHEMERAL != 0
    }

    /// Brings every part within Discord's limits, truncating text and dropping what cannot be
    /// shown (invalid buttons, surplus fields, rows and embeds).
    pub fn fit(mut self) -> Self {
        self.content = self
            .content
            .map(|c| truncate(&c, limits::CONTENT))
            .filter(|c| !c.trim().is_empty());
        self.embeds.truncate(limits::EMBEDS);
        for embed in &mut self.embeds {
            fit_embed(embed);
        }
        fit_total(&mut self.embeds);
        self.components = fit_components(std::mem::take(&mut self.components));
        if self.content.is_none() && self.embeds.is_empty() {
            // Discord rejects an empty message.
            self.content = Some("(nothing to show)".to_string());
        }
        self
    }
}

fn fit_embed(embed: &mut Embed) {
    let cut = |s: &mut Option<String>, max: usize| {
        *s = s
            .take()
            .map(|t| truncate(&t, max))
            .filter(|t| !t.trim().is_empty());
    };
    cut(&mut embed.title, limits::TITLE);
    cut(&mut embed.description, limits::DESCRIPTION);
    embed.url = embed.url.take().filter(|u| is_web_url(u));
    embed.fields.truncate(limits::FIELDS);
    for field in &mut embed.fields {
        field.name = non_empty(truncate(&field.name, limits::FIELD_NAME));
        field.value = non_empty(truncate(&field.value, limits::FIELD_VALUE));
    }
    if let Some(footer) = &mut embed.footer {
        footer.text = truncate(&footer.text, limits::FOOTER);
    }
    embed.footer = embed.footer.take().filter(|f| !f.text.trim().is_empty());
}

/// Discord rejects empty field names and values; a zero-width space stands in.
fn non_empty(s: String) -> String {
    if s.trim().is_empty() {
        "\u{200b}".to_string()
    } else {
        s
    }
}

fn embed_chars(embed: &Embed) -> usize {
    let len = |s: &Option<String>| s.as_ref().map_or(0, |t| t.chars().count());
    len(&embed.title)
        + len(&embed.description)
        + embed.footer.as_ref().map_or(0, |f| f.text.chars().count())
        + embed
            .fields
            .iter()
            .map(|f| f.name.chars().count() + f.value.chars().count())
            .sum::<usize>()
}

/// Keeps the sum over all embeds within 6000: shorten the last description first, then drop
/// fields from the end, then whole embeds.
fn fit_total(embeds: &mut Vec<Embed>) {
    loop {
        let total: usize = embeds.iter().map(embed_chars).sum();
        if total <= limits::EMBED_TOTAL {
            return;
        }
        let excess = total - limits::EMBED_TOTAL;
        let several = embeds.len() > 1;
        let Some(last) = embeds.last_mut() else { return };
        if let Some(description) = &last.description {
            let len = description.chars().count();
            if len > excess + 200 {
                last.description = Some(truncate(description, len - excess));
                continue;
            }
        }
        if last.fields.pop().is_some() {
            continue;
        }
        if several {
            embeds.pop();
        } else {
            // One embed whose title and footer alone exceed the total cannot exist after
            // `fit_embed`, but keep the loop finite whatever happens.
            last.description = None;
            last.footer = None;
            return;
        }
    }
}

fn fit_components(rows: Vec<ActionRow>) -> Vec<ActionRow> {
    let buttons = rows.into_iter().flat_map(|r| r.components).filter_map(fit_button);
    let mut out: Vec<ActionRow> = Vec::new();
    for button in buttons {
        let rows = out.len();
        match out.last_mut() {
            Some(row) if row.components.len() < limits::BUTTONS_PER_ROW => row.components.push(button),
            _ if rows < limits::ROWS => out.push(ActionRow::new(vec![button])),
            _ => break,
        }
    }
    out
}

fn fit_button(mut button: Button) -> Option<Button> {
    button.label = truncate(&button.label, limits::BUTTON_LABEL);
    if button.label.trim().is_empty() {
        return None;
    }
    if button.is_link() {
        button.custom_id = None;
        button.url = button.url.filter(|u| is_web_url(u));
        button.url.as_ref()?;
    } else {
        button.url = None;
        let id = button.custom_id.as_ref()?;
        if id.is_empty() || id.chars().count() > limits::CUSTOM_ID {
            return None;
        }
    }
    Some(button)
}

/// Discord accepts only http(s) links of bounded length in embeds and buttons. Angle brackets
/// backslashes and backticks (never valid in a URL) would end or escape the `(<url>)` of a markdown link.
pub fn is_web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= limits::URL
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '\\' | '`'))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod hardening;
