//! A disjunction of weighted terms that tantivy can always prune with block-max WAND.
//!
//! tantivy prunes a union of term queries only when every term's postings carry frequencies.
//! A term missing from a segment gets empty postings without frequencies, which silently turns
//! off pruning for that whole segment and scores every posting of every other term: measured
//! at 100,000 articles, that was most of the answer time, since almost every query has a rare
//! or absent word. This query leaves out, per segment, the terms the segment does not have.
//! [`top_docs`] then collects the best documents with one threshold across all segments.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::query::{
    BooleanWeight, EmptyScorer, EnableScoring, Explanation, Occur, Query, Scorer, SumCombiner, TermQuery,
    Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyError, Term};

/// Documents matching any of the terms, scored by the sum of their boosted BM25 scores.
#[derive(Debug, Clone)]
pub struct TermUnionQuery {
    terms: Vec<(Term, Score)>,
}

impl TermUnionQuery {
    /// A union of `(term, boost)`; boosts must be positive.
    pub fn new(terms: Vec<(Term, Score)>) -> Self {
        Self { terms }
    }
}

impl Query for TermUnionQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let terms = self
            .terms
            .iter()
            .map(|(term, boost)| {
                let weight =
                    TermQuery::new(term.clone(), IndexRecordOption::WithFreqs).weight(enable_scoring)?;
                Ok(SharedTerm {
                    term: term.clone(),
                    weight: Arc::from(weight),
                    boost: *boost,
                })
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(TermUnionWeight { terms }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (term, _) in &self.terms {
            visitor(term, false);
        }
    }
}

/// One term's weight (shared by every segment) and its boost.
#[derive(Clone)]
struct SharedTerm {
    term: Term,
    weight: Arc<dyn Weight>,
    boost: Score,
}

impl Weight for SharedTerm {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.weight.scorer(reader, boost * self.boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.weight.explain(reader, doc)?;
        let mut explanation =
            Explanation::new_with_string(format!("boost x{}", self.boost), inner.value() * self.boost);
        explanation.add_detail(inner);
        Ok(explanation)
    }
}

struct TermUnionWeight {
    terms: Vec<SharedTerm>,
}

impl TermUnionWeight {
    /// The terms that have postings in this segment.
    fn present(&self, reader: &SegmentReader) -> tantivy::Result<Vec<SharedTerm>> {
        let mut present = Vec::with_capacity(self.terms.len());
        for shared in &self.terms {
            let inverted = reader.inverted_index(shared.term.field())?;
            if inverted.get_term_info(&shared.term)?.is_some() {
                present.push(shared.clone());
            }
        }
        Ok(present)
    }

    fn boolean(present: Vec<SharedTerm>) -> BooleanWeight<SumCombiner> {
        let clauses = present
            .into_iter()
            .map(|t| (Occur::Should, Box::new(t) as Box<dyn Weight>))
            .collect();
        BooleanWeight::new(clauses, true, Box::new(SumCombiner::default))
    }
}

impl Weight for TermUnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut present = self.present(reader)?;
        match present.len() {
            0 => Ok(Box::new(EmptyScorer)),
            1 => present.remove(0).scorer(reader, boost),
            _ => Self::boolean(present).scorer(reader, boost),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let present = self.present(reader)?;
        if present.is_empty() {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} matches no term"
            )));
        }
        Self::boolean(present).explain(reader, doc)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut present = self.present(reader)?;
        match present.len() {
            0 => Ok(()),
            1 => {
                // A lone term prunes on its own (tantivy's single-term block-max WAND), unboosted:
                // scores and thresholds are scaled across the boost instead.
                let only = present.remove(0);
                let boost = only.boost;
                if boost <= 0.0 {
                    return only.weight.for_each_pruning(threshold, reader, callback);
                }
                only.weight
                    .for_each_pruning(threshold / boost, reader, &mut |doc, score| {
                        callback(doc, score * boost) / boost
                    })
            }
            _ => Self::boolean(present).for_each_pruning(threshold, reader, callback),
        }
    }
}

/// The `limit` best documents for `query`, best first (ties by address), like tantivy's
/// `TopDocs` except that the score threshold carries over from one segment to the next: a
/// fresh threshold per segment makes every segment prune from scratch, and segments of one
/// knowledge base look alike, so after the first the threshold is already near its final value.
pub fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
) -> tantivy::Result<Vec<(Score, DocAddress)>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    // Min-heap of the best so far: its top is the score to beat once it is full.
    let mut best: BinaryHeap<Reverse<Ranked>> = BinaryHeap::with_capacity(limit + 1);
    let mut threshold = Score::MIN;
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let segment_ord =
            u32::try_from(ord).map_err(|_| TantivyError::InvalidArgument("too many segments".into()))?;
        let alive = reader.alive_bitset();
        weight.for_each_pruning(threshold, reader, &mut |doc, score| {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                return threshold;
            }
            best.push(Reverse(Ranked {
                score,
                address: DocAddress::new(segment_ord, doc),
            }));
            if best.len() > limit {
                best.pop();
            }
            if best.len() == limit {
                threshold = best.peek().map_or(Score::MIN, |r| r.0.score);
            }
            threshold
        })?;
    }
    let mut ranked: Vec<Ranked> = best.into_iter().map(|r| r.0).collect();
    ranked.sort_by(|a, b| b.cmp(a));
    Ok(ranked.into_iter().map(|r| (r.score, r.address)).collect())
}

/// A scored document, ordered by score, then by earlier address first.
#[derive(Clone, Copy, PartialEq)]
struct Ranked {
    score: Score,
    address: DocAddress,
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.address.cmp(&self.address))
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    use super::*;

    /// Two segments, one without the term "rare": the union must rank exactly as tantivy's
    /// own boolean query of boosted terms does.
    #[test]
    fn ranks_like_a_boolean_union_across_segments_missing_a_term() -> tantivy::Result<()> {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        for i in 0..300 {
            let body = match i % 5 {
                0 => "common word here".to_string(),
                1 => format!("common common filler {i}"),
                _ => format!("filler {i}"),
            };
            writer.add_document(doc!(text => body))?;
        }
        writer.commit()?;
        writer.add_document(doc!(text => "rare common"))?;
        writer.add_document(doc!(text => "rare"))?;
        writer.add_document(doc!(text => "word"))?;
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        assert_eq!(searcher.segment_readers().len(), 2);

        let weighted = [("common", 1.0), ("rare", 2.5), ("word", 0.5), ("absent", 3.0)];
        let ours = TermUnionQuery::new(
            weighted
                .iter()
                .map(|(w, b)| (Term::from_field_text(text, w), *b))
                .collect(),
        );
        let theirs = BooleanQuery::new(
            weighted
                .iter()
                .map(|(w, b)| {
                    let term = TermQuery::new(Term::from_field_text(text, w), IndexRecordOption::WithFreqs);
                    (
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(term), *b)) as Box<dyn Query>,
                    )
                })
                .collect(),
        );
        for limit in [1, 3, 10, 200] {
            let a = searcher.search(&ours, &TopDocs::with_limit(limit))?;
            let b = searcher.search(&theirs, &TopDocs::with_limit(limit))?;
            let scores = |v: &[(Score, tantivy::DocAddress)]| v.iter().map(|(s, _)| *s).collect::<Vec<_>>();
            assert_eq!(scores(&a), scores(&b), "limit {limit}");
        }
        // Carrying the threshold across segments finds the same documents as TopDocs.
        for limit in [1, 2, 5, 50, 400] {
            let a = top_docs(&searcher, &ours, limit)?;
            let b = searcher.search(&theirs, &TopDocs::with_limit(limit))?;
            assert_eq!(a.len(), b.len(), "limit {limit}");
            for ((sa, _), (sb, _)) in a.iter().zip(&b) {
                assert!((sa - sb).abs() < 1e-5, "limit {limit}: {sa} vs {sb}");
            }
        }
        // Only one term present in a segment, boosted: the single-term path scales scores.
        let lone = TermUnionQuery::new(vec![(Term::from_field_text(text, "rare"), 2.5)]);
        let plain = TermQuery::new(Term::from_field_text(text, "rare"), IndexRecordOption::WithFreqs);
        let a = searcher.search(&lone, &TopDocs::with_limit(5))?;
        let b = searcher.search(&BoostQuery::new(Box::new(plain), 2.5), &TopDocs::with_limit(5))?;
        assert_eq!(a.len(), 2);
        for ((sa, da), (sb, db)) in a.iter().zip(&b) {
            assert_eq!(da, db);
            assert!((sa - sb).abs() < 1e-4, "{sa} vs {sb}");
        }
        // Nothing present at all: no hits, no error.
        let none = TermUnionQuery::new(vec![(Term::from_field_text(text, "absent"), 1.0)]);
        assert!(searcher.search(&none, &TopDocs::with_limit(5))?.is_empty());
        Ok(())
    }

    #[test]
    fn top_docs_skips_deleted_documents() -> tantivy::Result<()> {
        let mut builder = Schema::builder();
        let text = builder.add_text_field("text", TEXT);
        let id = builder.add_text_field("id", tantivy::schema::STRING);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        for (key, body) in [("a", "drama drama"), ("b", "drama"), ("c", "drama viewers")] {
            writer.add_document(doc!(id => key, text => body))?;
        }
        writer.commit()?;
        writer.delete_term(Term::from_field_text(id, "a"));
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let query = TermUnionQuery::new(vec![(Term::from_field_text(text, "drama"), 1.0)]);
        let found = top_docs(&searcher, &query, 5)?;
        assert_eq!(found.len(), 2);
        for (_, address) in found {
            let doc: tantivy::TantivyDocument = searcher.doc(address)?;
            let key = doc.get_first(id).and_then(|v| tantivy::schema::Value::as_str(&v));
            assert_ne!(key, Some("a"));
        }
        Ok(())
    }
}
