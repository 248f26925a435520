//! Which report a sentence attributes its figure to ("according to the X Report (2024)").

use std::sync::LazyLock;

use regex::Regex;

/// Names of reports cited in a sentence: a quoted title, or a capitalised name ending in
/// Report/Survey/White Paper/Study, optionally followed by a year in brackets.
static REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        [“"《]([^”"》]{6,160}?(?:Report|Survey|White\ Paper|Study|Index|报告|白皮书)[^”"》]{0,16})[”"》]
        | ((?:[A-Z][\w&'-]*\ (?:of\ |on\ |the\ |and\ |for\ )*){1,12}(?:Report|Survey|White\ Paper|Study)(?:\ \(\d{4}\))?)
        "#,
    )
    .expect("report pattern is valid")
});

/// The report named in `sentence`, if it names one.
pub fn attributed_report(sentence: &str) -> Option<String> {
    let caps = REPORT.captures(sentence)?;
    let name = caps.get(1).or_else(|| caps.get(2))?.as_str().trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_found_in_quotes_brackets_and_title_case() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "According to the \"China Online Audiovisual Development Research Report (2024)\", use averaged 151 minutes.",
                Some("China Online Audiovisual Development Research Report (2024)"),
            ),
            ("据《中国网络视听发展研究报告（2024）》显示，用户达10亿。", Some("中国网络视听发展研究报告（2024）")),
            (
                "The Global Entertainment Survey found 40% of viewers paid.",
                Some("The Global Entertainment Survey"),
            ),
            ("Profits rose 76% to $1.13bn.", None),
            ("The report said sales fell.", None),
        ];
        for (sentence, expected) in cases {
            assert_eq!(attributed_report(sentence).as_deref(), *expected, "{sentence}");
        }
    }
}
