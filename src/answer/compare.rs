//! Comparisons: "Kuaishou vs Douyin daily viewers", "which has more viewers, Kuaishou or
//! Douyin?". Asked as one query, the side with more matching words crowds out the other, and
//! a fact that names only one side misses a key of the query. So each named side is also
//! asked on its own: facts naming every side come first, then each side's best facts in
//! turn, and a side nothing matched is said so rather than silently missing.

use std::collections::HashSet;

use super::types::{Answer, CitedFact, ComparedSide, Disagreement};

/// One thing a query compares, and the query asked about it alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Side {
    /// The name as typed ("Time Warner").
    pub name: String,
    /// The query with the whole comparison replaced by this name.
    pub query: String,
}

/// A whitespace-separated token of the query: its byte range without surrounding
/// punctuation, and whether punctuation after it ends a list item or clause.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// Followed by a comma, question mark, colon, semicolon or similar.
    separated: bool,
}

/// The sides a query compares: two or more names joined by "vs", "versus", "or" or
/// "compared with/to", or by "and" in a query that asks to compare ("A, B or C" is a list
/// of three). A side is a run of capitalised
/// words (numbers may continue it: "Xbox 360") that starts and ends with a word `is_name`
/// accepts (one the planner kept: no stop word). Empty when the
/// query compares nothing. "v" and "against" are left out: they join the teams of a match,
/// whose facts name both sides anyway.
pub(super) fn compared_sides(query: &str, is_name: impl Fn(&str) -> bool) -> Vec<Side> {
    let tokens = tokenize(query);
    let word = |t: &Token| &query[t.start..t.end];
    let in_name = |i: usize, first: bool| {
        let w = word(&tokens[i]);
        let capitalised = w.chars().any(char::is_uppercase);
        capitalised || (!first && w.chars().all(|c| c.is_ascii_digit()))
    };
    // The run of name words starting at `i`: it ends at a separator or a non-name word.
    let run_at = |i: usize| -> Option<(usize, usize)> {
        if i >= tokens.len() || !in_name(i, true) || connector_at(&tokens, query, i).is_some() {
            return None;
        }
        let mut end = i + 1;
        while end < tokens.len()
            && !tokens[end - 1].separated
            && in_name(end, false)
            && connector_at(&tokens, query, end).is_none()
        {
            end += 1;
        }
        Some((i, end))
    };
    // A side starts and ends with words the planner kept: "It's Now or Never" compares
    // nothing, as "now" is a stop word.
    let kept = |t: &Token| {
        word(t)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| !w.is_empty() && is_name(w))
    };
    let kept_at_both_ends = |(a, b): (usize, usize)| kept(&tokens[a]) && kept(&tokens[b - 1]);
    let mut i = 0;
    while i < tokens.len() {
        let Some(first) = run_at(i) else {
            i += 1;
            continue;
        };
        let mut runs = vec![first];
        let mut joined = false;
        let mut k = first.1;
        loop {
            let last_separated = tokens[k - 1].separated;
            if let Some(next) = run_at(k).filter(|_| last_separated) {
                runs.push(next);
                k = next.1;
            } else if let Some(next) = connector_at(&tokens, query, k).and_then(|len| run_at(k + len)) {
                runs.push(next);
                joined = true;
                k = next.1;
            } else {
                break;
            }
        }
        if joined && runs.iter().all(|&r| kept_at_both_ends(r)) {
            let span = tokens[runs[0].0].start..tokens[k - 1].end;
            return runs
                .iter()
                .map(|&(a, b)| {
                    let name = query[tokens[a].start..tokens[b - 1].end].to_string();
                    let query =
                        without_cues(&format!("{}{name}{}", &query[..span.start], &query[span.end..]));
                    Side { name, query }
                })
                .collect();
        }
        i = first.1;
    }
    Vec::new()
}

/// `query` without the words that ask to compare: "compare Kuaishou viewers" asks for
/// "Kuaishou viewers". Unchanged when it has none.
fn without_cues(query: &str) -> String {
    let is_cue = |w: &str| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        COMPARISON_CUES.contains(&core.as_str())
    };
    if !query.split_whitespace().any(is_cue) {
        return query.to_string();
    }
    query
        .split_whitespace()
        .filter(|w| !is_cue(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tokens of `query` split at whitespace, trimmed of punctuation around them ("Disney+" keeps
/// its plus, "Kuaishou's" its apostrophe).
fn tokenize(query: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut offset = 0;
    for raw in query.split_inclusive(char::is_whitespace) {
        let start_of_raw = offset;
        offset += raw.len();
        let trimmed = raw.trim_end();
        let core_start = trimmed
            .find(|c: char| c.is_alphanumeric())
            .map(|s| start_of_raw + s);
        let core_end = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_alphanumeric() || c == '+')
            .map(|(e, c)| start_of_raw + e + c.len_utf8());
        let (Some(start), Some(end)) = (core_start, core_end) else {
            continue;
        };
        let after = &query[end..start_of_raw + trimmed.len()];
        tokens.push(Token {
            start,
            end,
            separated: after.contains([',', '?', ':', ';', '!', '(', ')', '/']),
        });
    }
    tokens
}

/// Words that make "and" join the sides of a comparison: "compare Kuaishou and Douyin
/// viewers", "the difference between Kuaishou and Douyin". Without one, "and" joins the
/// parts of a name as often ("Procter and Gamble", "Marks and Spencer").
const COMPARISON_CUES: &[&str] = &["compare", "comparing", "comparison", "difference", "between"];

/// The number of tokens of a comparison word at `i`, if one is there.
fn connector_at(tokens: &[Token], query: &str, i: usize) -> Option<usize> {
    let lower = |j: usize| tokens.get(j).map(|t| query[t.start..t.end].to_lowercase());
    let cued = || (0..tokens.len()).any(|j| lower(j).is_some_and(|w| COMPARISON_CUES.contains(&w.as_str())));
    match lower(i)?.as_str() {
        "vs" | "versus" | "or" => Some(1),
        "and" if cued() => Some(1),
        "compared" if matches!(lower(i + 1).as_deref(), Some("with" | "to")) => Some(2),
        _ => None,
    }
}

/// Whether `text` names `name`: a word of it, or all of it written as one word, appears as
/// a word of the text, ignoring case. Any word is enough, as texts shorten names: "the PSP"
/// names the Sony PSP, "TimeWarner" Time Warner, "Kuaishou's" Kuaishou. Numbers alone
/// ("360" of "Xbox 360") name nothing.
fn mentions(text: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let text_words = words(text);
    let name_words = words(name);
    let joined = name_words.concat();
    name_words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .chain(std::iter::once(&joined))
        .any(|n| text_words.contains(n))
}

/// Merges the answer to the whole query with one answer per side (each listing up to the
/// most facts an answer may): facts of the whole answer that name every side, then the
/// sides' facts that name their side, in turn, each fact once, at most `limit`.
/// Disagreements are kept within one source answer only: two sides' different figures are
/// a comparison, not sources differing.
pub(super) fn merge(whole: Answer, sides: &[Side], parts: Vec<Answer>, limit: usize) -> Answer {
    // Each merged fact's source: 0 for the whole answer, 1 + k for side k; and its index there.
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut facts = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut take = |source: usize, index: usize, fact: &CitedFact| {
        if taken.insert(fact.id.clone()) {
            origin.push((source, index));
            facts.push(fact.clone());
        }
    };
    if !whole.no_answer {
        for (i, fact) in whole.facts.iter().enumerate() {
            if sides.iter().all(|s| mentions(&fact.text, &s.name)) {
                take(0, i, fact);
            }
        }
    }
    // A side's facts that do not name it cannot be read as about it ("Kuaishou" starting a
    // query over a small knowledge base is too common a word to be a key there).
    let about: Vec<Vec<usize>> = parts
        .iter()
        .zip(sides)
        .map(|(part, side)| match part.no_answer {
            true => Vec::new(),
            false => (0..part.facts.len())
                .filter(|&i| mentions(&part.facts[i].text, &side.name))
                .collect(),
        })
        .collect();
    let longest = about.iter().map(Vec::len).max().unwrap_or(0);
    for rank in 0..longest {
        for (k, indexes) in about.iter().enumerate() {
            if let Some(&i) = indexes.get(rank) {
                take(k + 1, i, &parts[k].facts[i]);
            }
        }
    }
    let matched = facts.len();
    facts.truncate(limit);
    origin.truncate(limit);

    let sources: Vec<&Answer> = std::iter::once(&whole).chain(&parts).collect();
    let position = |source: usize, index: usize| origin.iter().position(|&o| o == (source, index));
    let disagreements = sources
        .iter()
        .enumerate()
        .flat_map(|(s, answer)| answer.disagreements.iter().map(move |d| (s, d)))
        .filter_map(|(s, d)| {
            let mut shown: Vec<usize> = d.facts.iter().filter_map(|&i| position(s, i)).collect();
            shown.sort_unstable();
            (shown.len() >= 2).then_some(Disagreement {
                kind: d.kind,
                facts: shown,
            })
        })
        .collect();
    let compared = sides
        .iter()
        .map(|side| ComparedSide {
            name: side.name.clone(),
            matched: facts.iter().any(|f| mentions(&f.text, &side.name)),
        })
        .collect();
    if facts.is_empty() {
        return Answer { compared, ..whole };
    }
    Answer {
        no_answer: false,
        matched,
        suggestions: Vec::new(),
        disagreements,
        compared,
        facts,
        ..whole
    }
}

#[cfg(test)]
mod tests;
