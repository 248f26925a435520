//! Benchmark results: one [`SizeReport`] per knowledge base, the targets checked
//! against them, and both printed as JSON lines or as a Markdown table.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::measure::Latency;

/// Everything measured on one knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SizeReport {
    /// Article count for synthetic runs, the corpus folder name for real ones.
    pub label: String,
    /// Articles indexed.
    pub articles: usize,
    /// Sentences indexed.
    pub sentences: usize,
    /// Sentences with a quantity.
    pub facts: usize,
    /// Article text in MB (10^6 bytes).
    pub text_mb: f64,
    /// Full index build, seconds.
    pub build_s: f64,
    /// Build throughput in MB of text per second.
    pub build_mb_s: f64,
    /// Build throughput in articles per second.
    pub build_articles_s: f64,
    /// Median wall time of a fresh `factbot stat` process on the built index.
    pub open_first_answer_ms: f64,
    /// Warm in-process `stat` latency.
    pub stat: Latency,
    /// Warm in-process `ask` latency.
    pub ask: Latency,
    /// Share of `stat` queries answered (the rest: "no matching fact").
    pub answered_share: f64,
    /// Answers per second with `threads` threads.
    pub answers_per_s: f64,
    /// Threads of the throughput measurement.
    pub threads: usize,
    /// Share of `threads` cores the process used during the throughput measurement.
    pub throughput_cpu_share: f64,
    /// Peak resident memory of a process serving this index (VmHWM), MB.
    pub serve_hwm_mb: f64,
    /// Resident memory of that process after answering, MB.
    pub serve_rss_mb: f64,
    /// Of that: heap (RssAnon), MB.
    pub serve_anon_mb: f64,
    /// Of that: mapped index files (RssFile), MB.
    pub serve_file_mb: f64,
    /// Index generation size on disk, MB.
    pub index_mb: f64,
    /// Sync after editing one file, while serving: seconds.
    pub reload_1_file_s: f64,
    /// 1-minute load average when the run started and when it ended; above the core count
    /// other work competed for the CPU and the timings are pessimistic.
    pub load_avg: (f64, f64),
}

/// Which knowledge base a target is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// A synthetic knowledge base of this many articles.
    Articles(usize),
    /// Any real corpus run.
    Corpus,
}

/// One performance target of issue 6.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// Short name, as in the JSON lines.
    pub name: &'static str,
    /// Which run it is checked on.
    pub applies: Applies,
    /// The bound.
    pub limit: f64,
    /// True when the value must be at least `limit`, false when at most.
    pub at_least: bool,
    /// Reads the value from a report.
    pub value: fn(&SizeReport) -> f64,
}

/// The targets for the 2-core reference machine.
pub const TARGETS: &[Target] = &[
    Target {
        name: "stat_p99_ms",
        applies: Applies::Articles(100_000),
        limit: 2.0,
        at_least: false,
        value: |r| r.stat.p99_ms,
    },
    Target {
        name: "ask_p99_ms",
        applies: Applies::Articles(100_000),
        limit: 5.0,
        at_least: false,
        value: |r| r.ask.p99_ms,
    },
    Target {
        name: "stat_p50_ms",
        applies: Applies::Corpus,
        limit: 0.5,
        at_least: false,
        value: |r| r.stat.p50_ms,
    },
    Target {
        name: "ask_p50_ms",
        applies: Applies::Corpus,
        limit: 0.5,
        at_least: false,
        value: |r| r.ask.p50_ms,
    },
    Target {
        name: "build_mb_s",
        applies: Applies::Articles(100_000),
        limit: 20.0,
        at_least: true,
        value: |r| r.build_mb_s,
    },
    Target {
        name: "open_first_answer_ms",
        applies: Applies::Articles(100_000),
        limit: 500.0,
        at_least: false,
        value: |r| r.open_first_answer_ms,
    },
    Target {
        name: "serve_hwm_mb",
        applies: Applies::Articles(100_000),
        limit: 250.0,
        at_least: false,
        value: |r| r.serve_hwm_mb,
    },
    Target {
        name: "reload_1_file_s",
        applies: Applies::Articles(100_000),
        limit: 1.0,
        at_least: false,
        value: |r| r.reload_1_file_s,
    },
    Target {
        name: "answers_per_s",
        applies: Applies::Articles(10_000),
        limit: 4000.0,
        at_least: true,
        value: |r| r.answers_per_s,
    },
];

/// A target checked against a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Target name.
    pub target: String,
    /// Run label it was checked on.
    pub run: String,
    /// Measured value.
    pub value: f64,
    /// The bound, with its direction: "<= 2" or ">= 20".
    pub limit: String,
    /// Met or not.
    pub pass: bool,
}

/// Checks every target whose run is among `reports`; targets for runs not made are left out.
pub fn verdicts(reports: &[SizeReport], corpus_labels: &[String]) -> Vec<Verdict> {
    let mut out = Vec::new();
    for target in TARGETS {
        for report in reports {
            let applies = match target.applies {
                Applies::Articles(n) => report.label == n.to_string(),
                Applies::Corpus => corpus_labels.contains(&report.label),
            };
            if !applies {
                continue;
            }
            let value = (target.value)(report);
            let pass = if target.at_least {
                value >= target.limit
            } else {
                value <= target.limit
            };
            let op = if target.at_least { ">=" } else { "<=" };
            out.push(Verdict {
                target: target.name.to_string(),
                run: report.label.clone(),
                value,
                limit: format!("{op} {}", target.limit),
                pass,
            });
        }
    }
    out
}

/// The reports as a Markdown table, one row per run.
pub fn table(reports: &[SizeReport]) -> String {
    let mut out = String::from(
        "| run | articles | text MB | build s | MB/s | articles/s | open+answer ms | stat p50/p99/max ms | ask p50/p99/max ms | answered | answers/s (2 thr, CPU share) | serve HWM MB (RSS anon+file) | index MB | reload 1 file s | load 1m |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in reports {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {:.2} | {:.1} | {:.0} | {:.0} | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} / {:.2} | {:.0}% | {:.0} ({:.0}%) | {:.0} ({:.0}+{:.0}) | {:.0} | {:.3} | {:.1}→{:.1} |",
            r.label,
            r.articles,
            r.text_mb,
            r.build_s,
            r.build_mb_s,
            r.build_articles_s,
            r.open_first_answer_ms,
            r.stat.p50_ms,
            r.stat.p99_ms,
            r.stat.max_ms,
            r.ask.p50_ms,
            r.ask.p99_ms,
            r.ask.max_ms,
            r.answered_share * 100.0,
            r.answers_per_s,
            r.throughput_cpu_share * 100.0,
            r.serve_hwm_mb,
            r.serve_anon_mb,
            r.serve_file_mb,
            r.index_mb,
            r.reload_1_file_s,
            r.load_avg.0,
            r.load_avg.1,
        );
    }
    out
}

/// The verdicts as lines such as `PASS stat_p99_ms at 100000: 1.20 (<= 2)`.
pub fn verdict_lines(verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    for v in verdicts {
        let _ = writeln!(
            out,
            "{} {} at {}: {:.2} ({})",
            if v.pass { "PASS" } else { "MISS" },
            v.target,
            v.run,
            v.value,
            v.limit
        );
    }
    out
}

/// Lines naming the targets no run checked, e.g. `NOT RUN stat_p99_ms (needs --sizes 100000)`.
pub fn not_run_lines(verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    for target in TARGETS
        .iter()
        .filter(|t| !verdicts.iter().any(|v| v.target == t.name))
    {
        let needs = match target.applies {
            Applies::Articles(n) => format!("--sizes {n}"),
            Applies::Corpus => "--corpus DIR --cases FILE".to_string(),
        };
        let _ = writeln!(out, "NOT RUN {} (needs {needs})", target.name);
    }
    out
}
