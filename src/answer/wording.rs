//! Which quantities are only wording: small or vague counts written in words ("two
//! initiatives", "thousands", "the millions of other sufferers") say how a sentence is put,
//! not a figure worth citing.

use crate::facts::{Quantity, QuantityKind};

/// Counts in words below this read as wording ("two initiatives", "three top executives"),
/// not as figures ("Eighty large firms", "eight million copies").
const SMALLEST_WORDED_FIGURE: f64 = 10.0;
/// Vague counts in words up to this are wording too ("thousands", "dozens"), as are
/// "millions" and "billions" whatever their value ([`is_vague_plural`]).
const LARGEST_VAGUE_WORDING: f64 = 1000.0;

/// True when every quantity of a sentence is a small or vague count written in words: such a
/// sentence carries no figure worth citing ("the world's two biggest reinsurers", "closing
/// at three-month lows"). Fractions and multipliers in words ("half", "doubled") are figures, and so
/// is any quantity of a kind the query asks for (`wanted`: "how long" and "five hours").
/// `text` is the sentence the quantities' spans point into.
pub fn only_wording_counts(text: &str, quantities: &[Quantity], wanted: &[QuantityKind]) -> bool {
    !quantities.is_empty()
        && quantities.iter().all(|q| {
            let written = text.get(q.span.clone()).unwrap_or("");
            !written.chars().any(|c| c.is_ascii_digit())
                && !matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiplier)
                && !wanted.contains(&q.kind)
                && (q.value < SMALLEST_WORDED_FIGURE
                    || q.approximate && (q.value <= LARGEST_VAGUE_WORDING || is_vague_plural(written)))
        })
}

/// "millions", "billions of": an order of magnitude, not a figure.
fn is_vague_plural(written: &str) -> bool {
    written
        .split_whitespace()
        .any(|word| word.eq_ignore_ascii_case("millions") || word.eq_ignore_ascii_case("billions"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_wording_counts_table() {
        let cases = [
            (
                "BT is introducing two initiatives that cost users thousands.",
                true,
            ),
            ("Police detained three top executives.", true),
            ("It received 45,000 complaints from two groups.", false),
            ("The band has sold about two million records.", false),
            ("Half of the money went to people who do not need it.", false),
            ("Sales doubled.", false),
            ("Eighty large net service firms have switched it on.", false),
            ("Oil prices closed at three-month lows.", true),
            ("Shares rose on Monday.", false),
            ("It helps the millions of other tremor sufferers.", true),
            ("About three million Britons have a hand tremor.", false),
        ];
        for (text, expected) in cases {
            let quantities = crate::facts::parse_quantities(text);
            assert_eq!(
                only_wording_counts(text, &quantities, &[]),
                expected,
                "{text}: {quantities:?}"
            );
        }
        // A kind the query asks for is a figure even in words.
        let text = "The site was down for about five hours.";
        let quantities = crate::facts::parse_quantities(text);
        assert!(only_wording_counts(text, &quantities, &[]));
        assert!(!only_wording_counts(text, &quantities, &[QuantityKind::Duration]));
    }
}
