//! American spellings, written the British way before stemming.
//!
//! The stemmer keeps "organization" ("organ") apart from "organisation" ("organis"), "color"
//! from "colour" and "defense" from "defence". Reports come in either spelling, and users
//! type their own: writing every American form the British way, in the index and in queries
//! alike, makes both one term. Changing this changes the index: bump `SCHEMA_VERSION`.

use std::borrow::Cow;

/// American roots and their British spelling; a word starting with one is rewritten
/// ("favorites" as "favourites"). A British word that happens to start with the same letters
/// ("honorary") is rewritten too, the same way in text and queries, so nothing is lost.
const ROOTS: &[(&str, &str)] = &[
    ("color", "colour"),
    ("favor", "favour"),
    ("honor", "honour"),
    ("labor", "labour"),
    ("behavior", "behaviour"),
    ("neighbor", "neighbour"),
    ("rumor", "rumour"),
    ("humor", "humour"),
    ("flavor", "flavour"),
    ("harbor", "harbour"),
    ("endeavor", "endeavour"),
    ("armor", "armour"),
    ("center", "centre"),
    ("theater", "theatre"),
    ("fiber", "fibre"),
    ("liter", "litre"),
    ("defense", "defence"),
    ("offense", "offence"),
    ("license", "licence"),
    ("catalog", "catalogue"),
    ("dialog", "dialogue"),
    ("program", "programme"),
    ("aluminum", "aluminium"),
    ("skeptic", "sceptic"),
    ("gray", "grey"),
];

/// Endings after "iz" ("realize", "organizations") or "yz" ("analyzed") that make them the
/// American "-ize" or "-yze" suffix.
const IZE_ENDINGS: &[&str] = &["e", "es", "ed", "ing", "er", "ers", "ation", "ations", "able"];

/// Fewest letters before "iz" for it to be a suffix: "realize", not "size", "prize" or "seize".
const MIN_IZE_STEM: usize = 3;

/// `word` (lowercased) in British spelling, borrowed when it already is.
pub fn british(word: &str) -> Cow<'_, str> {
    if let Some((american, british)) = ROOTS.iter().find(|(a, _)| word.starts_with(a)) {
        // "programme" is already British: leave words that go on with the British spelling.
        if !word.starts_with(british) {
            return Cow::Owned(format!("{british}{}", &word[american.len()..]));
        }
    }
    for (z, s) in [("iz", "is"), ("yz", "ys")] {
        if let Some(at) = word.rfind(z) {
            let ending = &word[at + z.len()..];
            if at >= MIN_IZE_STEM && IZE_ENDINGS.contains(&ending) {
                return Cow::Owned(format!("{}{s}{ending}", &word[..at]));
            }
        }
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn american_spellings_are_written_the_british_way() {
        let cases = [
            ("organization", "organisation"),
            ("organizations", "organisations"),
            ("realized", "realised"),
            ("privatizing", "privatising"),
            ("analyze", "analyse"),
            ("favorites", "favourites"),
            ("color", "colour"),
            ("defense", "defence"),
            ("programs", "programmes"),
            ("centers", "centres"),
            // Already British, or no suffix at all.
            ("programme", "programme"),
            ("colour", "colour"),
            ("size", "size"),
            ("prize", "prize"),
            ("seize", "seize"),
            ("citizen", "citizen"),
            ("wizard", "wizard"),
            ("record", "record"),
        ];
        for (word, british_form) in cases {
            assert_eq!(british(word), british_form, "{word}");
        }
    }
}
