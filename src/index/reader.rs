//! An opened index generation: opening and checking it, and article metadata. The result
//! types it hands out are in [`super::hits`].

use rustc_hash::FxHashSet;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::hits::{ArticleInfo, DocKey};
use super::manifest::GenerationHead;
use super::payload::ArticlePayload;
use super::schema::{kind, register_analyzers, schema, Fields, SCHEMA_VERSION};
use super::IndexError;
use crate::knowledge::{ArticleId, Synonyms};

/// One opened, immutable index generation.
///
/// Article metadata is read on demand (and kept): opening reads no stored documents, so it
/// costs the same at 100 or 100,000 articles, and memory holds only the articles answers
/// have cited. The full list is read once, when first asked for (`/sources`).
pub struct KnowledgeIndex {
    dir: PathBuf,
    reader: IndexReader,
    pub(super) fields: Fields,
    head: GenerationHead,
    synonyms: Synonyms,
    cited: Mutex<CitedArticles>,
    columns: Vec<SegmentColumns>,
    all: OnceLock<Vec<Arc<ArticleInfo>>>,
    /// Terms already checked by `written_as_name` (see `search.rs`), with the result.
    pub(super) written_as_names: Mutex<HashMap<String, bool>>,
}

/// The fast-field columns answers read, per segment, opened once: opening a column looks it
/// up in the segment's column directory, which cost more than reading it.
pub(super) struct SegmentColumns {
    /// `is_fact` (sentence documents only).
    pub is_fact: Column<u64>,
    /// `sentences` (article documents only).
    pub sentences: Column<u64>,
}

/// Articles read so far, by id and by document (the index is immutable, so both stay valid).
#[derive(Default)]
struct CitedArticles {
    by_id: HashMap<ArticleId, Arc<ArticleInfo>>,
    by_key: HashMap<DocKey, Arc<ArticleInfo>>,
}

impl CitedArticles {
    fn insert(&mut self, info: &Arc<ArticleInfo>) {
        self.by_id.insert(info.id.clone(), Arc::clone(info));
        self.by_key.insert(info.key, Arc::clone(info));
    }
}

impl std::fmt::Debug for KnowledgeIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeIndex")
            .field("dir", &self.dir)
            .field("kb_version", &self.head.kb_version)
            .field("articles", &self.head.totals.articles)
            .finish_non_exhaustive()
    }
}

impl KnowledgeIndex {
    /// Opens the generation in `dir`, checking its manifest and schema version.
    pub fn open(dir: &Path, synonyms: Synonyms) -> Result<Self, IndexError> {
        let head = GenerationHead::read(dir)?;
        if head.schema_version != SCHEMA_VERSION {
            return Err(IndexError::OutdatedSchema {
                found: head.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let index = super::directory::ServingDirectory::open(dir)
            .map_err(|e| IndexError::Corrupt(format!("{}: {e}", dir.display())))
            .and_then(|d| {
                Index::open(d).map_err(|e| IndexError::Corrupt(format!("{}: {e}", dir.display())))
            })?;
        register_analyzers(&index);
        let (_, fields) = schema();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let columns = reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|segment| {
                let fast = segment.fast_fields();
                Ok(SegmentColumns {
                    is_fact: fast.u64("is_fact")?,
                    sentences: fast.u64("sentences")?,
                })
            })
            .collect::<Result<Vec<_>, tantivy::TantivyError>>()?;
        let this = Self {
            dir: dir.to_path_buf(),
            columns,
            reader,
            fields,
            head,
            synonyms,
            cited: Mutex::new(CitedArticles::default()),
            all: OnceLock::new(),
            written_as_names: Mutex::new(HashMap::new()),
        };
        this.check_stored_payloads()?;
        Ok(this)
    }

    /// Reads an article document; `with_lead`: also analyses its first sentence, which
    /// ranking needs and the full list of sources does not.
    fn read_article(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        with_lead: bool,
    ) -> Result<ArticleInfo, IndexError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let id = ArticleId::new(self.str_field(&doc, self.fields.article_id));
        let payload: ArticlePayload = serde_json::from_str(self.str_field(&doc, self.fields.payload))
            .map_err(|e| IndexError::Corrupt(format!("article {id}: {e}")))?;
        let title_terms: FxHashSet<String> = super::analyze(&payload.meta.title)
            .into_iter()
            .map(|t| t.term)
            .collect();
        let mut headline_terms: FxHashSet<String> = title_terms.iter().cloned().collect();
        let lead_terms: Vec<String> = if with_lead {
            super::analyze(&payload.lead)
                .into_iter()
                .map(|t| t.term)
                .collect()
        } else {
            Vec::new()
        };
        headline_terms.extend(lead_terms.iter().cloned());
        Ok(ArticleInfo {
            key: address.into(),
            id,
            title_terms,
            headline_terms,
            lead_terms,
            meta: payload.meta,
            paragraphs: payload.paragraphs,
            facts: payload.facts,
        })
    }

    fn load_all_articles(&self) -> Result<Vec<Arc<ArticleInfo>>, IndexError> {
        let searcher = self.searcher();
        let query = TermQuery::new(self.kind_term(kind::ARTICLE), IndexRecordOption::Basic);
        let mut docs: Vec<DocAddress> = searcher.search(&query, &DocSetCollector)?.into_iter().collect();
        docs.sort_unstable();
        let mut articles = docs
            .into_iter()
            .map(|address| self.read_article(&searcher, address, false).map(Arc::new))
            .collect::<Result<Vec<_>, _>>()?;
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(articles)
    }

    /// Reads one article document and one sentence document, so an index whose stored
    /// payloads this build cannot read is found at open (and rebuilt) rather than failing
    /// every answer.
    fn check_stored_payloads(&self) -> Result<(), IndexError> {
        let searcher = self.searcher();
        let query = TermQuery::new(self.kind_term(kind::ARTICLE), IndexRecordOption::Basic);
        if let Some((_, address)) = searcher
            .search(&query, &TopDocs::with_limit(1))?
            .into_iter()
            .next()
        {
            self.read_article(&searcher, address, true)?;
        }
        self.check_sentence_payload()
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

    /// Versions and totals of the generation.
    pub fn head(&self) -> &GenerationHead {
        &self.head
    }

    /// Knowledge-base version shown in answers.
    pub fn kb_version(&self) -> &str {
        &self.head.kb_version
    }

    /// The synonyms in force for this generation.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// Metadata of one article (`None` when the index has no such article or its stored
    /// document cannot be read).
    pub fn article(&self, id: &ArticleId) -> Option<Arc<ArticleInfo>> {
        let known = self
            .cited
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_id
            .get(id)
            .cloned();
        if known.is_some() {
            return known;
        }
        let searcher = self.searcher();
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.article_id, id.as_str()),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    self.kind_term(kind::ARTICLE),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let (_, address) = match searcher.search(&query, &TopDocs::with_limit(1)) {
            Ok(top) => top.into_iter().next()?,
            Err(err) => {
                tracing::warn!(article = %id, "article lookup failed: {err}");
                return None;
            }
        };
        self.article_at(address.into())
    }

    /// Metadata of the article whose document is `key` (from [`ArticleHit::key`](super::ArticleHit::key)); `None`
    /// when its stored document cannot be read.
    pub fn article_at(&self, key: DocKey) -> Option<Arc<ArticleInfo>> {
        let known = self
            .cited
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_key
            .get(&key)
            .cloned();
        if known.is_some() {
            return known;
        }
        let info = match self.read_article(&self.searcher(), key.into(), true) {
            Ok(info) => Arc::new(info),
            Err(err) => {
                tracing::warn!(
                    segment = key.segment,
                    doc = key.doc,
                    "article metadata unreadable: {err}"
                );
                return None;
            }
        };
        self.cited
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(&info);
        Some(info)
    }

    /// Every article, in id order (read from the index on first use, then kept).
    pub fn articles(&self) -> Result<&[Arc<ArticleInfo>], IndexError> {
        if let Some(all) = self.all.get() {
            return Ok(all);
        }
        let loaded = self.load_all_articles()?;
        Ok(self.all.get_or_init(|| loaded))
    }

    /// Number of articles.
    pub fn article_count(&self) -> usize {
        self.head.totals.articles
    }

    /// The columns of segment `segment` (an ordinal of [`Self::searcher`]'s segments, which
    /// never change: the reader is not reloaded).
    pub(super) fn columns(&self, segment: u32) -> Result<&SegmentColumns, IndexError> {
        self.columns
            .get(segment as usize)
            .ok_or_else(|| IndexError::Corrupt(format!("no segment {segment}")))
    }

    pub(super) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub(super) fn kind_term(&self, kind: &str) -> Term {
        Term::from_field_text(self.fields.kind, kind)
    }

    pub(super) fn str_field<'a>(&self, doc: &'a TantivyDocument, field: tantivy::schema::Field) -> &'a str {
        doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("")
    }
}
