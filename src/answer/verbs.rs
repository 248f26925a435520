//! Verbs the planner reads: verbs of paying, which make "how much" ask for money, and the
//! verbs that end the noun phrase after "how many".

use crate::facts::QuantityKind;

use super::words::measure_kinds;

/// Verbs of paying and being paid: beside "how much" they ask for a sum of money, not an
/// amount of something ("how much did each bidder pay" is not "10 proposed domains").
const MONEY_VERBS: &[&str] = &[
    "pay", "pays", "paid", "paying", "spend", "spends", "spent", "charge", "charges", "charged", "earn",
    "earns", "earned", "raise", "raised", "owe", "owes", "owed", "fetch", "fetched", "cost", "costs",
    "costing",
];

/// True when `word` (lowercased) is a verb of paying, or a measure word that asks only for money.
pub fn speaks_of_money(word: &str) -> bool {
    MONEY_VERBS.contains(&word) || measure_kinds(word) == Some(&[QuantityKind::Money])
}

/// Common verbs that end the noun phrase after "how many": in "how many people watch short
/// dramas" the figure counts people, not dramas.
const PHRASE_ENDING_VERBS: &[&str] = &[
    "watch",
    "watched",
    "use",
    "used",
    "buy",
    "bought",
    "own",
    "owned",
    "live",
    "lived",
    "work",
    "worked",
    "play",
    "played",
    "visit",
    "visited",
    "attend",
    "attended",
    "see",
    "saw",
    "seen",
    "read",
    "download",
    "downloaded",
    "subscribe",
    "subscribed",
    "pay",
    "paid",
    "fly",
    "flew",
    "travel",
    "vote",
    "voted",
    "sell",
    "sold",
    "lose",
    "lost",
    "earn",
    "earned",
    "spend",
    "spent",
    "join",
    "joined",
    "take",
    "took",
    "contain",
    "contains",
    "go",
    "went",
    "come",
    "came",
    "need",
    "needed",
    "want",
    "wanted",
];

/// True for a verb that ends the counted noun phrase.
pub fn ends_noun_phrase(word: &str) -> bool {
    PHRASE_ENDING_VERBS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_of_paying_and_money_words_speak_of_money() {
        for (word, money) in [
            ("paid", true),
            ("spent", true),
            ("cost", true),
            ("funds", true),
            ("oil", false),
            ("sales", false),
        ] {
            assert_eq!(speaks_of_money(word), money, "{word}");
        }
    }

    #[test]
    fn common_verbs_end_the_counted_noun_phrase() {
        assert!(ends_noun_phrase("watch"));
        assert!(!ends_noun_phrase("people"));
    }
}
