//! Varied benchmark queries from the generator's vocabularies: most name a company, topic,
//! place and measure the knowledge base uses; about one in five uses words it never uses
//! (no answer, and typo correction runs), and some carry a typo.

use super::rng::Rng;
use super::vocab::{company, company_count, MEASURES, PLACES, TOPICS, UNKNOWN_WORDS};

/// `n` queries for `seed`, each phrased for `stat` (a topic) and for `ask` (a question).
pub fn generate_queries(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed ^ 0x5155_4552_5953, 0);
    (0..n).map(|_| one_query(&mut rng)).collect()
}

fn one_query(rng: &mut Rng) -> (String, String) {
    let co = company(rng.skewed(company_count()));
    let topic = TOPICS[rng.skewed(TOPICS.len())];
    let place = rng.pick(PLACES);
    let (measure, _) = rng.pick(MEASURES);
    match rng.range(0, 9) {
        0 | 1 => (
            format!("{co} {topic} {measure}"),
            format!("What was the {measure} of {co} in {topic}?"),
        ),
        2 | 3 => (
            format!("{place} {topic} {measure}"),
            format!("How many {topic} {measure} are there in {place}?"),
        ),
        4 => (
            format!("{co} {measure}"),
            format!("How big is {co} {measure} now?"),
        ),
        5 => (
            format!("{topic} market share {place}"),
            format!("What share of the {place} {topic} market does {co} hold?"),
        ),
        6 => {
            let typo = with_typo(rng, &co);
            (
                format!("{typo} {measure}"),
                format!("What did {typo} report for {measure}?"),
            )
        }
        _ => {
            let a = rng.pick(UNKNOWN_WORDS);
            let b = rng.pick(UNKNOWN_WORDS);
            (
                format!("{a} {b} {measure}"),
                format!("How many {measure} does {a} {b} have?"),
            )
        }
    }
}

/// Swaps two adjacent letters inside the first word.
fn with_typo(rng: &mut Rng, name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let first_word = chars.iter().position(|c| *c == ' ').unwrap_or(chars.len());
    if first_word > 3 {
        let at = rng.range(1, first_word as u64 - 2) as usize;
        chars.swap(at, at + 1);
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_reproducible_and_varied() {
        let a = generate_queries(300, 9);
        assert_eq!(a, generate_queries(300, 9));
        let mut distinct: Vec<_> = a.iter().map(|(s, _)| s.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert!(distinct.len() > 200, "only {} distinct", distinct.len());
    }
}
