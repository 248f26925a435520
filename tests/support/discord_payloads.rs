//! Payloads the fake Discord sends, each with every field serenity requires (a missing one
//! turns a dispatch into an unknown event; `tests/discord_e2e/payloads.rs` checks them).

use serde_json::{json, Value};

/// The application (and bot user) id the fake reports in READY.
pub const APP_ID: &str = "900000000000000001";
/// The guild interactions come from.
pub const GUILD_ID: &str = "800000000000000001";
/// The channel interactions come from.
pub const CHANNEL_ID: &str = "700000000000000001";

/// READY with every field serenity requires.
pub fn ready_payload(ws_url: &str) -> Value {
    json!({
        "v": 10,
        "user": {"id": APP_ID, "username": "factbot", "discriminator": "0", "bot": true},
        "guilds": [],
        "session_id": "session-1",
        "resume_gateway_url": ws_url,
        "application": {"id": APP_ID, "flags": 0}
    })
}

fn member(permissions: &str, roles: &[&str]) -> Value {
    json!({
        "user": {"id": "600000000000000001", "username": "alice"},
        "roles": roles, "deaf": false, "mute": false, "flags": 0, "permissions": permissions,
        "joined_at": "2024-01-01T00:00:00.000000+00:00"
    })
}

fn interaction(id: &str, kind: u8, data: Value, permissions: &str) -> Value {
    json!({
        "id": id, "application_id": APP_ID, "type": kind, "token": format!("tok-{id}"), "version": 1,
        "locale": "en-US", "entitlements": [], "attachment_size_limit": 8388608,
        "channel_id": CHANNEL_ID, "guild_id": GUILD_ID,
        "member": member(permissions, &[]), "data": data
    })
}

/// A slash command (type 2) with string options `(name, value)`.
pub fn command(id: &str, name: &str, options: &[(&str, &str)], permissions: &str) -> Value {
    let options: Vec<Value> = options
        .iter()
        .map(|(n, v)| json!({"name": n, "type": 3, "value": v}))
        .collect();
    interaction(
        id,
        2,
        json!({"id": "500000000000000001", "name": name, "type": 1, "options": options}),
        permissions,
    )
}

/// Autocomplete (type 4) for `option` of `name`, with `typed` so far.
pub fn autocomplete(id: &str, name: &str, option: &str, typed: &str) -> Value {
    interaction(
        id,
        4,
        json!({"id": "500000000000000001", "name": name, "type": 1,
               "options": [{"name": option, "type": 3, "value": typed, "focused": true}]}),
        "0",
    )
}

/// A button press (type 3) on a message from the bot.
pub fn button(id: &str, custom_id: &str) -> Value {
    let mut value = interaction(id, 3, json!({"custom_id": custom_id, "component_type": 2}), "0");
    value["message"] = message_json("1");
    value
}

/// A Message with every field serenity requires.
pub fn message_json(id: &str) -> Value {
    json!({
        "id": id, "channel_id": CHANNEL_ID,
        "author": {"id": APP_ID, "username": "factbot", "bot": true},
        "content": "", "timestamp": "2024-01-01T00:00:00.000000+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0
    })
}
