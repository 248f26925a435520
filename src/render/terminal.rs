//! Answers as terminal text: numbers bold, a citation line under each fact.

use std::fmt::Write;

use crate::answer::{Answer, CitedFact, Command};
use crate::facts::qualifier_start;

use super::marks::{comparison_note, format_date, location, mark_spans, same_passage_as};

/// How to show emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// ANSI bold, for a terminal.
    Ansi,
    /// Markdown `**bold**`, for pipes and files.
    Markdown,
}

impl Emphasis {
    fn marks(self) -> (&'static str, &'static str) {
        match self {
            Emphasis::Ansi => ("\x1b[1m", "\x1b[0m"),
            Emphasis::Markdown => ("**", "**"),
        }
    }
}

/// Renders an answer for a terminal.
pub fn render(answer: &Answer, emphasis: Emphasis) -> String {
    let mut out = String::new();
    let (open, close) = emphasis.marks();
    let plain = |s: &str| printable(s);
    if answer.no_answer {
        let _ = writeln!(out, "No matching fact for \"{}\".", printable(&answer.query));
        if !answer.suggestions.is_empty() {
            let _ = writeln!(out, "Nearest topics:");
            for s in &answer.suggestions {
                let _ = writeln!(out, "  - {}", printable(s));
            }
        }
        let _ = writeln!(out, "(knowledge base {})", answer.kb_version);
        return out;
    }
    let _ = writeln!(
        out,
        "{} \"{}\" — {} of {} matching fact(s), knowledge base {}",
        answer.command.as_str(),
        printable(&answer.query),
        answer.facts.len(),
        answer.matched.max(answer.facts.len()),
        answer.kb_version
    );
    if let Some(note) = comparison_note(&answer.compared, printable) {
        let _ = writeln!(out, "{note}");
    }
    for (i, fact) in answer.facts.iter().enumerate() {
        let _ = writeln!(out);
        let repeated = same_passage_as(&answer.facts, i);
        let body = match (answer.command, &fact.passage, fact.passage_span) {
            // The paragraph is already shown: the sentence alone, pointing to it.
            (Command::Ask, Some(_), Some(_)) if repeated.is_some() => format!(
                "» {} « (in the passage of [{}])",
                mark_spans(&fact.text, &fact.highlights, open, close, &plain),
                repeated.map_or(0, |j| j + 1)
            ),
            (Command::Ask, Some(passage), Some((start, end)))
                if passage.is_char_boundary(start)
                    && passage.is_char_boundary(end)
                    && end <= passage.len() =>
            {
                let marked = mark_spans(&fact.text, &fact.highlights, open, close, &plain);
                format!(
                    "{}» {marked} «{}",
                    printable(&passage[..start]),
                    printable(&passage[end..])
                )
            }
            _ => mark_spans(&fact.text, &fact.highlights, open, close, &plain),
        };
        let _ = writeln!(out, "[{}] {}", i + 1, body.trim());
        let _ = writeln!(out, "    — {}", citation_line(fact));
        if let Some(url) = &fact.citation.url {
            let _ = writeln!(out, "      {}", printable(url));
        }
    }
    for d in &answer.disagreements {
        let sides: Vec<String> = d
            .facts
            .iter()
            .filter_map(|&i| answer.facts.get(i).map(|f| (i, f)))
            .map(|(i, f)| {
                // As stated: "more than 100 billion yuan", not "100 billion yuan".
                let value = f
                    .highlights
                    .iter()
                    .find(|h| h.kind == d.kind)
                    .and_then(|h| {
                        f.text
                            .get(qualifier_start(&f.text, h.start).unwrap_or(h.start)..h.end)
                    })
                    .unwrap_or("?");
                let source = f.citation.publisher.as_deref().unwrap_or(&f.citation.title);
                let date = f
                    .citation
                    .published
                    .map(format_date)
                    .unwrap_or_else(|| "undated".into());
                format!("[{}] {value} ({source}, {date})", i + 1)
            })
            .collect();
        let _ = writeln!(
            out,
            "\nNote: sources differ on this {} figure: {}. Check each source's period and method.",
            d.kind.as_str(),
            sides.join(" vs ")
        );
    }
    out
}

/// "Title", Publisher, 29 Mar 2024, ¶ 3 · as of 2024 · report: X (or "p. 12, ¶ 3" for a PDF)
pub fn citation_line(fact: &CitedFact) -> String {
    let c = &fact.citation;
    let mut parts = vec![format!("\"{}\"", c.title)];
    if let Some(p) = &c.publisher {
        parts.push(p.clone());
    }
    if let Some(d) = c.published {
        parts.push(format_date(d));
    }
    parts.push(location(c, " "));
    let mut line = parts.join(", ");
    if let Some(year) = fact.period {
        let _ = write!(line, " · as of {year}");
    }
    if let Some(report) = &c.report {
        let _ = write!(line, " · report: {report}");
    }
    let _ = write!(line, " · {}", c.article);
    printable(&line)
}

/// `text` with control characters as spaces: a query or article holding an escape sequence
/// must not clear or recolour the user's terminal.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
