//! Sentences into [`Fact`]s: sentence splitting, quantity parsing and normalising, periods and
//! attributions. Pure functions over text; nothing here knows about indexes or Discord.

mod attribution;
mod quantity;
mod sentences;

use serde::{Deserialize, Serialize};

use crate::knowledge::Article;

pub use attribution::attributed_report;
pub use quantity::{parse_quantities, period_year, Quantity, QuantityKind};
pub use sentences::split_sentences;

/// Where a sentence sits in its article; citations show the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 1-based sentence number within the paragraph.
    pub sentence: usize,
}

/// One sentence of an article with what was found in it. A sentence with at least one
/// quantity is a fact; the others still serve `ask` passages and context.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The sentence, verbatim from the article.
    pub text: String,
    /// Quantities with byte spans into `text`.
    pub quantities: Vec<Quantity>,
    /// Paragraph and sentence number.
    pub position: Position,
    /// The year the figure refers to, when the sentence says ("in 2024").
    pub period: Option<i32>,
    /// The report the sentence attributes its figure to, when it names one.
    pub report: Option<String>,
}

impl Sentence {
    /// True when the sentence carries a quantity, i.e. is a fact.
    pub fn is_fact(&self) -> bool {
        !self.quantities.is_empty()
    }
}

/// Splits every paragraph of `article` into analysed sentences.
pub fn analyse_article(article: &Article) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        for (s, range) in split_sentences(&paragraph.text).into_iter().enumerate() {
            let text = &paragraph.text[range];
            out.push(analyse_sentence(
                text,
                Position {
                    paragraph: p + 1,
                    sentence: s + 1,
                },
            ));
        }
    }
    out
}

/// Analyses one sentence.
pub fn analyse_sentence(text: &str, position: Position) -> Sentence {
    Sentence {
        text: text.to_string(),
        quantities: parse_quantities(text),
        position,
        period: period_year(text),
        report: attributed_report(text),
    }
}
