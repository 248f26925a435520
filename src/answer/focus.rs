//! What the figure should be about: the thing it counts ("how many passengers") and the
//! time unit it is stated per ("every hour"). Both are matched near a sentence's quantities.

use std::sync::LazyLock;

use crate::facts::QuantityKind;
use crate::index::{analyze, SentenceHit};

use super::places::is_place;
use super::query::Concept;
use super::verbs::ends_noun_phrase;
use super::words::{is_stopword, measure_kinds};

/// The terms of the noun phrase right after "how many/much", else of the last measure word.
pub fn focus_terms(lower: &[String], concepts: &[Concept]) -> (Vec<String>, bool) {
    let terms_of = |concept: &Concept| -> Vec<String> {
        // Every word of every alternative: "people watch" lets "270 million people" count
        // as viewers.
        let mut terms: Vec<String> = concept
            .alternatives
            .iter()
            .flat_map(|a| a.terms.iter().cloned())
            .collect();
        terms.sort();
        terms.dedup();
        terms
    };
    // The noun phrase after "how many" is what the figure counts: "how many defence
    // department staff were ..." focuses on all three words.
    let how = lower
        .windows(2)
        .position(|w| w[0] == "how" && (w[1] == "many" || w[1] == "much"));
    if let Some(at) = how {
        // "how many other people", "how many of its factories": the determiner is not the
        // counted noun. ("How much of Venezuela's oil" asks for a share: no focus.) Nor is an
        // owner: "how many of the Fed's twelve regions" ("Fed's" is analysed as "fed", "s").
        let mut start = at + 2;
        loop {
            let word = lower.get(start).map(String::as_str).unwrap_or_default();
            if LEADING_DETERMINERS.contains(&word) || lower[at + 1] == "many" && PART_OF.contains(&word) {
                start += 1;
            } else if lower[at + 1] == "many" && lower.get(start + 1).is_some_and(|next| next == "s") {
                start += 2;
            } else {
                break;
            }
        }
        let phrase: Vec<&str> = lower[start.min(lower.len())..]
            .iter()
            .map(String::as_str)
            .take_while(|w| !is_stopword(w) && !ends_noun_phrase(w))
            // "how many times has Ireland won": "times" counts occurrences of whatever the
            // verb says (victories, wins, titles), not a thing a figure is next to.
            .filter(|w| !COUNTS_OF_OCCURRENCES.contains(w))
            .collect();
        let mut focus: Vec<String> = concepts
            .iter()
            .filter(|c| c.text.to_lowercase().split(' ').any(|t| phrase.contains(&t)))
            .flat_map(terms_of)
            .collect();
        // "How many people" is answered by a count of the people a figure names: "five
        // other iTunes users", "2,000 visitors".
        if phrase.contains(&"people") {
            for noun in PEOPLE_TERMS.iter() {
                if !focus.contains(noun) {
                    focus.push(noun.clone());
                }
            }
        }
        // "How much sponsorship money": any sum of money is the figure asked for, whatever
        // words stand next to it.
        // ("Money" itself is a stopword, so it ends the phrase.)
        let money = lower[at + 1] == "much"
            && lower[at + 2..]
                .iter()
                .take(phrase.len() + 1)
                .any(|w| measure_kinds(w).is_some_and(|kinds| kinds == [QuantityKind::Money]));
        if !focus.is_empty() {
            return (focus, !money);
        }
    }
    // In "BT share of broadband customers" the measure before "of" heads the phrase: the
    // figure is a share, not a count of customers.
    let head_of = lower
        .windows(2)
        .find(|w| w[1] == "of" && measure_kinds(&w[0]).is_some())
        .and_then(|w| {
            concepts
                .iter()
                .find(|c| c.text.to_lowercase().split(' ').any(|t| t == w[0]))
        });
    if let Some(head) = head_of {
        return (with_people(head, terms_of(head)), false);
    }
    // In a topic like "India phone games revenue" the last measure word is the head noun:
    // the figure is revenue, not a count of games.
    let measured = concepts.iter().rposition(|c| {
        c.text
            .to_lowercase()
            .split(' ')
            .any(|t| measure_kinds(t).is_some())
    });
    let Some(at) = measured else {
        return (Vec::new(), false);
    };
    let mut focus = with_people(&concepts[at], terms_of(&concepts[at]));
    // A generic amount ("projects count", "waiting list total") is of the noun before it:
    // "the agency ordered 30 projects halted". So is a price: "share price" is answered
    // by "shares closed at 270.25p".
    let measure = concepts[at].text.to_lowercase();
    let of_noun_before = GENERIC_AMOUNTS.contains(&measure.as_str()) || PRICES.contains(&measure.as_str());
    if let Some(counted) = at
        .checked_sub(1)
        .map(|i| &concepts[i])
        .filter(|c| of_noun_before && !c.key)
    {
        focus.extend(with_people(counted, terms_of(counted)));
    }
    (focus, false)
}

/// Measure words that say only that an amount is asked for, not of what.
const GENERIC_AMOUNTS: &[&str] = &["count", "tally", "total"];

/// Measure words for what one of a thing costs: the figure stands beside the thing.
const PRICES: &[&str] = &["price", "prices"];

/// Words that may come between "how many" and the counted noun.
const LEADING_DETERMINERS: &[&str] = &["other", "more", "new", "different", "extra", "additional"];

/// Words that make "how many" ask for part of a set: "how many of its factories".
const PART_OF: &[&str] = &["of", "its", "the", "their", "his", "her", "our", "these", "those"];

/// Words after "how many" that count occurrences rather than things.
const COUNTS_OF_OCCURRENCES: &[&str] = &["times", "occasions"];

/// Nouns that count people: a figure of "people" counts them too ("51 million people have
/// seen ..." is an attendance).
const COUNTS_OF_PEOPLE: &[&str] = &[
    "viewers",
    "audience",
    "audiences",
    "viewership",
    "users",
    "admissions",
    "attendance",
    "visitors",
    "passengers",
    "subscribers",
    "customers",
    "voters",
    "fans",
    "readers",
    "listeners",
    "members",
    "participants",
    "volunteers",
    "students",
    "tourists",
    "men",
    "women",
    "children",
    "adults",
    "staff",
    "workers",
    "employees",
    "residents",
    "citizens",
    "pupils",
    "patients",
];

/// Every noun that counts people (and "people"), analysed.
pub(super) static PEOPLE_TERMS: LazyLock<Vec<String>> =
    LazyLock::new(|| analysed_terms(COUNTS_OF_PEOPLE.iter().chain(&["people"]).copied()));

/// The analysed terms of `words`, sorted, each once.
pub(super) fn analysed_terms<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut terms: Vec<String> = words.into_iter().flat_map(analyze).map(|t| t.term).collect();
    terms.sort();
    terms.dedup();
    terms
}

/// Awards and the prizes known by name: "four awards" answers "how many Baftas" when the
/// sentence is about them.
const COUNTS_OF_AWARDS: &[&str] = &[
    "awards", "prizes", "trophies", "oscars", "baftas", "grammys", "emmys", "globes", "brits",
];

/// Every noun that counts awards, analysed.
pub(super) static AWARD_TERMS: LazyLock<Vec<String>> =
    LazyLock::new(|| analysed_terms(COUNTS_OF_AWARDS.iter().copied()));

/// Parts of a series: "a six-part series" answers "how many episodes".
const COUNTS_OF_EPISODES: &[&str] = &["episodes", "parts", "instalments", "installments"];

/// Every noun that counts parts of a series, analysed.
pub(super) static EPISODE_TERMS: LazyLock<Vec<String>> =
    LazyLock::new(|| analysed_terms(COUNTS_OF_EPISODES.iter().copied()));

/// The nouns of [`super::QueryPlan::kin`]: all that count people when `focus` counts people,
/// and likewise for awards and for the parts of a series.
pub fn kin_terms(focus: &[String]) -> Vec<String> {
    [&*PEOPLE_TERMS, &*AWARD_TERMS, &*EPISODE_TERMS]
        .into_iter()
        .filter(|kind| focus.iter().any(|t| kind.contains(t)))
        .flat_map(|kind| kind.iter().filter(|t| !focus.contains(t)).cloned())
        .collect()
}

/// `terms` of a focus concept, with "people" added when the concept counts people.
fn with_people(concept: &Concept, mut terms: Vec<String>) -> Vec<String> {
    let lower = concept.text.to_lowercase();
    if lower.split(' ').any(|w| COUNTS_OF_PEOPLE.contains(&w)) {
        for people in analyze("people") {
            if !terms.contains(&people.term) {
                terms.push(people.term);
            }
        }
    }
    terms
}

/// True when one of `wanted` sits next to a quantity: the thing it counts ("how many
/// passengers" and "70 million passengers") or the unit it is per ("$1.8m an hour"). A
/// figure of a place the query does not name counts that place's things: "137 million US
/// users" is no count of China's. `query_terms`: every term of the plan.
pub(super) fn near_quantity(
    query_terms: &[String],
    wanted: &[String],
    hit: &SentenceHit,
    terms: &[String],
    term_spans: &[std::ops::Range<usize>],
) -> bool {
    if wanted.is_empty() {
        return false;
    }
    let spans: Vec<_> = hit
        .payload
        .quantities
        .iter()
        .filter(|q| !figure_of_other_place(&hit.text, q.span.end, query_terms, terms, term_spans))
        .map(|q| q.span.clone())
        .collect();
    quantity_counts_focus(terms, term_spans, &spans, wanted)
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
        let (first_in, first_after) = terms_around(&term_spans[..count], q);
        // Qualifiers and auxiliaries do not stand between a figure and its thing: "market
        // would be worth more than 100 billion" has the market two words from the figure.
        let mut from = first_in;
        let mut words = 0;
        while from > 0 && words < BEFORE {
            from -= 1;
            if !is_linking(&terms[from]) {
                words += 1;
            }
        }
        let to = (first_after + AFTER).min(count);
        terms[from..to].iter().any(|t| focus.contains(t))
    })
}

/// Where a figure at `span` sits among a sentence's words (their spans, in order): the first
/// word that reaches into it and the first word after it (`spans.len()` when none).
pub(super) fn terms_around(
    spans: &[std::ops::Range<usize>],
    span: &std::ops::Range<usize>,
) -> (usize, usize) {
    let first_in = spans
        .iter()
        .position(|s| s.end > span.start)
        .unwrap_or(spans.len());
    let first_after = spans
        .iter()
        .position(|s| s.start >= span.end)
        .unwrap_or(spans.len());
    (first_in, first_after)
}

/// Analysed words that qualify a figure ("more than", "about", "nearly") or only link it to
/// its subject ("would be", "was", "has been"): they do not count as words between a figure
/// and what it counts.
pub(super) fn is_linking(term: &str) -> bool {
    // A match, not a list: it runs for every word before every figure of every candidate.
    matches!(
        term,
        "more"
            | "than"
            | "about"
            | "nearli"
            | "almost"
            | "around"
            | "over"
            | "under"
            | "some"
            | "up"
            | "to"
            | "less"
            | "fewer"
            | "least"
            | "at"
            | "roughli"
            | "approxim"
            | "just"
            | "onli"
            | "is"
            | "was"
            | "were"
            | "be"
            | "been"
            | "would"
            | "will"
            | "could"
            | "has"
            | "had"
            | "have"
    )
}

/// True when the word right after a figure ending at byte `end` is a place, written with a
/// capital, that the query does not name (`query_terms`): "137 million US users" counts the
/// US's users ("20 of us" names no place). `terms` and `term_spans` are the analysed terms
/// of `text` and their byte spans.
pub fn figure_of_other_place(
    text: &str,
    end: usize,
    query_terms: &[String],
    terms: &[String],
    term_spans: &[std::ops::Range<usize>],
) -> bool {
    let Some(next) = term_spans.iter().position(|s| s.start >= end) else {
        return false;
    };
    let capitalised = text
        .get(term_spans[next].clone())
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    capitalised
        && terms
            .get(next)
            .is_some_and(|term| is_place(term) && !query_terms.contains(term))
}

#[cfg(test)]
pub(super) mod tests;
