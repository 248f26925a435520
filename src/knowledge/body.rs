//! Article bodies into numbered paragraphs: Markdown through pulldown-cmark, plain text by
//! blank lines. Paragraph numbers are what citations show, so both formats count the same way:
//! every block of running text is one paragraph; headings, code and tables are not.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::article::Paragraph;

/// Paragraphs of a Markdown body. `first_line` is the file line on which `body` starts.
pub fn markdown_paragraphs(body: &str, first_line: usize) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut current: Option<(String, usize)> = None;
    let mut skip_depth = 0usize;
    let mut in_item = 0usize;
    let mut lines = LineCounter::new(body, first_line);
    let mut line_at = |offset: usize| lines.line_at(offset);

    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match event {
            // A list item is a paragraph of its own, whether tight (no Paragraph tag) or loose.
            Event::Start(Tag::Item) if skip_depth == 0 => {
                if let Some((text, line)) = current.take() {
                    push_paragraph(&mut paragraphs, &text, line);
                }
                current = Some((String::new(), line_at(range.start)));
                in_item += 1;
            }
            Event::End(TagEnd::Item) if skip_depth == 0 => {
                in_item = in_item.saturating_sub(1);
                if let Some((text, line)) = current.take() {
                    push_paragraph(&mut paragraphs, &text, line);
                }
            }
            Event::Start(Tag::Paragraph) if skip_depth == 0 && in_item == 0 => {
                current = Some((String::new(), line_at(range.start)));
            }
            Event::End(TagEnd::Paragraph) if skip_depth == 0 && in_item == 0 => {
                if let Some((text, line)) = current.take() {
                    push_paragraph(&mut paragraphs, &text, line);
                }
            }
            Event::End(TagEnd::Paragraph) if skip_depth == 0 => {
                if let Some((buffer, _)) = current.as_mut() {
                    buffer.push(' ');
                }
            }
            Event::Start(Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Table(_) | Tag::HtmlBlock) => {
                skip_depth += 1;
            }
            Event::End(TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Text(text) | Event::Code(text) if skip_depth == 0 => {
                if let Some((buffer, _)) = current.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => {
                if let Some((buffer, _)) = current.as_mut() {
                    buffer.push(' ');
                }
            }
            _ => {}
        }
    }
    paragraphs
}

/// File line of a byte offset, counting newlines only since the previous offset asked for:
/// paragraphs arrive in order, and recounting from the top made a file of many paragraphs
/// quadratic (100,000 paragraphs took minutes).
struct LineCounter<'a> {
    body: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(body: &'a str, first_line: usize) -> Self {
        Self {
            body,
            offset: 0,
            line: first_line,
        }
    }

    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.body.len());
        if offset < self.offset {
            // Out of order (never seen from pulldown-cmark): start over.
            self.line -= self.body[offset..self.offset].matches('\n').count();
        } else {
            self.line += self.body[self.offset..offset].matches('\n').count();
        }
        self.offset = offset;
        self.line
    }
}

/// Paragraphs of a plain-text body: blocks separated by blank lines.
pub fn text_paragraphs(body: &str, first_line: usize) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut buffer = String::new();
    let mut start_line = first_line;
    for (i, line) in body.lines().enumerate() {
        let line_no = first_line + i;
        if line.trim().is_empty() {
            push_paragraph(&mut paragraphs, &buffer, start_line);
            buffer.clear();
            continue;
        }
        if buffer.is_empty() {
            start_line = line_no;
        } else {
            buffer.push(' ');
        }
        buffer.push_str(line.trim());
    }
    push_paragraph(&mut paragraphs, &buffer, start_line);
    paragraphs
}

fn push_paragraph(paragraphs: &mut Vec<Paragraph>, text: &str, line: usize) {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !folded.is_empty() {
        paragraphs.push(Paragraph {
            text: folded,
            line,
            page: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_paragraphs_skip_headings_and_keep_lines() {
        let body = "## Heading\n\nFirst *para*\ncontinues.\n\n```\ncode 1\n```\n\n- item one\n- item two\n\nLast [link](http://x.test).\n";
        let paragraphs = markdown_paragraphs(body, 5);
        let texts: Vec<_> = paragraphs.iter().map(|p| (p.text.as_str(), p.line)).collect();
        assert_eq!(
            texts,
            vec![
                ("First para continues.", 7),
                ("item one", 14),
                ("item two", 15),
                ("Last link.", 17)
            ]
        );
    }

    #[test]
    fn text_paragraphs_split_on_blank_lines() {
        let paragraphs = text_paragraphs("a b\nc\n\n\n d \n", 3);
        let texts: Vec<_> = paragraphs.iter().map(|p| (p.text.as_str(), p.line)).collect();
        assert_eq!(texts, vec![("a b c", 3), ("d", 7)]);
    }
}
