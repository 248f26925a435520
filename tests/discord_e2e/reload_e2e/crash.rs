//! Crash safety and start-up: a build that fails midway leaves the previous index serving and
//! a valid index on disk; a damaged or missing index is rebuilt at start-up, loudly; an empty
//! knowledge folder is a clear start-up error.

use std::process::{Command, Output};
use std::sync::Arc;

use factbot::reload::{Actor, Outcome, Reloader, Trigger};

use super::topic_article;
use crate::support::{article, Fixture};

fn small_fixture() -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "a.md",
        article("Alpha", "P", "2024-01-01", "Sales rose 10% to $5m in 2024."),
    );
    fixture.write("zorblax.md", topic_article("Zorblax", "1,111"));
    fixture
}

fn served_figures(reloader: &Reloader) -> String {
    let answer = reloader
        .engine()
        .stat("zorblax robot shipments", 3)
        .expect("answer");
    answer.facts.iter().map(|f| f.text.clone()).collect()
}

#[test]
fn a_build_failing_midway_keeps_the_old_index_serving_and_a_restart_opens_a_valid_one() {
    let fixture = small_fixture();
    let engine = Arc::new(fixture.engine());
    let reloader = Reloader::new(Arc::clone(&engine), fixture.knowledge(), fixture.data());
    let version = engine.snapshot().index.kb_version().to_string();
    // What a build killed midway leaves behind: a half-written directory of a dead process.
    let leftover = fixture.data().join("building-4000000-1");
    std::fs::create_dir_all(&leftover).expect("leftover dir");
    std::fs::write(leftover.join("meta.json"), b"{half").expect("leftover file");

    // The hook runs once the build has started: it makes publishing fail after the whole
    // new generation was written (the `current` pointer cannot be replaced).
    let blocker = fixture.data().join("current.tmp");
    let hook_blocker = blocker.clone();
    reloader.set_build_hook(Some(Arc::new(move || {
        std::fs::create_dir_all(hook_blocker.join("x")).expect("blocker");
    })));
    fixture.write("zorblax.md", topic_article("Zorblax", "2,222"));
    fixture.write("quuxol.md", topic_article("Quuxol", "8,765"));
    let report = reloader
        .reload(Actor::system("test"), Trigger::Signal)
        .expect("not busy");
    let Outcome::Failed(why) = &report.outcome else {
        panic!("expected a failure: {report:?}");
    };
    assert!(why.contains("current"), "{why}");
    assert_eq!(report.after_version, version);
    assert_eq!(
        engine.snapshot().index.kb_version(),
        version,
        "old index still served"
    );
    assert!(served_figures(&reloader).contains("1,111"));
    assert!(
        std::fs::read(fixture.knowledge().join("quuxol.md")).is_ok(),
        "knowledge untouched"
    );
    let audit = std::fs::read_to_string(fixture.data().join("audit.jsonl")).expect("audit");
    assert!(audit.contains("\"result\":\"failed\""), "{audit}");

    // Restart: a fresh process opens what is on disk, valid, and catches up.
    reloader.set_build_hook(None);
    std::fs::remove_dir_all(&blocker).expect("remove blocker");
    drop(reloader);
    drop(engine);
    let restarted = fixture.engine();
    let answer = restarted.stat("zorblax robot shipments", 3).expect("answer");
    let text: String = answer.facts.iter().map(|f| f.text.clone()).collect();
    assert!(text.contains("2,222") && !text.contains("1,111"), "{text}");
    assert!(!leftover.exists(), "a dead build's leftovers are cleaned up");
}

fn factbot(fixture: &Fixture, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factbot"))
        .args(args)
        .arg("--knowledge")
        .arg(fixture.knowledge())
        .arg("--index")
        .arg(fixture.data())
        .env("RUST_LOG", "warn")
        .env_remove("FACTBOT_KNOWLEDGE_DIR")
        .env_remove("FACTBOT_INDEX_DIR")
        .output()
        .expect("run factbot")
}

#[test]
fn a_damaged_index_is_rebuilt_at_start_up_and_says_so() {
    let fixture = small_fixture();
    drop(fixture.engine());
    let current = std::fs::read_to_string(fixture.data().join("current")).expect("current");
    let generation = fixture.data().join(current.trim());
    std::fs::write(generation.join("factbot-manifest.json"), b"not json").expect("corrupt");
    let output = factbot(&fixture, &["stat", "zorblax robot shipments"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("1,111"));
    assert!(
        stderr.contains("unusable") && stderr.contains("unreadable"),
        "{stderr}"
    );

    // Damaged tantivy files (manifest intact) are caught too.
    let current = std::fs::read_to_string(fixture.data().join("current")).expect("current");
    let generation = fixture.data().join(current.trim());
    std::fs::write(generation.join("meta.json"), b"{broken").expect("corrupt meta");
    let output = factbot(&fixture, &["stat", "zorblax robot shipments"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("could not be opened"), "{stderr}");
}

#[test]
fn an_empty_knowledge_folder_is_a_clear_start_up_error() {
    let fixture = Fixture::new();
    let output = factbot(&fixture, &["stat", "anything"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("has no articles"), "{stderr}");
}
