//! The kinds of figure a sentence can state: counts, money, percentages, durations, ...

/// What a quantity measures; drives matching a query's measure word to the right sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// How many things: "3,300 people", "45 million".
    Count,
    /// An amount of currency; the unit is a code such as "USD".
    Money,
    /// A percentage, or a fraction in words ("half" is 50).
    Percent,
    /// A length of time; the unit is "second", "minute", ..., "year".
    Duration,
    /// A ratio of change: "doubled", "three times", "5-fold".
    Multiplier,
    /// A physical or digital measure: miles, acres, tonnes, GB.
    Measure,
    /// A plain number with nothing saying what it counts.
    Number,
    /// Betting odds: "3/1 favourite", "odds of 25/1"; the value is the fraction (3.0).
    Odds,
    /// The result of a game or match: "won 24-18", "6-4 7-6 (7-4)"; the value is the first
    /// side's.
    Score,
    /// Someone's age in years: "the 23-year-old actress", "Bratman, 26,", "aged 84". Apart
    /// from durations, since "how long" is not answered by an age, nor "how old" by a term.
    Age,
}

impl QuantityKind {
    /// Human name of a kind ("money", "percent", ...), used in explanations and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Money => "money",
            Self::Percent => "percent",
            Self::Duration => "duration",
            Self::Multiplier => "multiplier",
            Self::Measure => "measure",
            Self::Number => "number",
            Self::Age => "age",
            Self::Odds => "odds",
            Self::Score => "score",
        }
    }
}
