//! Other names of a place: "Japan" is also "Japanese", "US" is also "American" and "United
//! States" (and a query's "America" means the US), "UK" is also "Britain" and "British". A
//! user asking about one finds text written with the other; the stemmer cannot know they are
//! one place.

use std::sync::LazyLock;

use crate::index::analyze;

/// Places whose names and adjectives share no regular ending, each with its other names.
/// Regular pairs ("Colombia" / "Colombian") are derived instead (see [`place_forms`]).
const NAMED_PLACES: &[&[&str]] = &[
    &["US", "American", "United States", "USA"],
    &["UK", "Britain", "British", "United Kingdom", "Britons"],
    &["Japan", "Japanese"],
    &["China", "Chinese"],
    &["France", "French"],
    &["Germany", "German"],
    &["Spain", "Spanish"],
    &["Italy", "Italian"],
    &["Netherlands", "Dutch", "Holland"],
    &["Switzerland", "Swiss"],
    &["Sweden", "Swedish"],
    &["Denmark", "Danish"],
    &["Norway", "Norwegian"],
    &["Finland", "Finnish"],
    &["Poland", "Polish"],
    &["Ireland", "Irish"],
    &["Portugal", "Portuguese"],
    &["Greece", "Greek"],
    &["Turkey", "Turkish"],
    &["Israel", "Israeli"],
    &["Iraq", "Iraqi"],
    &["Iran", "Iranian"],
    &["Pakistan", "Pakistani"],
    &["Thailand", "Thai"],
    &["Vietnam", "Vietnamese"],
    &["Philippines", "Philippine", "Filipino"],
    &["Europe", "European"],
    &["Canada", "Canadian"],
    &["Mexico", "Mexican"],
    &["Brazil", "Brazilian"],
    &["Egypt", "Egyptian"],
    &["Belgium", "Belgian"],
    &["Hungary", "Hungarian"],
    &["Scotland", "Scottish", "Scots"],
    &["Wales", "Welsh"],
    &["Peru", "Peruvian"],
    &["Chile", "Chilean"],
    &["Lebanon", "Lebanese"],
    &["Sudan", "Sudanese"],
];

/// Names that mean a place of [`NAMED_PLACES`] but not the other way round: "America" in a
/// query is the US, but "America" in text is as often "North America" or "Latin America".
const ONE_WAY: &[&[&str]] = &[&["America", "US", "American", "United States", "USA"]];

/// [`NAMED_PLACES`] (symmetric) and [`ONE_WAY`] rows, analysed like the index analyses text.
static ANALYSED: LazyLock<Vec<(bool, Vec<Vec<String>>)>> = LazyLock::new(|| {
    let analysed = |names: &[&str]| -> Vec<Vec<String>> {
        names
            .iter()
            .map(|n| analyze(n).into_iter().map(|t| t.term).collect())
            .collect()
    };
    NAMED_PLACES
        .iter()
        .map(|names| (true, analysed(names)))
        .chain(ONE_WAY.iter().map(|names| (false, analysed(names))))
        .collect()
});

/// One-word place names of [`ANALYSED`], for lookups per sentence.
static ONE_WORD_PLACES: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    ANALYSED
        .iter()
        .flat_map(|(_, names)| names.iter())
        .filter(|n| n.len() == 1)
        .map(|n| n[0].clone())
        .collect()
});

/// True when an analysed term is one of the named places ("us", "china", "british").
pub fn is_place(term: &str) -> bool {
    ONE_WORD_PLACES.contains(term)
}

/// Place names that, written in lower case, are more often another word ("us", "polish").
const AMBIGUOUS_IN_LOWER_CASE: &[&str] = &["us", "turkey", "china", "polish", "chile", "german"];

/// Other names of the place an analysed (stemmed) query word names, each as analysed terms
/// (a name may be two words: "united states"). `capitalised`: the user wrote the word with
/// a capital. Candidates only: the caller keeps those the index knows.
///
/// Besides [`NAMED_PLACES`], regular adjectives of capitalised words are derived:
/// "colombia" / "colombian", "india" / "indian", "venezuelan" / "venezuela" (in lower case
/// "media" is not a place). Short words are left alone there ("iran" is not "ira").
pub fn place_forms(term: &str, capitalised: bool) -> Vec<Vec<String>> {
    let mut forms: Vec<Vec<String>> = Vec::new();
    if !capitalised && AMBIGUOUS_IN_LOWER_CASE.contains(&term) {
        return forms;
    }
    let is_term = |n: &Vec<String>| n.len() == 1 && n[0] == term;
    for (symmetric, names) in ANALYSED.iter() {
        let applies = if *symmetric {
            names.iter().any(is_term)
        } else {
            is_term(&names[0])
        };
        if applies {
            forms.extend(names.iter().filter(|n| !is_term(n)).cloned());
        }
    }
    const MIN_LETTERS: usize = 4;
    if !capitalised || term.len() < MIN_LETTERS || !term.chars().all(|c| c.is_ascii_lowercase()) {
        return forms;
    }
    let adjective = term.ends_with('a').then(|| format!("{term}n"));
    let place = term
        .strip_suffix('n')
        .filter(|p| p.ends_with('a') && p.len() > MIN_LETTERS)
        .map(str::to_string);
    for derived in [adjective, place].into_iter().flatten() {
        let derived = vec![derived];
        if !forms.contains(&derived) {
            forms.push(derived);
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_terms(term: &str) -> Vec<String> {
        place_forms(term, true).into_iter().map(|f| f.join(" ")).collect()
    }

    #[test]
    fn place_forms_pair_places_with_their_other_names() {
        let cases: &[(&str, &[&str])] = &[
            ("colombia", &["colombian"]),
            ("venezuelan", &["venezuela"]),
            ("india", &["indian"]),
            ("iran", &["iranian"]),
            ("japan", &["japanes"]),
            ("japanes", &["japan"]),
            ("us", &["american", "unit state", "usa"]),
            ("america", &["us", "american", "unit state", "usa"]),
            ("british", &["uk", "britain", "unit kingdom", "briton"]),
            ("briton", &["uk", "britain", "british", "unit kingdom"]),
            ("bp", &[]),
            ("2004", &[]),
        ];
        for (term, expected) in cases {
            assert_eq!(&first_terms(term), expected, "{term}");
        }
    }

    #[test]
    fn lower_case_words_get_only_unambiguous_place_names() {
        assert_eq!(place_forms("japan", false), vec![vec!["japanes".to_string()]]);
        assert!(place_forms("us", false).is_empty());
        assert!(place_forms("polish", false).is_empty());
        assert!(place_forms("media", false).is_empty());
        assert_eq!(place_forms("media", true), vec![vec!["median".to_string()]]);
    }
}
