//! Front matter at the top of Markdown articles: `---` YAML-style or `+++` TOML.
//!
//! Values are parsed by serde_yaml_ng / toml and then checked key by key, so every problem can
//! name its line: authors fix files from `factbot check` output, not from a stack trace.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use super::article::ArticleMeta;
use super::diagnostic::Diagnostic;

/// Keys an article may set; anything else is reported so typos (`pubisher`) do not go unseen.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "publisher",
    "author",
    "published",
    "url",
    "language",
    "tags",
    "report",
];

/// The result of splitting front matter off a Markdown file.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// Metadata read from the block (title may be empty when missing; an error says so).
    pub meta: ArticleMeta,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// 1-based line on which the body starts.
    pub body_line: usize,
    /// True when the file had a front matter block at all.
    pub present: bool,
}

#[derive(Clone, Copy)]
enum Syntax {
    Yaml,
    Toml,
}

/// Splits and parses the front matter of `text`, pushing every problem into `diagnostics`.
/// Never fails: a broken block still yields whatever keys could be read.
pub fn parse_front_matter(path: &Path, text: &str, diagnostics: &mut Vec<Diagnostic>) -> FrontMatter {
    let first_line = text.lines().next().unwrap_or("").trim_end();
    let syntax = match first_line.trim_start_matches('\u{feff}') {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => {
            return FrontMatter {
                body_line: 1,
                ..FrontMatter::default()
            }
        }
    };
    let fence = if matches!(syntax, Syntax::Yaml) {
        "---"
    } else {
        "+++"
    };

    // Find the closing fence, tracking byte offsets and line numbers.
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    let block_start = offset;
    let mut line_no = 2;
    let mut close = None;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end();
        if line == fence || (matches!(syntax, Syntax::Yaml) && line == "...") {
            close = Some((offset, end));
            break;
        }
        offset = end;
        line_no += 1;
    }
    let Some((block_end, body_start)) = close else {
        diagnostics.push(Diagnostic::error(
            path,
            Some(1),
            format!("front matter opened with `{fence}` on line 1 is never closed"),
        ));
        return FrontMatter {
            body_start: text.len(),
            body_line: line_no,
            present: true,
            ..FrontMatter::default()
        };
    };
    let block = &text[block_start..block_end];
    let meta = parse_block(path, block, syntax, diagnostics);
    FrontMatter {
        meta,
        body_start,
        body_line: line_no + 1,
        present: true,
    }
}

fn parse_block(path: &Path, block: &str, syntax: Syntax, diagnostics: &mut Vec<Diagnostic>) -> ArticleMeta {
    let map = match syntax {
        Syntax::Yaml => parse_yaml(block),
        Syntax::Toml => parse_toml(block),
    };
    let map = match map {
        Ok(map) => map,
        Err((line, message)) => {
            // Parsers report end-of-input errors one line past the block; point at its last
            // line instead. Block lines start at file line 2.
            let last = block.lines().count().max(1);
            diagnostics.push(Diagnostic::error(
                path,
                Some(line.map_or(1, |l| l.clamp(1, last) + 1)),
                format!("front matter is not valid: {message}"),
            ));
            return ArticleMeta::default();
        }
    };
    let mut meta = ArticleMeta::default();
    for (key, value) in &map {
        let line = Some(key_line(block, key) + 1);
        let mut bad_type = |expected: &str| {
            diagnostics.push(Diagnostic::error(
                path,
                line,
                format!("`{key}` must be {expected}, found {}", describe(value)),
            ));
        };
        match key.as_str() {
            "title" => match scalar_string(value) {
                Some(s) => meta.title = s,
                None => bad_type("text"),
            },
            "publisher" => assign(&mut meta.publisher, value, &mut bad_type),
            "author" => assign(&mut meta.author, value, &mut bad_type),
            "url" => assign(&mut meta.url, value, &mut bad_type),
            "language" => assign(&mut meta.language, value, &mut bad_type),
            "report" => assign(&mut meta.report, value, &mut bad_type),
            "tags" => match value {
                Value::Array(items) => {
                    meta.tags = items.iter().filter_map(scalar_string).collect();
                }
                Value::String(s) => {
                    meta.tags = s
                        .split(',')
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect();
                }
                _ => bad_type("a list of tags"),
            },
            "published" => match scalar_string(value).as_deref().map(parse_date) {
                Some(Some(date)) => meta.published = Some(date),
                Some(None) => diagnostics.push(Diagnostic::error(
                    path,
                    line,
                    format!(
                        "`published` must be a date like 2024-03-29, found {}",
                        describe(value)
                    ),
                )),
                None => bad_type("a date like 2024-03-29"),
            },
            other => diagnostics.push(Diagnostic::warning(
                path,
                line,
                format!(
                    "unknown front matter key `{other}` (known keys: {})",
                    KNOWN_KEYS.join(", ")
                ),
            )),
        }
    }
    meta
}

fn assign(slot: &mut Option<String>, value: &Value, bad_type: &mut impl FnMut(&str)) {
    match value {
        Value::Null => {}
        _ => match scalar_string(value) {
            Some(s) if !s.trim().is_empty() => *slot = Some(s.trim().to_string()),
            Some(_) => {}
            None => bad_type("text"),
        },
    }
}

/// Accepts `2024-03-29`, and a full RFC 3339 timestamp (keeping its date).
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    if let Ok(stamp) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(stamp.date_naive());
    }
    // TOML local date-times (`2024-03-29T10:00:00`) carry no offset.
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    let separated = rest.starts_with('T') || rest.starts_with(' ');
    separated.then(|| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())?
}

fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::String(s) => format!("`{s}`"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a table".into(),
    }
}

type Map = serde_json::Map<String, Value>;

fn parse_yaml(block: &str) -> Result<Map, (Option<usize>, String)> {
    if block.trim().is_empty() {
        return Ok(Map::new());
    }
    let value: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(block).map_err(|e| (e.location().map(|l| l.line()), e.to_string()))?;
    let json = serde_json::to_value(&value).map_err(|e| (None, e.to_string()))?;
    match json {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err((Some(1), "expected `key: value` lines".into())),
    }
}

fn parse_toml(block: &str) -> Result<Map, (Option<usize>, String)> {
    let table: toml::Table = block.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|s| block[..s.start.min(block.len())].matches('\n').count() + 1);
        (line, e.message().to_string())
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// 1-based line of `key` inside the block (1 when it cannot be found, e.g. flow mappings).
fn key_line(block: &str, key: &str) -> usize {
    block
        .lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
                .is_some_and(|rest| {
                    let rest = rest.trim_start();
                    rest.starts_with(':') || rest.starts_with('=')
                })
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (FrontMatter, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let fm = parse_front_matter(Path::new("a.md"), text, &mut diagnostics);
        (fm, diagnostics)
    }

    #[test]
    fn yaml_front_matter_fills_every_known_key() {
        let (fm, diags) = parse(
            "---\ntitle: \"Short dramas\"\npublisher: Cover News\nauthor: Li\npublished: 2024-03-29\nurl: https://x.test/a\nlanguage: en\ntags: [drama, video]\nreport: \"R (2024)\"\n---\nBody.\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(fm.meta.title, "Short dramas");
        assert_eq!(fm.meta.publisher.as_deref(), Some("Cover News"));
        assert_eq!(fm.meta.published, NaiveDate::from_ymd_opt(2024, 3, 29));
        assert_eq!(fm.meta.tags, vec!["drama", "video"]);
        assert_eq!(fm.meta.report.as_deref(), Some("R (2024)"));
        assert_eq!(fm.body_line, 11);
        assert_eq!(&"---\ntitle: \"Short dramas\"\npublisher: Cover News\nauthor: Li\npublished: 2024-03-29\nurl: https://x.test/a\nlanguage: en\ntags: [drama, video]\nreport: \"R (2024)\"\n---\nBody.\n"[fm.body_start..], "Body.\n");
    }

    #[test]
    fn toml_front_matter_accepts_native_dates() {
        let (fm, diags) = parse("+++\ntitle = \"T\"\npublished = 2025-01-02\ntags = [\"a\"]\n+++\nBody\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(fm.meta.published, NaiveDate::from_ymd_opt(2025, 1, 2));
        assert_eq!(fm.body_line, 6);
    }

    #[test]
    fn problems_name_their_line() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "---\ntitle: T\npublished: yesterday\n---\n",
                3,
                "`published` must be a date",
            ),
            (
                "---\ntitle: T\npubisher: X\n---\n",
                3,
                "unknown front matter key `pubisher`",
            ),
            ("---\ntitle: T\ntags: {a: 1}\n---\n", 3, "`tags` must be a list"),
            ("---\ntitle: [T\n---\n", 2, "front matter is not valid"),
            ("---\ntitle: T\nbody without end\n", 1, "never closed"),
            (
                "+++\ntitle = \"T\"\nurl = \n+++\n",
                3,
                "front matter is not valid",
            ),
        ];
        for (text, line, needle) in cases {
            let (_, diags) = parse(text);
            assert!(
                diags
                    .iter()
                    .any(|d| d.line == Some(*line) && d.message.contains(needle)),
                "{text:?}: expected line {line} with {needle:?}, got {diags:?}"
            );
        }
    }

    #[test]
    fn markdown_without_front_matter_starts_at_line_one() {
        let (fm, diags) = parse("# Heading\n\nText\n");
        assert!(!fm.present);
        assert_eq!((fm.body_start, fm.body_line), (0, 1));
        assert!(diags.is_empty());
    }
}
