//! A disjunction of weighted terms that tantivy can always prune with block-max WAND.
//!
//! tantivy prunes a union of term queries only when every term's postings carry frequencies.
//! A term missing from a segment gets empty postings without frequencies, which silently turns
//! off pruning for that whole segment and scores every posting of every other term: measured
//! at 100,000 articles, that was most of the answer time, since almost every query has a rare
//! or absent word. This query leaves out, per segment, the terms the segment does not have.

use std::sync::Arc;

use tantivy::query::{
    BooleanWeight, EmptyScorer, EnableScoring, Explanation, Occur, Query, Scorer, SumCombiner, TermQuery,
    Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, TantivyError, Term};

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
}
