//! Sources that disagree: when the best facts for a query state different values for the same
//! measure in different articles, they are shown side by side, oldest first, and flagged,
//! instead of silently putting one source's figure on top.

use crate::facts::QuantityKind;

use super::types::{CitedFact, Disagreement};

/// Facts scoring within this share of the best one compete for the same answer.
const CLOSE_SCORE: f32 = 0.85;

/// The quantity kind a fact answers with: the first of its kinds the query asks for, else its
/// first quantity's kind.
fn answering_kind(fact: &CitedFact, wanted: &[QuantityKind]) -> Option<QuantityKind> {
    fact.highlights
        .iter()
        .map(|h| h.kind)
        .find(|k| wanted.contains(k))
        .or_else(|| fact.highlights.first().map(|h| h.kind))
}

fn value_text(fact: &CitedFact, kind: QuantityKind) -> Option<&str> {
    let h = fact.highlights.iter().find(|h| h.kind == kind)?;
    fact.text.get(h.start..h.end)
}

/// Finds the group of close, same-measure facts from different articles at the top of
/// `facts`; when their values differ, moves them to the top in date order and reports them.
pub fn group_disagreement(facts: &mut [CitedFact], wanted: &[QuantityKind]) -> Vec<Disagreement> {
    let Some(top) = facts.first() else {
        return Vec::new();
    };
    let Some(kind) = answering_kind(top, wanted) else {
        return Vec::new();
    };
    let top_score = top.score;
    let top_unit_fit = top.signals.is_some_and(|s| s.unit_fit);
    let mut members: Vec<usize> = Vec::new();
    for (i, fact) in facts.iter().enumerate() {
        let close = fact.score >= top_score * CLOSE_SCORE;
        let same_measure = answering_kind(fact, wanted) == Some(kind)
            && fact.signals.is_some_and(|s| s.unit_fit) == top_unit_fit;
        let new_source = members
            .iter()
            .all(|&m| facts[m].citation.article != fact.citation.article);
        if close && same_measure && new_source {
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
    use crate::answer::types::{Citation, Highlight};
    use crate::answer::Signals;
    use crate::facts::Position;
    use crate::knowledge::ArticleId;

    fn fact(article: &str, text: &str, value: &str, score: f32, year: i32) -> CitedFact {
        let start = text.find(value).expect("value in text");
        CitedFact {
            id: format!("{article}#1.1"),
            text: text.into(),
            highlights: vec![Highlight {
                start,
                end: start + value.len(),
                kind: QuantityKind::Count,
            }],
            position: Position {
                paragraph: 1,
                sentence: 1,
            },
            period: None,
            citation: Citation {
                article: ArticleId::new(article),
                title: article.into(),
                publisher: None,
                author: None,
                published: NaiveDate::from_ymd_opt(year, 1, 1),
                url: None,
                paragraph: 1,
                report: None,
            },
            score,
            signals: None::<Signals>,
            passage: None,
            passage_span: None,
        }
    }

    #[test]
    fn close_differing_figures_are_grouped_oldest_first() {
        let mut facts = vec![
            fact("b.md", "830 million viewers", "830 million", 2.5, 2025),
            fact("a.md", "270 million people", "270 million", 2.4, 2024),
            fact("c.md", "5 episodes", "5", 1.0, 2023),
        ];
        let groups = group_disagreement(&mut facts, &[QuantityKind::Count]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].facts, vec![0, 1]);
        assert_eq!(facts[0].citation.article.as_str(), "a.md");
        assert_eq!(facts[1].citation.article.as_str(), "b.md");
        assert_eq!(facts[2].citation.article.as_str(), "c.md");
    }

    #[test]
    fn agreeing_or_distant_figures_are_left_alone() {
        let mut same = vec![
            fact("b.md", "270 million", "270 million", 2.5, 2025),
            fact("a.md", "270 million", "270 million", 2.4, 2024),
        ];
        assert!(group_disagreement(&mut same, &[]).is_empty());
        assert_eq!(same[0].citation.article.as_str(), "b.md");
        let mut distant = vec![
            fact("b.md", "830 million", "830 million", 2.5, 2025),
            fact("a.md", "270 million", "270 million", 1.0, 2024),
        ];
        assert!(group_disagreement(&mut distant, &[]).is_empty());
    }
}
