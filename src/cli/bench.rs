//! `factbot bench`: generate a synthetic knowledge base, run the performance benchmark, or
//! (internally) probe the memory of a serving process.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Subcommand};
use factbot::bench::{self, RunConfig, SizeReport};

use crate::Paths;

/// Arguments of `bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub command: BenchCommand,
}

/// What `bench` does.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Write a deterministic synthetic knowledge base of news-shaped articles.
    Generate(GenerateArgs),
    /// Build, open, query and reload knowledge bases of the given sizes and report.
    Run(RunArgs),
    /// Open an index, answer the queries of a file, print memory as JSON (used by `run`).
    #[command(hide = true)]
    ServeProbe(ProbeArgs),
}

/// Arguments of `bench generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    pub articles: usize,
    /// Output folder (sharded into subfolders of at most 1,000 files).
    #[arg(long)]
    pub out: PathBuf,
    /// Seed of the generator.
    #[arg(long, default_value_t = 6)]
    pub seed: u64,
}

/// Arguments of `bench run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Synthetic sizes in articles, comma-separated (`0` for none, to run only --corpus).
    #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
    pub sizes: Vec<usize>,
    /// Timed queries per run (each asked as `stat` and as `ask`).
    #[arg(long, default_value_t = 2000)]
    pub queries: usize,
    /// Folder for generated knowledge bases and indexes (reused between runs).
    #[arg(long, default_value = "target/factbot-bench")]
    pub work_dir: PathBuf,
    /// Seed of knowledge bases and queries.
    #[arg(long, default_value_t = 6)]
    pub seed: u64,
    /// Also (or, with --sizes 0, only) measure this real corpus folder.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Cases file (JSON lines) whose queries are used for --corpus.
    #[arg(long, requires = "corpus")]
    pub cases: Option<PathBuf>,
    /// Print JSON lines only (one per run, then one per target).
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `bench serve-probe`.
#[derive(Debug, Args)]
pub struct ProbeArgs {
    /// Queries, one `topic<TAB>question` per line.
    #[arg(long)]
    pub queries_file: PathBuf,
    #[command(flatten)]
    pub paths: Paths,
}

/// Runs a `bench` subcommand.
pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        BenchCommand::Generate(g) => {
            let generated = bench::generate(&g.out, g.articles, g.seed)
                .with_context(|| format!("while generating articles into {}", g.out.display()))?;
            println!(
                "{} article(s), {:.1} MB in {}",
                generated.articles,
                generated.bytes as f64 / 1e6,
                g.out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Run(r) => run_benchmark(r),
        BenchCommand::ServeProbe(p) => {
            let started = Instant::now();
            let engine = super::open_engine(&p.paths)?;
            let open = started.elapsed();
            let queries = bench::read_queries(&p.queries_file)?;
            let report = bench::serve_probe(&engine, &queries, open)?;
            println!("{}", serde_json::to_string(&report)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_benchmark(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let sizes: Vec<usize> = args.sizes.iter().copied().filter(|n| *n > 0).collect();
    if sizes.is_empty() && args.corpus.is_none() {
        anyhow::bail!("nothing to run: give --sizes or --corpus");
    }
    std::fs::create_dir_all(&args.work_dir)
        .with_context(|| format!("while creating work folder {}", args.work_dir.display()))?;
    let config = RunConfig {
        work_dir: std::path::absolute(&args.work_dir).unwrap_or_else(|_| args.work_dir.clone()),
        queries: args.queries.max(1),
        seed: args.seed,
        exe: std::env::current_exe().context("while locating the factbot binary")?,
    };
    let mut reports: Vec<SizeReport> = Vec::new();
    let mut corpus_labels = Vec::new();
    for &n in &sizes {
        let report =
            bench::run_size(&config, n).with_context(|| format!("while benchmarking {n} articles"))?;
        emit(&report, args.json)?;
        reports.push(report);
    }
    if let Some(corpus) = &args.corpus {
        let cases = args
            .cases
            .as_ref()
            .context("--corpus needs --cases FILE for its queries")?;
        let report = bench::run_corpus(&config, corpus, cases)
            .with_context(|| format!("while benchmarking corpus {}", corpus.display()))?;
        corpus_labels.push(report.label.clone());
        emit(&report, args.json)?;
        reports.push(report);
    }
    let verdicts = bench::verdicts(&reports, &corpus_labels);
    if args.json {
        for v in &verdicts {
            println!("{}", serde_json::json!({ "kind": "target", "target": v }));
        }
    } else {
        println!();
        print!("{}", bench::table(&reports));
        println!();
        print!("{}", bench::verdict_lines(&verdicts));
        print!("{}", bench::not_run_lines(&verdicts));
    }
    Ok(ExitCode::SUCCESS)
}

/// One JSON line per run as soon as it is done, so a long run shows progress.
fn emit(report: &SizeReport, json_only: bool) -> anyhow::Result<()> {
    let line = serde_json::json!({ "kind": "run", "run": report });
    if json_only {
        println!("{line}");
    } else {
        eprintln!("{line}");
    }
    Ok(())
}
