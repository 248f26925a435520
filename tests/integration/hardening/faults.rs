//! Faults on the data directory: answers keep working when the index cannot be updated, and a
//! build that fails part-way leaves the previous generation serving.

use assert_cmd::Command;
use factbot::answer::Engine;
use factbot::index::{sync, DataDir, SyncOptions};
use predicates::prelude::*;

use crate::support::{article, Fixture};

fn stat(f: &Fixture, topic: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("factbot")
        .expect("factbot")
        .args(["stat", "--knowledge"])
        .arg(f.knowledge())
        .arg("--index")
        .arg(f.data())
        .arg(topic)
        .assert()
}

fn fixture() -> Fixture {
    let f = Fixture::new();
    f.write(
        "old.md",
        article(
            "Old",
            "Pub",
            "2024-01-02",
            "The walrus herd counted 4,200 animals in 2024.",
        ),
    );
    f
}

const NEW: &str = "The penguin colony counted 9,900 birds in 2024.";

/// Makes every write of `name` in the data directory fail, the way a full disk or a read-only
/// mount would (tests run as root, so permissions cannot do it): a directory stands where the
/// file must be written.
fn block(f: &Fixture, name: &str) {
    let path = f.data().join(name);
    let _ = std::fs::remove_file(&path);
    std::fs::create_dir_all(path.join("blocked")).expect("blocking dir");
}

#[test]
fn answers_keep_working_when_the_data_directory_cannot_be_written() {
    let f = fixture();
    stat(&f, "walrus herd").success();
    block(&f, "build.lock");
    f.write("new.md", article("New", "Pub", "2024-01-02", NEW));
    stat(&f, "walrus herd")
        .success()
        .stdout(predicate::str::contains("4,200"))
        .stderr(predicate::str::contains("note: the index could not be updated"))
        .stderr(predicate::str::contains("build.lock"));
    // Without any index there is nothing to fall back on: the error stands.
    let empty = fixture();
    block(&empty, "build.lock");
    stat(&empty, "walrus herd")
        .code(2)
        .stderr(predicate::str::contains("build.lock"));
}

#[test]
fn a_failed_build_keeps_the_old_generation_serving() {
    let f = fixture();
    let data = DataDir::new(f.data());
    let first = sync(&f.knowledge(), &data, None, &SyncOptions::default()).expect("first build");
    let engine = Engine::new(first.index.expect("index"));
    let serving = first.generation;

    f.write("new.md", article("New", "Pub", "2024-01-02", NEW));
    // Publishing writes `current.tmp` then renames it over `current`: make that write fail.
    block(&f, "current.tmp");
    let err = sync(&f.knowledge(), &data, Some(&serving), &SyncOptions::default())
        .expect_err("the build cannot be published");
    assert!(err.to_string().contains("current.tmp"), "{err}");

    assert_eq!(data.current().as_deref(), Some(serving.as_path()));
    let answer = engine.stat("walrus herd", 3).expect("old generation answers");
    assert!(!answer.no_answer && answer.facts[0].text.contains("4,200"));
    stat(&f, "walrus herd")
        .success()
        .stdout(predicate::str::contains("4,200"));

    // Once the disk has room again, the next sync publishes the new article.
    std::fs::remove_dir_all(f.data().join("current.tmp")).expect("unblock");
    let next = sync(&f.knowledge(), &data, Some(&serving), &SyncOptions::default()).expect("rebuild");
    engine.swap(next.index.expect("new index"));
    let answer = engine.stat("penguin colony", 3).expect("new answers");
    assert!(
        !answer.no_answer && answer.facts[0].text.contains("9,900"),
        "{answer:#?}"
    );
}
