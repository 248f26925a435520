//! Sources that disagree, over the bundled knowledge: the answer says so only when they
//! state the same measure.

use crate::support::Fixture;

/// The values a query's disagreement note sets side by side, in order; empty without one.
fn disagreeing_values(engine: &factbot::answer::Engine, query: &str) -> Vec<String> {
    let answer = engine.stat(query, 3).expect("answer");
    answer
        .disagreements
        .iter()
        .flat_map(|d| {
            d.facts.iter().map(|&i| {
                let fact = &answer.facts[i];
                let h = fact
                    .highlights
                    .iter()
                    .find(|h| h.kind == d.kind)
                    .expect("a highlight of the disagreeing kind");
                fact.text[h.start..h.end].to_string()
            })
        })
        .collect()
}

#[test]
fn viewer_counts_from_different_sources_are_set_side_by_side() {
    let engine = Fixture::bundled().engine();
    let values = disagreeing_values(&engine, "short-drama viewers");
    assert_eq!(values, vec!["270 million", "830 million"]);
}

#[test]
fn market_sizes_of_different_years_are_a_trend_not_a_disagreement() {
    let engine = Fixture::bundled().engine();
    let answer = engine.stat("micro-short drama market size", 3).expect("answer");
    let years: Vec<Option<i32>> = answer.facts.iter().map(|f| f.period).collect();
    assert!(
        years
            .iter()
            .flatten()
            .collect::<std::collections::HashSet<_>>()
            .len()
            >= 2,
        "the top facts state different years: {years:?}"
    );
    assert_eq!(
        disagreeing_values(&engine, "micro-short drama market size"),
        Vec::<String>::new()
    );
}

#[test]
fn two_estimates_of_the_same_years_market_are_set_side_by_side() {
    let engine = Fixture::bundled().engine();
    let mut values = disagreeing_values(&engine, "micro-drama market size 2024");
    values.sort();
    assert_eq!(values, vec!["50.44 billion yuan", "50.5 billion yuan"]);
}

/// The 2025 forecast against the figure stated after the year, each value as its source
/// qualified it.
#[test]
fn the_note_quotes_each_value_with_its_qualifier() {
    let engine = Fixture::bundled().engine();
    let answer = engine.stat("micro-drama market 2025", 3).expect("answer");
    let text = factbot::render::terminal::render(&answer, factbot::render::terminal::Emphasis::Markdown);
    let note = text
        .lines()
        .find(|l| l.starts_with("Note: sources differ"))
        .unwrap_or_else(|| panic!("no disagreement note in:\n{text}"));
    assert!(note.contains("63.43 billion yuan"), "{note}");
    assert!(note.contains("more than 100 billion yuan"), "{note}");
}

/// The planted disagreements of the seed sheets, each with the values its note must set
/// side by side (users: as of June 2024 against the end of 2024, both stated as 2024); and a
/// query whose shares of users measure different things.
#[test]
fn planted_disagreements_are_noted_and_different_shares_are_not() {
    let engine = Fixture::bundled().engine();
    for (query, want) in [
        (
            "micro-drama market 2027",
            vec!["100 billion yuan", "85.65 billion yuan"],
        ),
        (
            "micro-drama market 2025",
            vec!["100 billion yuan", "63.43 billion yuan"],
        ),
        ("short drama users", vec!["576 million", "662 million"]),
        ("share of short drama users", vec![]),
    ] {
        let mut values = disagreeing_values(&engine, query);
        values.sort();
        assert_eq!(values, want, "{query}");
    }
}
