//! Shared helpers for integration tests: fixture knowledge folders in temp dirs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use factbot::answer::Engine;
use factbot::index::{sync, DataDir, SyncOptions};
use tempfile::TempDir;

/// A knowledge folder and a data dir in one temp dir, removed on drop.
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    /// An empty fixture.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("knowledge")).expect("knowledge dir");
        Self { dir }
    }

    /// A fixture holding a copy of the bundled knowledge folder.
    pub fn bundled() -> Self {
        let fixture = Self::new();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"),
            &fixture.knowledge(),
        );
        fixture
    }

    /// The knowledge folder.
    pub fn knowledge(&self) -> PathBuf {
        self.dir.path().join("knowledge")
    }

    /// The data (index) folder.
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Writes a file relative to the knowledge folder.
    pub fn write(&self, relative: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.knowledge().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(path, content).expect("write fixture file");
        self
    }

    /// Removes a file relative to the knowledge folder.
    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.knowledge().join(relative)).expect("remove fixture file");
    }

    /// Syncs the index and returns an engine on it.
    pub fn engine(&self) -> Engine {
        let outcome = sync(
            &self.knowledge(),
            &DataDir::new(self.data()),
            None,
            &SyncOptions::default(),
        )
        .expect("sync");
        Engine::new(outcome.index.expect("an index"))
    }
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The shared eval folder beside the project, when it exists.
pub fn shared_eval() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    dir.join("cases-dev.jsonl").exists().then_some(dir)
}

/// A small Markdown article with front matter.
pub fn article(title: &str, publisher: &str, date: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\npublisher: {publisher}\npublished: {date}\nurl: https://example.test/{}\n---\n\n{body}\n", title.len())
}
