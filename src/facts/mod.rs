//! Sentences into facts ([`Sentence`]s with quantities): sentence splitting, quantity parsing and normalising, periods and
//! attributions. Pure functions over text; nothing here knows about indexes or Discord.

mod attribution;
mod quantity;
mod sentences;

use serde::{Deserialize, Serialize};

use crate::knowledge::Article;

pub use attribution::attributed_report;
pub use quantity::{parse_quantities, period_year, qualifier_start, Quantity, QuantityKind};
pub use sentences::{is_cjk, split_sentences};

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

/// Splits every paragraph of `article` into analysed sentences. A period stated relative to
/// the article ("last year") is resolved against its publication date.
pub fn analyse_article(article: &Article) -> Vec<Sentence> {
    let published_year = article.meta.published.map(|d| chrono::Datelike::year(&d));
    let mut out = Vec::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        for (s, range) in split_sentences(&paragraph.text).into_iter().enumerate() {
            let text = &paragraph.text[range];
            let mut sentence = analyse_sentence(
                text,
                Position {
                    paragraph: p + 1,
                    sentence: s + 1,
                },
            );
            if sentence.period.is_none() {
                sentence.period = published_year.and_then(|year| relative_period(text, year));
            }
            out.push(sentence);
        }
    }
    out
}

/// The year a relative phrase points at, from the article's year: "last year" is the year
/// before, "this year" the same, "next year" the one after (去年/今年/明年 likewise).
pub fn relative_period(sentence: &str, published_year: i32) -> Option<i32> {
    let lower = sentence.to_lowercase();
    let phrases: [(&[&str], i32); 3] = [
        (&["last year", "previous year", "past year", "去年"], -1),
        (&["this year", "so far this year", "今年"], 0),
        (&["next year", "coming year", "明年"], 1),
    ];
    phrases
        .iter()
        .find(|(words, _)| words.iter().any(|w| lower.contains(w)))
        .map(|(_, offset)| published_year + offset)
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

#[cfg(test)]
mod tests {
    use super::relative_period;

    #[test]
    fn relative_periods_resolve_against_the_publication_year() {
        let cases = [
            ("Sales rose 5% last year.", Some(2004)),
            ("Profits this year reached $5m.", Some(2005)),
            ("It expects 10% growth next year.", Some(2006)),
            ("去年用户增长了5%。", Some(2004)),
            ("Sales rose 5%.", None),
        ];
        for (text, expected) in cases {
            assert_eq!(relative_period(text, 2005), expected, "{text}");
        }
    }
}
