//! Reloads under load: answers never fail and always match one whole knowledge state.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

use factbot::reload::{Actor, Outcome, Reloader, Trigger};

use super::topic_article;
use crate::support::{article, Fixture};

/// Queries to run at least, while the reloads go on.
const QUERIES: usize = 2_000;
/// Reloads, alternating between the two states.
const RELOADS: usize = 20;

/// State A says 1,111 units, state B 2,222 (and is longer, so sizes differ too).
fn write_state(fixture: &Fixture, b: bool) {
    let (figure, extra) = if b {
        ("2,222", " Demand kept growing.")
    } else {
        ("1,111", "")
    };
    let mut text = topic_article("Zorblax", figure);
    text.push_str(extra);
    fixture.write("zorblax.md", text);
}

#[test]
fn twenty_reloads_under_continuous_queries_never_fail_or_mix_states() {
    let fixture = Fixture::new();
    fixture.write(
        "a.md",
        article("Alpha", "P", "2024-01-01", "Sales rose 10% to $5m in 2024."),
    );
    fixture.write(
        "b.md",
        article("Beta", "P", "2024-01-01", "Users grew to 3 million in 2024."),
    );
    write_state(&fixture, false);
    let engine = Arc::new(fixture.engine());
    let reloader = Arc::new(Reloader::new(
        Arc::clone(&engine),
        fixture.knowledge(),
        fixture.data(),
    ));
    let version_a = engine.snapshot().index.kb_version().to_string();

    let done = Arc::new(AtomicBool::new(false));
    let queries = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (engine, done, queries) = (Arc::clone(&engine), Arc::clone(&done), Arc::clone(&queries));
            thread::spawn(move || {
                let mut seen = Vec::new();
                while !done.load(Ordering::Relaxed) || queries.load(Ordering::Relaxed) < QUERIES {
                    let answer = engine
                        .stat("zorblax robot shipments", 3)
                        .expect("no answer may fail during a reload");
                    queries.fetch_add(1, Ordering::Relaxed);
                    let text: String = answer.facts.iter().map(|f| f.text.as_str()).collect();
                    let (a, b) = (text.contains("1,111"), text.contains("2,222"));
                    assert!(!answer.no_answer && a != b, "exactly one state: {text}");
                    seen.push((answer.kb_version, b));
                }
                seen
            })
        })
        .collect();

    let mut version_b: Option<String> = None;
    for i in 0..RELOADS {
        let b = i % 2 == 0;
        write_state(&fixture, b);
        let report = reloader
            .reload(Actor::system("load test"), Trigger::Signal)
            .expect("no other reload runs");
        assert_eq!(report.outcome, Outcome::Swapped, "reload {i}: {report:?}");
        let expected = if b {
            version_b
                .get_or_insert_with(|| report.after_version.clone())
                .clone()
        } else {
            version_a.clone()
        };
        assert_eq!(report.after_version, expected, "reload {i}");
        assert_eq!(report.changes.changed.len(), 1, "only the edited file is re-read");
    }
    done.store(true, Ordering::Relaxed);
    let version_b = version_b.expect("state B was served");
    let mut total = 0;
    for reader in readers {
        let seen = reader.join().expect("reader thread panicked");
        total += seen.len();
        for (version, b) in seen {
            let expected = if b { &version_b } else { &version_a };
            assert_eq!(&version, expected, "answer and version from the same state");
        }
    }
    assert!(total >= QUERIES, "{total} queries");
    assert_ne!(version_a, version_b);
    // Old generations are deleted as reloads go: the served one, perhaps one just replaced.
    let generations = std::fs::read_dir(fixture.data())
        .expect("data dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(generations, 1);
}
