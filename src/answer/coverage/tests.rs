//! Coverage on tiny hand-made evidence: one test per way a concept can be found.
use super::*;
use crate::answer::query::{Alternative, Origin};

fn concept(term: &str, weight: f32) -> Concept {
    Concept {
        text: term.into(),
        alternatives: vec![Alternative {
            terms: vec![term.into()],
            origin: Origin::Exact,
        }],
        weight,
        key: false,
        acronym: false,
        model_of: None,
    }
}

/// A name: a key concept.
fn key_concept(term: &str, weight: f32) -> Concept {
    Concept {
        key: true,
        ..concept(term, weight)
    }
}

/// No title or lead terms.
fn no_terms() -> &'static FxHashSet<String> {
    static EMPTY: std::sync::LazyLock<FxHashSet<String>> = std::sync::LazyLock::new(FxHashSet::default);
    &EMPTY
}

/// Evidence from a sentence and its article only.
fn in_article<'a>(sentence: &'a [String], article: &'a TermSet<'a>, acronyms: &'a [String]) -> Evidence<'a> {
    Evidence {
        sentence,
        title: no_terms(),
        headline: no_terms(),
        lead: &[],
        article,
        acronyms,
        article_models: &[],
        counts_focus: false,
    }
}

fn terms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn sentence_beats_title_or_lead_beats_article() {
    let plan = QueryPlan {
        concepts: vec![concept("profit", 1.0)],
        ..QueryPlan::default()
    };
    let named: FxHashSet<String> = ["profit".to_string()].into_iter().collect();
    let empty = no_terms().clone();
    let article: TermSet = ["profit"].into_iter().collect();
    let empty_article = TermSet::default();
    let cases = [
        (terms(&["profit", "rose"]), &empty, &empty, &empty_article, 1.0),
        (terms(&["sale", "rose"]), &named, &empty, &article, TITLE_FACTOR),
        (terms(&["sale", "rose"]), &empty, &named, &article, TITLE_FACTOR),
        (terms(&["sale", "rose"]), &empty, &empty, &article, ARTICLE_FACTOR),
        (terms(&["sale", "rose"]), &empty, &empty, &empty_article, 0.0),
    ];
    for (sentence, title, lead, article, expected) in cases {
        let headline: FxHashSet<String> = title.union(lead).cloned().collect();
        let c = cover(
            &plan,
            &Evidence {
                sentence: &sentence,
                title,
                headline: &headline,
                lead: &[],
                article,
                acronyms: &[],
                article_models: &[],
                counts_focus: false,
            },
        );
        assert!((c.overall - expected).abs() < 1e-6, "{sentence:?}: {c:?}");
    }
}

#[test]
fn a_sentence_is_about_the_name_its_article_is_headed_by() {
    let plan = QueryPlan {
        concepts: vec![key_concept("lingus", 2.0), concept("own", 1.0)],
        ..QueryPlan::default()
    };
    let headline: FxHashSet<String> = ["lingus".to_string()].into_iter().collect();
    let article: TermSet = ["lingus", "own"].into_iter().collect();
    let sentence = terms(&["compani", "85", "own", "govern"]);
    let in_sentence = cover(
        &plan,
        &Evidence {
            sentence: &sentence,
            title: no_terms(),
            headline: &headline,
            lead: &[],
            article: &article,
            acronyms: &[],
            article_models: &[],
            counts_focus: false,
        },
    )
    .in_sentence;
    // "The company is 85% owned" in a story headed "Executive trio leave Aer Lingus".
    assert!((in_sentence - 1.0).abs() < 1e-6, "{in_sentence}");
    // Outside the headline, a name counts only at article level.
    let no_headline = no_terms();
    let elsewhere = cover(
        &plan,
        &Evidence {
            sentence: &sentence,
            title: no_headline,
            headline: no_headline,
            lead: &[],
            article: &article,
            acronyms: &[],
            article_models: &[],
            counts_focus: false,
        },
    );
    assert!((elsewhere.in_sentence - 1.0 / 3.0).abs() < 1e-6, "{elsewhere:?}");
}

#[test]
fn missing_key_is_counted() {
    let plan = QueryPlan {
        concepts: vec![key_concept("kuaishou", 3.0), concept("viewer", 1.0)],
        ..QueryPlan::default()
    };
    let none = TermSet::default();
    let c = cover(&plan, &in_article(&terms(&["douyin", "viewer"]), &none, &[]));
    assert_eq!(c.missing_keys, 1);
    assert!((c.overall - 0.25).abs() < 1e-6);
}

#[test]
fn a_real_word_typo_beside_its_names_other_word_is_found() {
    let plan = QueryPlan {
        concepts: vec![
            key_concept("shark", 1.0),
            key_concept("tail", 1.0),
            concept("sale", 1.0),
        ],
        ..QueryPlan::default()
    };
    let none = TermSet::default();
    let cases = [
        (&["shark", "tale", "dvd", "sale"][..], 0),
        // Not beside "shark": another word.
        (&["tale", "of", "shark", "sale"][..], 1),
        // Beside it, but another word altogether.
        (&["shark", "attack", "sale"][..], 1),
    ];
    for (sentence, missing) in cases {
        let sentence = terms(sentence);
        let c = cover(&plan, &in_article(&sentence, &none, &[]));
        assert_eq!(c.missing_keys, missing, "{sentence:?}");
    }
    // A stopword is no typo of a name: "go a bit crazy for" is not the Crazy Frog.
    let plan = QueryPlan {
        concepts: vec![key_concept("crazi", 1.0), key_concept("frog", 1.0)],
        ..QueryPlan::default()
    };
    let sentence = terms(&["go", "a", "bit", "crazi", "for", "one"]);
    assert_eq!(cover(&plan, &in_article(&sentence, &none, &[])).missing_keys, 1);
}

#[test]
fn acronyms_and_roots_match() {
    let mut fdi = concept("fdi", 1.0);
    fdi.acronym = true;
    let plan = QueryPlan {
        concepts: vec![fdi, concept("seizur", 1.0)],
        ..QueryPlan::default()
    };
    let none = TermSet::default();
    let sentence = terms(&["foreign", "direct", "invest", "plan", "to", "seiz", "land"]);
    let c = cover(&plan, &in_article(&sentence, &none, &[]));
    assert!(c.in_sentence > 0.85, "{c:?}");
}

#[test]
fn model_number_must_follow_its_name() {
    let mut five = concept("5", 1.0);
    five.model_of = Some("playstat".into());
    let plan = QueryPlan {
        concepts: vec![concept("playstat", 1.0), five],
        ..QueryPlan::default()
    };
    let none = TermSet::default();
    let wrong = terms(&["nintendo", "ship", "5", "million", "consol"]);
    let right = terms(&["the", "playstat", "5", "sold"]);
    assert_eq!(cover(&plan, &in_article(&wrong, &none, &[])).missing_models, 1);
    assert_eq!(cover(&plan, &in_article(&right, &none, &[])).missing_models, 0);
}

#[test]
fn model_stated_elsewhere_in_the_article_covers_a_sentence_without_its_number() {
    // "Taipei 101": the article's "TFC 101 Tower in Taipei" states it; "the lifts' 17m per
    // second speed" is about it, "a 5% rise" in a sentence naming "101" floors is not.
    let mut number = concept("101", 1.0);
    number.model_of = Some("taipei".into());
    let plan = QueryPlan {
        concepts: vec![concept("taipei", 1.0), number, concept("lift", 1.0)],
        ..QueryPlan::default()
    };
    let article: TermSet = ["taipei", "101", "lift"].into_iter().collect();
    let title = no_terms();
    let stating = terms(&["the", "tfc", "101", "tower", "in", "taipei"]);
    assert_eq!(models_stated(&plan, &stating, title), [1]);
    assert!(models_stated(&plan, &terms(&["the", "lift", "speed"]), title).is_empty());
    let missing = |words: &[&str], article_models: &[usize]| {
        let sentence = terms(words);
        let evidence = Evidence {
            article_models,
            ..in_article(&sentence, &article, &[])
        };
        cover(&plan, &evidence).missing_models
    };
    let speed = ["the", "17m", "per", "second", "speed", "of", "the", "lift"];
    assert_eq!(missing(&speed, &[1]), 0);
    assert_eq!(
        missing(&speed, &[]),
        1,
        "no sentence of the article states the model"
    );
    assert_eq!(
        missing(&["its", "101", "floor", "rose"], &[1]),
        1,
        "101 is another quantity here"
    );
}

#[test]
fn model_number_may_follow_a_corrected_name() {
    // "Fuler 19": the typo's correction "fuller" stands for the name.
    let mut name = concept("fuler", 1.0);
    name.alternatives.push(Alternative {
        terms: vec!["fuller".into()],
        origin: Origin::Fuzzy,
    });
    let mut nineteen = concept("19", 1.0);
    nineteen.model_of = Some("fuler".into());
    let plan = QueryPlan {
        concepts: vec![name, nineteen],
        ..QueryPlan::default()
    };
    let none = TermSet::default();
    let missing = |words: &[&str]| {
        let sentence = terms(words);
        cover(&plan, &in_article(&sentence, &none, &[])).missing_models
    };
    assert_eq!(missing(&["simon", "fuller", "sold", "his", "19", "entertain"]), 0);
    assert_eq!(missing(&["simon", "cowel", "sold", "his", "19", "entertain"]), 1);
}

#[test]
fn an_acronym_in_the_sentence_stands_for_the_name_its_article_spells_out() {
    let mut internet = concept("internet", 1.0);
    internet.text = "Internet".into();
    let mut explorer = concept("explor", 1.0);
    explorer.text = "Explorer".into();
    let plan = QueryPlan {
        concepts: vec![internet, explorer, concept("share", 1.0)],
        ..QueryPlan::default()
    };
    let sentence = terms(&["ie", "market", "share", "drop"]);
    let spelled_out: TermSet = ["internet", "explor", "share"].into_iter().collect();
    let elsewhere: TermSet = ["share"].into_iter().collect();
    let in_sentence = |article: &TermSet, acronyms: &[String]| {
        cover(&plan, &in_article(&sentence, article, acronyms)).in_sentence
    };
    let ie = ["ie".to_string()];
    assert!((in_sentence(&spelled_out, &ie) - (1.0 + 2.0 * ACRONYM_STRENGTH) / 3.0).abs() < 1e-6);
    // Not written in capitals, or the article never spells the name out: no match.
    assert!((in_sentence(&spelled_out, &[]) - 1.0 / 3.0).abs() < 1e-6);
    assert!((in_sentence(&elsewhere, &ie) - 1.0 / 3.0).abs() < 1e-6);
}

/// "How many people watch short videos": a figure that counts the people asked about
/// ("1.04 billion short-video users") covers "people watch" whatever words it uses; a
/// modifier or a name of the counted thing is not covered so.
#[test]
fn a_figure_counting_the_focus_covers_its_head_noun_only() {
    let plan = |concepts: Vec<Concept>, focus: &[&str]| QueryPlan {
        concepts,
        focus: terms(focus),
        focus_asked: true,
        ..QueryPlan::default()
    };
    let watch = plan(
        vec![concept("watch", 2.0), concept("video", 1.0)],
        &["watch", "user"],
    );
    let firms = plan(
        vec![concept("entertain", 1.0), concept("firm", 1.0)],
        &["entertain", "firm", "compani"],
    );
    let wii = plan(vec![key_concept("wii", 1.0), concept("video", 1.0)], &["wii"]);
    let not_asked = QueryPlan {
        focus_asked: false,
        ..watch.clone()
    };
    let sentence = terms(&["video", "user", "compani"]);
    let article = TermSet::default();
    let cases: [(&QueryPlan, bool, f32); 5] = [
        (&watch, true, 1.0),
        (&watch, false, 1.0 / 3.0),
        (&not_asked, true, 1.0 / 3.0),
        (&firms, true, 0.5),
        (&wii, true, 0.5),
    ];
    for (i, (plan, counts_focus, expected)) in cases.into_iter().enumerate() {
        let evidence = Evidence {
            counts_focus,
            ..in_article(&sentence, &article, &[])
        };
        let c = cover(plan, &evidence);
        assert!((c.in_sentence - expected).abs() < 1e-6, "case {i}: {c:?}");
        assert_eq!(c.missing_keys, usize::from(plan.concepts[0].key), "case {i}");
    }
}

/// "Im Kwon-Taik": the lead writes "Im Kwon-Taek"; a sentence that names "Im" is about him,
/// one that names no part of the name is not.
#[test]
fn a_name_misspelt_in_the_query_is_found_in_the_lead_beside_its_other_word() {
    let plan = QueryPlan {
        concepts: vec![
            key_concept("im", 1.0),
            key_concept("kwon", 1.0),
            key_concept("taik", 1.0),
            concept("film", 1.0),
        ],
        ..QueryPlan::default()
    };
    let lead = terms(&["director", "im", "kwon", "taek", "has", "receiv"]);
    let article = TermSet::default();
    let missing = |sentence: &[&str], lead: &[String]| {
        let sentence = terms(sentence);
        let evidence = Evidence {
            lead,
            ..in_article(&sentence, &article, &[])
        };
        cover(&plan, &evidence).missing_keys
    };
    let names_im = ["im", "made", "100", "film"];
    assert_eq!(missing(&names_im, &lead), 0);
    assert_eq!(missing(&names_im, &[]), 2, "no lead: Kwon and Taik missing");
    // "kwon" and "im" are missing here too; "taik" is not corrected for it.
    assert_eq!(missing(&["the", "film", "tally"], &lead), 3);
    // Written beside its neighbour in the sentence itself, as before.
    assert_eq!(missing(&["im", "kwon", "taek", "film"], &[]), 0);
}
