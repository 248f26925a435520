//! Sources that disagree: when the best facts for a query state different values for the same
//! measure in different articles, they are shown side by side, oldest first, and flagged,
//! instead of silently putting one source's figure on top.

use std::collections::HashSet;

use crate::facts::QuantityKind;
use crate::index::analyze;

use super::counted::count_alike;
use super::measures::names_a_measure;
use super::query::{Concept, QueryPlan};
use super::types::{CitedFact, Disagreement, Highlight};

/// Facts scoring within this share of the best one compete for the same answer. They must
/// also state the measure asked next to the thing counted, for the same year: with those
/// checks, a looser bound lets two estimates of one year's market (50.5 and 50.44 billion
/// yuan) meet even when one sentence words it less like the query.
const CLOSE_SCORE: f32 = 0.75;

/// The quantity kind a fact answers with: the first of its kinds the query asks for, else its
/// first quantity's kind.
fn answering_kind(fact: &CitedFact, wanted: &[QuantityKind]) -> Option<QuantityKind> {
    fact.highlights
        .iter()
        .map(|h| h.kind)
        .find(|k| wanted.contains(k))
        .or_else(|| fact.highlights.first().map(|h| h.kind))
}

/// The fact's first figure of `kind`: the one it answers with.
fn figure(fact: &CitedFact, kind: QuantityKind) -> Option<&Highlight> {
    fact.highlights.iter().find(|h| h.kind == kind)
}

fn value_text(fact: &CitedFact, kind: QuantityKind) -> Option<&str> {
    let h = figure(fact, kind)?;
    fact.text.get(h.start..h.end)
}

/// The noun the fact's figure of `kind` counts, when the sentence writes one after it.
fn counted_noun(fact: &CitedFact, kind: QuantityKind) -> Option<&str> {
    figure(fact, kind)?.counted.as_deref()
}

/// For [`group_disagreement`]: which of the query's subjects (its concepts that name no
/// measure: "micro drama" in "micro drama market size 2023") a fact names, in its sentence
/// or its article's title.
pub fn subjects_named(plan: &QueryPlan) -> impl Fn(&CitedFact) -> Vec<bool> + '_ {
    let subjects: Vec<&Concept> = plan
        .concepts
        .iter()
        .filter(|c| !names_a_measure(&c.text))
        .collect();
    move |fact: &CitedFact| {
        let terms: HashSet<String> = analyze(&fact.text)
            .into_iter()
            .chain(analyze(&fact.citation.title))
            .map(|t| t.term)
            .collect();
        subjects
            .iter()
            .map(|c| {
                c.alternatives
                    .iter()
                    .any(|a| a.terms.iter().all(|t| terms.contains(t)))
            })
            .collect()
    }
}

/// Finds the group of close, same-measure facts from different articles at the top of
/// `facts`; when their values differ, moves them to the top in date order and reports them.
///
/// Facts only compete when they state the same measure: the kind the query asks for (a
/// share of users is no count of users), next to the thing the query counts (51 million
/// users and 167 million phones sold are both counts, of different things), for the same
/// year when both state one (a 2024 and a 2025 market size are a trend). A second source
/// with the same value agrees and adds nothing to the group.
///
/// They must also be of the same subject: `subjects` tells which of the query's subjects
/// (its concepts that name no measure) a fact names, and facts compete only when they name
/// the same ones: the online audiovisual sector's market size is no other estimate of the
/// micro-drama market's.
pub fn group_disagreement(
    facts: &mut [CitedFact],
    wanted: &[QuantityKind],
    subjects: impl Fn(&CitedFact) -> Vec<bool>,
) -> Vec<Disagreement> {
    let Some(top) = facts.first() else {
        return Vec::new();
    };
    let top_subjects = subjects(top);
    let Some(kind) = answering_kind(top, wanted) else {
        return Vec::new();
    };
    // A score or a betting price is of one match or one runner: two of them differ because
    // they are of different events, not because sources disagree.
    if matches!(kind, QuantityKind::Score | QuantityKind::Odds) {
        return Vec::new();
    }
    // The figure asked for is the query's first measure: "users" asks for a count, and
    // shares of users (40% often watch, 17% still there after six months) are other figures.
    if wanted.first().is_some_and(|&first| first != kind) {
        return Vec::new();
    }
    let counts_the_asked_thing = |fact: &CitedFact| fact.signals.is_some_and(|s| s.unit_fit);
    if !counts_the_asked_thing(top) {
        return Vec::new();
    }
    let top_score = top.score;
    let top_counted = counted_noun(top, kind);
    let mut members: Vec<usize> = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        let close = fact.score >= top_score * CLOSE_SCORE;
        // Near the word asked for is not always of it: "people to have two or three phones".
        let counts_alike = match (top_counted, counted_noun(fact, kind)) {
            (Some(a), Some(b)) => count_alike(a, b),
            _ => true,
        };
        let same_measure = answering_kind(fact, wanted) == Some(kind)
            && counts_the_asked_thing(fact)
            && counts_alike
            && subjects(fact) == top_subjects;
        let same_period = |other: &CitedFact| match (fact.period, other.period) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let new_source_and_value = members.iter().all(|&m| {
            facts[m].citation.article != fact.citation.article
                && value_text(&facts[m], kind) != value_text(fact, kind)
                && same_period(&facts[m])
        });
        if close && same_measure && new_source_and_value {
            members.push(i);
        }
    }
    let values: std::collections::HashSet<&str> = members
        .iter()
        .filter_map(|&i| value_text(&facts[i], kind))
        .collect();
    if members.len() < 2 || values.len() < 2 {
        return Vec::new();
    }
    // Oldest first, so a reader sees how the figure moved; undated sources last.
    let mut group: Vec<CitedFact> = members.iter().map(|&i| facts[i].clone()).collect();
    group.sort_by_key(|f| (f.citation.published.is_none(), f.citation.published));
    let rest: Vec<CitedFact> = facts
        .iter()
        .enumerate()
        .filter(|(i, _)| !members.contains(i))
        .map(|(_, f)| f.clone())
        .collect();
    let size = group.len();
    for (slot, fact) in facts.iter_mut().zip(group.into_iter().chain(rest)) {
        *slot = fact;
    }
    vec![Disagreement {
        kind,
        facts: (0..size).collect(),
    }]
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::answer::types::Highlight;
    use crate::answer::{MeasureFit, Signals};

    /// Signals of a fact whose figure counts the thing the query names, or not.
    fn signals(unit_fit: bool) -> Signals {
        Signals {
            sentence_bm25: 1.0,
            article_bm25: 1.0,
            coverage: 1.0,
            sentence_coverage: 1.0,
            keys: 0,
            missing_keys: 0,
            missing_models: 0,
            unit_fit,
            focus_named: false,
            period_fit: None,
            focus_asked: false,
            kin_fit: false,
            rate_fit: false,
            measure: MeasureFit::Fits,
            wording_counts: false,
            paragraph: 1,
        }
    }

    /// A count fact that counts what the query asks (and the word after `value`, as the
    /// parser reads a counted noun), published on 1 January of `year`.
    fn fact(article: &str, text: &str, value: &str, score: f32, year: i32) -> CitedFact {
        let start = text.find(value).expect("value in text");
        let counted = text[start + value.len()..]
            .split_whitespace()
            .next()
            .filter(|w| w.chars().all(char::is_alphabetic))
            .map(str::to_string);
        let mut fact = CitedFact::sample(article, text);
        fact.highlights = vec![Highlight {
            start,
            end: start + value.len(),
            kind: QuantityKind::Count,
            counted,
        }];
        fact.citation.published = NaiveDate::from_ymd_opt(year, 1, 1);
        fact.score = score;
        fact.signals = Some(signals(true));
        fact
    }

    /// Every fact names the query's one subject.
    fn any_subject(_: &CitedFact) -> Vec<bool> {
        vec![true]
    }

    fn articles(facts: &[CitedFact]) -> Vec<&str> {
        facts.iter().map(|f| f.citation.article.as_str()).collect()
    }

    #[test]
    fn close_differing_figures_are_grouped_oldest_first() {
        let mut facts = vec![
            fact("b.md", "830 million viewers", "830 million", 2.5, 2025),
            fact("a.md", "270 million people", "270 million", 2.4, 2024),
            fact("c.md", "5 episodes", "5", 1.0, 2023),
        ];
        let groups = group_disagreement(&mut facts, &[QuantityKind::Count], any_subject);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].facts, vec![0, 1]);
        assert_eq!(articles(&facts), vec!["a.md", "b.md", "c.md"]);
    }

    #[test]
    fn agreeing_or_distant_figures_are_left_alone() {
        let mut same = vec![
            fact("b.md", "270 million", "270 million", 2.5, 2025),
            fact("a.md", "270 million", "270 million", 2.4, 2024),
        ];
        assert!(group_disagreement(&mut same, &[], any_subject).is_empty());
        assert_eq!(same[0].citation.article.as_str(), "b.md");
        let mut distant = vec![
            fact("b.md", "830 million", "830 million", 2.5, 2025),
            fact("a.md", "270 million", "270 million", 1.0, 2024),
        ];
        assert!(group_disagreement(&mut distant, &[], any_subject).is_empty());
    }

    /// Each row: a second close fact from another article that must not be called a
    /// disagreement with the first (830 million viewers, 2025), and why.
    #[test]
    fn figures_of_different_measures_are_not_a_disagreement() {
        let other_thing = CitedFact {
            signals: Some(signals(false)),
            ..fact("a.md", "167 million phones", "167 million", 2.4, 2024)
        };
        let other_year = CitedFact {
            period: Some(2023),
            ..fact("a.md", "270 million viewers", "270 million", 2.4, 2024)
        };
        for (second, wanted, why) in [
            (other_thing, vec![QuantityKind::Count], "counts another thing"),
            (
                // Near the word asked, yet a count of another thing.
                fact("a.md", "people to have three phones", "three", 2.4, 2024),
                vec![QuantityKind::Count],
                "names another counted noun",
            ),
            (other_year, vec![QuantityKind::Count], "states another year"),
            (
                fact("a.md", "270 million viewers", "270 million", 2.4, 2024),
                vec![QuantityKind::Percent],
                "is not the kind asked for",
            ),
            (
                fact("a.md", "270 million viewers", "270 million", 2.4, 2024),
                vec![QuantityKind::Percent, QuantityKind::Count],
                "is not the kind asked for first",
            ),
        ] {
            let first = CitedFact {
                period: Some(2025),
                ..fact("b.md", "830 million viewers", "830 million", 2.5, 2025)
            };
            let mut facts = vec![first, second];
            assert!(
                group_disagreement(&mut facts, &wanted, any_subject).is_empty(),
                "second {why}"
            );
            assert_eq!(articles(&facts), vec!["b.md", "a.md"], "second {why}");
        }
    }

    #[test]
    fn a_second_source_with_the_same_value_is_not_listed_against_a_third() {
        let mut facts = vec![
            fact("zh.md", "40% of users", "40%", 2.5, 2024),
            fact("en.md", "40% of users", "40%", 2.5, 2024),
            fact("c.md", "17% of users", "17%", 2.4, 2025),
        ];
        let groups = group_disagreement(&mut facts, &[QuantityKind::Count], any_subject);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].facts, vec![0, 1]);
        assert_eq!(articles(&facts), vec!["zh.md", "c.md", "en.md"]);
    }

    #[test]
    fn figures_of_different_subjects_are_not_a_disagreement() {
        let micro_drama = |f: &CitedFact| vec![f.text.contains("micro-drama")];
        let mut facts = vec![
            fact(
                "a.md",
                "the audiovisual sector's 1.15 trillion",
                "1.15 trillion",
                2.5,
                2024,
            ),
            fact(
                "b.md",
                "the micro-drama market's 37.39 billion",
                "37.39 billion",
                2.4,
                2024,
            ),
        ];
        assert!(group_disagreement(&mut facts, &[], micro_drama).is_empty());
        let mut facts = vec![
            fact(
                "a.md",
                "the micro-drama market's 50.5 billion",
                "50.5 billion",
                2.5,
                2024,
            ),
            fact(
                "b.md",
                "the micro-drama market's 50.44 billion",
                "50.44 billion",
                2.4,
                2024,
            ),
        ];
        assert_eq!(group_disagreement(&mut facts, &[], micro_drama).len(), 1);
    }
}
