//! Word forms the stemmer leaves apart but a reader sees as one: derivations ("ownership" and
//! "owned"), and acronyms ("FDI" and "foreign direct investment", "IE" for Internet
//! Explorer). Pure functions over analysed terms and raw text.

/// Endings that make a noun of a verb and that the stemmer keeps: "ownership" / "own",
/// "shipment" / "ship", "buyer" / "buy", "seizure" / "seize", "storage" / "store".
const DERIVATION_ENDINGS: &[&str] = &["ment", "ership", "ship", "er", "ur", "ag"];

/// Two stems share a root when the shorter (at least 4 letters, and 60% of the longer) starts
/// the longer, or the longer is the shorter (at least 3 letters) with a derivation ending:
/// derivations the stemmer leaves apart.
pub fn same_root(a: &str, b: &str) -> bool {
    // Every rule below needs three letters in common at the start: reject the rest cheaply
    // (ranking asks this for every query word against every candidate word).
    if a.len() < 3 || b.len() < 3 || a.as_bytes()[..3] != b.as_bytes()[..3] {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if let Some(ending) = long.strip_prefix(short) {
        return (short.len() >= 4 && short.len() * 5 >= long.len() * 3)
            || (short.len() >= 3 && DERIVATION_ENDINGS.contains(&ending));
    }
    // A stem may keep a silent "e" its derivation drops: "close" / "closur".
    short
        .strip_suffix('e')
        .filter(|root| root.len() >= 3)
        .and_then(|root| long.strip_prefix(root))
        .is_some_and(|ending| DERIVATION_ENDINGS.contains(&ending))
}

/// True when consecutive terms start with the acronym's letters ("foreign direct investment").
pub fn spells_acronym(terms: &[String], acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().collect();
    if letters.len() < 2 || terms.len() < letters.len() {
        return false;
    }
    terms
        .windows(letters.len())
        .any(|w| w.iter().zip(&letters).all(|(t, l)| t.starts_with(*l)))
}

/// Words of two to five letters written all in capitals ("IE", "WTO"), lowercased.
pub fn capitalised_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Pronouns that open a sentence about someone or something named earlier.
const OPENING_PRONOUNS: [&str; 8] = ["It", "Its", "He", "His", "She", "Her", "They", "Their"];
/// Determiners that, before a common noun, point back to something named earlier.
const OPENING_DETERMINERS: [&str; 3] = ["The", "This", "These"];

/// True when a sentence refers back to what the article is about: it opens with a pronoun
/// ("It made a loss") or a definite common noun ("The company is 85% owned", "The movie
/// took $28.5m"), also after an attribution ("According to Reuters, they plan to seize"),
/// or names "the new" thing anywhere ("120 games are in development for the new console").
/// "The Simpsons" and "The UK" are names, not references.
pub fn refers_back(sentence: &str) -> bool {
    let clause = sentence
        .strip_prefix("According to ")
        .and_then(|rest| rest.split_once(", "))
        .map_or(sentence, |(_, clause)| clause);
    let mut words = clause
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let Some(first) = words.next() else {
        return false;
    };
    let opens_with = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(first));
    opens_with(&OPENING_PRONOUNS)
        || opens_with(&OPENING_DETERMINERS) && words.next().is_some_and(is_common_word)
        || sentence.match_indices(" the new ").any(|(at, found)| {
            sentence[at + found.len()..]
                .split_whitespace()
                .next()
                .is_some_and(is_common_word)
        })
}

/// A common word: lowercase throughout ("iPod" is a name).
fn is_common_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase()) && !word.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_table() {
        let cases = [
            ("seizur", "seiz", true),
            ("ownership", "own", true),
            ("shipment", "ship", true),
            ("buyer", "buy", true),
            ("develop", "developer", true),
            ("fact", "faction", false),
            ("own", "owe", false),
            ("cat", "catalogu", false),
            ("ship", "shipyard", false),
            ("close", "closur", true),
            ("storag", "store", true),
            ("shortag", "short", true),
            ("base", "basement", true),
            ("case", "casual", false),
        ];
        for (a, b, expected) in cases {
            assert_eq!(same_root(a, b), expected, "{a} / {b}");
            assert_eq!(same_root(b, a), expected, "{b} / {a}");
        }
    }

    #[test]
    fn acronym_letters_and_capitalised_words() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(spells_acronym(
            &words(&["india", "foreign", "direct", "invest"]),
            "fdi"
        ));
        assert!(!spells_acronym(&words(&["foreign", "invest"]), "fdi"));
        assert_eq!(
            capitalised_words("While IE's share fell, the WTO and BBC-owned Z said A lot"),
            vec!["ie", "wto", "bbc"]
        );
    }

    #[test]
    fn refers_back_table() {
        let cases = [
            ("The company is 85% owned by the government.", true),
            ("The movie, which stars Ben Stiller, took $28.5m.", true),
            ("It made a loss of 27.2m euros.", true),
            ("\"Their sales fell 3%,\" he said.", true),
            ("This kind of analysis usually takes months.", true),
            (
                "More than 120 games are in development for the new console.",
                true,
            ),
            ("Sales of the new iPod rose.", false),
            ("The Simpsons is the greatest TV show.", false),
            ("The UK's jobless rate rose to 4.7%.", false),
            ("Shares in Borussia Dortmund dropped 23%.", false),
            ("Items sold include iron ingots.", false),
            ("", false),
        ];
        for (sentence, expected) in cases {
            assert_eq!(refers_back(sentence), expected, "{sentence}");
        }
    }
}
