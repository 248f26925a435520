//! A ranked sentence as the user sees it: the sentence with its figures marked, its source,
//! and for questions the paragraph around it.

use super::types::{Citation, CitedFact, Highlight};
use crate::facts::{Position, QuantityKind};
use crate::index::{ArticleInfo, SentenceHit};

/// The fact `hit` of `article`, cited, with its ranking `score`.
pub fn cite(article: &ArticleInfo, hit: &SentenceHit, score: f32) -> CitedFact {
    let meta = &article.meta;
    CitedFact {
        id: format!(
            "{}#{}.{}",
            article.id, hit.position.paragraph, hit.position.sentence
        ),
        text: hit.text.clone(),
        highlights: hit
            .payload
            .quantities
            .iter()
            .filter(|q| q.span.end <= hit.text.len())
            .map(|q| Highlight {
                start: q.span.start,
                end: q.span.end,
                kind: q.kind,
                counted: q.unit.clone().filter(|_| q.kind == QuantityKind::Count),
            })
            .collect(),
        position: hit.position,
        period: hit.payload.period,
        citation: Citation {
            article: article.id.clone(),
            title: meta.title.clone(),
            publisher: meta.publisher.clone(),
            author: meta.author.clone(),
            published: meta.published,
            url: meta.url.clone(),
            paragraph: hit.position.paragraph,
            page: hit.payload.page,
            report: hit.payload.report.clone(),
        },
        score,
        signals: None,
        passage: None,
        passage_span: None,
    }
}

/// Sets the fact's passage: its paragraph, from the article's `sentences` in reading order.
pub fn add_passage(sentences: &[SentenceHit], fact: &mut CitedFact) {
    if let Some((passage, span)) = paragraph_around(sentences, fact.position) {
        fact.passage = Some(passage);
        fact.passage_span = Some(span);
    }
}

/// The paragraph of the sentence at `position`, joined from the article's `sentences` in
/// reading order, and that sentence's byte range in it; `None` when the sentence is not
/// among them.
pub fn paragraph_around(sentences: &[SentenceHit], position: Position) -> Option<(String, (usize, usize))> {
    let mut passage = String::new();
    let mut span = None;
    for s in sentences
        .iter()
        .filter(|s| s.position.paragraph == position.paragraph)
    {
        if !passage.is_empty() {
            passage.push(' ');
        }
        if s.position == position {
            span = Some((passage.len(), passage.len() + s.text.len()));
        }
        passage.push_str(&s.text);
    }
    span.map(|span| (passage, span))
}
