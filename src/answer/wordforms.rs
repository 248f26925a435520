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

/// The verb and particle a word the index lacks may be written as, analysed: "setup" as
/// "set up", "checkout" as "check out", "shutdown" as "shut down". `known` says whether the
/// index has an analysed term. Only a particle may end the word: "youtube" is no "you tube"
/// and "facebook" no "face book", they are names the index does not know.
pub fn split_compound(word: &str, known: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    const PARTICLES: &[&str] = &["up", "out", "down", "off", "over", "back", "in"];
    let analysed = |part: &str| match crate::index::analyze(part).as_slice() {
        [one] if known(&one.term) => Some(one.term.clone()),
        _ => None,
    };
    if !word.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    PARTICLES.iter().find_map(|particle| {
        let verb = word.strip_suffix(particle).filter(|v| v.len() >= 2)?;
        Some(vec![analysed(verb)?, analysed(particle)?])
    })
}

/// The adjective a comparative or superlative the index lacks is made of, analysed:
/// "bigger" is big, "largest" large, "cheaper" cheap, "happier" happy. A word of degree,
/// not a name the knowledge base does not know. `known` says whether the index has an
/// analysed term.
pub fn comparative_base(word: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    if !word.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let stem = word.strip_suffix("est").or_else(|| word.strip_suffix("er"))?;
    if stem.len() < 2 {
        return None;
    }
    let bytes = stem.as_bytes();
    let undoubled = (bytes.len() >= 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2])
        .then(|| &stem[..stem.len() - 1]);
    let candidates = [
        Some(stem.to_string()),
        undoubled.map(str::to_string),
        Some(format!("{stem}e")),
        stem.strip_suffix('i').map(|s| format!("{s}y")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|base| match crate::index::analyze(&base).as_slice() {
            [one] if known(&one.term) => Some(one.term.clone()),
            _ => None,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparative_the_index_lacks_is_its_adjective() {
        let known = |t: &str| ["big", "larg", "cheap", "happi", "stream"].contains(&t);
        let cases = [
            ("bigger", Some("big")),
            ("biggest", Some("big")),
            ("largest", Some("larg")),
            ("cheaper", Some("cheap")),
            ("happier", Some("happi")),
            ("streamer", Some("stream")),
            // No adjective the index has, or typed as a name.
            ("zoomer", None),
            ("Bigger", None),
            ("er", None),
        ];
        for (word, expected) in cases {
            assert_eq!(comparative_base(word, known).as_deref(), expected, "{word}");
        }
    }

    #[test]
    fn a_word_the_index_lacks_may_be_a_verb_and_particle_it_has() {
        let known =
            |t: &str| ["set", "up", "check", "out", "spot", "you", "tube", "face", "book"].contains(&t);
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("setup", Some(&["set", "up"])),
            ("checkout", Some(&["check", "out"])),
            // A name the index lacks stays one word, even when it joins two known words.
            ("spotify", None),
            ("youtube", None),
            ("facebook", None),
            // Typed with a capital: a name.
            ("Setup", None),
        ];
        for (word, expected) in cases {
            let expected = expected.map(|e| e.iter().map(|t| t.to_string()).collect::<Vec<_>>());
            assert_eq!(split_compound(word, known), expected, "{word}");
        }
    }

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
}
