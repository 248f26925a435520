//! The command handlers: plain functions from a [`Request`] to a [`Handled`] response, with no
//! serenity types, so the gateway and an HTTP interactions endpoint can share them.

use std::sync::Arc;

use tracing::error;

use crate::answer::{Command, Engine, TopicCache, MAX_FACTS};
use crate::index::ArticleInfo;
use crate::reload::Reloader;
use crate::render::discord::{
    limits, parse_sources_button_id, render_help, render_notice, render_sources, truncate, SourceEntry,
    SourcesPage,
};

use super::config::Config;
use super::request::{Caller, Deferral, Handled, Request, Response, MESSAGE_OPTION};
use super::share::{first_page, is_private, Sharing, FIND_FACTS};

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
    /// Reloads the index (shared with SIGHUP and the watcher); knows the reload in progress.
    pub reloader: Arc<Reloader>,
    /// Guild settings and feedback records in the data directory.
    pub sharing: Sharing,
}

impl App {
    /// Handlers over `engine` with `config`, reloading from the configured folders.
    pub fn new(engine: Arc<Engine>, config: Config) -> Self {
        let options = crate::index::SyncOptions {
            load: config.load_options(),
            ..crate::index::SyncOptions::default()
        };
        let reloader = Reloader::new(
            Arc::clone(&engine),
            config.knowledge_dir.clone(),
            config.data_dir(),
        )
        .with_options(options);
        Self::with_reloader(config, Arc::new(reloader))
    }

    /// Handlers sharing `reloader` (and its engine) with other reload triggers.
    pub fn with_reloader(config: Config, reloader: Arc<Reloader>) -> Self {
        Self {
            sharing: Sharing::new(&config.data_dir()),
            engine: Arc::clone(reloader.engine()),
            config,
            topics: TopicCache::new(),
            reloader,
        }
    }

    /// How the adapter should acknowledge `request` before [`App::handle`] is done.
    pub fn deferral(&self, request: &Request) -> Deferral {
        match request {
            Request::Autocomplete { .. } | Request::Button { .. } => Deferral::Never,
            Request::Command { name, caller, .. } if name == "reload" => {
                let admin = super::reload::is_admin(&self.config, caller);
                if admin && self.reloader.running().is_none() {
                    Deferral::Ephemeral
                } else {
                    Deferral::Never
                }
            }
            Request::Command { name, .. } if name == "stat" || name == "ask" || name == FIND_FACTS => {
                let private = is_private(self, request);
                // A reload competes for the CPU: searches may be slow while it runs.
                match (
                    self.config.defer_after_ms == 0 || self.reloader.running().is_some(),
                    private,
                ) {
                    (true, false) => Deferral::Public,
                    (true, true) => Deferral::Ephemeral,
                    (false, false) => Deferral::IfSlow,
                    (false, true) => Deferral::IfSlowPrivate,
                }
            }
            // `/kb` replies are all for the caller's eyes only.
            Request::Command { name, .. } if super::kb::subcommand(name).is_some() => Deferral::IfSlowPrivate,
            Request::Command { .. } => Deferral::IfSlow,
        }
    }

    /// Answers one interaction. Synchronous and CPU-bound: call it on a blocking thread.
    pub fn handle(&self, request: &Request) -> Handled {
        match request {
            Request::Command { name, caller, .. } => match name.as_str() {
                "stat" => self.answer(
                    Command::Stat,
                    request.option("topic"),
                    caller,
                    is_private(self, request),
                ),
                "ask" => self.answer(
                    Command::Ask,
                    request.option("question"),
                    caller,
                    is_private(self, request),
                ),
                FIND_FACTS => {
                    let text = request.option(MESSAGE_OPTION).unwrap_or("");
                    if text.trim().is_empty() {
                        return Handled::message(
                            render_notice("That message has no text to find facts about.").ephemeral(),
                            0,
                            "refused",
                        );
                    }
                    self.answer(Command::Stat, Some(text), caller, is_private(self, request))
                }
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
                other if super::kb::subcommand(other).is_some() => {
                    super::kb::handle(self, super::kb::subcommand(other).unwrap_or_default(), request)
                }
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
            Request::Button {
                custom_id,
                caller,
                message_title,
                message_private,
                message_owner,
            } => {
                let message = super::share::PressedOn {
                    title: message_title.as_deref(),
                    private: *message_private,
                    owner: *message_owner,
                };
                if let Some(handled) = super::share::button(self, custom_id, caller, &message) {
                    return handled;
                }
                match parse_sources_button_id(custom_id) {
                    Some((page, filter)) => self.sources(filter.as_deref(), page, true),
                    None => Handled::message(
                        render_notice("This button no longer works; run the command again.").ephemeral(),
                        0,
                        "unknown",
                    ),
                }
            }
        }
    }

    fn answer(&self, command: Command, query: Option<&str>, caller: &Caller, private: bool) -> Handled {
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
        // Every page's facts at once, so More and Back slice one stable ranking.
        match self.engine.answer(command, &query, MAX_FACTS) {
            Ok(mut answer) => {
                if answer.no_answer && answer.suggestions.is_empty() {
                    answer.suggestions = self.fallback_topics(&query);
                }
                let outcome = if answer.no_answer { "no_answer" } else { "answered" };
                let facts = if answer.no_answer { 0 } else { answer.facts.len() };
                let facts = facts.min(super::share::per_page(self, command));
                Handled::message(
                    first_page(self, command, &answer, caller, private),
                    facts,
                    outcome,
                )
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
        let mut articles: Vec<&ArticleInfo> = match index.articles() {
            Ok(all) => all.iter().map(AsRef::as_ref).collect(),
            Err(err) => {
                error!(error = %err, "reading the article list failed");
                return Handled::message(
                    render_notice(
                        "The source list could not be read on the server; the operator has been told.",
                    ),
                    0,
                    "error",
                );
            }
        };
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
