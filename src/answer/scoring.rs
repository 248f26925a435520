//! Scoring candidate sentences: every ranking signal of each sentence of the chosen articles,
//! from the query plan, the sentence's own words and figures, and its article.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::counted::{counts_another_thing, counts_people};
use super::coverage::{cover, models_by_article, Evidence, TermSet};
use super::engine::RANKED_ARTICLES;
use super::focus::near_quantity;
use super::head::counts_head;
use super::periods;
use super::query::QueryPlan;
use super::rank::{is_answer, measure_fit, period_fit, score, MeasureFit, Signals};
use super::wordforms::capitalised_words;
use super::wording::only_wording_counts;
use crate::index::{analyze, ArticleHit, ArticleInfo, DocKey, IndexError, KnowledgeIndex, SentenceHit};

/// A sentence of a chosen article, scored.
pub(super) struct Candidate {
    pub hit: SentenceHit,
    /// Its article's place in the article pool.
    pub article: usize,
    pub signals: Signals,
    pub score: f32,
    /// Good enough to show as an answer ([`is_answer`] of its signals).
    pub answers: bool,
}

/// Scores each sentence (paired with its article's place in `pool`) by every signal, best
/// first.
pub(super) fn rank(
    index: &KnowledgeIndex,
    plan: &QueryPlan,
    hits: Vec<(SentenceHit, usize)>,
    pool: &[ArticleHit],
) -> Result<Vec<Candidate>, IndexError> {
    // Only the best articles' scores are a signal; further down, BM25 over a whole article
    // says little about one of its sentences.
    let article_score = |i: usize| if i < RANKED_ARTICLES { pool[i].score } else { 0.0 };
    let best_article = (0..pool.len().min(RANKED_ARTICLES))
        .map(article_score)
        .fold(0.0, f32::max)
        .max(f32::EPSILON);
    let best_sentence = hits
        .iter()
        .map(|h| h.0.score)
        .fold(0.0, f32::max)
        .max(f32::EPSILON);

    // Which concepts each candidate article contains, in one pass over the postings.
    let mut in_pool: Vec<usize> = hits.iter().map(|h| h.1).collect();
    in_pool.sort_unstable();
    in_pool.dedup();
    let infos: HashMap<usize, Arc<ArticleInfo>> = in_pool
        .iter()
        .filter_map(|&i| index.article_at(pool[i].key).map(|info| (i, info)))
        .collect();
    let all_terms: Vec<String> = {
        let mut t: Vec<String> = plan
            .concepts
            .iter()
            .flat_map(|c| c.alternatives.iter().flat_map(|a| a.terms.iter().cloned()))
            .collect();
        t.sort();
        t.dedup();
        t
    };
    let article_keys: Vec<DocKey> = in_pool.iter().map(|&i| pool[i].key).collect();
    let contains = index.articles_containing(&article_keys, &all_terms)?;
    let article_terms: HashMap<usize, TermSet> = in_pool
        .iter()
        .zip(&contains)
        .map(|(&i, row)| {
            (
                i,
                all_terms
                    .iter()
                    .zip(row)
                    .filter(|(_, c)| **c)
                    .map(|(t, _)| t.as_str())
                    .collect(),
            )
        })
        .collect();

    let keys = plan.concepts.iter().filter(|c| c.key).count();
    let empty_set = TermSet::default();
    let empty_titles = rustc_hash::FxHashSet::default();

    // Each sentence's analysed terms and their byte spans, beside the hit and its article.
    let analysed: Vec<_> = hits
        .into_iter()
        .map(|(hit, article)| {
            let (terms, spans): (Vec<String>, Vec<Range<usize>>) =
                analyze(&hit.text).into_iter().map(|t| (t.term, t.span)).unzip();
            (hit, article, terms, spans)
        })
        .collect();
    let title_of = |article: &usize| infos.get(article).map_or(&empty_titles, |a| &a.title_terms);
    let models = models_by_article(
        plan,
        analysed.iter().map(|a| (a.1, a.2.as_slice(), title_of(&a.1))),
    );

    let mut candidates: Vec<Candidate> = analysed
        .into_iter()
        .map(|(hit, article, sentence_terms, term_spans)| {
            let acronyms = capitalised_words(&hit.text);
            let unit_fit = near_quantity(&all_terms, &plan.focus, &hit, &sentence_terms, &term_spans)
                || counts_head(&plan.head, &sentence_terms, &term_spans, &hit.payload.quantities);
            let evidence = Evidence {
                sentence: &sentence_terms,
                title: title_of(&article),
                headline: infos.get(&article).map_or(&empty_titles, |a| &a.headline_terms),
                lead: infos.get(&article).map_or(&[], |a| a.lead_terms.as_slice()),
                article: article_terms.get(&article).unwrap_or(&empty_set),
                acronyms: &acronyms,
                article_models: models.get(&article).map_or(&[], Vec::as_slice),
                counts_focus: unit_fit,
            };
            let coverage = cover(plan, &evidence);
            // "1.2 billion views" is no count of the users asked about, though near the word.
            let kinds: Vec<_> = hit
                .payload
                .quantities
                .iter()
                .filter(|q| !counts_another_thing(plan, q))
                .map(|q| q.kind)
                .collect();
            let signals = Signals {
                sentence_bm25: hit.score / best_sentence,
                article_bm25: article_score(article) / best_article,
                coverage: coverage.overall,
                sentence_coverage: coverage.in_sentence,
                keys,
                missing_keys: coverage.missing_keys,
                missing_models: coverage.missing_models,
                measure: measure_fit(&plan.measures, &kinds),
                wording_counts: only_wording_counts(&hit.text, &hit.payload.quantities, &plan.measures),
                unit_fit,
                focus_named: plan.focus_asked && sentence_terms.iter().any(|t| plan.focus.contains(t)),
                focus_asked: plan.focus_asked,
                kin_fit: near_quantity(&all_terms, &plan.kin, &hit, &sentence_terms, &term_spans),
                rate_fit: near_quantity(&all_terms, &plan.rate, &hit, &sentence_terms, &term_spans),
                period_fit: periods::both(
                    period_fit(&plan.years, hit.payload.period, &sentence_terms),
                    periods::period_fit(&plan.period, &hit.text),
                ),
                paragraph: hit.position.paragraph,
            };
            let score = score(&signals);
            Candidate {
                hit,
                article,
                answers: is_answer(&signals),
                signals,
                score,
            }
        })
        .collect();
    if counts_people(&plan.focus) {
        refuse_without_a_count(&mut candidates);
    }
    // A sentence that answers (names the query's entities, carries a figure) comes before
    // any that does not, however relevant: "They hope the song will raise more than £2m"
    // answers "how much" where the lead that names the singers does not.
    candidates.sort_by(|a, b| {
        b.answers
            .cmp(&a.answers)
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.hit.article.cmp(&b.hit.article))
            .then_with(|| a.hit.position.cmp(&b.hit.position))
    });
    Ok(candidates)
}

/// For a query counting people ("Douyin daily active users"): when no answering candidate
/// has a count, none answers. A share of downloads or "70% of the box office" from an article
/// about the right company answers another question; the user learns the knowledge base has
/// no such count. When one has a count, the others still follow it (a share of those viewers
/// is worth reading after their number).
fn refuse_without_a_count(candidates: &mut [Candidate]) {
    if candidates
        .iter()
        .any(|c| c.answers && c.signals.measure == MeasureFit::Fits)
    {
        return;
    }
    for candidate in candidates.iter_mut() {
        if candidate.signals.measure == MeasureFit::Misfits {
            candidate.answers = false;
        }
    }
}
