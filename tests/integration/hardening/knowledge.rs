//! Bad knowledge files: each is reported as `path[:line]: severity: message` by both
//! `load_dir` (what `factbot check` reads) and `sync` (what indexing and `/reload` run), and the
//! rest of the folder is indexed.

use assert_cmd::Command;
use factbot::index::{sync, DataDir, SyncOptions};
use factbot::knowledge::{load_dir, read_file, ArticleId, LoadOptions, SourceFile};
use predicates::prelude::*;

use crate::support::{article, Fixture};

/// A file, what must be reported about it, and whether its article is still indexed.
struct Case {
    name: &'static str,
    content: Vec<u8>,
    /// The diagnostic as displayed; empty when the file must load without any.
    expected: &'static str,
    indexed: bool,
}

fn case(name: &'static str, content: impl Into<Vec<u8>>, expected: &'static str, indexed: bool) -> Case {
    Case {
        name,
        content: content.into(),
        expected,
        indexed,
    }
}

fn cases() -> Vec<Case> {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let long_line = format!(
        "A very long line\n\n{}",
        "Sales rose 5% to $3m in 2024 and https://example.test/".repeat(6_000)
    );
    let many = format!(
        "# Many paragraphs\n\n{}",
        (0..20_000)
            .map(|i| format!("Paragraph {i} counts 7 people.\n\n"))
            .collect::<String>()
    );
    vec![
        case(
            "good.md",
            article("Good", "Pub", "2024-01-02", "Sales rose 10% to $5m."),
            "",
            true,
        ),
        case(
            "latin1.txt",
            b"Title\n\nCaf\xe9 sales rose 5%.\n".to_vec(),
            "latin1.txt:3: warning: not valid UTF-8; decoded with replacement characters",
            true,
        ),
        case(
            "image.md",
            png,
            "image.md: error: looks like a binary file (contains NUL bytes); skipped",
            false,
        ),
        case("empty.md", "", "empty.md: error: file is empty; skipped", false),
        case(
            "blank.txt",
            " \n\n\t\n",
            "blank.txt: error: file is empty; skipped",
            false,
        ),
        case(
            "title-only.md",
            "# Only a title\n",
            "title-only.md: warning: has a title but no body paragraphs",
            true,
        ),
        case(
            "title-only.txt",
            "Only a title",
            "title-only.txt: warning: has a title but no body paragraphs",
            true,
        ),
        case(
            "unclosed.md",
            "---\ntitle: T\nSales rose 5%.\n",
            "unclosed.md:1: error: front matter opened with `---` on line 1 is never closed",
            true,
        ),
        case(
            "bad-date.md",
            "---\ntitle: T\npublished: yesterday\n---\nSales rose 5%.\n",
            "bad-date.md:3: error: `published` must be a date like 2024-03-29, found `yesterday`",
            true,
        ),
        case(
            "bad-tags.md",
            "---\ntitle: T\ntags: {a: 1}\n---\nSales rose 5%.\n",
            "bad-tags.md:3: error: `tags` must be a list of tags, found a table",
            true,
        ),
        case(
            "bad-title.md",
            "---\ntitle: [a, b]\n---\nSales rose 5%.\n",
            "bad-title.md:2: error: `title` must be text, found a list",
            true,
        ),
        case(
            "copy-a.md",
            article("Copy", "Pub", "2024-01-02", "Profit rose 7%."),
            "",
            true,
        ),
        case(
            "copy-b.md",
            article("Copy", "Pub", "2024-01-02", "Profit rose 7%."),
            "copy-b.md: warning: identical to copy-a.md; both are indexed, answers show it once",
            true,
        ),
        case(
            "huge.txt",
            format!("Huge\n\n{}", "x ".repeat(1_000_000)),
            "huge.txt: error: is 2000006 bytes, over the 1048576 byte limit; skipped",
            false,
        ),
        case("long-line.txt", long_line, "", true),
        case("many-paragraphs.md", many, "", true),
    ]
}

fn write_cases(f: &Fixture, cases: &[Case]) {
    for c in cases {
        f.write(c.name, &c.content);
    }
}

const ONE_MB: LoadOptions = LoadOptions {
    max_file_bytes: 1024 * 1024,
};

fn assert_reported(what: &str, cases: &[Case], shown: &[String]) {
    for c in cases {
        if c.expected.is_empty() {
            assert!(
                !shown.iter().any(|d| d.starts_with(&format!("{}:", c.name))),
                "{what}: {} should load cleanly, got {shown:#?}",
                c.name
            );
        } else {
            assert!(
                shown.iter().any(|d| d == c.expected),
                "{what}: expected {:?} in {shown:#?}",
                c.expected
            );
        }
    }
}

#[test]
fn every_bad_file_is_reported_by_check_and_sync_and_the_rest_is_indexed() {
    let f = Fixture::new();
    let cases = cases();
    write_cases(&f, &cases);

    let report = load_dir(&f.knowledge(), &ONE_MB).expect("load");
    let shown: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_reported("load_dir", &cases, &shown);
    let loaded: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();

    let options = SyncOptions {
        load: ONE_MB,
        ..SyncOptions::default()
    };
    let outcome = sync(&f.knowledge(), &DataDir::new(f.data()), None, &options).expect("sync");
    let shown: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
    assert_reported("sync", &cases, &shown);
    let index = outcome.index.expect("index");
    for c in &cases {
        let id = ArticleId::new(c.name);
        assert_eq!(index.article(&id).is_some(), c.indexed, "{} indexed", c.name);
        assert_eq!(loaded.contains(&c.name), c.indexed, "{} loaded", c.name);
    }

    // Line numbers stay right deep into a file of many paragraphs.
    let many = report
        .articles
        .iter()
        .find(|a| a.id.as_str() == "many-paragraphs.md")
        .expect("many");
    assert_eq!(many.paragraphs.len(), 20_000);
    assert_eq!(many.paragraphs[19_999].line, 3 + 2 * 19_999);

    // An unchanged folder opened again still reports its identical files.
    let again = sync(&f.knowledge(), &DataDir::new(f.data()), None, &options).expect("sync again");
    assert!(again.rebuilt.is_none());
    let shown: Vec<String> = again.diagnostics.iter().map(ToString::to_string).collect();
    assert_reported("unchanged sync", &cases, &shown);
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_once_and_loops_reported() {
    use std::os::unix::fs::symlink;
    let f = Fixture::new();
    f.write("real.md", article("Real", "Pub", "2024-01-02", "Users rose 5%."));
    let outside = f.dir.path().join("outside.md");
    std::fs::write(
        &outside,
        article("Outside", "Pub", "2024-01-02", "Revenue rose 9%."),
    )
    .expect("write");
    symlink(&outside, f.knowledge().join("linked.md")).expect("file link");
    symlink(f.knowledge(), f.knowledge().join("loop")).expect("loop link");
    symlink(f.dir.path().join("nowhere.md"), f.knowledge().join("dangling.md")).expect("dangling link");

    let report = load_dir(&f.knowledge(), &LoadOptions::default()).expect("load");
    let shown: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|d| d == "loop: warning: symbolic link loop; skipped"),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("dangling.md: warning: cannot be read")),
        "{shown:#?}"
    );
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["linked.md", "real.md"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new();
    f.write("ok.md", article("Ok", "Pub", "2024-01-02", "Users rose 5%."));
    f.write(
        "secret.md",
        article("Secret", "Pub", "2024-01-02", "Users rose 6%."),
    );
    let secret = f.knowledge().join("secret.md");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped: running as root (or with CAP_DAC_OVERRIDE), chmod 000 does not stop reads");
        return;
    }
    let report = load_dir(&f.knowledge(), &LoadOptions::default()).expect("load");
    let shown: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("secret.md: error: cannot be read: Permission denied")),
        "{shown:#?}"
    );
    assert_eq!(report.articles.len(), 1);
}

#[cfg(unix)]
#[test]
fn two_files_with_the_same_article_id_are_reported_and_one_is_kept() {
    let f = Fixture::new();
    f.write("a/b.md", article("Slash", "Pub", "2024-01-02", "Users rose 5%."));
    f.write(
        "a\\b.md",
        article("Backslash", "Pub", "2024-01-02", "Users rose 6%."),
    );
    let report = load_dir(&f.knowledge(), &LoadOptions::default()).expect("load");
    let shown: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|d| d.contains("has the same article id `a/b.md` as")),
        "{shown:#?}"
    );
    assert_eq!(report.articles.len(), 1);
}

#[test]
fn a_file_removed_while_the_folder_is_read_is_reported_as_removed() {
    let f = Fixture::new();
    let file = SourceFile {
        path: f.knowledge().join("gone.md"),
        id: ArticleId::new("gone.md"),
        sidecar: None,
    };
    let mut diagnostics = Vec::new();
    assert!(read_file(&file, &LoadOptions::default(), &mut diagnostics).is_none());
    let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec!["gone.md: error: was removed while the folder was being read; skipped"]
    );
}

#[test]
fn a_removed_file_leaves_the_index_on_the_next_sync() {
    let f = Fixture::new();
    f.write("stay.md", article("Stay", "Pub", "2024-01-02", "Users rose 5%."));
    f.write("go.md", article("Go", "Pub", "2024-01-02", "Users rose 6%."));
    let data = DataDir::new(f.data());
    sync(&f.knowledge(), &data, None, &SyncOptions::default()).expect("first");
    f.remove("go.md");
    let outcome = sync(&f.knowledge(), &data, None, &SyncOptions::default()).expect("second");
    assert_eq!(outcome.changes.removed, vec![ArticleId::new("go.md")]);
    assert_eq!(outcome.index.expect("index").article_count(), 1);
}

fn factbot() -> Command {
    Command::cargo_bin("factbot").expect("factbot binary")
}

#[test]
fn a_missing_or_empty_knowledge_folder_is_a_clear_error_at_start_up() {
    let f = Fixture::new();
    let missing = f.dir.path().join("no-such-folder");
    for command in ["stat", "ask"] {
        factbot()
            .args([command, "viewers", "--knowledge"])
            .arg(&missing)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no-such-folder cannot be read"));
        factbot()
            .args([command, "viewers", "--knowledge"])
            .arg(f.knowledge())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("has no articles"));
    }
    // serve reaches the same check before it connects to Discord.
    factbot()
        .arg("serve")
        .env_clear()
        .env("DISCORD_TOKEN", "MTAwMDAw.fake.token-for-tests")
        .env("FACTBOT_KNOWLEDGE_DIR", &missing)
        .env("FACTBOT_INDEX_DIR", f.data())
        .current_dir(f.dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-folder cannot be read"));
}

#[test]
fn the_size_cap_is_set_by_flag_or_environment() {
    let f = Fixture::new();
    f.write(
        "small.md",
        article("Small", "Pub", "2024-01-02", "Users rose 5%."),
    );
    f.write("big.txt", format!("Big\n\n{}", "Users rose 5%. ".repeat(80_000)));
    factbot()
        .args(["check", "--max-file-mb", "1", "--knowledge"])
        .arg(f.knowledge())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "big.txt: error: is 1200005 bytes, over the 1048576 byte limit; skipped",
        ));
    factbot()
        .args(["check", "--knowledge"])
        .arg(f.knowledge())
        .env("FACTBOT_MAX_FILE_MB", "2")
        .assert()
        .success();
    factbot()
        .args(["check", "--max-file-mb", "0", "--knowledge"])
        .arg(f.knowledge())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--max-file-mb"));
}
