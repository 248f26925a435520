//! Issue 4, reloading without a restart: `/reload` and `/kb status` end to end against the
//! fake Discord, reloads under a continuous query load, and crash safety.
//! Run them with `cargo test --test discord_e2e reload_e2e`.

mod commands;
mod crash;
mod incremental;
mod load;
mod serve;

use serde_json::{json, Value};

use super::bot::{data, embed_text, Bot};
use crate::discord_server::{self, APP_ID};

/// Manage Server, as Discord sends it in `member.permissions`.
pub const MANAGER: &str = "32";
/// No permissions worth mentioning.
pub const MEMBER: &str = "0";

/// An article about a made-up topic, so only this file can answer it.
pub fn topic_article(word: &str, figure: &str) -> String {
    crate::support::article(
        &format!("{word} robot report"),
        "Test Wire",
        "2026-01-02",
        &format!("{word} robot shipments reached {figure} units in 2026."),
    )
}

/// How `/reload` was answered: the direct reply, or the edit of the deferred one.
#[derive(Debug)]
pub enum Reply {
    /// Answered at once (type 4): refusals and "a reload is running".
    Direct(Value),
    /// Deferred, then edited with the report.
    Edited(Value),
}

impl Reply {
    /// The text the user reads.
    pub fn content(&self) -> String {
        let message = match self {
            Reply::Direct(callback) => &callback["data"],
            Reply::Edited(body) => body,
        };
        message["content"].as_str().unwrap_or("").to_string()
    }
}

/// Sends `/reload` with `permissions` and returns the deferred callback and its id.
pub async fn send_reload(bot: &Bot, permissions: &str) -> (String, Value) {
    let id = bot.fake.next_id();
    let callback = bot
        .fake
        .interact(discord_server::command(&id, "reload", &[], permissions))
        .await;
    (id, callback)
}

/// Waits for the edit of interaction `id`'s deferred reply.
pub async fn edited(bot: &Bot, id: &str) -> Value {
    let path = format!("/api/v10/webhooks/{APP_ID}/tok-{id}/messages/@original");
    bot.fake
        .wait_request("edit of the deferred reply", |r| {
            r.method == "PATCH" && r.path == path
        })
        .await
        .body
}

/// Runs `/reload` to the end and checks it was ephemeral all the way.
pub async fn reload(bot: &Bot, permissions: &str) -> Reply {
    let (id, callback) = send_reload(bot, permissions).await;
    assert_eq!(callback["data"]["flags"], 64, "ephemeral: {callback}");
    match callback["type"].as_u64() {
        Some(5) => Reply::Edited(edited(bot, &id).await),
        Some(4) => Reply::Direct(callback),
        _ => panic!("unexpected callback {callback}"),
    }
}

/// Runs `/kb status` as a manager and returns the text.
pub async fn kb_status(bot: &Bot) -> String {
    let id = bot.fake.next_id();
    let mut payload = discord_server::command(&id, "kb", &[], MANAGER);
    payload["data"]["options"] = json!([{"name": "status", "type": 1, "options": []}]);
    let callback = bot.fake.interact(payload).await;
    assert_eq!(callback["data"]["flags"], 64, "{callback}");
    // Answered at once, or deferred (privately) and edited when the disk was slow.
    let message = match callback["type"].as_u64() {
        Some(4) => callback["data"].clone(),
        Some(5) => edited(bot, &id).await,
        _ => panic!("unexpected callback {callback}"),
    };
    message["content"].as_str().unwrap_or("").to_string()
}

/// The embed text of `/stat topic`.
pub async fn stat(bot: &Bot, topic: &str) -> String {
    embed_text(data(&bot.command("stat", &[("topic", topic)]).await))
}

/// Index generations in the data directory.
pub fn generations(bot: &Bot) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(bot.fixture.data())
        .expect("data dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gen-"))
        .collect();
    names.sort();
    names
}

/// Lines of `audit.jsonl`, parsed.
pub fn audit(bot: &Bot) -> Vec<Value> {
    std::fs::read_to_string(bot.fixture.data().join("audit.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("audit line is JSON"))
        .collect()
}
