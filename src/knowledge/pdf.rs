//! PDF reports into articles, page by page.
//!
//! Text comes from `pdf-extract` (fonts, encodings and ToUnicode maps handled there), one
//! page at a time so every paragraph keeps its page number. What follows is ours:
//! - Running headers and footers, and page numbers, are recognised by position and repetition:
//!   a line among the first or last two of a page that recurs (digits aside) on at least half
//!   of the pages, or that is only a page number ("12", "- 12 -", "Page 3 of 9", "第3页").
//! - `pdf-extract` writes a blank line for a vertical gap larger than a line, which is how a
//!   paragraph break looks on a page; lines in between are joined, a word hyphenated at a line
//!   end is joined whole, and Chinese lines join without a space.
//! - A PDF whose pages carry no text at all is a scan: that is an error naming OCR, never a
//!   silent empty article.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use chrono::NaiveDate;
use pdf_extract::{Document, Object, PlainTextOutput};

use super::article::{ArticleMeta, Paragraph};
use super::diagnostic::Diagnostic;
use super::language::is_han;

/// How many lines at the top and at the bottom of a page may be a running header or footer.
const EDGE_LINES: usize = 2;

/// Metadata and paragraphs of a PDF, or `None` (with an error) when it has no usable text.
pub fn parse_pdf(
    path: &Path,
    bytes: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(ArticleMeta, Vec<Paragraph>)> {
    let mut error = |message: String| {
        diagnostics.push(Diagnostic::error(path, None, message));
        None
    };
    // pdf-extract still panics on some malformed files; one bad report must not stop a reload.
    let extracted = catch_unwind(AssertUnwindSafe(|| extract(bytes)));
    let (meta, pages) = match extracted {
        Ok(Ok(found)) => found,
        Ok(Err(reason)) => return error(format!("cannot be read as PDF ({reason}); skipped")),
        Err(_) => return error("cannot be read as PDF (the text extractor failed); skipped".into()),
    };
    if pages.is_empty() {
        return error("PDF has no pages; skipped".into());
    }
    if pages.iter().all(|p| p.trim().is_empty()) {
        return error(format!(
            "PDF has no text layer on any of its {} page(s) (a scanned image?); run OCR on it first; skipped",
            pages.len()
        ));
    }
    let blank: Vec<String> = (1..=pages.len())
        .filter(|&n| pages[n - 1].trim().is_empty())
        .map(|n| n.to_string())
        .collect();
    if !blank.is_empty() {
        diagnostics.push(Diagnostic::warning(
            path,
            None,
            format!(
                "page(s) {} have no text layer (scanned?); their content is missing",
                blank.join(", ")
            ),
        ));
    }
    Some((meta, paragraphs_of_pages(&pages)))
}

/// Loads the document: its metadata and each page's text.
fn extract(bytes: &[u8]) -> Result<(ArticleMeta, Vec<String>), String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    if doc.is_encrypted() {
        doc.decrypt("")
            .map_err(|_| "it is encrypted with a password".to_string())?;
    }
    let meta = info_meta(&doc);
    let mut pages = Vec::new();
    for &number in doc.get_pages().keys() {
        let mut text = String::new();
        let mut output = PlainTextOutput::new(&mut text);
        pdf_extract::output_doc_page(&doc, &mut output, number).map_err(|e| format!("page {number}: {e}"))?;
        pages.push(text);
    }
    Ok((meta, pages))
}

/// Title, author and creation date from the document information dictionary.
fn info_meta(doc: &Document) -> ArticleMeta {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        })
        .and_then(|o| o.as_dict().ok());
    let text = |key: &[u8]| {
        let value = info?.get(key).ok()?;
        let bytes = match value {
            Object::String(bytes, _) => bytes,
            _ => return None,
        };
        let s = decode_text_string(bytes);
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    ArticleMeta {
        title: text(b"Title").unwrap_or_default(),
        author: text(b"Author"),
        published: text(b"CreationDate").as_deref().and_then(pdf_date),
        ..ArticleMeta::default()
    }
}

/// A PDF text string: UTF-16BE after a byte order mark, UTF-8 with its mark, else
/// PDFDocEncoding (Latin-1 for the characters that matter in titles and names).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// `D:20240329120000+08'00'` (or without `D:`) to its date.
fn pdf_date(text: &str) -> Option<NaiveDate> {
    let digits = text.trim().trim_start_matches("D:");
    NaiveDate::parse_from_str(digits.get(..8)?, "%Y%m%d").ok()
}

/// Paragraphs of all pages, running headers, footers and page numbers removed.
fn paragraphs_of_pages(pages: &[String]) -> Vec<Paragraph> {
    let lines: Vec<Vec<&str>> = pages.iter().map(|p| p.lines().map(str::trim).collect()).collect();
    let running = running_lines(&lines);
    let mut out = Vec::new();
    for (index, page_lines) in lines.iter().enumerate() {
        let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let edges = edge_indexes(page_lines);
        let mut current: Option<(String, usize)> = None;
        for (i, line) in page_lines.iter().enumerate() {
            let dropped = edges.contains(&i) && (is_page_number(line) || running.contains_key(&shape(line)));
            if dropped {
                continue;
            }
            if line.is_empty() {
                flush(&mut current, page, &mut out);
                continue;
            }
            match current.as_mut() {
                Some((text, _)) => join_line(text, line),
                None => current = Some(((*line).to_string(), i + 1)),
            }
        }
        flush(&mut current, page, &mut out);
    }
    out
}

fn flush(current: &mut Option<(String, usize)>, page: u32, out: &mut Vec<Paragraph>) {
    if let Some((text, line)) = current.take() {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(Paragraph {
                text,
                line,
                page: Some(page),
            });
        }
    }
}

/// Appends `line` to a paragraph: a hyphen at a line end before a lowercase letter was a
/// word broken by the layout; Han text runs on without spaces.
fn join_line(text: &mut String, line: &str) {
    let next = line.chars().next().unwrap_or(' ');
    let mut tail = text.chars().rev();
    let (last, before) = (tail.next().unwrap_or(' '), tail.next().unwrap_or(' '));
    if last == '-' && before.is_alphabetic() && next.is_lowercase() {
        text.pop();
    } else if !(is_han(last)
        || is_han(next)
        || ('\u{3000}'..='\u{303f}').contains(&last)
        || ('\u{ff00}'..='\u{ffef}').contains(&last))
    {
        text.push(' ');
    }
    text.push_str(line);
}

/// Indexes of the first and last non-empty lines of a page, where headers and footers sit.
fn edge_indexes(lines: &[&str]) -> Vec<usize> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    let head = filled.iter().take(EDGE_LINES);
    let foot = filled.iter().rev().take(EDGE_LINES);
    head.chain(foot).copied().collect()
}

/// Shapes (see [`shape`]) of edge lines that recur on at least half the pages (and two).
fn running_lines(pages: &[Vec<&str>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let mut seen: Vec<String> = edge_indexes(lines).into_iter().map(|i| shape(lines[i])).collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    counts.retain(|_, n| *n >= 2 && *n * 2 >= pages.len());
    counts
}

/// A line with its digits masked and case folded, so "Page 3" and "Page 4" match.
fn shape(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// "12", "- 12 -", "Page 3", "page 3 of 9", "3 / 9", "第3页", "第 3 页 共 9 页".
fn is_page_number(line: &str) -> bool {
    let masked = shape(line);
    let core: String = masked
        .replace("page", "")
        .replace("of", "")
        .chars()
        .filter(|c| !c.is_whitespace() && !"-–—/|·•.,第页共()[]".contains(*c))
        .collect();
    !core.is_empty() && core.chars().all(|c| c == '#') && core.len() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pages: &[&str]) -> Vec<(String, Option<u32>)> {
        let pages: Vec<String> = pages.iter().map(|p| (*p).to_string()).collect();
        paragraphs_of_pages(&pages)
            .into_iter()
            .map(|p| (p.text, p.page))
            .collect()
    }

    #[test]
    fn headers_footers_and_page_numbers_are_dropped() {
        let got = texts(&[
            "Annual Report 2024\n\nViewers grew to 270 million.\nMore lines.\n\n- 1 -",
            "Annual Report 2024\n\nRevenue rose 40%.\n\n- 2 -",
            "Annual Report 2024\n\nUsers paid 30%.\n\nPage 3 of 3",
        ]);
        assert_eq!(
            got,
            vec![
                ("Viewers grew to 270 million. More lines.".to_string(), Some(1)),
                ("Revenue rose 40%.".to_string(), Some(2)),
                ("Users paid 30%.".to_string(), Some(3)),
            ]
        );
    }

    #[test]
    fn hyphenated_line_ends_are_joined_and_chinese_lines_run_on() {
        let got = texts(&["The audi-\nence grew; the well-\nKnown firm.\n\n每天有2.7亿\n人在快手看短剧。"]);
        assert_eq!(got[0].0, "The audience grew; the well- Known firm.");
        assert_eq!(got[1].0, "每天有2.7亿人在快手看短剧。");
    }

    #[test]
    fn page_number_lines_are_recognised() {
        for line in [
            "12",
            "- 12 -",
            "Page 3",
            "page 3 of 9",
            "3 / 9",
            "第3页",
            "第 3 页 共 9 页",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["270 million", "Revenue 2024", "3. Results"] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn info_strings_and_dates_decode() {
        assert_eq!(decode_text_string(b"\xfe\xff\x5f\xae\x77\xed\x52\x67"), "微短剧");
        assert_eq!(decode_text_string(b"Caf\xe9"), "Café");
        assert_eq!(
            pdf_date("D:20240329120000+08'00'"),
            NaiveDate::from_ymd_opt(2024, 3, 29)
        );
        assert_eq!(pdf_date("yesterday"), None);
    }
}
