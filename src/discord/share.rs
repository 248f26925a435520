//! Answers as a team uses them: private or public by the guild's setting (or `private:`),
//! Share in channel, More / Back, Show passage, 👍 / 👎, Find facts on a message, and the
//! recording of votes and unanswered queries. Plain handlers: no serenity types.

use std::path::Path;

use chrono::Utc;
use tracing::{error, info, instrument, warn};

use crate::answer::{Answer, Command, MAX_FACTS};
use crate::feedback::{user_hash, GapRecord, GuildSettings, Recorder, Visibility, VoteRecord, FEEDBACK_DIR};
use crate::render::discord::{escape_markdown, render_notice, DiscordMessage};

use super::app::App;
use super::components::{page_facts, render_page, render_passages, Page, PassageItem};
use super::custom_id::{self, Action, AnswerRef};
use super::request::{Caller, Handled, Request, Response};

/// Name of the message context-menu command.
pub const FIND_FACTS: &str = "Find facts";
/// The reply to a button whose answer can no longer be rebuilt.
const GONE: &str = "This answer is too old to page, share or rate any more; please run the command again.";

/// The sharing state kept on disk: guild settings and the feedback recorder.
#[derive(Debug)]
pub struct Sharing {
    /// Votes, gaps and long queries.
    pub recorder: Recorder,
    /// Per-guild settings.
    pub settings: GuildSettings,
}

impl Sharing {
    /// Sharing state in `data_dir`'s feedback folder.
    pub fn new(data_dir: &Path) -> Self {
        let dir = data_dir.join(FEEDBACK_DIR);
        Self {
            settings: GuildSettings::new(&dir),
            recorder: Recorder::new(dir),
        }
    }
}

/// True when the answer to `request` is shown to the caller only: its `private` option, else
/// the guild's default.
pub fn is_private(app: &App, request: &Request) -> bool {
    match request.option("private").map(str::trim) {
        Some("true") => true,
        Some("false") => false,
        _ => {
            app.sharing
                .settings
                .visibility(request.caller().and_then(|c| c.guild_id))
                == Visibility::Private
        }
    }
}

/// Facts per page for `command`: the configured answer size.
pub fn per_page(app: &App, command: Command) -> usize {
    match command {
        Command::Stat => app.config.facts_per_answer,
        Command::Ask => app.config.passages_per_answer,
    }
    .max(1)
}

/// The first page of a fresh answer to `query` (already checked non-empty and cut).
#[instrument(skip(app, answer, caller), fields(command = command.as_str(), guild = caller.guild_id))]
pub fn first_page(
    app: &App,
    command: Command,
    answer: &Answer,
    caller: &Caller,
    private: bool,
) -> DiscordMessage {
    if answer.no_answer {
        let recorded = app.sharing.recorder.record_gap(&GapRecord {
            time: Utc::now(),
            guild: caller.guild_id,
            user: user_hash(caller.user_id),
            command: command.as_str().to_string(),
            query: answer.query.clone(),
        });
        info!(recorded, "unanswered query");
    }
    let answer_ref = AnswerRef::new(command, &answer.query, 0, &answer.kb_version);
    let page = Page {
        answer,
        answer_ref,
        per_page: per_page(app, command),
        private,
        shared: false,
        changed_from: None,
    };
    let message = render_page(&page).unwrap_or_else(|| render_notice(GONE));
    // A query the title cannot carry whole is remembered, so its buttons can rebuild it.
    let title = message.embeds.first().and_then(|e| e.title.as_deref());
    if !answer.no_answer && title.map(unescape_title).as_deref() != Some(answer.query.as_str()) {
        app.sharing
            .recorder
            .remember_query(&page.answer_ref.query_hash, &answer.query);
    }
    if private {
        message.ephemeral()
    } else {
        message
    }
}

/// Reverses `escape_markdown` on an embed title.
fn unescape_title(title: &str) -> String {
    let title = title
        .replace("@\u{200b}", "@")
        .replace("<@\u{200b}", "<@")
        .replace("<#\u{200b}", "<#");
    let mut out = String::with_capacity(title.len());
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                out.push(next);
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The query a button belongs to: the message's title if it hashes right, else the one
/// remembered for long queries.
fn recover_query(app: &App, answer_ref: &AnswerRef, title: Option<&str>) -> Option<String> {
    if let Some(query) = title.map(unescape_title) {
        if custom_id::query_hash(&query) == answer_ref.query_hash {
            return Some(query);
        }
    }
    app.sharing.recorder.recall_query(&answer_ref.query_hash)
}

/// What the bot knows of the message a button was pressed on.
#[derive(Debug, Clone, Copy, Default)]
pub struct PressedOn<'a> {
    /// Its first embed's title (answers put the query there).
    pub title: Option<&'a str>,
    /// True when it is ephemeral.
    pub private: bool,
    /// Who posted it through the bot (the asker, or whoever shared it), when known.
    pub owner: Option<u64>,
}

/// Handles an answer button press. `None` when `custom_id` is not an answer button.
#[instrument(skip(app, caller, message), fields(guild = caller.guild_id))]
pub fn button(app: &App, custom_id: &str, caller: &Caller, message: &PressedOn<'_>) -> Option<Handled> {
    let (action, answer_ref) = custom_id::parse(custom_id)?;
    Some(press(app, action, &answer_ref, caller, message))
}

fn notice(text: &str, outcome: &'static str) -> Handled {
    Handled::message(render_notice(text).ephemeral(), 0, outcome)
}

fn press(app: &App, action: Action, at: &AnswerRef, caller: &Caller, message: &PressedOn<'_>) -> Handled {
    let (title, private) = (message.title, message.private);
    if action == Action::Shared {
        return notice("This answer has already been shared in the channel.", "refused");
    }
    let Some(query) = recover_query(app, at, title) else {
        warn!(answer = %at.key(), "button on an answer whose query cannot be recovered");
        return notice(GONE, "gone");
    };
    let answer = match app.engine.answer(at.command, &query, MAX_FACTS) {
        Ok(answer) => answer,
        Err(err) => {
            error!(error = %err, "search failed for a button");
            return notice(
                "The search failed on the server; please try again later.",
                "error",
            );
        }
    };
    let current = AnswerRef::new(at.command, &query, at.page, &answer.kb_version);
    let changed_from = (current.kb_version != at.kb_version).then_some(at.kb_version.as_str());
    let per_page = per_page(app, at.command);
    let Some(facts) = page_facts(&answer, at.page, per_page).filter(|_| !answer.no_answer) else {
        return notice(
            "The knowledge base has changed since this answer and that page no longer exists; please run the command again.",
            "gone",
        );
    };
    let facts_shown = facts.len();
    let page = |private: bool, shared: bool| {
        render_page(&Page {
            answer: &answer,
            answer_ref: current.clone(),
            per_page,
            private,
            shared,
            changed_from,
        })
        .unwrap_or_else(|| render_notice(GONE))
    };
    match action {
        // Paging someone else's public answer would page it for the whole channel: the
        // presser gets the page privately instead (with its own Share button).
        Action::Page if !private && message.owner.is_some_and(|owner| owner != caller.user_id) => {
            Handled::message(page(true, false).ephemeral(), facts_shown, "paged privately")
        }
        Action::Page => Handled {
            response: Response::Update(page(private, false)),
            facts: facts_shown,
            outcome: "paged",
        },
        Action::Share => {
            let mut public = page(false, false);
            public.content = Some(format!("shared by {}", escape_markdown(display_name(caller))));
            info!(answer = %current.key(), "answer shared");
            Handled {
                response: Response::Share {
                    update: page(true, true),
                    public,
                },
                facts: facts_shown,
                outcome: "shared",
            }
        }
        Action::Passage => {
            let snapshot = app.engine.snapshot();
            let first = at.page * per_page + 1;
            let items: Vec<PassageItem<'_>> = facts
                .iter()
                .enumerate()
                .map(|(i, fact)| PassageItem {
                    marker: first + i,
                    fact,
                    paragraph: paragraph(&snapshot.index, fact),
                })
                .collect();
            Handled::message(render_passages(&items), facts_shown, "passage")
        }
        Action::Vote(vote) => {
            let recorded = app.sharing.recorder.record_vote(&VoteRecord {
                time: Utc::now(),
                guild: caller.guild_id,
                user: user_hash(caller.user_id),
                answer: at.key(),
                command: at.command.as_str().to_string(),
                query,
                facts: facts.iter().map(|f| f.id.clone()).collect(),
                vote,
            });
            info!(answer = %at.key(), vote = vote.as_str(), recorded, "feedback");
            let (mark, other) = match vote {
                crate::feedback::Vote::Up => ("👍", "👎"),
                crate::feedback::Vote::Down => ("👎", "👍"),
            };
            notice(
                &format!("Thanks: your {mark} is noted. Press {other} to change it."),
                "voted",
            )
        }
        Action::Shared => notice("This answer has already been shared in the channel.", "refused"),
    }
}

fn display_name(caller: &Caller) -> &str {
    if caller.user_name.trim().is_empty() {
        "someone"
    } else {
        &caller.user_name
    }
}

/// The whole paragraph around `fact` and the fact's byte range in it.
fn paragraph(
    index: &crate::index::KnowledgeIndex,
    fact: &crate::answer::CitedFact,
) -> Option<(String, (usize, usize))> {
    if let (Some(passage), Some(span)) = (&fact.passage, fact.passage_span) {
        return Some((passage.clone(), span));
    }
    let sentences = match index.article_sentences(&fact.citation.article, false) {
        Ok(sentences) => sentences,
        Err(err) => {
            warn!(error = %err, fact = %fact.id, "cannot read the paragraph of a fact");
            return None;
        }
    };
    crate::answer::paragraph_around(&sentences, fact.position)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_titles_read_back_as_typed() {
        for query in [
            "how many *viewers* in 2024?",
            "@everyone <@123> a_b \\ `x` [1] #tag > |y|",
        ] {
            let title = escape_markdown(query);
            assert_eq!(unescape_title(&title), query, "{title}");
        }
    }
}
