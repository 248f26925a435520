//! The period a sentence states for its figures: the year it names ("in 2004", "2023年").

use super::reading::{counted_noun, digits_at, in_list, scale_after, unit_after, word_before};
use super::tables::{MONTHS, YEAR_WORDS};

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
        if fallback.is_none() && !quantity && counted_noun(s, i, false).is_none() {
            fallback = Some(year);
        }
    }
    fallback
}
