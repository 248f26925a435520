//! Other ways to reload a running `factbot serve` (a real process): SIGHUP and `--watch`.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::topic_article;
use crate::discord_e2e::bot::{data, embed_text};
use crate::discord_server::{self, FakeDiscord, TEST_TOKEN, WAIT};
use crate::support::Fixture;

/// A running `factbot serve`, stopped with SIGTERM (or killed) when dropped.
struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        signal(&self.0, "TERM");
        let deadline = std::time::Instant::now() + WAIT;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name}");
}

async fn serve(fake: &FakeDiscord, fixture: &Fixture, args: &[&str]) -> Serve {
    let child = Command::new(env!("CARGO_BIN_EXE_factbot"))
        .arg("serve")
        .args(args)
        .current_dir(fixture.dir.path())
        .env_clear()
        .env("DISCORD_TOKEN", TEST_TOKEN)
        .env("FACTBOT_DISCORD_API_BASE", &fake.api_base)
        .env("FACTBOT_KNOWLEDGE_DIR", fixture.knowledge())
        .env("FACTBOT_INDEX_DIR", fixture.data())
        .env("RUST_LOG", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start factbot serve");
    let serve = Serve(child);
    fake.wait_gateway("ready", 1).await;
    fake.wait_request("command registration", |r| r.method == "PUT")
        .await;
    serve
}

/// Waits for an audit line with `trigger`.
async fn audited(fixture: &Fixture, trigger: &str) -> Value {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let text = std::fs::read_to_string(fixture.data().join("audit.jsonl")).unwrap_or_default();
        if let Some(line) = text
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .find(|l| l["trigger"] == trigger)
        {
            return line;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no {trigger} reload audited: {text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn stat(fake: &FakeDiscord, topic: &str) -> String {
    let id = fake.next_id();
    let callback = fake
        .interact(discord_server::command(&id, "stat", &[("topic", topic)], "0"))
        .await;
    embed_text(data(&callback))
}

#[tokio::test(flavor = "multi_thread")]
async fn sighup_reloads_a_running_bot() {
    let fake = FakeDiscord::start().await;
    let fixture = Fixture::bundled();
    let serve = serve(&fake, &fixture, &[]).await;
    fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    signal(&serve.0, "HUP");
    let line = audited(&fixture, "signal").await;
    assert_eq!(line["result"], "swapped", "{line}");
    assert_eq!(line["changes"]["added"], serde_json::json!(["zorblax.md"]));
    assert!(stat(&fake, "zorblax robot shipments").await.contains("4,321"));
    drop(serve);
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_reloads_once_changes_settle() {
    let fake = FakeDiscord::start().await;
    let fixture = Fixture::bundled();
    let serve = serve(&fake, &fixture, &["--watch"]).await;
    fixture.write("zorblax.md", topic_article("Zorblax", "4,321"));
    let line = audited(&fixture, "watch").await;
    assert_eq!(line["who"]["name"], "watcher", "{line}");
    assert!(stat(&fake, "zorblax robot shipments").await.contains("4,321"));
    drop(serve);
}
