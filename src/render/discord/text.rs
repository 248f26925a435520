//! Text helpers for Discord: markdown escaping, mention neutralising, and truncation that
//! keeps markdown balanced.

/// Escapes Discord markdown in untrusted text (article text, titles, queries) and
/// neutralises mentions, so the text shows as typed and never pings.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    neutralise_mentions(&out)
}

/// Puts a zero-width space after `@` in `@everyone`/`@here` and inside `<@…>`, `<#…>`
/// mention syntax. `allowed_mentions` already stops pings; this also stops the highlight.
pub fn neutralise_mentions(text: &str) -> String {
    const ZWSP: &str = "\u{200b}";
    text.replace("@everyone", &format!("@{ZWSP}everyone"))
        .replace("@here", &format!("@{ZWSP}here"))
        .replace("<@", &format!("<@{ZWSP}"))
        .replace("<#", &format!("<#{ZWSP}"))
}

/// Shortens `text` to at most `max` characters. Cuts at the last sentence end when that keeps
/// most of the text, else at a word boundary, and ends with `…`. Bold (`**`) left open by the
/// cut is closed, and a trailing lone backslash (half an escape) is dropped.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    // Room for the ellipsis and a closing `**`.
    let budget = max.saturating_sub(3);
    let byte_end = text.char_indices().nth(budget).map_or(text.len(), |(i, _)| i);
    let head = &text[..byte_end];
    let min_keep = byte_end * 3 / 5;
    let cut = sentence_end(head)
        .filter(|&i| i >= min_keep)
        .or_else(|| head.rfind(char::is_whitespace).filter(|&i| i >= byte_end / 3))
        .unwrap_or(byte_end);
    let mut out = head[..cut].trim_end().to_string();
    if trailing_backslashes(&out) % 2 == 1 {
        out.pop();
    }
    if out.matches("**").count() % 2 == 1 {
        out.push_str("**");
    }
    out.push('…');
    out
}

fn sentence_end(head: &str) -> Option<usize> {
    ['.', '!', '?', '。']
        .iter()
        .filter_map(|p| {
            head.match_indices(*p)
                .map(|(i, _)| i + p.len_utf8())
                .rfind(|&end| head[end..].starts_with(' ') || p == &'。')
        })
        .max()
}

fn trailing_backslashes(s: &str) -> usize {
    s.chars().rev().take_while(|&c| c == '\\').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_escaped_and_mentions_do_not_ping() {
        assert_eq!(
            escape_markdown("a*b_c~d`e|f>g#h"),
            "a\\*b\\_c\\~d\\`e\\|f\\>g\\#h"
        );
        let escaped = escape_markdown("hi @everyone and @here, <@123> <@&4> <#5>");
        assert!(!escaped.contains("@everyone"));
        assert!(!escaped.contains("@here"));
        assert!(!escaped.contains("<@1"));
        assert!(!escaped.contains("<@&"));
        assert!(!escaped.contains("<#5"));
    }

    #[test]
    fn short_text_is_unchanged() {
        assert_eq!(truncate("hello", 5), "hello");
    }

    #[test]
    fn truncation_prefers_a_sentence_end() {
        let text = "First sentence is here. Second one is a bit longer than that.";
        assert_eq!(truncate(text, 40), "First sentence is here.…");
    }

    #[test]
    fn truncation_falls_back_to_a_word_boundary() {
        let out = truncate("alpha beta gamma delta epsilon", 20);
        assert_eq!(out, "alpha beta gamma…");
        assert!(out.chars().count() <= 20);
    }

    #[test]
    fn truncation_closes_open_bold_and_respects_the_limit() {
        let out = truncate("numbers **270 million viewers watch every day** ok", 30);
        assert!(out.chars().count() <= 30, "{out}");
        assert_eq!(out.matches("**").count() % 2, 0, "{out}");
    }

    #[test]
    fn truncation_never_leaves_half_an_escape() {
        let out = truncate(&"a\\*".repeat(20), 10);
        assert!(
            !out.trim_end_matches('…').ends_with('\\') || out.ends_with("\\\\…"),
            "{out}"
        );
        assert!(out.chars().count() <= 10);
    }

    #[test]
    fn truncation_handles_wide_characters() {
        let out = truncate(&"短剧用户".repeat(100), 50);
        assert!(out.chars().count() <= 50);
        assert!(out.ends_with('…'));
    }
}
