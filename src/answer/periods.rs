//! The reporting period a query asks a figure for, besides its year: a quarter, a full year,
//! a named month. "eBay quarterly net profit" is answered by "net profits rose to $205.4m
//! during October to December", not by "for 2004 as a whole, eBay earned $778.2m". Pure
//! functions over the query's words and a sentence's text.

use std::sync::LazyLock;

use regex::Regex;

/// How long a period a figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Three months: a company's or an economy's quarter.
    Quarter,
    /// A whole year.
    Year,
}

/// The period a query asks a figure for, besides its year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodAsked {
    /// "quarterly", "second-quarter", "Q3"; "annual", "full-year".
    pub span: Option<Span>,
    /// Months the query names, by their full English name ("october").
    pub months: Vec<&'static str>,
}

impl PeriodAsked {
    /// True when the query names no period beyond its year.
    pub fn is_empty(&self) -> bool {
        self.span.is_none() && self.months.is_empty()
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The period asked by a query's words as typed (case kept: "May" is a month, "may" a verb).
pub fn period_asked(words: &[&str]) -> PeriodAsked {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let has = |list: &[&str]| lower.iter().any(|w| list.contains(&w.as_str()));
    let full_year = lower.windows(2).any(|w| w[0] == "full" && w[1] == "year");
    let span = if has(&["quarter", "quarterly", "q1", "q2", "q3", "q4"]) {
        Some(Span::Quarter)
    } else if full_year || has(&["annual", "annually", "yearly"]) {
        Some(Span::Year)
    } else {
        None
    };
    let mut months: Vec<&'static str> = MONTHS
        .iter()
        .copied()
        .filter(|m| {
            words.iter().any(|w| {
                w.eq_ignore_ascii_case(m) && (*m != "may" || w.starts_with(|c: char| c.is_uppercase()))
            })
        })
        .collect();
    // Christmas is in December: "Christmas weekend" is answered by "24 and 26 December".
    if has(&["christmas", "xmas"]) && !months.contains(&"december") {
        months.push("december");
    }
    PeriodAsked { span, months }
}

/// A sentence stating a quarter's figure: "in the third quarter", "the three months to
/// December", "October to December", "Q3"; not "a quarter of" (a fraction).
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:first|second|third|fourth|final|last|latest|past|previous|same|this|that|the|1st|2nd|3rd|4th)[- ]quarter|quarterly|three months (?:to|ended|ending|until|through)|(?:january|april|july|october)(?: to |-)(?:march|june|september|december)|q[1-4])\b",
    )
    .expect("valid quarter pattern")
});

/// A sentence stating a whole year's figure: "full-year", "for the year", "for 2004 as a
/// whole", "annual", "the 12 months to March".
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:full[- ]year|for the (?:whole |full )?year|as a whole|annual|annually|(?:12|twelve) months (?:to|ended|ending|until|through))\b",
    )
    .expect("valid year pattern")
});

/// How a sentence's period fits the one asked: `Some(true)` when it states the span asked
/// or names a month asked, `Some(false)` when it states only the other span, `None` when
/// it says nothing either way (or nothing was asked). A month elsewhere is no misfit: "the
/// three months to December" includes October.
pub fn period_fit(asked: &PeriodAsked, text: &str) -> Option<bool> {
    if asked.is_empty() {
        return None;
    }
    let names_month = asked.months.iter().any(|m| names_word(text, m));
    let span_fit = asked.span.and_then(|span| {
        let quarter = QUARTER.is_match(text);
        let year = YEAR.is_match(text);
        match span {
            Span::Quarter if quarter => Some(true),
            Span::Year if year => Some(true),
            Span::Quarter if year => Some(false),
            Span::Year if quarter => Some(false),
            _ => None,
        }
    });
    if names_month {
        Some(span_fit != Some(false))
    } else {
        span_fit
    }
}

/// The period fit of a year and of a span or month together: a misfit of either is a
/// misfit, else a fit of either a fit.
pub fn both(year: Option<bool>, other: Option<bool>) -> Option<bool> {
    match (year, other) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), _) | (_, Some(true)) => Some(true),
        _ => None,
    }
}

/// An analysed term that is a year (1800 to 2100).
pub(super) fn is_year(term: &str) -> bool {
    term.len() == 4 && term.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// An analysed term that is a month's name or abbreviation, as stemmed ("septemb").
pub(super) fn is_month(term: &str) -> bool {
    const MONTHS: &[&str] = &[
        "januari", "january", "februari", "february", "march", "april", "may", "june", "juli", "july",
        "august", "septemb", "octob", "october", "novemb", "decemb", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    MONTHS.contains(&term)
}

/// True when `text` has the word `word` (lowercase) in capitals, as a month is written.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(|c: char| c.is_ascii_uppercase())
        .any(|(at, _)| {
            let rest = &text[at..];
            rest.get(..word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
                && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
                && !text[..at].ends_with(|c: char| c.is_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_ask_for_a_span_or_a_month() {
        let cases: &[(&str, Option<Span>, &[&str])] = &[
            ("eBay quarterly net profit", Some(Span::Quarter), &[]),
            ("nike second quarter profit", Some(Span::Quarter), &[]),
            ("Apple Q3 revenue", Some(Span::Quarter), &[]),
            ("BP annual earnings", Some(Span::Year), &[]),
            ("BP full year profit", Some(Span::Year), &[]),
            ("Japan industrial output October", None, &["october"]),
            ("sales in May", None, &["may"]),
            ("prices may rise", None, &[]),
            ("Fockers Christmas weekend box office", None, &["december"]),
            ("Time Warner profit 2004", None, &[]),
        ];
        for (query, span, months) in cases {
            let words: Vec<&str> = query.split(' ').collect();
            let asked = period_asked(&words);
            assert_eq!(asked.span, *span, "{query}");
            assert_eq!(asked.months, *months, "{query}");
        }
    }

    #[test]
    fn sentences_fit_the_period_asked() {
        let quarterly = PeriodAsked {
            span: Some(Span::Quarter),
            months: vec![],
        };
        let annual = PeriodAsked {
            span: Some(Span::Year),
            months: vec![],
        };
        let october = PeriodAsked {
            span: None,
            months: vec!["october"],
        };
        let cases = [
            (
                &quarterly,
                "Net profits rose 44% to $205.4m during October to December.",
                Some(true),
            ),
            (
                &quarterly,
                "It made $261.9m for the three months to 30 November.",
                Some(true),
            ),
            (&quarterly, "Third-quarter sales rose 5%.", Some(true)),
            (
                &quarterly,
                "For 2004 as a whole, eBay earned $778.2m.",
                Some(false),
            ),
            (&quarterly, "A quarter of users pay.", None),
            (&quarterly, "Sales rose 5%.", None),
            (&annual, "Full-year profits were $1bn.", Some(true)),
            (&annual, "In the fourth quarter profit fell.", Some(false)),
            (&october, "Production dropped 1.6% in October.", Some(true)),
            (&october, "Output rose 0.1% month on month.", None),
            (&october, "The Octoberfest drew 6 million.", None),
            (
                &PeriodAsked::default(),
                "In the fourth quarter profit fell.",
                None,
            ),
        ];
        for (asked, text, fit) in cases {
            assert_eq!(period_fit(asked, text), fit, "{asked:?}: {text}");
        }
    }

    #[test]
    fn a_misfit_of_year_or_span_is_a_misfit() {
        assert_eq!(both(Some(true), Some(false)), Some(false));
        assert_eq!(both(None, Some(true)), Some(true));
        assert_eq!(both(Some(true), None), Some(true));
        assert_eq!(both(None, None), None);
    }
}
