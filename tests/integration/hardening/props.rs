//! Property tests: the parsers and the query planner never panic on arbitrary Unicode, and
//! every byte span they return lies inside its text on char boundaries.

use std::ops::Range;
use std::path::Path;

use factbot::answer::{plan, Lexicon, SynonymTable};
use factbot::facts::{analyse_article, parse_quantities, period_year, split_sentences};
use factbot::knowledge::{default_synonyms, parse_article, parse_front_matter, ArticleId};
use proptest::prelude::*;

/// Pieces that reach the parsers' interesting branches, mixed with arbitrary characters.
const ATOMS: &[&str] = &[
    "1",
    "270",
    "1,234",
    "2.5",
    "0.",
    ".5",
    "1e9",
    "$",
    "£",
    "€",
    "¥",
    "%",
    "％",
    " million",
    "bn",
    "m",
    " per cent",
    " percent",
    "half",
    "doubled",
    "twice",
    "three",
    "-fold",
    "百分之",
    "亿",
    "万",
    "元",
    "翻了一番",
    "数百",
    "约",
    "2024",
    "FY",
    "年",
    "-",
    "–",
    " to ",
    " and ",
    "about ",
    "Mr.",
    "U.S.",
    ". ",
    "? ",
    "!",
    "。",
    "”",
    "…",
    "\"",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "---\n",
    "+++\n",
    "title: ",
    "published: ",
    "tags: [",
    "]",
    "{",
    "}",
    ":",
    "=",
    "# ",
    "- ",
    "```",
    "<",
    ">",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "é",
    "😀",
    "👨‍👩‍👧",
    "AND",
    "*",
    "~",
    "^",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(ATOMS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        3 => proptest::collection::vec(piece, 0..48).prop_map(|p| p.concat()),
        1 => any::<String>(),
    ]
}

fn assert_span(text: &str, span: &Range<usize>) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} in {text:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} splits a char in {text:?}"
    );
}

/// A lexicon that knows a handful of words, so the planner takes its known, unknown and
/// typo-correction paths.
struct FakeLexicon;

impl Lexicon for FakeLexicon {
    fn article_count(&self) -> u64 {
        10
    }
    fn article_frequency(&self, term: &str) -> u64 {
        match term {
            "drama" | "short" | "viewer" | "user" => 5,
            "revenu" | "app" => 2,
            _ => 0,
        }
    }
    fn similar_terms(&self, term: &str, _max_distance: usize) -> Vec<(String, u64)> {
        if term.len() > 5 {
            vec![("drama".to_string(), 5)]
        } else {
            Vec::new()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn quantity_spans_are_ordered_and_inside_the_sentence(s in text()) {
        let mut last = 0;
        for q in parse_quantities(&s) {
            assert_span(&s, &q.span);
            prop_assert!(q.span.start >= last, "overlap in {:?}", s);
            prop_assert!(!q.value.is_nan(), "{:?} in {:?}", q, s);
            last = q.span.end;
        }
        let _ = period_year(&s);
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_inside_the_paragraph(s in text()) {
        let mut last = 0;
        for r in split_sentences(&s) {
            assert_span(&s, &r);
            prop_assert!(r.start >= last && r.start < r.end);
            prop_assert_eq!(s[r.clone()].trim(), &s[r.clone()]);
            last = r.end;
        }
    }

    #[test]
    fn front_matter_body_starts_inside_the_text(s in text(), fence in prop_oneof![Just(""), Just("---\n"), Just("+++\n")]) {
        let s = format!("{fence}{s}");
        let mut diagnostics = Vec::new();
        let fm = parse_front_matter(Path::new("a.md"), &s, &mut diagnostics);
        prop_assert!(fm.body_start <= s.len() && s.is_char_boundary(fm.body_start));
        prop_assert!(fm.body_line >= 1);
        for d in &diagnostics {
            prop_assert!(d.line.is_none_or(|l| l >= 1), "{}", d);
        }
    }

    #[test]
    fn any_bytes_parse_into_an_article_or_a_reason(bytes in proptest::collection::vec(any::<u8>(), 0..256), s in text(), md in any::<bool>()) {
        let id = ArticleId::new(if md { "a.md" } else { "a.txt" });
        for input in [bytes, s.into_bytes()] {
            let mut diagnostics = Vec::new();
            match parse_article(&id, &input, &mut diagnostics) {
                None => prop_assert!(diagnostics.iter().any(|d| d.is_error())),
                Some(article) => {
                    for sentence in analyse_article(&article) {
                        for q in &sentence.quantities {
                            assert_span(&sentence.text, &q.span);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_planner_takes_any_query(s in text()) {
        let synonyms = SynonymTable::new(&default_synonyms());
        let p = plan(&s, &FakeLexicon, &synonyms);
        prop_assert!(p.concepts.len() <= 16);
        for c in &p.concepts {
            prop_assert!(c.weight.is_finite() && c.weight >= 0.0, "{:?} from {:?}", c, s);
            prop_assert!(!c.alternatives.is_empty());
        }
        for t in p.search_terms() {
            prop_assert!(!t.term.is_empty() && t.boost.is_finite());
        }
    }
}
