//! Shared text helpers for renderers.

use chrono::NaiveDate;

use crate::answer::{Citation, CitedFact, ComparedSide, Highlight};

/// Where in its source a cited fact is: "p. 12, ¶ 3" for a page of a PDF, else "¶ 5".
/// `space` goes between sign and number (a no-break space keeps them together in Discord).
pub fn location(citation: &Citation, space: &str) -> String {
    match citation.page {
        Some(p) => format!("p.{space}{}, ¶{space}{}", p.page, p.paragraph),
        None => format!("¶{space}{}", citation.paragraph),
    }
}

/// Wraps each highlighted span of `text` in `open`/`close`, escaping the text between with
/// `escape`. Spans that overlap, run past the end or split a character are skipped rather
/// than producing broken output.
pub fn mark_spans(
    text: &str,
    highlights: &[Highlight],
    open: &str,
    close: &str,
    escape: &dyn Fn(&str) -> String,
) -> String {
    let mut spans: Vec<(usize, usize)> = highlights
        .iter()
        .map(|h| (h.start, h.end))
        .filter(|&(s, e)| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .collect();
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len() + spans.len() * (open.len() + close.len()));
    let mut at = 0;
    for (start, end) in spans {
        if start < at {
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        out.push_str(open);
        out.push_str(&escape(&text[start..end]));
        out.push_str(close);
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The line that says what a comparison compared, and which sides no fact matched:
/// "Comparing Kuaishou and Douyin: no matching fact for Douyin." `name` renders each name
/// (escaped for Discord). `None` when the answer compares nothing.
pub fn comparison_note(compared: &[ComparedSide], name: impl Fn(&str) -> String) -> Option<String> {
    let list = |names: Vec<String>| match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    if compared.is_empty() {
        return None;
    }
    let all = list(compared.iter().map(|s| name(&s.name)).collect());
    let unmatched: Vec<String> = compared
        .iter()
        .filter(|s| !s.matched)
        .map(|s| name(&s.name))
        .collect();
    Some(if unmatched.is_empty() {
        format!("Comparing {all}.")
    } else {
        format!("Comparing {all}: no matching fact for {}.", list(unmatched))
    })
}

/// For an `ask` answer: the earlier fact (index into `facts`) whose passage is the same
/// paragraph as fact `i`'s, so that a renderer shows that paragraph once and the later
/// fact as its sentence alone.
pub fn same_passage_as(facts: &[CitedFact], i: usize) -> Option<usize> {
    let fact = facts.get(i)?;
    fact.passage.as_ref()?;
    facts[..i].iter().position(|earlier| {
        earlier.passage.is_some()
            && earlier.citation.article == fact.citation.article
            && earlier.position.paragraph == fact.position.paragraph
    })
}

/// A date as readers expect it in citations: `29 Mar 2024`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::QuantityKind;

    fn h(start: usize, end: usize) -> Highlight {
        Highlight {
            start,
            end,
            kind: QuantityKind::Count,
            counted: None,
        }
    }

    #[test]
    fn spans_are_wrapped_and_bad_spans_skipped() {
        let plain = |s: &str| s.to_string();
        let cases: &[(&str, Vec<Highlight>, &str)] = &[
            ("270 million watch", vec![h(0, 11)], "*270 million* watch"),
            ("a 5% b 6%", vec![h(7, 9), h(2, 4)], "a *5%* b *6%*"),
            ("overlap 12", vec![h(8, 10), h(9, 10)], "overlap *12*"),
            ("past end", vec![h(5, 50)], "past end"),
            ("2.7亿人", vec![h(0, 4)], "2.7亿人"),
            ("2.7亿人", vec![h(0, 6)], "*2.7亿*人"),
        ];
        for (text, highlights, expected) in cases {
            assert_eq!(mark_spans(text, highlights, "*", "*", &plain), *expected);
        }
    }

    #[test]
    fn pdf_citations_show_page_and_paragraph_on_the_page() {
        let mut citation = Citation {
            article: crate::knowledge::ArticleId::new("r.pdf"),
            title: "R".into(),
            publisher: None,
            author: None,
            published: None,
            url: None,
            paragraph: 7,
            page: None,
            report: None,
        };
        assert_eq!(location(&citation, " "), "¶ 7");
        citation.page = Some(crate::knowledge::PageRef {
            page: 12,
            paragraph: 3,
        });
        assert_eq!(location(&citation, " "), "p. 12, ¶ 3");
    }

    #[test]
    fn a_comparison_note_lists_the_sides_and_those_nothing_matched() {
        let side = |name: &str, matched: bool| ComparedSide {
            name: name.to_string(),
            matched,
        };
        let plain = |s: &str| s.to_string();
        let cases: &[(Vec<ComparedSide>, Option<&str>)] = &[
            (vec![], None),
            (vec![side("A", true), side("B", true)], Some("Comparing A and B.")),
            (
                vec![side("A", true), side("B", false), side("C", false)],
                Some("Comparing A, B and C: no matching fact for B and C."),
            ),
        ];
        for (compared, expected) in cases {
            assert_eq!(comparison_note(compared, plain).as_deref(), *expected);
        }
    }
}
