//! Issue 8 on the Discord side: an invalidated session is survived, the token appears nowhere
//! in a full run's output even at trace level, and config errors name what is wrong.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::bot::{data, embed_text, Bot};
use crate::discord_server::{command, FakeDiscord, TEST_TOKEN, WAIT};
use crate::support::Fixture;

/// Slow (serenity waits a few seconds before identifying again): the one slow test here.
#[tokio::test(flavor = "multi_thread")]
async fn invalid_session_identifies_again_and_keeps_answering() {
    let bot = Bot::start().await;
    bot.fake.invalid_session(false);
    bot.fake.wait_gateway("identify", 2).await;
    bot.fake.wait_gateway("ready", 2).await;
    let reply = bot.command("help", &[]).await;
    assert_eq!(reply["type"], 4, "{reply}");
    assert!(embed_text(data(&reply)).contains("/stat"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_never_appears_in_a_full_runs_output_at_trace_level() {
    let fake = FakeDiscord::start().await;
    let fixture = Fixture::bundled();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factbot"))
        .arg("serve")
        .current_dir(fixture.dir.path())
        .env_clear()
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("FACTBOT_KNOWLEDGE_DIR", fixture.knowledge())
        .env("FACTBOT_INDEX_DIR", fixture.data())
        .env("FACTBOT_DISCORD_API_BASE", &fake.api_base)
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start factbot serve");
    // Drain output while the bot runs, so a full pipe never blocks it.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });

    fake.wait_gateway("ready", 1).await;
    fake.wait_request("command registration", |r| r.method == "PUT")
        .await;
    for (name, options) in [("help", vec![]), ("stat", vec![("topic", "short drama viewers")])] {
        let id = fake.next_id();
        let reply = fake.interact(command(&id, name, &options, "0")).await;
        assert!(reply["type"].as_u64().is_some(), "{reply}");
    }
    fake.reconnect();
    fake.wait_gateway("resume", 1).await;

    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().expect("kill");
    assert!(killed.success());
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let output = format!("{}{}", out.join().expect("stdout"), err.join().expect("stderr"));
    assert!(status.success(), "{status:?}\n{output}");
    assert!(output.lines().count() > 20, "trace logging was on: {output}");
    // The last part is the secret signature; the first (the bot's id) is public.
    let signature = TEST_TOKEN.rsplit('.').next().unwrap_or(TEST_TOKEN);
    for secret in [TEST_TOKEN, signature] {
        assert!(!output.contains(secret), "{secret:?} leaked");
    }
}

fn serve_error(fixture: &Fixture, envs: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factbot"));
    command
        .arg("serve")
        .current_dir(fixture.dir.path())
        .env_clear()
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("FACTBOT_KNOWLEDGE_DIR", fixture.knowledge())
        .env("RUST_LOG", "off");
    for (k, v) in envs {
        command.env(k, v);
    }
    let output = command.output().expect("run serve");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains(TEST_TOKEN));
    stderr
}

#[test]
fn config_errors_name_the_variable_or_the_file_and_key() {
    let fixture = Fixture::bundled();
    let stderr = serve_error(&fixture, &[("FACTBOT_MAX_FILE_MB", "lots")]);
    assert!(
        stderr.starts_with("error: FACTBOT_MAX_FILE_MB=\"lots\" is not valid"),
        "{stderr}"
    );
    let file = fixture.dir.path().join("factbot.toml");
    std::fs::write(&file, "facts_per_answer = \"five\"\n").expect("write config");
    let stderr = serve_error(&fixture, &[]);
    assert!(
        stderr.contains("factbot.toml") && stderr.contains("facts_per_answer"),
        "{stderr}"
    );
    std::fs::write(&file, "max_file_mb = 5\nknowlege_dir = \"kb\"\n").expect("write config");
    let stderr = serve_error(&fixture, &[]);
    assert!(
        stderr.contains("factbot.toml") && stderr.contains("knowlege_dir"),
        "{stderr}"
    );
    let stderr = serve_error(&fixture, &[("DISCORD_TOKEN", "not a token")]);
    assert!(
        stderr.starts_with("error: DISCORD_TOKEN is not a valid bot token"),
        "{stderr}"
    );
    assert!(!stderr.contains("not a token"), "{stderr}");
}

/// The body Discord finally shows for interaction `id`: the callback, or the edit after a
/// deferred callback.
async fn shown_body(bot: &Bot, name: &str, option: &str, query: &str) -> serde_json::Value {
    let id = bot.fake.next_id();
    let reply = bot
        .fake
        .interact(command(&id, name, &[(option, query)], "0"))
        .await;
    if reply["type"] == 5 {
        let path = format!(
            "/webhooks/{}/tok-{id}/messages/@original",
            crate::discord_server::APP_ID
        );
        return bot
            .fake
            .wait_request("edit of a deferred answer", |r| {
                r.method == "PATCH" && r.path.ends_with(&path)
            })
            .await
            .body;
    }
    assert_eq!(reply["type"], 4, "{reply}");
    reply["data"].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn odd_queries_get_an_answer_or_a_clear_reply_through_the_real_bot() {
    let bot = Bot::start().await;
    let queries = [
        " \t ".to_string(),
        "x".repeat(6000),
        "viewers AND ( \" * : ~ ^".to_string(),
        "?!.,;:'\"()[]".to_string(),
        "📈🤔🍿".to_string(),
        "short\u{0}drama\u{1b}[2J\u{7} viewers".to_string(),
        "short\u{200b}drama \u{200f}viewers\u{202e}".to_string(),
        "微短剧用户规模".to_string(),
        "270 million".to_string(),
        "@everyone <@123> </stat:1> ```".to_string(),
    ];
    for query in &queries {
        for (name, option) in [("stat", "topic"), ("ask", "question")] {
            let body = shown_body(&bot, name, option, query).await;
            super::bot::assert_no_mentions(&body);
            let text = format!("{}{}", body["content"].as_str().unwrap_or(""), embed_text(&body));
            assert!(!text.is_empty(), "{name} {query:?}: {body}");
            assert!(!text.contains("@everyone") && !text.contains("<@1"), "{text}");
            assert!(!text.contains("went wrong"), "{name} {query:?}: {text}");
        }
    }
    bot.stop().await;
}
