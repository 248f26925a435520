//! Query planning on hand-made lexicons: which terms each search gets.

use factbot::answer::{plan, Lexicon, SynonymTable};
use factbot::index::WeightedTerm;
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

#[test]
fn corpus_terms_leave_out_the_words_of_synonym_phrases_only() {
    let synonyms = SynonymTable::new(&Synonyms {
        groups: vec![SynonymGroup {
            name: "viewers".into(),
            terms: vec!["viewers".into(), "audience".into(), "people watch".into()],
        }],
    });
    let plan = plan("set-top box viewers in 2024", &EveryWord, &synonyms);
    let words = |terms: Vec<WeightedTerm>| terms.into_iter().map(|t| t.term).collect::<Vec<_>>();
    let all = words(plan.search_terms());
    let corpus = words(plan.corpus_terms());
    for kept in ["set", "top", "box", "viewer", "audienc", "2024"] {
        assert!(corpus.contains(&kept.to_string()), "{kept} in {corpus:?}");
    }
    for phrase_word in ["peopl", "watch"] {
        assert!(all.contains(&phrase_word.to_string()), "{phrase_word} in {all:?}");
        assert!(
            !corpus.contains(&phrase_word.to_string()),
            "{phrase_word} in {corpus:?}"
        );
    }
}
