//! The searches a query plan asks of the index: every alternative of every concept as a
//! weighted term, for the sentence search and (without loose phrase words) the article search.

use crate::index::WeightedTerm;

use super::query::{Alternative, Origin, QueryPlan};

impl QueryPlan {
    /// True when the query has nothing to search for (empty, punctuation, stopwords only).
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty() && self.years.is_empty()
    }

    /// Terms for retrieval, each boosted by its concept's weight and its origin. Years are
    /// searched too (weakly): a sentence stating its period often names it.
    pub fn search_terms(&self) -> Vec<WeightedTerm> {
        self.terms_where(|_, _| true)
    }

    /// [`Self::search_terms`] for the article search, where a synonym phrase ("fixed line"
    /// for "landline") is searched by its rarest word only (`article_frequency` tells; the
    /// first on a tie). All its words would be mostly common words that find little and cost
    /// most (each is one more posting list for block-max WAND to juggle); none of them kept
    /// a story about "fixed phones" out of the candidates for "people who have ditched
    /// landlines". A phrase only counts when all its words match, which ranking checks in
    /// the candidates. The pool's sentences are still scored with every term.
    pub fn article_terms<E>(
        &self,
        article_frequency: impl Fn(&str) -> Result<u64, E>,
    ) -> Result<Vec<WeightedTerm>, E> {
        let mut rarest: Vec<&str> = Vec::new();
        for alt in self.concepts.iter().flat_map(|c| &c.alternatives) {
            if alt.terms.len() > 1 && alt.origin == Origin::Synonym {
                let mut best: Option<(u64, &str)> = None;
                for term in &alt.terms {
                    let frequency = article_frequency(term)?;
                    if best.is_none_or(|(f, _)| frequency < f) {
                        best = Some((frequency, term));
                    }
                }
                // A phrase with a word no article has matches nowhere.
                rarest.extend(best.filter(|(f, _)| *f > 0).map(|(_, t)| t));
            }
        }
        Ok(self.terms_where(|alt, term| {
            alt.terms.len() == 1 || alt.origin != Origin::Synonym || rarest.contains(&term)
        }))
    }

    /// Every term of every alternative that `keep` (alternative, term) keeps, with its boost.
    fn terms_where(&self, keep: impl Fn(&Alternative, &str) -> bool) -> Vec<WeightedTerm> {
        let mut out: Vec<WeightedTerm> = self
            .years
            .iter()
            .map(|y| WeightedTerm {
                term: y.to_string(),
                boost: 0.3,
            })
            .collect();
        for concept in &self.concepts {
            for alt in &concept.alternatives {
                let share = 1.0 / alt.terms.len() as f32;
                for term in alt.terms.iter().filter(|t| keep(alt, t)) {
                    let boost = alt.origin.strength() * share;
                    match out.iter_mut().find(|w| &w.term == term) {
                        Some(existing) => existing.boost = existing.boost.max(boost),
                        None => out.push(WeightedTerm {
                            term: term.clone(),
                            boost,
                        }),
                    }
                }
            }
        }
        out
    }
}
