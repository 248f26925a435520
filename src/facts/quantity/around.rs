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

/// Whether a glued "m" at `m..end`, after the number at `start..m`, is metres, not millions:
/// before a dimension ("the 508m tall tower", "a 20m deep shaft") or a speed ("17m per
/// second"), a race ("the 100m final", "60m hurdles", "the 800m and 1500m") or in a field
/// event ("she cleared 4.88m"). Only called without a currency ("$5m tall" does not happen);
/// "5.2m viewers" and "3m in Europe" stay millions.
pub(super) fn metres_not_millions(s: &str, start: usize, m: usize, end: usize) -> bool {
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
    let after = word_at(s, next).to_ascii_lowercase();
    DIMENSIONS.iter().any(dimension)
        || phrase_at(s, next, "per second").is_some()
        || RACE_WORDS.contains(&after.as_str())
        || race_distance(s, start, m, next)
        || in_field_event(s) && s[start..m].parse::<f64>().is_ok_and(|v| v < 100.0) && !counts_noun(&after)
}

/// Whether `word`, right after a number, is a plural noun the number counts ("100m users").
fn counts_noun(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && word != "indoors"
}

/// Words after a distance that make it a race: "the 100m final", "400m hurdles".
const RACE_WORDS: &[&str] = &[
    "hurdles",
    "hurdle",
    "relay",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "sprint",
    "sprinter",
    "sprinters",
    "runner",
    "runners",
    "race",
    "races",
    "final",
    "finals",
    "heat",
    "heats",
    "title",
    "titles",
    "champion",
    "champions",
    "championship",
    "crown",
    "record",
    "records",
    "gold",
    "silver",
    "bronze",
    "medal",
    "medallist",
    "indoor",
    "dash",
    "victory",
    "win",
    "event",
    "events",
    "specialist",
    "steeplechase",
    "hope",
    "hopeful",
    "hurdler",
    "mark",
    "qualifying",
    "personal",
    "best",
    "penalty",
    "line",
    "course",
    "stage",
    "ranking",
    "man",
    "woman",
    "distance",
    "barrier",
];

/// Race distances in metres, as written ("1,500m" is read with its comma).
const RACE_DISTANCES: &[&str] = &[
    "50", "60", "100", "110", "200", "300", "400", "600", "800", "1000", "1,000", "1200", "1,200", "1500",
    "1,500", "2000", "2,000", "3000", "3,000", "5000", "5,000", "10000", "10,000",
];

/// Words before a race distance that name the race: "the 800m", "her 1500m", "over 200m".
const RACE_BEFORE: &[&str] = &[
    "the", "his", "her", "their", "my", "s", "over", "both", "olympic", "world", "european", "british",
    "national", "final", "last", "first",
];

/// Words after a race distance that leave no noun for millions to count.
const FOLLOWING: &[&str] = &[
    "", "and", "or", "in", "at", "to", "on", "for", "from", "with", "over", "this", "last", "world",
];

/// A race distance named as a race, with no noun after it for millions to count: "the 800m
/// and 1500m", "compete over 1500m in a five-way match", "Catherine Murphy in the final 100m."
/// After "and" or "or" the distance before must be a race too: "100m customers and 200m in
/// Asia" are millions.
fn race_distance(s: &str, start: usize, m: usize, next: usize) -> bool {
    let (before, before_start) = word_before(s, start);
    let before = before.to_ascii_lowercase();
    let named = if before == "and" || before == "or" {
        let head = s[..before_start].trim_end();
        head.strip_suffix(['m', 'M']).is_some_and(|digits| {
            let from = digits
                .rfind(|c: char| !(c.is_ascii_digit() || c == ','))
                .map_or(0, |k| k + 1);
            RACE_DISTANCES.contains(&&digits[from..]) && race_distance(s, from, digits.len(), before_start)
        })
    } else {
        RACE_BEFORE.contains(&before.as_str())
    };
    let after = word_at(s, next).to_ascii_lowercase();
    // "the women's 1500m while": a race, whatever word follows.
    let of_a_field = s[..start].trim_end().to_ascii_lowercase().ends_with("men's");
    // In a sentence about a race, only a plural noun after the number counts millions of it.
    RACE_DISTANCES.contains(&&s[start..m])
        && (named && FOLLOWING.contains(&after.as_str())
            || (after == "and" || after == "or") && distance_at(s, skip_ws(s, next + after.len()))
            || (of_a_field || about_a_race(s)) && !counts_noun(&after))
}

/// Whether the sentence is about running or swimming races: "Her gutsy victory in the 800m
/// also earned her...", "the Olympic marathon and 10,000m".
fn about_a_race(s: &str) -> bool {
    const STEMS: &[&str] = &[
        "hurdl",
        "marathon",
        "olympi",
        "athlet",
        "relay",
        "steeplechase",
        "medal",
        "sprinter",
    ];
    const WORDS: &[&str] = &[
        "indoor",
        "indoors",
        "race",
        "raced",
        "races",
        "runner",
        "runners",
        "lap",
        "laps",
        "seconds",
        "champion",
        "championships",
        "heats",
    ];
    s.split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .any(|w| STEMS.iter().any(|p| w.starts_with(p)) || WORDS.contains(&w.as_str()))
}

/// Whether a race is written at `i`: "200m events" in "the individual 100m and 200m events"
/// (but not "200m copies").
fn distance_at(s: &str, i: usize) -> bool {
    let digits = skip_chars(s, i, |c| c.is_ascii_digit() || c == ',');
    let after = word_at(s, skip_ws(s, digits + 1)).to_ascii_lowercase();
    RACE_DISTANCES.contains(&&s[i..digits])
        && s[digits..].starts_with(['m', 'M'])
        && !alnum_at(s, digits + 1)
        && (RACE_WORDS.contains(&after.as_str()) || FOLLOWING.contains(&after.as_str()))
}

/// Whether the sentence is about a jump or a throw, whose marks are in metres: a word
/// starting with one of the events ("cleared", "throws", "leapt"), or a mark ("a best of").
fn in_field_event(s: &str) -> bool {
    const STEMS: &[&str] = &[
        "jump", "vault", "leap", "clear", "throw", "javelin", "discus", "shot",
    ];
    const MARKS: &[&str] = &["mark of", "best of", "record of"];
    let lower = s.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| STEMS.iter().any(|stem| w.starts_with(stem)))
        || MARKS.iter().any(|m| lower.contains(m))
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
