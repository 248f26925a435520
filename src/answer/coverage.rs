//! How much of a query a candidate sentence covers: in the sentence itself (best), in its
//! article's title, or elsewhere in the article. Pure: the caller hands in the analysed tokens.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use super::query::{Concept, Origin, QueryPlan};
use super::wordforms::{same_root, spells_acronym};
use super::words::is_stopword;
use crate::index::within_edits;

/// A match in the title counts this much of a match in the sentence.
const TITLE_FACTOR: f32 = 0.8;
/// A word sharing its root with the query's ("seize" for "seizure") counts this much.
const ROOT_FACTOR: f32 = 0.8;
/// A match elsewhere in the article counts this much.
const ARTICLE_FACTOR: f32 = 0.55;

/// A set of analysed terms, hashed cheaply: ranking looks terms up for every candidate.
pub type TermSet<'a> = FxHashSet<&'a str>;

/// Where the words of one candidate are.
pub struct Evidence<'a> {
    /// The sentence's analysed terms, in order.
    pub sentence: &'a [String],
    /// The title's analysed terms.
    pub title: &'a FxHashSet<String>,
    /// The analysed terms of the title and the article's first sentence: what the whole
    /// article is about.
    pub headline: &'a FxHashSet<String>,
    /// The analysed terms of the article's first sentence, in order.
    pub lead: &'a [String],
    /// Query terms the article contains anywhere.
    pub article: &'a TermSet<'a>,
    /// Words the sentence writes in capitals ("IE", "WTO"), lowercased: they may stand for
    /// a name the query spells out.
    pub acronyms: &'a [String],
    /// Model numbers (by concept index) that some sentence of the article states: see
    /// `models_stated`.
    pub article_models: &'a [usize],
    /// A figure of the sentence counts the query's focus (X, or people of any kind when X
    /// is people): in an explicit "how many X" the sentence answers X whatever words it
    /// uses for it ("1.04 billion short-video users" for "how many people watch").
    pub counts_focus: bool,
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
    let spelled = acronym_spans(plan, evidence);
    let counted = evidence.counts_focus.then(|| counted_concept(plan)).flatten();
    for (i, concept) in plan.concepts.iter().enumerate() {
        if let Some(name) = &concept.model_of {
            let number = concept.alternatives[0].terms[0].as_str();
            // A sentence that leaves the model out is still about it when another sentence
            // of its article states it ("the lifts" of the "TFC 101 Tower in Taipei"). A
            // number in the sentence that is not the model is another quantity.
            let in_article = !sentence_set.contains(number) && evidence.article_models.contains(&i);
            if !in_article
                && !states_model(
                    plan,
                    name,
                    number,
                    evidence.sentence,
                    &sentence_set,
                    evidence.title,
                )
            {
                coverage.missing_models += 1;
                continue;
            }
        }
        let (mut level, mut sentence_level) = concept_level(concept, evidence, &sentence_set);
        if counted == Some(i) {
            sentence_level = 1.0;
            level = 1.0;
        }
        // A misspelt name written right beside its other word: in the sentence, or in the
        // lead ("Im Kwon-Taik" for "Im Kwon-Taek") when the sentence names another part of
        // the name ("Im, who has made 100 films").
        if concept.key
            && level == 0.0
            && (misspelt_beside_neighbour(plan, i, evidence.sentence).is_some()
                || misspelt_beside_neighbour(plan, i, evidence.lead)
                    .is_some_and(|at| names_part(plan, evidence.lead, at, &sentence_set)))
        {
            sentence_level = Origin::Fuzzy.strength();
            level = sentence_level;
        }
        if spelled.contains(&i) && sentence_level < ACRONYM_STRENGTH {
            sentence_level = ACRONYM_STRENGTH;
            level = level.max(ACRONYM_STRENGTH);
        }
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

/// The model numbers (by concept index) that a sentence states: "PlayStation 5" as such,
/// or the number at least in the sentence with the name in the sentence or the title.
pub fn models_stated(plan: &QueryPlan, sentence: &[String], title: &FxHashSet<String>) -> Vec<usize> {
    let sentence_set: TermSet = sentence.iter().map(String::as_str).collect();
    let stated = |(i, concept): (usize, &Concept)| {
        let name = concept.model_of.as_deref()?;
        let number = concept.alternatives[0].terms[0].as_str();
        states_model(plan, name, number, sentence, &sentence_set, title).then_some(i)
    };
    plan.concepts.iter().enumerate().filter_map(stated).collect()
}

/// For each article (by its place in the pool), the model numbers that one of its
/// `sentences` (article, analysed terms, title terms) states. Empty when the query names no
/// model, without looking at a sentence.
pub fn models_by_article<'a>(
    plan: &QueryPlan,
    sentences: impl Iterator<Item = (usize, &'a [String], &'a FxHashSet<String>)>,
) -> HashMap<usize, Vec<usize>> {
    let mut stated: HashMap<usize, Vec<usize>> = HashMap::new();
    if plan.concepts.iter().all(|c| c.model_of.is_none()) {
        return stated;
    }
    for (article, sentence, title) in sentences {
        stated
            .entry(article)
            .or_default()
            .extend(models_stated(plan, sentence, title));
    }
    for models in stated.values_mut() {
        models.sort_unstable();
        models.dedup();
    }
    stated
}

/// True when the sentence states the model `name number`. The name may be matched through
/// any of its alternatives (a typo's correction: "Fuler 19" for Fuller).
fn states_model(
    plan: &QueryPlan,
    name: &str,
    number: &str,
    sentence: &[String],
    sentence_set: &TermSet,
    title: &FxHashSet<String>,
) -> bool {
    let names = name_forms(plan, name);
    let name_known = names
        .iter()
        .any(|n| sentence_set.contains(n) || title.contains(*n));
    names.iter().any(|n| adjacent(sentence, n, number)) || (sentence_set.contains(number) && name_known)
}

/// How much an acronym in the sentence counts for each word of the name it stands for.
const ACRONYM_STRENGTH: f32 = 0.8;

/// Concepts (by index) that the sentence names by their acronym: a run of two to five
/// consecutive query words ("Internet Explorer") whose initials the sentence writes in
/// capitals ("IE's market share"). The article must contain every word of the run, so the
/// acronym is most likely defined there ("Internet Explorer (IE)").
fn acronym_spans(plan: &QueryPlan, evidence: &Evidence<'_>) -> Vec<usize> {
    let mut found = Vec::new();
    if evidence.acronyms.is_empty() {
        return found;
    }
    let concepts = &plan.concepts;
    let in_article = |c: &Concept| {
        c.alternatives[0]
            .terms
            .iter()
            .all(|t| evidence.article.contains(t.as_str()) || evidence.title.contains(t))
    };
    for start in 0..concepts.len() {
        for len in 2..=5.min(concepts.len() - start) {
            let run = &concepts[start..start + len];
            let initials: Option<String> = run
                .iter()
                .map(|c| c.text.chars().next().filter(|ch| ch.is_alphabetic()))
                .map(|ch| ch.map(|ch| ch.to_lowercase().to_string()))
                .collect();
            let Some(initials) = initials else {
                break;
            };
            if run.iter().any(|c| c.text.contains(' '))
                || !evidence.acronyms.contains(&initials)
                || !run.iter().all(in_article)
            {
                continue;
            }
            found.extend(start..start + len);
        }
    }
    found
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
        } else if alt.origin == Origin::Exact
            && sentence_level < ROOT_FACTOR
            && alt
                .terms
                .iter()
                .all(|t| evidence.sentence.iter().any(|s| same_root(t, s)))
        {
            // "seizure" and "seize" stem differently but share their root. Only the user's
            // own words are compared this way: every pair costs a comparison per sentence word.
            sentence_level = sentence_level.max(ROOT_FACTOR);
        } else if alt.terms.iter().all(|t| evidence.headline.contains(t)) {
            // The headline or the lead says what the whole article is about.
            level = level.max(TITLE_FACTOR * strength);
            if concept.key {
                // The name the article is headed by is what its sentences are about: "a 400m
                // euro loan to the carrier" in "EU to probe Alitalia 'state aid'", "The
                // company" in a story headed "Executive trio leave Aer Lingus".
                sentence_level = sentence_level.max(strength);
            }
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

/// Where the sentence writes the query's missing name word at `i` as a word with the same
/// first letter, at most two edits from it, right beside the name's other word: "Shark
/// Tail" and "Shark Tale". A real word ("tail") gets no typo correction of its own; the
/// neighbour shows what was meant, which makes two edits safe here.
fn misspelt_beside_neighbour(plan: &QueryPlan, i: usize, sentence: &[String]) -> Option<usize> {
    let concept = &plan.concepts[i];
    let [typed] = concept.alternatives[0].terms.as_slice() else {
        return None;
    };
    if typed.chars().count() < 4 {
        return None;
    }
    let exact = |c: &Concept| match c.alternatives[0].terms.as_slice() {
        [term] => Some(term.clone()),
        _ => None,
    };
    // Not a stopword: "the Crazy Frog" is not "crazy for".
    let near = |word: Option<&String>| {
        word.is_some_and(|w| {
            w.chars().next() == typed.chars().next() && !is_stopword(w) && within_edits(typed, w, 2)
        })
    };
    let before = i.checked_sub(1).and_then(|j| exact(&plan.concepts[j]));
    let after = plan.concepts.get(i + 1).and_then(exact);
    sentence.iter().enumerate().find_map(|(p, word)| {
        if before.as_ref() == Some(word) && near(sentence.get(p + 1)) {
            Some(p + 1)
        } else if after.as_ref() == Some(word) && p > 0 && near(sentence.get(p - 1)) {
            Some(p - 1)
        } else {
            None
        }
    })
}

/// The concept (by index) an explicit "how many X" counts: the last of the query's words
/// in its focus, the head noun of X ("firms" in "entertainment firms"), unless it is a
/// name ("how many Wii consoles": a figure of DS consoles counts consoles, not Wiis).
fn counted_concept(plan: &QueryPlan) -> Option<usize> {
    if !plan.focus_asked {
        return None;
    }
    let i = plan
        .concepts
        .iter()
        .rposition(|c| c.alternatives[0].terms.iter().all(|t| plan.focus.contains(t)))?;
    (!plan.concepts[i].key).then_some(i)
}

/// Whether the sentence holds another word of the name written at `at` in `lead`: the
/// query's name words right before or after it there ("Im" of "Im Kwon-Taek").
fn names_part(plan: &QueryPlan, lead: &[String], at: usize, sentence: &TermSet) -> bool {
    let is_name_word = |t: &&String| {
        plan.concepts
            .iter()
            .any(|c| c.key && c.alternatives[0].terms.first() == Some(*t))
    };
    let before = lead[..at].iter().rev().take_while(is_name_word);
    let after = lead[at + 1..].iter().take_while(is_name_word);
    before.chain(after).any(|t| sentence.contains(t.as_str()))
}

fn adjacent(terms: &[String], first: &str, second: &str) -> bool {
    terms.windows(2).any(|w| w[0] == first && w[1] == second)
}

#[cfg(test)]
mod tests;
