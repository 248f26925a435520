//! Whatever users type as a topic or question gets an answer or a clear "no matching fact":
//! never a panic, never an error, never a Discord body over the limits.

use assert_cmd::Command;
use factbot::answer::{Answer, Command as Cmd, Engine};
use factbot::render::discord::{limits, render_answer};
use serde_json::Value;

use crate::support::Fixture;

/// Queries by class, and whether the bundled knowledge base must answer them.
fn queries() -> Vec<(&'static str, String, Option<bool>)> {
    vec![
        ("empty", String::new(), Some(false)),
        ("whitespace", " \t\n\u{a0}\u{3000} ".to_string(), Some(false)),
        ("6000 characters", "short drama viewers ".repeat(300), None),
        ("one 6000-character word", "x".repeat(6000), Some(false)),
        (
            "punctuation",
            "?!.,;:'\"()[]{}<>/\\|-_=+*&^%$#@~`".to_string(),
            Some(false),
        ),
        ("emoji", "📈📉🤔🎬🍿 👨‍👩‍👧‍👦".to_string(), Some(false)),
        (
            "query syntax",
            "viewers AND ( \" * : ~ ^ short drama".to_string(),
            Some(true),
        ),
        ("only syntax", "AND ( \" * : ~ ^ OR NOT -".to_string(), None),
        (
            "field syntax",
            "title:drama body:* sentence:\"x\"~2^3".to_string(),
            None,
        ),
        (
            "control characters",
            "short\u{0}drama\u{7}\u{1b}[2J viewers\r\n".to_string(),
            None,
        ),
        (
            "zero-width and bidi",
            "short\u{200b}drama \u{200f}viewers\u{202e}\u{2066}".to_string(),
            None,
        ),
        (
            "mixed scripts",
            "short drama 短剧 зрители مشاهدين viewers".to_string(),
            None,
        ),
        ("chinese", "微短剧用户规模".to_string(), None),
        ("numbers only", "270 million".to_string(), None),
        (
            "huge number",
            "99999999999999999999999999999999999999".to_string(),
            None,
        ),
        ("plain topic", "short drama viewers".to_string(), Some(true)),
    ]
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Checks the JSON Discord would receive against Discord's limits and mention rules.
pub fn assert_sendable(body: &Value) {
    assert!(chars(&body["content"]) <= limits::CONTENT, "{body:#}");
    assert_eq!(body["allowed_mentions"]["parse"], serde_json::json!([]));
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= limits::EMBEDS);
    assert!(
        !embeds.is_empty() || chars(&body["content"]) > 0,
        "empty message {body:#}"
    );
    let mut total = 0;
    for e in &embeds {
        assert!(chars(&e["title"]) <= limits::TITLE);
        assert!(chars(&e["description"]) <= limits::DESCRIPTION);
        assert!(chars(&e["footer"]["text"]) <= limits::FOOTER);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= limits::FIELDS);
        for f in &fields {
            assert!((1..=limits::FIELD_NAME).contains(&chars(&f["name"])), "{f:#}");
            assert!((1..=limits::FIELD_VALUE).contains(&chars(&f["value"])), "{f:#}");
            total += chars(&f["name"]) + chars(&f["value"]);
        }
        total += chars(&e["title"]) + chars(&e["description"]) + chars(&e["footer"]["text"]);
    }
    assert!(total <= limits::EMBED_TOTAL, "{total}");
    let rows = body["components"].as_array().cloned().unwrap_or_default();
    assert!(rows.len() <= limits::ROWS);
    for row in &rows {
        let buttons = row["components"].as_array().cloned().unwrap_or_default();
        assert!((1..=limits::BUTTONS_PER_ROW).contains(&buttons.len()));
        for b in &buttons {
            assert!((1..=limits::BUTTON_LABEL).contains(&chars(&b["label"])));
            assert!(chars(&b["url"]) <= limits::URL);
            assert!(chars(&b["custom_id"]) <= limits::CUSTOM_ID);
        }
    }
    let text = body.to_string();
    for ping in ["@everyone", "@here", "<@1", "<@!", "<@&", "<#1"] {
        assert!(!text.contains(ping), "{ping} in {text}");
    }
}

fn check(engine: &Engine, command: Cmd, name: &str, query: &str, must_answer: Option<bool>) -> Answer {
    let answer = engine
        .answer(command, query, 5)
        .unwrap_or_else(|e| panic!("{name}: {command:?} {query:?} failed: {e}"));
    if let Some(expected) = must_answer {
        assert_eq!(!answer.no_answer, expected, "{name}: {command:?} {query:?}");
    }
    let body = serde_json::to_value(render_answer(&answer)).expect("json");
    assert_sendable(&body);
    if answer.no_answer {
        assert_eq!(body["embeds"][0]["title"], "No matching fact", "{name}");
    }
    answer
}

#[test]
fn every_class_of_query_gets_an_answer_or_no_matching_fact() {
    let engine = Fixture::bundled().engine();
    for (name, query, must_answer) in queries() {
        for command in [Cmd::Stat, Cmd::Ask] {
            check(&engine, command, name, &query, must_answer);
        }
    }
}

#[test]
fn the_cli_answers_odd_queries_with_exit_0_or_1_and_a_clean_terminal() {
    let f = Fixture::bundled();
    for (name, query, _) in queries() {
        let output = Command::cargo_bin("factbot")
            .expect("factbot")
            .args(["stat", "--knowledge"])
            .arg(f.knowledge())
            .arg("--index")
            .arg(f.data())
            .arg("--")
            // A process argument cannot hold NUL; every other control character can.
            .arg(query.replace('\0', "\u{1}"))
            .env("NO_COLOR", "1")
            .output()
            .expect("run");
        let code = output.status.code();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(matches!(code, Some(0 | 1)), "{name}: {code:?} {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{0}'),
            "{name}: {stdout:?}"
        );
        if code == Some(1) {
            assert!(stdout.starts_with("No matching fact for"), "{name}: {stdout}");
        }
    }
}
