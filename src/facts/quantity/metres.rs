//! Metres written like millions: a glued "m" after a number is a length in a dimension, a
//! race or a field event ("the 508m tall tower", "the 800m and 1500m", "cleared 4.88m"), and
//! millions everywhere else ("5.2m viewers").

use super::reading::*;

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
    is_plural(word) && word != "indoors"
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
