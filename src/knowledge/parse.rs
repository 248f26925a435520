//! Parsing one article file by its format (Markdown with front matter, plain text, HTML,
//! PDF) into metadata and paragraphs, with its sidecar applied; problems become diagnostics.

use std::path::Path;

use super::article::{Article, ArticleId, ArticleMeta, Paragraph};
use super::body::{markdown_paragraphs, text_paragraphs};
use super::diagnostic::Diagnostic;
use super::front_matter::parse_front_matter;
use super::loader::SourceFile;
use super::{html, language, pdf, sidecar};

/// The article formats factbot reads, by file extension.
pub(super) fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "txt" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Format {
    Markdown,
    Text,
    Html,
    Pdf,
}

/// Parses one article file, applying its `<name>.meta.toml` sidecar when there is one.
pub fn parse_source(file: &SourceFile, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<Article> {
    parse_with_sidecar(&file.id, bytes, Some(&file.path), diagnostics)
}

/// Parses one article from its bytes; `None` when nothing usable is in it (with an error).
pub fn parse_article(id: &ArticleId, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<Article> {
    parse_with_sidecar(id, bytes, None, diagnostics)
}

fn parse_with_sidecar(
    id: &ArticleId,
    bytes: &[u8],
    file: Option<&Path>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Article> {
    let path = Path::new(id.as_str());
    let format = format_of(path).unwrap_or(Format::Text);
    let (mut meta, paragraphs) = match format {
        // PDFs are binary; everything else is text.
        Format::Pdf => pdf::parse_pdf(path, bytes, diagnostics)?,
        _ => parse_text(path, format, bytes, diagnostics)?,
    };
    if let Some(file) = file {
        sidecar::apply_sidecar(file, path, &mut meta, diagnostics);
    }
    if meta.title.trim().is_empty() && matches!(format, Format::Html | Format::Pdf) {
        diagnostics.push(Diagnostic::warning(
            path,
            None,
            format!(
                "has no title in its metadata; using the file name (set `title` in {})",
                sidecar::sidecar_path(path).display()
            ),
        ));
        meta.title = file_stem(path);
    }
    if meta.language.is_none() {
        meta.language = language::detect_language(&meta.title, &paragraphs);
    }
    if paragraphs.is_empty() {
        diagnostics.push(Diagnostic::warning(
            path,
            None,
            "has a title but no body paragraphs",
        ));
    }
    Some(Article {
        id: id.clone(),
        meta,
        paragraphs,
        content_hash: blake3::hash(bytes).to_hex().to_string(),
    })
}

/// Metadata and paragraphs of a text format (Markdown, plain text, HTML).
fn parse_text(
    path: &Path,
    format: Format,
    bytes: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(ArticleMeta, Vec<Paragraph>)> {
    if bytes.contains(&0) {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "looks like a binary file (contains NUL bytes); skipped",
        ));
        return None;
    }
    let text = match format {
        // Chinese sites still save pages in GBK or Big5; the page says which.
        Format::Html => html::decode_declared(bytes).unwrap_or_else(|| decode(path, bytes, diagnostics)),
        _ => decode(path, bytes, diagnostics),
    };
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic::error(path, None, "file is empty; skipped"));
        return None;
    }
    Some(match format {
        Format::Html => html::parse_html(path, &text, diagnostics)?,
        Format::Markdown => {
            let front = parse_front_matter(path, &text, diagnostics);
            let mut meta = front.meta;
            let body = &text[front.body_start..];
            if meta.title.trim().is_empty() {
                match first_heading(body) {
                    Some(heading) if !front.present => meta.title = heading,
                    _ => {
                        diagnostics.push(Diagnostic::error(
                            path,
                            Some(1),
                            "missing `title` in front matter",
                        ));
                        meta.title = file_stem(path);
                    }
                }
            }
            (meta, markdown_paragraphs(body, front.body_line))
        }
        Format::Text => {
            let (title_line, title) = text
                .lines()
                .enumerate()
                .find(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| (i, l.trim().to_string()))
                .unwrap_or_default();
            let body_start = text
                .lines()
                .take(title_line + 1)
                .map(|l| l.len() + 1)
                .sum::<usize>()
                .min(text.len());
            let meta = ArticleMeta {
                title,
                ..ArticleMeta::default()
            };
            (meta, text_paragraphs(&text[body_start..], title_line + 2))
        }
        Format::Pdf => pdf::parse_pdf(path, bytes, diagnostics)?,
    })
}

/// Decodes UTF-8, falling back to a lossy decode with a warning naming the first bad line.
fn decode(path: &Path, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
        Err(err) => {
            let line = bytes[..err.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            diagnostics.push(Diagnostic::warning(
                path,
                Some(line),
                "not valid UTF-8; decoded with replacement characters",
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .and_then(|l| l.strip_prefix("# "))
        .map(|h| h.trim().to_string())
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
