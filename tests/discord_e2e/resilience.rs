//! The bot keeps serving through gateway reconnects and failing Discord endpoints, and
//! reports a rejected token.

use std::sync::Arc;

use factbot::discord::{App, HandlerFn, Request, ServeError, Token};

use super::bot::{config, data, embed_text, engine, Bot};
use crate::discord_server::{FakeDiscord, APP_ID, TEST_TOKEN, WAIT};
use crate::support::Fixture;

async fn assert_answers(bot: &Bot) {
    let reply = bot.command("help", &[]).await;
    assert_eq!(reply["type"], 4, "{reply}");
    assert!(embed_text(data(&reply)).contains("/stat"));
}

#[tokio::test(flavor = "multi_thread")]
async fn reconnect_and_dropped_socket_resume_and_keep_answering() {
    let bot = Bot::start().await;
    bot.fake.reconnect();
    bot.fake.wait_gateway("resume", 1).await;
    assert_answers(&bot).await;
    bot.fake.drop_socket();
    bot.fake.wait_gateway("resume", 2).await;
    assert_answers(&bot).await;
    assert_eq!(
        bot.fake.gateway_log().iter().filter(|e| *e == "identify").count(),
        1,
        "resumed, not re-identified"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn callback_500_gets_a_follow_up_and_429_is_retried() {
    let bot = Bot::start().await;
    bot.fake.fail_next_callbacks(&[500]);
    let id = bot.fake.next_id();
    bot.fake
        .interact(crate::discord_server::command(&id, "help", &[], "0"))
        .await;
    let followup = bot
        .fake
        .wait_request("follow-up after a 500", |r| {
            r.method == "POST" && r.path == format!("/api/v10/webhooks/{APP_ID}/tok-{id}")
        })
        .await;
    assert!(embed_text(&followup.body).contains("/stat"));
    assert_answers(&bot).await;

    bot.fake.fail_next_callbacks(&[429]);
    let id = bot.fake.next_id();
    bot.fake
        .interact(crate::discord_server::command(&id, "help", &[], "0"))
        .await;
    let prefix = format!("/api/v10/interactions/{id}/");
    let deadline = tokio::time::Instant::now() + WAIT;
    while bot
        .fake
        .requests()
        .iter()
        .filter(|r| r.path.starts_with(&prefix))
        .count()
        < 2
    {
        assert!(tokio::time::Instant::now() < deadline, "429 was not retried");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_answers(&bot).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_handler_gets_a_short_reply_and_the_bot_keeps_serving() {
    let handle: HandlerFn = Arc::new(|app: &App, request: &Request| {
        if request.option("topic") == Some("panic please") {
            panic!("injected fault");
        }
        app.handle(request)
    });
    let bot = Bot::start_full(|_| {}, handle).await;
    let reply = bot.command("stat", &[("topic", "panic please")]).await;
    assert_eq!(reply["type"], 4);
    assert_eq!(reply["data"]["flags"], 64);
    let content = reply["data"]["content"].as_str().unwrap_or("");
    assert!(content.starts_with("Something went wrong"), "{content}");
    assert_answers(&bot).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn close_4004_stops_serve_with_the_bad_token_error() {
    let fake = FakeDiscord::start().await;
    fake.close_on_identify(4004);
    let fixture = Fixture::bundled();
    let engine = engine(&fixture).await;
    let token = Token::parse(TEST_TOKEN).expect("token");
    let run = factbot::discord::run(
        config(&fake, &fixture),
        token,
        Arc::clone(&engine),
        std::future::pending(),
    );
    let result = tokio::time::timeout(WAIT, run).await.expect("serve returns");
    let err = result.expect_err("bad token");
    assert!(matches!(err, ServeError::BadToken), "{err:?}");
    assert_eq!(
        err.to_string(),
        "DISCORD_TOKEN was rejected by Discord (bad token)"
    );
}
