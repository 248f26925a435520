//! What is stored beside each indexed document, as JSON in the `payload` field: the parts of a
//! sentence or article that answers need but search does not.

use serde::{Deserialize, Serialize};

use crate::facts::Quantity;
use crate::knowledge::{ArticleMeta, PageRef};

/// Stored with every sentence document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentencePayload {
    /// Quantities with byte spans into the sentence text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Year the figure refers to, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<i32>,
    /// Report the sentence attributes its figure to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// Page and paragraph on that page, for sentences of paged documents (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageRef>,
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
}
