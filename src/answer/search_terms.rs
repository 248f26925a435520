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
        self.terms_where(|_| true)
    }

    /// [`Self::search_terms`] for the article search: without the words of synonym phrases
    /// ("people watch" for "viewers"). A phrase only counts when all its words match, which
    /// ranking checks in the candidates; loose in an article search they are common words
    /// that find little and cost most (each is one more posting list for block-max WAND to
    /// juggle). The pool's sentences are still scored with every term.
    pub fn article_terms(&self) -> Vec<WeightedTerm> {
        self.terms_where(|alt| alt.terms.len() == 1 || !matches!(alt.origin, Origin::Synonym))
    }

    fn terms_where(&self, keep: impl Fn(&Alternative) -> bool) -> Vec<WeightedTerm> {
        let mut out: Vec<WeightedTerm> = self
            .years
            .iter()
            .map(|y| WeightedTerm {
                term: y.to_string(),
                boost: 0.3,
            })
            .collect();
        for concept in &self.concepts {
            for alt in concept.alternatives.iter().filter(|a| keep(a)) {
                let share = 1.0 / alt.terms.len() as f32;
                for term in &alt.terms {
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
