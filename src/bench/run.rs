//! One benchmark run over one knowledge base: full build, cold open in a child process,
//! warm in-process latency and throughput, serving memory in a child process, index size,
//! and an incremental reload of one edited file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use super::generate::{article_path, generate};
use super::measure::{answer_latencies, load_average, throughput, ProbeReport, QueryPair};
use super::queries::generate_queries;
use super::report::SizeReport;
use super::BenchError;
use crate::answer::Engine;
use crate::index::{dir_size, sync, DataDir, SyncMode, SyncOptions};

/// Times a cold start is repeated; the median is reported.
const COLD_RUNS: usize = 3;
/// Threads for the throughput measurement (the target machine has two cores).
const THREADS: usize = 2;
/// Appended to the edited article in the reload measurement.
const EDIT: &str = "\n\nUpdate: subscribers rose 12% to 4,500 in the latest quarter.\n";

/// Where and how to run.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Holds generated knowledge bases (`kb-N/`), indexes (`index-LABEL/`) and query files.
    pub work_dir: PathBuf,
    /// Timed queries per size (each is asked as `stat` and as `ask`).
    pub queries: usize,
    /// Seed of the knowledge base and the queries.
    pub seed: u64,
    /// The `factbot` binary, spawned for the cold-start and memory measurements.
    pub exe: PathBuf,
}

/// Generates (or reuses) a synthetic knowledge base of `articles` and measures it.
pub fn run_size(config: &RunConfig, articles: usize) -> Result<SizeReport, BenchError> {
    let knowledge = config.work_dir.join(format!("kb-{articles}"));
    let started = Instant::now();
    generate(&knowledge, articles, config.seed)?;
    tracing::info!(
        articles,
        took_s = started.elapsed().as_secs_f64(),
        "knowledge base ready"
    );
    let queries = generate_queries(config.queries, config.seed);
    measure(
        config,
        &articles.to_string(),
        &knowledge,
        &article_path(&knowledge, 0),
        &queries,
    )
}

/// Measures a real corpus with the queries of a cases file (repeated up to `config.queries`).
/// The corpus is copied into the work folder first, because the reload step edits a file.
pub fn run_corpus(config: &RunConfig, corpus: &Path, cases: &Path) -> Result<SizeReport, BenchError> {
    let text = fs::read_to_string(cases).map_err(|e| BenchError::io(cases, e))?;
    let cases = crate::eval::parse_cases(&text)
        .map_err(|e| BenchError::Usage(format!("{}: {e}", cases.display())))?;
    if cases.is_empty() {
        return Err(BenchError::Usage("the cases file has no cases".into()));
    }
    let label = corpus
        .file_name()
        .map_or_else(|| "corpus".to_string(), |n| n.to_string_lossy().into_owned());
    let knowledge = config.work_dir.join(format!("corpus-{label}"));
    if knowledge.exists() {
        fs::remove_dir_all(&knowledge).map_err(|e| BenchError::io(&knowledge, e))?;
    }
    let first = copy_dir(corpus, &knowledge)?
        .ok_or_else(|| BenchError::Usage(format!("{} holds no .txt or .md file", corpus.display())))?;
    let queries: Vec<QueryPair> = cases
        .iter()
        .cycle()
        .take(config.queries.max(cases.len()))
        .map(|c| (c.query.clone(), c.query.clone()))
        .collect();
    measure(config, &label, &knowledge, &first, &queries)
}

fn measure(
    config: &RunConfig,
    label: &str,
    knowledge: &Path,
    edit: &Path,
    queries: &[QueryPair],
) -> Result<SizeReport, BenchError> {
    let load_before = load_average();
    let data_path = config.work_dir.join(format!("index-{label}"));
    if data_path.exists() {
        fs::remove_dir_all(&data_path).map_err(|e| BenchError::io(&data_path, e))?;
    }
    let data = DataDir::new(&data_path);

    // Full build from nothing: what a first start or `factbot index --full` costs.
    let full = SyncOptions {
        mode: SyncMode::Full,
        ..SyncOptions::default()
    };
    let started = Instant::now();
    let built = sync(knowledge, &data, None, &full)?;
    let build = started.elapsed();
    let index = built
        .index
        .ok_or_else(|| BenchError::Child("the build opened no index".into()))?;
    let generation = built.generation.clone();
    tracing::info!(label, build_s = build.as_secs_f64(), "index built");

    let queries_file = config.work_dir.join(format!("queries-{label}.tsv"));
    let lines: String = queries.iter().map(|(s, a)| format!("{s}\t{a}\n")).collect();
    fs::write(&queries_file, lines).map_err(|e| BenchError::io(&queries_file, e))?;

    let open = cold_open(config, knowledge, &data_path, &queries[0].0)?;
    let probe = probe(config, knowledge, &data_path, &queries_file)?;

    let engine = Engine::new(index);
    let (stat, ask, answered) = answer_latencies(&engine, queries)?;
    let (answers_per_s, cpu_share) = throughput(&engine, queries, THREADS)?;

    // Reload as the bot does: sync while serving `generation`, then swap.
    let original = fs::read(edit).map_err(|e| BenchError::io(edit, e))?;
    let mut edited = original.clone();
    edited.extend_from_slice(EDIT.as_bytes());
    fs::write(edit, &edited).map_err(|e| BenchError::io(edit, e))?;
    let started = Instant::now();
    let reloaded = sync(knowledge, &data, Some(&generation), &SyncOptions::default());
    let reload = started.elapsed();
    fs::write(edit, &original).map_err(|e| BenchError::io(edit, e))?;
    let reloaded = reloaded?;
    if reloaded.changes.changed.len() != 1 {
        return Err(BenchError::Child(format!(
            "reload saw {} changed file(s), expected 1",
            reloaded.changes.changed.len()
        )));
    }
    if let Some(index) = reloaded.index {
        engine.swap(index);
    }

    let text_mb = built.after.text_bytes as f64 / 1e6;
    Ok(SizeReport {
        label: label.to_string(),
        articles: built.after.articles,
        sentences: built.after.sentences,
        facts: built.after.facts,
        text_mb,
        build_s: build.as_secs_f64(),
        build_mb_s: text_mb / build.as_secs_f64(),
        build_articles_s: built.after.articles as f64 / build.as_secs_f64(),
        open_first_answer_ms: open.as_secs_f64() * 1e3,
        stat,
        ask,
        answered_share: answered,
        answers_per_s,
        threads: THREADS,
        throughput_cpu_share: cpu_share,
        serve_hwm_mb: probe.memory.vm_hwm_kb as f64 / 1024.0,
        serve_rss_mb: probe.memory.vm_rss_kb as f64 / 1024.0,
        serve_anon_mb: probe.memory.rss_anon_kb as f64 / 1024.0,
        serve_file_mb: probe.memory.rss_file_kb as f64 / 1024.0,
        index_mb: dir_size(&generation) as f64 / 1e6,
        reload_1_file_s: reload.as_secs_f64(),
        load_avg: (load_before, load_average()),
    })
}

/// Median wall time of `factbot stat QUERY` as a fresh process on the built index.
fn cold_open(config: &RunConfig, knowledge: &Path, data: &Path, query: &str) -> Result<Duration, BenchError> {
    let mut times = Vec::with_capacity(COLD_RUNS);
    for _ in 0..COLD_RUNS {
        let started = Instant::now();
        let status = Process::new(&config.exe)
            .arg("stat")
            .arg(query)
            .arg("--knowledge")
            .arg(knowledge)
            .arg("--index")
            .arg(data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| BenchError::io(&config.exe, e))?;
        times.push(started.elapsed());
        // 0: answered, 1: no matching fact; anything else is a failure.
        if !matches!(status.code(), Some(0 | 1)) {
            return Err(BenchError::Child(format!("`factbot stat` exited with {status}")));
        }
    }
    times.sort_unstable();
    Ok(times[times.len() / 2])
}

/// Runs `factbot bench serve-probe` and reads its report line.
fn probe(
    config: &RunConfig,
    knowledge: &Path,
    data: &Path,
    queries: &Path,
) -> Result<ProbeReport, BenchError> {
    let output = Process::new(&config.exe)
        .args(["bench", "serve-probe", "--queries-file"])
        .arg(queries)
        .arg("--knowledge")
        .arg(knowledge)
        .arg("--index")
        .arg(data)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| BenchError::io(&config.exe, e))?;
    if !output.status.success() {
        return Err(BenchError::Child(format!(
            "serve-probe exited with {}",
            output.status
        )));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).map_err(|e| BenchError::Child(format!("serve-probe printed {line:?}: {e}")))
}

/// Copies the article files of `from` (recursively) and returns the first one copied.
fn copy_dir(from: &Path, to: &Path) -> Result<Option<PathBuf>, BenchError> {
    let mut first = None;
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.map_err(|e| BenchError::Usage(format!("{}: {e}", from.display())))?;
        let Ok(relative) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).map_err(|e| BenchError::io(&target, e))?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| BenchError::io(&target, e))?;
            let is_article = matches!(target.extension().and_then(|e| e.to_str()), Some("txt" | "md"));
            if first.is_none() && is_article {
                first = Some(target);
            }
        }
    }
    Ok(first)
}

/// Reads a queries file written by a run (`topic<TAB>question` per line).
pub fn read_queries(path: &Path) -> Result<Vec<QueryPair>, BenchError> {
    let text = fs::read_to_string(path).map_err(|e| BenchError::io(path, e))?;
    Ok(text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (topic, question) = l.split_once('\t').unwrap_or((l, l));
            (topic.to_string(), question.to_string())
        })
        .collect())
}
