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
    use QuantityKind::{Count, Duration, Measure, Money, Multiplier, Percent};
    &[
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
        ("loss", &[Money]),
        ("losses", &[Money]),
        ("deficit", &[Money, Percent]),
        ("debt", &[Money]),
        ("tax", &[Money, Percent]),
        ("gdp", &[Money, Percent]),
        ("exports", &[Money, Percent]),
        ("imports", &[Money, Percent]),
        ("market", &[Money, Percent]),
        ("share", &[Percent]),
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
    MEASURES.iter().find(|(w, _)| *w == word).map(|(_, kinds)| *kinds)
}

/// Two-word phrases that ask for a kind of quantity: "how many", "how much", "market size".
/// They decide for both their words, before the words' own kinds.
pub fn question_kinds(first: &str, second: &str) -> Option<&'static [QuantityKind]> {
    use QuantityKind::{Count, Duration, Money, Percent};
    match (first, second) {
        ("how", "many") => Some(&[Count]),
        ("how", "much") => Some(&[Money, Count]),
        ("how", "long") => Some(&[Duration]),
        ("what", "share" | "proportion" | "percentage") => Some(&[Percent]),
        ("market", "size" | "value" | "scale" | "worth") => Some(&[Money]),
        ("market", "share") => Some(&[Percent]),
        ("how", "high") => Some(&[Percent, Money, Count]),
        _ => None,
    }
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

/// Forms of an analysed (stemmed) place name that the stemmer leaves apart: the place and its
/// people or adjective ("colombia" / "colombian", "india" / "indian", "venezuelan" /
/// "venezuela"). Candidates only: the caller keeps those the index knows. Short words are
/// left alone ("iran" is not "ira", "japan" not "japa").
pub fn place_forms(term: &str) -> Vec<String> {
    const MIN_LETTERS: usize = 4;
    if term.len() < MIN_LETTERS || !term.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut forms = Vec::new();
    if term.ends_with('a') {
        forms.push(format!("{term}n"));
    }
    if let Some(place) = term
        .strip_suffix('n')
        .filter(|p| p.ends_with('a') && p.len() > MIN_LETTERS)
    {
        forms.push(place.to_string());
    }
    forms
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
            ("losses", Some(&[Money])),
            ("turnout", Some(&[Percent])),
            ("speed", Some(&[Measure])),
            ("unemployment", Some(&[Percent, Count])),
            ("venezuela", None),
        ];
        for (word, kinds) in cases {
            assert_eq!(measure_kinds(word), *kinds, "{word}");
        }
    }

    #[test]
    fn place_forms_pair_places_with_their_adjectives() {
        let cases: &[(&str, &[&str])] = &[
            ("colombia", &["colombian"]),
            ("venezuelan", &["venezuela"]),
            ("india", &["indian"]),
            ("iran", &[]),
            ("japan", &[]),
            ("bp", &[]),
            ("2004", &[]),
        ];
        for (term, expected) in cases {
            assert_eq!(&place_forms(term), expected, "{term}");
        }
    }
}
