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

/// What a quantity measures; drives matching a query's measure word to the right sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// How many things: "3,300 people", "45 million".
    Count,
    /// An amount of currency; the unit is a code such as "USD".
    Money,
    /// A percentage, or a fraction in words ("half" is 50).
    Percent,
    /// A length of time; the unit is "second", "minute", ..., "year".
    Duration,
    /// A ratio of change: "doubled", "three times", "5-fold".
    Multiplier,
    /// A physical or digital measure: miles, acres, tonnes, GB.
    Measure,
    /// A plain number with nothing saying what it counts.
    Number,
}

impl QuantityKind {
    /// Human name of a kind ("money", "percent", ...), used in explanations and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            K::Count => "count",
            K::Money => "money",
            K::Percent => "percent",
            K::Duration => "duration",
            K::Multiplier => "multiplier",
            K::Measure => "measure",
            K::Number => "number",
        }
    }
}

/// One quantity found in a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /// Byte span of currency, number, scale and unit (not qualifier or counted noun).
    pub span: Range<usize>,
    /// What the quantity measures.
    pub kind: QuantityKind,
    /// Normalised value: scales applied ("$1.13bn" is 1.13e9), percentages as 0–100.
    pub value: f64,
    /// Currency code, time or measure unit, or the lowercased counted noun.
    pub unit: Option<String>,
    /// True for qualified ("about", "more than", "约"), ranged or vague amounts.
    pub approximate: bool,
}

use QuantityKind as K;

/// Candidate starts; the parser decides what, if anything, each one is.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[0-9]+|百分之|翻了?[一两]番|翻番|[数上](?:百(?:[^分]|$)|[十千万亿])|一半",
        r"|[二三四五六七八九十]分之[一二三四五六七八九]",
        r"|(?i-u:\b(?:(?:an?|one|two|three|four)[ -](?:half|thirds?|quarters?|fifths?|tenths?)",
        r"|(?:two|three|four|five|six|seven|eight|nine|ten|hundred)-?fold",
        r"|half|halved|doubled|doubling|tripled|trebled|quadrupled|twice",
        r"|an? (?:dozen|hundred|thousand|million|billion|trillion)|dozens|hundreds|thousands",
        r"|millions|billions|tens|zero|one|two|three|four|five|six|seven|eight|nine|ten",
        r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
        r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)",
    ))
    .unwrap()
});

/// Units after a number: (kind, unit, phrases). The longest phrase wins; unit "*" means
/// the matched word itself (Chinese counters).
#[rustfmt::skip]
static UNITS: &[(QuantityKind, &str, &str)] = &[
    (K::Percent, "point", "percentage points|percentage point"), (K::Percent, "", "per cent|percent|%|％"),
    (K::Money, "CFA", "cfa francs|cfa franc"), (K::Money, "HKD", "hong kong dollars|港元|港币"),
    (K::Money, "AUD", "australian dollars"), (K::Money, "CAD", "canadian dollars"),
    (K::Money, "USD", "us dollars|dollars|dollar|美元"), (K::Money, "GBP", "pounds|pound|sterling|英镑"),
    (K::Money, "EUR", "euros|euro|欧元"), (K::Money, "CNY", "yuan|renminbi|元人民币|人民币|元"),
    (K::Money, "JPY", "yen|日元"), (K::Money, "INR", "rupees|rupee"), (K::Money, "CHF", "francs"),
    (K::Money, "NGN", "naira"), (K::Money, "RUB", "roubles|rubles"),
    (K::Duration, "second", "seconds|second|secs|秒钟|秒"), (K::Duration, "minute", "minutes|minute|mins|min|分钟"),
    (K::Duration, "hour", "hours|hour|hrs|个小时|小时"), (K::Duration, "day", "days|day|天"),
    (K::Duration, "week", "weeks|week|个星期|周"), (K::Duration, "month", "months|month|个月"),
    (K::Duration, "year", "years|year|年"), (K::Duration, "decade", "decades|decade"),
    (K::Duration, "century", "centuries|century"),
    (K::Measure, "km2", "square kilometres|square kilometers|sq km|km2|km²|平方公里"),
    (K::Measure, "sq mile", "square miles"), (K::Measure, "sq ft", "square feet|sq ft"),
    (K::Measure, "mile", "miles|mile|英里"), (K::Measure, "acre", "acres|acre"),
    (K::Measure, "hectare", "hectares|hectare|公顷"), (K::Measure, "km", "kilometres|kilometers|kilometre|km|公里"),
    (K::Measure, "km/h", "km/h|kph"), (K::Measure, "mph", "mph"), (K::Measure, "metre", "metres|meters|metre|米"),
    (K::Measure, "foot", "feet|ft"), (K::Measure, "inch", "inches"), (K::Measure, "tonne", "tonnes|tonne|tons|吨"),
    (K::Measure, "kg", "kilograms|kilos|kg|公斤|千克"), (K::Measure, "gram", "grams"),
    (K::Measure, "litre", "litres|liters"), (K::Measure, "gallon", "gallons"), (K::Measure, "barrel", "barrels|barrel"),
    (K::Measure, "TB", "tb"), (K::Measure, "GB", "gb"), (K::Measure, "MB", "mb"), (K::Measure, "kWh", "kwh"),
    (K::Measure, "GWh", "gwh"), (K::Measure, "TWh", "twh"), (K::Measure, "kW", "kw"), (K::Measure, "MW", "mw"),
    (K::Measure, "GW", "gw"), (K::Measure, "degree", "degrees"), (K::Measure, "°C", "°c"), (K::Measure, "°F", "°f"),
    (K::Measure, "mu", "亩"), (K::Multiplier, "", "times|fold|倍"), (K::Count, "人", "人|名|位"),
    (K::Count, "*", "人次|家|个|辆|台|件|次|部|款|户"),
];

/// Scale words as powers of ten, in match order; `true` marks abbreviations that must touch
/// the number ("5m", not "5 m", which may be metres).
#[rustfmt::skip]
static SCALES: &[(&str, i32, bool)] = &[
    ("trillion", 12, false), ("billion", 9, false), ("million", 6, false), ("thousand", 3, false),
    ("crores", 7, false), ("crore", 7, false), ("lakhs", 5, false), ("lakh", 5, false),
    ("bn", 9, false), ("bln", 9, false), ("mn", 6, false), ("mln", 6, false), ("tn", 12, false),
    ("trn", 12, false), ("m", 6, true), ("b", 9, true), ("k", 3, true), ("万亿", 12, true),
    ("千亿", 11, true), ("百亿", 10, true), ("亿", 8, true), ("千万", 7, true), ("百万", 6, true),
    ("万", 4, true), ("千", 3, true),
];

/// Currency written before a number, longest first.
#[rustfmt::skip]
static PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"), ("HK$", "HKD"), ("AU$", "AUD"), ("A$", "AUD"), ("CA$", "CAD"), ("C$", "CAD"),
    ("NZ$", "NZD"), ("S$", "SGD"), ("R$", "BRL"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"),
    ("￥", "CNY"), ("¥", "JPY"), ("₹", "INR"), ("₩", "KRW"), ("₦", "NGN"), ("₽", "RUB"),
    ("Rs.", "INR"), ("Rs", "INR"), ("USD", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("JPY", "JPY"),
    ("CNY", "CNY"), ("RMB", "CNY"), ("INR", "INR"), ("HKD", "HKD"), ("CHF", "CHF"), ("人民币", "CNY"),
];

/// Number words by value; the regex lists the same words.
#[rustfmt::skip]
static NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0),
    ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0), ("seventy", 70.0), ("eighty", 80.0),
    ("ninety", 90.0),
];

#[rustfmt::skip]
static SCALE_WORDS: &[(&str, f64)] = &[
    ("dozen", 12.0), ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9),
    ("trillion", 1e12),
];

#[rustfmt::skip]
static MULTIPLIER_WORDS: &[(&str, f64)] = &[
    ("halved", 0.5), ("doubled", 2.0), ("doubling", 2.0), ("twice", 2.0), ("tripled", 3.0),
    ("trebled", 3.0), ("quadrupled", 4.0),
];

/// Vague plurals ("dozens of people") and the amount each stands for.
#[rustfmt::skip]
static VAGUE_WORDS: &[(&str, f64)] = &[
    ("dozens", 12.0), ("hundreds", 1e2), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9),
    ("tens", 10.0),
];

/// Fraction words by denominator.
#[rustfmt::skip]
static FRACTION_WORDS: &[(&str, f64)] = &[
    ("half", 2.0), ("third", 3.0), ("quarter", 4.0), ("fifth", 5.0), ("tenth", 10.0),
];

/// Words before a number that make it approximate.
#[rustfmt::skip]
static QUALIFIERS: &[&str] = &[
    "about", "around", "nearly", "almost", "more than", "over", "up to", "some", "roughly",
    "approximately", "at least", "less than", "fewer than", "under", "as many as", "as much as",
    "close to", "upwards of", "in excess of", "an estimated", "estimated", "circa", "约", "近",
    "超过", "逾", "多达", "将近",
];

/// Words before a number that make it a label or rank, not a statistic ("Page 3").
#[rustfmt::skip]
static LABELS: &[&str] = &[
    "page", "no", "nos", "number", "chapter", "section", "article", "clause", "vol", "volume",
    "version", "episode", "season", "series", "level", "grade", "route", "flight", "room",
    "platform", "gate", "act", "part", "phase", "type", "model", "class", "channel", "radio",
    "tier", "stage", "round", "game", "top", "rank", "ranked", "category", "figure", "table",
    "line", "bus", "highway", "junction", "exit", "terminal", "division", "generation", "mark",
];

/// Words before a four-digit number that make it a year even when a noun follows.
#[rustfmt::skip]
static YEAR_WORDS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "of", "for", "during", "between", "before",
    "after", "and", "to", "through", "throughout", "mid", "early", "late", "year",
];

#[rustfmt::skip]
static MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
];

/// Lowercase words that cannot sit between a number and its counted noun.
#[rustfmt::skip]
static FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "and", "or", "but", "per",
    "from", "with", "than", "that", "which", "who", "were", "are", "was", "is", "be", "been",
    "have", "had", "will", "would", "could", "should", "may", "might", "can", "did", "do",
    "not", "no", "as", "it", "into", "over", "under", "after", "before", "between", "among",
    "since", "until", "while", "when", "if", "so", "then", "also", "each", "every", "all",
];

/// Plural nouns without a final "s".
#[rustfmt::skip]
static IRREGULAR_PLURALS: &[&str] = &[
    "people", "children", "men", "women", "staff", "personnel", "police", "cattle", "sheep",
    "fish", "aircraft", "livestock", "crew",
];

/// Words ending in "s" that are not plural nouns.
#[rustfmt::skip]
static NOT_PLURALS: &[&str] = &[
    "was", "has", "its", "this", "his", "hers", "ours", "yours", "theirs", "as", "yes", "plus",
    "thus", "always", "perhaps", "whereas", "towards", "afterwards", "sometimes", "besides",
    "does", "goes", "says", "news", "means", "series", "species",
];

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

/// A year stated as the period of a sentence ("in 2004", "for 2024", "2023年", "in the
/// 2004-05 season" -> 2004), if any.
///
/// A year after a period word or month, or written as a season or with 年, wins; failing
/// that, the first 1800–2100 integer that is not itself a quantity ("2000 people").
pub fn period_year(sentence: &str) -> Option<i32> {
    let (s, mut i, mut fallback) = (sentence, 0, None);
    while i < s.len() {
        let (start, n) = (i, digits_at(s, i));
        i += n.max(1);
        if n == 0 {
            continue; // `i` may now sit inside a multi-byte char: slice nothing here
        }
        let year = s[start..start + n].parse::<i32>().unwrap_or(0);
        let rest = &s[i..];
        let mut next = rest.chars();
        let (n1, n2) = (next.next().unwrap_or(' '), next.next().unwrap_or(' '));
        let fy = s[..start].ends_with("FY");
        let prev = s[..start].chars().next_back().unwrap_or(' ');
        let glued = prev.is_ascii_alphanumeric() && !fy || "$£€¥,.#+".contains(prev);
        let is_year = n == 4 && (1800..=2100).contains(&year) && !n1.is_ascii_alphanumeric();
        if !is_year || glued || ",.".contains(n1) && n2.is_ascii_digit() {
            continue;
        }
        let word = word_before(s, start).0;
        let season = "-–/".contains(n1) && n2.is_ascii_digit();
        if fy || season || n1 == '年' || in_list(word, YEAR_WORDS) || MONTHS.contains(&word) {
            return Some(year);
        }
        let quantity = unit_after(s, i, false).is_some() || scale_after(s, &mut i.clone()) != 0;
        if fallback.is_none() && !quantity && counted_noun(s, i).is_none() {
            fallback = Some(year);
        }
    }
    fallback
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
    let year_like = int && end - i == 4 && (1800.0..=2100.0).contains(&num.mant);
    let mut next = s[end..].chars();
    let (n1, n2) = (next.next().unwrap_or(' '), next.next().unwrap_or(' '));
    match n1 {
        // Times, dates, ratios, versions: 10:30, 28/03, 1.2.3; digit groups: phone numbers.
        ':' | '/' | '.' if n2.is_ascii_digit() => return Err(skip()),
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
    let mut exp = scale_after(s, &mut end);
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

/// Reads a number word or phrase: spelled numbers, fractions, multipliers, vague amounts.
fn word_core(s: &str, start: usize, mend: usize) -> Result<Core, usize> {
    let w = &s[start..mend];
    let mut core = Core::word(start, mend);
    let fold = w.len().checked_sub(4).and_then(|k| w.get(k..));
    let fold = fold.filter(|f| f.eq_ignore_ascii_case("fold"));
    let fraction = w.split_once([' ', '-']).and_then(|(n, d)| {
        let singular = d.trim_end_matches(['s', 'S']);
        Some((n, singular.len() < d.len(), lookup(FRACTION_WORDS, singular)?))
    });
    if let Some(v) = lookup(MULTIPLIER_WORDS, w) {
        (core.value, core.fixed) = (v, Some(K::Multiplier));
    } else if let Some(f) = fold {
        let n = w[..w.len() - f.len()].trim_end_matches('-');
        let v = lookup(NUMBER_WORDS, n).or(lookup(SCALE_WORDS, n)).ok_or(mend)?;
        (core.value, core.fixed) = (v, Some(K::Multiplier));
    } else if w.eq_ignore_ascii_case("half") {
        return half(s, core);
    } else if let Some((n, plural, den)) = fraction {
        let n = if in_list(n, &["a", "an"]) {
            1.0
        } else {
            lookup(NUMBER_WORDS, n).ok_or(mend)?
        };
        // A singular fraction needs "of" or no word after it: "a third term" is an ordinal.
        let after = word_at(s, skip_ws(s, mend));
        if plural != (n > 1.0) || !(plural || after.is_empty() || after.eq_ignore_ascii_case("of")) {
            return Err(mend);
        }
        (core.value, core.fixed) = (n / den * 100.0, Some(K::Percent));
    } else if let Some(v) = lookup(VAGUE_WORDS, w) {
        (core.value, core.vague, core.approx, core.scaled) = (v, true, true, true);
        // "tens of thousands", "hundreds of millions"
        let q = phrase_at(s, skip_ws(s, mend), "of").map_or(mend, |e| skip_ws(s, e));
        let more = word_at(s, q);
        match more.strip_suffix('s').and_then(|m| lookup(SCALE_WORDS, m)) {
            Some(x) if x >= 1e3 => (core.value, core.end) = (v * x, q + more.len()),
            _ if v == 10.0 => return Err(mend), // "tens" alone is no amount
            _ => {}
        }
    } else {
        (core.value, core.end, core.scaled) = spelled(s, start).ok_or(mend)?;
    }
    Ok(core)
}

/// "half": 50 percent, "half a million" (5e5), "half an hour" (0.5 of the unit), or no
/// quantity at all in "the second half", "half-time".
fn half(s: &str, mut core: Core) -> Result<Core, usize> {
    let ordinal = ["the", "first", "second", "a", "an", "other", "latter", "each"];
    if in_list(word_before(s, core.start).0, &ordinal) || s[core.end..].starts_with('-') {
        return Err(core.end);
    }
    let q = skip_ws(s, core.end);
    let article = word_at(s, q);
    if !in_list(article, &["a", "an"]) {
        (core.value, core.fixed) = (50.0, Some(K::Percent));
        return Ok(core);
    }
    let q2 = skip_ws(s, q + article.len());
    let w = word_at(s, q2);
    (core.value, core.end, core.scaled) = match lookup(SCALE_WORDS, w) {
        Some(x) => (x / 2.0, q2 + w.len(), true),
        None => (0.5, q + article.len(), false),
    };
    Ok(core)
}

/// Chinese forms: 百分之四十, 翻了一番, and vague 数百 / 上千.
fn cjk_core(s: &str, start: usize, mend: usize) -> Result<Core, usize> {
    let m = &s[start..mend];
    let mut core = Core::word(start, mend);
    if let Some(rest) = m.strip_prefix("百分之") {
        let p = mend - rest.len();
        let (num, end) = match read_number(s, p) {
            (n, e, _) if e > p => (n, e),
            _ => read_cjk_number(s, p).ok_or(mend)?,
        };
        (core.value, core.end, core.fixed) = (num.scaled(0), end, Some(K::Percent));
    } else if let Some((den, num)) = m.split_once("分之").or(m.strip_prefix("一").map(|h| ("二", h))) {
        // 三分之一 is one third; 一半 is one half.
        let digit = |d: &str| "一二三四五六七八九十".find(d).map_or(1.0, |k| (k / 3 + 1) as f64);
        let num = if num == "半" { 1.0 } else { digit(num) };
        (core.value, core.fixed) = (num / digit(den) * 100.0, Some(K::Percent));
    } else if m.starts_with('翻') {
        // 翻一番 doubles; 翻两番 doubles twice.
        let v = if m.contains('两') { 4.0 } else { 2.0 };
        (core.value, core.fixed) = (v, Some(K::Multiplier));
    } else {
        let (mut value, mut end) = (1.0, start + m.chars().next().map_or(0, char::len_utf8));
        for c in s[end..].chars() {
            let Some(k) = "十百千万亿".find(c) else {
                break;
            };
            (value, end) = (value * [10.0, 1e2, 1e3, 1e4, 1e8][k / 3], end + c.len_utf8());
        }
        (core.value, core.end, core.vague, core.approx) = (value, end, true, true);
        core.scaled = true;
    }
    Ok(core)
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
        } else if let Some(code) = c.currency {
            (kind, unit) = (K::Money, Some(code));
        } else if let Some(noun) = counted_noun(s, q) {
            (kind, unit) = (K::Count, Some(noun));
        } else if c.scaled {
            kind = K::Count;
        }
    }
    let bare = kind == K::Number || kind == K::Count && !c.scaled;
    if !c.spelled && bare && c.currency.is_none() && c.fixed.is_none() {
        let (before, at) = word_before(s, c.start);
        let after = skip_ws(s, c.end);
        let clock = ["am", "pm", "a.m", "p.m"]
            .iter()
            .any(|p| phrase_at(s, after, p).is_some());
        let date = MONTHS.contains(&before) || MONTHS.contains(&word_at(s, after));
        let opener = s[..at].trim_end().chars().next_back().unwrap_or('.');
        let mid_sentence = !"\"“‘'(:—–-.".contains(opener);
        let reject = c.year_like && (kind == K::Number || in_list(before, YEAR_WORDS))
            || c.int && (c.raw <= 31.0 && date || c.raw <= 12.0 && clock)
            || in_list(before, LABELS)
            // A capitalised word mid-sentence names a product or team: Boeing 777, Apollo 11.
            || kind == K::Number && before.bytes().any(|b| b.is_ascii_uppercase()) && mid_sentence;
        if reject {
            return Err(token_end(s, c.end));
        }
    }
    if alnum_at(s, unit_end) {
        return Err(token_end(s, c.start)); // 4G, 200LR, 1990s, 10th, 10am
    }
    let small = c.spelled && !c.scaled && c.fixed.is_none();
    let idiom = value == 1.0 && !matches!(kind, K::Money | K::Percent | K::Measure);
    if small && (kind == K::Number && value <= 10.0 || idiom) || !value.is_finite() {
        return Err(c.end);
    }
    let approximate = c.approx || qualified(s, c.start) || s[skip_ws(s, unit_end)..].starts_with("左右");
    let span_end = if kind == K::Count { c.end } else { unit_end };
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

/// Reads a spelled number at `i` ("twenty-five", "two hundred and fifty", "a million"):
/// (value, end, has a scale word of a dozen or more).
fn spelled(s: &str, i: usize) -> Option<(f64, usize, bool)> {
    let (mut total, mut cur, mut end, mut scaled, mut j) = (0.0, 0.0, i, false, i);
    // Value of the previous word when it was a number word; limits what may follow it.
    let mut last: Option<f64> = None;
    loop {
        let w = word_at(s, j);
        let e = j + w.len();
        let article = j == i && in_list(w, &["a", "an"]);
        match (lookup(NUMBER_WORDS, w), lookup(SCALE_WORDS, w)) {
            // "twenty five" / "twenty-five", but not "five six" or "twenty thirty".
            (Some(n), _) if last.is_none_or(|l| l >= 20.0 && n < 10.0) => (cur, last) = (cur + n, Some(n)),
            (_, Some(100.0)) if last.is_some() => (cur, last) = (cur * 100.0, None),
            (_, Some(x)) if last.is_some() || cur > 0.0 && x > 100.0 => {
                (total, cur, scaled, last) = (total + cur * x, 0.0, true, None);
            }
            _ if article => (cur, last) = (1.0, Some(1.0)),
            _ if w.eq_ignore_ascii_case("and") && last.is_none() && cur + total > 0.0 => {
                let next = skip_ws(s, e);
                if next > e && lookup(NUMBER_WORDS, word_at(s, next)).is_some() {
                    j = next;
                    continue;
                }
                break;
            }
            _ => break,
        }
        end = if article { end } else { e };
        j = if s[e..].starts_with('-') {
            e + 1
        } else {
            skip_ws(s, e)
        };
        if j == e {
            break;
        }
    }
    (end > i).then_some((total + cur, end, scaled))
}

/// Reads "1,234.5"-style digits at `i`: (number, end, used thousands separators).
fn read_number(s: &str, i: usize) -> (Num, usize, bool) {
    let b = s.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let (mut j, mut mant, mut grouped, mut dec) = (i, 0.0, false, 0);
    loop {
        if digit(j) {
            (mant, j) = (mant * 10.0 + f64::from(b[j] - b'0'), j + 1);
        } else if j > i && b.get(j) == Some(&b',') && digits_at(s, j + 1) == 3 {
            (j, grouped) = (j + 1, true);
        } else {
            break;
        }
    }
    if b.get(j) == Some(&b'.') && digit(j + 1) {
        j += 1;
        while digit(j) {
            (mant, dec, j) = (mant * 10.0 + f64::from(b[j] - b'0'), dec + 1, j + 1);
        }
    }
    (Num { mant, dec }, j, grouped)
}

/// Reads a Chinese numeral at `i` (四十, 十五, 三十三点三, 一百).
fn read_cjk_number(s: &str, i: usize) -> Option<(Num, usize)> {
    let (mut total, mut cur, mut dec, mut frac, mut end) = (0.0, 0.0, 0, false, i);
    for (k, c) in s[i..].char_indices() {
        let digit = "零一二三四五六七八九".find(c).map(|d| (d / 3) as f64);
        let digit = digit.or((c == '两').then_some(2.0));
        match (c, digit) {
            (_, Some(d)) if frac => (total, dec) = (total * 10.0 + d, dec + 1),
            (_, Some(d)) => cur = d,
            ('十', _) if !frac => (total, cur) = (total + cur.max(1.0) * 10.0, 0.0),
            ('百', _) if !frac => (total, cur) = (total + cur.max(1.0) * 100.0, 0.0),
            ('点', _) if !frac => (total, cur, frac) = (total + cur, 0.0, true),
            _ => break,
        }
        end = i + k + c.len_utf8();
    }
    let num = Num {
        mant: total + cur,
        dec,
    };
    (end > i).then_some((num, end))
}

/// Currency written just before the number at `i`: (span start, code).
fn currency_before(s: &str, i: usize, floor: usize) -> Option<(usize, &'static str)> {
    let head = &s[floor..i];
    // Glued first ("$5"), then across a space ("Rs 500", "USD 5").
    [head, head.trim_end()].into_iter().find_map(|h| {
        PREFIXES.iter().find_map(|&(sym, code)| {
            let rest = h.strip_suffix(sym)?;
            let letters = |t: &str| t.ends_with(|c: char| c.is_ascii_alphabetic());
            let in_word = sym.starts_with(|c: char| c.is_ascii_alphabetic()) && letters(rest);
            (!in_word).then_some((floor + rest.len(), code))
        })
    })
}

/// Power of ten of a scale word at `*end` (glued, or after spaces if allowed), advancing
/// `*end` past it; 0 if none.
fn scale_after(s: &str, end: &mut usize) -> i32 {
    let spaced = skip_ws(s, *end);
    for &(w, exp, glued) in SCALES {
        let found = phrase_at(s, *end, w).or(phrase_at(s, spaced, w).filter(|_| !glued));
        if let Some(e) = found {
            *end = e;
            return exp;
        }
    }
    0
}

/// UNITS flattened to (phrase, kind, unit), sorted by first byte and then longest first,
/// so a lookup only tries phrases sharing the text's first byte and the first hit is longest.
static UNIT_PHRASES: LazyLock<Vec<(&str, QuantityKind, &str)>> = LazyLock::new(|| {
    let mut v: Vec<_> = UNITS
        .iter()
        .flat_map(|&(kind, unit, phrases)| phrases.split('|').map(move |p| (p, kind, unit)))
        .collect();
    v.sort_by_key(|e| (e.0.as_bytes()[0], std::cmp::Reverse(e.0.len())));
    v
});

/// The longest unit phrase at `p`: glued, after a hyphen ("10-year") or after spaces.
fn unit_after(s: &str, p: usize, money_only: bool) -> Option<(usize, QuantityKind, &str)> {
    let spaced = skip_ws(s, p);
    let hyphen = s[p..].starts_with('-').then_some(p + 1);
    [Some(p), hyphen, Some(spaced).filter(|&q| q > p)]
        .into_iter()
        .flatten()
        .find_map(|q| {
            let first = s.as_bytes().get(q)?.to_ascii_lowercase();
            let from = UNIT_PHRASES.partition_point(|e| e.0.as_bytes()[0] < first);
            let same_first = UNIT_PHRASES[from..]
                .iter()
                .take_while(|e| e.0.as_bytes()[0] == first);
            same_first
                .filter(|e| !money_only || e.1 == K::Money)
                .find_map(|&(ph, kind, unit)| {
                    let e = phrase_at(s, q, ph)?;
                    Some((e, kind, if unit == "*" { &s[q..e] } else { unit }))
                })
        })
}

/// The counted noun after a number: "3,300 people", "12 new jobs", "2m monthly active users".
fn counted_noun(s: &str, p: usize) -> Option<&str> {
    let mut q = p;
    for _ in 0..3 {
        let at = skip_ws(s, q);
        let w = word_at(s, at);
        if at == q || w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let regular = w.len() > 2 && w.ends_with('s') && !NOT_PLURALS.contains(&w);
        if IRREGULAR_PLURALS.contains(&w) || regular && !["ss", "us", "is"].iter().any(|x| w.ends_with(x)) {
            return Some(w);
        }
        if FUNCTION_WORDS.contains(&w) {
            return None;
        }
        q = at + w.len();
    }
    None
}

/// Whether a qualifier ("about", "more than", "约") comes right before `start`.
fn qualified(s: &str, start: usize) -> bool {
    let head = s[..start].trim_end();
    QUALIFIERS.iter().any(|q| {
        let k = head.len().saturating_sub(q.len());
        let (Some(before), Some(tail)) = (head.get(..k), head.get(k..)) else {
            return false;
        };
        let in_word = before.ends_with(|c: char| c.is_ascii_alphabetic());
        // 最近 means "recently", not "nearly".
        tail.eq_ignore_ascii_case(q) && !in_word && !(*q == "近" && before.ends_with('最'))
    })
}

/// End of `phrase` if `s[i..]` starts with it (ASCII case ignored) and a word ends there.
fn phrase_at(s: &str, i: usize, phrase: &str) -> Option<usize> {
    let end = i + phrase.len();
    let head = s.as_bytes().get(i..end)?;
    let word_end = !phrase.ends_with(|c: char| c.is_ascii_alphanumeric()) || !alnum_at(s, end);
    (head.eq_ignore_ascii_case(phrase.as_bytes()) && word_end).then_some(end)
}

/// Advances `end` past the first of `marks` found there; true if one was.
fn eat(s: &str, end: &mut usize, marks: &[&str]) -> bool {
    let found = marks.iter().find(|m| s[*end..].starts_with(*m));
    *end += found.map_or(0, |m| m.len());
    found.is_some()
}

/// The ASCII-letter word just before `i`, skipping spaces and one dot ("No. 1"), and its start.
fn word_before(s: &str, i: usize) -> (&str, usize) {
    let head = s[..i].trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    let n = head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    (&head[head.len() - n..], head.len() - n)
}

/// The ASCII-letter word starting at `i` (empty if none).
fn word_at(s: &str, i: usize) -> &str {
    let rest = s.get(i..).unwrap_or("");
    &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()]
}

/// Number of ASCII digits starting at byte `i`.
fn digits_at(s: &str, i: usize) -> usize {
    let rest = s.as_bytes().get(i..).unwrap_or(&[]);
    rest.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Whether the byte at `i` is an ASCII letter or digit.
fn alnum_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// Index after any whitespace at `i`.
fn skip_ws(s: &str, i: usize) -> usize {
    skip_chars(s, i, char::is_whitespace)
}

/// First index at or after `i` whose char fails `keep`.
fn skip_chars(s: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    s[i..].find(|c: char| !keep(c)).map_or(s.len(), |k| i + k)
}

/// End of the id-like token at `i` ("777-200LR", "10:30", "1990s"), to skip it whole.
fn token_end(s: &str, i: usize) -> usize {
    skip_chars(s, i, |c| c.is_ascii_alphanumeric() || "-.,:/'+".contains(c))
}

/// Whether `w` is one of `list`, ignoring ASCII case.
fn in_list(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Value of `w` in a word table, ignoring ASCII case.
fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(x, _)| x.eq_ignore_ascii_case(w)).map(|e| e.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected quantity: span text, kind, value, unit ("" for none), approximate.
    type Want = (&'static str, QuantityKind, f64, &'static str, bool);

    const T: f64 = 100.0 / 3.0;

    #[rustfmt::skip]
    const CASES: &[(&str, &[Want])] = &[
        // Plain numbers, separators, decimals.
        ("It cost 1,200 pounds.", &[("1,200 pounds", K::Money, 1200.0, "GBP", false)]),
        ("Inflation was 1.2 in the spring.", &[("1.2", K::Number, 1.2, "", false)]),
        ("The total was 900,000.", &[("900,000", K::Number, 9e5, "", false)]),
        ("About 3,300 people were evacuated.", &[("3,300", K::Count, 3300.0, "people", true)]),
        ("The 2,225 articles were read.", &[("2,225", K::Count, 2225.0, "articles", false)]),
        ("It added 12 new jobs.", &[("12", K::Count, 12.0, "jobs", false)]),
        // Percentages.
        ("Rates rose by 0.0051%.", &[("0.0051%", K::Percent, 0.0051, "", false)]),
        ("Sales rose 40% and turnout was 76%.", &[("40%", K::Percent, 40.0, "", false), ("76%", K::Percent, 76.0, "", false)]),
        ("Profits fell 40 per cent.", &[("40 per cent", K::Percent, 40.0, "", false)]),
        ("It grew 40 percent.", &[("40 percent", K::Percent, 40.0, "", false)]),
        ("The share fell to almost 23%.", &[("23%", K::Percent, 23.0, "", true)]),
        ("Up to 75% of staff could leave.", &[("75%", K::Percent, 75.0, "", true)]),
        ("The chip is 9% smaller.", &[("9%", K::Percent, 9.0, "", false)]),
        ("GDP grew 2.5 percentage points.", &[("2.5 percentage points", K::Percent, 2.5, "point", false)]),
        ("营收增长了百分之四十。", &[("百分之四十", K::Percent, 40.0, "", false)]),
        ("逾百分之三十三点三的用户", &[("百分之三十三点三", K::Percent, 33.3, "", true)]),
        ("利润增长40％。", &[("40％", K::Percent, 40.0, "", false)]),
        // Scales and money.
        ("It affects 270 million people.", &[("270 million", K::Count, 2.7e8, "people", false)]),
        ("The firm raised 2.7bn and then 2.7 billion.", &[("2.7bn", K::Count, 2.7e9, "", false), ("2.7 billion", K::Count, 2.7e9, "", false)]),
        ("Some 45 million watched.", &[("45 million", K::Count, 4.5e7, "", true)]),
        ("It lost £600m last year.", &[("£600m", K::Money, 6e8, "GBP", false)]),
        ("Revenue hit $1.13bn.", &[("$1.13bn", K::Money, 1.13e9, "USD", false)]),
        ("It paid $639m and $9.4 billion.", &[("$639m", K::Money, 6.39e8, "USD", false), ("$9.4 billion", K::Money, 9.4e9, "USD", false)]),
        ("The fund got 5.45m Euros.", &[("5.45m Euros", K::Money, 5.45e6, "EUR", false)]),
        ("It will cost 7.5bn euros, not 20m euros.", &[("7.5bn euros", K::Money, 7.5e9, "EUR", false), ("20m euros", K::Money, 2e7, "EUR", false)]),
        ("A loan of 1bn CFA francs.", &[("1bn CFA francs", K::Money, 1e9, "CFA", false)]),
        ("The project costs Rs 500 crore.", &[("Rs 500 crore", K::Money, 5e9, "INR", false)]),
        ("The EU fined it €3bn.", &[("€3bn", K::Money, 3e9, "EUR", false)]),
        ("Exports hit ¥100bn.", &[("¥100bn", K::Money, 1e11, "JPY", false)]),
        ("Sales reached 50.44 billion yuan.", &[("50.44 billion yuan", K::Money, 5.044e10, "CNY", false)]),
        ("It spent $178 million.", &[("$178 million", K::Money, 1.78e8, "USD", false)]),
        ("HK$5bn and US$2m", &[("HK$5bn", K::Money, 5e9, "HKD", false), ("US$2m", K::Money, 2e6, "USD", false)]),
        ("He left half a million pounds.", &[("half a million pounds", K::Money, 5e5, "GBP", false)]),
        ("用户达2.7亿。", &[("2.7亿", K::Count, 2.7e8, "", false)]),
        ("新增3万人。", &[("3万", K::Count, 3e4, "人", false)]),
        ("营收505亿元。", &[("505亿元", K::Money, 5.05e10, "CNY", false)]),
        ("净利润634.3亿元，增长10.74亿。", &[("634.3亿元", K::Money, 6.343e10, "CNY", false), ("10.74亿", K::Count, 1.074e9, "", false)]),
        // Durations.
        ("The film runs 151 minutes, the sequel 101 minutes.", &[("151 minutes", K::Duration, 151.0, "minute", false), ("101 minutes", K::Duration, 101.0, "minute", false)]),
        ("Each clip lasts 15 seconds.", &[("15 seconds", K::Duration, 15.0, "second", false)]),
        ("Users watched 28 million hours of video.", &[("28 million hours", K::Duration, 2.8e7, "hour", false)]),
        ("It took three years to build.", &[("three years", K::Duration, 3.0, "year", false)]),
        ("He signed a 10-year deal.", &[("10-year", K::Duration, 10.0, "year", false)]),
        ("电影时长151分钟。", &[("151分钟", K::Duration, 151.0, "minute", false)]),
        ("飞行约2小时。", &[("2小时", K::Duration, 2.0, "hour", true)]),
        ("It lasts 15 to 20 minutes.", &[("15 to 20 minutes", K::Duration, 15.0, "minute", true)]),
        // Counts and measures.
        ("Two million volunteers helped.", &[("Two million", K::Count, 2e6, "volunteers", false)]),
        ("It sold eight million copies.", &[("eight million", K::Count, 8e6, "copies", false)]),
        ("A million viewers tuned in.", &[("A million", K::Count, 1e6, "viewers", false)]),
        ("Two companies bid.", &[("Two", K::Count, 2.0, "companies", false)]),
        ("Twenty-five passengers and two hundred and fifty vehicles.", &[("Twenty-five", K::Count, 25.0, "passengers", false), ("two hundred and fifty", K::Count, 250.0, "vehicles", false)]),
        ("They flew 11,000 miles.", &[("11,000 miles", K::Measure, 11000.0, "mile", false)]),
        ("It covers 5,200 hectares and 32,000 acre.", &[("5,200 hectares", K::Measure, 5200.0, "hectare", false), ("32,000 acre", K::Measure, 32000.0, "acre", false)]),
        ("Output hit 2 million barrels a day.", &[("2 million barrels", K::Measure, 2e6, "barrel", false)]),
        ("It has more than 500 stores.", &[("500", K::Count, 500.0, "stores", true)]),
        ("At least 20 people and fewer than 10 games.", &[("20", K::Count, 20.0, "people", true), ("10", K::Count, 10.0, "games", true)]),
        ("Around 2000 people attended.", &[("2000", K::Count, 2000.0, "people", true)]),
        ("超过5000名员工和约3万多人", &[("5000", K::Count, 5000.0, "人", true), ("3万多", K::Count, 3e4, "人", true)]),
        ("Dozens of people were hurt.", &[("Dozens", K::Count, 12.0, "people", true)]),
        ("Tens of thousands of fans came.", &[("Tens of thousands", K::Count, 1e4, "fans", true)]),
        ("数百人参加。", &[("数百", K::Count, 100.0, "人", true)]),
        // Chinese figures as the audiovisual reports write them.
        ("目前每天有2.7亿人在快手看短剧。", &[("2.7亿", K::Count, 2.7e8, "人", false)]),
        ("短视频人均单日使用时长为151分钟。", &[("151分钟", K::Duration, 151.0, "minute", false)]),
        ("40%的用户经常观看微短剧，百分之三十的用户曾付费。", &[("40%", K::Percent, 40.0, "", false), ("百分之三十", K::Percent, 30.0, "", false)]),
        ("新增3万部作品。", &[("3万", K::Count, 3e4, "部", false)]),
        ("重点网络微短剧数量翻番。", &[("翻番", K::Multiplier, 2.0, "", false)]),
        ("收入翻了两番。", &[("翻了两番", K::Multiplier, 4.0, "", false)]),
        ("数百部微短剧上线。", &[("数百", K::Count, 100.0, "部", true)]),
        ("市场规模达505亿元。", &[("505亿元", K::Money, 5.05e10, "CNY", false)]),
        ("单集售价1元，全剧约50元。", &[("1元", K::Money, 1.0, "CNY", false), ("50元", K::Money, 50.0, "CNY", true)]),
        ("行业规模超过1.5万亿元。", &[("1.5万亿元", K::Money, 1.5e12, "CNY", true)]),
        ("海外收入达2.5亿美元。", &[("2.5亿美元", K::Money, 2.5e8, "USD", false)]),
        // Multipliers and fractions.
        ("Profits doubled while costs halved.", &[("doubled", K::Multiplier, 2.0, "", false), ("halved", K::Multiplier, 0.5, "", false)]),
        ("Prices are twice as high, three times the rate.", &[("twice", K::Multiplier, 2.0, "", false), ("three times", K::Multiplier, 3.0, "", false)]),
        ("A two-fold rise, a threefold jump and a 10x gain.", &[("two-fold", K::Multiplier, 2.0, "", false), ("threefold", K::Multiplier, 3.0, "", false), ("10x", K::Multiplier, 10.0, "", false)]),
        ("利润翻了一番。", &[("翻了一番", K::Multiplier, 2.0, "", false)]),
        ("Half of the money was lost.", &[("Half", K::Percent, 50.0, "", false)]),
        ("Almost half said no.", &[("half", K::Percent, 50.0, "", true)]),
        ("A third of voters and three quarters of staff agreed.", &[("A third", K::Percent, T, "", false), ("three quarters", K::Percent, 75.0, "", false)]),
        ("Two-thirds of members backed it.", &[("Two-thirds", K::Percent, 2.0 * T, "", false)]),
        ("It took half an hour.", &[("half an hour", K::Duration, 0.5, "hour", false)]),
        ("Only 1 in 5 people and one in three adults agreed.", &[("1 in 5", K::Percent, 20.0, "", false), ("one in three", K::Percent, T, "", false)]),
        ("其中近一半在东部，三分之一在西部。", &[("一半", K::Percent, 50.0, "", true), ("三分之一", K::Percent, T, "", false)]),
        // Ranges and changes.
        ("It will cost $1-2bn.", &[("$1-2bn", K::Money, 1e9, "USD", true)]),
        ("Rates rose from 5 to 10 per cent.", &[("5", K::Number, 5.0, "", false), ("10 per cent", K::Percent, 10.0, "", false)]),
        // Not statistics.
        ("In 2004 the firm was founded; the 1990s were good.", &[]),
        ("In 2004 people were happier.", &[]),
        ("It happened on March 28th, or 28 March, or on 28–29 March.", &[]),
        ("Dated 2024-03-28 at 10:30, or at 10 am.", &[]),
        ("会议于3月28日举行。2023年营收增长。", &[]),
        ("He came 11th and then 1st.", &[]),
        ("The 777-200LR, Windows XP and the PS2 and Covid-19 and 5G.", &[]),
        ("Call 020 7946 0958 now.", &[]),
        ("See Page 3 and No 1 and No. 5.", &[]),
        ("In the 2004-05 season he scored.", &[]),
        ("One of the best, the one he liked, one day.", &[]),
        ("He rode a Boeing 777 there.", &[]),
        ("The iPhone 15 sold at 7-Eleven.", &[]),
        ("The team won 3-1 in a third term, the second half.", &[]),
        ("It is the number one brand with two of them.", &[]),
    ];

    fn check(text: &str, want: &[Want]) -> bool {
        let got = parse_quantities(text);
        got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| {
                let unit = g.unit.as_deref().unwrap_or("");
                &text[g.span.clone()] == w.0
                    && g.kind == w.1
                    && (g.value - w.2).abs() <= 1e-9 * w.2.abs().max(1.0)
                    && unit == w.3
                    && g.approximate == w.4
            })
    }

    #[test]
    fn real_world_quantities_are_parsed_with_kind_value_and_unit() {
        let failures: Vec<_> = CASES
            .iter()
            .filter(|(text, want)| !check(text, want))
            .map(|(text, _)| {
                let got: Vec<_> = parse_quantities(text)
                    .into_iter()
                    .map(|q| {
                        (
                            text[q.span.clone()].to_string(),
                            q.kind,
                            q.value,
                            q.unit,
                            q.approximate,
                        )
                    })
                    .collect();
                format!("{text:?} => {got:?}")
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn period_year_finds_the_sentence_year() {
        let cases: &[(&str, Option<i32>)] = &[
            ("Sales rose in 2004.", Some(2004)),
            ("Guidance for 2024 was cut.", Some(2024)),
            ("2023年营收增长。", Some(2023)),
            ("In the 2004-05 season he scored.", Some(2004)),
            ("Results for FY2022 were weak.", Some(2022)),
            ("By March 2021 it had closed.", Some(2021)),
            ("Some 2000 people came in 2019.", Some(2019)),
            ("2010 was a bad year.", Some(2010)),
            ("It has 2,004 staff and $2024 in cash.", None),
            ("会议于3月28日举行。", None),
            ("Around 2000 people came.", None),
            ("观影人次超过2000万。", None),
            (
                "The 2024 report put the market at 1.15 trillion yuan in 2023.",
                Some(2023),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(period_year(text), *want, "{text:?}");
        }
    }

    #[test]
    fn kind_names_are_lowercase_words() {
        let kinds = [
            K::Count,
            K::Money,
            K::Percent,
            K::Duration,
            K::Multiplier,
            K::Measure,
            K::Number,
        ];
        let names: Vec<_> = kinds.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "count",
                "money",
                "percent",
                "duration",
                "multiplier",
                "measure",
                "number"
            ]
        );
    }

    #[test]
    fn never_panics_and_spans_are_char_boundaries() {
        let atoms: Vec<&str> = concat!(
            "1|2,|000|.|5|%|$|£|m|bn| |million|亿|万|元|百分之|四十|点|翻|数|百|half|a |third|-|–|to|",
            "of|per cent|years|😀|é|多|约|x|Rs|US$|2004|年|月|：|增长|人|个月|左右|最近|about|FY|",
            "No.|March|people|and|twenty|one|hundred|0|:|/|\n|tens|dozens|fold|Half|上千|翻了一番"
        )
        .split('|')
        .collect();
        let mut seed = 987654321u64;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(seed % 16) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(atoms[(seed >> 33) as usize % atoms.len()]);
            }
            let mut last = 0;
            for q in parse_quantities(&text) {
                let (a, b) = (q.span.start, q.span.end);
                let ok = a >= last && a < b && b <= text.len() && q.value.is_finite();
                assert!(
                    ok && text.is_char_boundary(a) && text.is_char_boundary(b),
                    "{text:?}"
                );
                last = b;
            }
            let _ = period_year(&text);
        }
    }
}
