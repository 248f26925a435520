//! Each command end to end: the interaction goes in over the gateway, the callback the bot
//! POSTs is checked as a user would see it.

use serde_json::{json, Value};

use super::bot::{assert_no_mentions, data, embed_text, Bot};
use crate::discord_server::{self, APP_ID, GUILD_ID};

fn option(name: &str, description: &str, required: bool) -> Value {
    json!({"name": name, "description": description, "type": 3, "required": required})
}

/// The subset of a registered command that users and permissions depend on.
fn essentials(command: &Value) -> Value {
    let options: Vec<Value> = command["options"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            let mut kept = json!({"name": o["name"], "description": o["description"], "type": o["type"],
                                  "required": o["required"].as_bool().unwrap_or(false)});
            if let Some(max) = o.get("max_length") {
                kept["max_length"] = max.clone();
            }
            if o["autocomplete"] == json!(true) {
                kept["autocomplete"] = json!(true);
            }
            kept
        })
        .collect();
    json!({
        "name": command["name"], "description": command["description"], "options": options,
        "default_member_permissions": command["default_member_permissions"],
        "dm_permission": command.get("dm_permission").cloned().unwrap_or(Value::Null),
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_puts_exactly_our_commands_globally() {
    let bot = Bot::start().await;
    let puts: Vec<_> = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .collect();
    assert_eq!(puts.len(), 1, "{puts:#?}");
    assert_eq!(puts[0].path, format!("/api/v10/applications/{APP_ID}/commands"));
    let sent: Vec<Value> = puts[0]
        .body
        .as_array()
        .expect("array")
        .iter()
        .map(essentials)
        .collect();
    let mut topic = option(
        "topic",
        "What to find figures about, e.g. short-drama viewers",
        true,
    );
    topic["max_length"] = json!(200);
    topic["autocomplete"] = json!(true);
    let mut question = option(
        "question",
        "Your question, e.g. How many people watch micro-dramas?",
        true,
    );
    question["max_length"] = json!(500);
    let mut filter = option("filter", "Words in the title, publisher, report or tags", false);
    filter["max_length"] = json!(80);
    let expected = json!([
        {"name": "stat", "description": "Top cited facts (with numbers) for a topic", "options": [topic],
         "default_member_permissions": null, "dm_permission": null},
        {"name": "ask", "description": "Best passages for a question, the answering sentence marked",
         "options": [question], "default_member_permissions": null, "dm_permission": null},
        {"name": "sources", "description": "List the articles the bot cites", "options": [filter],
         "default_member_permissions": null, "dm_permission": null},
        {"name": "help", "description": "What each command does and how to read citations", "options": [],
         "default_member_permissions": null, "dm_permission": null},
        {"name": "reload", "description": "Re-read the knowledge folder and report what changed (server managers)",
         "options": [], "default_member_permissions": "32", "dm_permission": false},
    ]);
    assert_eq!(Value::Array(sent), expected);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_goes_to_each_configured_guild_instead() {
    let bot = Bot::start_with(|c| c.guild_ids = vec![11, 12]).await;
    bot.fake
        .wait_request("second guild", |r| r.path.ends_with("/guilds/12/commands"))
        .await;
    let puts: Vec<String> = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .map(|r| r.path)
        .collect();
    assert_eq!(
        puts,
        vec![
            format!("/api/v10/applications/{APP_ID}/guilds/11/commands"),
            format!("/api/v10/applications/{APP_ID}/guilds/12/commands"),
        ]
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn stat_answers_with_bold_numbers_citations_and_no_mentions() {
    let bot = Bot::start().await;
    let callback = bot.command("stat", &[("topic", "short-drama viewers")]).await;
    assert_eq!(callback["type"], 4);
    let message = data(&callback);
    assert_no_mentions(message);
    let text = embed_text(message);
    assert!(text.contains("**270 million**"), "{text}");
    // Every highlighted quantity of the engine's answer is in bold.
    let answer = bot.engine.stat("short-drama viewers", 5).expect("answer");
    let fact = answer
        .facts
        .iter()
        .find(|f| f.text.contains("270 million"))
        .expect("the Kuaishou fact");
    for h in &fact.highlights {
        assert!(
            text.contains(&format!("**{}**", &fact.text[h.start..h.end])),
            "{text}"
        );
    }
    assert!(text.contains("`[1]`"), "{text}");
    assert!(text.contains("Sources"), "{text}");
    assert!(text.contains("Cover News, 29 Mar 2024, ¶\u{a0}9"), "{text}");
    assert!(text.contains("knowledge base "), "{text}");
    let buttons = &message["components"][0]["components"];
    assert_eq!(buttons[0]["style"], 5, "{message:#}");
    assert!(buttons[0]["url"].as_str().unwrap_or("").starts_with("http"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ask_sources_help_and_autocomplete_answer() {
    let bot = Bot::start().await;
    let ask = bot
        .command("ask", &[("question", "how many people watch micro dramas")])
        .await;
    let text = embed_text(data(&ask));
    assert!(text.contains("`[1]`") && text.contains("Sources"), "{text}");
    assert_no_mentions(data(&ask));

    let sources = bot.command("sources", &[]).await;
    let text = embed_text(data(&sources));
    assert!(text.contains("Sensor Tower") && text.contains("facts"), "{text}");
    assert!(text.contains("page 1 of 2"), "{text}");
    let next = &data(&sources)["components"][0]["components"][1];
    assert_eq!(next["custom_id"], "sources:1:");
    let id = bot.fake.next_id();
    let page2 = bot.fake.interact(discord_server::button(&id, "sources:1:")).await;
    assert_eq!(page2["type"], 7);
    assert!(embed_text(data(&page2)).contains("page 2 of 2"));

    let filtered = bot.command("sources", &[("filter", "sensor tower")]).await;
    let text = embed_text(data(&filtered));
    assert!(
        text.contains("Sensor Tower") && !text.contains("Appfigures"),
        "{text}"
    );

    let help = bot.command("help", &[]).await;
    let text = embed_text(data(&help));
    for needle in ["/stat", "/ask", "/sources", "/reload", "Reading a citation"] {
        assert!(text.contains(needle), "{needle}: {text}");
    }

    let id = bot.fake.next_id();
    let choices = bot
        .fake
        .interact(discord_server::autocomplete(&id, "stat", "topic", "short"))
        .await;
    assert_eq!(choices["type"], 8);
    let list = choices["data"]["choices"].as_array().expect("choices");
    assert!(!list.is_empty() && list.len() <= 25, "{list:?}");
    for c in list {
        assert!(c["name"].as_str().unwrap_or("").contains("short"), "{c}");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_answer_long_queries_and_mentions_stay_valid() {
    let bot = Bot::start().await;
    let none = bot.command("stat", &[("topic", "quantum cheese futures")]).await;
    let text = embed_text(data(&none));
    assert!(text.contains("No matching fact"), "{text}");

    let long = "viewers ".repeat(750);
    let reply = bot.command("stat", &[("topic", &long)]).await;
    assert_eq!(reply["type"], 4);
    let message = data(&reply);
    for embed in message["embeds"].as_array().expect("embeds") {
        assert!(embed["title"].as_str().map_or(0, |t| t.chars().count()) <= 256);
        assert!(embed["description"].as_str().map_or(0, |t| t.chars().count()) <= 4096);
    }
    assert!(embed_text(message).chars().count() <= 6000);

    let pinging = bot
        .command("ask", &[("question", "@everyone how many viewers <@123>")])
        .await;
    let message = data(&pinging);
    assert_no_mentions(message);
    let text = embed_text(message);
    assert!(
        text.contains("everyone") && !text.contains("@everyone") && !text.contains("<@1"),
        "{text}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reload_defers_then_edits_with_what_changed() {
    let bot = Bot::start().await;
    bot.fixture.write(
        "new-article.md",
        crate::support::article(
            "New figures",
            "Test Wire",
            "2026-01-02",
            "Viewers reached 123 million in 2026.",
        ),
    );
    let refused = bot.command("reload", &[]).await;
    assert_eq!(refused["type"], 4);
    assert_eq!(refused["data"]["flags"], 64);
    assert!(refused["data"]["content"]
        .as_str()
        .unwrap_or("")
        .contains("Manage Server"));

    let id = bot.fake.next_id();
    let deferred = bot
        .fake
        .interact(discord_server::command(&id, "reload", &[], "32"))
        .await;
    assert_eq!(deferred["type"], 5);
    assert_eq!(deferred["data"]["flags"], 64);
    let edit = bot
        .fake
        .wait_request("edit of the reload reply", |r| {
            r.method == "PATCH" && r.path == format!("/api/v10/webhooks/{APP_ID}/tok-{id}/messages/@original")
        })
        .await;
    let content = edit.body["content"].as_str().unwrap_or("");
    assert!(content.contains("1 added, 0 changed, 0 removed"), "{content}");
    assert!(content.contains("Knowledge base:"), "{content}");
    assert_no_mentions(&edit.body);
    // The new generation serves at once.
    let answer = bot.command("stat", &[("topic", "new figures viewers")]).await;
    assert!(embed_text(data(&answer)).contains("123 million") || embed_text(data(&answer)).contains("**1**"));
    assert!(!GUILD_ID.is_empty());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn slow_answers_are_deferred_and_edited() {
    let bot = Bot::start_with(|c| c.defer_after_ms = 0).await;
    let id = bot.fake.next_id();
    let deferred = bot
        .fake
        .interact(discord_server::command(
            &id,
            "stat",
            &[("topic", "short-drama viewers")],
            "0",
        ))
        .await;
    assert_eq!(deferred["type"], 5);
    assert!(
        deferred["data"]["flags"].as_u64().unwrap_or(0) & 64 == 0,
        "{deferred}"
    );
    let edit = bot
        .fake
        .wait_request("edit", |r| {
            r.method == "PATCH" && r.path.contains(&format!("tok-{id}"))
        })
        .await;
    assert!(embed_text(&edit.body).replace("**", "").contains("270 million"));
    assert_no_mentions(&edit.body);
    bot.stop().await;
}
