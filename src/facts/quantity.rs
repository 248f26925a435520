//! Numeric quantities (counts, money, percentages, durations, multipliers, measures) in
//! one sentence of English or Chinese news text.
//!
//! One regex pass finds candidate starts (digit runs, number words, a few Chinese
//! markers); a hand-written parser then reads the context of each (currency, scale, range,
//! unit, qualifier) and drops things that only look numeric: years, dates, ordinals, times
//! of day, model numbers, phone numbers, ranks and labels. Choices for ambiguous text:
//! - A span covers currency, number, scale and unit ("$1.13bn", "151 minutes", "40 per
//!   cent"); a counted noun goes in `unit` but not in the span ("270 million" of "270
//!   million people"); qualifiers ("about") stay outside the span and set `approximate`.
//! - A range ("15 to 20 minutes", "$1-2bn") is one quantity spanning the whole range,
//!   valued at its lower bound and approximate; "from 5 to 10" is a change: two quantities.
//! - Fractions in words are `Percent` ("half" 50, "a third" 33.33, "three quarters" 75);
//!   "doubled", "twice", "three times", "5-fold", "翻番" are `Multiplier`.
//! - Vague amounts take their unit value and are approximate: "dozens" 12, "hundreds of"
//!   100, "tens of thousands" 1e4, "数百" 100, "上千" 1000.
//! - A glued "m" is million, never metres ("100m"); "¥" is JPY unless a yuan/元 unit
//!   follows; plain "francs" is CHF; "pounds" is always money.
//! - Spelled numbers up to ten need a noun, unit or scale ("two companies"); "one" or "a"
//!   alone counts only for money, percent or measures ("one day" is an idiom).
//! - A 1800–2100 integer is a year unless currency, scale or unit makes it a quantity, or
//!   a plural noun follows without "in", "since", ... before it ("some 2000 people").

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub use kind::QuantityKind;

/// One quantity found in a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// Byte span of currency, number, scale and unit (not qualifier or counted noun).
    pub span: Range<usize>,
    /// What the quantity measures.
    pub kind: QuantityKind,
    /// Normalised value: scales applied ("$1.13bn" is 1.13e9), percentages as 0–100.
    pub value: f64,
    /// Currency code, time or measure unit, or the counted noun as written ("users",
    /// "e-mails", "Baftas").
    pub unit: Option<String>,
    /// True for qualified ("about", "more than", "约"), ranged or vague amounts.
    pub approximate: bool,
}

use around::{counts_as_ordinal, counts_occurrences, is_age, odds_after, ordinal_suffix};
pub use period::period_year;
pub use reading::qualifier_start;
use reading::*;
use spelled::{cjk_core, word_core};
use tables::*;
use QuantityKind as K;

/// Candidate starts; the parser decides what, if anything, each one is.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[0-9]+|百分之|翻了?[一两]番|翻番|[数上](?:百(?:[^分]|$)|[十千万亿])|一半",
        r"|[二三四五六七八九十]分之[一二三四五六七八九]",
        r"|(?i-u:\b(?:(?:an?|one|two|three|four)[ -](?:half|thirds?|quarters?|fifths?|tenths?)",
        r"|(?:two|three|four|five|six|seven|eight|nine|ten|hundred)-?fold",
        r"|half|halved|doubled|doubling|tripled|trebled|quadrupled|twice",
        r"|an? (?:dozen|hundred|thousand|million|billion|trillion)|a (?:decade|century)",
        r"|dozens|hundreds|thousands",
        r"|millions|billions|tens|zero|one|two|three|four|five|six|seven|eight|nine|ten",
        r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
        r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety",
        r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth)\b)",
    ))
    .unwrap()
});

/// All quantities in `sentence`, in order, non-overlapping.
pub fn parse_quantities(sentence: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    // Text before `floor` is taken by an earlier quantity or a rejected look-alike.
    let mut floor = 0;
    for m in CANDIDATE.find_iter(sentence) {
        if m.start() < floor {
            continue;
        }
        let core = match m.as_str().bytes().next() {
            Some(b'0'..=b'9') => digit_core(sentence, m.start(), floor),
            Some(b) if b.is_ascii() => word_core(sentence, m.start(), m.end()),
            _ => cjk_core(sentence, m.start(), m.end()),
        };
        match core.and_then(|c| finish(sentence, c)) {
            Ok(q) => {
                floor = q.span.end;
                out.push(q);
            }
            Err(skip) => floor = floor.max(skip),
        }
    }
    out
}

/// A decimal read from the text: `mant` × 10^-`dec`, kept exact until scaled.
#[derive(Clone, Copy)]
struct Num {
    mant: f64,
    dec: i32,
}

impl Num {
    /// The number times 10^`exp`, dividing last so "1.13" × 1e9 is exactly 1.13e9.
    fn scaled(self, exp: i32) -> f64 {
        let e = exp - self.dec;
        if e >= 0 {
            self.mant * 10f64.powi(e)
        } else {
            self.mant / 10f64.powi(-e)
        }
    }
}

/// What the first stage read at a candidate, before units and exclusions.
#[derive(Default)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    /// The digits as written, without scale; for date, year and range checks.
    raw: f64,
    /// Written as digits without separators or decimals.
    int: bool,
    year_like: bool,
    scaled: bool,
    spelled: bool,
    vague: bool,
    approx: bool,
    currency: Option<&'static str>,
    /// A kind decided by the word itself ("doubled", "half", "百分之").
    fixed: Option<QuantityKind>,
}

impl Core {
    /// A core for words or Chinese forms, which skip the digit-only checks.
    fn word(start: usize, end: usize) -> Self {
        Core {
            start,
            end,
            spelled: true,
            ..Core::default()
        }
    }
}

/// Reads digits at `i` ("1,234.5", "0.0051"), then scale, range and money context.
/// `Err` carries the byte index to skip to when the digits are not a statistic.
fn digit_core(s: &str, i: usize, floor: usize) -> Result<Core, usize> {
    // Computed only on rejection: scanning the token for every accepted number is quadratic.
    let skip = || token_end(s, i);
    let (num, mut end, grouped) = read_number(s, i);
    let currency = currency_before(s, i, floor);
    let mut before = s[..i].chars().rev();
    let (p1, p2) = (before.next().unwrap_or(' '), before.next().unwrap_or(' '));
    // Glued to letters or id marks (PS2, Covid-19, #1, +44, 第3), or zero-led (007, 020).
    let id = p1.is_ascii_alphanumeric() || "#+_.:/第".contains(p1) || p1 == '-' && p2.is_ascii_alphabetic();
    if currency.is_none() && id || s[i..].starts_with('0') && digits_at(s, i + 1) > 0 {
        return Err(skip());
    }
    let int = num.dec == 0 && !grouped;
    if let Some(odds) = odds_after(s, i, end).filter(|_| int && currency.is_none()) {
        return Ok(odds);
    }
    if let Some(score) = score::score_at(s, i, end).filter(|_| int && currency.is_none()) {
        return Ok(score);
    }
    let year_like = int && end - i == 4 && (1800.0..=2100.0).contains(&num.mant);
    let mut next = s[end..].chars();
    let (n1, n2) = (next.next().unwrap_or(' '), next.next().unwrap_or(' '));
    match n1 {
        // Times, dates, ratios, versions: 10:30, 28/03, 1.2.3; digit groups: phone numbers.
        ':' | '/' | '.' if n2.is_ascii_digit() => return Err(skip()),
        // Web addresses and file names: 163.com, 4399.com, 360.cn.
        '.' if n2.is_ascii_lowercase() => return Err(skip()),
        '-' if n2.is_ascii_uppercase() => return Err(skip()), // names: 7-Eleven, 3-D
        ' ' if n2.is_ascii_digit() => {
            return Err(skip_chars(s, end, |c| c == ' ' || c.is_ascii_digit()));
        }
        // Chinese dates and clock times: 3月, 28日, 3点, 2023年.
        '月' | '日' | '号' | '点' | '时' => return Err(end + n1.len_utf8()),
        '年' if year_like => return Err(end + n1.len_utf8()),
        // Seasons, year ranges and ISO dates: 2004-05, 2004–2010, 2024-03-28.
        '-' | '–' if year_like && matches!(digits_at(s, end + n1.len_utf8()), 2 | 4) => {
            return Err(skip_chars(s, end, |c| "-–".contains(c) || c.is_ascii_digit()));
        }
        _ => {}
    }
    let mut core = Core {
        start: currency.map_or(i, |c| c.0),
        raw: num.scaled(0),
        int,
        year_like,
        ..Core::default()
    };
    core.currency = currency.map(|c| c.1);
    core.approx = eat(s, &mut end, &["多", "余"]);
    let number_end = end;
    let mut exp = scale_after(s, &mut end);
    if currency.is_none() && metres::metres_not_millions(s, i, number_end, end) {
        (exp, end) = (0, number_end);
    }
    if let Some((e, x)) = range_after(s, &core, end)? {
        (end, core.approx) = (e, true);
        exp = if exp == 0 { x } else { exp };
    }
    core.approx |= eat(s, &mut end, &["多", "余", "+"]);
    (core.end, core.value, core.scaled) = (end, num.scaled(exp), exp != 0);
    if exp == 0 && s[end..].starts_with(['x', 'X']) && !alnum_at(s, end + 1) {
        (core.end, core.fixed) = (end + 1, Some(K::Multiplier)); // "10x"
    }
    Ok(core)
}

/// End and scale of a range's upper bound after `end` ("15 to 20", "$1-2bn", "£1m-£2m").
/// A glued pair that does not rise is a score or model number (3-1, 777-200): rejected.
fn range_after(s: &str, c: &Core, end: usize) -> Result<Option<(usize, i32)>, usize> {
    let r = skip_ws(s, end);
    let dash = s[r..].chars().next().filter(|&d| d == '-' || d == '–');
    // "from 5 to 10" is a change, not a range.
    let from = in_list(word_before(s, c.start).0, &["from"]);
    let to = (r > end && !from).then(|| phrase_at(s, r, "to")).flatten();
    let Some(conn) = dash.map(|d| r + d.len_utf8()).or(to) else {
        return Ok(None);
    };
    let mut h = skip_ws(s, conn);
    if c.currency.is_some() && s[h..].starts_with(['$', '£', '€', '¥', '₹']) {
        h += s[h..].chars().next().map_or(0, char::len_utf8);
    }
    if digits_at(s, h) == 0 {
        return Ok(None);
    }
    let (hi, mut e, _) = read_number(s, h);
    if hi.scaled(0) <= c.raw {
        let glued = r == end && h == conn;
        return if glued {
            Err(token_end(s, c.start))
        } else {
            Ok(None)
        };
    }
    let exp = scale_after(s, &mut e);
    Ok(Some((e, exp)))
}

/// Whether names may stand before or as the thing a number counts: not for a year ("the
/// 2004 Olympics") or a capitalised number word, which starts a name ("Three Gorges Dam").
fn counts_names(s: &str, c: &Core) -> bool {
    let capitalised_word = c.spelled && s[c.start..].starts_with(|ch: char| ch.is_ascii_uppercase());
    !c.year_like && !capitalised_word
}

/// Second stage: unit, kind, qualifiers, and the checks that reject look-alikes.
fn finish(s: &str, c: Core) -> Result<Quantity, usize> {
    let (mut kind, mut unit, mut unit_end) = (c.fixed.unwrap_or(K::Number), None, c.end);
    let mut value = c.value;
    if let Some((e, pct)) = ratio_after(s, &c) {
        (kind, value, unit_end) = (K::Percent, pct, e);
    } else if c.fixed.is_none() {
        // "millions of dollars", "hundreds of people"
        let of = phrase_at(s, skip_ws(s, c.end), "of").filter(|_| c.vague);
        let q = of.unwrap_or(c.end);
        if let Some((e, k, code)) = unit_after(s, q, c.currency.is_some()) {
            (kind, unit, unit_end) = (k, Some(code).filter(|u| !u.is_empty()), e);
            if kind == K::Multiplier && counts_occurrences(s, e) {
                (kind, unit) = (K::Count, Some("times"));
            }
        } else if let Some(code) = c.currency {
            (kind, unit) = (K::Money, Some(code));
        } else if let Some(noun) = counted_noun(s, q, counts_names(s, &c))
            .or_else(|| counted_after_of(s, q))
            .or_else(|| hyphen_counted(s, c.end))
        {
            (kind, unit) = (K::Count, Some(noun));
        } else if c.scaled {
            kind = K::Count;
        }
    }
    if kind == K::Number && is_age(s, &c) {
        (kind, unit) = (K::Age, Some("year"));
    }
    // "23-year-old", "84 years old".
    let after_unit = if s[unit_end..].starts_with('-') {
        unit_end + 1
    } else {
        skip_ws(s, unit_end)
    };
    let old = phrase_at(s, after_unit, "old");
    if let Some(end) = old.filter(|_| kind == K::Duration && unit == Some("year")) {
        (kind, unit_end) = (K::Age, end);
    }
    let bare = kind == K::Number || kind == K::Count && !c.scaled;
    if !c.spelled && bare && c.currency.is_none() && c.fixed.is_none() {
        let (before, at) = word_before(s, c.start);
        let after = skip_ws(s, c.end);
        let clock = ["am", "pm", "a.m", "p.m"]
            .iter()
            .any(|p| phrase_at(s, after, p).is_some());
        // "By 1650 GMT": a time of day on the 24-hour clock.
        let zoned = c.int
            && c.raw <= 2359.0
            && s[c.start..c.end].len() == 4
            && in_list(word_at(s, after), TIME_ZONES);
        let date = MONTHS.contains(&before)
            || MONTHS.contains(&word_at(s, after))
            || around::day_pair(s, c.start, c.end);
        let opener = s[..at].trim_end().chars().next_back().unwrap_or('.');
        let mid_sentence = !"\"“‘'(:—–-.".contains(opener);
        // "the 2024 downloads", "report 2004 results": a year before a noun names the noun's
        // year; a count this size is written "2,024 downloads" or qualified ("about 2000
        // people"). A round hundred is a year only after a determiner ("the 2000 elections").
        let year_of_noun = c.year_like
            && c.raw >= 1900.0
            && kind == K::Count
            && !c.approx
            && !qualified(s, c.start)
            && (c.raw % 100.0 != 0.0 || in_list(before, DETERMINERS));
        let reject = c.year_like && (kind == K::Number || in_list(before, YEAR_WORDS))
            || year_of_noun
            || c.int && (c.raw <= 31.0 && date || c.raw <= 12.0 && clock)
            || zoned
            // "rapper 50 Cent", "into 10 Downing Street": a small number before a name is part
            // of it. Not a score ("Clyde 0-5 Celtic") nor a list's rank ("1 Roger Federer").
            || kind == K::Number
                && c.int
                && c.raw < 100.0
                && !before.is_empty()
                && s[c.start..c.end].bytes().all(|b| b.is_ascii_digit())
                && around::before_name(s, after)
            || in_list(before, LABELS)
            || kind == K::Number && in_list(before, TIME_LABELS)
            // A capitalised word mid-sentence names a product or team: Boeing 777, Apollo 11.
            // So it does before a noun: "70 Boeing 737-800 planes", "Xbox 360 consoles",
            // "FTSE 100 companies" count no 737 planes; a day is no name ("on Friday 15
            // protesters"), and a count is written with a separator ("Nokia's 1,000 staff").
            || before.bytes().any(|b| b.is_ascii_uppercase())
                && mid_sentence
                && (kind == K::Number || kind == K::Count && c.int && !WEEKDAYS.contains(&before));
        if reject {
            return Err(token_end(s, c.end));
        }
    }
    let mut ordinal = false;
    if kind == K::Number && !c.spelled {
        if let Some(end) = ordinal_suffix(s, c.end).filter(|&e| counts_as_ordinal(s, c.start, e)) {
            (kind, unit_end, ordinal) = (K::Count, end, true);
        }
    }
    if alnum_at(s, unit_end) {
        return Err(token_end(s, c.start)); // 4G, 200LR, 1990s, 10th, 10am
    }
    let small = c.spelled && !c.scaled && c.fixed.is_none();
    // "one day", "a year" are idiom; "a decade" and "a century" are durations.
    let idiom = value == 1.0
        && !matches!(kind, K::Money | K::Percent | K::Measure)
        && !matches!(unit, Some("decade" | "century"));
    if small && (kind == K::Number && value <= 10.0 || idiom) || !value.is_finite() {
        return Err(c.end);
    }
    let approximate = c.approx || qualified(s, c.start) || s[skip_ws(s, unit_end)..].starts_with("左右");
    let span_end = if kind == K::Count && !ordinal {
        c.end
    } else {
        unit_end
    };
    let unit = unit.map(String::from);
    Ok(Quantity {
        span: c.start..span_end,
        kind,
        value,
        unit,
        approximate,
    })
}

/// "1 in 5", "one in three": a share, as a percentage, and the end of the phrase.
fn ratio_after(s: &str, c: &Core) -> Option<(usize, f64)> {
    let r = skip_ws(s, c.end);
    let at = skip_ws(
        s,
        phrase_at(s, r, "in").filter(|_| r > c.end && c.fixed.is_none())?,
    );
    let (den, end) = match read_number(s, at) {
        (n, e, _) if e > at => (n.scaled(0), e),
        _ => (lookup(NUMBER_WORDS, word_at(s, at))?, at + word_at(s, at).len()),
    };
    (den > c.value && den <= 1000.0 && !c.scaled && !alnum_at(s, end)).then_some((end, c.value / den * 100.0))
}

mod around;
mod kind;
mod metres;
mod period;
mod reading;
mod score;
mod spelled;
mod tables;
#[cfg(test)]
mod tests;
