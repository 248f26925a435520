//! Ranking signals and how they combine. Pure: every signal is computed elsewhere and handed
//! in as [`Signals`], so each can be tested on tiny hand-made examples.

use crate::facts::QuantityKind;

/// How a sentence's quantities fit the measure the query asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureFit {
    /// The query names no measure.
    NotAsked,
    /// The sentence has a quantity of a wanted kind.
    Fits,
    /// The sentence has quantities, none of a wanted kind.
    Misfits,
    /// The sentence has no quantity at all.
    NoQuantity,
}

/// Measure fit of a sentence with `kinds` for a query asking for `wanted`.
pub fn measure_fit(wanted: &[QuantityKind], kinds: &[QuantityKind]) -> MeasureFit {
    if kinds.is_empty() {
        MeasureFit::NoQuantity
    } else if wanted.is_empty() {
        MeasureFit::NotAsked
    } else if kinds.iter().any(|k| wanted.contains(k)) {
        MeasureFit::Fits
    } else {
        MeasureFit::Misfits
    }
}

/// The sentence's period against the years the query names. A sentence that names one of
/// them fits even when its own period is another: "from 81,000 units in 2003 to 106,000 in
/// 2007" answers "market 2007 forecast".
pub fn period_fit(years: &[i32], period: Option<i32>, sentence_terms: &[String]) -> Option<bool> {
    if years.is_empty() {
        return None;
    }
    let names_year = years
        .iter()
        .any(|year| sentence_terms.iter().any(|t| t.parse::<i32>() == Ok(*year)));
    match period {
        _ if names_year => Some(true),
        Some(year) => Some(years.contains(&year)),
        None => None,
    }
}

/// Everything known about one candidate sentence for one query.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Signals {
    /// Sentence BM25, divided by the best among candidates (0..=1).
    pub sentence_bm25: f32,
    /// Article BM25 over title and body, divided by the best (0..=1).
    pub article_bm25: f32,
    /// Weighted share of query concepts found in the sentence (full), title or article (less).
    pub coverage: f32,
    /// Weighted share of query concepts found in the sentence itself.
    pub sentence_coverage: f32,
    /// Key concepts (names) of the query.
    pub keys: usize,
    /// Key concepts found nowhere in the sentence's article.
    pub missing_keys: usize,
    /// Model numbers of the query ("PlayStation 5") not stated right after their name.
    pub missing_models: usize,
    /// A quantity counts the very thing the query names ("passengers").
    pub unit_fit: bool,
    /// The sentence names the thing the query counts, though not next to its figure ("how
    /// many words people use ... they use 2.2 terms").
    pub focus_named: bool,
    /// The sentence's period against the years (and quarter, full year or month) the query
    /// names: `Some(true)` when it is one of them, `Some(false)` when it states another,
    /// `None` when either says nothing.
    pub period_fit: Option<bool>,
    /// The query asked "how many/much X" explicitly, so counting X matters more.
    pub focus_asked: bool,
    /// A quantity counts people of another kind than the X asked about ("58,000 customers"
    /// for "how many subscribers"): enough to answer, no help in ranking.
    pub kin_fit: bool,
    /// A quantity is stated per the time unit the query asks a rate for ("every hour" and
    /// "$1.8m an hour"); false when the query asks for no rate.
    pub rate_fit: bool,
    /// Measure fit.
    pub measure: MeasureFit,
    /// Its only quantities are small or vague counts in words (`answer::wording`).
    pub wording_counts: bool,
    /// 1-based paragraph number (lead paragraphs carry the headline figures).
    pub paragraph: usize,
}

/// The ranking score: coverage of the query first, then sentence and article relevance, then
/// whether the figure is of the kind asked for and counts what was asked about, with a slight
/// preference for the lead of an article. Each missing name or model number costs more than
/// any relevance can earn back.
pub fn score(s: &Signals) -> f32 {
    let measure = match s.measure {
        MeasureFit::Fits => 0.25,
        MeasureFit::NotAsked => 0.1,
        MeasureFit::Misfits => -0.1,
        MeasureFit::NoQuantity => -0.3,
    };
    let unit = match (s.unit_fit, s.focus_asked) {
        (true, true) => 0.5,
        (true, false) => 0.3,
        (false, _) => 0.0,
    };
    // A year the query names is a condition, like a name: a figure for another year answers
    // another question ("market size 2024" and a 2027 forecast), however well it matches.
    let period = match s.period_fit {
        Some(true) => 0.2,
        Some(false) => -0.5,
        None => 0.0,
    };
    // A rate asked for is as specific as a counted noun: "every hour" wants "$1.8m an hour",
    // not the year's total.
    let rate = if s.rate_fit { 0.3 } else { 0.0 };
    let lead = if s.paragraph <= 2 { 0.04 } else { 0.0 };
    // "/stat" cites the sentences that carry the numbers; "two initiatives" is not one.
    let wording = if s.wording_counts { -0.2 } else { 0.0 };
    let missing = (s.missing_keys + s.missing_models) as f32 * 0.5;
    s.coverage
        + 0.5 * s.sentence_coverage
        + 0.25 * s.sentence_bm25
        + 0.3 * s.article_bm25
        + measure
        + unit
        + rate
        + period
        + lead
        + wording
        - missing
}

/// Least share of the query the best fact must cover to be shown as an answer.
pub const MIN_COVERAGE: f32 = 0.4;

/// Keys that may be missing before a fact no longer answers the query: none for up to three
/// names, one in four beyond (a typo in a long title should not lose the answer). With three
/// names, the one missing is most often what the user asked about ("Nintendo DS Lite" is
/// not the DS); typos of real words are matched beside their name instead ("Shark Tail").
pub fn allowed_missing_keys(keys: usize) -> usize {
    keys / 4
}

/// Whether the best candidate is good enough to show as an answer rather than "no matching
/// fact": it must mention the query's names and cover most of what was asked.
pub fn is_answer(s: &Signals) -> bool {
    s.missing_keys <= allowed_missing_keys(s.keys)
        && s.missing_models == 0
        // "How many people watch ..." is not answered by a count of views, unless the
        // sentence itself is about what was counted and has a figure of the kind asked.
        && (s.unit_fit || s.kin_fit || !s.focus_asked || s.focus_named && s.measure == MeasureFit::Fits)
        && s.coverage >= MIN_COVERAGE
        && s.measure != MeasureFit::NoQuantity
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Signals {
        Signals {
            sentence_bm25: 0.5,
            article_bm25: 0.5,
            coverage: 0.8,
            sentence_coverage: 0.5,
            keys: 1,
            missing_keys: 0,
            missing_models: 0,
            unit_fit: false,
            focus_named: false,
            period_fit: None,
            focus_asked: false,
            kin_fit: false,
            rate_fit: false,
            measure: MeasureFit::NotAsked,
            wording_counts: false,
            paragraph: 3,
        }
    }

    #[test]
    fn a_sentence_naming_the_year_asked_for_fits_it() {
        let terms = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        type Case<'a> = (&'a [i32], Option<i32>, &'a str, Option<bool>);
        let cases: &[Case] = &[
            (
                &[2007],
                Some(2003),
                "from 81,000 in 2003 to 106,000 in 2007",
                Some(true),
            ),
            (&[2007], Some(2003), "81,000 units in 2003", Some(false)),
            (&[2007], None, "81,000 units", None),
            (&[], Some(2003), "81,000 units in 2003", None),
        ];
        for (years, period, sentence, fit) in cases {
            assert_eq!(period_fit(years, *period, &terms(sentence)), *fit, "{sentence}");
        }
    }

    #[test]
    fn the_year_asked_for_outranks_a_better_match_for_another_year() {
        let other_year = Signals {
            period_fit: Some(false),
            sentence_coverage: 0.9,
            sentence_bm25: 0.6,
            ..base()
        };
        let asked_year = Signals {
            period_fit: Some(true),
            sentence_coverage: 0.25,
            sentence_bm25: 0.35,
            ..base()
        };
        assert!(score(&asked_year) > score(&other_year));
    }

    #[test]
    fn a_real_figure_outranks_a_count_in_words() {
        let wording = Signals {
            wording_counts: true,
            sentence_bm25: 0.6,
            ..base()
        };
        assert!(score(&base()) > score(&wording));
    }

    #[test]
    fn fitting_measure_outranks_misfitting() {
        let fits = Signals {
            measure: MeasureFit::Fits,
            ..base()
        };
        let misfits = Signals {
            measure: MeasureFit::Misfits,
            ..base()
        };
        assert!(score(&fits) > score(&misfits));
    }

    #[test]
    fn figure_per_the_asked_unit_outranks_a_more_relevant_total() {
        let total = Signals {
            sentence_bm25: 0.8,
            sentence_coverage: 0.7,
            ..base()
        };
        let per_hour = Signals {
            rate_fit: true,
            sentence_coverage: 0.3,
            ..base()
        };
        assert!(score(&per_hour) > score(&total));
        assert!(score(&per_hour) > score(&base()));
    }

    #[test]
    fn missing_name_outweighs_relevance() {
        let right = base();
        let other_company = Signals {
            missing_keys: 1,
            sentence_bm25: 1.0,
            article_bm25: 1.0,
            ..base()
        };
        assert!(score(&right) > score(&other_company));
        assert!(!is_answer(&other_company));
    }

    #[test]
    fn coverage_decides_answerability() {
        assert!(is_answer(&base()));
        assert!(!is_answer(&Signals {
            coverage: 0.3,
            ..base()
        }));
    }

    #[test]
    fn a_how_many_question_needs_its_counted_thing_near_the_figure_or_named() {
        let asked = Signals {
            focus_asked: true,
            measure: MeasureFit::Fits,
            ..base()
        };
        assert!(!is_answer(&asked));
        assert!(is_answer(&Signals {
            unit_fit: true,
            ..asked
        }));
        assert!(is_answer(&Signals {
            focus_named: true,
            ..asked
        }));
        assert!(!is_answer(&Signals {
            focus_named: true,
            measure: MeasureFit::Misfits,
            ..asked
        }));
        // People of another kind answer ("58,000 customers" for "how many subscribers"),
        // without ranking as a fit.
        let kin = Signals {
            kin_fit: true,
            ..asked
        };
        assert!(is_answer(&kin));
        assert_eq!(score(&kin), score(&asked));
    }

    #[test]
    fn one_missing_key_in_four_is_tolerated() {
        let cases = [
            (1, 1, false),
            (2, 1, false),
            (3, 1, false),
            (4, 1, true),
            (4, 2, false),
            (8, 2, true),
        ];
        for (keys, missing_keys, answers) in cases {
            let signals = Signals {
                keys,
                missing_keys,
                ..base()
            };
            assert_eq!(is_answer(&signals), answers, "{missing_keys} of {keys} missing");
        }
    }

    #[test]
    fn measure_fit_table() {
        use QuantityKind::*;
        let cases: &[(&[QuantityKind], &[QuantityKind], MeasureFit)] = &[
            (&[], &[], MeasureFit::NoQuantity),
            (&[Money], &[], MeasureFit::NoQuantity),
            (&[], &[Count], MeasureFit::NotAsked),
            (&[Money], &[Percent, Money], MeasureFit::Fits),
            (&[Count], &[Money], MeasureFit::Misfits),
        ];
        for (wanted, kinds, expected) in cases {
            assert_eq!(measure_fit(wanted, kinds), *expected, "{wanted:?} vs {kinds:?}");
        }
    }
}
