//! How much of a query a candidate sentence covers: in the sentence itself (best), in its
//! article's title, or elsewhere in the article. Pure: the caller hands in the analysed tokens.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::query::{Concept, QueryPlan};

/// A match in the title counts this much of a match in the sentence.
const TITLE_FACTOR: f32 = 0.8;
/// A match elsewhere in the article counts this much.
const ARTICLE_FACTOR: f32 = 0.55;

/// A set of analysed terms, hashed cheaply: ranking looks terms up for every candidate.
pub type TermSet<'a> = FxHashSet<&'a str>;

/// Where the words of one candidate are.
pub struct Evidence<'a> {
    /// The sentence's analysed terms, in order.
    pub sentence: &'a [String],
    /// The title's analysed terms.
    pub title: &'a HashSet<String>,
    /// Query terms the article contains anywhere.
    pub article: &'a TermSet<'a>,
}

/// The result of matching a plan against one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Coverage {
    /// Weighted share of concepts found anywhere (0..=1).
    pub overall: f32,
    /// Weighted share found in the sentence itself (0..=1).
    pub in_sentence: f32,
    /// Key concepts found nowhere.
    pub missing_keys: usize,
    /// Model numbers ("PlayStation 5") not found right after their name.
    pub missing_models: usize,
}

/// Matches every concept of `plan` against the evidence.
pub fn cover(plan: &QueryPlan, evidence: &Evidence<'_>) -> Coverage {
    let sentence_set: TermSet = evidence.sentence.iter().map(String::as_str).collect();
    let total: f32 = plan
        .concepts
        .iter()
        .map(|c| c.weight)
        .sum::<f32>()
        .max(f32::EPSILON);
    let mut coverage = Coverage::default();
    for concept in &plan.concepts {
        if let Some(name) = &concept.model_of {
            // "PlayStation 5" must be stated as such, or the number at least be in the
            // sentence with the name in the sentence or the title. The name may be matched
            // through any of its alternatives (a typo's correction: "Fuler 19" for Fuller).
            let number = &concept.alternatives[0].terms[0];
            let names = name_forms(plan, name);
            let name_known = names
                .iter()
                .any(|n| sentence_set.contains(n) || evidence.title.contains(*n));
            let stated = names.iter().any(|n| adjacent(evidence.sentence, n, number))
                || (sentence_set.contains(number.as_str()) && name_known);
            if !stated {
                coverage.missing_models += 1;
                continue;
            }
        }
        let (level, sentence_level) = concept_level(concept, evidence, &sentence_set);
        if concept.key && level == 0.0 {
            coverage.missing_keys += 1;
        }
        coverage.overall += concept.weight * level;
        coverage.in_sentence += concept.weight * sentence_level;
    }
    coverage.overall /= total;
    coverage.in_sentence /= total;
    coverage
}

/// The one-word forms a model number's name may take: the name as typed and the
/// alternatives of its concept.
fn name_forms<'a>(plan: &'a QueryPlan, name: &'a str) -> Vec<&'a str> {
    let mut forms = vec![name];
    if let Some(concept) = plan.concepts.iter().find(|c| c.alternatives[0].terms == [name]) {
        forms.extend(
            concept
                .alternatives
                .iter()
                .filter(|a| a.terms.len() == 1)
                .map(|a| a.terms[0].as_str())
                .filter(|t| *t != name),
        );
    }
    forms
}

fn concept_level(concept: &Concept, evidence: &Evidence<'_>, sentence: &TermSet) -> (f32, f32) {
    let mut level: f32 = 0.0;
    let mut sentence_level: f32 = 0.0;
    for alt in &concept.alternatives {
        let strength = alt.origin.strength();
        if alt.terms.iter().all(|t| sentence.contains(t.as_str())) {
            sentence_level = sentence_level.max(strength);
        } else if alt
            .terms
            .iter()
            .all(|t| evidence.sentence.iter().any(|s| same_root(t, s)))
        {
            // "seizure" and "seize" stem differently but share their root.
            sentence_level = sentence_level.max(0.8 * strength);
        } else if alt.terms.iter().all(|t| evidence.title.contains(t)) {
            level = level.max(TITLE_FACTOR * strength);
        } else if alt.terms.iter().all(|t| evidence.article.contains(t.as_str())) {
            level = level.max(ARTICLE_FACTOR * strength);
        }
    }
    if concept.acronym
        && sentence_level == 0.0
        && spells_acronym(evidence.sentence, &concept.alternatives[0].terms[0])
    {
        sentence_level = 1.0;
    }
    (level.max(sentence_level), sentence_level)
}

/// Endings that make a noun of a verb and that the stemmer keeps: "ownership" / "own",
/// "shipment" / "ship", "buyer" / "buy", "seizure" / "seize".
const DERIVATION_ENDINGS: &[&str] = &["ment", "ership", "ship", "er", "ur"];

/// Two stems share a root when the shorter (at least 4 letters, and 60% of the longer) starts
/// the longer, or the longer is the shorter (at least 3 letters) with a derivation ending:
/// derivations the stemmer leaves apart.
fn same_root(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let Some(ending) = long.strip_prefix(short) else {
        return false;
    };
    (short.len() >= 4 && short.len() * 5 >= long.len() * 3)
        || (short.len() >= 3 && DERIVATION_ENDINGS.contains(&ending))
}

/// True when consecutive terms start with the acronym's letters ("foreign direct investment").
fn spells_acronym(terms: &[String], acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().collect();
    if letters.len() < 2 || terms.len() < letters.len() {
        return false;
    }
    terms
        .windows(letters.len())
        .any(|w| w.iter().zip(&letters).all(|(t, l)| t.starts_with(*l)))
}

/// Words counted by a quantity sit just before or after it ("2.5 billion pixels", "staff
/// ... 900,000", "the maximum fine stands at $32,500"): true when one of `focus` is within
/// a few words of any quantity span.
pub fn quantity_counts_focus(
    terms: &[String],
    term_spans: &[std::ops::Range<usize>],
    quantities: &[std::ops::Range<usize>],
    focus: &[String],
) -> bool {
    const BEFORE: usize = 3;
    const AFTER: usize = 4;
    if focus.is_empty() {
        return false;
    }
    quantities.iter().any(|q| {
        let count = terms.len().min(term_spans.len());
        let first_after = term_spans[..count]
            .iter()
            .position(|s| s.start >= q.end)
            .unwrap_or(count);
        let first_in = term_spans[..count]
            .iter()
            .position(|s| s.end > q.start)
            .unwrap_or(count);
        let from = first_in.saturating_sub(BEFORE);
        let to = (first_after + AFTER).min(count);
        terms[from..to].iter().any(|t| focus.contains(t))
    })
}

fn adjacent(terms: &[String], first: &str, second: &str) -> bool {
    terms.windows(2).any(|w| w[0] == first && w[1] == second)
}

#[cfg(test)]
mod tests {
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

    fn terms(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn sentence_beats_title_beats_article() {
        let plan = QueryPlan {
            concepts: vec![concept("profit", 1.0)],
            ..QueryPlan::default()
        };
        let title: HashSet<String> = ["profit".to_string()].into();
        let article: TermSet = ["profit"].into_iter().collect();
        let empty_title = HashSet::new();
        let empty_article = TermSet::default();
        let cases = [
            (terms(&["profit", "rose"]), &empty_title, &empty_article, 1.0),
            (terms(&["sale", "rose"]), &title, &article, TITLE_FACTOR),
            (terms(&["sale", "rose"]), &empty_title, &article, ARTICLE_FACTOR),
            (terms(&["sale", "rose"]), &empty_title, &empty_article, 0.0),
        ];
        for (sentence, title, article, expected) in cases {
            let c = cover(
                &plan,
                &Evidence {
                    sentence: &sentence,
                    title,
                    article,
                },
            );
            assert!((c.overall - expected).abs() < 1e-6, "{sentence:?}: {c:?}");
        }
    }

    #[test]
    fn missing_key_is_counted() {
        let mut name = concept("kuaishou", 3.0);
        name.key = true;
        let plan = QueryPlan {
            concepts: vec![name, concept("viewer", 1.0)],
            ..QueryPlan::default()
        };
        let none = TermSet::default();
        let c = cover(
            &plan,
            &Evidence {
                sentence: &terms(&["douyin", "viewer"]),
                title: &HashSet::new(),
                article: &none,
            },
        );
        assert_eq!(c.missing_keys, 1);
        assert!((c.overall - 0.25).abs() < 1e-6);
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
        let c = cover(
            &plan,
            &Evidence {
                sentence: &sentence,
                title: &HashSet::new(),
                article: &none,
            },
        );
        assert!(c.in_sentence > 0.85, "{c:?}");
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
        ];
        for (a, b, expected) in cases {
            assert_eq!(same_root(a, b), expected, "{a} / {b}");
            assert_eq!(same_root(b, a), expected, "{b} / {a}");
        }
    }

    #[test]
    fn focus_words_next_to_a_quantity_are_found() {
        let cases = [
            ("The image is 2.5 billion pixels in size.", "pixel", true),
            (
                "About 900,000 military and civilian staff were hit.",
                "staff",
                true,
            ),
            ("The current maximum fine stands at $32,500 now.", "fine", true),
            (
                "Staff were told on Monday that sales rose by 5% in the quarter.",
                "staff",
                false,
            ),
        ];
        for (text, focus, expected) in cases {
            let (terms, term_spans): (Vec<String>, Vec<_>) = crate::index::analyze(text)
                .into_iter()
                .map(|t| (t.term, t.span))
                .unzip();
            let spans: Vec<_> = crate::facts::parse_quantities(text)
                .into_iter()
                .map(|q| q.span)
                .collect();
            assert_eq!(
                quantity_counts_focus(&terms, &term_spans, &spans, &[focus.to_string()]),
                expected,
                "{text}"
            );
        }
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
        let empty = HashSet::new();
        assert_eq!(
            cover(
                &plan,
                &Evidence {
                    sentence: &wrong,
                    title: &empty,
                    article: &none
                }
            )
            .missing_models,
            1
        );
        assert_eq!(
            cover(
                &plan,
                &Evidence {
                    sentence: &right,
                    title: &empty,
                    article: &none
                }
            )
            .missing_models,
            0
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
        let empty = HashSet::new();
        let missing = |words: &[&str]| {
            let sentence = terms(words);
            cover(
                &plan,
                &Evidence {
                    sentence: &sentence,
                    title: &empty,
                    article: &none,
                },
            )
            .missing_models
        };
        assert_eq!(missing(&["simon", "fuller", "sold", "his", "19", "entertain"]), 0);
        assert_eq!(missing(&["simon", "cowel", "sold", "his", "19", "entertain"]), 1);
    }
}
