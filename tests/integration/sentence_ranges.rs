//! An article's sentences are found by document range (schema 8): that must hold for
//! multi-threaded builds, merged segments and incremental reloads alike.

use factbot::index::{sync, DataDir, KnowledgeIndex, SyncOptions, WeightedTerm};
use factbot::knowledge::ArticleId;

use crate::support::{article, Fixture};

/// Enough files for the multi-threaded writer (more than 256).
const ARTICLES: usize = 300;

/// Article `n` has `n % 7 + 1` paragraphs of one sentence each, all naming `n`; sentence 2,
/// where there is one, is the only one mentioning gadgets.
fn body(n: usize, version: &str) -> String {
    (1..=n % 7 + 1)
        .map(|k| {
            let thing = if k == 2 { "gadgets" } else { "widgets" };
            format!("Maker{n} {version} sold {k} million {thing} in {}.", 2000 + k)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn assert_sentences_belong(index: &KnowledgeIndex, n: usize, version: &str) {
    let id = ArticleId::new(&format!("a{n:03}.md"));
    let sentences = index.article_sentences(&id, false).expect("sentences");
    let expected: Vec<String> = body(n, version).split("\n\n").map(str::to_string).collect();
    let found: Vec<String> = sentences.iter().map(|s| s.text.clone()).collect();
    assert_eq!(found, expected, "article {id}");
    assert!(sentences.iter().all(|s| s.article == id), "article {id}");
}

#[test]
fn every_article_finds_exactly_its_own_sentences_after_builds_and_reloads() {
    let f = Fixture::new();
    for n in 0..ARTICLES {
        f.write(
            &format!("a{n:03}.md"),
            article(&format!("Maker {n}"), "P", "2024-01-01", &body(n, "v1")),
        );
    }
    let data = DataDir::new(f.data());
    let first = sync(&f.knowledge(), &data, None, &SyncOptions::default()).expect("build");
    let index = first.index.expect("index");
    for n in 0..ARTICLES {
        assert_sentences_belong(&index, n, "v1");
    }

    // Rewrite a few articles in place: their old documents are deleted, new ones appended.
    for n in [0, 150, 299] {
        f.write(
            &format!("a{n:03}.md"),
            article(&format!("Maker {n}"), "P", "2024-01-01", &body(n, "v2")),
        );
    }
    let reloaded = sync(
        &f.knowledge(),
        &data,
        Some(&first.generation),
        &SyncOptions::default(),
    )
    .expect("reload");
    let index = reloaded.index.expect("new generation");
    for n in 0..ARTICLES {
        let version = if [0, 150, 299].contains(&n) { "v2" } else { "v1" };
        assert_sentences_belong(&index, n, version);
    }
}

#[test]
fn sentences_of_scores_exactly_the_sentences_with_a_query_term() {
    let f = Fixture::new();
    for n in 0..20 {
        f.write(
            &format!("a{n:03}.md"),
            article(&format!("Maker {n}"), "P", "2024-01-01", &body(n, "v1")),
        );
    }
    let index = sync(
        &f.knowledge(),
        &DataDir::new(f.data()),
        None,
        &SyncOptions::default(),
    )
    .expect("build")
    .index
    .expect("index");
    let gadget = WeightedTerm {
        term: "gadget".into(),
        boost: 1.0,
    };
    let hits = index
        .search_articles(std::slice::from_ref(&gadget), 5)
        .expect("articles");
    assert_eq!(hits.len(), 5);
    let keys: Vec<_> = hits.iter().map(|h| h.key).collect();
    let scored = index.sentences_of(&[gadget], &keys, true).expect("scored");
    for s in &scored {
        let text = index.sentence(s.key, 0.0).expect("sentence").text;
        assert_eq!(s.score > 0.0, text.contains("gadgets"), "{text}: {}", s.score);
        assert!(s.is_fact);
        let owner = index.article_at(keys[s.article]).expect("article");
        assert!(text.starts_with(&format!(
            "Maker{} ",
            owner.meta.title.trim_start_matches("Maker ")
        )));
    }
    // Every one of the five articles has a gadget sentence (it matched the term), and each
    // of its sentences is listed once.
    assert_eq!(scored.iter().filter(|s| s.score > 0.0).count(), 5);
    let total: usize = keys
        .iter()
        .map(|&k| index.article_at(k).expect("article").paragraphs)
        .sum();
    assert_eq!(scored.len(), total);
}
