//! Sentences of given articles, found by document range and scored by BM25 without a search.
//!
//! An article's documents are added as one group (see `build::add_prepared`), so its
//! sentences are the `sentences` documents just before its article document, in one segment.
//! Scoring the sentences of a few dozen articles is then a handful of posting seeks per term,
//! where a search over every sentence of the corpus has to walk the terms' whole postings:
//! at 100,000 articles that search was half the answer time.

use std::ops::Range;

use tantivy::query::{EnableScoring, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Term, TERMINATED};

use super::hits::{DocKey, SentenceHit, WeightedTerm};
use super::reader::KnowledgeIndex;
use super::IndexError;

/// One sentence of a requested article, with its BM25 score for the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredSentence {
    /// Handle of the sentence document.
    pub key: DocKey,
    /// Sum of the boosted BM25 scores of the query terms it contains (0 when none).
    pub score: f32,
    /// Index of its article in the list asked about.
    pub article: usize,
    /// True when the sentence carries a quantity.
    pub is_fact: bool,
}

/// The sentence documents of one article in its segment.
struct ArticleRange {
    article: usize,
    segment: u32,
    docs: Range<DocId>,
    /// Where its scores start in the flat score buffer.
    offset: usize,
}

impl KnowledgeIndex {
    /// Every live sentence of the given articles (`facts_only`: those with quantities), each
    /// scored by BM25 with the terms' boosts, in document order.
    /// `articles` are article-document handles from this index, e.g. [`super::ArticleHit::key`].
    pub fn sentences_of(
        &self,
        terms: &[WeightedTerm],
        articles: &[DocKey],
        facts_only: bool,
    ) -> Result<Vec<ScoredSentence>, IndexError> {
        let searcher = self.searcher();
        let mut ranges = self.sentence_ranges(articles)?;
        ranges.sort_by_key(|r| (r.segment, r.docs.start));
        let mut scores = vec![0.0_f32; ranges.iter().map(|r| r.docs.len()).sum()];
        let enable = EnableScoring::enabled_from_searcher(&searcher);
        for term in terms.iter().filter(|t| t.boost > 0.0) {
            let weight = TermQuery::new(
                Term::from_field_text(self.fields.text, &term.term),
                IndexRecordOption::WithFreqs,
            )
            .weight(enable)?;
            for segment_ranges in ranges.chunk_by(|a, b| a.segment == b.segment) {
                let reader = searcher.segment_reader(segment_ranges[0].segment);
                let mut scorer = weight.scorer(reader, term.boost)?;
                for range in segment_ranges {
                    let mut doc = scorer.doc();
                    if doc == TERMINATED {
                        break;
                    }
                    if doc < range.docs.start {
                        doc = scorer.seek(range.docs.start);
                    }
                    while doc < range.docs.end {
                        scores[range.offset + (doc - range.docs.start) as usize] += scorer.score();
                        doc = scorer.advance();
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(scores.len());
        for segment_ranges in ranges.chunk_by(|a, b| a.segment == b.segment) {
            let segment = segment_ranges[0].segment;
            let reader = searcher.segment_reader(segment);
            let alive = reader.alive_bitset();
            let is_fact = &self.columns(segment)?.is_fact;
            for range in segment_ranges {
                for (i, doc) in range.docs.clone().enumerate() {
                    if alive.is_some_and(|a| a.is_deleted(doc)) {
                        continue;
                    }
                    let fact = is_fact.first(doc) == Some(1);
                    if facts_only && !fact {
                        continue;
                    }
                    out.push(ScoredSentence {
                        key: DocKey { segment, doc },
                        score: scores[range.offset + i],
                        article: range.article,
                        is_fact: fact,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Keys of the live sentences of one article (`facts_only`: those with quantities), in
    /// reading order; empty when the index has no such article.
    pub fn article_sentence_keys(
        &self,
        id: &crate::knowledge::ArticleId,
        facts_only: bool,
    ) -> Result<Vec<DocKey>, IndexError> {
        let Some(article) = self.article(id) else {
            return Ok(Vec::new());
        };
        Ok(self
            .sentences_of(&[], &[article.key], facts_only)?
            .into_iter()
            .map(|s| s.key)
            .collect())
    }

    /// The sentences of the paragraph holding sentence `key`, in reading order: its
    /// neighbours in the article's document range, read until the paragraph or the article
    /// ends (an article document, which has no `is_fact`, bounds each range), so a passage
    /// costs a few reads however long its article is.
    pub fn paragraph_of(&self, key: DocKey) -> Result<Vec<SentenceHit>, IndexError> {
        let searcher = self.searcher();
        let is_fact = &self.columns(key.segment)?.is_fact;
        let max_doc = searcher.segment_reader(key.segment).max_doc();
        let read = |doc: DocId| -> Result<Option<SentenceHit>, IndexError> {
            if is_fact.first(doc).is_none() {
                return Ok(None);
            }
            self.sentence_hit(
                &searcher,
                DocKey {
                    segment: key.segment,
                    doc,
                }
                .into(),
                0.0,
            )
            .map(Some)
        };
        let Some(this) = read(key.doc)? else {
            return Ok(Vec::new());
        };
        let paragraph = this.position.paragraph;
        let mut before = Vec::new();
        let mut doc = key.doc;
        while let Some(prev) = doc.checked_sub(1) {
            match read(prev)? {
                Some(hit) if hit.position.paragraph == paragraph => before.push(hit),
                _ => break,
            }
            doc = prev;
        }
        before.reverse();
        before.push(this);
        let mut doc = key.doc + 1;
        while doc < max_doc {
            match read(doc)? {
                Some(hit) if hit.position.paragraph == paragraph => before.push(hit),
                _ => break,
            }
            doc += 1;
        }
        Ok(before)
    }

    /// The document range of each article's sentences, with offsets into one flat buffer.
    fn sentence_ranges(&self, articles: &[DocKey]) -> Result<Vec<ArticleRange>, IndexError> {
        let mut ranges = Vec::with_capacity(articles.len());
        let mut offset = 0;
        for (article, key) in articles.iter().enumerate() {
            let count = self
                .columns(key.segment)?
                .sentences
                .first(key.doc)
                .ok_or_else(|| {
                    IndexError::Corrupt(format!("document {}/{} is not an article", key.segment, key.doc))
                })?;
            let start = u32::try_from(count)
                .ok()
                .and_then(|count| key.doc.checked_sub(count))
                .ok_or_else(|| {
                    IndexError::Corrupt(format!(
                        "article {}/{} counts {count} sentences",
                        key.segment, key.doc
                    ))
                })?;
            ranges.push(ArticleRange {
                article,
                segment: key.segment,
                docs: start..key.doc,
                offset,
            });
            offset += (key.doc - start) as usize;
        }
        Ok(ranges)
    }
}
