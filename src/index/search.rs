//! The search primitives the answer layer builds on: sentences and articles by weighted
//! terms, an article's sentences, which articles contain which terms, term statistics and
//! typo candidates. Results are plain data.

use std::collections::HashMap;
use std::sync::PoisonError;

use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Searcher, TantivyDocument, Term, TERMINATED};

use super::hits::{ArticleHit, DocKey, SentenceHit, WeightedTerm};
use super::payload::decode_sentence;
use super::reader::KnowledgeIndex;
use super::term_union::{top_docs, TermUnionQuery};
use super::IndexError;
use crate::knowledge::ArticleId;

/// Share of articles above which a word is left out of the article body search.
const UBIQUITOUS_SHARE: f64 = 0.8;
/// Sentences read to tell whether the texts write a word as a name.
const NAME_SAMPLE: usize = 8;
/// Most words whose way of being written is remembered per index generation.
const NAME_MEMO: usize = 10_000;
/// Fewest articles for which a word's share of them is taken as telling.
const UBIQUITOUS_MIN_ARTICLES: usize = 20;

impl KnowledgeIndex {
    /// The sentence behind `key` (from this index), with `score` attached.
    pub fn sentence(&self, key: DocKey, score: f32) -> Result<SentenceHit, IndexError> {
        self.sentence_hit(&self.searcher(), key.into(), score)
    }

    /// The sentences behind `keys` with their scores, read through one searcher.
    pub fn sentences(
        &self,
        keys: impl IntoIterator<Item = (DocKey, f32)>,
    ) -> Result<Vec<SentenceHit>, IndexError> {
        let searcher = self.searcher();
        keys.into_iter()
            .map(|(key, score)| self.sentence_hit(&searcher, key.into(), score))
            .collect()
    }

    /// Articles matching any of `terms` over their body, which leads with the title (weighted).
    pub fn search_articles(
        &self,
        terms: &[WeightedTerm],
        limit: usize,
    ) -> Result<Vec<ArticleHit>, IndexError> {
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // One flat disjunction over the body (which leads with the title): only article
        // documents have a body, so no kind filter is needed, and tantivy can prune it
        // (block-max WAND); a required filter would score every matching article.
        // BM25's statistics count every document, sentences included, so the average body
        // length it assumes is about one sentence's: an article's score is in effect the
        // word's rarity times its density (count over length), without saturation. Counting
        // only article documents (real BM25 over bodies) was measured on all four BBC case
        // sets: dev fell from 50 to 48 right first, held-out 1 and 2 lost one each and two
        // sets gained a false answer; an average between the two did no better.
        let query = TermUnionQuery::new(self.weighted_terms(self.fields.body, &self.discriminating(terms)?));
        let searcher = self.searcher();
        let top = top_docs(&searcher, &query, limit)?;
        Ok(top
            .into_iter()
            .map(|(score, address)| ArticleHit {
                key: address.into(),
                score,
            })
            .collect())
    }

    /// `terms` without those in more than [`UBIQUITOUS_SHARE`] of the articles, unless that
    /// would leave no word the articles have: such a word barely ranks articles (BM25 weight
    /// under 0.25 against 2-7 for a telling word) but has the longest postings. At 100,000
    /// generated articles, where words like "market" and "invest" are in 9 articles out of
    /// 10, leaving them out of the body search took answers from 5.1 to 4.0 ms; the BBC dev
    /// cases rank alike. Below [`UBIQUITOUS_MIN_ARTICLES`] a share says nothing.
    fn discriminating(&self, terms: &[WeightedTerm]) -> Result<Vec<WeightedTerm>, IndexError> {
        let articles = self.article_count();
        if articles < UBIQUITOUS_MIN_ARTICLES {
            return Ok(terms.to_vec());
        }
        let mut kept = Vec::with_capacity(terms.len());
        let mut telling = false;
        for term in terms {
            let frequency = self.article_frequency(&term.term)?;
            if (frequency as f64) <= UBIQUITOUS_SHARE * articles as f64 {
                telling |= frequency > 0;
                kept.push(term.clone());
            }
        }
        Ok(if telling { kept } else { terms.to_vec() })
    }

    /// All sentences of one article in reading order (`facts_only` keeps those with numbers).
    pub fn article_sentences(
        &self,
        id: &ArticleId,
        facts_only: bool,
    ) -> Result<Vec<SentenceHit>, IndexError> {
        let searcher = self.searcher();
        let mut hits = self
            .article_sentence_keys(id, facts_only)?
            .into_iter()
            .map(|key| self.sentence_hit(&searcher, key.into(), 0.0))
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
        let field = self.fields.body;
        for (t, term) in terms.iter().enumerate() {
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
        Ok(out)
    }

    /// True when some article has a Chinese word. Scans the body terms from the first Han
    /// character on, which for a knowledge base without Chinese are only its few words in
    /// other scripts.
    pub fn has_chinese(&self) -> Result<bool, IndexError> {
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.body)?;
            let mut stream = inverted.terms().range().ge("\u{3007}").into_stream()?;
            while stream.advance() {
                let first = std::str::from_utf8(stream.key())
                    .ok()
                    .and_then(|t| t.chars().next());
                if first.is_some_and(crate::knowledge::is_han) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// In how many articles `term` (analysed) occurs.
    pub fn article_frequency(&self, term: &str) -> Result<u64, IndexError> {
        Ok(self
            .searcher()
            .doc_freq(&Term::from_field_text(self.fields.body, term))?)
    }

    /// Number of sentences containing the analysed `term`.
    pub fn sentence_frequency(&self, term: &str) -> Result<u64, IndexError> {
        Ok(self
            .searcher()
            .doc_freq(&Term::from_field_text(self.fields.text, term))?)
    }

    /// Whether the sentences write the analysed `term` as a name: in the first
    /// `NAME_SAMPLE` sentences holding it, capitalised at least once where it does not start
    /// the sentence, and never in lowercase there. Reads those few stored sentences once per
    /// word and index generation, whatever the size of the corpus.
    pub fn written_as_name(&self, term: &str) -> Result<bool, IndexError> {
        let memo = || {
            self.written_as_names
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        };
        if let Some(known) = memo().get(term).copied() {
            return Ok(known);
        }
        let answer = self.read_as_name(term)?;
        let mut memo = memo();
        // The index never changes, so answers stay true; the bound only caps memory.
        if memo.len() >= NAME_MEMO {
            memo.clear();
        }
        memo.insert(term.to_string(), answer);
        Ok(answer)
    }

    /// [`Self::written_as_name`] read from the stored sentences.
    fn read_as_name(&self, term: &str) -> Result<bool, IndexError> {
        let searcher = self.searcher();
        let field_term = Term::from_field_text(self.fields.text, term);
        let mut capitalised = false;
        let mut read = 0;
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let inverted = segment.inverted_index(self.fields.text)?;
            let Some(mut postings) = inverted.read_postings(&field_term, IndexRecordOption::Basic)? else {
                continue;
            };
            while postings.doc() != TERMINATED && read < NAME_SAMPLE {
                let doc: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, postings.doc()))?;
                let text = self.str_field(&doc, self.fields.text);
                for token in super::analyze(text).into_iter().filter(|t| t.term == term) {
                    let starts_sentence = !text[..token.span.start].chars().any(char::is_alphanumeric);
                    match text[token.span.start..].chars().next() {
                        _ if starts_sentence => {}
                        Some(c) if c.is_uppercase() => capitalised = true,
                        Some(c) if c.is_lowercase() => return Ok(false),
                        _ => {}
                    }
                }
                read += 1;
                postings.advance();
            }
        }
        Ok(capitalised)
    }

    /// Indexed terms within `max_distance` edits of `term` that share its first character,
    /// with their article frequency; for typo-tolerant queries.
    pub fn similar_terms(&self, term: &str, max_distance: usize) -> Result<Vec<(String, u64)>, IndexError> {
        let Some(first) = term.chars().next() else {
            return Ok(Vec::new());
        };
        let mut upper = first.to_string();
        upper.push(char::MAX);
        // The stemmer writes a final "y" as "i" ("factory" is indexed as "factori"), which a
        // typo can keep from happening ("factroy"), or make happen where the word keeps its
        // "y" ("barcalys" is "barcali", "Barclays" "barclay"): try the other letter as well.
        let y_as_i = term
            .strip_suffix('y')
            .map(|t| format!("{t}i"))
            .or_else(|| term.strip_suffix('i').map(|t| format!("{t}y")));
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
                if super::edit_distance::within(term, candidate, max_distance)
                    || y_as_i
                        .as_deref()
                        .is_some_and(|t| super::edit_distance::within(t, candidate, max_distance))
                {
                    *found.entry(candidate.to_string()).or_default() += u64::from(stream.value().doc_freq);
                }
            }
        }
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(found)
    }

    fn weighted_terms(&self, field: tantivy::schema::Field, terms: &[WeightedTerm]) -> Vec<(Term, f32)> {
        terms
            .iter()
            .filter(|t| t.boost > 0.0)
            .map(|t| (Term::from_field_text(field, &t.term), t.boost))
            .collect()
    }

    pub(super) fn sentence_hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
    ) -> Result<SentenceHit, IndexError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let record = doc
            .get_first(self.fields.record)
            .and_then(|v| v.as_bytes())
            .unwrap_or_default();
        let (position, payload) = decode_sentence(record)?;
        Ok(SentenceHit {
            key: address.into(),
            score,
            article: ArticleId::new(self.str_field(&doc, self.fields.article_id)),
            text: self.str_field(&doc, self.fields.text).to_string(),
            position,
            payload,
        })
    }
}
