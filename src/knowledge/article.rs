//! The article model every other layer reads: metadata plus numbered paragraphs.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Stable identifier of an article: its path relative to the knowledge folder, with `/`
/// separators on every platform, so citations and the eval contract can name the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Builds an id from a relative path; backslashes become `/`.
    pub fn new(relative_path: &str) -> Self {
        Self(relative_path.replace('\\', "/"))
    }

    /// The relative path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a citation says about where a fact comes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Headline; required in front matter, first line in `.txt` files.
    pub title: String,
    /// Outlet that published the article.
    pub publisher: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Link to the article (or to the stored copy that was read).
    pub url: Option<String>,
    /// Language code such as `en` or `zh`.
    pub language: Option<String>,
    /// Free-form topic tags.
    pub tags: Vec<String>,
    /// The underlying report the article quotes, cited next to the article.
    pub report: Option<String>,
}

/// One paragraph of body text; citations point at its 1-based number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's text with line breaks folded to spaces.
    pub text: String,
    /// 1-based line in the file where the paragraph starts (for diagnostics); in a PDF, the
    /// line of the extracted page text.
    pub line: usize,
    /// 1-based page of a PDF the paragraph is on; `None` for formats without pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Where a paragraph of a paged document sits, as a reader of the printed page counts:
/// citations read "p. 12, ¶ 3".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRef {
    /// 1-based page number.
    pub page: u32,
    /// 1-based paragraph number on that page.
    pub paragraph: usize,
}

/// A loaded article: where it came from, what it says, and a hash of its bytes so reloads can
/// tell changed files from unchanged ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Relative path in the knowledge folder.
    pub id: ArticleId,
    /// Citation metadata.
    pub meta: ArticleMeta,
    /// Body paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// blake3 hash of the file's bytes, hex.
    pub content_hash: String,
}
