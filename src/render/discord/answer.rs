//! An [`Answer`] as a Discord embed: the query as title, one line per fact with its numbers
//! in bold and a citation marker, a Sources section, a footer, and link buttons.

use std::fmt::Write;

use crate::answer::{Answer, Citation, CitedFact, Command};
use crate::render::marks::{comparison_note, format_date, location, mark_spans, same_passage_as};

use super::text::{escape_markdown, truncate};
use super::{limits, ActionRow, Button, DiscordMessage, Embed, EmbedField, EmbedFooter};

/// Left-bar colour of answer embeds.
pub const ANSWER_COLOUR: u32 = 0x2f_80_ed;
/// Left-bar colour when nothing matched.
const NO_ANSWER_COLOUR: u32 = 0x99_99_99;
/// Context kept on each side of the answering sentence in an `/ask` passage.
const PASSAGE_CONTEXT: usize = 160;
/// Longest query shown as the embed title: a wall of bold text helps nobody.
const QUERY_TITLE: usize = 150;
/// Longest name of a compared side shown in the comparison note.
const COMPARED_NAME: usize = 60;
/// Longest title shown in a source line, so many sources fit.
const SOURCE_TITLE: usize = 120;

/// Renders an answer (or a no-answer) as one embed within Discord's limits.
pub fn render_answer(answer: &Answer) -> DiscordMessage {
    render_answer_from(answer, 1)
}

/// [`render_answer`] numbering the facts from `first` (a later page continues the markers).
pub fn render_answer_from(answer: &Answer, first: usize) -> DiscordMessage {
    let first = first.max(1);
    if answer.no_answer || answer.facts.is_empty() {
        return render_no_answer(answer);
    }
    // What a comparison compared, and any side nothing matched, before the facts.
    let mut description = comparison_note(&answer.compared, |name| {
        format!("**{}**", escape_markdown(&truncate(name, COMPARED_NAME)))
    })
    .map(|note| format!("*{note}*\n\n"))
    .unwrap_or_default();
    let lead = description.chars().count();
    let mut shown = 0;
    for (i, fact) in answer.facts.iter().enumerate() {
        let repeated = same_passage_as(&answer.facts, i).map(|j| j + first);
        let line = fact_line(answer.command, i + first, fact, repeated);
        // Leave room for the disagreement note and the "more" line.
        if description.chars().count() + line.chars().count() + 400 > limits::DESCRIPTION && shown > 0 {
            break;
        }
        if description.chars().count() > lead {
            description.push_str("\n\n");
        }
        description.push_str(&line);
        shown += 1;
    }
    for d in &answer.disagreements {
        let which: Vec<String> = d
            .facts
            .iter()
            .filter(|&&i| i < shown)
            .map(|i| format!("[{}]", i + first))
            .collect();
        if which.len() >= 2 {
            let _ = write!(
                description,
                "\n\n⚠️ These sources differ on the {} figure: {}. Check their dates and methods before quoting.",
                d.kind.as_str(),
                which.join(", ")
            );
        }
    }
    let facts = &answer.facts[..shown];
    let embed = Embed {
        title: Some(escape_markdown(&truncate(&answer.query, QUERY_TITLE))),
        url: None,
        description: Some(description),
        color: Some(ANSWER_COLOUR),
        fields: source_fields(facts, first),
        footer: Some(EmbedFooter {
            text: footer_text(answer, shown),
        }),
    };
    DiscordMessage {
        embeds: vec![embed],
        components: link_buttons(facts, first),
        ..DiscordMessage::default()
    }
    .fit()
}

/// One numbered fact; for `ask`, inside its passage, or alone with a pointer to the fact
/// numbered `repeated` when that one already shows the paragraph.
fn fact_line(command: Command, n: usize, fact: &CitedFact, repeated: Option<usize>) -> String {
    let marked = mark_spans(&fact.text, &fact.highlights, "**", "**", &escape_markdown);
    let body = match (command, &fact.passage, fact.passage_span) {
        (Command::Ask, Some(_), _) if repeated.is_some() => {
            format!(
                "__{}__ *(in the passage of [{}])*",
                marked.trim(),
                repeated.unwrap_or(n)
            )
        }
        (Command::Ask, Some(passage), Some((start, end)))
            if end <= passage.len() && passage.is_char_boundary(start) && passage.is_char_boundary(end) =>
        {
            let before = tail(&passage[..start], PASSAGE_CONTEXT);
            let after = head(&passage[end..], PASSAGE_CONTEXT);
            if before.trim().is_empty() && after.trim().is_empty() {
                // The passage is the sentence: nothing to set it apart from.
                marked
            } else {
                format!(
                    "{}__{}__{}",
                    escape_markdown(&before),
                    marked.trim(),
                    escape_markdown(&after)
                )
            }
        }
        _ => marked,
    };
    let mut line = format!("`[{n}]` {}", body.trim());
    if let Some(year) = fact.period {
        let _ = write!(line, " *(as of {year})*");
    }
    line
}

/// The last `max` characters of `text`, starting at a word, with a leading ellipsis.
pub fn tail(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let start = text.char_indices().nth(count - max).map_or(0, |(i, _)| i);
    let from = text[start..].find(' ').map_or(start, |i| start + i + 1);
    format!("…{}", &text[from..])
}

/// The first `max` characters of `text`, ending at a word, with a trailing ellipsis.
pub fn head(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = truncate(text, max);
    // After a whole sentence the ellipsis stands apart: "transactions. …".
    match cut.strip_suffix('…') {
        Some(kept) if kept.ends_with(['.', '!', '?']) => format!("{kept} …"),
        _ => cut,
    }
}

/// "Sources" field(s), one line per article, its facts' markers first:
/// `[1] [3] [Title](url) — Publisher, date, ¶ 5, 9 · report: R` (for a PDF,
/// `p. 12, ¶ 3; p. 14, ¶ 1`). `first` is the marker number of the first fact (later pages
/// keep counting).
fn source_fields(facts: &[CitedFact], first: usize) -> Vec<EmbedField> {
    let mut groups: Vec<(Vec<usize>, Vec<&Citation>, &CitedFact)> = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|(_, _, first)| first.citation.article == fact.citation.article)
        {
            Some((markers, places, _)) => {
                markers.push(i + first);
                let c = &fact.citation;
                if !places.iter().any(|p| p.paragraph == c.paragraph) {
                    places.push(c);
                }
            }
            None => groups.push((vec![i + first], vec![&fact.citation], fact)),
        }
    }
    let mut fields: Vec<EmbedField> = Vec::new();
    let mut value = String::new();
    for (markers, places, fact) in groups {
        let line = truncate(&source_line(&markers, &places, fact), limits::FIELD_VALUE);
        if value.chars().count() + line.chars().count() + 1 > limits::FIELD_VALUE {
            push_sources(&mut fields, std::mem::take(&mut value));
        }
        if !value.is_empty() {
            value.push('\n');
        }
        value.push_str(&line);
    }
    if !value.is_empty() {
        push_sources(&mut fields, value);
    }
    fields
}

fn push_sources(fields: &mut Vec<EmbedField>, value: String) {
    let name = if fields.is_empty() {
        "Sources"
    } else {
        "Sources (continued)"
    };
    fields.push(EmbedField {
        name: name.to_string(),
        value,
        inline: false,
    });
}

fn source_line(markers: &[usize], places: &[&Citation], fact: &CitedFact) -> String {
    let c = &fact.citation;
    let title = escape_markdown(&truncate(&c.title, SOURCE_TITLE));
    let title = match c.url.as_deref().filter(|u| super::is_web_url(u)) {
        // Angle brackets keep a `)` inside the url from ending the link early.
        Some(url) => format!("[{title}](<{url}>)"),
        None => format!("*{title}*"),
    };
    let mut parts = Vec::new();
    if let Some(p) = &c.publisher {
        parts.push(escape_markdown(p));
    }
    if let Some(d) = c.published {
        parts.push(format_date(d));
    }
    // A no-break space keeps "¶ 5" together when the line wraps.
    if places.iter().all(|p| p.page.is_none()) {
        let paragraphs: Vec<String> = places.iter().map(|p| p.paragraph.to_string()).collect();
        parts.push(format!("¶\u{a0}{}", paragraphs.join(", ")));
    } else {
        let places: Vec<String> = places.iter().map(|p| location(p, "\u{a0}")).collect();
        parts.push(places.join("; "));
    }
    let markers: Vec<String> = markers.iter().map(|m| format!("`[{m}]`")).collect();
    let mut line = format!("{} {title} — {}", markers.join(" "), parts.join(", "));
    if let Some(report) = &c.report {
        let _ = write!(line, " · report: {}", escape_markdown(&truncate(report, 150)));
    }
    line
}

fn footer_text(answer: &Answer, shown: usize) -> String {
    let matched = answer.matched.max(shown);
    let noun = if matched == 1 { "fact" } else { "facts" };
    format!(
        "{} · {shown} of {matched} matching {noun} · knowledge base {}",
        answer.command.as_str(),
        answer.kb_version
    )
}

/// One link button per distinct source url, labelled with its markers and publisher.
fn link_buttons(facts: &[CitedFact], first: usize) -> Vec<ActionRow> {
    let mut by_url: Vec<(&str, Vec<usize>, &CitedFact)> = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        let Some(url) = fact.citation.url.as_deref().filter(|u| super::is_web_url(u)) else {
            continue;
        };
        match by_url.iter_mut().find(|(u, _, _)| *u == url) {
            Some((_, markers, _)) => markers.push(i + first),
            None => by_url.push((url, vec![i + first], fact)),
        }
    }
    let buttons: Vec<Button> = by_url
        .into_iter()
        .map(|(url, markers, fact)| {
            let markers: Vec<String> = markers.iter().map(|m| format!("[{m}]")).collect();
            let name = fact.citation.publisher.as_deref().unwrap_or(&fact.citation.title);
            // Button labels are plain text: no escaping, just the length limit.
            let label = truncate(&format!("{} {name}", markers.join("")), limits::BUTTON_LABEL);
            Button::link(&label, url)
        })
        .collect();
    buttons
        .chunks(limits::BUTTONS_PER_ROW)
        .take(limits::ROWS)
        .map(|chunk| ActionRow::new(chunk.to_vec()))
        .collect()
}

fn render_no_answer(answer: &Answer) -> DiscordMessage {
    let mut description = format!(
        "No fact in the knowledge base matched **{}** closely enough to quote.",
        escape_markdown(&truncate(&answer.query, 300))
    );
    if answer.suggestions.is_empty() {
        description.push_str("\n\nTry fewer or more general words, or `/sources` to see what is covered.");
    } else {
        description.push_str("\n\n**Topics to try:**");
        for s in answer.suggestions.iter().take(10) {
            let _ = write!(description, "\n• {}", escape_markdown(&truncate(s, 200)));
        }
        description.push_str("\n\nOr use `/sources` to see what is covered.");
    }
    DiscordMessage::embed(Embed {
        title: Some("No matching fact".to_string()),
        description: Some(description),
        color: Some(NO_ANSWER_COLOUR),
        footer: Some(EmbedFooter {
            text: format!(
                "{} · knowledge base {}",
                answer.command.as_str(),
                answer.kb_version
            ),
        }),
        ..Embed::default()
    })
    .fit()
}
