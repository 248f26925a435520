//! Query planning on hand-made lexicons: which terms each search gets.

use factbot::answer::{plan, Lexicon, SynonymTable};
use factbot::knowledge::{SynonymGroup, Synonyms};

/// Every word is known and equally common.
struct EveryWord;

impl Lexicon for EveryWord {
    fn article_count(&self) -> u64 {
        100
    }
    fn article_frequency(&self, _term: &str) -> u64 {
        10
    }
    fn similar_terms(&self, _term: &str, _max_distance: usize) -> Vec<(String, u64)> {
        Vec::new()
    }
}

/// The plan of "set-top box viewers in 2024" with one synonym group: viewers, audience,
/// "people watch".
fn viewers_plan() -> factbot::answer::QueryPlan {
    let synonyms = SynonymTable::new(&Synonyms {
        groups: vec![SynonymGroup {
            name: "viewers".into(),
            terms: vec!["viewers".into(), "audience".into(), "people watch".into()],
        }],
    });
    plan("set-top box viewers in 2024", &EveryWord, &synonyms)
}

#[test]
fn search_terms_weigh_synonyms_and_share_a_phrase_among_its_words() {
    let plan = viewers_plan();
    let boosts: Vec<(String, f32)> = plan
        .search_terms()
        .into_iter()
        .map(|t| (t.term, t.boost))
        .collect();
    let boost = |word: &str| {
        boosts
            .iter()
            .find(|(t, _)| t == word)
            .map(|(_, b)| *b)
            .unwrap_or_else(|| panic!("{word} in {boosts:?}"))
    };
    for (word, expected) in [
        ("set", 1.0),
        ("box", 1.0),
        ("viewer", 1.0),
        ("audienc", 0.85),
        // A phrase's words share its weight: each alone is weak evidence.
        ("peopl", 0.425),
        ("watch", 0.425),
        // A year is searched weakly: a sentence stating its period often names it.
        ("2024", 0.3),
    ] {
        assert!((boost(word) - expected).abs() < 1e-6, "{word}: {boosts:?}");
    }
}

#[test]
fn article_terms_search_a_synonym_phrase_by_its_rarest_word() {
    let plan = viewers_plan();
    let words =
        |terms: Vec<factbot::index::WeightedTerm>| terms.into_iter().map(|t| t.term).collect::<Vec<_>>();
    let all = words(plan.search_terms());
    // "people" is in most articles, "watch" in few.
    let frequency = |term: &str| Ok::<u64, ()>(if term == "peopl" { 90 } else { 10 });
    let articles = words(plan.article_terms(frequency).expect("frequencies"));
    // The query's own compound ("set-top") stays whole; single-word synonyms stay.
    for kept in ["set", "top", "box", "viewer", "audienc", "2024", "watch"] {
        assert!(articles.contains(&kept.to_string()), "{kept} in {articles:?}");
    }
    assert!(all.contains(&"peopl".to_string()), "peopl in {all:?}");
    assert!(!articles.contains(&"peopl".to_string()), "peopl in {articles:?}");
    // A phrase with a word that no article holds matches no article.
    let nowhere = |term: &str| Ok::<u64, ()>(if term == "peopl" { 0 } else { 10 });
    let articles = words(plan.article_terms(nowhere).expect("frequencies"));
    assert!(
        !articles.iter().any(|t| t == "peopl" || t == "watch"),
        "{articles:?}"
    );
}

/// "nano" and "shuffle" are rare, "sales" common; every other word is known and common.
struct Gadgets;

impl Lexicon for Gadgets {
    fn article_count(&self) -> u64 {
        1000
    }
    fn article_frequency(&self, term: &str) -> u64 {
        match term {
            "nano" | "shuffl" => 4,
            _ => 100,
        }
    }
    fn similar_terms(&self, _term: &str, _max_distance: usize) -> Vec<(String, u64)> {
        Vec::new()
    }
}

/// Whether the concept written `text` in the plan of `query` is a key (a name the answer
/// must mention).
fn is_key(query: &str, text: &str, lexicon: &dyn Lexicon, synonyms: &SynonymTable) -> bool {
    let plan = plan(query, lexicon, synonyms);
    plan.concepts
        .iter()
        .find(|c| c.text == text)
        .unwrap_or_else(|| panic!("{text} in {query}: {:?}", plan.concepts))
        .key
}

#[test]
fn a_rare_word_after_a_brand_spelling_names_a_model() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, word, key) in [
        ("iPod nano sales", "nano", true),
        ("how many iPod shuffle players", "shuffle", true),
        ("iPod sales", "sales", false),
        ("the nano market", "nano", false),
    ] {
        assert_eq!(is_key(query, word, &Gadgets, &synonyms), key, "{word} in {query}");
    }
}

#[test]
fn an_acronym_stays_a_key_when_the_synonyms_spell_it_out() {
    let synonyms = SynonymTable::new(&Synonyms {
        groups: vec![SynonymGroup {
            name: "aigc".into(),
            terms: vec!["AIGC".into(), "AI-generated content".into()],
        }],
    });
    for (query, concept_text, key) in [
        ("AIGC market size", "AIGC", true),
        ("aigc market size", "aigc", false),
        ("AI-generated content market size", "AI generated content", true),
        ("ai-generated content market size", "ai generated content", false),
    ] {
        assert_eq!(
            is_key(query, concept_text, &EveryWord, &synonyms),
            key,
            "{concept_text} in {query}"
        );
    }
}

/// Chinese queries ask for their kind of figure, as the planner reads them: the segmenter's
/// pairs (市场/规模) first, then single words (用户).
#[test]
fn chinese_queries_ask_for_their_kind_of_figure() {
    use factbot::facts::QuantityKind::{Count, Duration, Money};
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, first) in [
        ("微短剧 市场规模 2024", Money),
        ("微短剧 用户规模", Count),
        ("短视频 用户", Count),
        ("短视频 人均 单日 使用时长", Duration),
        ("短剧 营收", Money),
    ] {
        let measures = plan(query, &EveryWord, &synonyms).measures;
        assert_eq!(measures.first(), Some(&first), "{query}: {measures:?}");
    }
}

/// Measure words inside a name ask for nothing: "Time Warner" is no duration, while a
/// capitalised measure word on its own still asks for its kind.
#[test]
fn a_measure_word_inside_a_name_asks_for_nothing() {
    use factbot::facts::QuantityKind::{Count, Duration, Money, Percent};
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, measures) in [
        ("Time Warner profit", vec![Money, Percent]),
        ("Profit at Time Warner", vec![Money, Percent]),
        ("time spent on Facebook", vec![Duration]),
        ("Sky News viewers", vec![Count]),
    ] {
        assert_eq!(plan(query, &EveryWord, &synonyms).measures, measures, "{query}");
    }
}

/// "frog", "zune" and "ferarri" are unknown; the index offers its near spellings, most
/// common first.
struct NearSpellings;

impl Lexicon for NearSpellings {
    fn article_count(&self) -> u64 {
        1000
    }
    fn article_frequency(&self, term: &str) -> u64 {
        match term {
            "frog" | "zune" | "ferarri" => 0,
            _ => 50,
        }
    }
    fn similar_terms(&self, term: &str, _max_distance: usize) -> Vec<(String, u64)> {
        let near: &[(&str, u64)] = match term {
            "frog" => &[("from", 990), ("fog", 3)],
            "zune" => &[("zone", 40)],
            "ferarri" => &[("for", 990), ("ferrari", 6)],
            _ => &[],
        };
        near.iter().map(|(t, df)| (t.to_string(), *df)).collect()
    }
}

/// An unknown four-letter name is not corrected (it names what the knowledge base lacks),
/// and no word is corrected into a stopword.
#[test]
fn typos_are_corrected_in_longer_words_and_never_into_stopwords() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, word, corrections) in [
        ("Crazy Frog downloads", "Frog", vec![]),
        ("Microsoft Zune sales", "Zune", vec![]),
        ("Fiat stake in Ferarri", "Ferarri", vec!["ferrari"]),
    ] {
        let plan = plan(query, &NearSpellings, &synonyms);
        let concept = plan.concepts.iter().find(|c| c.text == word).expect("concept");
        let fuzzy: Vec<&str> = concept
            .alternatives
            .iter()
            .filter(|a| a.origin == factbot::answer::Origin::Fuzzy)
            .flat_map(|a| a.terms.iter().map(String::as_str))
            .collect();
        assert_eq!(fuzzy, corrections, "{query}");
        assert!(concept.key, "{query}");
    }
}

/// "How much" asks for money or an amount; a verb of paying beside it asks for money alone.
#[test]
fn how_much_with_a_verb_of_paying_asks_for_money() {
    use factbot::facts::QuantityKind::{Count, Money};
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, measures) in [
        ("How much did each bidder pay Icann", vec![Money]),
        ("how much was spent on the new stadium", vec![Money]),
        ("how much did the painting fetch", vec![Money]),
        ("how much oil does Venezuela export", vec![Money, Count]),
    ] {
        assert_eq!(plan(query, &EveryWord, &synonyms).measures, measures, "{query}");
    }
}

/// Two adjacent words may be written as one ("Time Warner" / "TimeWarner"), but never with a
/// stopword: "the Rings" joined and stemmed reads "there", which matched any sentence.
#[test]
fn no_compound_is_formed_with_a_stopword() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    let plan = plan("Lord of the Rings musical budget", &EveryWord, &synonyms);
    let terms: Vec<&str> = plan
        .concepts
        .iter()
        .flat_map(|c| {
            c.alternatives
                .iter()
                .flat_map(|a| a.terms.iter().map(String::as_str))
        })
        .collect();
    assert!(!terms.contains(&"there"), "{terms:?}");
    // Two words that are not stopwords still make one.
    let plan = factbot::answer::plan("Time Warner profit", &EveryWord, &synonyms);
    assert!(
        plan.concepts[0]
            .alternatives
            .iter()
            .any(|a| a.terms == ["timewarn"]),
        "{:?}",
        plan.concepts[0].alternatives
    );
}

/// A common word capitalised because it starts the query is no name ("Music sales"), unless
/// the next word is capitalised too: "James Blunt" is one name.
#[test]
fn a_first_word_capitalised_like_the_next_is_part_of_a_name() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    // EveryWord: every word is in 10% of articles, so "common".
    for (query, word, key) in [
        ("James Blunt album sales", "James", true),
        ("Music sales", "Music", false),
        ("Music of the year", "Music", false),
    ] {
        assert_eq!(
            is_key(query, word, &EveryWord, &synonyms),
            key,
            "{word} in {query}"
        );
    }
}

/// Every word is common, as in a small knowledge base, and the texts write "kuaishou" as a
/// name.
struct SmallBase;

impl Lexicon for SmallBase {
    fn article_count(&self) -> u64 {
        14
    }
    fn article_frequency(&self, _term: &str) -> u64 {
        2
    }
    fn similar_terms(&self, _term: &str, _max_distance: usize) -> Vec<(String, u64)> {
        Vec::new()
    }
    fn written_as_name(&self, term: &str) -> bool {
        term == "kuaishou"
    }
}

/// A common first word is still a name when the texts always write it as one.
#[test]
fn a_first_word_the_texts_write_as_a_name_is_a_name() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, word, key) in [
        ("Kuaishou daily viewers", "Kuaishou", true),
        ("Music sales", "Music", false),
    ] {
        assert_eq!(
            is_key(query, word, &SmallBase, &synonyms),
            key,
            "{word} in {query}"
        );
    }
}

#[test]
fn a_number_after_a_name_is_a_model_unless_it_starts_a_larger_number() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    for (query, number, model) in [
        ("PlayStation 5 sales", "5", Some("playstat")),
        ("Halo 2 launch", "2", Some("halo")),
        // "3,000m" is a distance, analysed as "3" and "000m": no model of the AAAs.
        ("AAAs 3,000m record", "3", None),
        ("Sony 2.5 billion", "2", None),
    ] {
        let plan = plan(query, &EveryWord, &synonyms);
        let concept = plan
            .concepts
            .iter()
            .find(|c| c.text == number)
            .unwrap_or_else(|| panic!("{number} in {query}: {:?}", plan.concepts));
        assert_eq!(concept.model_of.as_deref(), model, "{query}");
    }
}

/// Every word is in as many articles; "drama" is in far more sentences than "video", as a
/// knowledge base's common topic is.
struct OneTopicBase;

impl Lexicon for OneTopicBase {
    fn article_count(&self) -> u64 {
        14
    }
    fn article_frequency(&self, _term: &str) -> u64 {
        12
    }
    fn sentence_count(&self) -> u64 {
        1000
    }
    fn sentence_frequency(&self, term: &str) -> u64 {
        if term == "drama" {
            400
        } else {
            20
        }
    }
    fn similar_terms(&self, _term: &str, _max_distance: usize) -> Vec<(String, u64)> {
        Vec::new()
    }
}

/// Words every article holds are told apart by how many sentences hold them.
#[test]
fn a_word_in_fewer_sentences_weighs_more_when_articles_cannot_tell() {
    let synonyms = SynonymTable::new(&Synonyms { groups: Vec::new() });
    let weight = |lexicon: &dyn Lexicon, word: &str| {
        plan("drama video", lexicon, &synonyms)
            .concepts
            .iter()
            .find(|c| c.text == word)
            .map(|c| c.weight)
            .unwrap_or_else(|| panic!("{word}"))
    };
    assert!(weight(&OneTopicBase, "video") > weight(&OneTopicBase, "drama"));
    // Without sentence counts, articles alone weigh them alike.
    assert_eq!(weight(&EveryWord, "video"), weight(&EveryWord, "drama"));
}
