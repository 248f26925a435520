//! The synthetic knowledge base: N articles of news shape (a title, 8–20 paragraphs of one to
//! four sentences), numbers written in the forms the quantity parser knows, names and topics
//! from [`super::vocab`]. Article `i` depends only on the seed and `i`, so any subset can be
//! regenerated (the reload benchmark restores the article it edits that way).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::rng::Rng;
use super::vocab::{company, company_count, FIRST_NAMES, LAST_NAMES, MONTHS, PLACES, ROLES, SOURCES, TOPICS};
use super::BenchError;

/// Most files per shard folder (large flat folders are slow to list on some filesystems).
pub const SHARD_SIZE: usize = 1000;
/// Written beside the articles; a folder with a matching marker is reused, not regenerated.
pub const MARKER_FILE: &str = "bench-kb.json";
/// Bump when the generated text changes, so stale folders are regenerated.
const GENERATOR_VERSION: u32 = 2;

/// What a generated folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generated {
    /// Generator version.
    pub version: u32,
    /// Number of articles.
    pub articles: usize,
    /// Seed.
    pub seed: u64,
    /// Total bytes of article text.
    pub bytes: u64,
}

/// Writes `articles` articles into `out` (sharded into `shard-NNN/` folders) unless the folder
/// already holds exactly that knowledge base.
pub fn generate(out: &Path, articles: usize, seed: u64) -> Result<Generated, BenchError> {
    if let Some(existing) = read_marker(out) {
        if existing.version == GENERATOR_VERSION && existing.articles == articles && existing.seed == seed {
            return Ok(existing);
        }
    }
    if out.exists() {
        // Only ever delete a folder this generator wrote.
        if !out.join(MARKER_FILE).exists() && fs::read_dir(out).is_ok_and(|mut d| d.next().is_some()) {
            return Err(BenchError::Usage(format!(
                "{} is not empty and was not written by `factbot bench generate`",
                out.display()
            )));
        }
        fs::remove_dir_all(out).map_err(|e| BenchError::io(out, e))?;
    }
    for shard in 0..articles.div_ceil(SHARD_SIZE) {
        let dir = out.join(shard_name(shard));
        fs::create_dir_all(&dir).map_err(|e| BenchError::io(&dir, e))?;
    }
    let bytes = (0..articles)
        .into_par_iter()
        .map(|i| write_article(out, seed, i))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    let generated = Generated {
        version: GENERATOR_VERSION,
        articles,
        seed,
        bytes,
    };
    let marker = out.join(MARKER_FILE);
    fs::write(&marker, serde_json::to_vec(&generated)?).map_err(|e| BenchError::io(&marker, e))?;
    Ok(generated)
}

fn read_marker(out: &Path) -> Option<Generated> {
    serde_json::from_slice(&fs::read(out.join(MARKER_FILE)).ok()?).ok()
}

fn shard_name(shard: usize) -> String {
    format!("shard-{shard:03}")
}

/// Writes article `i` (again) and returns its size in bytes.
pub fn write_article(out: &Path, seed: u64, i: usize) -> Result<u64, BenchError> {
    let path = article_path(out, i);
    let text = article_text(seed, i);
    fs::write(&path, &text).map_err(|e| BenchError::io(&path, e))?;
    Ok(text.len() as u64)
}

/// Where article `i` lives: every fifth is Markdown with front matter, the rest plain text.
pub fn article_path(out: &Path, i: usize) -> PathBuf {
    let ext = if i % 5 == 4 { "md" } else { "txt" };
    out.join(shard_name(i / SHARD_SIZE))
        .join(format!("article-{i:06}.{ext}"))
}

/// The full text of article `i`.
pub fn article_text(seed: u64, i: usize) -> String {
    let mut rng = Rng::new(seed, i as u64);
    let ctx = Context {
        company: company(rng.skewed(company_count())),
        rival: company(rng.range(0, company_count() as u64 - 1) as usize),
        topic: TOPICS[rng.skewed(TOPICS.len())],
        place: rng.pick(PLACES),
        person: format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)),
        year: 2015 + rng.range(0, 10) as u32,
    };
    let title = title(&mut rng, &ctx);
    let mut text = String::with_capacity(3200);
    if i % 5 == 4 {
        let _ = write!(
            text,
            "---\ntitle: \"{title}\"\npublisher: {}\npublished: {}-{:02}-{:02}\ntags: [{}]\n---\n\n",
            rng.pick(SOURCES),
            ctx.year,
            rng.range(1, 12),
            rng.range(1, 28),
            ctx.topic
        );
    } else {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    for p in 0..rng.range(8, 20) {
        if p > 0 {
            text.push_str("\n\n");
        }
        for s in 0..rng.range(1, 4) {
            if s > 0 {
                text.push(' ');
            }
            sentence(&mut rng, &ctx, &mut text);
        }
    }
    text.push('\n');
    text
}

/// What one article is about.
struct Context {
    company: String,
    rival: String,
    topic: &'static str,
    place: &'static str,
    person: String,
    year: u32,
}

fn title(rng: &mut Rng, c: &Context) -> String {
    let verb = rng.pick(&["rises", "falls", "jumps", "slides", "doubles", "stalls"]);
    match rng.range(0, 3) {
        0 => format!("{} {} revenue {verb} in {}", c.company, c.topic, c.place),
        1 => format!(
            "{} boom lifts {} as viewers grow",
            capitalised(c.topic),
            c.company
        ),
        2 => format!("{} bets on {} in {}", c.company, c.topic, c.place),
        _ => format!(
            "{} audience {verb} as {} and {} compete",
            capitalised(c.topic),
            c.company,
            c.rival
        ),
    }
}

/// Appends one sentence; about two in three carry a quantity.
fn sentence(rng: &mut Rng, c: &Context, out: &mut String) {
    let (co, topic, place, year) = (&c.company, c.topic, c.place, c.year);
    let s = match rng.range(0, 14) {
        0 => format!(
            "{co} said its {topic} revenue rose {} to {} in {year}.",
            percent(rng),
            money(rng)
        ),
        1 => format!(
            "Quarterly profits at {co} jumped {} to {} for the three months to {}, from {} a year earlier.",
            percent(rng),
            money(rng),
            rng.pick(MONTHS),
            money(rng)
        ),
        2 => format!(
            "About {} people in {place} watch {topic} every day, according to {}.",
            count(rng),
            rng.pick(SOURCES)
        ),
        3 => format!(
            "{co} now has {} subscribers for its {topic} service, up from {} in {}.",
            count(rng),
            count(rng),
            year - 1
        ),
        4 => format!("{co} holds {} of the {place} {topic} market.", percent(rng)),
        5 => format!(
            "Users spend an average of {} minutes a day on {topic} apps, {} said.",
            rng.range(12, 180),
            c.person
        ),
        6 => format!(
            "Sales of {topic} in {place} {} over {} years.",
            rng.pick(&["doubled", "tripled", "grew three times", "grew 5-fold"]),
            rng.pick(&["two", "three", "five"])
        ),
        7 => format!(
            "The company employs {} staff across {} countries and plans to invest {} in {topic}.",
            thousands(rng.range(300, 90_000)),
            rng.range(3, 60),
            money(rng)
        ),
        8 => format!(
            "Nearly {} of {topic} viewers in {place} are women, {} found.",
            rng.pick(&["half", "a third", "three quarters", "40 per cent"]),
            rng.pick(SOURCES)
        ),
        9 => format!(
            "{} has {} users, while advertising sales reached {}.",
            c.rival,
            count(rng),
            money(rng)
        ),
        10 => format!(
            "{}, {} of {co}, said the company would keep investing in {topic}.",
            c.person,
            rng.pick(ROLES)
        ),
        11 => format!("Analysts said competition in {topic} was intensifying across {place}."),
        12 => format!("Regulators in {place} are reviewing the rules for {topic} and related services."),
        13 => format!("{co} declined to comment on its plans for {place}."),
        _ => format!("Shares in {co} and {} were little changed.", c.rival),
    };
    out.push_str(&s);
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "12.5%" or "40 per cent".
fn percent(rng: &mut Rng) -> String {
    let whole = rng.range(1, 95);
    match rng.range(0, 2) {
        0 => format!("{whole}.{}%", rng.range(1, 9)),
        1 => format!("{whole}%"),
        _ => format!("{whole} per cent"),
    }
}

/// "$1.13bn", "£600m", "7.5bn euros", "50.44 billion yuan", "US$45 million".
fn money(rng: &mut Rng) -> String {
    let a = rng.range(1, 99);
    let b = rng.range(1, 99);
    match rng.range(0, 4) {
        0 => format!("${}.{b:02}bn", a % 20 + 1),
        1 => format!("£{}m", a * 10),
        2 => format!("{}.{}bn euros", a % 12 + 1, b % 10),
        3 => format!("{a}.{b:02} billion yuan"),
        _ => format!("US${a} million"),
    }
}

/// "270 million", "1.2 billion" or "3,300".
fn count(rng: &mut Rng) -> String {
    match rng.range(0, 2) {
        0 => format!("{} million", rng.range(2, 900)),
        1 => format!("{}.{} billion", rng.range(1, 3), rng.range(1, 9)),
        _ => thousands(rng.range(1_100, 990_000)),
    }
}

/// A number with thousands separators.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{parse_quantities, split_sentences};

    #[test]
    fn articles_are_reproducible_and_news_shaped() {
        let text = article_text(42, 7);
        assert_eq!(text, article_text(42, 7));
        assert_ne!(text, article_text(43, 7));
        let paragraphs = text.split("\n\n").count() - 1;
        assert!((8..=20).contains(&paragraphs), "{paragraphs} paragraphs");
    }

    #[test]
    fn most_generated_sentences_carry_a_parsed_quantity() {
        let mut sentences = 0;
        let mut facts = 0;
        for i in 0..50 {
            let text = article_text(1, i);
            for paragraph in text.split("\n\n").skip(1) {
                for range in split_sentences(paragraph) {
                    sentences += 1;
                    facts += usize::from(!parse_quantities(&paragraph[range]).is_empty());
                }
            }
        }
        assert!(facts * 2 > sentences, "{facts} facts in {sentences} sentences");
    }

    #[test]
    fn thousands_get_separators() {
        assert_eq!(thousands(3300), "3,300");
        assert_eq!(thousands(990_000), "990,000");
        assert_eq!(thousands(300), "300");
    }
}
