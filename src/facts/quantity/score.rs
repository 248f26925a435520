//! Results of games and matches: "won 24-18", "9-8 down", "a 2-2 draw", and tennis sets
//! with their tie-breaks ("6-4 7-6 (7-4)"), read as one figure.

use super::reading::*;
use super::{Core, K};

/// Most digits on either side of a score: "310-290" is a vote, "2004-05" a season.
const MAX_DIGITS: usize = 3;

/// A score starting with the digits at `i..end`: two numbers of up to three digits joined
/// by a dash, with no unit, percent or scale after them. The second is no higher than the
/// first ("24-18", "2-2"), or more sets follow ("3-6 7-6"): a glued pair that rises on its
/// own is a range ("aged 18-24"). Sets and tie-breaks that follow join the span.
pub(super) fn score_at(s: &str, i: usize, end: usize) -> Option<Core> {
    let (first, second, mut stop) = pair_at(s, i, end)?;
    let mut sets = 1;
    loop {
        let at = skip_chars(s, stop, |c| c == ' ');
        let bracketed = s[at..].starts_with('(');
        let from = at + usize::from(bracketed);
        let Some((_, _, e)) = (at > stop || bracketed)
            .then(|| pair_at(s, from, from + digits_at(s, from)))
            .flatten()
        else {
            break;
        };
        if bracketed && !s[e..].starts_with(')') {
            break;
        }
        stop = e + usize::from(bracketed);
        sets += 1;
    }
    (second <= first || sets > 1).then(|| Core {
        start: i,
        end: stop,
        value: first,
        raw: first,
        int: true,
        fixed: Some(K::Score),
        ..Core::default()
    })
}

/// The numbers of a glued pair "N-M" whose first digits are at `i..end`, and its end.
fn pair_at(s: &str, i: usize, end: usize) -> Option<(f64, f64, usize)> {
    let dash = s[end..].chars().next().filter(|c| *c == '-' || *c == '–')?;
    let at = end + dash.len_utf8();
    let n = digits_at(s, at);
    let sizes = 1..=MAX_DIGITS;
    if !sizes.contains(&(end - i)) || !sizes.contains(&n) {
        return None;
    }
    let stop = at + n;
    // "10-15%", "1-2bn", "3-1-0", "2-1.5", "24-18pts": not a plain score.
    let rest = &s[stop..];
    if alnum_at(s, stop)
        || rest.starts_with(['%', '-', '–', '/'])
        || rest.starts_with(['.', ',']) && digits_at(s, stop + 1) > 0
    {
        return None;
    }
    Some((s[i..end].parse().ok()?, s[at..stop].parse().ok()?, stop))
}
