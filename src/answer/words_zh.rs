//! Chinese measure words: what kind of figure a Chinese query asks for ("用户" a count,
//! "市场规模" money, "时长" a duration). Queries are segmented finely (jieba, then the index
//! analyser), so two-character compounds often arrive as two words and are matched as pairs.

use crate::facts::QuantityKind;

/// Single words and the kinds of quantity they ask for.
const MEASURES: &[(&str, &[QuantityKind])] = {
    use QuantityKind::{Count, Duration, Money, Percent};
    &[
        ("用户", &[Count, Percent]),
        ("观众", &[Count]),
        ("人数", &[Count]),
        ("下载量", &[Count]),
        ("收入", &[Money]),
        ("营收", &[Money]),
        ("利润", &[Money]),
        ("票房", &[Money]),
        ("比例", &[Percent]),
        ("占比", &[Percent]),
        ("份额", &[Percent]),
        ("时长", &[Duration]),
    ]
};

/// The quantity kinds a Chinese `word` asks for, if it is a measure word.
pub fn measure_kinds(word: &str) -> Option<&'static [QuantityKind]> {
    MEASURES.iter().find(|(w, _)| *w == word).map(|(_, kinds)| *kinds)
}

/// Two-word Chinese phrases that ask for a kind of quantity, as the segmenter splits them:
/// 市场规模 (market size), 用户规模 (user base), 营收 (revenue), 时长 (time spent).
pub fn question_kinds(first: &str, second: &str) -> Option<&'static [QuantityKind]> {
    use QuantityKind::{Count, Duration, Money, Percent};
    match (first, second) {
        ("市场", "规模") => Some(&[Money]),
        ("用户", "规模") => Some(&[Count]),
        ("营", "收") => Some(&[Money]),
        ("时", "长") => Some(&[Duration]),
        ("占", "比") => Some(&[Percent]),
        _ => None,
    }
}
