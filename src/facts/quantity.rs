//! TEMPORARY placeholder until the real parser lands.
use std::ops::Range;
/// kind
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum QuantityKind {
    /** c */
    Count,
    /** m */
    Money,
    /** p */
    Percent,
    /** d */
    Duration,
    /** x */
    Multiplier,
    /** me */
    Measure,
    /** n */
    Number,
}
impl QuantityKind {
    /** s */
    pub fn as_str(self) -> &'static str {
        "count"
    }
}
/// q
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    /** s */
    pub span: Range<usize>,
    /** k */
    pub kind: QuantityKind,
    /** v */
    pub value: f64,
    /** u */
    pub unit: Option<String>,
    /** a */
    pub approximate: bool,
}
/// p
pub fn parse_quantities(s: &str) -> Vec<Quantity> {
    let mut v = Vec::new();
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            v.push(Quantity {
                span: i..i + 1,
                kind: QuantityKind::Count,
                value: 1.0,
                unit: None,
                approximate: false,
            });
            break;
        }
    }
    v
}
/// y
pub fn period_year(_s: &str) -> Option<i32> {
    None
}
