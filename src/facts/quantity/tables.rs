//! Word tables of the quantity parser: units, scales, currencies, number words, qualifiers
//! and the words that make a number something else (labels, years, months).

use super::QuantityKind;
use QuantityKind as K;

/// Units after a number: (kind, unit, phrases). The longest phrase wins; unit "*" means
/// the matched word itself (Chinese counters). A one-letter phrase must touch the number
/// ("325.5p" is pence, "at 3 p.m." is not). GBX is the pence code stock prices use.
#[rustfmt::skip]
pub(super) static UNITS: &[(QuantityKind, &str, &str)] = &[
    (K::Percent, "point", "percentage points|percentage point"), (K::Percent, "", "per cent|percent|%|％"),
    (K::Money, "CFA", "cfa francs|cfa franc"), (K::Money, "HKD", "hong kong dollars|港元|港币"),
    (K::Money, "AUD", "australian dollars"), (K::Money, "CAD", "canadian dollars"),
    (K::Money, "USD", "us dollars|dollars|dollar|美元"), (K::Money, "GBP", "pounds|pound|sterling|英镑"),
    (K::Money, "GBX", "pence|p"), (K::Money, "cent", "cents"),
    (K::Money, "EUR", "euros|euro|欧元"), (K::Money, "CNY", "yuan|renminbi|元人民币|人民币|元"),
    (K::Money, "JPY", "yen|日元"), (K::Money, "INR", "rupees|rupee"), (K::Money, "CHF", "francs"),
    (K::Money, "NGN", "naira"), (K::Money, "RUB", "roubles|rubles"),
    (K::Money, "THB", "baht"), (K::Money, "SEK", "kronor"), (K::Money, "kroner", "kroner"),
    (K::Money, "IDR", "rupiah"), (K::Money, "BRL", "reais"), (K::Money, "ZAR", "rand"),
    (K::Money, "lira", "lira|lire"), (K::Money, "peso", "pesos"), (K::Money, "dinar", "dinars"),
    (K::Money, "riyal", "riyals"), (K::Money, "PLN", "zloty"), (K::Money, "MYR", "ringgit"),
    (K::Money, "ILS", "shekels"), (K::Money, "dirham", "dirhams"),
    (K::Duration, "second", "seconds|second|secs|秒钟|秒"), (K::Duration, "minute", "minutes|minute|mins|min|分钟"),
    (K::Duration, "hour", "hours|hour|hrs|个小时|小时"), (K::Duration, "day", "days|day|天"),
    (K::Duration, "week", "weeks|week|个星期|周"), (K::Duration, "month", "months|month|个月"),
    (K::Duration, "year", "years|year|年"), (K::Duration, "decade", "decades|decade"),
    (K::Duration, "century", "centuries|century"),
    (K::Measure, "km2", "square kilometres|square kilometers|sq km|km2|km²|平方公里"),
    (K::Measure, "sq mile", "square miles"), (K::Measure, "sq ft", "square feet|sq ft"),
    (K::Measure, "mile", "miles|mile|英里"), (K::Measure, "acre", "acres|acre"),
    (K::Measure, "hectare", "hectares|hectare|公顷"), (K::Measure, "km", "kilometres|kilometers|kilometre|km|公里"),
    (K::Measure, "km/h", "km/h|kph"), (K::Measure, "mph", "mph"), (K::Measure, "metre", "metres|meters|metre|m|米"),
    (K::Measure, "yard", "yards"), (K::Measure, "foot", "feet|ft"), (K::Measure, "inch", "inches"), (K::Measure, "tonne", "tonnes|tonne|tons|吨"),
    (K::Measure, "kg", "kilograms|kilos|kg|公斤|千克"), (K::Measure, "gram", "grams"),
    (K::Measure, "lb", "lbs|lb"), (K::Measure, "oz", "ounces|oz"),
    (K::Measure, "cm", "centimetres|centimeters|cm"), (K::Measure, "mm", "millimetres|millimeters|mm"),
    (K::Measure, "Mbps", "mbps|mb/s"), (K::Measure, "kbps", "kbps|kb/s"), (K::Measure, "Gbps", "gbps"),
    (K::Measure, "GHz", "ghz"), (K::Measure, "MHz", "mhz"),
    (K::Measure, "litre", "litres|liters"), (K::Measure, "gallon", "gallons"), (K::Measure, "barrel", "barrels|barrel"),
    (K::Measure, "TB", "terabytes|tb"), (K::Measure, "GB", "gigabytes|gb"), (K::Measure, "MB", "megabytes|mb"),
    (K::Measure, "Mbit", "megabits"), (K::Measure, "kbit", "kilobits"), (K::Measure, "kWh", "kwh"),
    (K::Measure, "GWh", "gwh"), (K::Measure, "TWh", "twh"), (K::Measure, "kW", "kw"), (K::Measure, "MW", "mw"),
    (K::Measure, "GW", "gw"), (K::Measure, "degree", "degrees"), (K::Measure, "°C", "°c"), (K::Measure, "°F", "°f"),
    (K::Measure, "mu", "亩"), (K::Multiplier, "", "times|fold|倍"), (K::Count, "人", "人|名|位"),
    (K::Count, "*", "人次|家|个|辆|台|件|次|部|款|户"),
];

/// Scale words as powers of ten, in match order; `true` marks abbreviations that must touch
/// the number ("5m", not "5 m", which may be metres).
#[rustfmt::skip]
pub(super) static SCALES: &[(&str, i32, bool)] = &[
    ("trillion", 12, false), ("billion", 9, false), ("million", 6, false), ("thousand", 3, false),
    ("crores", 7, false), ("crore", 7, false), ("lakhs", 5, false), ("lakh", 5, false),
    ("bn", 9, false), ("bln", 9, false), ("mn", 6, false), ("mln", 6, false), ("tn", 12, false),
    ("trn", 12, false), ("m", 6, true), ("b", 9, true), ("k", 3, true), ("万亿", 12, true),
    ("千亿", 11, true), ("百亿", 10, true), ("亿", 8, true), ("千万", 7, true), ("百万", 6, true),
    ("万", 4, true), ("千", 3, true),
];

/// Currency written before a number, longest first.
#[rustfmt::skip]
pub(super) static PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"), ("HK$", "HKD"), ("AU$", "AUD"), ("A$", "AUD"), ("CA$", "CAD"), ("C$", "CAD"),
    ("NZ$", "NZD"), ("S$", "SGD"), ("R$", "BRL"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"),
    ("￥", "CNY"), ("¥", "JPY"), ("₹", "INR"), ("₩", "KRW"), ("₦", "NGN"), ("₽", "RUB"),
    ("Rs.", "INR"), ("Rs", "INR"), ("USD", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("JPY", "JPY"),
    ("CNY", "CNY"), ("RMB", "CNY"), ("INR", "INR"), ("HKD", "HKD"), ("CHF", "CHF"), ("人民币", "CNY"),
];

/// Number words by value; the regex lists the same words.
#[rustfmt::skip]
pub(super) static NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0), ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0),
    ("six", 6.0), ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
    ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0), ("twenty", 20.0), ("thirty", 30.0),
    ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0), ("seventy", 70.0), ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Ordinals from "second": "their third collaboration" counts collaborations ("first" is
/// idiom: "its first quarter").
#[rustfmt::skip]
pub(super) static ORDINAL_WORDS: &[(&str, f64)] = &[
    ("second", 2.0), ("third", 3.0), ("fourth", 4.0), ("fifth", 5.0), ("sixth", 6.0),
    ("seventh", 7.0), ("eighth", 8.0), ("ninth", 9.0), ("tenth", 10.0), ("eleventh", 11.0),
    ("twelfth", 12.0), ("twentieth", 20.0),
];

/// Nouns after an ordinal that name a period, not a thing counted: "its third quarter".
pub(super) static ORDINAL_PERIODS: &[&str] = &[
    "quarter",
    "half",
    "year",
    "month",
    "week",
    "day",
    "season",
    "term",
    "round",
    "leg",
    "time",
    "place",
    "birthday",
    "anniversary",
];

#[rustfmt::skip]
pub(super) static SCALE_WORDS: &[(&str, f64)] = &[
    ("dozen", 12.0), ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9),
    ("trillion", 1e12),
];

#[rustfmt::skip]
pub(super) static MULTIPLIER_WORDS: &[(&str, f64)] = &[
    ("halved", 0.5), ("doubled", 2.0), ("doubling", 2.0), ("twice", 2.0), ("tripled", 3.0),
    ("trebled", 3.0), ("quadrupled", 4.0),
];

/// Vague plurals ("dozens of people") and the amount each stands for.
#[rustfmt::skip]
pub(super) static VAGUE_WORDS: &[(&str, f64)] = &[
    ("dozens", 12.0), ("hundreds", 1e2), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9),
    ("tens", 10.0),
];

/// Fraction words by denominator.
#[rustfmt::skip]
pub(super) static FRACTION_WORDS: &[(&str, f64)] = &[
    ("half", 2.0), ("third", 3.0), ("quarter", 4.0), ("fifth", 5.0), ("tenth", 10.0),
];

/// Nouns of ownership a singular fraction may stand before: "a quarter stake" is 25%.
pub(super) static OWNERSHIP_NOUNS: &[&str] = &["stake", "share", "holding", "shareholding", "interest"];

/// Words before a number that make it approximate.
#[rustfmt::skip]
pub(super) static QUALIFIERS: &[&str] = &[
    "about", "around", "nearly", "almost", "more than", "over", "up to", "some", "roughly",
    "approximately", "at least", "less than", "fewer than", "under", "as many as", "as much as",
    "close to", "upwards of", "in excess of", "an estimated", "estimated", "circa", "约", "近",
    "超过", "逾", "多达", "将近",
];

/// Words before a number that make it a label or rank, not a statistic ("Page 3").
#[rustfmt::skip]
pub(super) static LABELS: &[&str] = &[
    "page", "no", "nos", "number", "chapter", "section", "article", "clause", "vol", "volume",
    "version", "episode", "season", "series", "level", "grade", "route", "flight", "room",
    "platform", "gate", "act", "part", "phase", "type", "model", "class", "channel", "radio",
    "tier", "stage", "round", "game", "top", "rank", "ranked", "category", "figure", "table",
    "line", "bus", "highway", "junction", "exit", "terminal", "division", "generation", "mark",
];

/// Time units that, before a bare number (no counted noun, scale or unit), make it a point in
/// a sequence: "month 6 of the trial", "day 2", "week 3".
pub(super) static TIME_LABELS: &[&str] = &["day", "week", "month", "quarter", "year", "hour", "minute"];

/// Time zones after a 24-hour clock time: "by 1650 GMT".
pub(super) static TIME_ZONES: &[&str] = &["GMT", "BST", "UTC", "CET", "EST", "EDT", "PST", "PDT"];

/// Words before a four-digit number that make it a year even when a noun follows.
#[rustfmt::skip]
pub(super) static YEAR_WORDS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "of", "for", "during", "between", "before",
    "after", "and", "to", "through", "throughout", "mid", "early", "late", "year",
];

/// Words after which a year-like number before a noun is a year: "the 2000 elections".
pub(super) static DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "your", "this", "that", "whose", "last", "next",
];

#[rustfmt::skip]
pub(super) static MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
];

/// Lowercase words that cannot sit between a number and its counted noun.
#[rustfmt::skip]
pub(super) static FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "and", "or", "but", "per",
    "from", "with", "than", "that", "which", "who", "were", "are", "was", "is", "be", "been",
    "have", "had", "will", "would", "could", "should", "may", "might", "can", "did", "do",
    "not", "no", "as", "it", "into", "over", "under", "after", "before", "between", "among",
    "since", "until", "while", "when", "if", "so", "then", "also", "each", "every", "all",
];

/// Plural nouns without a final "s".
#[rustfmt::skip]
pub(super) static IRREGULAR_PLURALS: &[&str] = &[
    "people", "children", "men", "women", "staff", "personnel", "police", "cattle", "sheep",
    "fish", "aircraft", "livestock", "crew",
];

/// Words ending in "s" that are not plural nouns.
#[rustfmt::skip]
pub(super) static NOT_PLURALS: &[&str] = &[
    "was", "has", "its", "this", "his", "hers", "ours", "yours", "theirs", "as", "yes", "plus",
    "thus", "always", "perhaps", "whereas", "towards", "afterwards", "sometimes", "besides",
    "does", "goes", "says", "news", "means", "series", "species",
];

/// Weekdays, which like months may stand before a comma and a day's number.
pub(super) static WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Nouns that count when hyphenated to a number ("a six-part series", "a 12-member
/// panel"), with the plural the count is of.
pub(super) static HYPHEN_COUNTED: &[(&str, &str)] = &[
    ("bed", "beds"),
    ("date", "dates"),
    ("episode", "episodes"),
    ("game", "games"),
    ("member", "members"),
    ("nation", "nations"),
    ("page", "pages"),
    ("part", "parts"),
    ("room", "rooms"),
    ("screen", "screens"),
    ("seat", "seats"),
    ("storey", "storeys"),
    ("track", "tracks"),
];
