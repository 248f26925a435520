//! Comparisons ("Kuaishou vs Douyin daily viewers") over the bundled knowledge: each side
//! gets its own facts, and a side nothing matched is named, not silently dropped.

use factbot::answer::{Answer, Engine};
use factbot::render::terminal::{render, Emphasis};

use crate::support::Fixture;

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

#[test]
fn each_side_of_a_comparison_gets_its_own_facts() {
    let engine: Engine = Fixture::bundled().engine();
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
            let first = &answer.facts[0];
            assert!(first.text.contains("270 million"), "{query}: {}", first.text);
            assert!(answer.facts.iter().any(|f| names(&f.text, "Douyin")), "{query}");
            for fact in &answer.facts {
                assert!(
                    names(&fact.text, "Kuaishou") || names(&fact.text, "Douyin"),
                    "{}",
                    fact.text
                );
            }
        }
    }
    // Asked alone, the name that starts the query would crowd out the other.
    let plain = engine.stat("Kuaishou Douyin daily viewers", 3).expect("stat");
    assert!(plain.compared.is_empty());
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
