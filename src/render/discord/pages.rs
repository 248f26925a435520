//! Messages that are not answers: the `/sources` pages, `/help`, and short notices.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::render::marks::format_date;

use super::text::{escape_markdown, truncate};
use super::{limits, ActionRow, Button, DiscordMessage, Embed, EmbedField, EmbedFooter, ANSWER_COLOUR};

/// Articles listed per `/sources` page.
pub const SOURCES_PER_PAGE: usize = 10;
/// Prefix of the custom id of the `/sources` page buttons: `sources:<page>:<filter>`.
pub const SOURCES_BUTTON: &str = "sources";

/// One article as `/sources` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    /// Headline.
    pub title: String,
    /// Outlet.
    pub publisher: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Link.
    pub url: Option<String>,
    /// Number of facts indexed from it.
    pub facts: usize,
}

/// What one `/sources` page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcesPage {
    /// The filter typed, if any.
    pub filter: Option<String>,
    /// 0-based page number (clamped to the last page when rendering).
    pub page: usize,
    /// Every matching article, in display order.
    pub entries: Vec<SourceEntry>,
    /// Articles in the knowledge base, matching or not.
    pub total_articles: usize,
    /// Knowledge-base version.
    pub kb_version: String,
}

/// The custom id of a button that opens `page` of the list filtered by `filter`.
pub fn sources_button_id(page: usize, filter: Option<&str>) -> String {
    let prefix = format!("{SOURCES_BUTTON}:{page}:");
    let room = limits::CUSTOM_ID - prefix.len();
    let filter: String = filter.unwrap_or("").chars().take(room).collect();
    format!("{prefix}{filter}")
}

/// Parses a `/sources` button id back into page and filter.
pub fn parse_sources_button_id(id: &str) -> Option<(usize, Option<String>)> {
    let rest = id.strip_prefix(SOURCES_BUTTON)?.strip_prefix(':')?;
    let (page, filter) = rest.split_once(':')?;
    let page = page.parse().ok()?;
    Some((page, Some(filter.to_string()).filter(|f| !f.is_empty())))
}

/// One page of the source list, with Prev/Next buttons when there is more than one page.
pub fn render_sources(page: &SourcesPage) -> DiscordMessage {
    let pages = page.entries.len().div_ceil(SOURCES_PER_PAGE).max(1);
    let current = page.page.min(pages - 1);
    let title = match &page.filter {
        Some(f) => format!("Sources matching “{}”", escape_markdown(&truncate(f, 80))),
        None => "Sources".to_string(),
    };
    let mut description = String::new();
    if page.entries.is_empty() {
        description.push_str("No article matches this filter. Try `/sources` without a filter.");
    }
    for (i, entry) in page
        .entries
        .iter()
        .enumerate()
        .skip(current * SOURCES_PER_PAGE)
        .take(SOURCES_PER_PAGE)
    {
        let title = escape_markdown(&truncate(&entry.title, 150));
        let title = match entry.url.as_deref().filter(|u| super::is_web_url(u)) {
            Some(url) => format!("[{title}](<{url}>)"),
            None => format!("**{title}**"),
        };
        let mut meta: Vec<String> = Vec::new();
        if let Some(p) = &entry.publisher {
            meta.push(escape_markdown(&truncate(p, 60)));
        }
        if let Some(d) = entry.published {
            meta.push(format_date(d));
        }
        let noun = if entry.facts == 1 { "fact" } else { "facts" };
        meta.push(format!("{} {noun}", entry.facts));
        let _ = write!(description, "{}. {title}\n    {}\n", i + 1, meta.join(" · "));
    }
    let footer = format!(
        "page {} of {pages} · {} of {} articles · knowledge base {}",
        current + 1,
        page.entries.len(),
        page.total_articles,
        page.kb_version
    );
    let mut message = DiscordMessage::embed(Embed {
        title: Some(title),
        description: Some(description),
        color: Some(ANSWER_COLOUR),
        footer: Some(EmbedFooter { text: footer }),
        ..Embed::default()
    });
    if pages > 1 {
        let filter = page.filter.as_deref();
        message.components = vec![ActionRow::new(vec![
            Button::action(
                "◀ Prev",
                &sources_button_id(current.saturating_sub(1), filter),
                current == 0,
            ),
            Button::action(
                "Next ▶",
                &sources_button_id(current + 1, filter),
                current + 1 >= pages,
            ),
        ])];
    }
    message.fit()
}

/// What each command does, with examples and how to read a citation.
pub fn render_help(kb_version: &str, articles: usize) -> DiscordMessage {
    let field = |name: &str, value: &str| EmbedField {
        name: name.to_string(),
        value: value.to_string(),
        inline: false,
    };
    DiscordMessage::embed(Embed {
        title: Some("factbot — cited facts from industry reports".to_string()),
        description: Some(format!(
            "Every answer quotes sentences from the {articles} articles in the knowledge base, \
             word for word, and says where each one comes from."
        )),
        color: Some(ANSWER_COLOUR),
        fields: vec![
            field(
                "/stat topic",
                "Top cited facts (sentences with numbers) about a topic; start typing for suggestions. \
                 Name two or more things with *vs* or *or* to compare them.\n\
                 Examples: `/stat topic: short-drama viewers`, `/stat topic: Kuaishou vs Douyin viewers`",
            ),
            field(
                "/ask question",
                "The best passages for a question, the answering sentence underlined.\n\
                 Example: `/ask question: How much did short-drama apps earn in 2024?`",
            ),
            field(
                "/sources [filter]",
                "The articles the bot knows: title, publisher, date and number of facts.\n\
                 Example: `/sources filter: Sensor Tower`",
            ),
            field(
                "Buttons and sharing",
                "Add `private: true` to see an answer only yourself, then **Share in channel** when \
                 it is worth it. **More** / **Back** page through further facts, **Show passage** \
                 quotes the whole paragraph, 👍 / 👎 tell the admins what works. Right-click any \
                 message → *Apps* → **Find facts** to fact-check it.",
            ),
            field(
                "For server managers",
                "`/reload` re-reads the knowledge folder and reports what changed; `/kb status` shows \
                 articles, facts, the last reload and the index size; `/kb settings` sets whether \
                 answers are public or private by default; `/kb gaps` lists questions nobody could \
                 answer and answers people voted down.",
            ),
            field(
                "Reading a citation",
                "Numbers are in **bold**. `[1]` points to line [1] under **Sources**: \
                 article title (linked), publisher, publication date and ¶ paragraph number. \
                 *as of 2024* is the year the figure describes; *report* names the study \
                 the article quotes. When sources disagree, the answer says so: compare \
                 their dates and methods before quoting.",
            ),
        ],
        footer: Some(EmbedFooter {
            text: format!("knowledge base {kb_version}"),
        }),
        ..Embed::default()
    })
    .fit()
}

/// A short plain reply (errors, permission refusals, reload reports).
pub fn render_notice(text: &str) -> DiscordMessage {
    DiscordMessage {
        content: Some(text.to_string()),
        ..DiscordMessage::default()
    }
    .fit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_button_ids_round_trip_and_fit() {
        let id = sources_button_id(3, Some("sensor tower"));
        assert_eq!(
            parse_sources_button_id(&id),
            Some((3, Some("sensor tower".to_string())))
        );
        assert_eq!(
            parse_sources_button_id(&sources_button_id(0, None)),
            Some((0, None))
        );
        let long = sources_button_id(12, Some(&"é".repeat(300)));
        assert!(long.chars().count() <= limits::CUSTOM_ID);
        assert_eq!(parse_sources_button_id("other:1:x"), None);
    }
}
