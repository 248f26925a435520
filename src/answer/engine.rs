//! The answering engine: holds the index in use (swappable on reload) and turns queries into
//! ranked, cited answers.

use std::collections::HashSet;
use std::sync::Arc;

use arc_swap::ArcSwap;

use super::candidates::{best_articles, pick_candidates};
use super::cite::{add_passage, cite};
use super::compare::{compared_sides, merge};
use super::disagreement::{group_disagreement, subjects_named};
use super::lexicon::Lexicon;
use super::names::{add_rare_name_articles, by_names_present};
use super::query::{plan, QueryPlan};
use super::scoring::rank;
use super::synonyms::SynonymTable;
use super::translations::{mostly_cjk, FactPrint};
use super::types::{Answer, Command};
use crate::index::{ArticleHit, DocKey, IndexError, KnowledgeIndex};

/// Articles whose sentences are scored: the best articles by BM25 over title and body.
/// Sentences elsewhere are not looked at: scoring these few articles' sentences by document
/// range replaced a BM25 search over every sentence of the corpus, which was half the answer
/// time at 100,000 articles. On the BBC dev cases 60 ranks exactly like that search; 10 to 30
/// lose a case each.
const ARTICLE_POOL: usize = 60;
/// Of those, the articles whose scores are a ranking signal.
pub(super) const RANKED_ARTICLES: usize = 10;
/// Most facts an answer lists.
pub const MAX_FACTS: usize = 25;

/// One index generation with what the engine derives from it once.
#[derive(Debug)]
pub struct Snapshot {
    /// The index.
    pub index: KnowledgeIndex,
    synonyms: SynonymTable,
}

impl Snapshot {
    /// Wraps an opened index.
    pub fn new(index: KnowledgeIndex) -> Self {
        // Without Chinese articles, Chinese synonyms wait for a Chinese query (jieba's
        // dictionary is ~30 MB); if the check fails, analyse everything as before.
        let synonyms = if index.has_chinese().unwrap_or(true) {
            SynonymTable::new(index.synonyms())
        } else {
            SynonymTable::chinese_on_demand(index.synonyms())
        };
        Self { index, synonyms }
    }
}

impl Lexicon for KnowledgeIndex {
    fn article_count(&self) -> u64 {
        self.article_count() as u64
    }
    fn article_frequency(&self, term: &str) -> u64 {
        KnowledgeIndex::article_frequency(self, term).unwrap_or(0)
    }
    fn sentence_count(&self) -> u64 {
        self.head().totals.sentences as u64
    }
    fn sentence_frequency(&self, term: &str) -> u64 {
        KnowledgeIndex::sentence_frequency(self, term).unwrap_or(0)
    }
    fn similar_terms(&self, term: &str, max_distance: usize) -> Vec<(String, u64)> {
        KnowledgeIndex::similar_terms(self, term, max_distance).unwrap_or_default()
    }
    fn written_as_name(&self, term: &str) -> bool {
        KnowledgeIndex::written_as_name(self, term).unwrap_or(false)
    }
}

/// Answers queries against the current snapshot; `swap` replaces it atomically while
/// searches in flight finish on the old one.
#[derive(Debug)]
pub struct Engine {
    current: ArcSwap<Snapshot>,
}

impl Engine {
    /// An engine serving `index`.
    pub fn new(index: KnowledgeIndex) -> Self {
        Self {
            current: ArcSwap::from_pointee(Snapshot::new(index)),
        }
    }

    /// The snapshot in use (kept alive by the returned `Arc` even across a swap).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// Serves `index` from now on.
    pub fn swap(&self, index: KnowledgeIndex) {
        self.current.store(Arc::new(Snapshot::new(index)));
    }

    /// Top facts for a topic.
    pub fn stat(&self, topic: &str, limit: usize) -> Result<Answer, IndexError> {
        self.answer(Command::Stat, topic, limit)
    }

    /// Best passages for a question.
    pub fn ask(&self, question: &str, limit: usize) -> Result<Answer, IndexError> {
        self.answer(Command::Ask, question, limit)
    }

    /// Answers `query` for `command`, at most `limit` facts.
    pub fn answer(&self, command: Command, query: &str, limit: usize) -> Result<Answer, IndexError> {
        let snapshot = self.snapshot();
        answer_with(&snapshot, command, query, limit.clamp(1, MAX_FACTS))
    }
}

/// Answers against one snapshot. A comparison ("Kuaishou vs Douyin viewers") is also asked
/// side by side (see `compare`).
pub fn answer_with(
    snapshot: &Snapshot,
    command: Command,
    query: &str,
    limit: usize,
) -> Result<Answer, IndexError> {
    let index = &snapshot.index;
    let whole_plan = plan(query, index, &snapshot.synonyms);
    let sides = compared_sides(query, |word| whole_plan.concepts.iter().any(|c| c.text == word));
    if sides.is_empty() {
        return answer_planned(snapshot, command, query, &whole_plan, limit);
    }
    let whole = answer_planned(snapshot, command, query, &whole_plan, MAX_FACTS)?;
    let parts = sides
        .iter()
        .map(|side| {
            let side_plan = plan(&side.query, index, &snapshot.synonyms);
            answer_planned(snapshot, command, &side.query, &side_plan, MAX_FACTS)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(merge(whole, &sides, parts, limit))
}

/// Answers `query` as planned, as one query.
fn answer_planned(
    snapshot: &Snapshot,
    command: Command,
    query: &str,
    plan: &QueryPlan,
    limit: usize,
) -> Result<Answer, IndexError> {
    let index = &snapshot.index;
    let mut answer = Answer {
        command,
        query: query.to_string(),
        no_answer: true,
        facts: Vec::new(),
        matched: 0,
        suggestions: Vec::new(),
        disagreements: Vec::new(),
        compared: Vec::new(),
        kb_version: index.kb_version().to_string(),
    };
    if plan.is_empty() {
        return Ok(answer);
    }
    let terms = plan.search_terms();
    let facts_only = command == Command::Stat;
    let mut pool =
        index.search_articles(&plan.article_terms(|t| index.article_frequency(t))?, ARTICLE_POOL)?;
    add_rare_name_articles(index, plan, &mut pool)?;
    let keys: Vec<DocKey> = pool.iter().map(|a| a.key).collect();
    let scored = index.sentences_of(&terms, &keys, facts_only)?;
    let scores: Vec<f32> = pool.iter().map(|a| a.score).collect();
    let same_shape = |i: usize, j: usize| {
        let shape = |k: usize| index.article_at(pool[k].key).map(|a| (a.paragraphs, a.facts));
        shape(i) == shape(j)
    };
    // Among articles scoring close to the best, those holding the query's rare names are
    // chosen as the best first (see `names`).
    let order = by_names_present(index, plan, &pool)?;
    let ordered_scores: Vec<f32> = order.iter().map(|&i| scores[i]).collect();
    let best: Vec<usize> = best_articles(&ordered_scores, |i, j| same_shape(order[i], order[j]))
        .into_iter()
        .map(|i| order[i])
        .collect();
    let picked = pick_candidates(&scored, &best);
    let texts = index.sentences(picked.iter().map(|s| (s.key, s.score)))?;
    let hits = texts.into_iter().zip(picked.iter().map(|s| s.article)).collect();
    let candidates = rank(index, plan, hits, &pool)?;
    // `RUST_LOG=factbot::answer=trace` shows every candidate, shown or not, with its signals.
    if tracing::enabled!(tracing::Level::TRACE) {
        for c in &candidates {
            tracing::trace!(
                answers = c.answers,
                score = c.score,
                article = c.article,
                signals = ?c.signals,
                "candidate: {}",
                c.hit.text
            );
        }
    }
    let Some(best) = candidates.first() else {
        answer.suggestions = nearest_titles(index, &pool);
        return Ok(answer);
    };
    answer.no_answer = !best.answers;
    // Copies of a story are one fact here too (see `shown` below).
    let mut distinct: HashSet<(&str, usize)> = HashSet::new();
    answer.matched = candidates
        .iter()
        .filter(|c| c.answers && distinct.insert((c.hit.text.as_str(), c.hit.position.paragraph)))
        .count();
    if answer.no_answer {
        answer.suggestions = nearest_titles(index, &pool);
    }

    let mut shown: HashSet<(String, usize)> = HashSet::new();
    // Parallel to `answer.facts`: what spots the same fact in the other language.
    let mut prints: Vec<FactPrint> = Vec::new();
    let query_cjk = mostly_cjk(query);
    for candidate in candidates {
        if answer.facts.len() >= limit {
            break;
        }
        let Some(article) = index.article_at(pool[candidate.article].key) else {
            continue;
        };
        // Copies of a story (the same file twice, or refiled under another headline) would
        // show the same sentence twice: the same words in the same paragraph are one fact.
        if !shown.insert((candidate.hit.text.clone(), candidate.hit.position.paragraph)) {
            continue;
        }
        if !answer.facts.is_empty() && !candidate.answers {
            break;
        }
        let print = FactPrint::new(
            &candidate.hit.text,
            &candidate.hit.payload.quantities,
            article.meta.published,
            article.meta.author.as_deref(),
        );
        let translated = prints.iter().position(|p| p.translates(&print));
        if translated.is_some_and(|j| prints[j].cjk == query_cjk) {
            continue;
        }
        let mut fact = cite(&article, &candidate.hit, candidate.score);
        fact.signals = Some(candidate.signals);
        if command == Command::Ask {
            add_passage(&index.paragraph_of(candidate.hit.key)?, &mut fact);
        }
        // Shown once, in the query's script, where the better-ranked rendering was.
        match translated {
            Some(j) => (answer.facts[j], prints[j]) = (fact, print),
            None => {
                answer.facts.push(fact);
                prints.push(print);
            }
        }
    }
    if !answer.no_answer {
        answer.disagreements = group_disagreement(&mut answer.facts, &plan.measures, subjects_named(plan));
    }
    Ok(answer)
}

/// Titles of the best articles, offered as topics to try when nothing matched.
fn nearest_titles(index: &KnowledgeIndex, pool: &[ArticleHit]) -> Vec<String> {
    pool.iter()
        .take(3)
        .filter_map(|a| index.article_at(a.key))
        .map(|a| a.meta.title.clone())
        .collect()
}
