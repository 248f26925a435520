//! Word lists the query analysis relies on: words that carry no topic, and words that say
//! which kind of quantity the user wants.

use crate::facts::QuantityKind;

/// Function words and question words: they never decide whether a fact matches.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "for",
    "from",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "me",
    "more",
    "most",
    "my",
    "of",
    "on",
    "or",
    "our",
    "over",
    "per",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "up",
    "us",
    "vs",
    "versus",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "must",
    "should",
    "might",
    "shall",
    "you",
    "your",
    "many",
    "much",
    "often",
    "tell",
    "say",
    "said",
    "says",
    "according",
    "figure",
    "figures",
    "number",
    "amount",
    "total",
    "s",
    "t",
    "among",
    "once",
    "able",
    "every",
    "make",
    "makes",
    "making",
    "made",
    "money",
    "just",
    "now",
    "still",
    "yet",
    "ever",
    "very",
    "here",
];

/// True for words that never decide a match.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Measure words: the kinds of quantity a word asks for. Checked on lowercased words.
const MEASURES: &[(&str, &[QuantityKind])] = {
    use QuantityKind::{Age, Count, Duration, Measure, Money, Multiplier, Odds, Percent};
    &[
        ("age", &[Age]),
        ("odds", &[Odds]),
        ("viewers", &[Count]),
        ("viewer", &[Count]),
        ("viewership", &[Count]),
        ("audience", &[Count]),
        ("audiences", &[Count]),
        ("users", &[Count, Percent]),
        ("people", &[Count]),
        ("subscribers", &[Count]),
        ("passengers", &[Count]),
        ("visitors", &[Count]),
        ("staff", &[Count]),
        ("workers", &[Count]),
        ("jobs", &[Count]),
        ("redundancies", &[Count]),
        ("customers", &[Count]),
        ("downloads", &[Count]),
        ("copies", &[Count]),
        ("units", &[Count]),
        ("members", &[Count]),
        ("participants", &[Count]),
        ("volunteers", &[Count]),
        ("population", &[Count]),
        ("admissions", &[Count]),
        ("attendance", &[Count]),
        ("players", &[Count]),
        ("countries", &[Count]),
        ("titles", &[Count]),
        ("games", &[Count]),
        ("consoles", &[Count]),
        ("employees", &[Count]),
        ("headcount", &[Count]),
        ("workforce", &[Count]),
        ("voters", &[Count]),
        ("votes", &[Count]),
        ("seats", &[Count]),
        ("deaths", &[Count]),
        ("victims", &[Count]),
        ("tickets", &[Count]),
        ("fans", &[Count]),
        ("readers", &[Count]),
        ("listeners", &[Count]),
        ("tourists", &[Count]),
        ("students", &[Count]),
        ("households", &[Count]),
        ("vehicles", &[Count]),
        ("revenue", &[Money]),
        ("revenues", &[Money]),
        ("sales", &[Money, Count]),
        ("profit", &[Money, Percent]),
        ("profits", &[Money, Percent]),
        ("earnings", &[Money, Percent]),
        ("cost", &[Money]),
        ("costs", &[Money]),
        ("price", &[Money]),
        ("spending", &[Money]),
        ("spend", &[Money]),
        ("budget", &[Money]),
        ("investment", &[Money]),
        ("invest", &[Money]),
        ("takings", &[Money]),
        ("money", &[Money]),
        ("cash", &[Money]),
        ("turnover", &[Money]),
        ("income", &[Money]),
        ("valuation", &[Money]),
        ("value", &[Money]),
        ("worth", &[Money]),
        ("fine", &[Money]),
        ("salary", &[Money]),
        ("wage", &[Money]),
        ("wages", &[Money]),
        ("fee", &[Money]),
        ("fees", &[Money]),
        ("bonus", &[Money]),
        ("funding", &[Money]),
        ("prize", &[Money]),
        ("damages", &[Money]),
        ("loss", &[Money, Percent]),
        ("losses", &[Money, Percent]),
        ("deficit", &[Money, Percent]),
        ("debt", &[Money]),
        ("tax", &[Money, Percent]),
        ("gdp", &[Money, Percent]),
        ("exports", &[Money, Percent]),
        ("imports", &[Money, Percent]),
        ("market", &[Money, Percent]),
        ("share", &[Percent]),
        ("funds", &[Money]),
        ("tally", &[Count]),
        ("shares", &[Percent, Money]),
        ("rate", &[Percent]),
        ("percent", &[Percent]),
        ("percentage", &[Percent]),
        ("proportion", &[Percent]),
        ("inflation", &[Percent]),
        ("unemployment", &[Percent, Count]),
        ("margin", &[Percent]),
        ("margins", &[Percent]),
        ("fraction", &[Percent]),
        ("turnout", &[Percent]),
        ("growth", &[Percent, Multiplier]),
        ("grow", &[Percent, Multiplier]),
        ("rise", &[Percent, Multiplier]),
        ("fall", &[Percent]),
        ("drop", &[Percent]),
        ("slump", &[Percent]),
        ("time", &[Duration]),
        ("minutes", &[Duration]),
        ("hours", &[Duration]),
        ("days", &[Duration]),
        ("weeks", &[Duration]),
        ("months", &[Duration]),
        ("years", &[Duration]),
        ("duration", &[Duration]),
        ("range", &[Measure]),
        ("distance", &[Measure]),
        ("speed", &[Measure]),
        ("weight", &[Measure]),
        ("length", &[Measure]),
        ("height", &[Measure]),
        ("capacity", &[Measure, Count]),
        ("area", &[Measure]),
        ("size", &[Measure, Count, Money]),
    ]
};

/// The quantity kinds `word` (lowercased) asks for, if it is a measure word.
pub fn measure_kinds(word: &str) -> Option<&'static [QuantityKind]> {
    MEASURES
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, kinds)| *kinds)
        .or_else(|| super::words_zh::measure_kinds(word))
}

/// Two-word phrases that ask for a kind of quantity: "how many", "how much", "market size".
/// They decide for both their words, before the words' own kinds.
pub fn question_kinds(first: &str, second: &str) -> Option<&'static [QuantityKind]> {
    use QuantityKind::{Age, Count, Duration, Measure, Money, Percent};
    match (first, second) {
        ("how", "many") => Some(&[Count]),
        ("how", "much") => Some(&[Money, Count]),
        // "how quickly did the shares sell out": "within 10 minutes".
        ("how", "long" | "quickly" | "soon") => Some(&[Duration]),
        ("how", "far" | "heavy" | "tall") => Some(&[Measure]),
        ("how", "old") => Some(&[Age]),
        ("what", "share" | "proportion" | "percentage") => Some(&[Percent]),
        ("market", "size" | "value" | "scale" | "worth") => Some(&[Money]),
        ("market", "share") => Some(&[Percent]),
        // "Share" before a deal in shares is stock, not a proportion: "share sale", and
        // "share price" asks for money.
        ("share", "price" | "prices") => Some(&[Money]),
        ("share", "sale" | "sales" | "offer" | "offering" | "issue" | "placing") => Some(&[]),
        ("how", "high") => Some(&[Percent, Money, Count]),
        _ => super::words_zh::question_kinds(first, second),
    }
}

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
    fn measure_words_ask_for_their_kind_of_quantity() {
        use QuantityKind::*;
        let cases: &[(&str, Option<&[QuantityKind]>)] = &[
            ("viewers", Some(&[Count])),
            ("voters", Some(&[Count])),
            ("losses", Some(&[Money, Percent])),
            ("turnout", Some(&[Percent])),
            ("speed", Some(&[Measure])),
            ("days", Some(&[Duration])),
            ("unemployment", Some(&[Percent, Count])),
            ("headcount", Some(&[Count])),
            ("funds", Some(&[Money])),
            ("tally", Some(&[Count])),
            ("venezuela", None),
        ];
        for (word, kinds) in cases {
            assert_eq!(measure_kinds(word), *kinds, "{word}");
        }
    }

    #[test]
    fn question_phrases_ask_for_their_kind_of_quantity() {
        use QuantityKind::*;
        let cases: &[(&str, &str, Option<&[QuantityKind]>)] = &[
            ("how", "many", Some(&[Count])),
            ("how", "long", Some(&[Duration])),
            ("how", "quickly", Some(&[Duration])),
            ("how", "old", Some(&[Age])),
            ("how", "far", Some(&[Measure])),
            ("what", "share", Some(&[Percent])),
            ("share", "price", Some(&[Money])),
            ("share", "sale", Some(&[])),
            ("how", "often", None),
            ("how", "fast", None),
        ];
        for (first, second, kinds) in cases {
            assert_eq!(question_kinds(first, second), *kinds, "{first} {second}");
        }
    }
}
