//! The first stage for quantities written in words: spelled numbers, fractions, multipliers,
//! vague amounts ("dozens"), "a decade", and their Chinese forms.

use super::reading::*;
use super::tables::*;
use super::{Core, K};

/// Reads a number word or phrase: spelled numbers, fractions, multipliers, vague amounts.
pub(super) fn word_core(s: &str, start: usize, mend: usize) -> Result<Core, usize> {
    let w = &s[start..mend];
    let mut core = Core::word(start, mend);
    let fold = w.len().checked_sub(4).and_then(|k| w.get(k..));
    let fold = fold.filter(|f| f.eq_ignore_ascii_case("fold"));
    let fraction = w.split_once([' ', '-']).and_then(|(n, d)| {
        let singular = d.trim_end_matches(['s', 'S']);
        Some((n, singular.len() < d.len(), lookup(FRACTION_WORDS, singular)?))
    });
    if let Some(v) = lookup(ORDINAL_WORDS, w) {
        if !super::around::counts_as_ordinal(s, start, mend) {
            return Err(mend);
        }
        (core.value, core.fixed) = (v, Some(K::Count));
    } else if let Some(v) = lookup(MULTIPLIER_WORDS, w) {
        // "has twice tried", "double-faults twice": occurrences, not a multiple.
        if w.eq_ignore_ascii_case("twice") && !super::around::compares_after(s, mend) {
            return Err(mend);
        }
        (core.value, core.fixed) = (v, Some(K::Multiplier));
    } else if let Some(f) = fold {
        let n = w[..w.len() - f.len()].trim_end_matches('-');
        let v = lookup(NUMBER_WORDS, n).or(lookup(SCALE_WORDS, n)).ok_or(mend)?;
        (core.value, core.fixed) = (v, Some(K::Multiplier));
    } else if w.eq_ignore_ascii_case("half") {
        return half(s, core);
    } else if w
        .get(2..)
        .is_some_and(|u| u.eq_ignore_ascii_case("decade") || u.eq_ignore_ascii_case("century"))
    {
        // "a decade", "a century": one of the unit that follows.
        (core.value, core.end) = (1.0, start + 1);
    } else if let Some((n, plural, den)) = fraction {
        let n = if in_list(n, &["a", "an"]) {
            1.0
        } else {
            lookup(NUMBER_WORDS, n).ok_or(mend)?
        };
        // A singular fraction needs "of", a noun of ownership ("a quarter stake") or no word
        // after it: "a third term" is an ordinal.
        let after = word_at(s, skip_ws(s, mend));
        let fraction_follows =
            after.is_empty() || after.eq_ignore_ascii_case("of") || in_list(after, OWNERSHIP_NOUNS);
        // "a half-baked song", "a quarter-of-an-hour": part of a word, no share. "Two
        // quarters ahead" are periods.
        let hyphenated = s[mend..].starts_with('-');
        if plural != (n > 1.0) || !(plural || fraction_follows) || hyphenated || n == 2.0 && den == 4.0 {
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
/// quantity at all in "the second half", "half-time" and the rugby positions "fly-half" and
/// "scrum-half".
fn half(s: &str, mut core: Core) -> Result<Core, usize> {
    let ordinal = ["the", "first", "second", "a", "an", "other", "latter", "each"];
    // A half of a pitch or a table: "in their own half", "the bottom half".
    let part = ["own", "bottom", "top", "upper", "lower"];
    let before = word_before(s, core.start).0;
    if in_list(before, &ordinal)
        || in_list(before, &part)
        || s[core.end..].starts_with('-')
        || s[..core.start].ends_with('-')
        || word_at(s, skip_ws(s, core.end)).eq_ignore_ascii_case("time")
    {
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
pub(super) fn cjk_core(s: &str, start: usize, mend: usize) -> Result<Core, usize> {
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
        let half = (last.is_some() && w.eq_ignore_ascii_case("and"))
            .then(|| and_a_half(s, e))
            .flatten();
        match (lookup(NUMBER_WORDS, w), lookup(SCALE_WORDS, w)) {
            // "twenty five" / "twenty-five", but not "five six" or "twenty thirty".
            (Some(n), _) if last.is_none_or(|l| l >= 20.0 && n < 10.0) => (cur, last) = (cur + n, Some(n)),
            (_, Some(100.0)) if last.is_some() => (cur, last) = (cur * 100.0, None),
            (_, Some(x)) if last.is_some() || cur > 0.0 && x > 100.0 => {
                (total, cur, scaled, last) = (total + cur * x, 0.0, true, None);
            }
            _ if article => (cur, last) = (1.0, Some(1.0)),
            // "two and a half years", "one-and-a-half million", "three-and-a-half-year".
            _ if half.is_some() => {
                let half_end = half.unwrap_or(e); // Some: checked by the guard
                (cur, last, end) = (cur + 0.5, Some(0.5), half_end);
                j = next_word(s, half_end);
                if j == half_end {
                    break;
                }
                continue;
            }
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
        j = next_word(s, e);
        if j == e {
            break;
        }
    }
    (end > i).then_some((total + cur, end, scaled))
}

/// Start of the word after the one ending at `e`, past a hyphen or spaces.
fn next_word(s: &str, e: usize) -> usize {
    if s[e..].starts_with('-') {
        e + 1
    } else {
        skip_ws(s, e)
    }
}

/// End of "a half" after the "and" ending at `e` ("two and a half"), if it follows.
fn and_a_half(s: &str, e: usize) -> Option<usize> {
    let a = next_word(s, e);
    if a == e || word_at(s, a) != "a" {
        return None;
    }
    let half = next_word(s, a + 1);
    if half == a + 1 {
        return None;
    }
    phrase_at(s, half, "half")
}
