//! Saved web pages (`.html`, `.htm`) into articles.
//!
//! The main text is found by `dom_smoothie`, a port of Mozilla's Readability: navigation,
//! scripts, styles, ads, cookie banners, comments and "related" lists are left out by its
//! scoring rather than by patterns of ours. Its cleaned HTML is then walked block by block,
//! so each `<p>`, list item or quotation becomes one numbered paragraph, counted like a
//! Markdown paragraph; headings are structure and, as in Markdown, not paragraphs.
//! Metadata comes from the page (`<title>`, `og:title`, `og:site_name`,
//! `article:published_time`, `author`, `<link rel=canonical>`).

use std::path::Path;

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::article::{ArticleMeta, Paragraph};
use super::diagnostic::Diagnostic;
use super::front_matter::parse_date;

/// Elements whose text is one paragraph, unless they hold other blocks.
const PARAGRAPHS: &[&str] = &["p", "li", "blockquote", "dd", "dt", "figcaption", "pre"];

/// Elements that never hold article text.
const SKIPPED: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "noscript", "template", "nav", "aside", "footer",
    "form", "button", "svg", "table",
];

/// Consent dialogs: Readability scores them as text when the article is short, so they are
/// removed before it runs. Matched on id and class words, as every consent tool names them.
const CONSENT: &str = "[id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i], \
                       [id*=gdpr i], [class*=gdpr i], [aria-modal=true]";

/// Elements that, inside a paragraph element, mean it is a container, not a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "blockquote",
    "div",
    "ul",
    "ol",
    "section",
    "article",
    "pre",
];

/// Metadata and paragraphs of a page, or `None` (with an error) when it has no article text.
pub fn parse_html(
    path: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(ArticleMeta, Vec<Paragraph>)> {
    let page = Document::from(text);
    let canonical = page
        .select("link[rel~=canonical]")
        .attr("href")
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    page.select(CONSENT).remove();
    let mut readability = match Readability::with_document(page, None, Some(Config::default())) {
        Ok(r) => r,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                path,
                None,
                format!("cannot be read as HTML: {err}"),
            ));
            return None;
        }
    };
    let article = match readability.parse() {
        Ok(article) => article,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                path,
                None,
                format!("no article text found in the page ({err}); skipped"),
            ));
            return None;
        }
    };
    let content = Document::from(article.content.as_ref());
    let mut texts = Vec::new();
    collect_blocks(&content.root(), &mut texts);
    let paragraphs = locate_lines(text, texts);
    if paragraphs.is_empty() {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "no article text found in the page (only navigation, scripts or boilerplate); skipped",
        ));
        return None;
    }
    let clean = |s: Option<String>| s.map(|v| fold(&v)).filter(|v| !v.is_empty());
    let published = article.published_time.as_deref().and_then(|d| {
        let date = parse_date(d);
        if date.is_none() {
            diagnostics.push(Diagnostic::warning(
                path,
                None,
                format!("publication time `{d}` is not a date; ignored"),
            ));
        }
        date
    });
    let meta = ArticleMeta {
        title: fold(&article.title),
        publisher: clean(article.site_name),
        author: clean(article.byline),
        published,
        url: canonical.or(clean(article.url)),
        language: clean(article.lang).map(|l| primary_subtag(&l)),
        ..ArticleMeta::default()
    };
    Some((meta, paragraphs))
}

/// A page saved in the legacy encoding its `<meta charset>` declares (GBK, Big5, Shift_JIS…),
/// decoded; `None` when it declares UTF-8 or nothing, for the caller's UTF-8 decoding.
pub fn decode_declared(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    let encoding = encoding_rs::Encoding::for_label(&label)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    Some(encoding.decode(bytes).0.into_owned())
}

/// Texts of the paragraph blocks under `node`, in document order.
fn collect_blocks(node: &NodeRef, out: &mut Vec<String>) {
    for child in node.children() {
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        let holds_blocks = child.element_children().iter().any(|c| {
            c.node_name()
                .is_some_and(|n| BLOCKS.contains(&n.to_ascii_lowercase().as_str()))
        });
        if PARAGRAPHS.contains(&name.as_str()) && !holds_blocks {
            let text = fold(&child.text());
            if !text.is_empty() {
                out.push(text);
            }
        } else {
            collect_blocks(&child, out);
        }
    }
}

/// Paragraphs with the line of the page where each one's text first appears, searching
/// forward from the previous one; a paragraph not found verbatim (entities, inline tags)
/// takes the previous paragraph's line, which is still near.
fn locate_lines(source: &str, texts: Vec<String>) -> Vec<Paragraph> {
    let (mut from, mut line) = (0, 1);
    texts
        .into_iter()
        .map(|text| {
            let probe: String = text.chars().take(24).collect();
            if let Some(at) = source.get(from..).and_then(|rest| rest.find(&probe)) {
                line += source[from..from + at].matches('\n').count();
                from += at;
            }
            Paragraph {
                text,
                line,
                page: None,
            }
        })
        .collect()
}

/// Whitespace runs (including non-breaking spaces) folded to one space, trimmed.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `zh-CN` to `zh`, `en_GB` to `en`.
fn primary_subtag(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html lang="en-GB"><head>
<title>Micro-dramas boom | Example News</title>
<meta property="og:title" content="Micro-dramas boom in 2024">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-09-02T08:00:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example/micro-dramas">
<style>p { color: red }</style>
<script>var tracking = "270 million clicks";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner">We use cookies. Accept all 3 cookies?</div>
<article>
<h1>Micro-dramas boom in 2024</h1>
<p>Short serialised dramas, each episode lasting one or two minutes, have become one of the
fastest growing forms of online video in China, according to industry figures.</p>
<h2>Audience</h2>
<p>Kuaishou said about 270 million people watch short dramas on its platform every day, a
figure that has risen sharply since the start of the year as studios turn out more series.</p>
<p>Analysts expect the market to keep growing as advertisers follow the viewers and new
production companies enter the business with bigger budgets and better known actors.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great read! 5 stars.</p></section>
<aside class="related"><h3>Related articles</h3><ul><li>Other story about 9 things</li></ul></aside>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn page_metadata_and_main_text_are_read() {
        let mut diags = Vec::new();
        let (meta, paragraphs) = parse_html(Path::new("a.html"), PAGE, &mut diags).expect("article");
        assert_eq!(meta.title, "Micro-dramas boom in 2024");
        assert_eq!(meta.publisher.as_deref(), Some("Example News"));
        assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(meta.published, chrono::NaiveDate::from_ymd_opt(2024, 9, 2));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/micro-dramas"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        let texts: Vec<_> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:#?}");
        assert!(texts[1].starts_with("Kuaishou said about 270 million people"));
        let all = texts.join(" ");
        for noise in [
            "cookies",
            "tracking",
            "Home",
            "Related",
            "Great read",
            "Copyright",
            "Audience",
        ] {
            assert!(!all.contains(noise), "{noise} leaked into {all}");
        }
        assert_eq!(paragraphs[1].line, 19, "{paragraphs:#?}");
    }

    #[test]
    fn pages_in_a_declared_legacy_encoding_are_decoded() {
        let page = "<html><head><meta charset=\"gbk\"><title>快手</title></head><body><p>每天有2.7亿人看短剧。</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_declared(&bytes).as_deref(), Some(page));
        assert_eq!(decode_declared(b"<meta charset='utf-8'>"), None);
        assert_eq!(decode_declared(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn a_page_without_body_text_is_an_error() {
        let mut diags = Vec::new();
        let page = "<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>";
        assert!(parse_html(Path::new("e.html"), page, &mut diags).is_none());
        assert!(
            diags
                .iter()
                .any(|d| d.is_error() && d.message.contains("no article text")),
            "{diags:?}"
        );
    }
}
