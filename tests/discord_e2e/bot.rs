//! Starting the real bot in-process against the fake Discord, and stopping it.

use std::sync::Arc;

use factbot::answer::Engine;
use factbot::discord::{App, Config, HandlerFn, ServeError, Token};
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::discord_server::{FakeDiscord, TEST_TOKEN, WAIT};
use crate::support::Fixture;

/// The bot serving a copy of the bundled knowledge folder, connected to a fake Discord.
pub struct Bot {
    pub fake: FakeDiscord,
    pub fixture: Fixture,
    pub engine: Arc<Engine>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), ServeError>>>,
}

/// Config pointing at `fake` and `fixture`.
pub fn config(fake: &FakeDiscord, fixture: &Fixture) -> Config {
    Config {
        knowledge_dir: fixture.knowledge(),
        index_dir: Some(fixture.data()),
        api_base: Some(fake.api_base.clone()),
        ..Config::default()
    }
}

/// Builds the index on a blocking thread and returns an engine.
pub async fn engine(fixture: &Fixture) -> Arc<Engine> {
    let knowledge = fixture.knowledge();
    let data = fixture.data();
    tokio::task::spawn_blocking(move || {
        let outcome = factbot::index::sync(
            &knowledge,
            &factbot::index::DataDir::new(data),
            None,
            &factbot::index::SyncOptions::default(),
        )
        .expect("sync");
        Arc::new(Engine::new(outcome.index.expect("an index")))
    })
    .await
    .expect("index thread")
}

impl Bot {
    /// Starts the bot with the default config and waits for READY and registration.
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// Starts the bot with `adjust` applied to its config.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Self {
        Self::start_full(adjust, Arc::new(App::handle)).await
    }

    /// Starts the bot with `adjust` applied to its config and `handle` answering requests.
    pub async fn start_full(adjust: impl FnOnce(&mut Config), handle: HandlerFn) -> Self {
        let fake = FakeDiscord::start().await;
        let fixture = Fixture::bundled();
        let engine = engine(&fixture).await;
        let mut config = config(&fake, &fixture);
        adjust(&mut config);
        let (tx, rx) = oneshot::channel::<()>();
        let token = Token::parse(TEST_TOKEN).expect("test token");
        let shutdown = async {
            let _ = rx.await;
        };
        let handle = tokio::spawn(factbot::discord::run_with_handler(
            config,
            token,
            Arc::clone(&engine),
            shutdown,
            handle,
        ));
        fake.wait_gateway("ready", 1).await;
        fake.wait_request("command registration", |r| r.method == "PUT")
            .await;
        Self {
            fake,
            fixture,
            engine,
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    /// Runs a slash command and returns the callback body.
    pub async fn command(&self, name: &str, options: &[(&str, &str)]) -> Value {
        let id = self.fake.next_id();
        let payload = crate::discord_server::command(&id, name, options, "0");
        let body = self.fake.interact(payload).await;
        // To look at replies as a user would: DISCORD_E2E_DUMP=dir, then render-embed them.
        if let Some(dir) = std::env::var_os("DISCORD_E2E_DUMP") {
            // Each test has its own server (port), and ids restart per server.
            let port = self.fake.api_base.rsplit(':').next().unwrap_or("0");
            let path = std::path::Path::new(&dir).join(format!("{name}-{port}-{id}.json"));
            let _ = std::fs::write(path, serde_json::to_string_pretty(&body).unwrap_or_default());
        }
        body
    }

    /// Stops the bot (graceful shutdown) and checks it exits cleanly and made no request
    /// the fake did not expect.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.handle.take() {
            let result = tokio::time::timeout(WAIT, handle)
                .await
                .expect("bot stops within the wait")
                .expect("bot task");
            assert!(result.is_ok(), "bot stopped with {result:?}");
        }
        assert!(
            self.fake.unexpected().is_empty(),
            "unexpected requests: {:#?}",
            self.fake.unexpected()
        );
    }
}

/// The `data` of a callback body (type 4/7/8).
pub fn data(callback: &Value) -> &Value {
    &callback["data"]
}

/// All embed text of a message body: title, description, fields, footer.
pub fn embed_text(message: &Value) -> String {
    let mut out = String::new();
    for embed in message["embeds"].as_array().into_iter().flatten() {
        for key in ["title", "description"] {
            if let Some(s) = embed[key].as_str() {
                out.push_str(s);
                out.push('\n');
            }
        }
        for field in embed["fields"].as_array().into_iter().flatten() {
            out.push_str(field["name"].as_str().unwrap_or(""));
            out.push('\n');
            out.push_str(field["value"].as_str().unwrap_or(""));
            out.push('\n');
        }
        out.push_str(embed["footer"]["text"].as_str().unwrap_or(""));
    }
    out
}

/// Asserts the body mentions nobody.
pub fn assert_no_mentions(message: &Value) {
    assert_eq!(
        message["allowed_mentions"]["parse"],
        serde_json::json!([]),
        "{message:#}"
    );
    for key in ["users", "roles"] {
        if let Some(list) = message["allowed_mentions"].get(key) {
            assert_eq!(list, &serde_json::json!([]), "{message:#}");
        }
    }
}
