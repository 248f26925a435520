//! The rate a query asks for: "every hour", "a year", "daily". A figure stated per that
//! unit ("$1.8m an hour", "70 million passengers a year") fits the question.

use super::focus::analysed_terms;

/// The analysed forms of the time unit the query asks a rate per ("every hour", "a year",
/// "daily"), so that "$1.8m an hour" or "70 million passengers a year" fits; empty when the
/// query asks for no rate.
pub fn rate_terms(lower: &[String]) -> Vec<String> {
    let Some(forms) = (0..lower.len()).find_map(|i| rate_unit(lower, i)) else {
        return Vec::new();
    };
    analysed_terms(forms.iter().copied())
}

/// Time units a figure can be stated per, each with the words that name it: the unit after a
/// rate marker ("every hour") or an adjective on its own ("hourly", "annual").
const RATE_UNITS: &[&[&str]] = &[
    &["hour", "hourly"],
    &["day", "daily"],
    &["week", "weekly"],
    &["month", "monthly"],
    &["quarter", "quarterly"],
    &["year", "yearly", "annual", "annually"],
];

/// Words that make the next word the unit of a rate: "every hour", "per day", "a year".
const RATE_MARKERS: &[&str] = &["a", "an", "per", "every", "each"];

/// Words after "a year" that make it a point in time, not a rate: "a year ago".
const POINT_IN_TIME_AFTER: &[&str] = &["ago", "earlier", "before", "later", "after", "on", "since"];

/// The words naming the time unit of a rate asked for at `lower[i]` (lowercased words):
/// "hour" in "every hour", or "daily" on its own.
fn rate_unit(lower: &[String], i: usize) -> Option<&'static [&'static str]> {
    let word = lower.get(i)?.as_str();
    let unit = RATE_UNITS.iter().find(|forms| forms.contains(&word))?;
    if word == unit[0] {
        let marked = i
            .checked_sub(1)
            .and_then(|p| lower.get(p))
            .is_some_and(|p| RATE_MARKERS.contains(&p.as_str()));
        let point_in_time = lower
            .get(i + 1)
            .is_some_and(|n| POINT_IN_TIME_AFTER.contains(&n.as_str()));
        (marked && !point_in_time).then_some(*unit)
    } else {
        Some(*unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::focus::tests::words;

    #[test]
    fn rates_are_found_after_a_marker_or_as_an_adverb() {
        let cases: &[(&str, Option<&str>)] = &[
            ("how much money is bp making every hour", Some("hour")),
            ("passengers a year", Some("year")),
            ("daily web visits", Some("day")),
            ("bp annual earnings", Some("year")),
            ("sales per month", Some("month")),
            ("profit a year ago", None),
            ("the year of the dragon", None),
            ("short drama viewers", None),
        ];
        for (query, unit) in cases {
            let terms = rate_terms(&words(query));
            match unit {
                Some(unit) => assert!(terms.contains(&unit.to_string()), "{query}: {terms:?}"),
                None => assert!(terms.is_empty(), "{query}: {terms:?}"),
            }
        }
    }
}
