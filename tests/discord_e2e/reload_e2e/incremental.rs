//! What a reload re-reads: changed files only, the synonyms file too; and a build held by
//! another process is reported, not waited for.

use std::sync::Arc;

use factbot::reload::{Actor, Outcome, Reloader, Trigger};

use super::topic_article;
use crate::support::{article, Fixture};

fn reloader(fixture: &Fixture) -> Reloader {
    Reloader::new(Arc::new(fixture.engine()), fixture.knowledge(), fixture.data())
}

fn figures(reloader: &Reloader, topic: &str) -> String {
    let answer = reloader.engine().stat(topic, 3).expect("answer");
    answer.facts.iter().map(|f| f.text.clone()).collect()
}

#[test]
fn a_changed_synonyms_file_is_reloaded_and_used_at_once() {
    let fixture = Fixture::new();
    fixture.write(
        "a.md",
        article("Alpha", "P", "2024-01-01", "Sales rose 10% to $5m in 2024."),
    );
    fixture.write("zorblax.md", topic_article("Zorblax", "1,111"));
    let reloader = reloader(&fixture);
    assert!(!figures(&reloader, "glorp").contains("1,111"));
    fixture.write("synonyms.toml", "[groups]\nzorblax = [\"zorblax\", \"glorp\"]\n");
    let report = reloader
        .reload(Actor::system("test"), Trigger::Signal)
        .expect("not busy");
    assert_eq!(report.outcome, Outcome::Swapped, "{report:?}");
    assert!(report.changes.synonyms_changed);
    assert!(report.changes.changed.is_empty() && report.changes.added.is_empty());
    assert!(figures(&reloader, "glorp").contains("1,111"));
}

#[test]
fn unchanged_files_are_not_re_read_and_nothing_changed_is_said() {
    let fixture = Fixture::new();
    fixture.write(
        "a.md",
        article("Alpha", "P", "2024-01-01", "Sales rose 10% to $5m in 2024."),
    );
    fixture.write("zorblax.md", topic_article("Zorblax", "1,111"));
    let reloader = reloader(&fixture);
    let report = reloader
        .reload(Actor::system("test"), Trigger::Signal)
        .expect("not busy");
    assert_eq!(report.outcome, Outcome::Unchanged);
    fixture.write("zorblax.md", topic_article("Zorblax", "2,222 more"));
    let report = reloader
        .reload(Actor::system("test"), Trigger::Signal)
        .expect("not busy");
    assert_eq!(report.changes.changed.len(), 1);
    assert_eq!(report.changes.changed[0].as_str(), "zorblax.md");
    assert!(figures(&reloader, "zorblax robot shipments").contains("2,222"));
}

#[test]
fn a_build_held_by_another_process_is_reported_and_the_old_index_serves() {
    let fixture = Fixture::new();
    fixture.write("zorblax.md", topic_article("Zorblax", "1,111"));
    let reloader = reloader(&fixture);
    fixture.write("quuxol.md", topic_article("Quuxol", "8,765"));
    let lock = std::fs::File::create(fixture.data().join("build.lock")).expect("lock file");
    lock.try_lock()
        .expect("take the build lock like another factbot would");
    let report = reloader
        .reload(Actor::system("test"), Trigger::Signal)
        .expect("not busy in this process");
    let Outcome::Failed(why) = &report.outcome else {
        panic!("expected a failure: {report:?}");
    };
    assert!(why.contains("another factbot is building"), "{why}");
    assert!(figures(&reloader, "zorblax robot shipments").contains("1,111"));
    drop(lock);
    let report = reloader
        .reload(Actor::system("test"), Trigger::Signal)
        .expect("not busy");
    assert_eq!(report.outcome, Outcome::Swapped);
}
