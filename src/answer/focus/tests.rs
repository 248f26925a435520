//! Table tests for the focus: what a figure counts, and the words near it.
use super::*;
use crate::answer::counted::counts_another_thing;
use crate::answer::query::QueryPlan;
use crate::answer::query::{Alternative, Origin};

/// A concept of `text` as typed, each analysed word an alternative term.
pub(in crate::answer) fn concept(text: &str) -> Concept {
    Concept {
        text: text.into(),
        alternatives: analyze(text)
            .into_iter()
            .map(|t| Alternative {
                terms: vec![t.term],
                origin: Origin::Exact,
            })
            .collect(),
        weight: 1.0,
        key: false,
        acronym: false,
        model_of: None,
    }
}

#[test]
fn a_count_of_people_fits_a_measure_that_counts_people() {
    let cases: &[(&str, bool)] = &[
        ("cinema attendance", true),
        ("expected admissions", true),
        ("album sales", false),
        ("games revenue", false),
    ];
    for (query, people) in cases {
        let (focus, asked) = focus_of(query);
        assert!(!asked, "{query}");
        assert_eq!(
            focus.contains(&"peopl".to_string()),
            *people,
            "{query}: {focus:?}"
        );
    }
}

#[test]
fn how_many_times_asks_for_no_counted_noun() {
    let cases: &[(&str, bool)] = &[
        ("how many times has ireland won eurovision", false),
        ("how many passengers did ryanair fly", true),
    ];
    for (query, asked) in cases {
        assert_eq!(focus_of(query).1, *asked, "{query}");
    }
}

#[test]
fn the_measure_before_of_heads_the_phrase() {
    let cases: &[(&str, &str)] = &[
        ("bt share of broadband customers", "share"),
        ("india phone games revenue", "revenu"),
        // "number" names no measure: the figure counts users.
        ("number of users", "user"),
    ];
    for (query, head) in cases {
        let (focus, _) = focus_of(query);
        assert_eq!(
            focus.first().map(String::as_str),
            Some(*head),
            "{query}: {focus:?}"
        );
    }
}

#[test]
fn a_generic_amount_or_a_price_is_of_the_noun_before_it() {
    let cases: &[(&str, &[&str])] = &[
        ("agency suspended projects count", &["count", "project"]),
        ("waiting list total", &["total", "list"]),
        ("share price", &["price", "share"]),
        // A measure that says what it measures keeps to itself.
        ("film piracy losses", &["loss"]),
    ];
    for (query, expected) in cases {
        let (focus, _) = focus_of(query);
        assert_eq!(focus, *expected, "{query}");
    }
    // A name before it is what is counted in, not what is counted.
    let lower = words("kuaishou total");
    let mut concepts: Vec<Concept> = lower.iter().map(|w| concept(w)).collect();
    concepts[0].key = true;
    assert_eq!(focus_terms(&lower, &concepts).0, ["total"]);
}

#[test]
fn a_determiner_after_how_many_is_not_what_is_counted() {
    for (query, counted, not_counted) in [
        (
            "with how many other people could users share music",
            "peopl",
            "other",
        ),
        ("how many of its factories will electrolux move", "factori", "it"),
        // The test splits words at spaces only; the analyser reads "Fed's" as "fed", "s".
        (
            "how many of the fed s twelve regions reported growth",
            "region",
            "fed",
        ),
    ] {
        let (focus, asked) = focus_of(query);
        assert!(asked, "{query}");
        assert!(focus.contains(&counted.to_string()), "{query}: {focus:?}");
        assert!(!focus.contains(&not_counted.to_string()), "{query}: {focus:?}");
    }
    // "How much of" asks for a share of something, not a count of it.
    assert!(!focus_of("how much of venezuela's oil output goes to the us").1);
}

#[test]
fn how_many_people_is_answered_by_a_count_of_people() {
    for (query, counts) in [
        ("how many other people could itunes users share music with", true),
        ("how many people watch short dramas", true),
        ("how many factories will electrolux move", false),
    ] {
        let (focus, _) = focus_of(query);
        for noun in ["user", "viewer", "visitor", "man", "staff"] {
            assert_eq!(focus.contains(&noun.to_string()), counts, "{query}: {focus:?}");
        }
    }
}

#[test]
fn how_much_money_asks_for_any_sum() {
    for (query, asked) in [
        ("how much sponsorship money did the lab need", false),
        ("how much prize money did she win", false),
        ("how much oil does venezuela export", true),
    ] {
        assert_eq!(focus_of(query).1, asked, "{query}");
    }
}

#[test]
fn people_of_one_kind_are_kin_of_another() {
    let kin = kin_terms(&["subscrib".to_string()]);
    assert!(kin.contains(&"custom".to_string()), "{kin:?}");
    assert!(!kin.contains(&"subscrib".to_string()), "{kin:?}");
    assert!(kin_terms(&["factori".to_string()]).is_empty());
    let kin = kin_terms(&["episod".to_string()]);
    assert!(kin.contains(&"part".to_string()), "{kin:?}");
    let kin = kin_terms(&["bafta".to_string()]);
    assert!(kin.contains(&"award".to_string()), "{kin:?}");
    assert!(!kin.contains(&"peopl".to_string()), "{kin:?}");
}

/// The focus of `query` (lowercase words, each its own concept) and whether it was asked.
fn focus_of(query: &str) -> (Vec<String>, bool) {
    let lower = words(query);
    let concepts: Vec<Concept> = lower.iter().map(|w| concept(w)).collect();
    focus_terms(&lower, &concepts)
}

/// Lowercase words of `text`.
pub(in crate::answer) fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

#[test]
fn focus_words_next_to_a_quantity_are_found() {
    let cases = [
        ("The image is 2.5 billion pixels in size.", "pixel", true),
        (
            "About 900,000 military and civilian staff were hit.",
            "staff",
            true,
        ),
        ("The current maximum fine stands at $32,500 now.", "fine", true),
        // A qualifier is part of the figure, not a word between.
        (
            "China's micro-drama market was worth more than 100 billion yuan in 2025.",
            "market",
            true,
        ),
        (
            "The CNSA white paper forecast that China's micro-drama market would be worth more than 100 billion yuan in 2027.",
            "market",
            true,
        ),
        (
            "Staff were told on Monday that sales rose by 5% in the quarter.",
            "staff",
            false,
        ),
    ];
    for (text, focus, expected) in cases {
        let (terms, term_spans): (Vec<String>, Vec<_>) = crate::index::analyze(text)
            .into_iter()
            .map(|t| (t.term, t.span))
            .unzip();
        let spans: Vec<_> = crate::facts::parse_quantities(text)
            .into_iter()
            .map(|q| q.span)
            .collect();
        assert_eq!(
            quantity_counts_focus(&terms, &term_spans, &spans, &[focus.to_string()]),
            expected,
            "{text}"
        );
    }
}

#[test]
fn a_figure_followed_by_another_place_is_that_places() {
    let text = "China will pass the 137 million US users, with 100m users now, 20 of us say.";
    let (terms, spans): (Vec<String>, Vec<_>) = analyze(text).into_iter().map(|t| (t.term, t.span)).unzip();
    let end_of = |figure: &str| text.find(figure).map(|at| at + figure.len()).unwrap_or(0);
    let china = vec!["china".to_string()];
    let us = vec!["us".to_string()];
    let cases = [
        ("137 million", &china, true),
        ("137 million", &us, false),
        ("100m", &china, false),
        ("20", &china, false),
    ];
    for (figure, query, other) in cases {
        assert_eq!(
            figure_of_other_place(text, end_of(figure), query, &terms, &spans),
            other,
            "{figure} for {query:?}"
        );
    }
}

#[test]
fn a_count_naming_another_thing_is_not_what_the_query_counts() {
    let quantity = |unit: Option<&str>, kind: QuantityKind| crate::facts::Quantity {
        span: 0..1,
        kind,
        value: 1.0,
        unit: unit.map(str::to_string),
        approximate: false,
    };
    let focus = |words: &str, asked: bool| {
        let c = concept(words);
        let focus = with_people(&c, c.alternatives[0].terms.clone());
        QueryPlan {
            kin: kin_terms(&focus),
            focus,
            focus_asked: asked,
            ..QueryPlan::default()
        }
    };
    let users = focus("users", false);
    let awards = focus("awards", true);
    let consoles = focus("consoles", true);
    let sales = focus("sales", false);
    for (plan, unit, kind, other) in [
        (&users, Some("views"), QuantityKind::Count, true),
        (&users, Some("titles"), QuantityKind::Count, true),
        (&users, Some("viewers"), QuantityKind::Count, false),
        (&users, Some("people"), QuantityKind::Count, false),
        (&users, Some("co-stars"), QuantityKind::Count, true),
        // No noun written: it may count anything, the users too.
        (&users, None, QuantityKind::Count, false),
        (&users, Some("views"), QuantityKind::Percent, false),
        // "How many awards": nominations are another thing, Baftas are awards.
        (&awards, Some("nominations"), QuantityKind::Count, true),
        (&awards, Some("Baftas"), QuantityKind::Count, false),
        (&consoles, Some("units"), QuantityKind::Count, false),
        (&consoles, Some("games"), QuantityKind::Count, true),
        // Outside "how many", only a count of people is checked.
        (&sales, Some("consoles"), QuantityKind::Count, false),
    ] {
        assert_eq!(
            counts_another_thing(plan, &quantity(unit, kind)),
            other,
            "{:?} / {unit:?}",
            plan.focus
        );
    }
}
