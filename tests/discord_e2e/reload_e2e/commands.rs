//! `/reload` and `/kb status` as admins and others use them.

use std::sync::{mpsc, Arc, Mutex};

use serde_json::json;

use super::{
    audit, generations, kb_status, reload, send_reload, stat, topic_article, Reply, MANAGER, MEMBER,
};
use crate::discord_e2e::bot::Bot;
use crate::discord_server::WAIT;

#[tokio::test(flavor = "multi_thread")]
async fn added_article_is_listed_in_the_report_and_answers_at_once() {
    let bot = Bot::start().await;
    assert!(!stat(&bot, "zorblax robot shipments").await.contains("4,321"));
    bot.fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    let report = reload(&bot, MANAGER).await;
    assert!(matches!(report, Reply::Edited(_)), "{report:?}");
    let text = report.content();
    assert!(text.contains("**Reloaded**"), "{text}");
    assert!(text.contains("Added (1): `zorblax.md`"), "{text}");
    assert!(text.contains("Facts: "), "{text}");
    let version = bot.engine.snapshot().index.kb_version().to_string();
    assert!(text.contains(&format!("→ `{version}`")), "{text}");
    assert!(text.contains(" s."), "time taken: {text}");
    assert!(stat(&bot, "zorblax robot shipments").await.contains("4,321"));

    let lines = audit(&bot);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["trigger"], "command");
    assert_eq!(lines[0]["who"]["name"], "alice");
    assert_eq!(lines[0]["changes"]["added"], json!(["zorblax.md"]));
    assert_eq!(lines[0]["result"], "swapped");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn removed_article_is_gone_from_answers_right_after_the_report() {
    let bot = Bot::start().await;
    bot.fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    reload(&bot, MANAGER).await;
    assert!(stat(&bot, "zorblax robot shipments").await.contains("4,321"));
    let served = generations(&bot);

    bot.fixture.remove("zorblax.md");
    let text = reload(&bot, MANAGER).await.content();
    assert!(text.contains("Removed (1): `zorblax.md`"), "{text}");
    let answer = stat(&bot, "zorblax robot shipments").await;
    assert!(
        !answer.contains("4,321") && !answer.contains("Zorblax robot report"),
        "{answer}"
    );
    // The generation served before the reload is deleted once the new one is in.
    let now = generations(&bot);
    assert_eq!(now.len(), 1, "{now:?}");
    assert!(!served.contains(&now[0]));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_article_is_reported_with_its_line_and_good_changes_still_serve() {
    let bot = Bot::start().await;
    let old = stat(&bot, "short-drama viewers").await;
    assert!(old.contains("**270 million**"), "{old}");
    bot.fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    bot.fixture.write(
        "broken.md",
        "---\ntitle: \"Broken\"\npublished: [not, a date\n---\n\nQuuxol sales reached 77 units.\n",
    );
    let text = reload(&bot, MANAGER).await.content();
    assert!(text.contains("**Reloaded**"), "{text}");
    assert!(text.contains("`zorblax.md`"), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("broken.md:"))
        .unwrap_or_else(|| panic!("no broken.md line in {text}"));
    let after = line.split("broken.md:").nth(1).unwrap_or("");
    let number: String = after.chars().take_while(char::is_ascii_digit).collect();
    assert!(
        !number.is_empty() && after[number.len()..].starts_with(": error: "),
        "{line}"
    );
    assert!(stat(&bot, "zorblax robot shipments").await.contains("4,321"));
    assert!(stat(&bot, "short-drama viewers")
        .await
        .contains("**270 million**"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn non_admins_are_refused_and_nothing_is_rebuilt() {
    let bot = Bot::start_with(|c| c.admin_role_ids = vec![424242]).await;
    bot.fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    let before = generations(&bot);
    // A plain member, and a server manager who is not in the configured admin role.
    for permissions in [MEMBER, MANAGER] {
        let reply = reload(&bot, permissions).await;
        assert!(matches!(reply, Reply::Direct(_)), "{reply:?}");
        assert!(reply.content().contains("not allowed"), "{reply:?}");
    }
    assert_eq!(generations(&bot), before);
    assert!(audit(&bot).is_empty());
    assert!(!stat(&bot, "zorblax robot shipments").await.contains("4,321"));
    assert!(bot.app.reloader.last().is_none());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_reload_while_one_runs_is_told_who_started_it() {
    let bot = Bot::start().await;
    bot.fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    let (entered_tx, entered_rx) = mpsc::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let entered_tx = Mutex::new(entered_tx);
    let release_rx = Mutex::new(release_rx);
    bot.app.reloader.set_build_hook(Some(Arc::new(move || {
        let _ = entered_tx.lock().map(|tx| tx.send(()));
        let _ = release_rx.lock().map(|rx| rx.recv_timeout(WAIT));
    })));
    let (first, deferred) = send_reload(&bot, MANAGER).await;
    assert_eq!(deferred["type"], 5, "{deferred}");
    tokio::task::spawn_blocking(move || entered_rx.recv_timeout(WAIT))
        .await
        .expect("wait thread")
        .expect("the first reload is building");

    let second = reload(&bot, MANAGER).await;
    assert!(matches!(second, Reply::Direct(_)), "{second:?}");
    let text = second.content();
    assert!(
        text.contains("A reload started by alice at ") && text.contains("is running"),
        "{text}"
    );

    release_tx.send(()).expect("release");
    let report = super::edited(&bot, &first).await;
    let report = report["content"].as_str().unwrap_or("");
    assert!(report.contains("Added (1): `zorblax.md`"), "{report}");
    assert_eq!(audit(&bot).len(), 1, "only one reload ran");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn kb_status_shows_the_last_reload_and_a_newer_index_built_by_the_cli() {
    let bot = Bot::start().await;
    let text = kb_status(&bot).await;
    for needle in [
        "Articles: ",
        "facts: ",
        "Index on disk: ",
        "gen-",
        "Uptime: ",
        "none since start-up",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    bot.fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    reload(&bot, MANAGER).await;
    let text = kb_status(&bot).await;
    assert!(text.contains("Last reload: by alice (command)"), "{text}");
    assert!(text.contains("1 added, 0 changed, 0 removed"), "{text}");

    // `factbot index` beside the running bot: the bot notices, and its next reload serves it.
    bot.fixture.write("quuxol.md", topic_article("Quuxol", "8,765"));
    let knowledge = bot.fixture.knowledge();
    let data = bot.fixture.data();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_factbot"))
            .arg("index")
            .arg("--knowledge")
            .arg(knowledge)
            .arg("--index")
            .arg(data)
            .env("RUST_LOG", "off")
            .output()
            .expect("run factbot index")
    })
    .await
    .expect("index thread");
    assert!(output.status.success(), "{output:?}");
    let text = kb_status(&bot).await;
    assert!(text.contains("A newer index (gen-"), "{text}");
    let report = reload(&bot, MANAGER).await.content();
    assert!(report.contains("picked up a newer index"), "{report}");
    assert!(stat(&bot, "quuxol robot shipments").await.contains("8,765"));
    let triggers: Vec<String> = audit(&bot)
        .iter()
        .map(|l| l["trigger"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(triggers, vec!["command", "cli", "command"]);

    // Members cannot see it.
    let id = bot.fake.next_id();
    let mut payload = crate::discord_server::command(&id, "kb", &[], MEMBER);
    payload["data"]["options"] = json!([{"name": "status", "type": 1, "options": []}]);
    let callback = bot.fake.interact(payload).await;
    let refused = match callback["type"].as_u64() {
        Some(5) => super::edited(&bot, &id).await,
        _ => callback["data"].clone(),
    };
    assert!(
        refused["content"].as_str().unwrap_or("").contains("not allowed"),
        "{refused}"
    );
    bot.stop().await;
}

#[test]
fn kb_subcommands_read_the_same_over_the_gateway_and_raw_json() {
    use factbot::discord::Request;
    use serenity::model::event::{Event, GatewayEvent};
    let mut payload = crate::discord_server::command("1", "kb", &[], MANAGER);
    payload["data"]["options"] = json!([{"name": "status", "type": 1, "options": []}]);
    let frame = json!({"op": 0, "s": 1, "t": "INTERACTION_CREATE", "d": payload.clone()});
    let event = serde_json::from_value::<GatewayEvent>(frame).expect("gateway event");
    assert!(matches!(
        event,
        GatewayEvent::Dispatch(_, Event::InteractionCreate(_))
    ));
    let interaction: serenity::model::application::Interaction =
        serde_json::from_value(payload.clone()).expect("serenity interaction");
    let request = factbot::discord::to_request(&interaction);
    assert_eq!(request, Request::from_json(&payload));
    assert!(
        matches!(request, Some(Request::Command { name, options, .. }) if name == "kb status" && options.is_empty())
    );
}
