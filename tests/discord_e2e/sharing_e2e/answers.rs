//! Private answers and Share, More / Back across a restart, Show passage, Find facts, and
//! buttons from before a reload.

use std::sync::Arc;

use factbot::discord::App;
use serde_json::{json, Value};

use super::{button_id, buttons, command, find_facts};
use crate::discord_e2e::bot::{assert_no_mentions, data, embed_text, Bot};

fn description(message: &Value) -> String {
    message["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn footer(message: &Value) -> String {
    message["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_private_answer_is_shared_in_the_channel_by_name_without_pings() {
    let bot = Bot::start().await;
    let id = bot.fake.next_id();
    let options = json!([{"name": "topic", "type": 3, "value": "short-drama viewers"},
                         {"name": "private", "type": 5, "value": true}]);
    let private = bot.send("private", command(&id, "stat", options, "0")).await;
    assert_eq!(private["type"], 4);
    let private = data(&private).clone();
    assert_eq!(private["flags"], 64, "{private:#}");
    let labels: Vec<String> = buttons(&private).into_iter().map(|b| b.0).collect();
    for label in ["More ▶", "Show passage", "Share in channel", "👍", "👎"] {
        assert!(labels.iter().any(|l| l == label), "{label}: {labels:?}");
    }

    // A user whose name would ping if mentions were allowed.
    let share = button_id(&private, "Share in channel");
    let press_id = bot.fake.next_id();
    let mut payload = super::press(&press_id, &share, &private);
    payload["member"]["user"]["username"] = json!("@everyone");
    let update = bot.send("shared-private", payload).await;
    assert_eq!(update["type"], 7, "the private copy is updated");
    let shared_button = buttons(data(&update))
        .into_iter()
        .find(|b| b.0 == "Shared ✓")
        .expect("Shared ✓ button");
    assert!(shared_button.2, "Shared ✓ is disabled");

    let public = bot.followup(&press_id).await;
    super::assert_component_limits(&public);
    super::dump("shared-public", &public);
    assert_no_mentions(&public);
    assert_eq!(
        public["flags"].as_u64().unwrap_or(0) & 64,
        0,
        "public: {public:#}"
    );
    let content = public["content"].as_str().unwrap_or("");
    assert!(content.starts_with("shared by "), "{content}");
    assert!(!content.contains("@everyone"), "neutralised: {content}");
    assert_eq!(embed_text(&public), embed_text(&private), "the same answer");
    assert!(
        !buttons(&public).iter().any(|b| b.0.starts_with("Share")),
        "{public:#}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn more_and_back_page_through_facts_and_survive_a_restart() {
    let bot = Bot::start().await;
    let first = bot.command("stat", &[("topic", "micro-drama users")]).await;
    let first = data(&first).clone();
    super::assert_component_limits(&first);
    assert!(footer(&first).contains("facts 1–5 of"), "{}", footer(&first));
    assert!(!buttons(&first).iter().any(|b| b.0 == "◀ Back"));

    let second = bot.press("page-2", &button_id(&first, "More ▶"), &first).await;
    assert_eq!(second["type"], 7);
    let second = data(&second).clone();
    assert!(footer(&second).contains("facts 6–10 of"), "{}", footer(&second));
    assert!(
        description(&second).starts_with("`[6]`"),
        "{}",
        description(&second)
    );
    assert_ne!(description(&second), description(&first));
    assert_eq!(second["embeds"][0]["title"], first["embeds"][0]["title"]);

    let passage = bot
        .press("passage", &button_id(&second, "Show passage"), &second)
        .await;
    assert_eq!(passage["type"], 4);
    let passage = data(&passage);
    assert_eq!(passage["flags"], 64);
    let embeds = passage["embeds"].as_array().expect("embeds");
    assert!(!embeds.is_empty() && embeds.len() <= 5, "{passage:#}");
    assert!(
        embeds[0]["title"].as_str().unwrap_or("").starts_with("[6] "),
        "{passage:#}"
    );
    assert!(
        embeds[0]["description"].as_str().unwrap_or("").contains("__**"),
        "{passage:#}"
    );
    // Each fact's article is linked when it has a link.
    assert!(
        embeds
            .iter()
            .any(|e| e["url"].as_str().unwrap_or("").starts_with("http")),
        "{passage:#}"
    );

    // Restart on the same data directory: nothing about the answer is in memory.
    let fixture = bot.stop_keep().await;
    let bot = Bot::start_in(fixture, |_| {}, Arc::new(App::handle)).await;
    let back = bot.press("back", &button_id(&second, "◀ Back"), &second).await;
    assert_eq!(back["type"], 7);
    assert_eq!(description(data(&back)), description(&first));
    assert!(
        !footer(data(&back)).contains("changed"),
        "{}",
        footer(data(&back))
    );
    let third = bot.press("page-3", &button_id(&second, "More ▶"), &second).await;
    assert!(footer(data(&third)).contains("facts 11–15 of"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn find_facts_checks_a_message_and_its_buttons_work_the_same() {
    let bot = Bot::start().await;
    let id = bot.fake.next_id();
    let said = "Kuaishou says 270 million people watch short dramas every day, is that right?";
    let reply = bot.send("find-facts", find_facts(&id, said)).await;
    assert_eq!(reply["type"], 4);
    let message = data(&reply).clone();
    assert_no_mentions(&message);
    assert!(
        embed_text(&message).contains("**270 million**"),
        "{}",
        embed_text(&message)
    );
    for label in ["Show passage", "👍", "👎"] {
        button_id(&message, label);
    }
    let passage = bot
        .press(
            "find-facts-passage",
            &button_id(&message, "Show passage"),
            &message,
        )
        .await;
    assert!(embed_text(data(&passage)).contains("270 million"));
    let vote = bot
        .press("find-facts-vote", &button_id(&message, "👍"), &message)
        .await;
    assert!(
        data(&vote)["content"].as_str().unwrap_or("").contains("Thanks"),
        "{vote:#}"
    );

    let id = bot.fake.next_id();
    let empty = bot.send("find-facts-empty", find_facts(&id, "  ")).await;
    assert_eq!(data(&empty)["flags"], 64);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn buttons_from_before_a_reload_work_and_say_the_knowledge_base_changed() {
    let bot = Bot::start().await;
    let first = bot.command("stat", &[("topic", "short-drama viewers")]).await;
    let first = data(&first).clone();
    bot.fixture.write(
        "new-article.md",
        crate::support::article(
            "New figures",
            "Test Wire",
            "2026-01-02",
            "Viewers reached 123 million in 2026.",
        ),
    );
    let id = bot.fake.next_id();
    bot.fake
        .interact(crate::discord_server::command(&id, "reload", &[], "32"))
        .await;
    bot.fake
        .wait_request("reload edit", |r| {
            r.method == "PATCH" && r.path.contains(&format!("tok-{id}"))
        })
        .await;

    let second = bot
        .press("after-reload", &button_id(&first, "More ▶"), &first)
        .await;
    assert_eq!(second["type"], 7);
    let text = footer(data(&second));
    assert!(text.contains("changed since this answer"), "{text}");

    // A button whose answer cannot be rebuilt, and one of an unknown shape: polite replies.
    let mut stranger = first.clone();
    stranger["embeds"][0]["title"] = json!("a query that was never asked");
    let gone = bot.press("gone", &button_id(&first, "More ▶"), &stranger).await;
    assert_eq!(gone["type"], 4);
    assert_eq!(data(&gone)["flags"], 64);
    assert!(data(&gone)["content"]
        .as_str()
        .unwrap_or("")
        .contains("run the command again"));
    let old = bot.press("old", "answer:v0:whatever", &first).await;
    assert_eq!(data(&old)["flags"], 64);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn slow_private_answers_defer_privately_and_long_queries_keep_their_buttons() {
    let bot = Bot::start_with(|c| c.defer_after_ms = 0).await;
    let id = bot.fake.next_id();
    let options = json!([{"name": "topic", "type": 3, "value": "short-drama viewers"},
                         {"name": "private", "type": 5, "value": true}]);
    let deferred = bot
        .send("deferred-private", command(&id, "stat", options, "0"))
        .await;
    assert_eq!(deferred["type"], 5);
    assert_eq!(deferred["data"]["flags"], 64, "deferred privately: {deferred:#}");
    let edit = bot
        .fake
        .wait_request("edit", |r| {
            r.method == "PATCH" && r.path.contains(&format!("tok-{id}"))
        })
        .await
        .body;
    super::assert_component_limits(&edit);
    button_id(&edit, "Share in channel");

    // Longer than the embed title can carry: the buttons find the query in the data directory.
    let said = "Kuaishou Vice President Liu Zhen told Cover News that, according to the latest \
                statistics, 270 million people watch short dramas on Kuaishou every day. Is that right?";
    let id = bot.fake.next_id();
    bot.send("find-facts-long", find_facts(&id, said)).await;
    let edit = bot
        .fake
        .wait_request("edit", |r| {
            r.method == "PATCH" && r.path.contains(&format!("tok-{id}"))
        })
        .await
        .body;
    let title = edit["embeds"][0]["title"].as_str().unwrap_or("");
    assert!(title.ends_with('…'), "the title is cut: {title}");
    let kept = std::fs::read_to_string(bot.fixture.data().join("feedback/queries.jsonl")).expect("kept");
    assert!(kept.contains("Is that right?"), "{kept}");
    let passage = bot
        .press("long-passage", &button_id(&edit, "Show passage"), &edit)
        .await;
    assert_eq!(passage["type"], 4);
    assert!(
        data(&passage)["embeds"][0]["description"]
            .as_str()
            .unwrap_or("")
            .contains("__**"),
        "{passage:#}"
    );
    bot.stop().await;
}

/// More on a public answer edits it only for the user it answered; anyone else gets the
/// page privately, so one reader cannot turn the channel's answer under the others.
#[tokio::test(flavor = "multi_thread")]
async fn more_on_someone_elses_public_answer_pages_a_private_copy() {
    let bot = Bot::start().await;
    let first = bot.command("stat", &[("topic", "micro-drama users")]).await;
    let first = data(&first).clone();
    assert_eq!(
        first["flags"].as_u64().unwrap_or(0) & 64,
        0,
        "public by default: {first:#}"
    );
    let more = button_id(&first, "More ▶");
    // The presser is alice (600000000000000001); `owner` posted the answer.
    let pressed_on_answer_of = |owner: &str| {
        let mut payload = super::press(&bot.fake.next_id(), &more, &first);
        payload["message"]["interaction_metadata"] = json!({
            "id": "700000000000000001", "type": 2,
            "user": {"id": owner, "username": "asker"},
            "authorizing_integration_owners": {"0": "100000000000000001"}
        });
        payload
    };

    let other = bot
        .send("page-privately", pressed_on_answer_of("600000000000000099"))
        .await;
    assert_eq!(other["type"], 4, "a new message, not an edit: {other:#}");
    let other = data(&other);
    assert_eq!(other["flags"], 64);
    assert!(footer(other).contains("facts 6–10 of"), "{}", footer(other));
    assert!(buttons(other).iter().any(|b| b.0 == "Share in channel"));

    let own = bot
        .send("page-own-answer", pressed_on_answer_of("600000000000000001"))
        .await;
    assert_eq!(own["type"], 7, "the asker pages the answer itself");
    assert!(footer(data(&own)).contains("facts 6–10 of"));
    bot.stop().await;
}
