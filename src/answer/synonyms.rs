//! Synonym groups in analysed form, for expanding query phrases.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::index::analyze;
use crate::knowledge::{is_han, Synonyms};

/// Synonym groups analysed, with every phrase indexed by its first term: a query looks up
/// its own words instead of comparing itself with every phrase of every group.
#[derive(Debug, Clone, Default)]
struct AnalysedGroups {
    /// Each group's phrases as analysed terms.
    groups: Vec<Vec<Vec<String>>>,
    /// First term -> (group, phrase) of every phrase starting with it.
    by_first: FxHashMap<String, Vec<(usize, usize)>>,
}

/// Analyses every phrase of every group (`han`: also those with Chinese characters).
fn analyse_groups(synonyms: &Synonyms, han: bool) -> AnalysedGroups {
    let groups: Vec<Vec<Vec<String>>> = synonyms
        .groups
        .iter()
        .map(|g| {
            g.terms
                .iter()
                .filter(|t| han || !t.chars().any(is_han))
                .map(|t| analyze(t).into_iter().map(|tok| tok.term).collect::<Vec<_>>())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut by_first: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
    for (g, group) in groups.iter().enumerate() {
        for (p, phrase) in group.iter().enumerate() {
            by_first.entry(phrase[0].clone()).or_default().push((g, p));
        }
    }
    AnalysedGroups { groups, by_first }
}

/// Synonym phrases as analysed token sequences, grouped.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    /// Groups used for queries without Chinese.
    groups: AnalysedGroups,
    /// When `groups` leaves out Chinese phrases: every phrase, analysed on first use.
    with_han: Option<LazyGroups>,
}

/// Groups analysed the first time they are needed.
#[derive(Debug, Clone)]
struct LazyGroups {
    source: Synonyms,
    analysed: OnceLock<AnalysedGroups>,
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
        Self {
            groups: analyse_groups(synonyms, true),
            with_han: None,
        }
    }

    /// For a knowledge base without Chinese text: Chinese phrases can match nothing in it,
    /// so they are analysed (which loads jieba's dictionary: ~40 ms and ~30 MB) only when a
    /// query itself contains Chinese and might name one.
    pub fn chinese_on_demand(synonyms: &Synonyms) -> Self {
        Self {
            groups: analyse_groups(synonyms, false),
            with_han: Some(LazyGroups {
                source: synonyms.clone(),
                analysed: OnceLock::new(),
            }),
        }
    }

    /// The groups to match `tokens` against.
    fn groups_for(&self, tokens: &[String]) -> &AnalysedGroups {
        match &self.with_han {
            Some(lazy) if tokens.iter().any(|t| t.chars().any(is_han)) => {
                lazy.analysed.get_or_init(|| analyse_groups(&lazy.source, true))
            }
            _ => &self.groups,
        }
    }

    /// Longest synonym phrases in `tokens`, left to right, non-overlapping.
    pub fn find(&self, tokens: &[String]) -> Vec<SynonymMatch> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut best: Option<SynonymMatch> = None;
            let analysed = self.groups_for(tokens);
            let starting_here = analysed.by_first.get(&tokens[i]).map_or(&[][..], Vec::as_slice);
            for &(g, p) in starting_here {
                let group = &analysed.groups[g];
                let phrase = &group[p];
                let len = phrase.len();
                let fits = tokens
                    .get(i..i + len)
                    .is_some_and(|window| window == phrase.as_slice());
                if !fits || best.as_ref().is_some_and(|b| len < b.len) {
                    continue;
                }
                let others = group.iter().filter(|p| *p != phrase);
                match best.as_mut() {
                    // The same phrase in several groups ("sales" is revenue, and also
                    // copies sold): it may mean any of them.
                    Some(b) if b.len == len => {
                        for other in others {
                            if !b.alternatives.contains(other) {
                                b.alternatives.push(other.clone());
                            }
                        }
                    }
                    _ => {
                        let mut alternatives: Vec<Vec<String>> = Vec::new();
                        for other in others {
                            if !alternatives.contains(other) {
                                alternatives.push(other.clone());
                            }
                        }
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

    #[test]
    fn a_phrase_in_several_groups_takes_the_alternatives_of_each() {
        let group = |name: &str, terms: &[&str]| SynonymGroup {
            name: name.into(),
            terms: terms.iter().map(|t| t.to_string()).collect(),
        };
        let synonyms = Synonyms {
            groups: vec![
                group("revenue", &["revenue", "sales"]),
                group("units_sold", &["sales", "sold", "revenue"]),
            ],
        };
        let found = SynonymTable::new(&synonyms).find(&["sale".to_string()]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].alternatives,
            vec![vec!["revenu".to_string()], vec!["sell".to_string()]]
        );
    }

    #[test]
    fn chinese_phrases_wait_for_a_chinese_query() {
        let synonyms = Synonyms {
            groups: vec![SynonymGroup {
                name: "viewers".into(),
                terms: vec!["viewers".into(), "audience".into(), "观众".into()],
            }],
        };
        let tokens = |words: &[&str]| words.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let lazy = SynonymTable::chinese_on_demand(&synonyms);
        let english = lazy.find(&tokens(&["viewer"]));
        assert_eq!(english[0].alternatives, vec![vec!["audienc".to_string()]]);
        assert!(lazy.with_han.as_ref().is_some_and(|l| l.analysed.get().is_none()));
        // A Chinese query finds the Chinese phrase and its English alternatives.
        let chinese = lazy.find(&tokens(&["观众"]));
        assert_eq!(chinese.len(), 1);
        assert_eq!(
            chinese[0].alternatives,
            vec![vec!["viewer".to_string()], vec!["audienc".to_string()]]
        );
        // The eager table offers the Chinese alternative to English queries too.
        let eager = SynonymTable::new(&synonyms).find(&tokens(&["viewer"]));
        assert_eq!(eager[0].alternatives.len(), 2);
    }
}
