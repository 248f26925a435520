//! Which articles an answer looks into first: among articles that score alike, those that
//! name what the query names. Reads which articles hold which terms from the index.

use super::engine::RANKED_ARTICLES;
use super::query::{Concept, QueryPlan};
use crate::index::{ArticleHit, DocKey, IndexError, KnowledgeIndex, WeightedTerm};

/// Least weight (inverse article frequency) of a name that decides which articles are the
/// best: about one article in twenty or fewer.
const RARE_NAME_WEIGHT: f32 = 3.0;

/// Share of the best article's score within which articles compete on the names they hold.
const CLOSE_ARTICLE: f32 = 0.75;

/// The query's names (key concepts) rare enough to tell articles apart. Only those: "War of
/// the Worlds" names a film, but most articles with "war" and "world" in them are about
/// something else.
fn rare_names(plan: &QueryPlan) -> impl Iterator<Item = &Concept> {
    plan.concepts
        .iter()
        .filter(|c| c.key && c.weight >= RARE_NAME_WEIGHT)
}

/// Pool places in the order their articles compete to be the best ones: the first
/// [`RANKED_ARTICLES`] within [`CLOSE_ARTICLE`] of the best score by how many of the query's
/// rare names they lack, fewest first, else by score; the rest as they are. "Meteor Awards
/// Dublin crowd size" is about the one article that names the Meteor awards, however often
/// others say "awards".
pub(super) fn by_names_present(
    index: &KnowledgeIndex,
    plan: &QueryPlan,
    pool: &[ArticleHit],
) -> Result<Vec<usize>, IndexError> {
    let keys: Vec<&Concept> = rare_names(plan).collect();
    let scores: Vec<f32> = pool.iter().map(|a| a.score).collect();
    let close = close_articles(&scores);
    if keys.is_empty() || close < 2 {
        return Ok((0..pool.len()).collect());
    }
    let mut terms: Vec<String> = keys
        .iter()
        .flat_map(|c| c.alternatives.iter().flat_map(|a| a.terms.iter().cloned()))
        .collect();
    terms.sort();
    terms.dedup();
    let articles: Vec<DocKey> = pool[..close].iter().map(|a| a.key).collect();
    let contains = index.articles_containing(&articles, &terms)?;
    let missing: Vec<usize> = contains
        .iter()
        .map(|row| {
            let has = |t: &String| terms.binary_search(t).is_ok_and(|i| row[i]);
            keys.iter()
                .filter(|c| !c.alternatives.iter().any(|a| a.terms.iter().all(has)))
                .count()
        })
        .collect();
    Ok(order_by_missing(&missing, pool.len()))
}

/// Articles per rare name added to the pool when the pool lacks them.
const ARTICLES_PER_NAME: usize = 3;

/// Adds to `pool` the articles that best match each of the query's rare names, when the
/// article search left them out: "Thunderbirds movie production budget" ranks sixty
/// articles about film budgets above the one where "Thunderbirds ... cost $42m".
pub(super) fn add_rare_name_articles(
    index: &KnowledgeIndex,
    plan: &QueryPlan,
    pool: &mut Vec<ArticleHit>,
) -> Result<(), IndexError> {
    for concept in rare_names(plan) {
        let terms: Vec<WeightedTerm> = concept.alternatives[0]
            .terms
            .iter()
            .map(|t| WeightedTerm {
                term: t.clone(),
                boost: 1.0,
            })
            .collect();
        for hit in index.search_articles(&terms, ARTICLES_PER_NAME)? {
            if !pool.iter().any(|a| a.key == hit.key) {
                pool.push(hit);
            }
        }
    }
    Ok(())
}

/// How many of the first articles (best first) score within [`CLOSE_ARTICLE`] of the best,
/// at most [`RANKED_ARTICLES`].
fn close_articles(scores: &[f32]) -> usize {
    let top = scores.first().copied().unwrap_or(0.0);
    scores
        .iter()
        .take(RANKED_ARTICLES)
        .take_while(|s| **s >= CLOSE_ARTICLE * top)
        .count()
}

/// Places `0..len`, the first `missing.len()` ordered by how many names each lacks (a stable
/// sort: score order among equals), the rest as they are.
fn order_by_missing(missing: &[usize], len: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order[..missing.len()].sort_by_key(|&i| missing[i]);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_articles_close_to_the_best_compete_on_names() {
        assert_eq!(close_articles(&[10.0, 9.0, 7.5, 7.4, 1.0]), 3);
        assert_eq!(close_articles(&[]), 0);
        assert_eq!(close_articles(&[5.0; 20]), RANKED_ARTICLES);
    }

    #[test]
    fn articles_lacking_fewer_names_come_first_in_score_order() {
        assert_eq!(order_by_missing(&[1, 0, 1, 0], 6), vec![1, 3, 0, 2, 4, 5]);
        assert_eq!(order_by_missing(&[], 2), vec![0, 1]);
    }
}
