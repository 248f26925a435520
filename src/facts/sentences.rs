//! Sentence splitting for news paragraphs in English and Chinese.
//!
//! A hand-written byte scanner: only `.`, `!`, `?` and the lead bytes of `…` and the
//! CJK terminators are examined, so a paragraph is split without allocating per
//! character. Choices for ambiguous text:
//! - A full stop ends a sentence only when whitespace follows and the next word starts
//!   like a sentence (uppercase, digit, opening quote or bracket, CJK character), so
//!   decimals, URLs, e-mail addresses and "..." before a lowercase word never split.
//! - Titles ("Mr.", "Dr.", "Gov."), company and name suffixes ("Inc.", "Jr."), "vs.",
//!   "e.g." and single-letter initials ("J. K. Rowling") never end a sentence; "No.",
//!   month abbreviations and "a.m."/"p.m." do not end one before a digit; "etc." does
//!   end one before an uppercase word.
//! - Place acronyms ("U.S.", "U.K.", "D.C.") end a sentence before an uppercase word
//!   unless that word commonly continues the name ("U.S. President", "U.K. Treasury");
//!   other dotted letter runs ("J.R.R.") are taken as initials and never split.
//! - CJK terminators (。！？； and the half-width ｡) always split, with any closing quotes
//!   kept with the sentence; no whitespace is needed after them, nor after a half-width
//!   `!` or `?` typed before a Han character.

use std::ops::Range;

/// Abbreviations after which a full stop never ends a sentence (compared ignoring case).
const NEVER_SPLIT: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "mt", "jr", "sr", "inc", "ltd", "co", "corp", "bros",
    "vs", "v", "gov", "sen", "rep", "gen", "lt", "col", "maj", "capt", "sgt", "cmdr", "adm", "rev", "hon",
    "pres", "supt", "e.g", "i.e", "cf", "approx", "est", "fig",
];

/// Abbreviations that do not end a sentence before a number ("No. 10", "Jan. 5", "5 p.m. 6").
const BEFORE_DIGIT: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m",
    "p.m", "vol", "p", "pp", "art",
];

/// Dotted acronyms that name places and so often end a sentence.
const PLACE_ACRONYMS: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "u.a.e", "u.s.s.r", "n.y", "l.a", "n.j",
];

/// Capitalised words that continue a place acronym instead of starting a sentence.
const ACRONYM_CONTINUATIONS: &[&str] = &[
    "President",
    "Treasury",
    "Senate",
    "House",
    "Congress",
    "Federal",
    "Department",
    "State",
    "Secretary",
    "Army",
    "Navy",
    "Air",
    "Supreme",
    "Justice",
    "Open",
    "Embassy",
    "Ambassador",
    "Government",
    "Attorney",
    "Fed",
    "Commerce",
    "Defense",
    "Defence",
    "Census",
    "Securities",
    "Energy",
    "Trade",
    "Court",
    "Central",
    "National",
    "Olympic",
    "Marines",
    "Coast",
    "Capitol",
    "Customs",
    "Homeland",
    "Postal",
    "Border",
    "Labor",
    "Prime",
    "Foreign",
    "Home",
    "Chancellor",
    "Parliament",
    "Security",
    "General",
    "Special",
    "Health",
    "Food",
    "Forces",
    "Dollar",
    "Treasuries",
    "Stocks",
    "Steel",
    "Bank",
    "Bancorp",
];

/// Byte ranges of the sentences in `text`, in order, trimmed of surrounding whitespace.
///
/// `text` is one paragraph: newlines inside it count as ordinary spaces.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Only these bytes can begin a terminator; 0xE2/0xE3/0xEF are UTF-8 lead bytes
        // (never continuation bytes), so `i` is on a char boundary whenever we decode.
        if !matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_cjk_terminal(c) {
            let end = skip_while(text, i, |c| is_cjk_terminal(c) || is_closer(c));
            push_trimmed(text, start..end, &mut out);
            (start, i) = (end, end);
            continue;
        }
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let dot = i;
        let run_end = skip_while(text, i, is_terminal);
        let end = skip_while(text, run_end, is_closer);
        let next = skip_while(text, end, char::is_whitespace);
        i = end;
        if next == text.len() {
            break;
        }
        // Half-width ! and ? typed in Chinese text need no space after them.
        let han_next = text[end..].chars().next().is_some_and(is_cjk);
        if next == end && han_next && text[dot..run_end].contains(['!', '?']) {
            push_trimmed(text, start..end, &mut out);
            (start, i) = (end, end);
            continue;
        }
        // No whitespace: decimal, URL, e-mail, "E.ON". Lowercase next: mid-sentence.
        let starts = text[next..].chars().next().is_some_and(starts_sentence);
        if next == end || !starts {
            continue;
        }
        // Abbreviations only matter for a lone full stop with no closing quote after it.
        let lone_dot = run_end == dot + 1 && bytes[dot] == b'.' && end == run_end;
        if lone_dot && !period_ends(text, dot, next) {
            continue;
        }
        push_trimmed(text, start..end, &mut out);
        (start, i) = (next, next);
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Whether a lone full stop at `dot`, followed by the word at `next`, ends a sentence.
fn period_ends(text: &str, dot: usize, next: usize) -> bool {
    let head = &text[..dot];
    let token = head.rsplit(char::is_whitespace).next().unwrap_or(head);
    let token = token.trim_start_matches(|c| is_opener(c) || c == '-');
    let is = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(token));
    let next_digit = text.as_bytes().get(next).is_some_and(u8::is_ascii_digit);
    if is(NEVER_SPLIT) || (next_digit && is(BEFORE_DIGIT)) {
        return false;
    }
    if token.eq_ignore_ascii_case("a.m") || token.eq_ignore_ascii_case("p.m") {
        return true; // "at 5 p.m. The vote" ends; before a digit it was handled above
    }
    let dotted = token.contains('.')
        && token
            .split('.')
            .all(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_alphabetic());
    if token.len() == 1 && token.as_bytes()[0].is_ascii_uppercase() {
        return false; // an initial: "J. K. Rowling"
    }
    if dotted {
        if !is(PLACE_ACRONYMS) {
            return false; // initials such as "J.R.R. Tolkien"
        }
        let rest = &text[next..];
        let word = &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()];
        return !(next_digit || ACRONYM_CONTINUATIONS.contains(&word));
    }
    true
}

/// Sentence-final punctuation of Chinese and full-width text; no space is needed after it.
fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '｡')
}

/// Western sentence-final punctuation, including the ellipsis character.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '」' | '』' | '）' | '》' | '】'
    )
}

/// Opening quotes and brackets that may start a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '「' | '『' | '（' | '《' | '【'
    )
}

/// Whether `c` can be the first character of a new sentence.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || is_opener(c) || is_cjk(c)
}

/// CJK ideographs, which have no case and so may always start a sentence.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// First byte index at or after `from` whose char fails `pred`.
fn skip_while(text: &str, from: usize, pred: impl Fn(char) -> bool) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(text.len(), |(k, _)| from + k)
}

/// Pushes `range` shrunk to exclude surrounding whitespace, unless nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    const CASES: &[(&str, &[&str])] = &[
        ("One. Two.", &["One.", "Two."]),
        ("  Padded text.  ", &["Padded text."]),
        ("", &[]),
        ("Mr. Smith went to Washington. He stayed.", &["Mr. Smith went to Washington.", "He stayed."]),
        ("Dr. Jones and Prof. Lee met St. Paul's staff.", &["Dr. Jones and Prof. Lee met St. Paul's staff."]),
        ("Shares in Apple Inc. Chief rivals fell.", &["Shares in Apple Inc. Chief rivals fell."]),
        ("Revenue was $1.13bn, up 2.5% on the year.", &["Revenue was $1.13bn, up 2.5% on the year."]),
        ("U.S. shares rose. Oil fell.", &["U.S. shares rose.", "Oil fell."]),
        ("He lives in the U.S. The weather is mild.", &["He lives in the U.S.", "The weather is mild."]),
        ("The U.S. President spoke. The U.N. Security Council met.", &["The U.S. President spoke.", "The U.N. Security Council met."]),
        ("The U.K. 10-year yield rose.", &["The U.K. 10-year yield rose."]),
        ("J. K. Rowling wrote it. J.R.R. Tolkien too.", &["J. K. Rowling wrote it.", "J.R.R. Tolkien too."]),
        ("E.ON cut 500 jobs. Staff were told.", &["E.ON cut 500 jobs.", "Staff were told."]),
        ("Visit www.bbc.co.uk or mail a.b@c.com today. Thanks.", &["Visit www.bbc.co.uk or mail a.b@c.com today.", "Thanks."]),
        ("He paused... and went on. Then left.", &["He paused... and went on.", "Then left."]),
        ("Wait… what happened? Nobody knew!", &["Wait… what happened?", "Nobody knew!"]),
        ("\"It is great.\" He said so.", &["\"It is great.\"", "He said so."]),
        ("He said: \"We grew 5%. It was good,\" adding more.", &["He said: \"We grew 5%.", "It was good,\" adding more."]),
        ("\"Is it?\" she asked. Yes.", &["\"Is it?\" she asked.", "Yes."]),
        ("It closed (finally.) Then reopened.", &["It closed (finally.)", "Then reopened."]),
        ("It happened on Jan. 5 at 10 a.m. in London.", &["It happened on Jan. 5 at 10 a.m. in London."]),
        ("The meeting ends at 5 p.m. The vote follows.", &["The meeting ends at 5 p.m.", "The vote follows."]),
        ("He lives at No. 10 Downing Street. No. It is true.", &["He lives at No. 10 Downing Street.", "No.", "It is true."]),
        ("Apples, pears, etc. are fruit. Etc. Fine.", &["Apples, pears, etc. are fruit.", "Etc.", "Fine."]),
        ("Sales rose in 2004. 300 people lost jobs.", &["Sales rose in 2004.", "300 people lost jobs."]),
        ("Use e.g. Python here. Gov. Brown agreed.", &["Use e.g. Python here.", "Gov. Brown agreed."]),
        ("She earned a Ph.D. Then she left.", &["She earned a Ph.D.", "Then she left."]),
        ("Line one\nstill one. Line two.", &["Line one\nstill one.", "Line two."]),
        ("Version 2.0.1 shipped. (Reuters) reported it.", &["Version 2.0.1 shipped.", "(Reuters) reported it."]),
        ("Washington, D.C. Officials said no.", &["Washington, D.C.", "Officials said no."]),
        ("Really?! Yes.", &["Really?!", "Yes."]),
        ("营收增长了百分之四十。利润翻了一番！真的吗？是的", &["营收增长了百分之四十。", "利润翻了一番！", "真的吗？", "是的"]),
        ("他说：“很好。”然后离开；大家鼓掌。", &["他说：“很好。”", "然后离开；", "大家鼓掌。"]),
        ("1-2月份利润9141.6亿元，增长10.2%。其中采矿业1842.6亿元！", &["1-2月份利润9141.6亿元，增长10.2%。", "其中采矿业1842.6亿元！"]),
        ("It rose 5%. 市场上涨。Done.", &["It rose 5%.", "市场上涨。", "Done."]),
        ("增长了吗?增长了!很好｡结束", &["增长了吗?", "增长了!", "很好｡", "结束"]),
        ("用户达2.7亿！同比增长40%？是", &["用户达2.7亿！", "同比增长40%？", "是"]),
    ];

    #[test]
    fn real_world_paragraphs_split_into_expected_sentences() {
        let split = |text| -> Vec<&str> { split_sentences(text).into_iter().map(|r| &text[r]).collect() };
        let failures: Vec<_> = CASES
            .iter()
            .filter(|(text, want)| split(text) != *want)
            .map(|(text, _)| (text, split(text)))
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn never_panics_and_spans_are_char_boundaries() {
        let atoms: Vec<&str> = "Mr.| |U.S.|。|”|…|?|!|.|\"|a|B|1.5|\n|é|😀|；|e.g.|）|'|No.|2|中|p.m.|J."
            .split('|')
            .collect();
        let mut seed = 12345u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(atoms[(seed >> 33) as usize % atoms.len()]);
            }
            let mut last = 0;
            for r in split_sentences(&text) {
                assert!(
                    r.start >= last && r.start < r.end && r.end <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                assert_eq!(text[r.clone()].trim(), &text[r.clone()]);
                last = r.end;
            }
        }
    }
}
