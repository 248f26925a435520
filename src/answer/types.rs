//! What an answer is, independent of where it is shown.

use chrono::NaiveDate;
use serde::Serialize;

use crate::facts::{Position, QuantityKind};
use crate::knowledge::ArticleId;

/// Which command asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Command {
    /// Top facts for a topic.
    Stat,
    /// Best passages for a question.
    Ask,
}

impl Command {
    /// The command's name as typed.
    pub fn as_str(self) -> &'static str {
        match self {
            Command::Stat => "stat",
            Command::Ask => "ask",
        }
    }
}

/// Where a fact comes from, as a reader checks it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// Article id (path in the knowledge folder).
    pub article: ArticleId,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub publisher: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Link.
    pub url: Option<String>,
    /// 1-based paragraph number of the fact.
    pub paragraph: usize,
    /// Page and paragraph on the page, for facts from paged documents (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<crate::knowledge::PageRef>,
    /// The underlying report the sentence attributes its figure to.
    pub report: Option<String>,
}

/// A quantity inside a cited sentence, for highlighting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    /// Byte range in the sentence.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// What kind of quantity it is.
    pub kind: QuantityKind,
    /// For a count, the noun it counts as the sentence writes it right after the figure
    /// ("phones" of "three phones"): two counts of different things never disagree.
    #[serde(skip)]
    pub counted: Option<String>,
}

/// One cited sentence in an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitedFact {
    /// Stable id of the fact: `article#paragraph.sentence`.
    pub id: String,
    /// The sentence, verbatim.
    pub text: String,
    /// Quantity spans to show in bold.
    pub highlights: Vec<Highlight>,
    /// Paragraph and sentence numbers.
    pub position: Position,
    /// "As of" period stated by the sentence (a year), distinct from the publication date.
    pub period: Option<i32>,
    /// The source.
    pub citation: Citation,
    /// Ranking score (higher is better), for eval and debugging.
    pub score: f32,
    /// The signals behind the score, for `--explain` and eval misses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signals: Option<super::rank::Signals>,
    /// For `ask`: the whole paragraph, with `text` inside it at `passage_span`.
    pub passage: Option<String>,
    /// Byte range of the answering sentence inside `passage`.
    pub passage_span: Option<(usize, usize)>,
}

/// Facts from different sources that state different values for the same measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// What is measured, e.g. "count" or "money".
    pub kind: QuantityKind,
    /// Indexes into [`Answer::facts`] of the facts that differ.
    pub facts: Vec<usize>,
}

/// The answer to one `stat` or `ask`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// Which command.
    pub command: Command,
    /// The query as the user typed it.
    pub query: String,
    /// True when no fact matched well enough: the UI says so instead of showing junk.
    pub no_answer: bool,
    /// Ranked facts (empty or near misses when `no_answer`).
    pub facts: Vec<CitedFact>,
    /// How many candidate facts matched before cutting to the limit.
    pub matched: usize,
    /// Nearest topics to suggest when nothing matched.
    pub suggestions: Vec<String>,
    /// Where the top facts disagree.
    pub disagreements: Vec<Disagreement>,
    /// For a comparison ("Kuaishou vs Douyin viewers"): the things compared, in query order.
    /// Empty for any other query.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub compared: Vec<ComparedSide>,
    /// Knowledge-base version the answer came from.
    pub kb_version: String,
}

/// One thing a comparison names, and whether any fact matched it: a side the knowledge base
/// has nothing on is said so, not silently left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedSide {
    /// The name as typed.
    pub name: String,
    /// True when the answer holds a fact about it.
    pub matched: bool,
}

#[cfg(test)]
impl CitedFact {
    /// A fact for tests: `text` as sentence 1 of paragraph 1 of `article` (titled as its id),
    /// with no highlights, period, date, link or signals; a test sets what it looks at.
    pub(crate) fn sample(article: &str, text: &str) -> Self {
        CitedFact {
            id: format!("{article}#1.1"),
            text: text.to_string(),
            highlights: Vec::new(),
            position: Position {
                paragraph: 1,
                sentence: 1,
            },
            period: None,
            citation: Citation {
                article: ArticleId::new(article),
                title: article.to_string(),
                publisher: None,
                author: None,
                published: None,
                url: None,
                paragraph: 1,
                page: None,
                report: None,
            },
            score: 1.0,
            signals: None,
            passage: None,
            passage_span: None,
        }
    }
}
