//! Answer pages with their buttons (Back, More, Show passage, Share in channel, 👍, 👎) and
//! the Show passage reply, as plain message bodies within Discord's component limits.

use crate::answer::{Answer, CitedFact, Disagreement};
use crate::feedback::Vote;
use crate::render::discord::{
    escape_markdown, head, limits, render_answer, render_answer_from, tail, truncate, ActionRow, Button,
    DiscordMessage, Embed, EmbedFooter, ANSWER_COLOUR,
};

use super::custom_id::{Action, AnswerRef};

/// Label of the button that posts a private answer publicly.
pub const SHARE_LABEL: &str = "Share in channel";
/// Label it takes once pressed.
pub const SHARED_LABEL: &str = "Shared ✓";
/// Context kept on each side of a fact in Show passage when the paragraph is long.
const PASSAGE_CONTEXT: usize = 600;

/// One page of an answer, as it is about to be shown.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The whole answer (every page's facts).
    pub answer: &'a Answer,
    /// Which page, and the ids its buttons carry.
    pub answer_ref: AnswerRef,
    /// Facts per page.
    pub per_page: usize,
    /// Shown only to who asked: offer Share.
    pub private: bool,
    /// Already shared: the Share button reads "Shared ✓" and is disabled.
    pub shared: bool,
    /// The knowledge-base version the buttons came from, when it is no longer current.
    pub changed_from: Option<&'a str>,
}

/// Pages needed for `facts` facts.
pub fn page_count(facts: usize, per_page: usize) -> usize {
    facts.div_ceil(per_page.max(1))
}

/// The facts of one page (indexes into the answer), `None` when the page is past the end.
fn page_range(facts: usize, page: usize, per_page: usize) -> Option<std::ops::Range<usize>> {
    let start = page.checked_mul(per_page)?;
    (start < facts).then(|| start..(start + per_page).min(facts))
}

/// The facts shown on `page`, or `None` when the answer has no such page (any more).
pub fn page_facts(answer: &Answer, page: usize, per_page: usize) -> Option<&[CitedFact]> {
    page_range(answer.facts.len(), page, per_page).map(|r| &answer.facts[r])
}

/// Renders one page with its buttons; `None` when the page does not exist. A no-answer is
/// rendered by [`render_answer`] and has no buttons: there is nothing to page, share or rate.
pub fn render_page(page: &Page<'_>) -> Option<DiscordMessage> {
    let answer = page.answer;
    if answer.no_answer || answer.facts.is_empty() {
        return Some(render_answer(answer));
    }
    let number = page.answer_ref.page;
    let range = page_range(answer.facts.len(), number, page.per_page)?;
    let mut sliced = answer.clone();
    sliced.facts = answer.facts[range.clone()].to_vec();
    sliced.disagreements = answer
        .disagreements
        .iter()
        .filter_map(|d| {
            let facts: Vec<usize> = d
                .facts
                .iter()
                .filter(|i| range.contains(i))
                .map(|i| i - range.start)
                .collect();
            (facts.len() >= 2).then_some(Disagreement { kind: d.kind, facts })
        })
        .collect();
    let mut message = render_answer_from(&sliced, range.start + 1);
    let pages = page_count(answer.facts.len(), page.per_page);
    let mut footer = format!(
        "{} · facts {}–{} of {} · page {} of {pages} · knowledge base {}",
        answer.command.as_str(),
        range.start + 1,
        range.end,
        answer.facts.len(),
        number + 1,
        answer.kb_version
    );
    if let Some(old) = page.changed_from {
        footer.push_str(&format!(
            " · the knowledge base changed since this answer ({old}); run the command again for a fresh one"
        ));
    }
    if let Some(embed) = message.embeds.first_mut() {
        embed.footer = Some(EmbedFooter {
            text: truncate(&footer, limits::FOOTER),
        });
    }
    let links = std::mem::take(&mut message.components);
    let mut rows = vec![action_row(page, pages), vote_row(&page.answer_ref)];
    let room = limits::ROWS - rows.len();
    rows.extend(links.into_iter().take(room));
    message.components = rows;
    debug_assert!(
        component_problems(&message).is_empty(),
        "{:?}",
        component_problems(&message)
    );
    Some(message)
}

fn action_row(page: &Page<'_>, pages: usize) -> ActionRow {
    let at = &page.answer_ref;
    let mut buttons = Vec::new();
    if at.page > 0 {
        buttons.push(Button::action(
            "◀ Back",
            &at.at(at.page - 1).button(Action::Page),
            false,
        ));
    }
    if at.page + 1 < pages {
        buttons.push(Button::action(
            "More ▶",
            &at.at(at.page + 1).button(Action::Page),
            false,
        ));
    }
    buttons.push(Button::action("Show passage", &at.button(Action::Passage), false));
    if page.private {
        buttons.push(if page.shared {
            Button::action(SHARED_LABEL, &at.button(Action::Shared), true)
        } else {
            Button::action(SHARE_LABEL, &at.button(Action::Share), false)
        });
    }
    ActionRow::new(buttons)
}

fn vote_row(at: &AnswerRef) -> ActionRow {
    ActionRow::new(vec![
        Button::action("👍", &at.button(Action::Vote(Vote::Up)), false),
        Button::action("👎", &at.button(Action::Vote(Vote::Down)), false),
    ])
}

/// What breaks Discord's component rules in `message`: too many rows or buttons, long or
/// duplicate custom ids, long labels. Empty when valid.
pub fn component_problems(message: &DiscordMessage) -> Vec<String> {
    let mut problems = Vec::new();
    if message.components.len() > limits::ROWS {
        problems.push(format!("{} rows", message.components.len()));
    }
    let mut seen = std::collections::HashSet::new();
    for row in &message.components {
        if row.components.len() > limits::BUTTONS_PER_ROW {
            problems.push(format!("{} buttons in a row", row.components.len()));
        }
        for button in &row.components {
            if button.label.chars().count() > limits::BUTTON_LABEL {
                problems.push(format!("label {:?} too long", button.label));
            }
            if let Some(id) = &button.custom_id {
                if id.chars().count() > limits::CUSTOM_ID {
                    problems.push(format!("custom id {id} too long"));
                }
                if !seen.insert(id.clone()) {
                    problems.push(format!("custom id {id} repeated"));
                }
            }
        }
    }
    problems
}

/// One fact with the paragraph around it, for Show passage.
#[derive(Debug, Clone)]
pub struct PassageItem<'a> {
    /// Its marker in the answer (`[n]`).
    pub marker: usize,
    /// The fact.
    pub fact: &'a CitedFact,
    /// The whole paragraph and the fact's byte range in it (`None` when not found: the
    /// sentence alone is shown).
    pub paragraph: Option<(String, (usize, usize))>,
}

/// The Show passage reply: one embed per fact with its paragraph, the fact in bold and
/// underlined, the article linked. Ephemeral.
pub fn render_passages(items: &[PassageItem<'_>]) -> DiscordMessage {
    let embeds = items
        .iter()
        .take(limits::EMBEDS)
        .map(|item| {
            let fact = item.fact;
            let sentence = format!("__**{}**__", escape_markdown(fact.text.trim()));
            let description = match &item.paragraph {
                Some((text, (start, end)))
                    if *end <= text.len() && text.is_char_boundary(*start) && text.is_char_boundary(*end) =>
                {
                    format!(
                        "{}{sentence}{}",
                        escape_markdown(&tail(&text[..*start], PASSAGE_CONTEXT)),
                        escape_markdown(&head(&text[*end..], PASSAGE_CONTEXT))
                    )
                }
                _ => sentence,
            };
            let c = &fact.citation;
            let mut footer = format!("¶ {} · {}", c.paragraph, fact.id);
            if let Some(publisher) = &c.publisher {
                footer = format!("{publisher} · {footer}");
            }
            Embed {
                title: Some(truncate(&format!("[{}] {}", item.marker, c.title), limits::TITLE)),
                url: c.url.clone(),
                description: Some(description),
                color: Some(ANSWER_COLOUR),
                fields: Vec::new(),
                footer: Some(EmbedFooter { text: footer }),
            }
        })
        .collect();
    DiscordMessage {
        embeds,
        ..DiscordMessage::default()
    }
    .fit()
    .ephemeral()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Command;
    use crate::facts::QuantityKind;

    fn answer(facts: usize) -> Answer {
        let fact = |i: usize| {
            let mut fact = CitedFact::sample(
                &format!("a{i}.md"),
                &format!("Fact {i} counts {i} million viewers."),
            );
            fact.highlights = vec![crate::answer::Highlight {
                start: 14,
                end: 15,
                kind: QuantityKind::Count,
                counted: None,
            }];
            fact.citation.title = format!("Article {i}");
            fact.citation.publisher = Some(format!("Outlet {i}"));
            fact.citation.url = Some(format!("https://example.test/{i}"));
            fact
        };
        Answer {
            command: Command::Stat,
            query: "viewers".to_string(),
            no_answer: false,
            facts: (0..facts).map(fact).collect(),
            matched: facts,
            suggestions: Vec::new(),
            disagreements: Vec::new(),
            compared: Vec::new(),
            kb_version: "c0ffee12".to_string(),
        }
    }

    fn page(answer: &Answer, number: usize, per_page: usize, private: bool) -> Option<DiscordMessage> {
        render_page(&Page {
            answer,
            answer_ref: AnswerRef::new(Command::Stat, &answer.query, number, &answer.kb_version),
            per_page,
            private,
            shared: false,
            changed_from: None,
        })
    }

    fn labels(message: &DiscordMessage) -> Vec<String> {
        message
            .components
            .iter()
            .flat_map(|r| r.components.iter().map(|b| b.label.clone()))
            .collect()
    }

    #[test]
    fn pages_of_many_linked_sources_stay_within_the_component_limits() {
        let answer = answer(25);
        for per_page in [5, 10] {
            for number in 0..page_count(25, per_page) {
                let message = page(&answer, number, per_page, true).expect("page");
                assert!(
                    component_problems(&message).is_empty(),
                    "{:?}",
                    component_problems(&message)
                );
                let labels = labels(&message);
                assert_eq!(labels.contains(&"◀ Back".to_string()), number > 0, "{labels:?}");
                assert_eq!(
                    labels.contains(&"More ▶".to_string()),
                    number + 1 < page_count(25, per_page),
                    "{labels:?}"
                );
                assert!(labels.contains(&SHARE_LABEL.to_string()), "{labels:?}");
            }
        }
    }

    #[test]
    fn a_later_page_continues_the_markers_and_a_missing_page_is_none() {
        let answer = answer(12);
        let second = page(&answer, 1, 5, false).expect("page 2");
        let embed = &second.embeds[0];
        assert!(embed.description.as_deref().unwrap_or("").starts_with("`[6]`"));
        let footer = &embed.footer.as_ref().expect("footer").text;
        assert!(footer.contains("facts 6–10 of 12 · page 2 of 3"), "{footer}");
        assert!(
            !labels(&second).contains(&SHARE_LABEL.to_string()),
            "public: no Share"
        );
        assert!(page(&answer, 3, 5, false).is_none());
    }
}
