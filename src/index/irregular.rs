//! Irregular English word forms, mapped to the form the stemmer starts from.
//!
//! The Snowball stemmer strips suffixes; it cannot see that "rose" is "rise", "sold" is
//! "sell" or "grew" is "grow". News reports figures with exactly these verbs ("profits rose",
//! "sold eight million copies"), while users ask with the base form ("profit rise", "copies
//! sell"). Mapping the irregular form to its base before stemming makes both one term, in
//! the index and in queries alike. Changing this table changes the index: bump
//! `SCHEMA_VERSION`.
//!
//! Left out on purpose, because news uses them as other words as often: "left" (politics,
//! direction), "won" (Korea's currency), "fed" (the Fed), "lay" and "lie", "bore", "saw" as
//! a noun is rare but "sat"/"set"/"put" need no mapping.

/// The base form of an irregular past tense or participle, or of an irregular plural; `None`
/// for every other word. `word` must be lowercased.
pub fn base_form(word: &str) -> Option<&'static str> {
    let base = match word {
        "arose" | "arisen" => "arise",
        "ate" | "eaten" => "eat",
        "became" => "become",
        "began" | "begun" => "begin",
        "bought" => "buy",
        "brought" => "bring",
        "broke" | "broken" => "break",
        "built" => "build",
        "came" => "come",
        "caught" => "catch",
        "chose" | "chosen" => "choose",
        "dealt" => "deal",
        "drew" | "drawn" => "draw",
        "drove" | "driven" => "drive",
        "fell" | "fallen" => "fall",
        "felt" => "feel",
        "fled" => "flee",
        "flew" | "flown" => "fly",
        "fought" => "fight",
        "forgave" | "forgiven" => "forgive",
        "forgot" | "forgotten" => "forget",
        "froze" | "frozen" => "freeze",
        "gave" | "given" => "give",
        "went" | "gone" => "go",
        "grew" | "grown" => "grow",
        "heard" => "hear",
        "held" => "hold",
        "hid" | "hidden" => "hide",
        "kept" => "keep",
        "knew" | "known" => "know",
        "led" => "lead",
        "lent" => "lend",
        "lost" => "lose",
        "meant" => "mean",
        "met" => "meet",
        "outgrew" | "outgrown" => "outgrow",
        "outsold" => "outsell",
        "overtook" | "overtaken" => "overtake",
        "oversaw" | "overseen" => "oversee",
        "paid" => "pay",
        "ran" => "run",
        "rebuilt" => "rebuild",
        "rose" | "risen" => "rise",
        "rode" | "ridden" => "ride",
        "rang" | "rung" => "ring",
        "saw" | "seen" => "see",
        "sought" => "seek",
        "sold" => "sell",
        "sent" => "send",
        "shook" | "shaken" => "shake",
        "shot" => "shoot",
        "shrank" | "shrunk" => "shrink",
        "sank" | "sunk" => "sink",
        "slid" => "slide",
        "sped" => "speed",
        "spent" => "spend",
        "spoke" | "spoken" => "speak",
        "spun" => "spin",
        "stood" => "stand",
        "stole" | "stolen" => "steal",
        "struck" | "stricken" => "strike",
        "stuck" => "stick",
        "swore" | "sworn" => "swear",
        "swung" => "swing",
        "taught" => "teach",
        "thought" => "think",
        "threw" | "thrown" => "throw",
        "told" => "tell",
        "took" | "taken" => "take",
        "undertook" | "undertaken" => "undertake",
        "understood" => "understand",
        "upheld" => "uphold",
        "withdrew" | "withdrawn" => "withdraw",
        "wore" | "worn" => "wear",
        "wrote" | "written" => "write",
        "children" => "child",
        "men" => "man",
        "women" => "woman",
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_map_to_their_base_and_other_words_do_not() {
        let cases = [
            ("rose", Some("rise")),
            ("risen", Some("rise")),
            ("sold", Some("sell")),
            ("fell", Some("fall")),
            ("grew", Some("grow")),
            ("seen", Some("see")),
            ("women", Some("woman")),
            ("left", None),
            ("won", None),
            ("fed", None),
            ("rises", None),
            ("sales", None),
        ];
        for (word, expected) in cases {
            assert_eq!(base_form(word), expected, "{word}");
        }
    }
}
