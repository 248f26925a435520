//! Which language an article is in, when its metadata does not say: by the share of Han
//! characters among its letters. Front matter, page metadata and sidecars win over this.

use super::article::Paragraph;

/// Share of Han characters among letters above which an article is Chinese. News in Chinese
/// quotes Latin names and brands, and a Latin word counts several letters to a Han word's one or
/// two, so the bar is well under a half.
const CHINESE_SHARE: f64 = 0.2;

/// Share of ASCII letters among letters above which an article is English.
const ENGLISH_SHARE: f64 = 0.9;

/// True for Han ideographs (and the ideographic zero): the characters Chinese words are
/// made of, segmented by jieba in the index.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3007}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
            | '\u{20000}'..='\u{3134f}'
    )
}

/// Letters read to tell the language: plenty for a share, and the whole of most articles,
/// while a long one no longer costs a pass over all its text (2.5% of a large build).
const SAMPLE_LETTERS: usize = 4_000;

/// `zh` for mostly-Han text, `en` for text in ASCII letters, `None` when neither is clear;
/// judged on the title and the first `SAMPLE_LETTERS` letters.
pub fn detect_language(title: &str, paragraphs: &[Paragraph]) -> Option<String> {
    let (mut han, mut ascii, mut letters) = (0usize, 0usize, 0usize);
    let texts = std::iter::once(title).chain(paragraphs.iter().map(|p| p.text.as_str()));
    let sample = texts
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .take(SAMPLE_LETTERS);
    for c in sample {
        letters += 1;
        han += usize::from(is_han(c));
        ascii += usize::from(c.is_ascii_alphabetic());
    }
    if letters == 0 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // counts of letters in one article
    let share = |n: usize| n as f64 / letters as f64;
    if share(han) >= CHINESE_SHARE {
        Some("zh".into())
    } else if share(ascii) >= ENGLISH_SHARE {
        Some("en".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Vec<Paragraph> {
        vec![Paragraph {
            text: text.into(),
            line: 1,
            page: None,
        }]
    }

    #[test]
    fn language_follows_the_share_of_han_characters() {
        let cases = [
            ("快手副总裁刘震表示，目前每天有2.7亿人在快手看短剧。", Some("zh")),
            (
                "Kuaishou (快手) said 270 million people watch short dramas daily.",
                Some("en"),
            ),
            (
                "据Sensor Tower统计，ReelShort和DramaBox的下载量领先。",
                Some("zh"),
            ),
            ("Число зрителей выросло.", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect_language("", &para(text)).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn only_the_opening_letters_are_read() {
        let english = "word ".repeat(SAMPLE_LETTERS / 4 + 1);
        let text = format!("{english}{}", "中文".repeat(SAMPLE_LETTERS));
        assert_eq!(detect_language("", &para(&text)).as_deref(), Some("en"));
        let text = format!("{}{english}", "中文".repeat(SAMPLE_LETTERS));
        assert_eq!(detect_language("", &para(&text)).as_deref(), Some("zh"));
    }
}
