use super::*;
use crate::answer::types::{CitedFact, Command};
use crate::facts::QuantityKind;

/// Any word but a few stop words is one the planner keeps.
fn kept(word: &str) -> bool {
    !["Now", "It", "s", "The"].contains(&word)
}

#[test]
fn names_joined_by_a_comparison_word_are_sides() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Kuaishou vs Douyin daily viewers",
            &[
                ("Kuaishou", "Kuaishou daily viewers"),
                ("Douyin", "Douyin daily viewers"),
            ],
        ),
        (
            "which has more viewers, Kuaishou or Douyin?",
            &[
                ("Kuaishou", "which has more viewers, Kuaishou?"),
                ("Douyin", "which has more viewers, Douyin?"),
            ],
        ),
        (
            "Sony, Microsoft, or Nintendo console sales",
            &[
                ("Sony", "Sony console sales"),
                ("Microsoft", "Microsoft console sales"),
                ("Nintendo", "Nintendo console sales"),
            ],
        ),
        ("Time Warner profit compared with Disney", &[]),
        (
            "Time Warner compared with Walt Disney profit",
            &[
                ("Time Warner", "Time Warner profit"),
                ("Walt Disney", "Walt Disney profit"),
            ],
        ),
        (
            "Xbox 360 versus PlayStation 3 sales",
            &[
                ("Xbox 360", "Xbox 360 sales"),
                ("PlayStation 3", "PlayStation 3 sales"),
            ],
        ),
        (
            "Netflix vs. Disney+ subscribers",
            &[
                ("Netflix", "Netflix subscribers"),
                ("Disney+", "Disney+ subscribers"),
            ],
        ),
        (
            "compare Kuaishou and Douyin viewers",
            &[("Kuaishou", "Kuaishou viewers"), ("Douyin", "Douyin viewers")],
        ),
        (
            "difference between Sony, Microsoft and Nintendo sales",
            &[
                ("Sony", "Sony sales"),
                ("Microsoft", "Microsoft sales"),
                ("Nintendo", "Nintendo sales"),
            ],
        ),
        // Not comparisons: a name with "and", a title, lowercase sides, a match, a list
        // without "or", a dangling "or".
        ("Procter and Gamble profits", &[]),
        ("Elvis It's Now or Never chart drop", &[]),
        ("adults lacking basic maths or English skills", &[]),
        ("Pernod valuation vs Allied Domecq", &[]),
        ("Wales v England score", &[]),
        ("Kuaishou, Douyin viewers", &[]),
        ("Netflix or", &[]),
        ("", &[]),
    ];
    for (query, expected) in cases {
        let sides = compared_sides(query, kept);
        let got: Vec<(&str, &str)> = sides
            .iter()
            .map(|s| (s.name.as_str(), s.query.as_str()))
            .collect();
        assert_eq!(&got, expected, "{query}");
    }
}

fn fact(id: &str, text: &str) -> CitedFact {
    CitedFact {
        id: id.to_string(),
        ..CitedFact::sample("a.md", text)
    }
}

fn answer(facts: &[(&str, &str)]) -> Answer {
    Answer {
        command: Command::Stat,
        query: "q".to_string(),
        no_answer: facts.is_empty(),
        facts: facts.iter().map(|(id, text)| fact(id, text)).collect(),
        matched: facts.len(),
        suggestions: if facts.is_empty() {
            vec!["Topic".to_string()]
        } else {
            Vec::new()
        },
        disagreements: Vec::new(),
        compared: Vec::new(),
        kb_version: "v1".to_string(),
    }
}

fn sides() -> Vec<Side> {
    ["Kuaishou", "Douyin"]
        .iter()
        .map(|name| Side {
            name: name.to_string(),
            query: format!("{name} viewers"),
        })
        .collect()
}

fn ids(answer: &Answer) -> Vec<&str> {
    answer.facts.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn facts_naming_every_side_lead_then_the_sides_take_turns() {
    let whole = answer(&[
        ("k1", "Kuaishou has 270 million viewers."),
        ("both", "Kuaishou's 270 million trail Douyin's 300 million."),
    ]);
    let kuaishou = answer(&[
        ("k1", "Kuaishou has 270 million viewers."),
        ("k2", "Kuaishou had 200 million in 2023."),
        ("k3", "Kuaishou 3."),
    ]);
    let douyin = answer(&[
        ("both", "Kuaishou's 270 million trail Douyin's 300 million."),
        ("d1", "Douyin has 300 million viewers."),
    ]);
    let merged = merge(whole, &sides(), vec![kuaishou, douyin], 4);
    assert_eq!(ids(&merged), ["both", "k1", "k2", "d1"]);
    assert_eq!(merged.matched, 5);
    assert!(!merged.no_answer);
    let compared: Vec<(&str, bool)> = merged
        .compared
        .iter()
        .map(|s| (s.name.as_str(), s.matched))
        .collect();
    assert_eq!(compared, [("Kuaishou", true), ("Douyin", true)]);
}

#[test]
fn a_side_nothing_matched_is_said_so() {
    let whole = answer(&[("k1", "Kuaishou has 270 million viewers.")]);
    let kuaishou = answer(&[("k1", "Kuaishou has 270 million viewers.")]);
    let douyin = answer(&[]);
    let merged = merge(whole, &sides(), vec![kuaishou, douyin], 3);
    assert_eq!(ids(&merged), ["k1"]);
    assert!(!merged.no_answer);
    assert!(merged.suggestions.is_empty());
    let compared: Vec<(&str, bool)> = merged
        .compared
        .iter()
        .map(|s| (s.name.as_str(), s.matched))
        .collect();
    assert_eq!(compared, [("Kuaishou", true), ("Douyin", false)]);
}

#[test]
fn when_no_side_matched_the_whole_no_answer_stands() {
    let merged = merge(answer(&[]), &sides(), vec![answer(&[]), answer(&[])], 3);
    assert!(merged.no_answer);
    assert_eq!(merged.suggestions, ["Topic"]);
    assert!(merged.compared.iter().all(|s| !s.matched));
}

#[test]
fn sources_differ_only_within_one_side() {
    // Kuaishou's two sources differ; Douyin's figure is the other side, not a third source.
    let merged_to = |limit: usize| {
        let whole = answer(&[("k1", "Kuaishou has 270 million viewers.")]);
        let mut kuaishou = answer(&[
            ("k1", "Kuaishou has 270 million viewers."),
            ("k2", "Kuaishou has 300 million viewers."),
        ]);
        kuaishou.disagreements = vec![Disagreement {
            kind: QuantityKind::Count,
            facts: vec![0, 1],
        }];
        let douyin = answer(&[("d1", "Douyin has 600 million viewers.")]);
        merge(whole, &sides(), vec![kuaishou, douyin], limit)
    };
    let merged = merged_to(3);
    assert_eq!(ids(&merged), ["k1", "d1", "k2"]);
    assert_eq!(merged.disagreements.len(), 1);
    assert_eq!(merged.disagreements[0].facts, [0, 2]);
    // Cut to two facts, the second of the pair is not shown: no note.
    assert!(merged_to(2).disagreements.is_empty());
}

#[test]
fn a_name_is_mentioned_by_any_of_its_words_in_any_case() {
    let cases = [
        ("Kuaishou's own statistics", "Kuaishou", true),
        ("TIME WARNER said", "Time Warner", true),
        ("TimeWarner said", "Time Warner", true),
        ("The PSP sells for $188", "Sony PSP", true),
        ("Douyins", "Douyin", false),
        ("It sold 360 units", "Xbox 360", false),
        ("", "Douyin", false),
    ];
    for (text, name, expected) in cases {
        assert_eq!(mentions(text, name), expected, "{text} / {name}");
    }
}
