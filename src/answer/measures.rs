//! The kinds of quantity a query asks for: "how many" a count, "revenue" money, "market
//! share" a percentage. Pure: the caller hands in the query's words.

use crate::facts::QuantityKind;

use super::verbs::speaks_of_money;
use super::words::{measure_kinds, question_kinds};

/// The kinds of quantity asked for by the query's words (`originals` as typed, `lower`
/// lowercased), each once, in the order the words ask for them. Two-word phrases decide
/// for both their words ("market share" is a percentage, not money).
pub fn asked_measures(originals: &[&str], lower: &[String]) -> Vec<QuantityKind> {
    let mut measures: Vec<QuantityKind> = Vec::new();
    let mut add_measures = |kinds: &[QuantityKind]| {
        for kind in kinds {
            if !measures.contains(kind) {
                measures.push(*kind);
            }
        }
    };
    // A capitalised word beside another is part of a name, not a measure: "Time Warner
    // profit" asks for money, not a duration; "Sky News viewers" for a count.
    let capitalised = |i: usize| {
        originals
            .get(i)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    };
    let mut decided: Vec<bool> = (0..lower.len())
        .map(|i| capitalised(i) && (capitalised(i + 1) || i > 0 && capitalised(i - 1)))
        .collect();
    for (i, pair) in lower.windows(2).enumerate() {
        if decided[i] || decided[i + 1] {
            continue;
        }
        if let Some(kinds) = question_kinds(&pair[0], &pair[1]) {
            // "How much" asks for money or an amount; a verb of paying settles it.
            let paying = kinds == [QuantityKind::Money, QuantityKind::Count]
                && lower.iter().any(|w| speaks_of_money(w));
            // "How much of Indian Petrochemicals does Reliance own?" asks for a part of a
            // whole: "46%-owned".
            let part_of = pair == ["how", "much"] && lower.get(i + 2).is_some_and(|w| w == "of");
            add_measures(if part_of {
                &[QuantityKind::Percent]
            } else if paying {
                &[QuantityKind::Money]
            } else {
                kinds
            });
            // "How much more would the UK pay than France?": "14 times as much" or "19% less"
            // answers a comparison as well as an amount does.
            let compared = pair == ["how", "much"]
                && lower.get(i + 2).is_some_and(|w| w == "more" || w == "less")
                && lower[i + 2..].iter().any(|w| w == "than");
            if compared {
                add_measures(&[QuantityKind::Multiplier, QuantityKind::Percent]);
            }
            decided[i] = true;
            decided[i + 1] = true;
        }
    }
    for (word, _) in lower.iter().zip(&decided).filter(|(_, d)| !**d) {
        if let Some(kinds) = measure_kinds(word) {
            add_measures(kinds);
        }
    }
    measures
}

/// Whether a query concept (its words as typed, e.g. "market size" or "viewers") names a
/// measure rather than what is measured: a measure word, or a two-word phrase asking for a
/// kind of quantity.
pub fn names_a_measure(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words.iter().any(|w| measure_kinds(w).is_some())
        || words
            .windows(2)
            .any(|pair| question_kinds(&pair[0], &pair[1]).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuantityKind::*;

    #[test]
    fn words_and_phrases_ask_for_their_kinds() {
        let cases: &[(&str, &[QuantityKind])] = &[
            ("Time Warner profit", &[Money, Percent]),
            ("BT market share", &[Percent]),
            ("how much did Glazer pay", &[Money]),
            ("how much oil", &[Money, Count]),
            ("how much of Indian Petrochemicals does Reliance own", &[Percent]),
            // A comparison is answered by a ratio as well as by an amount.
            (
                "how much more would the UK pay than France",
                &[Money, Multiplier, Percent],
            ),
            ("how much more money", &[Money]),
            // "Sky News" is a name, not a piece of news; viewers are counted.
            ("Sky News viewers", &[Count]),
            ("Kuaishou", &[]),
        ];
        for (query, expected) in cases {
            let originals: Vec<&str> = query.split_whitespace().collect();
            let lower: Vec<String> = originals.iter().map(|w| w.to_lowercase()).collect();
            assert_eq!(asked_measures(&originals, &lower), *expected, "{query}");
        }
    }
}
