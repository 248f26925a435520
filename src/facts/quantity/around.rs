//! Readings that depend on the words around a number: an ordinal after a possessive ("their
//! 26th top 10 hit"), betting odds ("3/1 favourite"), ages ("Bratman, 26,", "aged 84"),
//! occurrences ("18 times out of 20"), dates ("24 and 26 December") and names ("50 Cent").

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
    // A position, not a count: "Ireland's second-row", "his 50th-minute goal". A rank
    // stays a figure: "China's third-largest lender".
    let compound = s[end..].starts_with('-') && !next.to_ascii_lowercase().ends_with("est");
    possessive && !name && !compound && !ORDINAL_PERIODS.contains(&next.to_ascii_lowercase().as_str())
}

/// Whether the number at `start..end` is a day of a pair whose other day has the month:
/// "between 24 and 26 December", "on 4 or 5 April", "June 24 and 25".
pub(super) fn day_pair(s: &str, start: usize, end: usize) -> bool {
    let is_day = |digits: &str| !digits.is_empty() && digits.len() <= 2;
    let joins = |w: &str| in_list(w, &["and", "or", "to"]);
    let next = skip_ws(s, end);
    let joiner = word_at(s, next);
    let after_joiner = skip_ws(s, next + joiner.len());
    let other_end = after_joiner + digits_at(s, after_joiner);
    let month_follows = joins(joiner)
        && is_day(&s[after_joiner..other_end])
        && MONTHS.contains(&word_at(s, skip_ws(s, other_end)));
    let (before, at) = word_before(s, start);
    let head = s[..at].trim_end();
    let other_start = head.len() - head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let month_precedes =
        joins(before) && is_day(&head[other_start..]) && MONTHS.contains(&word_before(s, other_start).0);
    is_day(&s[start..end]) && (month_follows || month_precedes)
}

/// Whether a capitalised word other than a month starts at `i` and no plural noun follows in
/// the next few words: the name a number is part of ("50 Cent's", "10 Downing Street"), not
/// a count of named things ("70 Boeing 737-800 planes", "23 European and Arab countries").
pub(super) fn before_name(s: &str, i: usize) -> bool {
    const LOOK_AHEAD: usize = 7;
    let word = word_at(s, i);
    let named = word.starts_with(|c: char| c.is_ascii_uppercase())
        && !MONTHS.contains(&word)
        && !word.bytes().all(|b| b.is_ascii_uppercase());
    let rest = &s[i..];
    let clause = &rest[..rest.find([',', '.', ';', ':', '(', '"']).unwrap_or(rest.len())];
    let plural_follows = clause
        .split_whitespace()
        .take(LOOK_AHEAD)
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && is_plural(w));
    // An owner is a name, whatever it owns: "50 Cent's G-Unit crew".
    let owner = rest[word.len()..].starts_with(['\'', '\u{2019}']);
    named && (owner || !plural_follows)
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
    s[..end].to_ascii_lowercase().ends_with("times") && !compares_after(s, end)
}

/// True when a comparison follows a multiple ending at `end`: "twice as many", "three times
/// the rate", "twice bigger".
pub(super) fn compares_after(s: &str, end: usize) -> bool {
    let next = word_at(s, skip_ws(s, end));
    let comparative = next.len() > 3 && next.to_ascii_lowercase().ends_with("er");
    in_list(next, MULTIPLE_FOLLOWERS) || comparative
}
