//! Bounded edit distance for typo-tolerant term lookup.

/// True when `a` and `b` are at most `max` edits apart (insert, delete, substitute, or swap
/// two neighbours), computed with a banded dynamic programme that stops early.
pub fn within(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = value;
            row_min = row_min.min(value);
        }
        if row_min > max {
            return false;
        }
    }
    rows[a.len() % 3][b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn typos_are_within_one_or_two_edits() {
        let cases = [
            ("heinekin", "heineken", 1, true),
            ("vidoe", "video", 1, true),
            ("developement", "development", 1, true),
            ("tail", "tale", 1, false),
            ("tail", "tale", 2, true),
            ("iphone", "phone", 1, true),
            ("abc", "abc", 0, true),
            ("", "ab", 1, false),
        ];
        for (a, b, max, expected) in cases {
            assert_eq!(within(a, b, max), expected, "{a} ~ {b} within {max}");
        }
    }
}
