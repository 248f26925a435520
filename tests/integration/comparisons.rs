//! Comparisons ("Kuaishou vs Douyin daily viewers") over the bundled knowledge: each side
//! gets its own facts, and a side nothing matched is named, not silently dropped.

use factbot::answer::{Answer, Engine};
use factbot::render::terminal::{render, Emphasis};

use crate::answers::media_fixture;
use crate::support::{article, Fixture};

fn sides(answer: &Answer) -> Vec<(&str, bool)> {
    answer
        .compared
        .iter()
        .map(|s| (s.name.as_str(), s.matched))
        .collect()
}

fn names(text: &str, name: &str) -> bool {
    text.to_lowercase().contains(&name.to_lowercase())
}

/// Two platforms with a daily-viewer count each (Kuaishou's from [`media_fixture`]), and a
/// story that names neither.
fn two_platforms() -> Fixture {
    let f = media_fixture();
    f.write(
        "douyin.md",
        article(
            "Douyin's short-drama audience",
            "China Daily",
            "2024-09-27",
            "Douyin said 310 million people watch short dramas on Douyin every day.\n\nDouyin \
             co-created 40 micro-dramas with TV companies.",
        ),
    );
    f.write(
        "market.md",
        article(
            "Short-drama market",
            "Xinhua",
            "2025-04-16",
            "Some 576 million people watch short dramas in China every day, a report said.",
        ),
    );
    f
}

#[test]
fn each_side_of_a_comparison_gets_its_own_facts() {
    let engine: Engine = two_platforms().engine();
    for query in [
        "Kuaishou vs Douyin daily viewers",
        "which platform has more daily short drama viewers, Kuaishou or Douyin?",
    ] {
        for answer in [
            engine.stat(query, 3).expect("stat"),
            engine.ask(query, 3).expect("ask"),
        ] {
            assert!(!answer.no_answer, "{query}");
            assert_eq!(sides(&answer), [("Kuaishou", true), ("Douyin", true)], "{query}");
            let texts: Vec<&str> = answer.facts.iter().map(|f| f.text.as_str()).collect();
            assert!(
                texts.iter().any(|t| t.contains("270 million")),
                "{query}: {texts:?}"
            );
            assert!(
                texts.iter().any(|t| t.contains("310 million")),
                "{query}: {texts:?}"
            );
            for text in texts {
                assert!(names(text, "Kuaishou") || names(text, "Douyin"), "{text}");
            }
        }
    }
    // Asked alone, the name that starts the query would crowd out the other.
    let plain = engine.stat("Kuaishou Douyin daily viewers", 3).expect("stat");
    assert!(plain.compared.is_empty());
}

#[test]
fn a_side_with_no_count_of_the_viewers_asked_is_named_as_unmatched() {
    // The bundled base counts Kuaishou's daily short-drama viewers but gives Douyin only the
    // views of one drama: those are no daily viewers to compare with.
    let engine = Fixture::bundled().engine();
    let answer = engine.stat("Kuaishou vs Douyin daily viewers", 3).expect("stat");
    assert!(!answer.no_answer);
    assert!(answer.facts[0].text.contains("270 million"));
    assert_eq!(sides(&answer), [("Kuaishou", true), ("Douyin", false)]);
}

#[test]
fn a_side_the_knowledge_base_lacks_is_named_in_the_answer() {
    let engine = Fixture::bundled().engine();
    let answer = engine.stat("Kuaishou vs Zorblax daily viewers", 3).expect("stat");
    assert!(!answer.no_answer);
    assert!(answer.facts[0].text.contains("270 million"));
    assert_eq!(sides(&answer), [("Kuaishou", true), ("Zorblax", false)]);
    let text = render(&answer, Emphasis::Markdown);
    assert!(
        text.contains("Comparing Kuaishou and Zorblax: no matching fact for Zorblax."),
        "{text}"
    );

    let nothing = engine.stat("Zorblax vs Quuxly viewers", 3).expect("stat");
    assert!(nothing.no_answer);
    assert_eq!(sides(&nothing), [("Zorblax", false), ("Quuxly", false)]);
}
