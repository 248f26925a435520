//! An opened index generation and the search primitives the answer layer builds on. Every
//! result is plain data (no tantivy types), so `answer/` stays free of tantivy.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, DocSet, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term, TERMINATED,
};

use super::manifest::Manifest;
use super::payload::{ArticlePayload, SentencePayload};
use super::schema::{kind, register_analyzers, schema, Fields, SCHEMA_VERSION};
use super::IndexError;
use crate::facts::Position;
use crate::knowledge::{ArticleId, ArticleMeta, Synonyms};

/// Opaque handle to one indexed document, valid for the index it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey {
    segment: u32,
    doc: u32,
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

impl SentenceHit {
    /// True when the sentence carries a quantity.
    pub fn is_fact(&self) -> bool {
        !self.payload.quantities.is_empty()
    }
}

/// An article found by a search.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleHit {
    /// Handle of the article document.
    pub key: DocKey,
    /// BM25 score over title and body.
    pub score: f32,
    /// Which article.
    pub article: ArticleId,
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
}

/// One opened, immutable index generation.
pub struct KnowledgeIndex {
    dir: PathBuf,
    reader: IndexReader,
    fields: Fields,
    manifest: Manifest,
    synonyms: Synonyms,
    articles: HashMap<ArticleId, ArticleInfo>,
}

impl std::fmt::Debug for KnowledgeIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeIndex")
            .field("dir", &self.dir)
            .field("kb_version", &self.manifest.kb_version)
            .field("articles", &self.articles.len())
            .finish_non_exhaustive()
    }
}

impl KnowledgeIndex {
    /// Opens the generation in `dir`, checking its manifest and schema version.
    pub fn open(dir: &Path, synonyms: Synonyms) -> Result<Self, IndexError> {
        let manifest = Manifest::read(dir)?;
        if manifest.schema_version != SCHEMA_VERSION {
            return Err(IndexError::OutdatedSchema {
                found: manifest.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let index =
            Index::open_in_dir(dir).map_err(|e| IndexError::Corrupt(format!("{}: {e}", dir.display())))?;
        register_analyzers(&index);
        let (_, fields) = schema();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut this = Self {
            dir: dir.to_path_buf(),
            reader,
            fields,
            manifest,
            synonyms,
            articles: HashMap::new(),
        };
        this.articles = this.load_articles()?;
        this.check_sentence_payload()?;
        Ok(this)
    }

    fn load_articles(&self) -> Result<HashMap<ArticleId, ArticleInfo>, IndexError> {
        let searcher = self.searcher();
        let query = TermQuery::new(self.kind_term(kind::ARTICLE), IndexRecordOption::Basic);
        let docs = searcher.search(&query, &DocSetCollector)?;
        let mut articles = HashMap::with_capacity(docs.len());
        for address in docs {
            let doc: TantivyDocument = searcher.doc(address)?;
            let id = ArticleId::new(self.str_field(&doc, self.fields.article_id));
            let payload: ArticlePayload = serde_json::from_str(self.str_field(&doc, self.fields.payload))
                .map_err(|e| IndexError::Corrupt(format!("article {id}: {e}")))?;
            articles.insert(
                id.clone(),
                ArticleInfo {
                    key: address.into(),
                    id,
                    meta: payload.meta,
                    paragraphs: payload.paragraphs,
                    facts: payload.facts,
                },
            );
        }
        Ok(articles)
    }

    /// Reads one sentence document, so an index whose stored payloads this build cannot read
    /// is found at open (and rebuilt) rather than failing every answer.
    fn check_sentence_payload(&self) -> Result<(), IndexError> {
        let searcher = self.searcher();
        let query = TermQuery::new(self.kind_term(kind::SENTENCE), IndexRecordOption::Basic);
        if let Some((_, address)) = searcher
            .search(&query, &TopDocs::with_limit(1))?
            .into_iter()
            .next()
        {
            self.sentence_hit(&searcher, address, 0.0)?;
        }
        Ok(())
    }

    /// The generation directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The manifest the generation was built with.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Knowledge-base version shown in answers.
    pub fn kb_version(&self) -> &str {
        &self.manifest.kb_version
    }

    /// The synonyms in force for this generation.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// Metadata of one article.
    pub fn article(&self, id: &ArticleId) -> Option<&ArticleInfo> {
        self.articles.get(id)
    }

    /// Every article, in id order.
    pub fn articles(&self) -> Vec<&ArticleInfo> {
        let mut all: Vec<_> = self.articles.values().collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }

    /// Number of articles.
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    fn kind_term(&self, kind: &str) -> Term {
        Term::from_field_text(self.fields.kind, kind)
    }

    fn str_field<'a>(&self, doc: &'a TantivyDocument, field: tantivy::schema::Field) -> &'a str {
        doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("")
    }

    fn u64_field(&self, doc: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
        doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
    }

    /// Sentences matching any of `terms` (scored by BM25 with the terms' boosts).
    pub fn search_sentences(
        &self,
        terms: &[WeightedTerm],
        facts_only: bool,
        limit: usize,
    ) -> Result<Vec<SentenceHit>, IndexError> {
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // A pure disjunction over the sentence field (only sentence documents have it) lets
        // tantivy skip blocks that cannot reach the top (block-max WAND); required filters
        // would make it score every matching sentence. Facts are kept afterwards by their
        // fast field, from a deeper list, before any stored document is read.
        let depth = if facts_only { limit * 4 } else { limit };
        let searcher = self.searcher();
        let top = searcher.search(
            &self.terms_query(self.fields.text, terms),
            &TopDocs::with_limit(depth),
        )?;
        let mut hits = Vec::with_capacity(limit);
        for (score, address) in top {
            if hits.len() >= limit {
                break;
            }
            if facts_only && !self.is_fact(&searcher, address)? {
                continue;
            }
            hits.push(self.sentence_hit(&searcher, address, score)?);
        }
        Ok(hits)
    }

    fn is_fact(&self, searcher: &Searcher, address: DocAddress) -> Result<bool, IndexError> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64("is_fact")?;
        Ok(column.first(address.doc_id) == Some(1))
    }

    /// Like [`Self::search_sentences`], restricted to the given articles: scores the
    /// sentences of the best articles even when they rank low corpus-wide.
    pub fn search_sentences_in(
        &self,
        terms: &[WeightedTerm],
        articles: &[&ArticleId],
        facts_only: bool,
        limit: usize,
    ) -> Result<Vec<SentenceHit>, IndexError> {
        if terms.is_empty() || articles.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let ids = articles
            .iter()
            .map(|a| Term::from_field_text(self.fields.article_id, a.as_str()));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, self.filter(self.kind_term(kind::SENTENCE))),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(TermSetQuery::new(ids)), 0.0)),
            ),
            (Occur::Must, Box::new(self.terms_query(self.fields.text, terms))),
        ];
        if facts_only {
            clauses.push((
                Occur::Must,
                self.filter(Term::from_field_u64(self.fields.is_fact, 1)),
            ));
        }
        let searcher = self.searcher();
        let top = searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit))?;
        top.into_iter()
            .map(|(score, address)| self.sentence_hit(&searcher, address, score))
            .collect()
    }

    /// Articles matching any of `terms` over title (boosted) and body.
    pub fn search_articles(
        &self,
        terms: &[WeightedTerm],
        limit: usize,
    ) -> Result<Vec<ArticleHit>, IndexError> {
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let title_terms: Vec<WeightedTerm> = terms
            .iter()
            .map(|t| WeightedTerm {
                term: t.term.clone(),
                boost: t.boost * 1.5,
            })
            .collect();
        let either: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Should,
                Box::new(self.terms_query(self.fields.title, &title_terms)),
            ),
            (Occur::Should, Box::new(self.terms_query(self.fields.body, terms))),
        ];
        let query = BooleanQuery::new(vec![
            (Occur::Must, self.filter(self.kind_term(kind::ARTICLE))),
            (Occur::Must, Box::new(BooleanQuery::new(either))),
        ]);
        let searcher = self.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit))?;
        top.into_iter()
            .map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(ArticleHit {
                    key: address.into(),
                    score,
                    article: ArticleId::new(self.str_field(&doc, self.fields.article_id)),
                })
            })
            .collect()
    }

    /// All sentences of one article in reading order (`facts_only` keeps those with numbers).
    pub fn article_sentences(
        &self,
        id: &ArticleId,
        facts_only: bool,
    ) -> Result<Vec<SentenceHit>, IndexError> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, self.filter(self.kind_term(kind::SENTENCE))),
            (
                Occur::Must,
                self.filter(Term::from_field_text(self.fields.article_id, id.as_str())),
            ),
        ];
        if facts_only {
            clauses.push((
                Occur::Must,
                self.filter(Term::from_field_u64(self.fields.is_fact, 1)),
            ));
        }
        let searcher = self.searcher();
        let docs = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?;
        let mut hits = docs
            .into_iter()
            .map(|address| self.sentence_hit(&searcher, address, 0.0))
            .collect::<Result<Vec<_>, _>>()?;
        hits.sort_by_key(|h| h.position);
        Ok(hits)
    }

    /// For each article and each term: does the article's title or body contain the term?
    /// Walks posting lists only as far as the candidate documents, so the cost does not grow
    /// with the corpus beyond the terms' own postings.
    pub fn articles_containing(
        &self,
        articles: &[DocKey],
        terms: &[String],
    ) -> Result<Vec<Vec<bool>>, IndexError> {
        let mut out = vec![vec![false; terms.len()]; articles.len()];
        let searcher = self.searcher();
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by_key(|&i| articles[i]);
        for (t, term) in terms.iter().enumerate() {
            for field in [self.fields.body, self.fields.title] {
                let term = Term::from_field_text(field, term);
                let mut segment = u32::MAX;
                let mut postings = None;
                for &i in &order {
                    let key = articles[i];
                    if key.segment != segment {
                        segment = key.segment;
                        let inverted = searcher.segment_reader(segment).inverted_index(field)?;
                        postings = inverted.read_postings(&term, IndexRecordOption::Basic)?;
                    }
                    if let Some(p) = postings.as_mut() {
                        if p.doc() != TERMINATED && p.doc() <= key.doc && p.seek(key.doc) == key.doc {
                            out[i][t] = true;
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// In how many articles `term` (analysed) occurs.
    pub fn article_frequency(&self, term: &str) -> Result<u64, IndexError> {
        Ok(self
            .searcher()
            .doc_freq(&Term::from_field_text(self.fields.body, term))?)
    }

    /// Indexed terms within `max_distance` edits of `term` that share its first character,
    /// with their article frequency; for typo-tolerant queries.
    pub fn similar_terms(&self, term: &str, max_distance: usize) -> Result<Vec<(String, u64)>, IndexError> {
        let Some(first) = term.chars().next() else {
            return Ok(Vec::new());
        };
        let mut upper = first.to_string();
        upper.push(char::MAX);
        let mut found: HashMap<String, u64> = HashMap::new();
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.body)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(first.to_string())
                .lt(upper.as_bytes())
                .into_stream()?;
            while stream.advance() {
                let Ok(candidate) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if candidate.len().abs_diff(term.len()) > max_distance || candidate == term {
                    continue;
                }
                if super::edit_distance::within(term, candidate, max_distance) {
                    *found.entry(candidate.to_string()).or_default() += u64::from(stream.value().doc_freq);
                }
            }
        }
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(found)
    }

    fn filter(&self, term: Term) -> Box<dyn Query> {
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            0.0,
        ))
    }

    fn terms_query(&self, field: tantivy::schema::Field, terms: &[WeightedTerm]) -> BooleanQuery {
        let clauses = terms
            .iter()
            .map(|t| {
                let query = TermQuery::new(
                    Term::from_field_text(field, &t.term),
                    IndexRecordOption::WithFreqs,
                );
                let boxed: Box<dyn Query> = if (t.boost - 1.0).abs() < f32::EPSILON {
                    Box::new(query)
                } else {
                    Box::new(BoostQuery::new(Box::new(query), t.boost))
                };
                (Occur::Should, boxed)
            })
            .collect();
        BooleanQuery::new(clauses)
    }

    fn sentence_hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
    ) -> Result<SentenceHit, IndexError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let payload: SentencePayload = serde_json::from_str(self.str_field(&doc, self.fields.payload))
            .map_err(|e| IndexError::Corrupt(format!("sentence payload: {e}")))?;
        Ok(SentenceHit {
            key: address.into(),
            score,
            article: ArticleId::new(self.str_field(&doc, self.fields.article_id)),
            text: self.str_field(&doc, self.fields.text).to_string(),
            position: Position {
                paragraph: usize::try_from(self.u64_field(&doc, self.fields.paragraph)).unwrap_or(0),
                sentence: usize::try_from(self.u64_field(&doc, self.fields.sentence)).unwrap_or(0),
            },
            payload,
        })
    }
}
