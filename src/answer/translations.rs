//! The same fact in two languages: a knowledge base may hold a report's Chinese original
//! beside an English rendering. An answer shows the fact once, in the query's script.

use chrono::NaiveDate;

use crate::facts::{is_cjk, Quantity, QuantityKind};

/// What identifies a shown fact across languages.
#[derive(Debug, Clone, PartialEq)]
pub struct FactPrint {
    /// Written mostly in CJK ideographs.
    pub cjk: bool,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// The article's author, when known.
    pub author: Option<String>,
    /// The figures the sentence states, normalised.
    pub values: Vec<(QuantityKind, f64)>,
}

impl FactPrint {
    /// The print of a sentence `text` with its `quantities`, from an article published on
    /// `published` by `author`.
    pub fn new(
        text: &str,
        quantities: &[Quantity],
        published: Option<NaiveDate>,
        author: Option<&str>,
    ) -> Self {
        FactPrint {
            cjk: mostly_cjk(text),
            published,
            author: author.map(str::to_string),
            values: quantities.iter().map(|q| (q.kind, q.value)).collect(),
        }
    }

    /// True when `other` states this fact in the other script: same publication date (and
    /// author when both name one), and every figure of the one with fewer is among the other's.
    pub fn translates(&self, other: &FactPrint) -> bool {
        let (fewer, more) = if self.values.len() <= other.values.len() {
            (self, other)
        } else {
            (other, self)
        };
        self.cjk != other.cjk
            && self.published.is_some()
            && self.published == other.published
            && (self.author.is_none() || other.author.is_none() || self.author == other.author)
            && !fewer.values.is_empty()
            && fewer.values.iter().all(|(kind, value)| {
                more.values
                    .iter()
                    .any(|(k, v)| k == kind && (v - value).abs() <= value.abs() * 1e-9)
            })
    }
}

/// True when more than a third of `text`'s letters are CJK ideographs: an English sentence
/// quoting "505亿元" stays English.
pub fn mostly_cjk(text: &str) -> bool {
    // Runs for each candidate shown; most sentences are plain ASCII, which is checked fast.
    if text.is_ascii() {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    cjk * 3 > letters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::parse_quantities;

    fn print(text: &str, date: &str, author: Option<&str>) -> FactPrint {
        let published = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        FactPrint::new(text, &parse_quantities(text), published, author)
    }

    const ZH: &str = "重点网络微短剧数量翻了一番，40%的用户经常观看微短剧，30%的用户曾为微短剧付费。";
    const EN: &str = "40% of users often watch micro-short dramas and 30% have paid for them.";

    #[test]
    fn the_same_figures_on_the_same_day_in_the_other_script_are_one_fact() {
        for (a, b, same) in [
            (
                print(ZH, "2024-03-29", Some("Li")),
                print(EN, "2024-03-29", Some("Li")),
                true,
            ),
            (
                print(ZH, "2024-03-29", None),
                print(EN, "2024-03-29", Some("Li")),
                true,
            ),
            // Another day, another author, another script missing, another figure.
            (
                print(ZH, "2024-03-29", None),
                print(EN, "2024-03-30", None),
                false,
            ),
            (
                print(ZH, "2024-03-29", Some("Wang")),
                print(EN, "2024-03-29", Some("Li")),
                false,
            ),
            (
                print(EN, "2024-03-29", None),
                print(EN, "2024-03-29", None),
                false,
            ),
            (
                print(ZH, "2024-03-29", None),
                print("41% of users often watch them.", "2024-03-29", None),
                false,
            ),
            (
                print(ZH, "2024-03-29", None),
                print("Users often watch them.", "2024-03-29", None),
                false,
            ),
        ] {
            assert_eq!(a.translates(&b), same, "{a:?} vs {b:?}");
            assert_eq!(b.translates(&a), same, "{b:?} vs {a:?}");
        }
    }

    #[test]
    fn a_few_quoted_ideographs_leave_a_sentence_english() {
        assert!(mostly_cjk(ZH));
        assert!(!mostly_cjk(
            "The market was worth 50.5 billion yuan (505亿元) in 2024."
        ));
    }
}
