//! Index generations: reuse when nothing changed, rebuild when files change, never lose data.

use factbot::index::{sync, DataDir, SyncMode, SyncOptions};

use crate::support::{article, Fixture};

fn sync_once(f: &Fixture, serving: Option<&std::path::Path>) -> factbot::index::SyncOutcome {
    sync(
        &f.knowledge(),
        &DataDir::new(f.data()),
        serving,
        &SyncOptions::default(),
    )
    .expect("sync")
}

#[test]
fn unchanged_folder_reuses_the_generation_and_changes_are_picked_up() {
    let f = Fixture::new();
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 10% to $5m."));
    f.write(
        "b.md",
        article("B", "P", "2024-01-01", "Users grew to 3 million."),
    );
    let first = sync_once(&f, None);
    assert_eq!(first.rebuilt.as_deref(), Some("no index yet"));
    assert_eq!(first.after.articles, 2);

    let again = sync_once(&f, Some(&first.generation));
    assert!(again.rebuilt.is_none());
    assert!(
        again.index.is_none(),
        "serving generation is reused, not reopened"
    );
    assert_eq!(again.generation, first.generation);

    f.write("c.md", article("C", "P", "2024-01-01", "Profit doubled to £2m."));
    f.remove("a.md");
    f.write(
        "b.md",
        article("B", "P", "2024-01-01", "Users grew to 4 million."),
    );
    let changed = sync_once(&f, Some(&first.generation));
    assert_eq!(changed.changes.added.len(), 1);
    assert_eq!(changed.changes.removed.len(), 1);
    assert_eq!(changed.changes.changed.len(), 1);
    assert_eq!(changed.after.articles, 2);
    let index = changed.index.expect("new generation");
    let ids: Vec<String> = index
        .articles()
        .expect("articles")
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    assert_eq!(ids, vec!["b.md", "c.md"]);
    assert_ne!(changed.generation, first.generation);
}

#[test]
fn broken_change_keeps_the_previous_version_served() {
    let f = Fixture::new();
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 10% to $5m."));
    let first = sync_once(&f, None);
    f.write("a.md", b"\0\0binary".as_slice());
    let after = sync_once(&f, Some(&first.generation));
    assert!(
        after
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.contains("binary")),
        "{:?}",
        after.diagnostics
    );
    let index = after.index.expect("new generation");
    assert_eq!(index.article_count(), 1, "the previous version stays");
}

#[test]
fn outdated_or_corrupt_index_is_rebuilt() {
    let f = Fixture::new();
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 10% to $5m."));
    let first = sync_once(&f, None);
    let manifest = first.generation.join("factbot-manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(
        &manifest,
        text.replace("\"schema_version\":", "\"schema_version\":9"),
    )
    .expect("write");
    let rebuilt = sync_once(&f, None);
    assert!(
        rebuilt.rebuilt.as_deref().is_some_and(|r| r.contains("outdated")),
        "{:?}",
        rebuilt.rebuilt
    );

    std::fs::write(rebuilt.generation.join("meta.json"), "not json").expect("corrupt");
    let again = sync_once(&f, None);
    assert!(
        again
            .rebuilt
            .as_deref()
            .is_some_and(|r| r.contains("could not be opened")),
        "{:?}",
        again.rebuilt
    );
    assert_eq!(again.index.expect("index").article_count(), 1);
}

#[test]
fn full_mode_rebuilds_even_when_nothing_changed() {
    let f = Fixture::new();
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 10% to $5m."));
    sync_once(&f, None);
    let options = SyncOptions {
        mode: SyncMode::Full,
        ..SyncOptions::default()
    };
    let full = sync(&f.knowledge(), &DataDir::new(f.data()), None, &options).expect("sync");
    assert_eq!(full.rebuilt.as_deref(), Some("full rebuild requested"));
    let generations = std::fs::read_dir(f.data())
        .expect("data")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(generations, 1, "old generations are removed");
}

#[test]
fn a_same_size_rewrite_right_after_a_sync_is_still_picked_up() {
    let f = Fixture::new();
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 10% to $5m."));
    let first = sync_once(&f, None);
    // Same size, written at once: its modification time may equal the one indexed.
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 20% to $5m."));
    let second = sync_once(&f, Some(&first.generation));
    assert_eq!(second.changes.changed.len(), 1, "{:?}", second.changes);
}

#[test]
fn emptied_folder_is_an_error_and_the_current_generation_stays() {
    let f = Fixture::new();
    f.write("a.md", article("A", "P", "2024-01-01", "Sales rose 10% to $5m."));
    let first = sync_once(&f, None);
    f.remove("a.md");
    let err = sync(
        &f.knowledge(),
        &DataDir::new(f.data()),
        Some(&first.generation),
        &SyncOptions::default(),
    )
    .expect_err("an empty folder is not indexed");
    assert!(err.to_string().contains("has no articles"), "{err}");
    assert_eq!(
        DataDir::new(f.data()).current().as_deref(),
        Some(first.generation.as_path())
    );
    // Files that exist but cannot be read count as no articles too.
    f.write("b.md", b"\0\0binary".as_slice());
    assert!(sync(
        &f.knowledge(),
        &DataDir::new(f.data()),
        Some(&first.generation),
        &SyncOptions::default()
    )
    .is_err());
    assert_eq!(
        DataDir::new(f.data()).current().as_deref(),
        Some(first.generation.as_path())
    );
}
