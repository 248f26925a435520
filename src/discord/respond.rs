//! Answering one interaction over the gateway: run the handler on a blocking thread, defer
//! when it is (or may be) slow, send the reply, and survive panics, 429s and 500s.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serenity::all::{Http, HttpError, Interaction, InteractionId, StatusCode};
use serenity::builder::Builder;
use tracing::{debug, error, info, warn};

use crate::render::discord::{render_notice, DiscordMessage};

use super::app::App;
use super::client::HandlerFn;
use super::convert;
use super::request::{Deferral, Handled, Response};

/// serenity drops the `retry_after` of a 429 body, so a 429 is retried once after this
/// pause, short enough to stay inside Discord's 3 s window.
const RETRY_AFTER: Duration = Duration::from_millis(750);

/// Where a response goes.
struct Target {
    id: InteractionId,
    token: String,
}

/// Handles one interaction end to end; never panics, logs one line per command use.
pub async fn respond(http: Arc<Http>, app: Arc<App>, handle: HandlerFn, interaction: Interaction) {
    let Some(request) = convert::to_request(&interaction) else {
        debug!(kind = ?interaction.kind(), "ignored interaction");
        return;
    };
    let target = match &interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => Target {
            id: c.id,
            token: c.token.clone(),
        },
        Interaction::Component(c) => Target {
            id: c.id,
            token: c.token.clone(),
        },
        _ => return,
    };
    let started = Instant::now();
    let label = request.label().to_string();
    let guild = request.caller().and_then(|c| c.guild_id);
    let deferral = app.deferral(&request);

    let worker = Arc::clone(&app);
    let mut task = tokio::task::spawn_blocking(move || handle(&worker, &request));
    let mut deferred = false;
    let early = match deferral {
        Deferral::Never => Some((&mut task).await),
        Deferral::Public | Deferral::Ephemeral => {
            deferred = send_defer(&http, &target, deferral == Deferral::Ephemeral, &label).await;
            None
        }
        Deferral::IfSlow => {
            let wait = Duration::from_millis(app.config.defer_after_ms);
            match tokio::time::timeout(wait, &mut task).await {
                Ok(result) => Some(result),
                Err(_) => {
                    deferred = send_defer(&http, &target, false, &label).await;
                    None
                }
            }
        }
    };
    let result = match early {
        Some(result) => result,
        None => task.await,
    };
    let handled = result.unwrap_or_else(|err| {
        error!(command = %label, guild, error = %err, "handler panicked or was cancelled");
        Handled::message(
            render_notice(
                "Something went wrong while answering; the operator has been told. Please try again.",
            )
            .ephemeral(),
            0,
            "panic",
        )
    });
    let sent = if deferred {
        send_edit(&http, &target, &handled.response, &label).await
    } else {
        send_initial(&http, &target, &handled.response, &label).await
    };
    info!(
        command = %label,
        guild,
        latency_ms = started.elapsed().as_millis() as u64,
        facts = handled.facts,
        outcome = handled.outcome,
        deferred,
        sent,
        "command"
    );
}

fn status(err: &serenity::Error) -> Option<StatusCode> {
    match err {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => Some(response.status_code),
        _ => None,
    }
}

/// Runs `op`, and once more after [`RETRY_AFTER`] when Discord answered 429.
async fn with_retry<F, Fut>(what: &str, command: &str, mut op: F) -> Result<(), serenity::Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), serenity::Error>>,
{
    match op().await {
        Err(err) if status(&err) == Some(StatusCode::TOO_MANY_REQUESTS) => {
            warn!(command, what, error = %err, "rate limited by Discord; retrying once");
            tokio::time::sleep(RETRY_AFTER).await;
            op().await
        }
        other => other,
    }
}

async fn send_defer(http: &Http, target: &Target, ephemeral: bool, command: &str) -> bool {
    let result = with_retry("defer", command, || {
        convert::defer(ephemeral).execute(http, (target.id, target.token.as_str()))
    })
    .await;
    match result {
        Ok(()) => true,
        Err(err) => {
            // Fall back to answering directly once the handler is done.
            error!(command, error = %err, "could not defer the reply");
            false
        }
    }
}

async fn send_initial(http: &Http, target: &Target, response: &Response, command: &str) -> bool {
    let result = with_retry("reply", command, || {
        convert::initial(response).execute(http, (target.id, target.token.as_str()))
    })
    .await;
    let Err(err) = result else { return true };
    error!(command, error = %err, "could not send the reply");
    // Discord may have taken the response despite a 5xx: a follow-up still reaches the user.
    let message = match response {
        Response::Message(m) | Response::Update(m) => m,
        Response::Choices(_) => return false,
    };
    if status(&err).is_some_and(|s| s.is_server_error()) {
        return send_followup(http, target, message, command).await;
    }
    false
}

async fn send_followup(http: &Http, target: &Target, message: &DiscordMessage, command: &str) -> bool {
    let result = with_retry("follow-up", command, || {
        let builder = convert::followup(message);
        async move {
            builder
                .execute(http, (None, target.token.as_str()))
                .await
                .map(|_| ())
        }
    })
    .await;
    match result {
        Ok(()) => true,
        Err(err) => {
            error!(command, error = %err, "could not send a follow-up either; giving up");
            false
        }
    }
}

async fn send_edit(http: &Http, target: &Target, response: &Response, command: &str) -> bool {
    let message = match response {
        Response::Message(m) | Response::Update(m) => m,
        Response::Choices(_) => {
            error!(command, "autocomplete choices cannot follow a deferral");
            return false;
        }
    };
    let result = with_retry("edit", command, || {
        let builder = convert::edit(message);
        async move { builder.execute(http, target.token.as_str()).await.map(|_| ()) }
    })
    .await;
    match result {
        Ok(()) => true,
        Err(err) => {
            error!(command, error = %err, "could not edit the deferred reply");
            send_followup(http, target, message, command).await
        }
    }
}
