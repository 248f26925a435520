//! Synonym groups in analysed form, for expanding query phrases.

use crate::index::analyze;
use crate::knowledge::Synonyms;

/// Synonym phrases as analysed token sequences, grouped.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    groups: Vec<Vec<Vec<String>>>,
}

/// A phrase of the query found in a synonym group.
#[derive(Debug, Clone, PartialEq)]
pub struct SynonymMatch {
    /// First query token covered.
    pub start: usize,
    /// Number of query tokens covered.
    pub len: usize,
    /// The other phrases of the group, analysed.
    pub alternatives: Vec<Vec<String>>,
}

impl SynonymTable {
    /// Analyses every term of every group.
    pub fn new(synonyms: &Synonyms) -> Self {
        let groups = synonyms
            .groups
            .iter()
            .map(|g| {
                g.terms
                    .iter()
                    .map(|t| analyze(t).into_iter().map(|tok| tok.term).collect::<Vec<_>>())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect();
        Self { groups }
    }

    /// Longest synonym phrases in `tokens`, left to right, non-overlapping.
    pub fn find(&self, tokens: &[String]) -> Vec<SynonymMatch> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut best: Option<SynonymMatch> = None;
            for group in &self.groups {
                for phrase in group {
                    let len = phrase.len();
                    let fits = tokens
                        .get(i..i + len)
                        .is_some_and(|window| window == phrase.as_slice());
                    if fits && best.as_ref().is_none_or(|b| len > b.len) {
                        let mut alternatives: Vec<Vec<String>> =
                            group.iter().filter(|p| *p != phrase).cloned().collect();
                        alternatives.dedup();
                        best = Some(SynonymMatch {
                            start: i,
                            len,
                            alternatives,
                        });
                    }
                }
            }
            match best {
                Some(m) => {
                    i += m.len;
                    found.push(m);
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::SynonymGroup;

    #[test]
    fn longest_phrase_wins_and_alternatives_are_analysed() {
        let synonyms = Synonyms {
            groups: vec![
                SynonymGroup {
                    name: "drama".into(),
                    terms: vec!["short drama".into(), "micro-drama".into()],
                },
                SynonymGroup {
                    name: "viewers".into(),
                    terms: vec!["viewers".into(), "people watch".into()],
                },
            ],
        };
        let table = SynonymTable::new(&synonyms);
        let tokens: Vec<String> = ["short", "drama", "viewer"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let found = table.find(&tokens);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].start, found[0].len), (0, 2));
        assert_eq!(
            found[0].alternatives,
            vec![vec!["micro".to_string(), "drama".to_string()]]
        );
        assert_eq!(
            found[1].alternatives,
            vec![vec!["peopl".to_string(), "watch".to_string()]]
        );
    }
}
