//! `factbot eval`: run question cases and score them, following the output contract in
//! `shared/eval/README.md` (one JSON line per case, then a summary line).

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Command, Engine};
use crate::index::IndexError;

/// One case from a cases file.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Case id.
    pub id: String,
    /// `stat` or `ask`.
    pub command: String,
    /// What the user types.
    pub query: String,
    /// File holding the answer (null when there is none).
    pub article: Option<String>,
    /// The right sentence contains one of these.
    #[serde(default)]
    pub expect_any: Vec<String>,
    /// The right reply is "no matching fact".
    #[serde(default)]
    pub expect_none: bool,
    /// Case kind (normal, paraphrase, typo...).
    #[serde(default)]
    pub kind: Option<String>,
}

/// One result line.
#[derive(Debug, Clone, Serialize)]
pub struct ResultItem {
    /// The cited sentence.
    pub text: String,
    /// Article path relative to the knowledge folder.
    pub source: String,
    /// Article title.
    pub title: String,
    /// Ranking score.
    pub score: f32,
}

/// One case's output line.
#[derive(Debug, Clone, Serialize)]
pub struct CaseOutput {
    /// Case id.
    pub id: String,
    /// Command.
    pub command: String,
    /// Query.
    pub query: String,
    /// True when factbot would say "no matching fact".
    pub no_answer: bool,
    /// Time to answer in-process.
    pub micros: u64,
    /// Ranked results, at most 5.
    pub results: Vec<ResultItem>,
}

/// The summary line's content.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Cases run.
    pub cases: usize,
    /// Cases with an answer.
    pub answerable: usize,
    /// Share of answerable cases right at rank 1.
    pub p_at_1: f64,
    /// Share right within the first three.
    pub hit_at_3: f64,
    /// Share of no-answer cases answered "no matching fact".
    pub no_answer_accuracy: f64,
    /// No-answer cases answered with a fact.
    pub false_answers: usize,
    /// Answerable cases wrongly refused.
    pub false_refusals: usize,
    /// Median answer time.
    pub p50_micros: u64,
    /// 99th percentile answer time.
    pub p99_micros: u64,
}

/// How one case went, for `--misses`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Right at rank 1 (or rightly refused).
    Right,
    /// Right within three but not first.
    Hit3,
    /// Wrong.
    Miss,
}

/// Runs one case.
pub fn run_case(engine: &Engine, case: &Case) -> Result<(CaseOutput, Answer), IndexError> {
    let command = if case.command == "ask" {
        Command::Ask
    } else {
        Command::Stat
    };
    let started = Instant::now();
    let answer = engine.answer(command, &case.query, 5)?;
    let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    let results = answer
        .facts
        .iter()
        .take(5)
        .map(|f| ResultItem {
            text: f.text.clone(),
            source: f.citation.article.to_string(),
            title: f.citation.title.clone(),
            score: f.score,
        })
        .collect();
    let output = CaseOutput {
        id: case.id.clone(),
        command: case.command.clone(),
        query: case.query.clone(),
        no_answer: answer.no_answer,
        micros,
        results,
    };
    Ok((output, answer))
}

/// Scores one case's output. Seed cases (whose `article` is a description, not a file name)
/// are checked on the text only.
pub fn verdict(case: &Case, output: &CaseOutput) -> Verdict {
    if case.expect_none {
        return if output.no_answer {
            Verdict::Right
        } else {
            Verdict::Miss
        };
    }
    if output.no_answer {
        return Verdict::Miss;
    }
    let checks_source = case.article.as_deref().is_some_and(|a| !a.contains(' '));
    let right = |r: &ResultItem| {
        let source_ok = !checks_source || case.article.as_deref() == Some(r.source.as_str());
        source_ok && case.expect_any.iter().any(|e| r.text.contains(e.as_str()))
    };
    if output.results.first().is_some_and(right) {
        Verdict::Right
    } else if output.results.iter().take(3).any(right) {
        Verdict::Hit3
    } else {
        Verdict::Miss
    }
}

/// Summarises verdicts and timings.
pub fn summarise(cases: &[Case], outputs: &[CaseOutput]) -> Summary {
    let mut s = Summary {
        cases: cases.len(),
        ..Summary::default()
    };
    let (mut right1, mut right3, mut none_total, mut none_right) = (0usize, 0usize, 0usize, 0usize);
    for (case, output) in cases.iter().zip(outputs) {
        let v = verdict(case, output);
        if case.expect_none {
            none_total += 1;
            if v == Verdict::Right {
                none_right += 1;
            } else {
                s.false_answers += 1;
            }
        } else {
            s.answerable += 1;
            right1 += usize::from(v == Verdict::Right);
            right3 += usize::from(v != Verdict::Miss);
            s.false_refusals += usize::from(output.no_answer);
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { round3(a as f64 / b as f64) };
    s.p_at_1 = ratio(right1, s.answerable);
    s.hit_at_3 = ratio(right3, s.answerable);
    s.no_answer_accuracy = ratio(none_right, none_total);
    let mut times: Vec<u64> = outputs.iter().map(|o| o.micros).collect();
    times.sort_unstable();
    s.p50_micros = percentile(&times, 0.50);
    s.p99_micros = percentile(&times, 0.99);
    s
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The `q`-quantile of sorted values (nearest rank).
pub fn percentile(sorted: &[u64], q: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Parses a cases file (JSON lines; blank lines ignored), naming the line of any bad case.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(article: Option<&str>, expect: &[&str], none: bool) -> Case {
        Case {
            id: "c".into(),
            command: "stat".into(),
            query: "q".into(),
            article: article.map(str::to_string),
            expect_any: expect.iter().map(|s| s.to_string()).collect(),
            expect_none: none,
            kind: None,
        }
    }

    fn output(no_answer: bool, results: &[(&str, &str)]) -> CaseOutput {
        CaseOutput {
            id: "c".into(),
            command: "stat".into(),
            query: "q".into(),
            no_answer,
            micros: 1,
            results: results
                .iter()
                .map(|(text, source)| ResultItem {
                    text: text.to_string(),
                    source: source.to_string(),
                    title: String::new(),
                    score: 0.0,
                })
                .collect(),
        }
    }

    #[test]
    fn verdicts_follow_the_contract() {
        let c = case(Some("a.txt"), &["76%"], false);
        assert_eq!(
            verdict(&c, &output(false, &[("up 76%", "a.txt")])),
            Verdict::Right
        );
        assert_eq!(verdict(&c, &output(false, &[("up 76%", "b.txt")])), Verdict::Miss);
        assert_eq!(
            verdict(&c, &output(false, &[("x", "a.txt"), ("up 76%", "a.txt")])),
            Verdict::Hit3
        );
        assert_eq!(verdict(&c, &output(true, &[("up 76%", "a.txt")])), Verdict::Miss);
        let seed = case(Some("the project knowledge/ article"), &["270 million"], false);
        assert_eq!(
            verdict(&seed, &output(false, &[("270 million people", "x.md")])),
            Verdict::Right
        );
        let none = case(None, &[], true);
        assert_eq!(verdict(&none, &output(true, &[])), Verdict::Right);
        assert_eq!(verdict(&none, &output(false, &[("x", "a")])), Verdict::Miss);
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        assert_eq!(percentile(&[], 0.5), 0);
        assert_eq!(percentile(&[1, 2, 3, 4], 0.5), 2);
        assert_eq!(percentile(&[1, 2, 3, 4], 0.99), 4);
    }
}
