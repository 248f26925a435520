//! In-process measurements over an opened engine: answer latency, two-thread throughput,
//! and the process's own memory from `/proc/self/status`.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::BenchError;
use crate::answer::{Command, Engine};

/// Facts per answer, as the CLI's default `-n 3`.
pub const ANSWER_LIMIT: usize = 3;

/// Latency percentiles in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Latency {
    /// Median.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest.
    pub max_ms: f64,
    /// Number of timed answers.
    pub samples: usize,
}

impl Latency {
    /// Percentiles (nearest rank) of `times`.
    pub fn of(mut times: Vec<Duration>) -> Self {
        times.sort_unstable();
        let at = |q: f64| {
            if times.is_empty() {
                return 0.0;
            }
            let rank = ((q * times.len() as f64).ceil() as usize).clamp(1, times.len());
            times[rank - 1].as_secs_f64() * 1e3
        };
        Latency {
            p50_ms: at(0.50),
            p99_ms: at(0.99),
            max_ms: at(1.0),
            samples: times.len(),
        }
    }
}

/// A query as the benchmark sends it: `stat` gets a topic, `ask` a question.
pub type QueryPair = (String, String);

/// Latencies of `stat` and of `ask` over every query, plus the share of `stat` queries that
/// got an answer (a sanity check that the mix has both kinds).
pub fn answer_latencies(
    engine: &Engine,
    queries: &[QueryPair],
) -> Result<(Latency, Latency, f64), BenchError> {
    // Warm caches (mmap pages, allocator) so the numbers describe a serving bot.
    for (topic, question) in queries.iter().take(200) {
        engine.stat(topic, ANSWER_LIMIT)?;
        engine.ask(question, ANSWER_LIMIT)?;
    }
    let mut stat = Vec::with_capacity(queries.len());
    let mut ask = Vec::with_capacity(queries.len());
    let mut answered = 0usize;
    for (topic, question) in queries {
        let started = Instant::now();
        let answer = engine.stat(topic, ANSWER_LIMIT)?;
        stat.push(started.elapsed());
        answered += usize::from(!answer.no_answer);
        let started = Instant::now();
        engine.ask(question, ANSWER_LIMIT)?;
        ask.push(started.elapsed());
    }
    let share = answered as f64 / queries.len().max(1) as f64;
    Ok((Latency::of(stat), Latency::of(ask), share))
}

/// Answers per second with `threads` threads sharing one engine, each going through all
/// queries (alternating `stat` and `ask`) from a different starting point; and the share of
/// `threads` cores the process got meanwhile (near 1: the threads ran in parallel; near
/// 1/threads: they waited, on a lock or for a CPU taken by other work).
pub fn throughput(engine: &Engine, queries: &[QueryPair], threads: usize) -> Result<(f64, f64), BenchError> {
    if queries.is_empty() {
        return Ok((0.0, 0.0));
    }
    let cpu_before = process_cpu_seconds();
    let started = Instant::now();
    let answered: Result<Vec<usize>, BenchError> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || -> Result<usize, BenchError> {
                    let offset = t * queries.len() / threads;
                    for k in 0..queries.len() {
                        let (topic, question) = &queries[(offset + k) % queries.len()];
                        if k % 2 == 0 {
                            engine.answer(Command::Stat, topic, ANSWER_LIMIT)?;
                        } else {
                            engine.answer(Command::Ask, question, ANSWER_LIMIT)?;
                        }
                    }
                    Ok(queries.len())
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err(BenchError::Child("answer thread panicked".into())))
            })
            .collect()
    });
    let total: usize = answered?.iter().sum();
    let wall = started.elapsed().as_secs_f64();
    let cpu = process_cpu_seconds() - cpu_before;
    Ok((total as f64 / wall, cpu / (wall * threads as f64)))
}

/// User plus system CPU time of this process so far, from `/proc/self/stat` (0 elsewhere).
fn process_cpu_seconds() -> f64 {
    // Linux reports clock ticks of 1/100 s (USER_HZ) on every mainstream architecture.
    const TICKS_PER_SECOND: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / TICKS_PER_SECOND
}

/// Memory of this process, in kB, from `/proc/self/status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    /// Peak resident set (VmHWM).
    pub vm_hwm_kb: u64,
    /// Resident set now (VmRSS).
    pub vm_rss_kb: u64,
    /// Of the resident set: heap and other private memory (RssAnon).
    pub rss_anon_kb: u64,
    /// Of the resident set: mapped files, here mostly the index's mmap (RssFile); the kernel
    /// can drop these pages under pressure.
    pub rss_file_kb: u64,
}

/// Reads VmHWM and VmRSS; zeros where `/proc` is unavailable (not Linux).
pub fn own_memory() -> Memory {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    Memory {
        vm_hwm_kb: field("VmHWM:"),
        vm_rss_kb: field("VmRSS:"),
        rss_anon_kb: field("RssAnon:"),
        rss_file_kb: field("RssFile:"),
    }
}

/// The 1-minute load average (0 where `/proc/loadavg` is unavailable).
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// What `factbot bench serve-probe` prints: the memory of a process that only opened the
/// index and answered queries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ProbeReport {
    /// Milliseconds to open the index (sync check included, as the bot does at start).
    pub open_ms: f64,
    /// Answers given.
    pub answers: usize,
    /// Memory after answering.
    pub memory: Memory,
}

/// Answers every query with both commands and reports memory; the caller opened `engine`.
pub fn serve_probe(
    engine: &Engine,
    queries: &[QueryPair],
    open: Duration,
) -> Result<ProbeReport, BenchError> {
    for (topic, question) in queries {
        engine.stat(topic, ANSWER_LIMIT)?;
        engine.ask(question, ANSWER_LIMIT)?;
    }
    Ok(ProbeReport {
        open_ms: open.as_secs_f64() * 1e3,
        answers: queries.len() * 2,
        memory: own_memory(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let times: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let l = Latency::of(times);
        assert_eq!(
            (l.p50_ms, l.p99_ms, l.max_ms, l.samples),
            (50.0, 99.0, 100.0, 100)
        );
        assert_eq!(Latency::of(Vec::new()).max_ms, 0.0);
    }

    #[test]
    fn own_memory_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            let m = own_memory();
            assert!(m.vm_hwm_kb >= m.vm_rss_kb && m.vm_rss_kb > 0);
        }
    }
}
