//! Writing articles into a tantivy index: one document per sentence, one per article.

use tantivy::indexer::UserOperation;
use tantivy::{doc, IndexWriter, TantivyDocument, Term};

use super::payload::{encode_sentence, ArticlePayload, SentencePayload};
use super::schema::{kind, Fields};
use super::IndexError;
use crate::facts::analyse_article;
use crate::knowledge::{Article, ArticleId, PageRef};

/// How many times an article's title is written into its body, standing in for a title boost
/// (as BM25F would weigh a title field). A title field of its own cost as much to search as
/// the whole body at 100,000 generated articles: searching both took 0.93 ms per answer, the
/// body with the title in it 0.45 ms. On the BBC dev cases once loses two cases, two and three
/// lose one (a near tie: the same album's sales, worldwide instead of US).
const TITLE_WEIGHT: usize = 3;

/// Counts from writing articles, for reports and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Articles written.
    pub articles: usize,
    /// Sentences written.
    pub sentences: usize,
    /// Of which facts.
    pub facts: usize,
    /// Bytes of paragraph text analysed.
    pub text_bytes: usize,
}

impl std::ops::AddAssign for WriteStats {
    fn add_assign(&mut self, other: Self) {
        self.articles += other.articles;
        self.sentences += other.sentences;
        self.facts += other.facts;
        self.text_bytes += other.text_bytes;
    }
}

/// The documents of one article, ready to add; built off the writer's thread so analysis
/// can run in parallel.
pub struct PreparedArticle {
    documents: Vec<TantivyDocument>,
    stats: WriteStats,
}

/// Adds a prepared article to `writer` as one group: tantivy puts a group's documents
/// into one segment, in order, which is what lets readers find an article's sentences as
/// the documents just before the article document (see `Fields::sentences`).
pub fn add_prepared(writer: &IndexWriter, prepared: PreparedArticle) -> Result<WriteStats, IndexError> {
    writer.run(prepared.documents.into_iter().map(UserOperation::Add))?;
    Ok(prepared.stats)
}

/// Analyses one article into its sentence documents and its article document.
pub fn prepare_article(fields: &Fields, article: &Article) -> Result<PreparedArticle, IndexError> {
    let sentences = analyse_article(article);
    let mut documents = Vec::with_capacity(sentences.len() + 1);
    let mut stats = WriteStats {
        articles: 1,
        ..WriteStats::default()
    };
    let id = article.id.as_str();
    let pages = page_refs(article);
    for sentence in &sentences {
        let payload = SentencePayload {
            quantities: sentence.quantities.clone(),
            period: sentence.period,
            report: sentence.report.clone(),
            page: pages
                .get(sentence.position.paragraph.wrapping_sub(1))
                .copied()
                .flatten(),
        };
        let is_fact = u64::from(sentence.is_fact());
        stats.sentences += 1;
        stats.facts += usize::from(sentence.is_fact());
        documents.push(doc!(
            fields.kind => kind::SENTENCE,
            fields.article_id => id,
            fields.text => sentence.text.as_str(),
            fields.is_fact => is_fact,
            fields.record => encode_sentence(sentence.position, &payload)?,
        ));
    }
    // The title, written TITLE_WEIGHT times, leads the body: one field (one posting list per
    // word) ranks articles by title and text together.
    let mut body = String::new();
    for _ in 0..TITLE_WEIGHT {
        body.push_str(&article.meta.title);
        body.push('\n');
    }
    for paragraph in &article.paragraphs {
        stats.text_bytes += paragraph.text.len();
        body.push_str(&paragraph.text);
        body.push('\n');
    }
    let payload = ArticlePayload {
        meta: article.meta.clone(),
        paragraphs: article.paragraphs.len(),
        facts: stats.facts,
        content_hash: article.content_hash.clone(),
        lead: sentences.first().map(|s| s.text.clone()).unwrap_or_default(),
    };
    let mut document = TantivyDocument::default();
    document.add_text(fields.kind, kind::ARTICLE);
    document.add_text(fields.article_id, id);
    document.add_text(fields.body, &body);
    document.add_text(fields.payload, serde_json::to_string(&payload)?);
    document.add_u64(fields.sentences, stats.sentences as u64);
    // Last, after its sentences: readers count back from it.
    documents.push(document);
    Ok(PreparedArticle { documents, stats })
}

/// Page and paragraph-on-page of every paragraph (`None` for paragraphs without a page).
fn page_refs(article: &Article) -> Vec<Option<PageRef>> {
    let mut on_page = (0, 0);
    article
        .paragraphs
        .iter()
        .map(|p| {
            let page = p.page?;
            on_page = if on_page.0 == page {
                (page, on_page.1 + 1)
            } else {
                (page, 1)
            };
            Some(PageRef {
                page,
                paragraph: on_page.1,
            })
        })
        .collect()
}

/// Removes every document of an article (used by incremental reloads).
pub fn delete_article(writer: &IndexWriter, fields: &Fields, id: &ArticleId) {
    writer.delete_term(Term::from_field_text(fields.article_id, id.as_str()));
}
