//! Issue 8, what factbot sends: property tests over arbitrary article text, titles, links and
//! queries, checking every Discord limit and the mention and layout rules on the serialized
//! JSON, which is what the adapter sends.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::answer::{Answer, Citation, CitedFact, Command, ComparedSide, Disagreement, Highlight};
use crate::facts::{Position, QuantityKind};
use crate::knowledge::ArticleId;

/// Text that has tried to break Discord bots: mentions, markdown, fences, links, long words.
const NASTY: &[&str] = &[
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@!42>",
    "<@&99>",
    "<#77>",
    "</stat:1>",
    "```rust\n",
    "```",
    "`",
    "**",
    "__",
    "~~",
    "||",
    "*",
    "_",
    "> ",
    "# ",
    "- ",
    "1. ",
    "[link](https://evil.test)",
    "(<",
    ">)",
    "](",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{1b}[2J",
    "\u{200b}",
    "\u{202e}",
    "https://example.test/a_(b)*c",
    "270 million",
    "9.6%",
    "短剧",
    "😀",
    " ",
    " ",
    ". ",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(NASTY).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => (1..3000usize).prop_map(|n| "w".repeat(n)),
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|p| p.concat())
}

fn url() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        text(6).prop_map(|t| Some(format!("https://example.test/{t}"))),
        (1..700usize).prop_map(|n| Some(format!("https://example.test/{}", "u".repeat(n)))),
        text(4).prop_map(Some),
    ]
}

fn fact() -> impl Strategy<Value = CitedFact> {
    (
        (
            text(30),
            proptest::collection::vec((0..400usize, 0..60usize), 0..4),
            1..6usize,
        ),
        (
            text(8),
            proptest::option::of(text(6)),
            url(),
            proptest::option::of(text(6)),
        ),
        (
            proptest::option::of(text(40)),
            0..400usize,
            0..400usize,
            proptest::option::of(1990..2030i32),
        ),
    )
        .prop_map(
            |((text, spans, article), (title, publisher, url, report), (passage, s, e, period))| {
                let highlights = spans
                    .into_iter()
                    .map(|(start, len)| Highlight {
                        start,
                        end: start + len,
                        kind: QuantityKind::Count,
                        counted: None,
                    })
                    .collect();
                CitedFact {
                    id: format!("a{article}.md#1.1"),
                    text,
                    highlights,
                    position: Position {
                        paragraph: 1,
                        sentence: 1,
                    },
                    period,
                    citation: Citation {
                        article: ArticleId::new(&format!("a{article}.md")),
                        title,
                        publisher,
                        author: None,
                        published: NaiveDate::from_ymd_opt(2024, 3, 29),
                        url,
                        paragraph: s % 40 + 1,
                        page: None,
                        report,
                    },
                    score: 1.0,
                    signals: None,
                    passage_span: passage.as_ref().map(|_| (s, s + e)),
                    passage,
                }
            },
        )
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        text(40),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(fact(), 0..12),
        proptest::collection::vec(text(10), 0..12),
        proptest::collection::vec((text(80), any::<bool>()), 0..4),
    )
        .prop_map(|(query, ask, no_answer, facts, suggestions, compared)| Answer {
            command: if ask { Command::Ask } else { Command::Stat },
            query,
            no_answer,
            disagreements: vec![Disagreement {
                kind: QuantityKind::Count,
                facts: (0..facts.len()).collect(),
            }],
            matched: facts.len(),
            facts,
            suggestions,
            compared: compared
                .into_iter()
                .map(|(name, matched)| ComparedSide { name, matched })
                .collect(),
            kb_version: "abcd1234".to_string(),
        })
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Every limit, checked on the JSON itself.
fn assert_sendable(body: &Value) {
    assert!(chars(&body["content"]) <= limits::CONTENT);
    assert_eq!(body["allowed_mentions"], serde_json::json!({"parse": []}));
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= limits::EMBEDS);
    assert!(!embeds.is_empty() || chars(&body["content"]) > 0);
    let mut total = 0;
    for e in &embeds {
        let (title, description, footer) = (&e["title"], &e["description"], &e["footer"]["text"]);
        assert!(chars(title) <= limits::TITLE, "{title}");
        assert!(chars(description) <= limits::DESCRIPTION);
        assert!(chars(footer) <= limits::FOOTER);
        assert!(chars(&e["url"]) <= limits::URL);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= limits::FIELDS);
        for f in &fields {
            assert!((1..=limits::FIELD_NAME).contains(&chars(&f["name"])));
            assert!((1..=limits::FIELD_VALUE).contains(&chars(&f["value"])), "{f}");
            total += chars(&f["name"]) + chars(&f["value"]);
        }
        total += chars(title) + chars(description) + chars(footer);
    }
    assert!(total <= limits::EMBED_TOTAL);
    let rows = body["components"].as_array().cloned().unwrap_or_default();
    assert!(rows.len() <= limits::ROWS);
    for row in &rows {
        let buttons = row["components"].as_array().cloned().unwrap_or_default();
        assert!((1..=limits::BUTTONS_PER_ROW).contains(&buttons.len()));
        for b in &buttons {
            assert!((1..=limits::BUTTON_LABEL).contains(&chars(&b["label"])));
            let url = b["url"].as_str().unwrap_or("https://");
            assert!(is_web_url(url), "{url}");
            assert!(chars(&b["custom_id"]) <= limits::CUSTOM_ID);
        }
    }
}

/// Mentions never ping or highlight, fences and links from article text never take effect.
fn assert_inert(body: &Value) {
    let mut texts: Vec<String> = vec![body["content"].as_str().unwrap_or("").to_string()];
    for e in body["embeds"].as_array().into_iter().flatten() {
        for key in ["title", "description"] {
            texts.push(e[key].as_str().unwrap_or("").to_string());
        }
        for f in e["fields"].as_array().into_iter().flatten() {
            texts.push(f["value"].as_str().unwrap_or("").to_string());
        }
    }
    for t in &texts {
        // Link targets are not shown as text; a URL may hold an `@`.
        let shown = without_link_targets(t);
        for ping in ["@everyone", "@here", "<@1", "<@4", "<@!", "<@&", "<#7", "</"] {
            assert!(!shown.contains(ping), "{ping} in {t:?}");
        }
        // Backticks from articles are escaped: only our own `[n]` markers are code.
        let plain = t.replace("\\`", "");
        assert!(!plain.contains("``"), "fence in {t:?}");
        // Every link is one we built: `](<` opens exactly the links `>)` closes.
        assert_eq!(unescaped(t, "](<"), unescaped(t, ">)"), "{t:?}");
    }
}

/// `text` without the targets of the markdown links the renderer builds (`](<url>)`).
fn without_link_targets(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("](<") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find(">)")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// Occurrences of `pattern` whose first character is not escaped by a backslash.
fn unescaped(text: &str, pattern: &str) -> usize {
    text.match_indices(pattern)
        .filter(|(i, _)| text[..*i].chars().rev().take_while(|&c| c == '\\').count() % 2 == 0)
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_answer_renders_within_every_limit_and_pings_nobody(answer in answer()) {
        let body = serde_json::to_value(render_answer(&answer)).expect("json");
        assert_sendable(&body);
        assert_inert(&body);
    }

    #[test]
    fn any_sources_page_renders_within_every_limit(
        entries in proptest::collection::vec((text(8), proptest::option::of(text(4)), url(), 0..99usize), 0..25),
        filter in proptest::option::of(text(10)),
        page in 0..5usize,
    ) {
        let entries: Vec<SourceEntry> = entries
            .into_iter()
            .map(|(title, publisher, url, facts)| SourceEntry {
                title,
                publisher,
                published: None,
                url,
                facts,
            })
            .collect();
        let total_articles = entries.len();
        let on_page = entries.len().saturating_sub(page.min(entries.len().saturating_sub(1) / SOURCES_PER_PAGE) * SOURCES_PER_PAGE).min(SOURCES_PER_PAGE);
        let page = SourcesPage { filter, page, entries, total_articles, kb_version: "v".into() };
        let body = serde_json::to_value(render_sources(&page)).expect("json");
        assert_sendable(&body);
        assert_inert(&body);
        // Two lines per article, whatever its title holds: the list layout never breaks.
        let description = body["embeds"][0]["description"].as_str().unwrap_or("");
        if on_page > 0 && !description.ends_with('…') {
            prop_assert_eq!(description.lines().count(), 2 * on_page, "{}", description);
        }
    }

    #[test]
    fn any_notice_fits_and_pings_nobody(t in text(60)) {
        let body = serde_json::to_value(render_notice(&escape_markdown(&t))).expect("json");
        assert_sendable(&body);
        assert_inert(&body);
    }
}
