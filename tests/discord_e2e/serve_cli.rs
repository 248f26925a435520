//! `factbot serve` as an operator runs it: one-line errors naming the problem, non-zero exit,
//! and the token never printed.

use std::process::{Command, Output};

use crate::discord_server::{FakeDiscord, TEST_TOKEN, WAIT};
use crate::support::Fixture;

fn serve(fixture: &Fixture, envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factbot"));
    command
        .arg("serve")
        .current_dir(fixture.dir.path())
        .env_clear()
        .env("FACTBOT_KNOWLEDGE_DIR", fixture.knowledge())
        .env("FACTBOT_INDEX_DIR", fixture.data())
        .env("RUST_LOG", "off");
    for (k, v) in envs {
        command.env(k, v);
    }
    command.output().expect("run factbot serve")
}

fn stderr_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn serve_without_a_token_names_the_variable() {
    let fixture = Fixture::bundled();
    let output = serve(&fixture, &[]);
    assert!(!output.status.success());
    let lines = stderr_lines(&output);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("error: DISCORD_TOKEN is not set"),
        "{lines:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_exits_non_zero_with_one_line_when_discord_rejects_the_token() {
    let fake = FakeDiscord::start().await;
    fake.close_on_identify(4004);
    let api_base = fake.api_base.clone();
    let run = tokio::task::spawn_blocking(move || {
        let fixture = Fixture::bundled();
        serve(
            &fixture,
            &[
                ("DISCORD_TOKEN", TEST_TOKEN),
                ("FACTBOT_DISCORD_API_BASE", &api_base),
            ],
        )
    });
    let output = tokio::time::timeout(WAIT, run)
        .await
        .expect("serve exits within the wait")
        .expect("serve thread");
    assert!(!output.status.success());
    let lines = stderr_lines(&output);
    assert_eq!(
        lines,
        vec!["error: DISCORD_TOKEN was rejected by Discord (bad token)".to_string()]
    );
    let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), lines.join("\n"));
    assert!(!all.contains(TEST_TOKEN));
}
