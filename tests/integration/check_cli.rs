//! `factbot check`, `stat` and `ask` as a user runs them.

use assert_cmd::Command;
use predicates::prelude::*;

use crate::support::{article, Fixture};

fn factbot() -> Command {
    Command::cargo_bin("factbot").expect("factbot binary")
}

#[test]
fn check_reports_each_problem_with_path_and_line_and_fails_on_errors() {
    let f = Fixture::new();
    f.write(
        "good.md",
        article("Good", "Pub", "2024-01-02", "Sales rose 10% to $5m in 2024."),
    );
    f.write(
        "bad-date.md",
        "---\ntitle: T\npublished: yesterday\n---\nText 5%.\n",
    );
    f.write("no-title.md", "---\npublisher: X\n---\nText 5%.\n");
    f.write("unknown-key.md", "---\ntitle: T\npubisher: X\n---\nText 5%.\n");
    f.write("unclosed.md", "---\ntitle: T\nText 5%.\n");
    f.write("latin1.txt", b"Title\n\nCaf\xe9 sales rose 5%.\n".as_slice());
    f.write("README.md", "# Not an article\n");
    factbot()
        .args(["check", "--knowledge"])
        .arg(f.knowledge())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "bad-date.md:3: error: `published` must be a date",
        ))
        .stdout(predicate::str::contains("no-title.md:1: error: missing `title`"))
        .stdout(predicate::str::contains(
            "unknown-key.md:3: warning: unknown front matter key `pubisher`",
        ))
        .stdout(predicate::str::contains(
            "unclosed.md:1: error: front matter opened with `---` on line 1 is never closed",
        ))
        .stdout(predicate::str::contains("latin1.txt:3: warning: not valid UTF-8"))
        .stdout(predicate::str::contains("README").not());
}

#[test]
fn check_passes_with_warnings_only() {
    let f = Fixture::new();
    f.write(
        "a.md",
        article("A", "Pub", "2024-01-02", "Profit rose 10% to $5m."),
    );
    f.write("b.md", "---\ntitle: B\nextra: 1\n---\nUsers grew 5%.\n");
    factbot()
        .args(["check", "--knowledge"])
        .arg(f.knowledge())
        .assert()
        .success();
}

#[test]
fn stat_prints_a_cited_fact_from_the_bundled_knowledge() {
    let f = Fixture::bundled();
    factbot()
        .args(["stat", "short-drama viewers", "--knowledge"])
        .arg(f.knowledge())
        .arg("--index")
        .arg(f.data())
        .assert()
        .success()
        .stdout(predicate::str::contains("**270 million**"))
        .stdout(predicate::str::contains("Cover News"))
        .stdout(predicate::str::contains("¶"));
}

#[test]
fn stat_json_carries_the_citation() {
    let f = Fixture::bundled();
    let output = factbot()
        .args(["stat", "daily short video usage time", "--json", "--knowledge"])
        .arg(f.knowledge())
        .arg("--index")
        .arg(f.data())
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let first = &answer["facts"][0];
    assert!(first["text"].as_str().unwrap_or("").contains("151"), "{first}");
    assert!(first["citation"]["paragraph"].as_u64().unwrap_or(0) >= 1);
    assert!(first["citation"]["title"].as_str().is_some_and(|t| !t.is_empty()));
}

#[test]
fn unanswerable_question_says_no_matching_fact_and_exits_1() {
    let f = Fixture::bundled();
    factbot()
        .args([
            "ask",
            "How many people watch short dramas on Douyin every day?",
            "--knowledge",
        ])
        .arg(f.knowledge())
        .arg("--index")
        .arg(f.data())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("No matching fact"));
}

#[test]
fn bad_options_name_the_option() {
    factbot()
        .args(["stat", "x", "--limit", "0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--limit"));
    factbot()
        .args([
            "stat",
            "x",
            "--knowledge",
            "/definitely/not/here",
            "--index",
            "/tmp/factbot-nowhere",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/definitely/not/here"));
}

#[test]
fn check_fails_on_a_folder_without_articles() {
    let f = Fixture::new();
    f.write("README.md", "# Only documentation here\n");
    factbot()
        .args(["check", "--knowledge"])
        .arg(f.knowledge())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error: no articles"));
}
