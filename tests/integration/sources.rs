//! Articles that arrive as saved web pages, PDF reports and Chinese text. Every PDF here is
//! built by the test itself with lopdf; no binary fixtures.

use assert_cmd::Command;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use predicates::prelude::*;

use factbot::render::terminal::citation_line;

use crate::support::Fixture;

/// One line drawn on a page: baseline height from the bottom, and its text.
type Line<'a> = (i64, &'a str);

/// A PDF with a Helvetica text line for every `(y, text)` of every page, and an information
/// dictionary when `title` is given. A page with no lines has no text layer.
fn pdf(pages: &[&[Line]], title: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        if lines.is_empty() {
            // A drawn rectangle and no text: what a scanned page looks like to a text extractor.
            operations.push(Operation::new(
                "re",
                vec![50.into(), 50.into(), 400.into(), 600.into()],
            ));
            operations.push(Operation::new("f", vec![]));
        }
        for &(y, text) in lines.iter() {
            operations.push(Operation::new("BT", vec![]));
            operations.push(Operation::new("Tf", vec!["F1".into(), 12.into()]));
            operations.push(Operation::new("Td", vec![72.into(), y.into()]));
            operations.push(Operation::new("Tj", vec![Object::string_literal(text)]));
            operations.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations }.encode().expect("content");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            })
            .into(),
        );
    }
    let count = i64::try_from(kids.len()).expect("page count");
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if let Some(title) = title {
        let info = doc.add_object(dictionary! {
            "Title" => Object::string_literal(title),
            "Author" => Object::string_literal("Research Desk"),
            "CreationDate" => Object::string_literal("D:20240329120000+08'00'"),
        });
        doc.trailer.set("Info", info);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save pdf");
    bytes
}

/// A two-page report with a running header and page numbers in the footer.
fn report_pdf() -> Vec<u8> {
    let page1: &[Line] = &[
        (800, "Online Video Report 2024"),
        (740, "Short dramas became a mass medium this year, the report"),
        (726, "says, and the audi-"),
        (712, "ence kept growing."),
        (60, "1"),
    ];
    let page2: &[Line] = &[
        (800, "Online Video Report 2024"),
        (740, "Studios released more series than ever."),
        (700, "Every day 270 million viewers watch micro-dramas on"),
        (686, "Kuaishou alone, the report found."),
        (60, "2"),
    ];
    pdf(&[page1, page2], Some("Online Video Report 2024"))
}

fn factbot() -> Command {
    Command::cargo_bin("factbot").expect("factbot binary")
}

#[test]
fn pdf_facts_are_cited_by_page_and_paragraph_without_headers_or_footers() {
    let f = Fixture::new();
    f.write("reports/video-2024.pdf", report_pdf());
    let engine = f.engine();
    let answer = engine.stat("micro-drama viewers", 3).expect("answer");
    assert!(!answer.no_answer, "{answer:#?}");
    let first = &answer.facts[0];
    assert!(
        first.text.starts_with("Every day 270 million viewers"),
        "{first:#?}"
    );
    assert!(
        !first.text.contains("Report 2024"),
        "header leaked: {}",
        first.text
    );
    let page = first.citation.page.expect("a page");
    assert_eq!((page.page, page.paragraph), (2, 2));
    let line = citation_line(first);
    assert!(line.contains("\"Online Video Report 2024\""), "{line}");
    assert!(line.contains("29 Mar 2024") || line.contains("2024"), "{line}");
    assert!(line.contains("p. 2, ¶ 2"), "{line}");

    let joined = engine.stat("audience growing", 3).expect("answer");
    let texts: Vec<&str> = joined.facts.iter().map(|f| f.text.as_str()).collect();
    assert!(
        !texts.iter().any(|t| t.contains("audi-")),
        "hyphenation kept: {texts:?}"
    );
}

const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Drama apps | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<link rel="canonical" href="https://daily.example/drama-apps">
</head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
<div id="cookie-consent">We use 12 cookies to improve your experience.</div>
<main><article>
<h1>Drama apps take off</h1>
<p>Vertical drama apps earned a record sum in the first quarter, with players such as
ReelShort leading the market by a wide margin over their rivals in the United States.</p>
<p>Downloads of short drama apps reached 55 million in the quarter, more than double the figure
of a year earlier, as studios poured money into advertising on social networks.</p>
</article></main>
<div class="comments"><p>Reader comment: I watched 40 episodes in one night!</p></div>
<ul class="related-articles"><li>See also: 10 apps to try</li></ul>
</body></html>"#;

#[test]
fn html_pages_keep_main_text_and_take_sidecar_metadata() {
    let f = Fixture::new();
    f.write("web/drama-apps.html", PAGE);
    f.write(
        "web/drama-apps.meta.toml",
        "title = \"Drama apps take off\"\npublished = 2024-04-15\nauthor = \"A. Writer\"\n",
    );
    let engine = f.engine();
    let answer = engine.stat("short drama app downloads", 3).expect("answer");
    let first = &answer.facts[0];
    assert!(
        first
            .text
            .starts_with("Downloads of short drama apps reached 55 million"),
        "{first:#?}"
    );
    let c = &first.citation;
    assert_eq!(c.title, "Drama apps take off");
    assert_eq!(c.publisher.as_deref(), Some("Example Daily"));
    assert_eq!(c.url.as_deref(), Some("https://daily.example/drama-apps"));
    assert_eq!(c.published, chrono::NaiveDate::from_ymd_opt(2024, 4, 15));
    assert_eq!((c.paragraph, c.page), (2, None));
    let noise = engine.stat("cookies episodes apps to try", 5).expect("answer");
    for fact in &noise.facts {
        assert!(
            !fact.text.contains("cookies") && !fact.text.contains("Reader comment"),
            "{}",
            fact.text
        );
    }
}

#[test]
fn check_reports_broken_pdfs_and_empty_pages() {
    let f = Fixture::new();
    let good = report_pdf();
    f.write("truncated.pdf", &good[..good.len() / 3]);
    f.write("scanned.pdf", pdf(&[&[], &[]], Some("Scanned report")));
    f.write(
        "empty.html",
        "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav><script>track()</script></body></html>",
    );
    f.write("good.pdf", good);
    factbot()
        .args(["check", "--knowledge"])
        .arg(f.knowledge())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "truncated.pdf: error: cannot be read as PDF",
        ))
        .stdout(predicate::str::contains(
            "scanned.pdf: error: PDF has no text layer",
        ))
        .stdout(predicate::str::contains(
            "empty.html: error: no article text found",
        ))
        .stdout(predicate::str::contains("good.pdf").not());
}

/// Chinese and English queries over the bundled knowledge, each with what its first fact must
/// say (any one of the listed figures).
const BILINGUAL_CASES: &[(&str, &[&str])] = &[
    // "Micro-drama viewers" names no platform: China's total (MPA, NRTA) answers it as well
    // as Kuaishou's daily figure.
    (
        "微短剧 观众",
        &["2.7亿", "270 million", "830 million", "700 million"],
    ),
    ("short-drama viewers", &["270 million"]),
    ("快手 每天 看短剧", &["2.7亿", "270 million"]),
    ("短视频 人均 单日 使用时长", &["151分钟", "151 minutes"]),
    ("微短剧 用户 付费", &["30%"]),
    // 用户 asks for a count of users, not the minutes they spend.
    ("短视频 用户", &["1.04 billion", "10.4亿"]),
    (
        "微短剧 市场规模 2024",
        &["50.5 billion", "505亿", "50.44 billion"],
    ),
    // The micro-drama market, not the whole online audiovisual sector ("market was worth"
    // states a market size).
    (
        "micro-short drama market size",
        &["37.39 billion", "50.44 billion", "50.5 billion", "100 billion"],
    ),
];

#[test]
fn chinese_and_english_queries_find_facts_in_either_language() {
    let engine = Fixture::bundled().engine();
    let mut misses = Vec::new();
    for (query, want) in BILINGUAL_CASES {
        let answer = engine.stat(query, 3).expect("answer");
        let first = answer.facts.first().map_or("", |f| f.text.as_str());
        if !want.iter().any(|w| first.contains(w)) {
            misses.push(format!("{query}: {first}"));
        }
    }
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn chinese_answers_quote_the_original_sentence() {
    let f = Fixture::new();
    f.write(
        "zh/kuaishou.md",
        "---\ntitle: 快手短剧\npublisher: 封面新闻\npublished: 2024-03-29\n---\n\n快手副总裁刘震表示，目前每天有2.7亿人在快手看短剧。微短剧单集只有几分钟。\n",
    );
    let answer = f.engine().stat("每天 看短剧 人数", 3).expect("answer");
    let first = &answer.facts[0];
    assert_eq!(first.text, "快手副总裁刘震表示，目前每天有2.7亿人在快手看短剧。");
    let bold: Vec<&str> = first
        .highlights
        .iter()
        .map(|h| &first.text[h.start..h.end])
        .collect();
    assert_eq!(bold, vec!["2.7亿"]);
}

#[test]
fn editing_only_the_sidecar_reloads_the_article() {
    let f = Fixture::new();
    f.write("web/drama-apps.html", PAGE);
    f.write("web/drama-apps.meta.toml", "title = \"First title\"\n");
    let first = f.engine().stat("short drama app downloads", 1).expect("answer");
    assert_eq!(first.facts[0].citation.title, "First title");
    f.write(
        "web/drama-apps.meta.toml",
        "title = \"A corrected, longer title\"\n",
    );
    let second = f.engine().stat("short drama app downloads", 1).expect("answer");
    assert_eq!(second.facts[0].citation.title, "A corrected, longer title");
}

/// The scan learns of sidecars from the folder listing: one added or removed later still
/// reloads its article.
#[test]
fn adding_and_removing_a_sidecar_reloads_the_article() {
    let f = Fixture::new();
    f.write("web/drama-apps.html", PAGE);
    let before = f.engine().stat("short drama app downloads", 1).expect("answer");
    assert_ne!(before.facts[0].citation.title, "Title from the sidecar");
    f.write("web/drama-apps.meta.toml", "title = \"Title from the sidecar\"\n");
    let added = f.engine().stat("short drama app downloads", 1).expect("answer");
    assert_eq!(added.facts[0].citation.title, "Title from the sidecar");
    f.remove("web/drama-apps.meta.toml");
    let removed = f.engine().stat("short drama app downloads", 1).expect("answer");
    assert_eq!(removed.facts[0].citation.title, before.facts[0].citation.title);
}

/// A report's Chinese original and its English rendering state the same fact once, in the
/// query's script.
#[test]
fn a_fact_in_two_languages_is_shown_once_in_the_querys_script() {
    let f = Fixture::new();
    f.write(
        "zh/cnav.md",
        "---\ntitle: 网络视听大会\npublisher: 封面新闻\nauthor: Li\npublished: 2024-03-29\n---\n\n报告显示，40%的用户经常观看微短剧，30%的用户曾为微短剧付费。\n",
    );
    f.write(
        "cnav.md",
        "---\ntitle: The audiovisual conference\npublisher: Cover News\nauthor: Li\npublished: 2024-03-29\n---\n\nThe report found that 40% of users often watch micro-short dramas and 30% of users have paid for them.\n",
    );
    let engine = f.engine();
    for (query, script_is_cjk) in [
        ("micro-short drama users paid", false),
        ("微短剧 用户 付费", true),
    ] {
        let answer = engine.stat(query, 3).expect("answer");
        let texts: Vec<&str> = answer.facts.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{query}: {texts:?}");
        assert_eq!(texts[0].contains("的用户"), script_is_cjk, "{query}: {texts:?}");
    }
}
