//! What is stored beside each indexed document: the parts of a sentence or article that
//! answers need but search does not. Sentences carry a compact binary record (postcard), read
//! for every candidate of every answer; articles carry their metadata as JSON, read once per
//! cited article.

use serde::{Deserialize, Serialize};

use crate::facts::{Position, Quantity};
use crate::knowledge::{ArticleMeta, PageRef};

/// What a sentence carries besides its text and position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentencePayload {
    /// Quantities with byte spans into the sentence text.
    pub quantities: Vec<Quantity>,
    /// Year the figure refers to, if stated.
    pub period: Option<i32>,
    /// Report the sentence attributes its figure to.
    pub report: Option<String>,
    /// Page and paragraph on that page, for sentences of paged documents (PDF).
    pub page: Option<PageRef>,
}

/// The stored form of a sentence's position and payload. postcard writes fields in order with
/// variable-length integers and no names: about a fifth of the JSON it replaced (which was
/// 60% of the document store at 100,000 articles), and parsed without a tokenizer.
#[derive(Serialize, Deserialize)]
struct SentenceRecord {
    paragraph: u32,
    sentence: u32,
    quantities: Vec<Quantity>,
    period: Option<i32>,
    report: Option<String>,
    page: Option<PageRef>,
}

/// Why a stored sentence record could not be read.
#[derive(Debug, thiserror::Error)]
#[error("sentence record: {0}")]
pub struct RecordError(#[from] postcard::Error);

/// Encodes a sentence's position and payload for the document store.
pub fn encode_sentence(position: Position, payload: &SentencePayload) -> Result<Vec<u8>, RecordError> {
    let record = SentenceRecord {
        paragraph: u32::try_from(position.paragraph).unwrap_or(u32::MAX),
        sentence: u32::try_from(position.sentence).unwrap_or(u32::MAX),
        quantities: payload.quantities.clone(),
        period: payload.period,
        report: payload.report.clone(),
        page: payload.page,
    };
    Ok(postcard::to_allocvec(&record)?)
}

/// Decodes what [`encode_sentence`] wrote.
pub fn decode_sentence(bytes: &[u8]) -> Result<(Position, SentencePayload), RecordError> {
    let record: SentenceRecord = postcard::from_bytes(bytes)?;
    let position = Position {
        paragraph: record.paragraph as usize,
        sentence: record.sentence as usize,
    };
    let payload = SentencePayload {
        quantities: record.quantities,
        period: record.period,
        report: record.report,
        page: record.page,
    };
    Ok((position, payload))
}

/// Stored with every article document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticlePayload {
    /// Citation metadata.
    pub meta: ArticleMeta,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of facts (sentences with a quantity).
    pub facts: usize,
    /// Content hash of the source file.
    pub content_hash: String,
    /// The article's first sentence, where news names its subject: ranking reads its words
    /// as evidence of what the whole article is about.
    #[serde(default)]
    pub lead: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::QuantityKind;

    #[test]
    fn a_sentence_record_round_trips_and_is_small() {
        let position = Position {
            paragraph: 12,
            sentence: 3,
        };
        let payload = SentencePayload {
            quantities: vec![Quantity {
                span: 51..56,
                kind: QuantityKind::Percent,
                value: 89.9,
                unit: None,
                approximate: false,
            }],
            period: Some(2021),
            report: Some("China Online Audiovisual Development Research Report (2024)".into()),
            page: Some(PageRef {
                page: 4,
                paragraph: 2,
            }),
        };
        let bytes = encode_sentence(position, &payload).expect("encode");
        assert_eq!(
            decode_sentence(&bytes).expect("decode"),
            (position, payload.clone())
        );
        let bare = encode_sentence(position, &SentencePayload::default()).expect("encode");
        assert!(
            bare.len() <= 8,
            "{} bytes for a sentence without quantities",
            bare.len()
        );
        let one = SentencePayload {
            quantities: payload.quantities.clone(),
            ..SentencePayload::default()
        };
        assert!(encode_sentence(position, &one).expect("encode").len() <= 20);
    }

    #[test]
    fn damaged_records_are_errors_not_panics() {
        let bytes = encode_sentence(
            Position {
                paragraph: 1,
                sentence: 1,
            },
            &SentencePayload::default(),
        )
        .expect("encode");
        for cut in 0..bytes.len() {
            assert!(decode_sentence(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode_sentence(&[0xff; 16]).is_err());
    }
}
