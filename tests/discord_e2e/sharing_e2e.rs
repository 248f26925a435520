//! Issue 7 end to end: private answers and Share in channel, More / Back across a restart,
//! Show passage, Find facts, votes, gaps and their export, buttons from before a reload.
//! Every body the bot sends is checked against Discord's component limits.
//! Run with `cargo test --test discord_e2e sharing_e2e`.

mod answers;
mod feedback;

use std::collections::HashSet;

use serde_json::{json, Value};

use super::bot::{data, Bot};
use crate::discord_server::{self, APP_ID};

/// Buttons of a message body: (label, custom_id or url, disabled).
pub fn buttons(message: &Value) -> Vec<(String, String, bool)> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|b| {
            let target = b["custom_id"].as_str().or(b["url"].as_str()).unwrap_or("");
            (
                b["label"].as_str().unwrap_or("").to_string(),
                target.to_string(),
                b["disabled"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

/// The custom id of the button labelled `label`.
pub fn button_id(message: &Value, label: &str) -> String {
    buttons(message)
        .into_iter()
        .find(|(l, _, _)| l == label)
        .map(|(_, id, _)| id)
        .unwrap_or_else(|| panic!("no {label:?} button in {message:#}"))
}

/// Discord's component rules, checked on the JSON actually sent.
pub fn assert_component_limits(message: &Value) {
    let rows = message["components"].as_array().cloned().unwrap_or_default();
    assert!(rows.len() <= 5, "{} rows: {message:#}", rows.len());
    let mut ids = HashSet::new();
    for row in &rows {
        assert_eq!(row["type"], 1, "{row}");
        let row_buttons = row["components"].as_array().expect("buttons");
        assert!(!row_buttons.is_empty() && row_buttons.len() <= 5, "{row}");
        for b in row_buttons {
            assert!(b["label"].as_str().map_or(0, |l| l.chars().count()) <= 80, "{b}");
            if let Some(id) = b["custom_id"].as_str() {
                assert!(!id.is_empty() && id.chars().count() <= 100, "{id}");
                assert!(ids.insert(id.to_string()), "custom id {id} repeated: {message:#}");
            }
        }
    }
}

/// Writes `body` to `$DISCORD_E2E_DUMP/<name>.json` to render it with render-embed.
pub fn dump(name: &str, body: &Value) {
    if let Some(dir) = std::env::var_os("DISCORD_E2E_DUMP") {
        let path = std::path::Path::new(&dir).join(format!("sharing-{name}.json"));
        let _ = std::fs::write(path, serde_json::to_string_pretty(body).unwrap_or_default());
    }
}

/// A slash command whose options may be strings or booleans.
pub fn command(id: &str, name: &str, options: Value, permissions: &str) -> Value {
    let mut payload = discord_server::command(id, name, &[], permissions);
    payload["data"]["options"] = options;
    payload
}

/// A press of `custom_id` on the message whose body the bot sent (`message`).
pub fn press(id: &str, custom_id: &str, message: &Value) -> Value {
    let mut payload = discord_server::button(id, custom_id);
    payload["message"]["embeds"] = message["embeds"].clone();
    payload["message"]["flags"] = json!(message["flags"].as_u64().unwrap_or(0));
    payload
}

/// The Find facts message command (type 2, command type 3) on a message saying `content`.
pub fn find_facts(id: &str, content: &str) -> Value {
    let target = "400000000000000001";
    let mut message = discord_server::message_json(target);
    message["content"] = json!(content);
    message["author"] = json!({"id": "600000000000000002", "username": "bob"});
    let mut payload = discord_server::command(id, "Find facts", &[], "0");
    payload["data"] = json!({
        "id": "500000000000000009", "name": "Find facts", "type": 3, "target_id": target,
        "resolved": {"messages": {target: message}}
    });
    payload
}

impl Bot {
    /// Sends `payload` and returns the callback body, checked against the limits.
    pub async fn send(&self, name: &str, payload: Value) -> Value {
        let body = self.fake.interact(payload).await;
        assert_component_limits(data(&body));
        dump(name, data(&body));
        body
    }

    /// Presses `custom_id` on `message` and returns the callback body.
    pub async fn press(&self, name: &str, custom_id: &str, message: &Value) -> Value {
        let id = self.fake.next_id();
        self.send(name, press(&id, custom_id, message)).await
    }

    /// The follow-up the bot posted for interaction `id`.
    pub async fn followup(&self, id: &str) -> Value {
        let path = format!("/api/v10/webhooks/{APP_ID}/tok-{id}");
        self.fake
            .wait_request("follow-up", |r| r.method == "POST" && r.path == path)
            .await
            .body
    }
}

#[test]
fn the_payloads_sent_here_deserialize_as_serenity_interactions() {
    let answer = json!({"embeds": [{"title": "short-drama viewers", "description": "x", "color": 1,
        "fields": [{"name": "Sources", "value": "y", "inline": false}], "footer": {"text": "z"}}], "flags": 64});
    for payload in [
        press("1", "fb1:pg:s:1:0123456789abcdef:abcd1234", &answer),
        find_facts("2", "270 million watch"),
        command(
            "3",
            "kb",
            json!([{"name": "settings", "type": 1, "options": [{"name": "visibility", "type": 3, "value": "private"}]}]),
            "32",
        ),
        command(
            "4",
            "stat",
            json!([{"name": "topic", "type": 3, "value": "x"}, {"name": "private", "type": 5, "value": true}]),
            "0",
        ),
    ] {
        let interaction: serenity::model::application::Interaction =
            serde_json::from_value(payload.clone()).expect("serenity interaction");
        let request = factbot::discord::to_request(&interaction);
        assert!(request.is_some(), "{payload:#}");
        assert_eq!(
            request,
            factbot::discord::Request::from_json(&payload),
            "{payload:#}"
        );
    }
}
