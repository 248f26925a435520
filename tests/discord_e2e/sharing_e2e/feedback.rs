//! Guild visibility, votes, gaps, their export, and an unwritable data directory.

use serde_json::{json, Value};

use super::{button_id, command};
use crate::discord_e2e::bot::{data, embed_text, Bot};

fn kb(id: &str, subcommand: &str, options: Value, permissions: &str) -> Value {
    command(
        id,
        "kb",
        json!([{"name": subcommand, "type": 1, "options": options}]),
        permissions,
    )
}

fn content(body: &Value) -> String {
    data(body)["content"].as_str().unwrap_or("").to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guild_default_visibility_is_set_by_managers_and_overridden_per_answer() {
    let bot = Bot::start().await;
    let visibility = json!([{"name": "visibility", "type": 3, "value": "private"}]);
    let id = bot.fake.next_id();
    let refused = bot
        .send("kb-refused", kb(&id, "settings", visibility.clone(), "0"))
        .await;
    assert!(content(&refused).contains("Manage Server"), "{refused:#}");
    let id = bot.fake.next_id();
    let set = bot
        .send("kb-settings", kb(&id, "settings", visibility, "32"))
        .await;
    assert_eq!(data(&set)["flags"], 64);
    assert!(content(&set).contains("**private**"), "{set:#}");
    let saved = std::fs::read_to_string(bot.fixture.data().join("feedback/settings.json")).expect("saved");
    assert!(saved.contains("private"), "{saved}");

    let private = bot.command("stat", &[("topic", "short-drama viewers")]).await;
    assert_eq!(data(&private)["flags"], 64);
    button_id(data(&private), "Share in channel");
    let id = bot.fake.next_id();
    let options = json!([{"name": "question", "type": 3, "value": "how many people watch micro dramas"},
                         {"name": "private", "type": 5, "value": false}]);
    let public = bot.send("ask-public", command(&id, "ask", options, "0")).await;
    assert_eq!(data(&public)["flags"].as_u64().unwrap_or(0) & 64, 0);
    assert!(!super::buttons(data(&public))
        .iter()
        .any(|b| b.0.starts_with("Share")));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn votes_and_gaps_are_recorded_listed_and_exported() {
    let bot = Bot::start().await;
    let none = bot.command("stat", &[("topic", "quantum cheese futures")]).await;
    assert!(embed_text(data(&none)).contains("No matching fact"));
    bot.command("stat", &[("topic", "Quantum  cheese futures")]).await;

    let answer = bot
        .command("ask", &[("question", "how many people watch micro dramas")])
        .await;
    let answer = data(&answer).clone();
    let up = bot.press("vote-up", &button_id(&answer, "👍"), &answer).await;
    assert!(content(&up).contains("👍"), "{up:#}");
    let down = bot.press("vote-down", &button_id(&answer, "👎"), &answer).await;
    assert!(content(&down).contains("👎"), "{down:#}");
    let votes = std::fs::read_to_string(bot.fixture.data().join("feedback/votes.jsonl")).expect("votes");
    let lines: Vec<Value> = votes
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2, "{votes}");
    assert_eq!(lines[1]["vote"], "down");
    assert_eq!(lines[1]["query"], "how many people watch micro dramas");
    assert_eq!(lines[1]["guild"], json!(800000000000000001u64));
    assert!(
        lines[1]["facts"][0].as_str().unwrap_or("").contains(".md#"),
        "{votes}"
    );
    assert!(
        !votes.contains("600000000000000001"),
        "user ids are hashed: {votes}"
    );

    let id = bot.fake.next_id();
    let gaps = bot.send("kb-gaps", kb(&id, "gaps", json!([]), "32")).await;
    let text = content(&gaps);
    assert!(
        text.contains("2× Quantum  cheese futures") || text.contains("2× quantum cheese futures"),
        "{text}"
    );
    assert!(
        text.contains("👎 1 · 👍 0 · how many people watch micro dramas"),
        "{text}"
    );

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_factbot"))
        .args(["report", "--since", "30d", "--csv", "--index"])
        .arg(bot.fixture.data())
        .arg("--knowledge")
        .arg(bot.fixture.knowledge())
        .output()
        .expect("run factbot report");
    assert!(output.status.success(), "{output:?}");
    let csv = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("kind,command,query,count"), "{csv}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("gap,stat,") && r.contains("cheese futures,2,")),
        "{csv}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("downvoted,ask,how many people watch micro dramas,1,1,0,")),
        "{csv}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unwritable_data_directory_leaves_answers_and_buttons_working() {
    let bot = Bot::start().await;
    // A file where the feedback folder should be: every write fails, even for root.
    std::fs::write(bot.fixture.data().join("feedback"), "").expect("blocker");
    let none = bot.command("stat", &[("topic", "quantum cheese futures")]).await;
    assert!(embed_text(data(&none)).contains("No matching fact"));
    let answer = bot.command("stat", &[("topic", "short-drama viewers")]).await;
    let answer = data(&answer).clone();
    for _ in 0..2 {
        let vote = bot
            .press("vote-unwritable", &button_id(&answer, "👎"), &answer)
            .await;
        assert!(content(&vote).contains("Thanks"), "{vote:#}");
    }
    let more = bot
        .press("more-unwritable", &button_id(&answer, "More ▶"), &answer)
        .await;
    assert_eq!(more["type"], 7);
    bot.stop().await;
}
