//! Readings that depend on the words around a number: an ordinal after a possessive ("their
//! 26th top 10 hit"), betting odds ("3/1 favourite"), ages ("Bratman, 26,", "aged 84") and
//! occurrences ("18 times out of 20").

use super::reading::*;
use super::tables::*;
use super::{Core, K};

/// The end of "th", "st", "nd" or "rd" right after digits ("26th").
pub(super) fn ordinal_suffix(s: &str, end: usize) -> Option<usize> {
    ["th", "st", "nd", "rd"].iter().find_map(|x| phrase_at(s, end, x))
}

/// Whether an ordinal at `start..end` (suffix included) counts the thing after it: after a
/// possessive ("their 26th top 10 hit", "Hanks' third film"), not before a period or an
/// occasion ("its third quarter", "Nike's second-quarter revenues", "the Queen's 80th
/// birthday"), not in a name ("China's 11th Party Congress") and not "first".
pub(super) fn counts_as_ordinal(s: &str, start: usize, end: usize) -> bool {
    let (before, _) = word_before(s, start);
    let head = s[..start].trim_end();
    let possessive = ["its", "their", "his", "her", "our", "my", "your"].contains(&before)
        || ["'s", "\u{2019}s", "s'", "s\u{2019}"]
            .iter()
            .any(|p| head.ends_with(p));
    // "its second-quarter revenues" names a period as "its second quarter" does.
    let next = word_at(s, skip_chars(s, end, |c| c.is_whitespace() || c == '-'));
    let name = next.starts_with(|c: char| c.is_ascii_uppercase());
    possessive && !name && !ORDINAL_PERIODS.contains(&next.to_ascii_lowercase().as_str())
}

/// Whether a glued "m" at `m..end` is metres, not millions: before a dimension ("the 508m
/// tall tower", "a 20m deep shaft") or a speed ("17m per second"). Only called without a
/// currency ("$5m tall" does not happen).
pub(super) fn metres_not_millions(s: &str, m: usize, end: usize) -> bool {
    const DIMENSIONS: &[&str] = &["tall", "high", "long", "wide", "deep", "across", "underground"];
    if !s[m..end].eq_ignore_ascii_case("m") {
        return false;
    }
    let next = skip_ws(s, end);
    // "20m high street shoppers", "5m high-speed lines": no heights.
    let dimension = |d: &&str| {
        phrase_at(s, next, d)
            .is_some_and(|e| !s[e..].starts_with('-') && phrase_at(s, e + 1, "street").is_none())
    };
    DIMENSIONS.iter().any(dimension) || phrase_at(s, next, "per second").is_some()
}

/// Betting odds starting with the digits at `i..end`: "3/1" or "2-1" with a betting word
/// after it ("favourite", "shot", "odds") or "odds of" before it. Without one, "3/1" is a
/// date and "2-1" a score.
pub(super) fn odds_after(s: &str, i: usize, end: usize) -> Option<Core> {
    let sep = s[end..].chars().next().filter(|c| *c == '/' || *c == '-')?;
    let at = end + sep.len_utf8();
    let n = digits_at(s, at);
    if !(1..=3).contains(&n)
        || alnum_at(s, at + n)
        || s[at + n..].starts_with(['/', '-', '.', ',']) && digits_at(s, at + n + 1) > 0
    {
        return None;
    }
    let (against, on) = (s[i..end].parse::<f64>().ok()?, s[at..at + n].parse::<f64>().ok()?);
    let (before, start) = word_before(s, i);
    let odds_of = before == "of" && word_before(s, start).0.eq_ignore_ascii_case("odds");
    let after = word_at(s, skip_ws(s, at + n)).to_ascii_lowercase();
    let betting = ODDS_WORDS.contains(&after.as_str());
    // "made Bez favourite to win the show at 7/4, while Kenzie is second at 2/1".
    let priced_at = before == "at" && betting_before(&s[..start]);
    (on > 0.0 && (odds_of || betting || priced_at)).then(|| Core {
        start: i,
        end: at + n,
        value: against / on,
        raw: against,
        int: true,
        fixed: Some(K::Odds),
        ..Core::default()
    })
}

/// True when the words before a figure (its sentence so far) speak of betting: a price
/// "at 7/4" is then odds, not a date or a score.
fn betting_before(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| BETTING_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

/// Words of a sentence that quotes betting prices.
const BETTING_WORDS: &[&str] = &[
    "favourite",
    "favorite",
    "odds",
    "bookmakers",
    "bookies",
    "bookmaker",
];

/// Words after a fraction that make it betting odds.
const ODDS_WORDS: &[&str] = &[
    "favourite",
    "favourites",
    "favorite",
    "shot",
    "outsider",
    "odds",
    "chance",
];

/// News gives ages between commas after a name: "Bratman, 26, proposed". A whole number up
/// to 120 written so (not after a month or weekday: "March 28, 2004") is an age in years, as
/// is one after "aged" or "the age of" ("died at the age of 84").
pub(super) fn is_age(s: &str, c: &Core) -> bool {
    let (before, at) = word_before(s, c.start);
    let of_age = before == "of" && word_before(s, at).0 == "age";
    if c.int && (1.0..=120.0).contains(&c.raw) && (before == "aged" || of_age) {
        return true;
    }
    let Some(before_comma) = s[..c.start].trim_end().strip_suffix(',') else {
        return false;
    };
    let (name, _) = word_before(s, before_comma.len());
    c.int
        && !c.spelled
        && (1.0..=120.0).contains(&c.raw)
        && s[c.end..].starts_with(',')
        && name.starts_with(|ch: char| ch.is_ascii_uppercase())
        && !MONTHS.contains(&name)
        && !WEEKDAYS.contains(&name)
}

/// Words after "N times" that make it a multiple: "three times the rate", "three times as
/// many", "three times more", "grew three times over".
const MULTIPLE_FOLLOWERS: &[&str] = &[
    "the", "as", "more", "less", "that", "what", "its", "their", "over",
];

/// True when "N times" ending at `end` counts occurrences ("won best picture 18 times out of
/// the last 20", "has won five times.") rather than multiplying: no comparison follows.
pub(super) fn counts_occurrences(s: &str, end: usize) -> bool {
    if !s[..end].to_ascii_lowercase().ends_with("times") {
        return false;
    }
    let next = word_at(s, skip_ws(s, end));
    let comparative = next.len() > 3 && next.to_ascii_lowercase().ends_with("er");
    !(in_list(next, MULTIPLE_FOLLOWERS) || comparative)
}
