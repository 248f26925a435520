//! Reading the pieces around a number: digit numbers, Chinese numerals,
//! currencies, scale words, units, counted nouns, qualifiers, and the small text helpers the
//! quantity parser walks sentences with.

use std::sync::LazyLock;

use super::tables::*;
use super::{Num, QuantityKind, QuantityKind as K};

/// Reads "1,234.5"-style digits at `i`: (number, end, used thousands separators).
pub(super) fn read_number(s: &str, i: usize) -> (Num, usize, bool) {
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
pub(super) fn read_cjk_number(s: &str, i: usize) -> Option<(Num, usize)> {
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
pub(super) fn currency_before(s: &str, i: usize, floor: usize) -> Option<(usize, &'static str)> {
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
pub(super) fn scale_after(s: &str, end: &mut usize) -> i32 {
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

/// The longest unit phrase at `p`: glued, after a hyphen ("10-year") or after spaces (not a
/// one-letter unit).
pub(super) fn unit_after(s: &str, p: usize, money_only: bool) -> Option<(usize, QuantityKind, &str)> {
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
            // One letter is a unit only glued to the number: "325.5p", not "3 p.m.".
            let letter = |ph: &str| ph.len() == 1 && ph.as_bytes()[0].is_ascii_alphabetic();
            same_first
                .filter(|e| !money_only || e.1 == K::Money)
                .filter(|e| q == p || !letter(e.0))
                .find_map(|&(ph, kind, unit)| {
                    let e = phrase_at(s, q, ph)?;
                    Some((e, kind, if unit == "*" { &s[q..e] } else { unit }))
                })
        })
}

/// The counted noun after a number: "3,300 people", "12 new jobs", "2m monthly active users".
/// Names may stand before it ("five other iTunes users", "two Labour MPs") or be it: an
/// acronym's or a product's plural ("two MEPs", "six million iPods"), or a capitalised
/// plural that ends the phrase ("two Golden Globes", but "two Reuters journalists").
/// `names: false` stops at the first name instead, for numbers that may be part of one
/// ("the 2004 Olympics", "Three Gorges").
pub(super) fn counted_noun(s: &str, p: usize, names: bool) -> Option<&str> {
    let mut q = p;
    // Three common words at most; a name between them is not counted against them ("three
    // Grand Slam mixed doubles titles"), up to six words in all.
    let mut common = 0;
    let mut after_name = false;
    let mut word_start = p;
    for _ in 0..6 {
        if common == 3 {
            return None;
        }
        // A hyphen joins the words of one modifier ("576 million micro-drama users") or
        // noun, which is kept whole ("12 million e-mails", "four co-stars").
        let hyphen =
            q > p && s[q..].starts_with('-') && s.as_bytes().get(q + 1).is_some_and(u8::is_ascii_lowercase);
        let at = if hyphen { q + 1 } else { skip_ws(s, q) };
        if !hyphen {
            word_start = at;
        }
        // A model after its name is part of it: "30 Airbus A320 planes", "Xbox 360 consoles".
        let model = if after_name { model_end(s, at) } else { at };
        if model > at {
            q = model;
            after_name = false;
            continue;
        }
        let w = word_at(s, at);
        if at == q || w.is_empty() {
            return None;
        }
        q = at + w.len();
        after_name = false;
        // A possessive names whose things they are: "eight of the scene's biggest stars".
        let possessive = ["'s", "’s"].iter().find(|p| s[q..].starts_with(**p));
        if let Some(mark) = possessive.filter(|m| !alnum_at(s, q + m.len())) {
            q += mark.len();
            continue;
        }
        if !w.bytes().all(|b| b.is_ascii_lowercase()) {
            if !names {
                return None;
            }
            if is_plural_name(w) && !plural_follows(s, q) && !name_follows(s, q) {
                return Some(w);
            }
            // "A320": letters glued to the model number.
            q = model_end(s, q).max(q);
            after_name = true;
            continue;
        }
        common += 1;
        if is_plural(w) {
            return Some(&s[word_start..q]);
        }
        if FUNCTION_WORDS.contains(&w) {
            return None;
        }
    }
    None
}

/// The end of a model number starting at `i` ("360", "737-800", "A320" from its digits,
/// "200LR"): letters, digits, hyphens and inner dots with at least one digit; `i` when
/// there is none.
fn model_end(s: &str, i: usize) -> usize {
    let rest = s.as_bytes().get(i..).unwrap_or(&[]);
    let len = rest
        .iter()
        .enumerate()
        .take_while(|&(k, &b)| {
            b.is_ascii_alphanumeric()
                || (b == b'-' || b == b'.') && rest.get(k + 1).is_some_and(u8::is_ascii_alphanumeric)
        })
        .count();
    if rest[..len].iter().any(u8::is_ascii_digit) {
        i + len
    } else {
        i
    }
}

/// A name in the plural: an acronym's ("MEPs", "PCs"), a product's ("iPods") or a
/// capitalised one ("Globes", "Oscars", "Baftas"); not "iTunes" or "News", which are
/// singular (a surname in "-as" still passes: "two Tommy Haas").
fn is_plural_name(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    let upper = stem.bytes().filter(u8::is_ascii_uppercase).count();
    let acronym = upper >= 2 && upper == stem.len();
    let product = stem.len() >= 3
        && stem.as_bytes()[0].is_ascii_lowercase()
        && upper == 1
        && stem.as_bytes()[1].is_ascii_uppercase();
    let capitalised = stem.len() >= 3
        && upper == 1
        && stem.as_bytes()[0].is_ascii_uppercase()
        && !["s", "u", "i"].iter().any(|x| stem.ends_with(x));
    (acronym || product || capitalised) && !SINGULAR_NAMES.contains(&w)
}

/// Names that end in "s" without being plurals of a thing counted.
const SINGULAR_NAMES: &[&str] = &[
    "iTunes",
    "Reuters",
    "Airways",
    "Airlines",
    "Times",
    "Industries",
    "Holdings",
    "Sports",
    "Windows",
    "News",
];

/// True when a capitalised word comes next: the plural before it is part of a name ("the
/// Champions League", "Narcotics Anonymous").
fn name_follows(s: &str, p: usize) -> bool {
    let at = skip_ws(s, p);
    at > p && word_at(s, at).starts_with(|c: char| c.is_ascii_uppercase())
}

/// A lowercase plural noun: "jobs", "people" (not "news", "status").
pub(super) fn is_plural(w: &str) -> bool {
    let regular = w.len() > 2 && w.ends_with('s') && !NOT_PLURALS.contains(&w);
    IRREGULAR_PLURALS.contains(&w) || regular && !["ss", "us", "is"].iter().any(|x| w.ends_with(x))
}

/// True when a plural comes next: the name before it is a modifier ("two Reuters
/// journalists", "90 Windows PCs"), not the thing counted ("two MEPs backed it").
fn plural_follows(s: &str, p: usize) -> bool {
    let at = skip_ws(s, p);
    let w = word_at(s, at);
    let lower = w.bytes().all(|b| b.is_ascii_lowercase());
    at > p && (lower && is_plural(w) || !lower && is_plural_name(w))
}

/// The thing counted by a number hyphenated to a noun: "a six-part series" counts parts, "a
/// 2,700-strong audience" the audience. Not "part-time", where the compound goes on.
pub(super) fn hyphen_counted(s: &str, p: usize) -> Option<&str> {
    let at = p + s.get(p..)?.strip_prefix('-').map(|_| 1)?;
    let w = word_at(s, at);
    let end = at + w.len();
    if w.is_empty() || s[end..].starts_with('-') {
        return None;
    }
    if w == "strong" {
        let next = word_at(s, skip_ws(s, end));
        let noun = next.bytes().all(|b| b.is_ascii_lowercase()) && !FUNCTION_WORDS.contains(&next);
        return Some(if noun && !next.is_empty() { next } else { "people" });
    }
    HYPHEN_COUNTED
        .iter()
        .find(|(one, _)| *one == w)
        .map(|(_, many)| *many)
}

/// Words after "N of" that make N a part of a set of things: "500 of its patents".
const PART_OF: &[&str] = &["its", "the", "their", "his", "her", "our", "these", "those"];

/// The noun counted in "500 of its patents" or "10 of its 27 plants": after "of", a
/// determiner and perhaps the size of the whole, what [`counted_noun`] finds.
pub(super) fn counted_after_of(s: &str, p: usize) -> Option<&str> {
    let of = phrase_at(s, skip_ws(s, p), "of")?;
    let at = skip_ws(s, of);
    let determiner = word_at(s, at);
    if at == of || !PART_OF.contains(&determiner) {
        return None;
    }
    let mut q = at + determiner.len();
    let whole = skip_ws(s, q);
    let digits = s
        .as_bytes()
        .get(whole..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b',')
        .count();
    if whole > q && digits > 0 {
        q = whole + digits;
    }
    counted_noun(s, q, true)
}

/// Whether a qualifier ("about", "more than", "约") comes right before `start`.
pub(super) fn qualified(s: &str, start: usize) -> bool {
    qualifier_start(s, start).is_some()
}

/// Where the qualifier ("about", "more than", "约") right before `start` begins, if there is
/// one: "more than 100 billion" is the figure as stated.
pub fn qualifier_start(s: &str, start: usize) -> Option<usize> {
    let head = s.get(..start)?.trim_end();
    QUALIFIERS.iter().find_map(|q| {
        let k = head.len().checked_sub(q.len())?;
        let (before, tail) = (head.get(..k)?, head.get(k..)?);
        let in_word = before.ends_with(|c: char| c.is_ascii_alphabetic());
        // 最近 means "recently", not "nearly".
        (tail.eq_ignore_ascii_case(q) && !in_word && !(*q == "近" && before.ends_with('最'))).then_some(k)
    })
}

/// End of `phrase` if `s[i..]` starts with it (ASCII case ignored) and a word ends there.
pub(super) fn phrase_at(s: &str, i: usize, phrase: &str) -> Option<usize> {
    let end = i + phrase.len();
    let head = s.as_bytes().get(i..end)?;
    let word_end = !phrase.ends_with(|c: char| c.is_ascii_alphanumeric()) || !alnum_at(s, end);
    (head.eq_ignore_ascii_case(phrase.as_bytes()) && word_end).then_some(end)
}

/// Advances `end` past the first of `marks` found there; true if one was.
pub(super) fn eat(s: &str, end: &mut usize, marks: &[&str]) -> bool {
    let found = marks.iter().find(|m| s[*end..].starts_with(*m));
    *end += found.map_or(0, |m| m.len());
    found.is_some()
}

/// The ASCII-letter word just before `i`, skipping spaces and one dot ("No. 1"), and its start.
pub(super) fn word_before(s: &str, i: usize) -> (&str, usize) {
    let head = s[..i].trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    let n = head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    (&head[head.len() - n..], head.len() - n)
}

/// The ASCII-letter word starting at `i` (empty if none).
pub(super) fn word_at(s: &str, i: usize) -> &str {
    let rest = s.get(i..).unwrap_or("");
    &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()]
}

/// Number of ASCII digits starting at byte `i`.
pub(super) fn digits_at(s: &str, i: usize) -> usize {
    let rest = s.as_bytes().get(i..).unwrap_or(&[]);
    rest.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Whether the byte at `i` is an ASCII letter or digit.
pub(super) fn alnum_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// Index after any whitespace at `i`.
pub(super) fn skip_ws(s: &str, i: usize) -> usize {
    skip_chars(s, i, char::is_whitespace)
}

/// First index at or after `i` whose char fails `keep`.
pub(super) fn skip_chars(s: &str, i: usize, keep: impl Fn(char) -> bool) -> usize {
    s[i..].find(|c: char| !keep(c)).map_or(s.len(), |k| i + k)
}

/// End of the id-like token at `i` ("777-200LR", "10:30", "1990s"), to skip it whole.
pub(super) fn token_end(s: &str, i: usize) -> usize {
    skip_chars(s, i, |c| c.is_ascii_alphanumeric() || "-.,:/'+".contains(c))
}

/// Whether `w` is one of `list`, ignoring ASCII case.
pub(super) fn in_list(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Value of `w` in a word table, ignoring ASCII case.
pub(super) fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(x, _)| x.eq_ignore_ascii_case(w)).map(|e| e.1)
}
