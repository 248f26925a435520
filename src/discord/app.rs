//! The command handlers: plain functions from a [`Request`] to a [`Handled`] response, with no
//! serenity types, so the gateway and an HTTP interactions endpoint can share them.

use std::sync::Arc;

use tracing::error;

use crate::answer::{Command, Engine, TopicCache};
use crate::render::discord::{
    limits, parse_sources_button_id, render_answer, render_help, render_notice, render_sources, truncate,
    SourceEntry, SourcesPage,
};

use super::config::Config;
use super::reload::ReloadState;
use super::request::{Deferral, Handled, Request, Response};

/// Longest query passed to the engine; longer input is cut (the reply shows what was used).
const MAX_QUERY: usize = 500;

/// Everything the handlers share: the engine, config, topic cache and reload state.
#[derive(Debug)]
pub struct App {
    /// The answering engine (swapped on reload).
    pub engine: Arc<Engine>,
    /// Settings.
    pub config: Config,
    /// Autocomplete topics, per knowledge-base version.
    pub topics: TopicCache,
    /// The reload in progress, if any.
    pub reload: ReloadState,
}

impl App {
    /// Handlers over `engine` with `config`.
    pub fn new(engine: Arc<Engine>, config: Config) -> Self {
        Self {
            engine,
            config,
            topics: TopicCache::new(),
            reload: ReloadState::default(),
        }
    }

    /// How the adapter should acknowledge `request` before [`App::handle`] is done.
    pub fn deferral(&self, request: &Request) -> Deferral {
        match request {
            Request::Autocomplete { .. } | Request::Button { .. } => Deferral::Never,
            Request::Command { name, caller, .. } if name == "reload" => {
                if self.reload.may_reload(&self.config, caller) && self.reload.running().is_none() {
                    Deferral::Ephemeral
                } else {
                    Deferral::Never
                }
            }
            Request::Command { name, .. } if name == "stat" || name == "ask" => {
                // A reload competes for the CPU: searches may be slow while it runs.
                if self.config.defer_after_ms == 0 || self.reload.running().is_some() {
                    Deferral::Public
                } else {
                    Deferral::IfSlow
                }
            }
            Request::Command { .. } => Deferral::IfSlow,
        }
    }

    /// Answers one interaction. Synchronous and CPU-bound: call it on a blocking thread.
    pub fn handle(&self, request: &Request) -> Handled {
        match request {
            Request::Command { name, caller, .. } => match name.as_str() {
                "stat" => self.answer(Command::Stat, request.option("topic")),
                "ask" => self.answer(Command::Ask, request.option("question")),
                "sources" => self.sources(request.option("filter"), 0, false),
                "help" => {
                    let snapshot = self.engine.snapshot();
                    let index = &snapshot.index;
                    Handled::message(
                        render_help(index.kb_version(), index.article_count()),
                        0,
                        "answered",
                    )
                }
                "reload" => super::reload::reload(self, caller),
                other => {
                    error!(command = other, "unknown command");
                    Handled::message(
                        render_notice("This command is not known to this version of the bot.").ephemeral(),
                        0,
                        "unknown",
                    )
                }
            },
            Request::Autocomplete { command, typed, .. } => self.autocomplete(command, typed),
            Request::Button { custom_id, .. } => match parse_sources_button_id(custom_id) {
                Some((page, filter)) => self.sources(filter.as_deref(), page, true),
                None => Handled::message(
                    render_notice("This button no longer works; run the command again.").ephemeral(),
                    0,
                    "unknown",
                ),
            },
        }
    }

    fn answer(&self, command: Command, query: Option<&str>) -> Handled {
        let query = query.map(str::trim).unwrap_or("");
        if query.is_empty() {
            let what = if command == Command::Stat {
                "topic"
            } else {
                "question"
            };
            return Handled::message(
                render_notice(&format!("Please give a {what}.")).ephemeral(),
                0,
                "refused",
            );
        }
        let query = truncate(query, MAX_QUERY);
        let limit = match command {
            Command::Stat => self.config.facts_per_answer,
            Command::Ask => self.config.passages_per_answer,
        };
        match self.engine.answer(command, &query, limit) {
            Ok(mut answer) => {
                if answer.no_answer && answer.suggestions.is_empty() {
                    answer.suggestions = self.fallback_topics(&query);
                }
                let outcome = if answer.no_answer { "no_answer" } else { "answered" };
                let facts = if answer.no_answer { 0 } else { answer.facts.len() };
                Handled::message(render_answer(&answer), facts, outcome)
            }
            Err(err) => {
                error!(command = command.as_str(), error = %err, "search failed");
                Handled::message(
                    render_notice("The search failed on the server; the operator has been told. Please try again later."),
                    0,
                    "error",
                )
            }
        }
    }

    /// Topics to offer when the engine has no nearer suggestion: those sharing a word with
    /// the query, else the most frequent ones.
    fn fallback_topics(&self, query: &str) -> Vec<String> {
        const COUNT: usize = 5;
        let topics = self.topics.get(&self.engine.snapshot());
        let mut found: Vec<String> = Vec::new();
        for word in query.split_whitespace().filter(|w| w.chars().count() >= 3) {
            for topic in topics.suggest(word, COUNT) {
                if found.len() < COUNT && !found.iter().any(|f| f == topic) {
                    found.push(topic.to_string());
                }
            }
        }
        if found.is_empty() {
            found = topics
                .suggest("", COUNT)
                .into_iter()
                .map(str::to_string)
                .collect();
        }
        found
    }

    fn sources(&self, filter: Option<&str>, page: usize, update: bool) -> Handled {
        let snapshot = self.engine.snapshot();
        let index = &snapshot.index;
        let filter = filter.map(str::trim).filter(|f| !f.is_empty());
        let needle = filter.map(str::to_lowercase);
        let mut articles = index.articles();
        // Newest first: that is what people look for.
        articles.sort_by(|a, b| {
            b.meta
                .published
                .cmp(&a.meta.published)
                .then_with(|| a.id.cmp(&b.id))
        });
        let entries: Vec<SourceEntry> = articles
            .into_iter()
            .filter(|a| {
                needle.as_deref().is_none_or(|n| {
                    let meta = &a.meta;
                    [Some(&meta.title), meta.publisher.as_ref(), meta.report.as_ref()]
                        .into_iter()
                        .flatten()
                        .chain(meta.tags.iter())
                        .any(|t| t.to_lowercase().contains(n))
                })
            })
            .map(|a| SourceEntry {
                title: a.meta.title.clone(),
                publisher: a.meta.publisher.clone(),
                published: a.meta.published,
                url: a.meta.url.clone(),
                facts: a.facts,
            })
            .collect();
        let count = entries.len();
        let message = render_sources(&SourcesPage {
            filter: filter.map(str::to_string),
            page,
            entries,
            total_articles: index.article_count(),
            kb_version: index.kb_version().to_string(),
        });
        Handled {
            response: if update {
                Response::Update(message)
            } else {
                Response::Message(message)
            },
            facts: count,
            outcome: "answered",
        }
    }

    fn autocomplete(&self, command: &str, typed: &str) -> Handled {
        let choices: Vec<(String, String)> = if command == "stat" {
            let snapshot = self.engine.snapshot();
            let topics = self.topics.get(&snapshot);
            topics
                .suggest(typed, limits::CHOICES)
                .into_iter()
                .map(|t| {
                    let t = truncate(t, limits::CHOICE);
                    (t.clone(), t)
                })
                .collect()
        } else {
            Vec::new()
        };
        Handled {
            facts: choices.len(),
            response: Response::Choices(choices),
            outcome: "answered",
        }
    }
}
