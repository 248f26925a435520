//! The head noun of a topic that names no measure ("fan petition signatures"), and whether
//! a figure is of it. Pure functions over analysed words.

use super::focus::{is_linking, terms_around};
use super::periods::{is_month, is_year};
use super::query::Concept;
use super::words::is_stopword;

/// The head noun of a topic that names no measure, analysed: the last word of its first
/// noun phrase, when that is no name, year or month. "ESPN EA deal fan petition signatures"
/// counts signatures. Empty for a question ("how soon can people try ...") or when the
/// topic names a measure (`focus` is then not empty).
pub fn topic_head(lower: &[String], concepts: &[Concept], focus: &[String]) -> Vec<String> {
    if !focus.is_empty() || lower.first().is_none_or(|w| is_stopword(w)) {
        return Vec::new();
    }
    let Some(head) = lower.iter().take_while(|w| !is_stopword(w)).last() else {
        return Vec::new();
    };
    concepts
        .iter()
        .find(|c| c.text.to_lowercase().split(' ').any(|t| t == head))
        .filter(|c| !c.key && c.model_of.is_none())
        .map(|c| c.alternatives[0].terms.clone())
        .filter(|terms| !terms.iter().any(|t| is_year(t) || is_month(t)))
        .unwrap_or_default()
}

/// True when a figure is of the topic's head noun: one of the few words after it ("more than
/// 18,000 virtual signatures") or the word right before it, linking words aside ("Boogeyman
/// ... took $19.5m" for "box office", whose synonyms include takings).
/// Narrower than the focus's window: in "the recall affects almost three quarters of all
/// Xboxes" the figure is not the recall.
pub fn counts_head(
    head: &[String],
    terms: &[String],
    term_spans: &[std::ops::Range<usize>],
    quantities: &[crate::facts::Quantity],
) -> bool {
    const AFTER: usize = 4;
    if head.is_empty() {
        return false;
    }
    let count = terms.len().min(term_spans.len());
    quantities.iter().any(|q| {
        let (first_in, first_after) = terms_around(&term_spans[..count], &q.span);
        let before = terms[..first_in].iter().rev().find(|t| !is_linking(t));
        before.is_some_and(|t| head.contains(t))
            || terms[first_after..(first_after + AFTER).min(count)]
                .iter()
                .any(|t| head.contains(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::focus::focus_terms;
    use crate::answer::focus::tests::{concept, words};
    use crate::index::analyze;

    #[test]
    fn a_topic_without_a_measure_is_headed_by_the_last_word_of_its_first_phrase() {
        let cases: &[(&str, &[&str])] = &[
            ("espn ea deal fan petition signatures", &["signatur"]),
            ("italian state loan to alitalia", &["loan"]),
            ("japan industrial output october", &[]),
            ("film takings 2004", &[]),
            ("how soon can people try the tool", &[]),
            ("shark tale revenue", &[]),
        ];
        for (query, head) in cases {
            let lower = words(query);
            let concepts: Vec<Concept> = lower.iter().map(|w| concept(w)).collect();
            let (focus, _) = focus_terms(&lower, &concepts);
            assert_eq!(topic_head(&lower, &concepts, &focus), *head, "{query}");
        }
    }

    #[test]
    fn a_figure_is_of_the_head_beside_it_not_anywhere_near_it() {
        let counts = |head: &str, text: &str| {
            let (terms, spans): (Vec<String>, Vec<std::ops::Range<usize>>) =
                analyze(text).into_iter().map(|t| (t.term, t.span)).unzip();
            let head: Vec<String> = analyze(head).into_iter().map(|t| t.term).collect();
            counts_head(&head, &terms, &spans, &crate::facts::parse_quantities(text))
        };
        assert!(counts(
            "signatures",
            "The petition notched more than 18,000 virtual signatures."
        ));
        assert!(counts("takings", "The film's takings were $19.5m in three days."));
        assert!(!counts(
            "recall",
            "The recall affects almost three quarters of all Xboxes."
        ));
        assert!(!counts("", "It gathered 18,000 signatures."));
    }
}
