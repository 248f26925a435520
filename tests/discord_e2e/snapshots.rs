//! Rendered Discord bodies for fixed, hand-built answers (so they do not depend on ranking),
//! as insta snapshots, plus the limits on an answer far too big for one message.

use chrono::NaiveDate;
use factbot::answer::{Answer, Citation, CitedFact, Command, ComparedSide, Disagreement, Highlight};
use factbot::facts::{Position, QuantityKind};
use factbot::knowledge::ArticleId;
use factbot::render::discord::{render_answer, render_help, render_sources, SourceEntry, SourcesPage};

fn fact(text: &str, bold: &[&str], paragraph: usize, url: Option<&str>) -> CitedFact {
    let highlights = bold
        .iter()
        .map(|b| {
            let start = text.find(b).expect("bold text in sentence");
            Highlight {
                start,
                end: start + b.len(),
                kind: QuantityKind::Count,
                counted: None,
            }
        })
        .collect();
    CitedFact {
        id: format!("kuaishou.md#{paragraph}.1"),
        text: text.to_string(),
        highlights,
        position: Position {
            paragraph,
            sentence: 1,
        },
        period: Some(2024),
        citation: Citation {
            article: ArticleId::new("kuaishou.md"),
            title: "Cover News: micro-dramas at the *11th* conference".to_string(),
            publisher: Some("Cover News".to_string()),
            author: None,
            published: NaiveDate::from_ymd_opt(2024, 3, 29),
            url: url.map(str::to_string),
            paragraph,
            page: None,
            report: Some("China Online Audiovisual Development Research Report (2024)".to_string()),
        },
        score: 1.0,
        signals: None,
        passage: None,
        passage_span: None,
    }
}

fn stat_answer() -> Answer {
    Answer {
        command: Command::Stat,
        query: "short-drama viewers".to_string(),
        no_answer: false,
        facts: vec![
            fact(
                "According to Kuaishou, 270 million people watch short dramas on Kuaishou every day.",
                &["270 million"],
                9,
                Some("https://example.test/cover-news"),
            ),
            fact(
                "China had 576 million micro-drama users_by June, up 9.6%.",
                &["576 million", "9.6%"],
                3,
                None,
            ),
        ],
        matched: 7,
        suggestions: Vec::new(),
        disagreements: vec![Disagreement {
            kind: QuantityKind::Count,
            facts: vec![0, 1],
        }],
        compared: Vec::new(),
        kb_version: "c479c648".to_string(),
    }
}

#[test]
fn discord_e2e_stat_answer_snapshot() {
    insta::assert_json_snapshot!("stat_answer", render_answer(&stat_answer()));
}

#[test]
fn discord_e2e_ask_answer_snapshot() {
    let mut answer = stat_answer();
    answer.command = Command::Ask;
    answer.query = "How many watch short dramas @everyone?".to_string();
    answer.facts.truncate(1);
    answer.disagreements.clear();
    let before = "Liu Zhen spoke in Chengdu. ";
    let passage = format!("{before}{} A twist comes every 15 seconds.", answer.facts[0].text);
    answer.facts[0].passage_span = Some((before.len(), before.len() + answer.facts[0].text.len()));
    answer.facts[0].passage = Some(passage);
    insta::assert_json_snapshot!("ask_answer", render_answer(&answer));
}

#[test]
fn discord_e2e_no_answer_snapshot() {
    let answer = Answer {
        command: Command::Stat,
        query: "quantum cheese".to_string(),
        no_answer: true,
        facts: Vec::new(),
        matched: 0,
        suggestions: vec!["Appfigures: short-drama apps earned $146 million".to_string()],
        disagreements: Vec::new(),
        compared: Vec::new(),
        kb_version: "c479c648".to_string(),
    };
    insta::assert_json_snapshot!("no_answer", render_answer(&answer));
}

#[test]
fn discord_e2e_comparison_answer_snapshot() {
    let mut answer = stat_answer();
    answer.query = "Kuaishou vs Douyin* daily viewers".to_string();
    answer.facts.truncate(1);
    answer.disagreements.clear();
    answer.compared = vec![
        ComparedSide {
            name: "Kuaishou".to_string(),
            matched: true,
        },
        ComparedSide {
            name: "Douyin*".to_string(),
            matched: false,
        },
    ];
    insta::assert_json_snapshot!("comparison_answer", render_answer(&answer));
}

#[test]
fn discord_e2e_sources_and_help_snapshots() {
    let entries = (1..=12)
        .map(|i| SourceEntry {
            title: format!("Report number {i}"),
            publisher: Some("Sensor Tower".to_string()),
            published: NaiveDate::from_ymd_opt(2025, 1, i),
            url: (i % 2 == 0).then(|| format!("https://example.test/{i}")),
            facts: i as usize,
        })
        .collect();
    let page = SourcesPage {
        filter: Some("sensor".to_string()),
        page: 1,
        entries,
        total_articles: 15,
        kb_version: "c479c648".to_string(),
    };
    insta::assert_json_snapshot!("sources_page_2", render_sources(&page));
    insta::assert_json_snapshot!("help", render_help("c479c648", 15));
}

#[test]
fn discord_e2e_huge_answers_are_cut_to_discord_limits() {
    let mut answer = stat_answer();
    let long = format!("{} 270 million.", "Viewers @everyone *watch* dramas. ".repeat(80));
    answer.facts = (0..25)
        .map(|i| {
            let mut f = fact(
                &long,
                &["270 million"],
                i + 1,
                Some(&format!("https://example.test/{i}")),
            );
            f.citation.title = "T".repeat(400);
            f.citation.publisher = Some(format!("Publisher {i} {}", "p".repeat(100)));
            f
        })
        .collect();
    answer.query = "q".repeat(6000);
    let body = serde_json::to_value(render_answer(&answer)).expect("json");
    let embed = &body["embeds"][0];
    let chars = |v: &serde_json::Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(chars(&embed["title"]) <= 256);
    assert!(chars(&embed["description"]) <= 4096);
    let fields = embed["fields"].as_array().expect("fields");
    assert!(fields.len() <= 25);
    let mut total = chars(&embed["title"]) + chars(&embed["description"]) + chars(&embed["footer"]["text"]);
    for f in fields {
        assert!(chars(&f["name"]) <= 256 && chars(&f["value"]) <= 1024);
        total += chars(&f["name"]) + chars(&f["value"]);
    }
    assert!(total <= 6000, "{total}");
    let rows = body["components"].as_array().expect("rows");
    assert!(rows.len() <= 5);
    for row in rows {
        let buttons = row["components"].as_array().expect("buttons");
        assert!(buttons.len() <= 5);
        for b in buttons {
            assert!(chars(&b["label"]) <= 80 && b["url"].is_string());
        }
    }
    assert!(!body.to_string().contains("@everyone"));
    assert_eq!(body["allowed_mentions"], serde_json::json!({"parse": []}));
}
