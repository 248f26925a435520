//! The gateway client: building it (optionally against a local API base for tests),
//! registering commands on READY, dispatching interactions, and shutting down.

use std::future::Future;
use std::sync::Arc;

use serenity::all::{
    Client, ClientBuilder, Command, Context, EventHandler, GatewayError, GatewayIntents, GuildId,
    HttpBuilder, Interaction, Ready,
};
use serenity::async_trait;
use thiserror::Error;
use tracing::{error, info};

use crate::answer::Engine;

use super::app::App;
use super::config::{Config, Token, TOKEN_VAR};
use super::request::{Handled, Request};

/// Why the bot stopped with an error.
#[derive(Debug, Error)]
pub enum ServeError {
    /// Discord closed the gateway with 4004.
    #[error("{TOKEN_VAR} was rejected by Discord (bad token)")]
    BadToken,
    /// The client could not be built or the gateway failed for another reason.
    #[error("Discord gateway: {0}")]
    Gateway(String),
}

/// The function that answers a request; [`App::handle`] unless a test wraps it (e.g. to
/// check that a panicking handler still gets the user a reply).
pub type HandlerFn = Arc<dyn Fn(&App, &Request) -> Handled + Send + Sync>;

struct Handler {
    app: Arc<App>,
    handle: HandlerFn,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
        register(&ctx, &self.app.config.guild_ids).await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        // serenity runs each event in its own task; the handler itself is panic-safe.
        let handle = Arc::clone(&self.handle);
        super::respond::respond(Arc::clone(&ctx.http), Arc::clone(&self.app), handle, interaction).await;
    }
}

/// Registers the commands: in each configured guild, else globally. A bulk overwrite, so
/// repeating it on every start (and every re-identify) changes nothing.
async fn register(ctx: &Context, guild_ids: &[u64]) {
    let commands = super::commands::definitions();
    if guild_ids.is_empty() {
        match Command::set_global_commands(&ctx.http, commands).await {
            Ok(set) => info!(commands = set.len(), "registered global commands"),
            Err(err) => error!(error = %err, "could not register global commands"),
        }
        return;
    }
    for &guild in guild_ids {
        match GuildId::new(guild)
            .set_commands(&ctx.http, commands.clone())
            .await
        {
            Ok(set) => info!(guild, commands = set.len(), "registered guild commands"),
            Err(err) => error!(guild, error = %err, "could not register guild commands"),
        }
    }
}

/// Builds the gateway client. `config.api_base` points it at a local Discord-protocol server
/// (tests only): both the proxy and a disabled rate limiter are needed, since serenity's rate
/// limiter would otherwise send its requests to discord.com.
pub async fn build_client(
    config: &Config,
    token: &Token,
    app: Arc<App>,
    handle: HandlerFn,
) -> Result<Client, ServeError> {
    let mut http = HttpBuilder::new(token.expose());
    if let Some(base) = &config.api_base {
        http = http.proxy(base.trim_end_matches('/')).ratelimiter_disabled(true);
    }
    ClientBuilder::new_with_http(http.build(), GatewayIntents::empty())
        .event_handler(Handler { app, handle })
        .await
        .map_err(|e| ServeError::Gateway(e.to_string()))
}

/// Runs the bot until `shutdown` resolves (then closes the gateway cleanly) or the gateway
/// fails. A 4004 close (bad token) returns [`ServeError::BadToken`].
pub async fn run(
    config: Config,
    token: Token,
    engine: Arc<Engine>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    run_with_handler(config, token, engine, shutdown, Arc::new(App::handle)).await
}

/// [`run`] with another handler function (tests wrap [`App::handle`] with faults).
pub async fn run_with_handler(
    config: Config,
    token: Token,
    engine: Arc<Engine>,
    shutdown: impl Future<Output = ()> + Send + 'static,
    handle: HandlerFn,
) -> Result<(), ServeError> {
    let app = Arc::new(App::new(engine, config));
    // Derive autocomplete topics now rather than on the first keystroke, which has only
    // Discord's 3 s to be answered.
    let warm = Arc::clone(&app);
    tokio::task::spawn_blocking(move || {
        let topics = warm.topics.get(&warm.engine.snapshot()).len();
        info!(topics, "autocomplete topics ready");
    });
    let mut client = build_client(&app.config, &token, Arc::clone(&app), handle).await?;
    let manager = Arc::clone(&client.shard_manager);
    let stopper = tokio::spawn(async move {
        shutdown.await;
        info!("shutting down");
        manager.shutdown_all().await;
    });
    let result = client.start().await;
    stopper.abort();
    match result {
        Ok(()) => Ok(()),
        Err(serenity::Error::Gateway(GatewayError::InvalidAuthentication)) => Err(ServeError::BadToken),
        Err(err) => Err(ServeError::Gateway(err.to_string())),
    }
}
