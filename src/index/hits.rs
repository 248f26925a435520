//! The result types of the search primitives in [`super::search`]: plain data (no tantivy
//! types), so `answer/` stays free of tantivy.

use rustc_hash::FxHashSet;
use tantivy::DocAddress;

use super::payload::SentencePayload;
use crate::facts::Position;
use crate::knowledge::{ArticleId, ArticleMeta};

/// Opaque handle to one indexed document, valid for the index it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey {
    pub(super) segment: u32,
    pub(super) doc: u32,
}

impl DocKey {
    /// The key of document `doc` in segment `segment` (for tests and tools: a key only means
    /// something to the index it came from).
    pub fn new(segment: u32, doc: u32) -> Self {
        Self { segment, doc }
    }

    /// The document number within its segment.
    pub fn doc(self) -> u32 {
        self.doc
    }
}

impl From<DocAddress> for DocKey {
    fn from(a: DocAddress) -> Self {
        Self {
            segment: a.segment_ord,
            doc: a.doc_id,
        }
    }
}

impl From<DocKey> for DocAddress {
    fn from(k: DocKey) -> Self {
        DocAddress::new(k.segment, k.doc)
    }
}

/// An analysed search term with its weight in the query.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedTerm {
    /// Analysed form (as produced by [`super::analyze`]).
    pub term: String,
    /// Multiplier on the term's BM25 score.
    pub boost: f32,
}

/// A sentence found by a search, with everything needed to rank and cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceHit {
    /// Handle of the sentence document.
    pub key: DocKey,
    /// BM25 score of the sentence for the query (0 when fetched by article).
    pub score: f32,
    /// The article it belongs to.
    pub article: ArticleId,
    /// The sentence, verbatim.
    pub text: String,
    /// Paragraph and sentence numbers.
    pub position: Position,
    /// Quantities, period, report.
    pub payload: SentencePayload,
}

/// An article found by a search; its metadata is [`super::KnowledgeIndex::article_at`] the key
/// (not read up front: answers look at a few of the articles they score).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleHit {
    /// Handle of the article document.
    pub key: DocKey,
    /// BM25 score over title and body.
    pub score: f32,
}

/// What the index knows about one article, kept in memory for citations and `/sources`.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleInfo {
    /// Handle of the article document.
    pub key: DocKey,
    /// Article id.
    pub id: ArticleId,
    /// Citation metadata.
    pub meta: ArticleMeta,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of facts.
    pub facts: usize,
    /// The title's analysed terms, for ranking (analysed once, not per answer).
    pub title_terms: FxHashSet<String>,
    /// The analysed terms of the title and of the article's first sentence: what the whole
    /// article is about. News names its subject in the lead ("milk firm Yili") when the
    /// headline does not ("Police detain Chinese milk bosses"). Only the title's terms in the
    /// full list of sources, which ranking does not use.
    pub headline_terms: FxHashSet<String>,
    /// The analysed terms of the article's first sentence, in order (empty in the full list
    /// of sources): a name misspelt in a query is checked beside its other word here too.
    pub lead_terms: Vec<String>,
}
