//! Spotting top facts that state different values for the same measure from different sources.

use crate::facts::QuantityKind;

use super::types::{CitedFact, Disagreement};

/// Groups of facts (indexes) from different articles whose main quantity is of the same kind
/// but differs in value by more than rounding. Only kinds that measure one thing across
/// sources are compared: counts, money, percentages, durations.
pub fn find_disagreements(facts: &[CitedFact]) -> Vec<Disagreement> {
    let mut out: Vec<Disagreement> = Vec::new();
    let comparable = [
        QuantityKind::Count,
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Duration,
    ];
    for kind in comparable {
        let members: Vec<usize> = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.highlights.first().is_some_and(|h| h.kind == kind))
            .map(|(i, _)| i)
            .collect();
        let sources: std::collections::HashSet<_> =
            members.iter().map(|&i| &facts[i].citation.article).collect();
        let texts: std::collections::HashSet<_> = members
            .iter()
            .filter_map(|&i| {
                let f = &facts[i];
                f.highlights.first().and_then(|h| f.text.get(h.start..h.end))
            })
            .collect();
        if members.len() >= 2 && sources.len() >= 2 && texts.len() >= 2 {
            out.push(Disagreement { kind, facts: members });
        }
    }
    out
}
